"""Services outside the catalog: an API-shaped URL's vendor domain, a vendor's integration
module, named by rule (`api.pinboard.in` → pinboard, `integrations/bluesky/` → bluesky).

The names come from scanned text, so every id made here is `[a-z0-9-]` only.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict

from .catalog import Catalog, Service
from .model import HOST, Evidence
from .paths import is_docs_site_path, is_sign_in_path, is_tooling_path
from .usage import shows_use

_NOT_AN_API = frozenset({
    "docs", "doc", "help", "support", "blog", "status", "community", "forum", "developer", "developers",
    "learn", "wiki", "schemas", "schema", "cdn", "static", "assets", "img", "images", "fonts",
})
# A registered name that says it is a pre-production deployment (`bullet-train-staging.win`,
# `acme-dev.app`): the application's own staging servers, not a vendor's API.
_STAGING_DOMAIN = re.compile(r"[-_](?:staging|stage|preprod|dev|qa|uat)$|^(?:staging|preprod)[-_]")
# Second-level labels under which country domains register names: co.uk, com.au, org.za, ne.jp,
# and the governments' own (gouv.fr, gv.at, govt.nz: api.piste.gouv.fr is PISTE's, not "gouv").
_SECOND_LEVEL = frozenset({"co", "com", "org", "net", "ac", "gov", "edu", "or", "ne", "go", "gob", "nic", "gouv", "gv", "govt"})


def registrable_domain(host: str) -> list[str]:
    """The registrable domain's labels: 'api.x.co.uk' → ['x', 'co.uk'], 'api.last.fm' → ['last', 'fm']."""
    parts = host.lower().split(".")
    if len(parts) >= 3 and len(parts[-1]) == 2 and parts[-2] in _SECOND_LEVEL:
        parts = [*parts[:-2], ".".join(parts[-2:])]
    return parts[-2:] if len(parts) >= 2 else []


def api_slug(host: str) -> str:
    """'api.pinboard.in' → 'pinboard', 'api-prod.omnivore.app' → 'omnivore'; '' for an IP address."""
    if re.fullmatch(r"[\d.]+", host):
        return ""  # 127.0.0.1, 10.0.0.5: an address names no vendor
    domain = registrable_domain(host)
    if not domain:
        return ""
    label = domain[0]
    # Brand domains: getrewardful.com, tiktokapis.com, trycourier.app. Not a name that starts
    # with the word "user" (userlist.com, userpilot.io, usersnap.com): that is the brand itself.
    m = re.fullmatch(r"(?:get|try|use(?!r)|join)([a-z0-9-]{4,})", label)
    if m:
        label = m.group(1)
    if label.endswith("apis") and len(label) > 7:
        label = label[: -len("apis")]
    if label in _GENERIC_LABELS:
        return "".join(domain).replace(".", "")  # api.sms.ir → smsir: the brand is the whole domain
    return re.sub(r"[^a-z0-9]+", "-", label).strip("-")


# Registered names that are a common word, whose brand is the whole domain (sms.ir, push.co).
_GENERIC_LABELS = frozenset({
    "sms", "mail", "email", "push", "chat", "api", "app", "apps", "cloud", "web", "notify", "message", "messages",
    "alert", "alerts", "data", "online", "service", "services", "send", "bot",
})


def agreed_name(module: str, host: str) -> str | None:
    """The vendor's name when an integration module's name and the API host it calls name one
    vendor, spelled two ways, else None. The module's name where it is the shorter or the more
    specific one (`kook` for www.kookapp.cn, `octopush` for www.octopush-dm.com, `techulus-push`
    for push.techulus.com, `wxpusher` for wxpusher.zjiecode.com); the host's where the two differ
    only in hyphens (free-mobile.fr for `freemobile.js`) or the module adds a channel word
    (`clicksendsms` calling rest.clicksend.com)."""
    name = re.sub(r"[^a-z0-9]", "", module.lower())
    slug = api_slug(host)
    squashed = slug.replace("-", "")
    if len(name) < 3 or not squashed:
        return None
    labels = {re.sub(r"[^a-z0-9]", "", label) for label in host.lower().split(".")[:-1]}
    if name == squashed:
        return slug
    if name == squashed_domain(host) or name in labels or (len(squashed) >= 3 and squashed.startswith(name)):
        return module
    # A module spelling the whole host (`subssabbz` calling subs.sab.bz, `subtitriid` calling
    # subtitri.id.lv): the site's name is all its labels, where the registered one alone (`sab`,
    # `id`) is a fragment.
    if spells_whole_host(name, host):
        return module
    if len(squashed) >= 3 and name.startswith(squashed):
        # the module adds a product or channel to the vendor's name (`clicksendsms`, `bird-whatsapp`);
        # a short registered name is a word (`onechat` calling chat-api.one.th)
        return slug if len(squashed) >= 4 else module
    # A module named in words (`bare-bitcoin`, `crypto-market`) whose host spells the vendor short:
    # by its initials (api.bb.no) or as an abbreviation keeping the name's letters in order
    # (api.exchange.cryptomkt.com): the module's words are the vendor's full name.
    words = [w for w in re.split(r"[^a-z0-9]+", module.lower()) if w]
    if len(words) >= 2 and squashed == "".join(w[0] for w in words):
        return module
    if len(squashed) >= 5 and squashed[:3] == name[:3] and 3 * len(squashed) >= 2 * len(name) and _in_order(squashed, name):
        return module
    return None


def spells_whole_host(name: str, host: str) -> bool:
    """Whether a file or module name is the host itself, dots and hyphens dropped, with or without
    its top-level domain (`yavkanet` for yavka.net, `subssabbz` for subs.sab.bz, `subtitriid` for
    subtitri.id.lv; `www.` aside): the module is that site's."""
    squashed = re.sub(r"[^a-z0-9]", "", name.lower())
    labels = [re.sub(r"[^a-z0-9]", "", label) for label in host.lower().removeprefix("www.").split(".")]
    return len(squashed) >= 6 and len(labels) >= 2 and squashed in ("".join(labels), "".join(labels[:-1]))


def _in_order(short: str, full: str) -> bool:
    """Whether `short`'s letters are all in `full`, in the same order (cryptomkt in cryptomarket)."""
    it = iter(full)
    return all(c in it for c in short)


def squashed_domain(host: str) -> str:
    """The registrable domain without dots: brand domains name their vendor whole (last.fm)."""
    return re.sub(r"[^a-z0-9]", "", "".join(registrable_domain(host)))


# The last word of a repository named for one component of a product (`bitwarden-server`,
# `acme-web`, `foo-backend`): the product's brand is the words before it.
_COMPONENT_WORDS = frozenset({"server", "web", "app", "api", "backend", "frontend", "core", "platform",
                              "monorepo", "service", "services"})


def _brand(project_name: str) -> str:
    """The product's name in a component repository's (`bitwarden-server` → bitwarden), squashed;
    '' when the name is no such brand-and-component pair."""
    words = [w for w in re.split(r"[^a-z0-9]+", project_name.lower()) if w]
    if len(words) < 2 or words[-1] not in _COMPONENT_WORDS:
        return ""
    return "".join(words[:-1])


def _own(slug: str, project_name: str) -> bool:
    """Whether a vendor name is the application's own: a part of its name (`typebot` in
    typebot.io, `inboxzero` in inbox-zero), or its name with a suffix, as its domain often is
    (kavita → kavitareader.com), also where the repository names one component of the product
    (bitwarden-gov.com, the regional cloud of the product built from `bitwarden-server`)."""
    project = re.sub(r"[^a-z0-9]", "", project_name.lower())
    squashed = slug.replace("-", "")
    brand = _brand(project_name)
    return bool(project) and (
        slug in project_name.lower() or squashed in project or (len(project) >= 4 and squashed.startswith(project))
        or (len(brand) >= 5 and squashed.startswith(brand))
    )


def _own_subdomain(host: str, project_name: str) -> bool:
    """Whether a host is the application's own site under another domain: a label left of
    the registrable domain spells the app's name (`zipline.diced.sh` in zipline, its author's
    domain; `myapp.example.dev`). A vendor's API lives under the vendor's name, not the app's.
    Names of four letters or more, not a component word (`api.`, `app.`)."""
    project = re.sub(r"[^a-z0-9]", "", project_name.lower())
    if len(project) < 4 or project in _COMPONENT_WORDS:
        return False
    labels = host.lower().split(".")[: -len(registrable_domain(host))]
    return any(re.sub(r"[^a-z0-9]", "", label) == project for label in labels)


def _domain_owners(catalog: Catalog) -> dict[str, set[str]]:
    """Registrable domain -> the catalog services (sign-in providers aside) with a host there
    (api.short.io -> short.io)."""
    cached = _OWNERS.get(id(catalog))
    if cached is None or cached[0] is not catalog:
        owners: dict[str, set[str]] = defaultdict(set)
        for svc in catalog.services.values():
            if svc.category == "oauth":
                continue  # id.twitch.tv signs users in; api.twitch.tv beside it is Twitch's API
            for h in svc.hosts:
                if "*" not in h.split(".")[-2:]:
                    owners[".".join(registrable_domain(h))].add(svc.id)
        cached = _OWNERS[id(catalog)] = (catalog, dict(owners))
    return cached[1]


def _umbrella_words(catalog: Catalog) -> frozenset[str]:
    """First id words many catalog services share (google, aws, microsoft): the company behind
    many products, so an unknown host of theirs names none of them."""
    firsts = Counter(sid.split("-", 1)[0] for sid in catalog.services if "-" in sid)
    return frozenset(w for w, n in firsts.items() if n >= _UMBRELLA_BY)


_UMBRELLA_BY = 4  # as the catalog index's umbrella threshold
_OWNERS: dict[int, tuple[Catalog, dict[str, set[str]]]] = {}

_OAUTH_CRED = re.compile(r"^(?:AUTH_|OAUTH_)?([A-Z0-9]+)_(?:OAUTH_)?CLIENT_(?:ID|SECRET)$")
_SIGN_IN_PATH = re.compile(r"(?:^|/)(?:auth|sso|login|signin|sign-in)(?:[/._-]|$)", re.I)


def uncatalogued_apis(
    hosts: dict[str, list[Evidence]], catalog: Catalog, taken: set[str], project_name: str,
    env_reads: dict[str, list[str]] | None = None, module_slugs: set[str] | None = None,
    module_files: dict[str, str] | None = None, module_packages: dict[str, str] | None = None,
    sign_in_files: dict[str, set[str]] | None = None,
) -> list[tuple[Service, str, list[Evidence]]]:
    """APIs outside the catalog, one per vendor domain, from API-shaped URLs in app code:
    (service, strength, evidence). `env_reads`: env var name -> files that read it;
    `module_files`: file -> the uncatalogued integration module it belongs to;
    `module_packages`: package folder -> the uncatalogued member of a package family it is
    (`drivers/aliyundrive_share` -> aliyundrive); `sign_in_files`: sign-in service in use -> the
    files of its evidence."""
    oauth_reads: dict[str, set[str]] = defaultdict(set)  # file -> provider words of OAuth client credentials read there
    for name, paths in (env_reads or {}).items():
        m = _OAUTH_CRED.match(name)
        if m:
            for path in paths:
                oauth_reads[path].add(m.group(1).lower())
    by_slug: dict[str, list[Evidence]] = defaultdict(list)
    owners = _domain_owners(catalog)
    umbrellas = _umbrella_words(catalog)
    # The code's own name for a vendor whose brand is its whole domain: a module `incidentio/`
    # calling api.incident.io names the vendor "incidentio", not "incident".
    module_by_squashed = {m.replace("-", ""): m for m in module_slugs or ()}
    for host, evs in hosts.items():
        # Not the repository's documentation site (a docs plugin fetching package versions from
        # api.nuget.org and crates.io): as for catalog services, its requests are not the app's.
        # Nor what shows no use of a catalog service either (usage.shows_use: tests, a sample
        # program beside the product as `examples/OTP/authy/main.go`, a coding agent's script,
        # code shown to users to copy), nor release tooling.
        live = [e for e in evs if shows_use(e) and not is_tooling_path(e.path) and not is_docs_site_path(e.path)]
        slug = api_slug(host)
        if not live or not slug or host.split(".")[0] in _NOT_AN_API or len(host.split(".")) > 5:
            continue
        if _STAGING_DOMAIN.search(registrable_domain(host)[0]):
            continue  # edge.acme-staging.win: a staging deployment's own domain, no vendor's
        domain = squashed_domain(host)  # last.fm -> lastfm, short.io -> shortio
        own_slug = slug
        if domain in module_by_squashed and domain != slug.replace("-", ""):
            slug = module_by_squashed[domain]
        # The module that calls the host names the vendor where the two agree (`heii-oncall.js`
        # posting to heiioncall.com): one service, under the code's own name for it.
        modules_here = {(module_files or {}).get(e.path) for e in live} - {None}
        agreeing = {n for n in (agreed_name(m, host) for m in sorted(modules_here)) if n}
        if len(agreeing) == 1:
            slug = agreeing.pop()
        names = {slug, own_slug, domain}
        if names & taken or names & catalog.services.keys() or _own(slug, project_name):
            continue  # a catalog service's other host, or the application's own API (getinboxzero.com)
        if _own_subdomain(host, project_name):
            continue  # the app's own site on its author's domain (zipline.diced.sh for zipline)
        if owners.get(".".join(registrable_domain(host)), set()) & taken:
            continue  # another host of a catalog vendor in use (statistics.short.io beside api.short.io)
        if slug in umbrellas:
            continue  # books.google.com, apis.google.com: an umbrella company's domain names no product
        if any(live and all(e.path in (sign_in_files or {}).get(f"{n}-{suffix}", ()) and is_sign_in_path(e.path)
                            for e in live)
               for n in (slug, own_slug) for suffix in ("oauth", "login")):
            # the vendor's sign-in in use, and only its own files, in a sign-in folder, call the
            # host: the provider class's user-info call (`Auth/OAuth2/Podio.php` on api.podio.com),
            # no API of its own. (A posting integration that authorizes with OAuth,
            # `integrations/social/linkedin.provider.ts`, calls the vendor's API.)
            continue
        by_slug[slug].extend(live)
    _fold_into_members(by_slug, module_packages or {})
    out = []
    for slug, evs in sorted(by_slug.items()):
        hosts_seen = sorted({e.name for e in evs})
        # An OAuth sign-in provider: its client credentials read in the same auth/sso/login file.
        squashed = slug.replace("-", "")
        if oauth_reads and all(squashed in oauth_reads.get(e.path, ()) and _SIGN_IN_PATH.search(e.path) for e in evs):
            sid = f"{slug}-oauth"
            if sid not in taken and sid not in catalog.services:
                svc = Service(id=sid, name=f"Sign in with {slug.title()}", category="oauth",
                              purpose="OAuth sign-in provider configured in code (not in the catalog)")
                out.append((svc, "host", sorted(evs)))
                continue
        svc = Service(
            id=slug,
            name=f"{hosts_seen[0].removeprefix('www.')} API",
            category="external_api",
            purpose="HTTP API called from code (not in the catalog)",
        )
        out.append((svc, "host", sorted(evs)))
    return out


def _fold_into_members(by_slug: dict[str, list[Evidence]], module_packages: dict[str, str]) -> None:
    """A package family's member is its vendor's code (`drivers/aliyundrive/` beside
    `drivers/onedrive/`): an unknown API domain that only the files of one member's packages
    call, and the only one that member calls alone, is that vendor's API under another name
    (api.alipan.com for the AliyunDrive driver, user.mypikpak.com for PikPak). It joins the
    member's service rather than listing the vendor twice. Not where the member calls a second
    domain of its own (a package serving two vendors, `ilanzou/` calling api.feijipan.com too),
    nor a domain other code calls as well."""
    if not module_packages:
        return
    exclusive: dict[str, list[str]] = defaultdict(list)  # member -> the domains only it calls
    for slug, evs in by_slug.items():
        # (a class family's member is one file, its own "package")
        owners = {module_packages.get(e.path) or (module_packages.get(e.path.rsplit("/", 1)[0]) if "/" in e.path else None)
                  for e in evs}
        if len(owners) == 1 and None not in owners:
            exclusive[owners.pop()].append(slug)  # type: ignore[arg-type]
    for member, slugs in sorted(exclusive.items()):
        if len(slugs) != 1 or slugs[0] == member or member in by_slug:
            continue
        by_slug[member] = by_slug.pop(slugs[0])


MODULE_PREFIX = "integration_module:"


def _one_edit(a: str, b: str) -> bool:
    """Whether one name is the other with a doubled letter written once (`qbittorent` for
    `qbittorrent`), in names of six letters or more: a misspelling, not another vendor. Any
    other letter dropped may name a vendor of its own (`radarr` beside `readarr`)."""
    if len(a) == len(b) or min(len(a), len(b)) < 6 or abs(len(a) - len(b)) != 1:
        return False
    short, long_ = (a, b) if len(a) < len(b) else (b, a)
    k = next((n for n, (x, y) in enumerate(zip(short, long_)) if x != y), len(short))
    doubled = (k > 0 and long_[k - 1] == long_[k]) or (k + 1 < len(long_) and long_[k + 1] == long_[k])
    return doubled and short[k:] == long_[k + 1:]


def uncatalogued_modules(
    modules: dict[str, list[Evidence]], catalog: Catalog, taken: set[str], project_name: str,
    file_vendors: dict[str, set[tuple[str, str]]] | None = None,
) -> list[tuple[Service, str, list[Evidence]]]:
    """Vendors outside the catalog that the code keeps an integration module for:
    (service, strength, evidence)."""
    out = []
    squashed_taken = {t.replace("-", "") for t in taken}
    # uncatalogued APIs named after their domains (kennasecurity for api.kennasecurity.com)
    squashed_apis = {t.replace("-", "") for t in taken if t not in catalog.services}
    for slug, evs in sorted(modules.items()):
        if not slug or slug in taken or slug in catalog.services or _own(slug, project_name):
            continue
        if slug.replace("-", "") in squashed_taken:
            continue  # `my_mini_factory/` beside www.myminifactory.com: that API is already the service
        if any(_one_edit(slug.replace("-", ""), t) for t in squashed_taken):
            continue  # `q-bittorent/` beside qbittorrent: a misspelt folder of a vendor already found
        if len(slug) >= 5 and any(t.startswith(slug.replace("-", "")) for t in squashed_apis):
            continue  # `integrations/kenna/` beside api.kennasecurity.com: the vendor's short name
        hosts = {v for e in evs for v in (file_vendors or {}).get(e.path, ())}
        squashed = slug.replace("-", "")
        if len(squashed) >= 5 and any(vid.startswith(squashed) or domain.startswith(squashed) for vid, domain in hosts):
            # `integrations/exchange_rate_api_client.rb` calling api.exchangeratesapi.io: the
            # module is the vendor whose host its own file calls, a service already
            continue
        # requests on its own configured base URL in every file that calls another vendor
        # (lemur's `plugins/lemur_acme/` holds one DNS provider per file: PowerDNS on its own
        # API does not make NS1's and UltraDNS's files the folder's own)
        calling = {e.path for e in evs if (file_vendors or {}).get(e.path)}
        own_api = bool(calling) and calling <= {e.path for e in evs if e.get("own_api")}
        if hosts and not own_api and not any(e.kind == HOST for e in evs) and not any(
            squashed in (vid, domain) or domain.startswith(squashed) for vid, domain in hosts
        ):
            # The module's requests all go to another vendor's API (`integrations/aggregator/`
            # calling api.nango.dev): it wraps that vendor, which is the service already.
            continue
        svc = Service(
            id=slug,
            name=slug.replace("-", " ").title(),
            category="external_api",
            purpose="Integration module in the code (not in the catalog)",
        )
        out.append((svc, "configured", sorted(set(evs))))
    return out
