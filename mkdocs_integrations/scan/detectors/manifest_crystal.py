"""Crystal shards: shard.yml dependencies and shard.lock for resolved versions.

shard.yml is YAML: `dependencies:` and `development_dependencies:` map a shard's name (the
name it is required by, `require "pg"`) to where it comes from (`github: will/crystal-pg`,
`git:`, `path:`) and a `version:` constraint. shard.lock's `shards:` maps every resolved shard,
the whole graph, to its `git:` and `version:`.
"""

from __future__ import annotations

from collections.abc import Iterator

from ...model import PACKAGE, Evidence
from ._infra import get, line, locked_package, pairs, scalar, yaml_docs
from .base import Context, Detector, Record, Source

# shard.yml's dependency sections, as the section names the other manifests use (Cargo's
# `dev-dependencies` is what the inventory reads as development-only).
_SECTIONS = {"dependencies": "dependencies", "development_dependencies": "dev-dependencies"}
_SOURCES = ("github", "gitlab", "bitbucket", "git", "path")


def detect_shard_yml(src: Source, ctx: Context) -> Iterator[Record]:
    for doc in yaml_docs(src)[:1]:
        for key, section in _SECTIONS.items():
            for name, key_node, spec in pairs(get(doc, key)):
                version = scalar(get(spec, "version")) or scalar(get(spec, "branch")) or ""
                source = next((s for s in _SOURCES if get(spec, s) is not None), "")
                detail: list[tuple[str, str]] = [("section", section)]
                if source == "path":
                    detail.append(("source", "path"))
                yield Evidence(
                    path=src.rel, line=line(key_node), kind=PACKAGE, name=name,
                    version=version[:60], ecosystem="shards", detail=tuple(detail),
                )


def detect_shard_lock(src: Source, ctx: Context) -> Iterator[Record]:
    """Resolved versions of the shards the catalog knows: a lockfile lists the whole graph."""
    for doc in yaml_docs(src)[:1]:
        for name, key_node, spec in pairs(get(doc, "shards")):
            found = locked_package(src, ctx, "shards", name, scalar(get(spec, "version")) or "", line(key_node))
            if found:
                yield found


DETECTOR = Detector(
    name="crystal-shards",
    accepts=lambda rel, name, ctx: name in ("shard.yml", "shard.lock"),
    detect=lambda src, ctx: detect_shard_lock(src, ctx) if src.name == "shard.lock" else detect_shard_yml(src, ctx),
)
