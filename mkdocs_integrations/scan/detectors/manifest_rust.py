"""Rust crates: Cargo.toml dependency tables (plain, dev, build, workspace, per target) and
Cargo.lock for resolved versions."""

from __future__ import annotations

import re
from collections.abc import Iterator

from ...model import PACKAGE, Evidence
from ._infra import locked_package, toml_data as _toml
from .base import Context, Detector, Record, Source


SECTIONS = ("dependencies", "dev-dependencies", "build-dependencies")

# Umbrella features that turn on every database driver of a toolkit (the URL picks one at run
# time): read as the per-driver features they enable, as the crates' own Cargo.toml defines them.
_UMBRELLA_FEATURES = {
    "sea-orm": {"sqlx-all": ("sqlx-mysql", "sqlx-postgres", "sqlx-sqlite")},
    "sqlx": {"all-databases": ("mysql", "postgres", "sqlite")},
}


def _header(src: Source, table: str) -> int:
    """Offset of the `[table]` header (quotes and spaces around dots ignored), or -1."""
    parts = [re.escape(p) for p in table.split("\x00")]
    rx = r"(?m)^[ \t]*\[\s*" + r"\s*\.\s*".join(rf"""["']?{p}["']?""" for p in parts) + r"\s*\]"
    m = re.search(rx, src.text)
    return m.start() if m else -1


def _line(src: Source, table: str, key: str) -> int:
    """Line of `key` in `[table]`, or of a `[table.key]` sub-table; the header's line else."""
    sub = _header(src, table + "\x00" + key)
    if sub >= 0:
        return src.line_of(sub)
    start = _header(src, table)
    if start >= 0:
        nxt = re.compile(r"(?m)^[ \t]*\[").search(src.text, start + 1)
        end = nxt.start() if nxt else len(src.text)
        m = re.compile(rf"""(?m)^[ \t]*["']?{re.escape(key)}["']?\s*[=.]""").search(src.text, start, end)
        return src.line_of(m.start() if m else start)
    # Dotted keys in a parent table: `[target.'cfg(unix)']` + `dependencies.foo = "1"`.
    m = re.compile(rf"""(?m)^[ \t]*[^#\n]*?\bdependencies\s*\.\s*["']?{re.escape(key)}["']?\s*[=.]""").search(src.text)
    return src.line_of(m.start()) if m else 1


def _deps(src: Source, table: str, deps: object, section: str, ctx: Context | None = None) -> Iterator[Record]:
    if not isinstance(deps, dict):
        return
    for key, spec in deps.items():
        name, version, extra, features = key, "", [], []
        if isinstance(spec, str):
            version = spec
        elif isinstance(spec, dict):
            if isinstance(spec.get("package"), str):  # renamed: `pay = { package = "async-stripe" }`
                name = spec["package"]
            if isinstance(spec.get("version"), str):
                version = spec["version"]
            if spec.get("workspace") is True:
                extra.append(("workspace", "1"))
            if isinstance(spec.get("git"), str) or isinstance(spec.get("path"), str):
                extra.append(("source", "git" if "git" in spec else "path"))
            if isinstance(spec.get("features"), list):
                features = [f for f in spec["features"] if isinstance(f, str)]
        line = _line(src, table, key)
        yield Evidence(
            path=src.rel, line=line, kind=PACKAGE, name=name,
            version=version[:60], ecosystem="crates", detail=(("section", section), *extra),
        )
        # A database toolkit's driver is a Cargo feature, not a crate of its own: sqlx's
        # `features = ["sqlite"]`, sea-orm's `"sqlx-postgres"` / `"sqlx-all"`, diesel's
        # `"mysql"`. The catalog lists such features as `crate/feature`; only known ones are
        # recorded, so a crate's many other features add nothing.
        umbrella = _UMBRELLA_FEATURES.get(name, {})
        for feature in dict.fromkeys(f for feat in features for f in umbrella.get(feat, (feat,))):
            spelled = f"{name}/{feature}"
            if ctx is not None and ctx.index.package("crates", spelled):
                yield Evidence(
                    path=src.rel, line=line, kind=PACKAGE, name=spelled,
                    version=version[:60], ecosystem="crates", detail=(("section", section), ("feature", "1"), *extra),
                )


def detect_cargo_toml(src: Source, ctx: Context) -> Iterator[Record]:
    data = _toml(src)
    for section in SECTIONS:
        yield from _deps(src, section, data.get(section), section, ctx)
    workspace = data.get("workspace")
    if isinstance(workspace, dict):
        yield from _deps(src, "workspace\x00dependencies", workspace.get("dependencies"), "workspace", ctx)
    yield from _feature_table(src, data.get("features"), ctx)
    targets = data.get("target")
    if isinstance(targets, dict):
        for target, body in targets.items():
            if not isinstance(body, dict):
                continue
            for section in SECTIONS:
                yield from _deps(src, f"target\x00{target}\x00{section}", body.get(section), f"target:{section}", ctx)


def _feature_table(src: Source, features: object, ctx: Context) -> Iterator[Record]:
    """A crate's own features that switch a dependency's driver on (`[features] sqlite =
    ["diesel/sqlite"]`): a build the maintainers offer, one database per feature (chirpstack's
    PostgreSQL and SQLite builds), as sure as the same feature listed on the dependency itself.
    `crate?/feature` (only if the optional crate is on) reads the same."""
    if not isinstance(features, dict):
        return
    seen: set[str] = set()
    for entries in features.values():
        if not isinstance(entries, list):
            continue
        for entry in entries:
            if not isinstance(entry, str) or "/" not in entry:
                continue
            crate, feature = entry.split("/", 1)
            crate = crate.rstrip("?")
            for feat in _UMBRELLA_FEATURES.get(crate, {}).get(feature, (feature,)):
                spelled = f"{crate}/{feat}"
                if spelled in seen or not ctx.index.package("crates", spelled):
                    continue
                seen.add(spelled)
                at = src.text.find(f'"{entry}"')
                if at < 0:
                    at = max(_header(src, "features"), 0)
                yield Evidence(
                    path=src.rel, line=src.line_of(at), kind=PACKAGE,
                    name=spelled, ecosystem="crates", detail=(("section", "features"), ("feature", "1")),
                )


_LOCK_PKG = re.compile(r'\[\[package\]\]\s*\nname\s*=\s*"([^"]+)"\s*\nversion\s*=\s*"([^"]+)"')


def detect_cargo_lock(src: Source, ctx: Context) -> Iterator[Record]:
    """Resolved versions of the crates the catalog knows: a lockfile lists the whole graph."""
    _toml(src)  # malformed lockfiles are reported, not half-read
    for m in _LOCK_PKG.finditer(src.text):
        name, version = m.group(1), m.group(2)
        found = locked_package(src, ctx, "crates", name, version, src.line_of(m.start(1)))
        if found:
            yield found


DETECTOR = Detector(
    name="rust-crates",
    accepts=lambda rel, name, ctx: name in ("Cargo.toml", "Cargo.lock"),
    detect=lambda src, ctx: detect_cargo_lock(src, ctx) if src.name == "Cargo.lock" else detect_cargo_toml(src, ctx),
)
