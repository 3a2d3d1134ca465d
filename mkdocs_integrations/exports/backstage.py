"""The inventory as Backstage catalog entities (multi-document YAML for catalog-info.yaml).

A Component for the scanned system, and one entity per external service: a Resource for
what the system keeps data in (databases, file storage, caches, queues), an API for the
rest. The Component lists Resources in `spec.dependsOn` and APIs in `spec.consumesApis`,
the two relations Backstage draws in its dependency graph. Entity refs carry their kind
(`resource:default/redis`) because `dependsOn` requires it.
"""

from __future__ import annotations

from typing import Any

import yaml

from ..inventory import Inventory, ServiceUse
from ..render.view import CATEGORY_TITLES
from . import RESOURCE_CATEGORIES, slugify

API_VERSION = "backstage.io/v1alpha1"
ANNOTATION_PREFIX = "mkdocs-integrations"
NAMESPACE = "default"


def _kind(use: ServiceUse) -> str:
    return "Resource" if use.category in RESOURCE_CATEGORIES else "API"


def entity_ref(use: ServiceUse) -> str:
    return f"{_kind(use).lower()}:{NAMESPACE}/{slugify(use.id)}"


def _entity(use: ServiceUse, owner: str) -> dict[str, Any]:
    purpose = use.purpose or use.service.purpose
    annotations = {f"{ANNOTATION_PREFIX}/category": use.category}
    metadata: dict[str, Any] = {"name": slugify(use.id), "title": use.name}
    if purpose:
        metadata["description"] = purpose
    if use.service.docs:
        annotations[f"{ANNOTATION_PREFIX}/docs-url"] = use.service.docs
        metadata["links"] = [{"url": use.service.docs, "title": f"{use.name} documentation", "icon": "docs"}]
    if use.env_vars:
        annotations[f"{ANNOTATION_PREFIX}/env-vars"] = ",".join(use.env_vars)
    metadata["annotations"] = annotations
    metadata["tags"] = ["external", slugify(use.category)]
    spec: dict[str, Any] = {"type": slugify(use.category), "lifecycle": "production", "owner": owner}
    if _kind(use) == "API":
        # `definition` is required for an API; with no machine-readable one, plain text
        # (Backstage shows types it does not know as text).
        lines = [f"{use.name}: external {CATEGORY_TITLES.get(use.category, use.category).lower()} service."]
        if purpose:
            lines.append(purpose + ".")
        if use.service.docs:
            lines.append(f"Documentation: {use.service.docs}")
        spec["definition"] = " ".join(lines)
    return {"apiVersion": API_VERSION, "kind": _kind(use), "metadata": metadata, "spec": spec}


def entities(inv: Inventory, system: str, owner: str = "unknown") -> list[dict[str, Any]]:
    """The Component first, then one entity per service in the inventory's order."""
    name = slugify(system)
    resources = [entity_ref(u) for u in inv.services if _kind(u) == "Resource"]
    apis = [entity_ref(u) for u in inv.services if _kind(u) == "API"]
    spec: dict[str, Any] = {"type": "service", "lifecycle": "production", "owner": owner}
    if resources:
        spec["dependsOn"] = resources
    if apis:
        spec["consumesApis"] = apis
    component = {
        "apiVersion": API_VERSION,
        "kind": "Component",
        "metadata": {
            "name": name,
            "title": system,
            "description": f"{system}: {len(inv.services)} external service(s) found by mkdocs-integrations",
            "annotations": {f"{ANNOTATION_PREFIX}/analysis-date": inv.analysis_date},
        },
        "spec": spec,
    }
    return [component] + [_entity(u, owner) for u in inv.services]


def to_yaml(inv: Inventory, system: str, owner: str = "unknown") -> str:
    """Multi-document YAML, one entity per document, keys in Backstage's usual order."""
    return yaml.safe_dump_all(entities(inv, system, owner), sort_keys=False, allow_unicode=True, explicit_start=True)
