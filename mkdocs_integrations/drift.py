"""Drift between a committed baseline and a fresh scan, for `mkdocs-integrations check`.

The baseline keeps only what a reviewer must approve: which services, which env var
names, which incoming webhook routes and which security findings. Line numbers, versions
and evidence are left out on purpose, so an unrelated edit that moves code around never
fails CI. Pure functions here; reading and writing files is the CLI's job.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from .inventory import Inventory

BASELINE_VERSION = 1
DEFAULT_BASELINE = "integrations.baseline.json"


class BaselineError(ValueError):
    """The baseline file is not one this version can read; the message says why."""


def snapshot(inv: Inventory) -> dict[str, Any]:
    """The reviewable shape of an inventory: sorted, line-free, stable across edits."""
    return {
        "version": BASELINE_VERSION,
        "services": [
            {"id": sid, "category": cat}
            for sid, cat in sorted({(u.id, u.category) for u in inv.services})
        ],
        "env_vars": sorted({v.name for v in inv.env_vars}),
        "incoming_webhooks": sorted({w.name for w in inv.webhooks if w.direction == "incoming"}),
        "findings": [
            {"kind": kind, "path": path}
            for kind, path in sorted({(f.kind, f.path) for f in inv.findings})
        ],
    }


def dumps(snap: dict[str, Any]) -> str:
    """Baseline file text: one item per line so that code review shows a readable diff."""
    return json.dumps(snap, indent=2, sort_keys=False) + "\n"


def loads(text: str, label: str = "baseline") -> dict[str, Any]:
    """Parse and sanity-check a baseline; raises BaselineError with a one-line reason."""
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise BaselineError(f"{label}: not valid JSON ({exc.msg} at line {exc.lineno})") from None
    if not isinstance(data, dict):
        raise BaselineError(f"{label}: expected a JSON object")
    version = data.get("version", BASELINE_VERSION)
    if version != BASELINE_VERSION:
        raise BaselineError(f"{label}: baseline version {version!r} is not supported (expected {BASELINE_VERSION})")
    shapes: dict[str, tuple[str, ...]] = {
        "services": ("id", "category"), "env_vars": (), "incoming_webhooks": (), "findings": ("kind", "path"),
    }
    for key, fields in shapes.items():
        items = data.get(key, [])
        if not isinstance(items, list):
            raise BaselineError(f"{label}: '{key}' must be a list")
        for item in items:
            ok = (
                isinstance(item, dict) and all(isinstance(item.get(f), str) for f in fields)
                if fields else isinstance(item, str)
            )
            if not ok:
                want = "objects with " + " and ".join(f"'{f}'" for f in fields) if fields else "strings"
                raise BaselineError(f"{label}: '{key}' must hold {want}")
    return data


def _items(snap: dict[str, Any]) -> set[tuple[str, str]]:
    """Every baseline entry as (sort key, diff text), comparable across the two sides."""
    out: set[tuple[str, str]] = set()
    for s in snap.get("services", []):
        out.add((f"1 {s['id']} {s['category']}", f"service {s['id']} ({s['category']})"))
    for name in snap.get("env_vars", []):
        out.add((f"2 {name}", f"env {name}"))
    for route in snap.get("incoming_webhooks", []):
        out.add((f"3 {route}", f"webhook {route}"))
    for f in snap.get("findings", []):
        out.add((f"4 {f['path']} {f['kind']}", f"finding {f['kind']} in {f['path']}"))
    return out


def diff(old: dict[str, Any], new: dict[str, Any]) -> list[str]:
    """Readable lines, '+ ' for what the scan adds, '- ' for what it no longer has.

    Any difference is drift: a removal also means the committed baseline no longer
    describes the code, and `check --update` records it in the same reviewed commit.
    """
    before, after = _items(old), _items(new)
    changes = [(key, "- " + text) for key, text in before - after]
    changes += [(key, "+ " + text) for key, text in after - before]
    return [line for _, line in sorted(changes, key=lambda c: (c[0], c[1][0] == "+"))]


def baseline_drift(path: Path, label: str, inv: Inventory) -> list[str]:
    """The changes of `inv` against the baseline file; raises BaselineError when unusable."""
    try:
        text = path.read_text(encoding="utf-8")
    except OSError as exc:
        raise BaselineError(f"{label}: cannot read ({exc.strerror or exc})") from None
    return diff(loads(text, label), snapshot(inv))
