"""Which side owns OAuth evidence: signing in with a vendor, or calling the vendor's API.

A vendor's host, env vars and SDK can serve either: `api.box.com/2.0/users/me` in the app's
sign-in code is the sign-in's own user-info call, `DISCORD_CLIENT_ID` inside a Discord
integration module authorizes that integration. Each fold below settles one such case and
returns what it moved, so env vars and webhooks can follow their evidence. The resolution
(inventory) runs them in a fixed order: sign-in providers and their client files first, then
the folds that read the whole picture (integration OAuth, issuer hosts, shared hosts).
"""

from __future__ import annotations

import posixpath
import re
from collections import defaultdict

from .catalog import Catalog, Service
from .catalog.index import CatalogIndex
from .model import CALL, CI_SECRET, ENV_DECL, ENV_READ, FEATURE, HOST, IMPORT, PACKAGE, SCOPE, Evidence
from .paths import is_sign_in_path, is_test_path
from .names import name_words
from .scan.detectors.oauth_clients import SIGN_IN_CLIENT
from .uncatalogued import MODULE_PREFIX, api_slug
from .usage import shows_use


# OAuth calls that only authorize access (an authorize URL, an app install), as opposed to
# a sign-in library's provider configuration ("GitHub provider").
_AUTHORIZATION_ONLY = frozenset({"OAuth flow", "app installation", "authorization code flow"})
_OAUTH_ONLY_KINDS = frozenset({CALL, ENV_READ, ENV_DECL, CI_SECRET, HOST, FEATURE, SCOPE})


def _authorization_only_vendor(sid: str, evs: list[Evidence], catalog: Catalog) -> str | None:
    """The vendor a sign-in service is named for (`microsoft-oauth` → `microsoft`) when its
    evidence only authorizes (OAuth hosts, flows, env vars) and no sign-in library or provider
    is configured; None otherwise: then it is sign-in, whatever else the app does with the vendor."""
    svc = catalog.services.get(sid)
    if svc is None or svc.category != "oauth":
        return None
    vendor = sid.removesuffix("-oauth").removesuffix("-login")
    if vendor == sid:
        return None
    if {e.kind for e in evs} - _OAUTH_ONLY_KINDS or {e.name for e in evs if e.kind == CALL} - _AUTHORIZATION_ONLY:
        return None  # a sign-in library or provider is configured: this is sign-in
    return vendor


def fold_integration_oauth(per_service: dict[str, list[Evidence]], catalog: Catalog) -> dict[str, str]:
    """OAuth credentials of a vendor whose API the app uses, with no sign-in library
    configured and the OAuth flow running inside the app's integration module for that
    vendor, authorize the integration (healthchecks' DISCORD_CLIENT_ID adds a Discord
    webhook in hc/integrations/discord/; nobody signs in with Discord there): the evidence
    joins the API service instead of reading as "Sign in with Discord".
    Returns {folded id: API id}."""
    folded: dict[str, str] = {}
    for sid in sorted(per_service):
        evs = per_service[sid]
        api = _authorization_only_vendor(sid, evs, catalog)
        if api is None or api not in per_service or api not in catalog.services:
            continue
        # ...and the authorization happens inside the code's integration module for the vendor.
        module_files = {e.path for e in per_service[api] if e.kind == FEATURE and e.name.startswith(MODULE_PREFIX)}
        flows = [e for e in evs if e.kind == CALL and not is_test_path(e.path)]
        if not flows:
            # No OAuth call at all: the client credentials are read beside the vendor's API calls.
            module_files |= {e.path for e in per_service[api] if e.kind in (HOST, CALL, IMPORT)}
            flows = [e for e in evs if e.kind == ENV_READ and not is_test_path(e.path)]
        if not flows or any(e.path not in module_files for e in flows):
            continue
        per_service[api].extend(evs)
        del per_service[sid]
        folded[sid] = api
    return folded


# Role words a class or file named for a vendor's product ends with (`TeamsService.cs`,
# `gmail_client.py`, `PubSubIntegration.ts`).
_PRODUCT_FILE_ROLES = frozenset({"service", "client", "integration", "connector", "api"})


def _product_named_by(path: str, index: CatalogIndex) -> str | None:
    """The catalog service a file's name stands for with a role word after it: `TeamsService.cs`
    → microsoft-teams, `gmail_client.py` → google-gmail. A name with more words than the
    product's (`GoogleAuthService`, `TeamsLoginService`) names none."""
    stem = posixpath.basename(path).split(".", 1)[0]
    words = name_words(stem)
    roles = 0
    while words and words[-1] in _PRODUCT_FILE_ROLES:
        words, roles = words[:-1], roles + 1
    return index.service_named("".join(words)) if roles and words else None


def fold_product_named_flows(
    per_service: dict[str, list[Evidence]], catalog: Catalog, index: CatalogIndex,
) -> dict[str, str]:
    """A company's identity platform's OAuth flow (Microsoft's
    login.microsoftonline.com/common/oauth2/v2.0/authorize) run only inside a class or file named
    for one of that company's products the app uses (`TeamsService.cs` connecting an
    organization's Microsoft Teams; `GmailService` for Gmail) is that product's integration grant:
    nobody signs in there. The sign-in service joins the product (`microsoft-oauth` →
    `microsoft-teams`). Only a product other than the company itself (a `GithubService` running
    GitHub's OAuth flow may well sign users in), never in a sign-in path, and only when every flow
    runs in such a file (the identity host's default in the settings class may sit elsewhere).
    Returns {folded id: product id}."""
    folded: dict[str, str] = {}
    for sid in sorted(per_service):
        evs = per_service[sid]
        company = _authorization_only_vendor(sid, evs, catalog)
        if company is None:
            continue
        shown = [e for e in evs if shows_use(e) and e.kind != SCOPE and not is_test_path(e.path)]
        flows = [e for e in shown if e.kind == CALL]
        if not flows or any(is_sign_in_path(e.path) for e in shown):
            continue
        products = {_product_named_by(e.path, index) for e in flows}
        if len(products) != 1:
            continue
        (product,) = products
        psvc = catalog.services.get(product) if product else None
        if (
            psvc is None or product not in per_service or psvc.category in ("oauth", "auth_provider")
            or not product.startswith(f"{company}-")
        ):
            continue
        per_service[product].extend(per_service.pop(sid))
        folded[sid] = product
    return folded


def _env_schema_file(path: str) -> bool:
    """env.ts, env.mjs, packages/env/src/index.ts: the app's settings with their defaults
    (`GITLAB_BASE_URL: z.string().default("https://gitlab.com")`), not code that calls out."""
    return "env" in re.split(r"[/._-]+", path.lower())


# The app's own settings file, with every setting and its default (opengist's config.yml:
# `gitlab.url: https://gitlab.com/` under `gitlab.client-key:`, Gitea's app.example.ini): like
# an env schema, it configures the app, it calls nothing.
_SETTINGS_FILE = re.compile(
    r"(?:^|/)(?:config|settings|configuration|app)(?:[._-](?:example|sample|default|defaults|dist|template))?"
    r"\.(?:ya?ml|toml|ini|cfg|conf)$",
    re.I,
)


def _settings_file(path: str) -> bool:
    """config.yml, settings.example.toml, app.ini: the app's settings with their defaults."""
    return _SETTINGS_FILE.search(path) is not None


_API_HOST_LABELS = frozenset({"api", "apis", "rest", "graph"})


def fold_issuer_hosts(per_service: dict[str, list[Evidence]], catalog: Catalog) -> dict[str, str]:
    """A vendor's bare host (https://gitlab.com) seen only where its sign-in is configured
    (the default of AUTH_GITLAB_URL beside AUTH_GITLAB_CLIENT_ID, an SSO issuer table, the
    app's env schema or settings file) is the sign-in provider's issuer, not a use of the vendor's API: it
    joins "Sign in with GitLab".
    Returns {folded id: sign-in id}."""
    folded: dict[str, str] = {}
    for sid in sorted(per_service):
        svc = catalog.services.get(sid)
        if svc is None or svc.category == "oauth":
            continue
        oauth = next((o for o in (f"{sid}-oauth", f"{sid}-login") if o in per_service and o in catalog.services), None)
        if oauth is None:
            continue
        evs = [e for e in per_service[sid] if shows_use(e)]
        if not evs or any(e.kind != HOST for e in evs):
            continue
        if any(e.name.split(".")[0] in _API_HOST_LABELS and not is_sign_in_path(e.path) for e in evs):
            # api.bitbucket.org in the vendor's client module (`forge/bitbucket/bitbucket.go`), which
            # also holds the sign-in's endpoints: the API the app calls, no issuer. In a file about
            # signing in (`auth/providers/github.provider.ts`) it is the sign-in's user-info call.
            continue
        oauth_files = {e.path for e in per_service[oauth]}
        if all(
            e.path in oauth_files or is_sign_in_path(e.path) or _env_schema_file(e.path) or _settings_file(e.path)
            for e in evs
        ):
            per_service[oauth].extend(per_service.pop(sid))
            folded[sid] = oauth
    return folded


_API_KINDS = frozenset({ENV_READ, IMPORT, CALL})


# A `.default` scope asks the identity platform for an app-only token (the client-credentials
# grant) to the resource it names: `https://vault.azure.net/.default` is a token for Key Vault.
_DEFAULT_SCOPE = re.compile(r"^(?:api://|https?://)([A-Za-z0-9.-]+)/\.default$")


def _default_scope_hosts(evs: list[Evidence]) -> dict[str, set[str]]:
    """{path: resource hosts} of the `.default` scopes among a provider's evidence."""
    out: dict[str, set[str]] = defaultdict(set)
    for e in evs:
        m = _DEFAULT_SCOPE.match(e.name) if e.kind == SCOPE else None
        if m:
            out[e.path].add(m.group(1).lower())
    return out


def fold_shared_sign_in_hosts(per_service: dict[str, list[Evidence]], catalog: Catalog) -> dict[str, str]:
    """A sign-in provider's host that is also its company's API gateway (Meta's
    graph.facebook.com serves Facebook Login, WhatsApp's Cloud API and Instagram alike), seen
    only in files that use another catalog service's API (a WhatsApp sender reading
    WHATSAPP_ACCESS_TOKEN) and none about signing in, is that API's endpoint, not a sign-in:
    it joins that service. So is an identity platform's token host in a file that asks it for
    an app-only token to a catalog service's resource (login.microsoftonline.com with scope
    `https://vault.azure.net/.default` beside Key Vault's host): no user signs in there. Nor in
    a catalog service's own module that runs the identity platform's OAuth flow
    (`driver/onedrive/oauth.go` refreshing the user's OneDrive token at
    login.microsoftonline.com/common/oauth2/v2.0/token): that authorizes the storage, not a sign-in.
    Returns {folded id: API id}."""
    folded: dict[str, str] = {}
    for sid in sorted(per_service):
        svc = catalog.services.get(sid)
        if svc is None or svc.category != "oauth" or sid in folded.values():
            continue
        # OAuth scopes are the file facts joined to every sign-in provider found (`scope: ...`
        # anywhere in the app), no evidence of this one: its hosts alone decide.
        shown = [e for e in per_service[sid] if shows_use(e) and e.kind != SCOPE]
        # The authorization endpoints' paths beside the host (`oauth2/v2.0/token` in a OneDrive
        # driver's token refresh) say no more than the host: an OAuth flow, whoever it serves.
        if not shown or any(e.kind != HOST and not (e.kind == CALL and e.name in _AUTHORIZATION_ONLY) for e in shown):
            continue
        owners: set[str] = set()
        resources = _default_scope_hosts(per_service[sid])
        for e in shown:
            if is_test_path(e.path) and len(shown) > 1:
                continue  # the test of a file that says whose the host is
            apis = {
                other for other, evs in per_service.items()
                if other != sid and other in catalog.services and catalog.services[other].category not in ("oauth", "auth_provider")
            }
            modules = {other for other in apis if any(o.path == e.path and _module_of(o) for o in per_service[other])}
            if is_sign_in_path(e.path) and not modules:
                # auth/providers.ts: the issuer of a configured sign-in. (`oauth.go` inside a
                # catalog service's own module, `driver/onedrive/oauth.go`, authorizes that service.)
                break
            here = modules | {
                other for other in apis
                if any(o.path == e.path and (o.kind in _API_KINDS or (o.kind == HOST and o.name in resources.get(e.path, ())))
                       for o in per_service[other])
            }
            if not here:
                break
            owners |= here
        else:
            if len(owners) == 1:
                api = owners.pop()
                per_service[api].extend(per_service.pop(sid))
                folded[sid] = api
    return folded


_ENV_KINDS = frozenset({ENV_READ, ENV_DECL, CI_SECRET})


def _module_of(ev: Evidence) -> bool:
    """The file is a catalog service's own module (`FacebookFaviconFetcher.java` for Meta's
    Graph API), by the integration-module fact."""
    return ev.kind == FEATURE and ev.name.startswith(MODULE_PREFIX)


def known_sign_in_module(ev: Evidence, catalog: Catalog, index: CatalogIndex) -> bool:
    """A provider module the catalog lists for a service of its own (passport-github2): that
    entry, not the provider-name rule, says what it is."""
    for sid, _ in index.import_(ev.ecosystem, ev.name):
        svc = catalog.services[sid]
        if not (svc.sign_in_modules or svc.sign_in_packages):
            return True
    return False


def sign_in_module_folders(evidence: list[Evidence]) -> set[str]:
    """Folders of vendor modules (integration_modules' `folder`) where some file, not a test,
    runs an OAuth sign-in (`sign_in`): a social sign-in connector (`connectors/connector-discord/`
    with `authorizationEndpoint = 'https://discord.com/oauth2/authorize'`), "Sign in with
    Discord" in every file of it, not an integration with Discord's API."""
    return {
        ev.get("folder") for ev in evidence
        if ev.kind == FEATURE and ev.name.startswith(MODULE_PREFIX) and ev.get("sign_in") == "1"
        and ev.get("folder") and not is_test_path(ev.path)
    }


def _authorize_url(ev: Evidence) -> bool:
    """A vendor host in its OAuth authorize URL (api.dailymotion.com/oauth/authorize, a sign-in
    button's table of providers): where users are sent to consent, no call of the vendor's API."""
    return ev.kind == HOST and ev.get("authorize") == "1"


def sign_in_providers(
    sign_ins: dict[str, list[Evidence]], per_service: dict[str, list[Evidence]], catalog: Catalog,
    index: CatalogIndex,
) -> tuple[dict[str, Service], dict[str, str]]:
    """An auth library's provider module or package (next-auth/providers/x, flask_dance.contrib.x,
    allauth.socialaccount.providers.x, passport-x: the catalog's `sign_in_modules` and
    `sign_in_packages`) is sign-in with x: the catalog's
    sign-in service for x, never x's API, else an uncatalogued `x-oauth`. A vendor's API service
    seen only through env vars (BOX_CLIENT_ID, NEXT_PUBLIC_BOX_ENABLED beside that import) is
    the sign-in's configuration and joins it.
    Returns ({uncatalogued id: service}, {folded API id: sign-in id})."""
    extra: dict[str, Service] = {}
    folded: dict[str, str] = {}
    for name, evs in sorted(sign_ins.items()):
        sid = index.sign_in_provider(name)
        if sid is None:
            sid = f"{name}-oauth"
            if sid not in catalog.services:
                extra[sid] = Service(
                    id=sid, name=f"Sign in with {name.replace('-', ' ').title()}", category="oauth",
                    purpose="OAuth sign-in provider of an auth library (not in the catalog)",
                )
        per_service[sid].extend(evs)
        for api in {name, index.service_named(name) or name}:
            svc = catalog.services.get(api)
            if svc is None or api == sid or svc.category in ("oauth", "auth_provider") or api not in per_service:
                continue
            shown = [e for e in per_service[api] if shows_use(e) or e.kind == CI_SECRET]
            if shown and all(e.kind in _ENV_KINDS or _authorize_url(e) for e in shown):
                per_service[sid].extend(per_service.pop(api))
                folded[api] = sid
        # A hand-written sign-in client in the app's sign-in code (`tools/auth/box.go`) names the
        # vendor's user-info URL beside its authorize URL (api.box.com/2.0/users/me,
        # graph.microsoft.com/v1.0/me): a vendor API seen only there is the sign-in's own call.
        client_files = {e.path for e in evs if e.kind == CALL and is_sign_in_path(e.path)}
        for api in sorted(per_service) if client_files else ():
            svc = catalog.services.get(api)
            if svc is None or api == sid or svc.category in ("oauth", "auth_provider"):
                continue
            shown = [e for e in per_service[api] if shows_use(e)]
            if shown and all(e.kind == HOST and (e.path in client_files or _authorize_url(e)) for e in shown):
                per_service[sid].extend(per_service.pop(api))
                folded[api] = sid
    return extra, folded


_SIGN_IN_CLIENT_KINDS = frozenset({HOST, IMPORT, CALL})


def fold_authorize_hosts(
    per_service: dict[str, list[Evidence]], other_hosts: dict[str, list[Evidence]], client_files: set[str],
    index: CatalogIndex,
) -> None:
    """An unknown vendor's host seen only in its OAuth authorize URL (api.weibo.com/oauth2/authorize
    in a table of sign-in buttons) or in the app's sign-in provider files, where the app signs in
    with that vendor (`weibo-oauth`, from its provider file or an auth library's module): the
    sign-in's own endpoint, not an API of its own."""
    for host in sorted(other_hosts):
        evs = other_hosts[host]
        slug = api_slug(host)
        target = (index.sign_in_provider(slug) or f"{slug}-oauth") if slug else ""
        if target in per_service and any(_authorize_url(e) for e in evs) and all(
            e.path in client_files or _authorize_url(e) or is_test_path(e.path) for e in evs
        ):
            per_service[target].extend(other_hosts.pop(host))


def fold_user_info_hosts(per_service: dict[str, list[Evidence]], catalog: Catalog) -> dict[str, str]:
    """A hand-written sign-in exchanges the code and asks the vendor who signed in, in the file
    that sends users to the vendor's authorize URL (alist's ssologin.go: `login.dingtalk.com/oauth2/auth`,
    then api.dingtalk.com/v1.0/contact/users/me). A vendor API seen only as hosts in such files
    is that sign-in's user-info call, not an integration: it joins `<vendor>-oauth`. Sign-in
    files only: a path about signing in, or one naming the authorize URLs of several providers
    (a login handler's switch over them); a vendor's integration module authorizing its own
    API keeps it (`fold_integration_oauth`).
    Returns {folded API id: sign-in id}."""
    authorizing: dict[str, set[str]] = defaultdict(set)  # file -> sign-in services authorized there
    for sid, evs in per_service.items():
        svc = catalog.services.get(sid)
        if svc is None or svc.category != "oauth":
            continue
        for e in evs:  # its authorize URL, as a host or as the catalog's OAuth-flow call
            if (_authorize_url(e) or (e.kind == CALL and e.name in _AUTHORIZATION_ONLY)) and not is_test_path(e.path):
                authorizing[e.path].add(sid)
    sign_in_files = {path for path, sids in authorizing.items() if len(sids) >= 2 or is_sign_in_path(path)}
    folded: dict[str, str] = {}
    for api in sorted(per_service):
        svc = catalog.services.get(api)
        target = f"{api}-oauth"
        if svc is None or svc.category in ("oauth", "auth_provider") or target not in per_service:
            continue
        shown = [e for e in per_service[api] if shows_use(e)]
        if shown and all(e.kind == HOST and e.path in sign_in_files and target in authorizing[e.path] for e in shown):
            per_service[target].extend(per_service.pop(api))
            folded[api] = target
    return folded


def fold_sign_in_client_apis(
    per_service: dict[str, list[Evidence]], other_hosts: dict[str, list[Evidence]], client_files: set[str],
    catalog: Catalog, index: CatalogIndex, token_files: set[str] = frozenset(),
) -> dict[str, str]:
    """A provider file of the app's own sign-in code (`oidc/provider_github.go`, found by
    oauth_clients) calls the vendor's user-info API after the OAuth exchange: go-github's
    `Users.Get`, api.vk.com/method/users.get, api.twitter.com's verify_credentials. A vendor API
    seen in code only there (its SDK's manifest entry aside) is that vendor's sign-in, not an
    integration: it joins the sign-in service the catalog names for the vendor (or the
    uncatalogued `<vendor>-oauth` the file itself named). Unknown hosts seen only in such files
    join the sign-in of their file. An API called in a file that gets the application's own
    token (`token_files`: a Google service account's key read for the Workspace Admin SDK's
    group lookup) is called as the app, not as the signed-in user: it stays an integration.
    Returns {folded API id: sign-in id}."""
    folded: dict[str, str] = {}
    if not client_files:
        return folded
    named: dict[str, set[str]] = defaultdict(set)  # file -> the sign-in services it was named for
    connector_files = {  # sign-in connectors' files (oauth_clients: `connector/github/github.go`)
        e.path for evs in per_service.values() for e in evs
        if e.kind == CALL and e.name == SIGN_IN_CLIENT and e.get("connector") == "1"
    }
    for sid, evs in per_service.items():
        for e in evs:
            # (or a sign-in connector's module fact: its folder's files are client files)
            if e.path in client_files and (
                (e.kind == CALL and e.name == SIGN_IN_CLIENT) or (_module_of(e) and e.get("folder"))
            ):
                named[e.path].add(sid)
    for api in sorted(per_service):
        svc = catalog.services.get(api)
        if svc is None or svc.category in ("oauth", "auth_provider"):
            continue
        shown = [e for e in per_service[api] if shows_use(e)]
        code = [e for e in shown if e.kind != PACKAGE]
        # (a module fact there is the client's own type named for the vendor: a sign-in
        # connector's `type bitbucketConnector struct`, no integration module of the API)
        if not code or any(
            (e.kind not in _SIGN_IN_CLIENT_KINDS and not _module_of(e)) or e.path not in client_files for e in code
        ):
            continue
        if any(e.path in token_files for e in code):
            continue  # called with the app's own service account, not the user's token
        target = index.sign_in_provider(api)
        if target is None and not any(e.path in connector_files for e in code):
            # (a sign-in connector's other vendor product, not its sign-in's lookup: Google's
            # connector listing a domain's groups through the Workspace Admin API keeps it)
            owners = {sid for e in code for sid in named.get(e.path, ())}
            target = owners.pop() if len(owners) == 1 else None
        if target is None or target == api:
            continue
        moved = [e for e in per_service[api] if shows_use(e)]
        per_service[target].extend(moved)
        rest = [e for e in per_service[api] if not shows_use(e)]
        if rest:
            per_service[api] = rest  # CI secrets and the like: no use on their own
        else:
            del per_service[api]
        folded[api] = target
    for host in sorted(other_hosts):
        evs = other_hosts[host]
        owners = {sid for e in evs for sid in named.get(e.path, ())}
        if not owners and all(e.path in client_files for e in evs):
            slug = api_slug(host)  # api.vk.com in an unnamed provider file: the catalog's VK sign-in
            owner = index.sign_in_provider(slug) if slug else None
            owners = {owner} if owner else set()
        if len(owners) == 1 and all(e.path in client_files or is_test_path(e.path) for e in evs):
            per_service[owners.pop()].extend(other_hosts.pop(host))
    return folded


def fold_app_token_hosts(
    per_service: dict[str, list[Evidence]], catalog: Catalog, token_files: set[str],
) -> dict[str, str]:
    """A sign-in provider's token endpoint seen only in code that gets the application's own
    token (a Google service account's key with its `token_uri` https://oauth2.googleapis.com/token,
    MSAL's `acquire_token_for_client` against login.microsoftonline.com) or in its package's
    settings beside that code, authorizes an API client: nobody signs in there. It joins the
    identity service that issues the token where the scan found exactly one (Entra ID through
    MSAL), else the one API those files call (Microsoft Graph), else it is no service at all.
    The client's id and secret read from the environment (`TWITCH_CLIENT_ID` in a config file,
    posted with `grant_type=client_credentials` to id.twitch.tv) are that API client's
    credentials too, wherever they are read: they go with the host, which must be there.
    Returns {folded id: target id}."""
    folded: dict[str, str] = {}
    folders = {posixpath.dirname(p) for p in token_files}
    for sid in sorted(per_service) if token_files else ():
        svc = catalog.services.get(sid)
        if svc is None or svc.category != "oauth":
            continue
        shown = [e for e in per_service[sid] if shows_use(e) and e.kind != SCOPE]
        # The authorization endpoints' paths beside the host (`oauth2/v2.0/token` in a OneDrive
        # driver's token refresh) say no more than the host: an OAuth flow, whoever it serves.
        if not shown or any(
            e.kind not in (HOST, ENV_READ, ENV_DECL) and not (e.kind == CALL and e.name in _AUTHORIZATION_ONLY)
            for e in shown
        ):
            continue
        shown = [e for e in shown if e.kind not in (ENV_READ, ENV_DECL)]
        if not any(e.kind == HOST for e in shown):
            continue  # env names alone: no token endpoint seen in the app-token code
        if any(e.path not in token_files and posixpath.dirname(e.path) not in folders for e in shown):
            continue  # also where users sign in, or in a settings file of its own
        if any(e.kind == HOST and e.name.lower().startswith("api.") for e in shown):
            # The entry's own API host called with that token (Spotify's client-credentials
            # token from accounts.spotify.com, then api.spotify.com/v1): the vendor's API is
            # what the app uses, the catalog's entry of both, not a token endpoint alone.
            continue
        here = {posixpath.dirname(e.path) for e in shown}
        files = {e.path for e in shown} | {p for p in token_files if posixpath.dirname(p) in here}
        near: dict[str, set[str]] = defaultdict(set)  # category group -> services used in those files
        for other, evs in per_service.items():
            osvc = catalog.services.get(other)
            if other == sid or osvc is None or osvc.category == "oauth":
                continue
            if any(o.path in files and o.kind in _SIGN_IN_CLIENT_KINDS and shows_use(o) for o in evs):
                near["identity" if osvc.category == "auth_provider" else "api"].add(other)
        target = next((group.pop() for group in (near["identity"], near["api"]) if len(group) == 1), None)
        moved = per_service.pop(sid)
        if target is not None:
            per_service[target].extend(moved)
            folded[sid] = target
    return folded


# The catalog's generic protocol client of sign-in (any OpenID provider the admin configures).
_GENERIC_SIGN_IN = "oidc"


def fold_generic_oidc(per_service: dict[str, list[Evidence]], catalog: Catalog) -> dict[str, str]:
    """An OpenID Connect client library configured for one named provider only (authlib's
    `register("google", server_metadata_url="https://accounts.google.com/.well-known/...")`)
    is that provider's sign-in, not a generic OIDC sign-in the admin can point anywhere:
    every use of the OIDC client sits in files that configure the same one catalogued
    sign-in service, and no setting of its own (an issuer or discovery URL in env) exists.
    Returns {folded id: sign-in id}."""
    evs = per_service.get(_GENERIC_SIGN_IN)
    if not evs:
        return {}
    used = [e for e in evs if shows_use(e) and e.kind != PACKAGE]
    if not used or any(e.kind in (ENV_READ, ENV_DECL) for e in evs):
        return {}
    if any(e.get("sign_in") or e.get("configured_endpoints") for e in used):
        # the generic OIDC provider named as a sign-in option of its own, beside the others
        # (allauth's `providers.openid_connect` next to `providers.microsoft` in INSTALLED_APPS):
        # a provider the admin points at any issuer, not a client set up for the named one;
        # likewise endpoints read from settings (`OAUTH2_TOKEN_URL` beside `OAUTH2_AUTH_URL`)
        return {}
    in_file: dict[str, set[str]] = defaultdict(set)
    for sid, others in per_service.items():
        svc = catalog.services.get(sid)
        if sid == _GENERIC_SIGN_IN or svc is None or svc.category != "oauth":
            continue
        for e in others:
            if e.kind in (HOST, CALL, IMPORT, FEATURE):
                in_file[e.path].add(sid)
    providers = {frozenset(in_file.get(e.path, ())) for e in used}
    if len(providers) != 1:
        return {}
    (only,) = providers
    if len(only) != 1:
        return {}
    (target,) = only
    per_service[target].extend(per_service.pop(_GENERIC_SIGN_IN))
    return {_GENERIC_SIGN_IN: target}


# Scopes that ask for the user's identity: an OAuth flow requesting any of them signs a user in.
_IDENTITY_SCOPE = re.compile(r"(?:^|[/.:\s])(?:openid|email|profile|userinfo[\w.]*|plus\.login|plus\.me)$", re.I)


def fold_api_scope_oauth(per_service: dict[str, list[Evidence]], catalog: Catalog) -> dict[str, str]:
    """A sign-in service seen only as an OAuth client (its library, its consent-URL call) whose
    every flow requests a vendor API's scope and no identity scope (`generateAuthUrl({scope:
    "https://mail.google.com"})` for Gmail over XOAUTH2, `auth/drive.file`) authorizes that API:
    nobody signs in with it. Its evidence joins the one API service whose pattern matched the
    scope literal itself (the same line as the scope). Returns {folded id: API id}."""
    folded: dict[str, str] = {}
    at: dict[tuple[str, int], set[str]] = defaultdict(set)
    for sid, evs in per_service.items():
        svc = catalog.services.get(sid)
        if svc is None or svc.category in ("oauth", "auth_provider"):
            continue
        for e in evs:
            if e.kind in (CALL, HOST) and shows_use(e):
                at[(e.path, e.line)].add(sid)
    for sid in sorted(per_service):
        svc = catalog.services.get(sid)
        if svc is None or svc.category != "oauth":
            continue
        evs = [e for e in per_service[sid] if shows_use(e) and not is_test_path(e.path)]
        scopes = [e for e in evs if e.kind == SCOPE]
        flows = [e for e in evs if e.kind == CALL]
        if not scopes or not flows or any(e.kind not in (PACKAGE, IMPORT, CALL, SCOPE) for e in evs):
            continue  # env vars, hosts, a provider's configuration: more than an API client
        if any(_IDENTITY_SCOPE.search(e.name) for e in scopes):
            continue
        if {e.path for e in flows} - {e.path for e in scopes}:
            continue  # a flow with no scope beside it may sign in
        targets = set().union(*(at.get((e.path, e.line), set()) for e in scopes))
        if len(targets) != 1:
            continue
        target = targets.pop()
        per_service[target].extend(per_service.pop(sid))
        folded[sid] = target
    return folded


# Folders that hold an app's integrations with vendors' APIs (`app/connectors/onedrive/client.py`).
_INTEGRATION_FOLDER_WORDS = frozenset({"connector", "connectors", "integration", "integrations"})


def fold_integration_grants(
    per_service: dict[str, list[Evidence]], catalog: Catalog, grant_files: set[str],
) -> dict[str, str]:
    """A sign-in service seen only as an OAuth flow (authorize and token URLs, an app install,
    the client's env vars) run in files that keep the grant on an integration's record (the
    code-facts `integration_grant:` fact: a connector row, a bot token) authorizes the app to
    read a workspace through the vendor's API: nobody signs in with it. Knowledge-base and
    workflow apps connect users' Slack, Discord, Jira or OneDrive this way. A flow may also run
    in the vendor's API client under the app's connectors folder (its token refresh).
    The evidence joins the API service those files call most (Jira for Atlassian's OAuth,
    Microsoft Graph for Microsoft's); with none, it is no service at all.
    Returns {folded id: target id}."""
    folded: dict[str, str] = {}
    for sid in sorted(per_service) if grant_files else ():
        svc = catalog.services.get(sid)
        if svc is None or svc.category != "oauth":
            continue
        evs = per_service[sid]
        if {e.kind for e in evs} - _OAUTH_ONLY_KINDS or {e.name for e in evs if e.kind == CALL} - _AUTHORIZATION_ONLY:
            continue  # a sign-in library or provider is configured: this is sign-in
        flows = [e for e in evs if e.kind in (CALL, HOST) and shows_use(e)]
        if not any(e.path in grant_files for e in flows):
            continue
        if any(
            e.path not in grant_files and not _INTEGRATION_FOLDER_WORDS & set(e.path.lower().split("/")[:-1])
            for e in flows
        ) or any(is_sign_in_path(e.path) for e in flows):
            continue  # also where users sign in
        files = {e.path for e in flows}
        counts: dict[str, int] = {}
        for other, oevs in per_service.items():
            osvc = catalog.services.get(other)
            if other == sid or osvc is None or osvc.category in ("oauth", "auth_provider"):
                continue
            n = len({o.path for o in oevs if o.path in files and o.kind in _SIGN_IN_CLIENT_KINDS and shows_use(o)})
            if n:
                counts[other] = n
        best = sorted(counts, key=lambda k: (-counts[k], k))
        target = best[0] if best and (len(best) == 1 or counts[best[0]] > counts[best[1]]) else None
        moved = per_service.pop(sid)
        if target is not None:
            per_service[target].extend(moved)
            folded[sid] = target
    return folded
