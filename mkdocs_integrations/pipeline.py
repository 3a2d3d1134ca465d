"""The one pipeline both the plugin and the CLI run: walk → detect → resolve → overlay.

Keeping it in one place is what guarantees that `mkdocs build` and
`mkdocs-integrations scan` can never disagree about an application.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pathspec

from .inventory import Inventory, resolve
from .model import printable
from .overlay import Overlay, apply_overlay
from .scan import Scanner, ScanOptions


def build_inventory(
    scanner: Scanner,
    roots: list[Path],
    base: Path,
    *,
    exclude: pathspec.PathSpec | None = None,
    max_file_size: int = 1_000_000,
    extra_pruned: tuple[Path, ...] = (),
    analysis_date: str,
    overlay: Overlay | None = None,
    progress: Callable[[int, int], None] | None = None,
) -> tuple[Inventory, float]:
    """The inventory of the roots, and the scan's duration in seconds."""
    result = scanner.scan(
        ScanOptions(
            roots=roots,
            base=base,
            exclude=exclude,
            max_file_size=max_file_size,
            extra_pruned=extra_pruned,
            progress=progress,
        )
    )
    inv = resolve(result, scanner.catalog, scanner.context.index, analysis_date, project_name=base.resolve().name)
    if overlay is not None:
        inv.warnings.extend(apply_overlay(inv, overlay, scanner.catalog))
    inv.warnings = [printable(w) for w in inv.warnings]  # they name files: any name at all
    return inv, result.seconds
