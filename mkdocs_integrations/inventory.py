"""Resolve: evidence + catalog → the inventory of services, env vars, webhooks, findings.

This is the only place that decides what counts as "using a service"; detectors only
report what they saw. Everything here is sorted, so the same sources give the same pages.
"""

from __future__ import annotations

import posixpath
import re
from collections import defaultdict
from dataclasses import dataclass, field
from typing import Any

from .catalog import ECOSYSTEM_LANGUAGE, Catalog, Service
from .catalog.index import PRODUCT_COMPANIES, CatalogIndex
from .model import (
    BUCKET, CALL, CI_SECRET, CONFIG, DB_TYPE, ENV_DECL, ENV_READ, EVENT, FEATURE, HOST, IMAGE,
    IMPORT, PACKAGE, REDACTED, SCOPE, TEMPLATE, TERRAFORM, WEBHOOK_IN, WEBHOOK_OUT, Evidence, Finding,
)
from .paths import (
    GENERATED_CLIENT_FACT, VENDORED_FACT, fact_folders, is_docs_site_path, is_sign_in_path, is_test_path, is_tooling_path,
)
from .scan import ScanResult
from .scan.detectors.code import language_for
from .scan.detectors.oauth_clients import SIGN_IN_CLIENT
from .sign_in import (
    fold_api_scope_oauth, fold_app_token_hosts, fold_authorize_hosts, fold_generic_oidc, fold_integration_oauth,
    fold_issuer_hosts, fold_shared_sign_in_hosts, fold_sign_in_client_apis, fold_user_info_hosts, known_sign_in_module,
    sign_in_module_folders, sign_in_providers,
)
from .plugin_families import family_modules
from .scan.detectors.plugin_classes import PLUGIN_CLASS
from .uncatalogued import MODULE_PREFIX, squashed_domain, uncatalogued_apis, uncatalogued_modules
from .usage import in_test_stack, is_transitive, shows_use

# How sure we are that a service is used, strongest first.
STRENGTHS = ("used", "configured", "declared", "env", "host", "overlay")
STRENGTH_LABELS = {
    "overlay": "documented by hand in the overlay (not visible in the code)",
    "used": "imported and used in code",
    "configured": "configured in infrastructure files",
    "declared": "declared as a dependency, no use found in code",
    "env": "environment variables only",
    "host": "API hostname in code only",
}
MANIFESTS = frozenset({
    "package.json", "pyproject.toml", "requirements.txt", "Pipfile", "setup.cfg", "go.mod", "Gemfile",
    "Cargo.toml", "composer.json", "pom.xml", "build.gradle", "build.gradle.kts",
})


@dataclass
class PackageUse:
    name: str
    ecosystem: str
    declared: str  # version spec from the manifest
    resolved: str  # version from a lockfile, when there is one
    path: str
    line: int

    @property
    def version(self) -> str:
        return self.resolved or self.declared


@dataclass
class ServiceUse:
    service: Service
    strength: str
    evidence: list[Evidence] = field(default_factory=list)
    packages: list[PackageUse] = field(default_factory=list)
    env_vars: list[str] = field(default_factory=list)
    endpoints: list[str] = field(default_factory=list)
    hosts: list[str] = field(default_factory=list)
    buckets: list[str] = field(default_factory=list)
    templates: list[str] = field(default_factory=list)
    events: list[str] = field(default_factory=list)
    scopes: list[str] = field(default_factory=list)
    features: dict[str, list[str]] = field(default_factory=dict)
    clients: list[str] = field(default_factory=list)  # client names ("Prisma ORM 5.8.1")
    providers: list[str] = field(default_factory=list)  # service ids hosting this one (supabase)
    used_by: list[str] = field(default_factory=list)  # app folders in a monorepo
    purpose: str = ""
    annotations: dict[str, Any] = field(default_factory=dict)  # from the overlay
    repos: list[str] = field(default_factory=list)  # repositories using it, when several are merged
    migrations: list[str] = field(default_factory=list)

    @property
    def id(self) -> str:
        return self.service.id

    @property
    def name(self) -> str:
        return self.service.name

    @property
    def category(self) -> str:
        return self.service.category


@dataclass
class EnvVar:
    name: str
    services: list[str] = field(default_factory=list)
    declared_in: list[tuple[str, int, str]] = field(default_factory=list)  # path, line, environment
    read_in: list[tuple[str, int]] = field(default_factory=list)
    ci_in: list[tuple[str, int]] = field(default_factory=list)
    optional: bool = False

    @property
    def environments(self) -> list[str]:
        return sorted({env for _, _, env in self.declared_in})


@dataclass
class Webhook:
    direction: str  # incoming | outgoing
    name: str  # route for incoming; target for outgoing
    service: str  # service id or ""
    path: str
    line: int
    verification: str = ""
    events: list[str] = field(default_factory=list)
    trigger: str = ""
    retry: str = ""


@dataclass
class Inventory:
    analysis_date: str
    services: list[ServiceUse]
    env_vars: list[EnvVar]
    webhooks: list[Webhook]
    findings: list[Finding]
    env_files: list[tuple[str, str, str]]  # path, kind (template|real), environment
    ignored_env_files: list[str]
    other_hosts: list[tuple[str, str, int]]  # host, path, line: APIs outside the catalog
    files_scanned: int
    apps: list[str]
    warnings: list[str]
    planned: dict[str, str] = field(default_factory=dict)  # category → overlay words
    none_notes: dict[str, str] = field(default_factory=dict)  # category → overlay words
    environments: dict[str, dict[str, str]] = field(default_factory=dict)  # overlay notes
    repositories: list[str] = field(default_factory=list)  # set when other repos' inventories are merged

    def by_category(self, category: str) -> list[ServiceUse]:
        return [s for s in self.services if s.category == category]

    def get(self, sid: str) -> ServiceUse | None:
        for s in self.services:
            if s.id == sid:
                return s
        return None


def _strength(kinds: set[str]) -> str | None:
    if kinds & {IMPORT, CALL, WEBHOOK_IN, WEBHOOK_OUT}:
        return "used"
    if kinds & {CONFIG, IMAGE, TERRAFORM, DB_TYPE, FEATURE}:
        return "configured"
    if PACKAGE in kinds:
        return "declared"
    if kinds & {ENV_READ, ENV_DECL, CI_SECRET}:
        return "env"
    if HOST in kinds:
        return "host"
    return None



# Config files of PHP frameworks (Laravel's `config/*.php`, CodeIgniter's `app/Config/*.php`).
# Their stock copies list every driver the framework supports, each reading its own env vars
# (`MEMCACHED_HOST`, `POSTMARK_TOKEN`, `PAPERTRAIL_URL`) whether or not the app ever selects it.
# Laravel's config/*.php, and the same stock arrays kept in a `Configuration/` folder
# (an app that embeds Laravel's config in its own core: app/Core/Configuration/laravelConfig.php).
_FRAMEWORK_CONFIG = re.compile(r"(?:^|/)(?:[Cc]onfig|[Cc]onfiguration)/[^/]+\.php$")


# Service-less facts joined to the services of their file (`_join_file_facts`): a disk's
# `'visibility'` key read as a bucket setting describes the disks of that config file, whichever.
_FILE_FACTS = frozenset({BUCKET, SCOPE, EVENT, TEMPLATE})


def _framework_config_only(evs: list[Evidence]) -> bool:
    """True when all a service has are env reads (and hosts) in framework config files: no
    package, no code using it, no env file declaring its variables, no image."""
    shown = [e for e in evs if shows_use(e)]
    return bool(shown) and all(e.kind in (ENV_READ, HOST) and _FRAMEWORK_CONFIG.search(e.path) for e in shown)


def _driver_without_adapter(svc: Service, evs: list[Evidence], composer: set[str]) -> bool:
    """A framework config's driver entry for a vendor whose Composer adapter the app does not install
    (Laravel's stock `rackspace` disk without league/flysystem-rackspace): the framework cannot
    load that driver, so the entry is never used. Only where the service has nothing beyond
    that config (its settings' keys, read as file facts, aside) and the app has a composer.json."""
    packages = svc.packages.get("packagist", ())
    if not svc.drivers or not packages or not composer:
        return False  # a driver the framework loads through an adapter package (not an app's own settings)
    shown = [e for e in evs if shows_use(e) and e.kind not in _FILE_FACTS]
    if not shown or not all(e.kind in (ENV_READ, HOST) and _FRAMEWORK_CONFIG.search(e.path) for e in shown):
        return False
    return not any(p.rstrip("*") == name or (p.endswith("*") and name.startswith(p[:-1])) for p in packages for name in composer)


# Manifest sections of development-only dependencies (npm, Composer, Cargo, Poetry/Pipenv/uv/PDM).
_DEV_SECTIONS = frozenset({"devDependencies", "require-dev", "dev-dependencies", "target:dev-dependencies", "dev",
                           "group:dev", "group:test"})


def _dev_section(e: Evidence) -> bool:
    section = e.get("section")
    return section in _DEV_SECTIONS or section.startswith("dev:")


def _test_tool_only(evs: list[Evidence]) -> bool:
    """True when a service is declared as a development dependency only and the code that uses
    it is all tests (`ioredis` in a package's devDependencies, called by its test helpers): a
    tool of the test suite, not a service the application runs against."""
    shown = [e for e in evs if shows_use(e) and e.kind not in _FILE_FACTS]
    if not shown or not all(e.kind == PACKAGE and _dev_section(e) for e in shown):
        return False
    return any(e.kind in (IMPORT, CALL) and is_test_path(e.path) for e in evs)


def _unused_python_dev_package(evs: list[Evidence]) -> bool:
    """True when a service is only a Python development group's declaration (PEP 735
    `[dependency-groups] dev`, Poetry's `group.dev`, uv/PDM dev-dependencies) and no code imports
    or calls it: a debugging or profiling tool a developer may install (logfire, OpenTelemetry
    instrumentations behind commented-out setup), never installed with the app. Unlike npm's
    devDependencies, which a front-end build bundles into what it ships, a Python dev group is
    not part of the package."""
    shown = [e for e in evs if shows_use(e) and e.kind not in _FILE_FACTS]
    if not shown or not all(e.kind == PACKAGE and e.ecosystem == "pypi" and _dev_section(e) for e in shown):
        return False
    return not any(e.kind in (IMPORT, CALL) for e in evs)


# What follows an application's name in its repository's name (`lago-api`, `umami-server`).
_REPO_SUFFIXES = ("api", "app", "server", "web", "backend", "core")


def _test_stand_in(e: Evidence, sid: str, catalog: Catalog) -> bool:
    """A test stack's container (or its settings) of a service other than a database: it stands
    in for a vendor while the tests run (MinIO in place of S3 in `pkg/testutil/docker-compose.test.yaml`).
    A test stack's databases are the ones the app supports (a test matrix of MySQL and MariaDB),
    as a CI job's service containers are."""
    if not in_test_stack(e):
        return False
    svc = catalog.services.get(sid)
    return svc is None or svc.category != "database"


def _is_the_app(sid: str, project_name: str) -> bool:
    """Whether a catalog service is the scanned application itself (its hosted edition, its own
    SDK): the repository is named for it (`openstatus`), or for it with a part suffix
    (`lago-api` is Lago), or the service adds its domain's suffix (`healthchecks-io` scanned in
    `healthchecks`)."""
    project = re.sub(r"[^a-z0-9]", "", project_name.lower())
    squashed = sid.replace("-", "")
    if len(project) < 4:
        return bool(project) and squashed == project
    return squashed == project or any(project == squashed + x for x in _REPO_SUFFIXES) or (
        sid.startswith(project_name.lower() + "-") and sid.rsplit("-", 1)[-1] in ("io", "com", "app", "dev", "cloud")
    )


def _call_language(path: str) -> str:
    """The catalog language of a file that makes an SDK call, '' when not a known language."""
    lang = language_for(posixpath.basename(path))
    return lang.lookup if lang else ""


def _app_of(path: str, apps: list[str]) -> str:
    best = ""
    for app in apps:
        if app == "." or path == app or path.startswith(app + "/"):
            if len(app) > len(best) or best == "":
                best = app
    return best


def _own_evidence(evidence: list[Evidence], catalog: Catalog) -> list[Evidence]:
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


def resolve(
    scan: ScanResult, catalog: Catalog, index: CatalogIndex, analysis_date: str, project_name: str = ""
) -> Inventory:
    per_service: dict[str, list[Evidence]] = defaultdict(list)
    weak_only: dict[str, list[Evidence]] = defaultdict(list)
    calls: dict[str, list[Evidence]] = defaultdict(list)
    client_hits: dict[str, list[Evidence]] = defaultdict(list)
    other_hosts: dict[str, list[Evidence]] = defaultdict(list)
    modules: dict[str, list[Evidence]] = defaultdict(list)  # uncatalogued integration modules
    env: dict[str, EnvVar] = {}
    webhooks: list[Webhook] = []
    env_files: dict[str, tuple[str, str]] = {}
    manifests: set[str] = set()
    facts: list[Evidence] = []
    migrations: dict[str, set[str]] = defaultdict(set)
    sign_ins: dict[str, list[Evidence]] = defaultdict(list)  # provider name -> its auth-library imports
    client_files: set[str] = set()  # the app's own OAuth sign-in provider files (oauth_clients)
    own_components: set[str] = set()  # services the app's own images are named as (`unkey/vault`)

    def env_var(name: str) -> EnvVar:
        if name not in env:
            env[name] = EnvVar(name=name)
        return env[name]

    evidence = _own_evidence(scan.evidence, catalog)
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

    # Umbrella SDKs (boto3, the openai package for Azure) count for a service only with a
    # call that is its own: a line that matches the call patterns of two services proves neither.
    at: dict[tuple[str, int], set[str]] = defaultdict(set)
    for sid, evs in calls.items():
        for e in evs:
            at[(e.path, e.line)].add(sid)
    # A call in a test (a moto-mocked SQS queue checking an SNS publish) proves nothing; nor does
    # one in another language than the umbrella SDK's (boto3 declared for a Python SDK's tests
    # beside a Go file's `SendMessage(` to Slack or a Google KMS client's `.keys(`).
    for sid, evs in weak_only.items():
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
        if any(not is_transitive(e) and not _test_stand_in(e, sid, catalog) for e in per_service.get(sid, ())):
            per_service[sid].extend(evs)
    extra, sign_in_folded = sign_in_providers(sign_ins, per_service, catalog, index)
    sign_in_folded.update(fold_sign_in_client_apis(per_service, other_hosts, client_files, catalog, index))
    fold_authorize_hosts(per_service, other_hosts, client_files, index)
    sign_in_folded.update(fold_user_info_hosts(per_service, catalog))
    _join_file_facts(facts, per_service, catalog)
    folded = fold_integration_oauth(per_service, catalog)
    folded.update(sign_in_folded)
    folded.update(fold_issuer_hosts(per_service, catalog))
    folded.update(_fold_protocol_clients(per_service, catalog))
    folded.update(fold_shared_sign_in_hosts(per_service, catalog))
    folded.update(fold_app_token_hosts(per_service, catalog, {f.path for f in facts if f.name.startswith("app_token:")}))
    folded.update(fold_generic_oidc(per_service, catalog))
    folded.update(fold_api_scope_oauth(per_service, catalog))
    for var in env.values():
        var.services = list(dict.fromkeys(folded.get(s, s) for s in var.services))
    for hook in webhooks:
        hook.service = folded.get(hook.service, hook.service)

    _drop_modules_through_other_vendors(per_service, catalog)
    apps = sorted(manifests)
    composer = {e.name for e in evidence if e.kind == PACKAGE and e.ecosystem == "packagist" and not is_transitive(e)}
    uses: list[ServiceUse] = []
    for sid, evs in per_service.items():
        svc = catalog.services.get(sid) or extra.get(sid)
        if svc is None:
            continue
        if (svc.sign_in_modules or svc.sign_in_packages) and not any(
            e.kind in (PACKAGE, IMPORT) and shows_use(e) for e in evs
        ):
            # An auth library runs in-process: its manifest entry shows it. Its env names
            # outlive it (inbox-zero's NEXTAUTH_SECRET, kept for Better Auth), and its
            # session helpers' names (`getSession(`) are every auth library's.
            continue
        evs = sorted(set(evs))
        strength = _strength({e.kind for e in evs if shows_use(e) and not _test_stand_in(e, sid, catalog)})
        if _is_the_app(svc.id, project_name) and not (svc.category == "ci" and any(e.kind == CONFIG for e in evs)):
            # The application itself (its own SDK in its own repository), not a dependency. A CI
            # platform whose pipeline files the repository holds runs its own builds (dogfooding).
            continue
        if strength and all(is_docs_site_path(e.path) for e in evs if shows_use(e)):
            continue  # only the repository's documentation site uses it (its search, its host)
        if strength == "env" and svc.id in own_components:
            continue  # its env names (VAULT_TOKEN) are those of the app's own component of that name
        if strength == "env" and _framework_config_only(evs):
            continue  # a driver menu of the framework's stock config, nothing else names it
        if strength in ("env", "host") and _driver_without_adapter(svc, evs, composer):
            continue  # a stock config's driver the app cannot load
        if _test_tool_only(evs):
            continue  # a dev dependency only the tests use (an SDK's test suite against a local Redis)
        if _unused_python_dev_package(evs):
            continue  # a Python dev group's tool no code uses (not shipped with the app)
        if strength is None or (
            svc.category in ("ci", "hosting") and strength == "env" and not any(e.kind == HOST and shows_use(e) for e in evs)
        ):
            # A CI platform shows in its own config files; build scripts keep reading its
            # variables (DRONE_TAG) long after a project has moved to another CI. Likewise a
            # runtime platform: code that reads the variables it injects (KUBERNETES_SERVICE_HOST
            # to report "install type: kubernetes") runs anywhere; manifests, deploy steps and
            # platform config files are what show the app is deployed there. A request to the
            # platform's API (api.fastly.com purging a cache) is a use of its own.
            continue
        uses.append(_service_use(svc, strength, evs, apps))

    # Hosts of an umbrella cloud domain name no vendor: they join the integration module of
    # their file (google-ads/api.ts → datamanager.googleapis.com), else they stay unnamed
    # (still listed among the other hosts the code calls).
    module_files = {e.path: slug for slug, evs in modules.items() for e in evs}
    vendor_hosts: dict[str, list[Evidence]] = {}
    for host, evs in other_hosts.items():
        if not host.endswith(index.shared_domains):
            vendor_hosts[host] = evs
            continue
        owners = {module_files.get(e.path) for e in evs}
        if None not in owners and len(owners) == 1:
            modules[owners.pop()].extend(evs)
    reads = {var.name: [path for path, _ in var.read_in] for var in env.values()}
    taken = {u.id for u in uses}
    # the packages of Go package families' uncatalogued members (`drivers/pikpak`, `drivers/pikpak_share`)
    module_packages = {pkg: slug for slug, evs in modules.items() for e in evs for pkg in e.get("packages").split()}
    for svc, strength, evs in uncatalogued_apis(
        vendor_hosts, catalog, taken, project_name, reads, set(modules), module_files, module_packages,
    ):
        uses.append(_service_use(svc, strength, evs, []))
    # file -> (service, squashed domain) of the API hosts it calls; sign-in hosts do not count
    # (an integration authorizes through Google's or Facebook's OAuth endpoints).
    file_vendors: dict[str, set[tuple[str, str]]] = defaultdict(set)
    for u in uses:
        if u.category == "oauth":
            continue
        for e in u.evidence:
            if e.kind == HOST and not is_test_path(e.path):
                file_vendors[e.path].add((u.id.replace("-", ""), squashed_domain(e.name)))
    for svc, strength, evs in uncatalogued_modules(modules, catalog, {u.id for u in uses}, project_name, file_vendors):
        uses.append(_service_use(svc, strength, evs, []))
    by_id = {u.id: u for u in uses}
    # Database clients (ORMs, drivers) and hosted flavours ("PostgreSQL on Supabase").
    for cid, evs in sorted(client_hits.items()):
        client = catalog.clients[cid]
        version = _short_version(_best_version(evs))
        label = f"{client.name} v{version}" if version else client.name
        targets = [d for d in client.databases if d in by_id] or []
        for d in targets:
            if label not in by_id[d].clients:
                by_id[d].clients.append(label)
            for folder in sorted(migrations.get(cid, ())):
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
    webhooks.sort(key=lambda w: (w.direction, w.name, w.path, w.line))
    return Inventory(
        analysis_date=analysis_date,
        services=uses,
        env_vars=env_vars,
        webhooks=webhooks,
        findings=sorted(scan.findings),
        env_files=sorted((p, k, e) for p, (k, e) in env_files.items()),
        ignored_env_files=sorted(scan.ignored_env_files),
        other_hosts=sorted((h, evs[0].path, evs[0].line) for h, evs in other_hosts.items()),
        files_scanned=scan.files_scanned,
        apps=apps,
        warnings=list(scan.warnings),
    )


def _drop_modules_through_other_vendors(per_service: dict[str, list[Evidence]], catalog: Catalog) -> None:
    """A catalog vendor's integration module whose requests all go to another vendor's API
    (healthchecks' `integrations/whatsapp/` posting to api.twilio.com) delivers through that
    vendor, which is the service: with nothing else naming it, the module's vendor is not one.
    (The same rule as for uncatalogued modules, see `uncatalogued_modules`.) An identity
    platform's host is no such API: a storage driver refreshing its OAuth token at
    login.microsoftonline.com (a WebDAV driver's SharePoint sign-in) still talks to its own vendor."""
    file_hosts: dict[str, set[str]] = defaultdict(set)
    for sid, evs in per_service.items():
        svc = catalog.services.get(sid)
        if svc is not None and svc.category in ("oauth", "auth_provider"):
            continue
        for e in evs:
            if e.kind == HOST and not is_test_path(e.path):
                file_hosts[e.path].add(sid)
    for sid in sorted(per_service):
        shown = [e for e in per_service[sid] if shows_use(e)]
        if not shown or any(not (e.kind == FEATURE and e.name.startswith(MODULE_PREFIX)) for e in shown):
            continue
        called = {_vendor(other) for e in shown for other in file_hosts.get(e.path, ())}
        if called and _vendor(sid) not in called and not _same_company(sid, called, catalog):
            del per_service[sid]


def _same_company(sid: str, called: set[str], catalog: Catalog) -> bool:
    """A product of a many-product company whose module calls that company's API gateway
    (a Microsoft Teams module creating meetings through Microsoft Graph; a OneDrive driver, the
    catalog's "Microsoft OneDrive", reading the drive through Microsoft Graph) calls its own vendor."""
    company = _company(sid, catalog)
    return bool(company) and any(_company(c, catalog) == company for c in called)


def _company(sid: str, catalog: Catalog) -> str:
    """The many-product company of a service, by its id's first word (`microsoft-teams`) or,
    for a product whose id is its own name (`onedrive`), its catalog name's (Microsoft OneDrive)."""
    first = sid.split("-", 1)[0]
    if first in PRODUCT_COMPANIES and "-" in sid:
        return first
    svc = catalog.services.get(sid)
    word = svc.name.split(" ", 1)[0].lower() if svc is not None and " " in svc.name else ""
    return word if word in PRODUCT_COMPANIES else ""


def _vendor(sid: str) -> str:
    """A service's vendor as its sign-in shares it: graph.facebook.com (Facebook Login's host)
    called from the Facebook module is Facebook's own API."""
    return sid.removesuffix("-oauth").removesuffix("-login")


_CLIENT_KINDS = frozenset({PACKAGE, IMPORT, CALL})


def _fold_protocol_clients(per_service: dict[str, list[Evidence]], catalog: Catalog) -> dict[str, str]:
    """A service that speaks another's wire protocol (`speaks:`, MariaDB → MySQL) is what that
    protocol's client library talks to when nothing else names the other: `mysql2` in the
    manifest of an app whose only database of the kind is MariaDB (images, env, settings) is
    MariaDB's driver, not a MySQL the app also runs. A data format counts alike: DB-IP ships its
    databases in MaxMind's MMDB format, so an MMDB reader beside DB-IP's download reads DB-IP's
    data, no MaxMind's. MariaDB known only by its own driver beside the MySQL one (a build
    profile for each) is a second supported database: nothing is folded. MariaDB seen only in CI or tests (a test
    matrix's service container) says nothing of what the app runs on: nothing is folded then.
    Returns {folded id: speaking id}."""
    folded: dict[str, str] = {}
    for sid in sorted(per_service):
        svc = catalog.services.get(sid)
        if svc is None or not svc.speaks:
            continue
        own = [e for e in per_service[sid] if shows_use(e) and not is_test_path(e.path) and not is_tooling_path(e.path)]
        if not own or all(e.kind in _CLIENT_KINDS for e in own):
            continue  # MariaDB known by its own driver only: a driver for each, both supported
        for other in svc.speaks:
            if other not in per_service or other in folded:
                continue
            used = [e for e in per_service[other] if shows_use(e)]
            # The speaker's image reads the spoken service's env names too (the mariadb image
            # takes MYSQL_ROOT_PASSWORD): when those variables, declared in a file that runs the
            # speaker's image, are all there is, they configure that container, no server of the
            # other kind. Beside the other kind's own driver (writefreely's go-sql-driver/mysql
            # with a MariaDB compose service) the app speaks to either: both stay.
            image_files = {e.path for e in per_service[sid] if e.kind == IMAGE}
            if used and (all(e.kind in _CLIENT_KINDS for e in used)
                         or all(e.kind == ENV_DECL and e.path in image_files for e in used)):
                per_service[sid].extend(per_service.pop(other))
                folded[other] = sid
    return folded


# Service-less facts (code_facts detector) → the categories they describe.
FACT_CATEGORIES = {
    "http_client": ("external_api",),
    "token_storage": ("auth_provider",),
    "session": ("auth_provider",),
    SCOPE: ("oauth",),
    EVENT: ("analytics",),
    BUCKET: ("file_storage",),
    TEMPLATE: ("email_sms",),
}
_CODE_KINDS = (IMPORT, CALL, HOST, ENV_READ)


def _join_file_facts(facts: list[Evidence], per_service: dict[str, list[Evidence]], catalog: Catalog) -> None:
    """Attach each fact to the services used in its file, else to the only one of its kind."""
    in_file: dict[str, set[str]] = defaultdict(set)
    for sid, evs in per_service.items():
        for e in evs:
            if e.kind in _CODE_KINDS:
                in_file[e.path].add(sid)
    for fact in facts:
        key = fact.name.split(":", 1)[0] if fact.kind == FEATURE else fact.kind
        if key not in FACT_CATEGORIES:
            continue
        cats = FACT_CATEGORIES[key]

        def fits(sid: str) -> bool:
            svc = catalog.services.get(sid)
            return svc is not None and (cats is None or svc.category in cats)

        targets = sorted(s for s in in_file.get(fact.path, ()) if fits(s))
        if not targets and cats is not None:
            only = sorted(s for s in per_service if fits(s))
            targets = only if len(only) == 1 else []
        for sid in targets:
            per_service[sid].append(fact)


def _short_version(spec: str) -> str:
    """'^5.8.0' → '5.8.0', '>=2.0' → '2.0': the version a reader wants to see."""
    m = re.search(r"\d+(?:\.\d+){0,2}", spec or "")
    return m.group(0) if m else ""


def _best_version(evs: list[Evidence]) -> str:
    locked = sorted({e.version for e in evs if e.kind == PACKAGE and e.get("locked") == "1" and e.version})
    if locked:
        return locked[-1]
    declared = sorted({e.version for e in evs if e.kind == PACKAGE and e.version})
    return declared[-1] if declared else ""


def _service_use(svc: Service, strength: str, evs: list[Evidence], apps: list[str]) -> ServiceUse:
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
