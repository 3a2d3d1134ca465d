"""Files whose mere presence shows a service is used (`vercel.json`, `sentry.properties`).

The patterns live in the catalog (`config_files`), so this detector knows no service.
"""

from __future__ import annotations

from collections.abc import Iterator

from ...model import CONFIG, Evidence
from .base import Context, Detector, Record, Source


def detect(src: Source, ctx: Context) -> Iterator[Record]:
    for sid in ctx.index.config_file(src.rel):
        yield Evidence(path=src.rel, line=0, kind=CONFIG, name=src.name, service=sid)


DETECTOR = Detector(
    name="config-files",
    accepts=lambda rel, name, ctx: bool(ctx.index.config_file(rel)),
    detect=detect,
    needs_text=False,
)
