"""Standard exports of the inventory (CycloneDX, Backstage), for tools beyond MkDocs.

Each export is a pure function of an `Inventory`: the scan is the pipeline's, never redone
here. Like every other output, exports carry env var NAMES only, never values.
"""

from __future__ import annotations

import re
from pathlib import Path

# Categories that are infrastructure the system stores data in, rather than an API it calls.
RESOURCE_CATEGORIES = frozenset({"database", "file_storage", "cache", "queue"})


def slugify(text: str, fallback: str = "system") -> str:
    """'My Shop_API' → 'my-shop-api': a name Backstage and CycloneDX refs accept (≤ 63 chars)."""
    slug = re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")[:63].strip("-")
    return slug or fallback


def system_name(paths: list[Path], given: str | None) -> str:
    """--system-name, else the name of the first scanned folder ('.' → the current folder's)."""
    if given:
        return given
    first = (paths[0] if paths else Path(".")).resolve()
    return first.name or "system"
