"""Which candidate services the inventory keeps, and how strongly each is shown.

Every rule here drops a service whose evidence is real but proves no use: a framework's stock
config, a test suite's tool, the scanned application's own SDK. They are the false positives
the labelled corpus found; each says which.
"""

from __future__ import annotations

import re
from functools import lru_cache

from ..catalog import Catalog, Service
from ..catalog.index import BROWSER_ENV_PREFIXES
from ..model import (
    CALL, CI_SECRET, CONFIG, DB_TYPE, ENV_DECL, ENV_READ, FEATURE, HOST, IMAGE, IMPORT, PACKAGE, TERRAFORM,
    WEBHOOK_IN, WEBHOOK_OUT, Evidence,
)
from ..paths import is_docs_site_path, is_git_hook_path, is_test_path
from ..rules_data import rules_yaml
from ..usage import in_test_stack, shows_use
from .folds import FILE_FACTS


def strength_of(kinds: set[str]) -> str | None:
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


def _framework_config_rules() -> list[dict]:
    return list(rules_yaml("framework_config.yaml").values())


@lru_cache(maxsize=1)
def _stock_config() -> tuple[frozenset[str], frozenset[str], tuple[str, ...]]:
    """Frameworks' stock config (data: rules/framework_config.yaml): the files whose entries are
    connections, and the env names the generated files read (exact, and whole prefixes)."""
    frameworks = _framework_config_rules()
    files = frozenset(n for f in frameworks for n in f.get("driver_files") or ())
    names = frozenset(n for f in frameworks for n in f.get("names") or ())
    prefixes = tuple(sorted({p for f in frameworks for p in f.get("prefixes") or ()}))
    return files, names, prefixes


@lru_cache(maxsize=1)
def _template_names() -> frozenset[str]:
    """The names frameworks' own env templates declare for adapter drivers (`template_names`)."""
    return frozenset(n for f in _framework_config_rules() for n in f.get("template_names") or ())


def _stock_template_decl(e: Evidence) -> bool:
    """An env file's line the framework's own env template has (Laravel's .env.example
    `PUSHER_APP_KEY=`, `MIX_PUSHER_APP_KEY="${PUSHER_APP_KEY}"`, `AWS_BUCKET=`), kept in the
    app's env files (its .env.example, its .env.testing) whether or not it selects the driver."""
    return e.kind == ENV_DECL and e.name in _template_names()


def _stock_env_read(e: Evidence) -> bool:
    """An env read the framework's generated config has, or one in a config file that is a menu
    whatever its names; not a connection the app added to a stock driver file."""
    files, names, prefixes = _stock_config()
    return e.path.rsplit("/", 1)[-1] not in files or e.name in names or e.name.startswith(prefixes)


def _framework_config_only(svc: Service, evs: list[Evidence]) -> bool:
    """True when all a service has are env reads (and hosts) in framework config files: no
    package, no code using it, no env file declaring its variables, no image. A settings entry
    only a library reads (Socialite's `'google' => [..., 'redirect' => ...]` in
    config/services.php, `framework_settings`) is config too: without the library's package
    nothing reads it. Not a config file named for the service (`config/thumbor.php`): no
    framework ships one, the app wrote (or published) it to configure that service. Nor an
    env name the framework's stock files never read (`DO_SPACES_KEY` in a disk the app added
    to config/filesystems.php): the app wrote that entry for the service, unless it is a
    library's settings entry. The framework's env template's own lines in the app's env files
    (`PUSHER_APP_KEY=` beside `BROADCAST_CONNECTION=log`) are that menu too."""
    shown = [e for e in evs if shows_use(e) and not _stock_template_decl(e)]
    own = svc.id.replace("-", "")
    # (a library's settings entry: its env names are the app's, and still nothing reads them)
    library_settings = any(e.kind == CALL and e.get("framework_settings") == "1" for e in shown)
    return bool(shown) and all(
        ((e.kind == ENV_READ and (library_settings or _stock_env_read(e))) or e.kind == HOST
         or (e.kind == CALL and e.get("framework_settings") == "1"))
        and _FRAMEWORK_CONFIG.search(e.path)
        and re.sub(r"[^a-z0-9]", "", e.path.rsplit("/", 1)[-1].rsplit(".", 1)[0].lower()) != own
        for e in shown
    )


def _driver_without_adapter(svc: Service, evs: list[Evidence], installed: dict[str, set[str]]) -> bool:
    """A framework config's driver entry for a vendor whose Composer adapter the app does not install
    (Laravel's stock `rackspace` disk without league/flysystem-rackspace): the framework cannot
    load that driver, so the entry is never used. Only where the service has nothing beyond
    that config (its settings' keys, read as file facts, aside) and the app has a composer.json."""
    packages = svc.packages.get("packagist", ())
    composer = installed.get("packagist", set())
    if not svc.drivers or not packages or not composer:
        return False  # a driver the framework loads through an adapter package (not an app's own settings)
    shown = [e for e in evs if shows_use(e) and e.kind not in FILE_FACTS]
    if not shown or not all(e.kind in (ENV_READ, HOST) and _FRAMEWORK_CONFIG.search(e.path) for e in shown):
        return False
    return not _installs(packages, composer)


def _installs(patterns: tuple[str, ...], names: set[str]) -> bool:
    """Whether a manifest installs one of a service's catalog packages (`@sentry/*` a prefix)."""
    return any(p.rstrip("*") == name or (p.endswith("*") and name.startswith(p[:-1])) for p in patterns for name in names)


# Words of a setting that is an address: the browser can send to it with `fetch` alone.
_ADDRESS_WORDS = frozenset({"URL", "URI", "HOST", "ENDPOINT", "ORIGIN", "DOMAIN"})


def _browser_setting_without_sdk(svc: Service, evs: list[Evidence], installed: dict[str, set[str]]) -> bool:
    """A vendor named only by a browser bundle's public credentials (`VITE_SENTRY_DSN` read into
    a front-end config object, `NEXT_PUBLIC_POSTHOG_KEY=` in an env file) in an app whose
    package.json files install none of the vendor's npm packages. A browser uses a DSN or a key
    through the vendor's SDK, or its script, which shows as the vendor's host; a credential that
    nothing loads is a leftover or a placeholder (a build's config reading a Sentry DSN with no
    Sentry SDK installed anywhere). Not where a setting is an address (`..._INGEST_ENDPOINT`,
    `..._INGESTING_HOST`): the page may post to it with `fetch` or `sendBeacon`, no SDK needed."""
    packages = svc.packages.get("npm", ())
    npm = installed.get("npm", set())
    if not packages or not npm:
        return False
    shown = [e for e in evs if shows_use(e) and e.kind not in FILE_FACTS]
    return bool(shown) and all(
        e.kind in (ENV_READ, ENV_DECL) and e.name.upper().startswith(BROWSER_ENV_PREFIXES)
        and _ADDRESS_WORDS.isdisjoint(e.name.upper().split("_"))
        for e in shown
    ) and not _installs(packages, npm)


# Services an application reaches only through a client library it installs: a cache's or a
# queue's wire protocol needs one (`redis`/`ioredis`, `amqplib`, `kafkajs`, `pymemcache`).
_CLIENT_LIBRARY_CATEGORIES = frozenset({"cache", "queue"})


def _env_file_leftover(svc: Service, evs: list[Evidence], installed: dict[str, set[str]]) -> bool:
    """True when all that shows a cache or a queue is its variables declared in env files
    (`REDIS_URL=redis://localhost:6379` in `.env.development`), no code reads them, and no
    manifest or lockfile of the app names one of its client packages although the app has
    manifests of an ecosystem the catalog knows its clients for: nothing could connect to it,
    so the line is a leftover of a removed feature or a copied template. Databases are not
    judged so (a framework reads `DATABASE_URL` itself, its driver often bundled), nor a
    service whose image a compose file runs (that is no env declaration alone)."""
    if svc.category not in _CLIENT_LIBRARY_CATEGORIES or not any(svc.packages.get(eco) for eco in installed):
        return False
    if any(e.kind == PACKAGE for e in evs):
        return False  # a client somewhere, even locked only (Sidekiq's redis-client in Gemfile.lock)
    shown = [e for e in evs if shows_use(e) and e.kind not in FILE_FACTS]
    return bool(shown) and all(e.kind == ENV_DECL and e.get("file") != "compose" for e in shown)


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
    shown = [e for e in evs if shows_use(e) and e.kind not in FILE_FACTS]
    if not shown or not all(e.kind == PACKAGE and _dev_section(e) for e in shown):
        return False
    return any(e.kind in (IMPORT, CALL) and is_test_path(e.path) for e in evs)


def _fixture_project_only(svc: Service, evs: list[Evidence]) -> bool:
    """True when all that shows a service is the manifest or config file of a project inside a
    test folder (`src/fixtures/cloudflare-worker/` with its own package.json `wrangler` and
    wrangler.toml, on which the tests check that the app's SDK bundles for that platform): a
    sample the test suite builds, not a service the application runs on. Its code there is
    already no use (a test path). Not databases (a test stack's databases are the ones the app
    supports) nor CI services (a test folder's tools are CI's: Playwright, Percy)."""
    if svc.category in ("ci", "database"):
        return False
    shown = [e for e in evs if shows_use(e) and e.kind not in FILE_FACTS]
    return bool(shown) and all(e.kind in (PACKAGE, CONFIG) and is_test_path(e.path) for e in shown)


def _test_env_file_only(evs: list[Evidence]) -> bool:
    """True when all that shows a service is variables of the test environment's env file
    (`.env.test`'s `ELASTICSEARCH_ENABLED=false`): settings the test suite runs with, which no
    code reads and no other env file of the app declares, are no service the application uses."""
    shown = [e for e in evs if shows_use(e) and e.kind not in FILE_FACTS]
    return bool(shown) and all(e.kind == ENV_DECL and e.get("environment") == "test" for e in shown)


def _git_hook_env_only(evs: list[Evidence]) -> bool:
    """True when all that shows a service is env reads of a git hook or commit-message check
    (`process.env.JIRA_TKT_CHECK` in `lint-commit-message.js`): a switch of the developers'
    commit conventions, run by git on their machines, not a use by the application."""
    shown = [e for e in evs if shows_use(e) and e.kind not in FILE_FACTS]
    return bool(shown) and all(e.kind == ENV_READ and is_git_hook_path(e.path) for e in shown)


def _unused_dev_package(svc: Service, evs: list[Evidence]) -> bool:
    """True when a service is only a development section's declaration (npm devDependencies,
    PEP 735 `[dependency-groups] dev`, Poetry's `group.dev`, uv/PDM dev-dependencies, Composer's
    require-dev) and no code imports or calls it: a debugging or profiling tool a developer may
    install (logfire, OpenTelemetry instrumentations behind commented-out setup), a peer
    dependency kept for another package's types (nodemailer beside next-auth's email
    provider), never part of what the app runs. A front-end build bundles what code imports,
    so an npm devDependency nothing imports is not shipped either. A CI or hosting service's
    development dependency is its command-line tool (`@applitools/eyes-*`, `@percy/cli`,
    `wrangler`), which package scripts run without importing it: that stays."""
    if svc.category in ("ci", "hosting"):
        return False
    shown = [e for e in evs if shows_use(e) and e.kind not in FILE_FACTS]
    if not shown or not all(e.kind == PACKAGE and _dev_section(e) for e in shown):
        return False
    return not any(e.kind in (IMPORT, CALL) for e in evs)


def _unimported_group_package(svc: Service, evs: list[Evidence]) -> bool:
    """True when a library is declared only in a named dependency group (PEP 735
    `[dependency-groups] cloud = [...]`, Poetry's `group.<name>`) and no code imports it:
    the group serves code kept elsewhere (a hosted edition's private package installs
    `stripe`, `temporalio` through `uv sync --group cloud`), and a call pattern matched
    without the import is the app's own method of the SDK's name (`execute_workflow(`).
    Not databases (a driver is loaded by its URL scheme, never imported) nor CI or hosting
    services (command-line tools run without an import)."""
    if svc.category in ("ci", "hosting", "database"):
        return False
    shown = [e for e in evs if shows_use(e) and e.kind not in FILE_FACTS]
    packages = [e for e in shown if e.kind == PACKAGE]
    if not packages or not all(e.get("section").startswith("group:") for e in packages):
        return False
    return all(e.kind in (PACKAGE, CALL) for e in shown) and not any(e.kind == IMPORT for e in evs)


# A JS build tool's config file (`vite.config.ts`, `webpack.config.js`, `next.config.mjs`).
_BUILD_CONFIG = re.compile(r"(?:^|/)(?:vite|vitest|webpack|rollup|rspack|next|astro|svelte|nuxt)\.config\.[cm]?[jt]s$")


def _undeclared_build_plugin(evs: list[Evidence]) -> bool:
    """True when all that shows a service is a build config importing its plugin
    (`await import("@sentry/vite-plugin")` in `vite.config.ts`) and no manifest or lockfile of
    the repository installs that package: the build loads the plugin only where someone
    installed it (a hosted edition's CI), catching the missing module otherwise."""
    shown = [e for e in evs if shows_use(e) and e.kind not in FILE_FACTS]
    return (
        bool(shown) and all(e.kind in (IMPORT, CALL) and _BUILD_CONFIG.search(e.path) for e in shown)
        and any(e.kind == IMPORT for e in shown) and not any(e.kind == PACKAGE for e in evs)
    )


# What follows an application's name in its repository's name (`lago-api`, `umami-server`).
_REPO_SUFFIXES = ("api", "app", "server", "web", "backend", "core")


def _instrumentation_api_only(svc: Service, evs: list[Evidence]) -> bool:
    """True when all that shows an observability standard is its API package (the catalog's
    `api_packages`), imported and called to create spans (`api` calls): no SDK, exporter or
    exporter setting sends them anywhere, so another vendor's SDK receives them or nothing does
    (a tRPC middleware's `trace.getTracer("trpc").startActiveSpan(...)`)."""
    api = {name for names in svc.api_packages.values() for name in names}
    if not api:
        return False
    api_calls = {c.endpoint for c in svc.calls if c.api}
    shown = [e for e in evs if shows_use(e) and e.kind not in FILE_FACTS]
    if not any(e.kind == PACKAGE for e in shown):
        return False
    exporter_env = set(svc.env)
    for e in shown:
        if e.kind in (PACKAGE, IMPORT):
            if e.name not in api:
                return False
        elif e.kind == CALL:
            if e.name not in api_calls:
                return False
        elif e.kind in (ENV_READ, ENV_DECL):
            if e.name in exporter_env:
                return False  # OTEL_EXPORTER_OTLP_ENDPOINT, OTEL_SERVICE_NAME: an exporter is configured
        else:
            return False  # a collector image, its config file, a host
    return True


def test_stand_in(e: Evidence, sid: str, catalog: Catalog) -> bool:
    """A test stack's container (or its settings) of a service other than a database: it stands
    in for a vendor while the tests run (MinIO in place of S3 in `pkg/testutil/docker-compose.test.yaml`).
    A test stack's databases are the ones the app supports (a test matrix of MySQL and MariaDB),
    as a CI job's service containers are."""
    if not in_test_stack(e):
        return False
    svc = catalog.services.get(sid)
    return svc is None or svc.category != "database"


def _third_party_deployment(svc: Service, evs: list[Evidence], project_name: str) -> bool:
    """True when all that shows a hosting platform is requests to apps deployed on it under
    their own subdomains (`bikebook.herokuapp.com`, `currency-api.pages.dev`, the catalog's
    `*.` hosts): another party's service the app calls, not where the app runs. Not a
    subdomain that spells the app's name (`openstatus-checker.koyeb.app` in openstatus)."""
    if svc.category != "hosting":
        return False
    shown = [e for e in evs if shows_use(e)]
    platforms = tuple("." + h[2:] for h in svc.hosts if h.startswith("*."))
    project = re.sub(r"[^a-z0-9]", "", project_name.lower())
    return bool(shown and platforms) and all(
        e.kind == HOST and e.name.endswith(platforms)
        and not (len(project) >= 4 and project in re.sub(r"[^a-z0-9]", "", e.name.split(".", 1)[0]))
        for e in shown
    )


def _is_the_app(sid: str, project_name: str) -> bool:
    """Whether a catalog service is the scanned application itself (its hosted edition, its own
    SDK): the repository is named for it (`openstatus`), or for it with a part suffix
    (`lago-api` is Lago), or the service adds its domain's suffix (`healthchecks-io` scanned in
    `healthchecks`), or its own sign-in (`peeringdb-oauth` scanned in `peeringdb`: the app is
    the OAuth server, its own auth host in its settings), or the catalog names the product
    after its vendor (`boxyhq-jackson` scanned in `jackson`: SAML Jackson's admin portal signing
    in through its own SAML bridge). That last form needs a name of five letters or more: a
    short word (`zero`) is too often another product's name too."""
    project = re.sub(r"[^a-z0-9]", "", project_name.lower())
    squashed = sid.replace("-", "")
    if len(project) < 4:
        return bool(project) and squashed == project
    return squashed == project or any(project == squashed + x for x in _REPO_SUFFIXES) or (
        sid.startswith(project_name.lower() + "-") and sid.rsplit("-", 1)[-1] in ("io", "com", "app", "dev", "cloud", "oauth")
    ) or (len(project) >= 5 and sid.endswith("-" + project_name.lower()))


def kept_strength(
    svc: Service, evs: list[Evidence], catalog: Catalog, project_name: str, own_components: set[str],
    installed: dict[str, set[str]],
) -> str | None:
    """The strength a service is shown with, or None when its evidence proves no use."""
    if (svc.sign_in_modules or svc.sign_in_packages) and not any(
        e.kind in (PACKAGE, IMPORT) and shows_use(e) for e in evs
    ):
        # An auth library runs in-process: its manifest entry shows it. Its env names
        # outlive it (inbox-zero's NEXTAUTH_SECRET, kept for Better Auth), and its
        # session helpers' names (`getSession(`) are every auth library's.
        return None
    strength = strength_of({e.kind for e in evs if shows_use(e) and not test_stand_in(e, svc.id, catalog)})
    if _is_the_app(svc.id, project_name) and not (svc.category == "ci" and any(e.kind == CONFIG for e in evs)):
        # The application itself (its own SDK in its own repository), not a dependency. A CI
        # platform whose pipeline files the repository holds runs its own builds (dogfooding).
        return None
    if strength and all(is_docs_site_path(e.path) for e in evs if shows_use(e)):
        return None  # only the repository's documentation site uses it (its search, its host)
    if strength == "env" and svc.id in own_components:
        return None  # its env names (VAULT_TOKEN) are those of the app's own component of that name
    if (strength == "env" or any(e.get("framework_settings") == "1" for e in evs)) and _framework_config_only(svc, evs):
        return None  # a driver menu of the framework's stock config, nothing else names it
    if strength in ("env", "host") and _driver_without_adapter(svc, evs, installed):
        return None  # a stock config's driver the app cannot load
    if strength == "env" and _browser_setting_without_sdk(svc, evs, installed):
        return None  # a browser bundle's setting for a vendor whose SDK nothing installs
    if _test_tool_only(evs):
        return None  # a dev dependency only the tests use (an SDK's test suite against a local Redis)
    if _unused_dev_package(svc, evs):
        return None  # a development dependency no code uses (not shipped with the app)
    if _unimported_group_package(svc, evs):
        return None  # a dependency group's library no code here imports (the group's code is elsewhere)
    if _undeclared_build_plugin(evs):
        return None  # a build plugin the build config loads only when installed; nothing installs it
    if _instrumentation_api_only(svc, evs):
        return None  # OpenTelemetry's API alone: spans for another SDK's provider, no export of its own
    if _git_hook_env_only(evs):
        return None  # a commit-message check's switch (a ticket-id convention), not the app's use
    if strength == "env" and _env_file_leftover(svc, evs, installed):
        return None  # a cache's or queue's env line with no client installed and no code reading it
    if _test_env_file_only(evs):
        return None  # only the test environment's env file names it
    if _fixture_project_only(svc, evs):
        return None  # a test fixture project's manifest and config (a sample Worker the tests bundle)
    if strength == "host" and _third_party_deployment(svc, evs, project_name):
        return None  # another party's app on the platform, requested by the app
    if strength is None or (
        svc.category in ("ci", "hosting") and strength == "env" and not any(e.kind == HOST and shows_use(e) for e in evs)
    ):
        # A CI platform shows in its own config files; build scripts keep reading its
        # variables (DRONE_TAG) long after a project has moved to another CI. Likewise a
        # runtime platform: code that reads the variables it injects (KUBERNETES_SERVICE_HOST
        # to report "install type: kubernetes") runs anywhere; manifests, deploy steps and
        # platform config files are what show the app is deployed there. A request to the
        # platform's API (api.fastly.com purging a cache) is a use of its own.
        return None
    return strength
