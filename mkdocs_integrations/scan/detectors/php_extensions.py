"""PHP extensions a Dockerfile builds into the app's image.

A PHP app reaches PostgreSQL, Redis or LDAP through a compiled extension (`pdo_pgsql`, `redis`,
`ldap`), not a Composer package, so the image recipe is often the only place that names the
system: `docker-php-ext-install pdo_pgsql`, `install-php-extensions redis`, `pecl install
mongodb-1.19.0`, or a distribution package (`apt-get install php8.2-pgsql`, `apk add
php83-pecl-redis`). Extension names are looked up in the catalog's `php-ext` packages, so
`gd`, `intl` or `zip` name nothing. composer.json's `ext-*` requirements are read by the
Composer manifest detector with the same ecosystem.

An image that installs extensions for six or more systems is a general-purpose PHP runtime
(Laravel Sail's Dockerfile: pgsql, mysql, sqlite3, redis, memcached, ldap, imap): it shows what
the app could be pointed at, not what it uses, so its extensions only describe services found
otherwise (`one_of_many`). So do those of a development image, a build stage that builds in
Xdebug (the step debugger, never run in production): it prepares a developer's machine for
whatever they may try (InvoicePlane's `install-php-extensions ... imap ... redis ... xdebug` for
an app that uses neither), so its extensions describe the services the app's code and config
show otherwise. Per stage: a multi-stage file's `FROM base AS dev` adding Xdebug leaves the
extensions of its `base` stage, which production builds on too, as they are.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterator

from ...model import PACKAGE, Evidence
from .base import Context, Detector, Record, Source
from .hosting import is_dockerfile

ECOSYSTEM = "php-ext"
CATCH_ALL = 6  # systems named by one file's extensions, from which on the image is a general runtime
DEVELOPMENT = frozenset({"xdebug"})  # extensions only a development image builds in
_STAGE = re.compile(r"^[ \t]*FROM[ \t]", re.M | re.I)

# The installer commands and the words up to the end of the shell command (`;`, `&&`, `|`, or
# a line end that no backslash continues).
_INSTALLER = re.compile(
    r"\b(?:docker-php-ext-(?:install|enable)|install-php-extensions|pecl\s+install)\b"
    r"((?:[ \t]+|[ \t]*\\\r?\n)(?:[^;&|\n\\]|\\\r?\n)*)"
)
_WORD = re.compile(r"(?<![\w$/.-])([A-Za-z][\w]*)(?:-(\d[\w.]*))?(?![\w/.$-])")
# Distribution packages: `php8.2-pgsql`, `php-redis`, `php82-pdo_pgsql`, `php83-pecl-mongodb`.
_DISTRO = re.compile(r"(?<![\w.-])php(?:\d+(?:\.\d+)?)?-(?:pecl-)?([a-z][a-z0-9_]*)(?![\w.-])")


def _comment(text: str, offset: int) -> bool:
    start = text.rfind("\n", 0, offset) + 1
    return text[start:offset].lstrip().startswith("#")


def detect(src: Source, ctx: Context) -> Iterator[Record]:
    text = src.text
    found: list[tuple[int, str, str]] = []
    for m in _INSTALLER.finditer(text):
        if _comment(text, m.start()):
            continue
        args = m.group(1)
        for w in _WORD.finditer(args):
            found.append((m.start(1) + w.start(1), w.group(1).lower(), w.group(2) or ""))
    if "install" in text or "apk add" in text:
        for m in _DISTRO.finditer(text):
            if not _comment(text, m.start()):
                found.append((m.start(1), m.group(1), ""))
    known: dict[str, tuple[int, str]] = {}
    for offset, name, version in sorted(found):
        if name not in known and ctx.index.package(ECOSYSTEM, name):
            known[name] = (offset, version)
    systems = {sid for name in known for sid, _ in ctx.index.package(ECOSYSTEM, name)}
    catch_all = len(systems) >= CATCH_ALL
    stages = [m.start() for m in _STAGE.finditer(text)]
    development = {_stage_of(stages, offset) for offset, name, _ in found if name in DEVELOPMENT}
    for name, (offset, version) in known.items():
        many = catch_all or _stage_of(stages, offset) in development
        yield Evidence(path=src.rel, line=src.line_of(offset), kind=PACKAGE, name=name, version=version[:60],
                       ecosystem=ECOSYSTEM, detail=(("dockerfile", "1"),) + ((("one_of_many", "1"),) if many else ()))


def _stage_of(stages: list[int], offset: int) -> int:
    """The build stage (counted by its `FROM` line) an offset of the Dockerfile is in."""
    return bisect_right(stages, offset)


DETECTOR = Detector(
    name="php-extensions",
    accepts=lambda rel, name, ctx: is_dockerfile(name),
    detect=detect,
    literals=lambda ctx: ("php",),
)
