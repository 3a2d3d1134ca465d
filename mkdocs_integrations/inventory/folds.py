"""Folds: evidence that names one service but shows another's use is moved to that one.

A module named for a vendor that posts to another vendor's API, a MySQL driver talking to the
MariaDB the app runs, a bucket setting in a file that uses S3: each moves evidence between
services, or joins a service-less fact to the services of its file, before strengths are judged.
"""

from __future__ import annotations

import posixpath
from collections import defaultdict

from ..catalog import Catalog
from ..catalog.index import PRODUCT_COMPANIES
from ..model import BUCKET, CALL, ENV_DECL, ENV_READ, EVENT, FEATURE, HOST, IMAGE, IMPORT, PACKAGE, SCOPE, TEMPLATE, Evidence
from ..paths import is_sign_in_path, is_test_path, is_tooling_path
from ..uncatalogued import MODULE_PREFIX
from ..usage import shows_use


def drop_overridden_defaults(per_service: dict[str, list[Evidence]], facts: list[Evidence]) -> None:
    """A library's default vendor (the geocoder gem's Nominatim, `library_defaults`) is what the
    app calls only while no file of the app picks another: a non-test file that sets the
    library's choice (`Geocoder.configure(lookup: :google)`, even to an env-selected one) drops
    the default's evidence. A service left with nothing is not kept."""
    overridden = {
        f.name.split(":", 1)[1] for f in facts
        if f.kind == FEATURE and f.name.startswith("default_overridden:") and not is_test_path(f.path)
    }
    if not overridden:
        return
    for sid in list(per_service):
        kept = [e for e in per_service[sid] if e.get("default_of") not in overridden]
        if len(kept) != len(per_service[sid]):
            if kept:
                per_service[sid] = kept
            else:
                del per_service[sid]


# Evidence kinds a table of data yields: its URLs' hosts, the catalog's call patterns on them
# (an authorize URL is the "OAuth flow"), its scope strings.
_TABLE_KINDS = frozenset({HOST, CALL, SCOPE})


def drop_preset_tables(
    per_service: dict[str, list[Evidence]], other_hosts: dict[str, list[Evidence]], facts: list[Evidence],
) -> None:
    """A table of OAuth provider presets (code_facts' `preset_table:oauth`: the authorize and
    token URLs an admin's OAuth form is prefilled with for Google, GitHub, Discord, Azure...)
    is a menu of what each customer may configure with their own client, not the app's sign-in
    nor a call of those vendors' APIs: the hosts, calls and scopes found inside its lines are
    dropped, and a service left with nothing is not kept (it is the generic OIDC sign-in the
    configurator runs, shown by its own code)."""
    spans: dict[str, list[tuple[int, int]]] = defaultdict(list)
    for f in facts:
        if f.kind == FEATURE and f.name == "preset_table:oauth" and f.get("end").isdigit():
            spans[f.path].append((f.line, int(f.get("end"))))
    if not spans:
        return

    def inside(e: Evidence) -> bool:
        return e.kind in _TABLE_KINDS and any(lo <= e.line <= hi for lo, hi in spans.get(e.path, ()))

    facts[:] = [f for f in facts if not inside(f)]
    for table in (per_service, other_hosts):
        for key in list(table):
            kept = [e for e in table[key] if not inside(e)]
            if len(kept) != len(table[key]):
                if kept:
                    table[key] = kept
                else:
                    del table[key]


def drop_modules_through_other_vendors(per_service: dict[str, list[Evidence]], catalog: Catalog) -> None:
    """A catalog vendor's integration module whose requests all go to another vendor's API
    (healthchecks' `integrations/whatsapp/` posting to api.twilio.com) delivers through that
    vendor, which is the service: with nothing else naming it, the module's vendor is not one.
    (The same rule as for uncatalogued modules, see `uncatalogued_modules`.) An identity
    platform's host is no such API: a storage driver refreshing its OAuth token at
    login.microsoftonline.com (a WebDAV driver's SharePoint sign-in) still talks to its own vendor."""
    file_hosts: dict[str, set[str]] = defaultdict(set)
    line_hosts: dict[str, list[tuple[int, str]]] = defaultdict(list)
    for sid, evs in per_service.items():
        svc = catalog.services.get(sid)
        if svc is not None and svc.category in ("oauth", "auth_provider"):
            continue
        for e in evs:
            if e.kind == HOST and not is_test_path(e.path):
                file_hosts[e.path].add(sid)
                line_hosts[e.path].append((e.line, sid))
    for sid in sorted(per_service):
        shown = [e for e in per_service[sid] if shows_use(e)]
        if not shown or any(not (e.kind == FEATURE and e.name.startswith(MODULE_PREFIX)) for e in shown):
            continue
        # A vendor's branch over an enum of vendors (`vendor_arms`, one file holding every
        # vendor's branch and host) calls through another vendor only with that host inside it.
        called = {
            _vendor(other) for e in shown
            for other in (
                {o for line, o in line_hosts.get(e.path, ()) if e.line <= line <= int(e.get("arm_end"))}
                if e.get("arm_end") else file_hosts.get(e.path, ())
            )
        }
        if called and _vendor(sid) not in called and not _same_company(sid, called, catalog):
            del per_service[sid]


def drop_company_modules_of_products(
    modules: dict[str, list[Evidence]], used: dict[str, list[Evidence]], catalog: Catalog
) -> None:
    """A module named for a many-product company (`integrations/google/`, `google.py`) whose
    files use that company's catalogued products (Speech-to-Text, Translation, Cloud Storage
    clients) is those products' code: the company's bare name is no vendor of its own there.
    `modules`: uncatalogued module slug -> evidence; `used`: catalogued service id -> evidence."""
    for slug in sorted(modules):
        if slug not in PRODUCT_COMPANIES:
            continue
        folders = {e.get("folder") for e in modules[slug]} - {None, ""}
        files = {e.path for e in modules[slug] if not e.get("folder")}

        def inside(path: str) -> bool:
            return path in files or any(path.startswith(f + "/") for f in folders)

        if any(
            sid != slug and _company(sid, catalog) == slug and any(shows_use(e) and inside(e.path) for e in evs)
            for sid, evs in used.items()
        ):
            del modules[slug]


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


def _alone_call(e: Evidence) -> bool:
    """A call the catalog marks as proving its service on its own (`alone: true`)."""
    return e.kind == CALL and ("alone", "1") in e.detail


def fold_bare_hosts(per_service: dict[str, list[Evidence]], catalog: Catalog) -> dict[str, str]:
    """A product whose host its vendor's API shares (`bare_host`): Meta serves Facebook Login's
    graph.facebook.com and the Pixel's connect.facebook.net to every Graph API call and to its
    JavaScript SDK (`$.getJSON('https://graph.facebook.com/?id=' + url)` reading a page's share
    count, `connect.facebook.net/en_GB/sdk.js` for the page plugin). A sign-in needs its app's
    credentials and a provider, a Pixel its `fbq('init')`: when the shared host is all there is of
    the product (no package, env, call), and not in a file about signing in nor in an OAuth
    authorize URL, it is the vendor's API. Returns {folded id: API id}."""
    folded: dict[str, str] = {}
    for sid in sorted(per_service):
        svc = catalog.services.get(sid)
        api = svc.bare_host if svc is not None else ""
        if not api or api not in catalog.services:
            continue
        shown = [e for e in per_service[sid] if shows_use(e) and e.kind not in FILE_FACTS]
        if shown and all(
            e.kind == HOST and e.get("authorize") != "1" and not is_sign_in_path(e.path) for e in shown
        ):
            per_service[api].extend(per_service.pop(sid))
            folded[sid] = api
    return folded


# Service-less facts joined to the services of their file (`join_file_facts`): a disk's
# `'visibility'` key read as a bucket setting describes the disks of that config file, whichever.
FILE_FACTS = frozenset({BUCKET, SCOPE, EVENT, TEMPLATE})


def fold_protocol_clients(per_service: dict[str, list[Evidence]], catalog: Catalog) -> dict[str, str]:
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
        # A call pattern that proves its service alone (a dataset's download URL on a shared
        # host, `github.com/<owner>/<dataset>/releases/...`) is the speaker's own use, as a host
        # of its own is, not a client library of its own beside the other's.
        if not own or all(e.kind in _CLIENT_KINDS and not _alone_call(e) for e in own):
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
            # An app that builds its own image on the speaker's (azuracast's Dockerfile `FROM
            # mariadb:lts-noble`, the database bundled in) is configured with those names from
            # its env files too (`MYSQL_HOST`, `MYSQL_ROOT_PASSWORD` in azuracast.sample.env):
            # there, env names alone are the speaker's wherever they are declared.
            # An env file that the speaker's compose service loads (`env_file: .env` beside
            # `image: mariadb`) holds that container's variables likewise.
            image_files = {e.path for e in per_service[sid] if e.kind == IMAGE} | _env_files_loaded_by(
                per_service, sid)
            builds_on = any(e.kind == IMAGE and e.get("dockerfile") == "1" and not is_test_path(e.path)
                            and not is_tooling_path(e.path) for e in per_service[sid])
            if used and (all(e.kind in _CLIENT_KINDS for e in used)
                         or all(e.kind == ENV_DECL and e.path in image_files for e in used)
                         or (builds_on and all(e.kind == ENV_DECL for e in used))):
                per_service[sid].extend(per_service.pop(other))
                folded[other] = sid
    return folded


def _env_files_loaded_by(per_service: dict[str, list[Evidence]], sid: str) -> set[str]:
    """The env files (paths from the project root) that a compose service running one of the
    service's images loads through `env_file:` (the compose detector's `env_file:<path>`
    features, each naming the compose service that lists it)."""
    runs = {(e.path, e.get("compose_service")) for e in per_service[sid] if e.kind == IMAGE and e.get("compose_service")}
    if not runs:
        return set()
    loaded: set[str] = set()
    for e in per_service.get("docker", ()):
        if e.kind == FEATURE and e.name.startswith("env_file:") and (e.path, e.get("compose_service")) in runs:
            rel = e.name.split(":", 1)[1]
            loaded.add(posixpath.normpath(posixpath.join(posixpath.dirname(e.path), rel)))
    return loaded


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


def join_file_facts(facts: list[Evidence], per_service: dict[str, list[Evidence]], catalog: Catalog) -> None:
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
