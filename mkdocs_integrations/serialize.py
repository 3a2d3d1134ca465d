"""The inventory as plain data (JSON), the public contract of `scan --format json`."""

from __future__ import annotations

from typing import Any

from .inventory import Inventory


def inventory_to_dict(inv: Inventory) -> dict[str, Any]:
    return {
        "analysis_date": inv.analysis_date,
        "services": [
            {
                "id": u.id,
                "name": u.name,
                "category": u.category,
                "strength": u.strength,
                "purpose": u.purpose or u.service.purpose,
                "docs": u.service.docs,
                "packages": [
                    {"name": p.name, "ecosystem": p.ecosystem, "declared": p.declared, "resolved": p.resolved,
                     "path": p.path, "line": p.line}
                    for p in u.packages
                ],
                "env_vars": u.env_vars,
                "endpoints": u.endpoints,
                "hosts": u.hosts,
                "buckets": u.buckets,
                "events": u.events,
                "scopes": u.scopes,
                "clients": u.clients,
                "providers": u.providers,
                "used_by": u.used_by,
                "evidence": [
                    {"path": e.path, "line": e.line, "kind": e.kind, "name": e.name}
                    for e in u.evidence
                ],
            }
            for u in inv.services
        ],
        "env_vars": [
            {
                "name": v.name,
                "services": v.services,
                "optional": v.optional,
                "declared_in": [{"path": p, "line": ln, "environment": env} for p, ln, env in v.declared_in],
                "read_in": [{"path": p, "line": ln} for p, ln in v.read_in],
                "ci": [{"path": p, "line": ln} for p, ln in v.ci_in],
            }
            for v in inv.env_vars
        ],
        "webhooks": {
            direction: [
                {"service": w.service, "name": w.name, "path": w.path, "line": w.line,
                 "verification": w.verification, "events": w.events, "trigger": w.trigger, "retry": w.retry}
                for w in inv.webhooks if w.direction == direction
            ]
            for direction in ("incoming", "outgoing")
        },
        "environments": {
            "env_files": [{"path": p, "kind": k, "environment": e} for p, k, e in inv.env_files],
            "ignored_env_files": inv.ignored_env_files,
        },
        "findings": [
            {"path": f.path, "line": f.line, "kind": f.kind, "severity": f.severity, "rule": f.rule}
            for f in inv.findings
        ],
        "files_scanned": inv.files_scanned,
    }
