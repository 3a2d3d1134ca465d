"""The overlay (`integrations.yml`): what code cannot show, written by humans.

Purpose, rate limits, dashboards and owners of detected services; services the scanner
cannot see; planned services; words for empty subsections; environment notes; and false
positives to hide. A mistake is one error naming the file and line; a key for a service
that the scan did not find is a warning (so `mkdocs build --strict` fails on it).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from .catalog import CATEGORIES, Catalog, Service
from .inventory import Inventory, ServiceUse

_ID = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
SERVICE_NOTE_KEYS = ("purpose", "rate_limits", "dashboard", "owner", "notes", "status_page", "fields")
ADD_KEYS = ("id", "name", "category", "purpose", "docs", "rate_limits", "dashboard", "owner", "notes", "status_page", "fields")
ENV_KEYS = {
    "development": ("secrets_location", "mocks"),
    "staging": ("differences", "data"),
    "production": ("secrets_management", "failover"),
}
TOP_KEYS = ("services", "add", "hide", "planned", "none", "environments")


class OverlayError(ValueError):
    """The overlay file is invalid; the message names the file and line."""


@dataclass
class Overlay:
    path: str
    services: dict[str, tuple[int, dict[str, Any]]] = field(default_factory=dict)  # id → (line, notes)
    add: list[tuple[int, dict[str, Any]]] = field(default_factory=list)
    hide: list[tuple[int, str]] = field(default_factory=list)
    planned: dict[str, str] = field(default_factory=dict)
    none: dict[str, str] = field(default_factory=dict)
    environments: dict[str, dict[str, str]] = field(default_factory=dict)


def _line(node: yaml.Node) -> int:
    return node.start_mark.line + 1


def _fail(label: str, node: yaml.Node | None, message: str) -> OverlayError:
    where = f"{label}:{_line(node)}" if node is not None else label
    return OverlayError(f"{where}: {message}")


def _mapping(label: str, node: yaml.Node, what: str) -> list[tuple[yaml.Node, yaml.Node]]:
    if not isinstance(node, yaml.MappingNode):
        raise _fail(label, node, f"{what} must be a mapping")
    return node.value


def _scalar(label: str, node: yaml.Node, what: str) -> str:
    if not isinstance(node, yaml.ScalarNode) or node.tag.endswith((":null",)):
        raise _fail(label, node, f"{what} must be a text value")
    value = str(node.value).strip()
    if len(value) > 500:
        raise _fail(label, node, f"{what} is longer than 500 characters")
    return value


def _notes(label: str, node: yaml.Node, allowed: tuple[str, ...], what: str) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for k, v in _mapping(label, node, what):
        key = _scalar(label, k, "a key")
        if key not in allowed:
            raise _fail(label, k, f"unknown key '{key}' in {what} (allowed: {', '.join(allowed)})")
        if key == "fields":
            out["fields"] = {
                _scalar(label, fk, "a field name"): _scalar(label, fv, "a field value")
                for fk, fv in _mapping(label, v, "'fields'")
            }
        else:
            out[key] = _scalar(label, v, f"'{key}'")
            if key in ("dashboard", "status_page", "docs") and not out[key].startswith("https://"):
                raise _fail(label, v, f"'{key}' must be an https:// URL")
    return out


def parse_overlay(text: str, label: str) -> Overlay:
    """Validate and load the overlay; raises OverlayError with file:line on any mistake."""
    try:
        root = yaml.compose(text, Loader=yaml.SafeLoader)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f"{label}:{mark.line + 1}" if mark else label
        problem = getattr(exc, "problem", None) or "invalid YAML"
        raise OverlayError(f"{where}: {problem}") from None
    ov = Overlay(path=label)
    if root is None:
        return ov
    for knode, vnode in _mapping(label, root, "the overlay"):
        key = _scalar(label, knode, "a key")
        if key not in TOP_KEYS:
            raise _fail(label, knode, f"unknown key '{key}' (allowed: {', '.join(TOP_KEYS)})")
        if key == "services":
            for sk, sv in _mapping(label, vnode, "'services'"):
                sid = _scalar(label, sk, "a service id")
                ov.services[sid] = (_line(sk), _notes(label, sv, SERVICE_NOTE_KEYS, f"service '{sid}'"))
        elif key == "add":
            if not isinstance(vnode, yaml.SequenceNode):
                raise _fail(label, vnode, "'add' must be a list of services")
            for item in vnode.value:
                notes = _notes(label, item, ADD_KEYS, "an added service")
                for required in ("id", "name", "category"):
                    if required not in notes:
                        raise _fail(label, item, f"an added service needs '{required}'")
                if not _ID.match(notes["id"]):
                    raise _fail(label, item, f"'id' must be a lowercase slug such as 'billing-api', got '{notes['id']}'")
                if notes["category"] not in CATEGORIES:
                    raise _fail(label, item, f"'category' must be one of {', '.join(CATEGORIES)}")
                ov.add.append((_line(item), notes))
        elif key == "hide":
            if not isinstance(vnode, yaml.SequenceNode):
                raise _fail(label, vnode, "'hide' must be a list of service ids")
            ov.hide = [(_line(n), _scalar(label, n, "a service id")) for n in vnode.value]
        elif key in ("planned", "none"):
            target = ov.planned if key == "planned" else ov.none
            for ck, cv in _mapping(label, vnode, f"'{key}'"):
                cat = _scalar(label, ck, "a category id")
                if cat not in CATEGORIES:
                    raise _fail(label, ck, f"unknown category '{cat}' (allowed: {', '.join(CATEGORIES)})")
                target[cat] = _scalar(label, cv, f"'{key}.{cat}'")
        elif key == "environments":
            for ek, ev in _mapping(label, vnode, "'environments'"):
                env = _scalar(label, ek, "an environment")
                if env not in ENV_KEYS:
                    raise _fail(label, ek, f"unknown environment '{env}' (allowed: {', '.join(ENV_KEYS)})")
                ov.environments[env] = _notes(label, ev, ENV_KEYS[env], f"environment '{env}'")
    return ov


def load_overlay(path: Path, label: str) -> Overlay:
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise OverlayError(f"{label}: file not found") from None
    except (OSError, UnicodeDecodeError) as exc:
        raise OverlayError(f"{label}: cannot read ({exc})") from None
    return parse_overlay(text, label)


def apply_overlay(inv: Inventory, ov: Overlay, catalog: Catalog) -> list[str]:
    """Merge the overlay into the inventory; returns warnings (file:line: message)."""
    warnings: list[str] = []
    hidden = set()
    for line, sid in ov.hide:
        if inv.get(sid) is None:
            warnings.append(f"{ov.path}:{line}: 'hide' names '{sid}', which the scan did not find")
        hidden.add(sid)
    inv.services = [u for u in inv.services if u.id not in hidden]
    for line, notes in ov.add:
        sid = notes["id"]
        if inv.get(sid) is not None:
            warnings.append(f"{ov.path}:{line}: '{sid}' is already detected; describe it under 'services:' instead")
            continue
        base = catalog.services.get(sid)
        svc = Service(
            id=sid,
            name=notes["name"],
            category=notes["category"],
            docs=notes.get("docs", base.docs if base else ""),
            purpose=notes.get("purpose", ""),
            credential=base.credential if base else "",
        )
        inv.services.append(ServiceUse(service=svc, strength="overlay", purpose=notes.get("purpose", ""), annotations=notes))
    for sid, (line, notes) in sorted(ov.services.items()):
        use = inv.get(sid)
        if use is None:
            hint = " (it is in the catalog but was not found in the code)" if sid in catalog.services else " (unknown service id)"
            warnings.append(f"{ov.path}:{line}: 'services' names '{sid}', which the scan did not find{hint}")
            continue
        use.annotations.update(notes)
        if notes.get("purpose"):
            use.purpose = notes["purpose"]
    inv.services.sort(key=lambda u: (u.category, u.name.lower(), u.id))
    inv.planned = dict(ov.planned)
    inv.none_notes = dict(ov.none)
    inv.environments = {k: dict(v) for k, v in ov.environments.items()}
    return warnings
