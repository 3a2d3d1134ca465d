"""Migration folders, matched against the catalog clients' `migrations.dirs` globs.

A folder is evidence of its migration tool ("prisma migrate in web/prisma/migrations/");
only the path is needed, so no file is read.
"""

from __future__ import annotations

import fnmatch
import posixpath
from collections.abc import Iterator

from ...model import FEATURE, Evidence
from .base import Context, Detector, Record, Source


def _match(rel: str, ctx: Context) -> tuple[str, str] | None:
    if not ctx.index.in_migration_folder(rel):
        return None
    folder = posixpath.dirname(rel)
    for pattern, cid in ctx.index.migration_dirs:
        depth = pattern.count("/") + 1
        parts = folder.split("/")
        for i in range(len(parts) - depth + 1):
            candidate = "/".join(parts[i : i + depth])
            if fnmatch.fnmatchcase(candidate, pattern):
                return "/".join(parts[: i + depth]), cid
    return None


def detect(src: Source, ctx: Context) -> Iterator[Record]:
    hit = _match(src.rel, ctx)
    if hit:
        folder, cid = hit
        yield Evidence(path=src.rel, line=0, kind=FEATURE, name=f"migrations:{folder}/", detail=(("client", cid),))


DETECTOR = Detector(
    name="migrations",
    accepts=lambda rel, name, ctx: name.endswith((".sql", ".py", ".rb", ".php", ".ts", ".js", ".toml")) and _match(rel, ctx) is not None,
    detect=detect,
    needs_text=False,
)
