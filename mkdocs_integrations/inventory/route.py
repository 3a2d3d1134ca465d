"""Routing: each piece of evidence to the service, sign-in, module or fact it speaks for.

The catalog index answers "which service is this package / import / host / image"; what is
left over (hosts of no catalogued vendor, folders named for a vendor, service-less facts)
is kept for the later steps that name uncatalogued vendors and join facts to services.
"""

from __future__ import annotations

import posixpath
import re
from collections import defaultdict
from dataclasses import dataclass, field, replace

from ..catalog import Catalog
from ..catalog.index import CatalogIndex
from ..model import (
    BUCKET, CALL, CI_SECRET, DB_TYPE, ENV_DECL, ENV_READ, EVENT, FEATURE, HOST, IMAGE, IMPORT, PACKAGE, REDACTED,
    SCOPE, TEMPLATE, TERRAFORM, WEBHOOK_IN, WEBHOOK_OUT, Evidence,
)
from ..paths import GENERATED_CLIENT_FACT, VENDORED_FACT, fact_folders, is_sign_in_path, is_test_path
from ..plugin_families import family_modules
from ..scan.detectors.oauth_clients import SIGN_IN_CLIENT
from ..scan.detectors.plugin_classes import PLUGIN_CLASS
from ..sign_in import known_sign_in_module, sign_in_module_folders
from ..uncatalogued import MODULE_PREFIX
from .model import EnvVar, Webhook

# Manifests whose folder is one app of a monorepo (the "used by" of each service).
MANIFESTS = frozenset({
    "package.json", "pyproject.toml", "requirements.txt", "Pipfile", "setup.cfg", "go.mod", "Gemfile",
    "Cargo.toml", "composer.json", "pom.xml", "build.gradle", "build.gradle.kts",
})


@dataclass
class Routed:
    """The evidence sorted by what it speaks for, before any fold or judgement."""

    per_service: dict[str, list[Evidence]] = field(default_factory=lambda: defaultdict(list))
    weak_only: dict[str, list[Evidence]] = field(default_factory=lambda: defaultdict(list))  # umbrella SDKs
    calls: dict[str, list[Evidence]] = field(default_factory=lambda: defaultdict(list))  # SDK calls, judged later
    client_hits: dict[str, list[Evidence]] = field(default_factory=lambda: defaultdict(list))  # database clients
    other_hosts: dict[str, list[Evidence]] = field(default_factory=lambda: defaultdict(list))
    modules: dict[str, list[Evidence]] = field(default_factory=lambda: defaultdict(list))  # uncatalogued integration modules
    env: dict[str, EnvVar] = field(default_factory=dict)
    webhooks: list[Webhook] = field(default_factory=list)
    env_files: dict[str, tuple[str, str]] = field(default_factory=dict)
    manifests: set[str] = field(default_factory=set)
    facts: list[Evidence] = field(default_factory=list)
    migrations: dict[str, set[str]] = field(default_factory=lambda: defaultdict(set))
    sign_ins: dict[str, list[Evidence]] = field(default_factory=lambda: defaultdict(list))  # provider -> auth-library evidence
    client_files: set[str] = field(default_factory=set)  # the app's own OAuth sign-in provider files (oauth_clients)
    own_components: set[str] = field(default_factory=set)  # services the app's own images are named as (`unkey/vault`)

    def env_var(self, name: str) -> EnvVar:
        if name not in self.env:
            self.env[name] = EnvVar(name=name)
        return self.env[name]


def own_evidence(evidence: list[Evidence], catalog: Catalog) -> list[Evidence]:
    """The evidence of the app's own files. Packages a manifest installs inside the tree
    (composer's vendor-dir) are someone else's code, and a generated API client's CI files are
    the generator's boilerplate, never run for this repository: both are facts about whole
    folders that their manifests and markers report (`vendored:`, generated-client facts)."""
    facts = [(e.kind, e.name) for e in evidence if e.kind == FEATURE]
    vendored = fact_folders(facts, VENDORED_FACT)
    if vendored:
        evidence = [e for e in evidence if not e.path.startswith(vendored)]
    generated = fact_folders(facts, GENERATED_CLIENT_FACT)
    if generated:
        evidence = [e for e in evidence if not (
            e.path.startswith(generated) and e.service in catalog.services and catalog.services[e.service].category == "ci"
        )]
    return evidence


def first_party_requires(evidence: list[Evidence]) -> list[Evidence]:
    """Composer lock entries that the app's own code requires, marked `via_first_party`. An
    app whose backend ships as packages of its own vendor (fleetbase/fleetbase's api/ requiring
    fleetbase/core-api and fleetbase/storefront-api, which require sentry/sentry-laravel and
    laravel-notification-channels/fcm) declares its services in those packages' manifests,
    which only the lock file copies. A locked package that a package of the root's own vendor
    requires (composer.lock's `required_by` vendors against composer.json's `first_party`
    requires, in the same folder) is the app's dependency, not a transitive one of a library's."""
    own: dict[str, set[str]] = defaultdict(set)  # folder -> the root's own vendors it requires
    for e in evidence:
        if e.kind == PACKAGE and e.ecosystem == "packagist" and e.get("first_party") == "1" and e.get("section") == "require":
            own[posixpath.dirname(e.path)].add(e.name.split("/", 1)[0].lower())
    if not own:
        return evidence
    out = []
    for e in evidence:
        if (
            e.kind == PACKAGE and e.ecosystem == "packagist" and e.get("locked") == "1" and e.get("section") != "dev"
            and own.get(posixpath.dirname(e.path), set()) & set(e.get("required_by").split())
        ):
            e = replace(e, detail=e.detail + (("via_first_party", "1"),))
        out.append(e)
    return out


_REGISTRY_PURPOSE = "Container image registry"


def own_image_registry(image: str, project_name: str, catalog: Catalog, index: CatalogIndex) -> str | None:
    """The catalog registry an image of the application's own is pulled from: its compose file
    or Dockerfile naming `ghcr.io/moghtech/komodo-core` in komodo. The project publishes its
    images there (whatever pipeline pushes them, often outside the repository), so the
    registry is where the app is distributed from; a third party's image on the same registry
    (`ghcr.io/ferretdb/ferretdb`) is only pulled. The image's name must start with the
    project's (four letters at least), and its host must be a registry's in the catalog."""
    project = re.sub(r"[^a-z0-9]", "", project_name.lower())
    parts = image.strip().strip("'\"").lower().split("/")
    if len(project) < 4 or len(parts) < 3 or "." not in parts[0]:
        return None
    sid = index.host(parts[0].split(":", 1)[0])
    if sid is None or not catalog.services[sid].purpose.startswith(_REGISTRY_PURPOSE):
        return None
    name = re.sub(r"[^a-z0-9]", "", re.split(r"[:@]", parts[-1], maxsplit=1)[0])
    return sid if name.startswith(project) else None


def route(evidence: list[Evidence], catalog: Catalog, index: CatalogIndex, project_name: str) -> Routed:
    """Sort the evidence, in one pass, by what each piece speaks for. Nothing is judged here:
    an SDK call waits in `calls` until something else shows its service, an umbrella SDK's
    package in `weak_only` until a call of its own; the local names below keep the branches
    as short as the rules they carry."""
    r = Routed()
    per_service, weak_only, calls, client_hits = r.per_service, r.weak_only, r.calls, r.client_hits
    other_hosts, modules, webhooks, env_files, manifests = r.other_hosts, r.modules, r.webhooks, r.env_files, r.manifests
    facts, migrations, sign_ins, client_files, own_components = r.facts, r.migrations, r.sign_ins, r.client_files, r.own_components
    env_var = r.env_var
    # Vendor packages whose code runs an OAuth sign-in (a social connector): every file of the
    # package is that sign-in's, and its vendor API calls are the sign-in's user-info calls.
    sign_in_folders = sign_in_module_folders(evidence)
    if sign_in_folders:
        client_files.update(
            ev.path for ev in evidence if posixpath.dirname(ev.path).startswith(tuple(f + "/" for f in sign_in_folders))
            or posixpath.dirname(ev.path) in sign_in_folders
        )
    # Vendor families (one class per vendor on one base) are a fact about many files at once.
    for ev in [*evidence, *family_modules(evidence, index, project_name)]:
        if ev.name == REDACTED:
            continue
        if ev.kind == FEATURE and ev.name.startswith(PLUGIN_CLASS):
            continue  # raw facts of plugin_families
        vendor = ev.get("vendor") or ev.get("module")
        if (ev.kind == FEATURE and ev.name.startswith(MODULE_PREFIX) and ev.get("folder") in sign_in_folders
                and (index.sign_in_provider(vendor) or not ev.service)):
            # (a vendor the catalog has no separate sign-in for, `connector-huggingface`, or one
            # whose entry is a sign-in already, `connector-azuread`, stays that service)
            if not is_test_path(ev.path):
                sign_ins[vendor].append(ev)
            continue
        # (or a vendor-named provider file reading the user profile: `thirdparty/provider_discord.go`)
        if ev.kind == CALL and ev.name == SIGN_IN_CLIENT and (is_sign_in_path(ev.path) or ev.get("provider_file")):
            # (a forge's module with a login step, `forge/bitbucket/bitbucket.go`, also calls the API)
            client_files.add(ev.path)
        base = posixpath.basename(ev.path)
        if base in MANIFESTS:
            manifests.add(posixpath.dirname(ev.path) or ".")
        if ev.kind == PACKAGE:
            hits = index.package(ev.ecosystem, ev.name)
            for sid, weak in hits:
                (weak_only if weak else per_service)[sid].append(ev)
            connector = None if hits else index.connector_package(ev.name)
            if connector:  # a `<vendor>-connector` package the catalog does not list
                per_service[connector].append(ev)
            provider = None if hits else index.sign_in_package(ev.ecosystem, ev.name)
            if provider:
                sign_ins[provider].append(ev)
            for cid in index.client_package(ev.ecosystem, ev.name):
                client_hits[cid].append(ev)
        elif ev.kind in (IMPORT, CALL) and ev.get("sign_in") and not known_sign_in_module(ev, catalog, index):
            sign_ins[ev.get("sign_in")].append(ev)
        elif ev.kind == CALL and ev.get("sign_in"):
            sign_ins[ev.get("sign_in")].append(ev)  # a hand-written OAuth sign-in client (oauth_clients)
        elif ev.kind == CALL and ev.name == SIGN_IN_CLIENT and not ev.service:
            pass  # a provider file whose vendor its name does not spell (`provider_x.go`): client_files
        elif ev.kind == IMPORT:
            for sid, weak in index.import_(ev.ecosystem, ev.name):
                (weak_only if weak else per_service)[sid].append(ev)
            for cid in index.client_import(ev.ecosystem, ev.name):
                client_hits[cid].append(ev)
        elif ev.kind == CALL and (ev.get("api_path") == "1" or ev.get("alone") == "1"):
            # a path only that service's API serves, or a call only its snippet makes: a use on its own
            per_service[ev.service].append(ev)
        elif ev.kind == CALL:
            calls[ev.service].append(ev)
        elif ev.kind in (ENV_READ, ENV_DECL, CI_SECRET):
            var = env_var(ev.name)
            if ev.kind == ENV_READ:
                var.read_in.append((ev.path, ev.line))
            elif ev.kind == ENV_DECL:
                var.declared_in.append((ev.path, ev.line, ev.get("environment", "any")))
                var.optional = var.optional or ev.get("optional") == "1"
                env_files.setdefault(ev.path, (ev.get("file", "template"), ev.get("environment", "any")))
            else:
                var.ci_in.append((ev.path, ev.line))
            sid = ev.service or index.env(ev.name)
            if sid:
                per_service[sid].append(ev)
                if sid not in var.services:
                    var.services.append(sid)
        elif ev.kind == HOST:
            sid = ev.service or index.host(ev.name)
            if sid:
                per_service[sid].append(ev)
            else:
                other_hosts[ev.name].append(ev)
        elif ev.kind == IMAGE:
            sid = ev.service or (
                index.chart(ev.name) if ev.get("helm_dependency") else index.image(ev.name, own_namespace=project_name)
            )
            if sid:
                per_service[sid].append(ev)
            elif not ev.service and not ev.get("helm_dependency"):
                # the app's own image (`unkey/vault` in unkey): the service its name reads as
                # is a component the app builds itself
                named = index.image(ev.name)
                if named:
                    own_components.add(named)
            registry = None if ev.get("helm_dependency") else own_image_registry(ev.name, project_name, catalog, index)
            if registry and not is_test_path(ev.path):
                per_service[registry].append(ev)
        elif ev.kind == TERRAFORM:
            sid = ev.service or index.terraform(ev.name)
            if sid:
                per_service[sid].append(ev)
        elif ev.kind in (WEBHOOK_IN, WEBHOOK_OUT):
            webhooks.append(
                Webhook(
                    direction="incoming" if ev.kind == WEBHOOK_IN else "outgoing",
                    name=ev.name,
                    service=ev.service,
                    path=ev.path,
                    line=ev.line,
                    verification=ev.get("verification"),
                    events=[e for e in ev.get("events").split(",") if e],
                    trigger=ev.get("trigger"),
                    retry=ev.get("retry"),
                )
            )
            if ev.service:
                per_service[ev.service].append(ev)
        elif ev.kind == FEATURE and ev.name.startswith(MODULE_PREFIX) and not ev.service:
            if not is_test_path(ev.path):
                modules[ev.get("module")].append(ev)
        elif ev.kind == FEATURE and ev.name.startswith("migrations:") and ev.get("client"):
            migrations[ev.get("client")].add(ev.name.split(":", 1)[1])
        elif ev.service:
            per_service[ev.service].append(ev)
            if ev.kind == DB_TYPE and ev.get("env"):
                var = env_var(ev.get("env"))
                if ev.service not in var.services:
                    var.services.append(ev.service)
        elif ev.kind in (FEATURE, SCOPE, EVENT, BUCKET, TEMPLATE):
            facts.append(ev)
    return r
