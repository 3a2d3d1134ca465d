"""Facts about how code talks to services, which no single vendor owns: the HTTP client
used, where auth tokens are kept, the session strategy, OAuth scopes, bucket names,
analytics event names and email template references.

Records carry no service id: the resolver joins them to the services used in the same
file (or to the only service of the right category), which is what makes them generic.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from ...model import BUCKET, EVENT, FEATURE, SCOPE, TEMPLATE, Evidence
from ...textsearch import Prefiltered, required_literals
from .base import Context, Detector, Record, Source
from .code import language_for
from .url_literals import NOT_EXTERNAL_HOST

_HTTP_CLIENTS = (
    # A word boundary written after the literal, not before it: a regex that starts with a
    # literal is searched for at memory speed; one that starts with `\b` or a lookbehind is
    # tried at every character (30-70x slower on a 1 MB file).
    ("fetch", re.compile(r"fetch\((?<![\w.]fetch\()")),
    ("axios", re.compile(r"\baxios(?:\.\w+)?\(")),
    ("got", re.compile(r"\bgot(?:\.(?:get|post|put|patch|delete|head|stream|paginate|extend))?\(")),
    ("ky", re.compile(r"\bky(?:\.(?:get|post|put|patch|delete|head|create|extend))?\(")),
    ("requests", re.compile(r"\brequests\.(?:get|post|put|patch|delete|request|Session)\(")),
    ("httpx", re.compile(r"\bhttpx\.(?:get|post|put|patch|delete|request|Client|AsyncClient)\(")),
    ("aiohttp", re.compile(r"\baiohttp\.ClientSession\(")),
    ("net/http", re.compile(r"\bhttp\.(?:Get|Post|NewRequest(?:WithContext)?)\(")),
    ("Faraday", re.compile(r"\bFaraday\.(?:new|get|post)\b")),
    ("Net::HTTP", re.compile(r"\bNet::HTTP\b")),
    ("HTTParty", re.compile(r"\bHTTParty\.(?:get|post)\b")),
    ("Guzzle", re.compile(r"new(?<!\wnew)\s+(?:\\?GuzzleHttp\\)?Client\(")),
    # (any of the facade's request builders starts a request: `Http::withBasicAuth(...)->get(...)`,
    # `Http::withoutVerifying()->asForm()->post(...)`; not `Http::fake(` of a test)
    ("Laravel HTTP client", re.compile(
        r"\bHttp::(?:get|post|put|patch|delete|head|send|pool|withToken|withHeaders|withBasicAuth|withDigestAuth"
        r"|withoutVerifying|withOptions|withUserAgent|withQueryParameters|withUrlParameters|asForm|asJson"
        r"|acceptJson|accept|timeout|connectTimeout|retry|baseUrl|attach)\(")),
    # (java.net.http: the client is often built once elsewhere; each request is built in place)
    ("HttpClient", re.compile(r"\bnew\s+HttpClient\(|\bHttpClient\.newHttpClient\(|\bHttpRequest\.newBuilder\(")),
    ("RestTemplate", re.compile(r"\bRestTemplate\b|\bWebClient\.(?:create|builder)\(")),
    # (jsoup's `Jsoup.connect(url).get()` fetches and parses a page: a Java scraper's request)
    ("jsoup", re.compile(r"\bJsoup\.connect\(")),
    ("reqwest", re.compile(r"\breqwest::")),
    # .NET: System.Net.Http's request message and async calls on an `HttpClient` field, RestSharp,
    # and the request builders and `IHttpClient.Execute` of the *arr family's shared HTTP layer
    # (`new HttpRequestBuilder(settings.BaseUrl)`, `_httpClient.Execute(request)`). Capitalised
    # methods only: `httpClient.get(` is an Angular service calling its own back end.
    ("HttpClient (.NET)", re.compile(
        r"\bnew\s+HttpRequestMessage\(|\bnew\s+RestClient\(|\bnew\s+(?:Http|JsonRpc|XmlRpc)RequestBuilder\(|"
        r"[hH]ttpClient\.(?:Execute|Get|Post|Put|Patch|Delete|Send|Head|Download)[A-Za-z]*(?:<[\w.]+>)?\(")),
    ("GraphQL client", re.compile(r"\b(?:ApolloClient|GraphQLClient|gql`|graphql-request|urql)\b")),
)
_TOKEN_STORAGE = (
    ("httpOnly cookies", re.compile(r"\bhttpOnly\s*:\s*true|\bhttponly\s*=\s*True|\bHttpOnly\b|SESSION_COOKIE_HTTPONLY|@supabase/ssr|\bcookies\(\)\.set\(")),
    ("localStorage", re.compile(r"\blocalStorage\.setItem\(\s*['\"`][^'\"`]*(?:token|session|auth|jwt)", re.I)),
    ("sessionStorage", re.compile(r"\bsessionStorage\.setItem\(\s*['\"`][^'\"`]*(?:token|session|auth|jwt)", re.I)),
)
_SESSION = (
    ("JWT sessions", re.compile(r"""\bstrategy\s*:\s*['"]jwt['"]|\bjwt\s*:\s*\{|\bJWT_SECRET\b|\bjsonwebtoken\b|\bjwt\.(?:sign|encode)\(""")),
    ("database sessions", re.compile(r"""\bstrategy\s*:\s*['"]database['"]""")),
    ("refresh tokens", re.compile(r"\brefresh_?[tT]oken\b|\bREFRESH_TOKEN\b")),
    ("server-side sessions", re.compile(r"\bexpress-session\b|\bSESSION_ENGINE\b|\bsession_store\b|\bSessionMiddleware\b|\biron-session\b")),
)
# A file must name one of these before the token/session regexes run (they are slow).
_AUTH_WORDS = frozenset({
    "httponly", "cookies", "cookie", "localstorage", "sessionstorage", "strategy", "jwt", "jsonwebtoken",
    "refresh_token", "refreshtoken", "refresh", "session", "sessions", "ssr",
})
# An application's own token, no user's: a Google service account's key (its JSON's
# `"type": "service_account"`, google-auth's `service_account.Credentials`), the client-credentials
# grant (MSAL's `acquire_token_for_client`), the JWT-bearer grant (RFC 7523: the app signs a JWT
# with its service account's key and trades it for a token, `grant_type:
# "urn:ietf:params:oauth:grant-type:jwt-bearer"` posted to https://oauth2.googleapis.com/token by a
# hand-written Pub/Sub or Drive client). A sign-in provider's token endpoint in such a file
# authorizes an API client; nobody signs in there (sign_in.fold_app_token_hosts).
_APP_TOKEN = (
    ("service account", re.compile(
        r"""service_account\.Credentials\b|from_service_account_(?:file|info|json)\(|ServiceAccountCredentials\b|"""
        # (Go's golang.org/x/oauth2/google reading the key: `google.JWTConfigFromJSON(key, scope)`)
        r"""\bgoogle\.(?:JWTConfigFromJSON|CredentialsFromJSON(?:WithParams)?|JWTAccessTokenSourceFromJSON)\(|"""
        # (a key's fields as a map: `"type": "service_account"`, Elixir's `"type" =>` or `type: "service_account"`)
        r"""(?:['"]type['"]|\btype)\s*(?::|=>)\s*['"]service_account['"]""")),
    # (a grant sent, never an identity provider's own `case "urn:...:jwt-bearer":` accepting it)
    ("JWT bearer", re.compile(
        r"""grant_type['"]?\s*(?::|=>|=|,)\s*['"]urn:ietf:params:oauth:grant-type:jwt-bearer['"]""")),
    ("client credentials", re.compile(
        r"""acquire_token_for_client\(|acquireTokenByClientCredential\(|AcquireTokenForClient\(|"""
        r"""grant_type['"]?\s*(?::|=>|=|,)\s*['"]client_credentials['"]""")),
)
# A file that keeps an OAuth grant on an integration's own record: the token lands on a
# connector, integration or installation row (`SearchSourceConnector(...)`, `Integration.create(`,
# `new SlackInstallation(`), or is a bot's token (`"bot_token": ...` of a Slack or Discord app
# install). Such a grant lets the app read a workspace's data through the vendor's API; a
# sign-in keeps the token on the user's account (`OAuthAccount`, `SocialAccount`) instead.
_INTEGRATION_GRANT = (
    # (a record built with arguments: Sentry's `DjangoIntegration()` and `CeleryIntegration()`
    # in a settings file that also names OAuth endpoints hold no grant)
    ("integration record", re.compile(
        r"""(?:Connector|Integration|Installation)(?<=\w\w\w\w\w\w\w\w\w\w)\((?!\s*\))|"""
        r"""(?:connectors?|integrations?|installations?)\.(?:create|update|upsert|save|insert)\(""")),
    ("bot token", re.compile(r"""bot_token['"]?\s*[:=](?!=)""")),
)
_SCOPE = re.compile(r"""\bscopes?\s*[:=]\s*(?:\[\s*)?['"]([\w:/.\- ,]{2,200})['"]""")
_SCOPE_LIST = re.compile(r"""\bscopes?\s*[:=]\s*\[([^\]]{2,300})\]""")
# An HTML table header's `scope="col"` / `scope="row"` (in a template or JSX): no OAuth scope.
_TABLE_SCOPES = frozenset({"row", "col", "rowgroup", "colgroup"})
_EVENT = re.compile(r"""\b(?:capture|track|logEvent|trackEvent|sendEvent|event)\(\s*['"]([A-Za-z][\w .:/-]{1,60})['"]""")
_BUCKET = re.compile(
    # (`myBucket`, `S3_BUCKET_NAME`: the words around "bucket" are not matched, only the
    # value is used, and a leading `\w*` would make the engine try every character.)
    # A default after the env name: `env('AWS_BUCKET', 'media')`, `getenv("S3_BUCKET") or "media"`.
    # Not a comma after the read's closing parenthesis: Laravel's stock `'bucket' => env('AWS_BUCKET'),`
    # is followed by the next key of its array (`'url' => ...`), no bucket's name.
    r"""(?:[Bb]ucket(?:_?[Nn]ame)?\s*[:=]\s*|\.from\(\s*|\.bucket\(\s*|BUCKET[A-Z0-9_]*['"]?\]?(?:\)\s*(?:\?\?|\|\||or)|\s*(?:\?\?|\|\||,|or|(?::\s*\w+\s*)?=))\s*|bucket\w*\s*:\s*str\s*=\s*)['"]([a-z0-9][a-z0-9.\-_]{1,61}[a-z0-9])['"]"""
)
_TEMPLATE = re.compile(r"""\b(\w+)\s*[:=]\s*['"]d-[0-9a-f]{32}['"]|\b(?:template_?[iI]d|TemplateId|TemplateAlias|template_alias)\s*[:=]\s*['"]([\w-]{1,40})['"]""")


_HTTP_CLIENTS = tuple((label, Prefiltered(rx)) for label, rx in _HTTP_CLIENTS)
_APP_TOKEN = tuple((label, Prefiltered(rx)) for label, rx in _APP_TOKEN)
_TOKEN_STORAGE = tuple((label, Prefiltered(rx)) for label, rx in _TOKEN_STORAGE)
_SESSION = tuple((label, Prefiltered(rx)) for label, rx in _SESSION)
_INTEGRATION_GRANT = tuple((label, Prefiltered(rx)) for label, rx in _INTEGRATION_GRANT)


def _fact(src: Source, offset: int, kind: str, name: str) -> Evidence:
    return Evidence(path=src.rel, line=src.line_of(offset), kind=kind, name=name)


# A table of sign-in provider presets that an OAuth configurator offers its admins
# (`const OauthPrefilled = { Google: { authorizeUrl: ..., tokenUrl: ... }, Github: {...}, ... }`,
# `OAUTH_PROVIDER_PRESETS`, `providerTemplates`): endpoints that fill the form's fields for
# whichever provider the admin picks, who then adds a client id of their own. What users sign in
# with is what each customer configures, not this menu. The fact `preset_table:oauth` spans the
# table's lines (`end`); the resolver drops the hosts, calls and scopes found inside it.
# A table only when named as presets, holding the authorize or token URLs of three providers or
# more and no client id or secret (an app's own provider table carries its credentials).
_PRESET_TABLE_NAME = re.compile(
    r"(?:[Pp]refill(?:ed)?|PREFILL(?:ED)?|[Pp]resets?|PRESETS?|[Tt]emplates|TEMPLATES)\w*\s*"
    r"(?::[^=]{0,600}?)?=\s*(?:map\[\w+\][\w.*]+)?[{\[]"  # (a type annotation; Go's `map[string]preset{`)
)
_PRESET_ENDPOINT_KEY = re.compile(
    r"""['"]?(?:authori[sz]e|authori[sz]ation|auth|token)_?(?:Url|URL|url|Uri|URI|uri|Endpoint|endpoint)['"]?\s*[:=]""",
)
_PRESET_CREDENTIAL_KEY = re.compile(r"""['"]?client_?(?:id|secret)['"]?\s*[:=]""", re.I)
_BRACKET_TOKEN = re.compile(r"""'(?:\\.|[^'\\\n])*'|"(?:\\.|[^"\\\n])*"|`(?:\\.|[^`\\])*`|[{}\[\]]""")
_PRESET_MIN_PROVIDERS = 3
_PRESET_MAX_CHARS = 50_000


def _bracketed_end(text: str, start: int) -> int | None:
    """The offset just past the bracket that closes the one at `start` (strings skipped)."""
    depth = 0
    for m in _BRACKET_TOKEN.finditer(text, start, min(len(text), start + _PRESET_MAX_CHARS)):
        tok = m.group(0)
        if tok in "{[":
            depth += 1
        elif tok in "}]":
            depth -= 1
            if depth == 0:
                return m.end()
    return None


def _preset_tables(src: Source, text: str) -> Iterator[Record]:
    """`preset_table:oauth` facts, each with the table's last line as `end`."""
    pos = 0
    while True:
        m = _PRESET_TABLE_NAME.search(text, pos)
        if m is None:
            return
        end = _bracketed_end(text, m.end() - 1)
        if end is None:
            pos = m.end()
            continue
        body = text[m.end() - 1:end]
        if (
            len(_PRESET_ENDPOINT_KEY.findall(body)) >= _PRESET_MIN_PROVIDERS
            and _PRESET_CREDENTIAL_KEY.search(body) is None
        ):
            yield Evidence(path=src.rel, line=src.line_of(m.end() - 1), kind=FEATURE, name="preset_table:oauth",
                           detail=(("end", str(src.line_of(end - 1))),))
        pos = end


_OUTBOUND = re.compile(r"""['"`](?:https?|wss?)://[A-Za-z0-9{$%]|\.(?:post|get|put|request|send)(?:_?json)?\(\s*(?:url|endpoint|api_url|webhook_url|self\.url)\b""", re.I)


# Requests built through an app's own HTTP wrapper: a relative API path joined to a
# configured base URL (self-hosted tools have no fixed host), a request template on that base
# URL (`api: "{url}/api/v3/{endpoint}?apikey={key}"`, filled in by the wrapper), or Go's
# method constants.
# (`/api/4/all` too: a version without its `v`, Glances' REST API), or a path the module's own
# base-URL method joins (`this.url("/rest/ping.view")`, `self.url("/info")`)
_BUILT_REQUEST = re.compile(r"""['"`](?:\{(?:url|baseUrl|base_url)\})?/api/(?:v?\d+(?:\.\d+)?/)?[a-z]|['"`]\{(?:url|baseUrl|base_url)\}/[\w{]"""
                            r"""|\b(?:this|self)\.(?:url|build_?[Uu]rl|api_?[Uu]rl)\(\s*['"`]/[\w{$]"""
                            r"""|\bhttp\.Method(?:Get|Post|Put|Patch|Delete)\b""")
# UI components: without an absolute URL, their requests are the application's own.
_UI_FILES = (".tsx", ".jsx", ".vue", ".svelte", ".astro")


_URL_HOST = re.compile(r"(?:https?|wss?)://([A-Za-z0-9.-]+)")
_LOOPBACK = re.compile(r"^(?:127\.\d+\.\d+\.\d+|0\.0\.0\.0|\[?::1\]?)$")


# Links a person follows, not requests: an `href` (`href="https://www.make.com/en/integrations/x"`),
# or a page of documentation (developers.facebook.com/docs/..., /docs/ on any host).
_LINK_BEFORE = re.compile(r"""\bhref\s*(?:=|:)\s*\{?\s*['"`]$""", re.I)
_DOCS_HOST = frozenset({"docs", "doc", "developers", "developer", "help", "support", "blog", "wiki", "learn", "community", "forum"})
_DOCS_URL_PATH = re.compile(r"/(?:docs?|documentation|reference|guides?|help)(?:[/#?.]|$)", re.I)
# A picture, video or sound file (`videoSrc="https://pub-x.r2.dev/intro.mp4"`, a poster image):
# media a page shows or plays, no request of the code's to the host's API.
_MEDIA_URL = re.compile(
    r"""(?:https?|wss?)://[^\s'"`]*?\.(?:png|jpe?g|gif|webp|svg|ico|bmp|avif|mp4|webm|mov|m4v|ogv|mp3|wav|ogg|m4a)(?=['"`?#])""",
    re.I,
)


def _external(text: str, m: re.Match[str]) -> bool:
    """A URL literal to the machine itself (`http://localhost:3000`, a fallback base URL)
    or to a placeholder host calls nowhere outside; nor does a link or a documentation page."""
    host = _URL_HOST.match(text, m.start() + 1)
    if host is None or text[host.end():host.end() + 1] in ("{", "$", "%"):
        return True  # `.post(url)`, or a URL whose host is a template (`https://${host}`)
    name = host.group(1).lower().rstrip(".")
    if NOT_EXTERNAL_HOST.search(name) or _LOOPBACK.match(name):
        return False
    if _LINK_BEFORE.search(text, text.rfind("\n", 0, m.start()) + 1, m.start() + 1):
        return False
    if name.split(".")[0] in _DOCS_HOST or _DOCS_URL_PATH.match(text, host.end()):
        return False
    if _MEDIA_URL.match(text, m.start() + 1):
        return False
    return True


def calls_http_client(text: str) -> bool:
    """Whether the (comment-free) text calls a known HTTP client."""
    return any(rx.search(text) for _, rx in _HTTP_CLIENTS)


def calls_out(src: Source) -> bool:
    """Whether this code file talks HTTP to somewhere: a known client call, a URL literal,
    or a request to an API path built on a configured base URL."""
    lang = language_for(src.name)
    if lang is None:
        return False
    text = src.stripped(lang.comments)
    if any(_external(text, m) for m in _OUTBOUND.finditer(text)):
        return True
    if src.name.endswith(_UI_FILES):
        return False  # a component's requests go to the application's own back end
    return bool(_BUILT_REQUEST.search(text)) or any(rx.search(text) for _, rx in _HTTP_CLIENTS)


def builds_requests(src: Source) -> bool:
    """Whether this code file requests a relative API path on a configured base URL (a
    self-hosted tool's module: `this.url("/api/v1/search")`)."""
    lang = language_for(src.name)
    if lang is None or src.name.endswith(_UI_FILES):
        return False
    return bool(_BUILT_REQUEST.search(src.stripped(lang.comments)))


_OUTBOUND_CALL = re.compile(r"""\.(?:post|get|put|request|send)(?:_?json)?\(\s*(?:url|endpoint|api_url|webhook_url|self\.url)\b""", re.I)


def makes_requests(src: Source) -> bool:
    """Stricter than `calls_out`: an HTTP client call or a request to a URL variable, not a
    mere URL literal (a plugin's `author_url = "https://github.com/..."` calls nowhere)."""
    lang = language_for(src.name)
    if lang is None:
        return False
    text = src.stripped(lang.comments)
    return bool(_OUTBOUND_CALL.search(text) or _BUILT_REQUEST.search(text)) or any(rx.search(text) for _, rx in _HTTP_CLIENTS)


# A Google service account's key kept in a config file rather than code: Active Storage's
# `config/storage.yml` GCS `credentials:` map, a committed JSON key. Its boilerplate fields
# `auth_uri: https://accounts.google.com/o/oauth2/auth` and `token_uri` name Google's sign-in
# hosts, yet they authorize the app's own API client (sign_in.fold_app_token_hosts), as in code.
_KEY_CONFIG_FILES = (".yml", ".yaml", ".json")
_SERVICE_ACCOUNT_LABEL, _SERVICE_ACCOUNT = _APP_TOKEN[0]
_YAML_COMMENT_BEFORE = re.compile(r"(?:^|\n)[ \t]*#[^\n]*$")


def _config_service_account(src: Source) -> Iterator[Record]:
    """The app-token fact of a config file holding a service account's key (not a commented one)."""
    m = _SERVICE_ACCOUNT.search(src.text, src.present)
    if m and not _YAML_COMMENT_BEFORE.search(src.text, max(0, m.start() - 300), m.start()):
        yield _fact(src, m.start(), FEATURE, f"app_token:{_SERVICE_ACCOUNT_LABEL}")


def detect(src: Source, ctx: Context) -> Iterator[Record]:
    lang = language_for(src.name)
    if lang is None:
        if src.name.endswith(_KEY_CONFIG_FILES):
            yield from _config_service_account(src)
        return
    # As in the code detector: comments are blanked only in files where the raw text shows
    # something, and what was inside a comment is gone on the second look.
    if next(_facts(src, src.text), None) is None:
        return
    yield from _facts(src, src.stripped(lang.comments))


def _facts(src: Source, text: str) -> Iterator[Record]:
    present = src.present  # this detector's literals found in the file, when the scanner gated it
    for label, rx in _HTTP_CLIENTS:
        m = rx.search(text, present)
        if m:
            yield _fact(src, m.start(), FEATURE, f"http_client:{label}")
    for label, rx in _APP_TOKEN:
        m = rx.search(text, present)
        if m:
            yield _fact(src, m.start(), FEATURE, f"app_token:{label}")
    for label, rx in _INTEGRATION_GRANT if src.mentions(("access_token", "accesstoken", "oauth")) else ():
        m = rx.search(text, present)
        if m:
            yield _fact(src, m.start(), FEATURE, f"integration_grant:{label}")
    if any(w in src.lowered for w in ("prefill", "preset", "template")) and "oauth" in src.lowered:
        yield from _preset_tables(src, text)
    auth = src.mentions(_AUTH_WORDS)
    for label, rx in _TOKEN_STORAGE if auth else ():
        m = rx.search(text, present)
        if m:
            yield _fact(src, m.start(), FEATURE, f"token_storage:{label}")
    for label, rx in _SESSION if auth else ():
        m = rx.search(text, present)
        if m:
            yield _fact(src, m.start(), FEATURE, f"session:{label}")
    scopes: dict[str, int] = {}
    has_scope = src.mentions(("scope", "scopes"))
    for m in _SCOPE.finditer(text) if has_scope else ():
        if m.group(1) in _TABLE_SCOPES:
            continue
        for s in re.split(r"[\s,]+", m.group(1)):
            scopes.setdefault(s, m.start(1))
    for m in _SCOPE_LIST.finditer(text) if has_scope else ():
        for s in re.findall(r"""['"]([\w:/.\-]{2,100})['"]""", m.group(1)):
            scopes.setdefault(s, m.start(1))
    for scope, offset in scopes.items():
        if scope:
            yield _fact(src, offset, SCOPE, scope)
    seen: set[tuple[str, str]] = set()
    wanted = (
        (EVENT, _EVENT, 1, src.mentions(("capture", "track", "logevent", "trackevent", "sendevent", "event"))),
        (BUCKET, _BUCKET, 1, "bucket" in src.lowered or (src.mentions(("storage",)) and src.mentions(("from",)))),
    )
    for kind, rx, group, present in wanted:
        if not present:
            continue
        for m in rx.finditer(text):
            value = m.group(group)
            if (kind, value) not in seen:
                seen.add((kind, value))
                yield _fact(src, m.start(group), kind, value)
    for m in _TEMPLATE.finditer(text) if "template" in src.lowered else ():
        value = m.group(1) or m.group(2)
        if (TEMPLATE, value) not in seen:
            seen.add((TEMPLATE, value))
            yield _fact(src, m.start(), TEMPLATE, value)


def gate_literals(ctx: Context | None = None) -> frozenset[str] | None:
    """What a file must contain for any of the regexes above to match."""
    regexes = [rx.regex for _, rx in (*_HTTP_CLIENTS, *_APP_TOKEN, *_TOKEN_STORAGE, *_SESSION, *_INTEGRATION_GRANT)]
    out: set[str] = set()
    for rx in (*regexes, _SCOPE, _SCOPE_LIST, _EVENT, _BUCKET, _TEMPLATE, _PRESET_TABLE_NAME):
        lits = required_literals(rx)
        if lits is None:
            return None
        out.update(lit.lower() for lit in lits)
    return frozenset(out)


DETECTOR = Detector(
    name="code-facts",
    accepts=lambda rel, name, ctx: (
        language_for(name) is not None and not name.endswith((".min.js", ".d.ts")) or name.endswith(_KEY_CONFIG_FILES)
    ),
    detect=detect,
    literals=gate_literals,
)
