"""Files whose mere presence shows a service is used (`vercel.json`, `sentry.properties`).

The patterns live in the catalog (`config_files`), so this detector knows no service.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterator

from ...catalog.index import CatalogIndex
from ...model import CONFIG, FEATURE, Evidence
from ...paths import GENERATED_CLIENT_FACT, GENERATOR_MARKERS
from .base import Context, Detector, Record, Source

# A deployment profile: a settings module or environment file named after the platform it
# configures (Django's `settings/clever-cloud.py`, Rails' `config/environments/heroku.rb`).
_PROFILE = re.compile(r"(?:^|/)(?:settings|environments)/([A-Za-z][\w-]*)\.(?:py|rb)$")


@functools.lru_cache(maxsize=4)
def _hosting_by_name(index: CatalogIndex) -> dict[str, str]:
    """Squashed hosting-service id (`clevercloud`) -> id (`clever-cloud`)."""
    return {sid.replace("-", ""): sid for sid, svc in index.catalog.services.items() if svc.category == "hosting"}


def _profile_of(rel: str, index: CatalogIndex) -> str | None:
    m = _PROFILE.search(rel)
    return _hosting_by_name(index).get(re.sub(r"[-_]", "", m.group(1).lower())) if m else None


def detect(src: Source, ctx: Context) -> Iterator[Record]:
    if src.name in GENERATOR_MARKERS:
        folder = src.rel[: -len(src.name)]
        yield Evidence(path=src.rel, line=0, kind=FEATURE, name=GENERATED_CLIENT_FACT + folder)
    for sid in ctx.index.config_file(src.rel):
        yield Evidence(path=src.rel, line=0, kind=CONFIG, name=src.name, service=sid)
    profile = _profile_of(src.rel, ctx.index)
    if profile:
        yield Evidence(path=src.rel, line=0, kind=CONFIG, name=src.name, service=profile)


DETECTOR = Detector(
    name="config-files",
    accepts=lambda rel, name, ctx: (
        name in GENERATOR_MARKERS or bool(ctx.index.config_file(rel)) or _profile_of(rel, ctx.index) is not None
    ),
    detect=detect,
    needs_text=False,
)
