"""Webhooks: incoming routes (with their signature check and events) and outgoing posts.

Routes are recognised in the common shapes of every framework (file-based routes of
Next.js, router calls of Express/Flask/FastAPI/Django/Rails/Laravel/Go/Spring) when the
route path says "webhook" or "hook". Which vendor sends it comes from the catalog: the
vendor named in the path, else the vendor whose `webhook_verify` pattern the handler uses.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from ...model import WEBHOOK_IN, WEBHOOK_OUT, Evidence
from ..lexing import C_STYLE
from .base import Context, Detector, Record, Source
from .code import language_for
from ...names import name_words
from .module_paths import module_of

_HOOKY = r"[\w\-/:{}\[\]<>.$]*(?:webhooks?|hooks?)(?:[\w\-/:{}\[\]<>.$]*)"
_ROUTE_CALL = re.compile(
    r"""(?:\.(?:post|put|all|route|api_route|add_url_rule|HandleFunc|Handle|POST|PUT|Any)|\b(?:path|re_path|url|post|match|Route::(?:post|any|match))|@(?:Post|Request)Mapping|@\w+\.(?:post|route))\s*\(?\s*(?:value\s*=\s*)?r?['"`](/?""" + _HOOKY + r""")['"`]""",
    re.I,
)
# Class-based controllers (NestJS, overnightjs, routing-controllers, Spring): the class names a
# path prefix, each handler method its POST below it (`@Controller('webhooks')` + `@Post('stripe')`,
# `@Controller("sns")` + `@Post()`, `@RequestMapping("/hooks")` + `@PostMapping`).
_CONTROLLER = re.compile(
    r"""@(?:Controller|JsonController|RestController|RequestMapping)\s*\(\s*(?:(?:value|path)\s*=\s*)?['"`]([^'"`\n]*)['"`]"""
)
_POST_METHOD = re.compile(r"""@(?:Post|PostMapping)\b(?:\s*\(\s*(?:(?:value|path)\s*=\s*)?(?:['"`]([^'"`\n]*)['"`])?)?""")
_GENERIC_VERIFY = (
    (re.compile(r"\bcreateHmac\s*\("), "HMAC signature check (createHmac)"),
    (re.compile(r"\bhmac\.(?:new|compare_digest)\b"), "HMAC signature check (hmac)"),
    (re.compile(r"\btimingSafeEqual\b|\bsecure_compare\b|\bhash_equals\b|\bConstantTimeCompare\b"), "constant-time signature comparison"),
    (re.compile(r"\bcrypto\.subtle\.verify\b|\bverifySignature\b|\bverify_signature\b"), "signature verification"),
    (re.compile(r"""[Aa]uthorization['"]?\]?\s*(?:!==?|===?|!=|==)|Bearer \$\{process\.env\.\w+\}|Bearer \{"""), "shared secret in the Authorization header"),
)
_EVENT = re.compile(r"""(?:\bcase\s+|===?\s*|==\s*|\bin\s*\(\s*)['"]([a-z][a-z0-9_]*(?:[.:][a-z0-9_]+)+)['"]""")
_HTTP_POST = re.compile(
    r"""\b(?:fetch|axios\s*\.post|axios|got\.post|ky\.post|requests\.post|httpx\.post|client\.post|session\.post|http\.Post|Net::HTTP\.post|HTTParty\.post|Http::post|\$http->post|\.post|->post|new\s+HttpPost)\s*\("""
)
_WEBHOOK_VAR = re.compile(r"\b([A-Z][A-Z0-9_]*(?:WEBHOOK|HOOK_URL|CALLBACK_URL)[A-Z0-9_]*)\b")
_RETRY = re.compile(
    r"\b(?:retry|retries|maxRetries|max_retries|MAX_ATTEMPTS|MAX_RETRIES|attempts?|backoff|tenacity|p-retry|async-retry)\b",
    re.I,
)
_LIMIT_NAME = r"\w*(?:ATTEMPTS|RETRIES|[aA]ttempts|[rR]etries)\w*"
_LIMIT_USE = re.compile(r"(?:<=?|range\(\s*\d+\s*,|range\()\s*(" + _LIMIT_NAME + r"|\d{1,2})\b")
_LIMIT_SET = re.compile(r"\b(" + _LIMIT_NAME + r")\s*[:=]\s*(\d{1,2})\b")
_FUNC = re.compile(r"(?:\bfunction\s+(\w+)|\bdef\s+(\w+)|\b(?:const|let)\s+(\w+)\s*=\s*(?:async\s*)?(?:\([^)]*\)|\w+)\s*=>|\bfunc\s+(?:\([^)]*\)\s*)?(\w+))")


# A function named for the vendor whose webhook it posts to: `slackWebhook`, `discordWebhook`,
# `sendMattermostWebhook`, `post_zulip_webhook` (one per messenger in a notifications service).
_VENDOR_HOOK_FUNC = re.compile(
    r"(?:\bfunction\s+|\bdef\s+|\bfunc\s+(?:\([^)]*\)\s*)?)(?:send|post|notify|call)?_?([A-Za-z][a-z0-9]+)_?[Ww]ebhook\s*\("
)


# A sender per vendor named for what it sends: `sendSlackAlert`, `sendRocketChatAlert`,
# `sendGotifyNotification`, `send_dingtalk_message`, `postMattermostNotification` (an app's alert or
# notification channels, each posting to the URL a user set: a chat's incoming webhook, a
# self-hosted server's API). The vendor is the words between the verb and the role word; in
# camelCase the role word may be left out (`sendGotify`, `sendPushover`), and in snake_case
# when `to` names the vendor as the destination (`send_to_mattermost`, `post_to_slack_message`).
_ROLE = r"(?:Alert|Notification|Notify|Message|alert|notification|notify|message)s?"
_VENDOR_SENDER_FUNC = re.compile(
    r"(?:\bfunction\s+|\bdef\s+|\bfunc\s+(?:\([^)]*\)\s*)?|\b(?:const|let|var)\s+|^[ \t]*(?:(?:public|private|protected|internal|static|async|final|suspend|override|fun)\s+)*"
    r"(?:(?!return\b|await\b|new\b|yield\b)[\w.]+(?:<[\w<>, .?]*>)?\??\s+)?)"
    r"((?:send|post|notify|push)(?:_(?:to_)?([a-z][a-z0-9]+(?:_[a-z0-9]+)?)_" + _ROLE + r"|_to_([a-z][a-z0-9]+)|([A-Z][A-Za-z0-9]+?)(?:" + _ROLE + r")?))"
    r"\s*(?:\(|=\s*(?:async\s*)?(?:function\b|\(|\w+\s*=>))",
    re.M,
)
# The sender's body makes the request: an HTTP POST, or a request built for one (Go's
# `http.NewRequest("POST", ...)` sent by a client's `Do`).
_SENDS = re.compile(_HTTP_POST.pattern + r"|\bhttp\.NewRequest(?:WithContext)?\s*\(")
_SENDER_SPAN = 6000  # how far a sender's body may run when no other function follows it


# A recogniser of one vendor's webhook URLs, named for it: `SLACK_WEBHOOK_URL_REGEX =
# %r{//hooks\.slack\.com/services/...}`, `DISCORD_WEBHOOK_PATTERN = re.compile(...)`,
# `const teamsWebhookRegex = /.../`. An app that posts to webhook URLs its users set matches them
# against these to send that vendor its own payload format (Slack mrkdwn, a chat's form post):
# it integrates with the vendor, though the URL is the user's. The vendor is the longest run of
# the leading words that is a catalog service by id or name (`BASECAMP_CAMPFIRE_WEBHOOK_...`: Basecamp).
_VENDOR_HOOK_PATTERN = re.compile(
    r"\b(?:([A-Z][A-Z0-9]*(?:_[A-Z0-9]+)*?)_WEBHOOKS?(?:_URLS?)?_(?:REGEXP?|RE|PATTERNS?|MATCHER|PREFIX|HOSTS?|DOMAINS?)"
    r"|([a-z][a-z0-9]*(?:[A-Z][a-z0-9]+)*?)Webhooks?(?:Urls?|URLS?)?(?:Regexp?|RegExp|Re|Patterns?|Matcher|Prefix|Hosts?|Domains?))"
    r"\s*(?::\s*\w+\s*)?=(?!=)"
)


def _vendor_of_words(words: list[str], ctx: Context) -> str:
    """The catalog service the longest leading run of `words` names ('' when none, or one
    named with an everyday word)."""
    for k in range(len(words), 0, -1):
        sid = ctx.index.service_titled("".join(words[:k]))
        if sid:
            return "" if ctx.catalog.services[sid].word_name else sid
    return ""


def _vendor_hook_patterns(src: Source, text: str, ctx: Context) -> Iterator[Record]:
    """Outgoing webhooks of the vendors whose URLs the app recognises (`SLACK_WEBHOOK_URL_REGEX`)."""
    seen: set[str] = set()
    if "_WEBHOOK" not in text and "Webhook" not in text:
        return  # the pattern's own literals: a plain `in` spares a regex with no literal prefix
    for m in _VENDOR_HOOK_PATTERN.finditer(text):
        words = m.group(1).lower().split("_") if m.group(1) else name_words(m.group(2))
        sid = _vendor_of_words(words, ctx)
        if sid and sid not in seen:
            seen.add(sid)
            name = m.group(0).split("=")[0].split(":")[0].strip()
            yield Evidence(
                path=src.rel, line=src.line_of(m.start()), kind=WEBHOOK_OUT, name=name, service=sid,
                detail=(("trigger", f"URLs matching {name} in {src.name}"), ("retry", "")),
            )


# A post to a URL held in a variable named for the vendor: `fetch(slackURL, {method: "POST"})`,
# `requests.post(discord_webhook_url, json=...)`, `axios.post(this.teamsWebhookUrl, ...)` (an app's
# alert channel per vendor, posting the vendor's own payload to the webhook URL a user set).
# The client may start a promise chain on its own line (`axios\n  .post(...)`), and the variable may
# sit deep in the app's settings (`Database.notificationSettings.appriseApiUrl`: an Apprise API
# server the user runs).
_VENDOR_URL_POST = re.compile(
    r"\b(fetch|axios\s*\.post|got\.post|ky\.post|requests\.post|httpx\.post|client\.post|session\.post|http\.Post|"
    r"HTTParty\.post|Http::post|\$http->post|Net::HTTP\.post)\s*\(\s*(?:@|\$)?(?:[A-Za-z_]\w*(?:\.|->)){0,3}"
    r"([A-Za-z][A-Za-z0-9]*?)_?(?:[Ww]ebhook_?)?(URL|Url|url|URI|Uri|uri)\b"
)
_FETCH_POST = re.compile(r"""\bmethod\s*:\s*['"`]POST['"`]""", re.I)
_FETCH_SPAN = 400  # how far after `fetch(` its options may say POST


def _vendor_url_posts(src: Source, text: str, ctx: Context) -> Iterator[Record]:
    """Posts to a URL in a variable named `<vendor>Url` / `<vendor>_webhook_url`."""
    for m in _VENDOR_URL_POST.finditer(text):
        if m.group(1) == "fetch" and not _FETCH_POST.search(text, m.end(), _call_end(text, m.end())):
            continue  # a GET: reading something, not notifying the vendor
        sid = _vendor_of_words(name_words(m.group(2)), ctx)
        if not sid:
            continue
        func = _enclosing_function(text, m.start())
        var = text[m.start(2):m.end(3)]
        yield Evidence(
            path=src.rel, line=src.line_of(m.start()), kind=WEBHOOK_OUT, name=f"POST to {var}", service=sid,
            detail=(("trigger", f"{func}() in {src.name}" if func else f"code in {src.name}"),
                    ("retry", _retry(_function_body(text, m.start()), text))),
        )


def _call_end(text: str, start: int) -> int:
    """Where the call whose arguments run from `start` closes (its `)` at depth 0), at most
    `_FETCH_SPAN` characters on."""
    depth = 0
    end = min(len(text), start + _FETCH_SPAN)
    for i in range(start, end):
        c = text[i]
        if c in "([{":
            depth += 1
        elif c in ")]}":
            if depth == 0:
                return i
            depth -= 1
    return end


def _vendor_hook_functions(text: str, ctx: Context) -> Iterator[tuple[int, str, str]]:
    """(offset, function name, service) of each function named `<vendor>Webhook` whose body
    makes an HTTP POST: the app notifies that vendor's chat through a user's webhook URL."""
    for m in _VENDOR_HOOK_FUNC.finditer(text):
        sid = ctx.index.service_titled(m.group(1))
        if sid and _HTTP_POST.search(_function_body(text, m.end())):
            yield m.start(), _enclosing_function(text, m.end()), sid


def _vendor_sender_functions(text: str, ctx: Context) -> Iterator[tuple[int, str, str]]:
    """(offset, function name, service) of each function named `send<Vendor>Alert` /
    `send<Vendor>Notification` whose own body (up to the next function or sender) makes an
    HTTP request. The vendor is a catalog service by its own id or name, and not one named with
    an everyday word (catalog `word_name`: `sendThreadsNotification` is about the app's threads)."""
    senders = list(_VENDOR_SENDER_FUNC.finditer(text))
    for n, m in enumerate(senders):
        sid = ctx.index.service_titled(m.group(2) or m.group(3) or m.group(4))
        if not sid or ctx.catalog.services[sid].word_name:
            continue
        end = min(len(text), m.end() + _SENDER_SPAN, senders[n + 1].start() if n + 1 < len(senders) else len(text))
        nxt = _FUNC.search(text, m.end(), end)
        if _SENDS.search(text, m.end(), nxt.start() if nxt else end):
            yield m.start(1), m.group(1), sid


# A verifier per vendor of the webhooks an app receives: `validateStripeWebhook`,
# `verifySvixSignature`, `verify_github_signature` (an app that takes events from several
# vendors on one route checks each one's signature scheme in its own function).
_VENDOR_VERIFIER_FUNC = re.compile(
    r"(?:\bfunction\s+|\bdef\s+|\bfunc\s+(?:\([^)]*\)\s*)?|^[ \t]*(?:(?:public|private|protected|static|async)\s+)+)"
    r"((?:validate|verify)(?:_([a-z][a-z0-9]+)_(?:webhook|signature|payload)|([A-Z][A-Za-z0-9]+?)(?:Webhook|Signature|Payload)))\s*\(",
    re.M,
)
_CHECKS_SIGNATURE = re.compile(r"(?i)signature|hmac")


# A verifier type per vendor: `type GithubVerifier struct`, `func NewShopifyVerifier(`,
# `class StripeWebhookVerifier`, `class TwitterSignatureValidator` (a webhook gateway or an app
# taking events from several vendors keeps one verifier class per vendor's signature scheme,
# picked by the source's provider). The vendor must be one whose webhooks the catalog knows to
# be signed (`webhook_verify`), and the type's own text (up to the next verifier type) must
# check a signature or an HMAC: `class JwtVerifier` or a `PayloadValidator` is no vendor's.
_VENDOR_VERIFIER_TYPE = re.compile(
    r"(?:\bfunc\s+New|\b(?:class|type|struct)\s+)([A-Z][A-Za-z0-9]*?)(?:Webhooks?|Signature|Hmac|HMAC)?(?:Verifier|Validator)\b"
)
_VERIFIER_TYPE_SPAN = 2000  # how far a verifier type's text may run when no other follows it


def _vendor_verifier_types(src: Source, text: str, ctx: Context) -> Iterator[Record]:
    """Incoming webhooks of the vendors an app verifies with a type per vendor."""
    if not any(word in src.lowered for word in _VERIFIER_LITERALS):
        return
    found = list(_VENDOR_VERIFIER_TYPE.finditer(text))
    seen: set[str] = set()
    for n, m in enumerate(found):
        sid = ctx.index.service_titled(m.group(1))
        if not sid or sid in seen or ctx.catalog.services[sid].word_name or not ctx.catalog.services[sid].webhook_verify:
            continue
        end = min(len(text), m.end() + _VERIFIER_TYPE_SPAN, found[n + 1].start() if n + 1 < len(found) else len(text))
        if _CHECKS_SIGNATURE.search(text, m.end(), end):
            seen.add(sid)
            yield Evidence(
                path=src.rel, line=src.line_of(m.start(1)), kind=WEBHOOK_IN, name=m.group(0).split()[-1],
                service=sid, detail=(("events", ""), ("verification", "signature")),
            )


def _vendor_verifiers(src: Source, text: str, ctx: Context) -> Iterator[Record]:
    """Incoming webhooks of the vendors an app verifies one by one: a function named
    `validate<Vendor>Webhook` / `verify<Vendor>Signature` whose body checks a signature. The
    vendor is a catalog service by its id or name, not one named with an everyday word."""
    yield from _vendor_verifier_types(src, text, ctx)
    if "validate" not in text and "verify" not in text:
        return  # the pattern's own literals (a plain `in` is much cheaper than its `^`-anchored scan)
    for m in _VENDOR_VERIFIER_FUNC.finditer(text):
        sid = ctx.index.service_titled(m.group(2) or m.group(3))
        if not sid or ctx.catalog.services[sid].word_name:
            continue
        if _CHECKS_SIGNATURE.search(_function_body(text, m.end())):
            yield Evidence(
                path=src.rel, line=src.line_of(m.start(1)), kind=WEBHOOK_IN, name=f"{m.group(1)}()", service=sid,
                detail=(("events", ""), ("verification", "signature")),
            )


def _route_from_file(rel: str) -> str | None:
    """Next.js / SvelteKit / Remix file routes whose path names a webhook."""
    low = rel.lower()
    if "hook" not in low:
        return None
    m = re.search(r"(?:^|/)app/((?:(?!(?:^|/)app/).)+)/(?:route\.(?:ts|js|mjs)|\+server\.(?:ts|js))$", rel)
    if m:
        parts = [p for p in m.group(1).split("/") if not (p.startswith("(") and p.endswith(")"))]
        return "/" + "/".join(parts)
    m = re.search(r"(?:^|/)pages/(api/.+)\.(?:ts|js|tsx|jsx)$", rel)
    if m:
        route = "/" + m.group(1)
        return route[: -len("/index")] if route.endswith("/index") else route
    return None


def _controller_routes(text: str) -> Iterator[tuple[str, int]]:
    """(route, offset) of each POST handler of a class-based controller: the class's prefix and
    the method's path joined (`webhooks` + `stripe` = `/webhooks/stripe`)."""
    prefixes = [(m.start(), m.group(1).strip("/")) for m in _CONTROLLER.finditer(text)]
    if not prefixes:
        return
    for m in _POST_METHOD.finditer(text):
        before = [p for off, p in prefixes if off < m.start()]
        if not before:
            continue
        parts = [p for p in (before[-1], (m.group(1) or "").strip("/")) if p]
        yield "/" + "/".join(parts), m.start()


# A router's scope block whose path says webhook (Phoenix `scope "/webhook", AppWeb do`, Rails
# `scope "/webhooks" do`): every route inside it is one, though its own path (`/exotel/optin`,
# `/stripe`) does not say so. The block ends at the `end` indented like its `scope` line.
_HOOK_SCOPE = re.compile(r"""^([ \t]*)scope\s*\(?\s*['"](/?[\w\-/]*hooks?[\w\-/]*)['"][^\n]*\bdo\s*$""", re.M | re.I)
_SCOPED_ROUTE = re.compile(
    r"""^[ \t]*(?:get|post|put|patch|match|forward)\s*\(?\s*(?::\w+\s*,\s*)?['"](/?[\w\-/:.]*)['"]\s*,\s*([A-Z][\w.]*)?""",
    re.M,
)


# A webhook router by its file's path (`routes/webhooks.js`, `webhooks/router.py`), mounted under
# a webhook prefix elsewhere (`app.use('/webhooks', webhooks)`): each POST route in it whose last
# segment names a catalog vendor (`router.post('/sendgrid', ...)`, `router.postAsync('/postal', ...)`)
# receives that vendor's events, though its own path does not say "hook". The vendor is the
# route's last own segment (`/sendgrid`, `/v1/mailgun/:id`): a route below it names something of
# the app's about the vendor (`/facebook/data-deletion`, a sign-in's deletion callback). Only a
# router's or app's own call (not an HTTP client's `axios.post('/x')`), and only a vendor not named
# with an everyday word: a webhooks admin API's `/`, `/:id/test` or `/events` names none.
_HOOK_FILE_POST = re.compile(
    r"""(?:\b(?:\w*[Rr]outer|app|server|routes?|api|r|e|g|mux|bp|blueprint|webhooks?|hooks?)\.(?:post|postAsync|POST|Post|HandleFunc)"""
    r"""|@\w+\.(?:post|route)|\bRoute::post)\s*\(\s*r?['"`](/?[A-Za-z][\w\-/:{}<>$*]*)['"`]"""
)


def _hook_file_routes(text: str, ctx: Context) -> Iterator[tuple[str, int, str]]:
    """(route, offset, service) of each POST route of a webhook router file naming a vendor."""
    for m in _HOOK_FILE_POST.finditer(text):
        own = [p for p in m.group(1).split("/") if p and not p.startswith((":", "{", "<", "$", "*"))]
        segment = own[-1] if own else ""
        if not segment or "hook" in m.group(1).lower() or segment.lower() in _GENERIC_PRODUCT_WORDS:
            continue  # a path saying "hook" is the webhook-route rule's
        sid = ctx.index.service_titled(segment)
        if sid and not ctx.catalog.services[sid].word_name:
            yield m.group(1), m.start(1), sid


def _scoped_routes(text: str) -> Iterator[tuple[str, int, str]]:
    """(route, offset, controller) of each route inside a webhook scope block: the scope's path
    and the route's joined (`/webhook` + `/exotel/optin`)."""
    for scope in _HOOK_SCOPE.finditer(text):
        end = re.compile(r"^" + re.escape(scope.group(1)) + r"end\b", re.M).search(text, scope.end())
        for m in _SCOPED_ROUTE.finditer(text, scope.end(), end.start() if end else len(text)):
            route = "/" + "/".join(p for p in (scope.group(2).strip("/"), m.group(1).strip("/")) if p)
            yield route, m.start(1), m.group(2) or ""


def _scoped_vendor(route: str, controller: str, ctx: Context) -> str:
    """The catalog vendor a scoped webhook route names by its first own segment or its
    controller (`/webhook/exotel/optin`, `ExotelController`), not one named with an everyday word."""
    segments = [p for p in route.strip("/").split("/")[1:] if p and not p.startswith((":", "{", "*"))]
    names = segments[:1] + [re.sub(r"Controller$", "", controller.rsplit(".", 1)[-1])] if controller else segments[:1]
    for name in names:
        sid = name and ctx.index.service_titled(name)
        if sid and not ctx.catalog.services[sid].word_name:
            return sid
    return ""


# Words a catalog id may end with that name no vendor alone in a route (`btcpay-server`,
# `coinbase-commerce`): any app has its own `media-server` or `commerce` webhook.
_GENERIC_PRODUCT_WORDS = frozenset({"server", "commerce", "cloud", "api", "app", "hub", "pay", "payments",
                                    "platform", "service", "services", "webhooks", "events"})


# Incoming log drains and event feeds named by route: a log service's ingest endpoint per
# sender (`post "/logs/logplex"` for Heroku's log router, `/logs/netlify`, `/ingest/vercel`,
# `/drains/heroku`), each parsing that vendor's own payload. A POST route under an ingest prefix
# whose next segment is a catalog vendor (by id or name, or a product word of its own in the
# catalog's `keywords`: logplex) is that vendor's incoming webhook. Only POSTs, only under these
# prefixes, and only a vendor not named with an everyday word: `/logs/json`, `/logs/:id` name none.
_INGEST_PREFIX = r"(?:api/)?(?:v\d+/)?(?:logs?|ingest|drains?|log[-_]?drains?)"
_INGEST_ROUTE = re.compile(
    r"""(?:\.(?:post|POST)|\b(?:post|Route::post)|@(?:Post|PostMapping)|@\w+\.post)\s*\(?\s*(?:value\s*=\s*)?"""
    r"""['"`](/?""" + _INGEST_PREFIX + r"""/([A-Za-z][\w-]*)(?:/[^'"`\s]*)?)['"`]"""
)
# ... or a POST inside a router scope on such a prefix (Phoenix/Rails `scope "/logs" do`), its
# path a literal or a variable the router iterates over a list of prefixes with (Phoenix's
# `for path <- ["/logs", "/api/logs"] do scope path, AppWeb do`).
_INGEST_SCOPE = re.compile(
    r"""^([ \t]*)scope\s*\(?\s*(?:['"](/?""" + _INGEST_PREFIX + r""")/?['"]|([a-z_]\w*))\s*[,)\s][^\n]*\bdo\s*$""",
    re.M,
)
_INGEST_PATH = re.compile(r"/?" + _INGEST_PREFIX + r"/?")
_SCOPED_POST = re.compile(r"""^[ \t]*post\s*\(?\s*['"]/?([A-Za-z][\w-]*)(?:/[^'"\s]*)?['"]""", re.M)


_DRAIN_SENDERS = frozenset({"hosting", "logs", "ci"})


def _ingest_vendor(segment: str, ctx: Context) -> str:
    """The catalog vendor an ingest route's segment names ('' for none or an everyday word)."""
    if segment.lower() in _GENERIC_PRODUCT_WORDS:
        return ""
    sid = ctx.index.service_titled(segment)
    if not sid:
        # a product word of a platform that sends logs or events (Heroku's `logplex`); other
        # services' keywords are client or driver names (`android`, `postgres`, `sendmail`)
        sid = ctx.index.service_keyword(segment)
        sid = sid if sid and ctx.catalog.services[sid].category in _DRAIN_SENDERS else None
    return "" if not sid or ctx.catalog.services[sid].word_name else sid


def _ingest_routes(text: str, ctx: Context) -> Iterator[tuple[str, int, str]]:
    """(route, offset, service) of each POST route under an ingest prefix naming a vendor."""
    posts = "post" in text or "Post" in text or "POST" in text  # the route pattern's own literals
    for m in _INGEST_ROUTE.finditer(text) if posts else ():
        sid = _ingest_vendor(m.group(2), ctx)
        if sid:
            yield "/" + m.group(1).lstrip("/"), m.start(1), sid
    for scope in _INGEST_SCOPE.finditer(text) if "scope" in text else ():
        prefix = scope.group(2)
        if prefix is None:  # `scope path` inside `for path <- ["/logs", ...] do`
            loop = None
            for loop in re.finditer(r"\bfor\s+" + re.escape(scope.group(3)) + r"\s*<-\s*\[([^\]]{0,300})\]", text[: scope.start()]):
                pass
            paths = re.findall(r"""['"]([^'"]+)['"]""", loop.group(1)) if loop else []
            prefix = next((p for p in paths if _INGEST_PATH.fullmatch(p)), None)
            if prefix is None:
                continue
        end = re.compile(r"^" + re.escape(scope.group(1)) + r"end\b", re.M).search(text, scope.end())
        for m in _SCOPED_POST.finditer(text, scope.end(), end.start() if end else len(text)):
            sid = _ingest_vendor(m.group(1), ctx)
            if sid:
                yield "/" + prefix.strip("/") + "/" + m.group(1), m.start(1), sid


# Incoming-event routes named `<vendor>/incoming` or `<vendor>/inbound`: an alerting or ticketing
# app keeps one receiver per sending vendor (`POST /api/v2/grafana/incoming`,
# `/site24x7/incoming`, Mailgun's and SendGrid's inbound-mail `/mailgun/inbound`), each parsing
# that vendor's own payload, and the path need not say "hook". Go 1.22's mux patterns put the
# method in the literal (`HandleFunc("POST /api/...")`). The vendor is the segment right before
# the role word, a catalog vendor not named with an everyday word (`/messages/incoming`,
# `/email/inbound` name none); a path saying "hook" is left to the webhook-route rule.
_INBOUND_ROUTE = re.compile(
    r"""(?:\.(?:post|POST|Post|HandleFunc|Handle|route|add_url_rule|api_route)|\b(?:post|Route::post|path|re_path)"""
    r"""|@(?:Post|PostMapping)|@\w+\.(?:post|route))\s*\(?\s*(?:value\s*=\s*)?"""
    r"""['"`](?:POST\s+)?(/?(?:[\w\-{}:.$]+/)*?([A-Za-z][\w-]*)/(?:incoming|inbound)(?:/[^'"`\s]*)?)['"`]"""
)


def _inbound_routes(text: str, ctx: Context) -> Iterator[tuple[str, int, str]]:
    """(route, offset, service) of each `<vendor>/incoming` route naming a catalog vendor."""
    for m in _INBOUND_ROUTE.finditer(text):
        if "hook" in m.group(1).lower():
            continue
        sid = _ingest_vendor(m.group(2), ctx)
        if sid:
            yield "/" + m.group(1).lstrip("/"), m.start(1), sid


def _module_vendor(rel: str, ctx: Context) -> str:
    """The catalog service whose integration module holds this file
    (`integrations/resend/endpoints.py`, `integrations/chargeback_stop/endpoints.py`), or ''."""
    found = module_of(rel) if rel else None
    if found is None:
        return ""
    return ctx.index.service_named(found[0]) or ""


def _service_for(
    route: str, text: str, ctx: Context, src: Source | None = None, memo: dict[str, tuple[str, str]] | None = None
) -> tuple[str, str]:
    """(service id, verification) for a webhook handler.

    The route counts only through the vendor it names: `memo` keeps the file's verification
    search per such vendor, since a file with many routes (a test suite posting to 57 webhook
    paths) would otherwise run every vendor's `webhook_verify` patterns over it once per route.

    A vendor's verifier names it only in a file that names the vendor (`src`: its words, as
    for call patterns): many verifiers are called what any code calls its own check
    (`verifySignature(` of SendGrid's helper, `new Webhook(` of Svix under Clerk and Resend),
    so a partner's or PayPal's handler with such a function is not SendGrid's or Clerk's. The
    check is still reported as the handler's verification."""
    words = set(re.split(r"[^a-z0-9]+", route.lower()))
    by_path = ""
    for sid, svc in ctx.catalog.services.items():
        # the id, its first word (`stripe`) or the product after its company (`aws-sns`: `sns`),
        # unless that product word is an everyday one (`btcpay-server`'s `server` names the
        # app's own `/api/webhooks/media-server/progress`, `coinbase-commerce`'s any shop's)
        product = sid.split("-", 1)[-1]
        if svc.webhook_verify and (sid in words or sid.split("-")[0] in words
                                   or (product in words and product not in _GENERIC_PRODUCT_WORDS)):
            by_path = sid
            break
    if not by_path:
        # A handler in a vendor's integration module is that vendor's webhook, whatever its
        # route says (a FastAPI router's `/webhook` under `prefix="/integrations/resend"`): its
        # signature scheme may be one several vendors share (Svix signs Resend's and Clerk's
        # webhooks) or a generic HMAC helper (`_verify_signature`, like GitHub's gems' name).
        by_path = _module_vendor(src.rel if src is not None else "", ctx)
    if memo is None:
        return _verified_by(by_path, text, ctx, src)
    if by_path not in memo:
        memo[by_path] = _verified_by(by_path, text, ctx, src)
    return memo[by_path]


def _verified_by(by_path: str, text: str, ctx: Context, src: Source | None) -> tuple[str, str]:
    """(service id, verification) of a handler in `text` whose route names `by_path` ('' when
    none): the vendor whose verifier the text calls, and how it checks deliveries."""
    verification = ""
    by_verify = ""
    candidates = [ctx.catalog.services[by_path]] if by_path else [s for s in ctx.catalog.services.values() if s.webhook_verify]
    unnamed = ""  # a verifier's check in a file that never names its vendor
    for svc in candidates:
        for rx in svc.webhook_verify:
            m = rx.search(text)
            if m:
                check = f"signature validation via {_call_text(text, m.start(), m.group(0))}"
                if by_path or src is None or src.mentions(ctx.index.webhook_words.get(svc.id, ())):
                    by_verify = svc.id
                    verification = check
                else:
                    unnamed = unnamed or check
                break
        if verification:
            break
    verification = verification or unnamed
    if not verification:
        for rx, label in _GENERIC_VERIFY:
            if rx.search(text):
                verification = label
                break
    return by_path or by_verify, verification


def _call_text(text: str, start: int, matched: str) -> str:
    """`stripe.webhooks.constructEvent` rather than just `webhooks.constructEvent`."""
    m = re.search(r"[\w.]*$", text[max(0, start - 40):start])
    prefix = m.group(0) if m else ""
    call = (prefix + matched).strip(".")
    return call if re.fullmatch(r"[\w.\-]+", call) else matched


def _events(text: str) -> list[str]:
    seen: list[str] = []
    for m in _EVENT.finditer(text):
        ev = m.group(1)
        if ev not in seen and not ev.startswith(("http", "www", "application.", "text.")) and len(ev) < 80:
            seen.append(ev)
    return seen[:20]


def _enclosing_function(text: str, offset: int) -> str:
    name = ""
    for m in _FUNC.finditer(text, 0, offset):
        name = next(g for g in m.groups() if g)
    return name


def _function_body(text: str, offset: int) -> str:
    """The text of the function around `offset`: from its definition to the next one."""
    start = 0
    for m in _FUNC.finditer(text, 0, offset):
        start = m.start()
    nxt = _FUNC.search(text, offset)
    return text[start: nxt.start() if nxt else len(text)]


def _retry(body: str, text: str) -> str:
    """'up to 3 attempts with backoff' from the loop around the POST, constants resolved."""
    if not _RETRY.search(body):
        return ""
    attempts = ""
    for m in _LIMIT_USE.finditer(body):
        token = m.group(1)
        if token.isdigit():
            attempts = token
        elif re.search(r"attempt|retr", token, re.I):
            const = re.search(r"\b" + re.escape(token) + r"\s*[:=]\s*(\d{1,2})\b", text)
            attempts = const.group(1) if const else ""
        if attempts:
            break
    if not attempts:
        m = _LIMIT_SET.search(body)
        attempts = m.group(2) if m else ""
    backoff = " with backoff" if re.search(r"backoff|\*\*\s*\(?\s*attempt|Math\.pow|2 \*\* |exponential", body, re.I) else ""
    return f"up to {attempts} attempts{backoff}" if attempts else f"retries{backoff}"


# The header a vendor sets on every webhook delivery to name its event (the catalog's
# `webhook_headers`: GitHub's `X-GitHub-Event: push`, GitLab's `X-Gitlab-Event: Push Hook`,
# Bitbucket's `X-Event-Key: repo:push`): a handler that reads one from the request receives that
# vendor's webhooks, whatever its route is called (`/triggerbuild` rebuilding an app on push).
# Reads only: a forge that sends GitHub-compatible deliveries sets the same header
# (`.Header("X-Github-Event", t)`, `headers: {"X-GitHub-Event": ...}`). Django's
# `META["HTTP_X_GITHUB_EVENT"]` is the same header.
_HEADER_NAME = r"""['"`]((?:HTTP_)?[Xx][-_][A-Za-z]+[-_][A-Za-z]+)['"`]"""
_HEADER_READ = re.compile(
    # `req.header('X-GitHub-Event')` (a read: Express's `res.header(name, value)` sets one)
    r"\b(?:header|get_header)\(\s*" + _HEADER_NAME + r"\s*\)"
    # `request.headers.get("X-Gitlab-Event", "")`, `r.Header.Get("X-GitHub-Event")`, `getHeaderLine(...)`
    + r"|\b(?:get|Get|getHeader|GetHeader|getHeaderLine|get_header)\(\s*" + _HEADER_NAME + r"\s*[,)]"
    # `request.headers["X-GitHub-Event"]`, `request.META["HTTP_X_GITHUB_EVENT"]` (not an assignment)
    + r"|\b(?:headers|Headers|META|env)\s*\[\s*" + _HEADER_NAME + r"\s*\](?!\s*=(?!=))"
)


def _event_headers(src: Source, text: str, ctx: Context) -> Iterator[Record]:
    """Incoming webhooks of the vendors whose event header the code reads from a request."""
    seen: set[str] = set()
    for m in _HEADER_READ.finditer(text):
        header = next(g for g in m.groups() if g)
        sid = ctx.index.webhook_headers.get(header.lower().replace("_", "-").removeprefix("http-"))
        if sid and sid not in seen:
            seen.add(sid)
            yield Evidence(
                path=src.rel, line=src.line_of(m.start()), kind=WEBHOOK_IN, name=f"{header} header", service=sid,
                detail=(("events", ""), ("verification", "")),
            )


_INGEST_WORDS = frozenset({"logs", "log", "ingest", "drain", "drains"})
# What a webhook route, a *WEBHOOK* URL or a vendor's sender (`sendSlackAlert`) needs in a file.
_HOOK_LITERALS = ("hook", "alert", "notif", "message")
# What an ingest route needs: its prefix as a path (`"/logs/heroku"`, `scope "/logs"`), not the
# word `logs` that most files say.
_INGEST_LITERALS = ("/logs", "/log/", "/log-", "/log_", "/ingest", "/drain", "/incoming", "/inbound")
_VERIFIER_LITERALS = ("verifier", "validator")


def detect(src: Source, ctx: Context) -> Iterator[Record]:
    lang = language_for(src.name)
    style = lang.comments if lang else C_STYLE
    words = src.words
    hooky = any("hook" in w for w in words)
    if any(h in src.lowered for h in ctx.index.webhook_header_literals):
        yield from _event_headers(src, src.stripped(style), ctx)
    if "/incoming" in src.lowered or "/inbound" in src.lowered:
        for route, offset, sid in _inbound_routes(src.stripped(style), ctx):
            yield Evidence(path=src.rel, line=src.line_of(offset), kind=WEBHOOK_IN, name=route, service=sid,
                           detail=(("events", ""), ("verification", "")))
    if words & _INGEST_WORDS:
        text = src.stripped(style)
        for route, offset, sid in _ingest_routes(text, ctx):
            yield Evidence(path=src.rel, line=src.line_of(offset), kind=WEBHOOK_IN, name=route, service=sid,
                           detail=(("events", ""), ("verification", "")))
        if not any(word in src.lowered or word in src.rel.lower() for word in _HOOK_LITERALS):
            return  # here for an ingest route only: no webhook or sender can be in this file
    if not hooky and "hook" not in src.rel.lower():
        # neither a webhook route nor a *WEBHOOK* URL can be in this file: only a sender per
        # vendor, or a verifier type per vendor (`GithubVerifier` checks `X-Hub-Signature-256`)
        yield from _senders(src, src.stripped(style), ctx)
        yield from _vendor_verifier_types(src, src.stripped(style), ctx)
        return
    text = src.stripped(style)
    routes: list[tuple[str, int]] = []
    file_route = _route_from_file(src.rel)
    if file_route and re.search(r"\b(?:export\s+(?:async\s+)?function\s+POST|export\s+const\s+POST|req\.method|request\.method|export\s+default)", text):
        routes.append((file_route, 1))
    # A controller's POST handler is a webhook when its joined route says so, or when the file
    # is a webhook handler by its path (`controllers/Webhooks/Incoming/SNS.ts`); its joined
    # route replaces the method's own path (`@Post('stripe')`) that the router form reads.
    hook_file = "hook" in src.rel.lower()
    handled: set[int] = set()
    for route, offset in _controller_routes(text):
        line = src.line_of(offset)
        handled.add(line)
        if "hook" in route.lower() or hook_file:
            routes.append((route, line))
    for m in _ROUTE_CALL.finditer(text) if hooky else ():
        if re.match(r"(?i)(?:https?|wss?)://", m.group(1)):
            continue  # a client's `->post("https://api.telegram.org/bot{$telegramHook[...]}")`: a request, not a route
        if src.line_of(m.start(1)) not in handled:
            routes.append((m.group(1), src.line_of(m.start(1))))
    scoped: dict[int, str] = {}
    for route, offset, controller in _scoped_routes(text) if hooky else ():
        line = src.line_of(offset)
        if line not in handled and not any(line == seen for _, seen in routes):
            routes.append((route, line))
            scoped[line] = _scoped_vendor(route, controller, ctx)
    named: dict[int, str] = {}
    for route, offset, sid in _hook_file_routes(text, ctx) if "webhook" in src.rel.lower() else ():
        line = src.line_of(offset)
        if line not in handled and not any(line == seen for _, seen in routes):
            routes.append((route, line))
            named[line] = sid
    memo: dict[str, tuple[str, str]] = {}
    events = ",".join(_events(text)) if routes else ""
    for route, line in routes:
        sid, verification = _service_for(route, text, ctx, src, memo)
        sid = named.get(line) or sid or scoped.get(line, "")
        yield Evidence(
            path=src.rel,
            line=line,
            kind=WEBHOOK_IN,
            name=route if route.startswith("/") else "/" + route,
            service=sid,
            detail=(("events", events), ("verification", verification)),
        )
    yield from _vendor_verifiers(src, text, ctx)
    yield from _vendor_hook_patterns(src, text, ctx)
    if routes or not _HTTP_POST.search(text):
        return
    # Outgoing: a function per vendor that posts to its webhook (`slackWebhook()`).
    named = False
    for offset, func, sid in _vendor_hook_functions(text, ctx):
        named = True
        yield _vendor_post(src, offset, func, sid, _retry(_function_body(text, offset + 1), text))
    for record in _senders(src, text, ctx):
        named = True
        yield record
    if named:
        return
    # Outgoing: an HTTP POST in a file that reads a *WEBHOOK* env var.
    for m in _WEBHOOK_VAR.finditer(text):
        var = m.group(1)
        post = _HTTP_POST.search(text)
        if post:
            func = _enclosing_function(text, post.start())
            yield Evidence(
                path=src.rel,
                line=src.line_of(m.start()),
                kind=WEBHOOK_OUT,
                name=f"URL in {var}",
                service=ctx.index.env(var) or "",
                detail=(("trigger", f"{func}() in {src.name}" if func else f"code in {src.name}"), ("retry", _retry(_function_body(text, post.start()), text))),
            )
            return


def _senders(src: Source, text: str, ctx: Context) -> Iterator[Record]:
    """Outgoing posts of an app's alert or notification channels, one sender per vendor
    (`sendSlackAlert()`, `sendGotifyNotification()`)."""
    if not _SENDS.search(text):
        return
    named: set[str] = set()
    for offset, func, sid in _vendor_sender_functions(text, ctx):
        named.add(sid)
        yield _vendor_post(src, offset, func, sid, "")
    for record in _vendor_url_posts(src, text, ctx):
        if record.service not in named:
            yield record


def _vendor_post(src: Source, offset: int, func: str, sid: str, retry: str) -> Evidence:
    """An outgoing post to one vendor, named by the function that makes it."""
    return Evidence(
        path=src.rel, line=src.line_of(offset), kind=WEBHOOK_OUT, name=f"{func}()", service=sid,
        detail=(("trigger", f"{func}() in {src.name}"), ("retry", retry)),
    )


DETECTOR = Detector(
    name="webhooks",
    accepts=lambda rel, name, ctx: language_for(name) is not None and not name.endswith((".min.js", ".d.ts")),
    detect=detect,
    # a webhook route or a *WEBHOOK* URL, in the path or text; or a vendor's sender (`sendSlackAlert`);
    # or a vendor's verifier type (`GithubVerifier`)
    literals=lambda ctx: _HOOK_LITERALS + _INGEST_LITERALS + _VERIFIER_LITERALS + ctx.index.webhook_header_literals,
)
