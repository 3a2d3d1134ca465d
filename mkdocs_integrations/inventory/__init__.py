"""Resolve: evidence + catalog → the inventory of services, env vars, webhooks, findings.

This is the only place that decides what counts as "using a service"; detectors only
report what they saw. The steps, each in its own module: route the evidence to what it speaks
for (`route`), count SDK calls only for services otherwise shown, fold evidence that shows
another service's use (`folds`, `..sign_in`), keep the services whose evidence proves use
(`keep`), name uncatalogued vendors, and gather each service's entry (`service_use`).
Everything here is sorted, so the same sources give the same pages.
"""

from __future__ import annotations

import posixpath
from collections import defaultdict

from ..catalog import ECOSYSTEM_LANGUAGE, Catalog, Service
from ..catalog.index import CatalogIndex
from ..model import HOST, PACKAGE, Evidence
from ..paths import is_test_path
from ..scan import ScanResult
from ..scan.detectors.code import language_for
from ..sign_in import (
    fold_api_scope_oauth, fold_app_token_hosts, fold_product_named_flows, fold_integration_grants, fold_authorize_hosts, fold_generic_oidc, fold_integration_oauth,
    fold_issuer_hosts, fold_shared_sign_in_hosts, fold_sign_in_client_apis, fold_user_info_hosts, sign_in_providers,
)
from ..uncatalogued import squashed_domain, uncatalogued_apis, uncatalogued_modules
from ..usage import is_transitive
from .folds import (
    drop_company_modules_of_products, drop_modules_through_other_vendors, drop_overridden_defaults,
    drop_preset_tables, fold_bare_hosts, fold_protocol_clients, join_file_facts,
)
from .keep import kept_strength, test_stand_in
from .model import STRENGTH_LABELS, STRENGTHS, EnvVar, Inventory, PackageUse, ServiceUse, Webhook
from .route import Routed, first_party_requires, own_evidence, route
from .service_use import best_version, service_use, short_version

__all__ = [
    "STRENGTHS", "STRENGTH_LABELS", "EnvVar", "Inventory", "PackageUse", "ServiceUse", "Webhook", "resolve",
]


def resolve(
    scan: ScanResult, catalog: Catalog, index: CatalogIndex, analysis_date: str, project_name: str = ""
) -> Inventory:
    evidence = first_party_requires(own_evidence(scan.evidence, catalog))
    r = route(evidence, catalog, index, project_name)
    _count_calls(r, catalog)
    extra, folded = _fold(r, catalog, index)
    for var in r.env.values():
        var.services = list(dict.fromkeys(folded.get(s, s) for s in var.services))
    for hook in r.webhooks:
        hook.service = folded.get(hook.service, hook.service)

    drop_modules_through_other_vendors(r.per_service, catalog)
    apps = sorted(r.manifests)
    installed: dict[str, set[str]] = {}  # ecosystem -> the packages the app's manifests install
    for e in evidence:
        if e.kind == PACKAGE and not is_transitive(e):
            installed.setdefault(e.ecosystem, set()).add(e.name)
    uses: list[ServiceUse] = []
    for sid, evs in r.per_service.items():
        svc = catalog.services.get(sid) or extra.get(sid)
        if svc is None:
            continue
        evs = sorted(set(evs))
        strength = kept_strength(svc, evs, catalog, project_name, r.own_components, installed)
        if strength:
            uses.append(service_use(svc, strength, evs, apps))
    uses.extend(_uncatalogued(r, uses, catalog, index, project_name))
    _attach_clients(r, uses, catalog)

    env = r.env
    for u in uses:  # shared credentials (AWS_ACCESS_KEY_ID) belong to the services that read them
        for name in u.service.auth_env:
            if name in env and u.id not in env[name].services:
                env[name].services.append(u.id)
    uses.sort(key=lambda u: (u.category, u.name.lower(), u.id))
    env_vars = sorted(env.values(), key=lambda v: v.name)
    for v in env_vars:
        v.services.sort()
        v.declared_in.sort()
        v.read_in.sort()
        v.ci_in.sort()
    r.webhooks.sort(key=lambda w: (w.direction, w.name, w.path, w.line))
    return Inventory(
        analysis_date=analysis_date,
        services=uses,
        env_vars=env_vars,
        webhooks=r.webhooks,
        findings=sorted(scan.findings),
        env_files=sorted((p, k, e) for p, (k, e) in r.env_files.items()),
        ignored_env_files=sorted(scan.ignored_env_files),
        other_hosts=sorted((h, evs[0].path, evs[0].line) for h, evs in r.other_hosts.items()),
        files_scanned=scan.files_scanned,
        apps=apps,
        warnings=list(scan.warnings),
    )


def _call_language(path: str) -> str:
    """The catalog language of a file that makes an SDK call, '' when not a known language."""
    lang = language_for(posixpath.basename(path))
    return lang.lookup if lang else ""


def _count_calls(r: Routed, catalog: Catalog) -> None:
    """SDK call patterns are common names (`customers.create`, `uploadFile(`): they add to a
    service only where something else shows it."""
    per_service, calls = r.per_service, r.calls
    # Umbrella SDKs (boto3, the openai package for Azure) count for a service only with a
    # call that is its own: a line that matches the call patterns of two services proves neither.
    at: dict[tuple[str, int], set[str]] = defaultdict(set)
    for sid, evs in calls.items():
        for e in evs:
            at[(e.path, e.line)].add(sid)
    # A call in a test (a moto-mocked SQS queue checking an SNS publish) proves nothing; nor does
    # one in another language than the umbrella SDK's (boto3 declared for a Python SDK's tests
    # beside a Go file's `SendMessage(` to Slack or a Google KMS client's `.keys(`).
    for sid, evs in r.weak_only.items():
        languages = {ECOSYSTEM_LANGUAGE.get(e.ecosystem, e.ecosystem) for e in evs}
        if any(
            len(at[(e.path, e.line)]) == 1 and not is_test_path(e.path) and _call_language(e.path) in (languages | {""})
            for e in calls.get(sid, ())
        ):
            per_service[sid].extend(evs)
    # SDK calls count only for services otherwise evidenced: `customers.create` alone is no Stripe.
    # A lockfile's entry is no such evidence: a transitive dependency (@azure/storage-blob under a
    # warehouse driver) beside a call pattern's common name (`uploadFile(`) is not the app's use.
    # Nor is a test stack's container (MinIO standing in for S3 beside a store's `PutObject(`).
    for sid, evs in calls.items():
        if any(not is_transitive(e) and not test_stand_in(e, sid, catalog) for e in per_service.get(sid, ())):
            per_service[sid].extend(evs)


def _fold(r: Routed, catalog: Catalog, index: CatalogIndex) -> tuple[dict[str, Service], dict[str, str]]:
    """Sign-in providers found through auth libraries (services outside the catalog among them),
    and every fold: returns those extra services and {folded id: the id it became}."""
    per_service, other_hosts, facts = r.per_service, r.other_hosts, r.facts
    drop_preset_tables(per_service, other_hosts, facts)  # an OAuth form's menu of providers: no use of any
    extra, sign_in_folded = sign_in_providers(r.sign_ins, per_service, catalog, index)
    token_files = {f.path for f in facts if f.name.startswith("app_token:")}
    sign_in_folded.update(fold_sign_in_client_apis(per_service, other_hosts, r.client_files, catalog, index, token_files))
    fold_authorize_hosts(per_service, other_hosts, r.client_files, index)
    sign_in_folded.update(fold_user_info_hosts(per_service, catalog))
    drop_overridden_defaults(per_service, facts)
    join_file_facts(facts, per_service, catalog)
    folded = fold_integration_oauth(per_service, catalog)
    folded.update(fold_product_named_flows(per_service, catalog, index))
    folded.update(sign_in_folded)
    folded.update(fold_issuer_hosts(per_service, catalog))
    folded.update(fold_protocol_clients(per_service, catalog))
    folded.update(fold_shared_sign_in_hosts(per_service, catalog))
    folded.update(fold_app_token_hosts(per_service, catalog, token_files))
    folded.update(fold_generic_oidc(per_service, catalog))
    folded.update(fold_api_scope_oauth(per_service, catalog))
    grants = {f.path for f in facts if f.name.startswith("integration_grant:") and not is_test_path(f.path)}
    folded.update(fold_integration_grants(per_service, catalog, grants))
    folded.update(fold_bare_hosts(per_service, catalog))
    return extra, folded


def _uncatalogued(
    r: Routed, uses: list[ServiceUse], catalog: Catalog, index: CatalogIndex, project_name: str
) -> list[ServiceUse]:
    """Vendors outside the catalog: API hosts of no catalogued vendor, then folders and files
    named for a vendor (integration modules)."""
    modules, found = r.modules, []
    drop_company_modules_of_products(modules, {u.id: u.evidence for u in uses}, catalog)
    # Hosts of an umbrella cloud domain name no vendor: they join the integration module of
    # their file (google-ads/api.ts → datamanager.googleapis.com), else they stay unnamed
    # (still listed among the other hosts the code calls).
    module_files = {e.path: slug for slug, evs in modules.items() for e in evs}
    vendor_hosts: dict[str, list[Evidence]] = {}
    for host, evs in r.other_hosts.items():
        if not host.endswith(index.shared_domains):
            vendor_hosts[host] = evs
            continue
        owners = {module_files.get(e.path) for e in evs}
        if None not in owners and len(owners) == 1:
            modules[owners.pop()].extend(evs)
    reads = {var.name: [path for path, _ in var.read_in] for var in r.env.values()}
    taken = {u.id for u in uses}
    # the packages of Go package families' uncatalogued members (`drivers/pikpak`, `drivers/pikpak_share`)
    module_packages = {pkg: slug for slug, evs in modules.items() for e in evs for pkg in e.get("packages").split()}
    sign_in_files = {u.id: {e.path for e in u.evidence} for u in uses if u.category in ("oauth", "auth_provider")}
    for svc, strength, evs in uncatalogued_apis(
        vendor_hosts, catalog, taken, project_name, reads, set(modules), module_files, module_packages, sign_in_files,
    ):
        found.append(service_use(svc, strength, evs, []))
    # file -> (service, squashed domain) of the API hosts it calls; sign-in hosts do not count
    # (an integration authorizes through Google's or Facebook's OAuth endpoints).
    file_vendors: dict[str, set[tuple[str, str]]] = defaultdict(set)
    for u in [*uses, *found]:
        if u.category == "oauth":
            continue
        for e in u.evidence:
            if e.kind == HOST and not is_test_path(e.path):
                file_vendors[e.path].add((u.id.replace("-", ""), squashed_domain(e.name)))
    taken = {u.id for u in [*uses, *found]}
    for svc, strength, evs in uncatalogued_modules(modules, catalog, taken, project_name, file_vendors):
        found.append(service_use(svc, strength, evs, []))
    return found


def _attach_clients(r: Routed, uses: list[ServiceUse], catalog: Catalog) -> None:
    """Database clients (ORMs, drivers, with their migrations) and hosted flavours
    ("PostgreSQL on Supabase") join the services they talk to."""
    by_id = {u.id: u for u in uses}
    for cid, evs in sorted(r.client_hits.items()):
        client = catalog.clients[cid]
        version = short_version(best_version(evs))
        label = f"{client.name} v{version}" if version else client.name
        for d in [d for d in client.databases if d in by_id]:
            if label not in by_id[d].clients:
                by_id[d].clients.append(label)
            for folder in sorted(r.migrations.get(cid, ())):
                text = f"{client.migrations_tool} in {folder}" if client.migrations_tool else folder
                if text not in by_id[d].migrations:
                    by_id[d].migrations.append(text)
    for u in uses:
        for provided in u.service.provides:
            if provided in by_id and u.id not in by_id[provided].providers:
                by_id[provided].providers.append(u.id)
    for u in uses:
        u.clients.sort()
        u.providers.sort()
