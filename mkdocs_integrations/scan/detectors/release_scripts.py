"""Release recipes outside CI: Makefile, justfile and Taskfile targets, release/deploy scripts.

Many projects publish from a maintainer's machine (`just release` running `twine upload`,
`make docker-push`, `scripts/deploy.sh` running `fly deploy`), so the CI files alone miss
where the app is published. The commands are the same as in CI, so the catalog's
`deploy_steps` (each host's own publish commands) decide; this module only knows which
files are recipes. Records: FEATURE "deploy:<host id>" and "deploy_from:<path>" on the
line of the command, as the CI detector does. Comments are not evidence.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from ...paths import is_test_path
from ..lexing import HASH, strip_comments
from .base import Context, Detector, Record, Source
from .ci import deploy_steps

_RECIPE_NAMES = frozenset({
    "Makefile", "GNUmakefile", "makefile", "justfile", "Justfile", ".justfile",
    "Taskfile.yml", "Taskfile.yaml", "Rakefile",
})
# A shell script whose name says it releases: scripts/release.sh, bin/deploy, publish-docker.sh,
# scripts/docker/push.sh, docker-push.sh. Shell only: a `release.yml` is a CI workflow (the CI
# detector's) or a config file.
_RELEASE_SCRIPT = re.compile(r"^(?:[a-z0-9]+[-_])?(?:release|deploy|publish|push)(?:[-_][\w-]*)?(?:\.sh|\.bash)?$")


def is_recipe(name: str) -> bool:
    return name in _RECIPE_NAMES or bool(_RELEASE_SCRIPT.match(name))


def detect(src: Source, ctx: Context) -> Iterator[Record]:
    text = strip_comments(src.text, HASH)
    for ln, raw in enumerate(text.splitlines(), 1):
        yield from deploy_steps(src.rel, ln, raw, ctx)


DETECTOR = Detector(
    name="release_scripts",
    accepts=lambda rel, name, ctx: is_recipe(name) and not is_test_path(rel),  # a test's Makefile deploys a fixture
    detect=detect,
)
