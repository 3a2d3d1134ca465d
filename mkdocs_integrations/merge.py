"""Many repositories in one site: inventories produced by `mkdocs-integrations scan --format
json` in other repositories' CI, merged into this site's inventory.

Only what those files carry crosses over: service ids, names, categories, packages and env
var NAMES. Evidence paths belong to the other repository, so they are not turned into links
here; each service says which repositories use it instead.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from .catalog import CATEGORIES, Catalog, Service
from .inventory import STRENGTHS, EnvVar, Inventory, PackageUse, ServiceUse


class InventoryFileError(ValueError):
    """An extra inventory is unreadable or not in the shape `scan --format json` writes."""


def load_inventory_file(path: Path, label: str) -> dict[str, Any]:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise InventoryFileError(f"{label}: file not found") from None
    except (OSError, UnicodeDecodeError) as exc:
        raise InventoryFileError(f"{label}: cannot read ({exc})") from None
    except json.JSONDecodeError as exc:
        raise InventoryFileError(f"{label}:{exc.lineno}: not valid JSON ({exc.msg})") from None
    if not isinstance(data, dict) or not isinstance(data.get("services"), list):
        raise InventoryFileError(f"{label}: not an inventory (expected the output of `scan --format json`)")
    for i, svc in enumerate(data["services"]):
        if not isinstance(svc, dict) or not all(isinstance(svc.get(k), str) for k in ("id", "name", "category")):
            raise InventoryFileError(f"{label}: services[{i}] needs 'id', 'name' and 'category'")
        if svc["category"] not in CATEGORIES:
            raise InventoryFileError(f"{label}: services[{i}] has unknown category {svc['category']!r}")
    return data


def _strs(value: Any) -> list[str]:
    return [v for v in value if isinstance(v, str)] if isinstance(value, list) else []


def merge(inv: Inventory, local_name: str, extras: dict[str, dict[str, Any]], catalog: Catalog) -> None:
    """Add the other repositories' services to `inv`, recording which repository uses what."""
    for use in inv.services:
        use.repos = [local_name]
    by_id = {u.id: u for u in inv.services}
    env = {v.name: v for v in inv.env_vars}
    for repo, data in sorted(extras.items()):
        for raw in data["services"]:
            sid = raw["id"]
            use = by_id.get(sid)
            if use is None:
                base = catalog.services.get(sid)
                svc = base or Service(
                    id=sid, name=raw["name"], category=raw["category"],
                    docs=raw.get("docs") if str(raw.get("docs", "")).startswith("https://") else "",
                    purpose=str(raw.get("purpose") or ""),
                )
                strength = raw.get("strength") if raw.get("strength") in STRENGTHS else "declared"
                use = ServiceUse(service=svc, strength=strength, purpose=str(raw.get("purpose") or ""))
                use.endpoints = _strs(raw.get("endpoints"))
                use.hosts = _strs(raw.get("hosts"))
                use.packages = [
                    PackageUse(str(p.get("name", "")), str(p.get("ecosystem", "")), str(p.get("declared", "")),
                               str(p.get("resolved", "")), "", 0)
                    for p in raw.get("packages", []) if isinstance(p, dict) and p.get("name")
                ]
                inv.services.append(use)
                by_id[sid] = use
            if repo not in use.repos:
                use.repos.append(repo)
            for name in _strs(raw.get("env_vars")):
                if name not in use.env_vars:
                    use.env_vars.append(name)
                var = env.setdefault(name, EnvVar(name=name))
                if sid not in var.services:
                    var.services.append(sid)
    inv.env_vars = sorted(env.values(), key=lambda v: v.name)
    for use in inv.services:
        use.env_vars.sort()
        use.repos.sort()
    inv.services.sort(key=lambda u: (u.category, u.name.lower(), u.id))
    inv.repositories = sorted({local_name, *extras})


def merge_files(inv: Inventory, local_name: str, files: dict[str, str], root: Path, catalog: Catalog) -> None:
    """`merge` with the plugin's `extra_inventories` mapping (repository → JSON file under root)."""
    extras = {repo: load_inventory_file(root / path, path) for repo, path in files.items()}
    merge(inv, local_name, extras, catalog)
