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

An app whose code ships as its own vendor's packages (fleetbase/fleetbase requiring
fleetbase/core-api, which requires sentry/sentry-laravel and twilio/sdk) declares its
services in those packages' manifests, which the lock file copies: composer.json marks the
requires of the root's own vendor (`first_party`), composer.lock the vendors that require
each locked package (`required_by`), and the resolver counts a locked package that a
first-party package requires as the app's own (`inventory.route.first_party_requires`).
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

# Framework skeletons keep the template's name (`laravel/laravel`): the framework's own
# packages they require (laravel/framework) are no code of the app's.
SKELETON_NAMES = frozenset({
    "laravel/laravel", "laravel/lumen", "symfony/skeleton", "symfony/website-skeleton", "cakephp/app",
    "slim/slim-skeleton", "codeigniter4/appstarter", "yiisoft/yii2-app-basic", "yiisoft/yii2-app-advanced",
    "laminas/laminas-mvc-skeleton", "drupal/recommended-project", "drupal/legacy-project",
})


def _vendor(name: str) -> str:
    return name.split("/", 1)[0].lower() if "/" in name else ""


def _own_vendor(data: dict) -> str:
    """The vendor of the root package's own name (`fleetbase` of fleetbase/fleetbase), '' for
    none or a framework skeleton's."""
    name = data.get("name")
    if not isinstance(name, str) or name.lower() in SKELETON_NAMES:
        return ""
    return _vendor(name)


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
    own = _own_vendor(data)
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
                ecosystem=ecosystem,
                detail=(("section", section),) + ((("first_party", "1"),) if own and _vendor(name) == own else ()),
            )


def detect_composer_lock(src: Source, ctx: Context) -> Iterator[Record]:
    """Installed versions of the packages the catalog knows: a lock lists every transitive one."""
    data = _json(src)
    required_by: dict[str, set[str]] = {}  # package -> vendors of the locked packages requiring it
    for section in ("packages", "packages-dev"):
        for pkg in data.get(section) if isinstance(data.get(section), list) else ():
            if isinstance(pkg, dict) and isinstance(pkg.get("name"), str) and isinstance(pkg.get("require"), dict):
                for dep in pkg["require"]:
                    if isinstance(dep, str):
                        required_by.setdefault(dep.lower(), set()).add(_vendor(pkg["name"]))
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
                detail=(("locked", "1"),) + ((("section", "dev"),) if section == "packages-dev" else ())
                + ((("required_by", " ".join(sorted(required_by[name.lower()]))),) if name.lower() in required_by else ()),
            )


DETECTOR = Detector(
    name="php-composer",
    accepts=lambda rel, name, ctx: name in ("composer.json", "composer.lock"),
    detect=lambda src, ctx: detect_composer_lock(src, ctx) if src.name == "composer.lock" else detect_composer_json(src, ctx),
)
