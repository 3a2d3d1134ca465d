"""Integration modules: code that an application keeps per vendor, under a folder that says
so (`internal/integration/wallabag/`, `hc/integrations/pagerduty/`,
`integrations/social/bluesky.provider.ts`, `bounce/webhooks/sendgrid.go`).

Apps name these folders and files after the vendor, and many such vendors (self-hosted
tools, niche APIs) have no package, env var or fixed host to find them by. A module whose
name is a catalog service is evidence of that service; any other name counts only when the
module itself calls out over HTTP, and then becomes a service of its own.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from ...model import FEATURE, Evidence
from .base import Context, Detector, Record, Source
from .code import language_for
from .url_literals import API_LABELS
from ...names import name_words
from .code_facts import builds_requests, calls_out, makes_requests
from .kind_classes import kind_class_of, role_file_of
from .module_paths import (
    CATALOG_ONLY,
    REQUESTS_ONLY,
    CLOUD_WORDS,
    GENERIC_NAMES,
    MODULE_KINDS,
    MODULE_ROOTS,
    NO_VENDOR,
    PLUGINS,
    ROLE_PREFIX,
    ROLE_SUFFIX,
    IDP_FOLDERS,
    SIGN_IN_FOLDERS,
    TEST_DIRS,
    cloud_products,
    container_of,
    kind_of,
    module_kind,
    module_of,
    without_surface,
)



def _slug(name: str) -> str:
    """'dev.to' → 'devto', 'linkedin.page' → 'linkedin', 'nunux-keeper' → 'nunux-keeper'."""
    first = re.split(r"[.]", name)[0]
    base = first if len(re.sub(r"[^a-z0-9]", "", first)) >= 4 else name
    return re.sub(r"[^a-z0-9]+", "-" if "." not in base else "", base).strip("-")


# A vendor module's own manifest or snippet file (`analytics/hotjar/code.yml`, the script tag
# the app injects; `definition.yml`): modules of script-tag vendors have no code file at all.
_MANIFESTS = (".yml", ".yaml", ".json")


def _manifest(name: str) -> bool:
    return name.lower().endswith(_MANIFESTS) and not name.lower().startswith(("package", "tsconfig", "composer"))


def accepts(rel: str, name: str, ctx: Context | None = None) -> bool:
    if _manifest(name):
        found = module_of(rel)
        return found is not None and found[1]  # in a vendor's folder, not a file of the container
    if language_for(name) is None or name.endswith((".min.js", ".d.ts", ".blade.php")):
        return False
    return module_of(rel) is not None or bool(kind_class_of(rel)) or bool(role_file_of(name))


def _kind_class(src: Source, ctx: Context) -> Iterator[Record]:
    """A kind's class named for a vendor: the catalog's service of that name, or, for a name
    outside the catalog, a vendor whose API host the class itself names (`GisgraphyGeocoder`
    with 'http://services.gisgraphy.com/...'): one module per vendor of the kind."""
    from ...uncatalogued import agreed_name

    for name in kind_class_of(src.rel):
        # the catalog's id or name itself, not an env prefix's word (`GeofenceCircle` is no
        # CircleCI, `CacheGraph` no Microsoft Graph), and no three-letter word (`BoxProtocol`)
        sid = ctx.index.service_titled(name) if len(name) >= 4 else None
        if sid is not None and ctx.catalog.services[sid].word_name:
            continue  # `Triggers/DailyTrigger.cs`: the app's daily trigger, not Daily (catalog `word_name`)
        slug = sid
        if sid is None:
            lang = language_for(src.name)
            text = src.stripped(lang.comments) if lang else src.text
            # a catalog host is its service already (`GoogleGeocoder` calling maps.googleapis.com);
            # an umbrella cloud's other host names none of its products (www.googleapis.com)
            hosts = {
                h for m in _URL_HOST.finditer(text) for h in (m.group(1).lower(),)
                if ctx.index.host(h) is None and not h.endswith(ctx.index.shared_domains)
                and not _home_page_link(text, m.end(), h)
            } if "://" in text else set()
            agreeing = {n for n in (agreed_name(name, h) for h in sorted(hosts)) if n}
            if not agreeing:
                agreeing = _agreeing_prefix(name, src.name, hosts)
            # a placeholder host agrees with a stand-in class (`NullRateProvider` on "https://NULL.NULL")
            agreeing = {n for n in agreeing if re.sub(r"[^a-z0-9]", "", n) not in GENERIC_NAMES}
            if len(agreeing) != 1:
                continue
            slug = _slug(agreeing.pop())
        yield Evidence(
            path=src.rel, line=1, kind=FEATURE, name=f"integration_module:{slug}", service=sid or "",
            detail=(("module", slug),),
        )
        return


def _agreeing_prefix(name: str, file_name: str, hosts: set[str]) -> set[str]:
    """The vendor's name when the class adds words of what it provides after it
    (`BareBitcoinRateProvider` calling api.bb.no, `CryptoMarketExchangeRateProvider` calling
    api.exchange.cryptomkt.com, `RipioExchangeProvider` calling api.ripiotrade.co): the longest
    run of the class's first words that agrees with a host, hyphenated as the class spells it."""
    from ...uncatalogued import agreed_name

    words = [w.lower() for w in name_words(file_name.rsplit(".", 1)[0])]
    start = next((i for i in range(len(words)) if "".join(words[i:]).startswith(name)), None)
    if start is None:
        return set()
    mine: list[str] = []
    for w in words[start:]:
        if len("".join(mine)) >= len(name):
            break
        mine.append(w)
    for n in range(len(mine) - 1, 0, -1):
        prefix = "-".join(mine[:n])
        if len(prefix.replace("-", "")) < 3:
            break
        agreeing = {a for a in (agreed_name(prefix, h) for h in sorted(hosts)) if a}
        if agreeing:
            return agreeing
    return set()


def _vendor_feature(name: str, src: Source, ctx: Context) -> str | None:
    """A module named for a catalog vendor and a feature built on it
    (`integrations/github_repository_benefit/`: GitHub repository access sold as a benefit)
    whose URLs all lead to that vendor's domain (`https://github.com/apps/...`) is the vendor's
    code, not a product of its own. A product of the vendor's own has a domain of its own or
    is in the catalog by its full name (`grafana-oncall`), and a module calling another domain
    (`grafana-oncall/` on oncall-prod-us-central-0.grafana.net would agree; `slack-archive/` on
    archive.example.io does not) stays unknown."""
    from ...uncatalogued import registrable_domain

    words = name_words(name)
    if len(words) < 2:
        return None
    sid = ctx.index.service_named(words[0])
    if sid is None or ctx.catalog.services[sid].word_name:
        return None
    lang = language_for(src.name)
    text = src.stripped(lang.comments) if lang else src.text
    hosts = {m.group(1).lower() for m in _URL_HOST.finditer(text)} if "://" in text else set()
    if not hosts:
        return None
    for host in hosts:
        domain = registrable_domain(host)
        if ctx.index.host(host) != sid and (not domain or domain[0] != words[0]):
            return None
    return sid


_URL_HOST = re.compile(r"""['"]https?://([A-Za-z0-9][A-Za-z0-9.-]{0,200}\.[A-Za-z]{2,24})""")


# The end of a URL literal right after its host: a bare origin (`'https://donate.acme.com/'`).
_BARE_ORIGIN_END = re.compile(r"""/?['"]""")


def _home_page_link(text: str, end: int, host: str) -> bool:
    """Whether the URL whose host ends at `end` is a bare origin on a host that is no API's
    (`actionUrl: 'https://donate.azuracast.com/'` in a `DonateAdvisorCheck` notice): a page for
    people to open, whose subdomain word agrees with the class's name by chance. An API's bare
    base URL is API-shaped (`https://api.acmegeo.com`); a vendor's endpoint has a path."""
    return _BARE_ORIGIN_END.match(text, end) is not None and host.split(".")[0] not in API_LABELS


_VERSION = re.compile(r"(?<=[a-z])v?\d+$")


def _in_kind(name: str, kind: str, ctx: Context, strict: bool = False) -> str | None:
    """The catalog service a module named `name` in a `kind` folder stands for: the named
    service when it is of the kind's categories; else the one service of those categories
    whose id starts with the name (`digitalocean` in `storage/` is digitalocean-spaces,
    `github` in `authentication/` github-oauth); else the named service itself.
    `strict` (a kind package at the top of the app, `internal/storage/`, where the app's own
    modules sit beside its vendors'): a service of the kind's categories only
    (`internal/storage/sql_provider.go` is no Azure SQL, `upload.go` no UploadThing). The
    leading-id rule takes the whole name only, in every kind folder."""
    cats = MODULE_KINDS[kind]
    words = name_words(name)
    names = [name, _VERSION.sub("", name)]  # `umami2/`: the vendor's second version
    if len(words) > 1:
        names.append(words[-1])  # `markdown-kroki/` in `rendering/`: the format's renderer
    if "oauth" in cats:  # a sign-in module: the vendor's sign-in before its API
        sid = ctx.index.service_named(name + "-oauth")
        if sid is not None:
            return sid
    named = None
    for n, cand in enumerate(names):
        squashed = re.sub(r"[^a-z0-9]", "", cand.lower())
        if len(squashed) < 3:
            continue
        sid = ctx.index.service_named(cand)
        if sid and ctx.catalog.services[sid].category in cats:
            return sid
        # The leading-id rule for the whole name only: a name's last word is a guess already
        # (`mikro-orm.config.dev` is no `devise`). An umbrella's name counts where the kind holds
        # one of its products (`analytics/yandex/`: Yandex Metrica), never for signing in: there
        # `azure/` is the company's account sign-in, not its one identity product (Azure AD B2C).
        # A protocol's name leads no vendor's id: wiki.js's generic `authentication/oauth2/`
        # module is no OAuth2 Proxy.
        if n < 2 and squashed not in NO_VENDOR and (squashed not in ctx.index.umbrellas or "oauth" not in cats):
            leading = [s.id for s in ctx.catalog.services.values()
                       if s.category in cats and leads(s.id, squashed)]
            if len(leading) == 1:
                return leading[0]
        named = named or sid
    if len(words) > 1:
        # `minio_s3.go` in `storage/`: the vendor before a protocol's name, by its own name only
        # (`file-upload.ts` names no `filestack`)
        sid = ctx.index.service_named(words[0])
        if sid and ctx.catalog.services[sid].category in cats:
            return sid
    return None if strict else named


def leads(sid: str, squashed: str) -> bool:
    """Whether a catalog id starts with the whole word `squashed`: `umami` leads `umami-cloud`,
    `login` does not lead `loginradius` (a module of the app's own login page)."""
    words = sid.split("-")
    return any("".join(words[:n]) == squashed for n in range(1, len(words) + 1))


def _kind_at_top(rel: str) -> bool:
    """Whether a path's kind folder is a package at the top of the app (`storage/`,
    `internal/storage/`) rather than a module root's (`modules/storage/`)."""
    parts = rel.split("/")
    for i in range(len(parts) - 2, -1, -1):
        if module_kind(parts, i):
            return not (i > 0 and parts[i - 1].lower() in MODULE_ROOTS)
    return False


# Go test support outside `_test.go` files imports the standard `testing` package (a
# `harness/harness.go` starting the containers an `integration/` test suite needs): a test
# harness, not a vendor's module, whatever its folder's name.
_GO_TESTING_IMPORT = re.compile(r'^[ \t]*(?:import[ \t]+)?(?:[\w.]+[ \t]+)?"testing"[ \t]*$', re.M)


# A test-container library's import (Go's ory/dockertest and testcontainers-go, Testcontainers
# for Python, Node, Java, .NET and Rust): the file starts the containers a test suite runs
# against (an `integration/hsic/` "headscale in container" helper), so its folder names a
# test fixture, not a vendor, even outside `_test` files and test folders.
_TEST_CONTAINER_IMPORT = re.compile(
    r"""["'](?:github\.com/ory/dockertest|github\.com/testcontainers/|@testcontainers/|testcontainers["'/])"""
    r"|^[ \t]*(?:import|from|using|use)[ \t]+[\w.:]*testcontainers\b",
    re.I | re.M,
)


def _test_support(src: Source) -> bool:
    if src.name.endswith(".go") and '"testing"' in src.text and _GO_TESTING_IMPORT.search(src.text):
        return True
    lower = src.lowered  # (computed once per file, shared by the detectors)
    return ("dockertest" in lower or "testcontainers" in lower) and bool(_TEST_CONTAINER_IMPORT.search(src.text))


# A social sign-in connector's code: the vendor's OAuth authorize URL, or the names a connector
# gives it (`authorizationEndpoint`, `getAuthorizationUri`, `authorize_url`). The package is
# "Sign in with <vendor>", whose user-info call is no integration of the vendor's API.
_SIGN_IN_CODE = re.compile(
    r"authori[sz]ation_?(?:endpoint|ur[il])|authori[sz]e_?ur[il]|getAuthCodeUrl"
    r"|https?://[^\s'\"`]*/(?:oauth2?(?:\.0)?|connect|openid/connect)(?:/[^\s'\"`/]+)*/authori[sz]e\b",
    re.I,
)


def _module_folder(rel: str, name: str) -> str:
    """The folder of a vendor's module (`packages/connectors/connector-discord`): the innermost
    folder whose name holds the module name's first word."""
    parts = rel.split("/")[:-1]
    first = name_words(name)[:1]
    for k in range(len(parts) - 1, -1, -1):
        if first and first[0] in name_words(parts[k]):
            return "/".join(parts[:k + 1])
    return ""


def _sign_in_detail(name: str, on_purpose: bool, src: Source) -> tuple[tuple[str, str], ...]:
    """(("folder", ...), ("sign_in", "1")?) for a module in a folder of its own: the resolution
    reads a folder where any file shows an OAuth sign-in (`_SIGN_IN_CODE`) as the vendor's
    sign-in connector, every file of it included (its `types.ts` names no URL)."""
    folder = _module_folder(src.rel, name) if on_purpose else ""
    if not folder:
        return ()
    # Role-first workspace packages only (`connector-discord/`): a vendor's integration module
    # (`integrations/discord/`) authorizing its own API with OAuth is no sign-in (fold_integration_oauth).
    if ROLE_PREFIX.match(folder.rsplit("/", 1)[-1]) and _SIGN_IN_CODE.search(src.text):
        return (("folder", folder), ("sign_in", "1"), ("vendor", name))
    return (("folder", folder), ("vendor", name))


def _cloud_product(rel: str, ctx: Context) -> str | None:
    """The catalog product a module under a cloud's folder is (`sinks/gcp/pubsub.ex` →
    google-pubsub, `sinks/azure/event_hub.ex` → azure-event-hubs, `sinks/kafka/aws_msk_iam/` →
    aws-msk): `gcp/` or `azure/` names the company, the name inside says which of its products.
    The innermost such name the catalog knows as one of that cloud's products, by the cloud's
    own id prefix or by the product's name alone (`pubsub`); its longest run of leading words
    (`msk_iam`: MSK with IAM sign-in). None when no name there is a product of that cloud
    (`gcp/credentials.ex`, `aws/client.ts`)."""
    for cloud, product in reversed(cloud_products(rel)):
        prefixes = CLOUD_WORDS[cloud]
        words = name_words(product)
        for n in range(len(words), 0, -1):
            head = words[:n]
            if all(w in GENERIC_NAMES for w in head):
                continue
            name = "-".join(head)
            for prefix in prefixes:  # `aws/s3.ts`: by the cloud's own id prefix
                sid = ctx.index.service_named(f"{prefix}-{name}")
                if sid is not None and sid.split("-", 1)[0] in prefixes:
                    return sid
            # `gcp/pubsub.ex`: by the product's name alone, when that is one of the cloud's
            sid = ctx.index.service_named(name) if len("".join(head)) >= 3 else None
            if sid is not None and sid.split("-", 1)[0] in prefixes:
                return sid
    return None


def _vendor_file_in_group(name: str, src: Source, ctx: Context) -> str | None:
    """The catalog vendor a file is named for when the folder read as the module is no vendor
    but a way of talking to them, one file per vendor inside (`integration/src/sink/emby.rs`,
    `integration/src/yank/komga.rs`, `importers/pull/trakt.py`): the app names such folders for
    the direction or mode of the exchange, in its own words no list can hold, so the file's
    catalog name decides. Only a file right inside that folder, only when the folder's own name
    is no catalog service (`integrations/slack/github.ts` stays Slack's), and only a vendor not
    named with an everyday word (`sink/threads.rs`)."""
    parts = src.rel.split("/")
    if len(parts) < 2 or parts[-2].lower() != name or ctx.index.service_named(name) is not None:
        return None
    stem = ROLE_SUFFIX.sub("", src.name.rsplit(".", 1)[0])
    if len(stem) < 3 or stem.lower() in GENERIC_NAMES:
        return None
    # a vendor's own id or name, not a catalog keyword (`l10n/translator.py` is no Azure Translator)
    sid = ctx.index.service_titled(stem)
    if sid is None or ctx.catalog.services[sid].word_name:
        return None
    return stem.lower()


# A class or interface declared abstract (PHP, Java, C#, Kotlin, TypeScript): the base that a
# kind's vendor classes extend (`Integration/CloudStorageIntegration.php`, `abstract class
# CloudStorageIntegration` beside `AmazonS3Integration`), named for the kind, not a vendor.
_ABSTRACT_DECL = re.compile(
    r"^[ \t]*(?:export[ \t]+)?(?:(?:public|internal|protected)[ \t]+)?"
    r"(?:abstract[ \t]+(?:(?:public|internal)[ \t]+)?class|interface)[ \t]+(\w+)",
    re.M,
)


def _abstract_base(src: Source) -> bool:
    """Whether the file declares its own class (the one its name names) abstract or an interface."""
    if "abstract" not in src.text and "interface" not in src.text:
        return False
    stem = src.name.split(".", 1)[0]
    return any(m.group(1) == stem for m in _ABSTRACT_DECL.finditer(src.text))


def detect(src: Source, ctx: Context) -> Iterator[Record]:
    if _test_support(src) or _abstract_base(src):
        return
    found = module_of(src.rel)
    if found is None:
        role = role_file_of(src.name)
        if role and not any(p.lower() in TEST_DIRS for p in src.rel.split("/")[:-1]):
            sid = ctx.index.service_named(role) or ctx.index.service_named(role.replace("_", "-"))
            if sid is not None:  # a catalog vendor only: `syncer_user.go` is the role's own
                yield Evidence(
                    path=src.rel, line=1, kind=FEATURE, name=f"integration_module:{sid}", service=sid,
                    detail=(("module", sid),),
                )
                return
        yield from _kind_class(src, ctx)
        return
    name, on_purpose = found
    if on_purpose:
        name = _vendor_file_in_group(name, src, ctx) or name
    named = None if on_purpose else ctx.index.service_named(name)
    if named is not None and ctx.catalog.services[named].word_name:
        # `notifications/threads.py`: the app's own threads, not Meta's Threads. A vendor named
        # with an everyday word (catalog `word_name`) counts from a module named for it on
        # purpose only (`integrations/social/threads.provider.ts`).
        return
    product = _cloud_product(src.rel, ctx) if not _manifest(src.name) else None
    if product is not None:
        yield Evidence(
            path=src.rel, line=1, kind=FEATURE, name=f"integration_module:{product}", service=product,
            detail=(("module", product),),
        )
        return
    kind = kind_of(src.rel)
    if _manifest(src.name):
        # a manifest counts for a catalog vendor only, and only when it loads or links something
        if "://" not in src.text and "<script" not in src.text.lower():
            return
    if kind:
        sid = _in_kind(name, kind, ctx, strict=_kind_at_top(src.rel))
        if sid is not None:
            yield Evidence(
                path=src.rel, line=1, kind=FEATURE, name=f"integration_module:{sid}", service=sid,
                detail=(("module", sid),),
            )
        return
    if container_of(src.rel) in REQUESTS_ONLY and not builds_requests(src):
        return  # a widget that requests nothing itself: a UI piece named for what it shows
    sid = None
    if container_of(src.rel) in SIGN_IN_FOLDERS:
        sid = ctx.index.service_named(name + "-oauth")
        if sid is None:
            return  # a sign-in provider outside the catalog: the OAuth env names tell the rest
    elif container_of(src.rel) in IDP_FOLDERS:
        sid = ctx.index.sign_in_provider(name)
    if sid is None and ctx.index.service_named(name) is None:
        name = without_surface(name, ctx)
    sid = sid or ctx.index.service_named(name) or ctx.index.service_named(name.split(".")[0])
    if sid is None and on_purpose and len(_VERSION.sub("", name)) >= 4:
        # `notify/msteamsv2/`: the second version of a vendor's channel (Teams' Workflows
        # webhooks after its retired connectors), the vendor all the same
        sid = ctx.index.service_named(_VERSION.sub("", name))
    container = container_of(src.rel)
    if sid is None and len(name_words(name)) > 1 and name_words(name)[-1] == container:
        sid = ctx.index.service_named("".join(name_words(name)[:-1]))  # `umami-analytics` in `analytics/`
    if sid is None and on_purpose and ctx.index.sign_in_provider(name) and _SIGN_IN_CODE.search(src.text):
        # a sign-in connector for a vendor the catalog knows by its sign-in name only (`connector-x`)
        yield Evidence(
            path=src.rel, line=1, kind=FEATURE, name=f"integration_module:{name}", service="",
            detail=(("module", name),) + _sign_in_detail(name, on_purpose, src),
        )
        return
    if sid is None and (container_of(src.rel) in CATALOG_ONLY or _manifest(src.name)):
        return
    if sid is None and on_purpose and not re.search(r"[^a-z0-9]", name) and calls_out(src):
        # A name of one word that starts with a catalog vendor's (`teamsworkflows/` posting to
        # Microsoft Teams' Workflows webhooks) is that vendor, not a new one. Names of separate
        # words (`grafana-oncall/`) name a product of their own.
        sid = ctx.index.service_leading(name)
    if sid is None and on_purpose:
        sid = _vendor_feature(name, src, ctx)
    if sid is None and not (on_purpose and len(re.sub(r"[^a-z0-9]", "", name)) >= 3 and calls_out(src)):
        return  # an unknown name must be a module of its own that calls somewhere outside
    if sid is None and container_of(src.rel) in PLUGINS and not makes_requests(src):
        return  # a plugin's metadata links (`author_url`) are no requests
    slug = sid or _slug(name)
    sign_in = _sign_in_detail(name, on_purpose, src)
    # A module requesting API paths on its configured base URL calls its own vendor's server,
    # whatever other vendor's URLs it holds (the poster images a media server hands out):
    # said here so the inventory does not take it for a wrapper of that other vendor.
    own = (("own_api", "1"),) if sid is None and builds_requests(src) else ()
    yield Evidence(
        path=src.rel, line=1, kind=FEATURE, name=f"integration_module:{slug}", service=sid or "",
        detail=(("module", slug),) + own + sign_in,
    )


DETECTOR = Detector(name="integration-modules", accepts=accepts, detect=detect)
