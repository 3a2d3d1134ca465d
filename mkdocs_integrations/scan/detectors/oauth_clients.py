"""Sign-in providers written by hand: a file that configures an OAuth2 authorization-code
client (an authorize endpoint, golang.org/x/oauth2's `oauth2.Endpoint{AuthURL: ...}`, a
strategy's `authorize_url`) and defines the app's login step (`Login`, `signIn`, `def
login`), named after the vendor by its folder or its file (`server/forge/gitea/gitea.go`,
`services/auth/google_service.rb`).

Apps that offer several identity providers (CI servers signing in through each git forge,
self-hosted tools with their own provider code) keep one such file per vendor and no auth
library names the provider for them. The login step is what makes it a sign-in: an OAuth
flow alone also authorizes integrations (a Slack app install, a Discord webhook), which the
catalog's own patterns and the integration-module rules already place with the vendor's API.

The vendor name goes to the resolver as a sign-in provider name, as an auth library's
provider module does: the catalog's sign-in service for it, else an uncatalogued `<name>-oauth`.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from ...model import CALL, Evidence
from ...paths import is_sign_in_path, is_test_path
from ...uncatalogued import api_slug
from .base import Context, Detector, Record, Source
from .code import language_for
from ...names import name_words
from .module_paths import CONTAINERS, GENERIC_NAMES, GROUP_FOLDERS, ROLE_SUFFIX, SIGN_IN_FOLDERS

# The client's authorize endpoint, in the shapes OAuth2 clients are written.
_OAUTH_CLIENT = re.compile(
    r"""\boauth2\.Endpoint\s*\{|\b[Aa]uthURL\s*:"""
    # golang.org/x/oauth2's client settings without an endpoint (one set per request:
    # WeCom's and DingTalk's corp-token flows): a client of the vendor's OAuth all the same.
    r"""|(?<!\*)\boauth2\.Config\s*\{"""
    r"""|['"`][^'"`\n]*/(?:login/|site/)?oauth2?/(?:[\w.-]+/)?authorize\b"""
    r"""|\b(?:AUTHORIZATION_URL|AUTHORIZE_URL|authorize_url|authorization_url|authorizationURL|authorizationUrl"""
    r"""|authorizeURL|authorizeUrl|authorize_uri)\b['"]?\s*(?:=>|[:=])"""
    # Go's vendor endpoint packages (`golang.org/x/oauth2/github`: `github.Endpoint`;
    # `github.com/dghubble/oauth1/twitter`).
    r"""|["`](?:golang\.org/x/oauth2|github\.com/dghubble/oauth1)/[a-z]+["`]"""
)
# A definition of the login step (not a call): Go's `func (c *client) Login(`, `def login(`,
# `function signIn(`, a method with a modifier (`public async login(`), Rust's `fn login(`;
# or of the step that builds the URL a user is sent to to sign in (an identity broker's
# connector interface: `func (c *githubConnector) LoginURL(scopes, callbackURL, state string)`).
_DEF_HEAD = (r"""(?:\bfunc\s*(?:\([^)\n]*\)\s*)?|\bdef\s+(?:self\.)?|\bfunction\s+|\bfn\s+"""
             r"""|\b(?:public|private|protected|async|override)\s+(?:[\w<>\[\]?]+\s+)*?)""")
_LOGIN_VERB = r"(?:Login|login|LogIn|logIn|log_in|SignIn|signIn|sign_in)"
_LOGIN_DEF = re.compile(_DEF_HEAD + _LOGIN_VERB + r"(?:_?(?:URL|Url|url))?\s*\(")
# ...or of a login step named after the vendor the file is named after (`server/handlers/google.go`
# defining `func GoogleLogin(` and `GoogleCallback`: an app that keeps one handler file per
# provider prefixes each handler with the provider's name).


def _vendor_login_def(rel: str, text: str) -> bool:
    """True when `text` defines `<Vendor>Login(` / `<vendor>_login(` for the vendor its file is
    named after."""
    name = _vendor(rel, folder=False)
    if name is None:
        return False
    return re.search(_DEF_HEAD + r"(?i:" + re.escape(name) + r")_?" + _LOGIN_VERB + r"\s*\(", text) is not None


# OmniAuth's strategy API names the login step `request_phase` (it redirects the user to the
# provider's authorize endpoint; `callback_phase` takes the code back): a Ruby app's own strategy
# (`lib/omniauth/strategies/<vendor>.rb`: `include OmniAuth::Strategy`, or a subclass of
# `OmniAuth::Strategies::OAuth2`) defines it. Only in a file that names OmniAuth's strategies.
_OMNIAUTH_STRATEGY = re.compile(r"\bOmniAuth::Strateg(?:y|ies::)")
_OMNIAUTH_LOGIN_DEF = re.compile(r"^[ \t]*def[ \t]+request_phase\b", re.M)


def _defines_login(text: str) -> bool:
    """The file defines a login step: `def login(`, `func SignIn(`, an OmniAuth strategy's `request_phase`."""
    return bool(_LOGIN_DEF.search(text) or (
        "OmniAuth::Strateg" in text and _OMNIAUTH_LOGIN_DEF.search(text) and _OMNIAUTH_STRATEGY.search(text)
    ))


# A sign-in connector package (`connector/github/github.go`, `connectors/gitea/`): an identity
# broker keeps one per upstream provider. Its file with an OAuth client and a login step is that
# provider's sign-in, and the vendor API it calls (the user, their groups or teams) is the
# sign-in's own lookup, as in a provider file of the app's sign-in code.
_CONNECTOR_FOLDERS = frozenset({"connector", "connectors"})
# A definition of the step that reads the signed-in user's profile with the token
# (`func (p discordProvider) GetUserData(`, `def get_user_info(`, `async fetchUserProfile(`):
# in a file named as a vendor's provider (`thirdparty/provider_discord.go`), the OAuth flow
# signs a user in even where no folder says "auth". An integration's OAuth (a Discord webhook
# install, a Slack app) stores a token for the API and reads no user profile for a session.
_USER_STEP_DEF = re.compile(
    r"""(?:\bfunc\s*(?:\([^)\n]*\)\s*)?|\bdef\s+(?:self\.)?|\bfunction\s+|\bfn\s+"""
    r"""|\b(?:public|private|protected|async|override)\s+(?:[\w<>\[\]?]+\s+)*?)"""
    r"""(?:[Gg]et|[Ff]etch|[Ll]oad|[Rr]etrieve)_?(?:[Uu]ser_?(?:[Dd]ata|[Ii]nfo|[Pp]rofile|[Dd]etails|[Ii]dentity)"""
    r"""|[Pp]rofile|[Ii]dentity)\s*\("""
)
# ...but not in an integration module's folder (`integrations/social/tumblr.provider.ts`): an
# app that connects users' accounts for posting reads their profile to show the account.
_INTEGRATION_FOLDERS = (CONTAINERS - SIGN_IN_FOLDERS) | GROUP_FOLDERS
SIGN_IN_CLIENT = "OAuth sign-in client"
_URL_HOST = re.compile(r"https?://([A-Za-z0-9.-]+)")
# Go's vendor endpoint packages (`golang.org/x/oauth2/github`, imported under any alias): the
# package holds the vendor's own authorize and token URLs, as good as its host in the file
# (`auth/github/provider.go` building its `oauth2.Config` from `o2Github.Endpoint.AuthURL`).
_ENDPOINT_PACKAGE = re.compile(r"""["`](?:golang\.org/x/oauth2|github\.com/dghubble/oauth1)/([a-z]+)["`]""")
# Names that are the sign-in machinery itself, not a vendor (`auth/oauth2/oauth2.go`).
_NOT_A_VENDOR = GENERIC_NAMES | frozenset({
    "oauth2", "oidc", "openid", "saml", "idp", "sso", "login", "signin", "authentication", "authorization",
    "authorize", "identity", "session", "sessions", "user", "users", "account", "accounts", "token",
    "tokens", "callback", "external", "federated", "strategy", "strategies", "passport", "omniauth",
    "forge", "forges", "remote", "scm", "vcs", "git", "oauthclient", "oauth2client",
    "button", "buttons", "btn",  # a front end's sign-in widget (`OAuth/Button.tsx`)
    # the usual abbreviations of authentication and authorization (`authn/authn.go`)
    "authn", "authz",
    # a GraphQL or MVC layer's file of the auth module (`auth/graphql/resolvers/mutations.ts`
    # defining `login` beside an SSO call): named for the layer, never for a vendor
    "mutations", "mutation", "queries", "query", "resolvers", "resolver", "controller", "controllers",
})
# A Go package named by its vendor and the packages above it run together
# (`callbackauthn/googlecallbackauthn/authn.go`): those trailing words are the sign-in
# machinery's, the vendor is what comes before them.
_RUN_TOGETHER_TAIL = re.compile(r"(?:callback|authn|authz)+$")


# A file name that says it is a sign-in provider (`provider_github.go`, `salesforce_strategy.rb`,
# `GitlabProvider.ts`): with the vendor's name, it is that vendor's sign-in whatever its URLs
# (an issuer the admin configures: Salesforce's, an Auth0 tenant's).
_ROLE_WORDS = frozenset({"provider", "strategy"})
# Words beside the vendor's name in such a file name: the protocol, a version (`linkedin_v2`, `line_2_1`).
_BESIDE_VENDOR = frozenset({"oauth", "oauth2", "oidc", "openid", "sso", "login", "signin", "auth"})
_VERSION = re.compile(r"v?\d+")


def _declared_vendor(stem: str) -> str | None:
    """`provider_github` → github, `provider_line_2_1` → line, `vk_oauth_provider` → vk: a file
    named as a sign-in provider of a vendor. None without the role word."""
    words = name_words(stem)
    if not _ROLE_WORDS & set(words):
        return None
    rest = [w for w in words if w not in _ROLE_WORDS and w not in _BESIDE_VENDOR and not _VERSION.fullmatch(w)]
    squashed = "".join(rest)
    if len(squashed) < 2 or not squashed.isalpha() or squashed in _NOT_A_VENDOR or set(rest) & _NOT_A_VENDOR:
        return None
    return squashed


# A type the file declares (`type QqIdProvider struct`, `class GithubProvider`): named after the
# file and a provider role, it says the file is that vendor's provider whatever its URLs (an
# AD FS or Okta host the admin configures, WeChat's api.weixin.qq.com).
_TYPE_DECL = re.compile(r"\b(?:type|class|struct)\s+([A-Za-z][A-Za-z0-9]{1,60})\b")
_TYPE_ROLE = re.compile(r"(?:id|identity)?(?:provider|strategy|connector)$")
# Variants of one vendor's sign-in, each in a file of its own (`wecom_internal.go` and
# `wecom_third_party.go`: an enterprise's own app and a marketplace app; `wechat_mobile.go`,
# `wechat_miniprogram.go`: the vendor's app and its mini programs).
# A generic provider the admin points at any server (`custom.go` declaring `CustomIdProvider`
# with configured authorize and token URLs) is OpenID Connect / OAuth2 with no fixed vendor.
_GENERIC_PROVIDER = frozenset({"custom", "generic"})
_VARIANT_WORDS = frozenset({"internal", "third", "party", "thirdparty", "mobile", "miniprogram", "mini", "program"})


def _typed_vendor(stem: str, text: str) -> str | None:
    """`qq` for qq.go declaring `QqIdProvider`, `wecom` for wecom_internal.go declaring
    `WeComInternalIdProvider`: the file's own provider type, named after the file. None else."""
    words = name_words(stem)
    squashed = "".join(words)
    if not squashed.isalpha() or len(squashed) < 2:
        return None
    for m in _TYPE_DECL.finditer(text):
        type_name = m.group(1).lower()
        role = _TYPE_ROLE.search(type_name)
        if role is None or type_name[: role.start()] != squashed:
            continue
        rest = [w for w in words if w not in _VARIANT_WORDS and w not in _BESIDE_VENDOR]
        if rest and set(rest) <= _GENERIC_PROVIDER:
            return "oidc"
        vendor = "".join(rest)
        if len(vendor) < 2 or vendor in _NOT_A_VENDOR or set(rest) & _NOT_A_VENDOR:
            return None
        return vendor
    return None


# Folders named only for holding providers (`internal/api/provider/`, `idps/`).
_PROVIDER_FOLDERS = frozenset({"provider", "providers", "idp", "idps"})


def _typed_provider_vendor(stem: str, text: str, ctx: Context) -> str | None:
    """The vendor of a file named only after it (`provider/bitbucket.go`, `fly.go`) that declares
    that vendor's provider type (`type bitbucketProvider struct`), builds an OAuth client and
    defines the step reading the signed-in user's profile (`GetUserData`): one provider file of
    an app's own sign-in code, as `provider_discord.go` is by its name. An app that keeps one
    such file per identity provider (an auth server's `internal/api/provider/*.go`) has no
    folder saying "auth"; the declared provider type says it instead. None without all three
    (a notifier's `type slackProvider struct` builds no OAuth client and reads no profile), and
    None for a vendor the catalog has no sign-in of, as for `_provider_classes`: an inbox's
    `providers/outlook.ts` (`class OutlookProvider`, its `getUserInfo`) connects a mailbox."""
    if not _OAUTH_CLIENT.search(text) or not _USER_STEP_DEF.search(text):
        return None  # the cheap look first
    vendor = _typed_vendor(stem, text)
    return vendor if vendor and vendor != "oidc" and ctx.index.sign_in_provider(vendor) else None


# A front end's sign-in widget named after its vendor (`OAuth/GithubButton.tsx`,
# `GoogleLoginButton.vue`, `github-sign-in-link.jsx`): the widget's word and the sign-in words
# beside the vendor's name are no part of it.
_WIDGET_SUFFIX = re.compile(
    r"(?:(?:[._-]|(?<=[a-z0-9])(?=[A-Z]))(?i:login|signin|sign[._-]?in|oauth|auth|sso)?"
    r"(?:[._-]|(?<=[a-z0-9])(?=[A-Z]))?(?i:button|btn|link|icon|logo|badge))$"
)


def _vendor(rel: str, folder: bool = True) -> str | None:
    """The vendor a provider file is named after: its file name without role words
    (`google_service.rb` → google, `GithubButton.tsx` → github), else its folder
    (`forge/forgejo/forgejo.go` → forgejo)."""
    parts = rel.split("/")
    stem = parts[-1].rsplit(".", 1)[0]
    declared = _declared_vendor(stem)
    if declared:
        return declared
    candidates = [ROLE_SUFFIX.sub("", _WIDGET_SUFFIX.sub("", stem))]
    if folder and len(parts) > 1:
        candidates.append(_RUN_TOGETHER_TAIL.sub("", parts[-2]) if parts[-2].isalpha() and parts[-2].islower() else parts[-2])
    for name in candidates:
        words = name_words(name)
        squashed = "".join(words)
        if len(squashed) >= 3 and squashed.isalpha() and squashed not in _NOT_A_VENDOR and not (
            set(words) & _NOT_A_VENDOR
        ):
            return squashed
    return None


# One class per provider in one file of the app's sign-in code (`class GitHubAuthProviderType`
# with its AUTHORIZATION_URL, `class GitLabProvider` with "/oauth/authorize", an OpenID
# Connect class fetching the issuer's discovery document): each class named after a vendor
# the catalog signs in with is that vendor's sign-in.
_CLASS = re.compile(r"^([ \t]*)(?:export[ \t]+)?(?:(?:public|final|abstract|sealed)[ \t]+){0,3}class[ \t]+([A-Z]\w*)", re.M)
_DISCOVERY = re.compile(r"\.well-known/openid-configuration")
# Words of a provider class's name that are not the vendor's (`GitHubAuthProviderType`).
_CLASS_ROLE_WORDS = _ROLE_WORDS | _BESIDE_VENDOR | frozenset({
    "type", "types", "mixin", "client", "backend", "base", "connector", "identity", "idp", "impl", "handler",
    "config", "configuration", "settings", "model", "app", "user", "source", "authentication", "service",
})


def _provider_classes(text: str, ctx: Context) -> Iterator[tuple[int, str, str]]:
    """(offset, vendor name, service id) of each class in `text` named after a catalogued
    sign-in vendor whose body holds an OAuth client's authorize endpoint or an OpenID
    discovery URL."""
    starts = list(_CLASS.finditer(text))
    for i, m in enumerate(starts):
        # the body runs to the next class not nested in this one (a TypedDict inside a mixin)
        end = next((n.start() for n in starts[i + 1:] if len(n.group(1)) <= len(m.group(1))), len(text))
        body = text[m.end():end]
        marker = _OAUTH_CLIENT.search(body) or _DISCOVERY.search(body)
        if marker is None:
            continue
        words = [w for w in name_words(m.group(2)) if w not in _CLASS_ROLE_WORDS]
        name = "".join(words)
        sid = ctx.index.sign_in_provider(name) if len(name) >= 2 and name.isalpha() else None
        if sid:
            yield m.end() + marker.start(), name, sid


# An absolute authorize endpoint in a string (`"https://auth.majorleaguecyber.org/oauth/authorize"`).
_AUTHORIZE_URL = re.compile(r"""['"`]https?://([A-Za-z0-9.-]+)/[^'"`\s]*\bauthorize\b""")


def _foreign_authorize_host(text: str, name: str) -> str | None:
    """The vendor of the file's absolute authorize endpoint when its host does not spell
    `name` (a provider file named only by its folder, the app's own package: `CTFd/auth.py`
    sending users to auth.majorleaguecyber.org is MajorLeagueCyber's sign-in, not CTFd's).
    None when no such URL is there, or one of them is on `name`'s domain."""
    hosts = [h.lower() for h in _AUTHORIZE_URL.findall(text)]
    if not hosts or any(name in re.sub(r"[^a-z0-9]", "", h) for h in hosts):
        return None
    slugs = {api_slug(h) for h in hosts}
    if len(slugs) != 1:
        return None
    (slug,) = slugs
    squashed = re.sub(r"[^a-z0-9]", "", slug)
    return squashed if len(squashed) >= 2 and squashed.isalpha() and squashed not in _NOT_A_VENDOR else None


# Spring Security's per-provider user step (`class GithubOAuth2UserService :
# DefaultOAuth2UserService()`, the widespread `GoogleOAuth2UserInfo extends OAuth2UserInfo`): the
# app reads that vendor's own user profile after `oauth2Login`, so the vendor is a sign-in
# provider. Spring Boot keeps the endpoints in its provider defaults, so the file holds no
# authorize URL for the rules above to find.
_SPRING_USER_CLASS = re.compile(
    r"\bclass\s+([A-Z][A-Za-z0-9]*?)O[Aa]uth2?User(?:Service|Info|Details)?\b[^{]{0,200}?"
    r"\b(?:DefaultOAuth2UserService|OAuth2UserService|OidcUserService|OAuth2UserInfo)\b"
)


def _spring_user_classes(text: str, ctx: Context) -> Iterator[tuple[int, str, str]]:
    """(offset, vendor name, sign-in id) of each Spring OAuth2 user class named after a
    catalogued sign-in vendor (`Custom`, `Default` or the app's own prefix name none)."""
    for m in _SPRING_USER_CLASS.finditer(text):
        name = "".join(name_words(m.group(1)))
        sid = ctx.index.sign_in_provider(name) if len(name) >= 2 and name.isalpha() and name not in _NOT_A_VENDOR else None
        if sid:
            yield m.start(), name, sid


# A branch over the configured sign-in provider's name (`match conf.oauth2.provider.as_ref() {`,
# `switch (provider) {`, Ruby's `case provider`), and its string arms (`"clerk" =>`, `case
# "google":`, `when "github"`).
_PROVIDER_SWITCH = re.compile(
    r"""\b(?:match|switch|case)\b[ \t]*\(?[ \t]*[\w.$>-]*provider(?:_?name|_?type)?\b(?:\.as_(?:ref|str)\(\))?[ \t]*\)?[ \t]*(?:\{|:|$)""",
    re.I | re.M,
)
_STRING_ARM = re.compile(r"""(?:\bcase[ \t]+|\bwhen[ \t]+|^[ \t]*)(['"])([a-z][a-z0-9_-]{1,30})\1[ \t]*(?:=>|->|:|\bthen\b|$)""", re.M)
_SWITCH_SPAN = 2000  # characters a branch over the provider may span


# The same branch written as a chain of comparisons of one provider setting with names
# (`if (idpConfig.provider === "jumpcloud") {...} if (idpConfig.provider === "okta") {...}`,
# `elif provider == "google":`): the compared expression, then the name.
_PROVIDER_COMPARE = re.compile(
    r"""(?<![\w.$>\[\]-])([\w.$>\[\]-]*?\b[Pp]rovider(?:_?[Nn]ame|_?[Tt]ype)?)\b[ \t]*(?:===?|\beq\b)[ \t]*(['"])"""
    r"""([a-z][a-z0-9_-]{1,30})\2"""
)


# Views and UI components compare the provider's name to pick its icon or label (rallly's
# `sso-provider.tsx`, a settings page's `@if ($provider === 'azure')`): they render names, the
# code that builds the providers from the settings (client ids, issuers) is what signs in.
_VIEW_FILE = re.compile(r"\.(?:blade\.php|tsx|jsx|vue|svelte|html?|erb|twig|hbs)$")
_CLIENT_SETTING = re.compile(r"client_?id|issuer", re.I)


def _provider_comparisons(text: str) -> Iterator[tuple[int, str]]:
    """(offset, name) of each name compared with a provider setting that the file compares with
    at least two distinct names (one comparison is a check, not a branch over providers)."""
    if not _CLIENT_SETTING.search(text):
        return
    by_expr: dict[str, list[re.Match[str]]] = {}
    for m in _PROVIDER_COMPARE.finditer(text):
        by_expr.setdefault(m.group(1), []).append(m)
    for found in by_expr.values():
        if len({m.group(3) for m in found}) >= 2:
            yield from ((m.start(3), m.group(3)) for m in found)


def _provider_arms(text: str, ctx: Context, rel: str = "") -> Iterator[tuple[int, str, str]]:
    """(offset, name, service) of each arm of a branch over the sign-in provider setting that
    names a catalog sign-in provider. The provider is the user's choice and its URLs come from
    settings, so no host names it; the arm does, as an auth library's provider module would.
    At least two string arms: a branch over names, not one comparison. An if-chain comparing
    the setting with names is that branch too (Auth.js apps building each configured
    provider: `if (idp.provider === "jumpcloud") providers.push({type: "oidc", ...})`)."""
    seen: set[str] = set()
    for offset, name in sorted(_provider_comparisons(text)) if not _VIEW_FILE.search(rel) else ():
        sid = ctx.index.sign_in_provider(name)
        if sid and name not in seen:
            seen.add(name)
            yield offset, name, sid
    for switch in _PROVIDER_SWITCH.finditer(text):
        arms = list(_STRING_ARM.finditer(text, switch.end(), switch.end() + _SWITCH_SPAN))
        if len({a.group(2) for a in arms}) < 2:
            continue
        for arm in arms:
            name = arm.group(2)
            sid = ctx.index.sign_in_provider(name)
            if sid and name not in seen:
                seen.add(name)
                yield arm.start(2), name, sid


# golang.org/x/oauth2/endpoints: one package of every vendor's OAuth endpoints, each a variable
# named for its vendor (`endpoints.GitHub`, `endpoints.X`, `endpoints.Discord`). A file of the
# app's sign-in code that picks them (a switch over the providers a user may sign in with) signs
# in with each vendor it names. (The package's functions, `endpoints.AzureAD(tenant)`,
# `endpoints.AWSCognito(domain)`, take a tenant the admin configures: identity platforms whose
# other settings name them, left to the catalog's hosts.)
_ENDPOINTS_IMPORT = re.compile(r"""["`]golang\.org/x/oauth2/endpoints["`]""")
_ENDPOINTS_VENDOR = re.compile(r"\bendpoints\.([A-Z][A-Za-z0-9]*)\b(?!\s*\()")


def _endpoints_package_vendors(text: str, ctx: Context) -> Iterator[tuple[int, str, str]]:
    """(offset, vendor name, sign-in id) of each catalogued vendor whose endpoint the file takes
    from golang.org/x/oauth2/endpoints, first use of each."""
    if not _ENDPOINTS_IMPORT.search(text):
        return
    seen: set[str] = set()
    for m in _ENDPOINTS_VENDOR.finditer(text):
        name = m.group(1).lower()
        sid = ctx.index.sign_in_provider(name) if name not in seen else None
        seen.add(name)
        if sid:
            yield m.start(), name, sid


# Laravel Socialite reads each provider's settings from `config/services.php`, under the driver's
# name, and needs the `redirect` URL beside the client's id (`'google' => ['client_id' =>
# env('GOOGLE_CLIENT_ID'), 'client_secret' => ..., 'redirect' => '/auth/google/callback']`): an
# entry of that shape is the app's sign-in with that provider, whatever variable
# `Socialite::driver($provider)` is called with. Only Socialite reads it: the resolver counts the
# entry as a framework setting (`SOCIALITE_SETTINGS`), a use only with a package of the provider
# installed (laravel/socialite, socialiteproviders/*), not in a stock file kept without it.
_LARAVEL_SERVICES = re.compile(r"(?:^|/)config/services\.php$")
_SERVICES_ENTRY = re.compile(r"^([ \t]*)['\"]([A-Za-z][\w-]{1,40})['\"]\s*=>\s*\[(.*?)^\1\]", re.S | re.M)
_SOCIALITE_KEY = re.compile(r"['\"](redirect|client_id)['\"]\s*=>")
SOCIALITE_SETTINGS = "Socialite provider settings"


def _socialite_settings(src: Source, ctx: Context) -> Iterator[Evidence]:
    """A sign-in provider's Socialite settings in Laravel's `config/services.php`."""
    lang = language_for(src.name)
    text = src.stripped(lang.comments) if lang else src.text
    for m in _SERVICES_ENTRY.finditer(text):
        if {k.group(1) for k in _SOCIALITE_KEY.finditer(m.group(3))} != {"redirect", "client_id"}:
            continue
        words = name_words(m.group(2))
        # (SocialiteProviders' `linkedin-openid` driver is LinkedIn's)
        name = "".join(w for w in words if w not in _BESIDE_VENDOR) or "".join(words)
        sid = ctx.index.sign_in_provider(name) if name not in _NOT_A_VENDOR else None
        if sid:
            yield Evidence(path=src.rel, line=src.line_of(m.start(2)), kind=CALL, name=SOCIALITE_SETTINGS,
                           service=sid, detail=(("framework_settings", "1"),))


# An app that keeps its sign-in providers' settings in its database (an admin's "social login"
# page) hands them to Socialite at run time, under the driver's name the same key
# config/services.php would have: `Config::set("services.$service.client_id", ...)`,
# `config()->set('services.' . $driver . '.redirect', $url)`, `config(["services.{$p}.redirect" => ...])`.
# The names are then a list of the file's (`return ['facebook', 'google', 'github'];`, a
# `$validDrivers` property), not a services.php entry. Only Socialite's own drivers count: they
# need no package beyond laravel/socialite, so such a list is the one place that names them;
# a SocialiteProviders driver comes with its own package (socialiteproviders/okta), placed by
# the manifest, and a name in a list may be any other vendor's (`'azure'` for storage).
_RUNTIME_SOCIALITE_WRITE = re.compile(
    r"""(?:(?:\bConfig::set|\bconfig\(\)\s*->\s*set)\(\s*|\bconfig\(\s*\[\s*)"""
    r"""(['"])services\.(?:\{?\$\w+\}?|\1\s*\.\s*\$\w+\s*\.\s*\1)\.(?:client_id|redirect)\1"""
)
# A list of two or more plain strings: `['facebook', 'google']`, `array('github', 'gitlab')`.
_STRING_LIST = re.compile(r"""(?:\[|\barray\()(\s*(['"])[\w-]{2,40}\2\s*(?:,\s*(['"])[\w-]{2,40}\3\s*)+,?\s*)[\])]""")
_LIST_ITEM = re.compile(r"""['"]([\w-]{2,40})['"]""")
# Laravel Socialite's built-in drivers (laravel/socialite 5: SocialiteManager's create*Driver).
SOCIALITE_DRIVERS = frozenset({
    "facebook", "twitter", "twitter-oauth-2", "linkedin", "linkedin-openid", "google", "github", "gitlab",
    "bitbucket", "slack", "slack-openid",
})
RUNTIME_SOCIALITE = "Socialite provider configured at run time"


def _driver_vendor(driver: str) -> str:
    """The vendor a Socialite driver's name names: `linkedin-openid` → linkedin,
    `twitter-oauth-2` → twitter (the protocol and its version are no part of it)."""
    words = name_words(driver)
    return "".join(w for w in words if w not in _BESIDE_VENDOR and not _VERSION.fullmatch(w)) or "".join(words)


def _runtime_socialite_drivers(src: Source, text: str, ctx: Context) -> Iterator[Evidence]:
    """Socialite's built-in drivers listed in a PHP file that writes Socialite's settings at run
    time (two or more of them in one list: a list of the providers, not one name in passing)."""
    if _RUNTIME_SOCIALITE_WRITE.search(text) is None:
        return
    seen: set[str] = set()
    for lst in _STRING_LIST.finditer(text):
        items = [(lst.start(1) + i.start(1), i.group(1)) for i in _LIST_ITEM.finditer(lst.group(1))]
        drivers = [(at, name) for at, name in items if name.lower() in SOCIALITE_DRIVERS]
        if len(drivers) < 2:
            continue
        for at, name in drivers:
            vendor = _driver_vendor(name.lower())
            sid = ctx.index.sign_in_provider(vendor)
            if sid and sid not in seen:
                seen.add(sid)
                yield Evidence(path=src.rel, line=src.line_of(at), kind=CALL, name=RUNTIME_SOCIALITE,
                               service=sid, detail=(("socialite_driver", name),))


def accepts(rel: str, name: str, ctx: Context | None = None) -> bool:
    return language_for(name) is not None and not name.endswith((".min.js", ".d.ts")) and not is_test_path(rel)


def detect(src: Source, ctx: Context) -> Iterator[Record]:
    lang = language_for(src.name)
    if lang is None:
        return
    # The login step is in the file, or the file is one provider of the app's sign-in code
    # (`tools/auth/gitea.go` beside `auth.go`: the flow is shared, each file names its endpoints).
    if lang.name in ("java", "kotlin") and "oauth2user" in src.lowered:
        found = list(_spring_user_classes(src.stripped(lang.comments), ctx))
        for offset, name, sid in found:
            yield Evidence(path=src.rel, line=src.line_of(offset), kind=CALL, name=SIGN_IN_CLIENT,
                           service=sid, detail=(("sign_in", name),))
        if found:
            return
    if _LARAVEL_SERVICES.search(src.rel):
        yield from _socialite_settings(src, ctx)
        return
    if lang.name == "php" and "services." in src.text and not _VIEW_FILE.search(src.rel):
        yield from _runtime_socialite_drivers(src, src.stripped(lang.comments), ctx)
    sign_in_path = is_sign_in_path(src.rel)
    folders = set(src.rel.lower().split("/")[:-1])
    in_integration = bool(_INTEGRATION_FOLDERS & folders)  # `integrations/slack/oauth.go` installs a Slack app
    if sign_in_path and "provider" in src.lowered and not in_integration:
        # an app that offers several providers through one generic OAuth2 client picks each
        # one's user-info step by name (chirpstack's `"clerk" => get_clerk_user(..)`)
        for offset, name, sid in _provider_arms(src.stripped(lang.comments), ctx, src.rel):
            yield Evidence(path=src.rel, line=src.line_of(offset), kind=CALL, name=SIGN_IN_CLIENT,
                           service=sid, detail=(("sign_in", name),))
    stem = src.name.rsplit(".", 1)[0]
    declared = _declared_vendor(stem)
    if declared and in_integration:
        declared = None  # an integration module's provider: its OAuth connects an account
    if not declared and not sign_in_path and not (folders & _INTEGRATION_FOLDERS) - _PROVIDER_FOLDERS:
        # (`provider/bitbucket.go` declaring `type bitbucketProvider struct`: a folder of
        # providers alone says nothing of what they provide; the type, OAuth client and
        # profile step do. Not under another integration word: `storage/providers/dropbox.go`.)
        declared = _typed_provider_vendor(stem, src.text, ctx)
    if not _OAUTH_CLIENT.search(src.text) or not (
        sign_in_path or _defines_login(src.text) or (declared and _USER_STEP_DEF.search(src.text))
        or _vendor_login_def(src.rel, src.text)
    ):
        return  # the cheap look first: most files have neither
    text = src.stripped(lang.comments)
    client = _OAUTH_CLIENT.search(text)
    if client is None:
        return
    login = _defines_login(text) or _vendor_login_def(src.rel, text)
    if (sign_in_path or login) and not in_integration:
        # (not in an integration's folder: `integrations/slack/oauth.go` installs a Slack app)
        vendors = list(_endpoints_package_vendors(text, ctx))
        for offset, name, sid in vendors:
            yield Evidence(path=src.rel, line=src.line_of(offset), kind=CALL, name=SIGN_IN_CLIENT,
                           service=sid, detail=(("sign_in", name),))
        if vendors:
            return
    # `thirdparty/provider_discord.go` defining `GetUserData`: a provider of the app's sign-in
    # outside any folder named for it (the resolver treats it as a sign-in path's provider file).
    provider_file = bool(declared and not sign_in_path and _USER_STEP_DEF.search(text))
    if sign_in_path:
        classes = list(_provider_classes(text, ctx))
        if len(classes) > 1:  # a file of several providers, one class each: no one vendor names it
            for offset, name, sid in classes:
                yield Evidence(path=src.rel, line=src.line_of(offset), kind=CALL, name=SIGN_IN_CLIENT,
                               service=sid, detail=(("sign_in", name),))
            return
    if provider_file:
        yield Evidence(
            path=src.rel, line=src.line_of(client.start()), kind=CALL, name=SIGN_IN_CLIENT,
            service=ctx.index.sign_in_provider(declared) or "", detail=(("sign_in", declared), ("provider_file", "1")),
        )
        return
    if login:
        name = _vendor(src.rel)
        if name and name != _vendor(src.rel, folder=False) and _foreign_authorize_host(text, name):
            # Named by its folder only (`CTFd/auth.py`: the app's own package), the file
            # sends users to another domain's authorize endpoint: that host names the vendor.
            name = _foreign_authorize_host(text, name)
    elif sign_in_path and _declared_vendor(stem):
        name = _declared_vendor(stem)  # `oidc/provider_salesforce.go`: one provider of the app's sign-in
    elif sign_in_path and _typed_vendor(stem, text):
        name = _typed_vendor(stem, text)  # `idp/qq.go` declaring `type QqIdProvider struct`
    elif sign_in_path:
        # Without a login step the file itself must be named after the vendor and hold the
        # vendor's own URLs (gitea.go → gitea.com/login/oauth/authorize): an integration's
        # `integrations/bitly/oauth.ts`, a `dataclasses.py` of endpoint fields, a relative
        # `/oauth/authorize` of the app's own server are no sign-in provider.
        name = _vendor(src.rel, folder=False)
        if name is None and set(name_words(stem)) <= _NOT_A_VENDOR and not in_integration:
            # A generic file name in a folder per vendor (`authn/method/github/server.go`): the
            # folder names the vendor, under the same proof of the vendor's own URLs. (Not in
            # an integration's folder: `integrations/bitly/oauth.ts` connects an account.)
            name = _vendor(src.rel)
        if name and not any(name in re.sub(r"[^a-z0-9]", "", host.lower()) for host in _URL_HOST.findall(text)) \
                and name not in _ENDPOINT_PACKAGE.findall(text):
            name = None
    else:
        return
    if name is None:
        if sign_in_path and not set(name_words(stem)) <= _NOT_A_VENDOR:
            # (not the sign-in machinery itself: `auth/oauth2/oauth2.go`, `oidc/provider_config.go`)
            # A provider file of the sign-in code whose vendor its name does not spell
            # (`provider_x.go`, `tools/auth/vk.go`, `lark.go` calling feishu.cn): the vendor
            # API it calls is the sign-in's user-info call (the resolver names it).
            yield Evidence(path=src.rel, line=src.line_of(client.start()), kind=CALL, name=SIGN_IN_CLIENT)
        return
    sid = ctx.index.sign_in_provider(name)
    if _CONNECTOR_FOLDERS & folders and login:
        # A sign-in connector: a provider file of the app's sign-in (its vendor API calls are the
        # sign-in's lookups). For a vendor the catalog has no sign-in for (`connector/openshift/`)
        # it names none: the connector's module fact keeps the vendor's own entry.
        yield Evidence(
            path=src.rel, line=src.line_of(client.start()), kind=CALL, name=SIGN_IN_CLIENT, service=sid or "",
            detail=((("sign_in", name),) if sid else ()) + (("provider_file", "1"), ("connector", "1")),
        )
        return
    yield Evidence(
        path=src.rel, line=src.line_of(client.start()), kind=CALL, name=SIGN_IN_CLIENT,
        service=sid or "", detail=(("sign_in", name),),
    )


_CLIENT_WORDS = ("config/services.php", "provider ==", "provider===", "authoriz", "authurl", "oauth2.endpoint", "oauth2.config", "x/oauth2/", "/oauth1/", "oauth2user",
                 # a run-time write of a Socialite driver's settings (`"services.$service.client_id"`)
                 "services.$", "services.{$", "services.' .", "services.'.", 'services." .', 'services.".')


DETECTOR = Detector(
    name="oauth-clients",
    accepts=accepts,
    detect=detect,
    # A login step or a sign-in path is checked in `detect`: "auth" and "login" are in too
    # many files to be among the scanner's literals.
    literals=lambda ctx: _CLIENT_WORDS,
)
