"""The service catalog: what we know about external services, kept as YAML data.

Adding a service is a data edit in one of the ``*.yaml`` files beside this module.
The loader validates every entry strictly so that a typo in the data fails loudly in the
tests instead of silently never matching anything in a user's repository.

Schema of one service entry (all keys but ``id``, ``name`` and ``category`` optional)::

    - id: stripe                  # lowercase slug, unique across all files
      name: Stripe
      category: payment           # one of CATEGORIES
      docs: https://docs.stripe.com/api
      purpose: Payment processing # default one-line purpose
      credential: API key         # kind of credential, for the "Auth:" line
      provides: [postgresql]      # hosted flavour of these services ("PostgreSQL on Supabase")
      speaks: [mysql]             # (mariadb) wire protocol or data format of these services: their client
                                  # libraries are its clients too (mysql2 alone beside MariaDB is MariaDB's
                                  # driver; an MMDB reader beside DB-IP's downloaded database reads DB-IP's)
      bare_host: facebook         # (Meta Pixel, Facebook Login) hosts shared with the vendor's API: when
                                  # they are all there is of it (no package, env, call), they are that API's
      word_name: true             # (Daily, Make, Threads) named with an everyday word: a file or class
                                  # named with it is the vendor's module only when named so on purpose
      packages:                   # per ecosystem; a trailing "*" is a prefix match
        npm: [stripe, "@stripe/stripe-js"]
        pypi: [stripe]
        go: [github.com/stripe/stripe-go]
        rubygems: [stripe]
        maven: ["com.stripe:stripe-java"]
        nuget: [Stripe.net]
        packagist: [stripe/stripe-php]
        crates: [async-stripe]
        hex: [stripity_stripe]
        shards: [stripe]          # Crystal's shards (shard.yml), required by the same name
      package_extras:             # (pypi) a package's extra that selects this service: the app
        pypi: ["django-anymail[amazon-ses]"]  # declares `django-anymail[amazon-ses]` to send through SES
                                  # (the extra names the vendor or protocol: `celery[sqs]`, `[saml]`)
      api_packages:               # (instrumentation standards) packages of the API alone, which export
        npm: ["@opentelemetry/api"]  # nothing without an SDK: with only these (and `api: true` calls,
                                  # `startActiveSpan(`), the spans go to another vendor's SDK or nowhere
      weak_packages:              # count only when one of `calls` matches too (boto3 → S3?)
        pypi: [boto3]
      imports:                    # module prefixes per language, beyond the package names
        python: [stripe]
        java: [com.stripe]
      weak_imports:               # modules that count only when one of `calls` matches too: a
        ruby: [net/imap]          # protocol library also required for a helper of its own
                                  # (Net::IMAP.decode_utf7, a mailbox-name codec, opens no mailbox)
      env: [STRIPE_SECRET_KEY]    # exact env var names
      env_prefixes: [STRIPE_]
      hosts: [api.stripe.com]     # exact hostnames; "*.example.com" matches subdomains, "s3.*.amazonaws.com"
                                  # any one label, "logs-prod-*.grafana.net" a label's prefix
      config_files: []            # file names (or globs) whose presence proves use
      docker_images: []           # image names, registry and tag stripped (postgres, bitnami/redis)
      terraform: []               # provider names or resource type prefixes
      packer: [digitalocean]      # Packer builder types (a `-` ending: a prefix, amazon- for amazon-ebs)
      calls:                      # regex on code that uses the service → readable endpoint name
        - {match: 'checkout\\.sessions\\.create', endpoint: checkout sessions}
        - {match: '_mtm\\.push\\(', endpoint: tag manager, alone: true}  # proves the service
                                  # without a package: a global only the vendor's snippet defines
        - {match: 'getTracer\\(', endpoint: tracing, api: true}  # (with api_packages) a call the API
                                  # package answers alone
        - {match: 'connect_over_cdp\\(', endpoint: remote browser, alone: true, unless: '\\.launch\\('}
                                  # `unless`: found anywhere in the file, the match does not count
                                  # (a local launch beside the remote connect: an option, no service)
        - {match: 'signInWithOAuth\\(', endpoint: OAuth sign-in, providers: [github, azure=microsoft]}
                                  # (auth services) the library's provider names: where the call is,
                                  # each one quoted in the file ('github') is a sign-in provider the
                                  # app offers; `name=provider` where the library's name differs
                                  # (`microsoft.com=microsoft`); a CamelCase spelling is a class the
                                  # library names it by (`GithubAuthProvider=github`), matched as a name
      webhook_verify: ['constructEvent']   # regexes that show a webhook signature check
      webhook_headers: [X-GitHub-Event]  # the header the vendor sets on each webhook delivery to
                                  # name its event: code reading it receives the vendor's webhooks
      url_schemes: [postgres, postgresql]  # connection URL schemes that name this service
      drivers: [pgsql]            # framework driver/backend words that select it (DB_CONNECTION=pgsql,
                                  # MAIL_MAILER=ses, Rails adapter trilogy); URL schemes count too
      auth_env: [AWS_ACCESS_KEY_ID]  # shared credentials it reads when present (not a detection signal)
      deploy_steps: ['vercel deploy']    # CI lines that deploy to this host (case-insensitive)
      api_paths: ['/forms/chromium/convert/']  # URL paths only this (self-hosted) API serves: a string
                                  # literal holding one is a use, even on a configured base URL
      sign_in_modules:            # (auth libraries) module prefixes per language whose next segment
        js: [next-auth/providers/]  # names a sign-in provider: next-auth/providers/kakao = sign in with Kakao
      sign_in_packages:           # (auth libraries) package-name prefixes per ecosystem, likewise
        npm: [passport-]          # (passport-kakao = sign in with Kakao)
      sign_in_ignore: [credentials]  # (auth libraries) provider modules that are no third-party sign-in
      sign_in_names: [cognito]    # (sign-in services) the names auth libraries give this provider
                                  # beyond its id, `<id>-oauth` and `<id>-login`
      registry_for: [gem, rubygems]  # (package registries) the words code names the registry's package
                                  # ecosystem with (purl types, package managers): in a family of
                                  # classes one per ecosystem (`GemMetaAnalyzer` beside
                                  # `CargoMetaAnalyzer`), the member so named reads this registry
      keywords: [certbot]         # words beyond its id and name that a file names it by (its own
                                  # client's name): its call patterns run in files naming one
      android_meta: [io.sentry.dsn]  # `<meta-data android:name=...>` keys of AndroidManifest.xml that
                                  # only the vendor's Android SDK reads (an app configuring that SDK)
      model_prefixes: [anthropic] # (LLM providers) the provider word of an LLM router's model strings
                                  # (LiteLLM's `"anthropic/claude-3-5-sonnet"`, `"gemini/"`): in a file
                                  # that imports the router, such a string selects this provider

Languages for ``imports`` and ``weak_imports``: python, js, go, ruby, java, php, csharp, rust, elixir, crystal.
Ecosystems for ``packages``: see ECOSYSTEMS.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from typing import Any

import yaml

CATEGORIES: tuple[str, ...] = (
    "payment",
    "email_sms",
    "external_api",
    "database",
    "file_storage",
    "cache",
    "queue",
    "auth_provider",
    "oauth",
    "error_tracking",
    "analytics",
    "logs",
    "hosting",
    "ci",
)

ECOSYSTEMS: tuple[str, ...] = ("npm", "pypi", "go", "rubygems", "maven", "nuget", "packagist", "crates", "hex", "php-ext", "shards")
# The language whose code uses a package of each ecosystem, as code evidence names it (`js`,
# `python`; Kotlin's is `java`).
ECOSYSTEM_LANGUAGE: dict[str, str] = {
    "npm": "js", "pypi": "python", "go": "go", "rubygems": "ruby", "maven": "java", "nuget": "csharp",
    "packagist": "php", "crates": "rust", "hex": "elixir", "shards": "crystal",
}
LANGUAGES: tuple[str, ...] = ("python", "js", "go", "ruby", "java", "php", "csharp", "rust", "elixir", "crystal")

# libyaml's loader when available: the catalog is parsed on every cold start.
_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
_ID_RE = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
_ENV_RE = re.compile(r"^[A-Za-z_][A-Za-z0-9_]*$")
# A `*` label stands for any one label (`s3.*.amazonaws.com`); leading, for any subdomain.
# A label, `*` for any one label, or a prefix then `*` (`logs-prod-*`: Grafana Cloud's Loki stacks)
_LABEL = r"(?:\*|[a-z0-9][a-z0-9-]*-\*|[a-z0-9](?:[a-z0-9-]*[a-z0-9])?)"
# Two or more path segments: `/forms/chromium/convert/`, never a bare `/api/`.
_API_PATH_RE = re.compile(r"^/[a-z0-9_.-]+(?:/[a-z0-9_.-]+)+/?$")
_HOST_RE = re.compile(rf"^{_LABEL}(\.{_LABEL})*\.[a-z0-9](?:[a-z0-9-]*[a-z0-9])?$")

_SERVICE_KEYS = {
    "id", "name", "category", "docs", "purpose", "credential", "provides", "packages", "package_extras",
    "api_packages", "weak_packages", "imports", "weak_imports", "env", "env_prefixes", "hosts", "config_files", "docker_images",
    "terraform", "calls", "webhook_verify", "webhook_headers", "url_schemes", "drivers", "auth_env", "deploy_steps",
    "api_paths", "packer", "sign_in_modules", "sign_in_packages", "sign_in_ignore", "sign_in_names", "speaks",
    "bare_host",
    "word_name", "model_prefixes", "registry_for", "keywords", "android_meta",
}
_CLIENT_KEYS = {"id", "name", "kind", "packages", "imports", "databases", "migrations"}


class CatalogError(ValueError):
    """A catalog file breaks the schema; the message names the file and the entry."""


@dataclass(frozen=True)
class CallPattern:
    pattern: re.Pattern[str]
    endpoint: str
    alone: bool = False  # proves the service on its own (a global only its snippet defines: `_mtm`)
    # (auth services) {provider name as the library spells it in a string, or a CamelCase class
    # it names the provider by: sign-in provider name}
    providers: tuple[tuple[str, str], ...] = ()
    # found anywhere in the file, the call is no use of the service (a remote browser's connect
    # beside a local `.launch(` fallback: the remote one is an option, not a companion service)
    unless: re.Pattern[str] | None = None
    api: bool = False  # (with api_packages) the API package alone answers it: it exports nothing

    def search(self, text: str) -> re.Match[str] | None:
        m = self.pattern.search(text)
        if m is not None and self.unless is not None and self.unless.search(text):
            return None
        return m


@dataclass(frozen=True)
class Service:
    id: str
    name: str
    category: str
    docs: str = ""
    purpose: str = ""
    credential: str = ""
    provides: tuple[str, ...] = ()
    speaks: tuple[str, ...] = ()
    bare_host: str = ""
    word_name: bool = False
    packages: dict[str, tuple[str, ...]] = field(default_factory=dict)
    package_extras: dict[str, tuple[str, ...]] = field(default_factory=dict)
    api_packages: dict[str, tuple[str, ...]] = field(default_factory=dict)
    weak_packages: dict[str, tuple[str, ...]] = field(default_factory=dict)
    imports: dict[str, tuple[str, ...]] = field(default_factory=dict)
    weak_imports: dict[str, tuple[str, ...]] = field(default_factory=dict)
    env: tuple[str, ...] = ()
    env_prefixes: tuple[str, ...] = ()
    hosts: tuple[str, ...] = ()
    config_files: tuple[str, ...] = ()
    docker_images: tuple[str, ...] = ()
    terraform: tuple[str, ...] = ()
    packer: tuple[str, ...] = ()
    calls: tuple[CallPattern, ...] = ()
    webhook_verify: tuple[re.Pattern[str], ...] = ()
    webhook_headers: tuple[str, ...] = ()  # lower-case
    url_schemes: tuple[str, ...] = ()
    drivers: tuple[str, ...] = ()
    auth_env: tuple[str, ...] = ()
    deploy_steps: tuple[re.Pattern[str], ...] = ()
    api_paths: tuple[str, ...] = ()
    sign_in_modules: dict[str, tuple[str, ...]] = field(default_factory=dict)
    sign_in_packages: dict[str, tuple[str, ...]] = field(default_factory=dict)
    sign_in_ignore: tuple[str, ...] = ()
    sign_in_names: tuple[str, ...] = ()
    model_prefixes: tuple[str, ...] = ()
    keywords: tuple[str, ...] = ()
    registry_for: tuple[str, ...] = ()
    android_meta: tuple[str, ...] = ()


@dataclass(frozen=True)
class Client:
    """A database client library (ORM or driver): not a service, but the "Client:" line."""

    id: str
    name: str
    kind: str
    packages: dict[str, tuple[str, ...]] = field(default_factory=dict)
    imports: dict[str, tuple[str, ...]] = field(default_factory=dict)
    databases: tuple[str, ...] = ()
    migrations_tool: str = ""
    migrations_dirs: tuple[str, ...] = ()


@dataclass(frozen=True)
class Catalog:
    services: dict[str, Service]
    clients: dict[str, Client]

    def by_category(self, category: str) -> list[Service]:
        return [s for s in self.services.values() if s.category == category]


def _strs(value: Any, where: str, key: str) -> tuple[str, ...]:
    if value is None:
        return ()
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, list) or not all(isinstance(v, str) and v for v in value):
        raise CatalogError(f"{where}: '{key}' must be a list of non-empty strings")
    return tuple(value)


def _per_key(value: Any, where: str, key: str, allowed: tuple[str, ...]) -> dict[str, tuple[str, ...]]:
    if value is None:
        return {}
    if not isinstance(value, dict):
        raise CatalogError(f"{where}: '{key}' must be a mapping")
    out: dict[str, tuple[str, ...]] = {}
    for k, v in value.items():
        if k not in allowed:
            raise CatalogError(f"{where}: '{key}' has unknown key '{k}' (allowed: {', '.join(allowed)})")
        out[k] = _strs(v, where, f"{key}.{k}")
    return out


def _regex(src: str, where: str, flags: int = 0) -> re.Pattern[str]:
    try:
        return re.compile(src, flags)
    except re.error as exc:
        raise CatalogError(f"{where}: invalid regex {src!r}: {exc}") from None


def _entry_id(raw: Any, where: str, what: str, keys: set[str]) -> tuple[str, str]:
    """(id, where-with-id) of a service or client entry, after the checks both share."""
    if not isinstance(raw, dict):
        raise CatalogError(f"{where}: a {what} must be a mapping")
    unknown = set(raw) - keys
    if unknown:
        raise CatalogError(f"{where}: unknown keys {sorted(unknown)}")
    eid = raw.get("id")
    if not isinstance(eid, str) or not _ID_RE.match(eid):
        raise CatalogError(f"{where}: 'id' must be a lowercase slug, got {eid!r}")
    return eid, f"{where} ({eid})"


def _service(raw: Any, where: str) -> Service:
    sid, where = _entry_id(raw, where, "service", _SERVICE_KEYS)
    name = raw.get("name")
    if not isinstance(name, str) or not name.strip():
        raise CatalogError(f"{where}: 'name' is required")
    category = raw.get("category")
    if category not in CATEGORIES:
        raise CatalogError(f"{where}: 'category' must be one of {', '.join(CATEGORIES)}, got {category!r}")
    word_name = raw.get("word_name", False)
    if not isinstance(word_name, bool):
        raise CatalogError(f"{where}: 'word_name' must be true or false")
    docs = raw.get("docs", "") or ""
    if docs and not str(docs).startswith("https://"):
        raise CatalogError(f"{where}: 'docs' must be an https:// URL")
    env = _strs(raw.get("env"), where, "env")
    prefixes = _strs(raw.get("env_prefixes"), where, "env_prefixes")
    for name_ in env + prefixes:
        if not _ENV_RE.match(name_):
            raise CatalogError(f"{where}: {name_!r} is not an env var name")
    for p in prefixes:
        if len(p) < 4 or not p.endswith("_"):
            raise CatalogError(f"{where}: env prefix {p!r} must end with '_' and be at least 4 characters")
    hosts = tuple(h.lower() for h in _strs(raw.get("hosts"), where, "hosts"))
    for h in hosts:
        if not _HOST_RE.match(h):
            raise CatalogError(f"{where}: {h!r} is not a hostname")
    calls_raw = raw.get("calls") or []
    if not isinstance(calls_raw, list):
        raise CatalogError(f"{where}: 'calls' must be a list")
    calls = []
    for c in calls_raw:
        if not isinstance(c, dict) or not {"match", "endpoint"} <= set(c) <= {"match", "endpoint", "alone", "providers", "unless", "api"}:
            raise CatalogError(
                f"{where}: each call needs exactly 'match' and 'endpoint' (and optionally 'alone', 'providers', 'unless', 'api')"
            )
        for flag in ("alone", "api"):
            if not isinstance(c.get(flag, False), bool):
                raise CatalogError(f"{where}: a call's '{flag}' must be true or false")
        if c.get("api") and not raw.get("api_packages"):
            raise CatalogError(f"{where}: a call's 'api' marks what 'api_packages' answer alone: list them")
        providers = _call_providers(c.get("providers"), where)
        if providers and category != "auth_provider":
            raise CatalogError(f"{where}: a call's 'providers' belong to an auth service (category auth_provider)")
        unless = _regex(str(c["unless"]), where) if c.get("unless") else None
        calls.append(CallPattern(
            _regex(str(c["match"]), where), str(c["endpoint"]), bool(c.get("alone", False)), providers, unless,
            bool(c.get("api", False)),
        ))
    webhook_headers = tuple(h.lower() for h in _strs(raw.get("webhook_headers"), where, "webhook_headers"))
    if any(not re.match(r"^x-[a-z]+-[a-z]+$", h) for h in webhook_headers):
        raise CatalogError(f"{where}: 'webhook_headers' are header names like X-GitHub-Event (X-, two words)")
    api_paths = _strs(raw.get("api_paths"), where, "api_paths")
    for path in api_paths:
        if not _API_PATH_RE.match(path):
            raise CatalogError(f"{where}: api path {path!r} must be an absolute path of two or more segments")
    if (raw.get("sign_in_modules") or raw.get("sign_in_packages") or raw.get("sign_in_ignore")) and category != "auth_provider":
        raise CatalogError(f"{where}: 'sign_in_modules' belong to an auth library (category auth_provider)")
    if raw.get("sign_in_names") and category not in ("oauth", "auth_provider"):
        raise CatalogError(f"{where}: 'sign_in_names' belong to a sign-in service (oauth or auth_provider)")
    model_prefixes = _strs(raw.get("model_prefixes"), where, "model_prefixes")
    if any(not _PROVIDER_RE.match(p) for p in model_prefixes):
        raise CatalogError(f"{where}: 'model_prefixes' are lowercase provider words (anthropic, vertex_ai)")
    registry_for = _strs(raw.get("registry_for"), where, "registry_for")
    keywords = _strs(raw.get("keywords"), where, "keywords")
    # (three letters for a product's initials, `gtm` of a `GTM-` container id: a file must hold
    # it as a word of its own, and words this short never serve as the sharper name gate)
    if any(not re.match(r"^[a-z0-9]{3,}$", w) for w in keywords):
        raise CatalogError(f"{where}: 'keywords' are lowercase words of three or more letters (certbot, gtm)")
    android_meta = _strs(raw.get("android_meta"), where, "android_meta")
    if any(not _ANDROID_META_RE.match(k) for k in android_meta):
        raise CatalogError(f"{where}: 'android_meta' are dotted <meta-data> names (com.google.android.geo.API_KEY)")
    if any(not re.match(r"^[a-z0-9]+$", w) for w in registry_for):
        raise CatalogError(f"{where}: 'registry_for' are lowercase ecosystem words (gem, cargo, gomodules)")
    extras = _per_key(raw.get("package_extras"), where, "package_extras", ("pypi",))
    if any(not _EXTRA_RE.match(x) for xs in extras.values() for x in xs):
        raise CatalogError(f"{where}: 'package_extras' are one package and one extra: django-anymail[amazon-ses]")
    packages = _per_key(raw.get("packages"), where, "packages", ECOSYSTEMS)
    api_packages = _per_key(raw.get("api_packages"), where, "api_packages", ECOSYSTEMS)
    for eco, names in api_packages.items():
        unlisted = [n for n in names if not _listed(n, packages.get(eco, ()))]
        if unlisted:
            raise CatalogError(f"{where}: 'api_packages' {unlisted} must be among its 'packages.{eco}' too")
    weak = _per_key(raw.get("weak_packages"), where, "weak_packages", ECOSYSTEMS)
    if weak and not calls:
        raise CatalogError(f"{where}: 'weak_packages' need 'calls' to confirm them")
    weak_imports = _per_key(raw.get("weak_imports"), where, "weak_imports", LANGUAGES)
    if weak_imports and not calls:
        raise CatalogError(f"{where}: 'weak_imports' need 'calls' to confirm them")
    return Service(
        id=sid,
        name=name.strip(),
        category=category,
        docs=str(docs),
        purpose=str(raw.get("purpose", "") or ""),
        credential=str(raw.get("credential", "") or ""),
        provides=_strs(raw.get("provides"), where, "provides"),
        speaks=_strs(raw.get("speaks"), where, "speaks"),
        bare_host=str(raw.get("bare_host", "") or ""),
        word_name=word_name,
        packages=packages,
        package_extras=extras,
        api_packages=api_packages,
        weak_packages=weak,
        imports=_per_key(raw.get("imports"), where, "imports", LANGUAGES),
        weak_imports=weak_imports,
        env=env,
        env_prefixes=prefixes,
        hosts=hosts,
        config_files=_strs(raw.get("config_files"), where, "config_files"),
        docker_images=_strs(raw.get("docker_images"), where, "docker_images"),
        terraform=_strs(raw.get("terraform"), where, "terraform"),
        packer=tuple(t.lower() for t in _strs(raw.get("packer"), where, "packer")),
        calls=tuple(calls),
        webhook_verify=tuple(_regex(p, where) for p in _strs(raw.get("webhook_verify"), where, "webhook_verify")),
        webhook_headers=webhook_headers,
        url_schemes=_strs(raw.get("url_schemes"), where, "url_schemes"),
        drivers=tuple(d.lower() for d in _strs(raw.get("drivers"), where, "drivers")),
        auth_env=_strs(raw.get("auth_env"), where, "auth_env"),
        deploy_steps=tuple(
            _regex(p, where, re.I) for p in _strs(raw.get("deploy_steps"), where, "deploy_steps")
        ),
        api_paths=api_paths,
        sign_in_modules=_per_key(raw.get("sign_in_modules"), where, "sign_in_modules", LANGUAGES),
        sign_in_packages=_per_key(raw.get("sign_in_packages"), where, "sign_in_packages", ECOSYSTEMS),
        sign_in_ignore=tuple(n.lower() for n in _strs(raw.get("sign_in_ignore"), where, "sign_in_ignore")),
        sign_in_names=tuple(n.lower() for n in _strs(raw.get("sign_in_names"), where, "sign_in_names")),
        model_prefixes=model_prefixes,
        registry_for=registry_for,
        keywords=keywords,
        android_meta=android_meta,
    )


def _listed(name: str, patterns: tuple[str, ...]) -> bool:
    """Whether a package name is one of `patterns` (a trailing `*` is a prefix)."""
    return any(name.startswith(p[:-1]) if p.endswith("*") else name == p for p in patterns)


_EXTRA_RE = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._-]*\[[A-Za-z0-9][A-Za-z0-9._-]*\]$")
_PROVIDER_RE = re.compile(r"^[a-z0-9_-]+$")
# How a call's `providers` may spell a provider: a quoted id, dotted ones included (Firebase's
# 'microsoft.com'), or a class the library names it by (Firebase's GithubAuthProvider).
_PROVIDER_SPELLING_RE = re.compile(r"^(?:[a-z0-9_.-]+|[A-Z][A-Za-z0-9]+)$")
_ANDROID_META_RE = re.compile(r"^[A-Za-z_][\w]*(?:\.[A-Za-z_][\w]*)+$")


def _call_providers(raw: Any, where: str) -> tuple[tuple[str, str], ...]:
    """A call's `providers`: `github` or `azure=microsoft` (the library's name = the provider's);
    a library's spelling may be a dotted id (`microsoft.com=microsoft`) or, capitalised, a class
    (`GithubAuthProvider=github`)."""
    out = []
    for item in _strs(raw, where, "providers"):
        spelled, _, provider = item.partition("=")
        provider = provider or spelled
        if not _PROVIDER_SPELLING_RE.match(spelled) or not _PROVIDER_RE.match(provider):
            raise CatalogError(
                f"{where}: provider {item!r} must be `name` or `name=provider`, the provider lowercase"
                " (a spelling may hold dots, or be a CamelCase class name)"
            )
        out.append((spelled, provider))
    return tuple(out)


def _client(raw: Any, where: str) -> Client:
    cid, where = _entry_id(raw, where, "client", _CLIENT_KEYS)
    kind = raw.get("kind")
    if kind not in ("orm", "driver", "query-builder"):
        raise CatalogError(f"{where}: 'kind' must be orm, driver or query-builder")
    mig = raw.get("migrations") or {}
    if not isinstance(mig, dict) or set(mig) - {"tool", "dirs"}:
        raise CatalogError(f"{where}: 'migrations' takes 'tool' and 'dirs'")
    return Client(
        id=cid,
        name=str(raw.get("name") or cid),
        kind=kind,
        packages=_per_key(raw.get("packages"), where, "packages", ECOSYSTEMS),
        imports=_per_key(raw.get("imports"), where, "imports", LANGUAGES),
        databases=_strs(raw.get("databases"), where, "databases"),
        migrations_tool=str(mig.get("tool", "") or ""),
        migrations_dirs=_strs(mig.get("dirs"), where, "migrations.dirs"),
    )


def parse_catalog(documents: dict[str, str]) -> Catalog:
    """Build a catalog from {file name: YAML text}; raises CatalogError on any schema break."""
    services: dict[str, Service] = {}
    clients: dict[str, Client] = {}
    for fname in sorted(documents):
        try:
            data = yaml.load(documents[fname], Loader=_LOADER) or {}
        except yaml.YAMLError as exc:
            raise CatalogError(f"{fname}: not valid YAML: {exc}") from None
        if not isinstance(data, dict) or set(data) - {"services", "clients"}:
            raise CatalogError(f"{fname}: top level must be a mapping with 'services' and/or 'clients'")
        for i, raw in enumerate(data.get("services") or []):
            svc = _service(raw, f"{fname}: services[{i}]")
            if svc.id in services:
                raise CatalogError(f"{fname}: duplicate service id '{svc.id}'")
            services[svc.id] = svc
        for i, raw in enumerate(data.get("clients") or []):
            cl = _client(raw, f"{fname}: clients[{i}]")
            if cl.id in clients:
                raise CatalogError(f"{fname}: duplicate client id '{cl.id}'")
            clients[cl.id] = cl
    for svc in services.values():
        for p in svc.provides:
            if p not in services:
                raise CatalogError(f"service '{svc.id}' provides unknown service '{p}'")
    for cl in clients.values():
        for d in cl.databases:
            if d not in services:
                raise CatalogError(f"client '{cl.id}' names unknown database '{d}'")
    return Catalog(services=dict(sorted(services.items())), clients=dict(sorted(clients.items())))


@lru_cache(maxsize=1)
def load_catalog() -> Catalog:
    """The bundled catalog, parsed once per process (serve rebuilds reuse it)."""
    folder = resources.files(__package__)
    docs = {
        entry.name: entry.read_text(encoding="utf-8")
        for entry in folder.iterdir()
        if entry.name.endswith(".yaml")
    }
    return parse_catalog(docs)
