"""npm manifests and lockfiles: declared packages, workspaces, resolved versions."""

from __future__ import annotations

import re
from collections.abc import Iterator

from ...model import PACKAGE, Evidence
from ._infra import json_data as _json
from .base import BadInput, Context, Detector, Record, Source

DEP_SECTIONS = ("dependencies", "devDependencies", "peerDependencies", "optionalDependencies")
LOCKFILES = ("package-lock.json", "npm-shrinkwrap.json", "yarn.lock", "pnpm-lock.yaml", "bun.lock")


def _key_line(src: Source, key: str, start: int = 0) -> tuple[int, int]:
    """(line, offset) of `"key":` at or after `start`; line 1 when not found."""
    m = re.compile(r'"' + re.escape(key) + r'"\s*:').search(src.text, start)
    if not m:
        return 1, start
    return src.line_of(m.start()), m.start()


def _known(ctx: Context, name: str) -> bool:
    return bool(ctx.index.package("npm", name) or ctx.index.client_package("npm", name))


def detect_package_json(src: Source, ctx: Context) -> Iterator[Record]:
    data = _json(src)
    if not isinstance(data, dict):
        raise BadInput("package.json is not a JSON object", 1)
    for section in DEP_SECTIONS:
        deps = data.get(section)
        if not isinstance(deps, dict):
            continue
        _, sec_off = _key_line(src, section)
        for name, spec in sorted(deps.items()):
            if not isinstance(name, str):
                continue
            line, _ = _key_line(src, name, sec_off)
            yield Evidence(
                path=src.rel,
                line=line,
                kind=PACKAGE,
                name=name,
                version=spec if isinstance(spec, str) and len(spec) < 60 else "",
                ecosystem="npm",
                detail=(("section", section),),
            )


def detect_package_lock(src: Source, ctx: Context) -> Iterator[Record]:
    data = _json(src)
    if not isinstance(data, dict):
        raise BadInput("lockfile is not a JSON object", 1)
    seen: dict[str, str] = {}
    packages = data.get("packages")
    if isinstance(packages, dict):  # lockfileVersion 2 and 3
        for key, meta in packages.items():
            if not isinstance(key, str) or "node_modules/" not in key or not isinstance(meta, dict):
                continue
            name = key.rsplit("node_modules/", 1)[1]
            version = meta.get("version")
            if isinstance(version, str) and key.count("node_modules/") == 1:
                seen.setdefault(name, version)
    deps = data.get("dependencies")
    if isinstance(deps, dict):  # lockfileVersion 1
        for name, meta in deps.items():
            if isinstance(meta, dict) and isinstance(meta.get("version"), str):
                seen.setdefault(name, meta["version"])
    yield from _locked(src, ctx, seen)


# An entry's header, its indented lines, and its version: `version "1.2.3"` (yarn 1),
# `version: 1.2.3` (berry), `"version" "1.2.3"` (npm-written yarn 1 files). Each skipped line is
# read one way only (one indent character, then the rest possessively): `[ \t]+[^\n]*` could
# split a line's indent between the two in as many ways as it has spaces, and an entry whose
# version line the pattern does not read multiplied those splits line by line (cachet's
# 326 KB yarn.lock never finished).
_YARN_ENTRY = re.compile(
    r'^"?((?:@[^@/\s"]+/)?[^@\s",]+)@[^\n]*:\n(?:[ \t][^\n]*+\n)*?[ \t]++"?version"?:? "?([^"\s]+)"?', re.M
)
_PNPM_ENTRY = re.compile(r"^\s+'?/?((?:@[^@/\s']+/)?[^@\s'(:]+)[@/]([0-9][^\s'():]*)[^\n]*:\s*$", re.M)


def detect_yarn_lock(src: Source, ctx: Context) -> Iterator[Record]:
    seen: dict[str, str] = {}
    for m in _YARN_ENTRY.finditer(src.text):
        seen.setdefault(m.group(1), m.group(2))
    yield from _locked(src, ctx, seen)


def detect_pnpm_lock(src: Source, ctx: Context) -> Iterator[Record]:
    seen: dict[str, str] = {}
    for m in _PNPM_ENTRY.finditer(src.text):
        seen.setdefault(m.group(1), m.group(2))
    yield from _locked(src, ctx, seen)


def _locked(src: Source, ctx: Context, versions: dict[str, str]) -> Iterator[Record]:
    """Only packages the catalog knows: a lockfile lists thousands we do not need."""
    for name, version in sorted(versions.items()):
        if not _known(ctx, name):
            continue
        idx = src.text.find(name)
        yield Evidence(
            path=src.rel,
            line=src.line_of(idx) if idx >= 0 else 1,
            kind=PACKAGE,
            name=name,
            version=version,
            ecosystem="npm",
            detail=(("locked", "1"),),
        )


def _dispatch(src: Source, ctx: Context) -> Iterator[Record]:
    name = src.name
    if name == "package.json":
        return detect_package_json(src, ctx)
    if name in ("package-lock.json", "npm-shrinkwrap.json"):
        return detect_package_lock(src, ctx)
    if name == "yarn.lock":
        return detect_yarn_lock(src, ctx)
    return detect_pnpm_lock(src, ctx)


DETECTOR = Detector(
    name="npm",
    accepts=lambda rel, name, ctx: name == "package.json" or name in LOCKFILES[:4],
    detect=_dispatch,
)
