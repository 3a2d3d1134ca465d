"""Lookup tables built once from the catalog: name → service id, per kind of evidence.

Built at first use (not at import) and reused for every file and every serve rebuild.
"""

from __future__ import annotations

import fnmatch
import re
from collections import Counter
from dataclasses import dataclass, field
from functools import cached_property, lru_cache

from ..textsearch import ignores_case, required_literals
from . import Catalog, load_catalog

_PYPI_NORM = re.compile(r"[-_.]+")


def norm_package(ecosystem: str, name: str) -> str:
    """Registry-normalised package name, so lookups ignore case and separator quirks."""
    name = name.strip()
    if ecosystem == "pypi":
        return _PYPI_NORM.sub("-", name).lower()
    if ecosystem in ("nuget", "packagist", "rubygems", "maven", "crates", "hex", "php-ext", "shards"):
        return name.lower()
    return name


def _squash(name: str) -> str:
    return re.sub(r"[^a-z0-9]", "", name.lower())


def norm_image(image: str) -> str:
    """`docker.io/library/postgres:16-alpine@sha256:…` → `postgres`."""
    image = image.strip().strip("'\"").lower()
    image = image.split("@", 1)[0]
    parts = image.split("/")
    if len(parts) > 1 and ("." in parts[0] or ":" in parts[0] or parts[0] == "localhost"):
        parts = parts[1:]
    last = parts[-1].split(":", 1)[0]
    parts[-1] = last
    if parts[0] == "library" and len(parts) > 1:
        parts = parts[1:]
    return "/".join(parts)


@dataclass
class _Prefixes:
    """Exact names plus `*` prefixes for one namespace."""

    exact: dict[str, list[tuple[str, bool]]] = field(default_factory=dict)
    prefixes: list[tuple[str, str, bool]] = field(default_factory=list)

    def add(self, name: str, target: str, weak: bool = False) -> None:
        if name.endswith("*"):
            self.prefixes.append((name[:-1], target, weak))
        else:
            self.exact.setdefault(name, []).append((target, weak))

    def find(self, name: str) -> list[tuple[str, bool]]:
        hits = list(self.exact.get(name, ()))
        for prefix, target, weak in self.prefixes:
            if name.startswith(prefix):
                hits.append((target, weak))
        return hits


_SHARED_BY = 4  # catalog services on one domain (or one first id word) that make it an umbrella


def _shared_domains(catalog: Catalog) -> tuple[str, ...]:
    """Domains whose hosts belong to many products of one cloud (`.googleapis.com`,
    `.amazonaws.com`), read off the catalog's own hosts: an unknown host there names no
    vendor of its own."""
    services: dict[str, set[str]] = {}
    for svc in catalog.services.values():
        for h in svc.hosts:
            services.setdefault(".".join(h.split(".")[-2:]), set()).add(svc.id)
    return tuple(sorted("." + d for d, ids in services.items() if len(ids) >= _SHARED_BY))


# Words for signing in itself: as a cloud's "product" (amazon-login) they name no vendor.
_SIGN_IN_WORDS = frozenset({"login", "signin", "sign-in", "oauth", "sso", "auth", "identity"})
# Companies whose products code names by the product alone (`ses` for aws-ses, `Redshift` for
# aws-redshift, `Druid` for apache-druid): the catalog also indexes those ids without the company.
PRODUCT_COMPANIES = frozenset({"aws", "amazon", "google", "gcp", "azure", "microsoft", "cloudflare", "apache", "ibm"})


# Prefixes a front-end build tool inlines into the browser bundle (Next.js, Vite, Create React
# App, Nuxt, SvelteKit/Astro, Expo): `VITE_SENTRY_DSN` is Sentry's DSN for the browser code.
BROWSER_ENV_PREFIXES = ("NEXT_PUBLIC_", "VITE_", "REACT_APP_", "NUXT_PUBLIC_", "PUBLIC_", "EXPO_PUBLIC_")


def api_path_pattern(path: str) -> re.Pattern[str]:
    """A catalog `api_paths` entry as a regex. A path that ends inside a segment ends there:
    `/ws/2` is no `/ws/2002/07/utility`. Code literals, YAML request URLs and gateway URLs all
    need the same reading, so it is written once, here."""
    return re.compile(re.escape(path) + (r"(?![A-Za-z0-9])" if path[-1:].isalnum() else ""))


class CatalogIndex:
    def __init__(self, catalog: Catalog) -> None:
        self.catalog = catalog
        self._packages: dict[str, _Prefixes] = {}
        self._client_packages: dict[str, _Prefixes] = {}
        self._imports: dict[str, list[tuple[str, str, bool]]] = {}
        self._client_imports: dict[str, list[tuple[str, str]]] = {}
        self.env_exact: dict[str, str] = {}
        self._env_prefixes: list[tuple[str, str]] = []
        self._hosts_exact: dict[str, str] = {}
        self._hosts_suffix: list[tuple[str, str]] = []
        self._hosts_pattern: list[tuple[re.Pattern[str], str]] = []
        self._images: dict[str, str] = {}
        self._terraform: list[tuple[str, str]] = []
        self._packer: dict[str, str] = {}
        self._packer_prefixes: list[tuple[str, str]] = []
        self._config_files: list[tuple[str, str]] = []
        # `/.travis.yml`: a file the platform reads at the repository's root only.
        self._root_config_files: dict[str, list[str]] = {}
        self.url_schemes: dict[str, str] = {}
        self.shared_domains = _shared_domains(catalog)
        for svc in catalog.services.values():
            for eco, names in svc.packages.items():
                for n in names:
                    self._packages.setdefault(eco, _Prefixes()).add(norm_package(eco, n), svc.id)
            for eco, names in svc.package_extras.items():  # `django-anymail[amazon-ses]`, one key
                for n in names:
                    self._packages.setdefault(eco, _Prefixes()).add(norm_package(eco, n), svc.id)
            for eco, names in svc.weak_packages.items():
                for n in names:
                    self._packages.setdefault(eco, _Prefixes()).add(norm_package(eco, n), svc.id, True)
            for lang, mods in _default_imports(svc.packages, svc.imports).items():
                for mod in mods:
                    self._imports.setdefault(lang, []).append((mod, svc.id, False))
            for lang, mods in _default_imports(svc.weak_packages, svc.weak_imports).items():
                for mod in mods:
                    self._imports.setdefault(lang, []).append((mod, svc.id, True))
            for e in svc.env:
                self.env_exact.setdefault(e, svc.id)
            for p in svc.env_prefixes:
                self._env_prefixes.append((p, svc.id))
            for h in svc.hosts:
                if h.startswith("*.") and "*" not in h[1:]:
                    self._hosts_suffix.append((h[1:], svc.id))
                elif "*" in h:  # a label in the middle (s3.*.amazonaws.com) or a label's prefix (logs-prod-*.grafana.net)
                    label_rx = r"\.".join(
                        "[a-z0-9-]+" if part == "*" else "[a-z0-9-]*".join(map(re.escape, part.split("*")))
                        for part in h.split(".")
                    )
                    self._hosts_pattern.append((re.compile(label_rx + r"\Z"), svc.id))
                else:
                    self._hosts_exact.setdefault(h, svc.id)
            for img in svc.docker_images:
                self._images.setdefault(norm_image(img), svc.id)
            for t in svc.terraform:
                self._terraform.append((t.lower(), svc.id))
            for b in svc.packer:
                if b.endswith("-"):
                    self._packer_prefixes.append((b, svc.id))
                else:
                    self._packer.setdefault(b, svc.id)
            for c in svc.config_files:
                if c.startswith("/"):
                    self._root_config_files.setdefault(c[1:], []).append(svc.id)
                else:
                    self._config_files.append((c, svc.id))
        # The most specific wildcard first: *.pushnotifications.pusher.com (Pusher Beams) before *.pusher.com.
        self._hosts_suffix.sort(key=lambda pair: -len(pair[0]))
        self._drivers: dict[str, str] = {}
        for svc in catalog.services.values():
            for scheme in svc.url_schemes:
                self.url_schemes.setdefault(scheme.lower(), svc.id)
            for word in svc.drivers:
                self._drivers.setdefault(word, svc.id)
        for cl in catalog.clients.values():
            for eco, names in cl.packages.items():
                for n in names:
                    self._client_packages.setdefault(eco, _Prefixes()).add(norm_package(eco, n), cl.id)
            for lang, mods in _default_imports(cl.packages, cl.imports).items():
                for mod in mods:
                    self._client_imports.setdefault(lang, []).append((mod, cl.id))
        pairs = [(d.rstrip("/"), c.id) for c in catalog.clients.values() for d in c.migrations_dirs]
        # Specific folders ("prisma/migrations") before generic globs ("*/migrations").
        self.migration_dirs = tuple(sorted(pairs, key=lambda p: ("*" in p[0], -len(p[0]), p)))
        # One regex for "is this path inside any migration folder at all": most are not.
        # It is anchored at each folder boundary in turn (see in_migration_folder): a
        # leading `(?:^|/)` would make the engine try every alternative at every character.
        self._migration_regex = re.compile(
            "|".join(
                fnmatch.translate(d).removeprefix("(?s:").removesuffix(")\\Z").replace(".*", "[^/]*") + "/"
                for d, _ in self.migration_dirs
            ) or "(?!)"
        )
        # Hosting services' deploy steps, in catalog order (a CI line may deploy to several).
        self.deploy_steps = [(svc.id, rx) for svc in catalog.services.values() for rx in svc.deploy_steps]
        self.api_paths = tuple((path, svc.id) for svc in catalog.services.values() for path in svc.api_paths)
        # The same as patterns, so that every detector reads a path the same way.
        self.api_path_patterns = tuple((api_path_pattern(path), path, sid) for path, sid in self.api_paths)
        # LLM router model-string prefixes ("anthropic" of "anthropic/claude-3-5-sonnet") -> provider
        self.model_prefixes = {p: svc.id for svc in catalog.services.values() for p in svc.model_prefixes}
        # Package ecosystem words ("gem", "cargo") -> the public registry of that ecosystem
        self.registries = {w: svc.id for svc in catalog.services.values() for w in svc.registry_for}
        # A service's `alone` patterns are tried first: evidence is kept once per endpoint, and
        # a looser pattern of the same endpoint matched earlier in the file (Discord's
        # `WebhookClient(` before its hand-built webhook payload) would otherwise take the slot
        # and leave the service unproven although the file holds evidence that stands alone.
        self.call_patterns = [
            (svc.id, tuple((c, *_literal_gate(c.pattern)) for c in sorted(svc.calls, key=lambda c: not c.alone)),
             _keywords(svc))
            for svc in catalog.services.values()
            if svc.calls
        ]
        # The same, by service: a file's literals name the few services worth trying.
        self.call_patterns_of = {entry[0]: (i, entry) for i, entry in enumerate(self.call_patterns)}
        # The words a file names each webhook sender by (as for call patterns), so that a generic
        # verifier's name (`verifySignature(`, `new Webhook(`) attributes a handler to its vendor
        # only in a file that names that vendor.
        self.webhook_words = {svc.id: _keywords(svc) for svc in catalog.services.values() if svc.webhook_verify}
        # A vendor's webhook event header (`x-github-event`) -> the vendor
        self.webhook_headers = {h: svc.id for svc in catalog.services.values() for h in svc.webhook_headers}
        # ... as a file's text may spell them (WSGI/Rack environments: `http_x_github_event`)
        self.webhook_header_literals = tuple(sorted(self.webhook_headers)) + tuple(
            "http_" + h.replace("-", "_") for h in sorted(self.webhook_headers))
        # OAuth providers by the word their credentials start with (GITHUB_CLIENT_ID → GITHUB),
        # so GITHUB_APP_SECRET or AUTH_GITHUB_CLIENT_ID find the provider too.
        self._oauth_words: dict[str, str] = {}
        for svc in catalog.services.values():
            if svc.category == "oauth":
                for e in svc.env:
                    m = _OAUTH_CREDENTIAL.match(e)
                    if m and m.group(1):
                        self._oauth_words.setdefault(m.group(1), svc.id)
        self._env_prefixes.sort(key=lambda p: -len(p[0]))
        self._terraform.sort(key=lambda p: -len(p[0]))
        for table in self._imports.values():
            table.sort(key=lambda p: -len(p[0]))
        for table in self._client_imports.values():
            table.sort(key=lambda p: -len(p[0]))

    # -- lookups -------------------------------------------------------------------------
    def package(self, ecosystem: str, name: str) -> list[tuple[str, bool]]:
        """[(service id, weak)] for a declared package."""
        table = self._packages.get(ecosystem)
        return table.find(norm_package(ecosystem, name)) if table else []

    def client_package(self, ecosystem: str, name: str) -> list[str]:
        table = self._client_packages.get(ecosystem)
        return [t for t, _ in table.find(norm_package(ecosystem, name))] if table else []

    @cached_property
    def android_meta(self) -> dict[str, str]:
        """Service ids by the Android `<meta-data>` keys their SDKs define (catalog `android_meta`)."""
        return {key: svc.id for svc in self.catalog.services.values() for key in svc.android_meta}

    @cached_property
    def _import_tables(self) -> dict[str, _ModuleTable]:
        return {lang: _ModuleTable(lang, rows) for lang, rows in self._imports.items()}

    @cached_property
    def _client_import_tables(self) -> dict[str, _ModuleTable]:
        return {
            lang: _ModuleTable(lang, [(m, c, False) for m, c in rows]) for lang, rows in self._client_imports.items()
        }

    @cached_property
    def _by_name(self) -> dict[str, str]:
        """Service ids by their squashed id, name and env prefixes ("googlechat",
        "victorops"): how code names a vendor in its folder and file names."""
        out: dict[str, str] = {}
        for rank in range(4):
            for svc in self.catalog.services.values():
                if rank == 0:
                    keys = [svc.id]
                elif rank == 1:
                    keys = [svc.name]
                elif rank == 2:
                    keys = [p.rstrip("_") for p in svc.env_prefixes]
                else:  # a cloud's product alone: `ses` for aws-ses, `pubsub` for google-pubsub
                    company, _, product = svc.id.partition("-")
                    product = product if company in PRODUCT_COMPANIES and product else svc.id
                    # ... unless the product is the act of signing in (`login` of amazon-login):
                    # an app's own `auth/login/` folder names no vendor
                    keys = [] if product in _SIGN_IN_WORDS else [product]
                for key in keys:
                    squashed = re.sub(r"[^a-z0-9]", "", key.lower())
                    if len(squashed) >= 3:
                        out.setdefault(squashed, svc.id)
        return out

    @cached_property
    def _by_title(self) -> dict[str, str]:
        """Service ids by their squashed id and name only ("bingmaps", "opencellid")."""
        out: dict[str, str] = {}
        for rank in range(3):
            for svc in self.catalog.services.values():
                if rank == 2:  # the id without a company word: `overpass` for overpass-api, `unwired` for unwired-labs
                    key = re.sub(r"-(?:api|apis|labs)$", "", svc.id)
                    if len(key) < 4 or key == svc.id:
                        continue
                else:
                    key = svc.id if rank == 0 else svc.name
                squashed = re.sub(r"[^a-z0-9]", "", key.lower())
                if len(squashed) >= 3:
                    out.setdefault(squashed, svc.id)
        return out

    def service_titled(self, word: str) -> str | None:
        """The service whose own id or name a class name's word is (`BingMaps` in
        `BingMapsGeocoder`); stricter than `service_named`, which also reads env prefixes."""
        return self._by_title.get(re.sub(r"[^a-z0-9]", "", word.lower()))

    @cached_property
    def _by_keyword(self) -> dict[str, str]:
        """Service ids by the catalog `keywords` only one service lists (`logplex`: Heroku)."""
        owners: dict[str, set[str]] = {}
        for svc in self.catalog.services.values():
            for word in svc.keywords:
                squashed = re.sub(r"[^a-z0-9]", "", word.lower())
                if len(squashed) >= 4:
                    owners.setdefault(squashed, set()).add(svc.id)
        return {w: next(iter(ids)) for w, ids in owners.items() if len(ids) == 1}

    def service_keyword(self, word: str) -> str | None:
        """The service whose own product word (catalog `keywords`) this is: a route segment
        `logplex` names Heroku's log router."""
        return self._by_keyword.get(re.sub(r"[^a-z0-9]", "", word.lower()))

    def service_named(self, word: str) -> str | None:
        """The service a module name stands for (`googlechat`, `pagerduty`, `Sendgrid`)."""
        return self._by_name.get(re.sub(r"[^a-z0-9]", "", word.lower()))

    @cached_property
    def umbrellas(self) -> frozenset[str]:
        """Umbrella names, which prefix many products (`google-sheets`, `aws-ses`): read off the
        catalog's ids, a first word that as many of them share as make an umbrella domain
        (`_SHARED_BY`). A folder named `azure/` or `google/` says which company, not which product."""
        firsts = Counter(sid.split("-", 1)[0] for sid in self.catalog.services if "-" in sid)
        return frozenset(word for word, n in firsts.items() if n >= _SHARED_BY)

    @cached_property
    def _by_leading_name(self) -> list[tuple[str, str]]:
        """(squashed id or name, service id), longest first, for `service_leading`: names of
        five letters or more, and not an umbrella's name (`googlesheets` is not Google)."""
        umbrellas = self.umbrellas
        out: dict[str, str] = {}
        for svc in self.catalog.services.values():
            first, _, rest = svc.id.partition("-")
            product = rest if first in umbrellas and rest else svc.id
            for key in (svc.id, svc.name, product):
                squashed = re.sub(r"[^a-z0-9]", "", key.lower())
                if len(squashed) >= 5 and squashed not in umbrellas:
                    out.setdefault(squashed, svc.id)
        return sorted(out.items(), key=lambda kv: (-len(kv[0]), kv[0]))

    def service_leading(self, word: str) -> str | None:
        """The service a compound module name starts with: `teamsworkflows` (Microsoft Teams'
        Workflows webhooks), `mattermostplugin`; the rest must be a word of its own (3+ letters),
        so `signalr` is not Signal."""
        squashed = re.sub(r"[^a-z0-9]", "", word.lower())
        for key, sid in self._by_leading_name:
            if squashed.startswith(key) and len(squashed) - len(key) >= 3:
                return sid
        return None

    def driver(self, word: str) -> str | None:
        """The service a driver or backend word selects (`pgsql`, `ses`, `trilogy`), or a URL scheme names."""
        word = word.lower()
        return self._drivers.get(word) or self.url_schemes.get(word)

    def import_literals(self) -> frozenset[str]:
        """Lower-case text that every import of a catalog module or client contains.

        Quoted imports (JS, Ruby, Go) contain the module between quotes, so `"pg"` and not the
        `pg` of every `page`; grouped imports (`use Aws\\{S3\\S3Client}`) only keep the first
        segment whole; short Python modules follow a space, comma or quote.
        """
        out: set[str] = set()
        for tables in (self._imports, self._client_imports):
            for lang, rows in tables.items():
                for row in rows:
                    out.update(_import_forms(lang, row[0].lower()))
        return frozenset(out)

    def _sign_in_table(self, field: str) -> dict[str, list[tuple[str, frozenset[str]]]]:
        """language or ecosystem -> [(module or package prefix, provider names that are no
        third-party sign-in)], from the auth libraries' `sign_in_modules` / `sign_in_packages`."""
        out: dict[str, list[tuple[str, frozenset[str]]]] = {}
        for svc in self.catalog.services.values():
            for key, prefixes in getattr(svc, field).items():
                out.setdefault(key, []).extend((p, frozenset(svc.sign_in_ignore)) for p in prefixes)
        return out

    @cached_property
    def _sign_in_modules(self) -> dict[str, list[tuple[str, frozenset[str]]]]:
        return self._sign_in_table("sign_in_modules")

    def sign_in_literals(self) -> frozenset[str]:
        """Lower-case text every import of an auth library's provider module contains."""
        return frozenset(
            form for lang, rows in self._sign_in_modules.items() for prefix, _ in rows
            for form in _import_forms(lang, prefix.lower() + "*")
        )

    @cached_property
    def _sign_in_packages(self) -> dict[str, list[tuple[str, frozenset[str]]]]:
        return self._sign_in_table("sign_in_packages")

    def sign_in_prefixes(self, language: str) -> tuple[str, ...]:
        return tuple(prefix for prefix, _ in self._sign_in_modules.get(language, ()))

    def sign_in_module(self, language: str, module: str) -> str | None:
        """The provider an auth library's provider module names (`next-auth/providers/kakao` →
        `kakao`, `flask_dance.contrib.github` → `github`), or None."""
        return _provider_name(self._sign_in_modules.get(language, ()), module, self._sign_in_by_name)

    def connector_package(self, name: str) -> str | None:
        """The vendor a connector package is named for (`redshift-connector`,
        `@acme/acme-whatsapp-connector`, `acme-voice-twilio-connector`): a package named
        `<vendor>-connector` is a client of that vendor's API whatever its publisher, so a
        declared one the catalog does not list is that vendor's. The word right before
        `-connector` must be a catalog service's whole name, not an everyday word nor an
        umbrella's (`google-connector` says which company, not which product)."""
        m = _CONNECTOR_PACKAGE.search(re.split(r"[/:]", name.lower())[-1])
        if m is None or m.group(1) in self.umbrellas:
            return None
        sid = self.service_named(m.group(1))
        return sid if sid is not None and not self.catalog.services[sid].word_name else None

    def sign_in_package(self, ecosystem: str, name: str) -> str | None:
        """The provider an auth library's provider package names (`passport-kakao` → `kakao`)."""
        return _provider_name(self._sign_in_packages.get(ecosystem, ()), name, self._sign_in_by_name)

    @cached_property
    def _sign_in_by_name(self) -> dict[str, str]:
        out: dict[str, str] = {}
        signs = [s for s in self.catalog.services.values() if s.category in ("oauth", "auth_provider")]
        for svc in signs:  # names the catalog gives explicitly come first
            for name in svc.sign_in_names:
                out.setdefault(name, svc.id)
        for svc in signs:
            if not (svc.sign_in_modules or svc.sign_in_packages):  # an auth library is not a provider
                out.setdefault(svc.id, svc.id)
                for suffix in ("-oauth", "-login", "-sign-in", "-sso"):
                    if svc.id.endswith(suffix):
                        out.setdefault(svc.id.removesuffix(suffix), svc.id)
        return out

    def sign_in_provider(self, name: str) -> str | None:
        """The catalog's sign-in service for a provider name an auth library gives it
        (`cognito` → aws-cognito, `slack` → slack-oauth), never the vendor's API service."""
        return self._sign_in_by_name.get(name.lower())

    def import_(self, language: str, module: str) -> list[tuple[str, bool]]:
        """[(service id, weak)] for an imported module; weak = via an umbrella SDK only."""
        table = self._import_tables.get(language)
        hits: dict[str, bool] = {}
        for sid, weak in table.find(module, longest=True) if table else ():
            hits[sid] = hits.get(sid, True) and weak
        return sorted(hits.items())

    def client_import(self, language: str, module: str) -> list[str]:
        table = self._client_import_tables.get(language)
        return sorted({cid for cid, _ in table.find(module, longest=True)}) if table else []

    def env(self, name: str) -> str | None:
        if name in self.env_exact:
            return self.env_exact[name]
        upper = name.upper()
        if _OWN_ISSUER_KEY.search(upper):
            return None
        for prefix, sid in self._env_prefixes:
            if upper.startswith(prefix) or upper.startswith("NEXT_PUBLIC_" + prefix) or upper.startswith(
                "VITE_" + prefix
            ) or upper.startswith("REACT_APP_" + prefix) or upper.startswith("NUXT_PUBLIC_" + prefix):
                return sid
        for pub in BROWSER_ENV_PREFIXES:
            if upper.startswith(pub) and upper[len(pub):] in self.env_exact:
                return self.env_exact[upper[len(pub):]]
        oauth = _OAUTH_CREDENTIAL.match(upper)
        word = oauth and (oauth.group(1) or oauth.group(2))
        if word and word in self._oauth_words:
            return self._oauth_words[word]
        # Apps prefix well-known names with their own: PAPERLESS_EMAIL_HOST, MYAPP_SENTRY_DSN.
        start = upper.find("_")
        while start != -1:
            tail = upper[start + 1 :]
            # A short tail must start with a name (SMTP_HOST), not a common word: the
            # AUTH_URL of AUTH_CUSTOM_AUTH_URL is a custom provider's URL, not Auth.js.
            if len(tail) >= 8 and tail in self.env_exact and (
                len(tail) >= 10 or tail.split("_", 1)[0].lower() not in _COMMON_WORDS
            ):
                return self.env_exact[tail]
            # ... and a sign-in provider's prefix that says OAuth itself (KOMODO_GITHUB_OAUTH_ID,
            # CONVOY_GOOGLE_OAUTH_CLIENT_ID): `<vendor>_OAUTH_` names that vendor's OAuth app
            # wherever it stands. Only such prefixes: a bare vendor prefix (`SLACK_`) after an
            # app's word may be anything of the app's.
            for prefix, sid in self._oauth_prefixes:
                if tail.startswith(prefix):
                    return sid
            start = upper.find("_", start + 1)
        return None

    @cached_property
    def _oauth_prefixes(self) -> tuple[tuple[str, str], ...]:
        """The env prefixes of sign-in services that end in `_OAUTH_` (`GITHUB_OAUTH_`)."""
        return tuple((p, sid) for p, sid in self._env_prefixes
                     if p.endswith("_OAUTH_") and self.catalog.services[sid].category == "oauth")

    def exact_hosts(self) -> frozenset[str]:
        """The catalog's hosts without wildcards (`api.axiom.co`), lower-cased."""
        return frozenset(self._hosts_exact)

    def host(self, host: str) -> str | None:
        host = host.lower().rstrip(".")
        if host in self._hosts_exact:
            return self._hosts_exact[host]
        for suffix, sid in self._hosts_suffix:
            if host.endswith(suffix):
                return sid
        for rx, sid in self._hosts_pattern:
            if rx.match(host):
                return sid
        return None

    def image(self, image: str, *, own_namespace: str = "") -> str | None:
        """The service an image runs: the catalog's image by its full name, else by its last
        segment (`myorg/postgres` is Postgres). Not by its last segment when the image is in
        `own_namespace`, the application's own (`unkey/vault` scanned in `unkey` is the app's
        own vault service, not HashiCorp Vault)."""
        img = norm_image(image)
        if img in self._images:
            return self._images[img]
        if "/" in img and own_namespace and _squash(img.split("/", 1)[0]) == _squash(own_namespace):
            return None
        return self._images.get(img.rsplit("/", 1)[-1])

    @cached_property
    def _image_names(self) -> dict[str, str]:
        """The catalog's images by their last segment (`bitnami/minio` → minio), where that
        name is one service's only."""
        owners: dict[str, set[str]] = {}
        for img, sid in self._images.items():
            owners.setdefault(img.rsplit("/", 1)[-1], set()).add(sid)
        return {name: next(iter(sids)) for name, sids in owners.items() if len(sids) == 1}

    def chart(self, name: str) -> str | None:
        """The service a Helm chart dependency packages: a chart is named after the image it
        runs (`minio` from charts.bitnami.com runs bitnami/minio), so a bare chart name matches
        a catalog image by its last segment too."""
        return self.image(name) or self._image_names.get(norm_image(name))

    def packer(self, builder: str) -> str | None:
        """The service a Packer builder type builds machine images on (`digitalocean`, `amazon-ebs`)."""
        b = builder.lower()
        if b in self._packer:
            return self._packer[b]
        for prefix, sid in self._packer_prefixes:
            if b.startswith(prefix):
                return sid
        return None

    def terraform(self, type_or_provider: str) -> str | None:
        t = type_or_provider.lower()
        for prefix, sid in self._terraform:
            if t == prefix or t.startswith(prefix + "_") or (prefix.endswith("_") and t.startswith(prefix)):
                return sid
        return None

    @cached_property
    def _config_regexes(self) -> tuple[re.Pattern[str], re.Pattern[str]]:
        """All config-file patterns as two regexes: one for base names, one for the end of
        the path (patterns with a folder), each tried whole, so one test per file."""
        names, paths = [], []
        for pattern, _sid in self._config_files:
            if "/" not in pattern and not _GLOB_CHARS.intersection(pattern):
                continue  # a plain name: `_config_names`, a set lookup
            body = fnmatch.translate(pattern).removeprefix("(?s:").removesuffix(")\\Z")
            (paths if "/" in pattern else names).append(body if "/" in pattern else body.replace(".*", "[^/]*"))
        return (
            re.compile("|".join(names) or "(?!)"),
            re.compile("|".join(paths) or "(?!)"),
        )

    @cached_property
    def _migration_last_folders(self) -> frozenset[str] | None:
        """One literal folder name of each migration folder pattern: a path with none of them
        among its folders is in no migration folder (asked for every file)."""
        lasts = set()
        for d, _ in self.migration_dirs:
            literal = [part for part in d.split("/") if not _GLOB_CHARS.intersection(part)]
            if not literal:
                return None
            lasts.add(max(literal, key=len))  # `migration/src`: `migration`, not every `src`
        return frozenset(lasts)

    def in_migration_folder(self, rel: str) -> bool:
        lasts = self._migration_last_folders
        if lasts is not None and lasts.isdisjoint(rel.split("/")[:-1]):
            return False
        return any(self._migration_regex.match(rel, i) for i in _folder_starts(rel))

    @cached_property
    def _config_names(self) -> frozenset[str]:
        return frozenset(p for p, _ in self._config_files if "/" not in p and not _GLOB_CHARS.intersection(p))

    @cached_property
    def _config_parent_folders(self) -> frozenset[str] | None:
        """One literal folder name of each config-file pattern with a folder: a path with none
        of them among its folders matches none of those patterns (fnmatch's `*` crosses `/`,
        so `openshift/*.json` takes openshift/templates/app.json: any folder, not the parent)."""
        words = set()
        for pattern, _ in self._config_files:
            if "/" in pattern:
                literal = [part for part in pattern.split("/")[:-1] if not _GLOB_CHARS.intersection(part)]
                if not literal:
                    return None
                words.add(max(literal, key=len))
        return frozenset(words)

    def config_file(self, rel: str) -> list[str]:
        """Services whose config files include `rel` (a pattern with "/" matches the path's end)."""
        rooted = self._root_config_files.get(rel, [])
        return sorted(set(rooted + self._config_file(rel))) if rooted else self._config_file(rel)

    def _config_file(self, rel: str) -> list[str]:
        by_name, by_path = self._config_regexes
        name_start = rel.rfind("/") + 1
        if rel[name_start:] not in self._config_names and not by_name.fullmatch(rel, name_start):
            parents = self._config_parent_folders
            if name_start == 0 or (parents is not None and parents.isdisjoint(rel.split("/")[:-1])):
                return []
            if not any(by_path.fullmatch(rel, i) for i in _folder_starts(rel)):
                return []
        hits = []
        name = rel.rsplit("/", 1)[-1]
        in_src = "/src/" in "/" + rel
        for pattern, sid in self._config_files:
            if "/" in pattern:
                if fnmatch.fnmatchcase(rel, pattern) or fnmatch.fnmatchcase(rel, "*/" + pattern):
                    hits.append(sid)
            elif fnmatch.fnmatchcase(name, pattern) and not (in_src and _bare_module_name(pattern)):
                hits.append(sid)
        return sorted(set(hits))


_SOURCE_MODULE = re.compile(r"^[a-z]+\.(?:ts|js|mjs|cjs)$")


def _bare_module_name(pattern: str) -> bool:
    """A config name that is one plain word as a JS/TS module (`serverless.ts`, `newrelic.js`):
    inside a `src/` folder such a file is the app's own module of that name (a serverless
    entrypoint exporting its Express app for Vercel), not the tool's config, which the tool
    reads from a project's or a service's root. Names saying config (`sentry.server.config.ts`,
    which Next.js apps keep in `src/`) are the tool's wherever they are."""
    return bool(_SOURCE_MODULE.match(pattern))


def _literal_gate(pattern: re.Pattern[str]) -> tuple[tuple[str, ...] | None, tuple[str, ...] | None]:
    """(required literals, one word of each): a set lookup in the file's words first, then
    a substring search, then the regex; each step is far cheaper than the next."""
    literals = required_literals(pattern)
    if literals is None:
        return None, None
    blind = ignores_case(pattern)  # its literals are lower-cased: no substring test on the text
    words = []
    for lit in literals:
        # Only a run with a non-word character on both sides inside the literal is a whole
        # word of the text wherever the literal occurs ("x.storage.from(" → "storage").
        runs = re.findall(r"(?<=[^a-z0-9])[a-z0-9]{3,}(?=[^a-z0-9])", lit.lower())
        if not runs:
            return (None if blind else literals), None
        words.append(max(runs, key=len))
    return (None if blind else literals), tuple(words)


# The private key an app signs its own ID tokens with (django-oauth-toolkit's OIDC_RSA_PRIVATE_KEY,
# `OIDC_RSA_PRIVATE_KEY_ACTIVE_PATH`): the app is the OpenID provider, no sign-in service's client.
_OWN_ISSUER_KEY = re.compile(r"(?:^|_)OIDC_RSA_PRIVATE_KEY")
# `<vendor>-connector`, with the language suffix some registries add (`snowflake-connector-python`).
_CONNECTOR_PACKAGE = re.compile(r"(?:^|[-_.])([a-z0-9]{3,})[-_.]connector(?:[-_.](?:python|py|node|js|java|j))?$")

_OAUTH_CREDENTIAL = re.compile(
    r"^(?:AUTH_|OAUTH_|SOCIAL_AUTH_)?([A-Z0-9]+)_(?:O?AUTH2?_)?(?:APP|CLIENT|CONSUMER|OAUTH2?)_?(?:ID|SECRET|KEY)$"
    # AUTH_GOOGLE_CID / AUTH_GOOGLE_CSEC: the short client id and secret of Go sign-in options
    r"|^(?:AUTH|OAUTH)_([A-Z0-9]+)_C(?:ID|SEC)$"
)

_COMMON_WORDS = frozenset({
    "api", "sdk", "js", "node", "client", "cloud", "the", "and", "for", "io", "com", "net", "org",
    "lib", "go", "v2", "v3", "rest", "http", "service", "services", "core", "server", "app", "web",
    "auth", "login", "sign", "in", "with", "oauth", "data", "storage", "email", "mail", "sms", "push",
    "notifications", "platform", "apps", "connect", "db", "database", "cache", "queue", "file", "files",
    # everyday words of UI and file code ("LDAP / Active Directory": a scanner component's `active`
    # camera state or a `directory` path would run LDAP's `.bind(` pattern on Function.bind)
    "active", "directory",
})


def _provider_name(
    prefixes: list[tuple[str, frozenset[str]]] | tuple[()], module: str, known: dict[str, str] | None = None
) -> str | None:
    """`kakao` for next-auth/providers/kakao, passport-google-oauth20, omniauth-naver; None for
    what the library lists as no third-party sign-in (credentials, local, jwt), whatever follows
    that first word."""
    for prefix, ignore in prefixes:
        if module.startswith(prefix):
            rest = module[len(prefix):]
            name = re.split(r"[./\\:]", rest, maxsplit=1)[0].lower()
            name = re.sub(r"[^a-z0-9]+", "-", name).strip("-")
            if name in ignore or (name.split("-")[0] in ignore and name not in (known or {})):
                # ... and its forks and variants (passport-localapikey-update, passport-local-mongoose),
                # unless the whole name is a provider's (allauth's `openid_connect` beside `openid`)
                return None
            while True:  # passport-google-oauth20, passport-naver-v2, passport-facebook-token
                shorter = re.sub(r"-(?:oauth2?0?|openidconnect|oidc|token|strategy|v\d+)$", "", name)
                if shorter == name:
                    break
                name = shorter
            if name and name not in ignore:
                return name
    return None


def _keywords(svc) -> frozenset[str]:
    """Words, one of which a file must contain before the service's call patterns run.

    The service's own words only (id, name and `keywords`: "stripe", "sendgrid", "s3"): package-name
    fragments such as "java", "express" or "session" occur in ordinary code everywhere.
    """
    words: set[str] = set(re.findall(r"[a-z0-9]+", svc.id + " " + svc.name.lower()))
    # ... and a name of several words run together, as a domain spells it: a file loading
    # "googletagmanager.com/gtm" names Google Tag Manager without any of its words apart
    words |= {re.sub(r"[^a-z0-9]", "", key) for key in (svc.id, svc.name.lower())}
    # ... and the words the catalog adds (its own client's name: `certbot` runs Let's Encrypt)
    words |= set(svc.keywords)
    # ... and the service names its SDK clients are built with (boto3's `client("autoscaling")`,
    # `client("secretsmanager")`): the quoted name in the call pattern names the service in a
    # file that says neither "aws" nor its id words, the pattern's own literal being the proof
    for call in svc.calls:
        for group in _CLIENT_NAMES.findall(call.pattern.pattern):
            words |= {n for n in group.split("|") if len(n) >= 3 and n not in _EVERYDAY_CLIENT_NAMES}
    return frozenset(w for w in words if len(w) >= 2 and w not in _COMMON_WORDS)


# Client names that are everyday words of code (`client("events")` is EventBridge's, but "events"
# and "logs" are in most files): they would run the service's looser patterns everywhere.
_EVERYDAY_CLIENT_NAMES = frozenset({"events", "logs", "location", "scheduler"})
# A quoted client name in an SDK call pattern: `client\(\s*['"](?:ec2|autoscaling)['"]`, plain
# names only (a name with optional parts, `sesv?2?`, is left to the service's other words).
_CLIENT_NAMES = re.compile(r"""client\\\(\\s\*(?:\(\?:service_name\\s\*=\\s\*\)\?)?\['"\]\(?(?:\?:)?([a-z0-9|-]+)\)?\['"\]""")


def _default_imports(packages: dict[str, tuple[str, ...]], explicit: dict[str, tuple[str, ...]]) -> dict[str, list[str]]:
    """Module names a package is imported by, where the ecosystem makes that obvious."""
    out: dict[str, list[str]] = {k: list(v) for k, v in explicit.items()}
    for name in packages.get("npm", ()):
        out.setdefault("js", []).append(name)
    for name in packages.get("go", ()):
        out.setdefault("go", []).append(name)
    for name in packages.get("rubygems", ()):
        out.setdefault("ruby", []).append(name)
    for name in packages.get("crates", ()):
        out.setdefault("rust", []).append(name.replace("-", "_"))
    for name in packages.get("shards", ()):
        # A shard is required by its name: shard `pg` is `require "pg"`, `sqlite3` `require "sqlite3"`.
        out.setdefault("crystal", []).append(name)
    for name in packages.get("pypi", ()):
        if "python" not in explicit:
            out.setdefault("python", []).append(name.lower().replace("-", "_"))
    return out


_GLOB_CHARS = frozenset("*?[")


def _folder_starts(rel: str) -> list[int]:
    """Offsets where a path suffix starts: 0 and after each '/'."""
    starts = [0]
    i = rel.find("/")
    while i >= 0:
        starts.append(i + 1)
        i = rel.find("/", i + 1)
    return starts


_SEPARATORS = {"python": ".", "java": ".", "csharp": ".", "php": "\\", "rust": "::", "elixir": "."}
_QUOTES = {"js": "'\"`", "ruby": "'\"", "go": "\"`", "crystal": "\""}


def _import_forms(language: str, key: str) -> set[str]:
    """The literal forms an import of `key` takes in source text (see import_literals)."""
    star = key.endswith("*")
    mod = key.rstrip("*")
    if not mod:
        return set()
    if language in _QUOTES:
        ends = ("",) if star else ("/", None)
        return {q + mod + (q if end is None else end) for q in _QUOTES[language] for end in ends}
    if language in ("php", "rust"):
        first = mod.lstrip("\\").split(_SEPARATORS[language])[0]
        if language == "php":
            return {first + "\\"}
        return {first + "::", first + ";", first + " as"}
    if language == "python" and len(mod) <= 4:
        return {c + mod for c in " ,'\""}
    return {mod}


class _ModuleTable:
    """Module prefix lookups in O(depth of the module name), not O(size of the catalog)."""

    def __init__(self, language: str, rows: list[tuple[str, str, bool]]) -> None:
        self.sep = _SEPARATORS.get(language, "/")
        self.exact: dict[str, list[tuple[str, bool]]] = {}
        self.stars: list[tuple[str, str, bool]] = []
        for prefix, sid, weak in rows:
            if prefix.endswith("*"):
                self.stars.append((prefix[:-1], sid, weak))
            else:
                self.exact.setdefault(prefix.rstrip(self.sep) if prefix.endswith(self.sep) else prefix, []).append((sid, weak))

    def find(self, module: str, longest: bool = False) -> list[tuple[str, bool]]:
        """[(service id, weak)] of every prefix of `module` the table holds. With `longest`,
        only the hits of the longest matched prefix: for an import, a catalog prefix that
        extends another one names the more specific library (`onelogin.saml2` is
        python3-saml, not the OneLogin API client `onelogin`; `firebase_admin.messaging` is
        FCM, not every Firebase product the bare `firebase_admin` stands for)."""
        matched: list[tuple[int, str, bool]] = []
        parts = module.split(self.sep)
        for i in range(len(parts), 0, -1):
            key = self.sep.join(parts[:i])
            matched.extend((len(key), sid, weak) for sid, weak in self.exact.get(key, ()))
        for prefix, sid, weak in self.stars:
            if module.startswith(prefix):
                # "@sentry/" and "opentelemetry-" are as long as the names they stand for.
                matched.append((len(prefix.rstrip(self.sep + "-_.")), sid, weak))
        if longest and matched:
            top = max(n for n, _, _ in matched)
            matched = [m for m in matched if m[0] == top]
        return [(sid, weak) for _, sid, weak in matched]


@lru_cache(maxsize=1)
def default_index() -> CatalogIndex:
    return CatalogIndex(load_catalog())
