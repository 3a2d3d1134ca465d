"""The per-file result cache on disk, so that consecutive `mkdocs build` runs (and CI runs
with a restored cache folder) re-read only changed files.

JSON, not pickle: the cache lives in the user's tree, and loading it must never run code.
It holds what the inventory holds (names and places, never values). It is keyed by the
package version and a digest of the catalog and detectors, so an upgrade starts afresh.
"""

from __future__ import annotations

import hashlib
import json
import os
from pathlib import Path
from typing import Any

from .. import __version__
from ..model import Evidence, FileResult, Finding

FORMAT = 1


def cache_key() -> str:
    """Digest of the package's code and data: any change of detectors or catalog invalidates."""
    digest = hashlib.sha256(f"{FORMAT}:{__version__}".encode())
    package = Path(__file__).resolve().parent.parent
    for path in sorted(package.rglob("*")):
        if path.suffix in (".py", ".yaml") and "__pycache__" not in path.parts:
            digest.update(path.relative_to(package).as_posix().encode())
            digest.update(path.read_bytes())
    return digest.hexdigest()[:16]


def _ev(e: Evidence) -> list[Any]:
    return [e.path, e.line, e.kind, e.name, e.service, e.version, e.ecosystem, [list(d) for d in e.detail]]


def _fi(f: Finding) -> list[Any]:
    return [f.path, f.line, f.kind, f.severity, f.rule]


def save(path: Path, key: str, entries: dict[str, tuple[int, int, FileResult]]) -> None:
    data = {
        "key": key,
        "files": {
            rel: [size, mtime, [_ev(e) for e in r.evidence], [_fi(f) for f in r.findings], list(r.warnings)]
            for rel, (size, mtime, r) in sorted(entries.items())
        },
    }
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_suffix(".tmp")
    tmp.write_text(json.dumps(data, separators=(",", ":")), encoding="utf-8")
    os.replace(tmp, path)  # never leave a half-written cache behind


def load(path: Path, key: str) -> dict[str, tuple[int, int, FileResult]]:
    """The cached entries, or {} when the file is missing, stale or unreadable."""
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        if data.get("key") != key:
            return {}
        out = {}
        for rel, (size, mtime, evs, fins, warns) in data["files"].items():
            result = FileResult(
                evidence=tuple(
                    Evidence(p, ln, k, n, s, v, eco, tuple((a, b) for a, b in d)) for p, ln, k, n, s, v, eco, d in evs
                ),
                findings=tuple(Finding(*f) for f in fins),
                warnings=tuple(warns),
            )
            out[rel] = (int(size), int(mtime), result)
        return out
    except (OSError, ValueError, TypeError, KeyError):
        return {}
