"""PHP packages: composer.json (require, require-dev) and composer.lock.

Platform requirements (`php`, `lib-*`, `composer-*`) are the runtime, not a package anyone
installs, so they are skipped. An `ext-*` requirement is the compiled extension the app talks
to a system through (`ext-pdo_pgsql`, `ext-redis`, `ext-ldap`): kept as a `php-ext` package
when the catalog knows the extension, so `ext-json` or `ext-mbstring` name nothing; one in
`require-dev` is the test suite's (`ext-pdo_sqlite` for an in-memory test database).

A `config.vendor-dir` other than `vendor/` puts the installed packages beside the app's code,
often committed (FreshRSS's `lib/simplepie/simplepie/`): each required package's folder there
is reported as a `vendored:` fact, so the libraries' optional backends (SimplePie's Memcached
and Redis caches) are not taken for the app's.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator

import posixpath

from ...model import FEATURE, PACKAGE, Evidence
from ...paths import VENDORED_FACT
from .base import BadInput, Context, Detector, Record, Source

SECTIONS = ("require", "require-dev")


def _platform(name: str) -> bool:
    lower = name.lower()
    return lower in ("php", "php-64bit", "hhvm", "composer") or lower.startswith(("lib-", "composer-"))


def _json(src: Source) -> dict:
    try:
        data = json.loads(src.text)
    except json.JSONDecodeError as exc:
        raise BadInput(f"invalid JSON ({exc.msg})", exc.lineno) from None
    if not isinstance(data, dict):
        raise BadInput("not a JSON object", 1)
    return data


def _key_offset(src: Source, key: str, start: int = 0) -> int:
    """Offset of `"key":` at or after `start`, or -1 (JSON escapes `/` as `\\/` at times)."""
    body = re.escape(key).replace("/", r"\\?/")
    m = re.compile(r'"' + body + r'"\s*:').search(src.text, start)
    return m.start() if m else -1


def _installed_folders(src: Source, data: dict) -> Iterator[Record]:
    config = data.get("config")
    vendor_dir = config.get("vendor-dir") if isinstance(config, dict) else None
    if not isinstance(vendor_dir, str) or not vendor_dir.strip() or posixpath.isabs(vendor_dir):
        return
    base = posixpath.normpath(posixpath.join(posixpath.dirname(src.rel), vendor_dir.strip()))
    if base.startswith(".."):
        return  # installed outside the scanned tree
    line = src.line_of(max(_key_offset(src, "vendor-dir"), 0))
    for section in SECTIONS:
        deps = data.get(section)
        for key in deps if isinstance(deps, dict) else ():
            if "/" in key and not key.startswith(("ext-", "lib-")):
                folder = posixpath.normpath(posixpath.join(base, key.lower()))
                yield Evidence(path=src.rel, line=line, kind=FEATURE, name=f"{VENDORED_FACT}{folder}/")


def detect_composer_json(src: Source, ctx: Context) -> Iterator[Record]:
    data = _json(src)
    yield from _installed_folders(src, data)
    for section in SECTIONS:
        deps = data.get(section)
        if not isinstance(deps, dict):
            continue
        sec_off = max(_key_offset(src, section), 0)
        for key, constraint in deps.items():
            name, ecosystem = key, "packagist"
            if key.lower().startswith("ext-"):
                name, ecosystem = key[4:].lower(), "php-ext"
                if section == "require-dev" or not ctx.index.package(ecosystem, name):
                    continue  # a dev extension is the test suite's (SQLite for the tests)
            elif _platform(name):
                continue
            off = _key_offset(src, key, sec_off)
            yield Evidence(
                path=src.rel, line=src.line_of(off) if off >= 0 else 1, kind=PACKAGE, name=name,
                version=constraint[:60] if isinstance(constraint, str) else "",
                ecosystem=ecosystem, detail=(("section", section),),
            )


def detect_composer_lock(src: Source, ctx: Context) -> Iterator[Record]:
    """Installed versions of the packages the catalog knows: a lock lists every transitive one."""
    data = _json(src)
    for section in ("packages", "packages-dev"):
        packages = data.get(section)
        if not isinstance(packages, list):
            continue
        for pkg in packages:
            if not isinstance(pkg, dict) or not isinstance(pkg.get("name"), str):
                continue
            name = pkg["name"]
            if not (ctx.index.package("packagist", name) or ctx.index.client_package("packagist", name)):
                continue
            body = re.escape(name).replace("/", r"\\?/")
            m = re.search(r'"name"\s*:\s*"' + body + '"', src.text)
            version = pkg.get("version")
            yield Evidence(
                path=src.rel, line=src.line_of(m.start()) if m else 1, kind=PACKAGE, name=name,
                version=version[:60] if isinstance(version, str) else "", ecosystem="packagist",
                detail=(("locked", "1"),) + ((("section", "dev"),) if section == "packages-dev" else ()),
            )


DETECTOR = Detector(
    name="php-composer",
    accepts=lambda rel, name, ctx: name in ("composer.json", "composer.lock"),
    detect=lambda src, ctx: detect_composer_lock(src, ctx) if src.name == "composer.lock" else detect_composer_json(src, ctx),
)
