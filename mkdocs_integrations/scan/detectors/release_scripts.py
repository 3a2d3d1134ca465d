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

# fastlane's Fastfile (`fastlane/Fastfile`, next to a mobile app's android/ or ios/ project) is
# the release recipe of a mobile app: its lanes run `upload_to_play_store`, `upload_to_testflight`,
# `upload_to_app_store`, which CI only invokes as `bundle exec fastlane <lane>`.
_RECIPE_NAMES = frozenset({
    "Makefile", "GNUmakefile", "makefile", "justfile", "Justfile", ".justfile",
    "Taskfile.yml", "Taskfile.yaml", "Rakefile", "Fastfile",
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
    # (indented too: an assignment inside an `ifeq ($(PUSH),1)` block, `PUSH_ARG=--push`)
    r"""^[ \t]*(?:(?:export|override)[ \t]+)?([A-Za-z_]\w{0,63})[ \t]*(?::{1,3}=|\?=|=)[ \t]*([^\s#;$]{1,300})[ \t]*$""",
    re.M,
)
_MAKEFILES = frozenset({"Makefile", "GNUmakefile", "makefile"})


def _makefile(name: str) -> bool:
    """A Makefile, or a part of one it includes (`Makefile.binaries.mk`, `build/docker.mk`)."""
    return name in _MAKEFILES or name.endswith(".mk")
# `${IMAGE}`, `$IMAGE`, and Make's `$(IMAGE)` (a shell `$(cmd)` names no variable set in the
# file, so it stays as it is).
_REF = re.compile(r"\$\{([A-Za-z_]\w{0,63})\}|\$\(([A-Za-z_]\w{0,63})\)|\$([A-Za-z_]\w{0,63})")
_ROUNDS = 3  # `tag` → `$image_name:$VERSION` → `acme/app-$app:$VERSION`

# The same for PowerShell, where .NET projects keep their release steps: `PushNuget.ps1`,
# `Publish-Package.ps1`, `release.ps1` (PascalCase or dashed verb-noun names; `#` comments too).
_RELEASE_PS1 = re.compile(
    r"^(?:[A-Za-z0-9]+[-_]?)?(?:release|deploy|publish|push|build)(?:[-_]?[\w-]*)?\.ps1$", re.I
)


# Python build scripts publish images too (`contrib/docker/build.py`, `scripts/release.py`,
# `tools/release/push_images.py`): a file named like a release script, or any script in a folder
# for images or releases. What they run is an argument list (`['docker', 'buildx', 'build', ...,
# '--push']`), so the command is read from the file's literals (`_python_pushes`).
_RELEASE_PY = re.compile(
    r"^(?:[a-z0-9]+[-_])?(?:release|deploy|publish|push|build|buildx)(?:[-_][\w-]*)?\.py$", re.I
)
_RELEASE_PY_DIRS = frozenset({"docker", "release", "releases", "releasing", "deploy", "deployment", "publish"})


def _is_release_py(rel: str, name: str) -> bool:
    if not name.endswith(".py"):
        return False
    if _RELEASE_PY.match(name):
        return True
    return any(p.lower() in _RELEASE_PY_DIRS for p in rel.split("/")[:-1])


# A self-hosting install or provisioning script (`install.sh`, `gl-install.sh`, `provision.sh`)
# deploys the app onto a server: the same deploy steps run there (certbot asking Let's Encrypt
# for the host's certificate). Named for installing as a whole: `install-deps.sh` sets up a
# developer's machine. Shell only, and with its extension: a bare `install` is as often a
# packaging file (debian/install) as a script.
_INSTALL_SCRIPT = re.compile(r"^(?:[a-z0-9]+[-_])?(?:install|installer|provision)\.(?:sh|bash)$")


def is_recipe(name: str) -> bool:
    return name in _RECIPE_NAMES or _makefile(name) or bool(_RELEASE_SCRIPT.match(name)) or bool(_RELEASE_PS1.match(name))


# A folder of release shell scripts, one per store or channel they publish to (`scripts/upload/
# app-store-connect.sh`, `scripts/upload/play-store.sh`, `scripts/release/pypi.sh`): each script
# is named for its destination, not for releasing, so the folder says it is a recipe. Shell only,
# and the catalog's deploy steps still decide what a line publishes.
_RELEASE_SH_DIRS = frozenset({"release", "releases", "releasing", "deploy", "deployment", "publish", "upload", "uploads"})


def _in_release_dir(rel: str, name: str) -> bool:
    return name.endswith((".sh", ".bash")) and any(p.lower() in _RELEASE_SH_DIRS for p in rel.split("/")[:-1])


def _accepts(rel: str, name: str) -> bool:
    if is_test_path(rel):  # a test's Makefile deploys a fixture
        return False
    return is_recipe(name) or _is_release_py(rel, name) or _in_release_dir(rel, name) or bool(_INSTALL_SCRIPT.match(name))


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


# A Python string literal (no triple quotes, no escapes across lines), its prefix kept for f-strings.
_PY_STR = re.compile(r"""(?<![\w'"])([rRbBfF]{0,2})(?:'([^'\\\n]*(?:\\.[^'\\\n]*)*)'|"([^"\\\n]*(?:\\.[^"\\\n]*)*)")""")
# The push in an argument list: `'docker', 'push'`, `'docker', 'image', 'push'`; or a buildx build
# (`'docker', 'buildx', 'build'`) with a `'--push'` argument somewhere in the file.
_PY_LIST_PUSH = re.compile(r"""['"]docker['"]\s*,\s*(?:['"]image['"]\s*,\s*)?['"]push['"]""")
_PY_LIST_BUILDX = re.compile(r"""['"]docker['"]\s*,\s*['"]buildx['"]""")
_PY_PUSH_FLAG = re.compile(r"""['"]--push['"]""")
# The image: a constant named for it (`IMAGE_NAME = 'beanbag/reviewboard'`, `DOCKER_REPO = "acme/app"`)
# or a literal tag argument (`'-t', 'acme/app:latest'`). `owner/name` or `host/owner/name`, a `:tag` allowed.
_IMAGE_REF = r"""[a-z0-9][a-z0-9._-]*(?::\d+)?/[a-z0-9][a-z0-9._/-]*(?::[\w.-]+)?"""
_PY_IMAGE_CONST = re.compile(
    r"""^[ \t]*(?:self\.)?([A-Za-z_]*(?:IMAGE|REPO|REPOSITORY)[A-Za-z_0-9]*)[ \t]*(?::[^=\n]*)?=[ \t]*"""
    r"""['"](""" + _IMAGE_REF + r""")['"][ \t]*$""",
    re.M | re.I,
)
_PY_TAG_ARG = re.compile(r"""['"](?:-t|--tag)['"]\s*,\s*['"](""" + _IMAGE_REF + r""")['"]""")
# `{IMAGE_NAME}` in an f-string or `.format()` template: filled with the constant's value.
_PY_FIELD = re.compile(r"\{([A-Za-z_]\w{0,63})\}")


def _python_pushes(src: Source, ctx: Context) -> Iterator[Record]:
    """A Python release script's image pushes, read as the shell command they amount to.

    Pushing: an argument list `['docker', 'push', ...]`, or `['docker', 'buildx', 'build', ...]`
    with a `'--push'` (often appended under an `--upload` option), or a command string
    (`f"docker push {IMAGE}:{version}"`). A `docker build` without push, or a pull, is none.
    The image: a constant named for it or a literal `-t` argument; each is read as
    `docker push <image>`, so the catalog's deploy steps decide the registry (`owner/name`
    → Docker Hub, `ghcr.io/owner/name` → GHCR). A variable image (a user's registry) gives nothing.
    """
    text = strip_comments(src.text, HASH)
    if "docker" not in text:
        return
    consts = {m.group(1): m for m in _PY_IMAGE_CONST.finditer(text)}
    values = {k: m.group(2) for k, m in consts.items()}
    # command strings first: `"docker push acme/app"`, `f"docker push {IMAGE}:{tag}"`
    found = False
    for m in _PY_STR.finditer(text):
        body = m.group(2) if m.group(2) is not None else m.group(3)
        if "docker" not in body or "push" not in body:
            continue
        command = _PY_FIELD.sub(lambda f: values.get(f.group(1), f.group(0)), body)
        for rec in deploy_steps(src.rel, src.line_of(m.start()), command, ctx):
            found = True
            yield rec
    if found:
        return
    push = _PY_LIST_PUSH.search(text)
    if push is None and _PY_LIST_BUILDX.search(text):
        push = _PY_PUSH_FLAG.search(text)
    if push is None:
        return
    images = [(m.group(2), m.start(2)) for m in consts.values()]
    images += [(m.group(1), m.start(1)) for m in _PY_TAG_ARG.finditer(text)]
    line = src.line_of(push.start())
    seen: set[str] = set()
    for image, _ in images:
        for rec in deploy_steps(src.rel, line, f"docker push {image}", ctx):
            if rec.name not in seen:
                seen.add(rec.name)
                yield rec


# A justfile's own variables, `name := "value"` at a line's start, used in recipes as `{{ name }}`.
# A variable set by a backtick command or an expression (`docker := \`which docker || which podman\``,
# the container runtime found on the maintainer's machine) is read as its own name: the recipe
# line `{{ docker }} push ghcr.io/acme/app:latest` is a `docker push` whichever runtime runs it.
_JUSTFILES = frozenset({"justfile", "Justfile", ".justfile"})
_JUST_ASSIGN = re.compile(r"""^(?:export[ \t]+)?([A-Za-z_][\w-]{0,63})[ \t]*:=[ \t]*(?:"([^"\\\n]{0,300})"|'([^'\n]{0,300})')[ \t]*$""", re.M)
_JUST_REF = re.compile(r"\{\{[ \t]*([A-Za-z_][\w-]{0,63})[ \t]*\}\}")


def _just_expanded(text: str) -> str:
    """A justfile's `{{ name }}` interpolations read with the file's string variables, any other
    one as the variable's name."""
    if "{{" not in text:
        return text
    values: dict[str, set[str]] = {}
    for m in _JUST_ASSIGN.finditer(text):
        values.setdefault(m.group(1), set()).add(m.group(2) if m.group(2) is not None else m.group(3))
    single = {k: next(iter(v)) for k, v in values.items() if len(v) == 1}
    return _JUST_REF.sub(lambda m: single.get(m.group(1), m.group(1)), text)


def detect(src: Source, ctx: Context) -> Iterator[Record]:
    if src.name.endswith(".py"):
        yield from _python_pushes(src, ctx)
        return
    text = strip_comments(src.text, HASH)
    if src.name in _JUSTFILES:
        text = _just_expanded(text)
    values = _assignments(text, _makefile(src.name)) if "$" in text and "=" in text else {}
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
    accepts=lambda rel, name, ctx: _accepts(rel, name),
    detect=detect,
)
