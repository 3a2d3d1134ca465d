"""One service's entry: its evidence gathered into what a page shows (packages with their
locked versions, env names, endpoints in the catalog's order, the monorepo apps using it)."""

from __future__ import annotations

import re

from ..catalog import Service
from ..model import BUCKET, CALL, CI_SECRET, DB_TYPE, ENV_DECL, ENV_READ, EVENT, FEATURE, HOST, PACKAGE, SCOPE, TEMPLATE, Evidence
from .model import PackageUse, ServiceUse


def _app_of(path: str, apps: list[str]) -> str:
    best = ""
    for app in apps:
        if app == "." or path == app or path.startswith(app + "/"):
            if len(app) > len(best) or best == "":
                best = app
    return best


def short_version(spec: str) -> str:
    """'^5.8.0' → '5.8.0', '>=2.0' → '2.0': the version a reader wants to see."""
    m = re.search(r"\d+(?:\.\d+){0,2}", spec or "")
    return m.group(0) if m else ""


def best_version(evs: list[Evidence]) -> str:
    locked = sorted({e.version for e in evs if e.kind == PACKAGE and e.get("locked") == "1" and e.version})
    if locked:
        return locked[-1]
    declared = sorted({e.version for e in evs if e.kind == PACKAGE and e.version})
    return declared[-1] if declared else ""


def service_use(svc: Service, strength: str, evs: list[Evidence], apps: list[str]) -> ServiceUse:
    use = ServiceUse(service=svc, strength=strength, evidence=evs, purpose=svc.purpose)
    declared: dict[tuple[str, str], PackageUse] = {}
    locked: dict[tuple[str, str], str] = {}
    for e in evs:
        if e.kind == PACKAGE:
            key = (e.ecosystem, e.name)
            if e.get("locked") == "1":
                locked.setdefault(key, e.version)
            elif key not in declared:
                declared[key] = PackageUse(e.name, e.ecosystem, e.version, "", e.path, e.line)
        elif e.kind in (ENV_READ, ENV_DECL, CI_SECRET):
            if e.name not in use.env_vars:
                use.env_vars.append(e.name)
        elif e.kind == CALL:
            if e.name not in use.endpoints:
                use.endpoints.append(e.name)
        elif e.kind == HOST:
            if e.name not in use.hosts:
                use.hosts.append(e.name)
        elif e.kind == BUCKET:
            use.buckets.append(e.name)
        elif e.kind == TEMPLATE:
            use.templates.append(e.name)
        elif e.kind == EVENT:
            use.events.append(e.name)
        elif e.kind == SCOPE:
            use.scopes.append(e.name)
        elif e.kind == FEATURE:
            key, _, value = e.name.partition(":")
            use.features.setdefault(key, [])
            if value not in use.features[key]:
                use.features[key].append(value)
        elif e.kind == DB_TYPE and e.get("env") and e.get("env") not in use.env_vars:
            use.env_vars.append(e.get("env"))
    for key, pkg in declared.items():
        pkg.resolved = locked.get(key, "")
    use.packages = sorted(declared.values(), key=lambda p: (p.ecosystem, p.name))
    if not use.packages and locked:
        use.packages = [PackageUse(n, eco, "", v, "", 0) for (eco, n), v in sorted(locked.items())]
    for attr in ("env_vars", "hosts", "buckets", "templates", "events", "scopes"):
        setattr(use, attr, sorted(set(getattr(use, attr))))
    order = {c.endpoint: i for i, c in enumerate(svc.calls)}
    use.endpoints.sort(key=lambda n: (order.get(n, 999), n))
    if len(apps) > 1:
        use.used_by = sorted({_app_of(e.path, apps) for e in evs if _app_of(e.path, apps)})
    return use
