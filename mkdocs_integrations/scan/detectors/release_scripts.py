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

from ...model import FEATURE, Evidence
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
# Image build scripts publish too (`sh/docker-build`, `build-images.sh`, `buildx-multi.sh` running
# `docker buildx build ... --push`): the deploy steps still decide, a plain `docker build` is none.
_RELEASE_SCRIPT = re.compile(
    r"^(?:[a-z0-9]+[-_])?(?:release|deploy|publish|push|build|buildx)(?:[-_][\w-]*)?(?:\.sh|\.bash)?$"
)

# Shell variables a script sets once (`local image_name="acme/app-$app"`, `export TAG=...`):
# a command written with them (`docker buildx build -t "$tag" ... --push`) is read with their values.
_ASSIGN = re.compile(
    r"""^[ \t]*(?:(?:local|export|readonly|declare)[ \t]+)?([A-Za-z_]\w{0,63})="""
    r"""(?:"([^"\n]{0,300})"|'([^'\n]{0,300})'|([^\s"'`;&|()]{1,300}))""",
    re.M,
)
# Make's own form: `IMAGE_NAME := acme/app`, `IMAGE ?= acme/app`, `IMAGE = acme/app` (spaces
# around the operator, no quotes), used as `$(IMAGE)`; a Makefile's `docker push $(IMAGE_NAME)`
# pushes that image. Read in Makefiles only: in shell, `X = y` runs a command.
_MAKE_ASSIGN = re.compile(
    r"""^(?:(?:export|override)[ \t]+)?([A-Za-z_]\w{0,63})[ \t]*(?::{1,3}=|\?=|=)[ \t]*([^\s#;$]{1,300})[ \t]*$""",
    re.M,
)
_MAKEFILES = frozenset({"Makefile", "GNUmakefile", "makefile"})
# `${IMAGE}`, `$IMAGE`, and Make's `$(IMAGE)` (a shell `$(cmd)` names no variable set in the
# file, so it stays as it is).
_REF = re.compile(r"\$\{([A-Za-z_]\w{0,63})\}|\$\(([A-Za-z_]\w{0,63})\)|\$([A-Za-z_]\w{0,63})")
_ROUNDS = 3  # `tag` → `$image_name:$VERSION` → `acme/app-$app:$VERSION`

# The same for PowerShell, where .NET projects keep their release steps: `PushNuget.ps1`,
# `Publish-Package.ps1`, `release.ps1` (PascalCase or dashed verb-noun names; `#` comments too).
_RELEASE_PS1 = re.compile(
    r"^(?:[A-Za-z0-9]+[-_]?)?(?:release|deploy|publish|push|build)(?:[-_]?[\w-]*)?\.ps1$", re.I
)


def is_recipe(name: str) -> bool:
    return name in _RECIPE_NAMES or bool(_RELEASE_SCRIPT.match(name)) or bool(_RELEASE_PS1.match(name))


def _assignments(text: str, make: bool = False) -> dict[str, str]:
    """Variables assigned one value only in the file (a name set twice is left unexpanded)."""
    values: dict[str, set[str]] = {}
    for m in _ASSIGN.finditer(text):
        value = next(g for g in (m.group(2), m.group(3), m.group(4), "") if g is not None)
        values.setdefault(m.group(1), set()).add(value)
    for m in _MAKE_ASSIGN.finditer(text) if make else ():  # at a line's start: never a (tab-indented) recipe line
        values.setdefault(m.group(1), set()).add(m.group(2))
    return {k: next(iter(v)) for k, v in values.items() if len(v) == 1}


def _expand(line: str, values: dict[str, str]) -> str:
    for _ in range(_ROUNDS):
        if "$" not in line:
            break
        new = _REF.sub(lambda m: values.get(m.group(1) or m.group(2) or m.group(3), m.group(0)), line)
        if new == line:
            break
        line = new
    return line


def logical_lines(text: str) -> Iterator[list[tuple[int, str]]]:
    """Commands as their physical lines [(line number, text)], backslash-continued lines
    together: a multi-line `docker buildx build \\ -t acme/app \\ --push .` is one command."""
    parts: list[tuple[int, str]] = []
    for ln, raw in enumerate(text.splitlines(), 1):
        stripped = raw.rstrip()
        if stripped.endswith("\\"):
            parts.append((ln, stripped[:-1]))
            continue
        parts.append((ln, raw))
        yield parts
        parts = []
    if parts:
        yield parts


def detect(src: Source, ctx: Context) -> Iterator[Record]:
    text = strip_comments(src.text, HASH)
    values = _assignments(text, src.name in _MAKEFILES) if "$" in text and "=" in text else {}
    for parts in logical_lines(text):
        if len(parts) == 1 and not values:
            yield from deploy_steps(src.rel, parts[0][0], parts[0][1], ctx)
            continue
        # each physical line expanded on its own, so a match's offset tells its line
        segments = [(ln, _expand(raw, values) if values and "$" in raw else raw) for ln, raw in parts]
        command = " ".join(seg for _, seg in segments)
        ends, pos = [], 0
        for ln, seg in segments:
            pos += len(seg) + 1
            ends.append((pos, ln))
        for target, rx in ctx.index.deploy_steps:
            m = rx.search(command)
            if m is None:
                continue
            # the line where the match ends: `--push`, or the pushed image's name
            line = next(ln for end, ln in ends if max(m.end() - 1, m.start()) < end)
            yield Evidence(path=src.rel, line=line, kind=FEATURE, name=f"deploy:{target}", service=target)
            yield Evidence(path=src.rel, line=line, kind=FEATURE, name=f"deploy_from:{src.rel}", service=target)


DETECTOR = Detector(
    name="release_scripts",
    accepts=lambda rel, name, ctx: is_recipe(name) and not is_test_path(rel),  # a test's Makefile deploys a fixture
    detect=detect,
)
