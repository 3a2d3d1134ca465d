"""Plugin families: one class per vendor, all derived from one base, in one folder.

`redash/destinations/slack.py` holds `class Slack(BaseDestination)`, its siblings
`class PagerDuty(BaseDestination)`, `class Mattermost(BaseDestination)`...; a BI tool's
`integrations/Presto.ts` holds `class Presto extends SqlIntegration` beside `Snowflake.ts`
and `BigQuery.ts`. Folder names differ from app to app, the shape does not. A folder's
classes are grouped by the base their chain reaches inside that folder; a group is a vendor
family when it spans several files and several of its members are catalog vendors by
name. Then every member is an integration module of the vendor its class names: the
catalog's service, or, where the member's file calls an API host of that name, an
uncatalogued vendor (members named for a protocol or a format, `Dns`, `Csv`, are no vendor).

Go's families are packages: `drivers/onedrive/`, `drivers/mega/`, `drivers/seafile/`, each
registering itself from its `init()` with one registrar (`op.RegisterDriver`). Sibling packages
that register with the same registrar, several of them named for catalog vendors, are a vendor
family; every other member is a vendor by its package's name (registering with the app's
registry is what a package does to be one of its vendors), save the family's plumbing
(`local/`, `crypt/`, `alias/`) and a variant of another member (`pikpak_share/` beside `pikpak/`).

Runs on the whole scan's evidence (a family is a fact about several files), before the
inventory resolves it; the per-file facts come from the `plugin_classes` detector.
"""

from __future__ import annotations

import posixpath
import re
from collections import defaultdict
from collections.abc import Iterable

from .catalog.index import PRODUCT_COMPANIES, CatalogIndex
from .model import FEATURE, HOST, IMPORT, Evidence
from .paths import SIGN_IN_WORDS, is_sign_in_path, is_test_path
from .names import name_words
from .scan.detectors.module_paths import GENERIC_NAMES
from .scan.detectors.plugin_classes import PLUGIN_CLASS
from .uncatalogued import MODULE_PREFIX, agreed_name, api_slug, squashed_domain

HTTP_CLIENT = "http_client:"  # code_facts' feature of a file that calls an HTTP client

MIN_FILES = 4  # a family spans at least this many sibling files
# ... or this many, every one named for a catalog vendor (`Mysql`, `Mariadb`, `Postgresql` on
# one `AbstractDatabase`: a small family whose every member is a vendor is no coincidence)
MIN_FILES_ALL_KNOWN = 3
MIN_KNOWN = 3  # ... of which at least this many name catalog vendors
SHARE_KNOWN = 0.4  # ... and at least this share of its files

# Words a member's class adds to the vendor's name: its role in the family.
_ROLE_WORDS = frozenset({
    "provider", "transport", "integration", "client", "notifier", "notification", "channel", "adapter",
    "connector", "service", "handler", "webhook", "driver", "api", "sender", "plugin", "bot", "backend",
    "destination", "source", "runner", "query", "importer", "exporter", "gateway", "storage", "ds",
    "datasource", "engine", "http", "https", "rest", "odbc", "jdbc", "v1", "v2", "v3", "impl",
})
# Members named for a format, a language or the family's own plumbing (`CSV`, `Url`, `Script`,
# `QueryResults`, `Email`): generic modules beside the vendors, no vendor themselves.
_NOT_VENDORS = GENERIC_NAMES | frozenset({
    "csv", "tsv", "excel", "xlsx", "json", "xml", "yaml", "url", "uri", "python", "script", "sql", "results",
    "result", "query", "queries", "rss", "atom", "ical", "ics", "html", "text", "plain", "raw", "smtp",
    "generic", "custom", "abstract", "dummy", "sample", "example", "demo", "mixin", "legacy", "other",
    "sparql", "endpoint", "odbc", "jdbc",
    # the WebDAV family's own word (a `dav/` package serving CalDAV and CardDAV): a protocol
    "dav",
    # Linux package formats: an artifact registry's upstream-proxy adapter for RPM or Debian
    # repositories (`remote/adapter/rpm/` beside `npmjs/`, `pypi/`) reads whatever repository URL
    # the user sets; the ecosystems with one public registry are catalog services.
    "rpm", "deb",
})
# Bases of the language or of every class library: their subclasses share no purpose
# (`ClickHouseException(Exception)` in each vendor's file is no family of vendors).
_NOT_FAMILIES = frozenset({
    "object", "Object", "ABC", "Enum", "IntEnum", "StrEnum", "Flag", "TypedDict", "NamedTuple", "Protocol",
    "Generic", "dict", "list", "str", "int", "TestCase", "Thread",
})
_ERRORS = re.compile(r"(?:Error|Exception|Warning)$")
# Members of a package family that layer over the others or stand in for a vendor: a storage
# system's alias, encrypting, union, chunking, caching and virtual backends (rclone's, alist's),
# a template to copy for a new one.
_PLUMBING = frozenset({
    "alias", "crypt", "crypto", "encrypt", "union", "combine", "chunker", "compress", "hasher", "virtual",
    "template", "overlay", "mirror", "proxy", "tool", "tools", "all", "tree",
    # a scratch store on the server's own disk or memory (`tmp/`, `memory/`)
    "tmp", "temp", "memory",
})
# A test double registered beside the vendors (`email/emailmock/`, `noop_sender/`, `fakestorage/`).
_TEST_DOUBLE = re.compile(r"^(?:mock|fake|stub|dummy|noop|null|test)|^nop$|(?:mock|fake|stub|dummy|noop|null)$", re.I)
MIN_PACKAGES = 4  # a Go package family spans at least this many sibling packages
MIN_KNOWN_PACKAGES = 3  # ... of which this many are named for catalog vendors
# A company's short form as a word of a member's name names the company too (`MsTeams`).
_SHORT = {"microsoft": "ms"}
_ABSTRACT = re.compile(r"^(?:Base|Abstract)[A-Z_]|(?:Base|Mixin|Interface|Abstract)$")
# The roles of a family that turns one vendor's data into another shape (its export file, its
# payload): the base's last word (`ImportMapper`, `BaseParser`, `FeedConverter`).
_FORMAT_ROLES = frozenset({"mapper", "parser", "converter", "serializer", "formatter", "transformer", "normalizer"})
_ROOT_LAST = re.compile(r"[A-Z]?[a-z]+$")


def _root(cls: str, bases: dict[str, str]) -> str:
    """The family a class belongs to: the last base its chain of bases reaches, through the
    classes of its folder, before the language's own (`Slack` → BaseDestination → object:
    BaseDestination; `ClickHouse` → BaseSQLQueryRunner → BaseQueryRunner)."""
    chain, cur = [cls], cls
    while cur in bases and bases[cur] not in chain:
        cur = bases[cur]
        chain.append(cur)
    for name in reversed(chain[1:]):
        if name not in _NOT_FAMILIES and not _ERRORS.search(name):
            return name
    return chain[-1]


def _class_words(name: str) -> list[str]:
    """Words of a class or file name, acronyms and versions apart: `SPARQLEndpoint` → sparql,
    endpoint; `GoogleAnalytics4` → google, analytics (`DB2` stays)."""
    words = name_words(re.sub(r"(?<=[A-Z])(?=[A-Z][a-z])", "_", name))
    return [re.sub(r"(?<=[a-z]{3})\d+$", "", w) for w in words]  # `GoogleAnalytics4`: the version apart


def _core(words: list[str], family: set[str]) -> list[str]:
    """A member's name without its role words (`MicrosoftTeamsWebhook` → microsoft, teams)."""
    while words and words[0] in ("base", "abstract"):
        words = words[1:]
    while len(words) > 1 and (words[-1] in _ROLE_WORDS or words[-1] in family):
        words = words[:-1]
    return words


def _vendor(
    cls: str, stem: str, family: set[str], index: CatalogIndex, imported: set[str], hosts: set[str], sign_in: bool,
    vendors: set[str],
) -> tuple[str, str, bool] | None:
    """(slug, catalog id or '', named: whether the catalog id is the member's own name) of a
    member, or None. The catalog's service named by the class
    or file (whole, then without role words: `BigQuery` before big + query; a sign-in family's
    `<name>-oauth`), else the one its file imports the SDK of (`AzureKusto` importing
    azure.kusto.data), else the one its one-word name starts with (`CloudWatchInsights`). A
    name outside the catalog counts only where the file calls an API host of that name:
    members named for a protocol or a device (`Tcp`, `Snmp`, `Dragino`) are no vendor modules."""
    # A catalog service whose own name ends in digits (`Auth0`, `Msg91`): the whole name as
    # written, before its digits are read as a version (`GoogleAnalytics4`) and dropped.
    whole = re.sub(r"[^a-z0-9]", "", cls.lower())
    if re.search(r"[a-z]\d+$", whole):
        sid = (index.sign_in_provider(whole) if sign_in else None) or index.service_titled(whole)
        if sid:
            return sid, sid, True
    cls_words, stem_words = _class_words(cls), _class_words(stem)
    cls_core, stem_core = _core(cls_words, family), _core(stem_words, family)
    for words in (cls_words, cls_core, stem_words, stem_core):
        if not words:
            continue
        squashed = "".join(words)
        sid = index.sign_in_provider(squashed) if sign_in else None
        if sid:
            return sid, sid, True
        if squashed in index.umbrellas:
            return None  # `Google`, `Azure`: which company, not which of its products
        sid = index.service_named(squashed)
        company = sid.split("-", 1)[0] if sid else ""
        if sid and company in PRODUCT_COMPANIES and company not in squashed and _SHORT.get(company) not in words and not any(
            s.split("-", 1)[0] == company for s in vendors
        ):
            # A product's name alone (`CloudStorage` for google-cloud-storage) in a folder that
            # shows nothing of its company (boto3 beside `class Redshift` does): a common noun.
            continue
        if sid:
            return sid, sid, True
    if not cls_core or all(w in _NOT_VENDORS or w in family for w in cls_core):
        return None
    if len(imported) == 1:
        sid = next(iter(imported))
        return sid, sid, False
    if len(cls_core) > 1:
        sid = index.service_leading("".join(cls_core))
        if sid:
            return sid, sid, False
    if sign_in:
        return None  # a sign-in provider outside the catalog: its OAuth settings tell the rest
    # the file's spelling when it names the same word (`risingwave.py`: RisingWave is one name);
    # first the file's whole name, which may spell the vendor's domain whole where role words
    # would cut it (`eod-historical-data.service.ts` calling eodhistoricaldata.com)
    # (the file's name as written first: `napisy24.py` calling napisy24.pl keeps the digits that
    # `_class_words` reads as a version)
    # then the class's whole name before its role words are cut (`CurrencyApiClient` calling
    # api.currencyapi.com is CurrencyAPI, whose brand holds the role word). A candidate that
    # spells the host's name exactly wins over one that only starts with it: `dev.to.provider.ts`
    # calling dev.to is dev-to (`dev`, `to`), not a vendor called "dev-to-provider".
    words = stem_core if "".join(stem_core) == "".join(cls_core) else cls_core
    candidates = [c for c in (name_words(stem), stem_words, cls_words, words) if c]
    for exact in (True, False):
        for candidate in candidates:
            for host in sorted(hosts):
                if exact and "".join(candidate) not in (api_slug(host).replace("-", ""), squashed_domain(host)):
                    continue
                agreed = agreed_name("-".join(candidate), host)
                if agreed:
                    return agreed, "", False
    return None




# A JVM source root: `notification/publishing/src/main/java/org/acme/publishing/slack/`. What follows
# it is the class's package, the same in every Maven or Gradle module that adds to it.
_JVM_SOURCE_ROOT = re.compile(r"^(?:.*/)?src/main/(?:java|kotlin)/")


def _squashed(name: str) -> str:
    return re.sub(r"[^a-z0-9]", "", name.lower())


def _family_folder(path: str, cls: str) -> str:
    """The folder whose classes a member is grouped with: its own, or, where each vendor has a
    package of its own named for it (`publishing/slack/SlackNotificationPublisher.java` beside
    `publishing/msteams/MsTeamsNotificationPublisher.java`, Java's usual layout), the folder
    above, the package that holds the vendors' packages. A JVM package is one folder however many
    modules add to it (`vuln-analysis/snyk/src/main/java/org/acme/vulnanalysis/snyk/` and
    `vuln-analysis/trivy/src/main/java/org/acme/vulnanalysis/trivy/`): there the group is the
    package, not the module's path."""
    folder = posixpath.dirname(path)
    own = _squashed(posixpath.basename(folder))
    if len(own) < 3 or own in GENERIC_NAMES or not _squashed(cls).startswith(own) or _squashed(cls) == own:
        return folder
    parent = posixpath.dirname(folder)
    m = _JVM_SOURCE_ROOT.match(parent + "/")
    return "jvm:" + parent[m.end():] if m else parent


def _package_services(package: str, file_services: dict[str, set[str]], name: str) -> str | None:
    """The one catalog service whose SDK or API host a member package's files use and whose id
    its name leads, word for word (`google_photo/` calling photoslibrary.googleapis.com is
    google-photos, `s3/` importing the AWS SDK's s3 aws-s3); not another vendor's upload leg (a
    cloud drive's package uploading through Alibaba OSS). A name abbreviating the service's id
    counts too (`psql/` opening lib/pq is postgresql, `gdrive/` google-drive, `samba/` smb): the
    package's own SDK use confirms the abbreviation."""
    squashed = re.sub(r"[^a-z0-9]", "", name.lower())
    found = {
        sid for path, sids in file_services.items() if posixpath.dirname(path) == package for sid in sids
        if any("".join(sid.split("-")[i:]).startswith(squashed) for i in range(len(sid.split("-"))))
        or _abbreviates(squashed, sid.replace("-", ""))
    } if len(squashed) >= 2 else set()
    return found.pop() if len(found) == 1 else None


def _without_shared_prefix(names: dict[str, str]) -> dict[str, str]:
    """Member package names without the leading words every member shares: a plugin system that
    names its packages role first (`plg_backend_s3/`, `plg_backend_dropbox/`, `plugin-slack/`)
    puts the vendor after the role words, as `connector-<vendor>` packages do. Unchanged when
    any member's name is nothing but that prefix or the members share no leading word."""
    values = list(names.values())
    prefix = posixpath.commonprefix([v.lower() for v in values])
    cut = max(prefix.rfind(c) for c in "_-.") + 1
    if cut <= 0 or any(len(v) <= cut for v in values):
        return names
    return {package: name[cut:] for package, name in names.items()}


def _abbreviates(short: str, long: str) -> bool:
    """`psql` of postgresql, `gdrive` of googledrive, `smb` of samba: the same first letter and
    every letter of the shorter name in order in the longer one."""
    if len(short) > len(long):
        short, long = long, short
    if len(short) < 3 or short[0] != long[0]:
        return False
    it = iter(long)
    return all(ch in it for ch in short)


def _package_families(
    registrations: list[Evidence], index: CatalogIndex, project_name: str, file_services: dict[str, set[str]],
) -> list[Evidence]:
    """Members of Go package families: sibling packages registering with one registrar in
    their `init()`, three or more of them named for catalog vendors (their package's name or
    the type they register, `google_drive` or `GoogleDrive`)."""
    groups: dict[tuple[str, str], dict[str, Evidence]] = defaultdict(dict)
    for e in sorted(registrations):
        package = posixpath.dirname(e.path)
        if package:
            groups[(posixpath.dirname(package), e.get("base"))].setdefault(package, e)
    out: list[Evidence] = []
    for (_, registrar), members in sorted(groups.items()):
        if len(members) < MIN_PACKAGES:
            continue
        names = _without_shared_prefix({package: posixpath.basename(package) for package in members})
        known: dict[str, str] = {}
        for package, e in members.items():
            for cand in (names[package], e.get("class")):
                words = _core(_class_words(cand), set())
                # (a vendor named with an everyday word counts: a package that registers itself
                # with the app's registry is named so on purpose, `offline_download/transmission/`)
                sid = index.service_named(cand) or (index.service_named("".join(words)) if words else None)
                if sid:
                    known[package] = sid
                    break
        if len(known) < MIN_KNOWN_PACKAGES:
            continue  # the app's own packages that register themselves (migrations, event handlers)
        variants: dict[str, list[str]] = defaultdict(list)  # member package -> its variants' packages
        for package in sorted(members):
            name = names[package]
            base = next((
                other for other in sorted(members, key=lambda p: -len(names[p]))
                if other != package and name.lower().startswith(names[other].lower() + "_")
            ), None)
            if base is not None:
                variants[base].append(package)
        for package, e in sorted(members.items()):
            name = names[package]
            if any(package in vs for vs in variants.values()):
                continue  # a variant of another member (`pikpak_share/`, `onedrive_app/`): that vendor's
            sid = known.get(package) or _package_services(package, file_services, name)
            if sid is None:
                words = _core(_class_words(name), set())
                if not words or all(w in _NOT_VENDORS or w in _PLUMBING for w in words) or _TEST_DOUBLE.search(name):
                    continue
                slug = "-".join(words)
                if _own_name(slug, project_name):
                    continue
            else:
                slug = sid
            out.append(Evidence(
                path=e.path, line=e.line, kind=FEATURE, name=MODULE_PREFIX + slug, service=sid or "",
                # the member's packages, its variants' too: every file there is the vendor's code
                # (`uncatalogued_apis` reads them to name the API hosts only that member calls)
                detail=(("module", slug), ("class", e.get("class")), ("family", registrar),
                        ("packages", " ".join([package, *variants.get(package, ())]))),
            ))
    return out


def _registry_members(members: list[Evidence], family: set[str], index: CatalogIndex) -> dict[int, tuple[str, str, bool]]:
    """Members of a family of package ecosystems, by the registry each reads: `GemMetaAnalyzer`,
    `CargoMetaAnalyzer`, `PypiPackageMetadataResolver`, Renovate's `PypiDatasource`, one class per
    ecosystem on one base, each reading its ecosystem's registry for package metadata (latest
    versions, publish dates) on a default URL the app configures elsewhere (an enum of default
    repositories: `"https://rubygems.org/"`, a site's bare root that is a link anywhere else).
    Their names are the ecosystem's words (`gem`, `cargo`, `composer`), not the registry's: the
    catalog's `registry_for` maps them, here only, where several siblings name ecosystems (a
    folder `composer/` is an editor's message composer, `hex/` a colour helper). Empty when fewer
    than MIN_KNOWN distinct registries are named."""
    out: dict[int, tuple[str, str, bool]] = {}
    for e in members:
        stem = posixpath.basename(e.path).rsplit(".", 1)[0]
        for words in (_core(_class_words(e.get("class")), family), _core(_class_words(stem), family)):
            sid = index.registries.get("".join(words)) if words else None
            if sid:
                out[id(e)] = (sid, sid, True)
                break
    return out if len({sid for sid, _, _ in out.values()}) >= MIN_KNOWN else {}


def _module_file(module: str, paths: Iterable[str]) -> str | None:
    """The file of a dotted module among the scan's paths: `dispatch.plugins.dispatch_zoom.plugin`
    is `src/dispatch/plugins/dispatch_zoom/plugin.py` (or its package's `__init__.py`)."""
    tail = module.replace(".", "/")
    for suffix in (tail + ".py", tail + "/__init__.py"):
        found = sorted(p for p in paths if p == suffix or p.endswith("/" + suffix))
        if found:
            return found[0]
    return None


def _entry_point_families(
    groups: dict[tuple[str, str], list[Evidence]], classes: dict[str, list[Evidence]], index: CatalogIndex,
    hosts: dict[str, set[str]], vendors: dict[str, set[str]],
) -> list[Evidence]:
    """Members of Python entry-point families: the classes one group of a package's entry points
    names (`[project.entry-points."dispatch.plugins"]`), in four or more modules, three or more
    of them (and a share of the modules) named for catalog vendors. Each member is found at its
    class, in the module the entry names (else at the entry), and named without the words of its
    base (`ZoomConferencePlugin(ConferencePlugin)` is Zoom); the entry's name helps name it."""
    out: list[Evidence] = []
    for (_, group), members in sorted(groups.items()):
        modules = {e.get("module") for e in members}
        if len(modules) < MIN_FILES:
            continue
        family = set(_class_words(group.replace(".", "_"))) - {"base", "abstract"}
        located: dict[Evidence, Evidence] = {}
        for e in members:
            candidates = classes.get(e.get("class"), [])
            path = _module_file(e.get("module"), {c.path for c in candidates})
            located[e] = next((c for c in candidates if c.path == path), e)
        folder_vendors = {sid for at in located.values() for sid in vendors.get(at.path, ())}
        named = []
        for e in members:
            at = located[e]
            # the words of its own base are its role (`ZoomConferencePlugin(ConferencePlugin)`)
            role = family | (set(_class_words(at.get("base"))) if at is not e else set())
            # (not by its module's one SDK: a vendor's plugin module imports its neighbour's,
            # Confluence's the Atlassian client that Jira's uses too; its name says which)
            found = _vendor(e.get("class"), e.get("entry_point"), role, index, set(), hosts.get(at.path, set()),
                            False, folder_vendors)
            if found:
                named.append((e, at, *found))
        known = {e.get("module") for e, _, _, sid, own in named if own and not index.catalog.services[sid].word_name}
        if len(known) < MIN_KNOWN or len(known) < SHARE_KNOWN * len(modules):
            continue  # an app's own extension points (commands, checks, exporters)
        out += _member_records([(at, e.get("class"), slug, sid) for e, at, slug, sid, _ in named], group)
    return out


def _member_records(named: list[tuple[Evidence, str, str, str]], family: str) -> list[Evidence]:
    """Integration-module evidence for a family's named members, (where, class, slug, service):
    one per file and vendor."""
    out: list[Evidence] = []
    seen: set[tuple[str, str]] = set()
    for at, cls, slug, sid in named:
        if (at.path, slug) in seen:
            continue
        seen.add((at.path, slug))
        out.append(Evidence(
            path=at.path, line=at.line, kind=FEATURE, name=MODULE_PREFIX + slug, service=sid,
            detail=(("module", slug), ("class", cls), ("family", family)),
        ))
    return out


def _auth_of_sibling(family: set[str], root_words: dict[str, set[str]]) -> bool:
    """Whether a family named for signing in is the credentials step of a sibling family of
    the same folder, its name the sibling's and an auth word (`GitHubAuthForm(BaseHostingServiceAuthForm)`
    beside `GitHub(BaseHostingService)`): the form where a user links an account of each vendor
    the sibling family calls, so its members are those vendors' APIs, not sign-ins to the app."""
    return any(
        words and words < family and not words & SIGN_IN_WORDS
        for words in root_words.values()
    )


def _own_name(slug: str, project_name: str) -> bool:
    """`alist_v3/` in alist: a member that mounts the application itself."""
    project = re.sub(r"[^a-z0-9]", "", project_name.lower())
    return len(project) >= 4 and slug.replace("-", "").startswith(project)


def family_modules(evidence: Iterable[Evidence], index: CatalogIndex, project_name: str = "") -> list[Evidence]:
    """Integration-module evidence for every member of every vendor family of the scan."""
    by_folder: dict[str, list[Evidence]] = defaultdict(list)
    registrations: list[Evidence] = []
    entry_points: dict[tuple[str, str], list[Evidence]] = defaultdict(list)  # (manifest, group) -> entries
    classes: dict[str, list[Evidence]] = defaultdict(list)  # class name -> its declarations
    imports: dict[str, set[str]] = defaultdict(set)  # file -> catalog services whose SDK it imports
    vendors: dict[str, set[str]] = defaultdict(set)  # file -> catalog services it imports or calls, umbrellas too
    hosts: dict[str, set[str]] = defaultdict(set)  # file -> API hosts outside the catalog it names
    host_services: dict[str, set[str]] = defaultdict(set)  # file -> catalog APIs (not sign-ins) it calls
    requesting: set[str] = set()  # files that call an HTTP client or name an API host
    for ev in evidence:
        if ev.kind == FEATURE and ev.name.startswith(PLUGIN_CLASS) and ev.get("entry_point"):
            if not is_test_path(ev.path):
                entry_points[(ev.path, ev.get("base"))].append(ev)
        elif ev.kind == FEATURE and ev.name.startswith(PLUGIN_CLASS) and ev.get("package") == "1":
            if not is_test_path(ev.path):
                registrations.append(ev)
        elif ev.kind == FEATURE and ev.name.startswith(PLUGIN_CLASS):
            by_folder[_family_folder(ev.path, ev.get("class"))].append(ev)
            classes[ev.get("class")].append(ev)
        elif ev.kind == FEATURE and ev.name.startswith(HTTP_CLIENT):
            requesting.add(ev.path)
        elif ev.kind == IMPORT:
            hits = index.import_(ev.ecosystem, ev.name)
            imports[ev.path].update(sid for sid, weak in hits if not weak)
            vendors[ev.path].update(sid for sid, _ in hits)
        elif ev.kind == HOST:
            requesting.add(ev.path)
            sid = ev.service or index.host(ev.name)
            if sid:
                vendors[ev.path].add(sid)
                if sid in index.catalog.services and index.catalog.services[sid].category != "oauth":
                    host_services[ev.path].add(sid)
            else:
                hosts[ev.path].add(ev.name)
    file_services: dict[str, set[str]] = defaultdict(set)  # file -> catalog SDKs it imports, APIs it calls
    for path, sids in imports.items():
        file_services[path] |= sids
    for path, sids in host_services.items():
        file_services[path] |= sids
    out: list[Evidence] = _package_families(registrations, index, project_name, file_services)
    out += _entry_point_families(entry_points, classes, index, hosts, vendors)
    for folder in sorted(by_folder):
        evs = by_folder[folder]
        bases: dict[str, str] = {}
        for e in evs:
            bases.setdefault(e.get("class"), e.get("base"))
        families: dict[str, list[Evidence]] = defaultdict(list)
        for e in evs:
            cls = e.get("class")
            if _ABSTRACT.search(cls) or e.get("abstract") == "1":
                continue
            base = bases[cls]
            if base in bases and cls.startswith(base) and not _ABSTRACT.search(base):
                continue  # a variant of a member (`HiveHttp(Hive)`, `RedshiftIAM(Redshift)`)
            families[_root(cls, bases)].append(e)
        # The families' words, for telling a sign-in family from another family's credentials step.
        root_words = {
            root: set(_class_words(root)) - {"base", "abstract"} for root, members in families.items()
            if root not in _NOT_FAMILIES and not _ERRORS.search(root) and len({e.path for e in members}) >= MIN_FILES_ALL_KNOWN
        }
        for root, members in sorted(families.items()):
            files = {e.path for e in members}
            if len(files) < MIN_FILES_ALL_KNOWN or root in _NOT_FAMILIES or _ERRORS.search(root):
                continue
            family = set(_class_words(root)) - {"base", "abstract"}
            sign_in = is_sign_in_path(folder) or (bool(family & SIGN_IN_WORDS) and not _auth_of_sibling(family, root_words))
            named = []
            folder_vendors = {sid for path in files for sid in vendors.get(path, ())}
            for e in members:
                stem = posixpath.basename(e.path).rsplit(".", 1)[0]
                found = _vendor(e.get("class"), stem, family, index, imports.get(e.path, set()),
                                hosts.get(e.path, set()), sign_in, folder_vendors)
                if found:
                    named.append((e, *found))
            role = _ROOT_LAST.search(root)
            if role and role.group(0).lower() in _FORMAT_ROLES:
                # A family of mappers, parsers or converters (`FathomMapper implements ImportMapper`,
                # one per analytics tool whose CSV export the app imports) reads or writes each
                # vendor's data format: a member that makes no request of its own talks to no vendor.
                named = [n for n in named if n[0].path in requesting]
            # A family of package ecosystems that makes requests reads their registries.
            registries = _registry_members(members, family, index) if any(e.path in requesting for e in members) else {}
            if registries:
                named = [n for n in named if id(n[0]) not in registries] + [
                    (e, *registries[id(e)]) for e in members if id(e) in registries
                ]
            # Only members named for a catalog vendor vouch for the family (not one found through
            # its file's imports: every model file of an app imports its database's driver),
            # and no vendor named with an everyday word (`Threads`, `Monitor`); so does a member
            # named for the API host its own file calls (`Addic7edProvider` in addic7ed.py calling
            # www.addic7ed.com): a family of scrapers or subtitle sites the catalog never heard of
            # is as much one as a family of notifiers, and shows it the same way, one site per file.
            known = {e.path for e, _, sid, own in named if own and not index.catalog.services[sid].word_name}
            known |= {e.path for e, _, sid, _ in named if not sid}
            if len(known) < MIN_KNOWN or len(known) < SHARE_KNOWN * len(files):
                continue  # the app's own classes of one kind (models, views, commands, device protocols)
            if len(files) < MIN_FILES and len(known) < len(files):
                continue  # a small family counts only when each of its members names a vendor
            out += _member_records([(e, e.get("class"), slug, sid) for e, slug, sid, _ in named], root)
            out += _requesting_members(members, {id(n[0]) for n in named}, family, index, root, project_name)
    return out


def _requesting_members(
    members: list[Evidence], named: set[int], family: set[str], index: CatalogIndex, root: str, project_name: str,
) -> list[Evidence]:
    """The members of a proven vendor family that no catalog service or API host names, but
    whose own file makes requests (`requests` of plugin_classes: a verb method called on a URL):
    each is one more vendor, named by its class, as every member of a Go package family is by its
    package. A family of site scrapers (`Source::Extractor::Booth`, `::Lofter`, `::Zerochan`, one
    per file, each fetching its site through the base's `parsed_get`) is proven by its catalog
    members (Twitter, Reddit, Pixiv); the rest are sites the catalog never heard of, whose URLs
    the file builds from parts, so no host names them. Not a member that makes no request (a
    family of URL parsers beside it, one class per site it only recognises), nor one named for a
    format, the family's plumbing, a company umbrella (`Google`) or the application itself. The
    member's file counts as its package: an unknown API domain only it calls is that vendor's
    (api.dotpicko.net for `Dotpict`)."""
    out: list[Evidence] = []
    seen: set[str] = set()
    # the vendors the family's other members name: `PixivSketch` beside `Pixiv`, `NaverBlog` beside
    # `NaverCafe` (named naver for cafe.naver.com) are a known vendor's other products
    vendors = {posixpath.basename(e.path).rsplit(".", 1)[0].replace("_", "-") for e in members if id(e) in named}
    vendors |= {"-".join(_core(_class_words(e.get("class")), family)) for e in members if id(e) in named}
    for e in members:
        if id(e) in named or e.get("requests") != "1" or e.path in seen:
            continue
        # (digits kept: `Rule34DotUs` is rule34, no version of a `rule`)
        whole = name_words(re.sub(r"(?<=[A-Z])(?=[A-Z][a-z])", "_", e.get("class")))
        words = _core(whole, family)
        stem_words = name_words(posixpath.basename(e.path).rsplit(".", 1)[0])
        if "".join(stem_words) == "".join(whole):
            # the file spells the class whole: `onebot.js` for `OneBot` is OneBot, not "one"; the
            # file's own separate role words still go when one name is left (`hubot_service.rb` for
            # `HubotService` is Hubot), not from a name of several words (`call-me-bot.js` is
            # CallMeBot, a brand ending in a role word, not "call-me")
            core = _core(stem_words, family)
            words = core if len(core) == 1 else stem_words
        if any("-".join(words).startswith(v + "-") for v in vendors if v):
            continue
        if not words or all(w in _NOT_VENDORS or w in _PLUMBING or w in family for w in words):
            continue
        if _TEST_DOUBLE.search(e.get("class")) or "".join(words) in index.umbrellas:
            continue
        slug = "-".join(words)
        if _own_name(slug, project_name):
            continue
        seen.add(e.path)
        out.append(Evidence(
            path=e.path, line=e.line, kind=FEATURE, name=MODULE_PREFIX + slug, service="",
            detail=(("module", slug), ("class", e.get("class")), ("family", root), ("packages", e.path)),
        ))
    return out
