"""Host names in string literals: which URLs are requests the code makes, and which are
pages, links, samples or data for people.

Split from `code.py` (the per-language import and env-read detector) because these rules are
their own subject, grow with every corpus analysis, and are shared with the template and
settings detectors (`NOT_EXTERNAL_HOST`, `in_csp`, `tracking_script`, `URL_PLACEHOLDER`).
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Callable, Iterator

from ...model import HOST, Evidence
from ...uncatalogued import api_slug, spells_whole_host
from ...names import name_words
from .base import Context, Source

# What a file holding a URL contains, for the scanner's literal gate.
URL_LITERAL = "://"

# Hosts in string literals. Unknown hosts are kept only when they look like an API.
_URL = re.compile(r"""(?:https?|wss?)://([A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?)+)(:\d+)?(/[^\s'"`)<>]*)?""")
# The path of an OAuth authorize endpoint (/oauth/authorize, /oauth2/v2.0/authorize,
# /services/oauth2/authorize, /identity/connect/authorize, /oauth2/request_auth, /oauth/auth.php):
# where a user is sent to consent, not an API the app calls.
_AUTHORIZE_PATH = re.compile(
    r"(?i)/(?:authorize|authorization|request_auth|auth\.php)\b|/oauth2?(?:\.0)?/auth\b|^/connect/?$"  # (SoundCloud's /connect)
)
NOT_EXTERNAL_HOST = re.compile(
    r"(^|\.)(localhost|example\.(com|org|net)|test|local|internal|invalid|w3\.org|schema\.org|"
    r"xmlsoap\.org|json-schema\.org|purl\.org|apache\.org|mozilla\.org|ietf\.org|openapis\.org)$"
    # placeholders in docs and defaults: api.yourdomain.com, my-company.com
    r"|(^|[.-])(your|my)-?(domain|company|app|site|server|host|org|instance|store|shop|website|project|backend)\b|(^|\.)(domain|company)\.(com|org|net)$"
    r"|(^|\.)your-"  # your-deployed-application.com, your-tenant.auth0.com: a label that says "your ..."
    r"|(^|\.)acme[a-z-]*\.[a-z]+$"  # Acme, Acme Corp: the stock example company
    r"|^example\."  # a tenant placeholder on a vendor's domain: example.atlassian.net, example.myshopify.com
    r"|(^|\.)(?P<rep>[a-z0-9])(?P=rep){3,}\.[a-z]+$"  # one character over and over: xxxxxxxx.com, aaaa.io
)


# An OpenID issuer given as a bare host is that identity provider too: Google's ID tokens carry
# `iss: accounts.google.com` without a scheme, so verifiers and sign-in presets write
# `issuer: 'accounts.google.com'` (a catalogued host only, as for every host setting).
_PRESET_VENDORS = 3  # vendors whose host one file sets: a menu of presets from this many
_HOST_SETTING = re.compile(
    r"""(?<![\w.-])(?:host|hostname|server|endpoint|issuer)['"]?[ \t]*(?:=>|:|=|[ \t])[ \t]*['"]?"""
    r"""([A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?)+)(?![\w.-])""",
    re.I,
)
# A host setting's default, the host a whole string literal on the line of a name about a host:
# Go's `StringF(KeyHaveIBeenPwnedHost, "api.pwnedpasswords.com")`, `smtp_host: "smtp.sendgrid.net"`.
# A setting's name ends in Host (not a bare `host` variable, not `isHost(host, "zoom.us")`), or in
# Endpoint or Url when its value is a bare host (`DefaultEndpoint = "cloudauth.cn-shanghai.aliyuncs.com"`).
# The default may be passed by keyword after the env var's name (`env.str("EMAIL_HOST",
# default="smtp.mailgun.org")`, `set("mail.host", "MANDRILL_HOST", default="smtp.mandrillapp.com")`).
_HOST_DEFAULT = re.compile(
    r"""[A-Za-z]\w*?(?:Host|_host|_HOST|Endpoint|_endpoint|_ENDPOINT|Url|URL|_url)['"]?[ \t]{0,3}(?:,|\?\?|\|\||\bor\b|:|=>|=)[ \t]{0,3}"""
    r"""(?:default[ \t]*=[ \t]*)?['"]"""
    r"""([A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?)+)['"]""",
)
# A setter of a request's or client's host given a bare host: Alibaba Cloud's Java SDK
# (`request.setSysDomain("dysmsapi.aliyuncs.com")`, `setDomain(...)`), `conf.setEndpoint("...")`,
# `client.setHost("...")` — the bean-style twin of a `fooEndpoint = "..."` setting.
_HOST_SETTER = re.compile(
    r"""\b[sS]et(?:Sys)?(?:Domain|Host|HostName|Hostname|Endpoint)\(\s*['"]"""
    r"""([A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?)+)['"]\s*\)""",
)
# A URL tested for a bare host: `url.includes("discord.com")`, `webhookUrl.startsWith("hooks.slack.com")`,
# Python's `"discord.com" in url`, Ruby's `url.include?("discord.com")`.
_BARE_HOST = r"""([a-z0-9](?:[a-z0-9-]*[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]*[a-z0-9])?)+)"""
_SNIFFED_HOST = re.compile(
    r"""\b\w*(?:url|uri|host|hostname|endpoint)\w*(?:\.\w+)?\.(?:includes|include\?|contains|Contains|endsWith|end_with\?)"""
    r"""\(\s*['"`]""" + _BARE_HOST + r"""['"`]\s*\)"""
    r"""|['"]""" + _BARE_HOST + r"""['"]\s+in\s+\w*(?:url|uri|host|hostname|endpoint)\w*\b""",
    re.I,
)
# An allow-list of one vendor's hosts: a URL the user configured is refused unless its host is
# the vendor's (`if (!new URL(endpoint).hostname.endsWith(".upstash.io")) return 403`, Python's
# `if not host.endswith(".atlassian.net"): raise`): a proxy or client that only talks to that
# vendor. Negated only: a positive test more often picks an icon or an embed for a link.
_GUARDED_HOST = re.compile(
    r"""(?:!\s*|\bnot\s+)(?:new\s+URL\([^()\n]*\)\.host(?:name)?|[\w.]*(?:url|uri|host|hostname|endpoint)\w*)"""
    r"""\.(?:endsWith|endswith|end_with\?|HasSuffix)\(\s*['"`]\.""" + _BARE_HOST + r"""['"`]\s*\)""",
    re.I,
)
# A client of the vendor's own name built on its bare host: `GitLab::new("gitlab.com", &token)`,
# `new GitLabClient("gitlab.com")`, `Gitea.new("gitea.com")` (a forge's client given the public
# instance beside self-hosted ones). The class names the vendor the host belongs to (checked
# against the catalog), so the literal is the API the client calls, not a link or a label.
_VENDOR_CLIENT_ON_HOST = re.compile(
    r"""(?:\bnew\s+)?\b([A-Z][A-Za-z0-9]*)(?:::new|\.new)?\(\s*['"]""" + _BARE_HOST + r"""['"]\s*[,)]"""
)
_SCRIPT_FILE = re.compile(r"/([A-Za-z][\w-]{3,})(?:\.min)?\.js$")


def other_vendors_url(url: str, sid: str, ctx: Context) -> bool:
    """Whether a URL on a page-tag vendor's host is, by the catalog's snippet patterns, another
    vendor of the same category's script: `www.googletagmanager.com/gtag/js` is Google
    Analytics' gtag.js (Analytics' own pattern names it), served from Tag Manager's host, and no
    Tag Manager container. Only among analytics vendors, whose scripts share hosts."""
    svc = ctx.catalog.services[sid]
    if svc.category != "analytics":
        return False
    for other, patterns, _ in ctx.index.call_patterns:
        if other == sid or ctx.catalog.services[other].category != "analytics":
            continue
        if any(call.pattern.search(url) for call, *_ in patterns):
            return True
    return False


def _gateway_path(path: str, sid: str, ctx: Context) -> bool:
    """Whether a URL's path on a catalogued host is another service's own API path
    (`api_paths`): an API marketplace's gateway forwarding to that vendor
    (`https://api.apilayer.com/fixer/latest` is a Fixer request, APILayer only its door).
    The path's own evidence names the vendor; the gateway's host is no service of its own."""
    path = path.split("?", 1)[0].lower()
    return any(
        owner != sid and (rx.match(path) or path == api_path.rstrip("/"))
        for rx, api_path, owner in ctx.index.api_path_patterns
    )


def tracking_script(path: str, ctx: Context) -> str | None:
    """An analytics vendor's tracker served from the app's own host, named after the vendor
    (`https://stats.example.org/js/plausible.js`, `/matomo.js`, `/piwik.js`)."""
    m = _SCRIPT_FILE.search(path)
    sid = ctx.index.service_named(m.group(1)) if m else None
    svc = ctx.catalog.services.get(sid) if sid else None
    return sid if svc is not None and svc.category == "analytics" else None


# A bare origin given to a name that says it is the base of an API's requests (`defaultBaseUrl =`,
# `baseUrl:`, `API_URL =`, `'base_uri' =>`, `BaseAddress = new Uri(`): the code calls paths
# under it, whatever the host looks like (app.nocodb.com, waba-v2.360dialog.io). With a path
# it is more often a page or an embed (`vimeoBaseUrl = "https://player.vimeo.com/video"`).
# A scraper's `server_url = 'https://greeksubs.net/'` is the same: the site it sends its searches to
# (not with a port: `'server_url' => 'http://somename.com:3000'` is the app's own server, a
# callback address in a settings sample).
_API_BASE_NAME = r"api_?(?:url|uri|base|host|root|endpoint)"  # API_URL, apiBase, api_endpoint
_BASE_URL_NAME = re.compile(
    r"""(?:(base|server)_?(?:url|uri|address)|""" + _API_BASE_NAME + r""")\w*['"]?\s*(?:=>|:|=)\s*"""
    r"""(?:new\s+Uri\(\s*)?(?:[\w.]+(?:\([^()\n]*\))?\s*(?:\?\?|\|\||or)\s*)?['"`]$""",
    re.I,
)


# HTTParty's class-level DSL: `base_uri "https://getpocket.com"`, no operator between.
_BASE_URI_DSL = re.compile(r"""^\s*base_uri\(?\s*['"]$""", re.M)


_WITH_PORT = re.compile(r"https?://[^/\s'\"`]+:\d+")


# A base URL named for pages people read (`FEATURE_DOCS_BASE_URL = "https://o2.ws/"`,
# `helpBaseUrl`, `GUIDE_BASE_URL`): the links the UI opens are built on it, no API's requests.
_PAGES_BASE_WORDS = frozenset({"doc", "docs", "documentation", "help", "guide", "guides", "wiki", "blog", "kb"})


def _base_url(text: str, start: int) -> bool:
    """Whether the URL literal at `start` is assigned to a base-URL name on its line."""
    line_start = text.rfind("\n", 0, start) + 1
    m = _BASE_URL_NAME.search(text, line_start, start)
    if m and (m.group(1) or "").lower() == "server" and _WITH_PORT.match(text, start):
        return False  # the app's own server at a port (see _BASE_URL_NAME)
    if m and m.group(1):  # (`DOCS_API_URL` says an API: a docs service's)
        name = re.search(r"[A-Za-z_$][\w$]*$", text[line_start:m.start()])  # the name's words before `base`
        if name and _PAGES_BASE_WORDS & set(name_words(name.group(0))):
            return False  # the base of documentation links (see _PAGES_BASE_WORDS)
    return bool(m or _BASE_URI_DSL.search(text, line_start, start))


# A setting read with its default, keyed by a vendor's base-URL name:
# `ENV.fetch("PROJECT_529_BASE_URL", "https://project529.com/garage")`,
# `os.getenv("NOMINATIM_API_URL", "https://...")`, Laravel's `env('ACME_API_ENDPOINT', 'https://...')`.
# The key names whose API it is; the application's own addresses (APP_URL, SITE_BASE_URL,
# FRONTEND_API_URL) are no vendor's. The default must name an endpoint (a path): a bare origin
# may be the app's own deployment (`ENV.fetch('OSEM_ICHAIN_BASE_URL', 'https://events.opensuse.org')`)
# or a download site (`GITHUB_RAW_ENDPOINT`), and a vendor's bare API origin is catalogued.
_KEYED_BASE_DEFAULT = re.compile(
    r"""['"]([a-z][a-z0-9]*(?:_[a-z0-9]+)*?)_(?:base_?(?:url|uri)|""" + _API_BASE_NAME + r""")['"]\s*,\s*['"`]$""",
    re.I,
)
_OWN_ADDRESS_WORDS = frozenset({
    "app", "site", "public", "frontend", "backend", "web", "server", "client", "self", "internal", "local",
    "next_public", "vite", "react_app", "host", "root", "default", "my", "our",
})


def _keyed_base_default(text: str, start: int) -> bool:
    """Whether the URL literal at `start` is the default of a setting keyed by a vendor's base-URL name."""
    m = _KEYED_BASE_DEFAULT.search(text, text.rfind("\n", 0, start) + 1, start)
    if m is None:
        return False
    prefix = m.group(1).lower()  # NEXT_PUBLIC as a whole, FRONTEND by its last word
    return prefix not in _OWN_ADDRESS_WORDS and prefix.rsplit("_", 1)[-1] not in _OWN_ADDRESS_WORDS


# Ruby's oauth and oauth2 gems take the provider's origin as the client's `site` option
# (`OAuth::Consumer.new(key, secret, site: "https://www.instapaper.com")`, or a constant
# `URL = "https://www.instapaper.com"` given as `site: URL`): every request of the client goes there.
_OAUTH_CLIENT = re.compile(r"\bOAuth2?::(?:Consumer|Client)\.new\b")
_SITE_OPTION = re.compile(r"""(?:\bsite:|:site\s*=>)\s*['"]$""")


def _oauth_site(text: str, start: int) -> bool:
    """Whether the URL literal at `start` is the `site` of a Ruby OAuth client built in the file."""
    if "site" not in text or "OAuth" not in text or not _OAUTH_CLIENT.search(text):
        return False
    line_start = text.rfind("\n", 0, start) + 1
    if _SITE_OPTION.search(text, line_start, start):
        return True
    m = _ASSIGNED_NAME.search(text, line_start, start)
    return m is not None and re.search(r"(?:\bsite:|:site\s*=>)\s*" + re.escape(m.group(1)) + r"\b", text) is not None


_ASSIGNED_NAME = re.compile(r"""(\w+)['"]?\s*(?:=>|:|=)\s*(?:new\s+Uri\(\s*)?['"`]$""")


def _link_builder(text: str, start: int) -> bool:
    """The base URL at `start` only ever starts a returned string (`var baseUrl =
    "https://www.imdb.com/"; ... yield return baseUrl + $"title/{id}"`): the code builds links
    to the vendor's pages for people to open, and sends no request there."""
    line_start = text.rfind("\n", 0, start) + 1
    m = _ASSIGNED_NAME.search(text, line_start, start)
    if m is None:
        return False
    name = m.group(1)
    uses = [u.start() for u in re.finditer(r"\b" + re.escape(name) + r"\b", text[start:])]
    if not uses:
        return False
    after = text[start:]
    return all(re.search(r"\breturn\s+$", after[max(0, u - 20):u]) and after[u + len(name):].lstrip()[:1] == "+"
               for u in uses)


# Distinct hosts that make a file a table of sites rather than code calling a few of them.
_TABLE_HOSTS = 25
# A literal a value is compared with: `== 'https://…'`, `.startsWith("https://…")`.
# A database schema migration: its statements are the schema's history (a dropped integration's
# `hipchat_api_url ... DEFAULT 'https://api.hipchat.com'`, a settings row it seeded), not calls.
# Rails', Laravel's, Doctrine's, Django's and Alembic's migration classes and modules, and a
# schema file of numbered version functions (`function version_65(PDO $pdo)`).
_MIGRATION_FILE = re.compile(
    r"<\s*ActiveRecord::Migration\b|\bextends\s+(?:Abstract)?Migration\b|\(\s*migrations\.Migration\s*\)"
    r"|^down_revision\s*[:=]|^(?:function|def)[ \t]+(?:version|migrate|upgrade)_?\d+[ \t]*\(",
    re.M,
)
# A plugin's or package's metadata link (`author_url = "https://github.com/netflix/dispatch.git"`,
# `homepage_url`, `docs_url`): a page for people, no request the code makes.
# A bare `'help' =>` or `homepage:` key is such a link too (FreshRSS's share targets' `'help' =>
# 'https://pinboard.in/api/'`), and a provider table's `'developers' =>` link to the vendor's
# developer portal (`'developers' => 'https://disqus.com/api/docs/auth/'`).
_METADATA_LINK = re.compile(
    r"""(?i)(?<![\w])(?:(?:author|homepage|home_page|docs|documentation|repository|repo|website|support|license"""
    r"""|developers?)_?(?:url|uri|link|href)"""
    r"""|['"](?:help|homepage|website|docs|documentation|more_?info|learn_?more|developers?)['"])"""
    r"""['"]?\s*(?::|=>|=)\s*['"]$"""
)
# A URL inside the string value of a field's description or tooltip (a form schema's
# `description: '{{jsonConfigDesc("Area | G2Plot","https://g2plot.antv.antgroup.com/api/plots/area")}}'`):
# text shown beside the field, a link for the user to read, whatever its path looks like.
# The value's own quote must still be open at the URL (not a later `url:` key on the line).
_DESCRIPTION_VALUE = re.compile(
    r"""(?i)(?<![\w])['"]?(?:description|tooltip|help_?text)['"]?\s*(?::|=>|=)\s*(['"`])(?:(?!\1)[^\n])*$"""
)
_COMPARED = re.compile(r"""(?:[=!]==?|\.(?:startsWith|startswith|start_with\?|includes|endsWith|HasPrefix)\()\s*['"`]$""")
# A community's invite link (discord.com/invite/x) or a chat's permalink to a channel or message
# (`discord.com/channels/<guild>/<channel>/<id>` in an error text pointing users to a thread): a
# page of the chat's web client, not its API.
_INVITE_PATH = re.compile(r"/(?:invite|join)(?:/|$)|/channels/(?:@me|\d+)(?:/|$)", re.I)
# A person's profile page on a site's web host (`discord.com/users/1234`, a site config's
# social links): one page for people, the whole path one user; an API's `/users/x` lives on its
# `api.` host or under a versioned prefix. So is a web host's URL whose whole path is one
# interpolated handle (`"https://gitlab.com/#{handle}"`, `` `https://github.com/${user.username}` ``):
# a social link built from a person's handle. (Only a name that says so: `ntfy.sh/${topic}`,
# `storage.googleapis.com/${bucket}` or `db-ip.com/${ip}` are requests.)
_HANDLE = r"@?(?:[\w]+\.)*(?:[a-z]+_)?(?:handle|username|user_name|screen_name|screenname|nickname)"
_PROFILE_PATH = re.compile(
    rf"/users/[\w.-]+/?$|/(?:#\{{\s*{_HANDLE}\s*\}}|\$\{{\s*{_HANDLE}\s*\}}|\{{\{{\s*{_HANDLE}\s*\}}\}})/?$", re.I
)
# Campaign tags (`?utm_source=changelog`): analytics tools read them from the address of a page
# a person opened from a link, so only a link carries them (a sponsor list's
# `https://heapanalytics.com/?utm_source=changelog`), never a request the code makes.
_CAMPAIGN_TAG = re.compile(r"[?&]utm_(?:source|medium|campaign|content|term)=", re.I)
# A path segment that is a literal content hash (an MD5 or longer hex digest): one fixed file,
# a picture by its hash (`secure.gravatar.com/avatar/b932b1e5...`, a seeded user's avatar), which
# a page shows or a fixture stores; an app that uses the service builds the hash from its data.
# The digest ends the path (or names an image file): `/<key>.min.js` is a loader by its key and
# `/<id>/manifest/video.m3u8` a video's stream, both the service's own use.
_CONTENT_HASH = re.compile(r"/[0-9a-fA-F]{32,128}(?:\.(?:png|jpe?g|gif|webp|svg|ico))?/?$", re.I)
# One person's avatar by a literal id after `/avatar/` (a sample webhook payload's
# `avatar_url: "https://www.gravatar.com/avatar/1a29da0ccd0994?s=80"`, its digest cut short):
# a picture in data, whatever the id's length. Code that shows avatars builds the id from
# its data (`/avatar/${md5(email)}`, `'/avatar/' + hash`), and then the path ends at `/avatar/`.
_FIXED_AVATAR = re.compile(r"/avatars?/[0-9a-f]{8,}(?:\.(?:png|jpe?g|gif|webp))?/?$", re.I)
_DOCS_PATH = re.compile(r"/(?:docs?|documentation|reference|guides?|help)(?:[/#?.]|$)", re.I)
# An image file (`https://miro.medium.com/v2/resize:fit:2400/1*x.png`, a default icon an email
# template shows): a picture a page or a mail hotlinks, not an API the code calls, whatever its
# path looks like (`/v2/`). Only for hosts the catalog does not know: a catalogued vendor's
# image URL (a CDN, a storage bucket) is judged by the asset rules.
_IMAGE_FILE = re.compile(r"\.(?:png|jpe?g|gif|webp|svg|ico|bmp|avif)$", re.I)
# A commented line of code kept in a string (a snippet template a user edits:
# `// Format the message: https://discord.com/developers/docs/resources/webhook`): its link
# to a vendor's documentation is for the reader, even on a catalogued vendor's host.
_COMMENT_LINE_BEFORE = re.compile(r"(?:^|\n)[ \t]*(?://|#|\*|/\*)[^\n]*$")
# A MediaWiki article (`https://www.wikidata.org/wiki/{qid}`, `commons.wikimedia.org/wiki/File:x.jpg`):
# `/wiki/<title>` is the page path of every MediaWiki site, a page for people to open; the API
# is `/w/api.php`. Not `Special:` pages (`Special:EntityData`, `Special:FilePath` serve data and
# files), nor the bare `/wiki/` a client builds those on.
_WIKI_ARTICLE = re.compile(r"^/wiki/(?!Special:)[^/?#\s]")
# A help center's article (Freshdesk's `/solution/articles/<id>`, `/support/solutions/articles/`,
# Zendesk Guide's `/hc/en-us/articles/<id>`): a page for people to read, linked from a message
# (an app's own support desk on the vendor's host), not the vendor's API (`/api/v2/...`).
_HELP_ARTICLE = re.compile(r"^/(?:support/)?solutions?/articles/|^/hc/(?:[a-z]{2}(?:-[a-z]{2,4})?/)?articles/", re.I)
# A URL that asks the server for an HTML page (`output=html`: Baidu Maps' URI API,
# `api.map.baidu.com/marker?location=...&output=html`, opens a map page at a marker): a link a
# person opens in a browser, not a request the code makes (the web services answer json or xml).
_HTML_OUTPUT = re.compile(r"[?&]output=html(?:[&#]|$)", re.I)
# A repository address handed to git (`git clone https://gitlab.com/org/tool`, `git submodule
# add`, `git remote add origin`): source code checked out from a repository, not a call to the
# forge's API.
_GIT_REMOTE_BEFORE = re.compile(r"\bgit[ \t]+(?:clone|submodule[ \t]+add|remote[ \t]+(?:add|set-url))\b[^\n|;&]*$")
# A vendor's sign-up page (`https://bitpay.com/dashboard/signup`, `/register`), linked from a
# settings screen so an admin can open an account: a page for people. At most one section before
# it, never under an API prefix (`/api/v1/register` registers a device with the vendor's API).
_SIGNUP_PAGE = re.compile(r"^/(?:(?!api\b|v\d)[\w-]+/)?(?:sign-?up|register)/?(?:[?#]|$)", re.I)

# Content-Security-Policy allowlists: `script-src 'self' https://x.com;` in a header string,
# or helmet-style `connectSrc: ["https://x.com"]`. A host there may load, not that it is used.
_CSP_DIRECTIVE = re.compile(
    r"\b(?:(?:default|script|style|img|font|connect|frame|media|object|worker|child|manifest|prefetch)-src(?:-elem|-attr)?"
    r"|form-action|frame-ancestors|report-uri)\b"
)
# django-csp's settings are such lists too, one per directive: `CSP_CONNECT_SRC = ("'self'",
# "https://x.com/api")`, a tuple or a list.
_CSP_LIST = re.compile(r"""(?:\b[a-z]+Src|['"][a-z]+-src['"])\s*:\s*\[|\bCSP_[A-Z]+(?:_[A-Z]+)*_SRC\s*=\s*[\[(]""")
_CLOSING = {"[": "]", "(": ")"}
# What may stand between a CSP directive and one of its sources when the policy is written
# one source a line (a Rust `\\`-continued string, concatenated or template literals): other
# sources (`'self'`, `https://x.com/api/`, `*.x.com`, `data:`, `{placeholder}`), each one
# wrapped in the quotes, backslashes, `+` and commas that join the pieces of the string.
_CSP_SOURCE = re.compile(
    r"(?:self|none|unsafe-[a-z-]+|wasm-unsafe-eval|strict-dynamic|report-sample|nonce-\S+|sha\d{3}-\S+"
    r"|[a-z][a-z0-9+.-]*:|(?:[a-z][a-z0-9+.-]*://)?[\w*.-]+(?::\d+)?(?:/\S*)?|\$?\{[^}]{1,60}\})",
    re.I,
)


_CSP_LINE = 4000  # longer than any real policy header


def _only_csp_sources(between: str) -> bool:
    """Whether `between` (the text after a directive's name) holds nothing but CSP sources.
    A lone `:` is the separator of a policy kept as a mapping (`"script-src": "'self' ... \\`
    continued onto the next lines in a Python dict or JSON)."""
    for token in between.split():
        core = token.strip("\"'`+,\\")
        if core and core != ":" and not _CSP_SOURCE.fullmatch(core):
            return False
    return True


def in_csp(text: str, start: int) -> bool:
    """Whether the URL at `start` is an entry of a Content-Security-Policy directive. The line
    is read back at most `_CSP_LINE` characters: a minified or generated file on one line (a
    seeder's 200 KB array) would otherwise be read again for each of its URLs."""
    line = text[max(text.rfind("\n", 0, start) + 1, start - _CSP_LINE):start]
    last = None
    for last in _CSP_DIRECTIVE.finditer(line):
        pass
    if last is not None and ";" not in line[last.end():]:
        return True
    if last is None:  # one source a line: the directive sits on a line above, no `;` since
        window = text[max(0, start - 600):start]
        for last in _CSP_DIRECTIVE.finditer(window):
            pass
        if last is not None and ";" not in window[last.end():] and _only_csp_sources(window[last.end():]):
            return True
    window = text[max(0, start - 600):start]
    last = None
    for last in _CSP_LIST.finditer(window):
        pass
    return last is not None and _CLOSING[last.group()[-1]] not in window[last.end():]


# An image optimizer's allowlist of remote hosts: Next.js's and Astro's `images.remotePatterns`
# (`{protocol: "https", hostname: "secure.gravatar.com"}` or `new URL("https://x.com/**")`).
# Like a CSP's `img-src`, it lets the optimizer fetch image URLs that arrive from data (users'
# avatars from their sign-in provider): a host there may be shown, not one the code calls.
_IMAGE_ALLOWLIST = re.compile(r"\bremotePatterns['\"]?\s*:\s*\[")
_IMAGE_ALLOWLIST_SPAN = 4000  # more than any real list of patterns (a dozen hosts, five lines each)


def in_image_allowlist(text: str, start: int) -> bool:
    """Whether the host at `start` is an entry of an open `remotePatterns: [` list."""
    window = text[max(0, start - _IMAGE_ALLOWLIST_SPAN):start]
    last = None
    for last in _IMAGE_ALLOWLIST.finditer(window):
        pass
    if last is None:
        return False
    rest = window[last.end():]
    return rest.count("]") < rest.count("[") + 1


# Cloud storage endpoints that also take the bucket as the path's first segment (path-style):
# `https://storage.googleapis.com/osv-vulnerabilities/...` is `osv-vulnerabilities.storage.googleapis.com`.
_PATH_STYLE_STORAGE = re.compile(r"^(?:storage\.googleapis\.com|s3(?:[.-][a-z0-9-]+)?\.amazonaws\.com)$")
_BUCKET_SEGMENT = re.compile(r"^/([a-z0-9][a-z0-9._-]{1,61}[a-z0-9])(?:[/?#]|$)")


def _bucket_host(host: str, path: str, ctx: Context) -> str:
    """The bucket's own host for a path-style URL when the catalog names it: a vendor's public
    data bucket (OSV's advisories on Google Cloud Storage) is a download from that vendor, not
    the app's use of the cloud's storage. Otherwise the host as written."""
    if not _PATH_STYLE_STORAGE.match(host):
        return host
    m = _BUCKET_SEGMENT.match(path)
    if m is None:
        return host
    virtual = f"{m.group(1)}.{host}"
    sid = ctx.index.host(virtual)
    return virtual if sid and sid != ctx.index.host(host) else host


# First labels that make a host an API endpoint: api.x.com, rest.avatax.com, graph.threads.net,
# ws.audioscrobbler.com, webservices.nextbus.com.
API_LABELS = frozenset({"api", "apis", "rest", "graph", "ws", "webservice", "webservices"})


# An API's path prefix: `/rest/` (Bugzilla's and Jira's REST APIs), `/api/`, `/v2/`; and a page
# for people, by its file's kind (`show_bug.cgi`, `index.html`).
_API_PATH = re.compile(r"^/(?:rest|api|v\d+)(?:/|$)", re.I)
_WEB_PAGE = re.compile(r"\.(?:cgi|html?|php|aspx?)$", re.I)


def _catalogued_on_skipped_domain(host: str, path: str, ctx: Context) -> bool:
    """A vendor's API host that the catalog names exactly, on a domain skipped whole as
    documentation (`NOT_EXTERNAL_HOST`: mozilla.org for MDN, apache.org for the ASF's project
    sites): hg.mozilla.org's pushlog, bugzilla.mozilla.org's `/rest/`. Such a domain's other
    hosts stay links, and so does a page of the catalogued host (`/show_bug.cgi?id=1`)."""
    if host not in ctx.index.exact_hosts():
        return False
    return bool(_API_PATH.match(path)) or not _WEB_PAGE.search(path.split("?", 1)[0])


def _api_shaped(host: str, path: str) -> bool:
    return host.split(".")[0] in API_LABELS or ".api." in host or bool(re.match(r"/(api|v\d)\b", path))


# An oEmbed endpoint (soundcloud.com/oembed, www.ted.com/services/v1/oembed.json,
# graph.facebook.com/v9.0/instagram_oembed): the app asks the vendor's API for an embed's
# HTML and metadata, whatever the host looks like. Not in a table of many sites (an oEmbed
# providers list names endpoints the code may never call).
_OEMBED_PATH = re.compile(r"(?i)[/_]oembed(?:\.(?:json|xml))?/?(?:[?#]|$)")


def _oembed_endpoint(path: str) -> bool:
    return bool(_OEMBED_PATH.search(path))


def _file_names_vendor(rel: str, host: str) -> bool:
    """A file named after the host's vendor (`stubhub_agent.rb` requesting
    www.stubhub.com/listingCatalog/..., `threads_api_client.rb` with graph.threads.net): the
    file is that vendor's client, so its URL is a request to the vendor whatever its shape."""
    # A module named for the site's whole domain, dots dropped (`yavkanet.py` calling yavka.net,
    # `legendasnet.py` legendas.net, `subssabbz.py` subs.sab.bz): the domain is its vendor's name.
    if spells_whole_host(rel.rsplit("/", 1)[-1].split(".")[0], host):
        return True
    slug = re.sub(r"[^a-z0-9]", "", api_slug(host))
    if len(slug) < 4:
        return False
    acc = ""
    for word in name_words(rel.rsplit("/", 1)[-1].split(".")[0]):
        acc += word
        if acc == slug:
            return True
        if len(acc) >= len(slug):
            return False
    return False


_UI_COMPONENTS = (".tsx", ".jsx", ".vue", ".svelte", ".astro")


# The code appends an endpoint to the origin in place: Ruby's `"http://bikebook.io#{method}"`,
# a template literal's `${path}`, a format's `{path}`, or a concatenation after the literal
# closes (`"https://x.com" + path`, PHP's `'https://x.com' . $path`).
_APPENDED = re.compile(r"""#\{|\$\{|\{\w+\}|['"`]\s*(?:\+\s*\$?\w|\.\s*\$)""")


def _vendor_request(src: Source, text: str, start: int, end: int, host: str, path: str) -> bool:
    """A URL to an endpoint of the vendor the file is named after, in a file that makes HTTP
    requests: `stubhub_agent.rb` doing `Net::HTTP.get` on 'https://www.stubhub.com/listingCatalog/...'.
    Not a bare home page (an author link), not a UI component (embeds and pickers render the
    vendor's page in the browser)."""
    if path.strip("/") == "" and not _APPENDED.match(text, end) and not _RELATIVE_CLIENT_REQUEST.search(text):
        return False
    if src.name.endswith(_UI_COMPONENTS) or not _whole_literal(text, start):
        return False
    if not _file_names_vendor(src.rel, host):
        return False
    from .code_facts import calls_http_client  # code_facts imports this module

    return calls_http_client(text) or bool(_SESSION_REQUEST.search(text) or _RELATIVE_CLIENT_REQUEST.search(text))


def _catalogued_vendor_of(host: str, ctx: Context) -> str | None:
    """The catalog service a host's domain is named for (www.reddit.com → reddit), for a request
    from the file named after that vendor (`comments/reddit.cr`): the vendor's site host, which
    the catalog leaves out because most apps only link to it, is its API there. Not a vendor
    named with an everyday word (`threads`)."""
    sid = ctx.index.service_titled(api_slug(host))
    return sid if sid and not ctx.catalog.services[sid].word_name else None


# A client built on a base URL asked for a path under it (`client.get("/search.json?#{query}")`,
# `http.post('/v1/messages', ...)`): in a vendor-named file, the bare origin the client was made
# with (`REDDIT_URL = URI.parse("https://www.reddit.com")`, `make_client(REDDIT_URL)`) is the
# API's base, not a home-page link. The receiver is named for a client (not a router's
# `router.get('/path')`, which declares a route).
_RELATIVE_CLIENT_REQUEST = re.compile(
    r"""\b\w*(?:client|http|session|conn|api)\w*\.(?:get|post|put|patch|delete)\(\s*['"`]/[A-Za-z]""", re.I
)


# A Python scraper's requests go through the session it keeps (`self.session = Session()` in its
# setup, a retrying or Cloudflare-aware subclass): `self.session.get(self.server_url + 'search')`,
# `self.session.post(self.api_url, data=...)`, `session.get(f'https://yavka.net/imdb/{id}')`.
# A URL or a URL-named value as the first argument: Flask's `session.get('user')` reads a cookie.
_SESSION_REQUEST = re.compile(
    r"""session\.(?:get|post|put|patch|delete|head|request)\(\s*(?:['"](?:GET|POST|PUT|DELETE)['"]\s*,\s*)?"""
    r"""(?:f?['"]https?://|(?:self\.)?\w*(?:url|uri|endpoint)\b)""",
    re.I,
)


def _whole_literal(text: str, start: int) -> bool:
    """The URL opens a string literal (`'https://www.stubhub.com/...'`), rather than sitting in
    prose: a description's `[sign up](https://cloud.google.com/translate/)` is a link."""
    return start > 0 and text[start - 1] in "'\"`"


# A URL's `#fragment` (not Ruby's `#{...}` interpolation) never reaches the server.
_FRAGMENT = re.compile(r"#(?!\{)")
# The URL is a hyperlink's target (`<a href="…">`, JSX `href={"…"}`, `{ href: "…" }` in a UI
# builder): a page a reader may open (a vendor's docs, dashboard or stylesheet), never a
# request the app makes. Read on the few characters before the URL only.
_HREF_BEFORE = re.compile(r"""\bhref\s{0,20}[:=]\s{0,20}\{?\s{0,20}[`'"]$""", re.I)


# The URL is a link relation type (`Rel: "https://webfinger.net/rel/profile-page"` in a WebFinger
# or ActivityPub document, `{"rel": "http://ostatus.org/schema/1.0/subscribe"}`): RFC 8288 relation
# types are URIs used as names, never fetched.
_REL_BEFORE = re.compile(r"""\brel['"]?\s{0,20}(?:=>|[:=])\s{0,20}[`'"]$""", re.I)
# Likewise a constant named for one (`const val REL_PROGRESSION_API = "http://www.cantook.com/api/progression"`
# in an OPDS server, `LINK_REL_SELF`, `ACQUISITION_REL`, `relSample`): REL as a word of the name, so
# `RELEASES_URL` and `relayUrl` are no relation types.
_REL_CONST_BEFORE = re.compile(
    r"""\b(?:(?:[A-Z0-9]+_)*REL(?:_[A-Z0-9]+)*|rel[A-Z]\w*)\s{0,5}(?::\s{0,5}[\w.<>?]+\s{0,5})?=\s{0,20}[`'"]$"""
)


# The URL is an element's source (`<img src="…">` in JSX, `{ src: "…" }`): a file the browser
# loads. Served from a storage bucket or a CDN it is someone's asset there (a vendor's "Powered
# by" badge on its own Spaces bucket), not the application storing files: page templates count
# such sources only for vendors whose script or widget a page loads (templates.py), code alike.
# A worker's `importScripts('https://…/workbox-sw.js')` (the Web Worker API loading a script,
# Workbox's own CDN on a Cloud Storage bucket) is such a source too.
_SRC_BEFORE = re.compile(r"""(?:\bsrc\s{0,20}[:=]\s{0,20}\{?|\bimportScripts\s{0,20}\()\s{0,20}[`'"]$""", re.I)
_ASSET_CATEGORIES = frozenset({"file_storage", "hosting"})
# A URL that is the value of another URL's query parameter, unencoded (`...defunct?url=https://...`,
# `share?u=https://...`): the page or service of the outer URL gets it as data; this code does not
# request it.
_QUERY_VALUE_BEFORE = re.compile(r"[?&][A-Za-z_][\w.-]{0,30}=$")
_STATIC_ASSET = re.compile(r"\.(?:js|mjs|css)$", re.I)


# An XML namespace declaration (`<ListBucketResult xmlns="http://s3.amazonaws.com/doc/2006-03-01/">`,
# `xmlns:atom="http://www.w3.org/2005/Atom"`): the URL names a vocabulary, it is never requested
# (every S3-compatible store answers in S3's namespace).
_XMLNS_BEFORE = re.compile(r"""\bxmlns(?::[\w.-]{1,40})?\s{0,5}=\s{0,5}\\?["']$""")


# Firebase's app options, as the console hands them out for copying: the Admin SDK snippet
# (`admin.initializeApp({credential: ..., databaseURL: "https://<project>.firebaseio.com"})`,
# Python's `initialize_app(cred, {'databaseURL': ...})`) and the web config (`{apiKey, authDomain,
# databaseURL, storageBucket, ...}`) name the project's Realtime Database whether or not the app
# ever opens it, as they name its auth domain and bucket. An app that does shows it by the
# database API (`getDatabase(`, `admin.database().ref(`, `db.reference(`), which the catalog's
# calls find; the option's URL alone is the project's address, not a use.
_DATABASE_URL_OPTION_BEFORE = re.compile(r"""\bdatabaseURL['"]?\s*[:=]\s*['"`]$""")
_FIREBASE_INIT = re.compile(r"\binitializ(?:eApp|e_app)\(")
_FIREBASE_OPTIONS_SPAN = 600  # a config object of a dozen keys


def _firebase_app_option(text: str, start: int) -> bool:
    """The URL at `start` is the `databaseURL` of Firebase app options an `initializeApp(` call
    takes, or of a web config beside its `authDomain`: the project's address, copied with the rest."""
    if not _DATABASE_URL_OPTION_BEFORE.search(text, max(0, start - 40), start):
        return False
    return (_FIREBASE_INIT.search(text, max(0, start - _FIREBASE_OPTIONS_SPAN), start) is not None
            or "authDomain" in text[max(0, start - _FIREBASE_OPTIONS_SPAN):start + _FIREBASE_OPTIONS_SPAN])


def _is_href(text: str, start: int) -> bool:
    window = (text, max(0, start - 80), start)
    return (_HREF_BEFORE.search(*window) is not None or _REL_BEFORE.search(*window) is not None
            or _REL_CONST_BEFORE.search(*window) is not None)


# A list named for what the code skips or refuses (`IGNORED_IMG_BASEPATHS = ["https://circleci.com",
# ...]`, `blockedDomains: [...]`): its hosts are what the app leaves alone, not what it calls.
_SKIP_LIST = re.compile(
    r"(?i)(?:ignore|ignored|skip|skipped|exclude|excluded|block|blocked|blocklist|blacklist|deny|denied|denylist)"
    r"\w*['\"]?\s*(?::\s*[\w\[\]<>|. ]{0,40})?(?:=>|=|:)\s*(?:\[|array\(|\{|new\s+Set\(\s*\[|frozenset\(\s*[\[{(]|set\(\s*[\[(]|%w\[)\s*$"
)


def _in_skip_list(text: str, start: int) -> bool:
    """Whether the URL at `start` is an entry of a list named for skipping or refusing."""
    window = text[max(0, start - 1500):start]
    depth = 0
    for i in range(len(window) - 1, -1, -1):
        ch = window[i]
        if ch in ")]}":
            depth += 1
        elif ch in "([{":
            if depth == 0:
                line_start = window.rfind("\n", 0, i) + 1
                return bool(_SKIP_LIST.search(window[line_start:i + 1]))
            depth -= 1
    return False


# Sample data the app builds for itself: a notifier's "send a test message" payload
# (`def build_mock_payload(self): changes = [{"references": ["https://nvd.nist.gov/vuln/detail/CVE-..."]}]`),
# a `FAKE_EVENT = {...}` or a `sampleWebhook() { return {...} }`. A URL that is a value of such a
# list or dict literal is the sample's data (a reference link, an avatar), not a request: the
# function or variable holding the literal says so by a word of its name. Only words that mean
# made-up data (not `samples`, an audio app's or a sampling API's noun).
_SAMPLE_WORDS = frozenset({"mock", "mocked", "fake", "dummy", "stub", "sample"})
_SAMPLE_WINDOW = 8000  # a sample payload of a few nested records
_SAMPLE_HINT = re.compile(r"mock|fake|dummy|stub|sample", re.I)
_DEF_LINE = re.compile(r"^([ \t]*)(?:async[ \t]+)?def[ \t]+(\w+)")
_NAMED_OPENER = re.compile(r"(?:\bdef|\bfunction|\bclass)?[ \t]*(\w+)['\"]?[ \t]*(?:\([^()\n]*\)[^\n]*|:[^=\n]*=|[:=]|=>)?[ \t]*[\[{(]?$")


def _names_sample(name: str) -> bool:
    return not _SAMPLE_WORDS.isdisjoint(name_words(name))


def _in_sample_data(text: str, start: int) -> bool:
    """Whether the URL at `start` is a value of a list or dict literal that a function or a
    variable named for made-up data holds (`build_mock_payload`, `FAKE_EVENT`, `sampleWebhook`).
    A URL that is a call's argument (`requests.get("https://...")`) is never such data."""
    window_start = max(0, start - _SAMPLE_WINDOW)
    if not _SAMPLE_HINT.search(text, window_start, start):
        return False  # no such name before the URL (most URLs): skip the character walk
    window = text[window_start:start]
    depth, innermost, opener_lines = 0, None, []
    for i in range(len(window) - 1, -1, -1):
        ch = window[i]
        if ch in ")]}":
            depth += 1
        elif ch in "([{":
            if depth:
                depth -= 1
                continue
            if innermost is None:
                innermost = ch
                if ch == "(":
                    return False  # an argument of a call, not a value of data
            line_start = window.rfind("\n", 0, i) + 1
            opener_lines.append(window[line_start:i + 1])
    if innermost is None:
        return False
    for line in opener_lines:  # `FAKE_EVENT = {`, `"sample": [`, `function sampleWebhook() {`
        m = _NAMED_OPENER.search(line)
        if m and _names_sample(m.group(1)):
            return True
    # Python: the function the literal's statement sits in, by indentation
    lines = window.split("\n")
    outer = opener_lines[-1] if opener_lines else lines[-1]
    indent = len(outer) - len(outer.lstrip(" \t"))
    for line in reversed(lines[:-1]):
        m = _DEF_LINE.match(line)
        if m and len(m.group(1)) < indent:
            return _names_sample(m.group(2))
    return False


# Three words of a sentence between a string's opening quote and a URL in it.
_PROSE = re.compile(r"[A-Za-z]{2,}[ ,;:]+[A-Za-z]{2,}[ ,;:]+[A-Za-z]{2,}")


# A select's options that offer several platforms by their origin (`{label: "GitHub", value:
# "https://github.com"}, {label: "GitLab", value: "https://gitlab.com"}`): where the user says
# which one hosts their code, to build links to it; no request of the application's.
_OPTION_VALUE_BEFORE = re.compile(r"""\bvalue['"]?\s*[:=]\s*['"`]$""")
_OPTION_LABEL = re.compile(r"""\blabel['"]?\s*[:=]""")
_OPTION_ORIGIN = re.compile(r"""\bvalue['"]?\s*[:=]\s*['"`]https?://([A-Za-z0-9.-]+)/?['"`]""")


def _platform_choice(text: str, start: int) -> bool:
    """The bare origin at `start` is an option's value beside other vendors' origins."""
    if not _OPTION_VALUE_BEFORE.search(text, max(0, start - 40), start):
        return False
    # the options' list: from its `[` to its `]`
    opening, closing = text.rfind("[", max(0, start - 600), start), text.find("]", start, start + 600)
    if opening < 0 or closing < 0:
        return False
    window = text[opening:closing]
    if not _OPTION_LABEL.search(window):
        return False
    domains = {".".join(m.group(1).lower().split(".")[-2:]) for m in _OPTION_ORIGIN.finditer(window)}
    return len(domains) >= 2


def _in_prose(text: str, start: int) -> bool:
    """The URL at `start` is inside a sentence of a string literal (an API description's
    "... the CCTray v1 Specification, https://cctray.org/v1/"): a link for readers, not a
    request. A URL that opens its literal, or follows a format verb, is not."""
    line_start = text.rfind("\n", 0, start) + 1
    before = text[line_start:start]
    quote = max(before.rfind(q) for q in "'\"`")
    return quote >= 0 and bool(_PROSE.search(before, quote + 1))


# What introduces an example inside a string (`placeholder="e.g https://login.microsoftonline.com/..."`,
# "eg: https://example.atlassian.net", "Example: https://..."), right before the URL, or before a
# short list of samples the URL ends ("Example: https://cdn.mystore.com or https://d111abcdef8.cloudfront.net",
# "e.g. https://a.example, https://b.example"): each sample of the list is one.
_EXAMPLE_WORD = r"(?i)(?:\be\.?g\.?|\bex\.?|\bexample|\bi\.?e\.?|\bsuch as)\s*[:,]?\s*"
_EXAMPLE_MARK = re.compile(
    _EXAMPLE_WORD + r"(?:https?://[^\s'\"`,]++\s*+(?:,|\bor\b|\band\b)\s*+){0,3}$"
)


# The same with each sample quoted inside the sentence (a tooltip's `'... For example:
# "https://accounts.google.com" or "https://login.salesforce.com".'`): the URL opens a quote
# of its own right after the marker or a list of quoted samples.
_QUOTED_EXAMPLE_MARK = re.compile(
    _EXAMPLE_WORD + r"(?:['\"]https?://[^\s'\"`,]++['\"]\s*+(?:,|\bor\b|\band\b)\s*+){0,3}['\"]$"
)


def _as_example(text: str, start: int) -> bool:
    """The URL at `start` follows an example marker in the same string literal: a sample of
    what a user may enter (a form's hint for an identity provider's URL), not a request."""
    line_start = text.rfind("\n", 0, start) + 1
    before = text[line_start:start]
    quote = max(before.rfind(q) for q in "'\"`")
    return quote >= 0 and bool(_EXAMPLE_MARK.search(before, quote + 1) or _QUOTED_EXAMPLE_MARK.search(before))


# A form field's hint: `placeholder="https://myawesomeapp.com/api/webhook"` (HTML, JSX) or
# `placeholder: 'https://...'` (a props object), the URL opening the attribute's value.
# `placeholder="..."`, `placeholder: '...'`, PHP's `"placeholder" => '...'`, Filament's
# `->placeholder('...')`, up to the URL: group 1 is the value's text before it ('' when the URL
# opens the value, `http://cachet.io, ` when it follows another sample).
_PLACEHOLDER_VALUE_BEFORE = re.compile(r"""(?i)\bplaceholder['"]?\s*(?:=>|[=:(])\s*\{?\s*['"`]([^'"`\n]*)$""")


def _placeholder_before(text: str, start: int) -> str | None:
    """The part of an input `placeholder`'s value before the URL at `start`, or None when the
    URL is in no placeholder: a sample of what a user types into the field, never requested."""
    line_start = text.rfind("\n", 0, start) + 1
    m = _PLACEHOLDER_VALUE_BEFORE.search(text[max(line_start, start - 300):start])
    return m.group(1) if m else None


def _placeholder_attr(text: str, start: int) -> bool:
    """The URL at `start` opens the value of an input's `placeholder` (their own webhook or server)."""
    return _placeholder_before(text, start) == ""


def _site_in_placeholder(text: str, start: int, sid: str, ctx: Context) -> bool:
    """The URL at `start` is a hosting platform's site address anywhere in an input's
    `placeholder` (`placeholder="http://status.example.io, http://my-app.herokuapp.com"` for
    allowed domains): a sample of the sites a user may list, none the app is deployed on or
    calls. A vendor API's URL as a hint (`->placeholder('https://hc-ping.com/...')`) still
    counts: the field takes it."""
    return ctx.catalog.services[sid].category == "hosting" and _placeholder_before(text, start) is not None



# Bounded and flat: a nested `(?:[a-z]+[-_ ]?)*` backtracked exponentially on a long
# 'my ...' string that does not end in one of the words (minutes on one storybook file).
_PLACEHOLDER_VALUE = re.compile(
    r"""['"](?:your|my)[-_ ][a-z_ -]{0,60}?(?:key|secret|token|username|password|container|bucket|id)['"]""", re.I)

# A URL path that still holds the sample's blanks: a `your-…` segment (Laravel's stock
# `'prefix' => 'https://sqs.us-east-1.amazonaws.com/your-account-id'`) or a run of X's standing
# for a secret (Slack's documented `hooks.slack.com/services/T00000000/B00000000/XXXXXXXXXXXXXXXXXXXXXXXX`,
# kept as a test value by secret redactors). A real request fills them in.
_PLACEHOLDER_PATH = re.compile(r"/(?:your[-_]|YOUR[-_]|<your|\{your)|/[xX]{8,}(?:[/?#]|$)")

# Hosts built from a template: "https://s3.%s.amazonaws.com", f"https://{lang}.api.x.com",
# `https://${region}.example`. The placeholder stands for one label; only catalogued hosts count.
# `\w*+` is possessive: a plain `\w*` could hand its letters to the next `[A-Za-z0-9-]`
# iterations of _TEMPLATED_URL in any split, exponential on `http://$aa$aa$aa...` with no dot.
# Nothing else in the loop starts with a word character, so taking them all loses no match.
_PLACEHOLDER = r"(?:%[sdv]|\$\{[^}\s]{1,40}\}|\{\{[^}\s]{1,40}\}\}|#\{[^}\s]{1,40}\}|\{[^}\s]{1,40}\}|\$[A-Za-z_]\w*+)"
_TEMPLATED_URL = re.compile(
    rf"""(?:https?|wss?)://((?:[A-Za-z0-9-]|{_PLACEHOLDER})+(?:\.(?:[A-Za-z0-9-]|{_PLACEHOLDER})+)+)"""
)
URL_PLACEHOLDER = re.compile(_PLACEHOLDER)
# Protocol-relative URLs, a string that starts with `//host`: the page's own scheme
# (`'//www.google-analytics.com/analytics.js'`, Leaflet's `'//{s}.tile.openstreetmap.org/...'`).
# Catalogued hosts only, as for templated ones: `'//' + path` joins are everywhere.
_RELATIVE_URL = re.compile(
    rf"""(?<=['"`])//((?:[A-Za-z0-9-]|{_PLACEHOLDER})+(?:\.(?:[A-Za-z0-9-]|{_PLACEHOLDER})+)+)"""
)
RELATIVE_LITERALS = frozenset({"'//", '"//', "`//"})
# What a file holding a host allow-list (`_GUARDED_HOST`) contains: a suffix test for a dotted domain.
GUARD_LITERALS = frozenset(
    f"{call}({q}." for call in ("endswith", "hassuffix", "end_with?") for q in ("'", '"', "`")
)


# A placeholder glued to a host's last label that holds the domain ending: a vendor with one store
# per country builds its host as `https://api.audible${tld}/...`, `f"https://www.amazon{tld}"`
# (tld = '.co.uk'). The host is the vendor's, read at its `.com` store; the letters before the
# placeholder are no host of their own. The placeholder may also stand for the whole ending after
# the dot, named for the domain's suffix (`format!("https://api.audible.{suffix}/1.0/...")`).
_TLD_PLACEHOLDER = re.compile(rf"(?<=[A-Za-z0-9])\.?({_PLACEHOLDER})(?![A-Za-z0-9.-]|{_PLACEHOLDER})")


def _tld_placeholder(placeholder: str) -> bool:
    """`placeholder` (`${tld}`, `{this.regionTld}`, `{suffix}`, `%s` excluded) names a top-level domain."""
    return not {"tld", "tlds", "suffix"}.isdisjoint(name_words(placeholder))


def tld_templated_at(text: str, end: int) -> bool:
    """The host literal ending at `end` goes on with a TLD placeholder (`api.audible` + `${tld}`):
    a truncated host, not one of its own."""
    m = _TLD_PLACEHOLDER.match(text, end) if end and text[end - 1].isalnum() else None
    return m is not None and _tld_placeholder(m.group(1))


def host_continues_at(text: str, end: int) -> bool:
    """The host literal ending at `end` goes on with a dot and a placeholder (`http-intake.logs`
    + `.#{site}`, `abc.execute-api` + `.${region}.amazonaws.com`): its labels so far are a cut
    host, no host of their own; the whole templated host is read by `_templated_hosts`."""
    return text[end:end + 1] == "." and URL_PLACEHOLDER.match(text, end + 1) is not None


def _templated_hosts(text: str) -> Iterator[tuple[int, str]]:
    for m in _TEMPLATED_URL.finditer(text):
        raw = m.group(1)
        if URL_PLACEHOLDER.search(raw):
            tld = _TLD_PLACEHOLDER.search(raw)
            if tld and tld.end() == len(raw) and _tld_placeholder(tld.group(1)):
                raw = raw[:tld.start()] + ".com"
            yield m.start(), URL_PLACEHOLDER.sub("x", raw).lower()


def _relative_hosts(text: str) -> Iterator[tuple[int, str]]:
    for m in _RELATIVE_URL.finditer(text):
        yield m.start(), URL_PLACEHOLDER.sub("x", m.group(1)).lower()


def host_evidence(
    src: Source, text: str, ctx: Context, *, ruby: bool, present: frozenset[str] | None,
    gate_hosts: frozenset[str], seen: set[tuple[str, str]], once: Callable[[str, str], bool],
) -> Iterator[Evidence]:
    """Hosts the file's literals send requests to: each URL that survives the page-and-link
    rules above, host settings, webhook senders' host tests, allow-listed suffixes and
    templated or scheme-relative URLs of catalogued hosts. `seen`/`once` are the caller's
    per-file record of names already reported (a host is reported once per file)."""
    # Hostnames in literals
    urls = list(_URL.finditer(text)) if present is None or URL_LITERAL in present else []
    # A file naming dozens of sites (a crawler list's `url: 'https://help.disqus.com/...'`, a map
    # of referrer domains to icons) is a table of data: only its API-shaped URLs are requests.
    table = len({m.group(1).lower() for m in urls}) >= _TABLE_HOSTS
    migration: bool | None = None  # whether the file is a schema migration, once a host is found
    for m in urls:
        host = _bucket_host(m.group(1).lower(), m.group(3) or "", ctx)
        if NOT_EXTERNAL_HOST.search(host) and not _catalogued_on_skipped_domain(host, m.group(3) or "", ctx):
            continue
        if ("host", host) in seen or in_csp(text, m.start()) or _is_href(text, m.start()):
            continue
        if in_image_allowlist(text, m.start()):
            continue  # an image optimizer's allowed source, not a request of the code
        if _XMLNS_BEFORE.search(text, max(0, m.start() - 60), m.start()):
            continue  # an XML namespace's name, never requested
        if _in_skip_list(text, m.start()) or _as_example(text, m.start()):
            continue
        if _firebase_app_option(text, m.start()):
            continue  # Firebase's copied app options name the project's database, used or not
        if _in_sample_data(text, m.start()):
            continue  # a value of a mock or sample payload the app builds (a test notification's data)
        if not m.group(2) and not m.group(3) and (tld_templated_at(text, m.end(1)) or host_continues_at(text, m.end(1))):
            continue  # `https://api.audible${tld}`, `https://http-intake.logs.#{site}`: the host is the templated one, read below
        if _METADATA_LINK.search(text, max(0, m.start() - 40), m.start()):
            continue  # a plugin's author or docs page, for people
        if _DESCRIPTION_VALUE.search(text, text.rfind("\n", 0, m.start()) + 1, m.start()):
            continue  # a link in a field's description or tooltip, for the user to read
        if _QUERY_VALUE_BEFORE.search(text, max(0, m.start() - 40), m.start()):
            continue  # a URL passed as another URL's query value (`/defunct?url=https://web.archive.org/web/...`): a link handed on, not requested here
        if text[max(0, m.start() - 2):m.start()] == "](":
            continue  # a Markdown link in a description string (`[Google](https://pubsubhubbub.appspot.com/)`): for readers
        path = m.group(3) or ""
        # (A bare origin assigned to a base-URL name is an API base even in such a file: a
        # constants module of many LLM vendors' `BAIDU_BASE_URL = "https://aip.baidubce.com"`
        # beside a list of sites; a table of sites names no base URL.)
        if table and not _api_shaped(host, path) and not (
            path in ("", "/") and _base_url(text, m.start()) and not _link_builder(text, m.start())
        ):
            continue
        sid = ctx.index.host(host)
        if sid and ctx.catalog.services[sid].category in _ASSET_CATEGORIES and _SRC_BEFORE.search(
            text, max(0, m.start() - 80), m.start()
        ):
            continue  # an image or script a page loads from a bucket or CDN: an asset, no storage of the app's
        if sid and ctx.catalog.services[sid].category in _ASSET_CATEGORIES and _STATIC_ASSET.search(path.split("?", 1)[0]):
            # A script or stylesheet on a bucket or CDN host (a map library's plug-in on its
            # publisher's bucket, `https://cdn-geoweb.s3.amazonaws.com/esri-leaflet/0.0.1/esri-leaflet.js`,
            # listed for a page to include): a library a browser loads, not the app's storage or hosting.
            continue
        if sid and _site_in_placeholder(text, m.start(), sid, ctx):
            continue  # a sample site address in a form hint (x.herokuapp.com), no deployment of the app's
        if sid and path and other_vendors_url(m.group(0), sid, ctx):
            continue  # another vendor's script on a shared host (gtag.js for Analytics on Tag Manager's host)
        if sid and path and _gateway_path(path, sid, ctx):
            continue  # another vendor's API on a marketplace's gateway (api.apilayer.com/fixer/latest is Fixer's)
        if _INVITE_PATH.match(path):
            continue  # a community's invite link (discord.com/invite/x) is for people to open
        if _PROFILE_PATH.fullmatch(path) and not host.startswith("api."):
            continue  # a person's profile page (discord.com/users/x) is for people to open
        if _CAMPAIGN_TAG.search(path):
            continue  # a link tagged for the vendor's campaign analytics: for people to open
        if path in ("", "/") and _platform_choice(text, m.start()):
            continue  # one platform among others in a select's options: the user's choice, for links
        if _CONTENT_HASH.search(path.split("?", 1)[0]):
            continue  # one fixed file or picture by its digest, not a request the code makes
        if _FIXED_AVATAR.search(path.split("?", 1)[0]):
            continue  # one person's avatar by a literal id (a sample payload's avatar_url): data
        if _WIKI_ARTICLE.match(path):
            continue  # a wiki's article, a page for people: no request of the code's
        if _HELP_ARTICLE.match(path):
            continue  # a help center's article, a page for people: no request of the code's
        if _SIGNUP_PAGE.match(path):
            continue  # a vendor's sign-up page, linked for an admin: no request of the code's
        if _HTML_OUTPUT.search(path):
            continue  # a page the URL asks to be rendered for a browser: a link, no API call
        if _GIT_REMOTE_BEFORE.search(text, text.rfind("\n", 0, m.start()) + 1, m.start()):
            continue  # a public repository git checks out: source code, not the forge's API
        if sid is None:
            sid = tracking_script(path, ctx)
        # An unknown host counts where it is used as an API; a link to its home page earlier in
        # the file (a description's `[PhantomJs Cloud](https://phantomjscloud.com/)`) must not
        # hide a later `https://phantomjscloud.com/api/browser/v2/...` request.
        if sid is None and not (
            _api_shaped(host, path) or _oembed_endpoint(path) or _vendor_request(src, text, m.start(), m.end(), host, path)
            or (path in ("", "/") and _base_url(text, m.start()) and not _link_builder(text, m.start()))
            or (path in ("", "/") and ruby and _oauth_site(text, m.start()))
            or (path.strip("/") != "" and _keyed_base_default(text, m.start()))
        ):
            continue
        if sid is None and _FRAGMENT.search(path):
            continue  # a fragment is never sent to a server: a page anchor ("See: https://vuejs.org/v2/api/#data"), not a request
        if sid is None and _DOCS_PATH.search(path):
            continue  # a link to the API's documentation (api.data.gov/docs/rate-limits, x.com/api/doc/1), not a call
        if sid is None and _IMAGE_FILE.search(path.split("?", 1)[0]):
            continue  # a picture a page or a mail shows, not a call
        if _DOCS_PATH.search(path) and _COMMENT_LINE_BEFORE.search(text, max(0, m.start() - 300), m.start()):
            continue  # a docs link in a commented line of a snippet kept in a string: for the reader
        if sid is None and _COMPARED.search(text, max(0, m.start() - 20), m.start()):
            continue  # a URL the code compares a value with (`url == 'https://myllm.com/...'`) is a match, not a request
        if sid is None and _in_prose(text, m.start()):
            continue  # a link in a sentence ("adheres to the CCTray v1 Specification, https://cctray.org/v1/")
        if sid is None and _placeholder_attr(text, m.start()):
            continue  # an input's hint (placeholder="https://myawesomeapp.com/api/webhook"): what a user may type
        if sid is None and _PLACEHOLDER_VALUE.search(text, max(0, m.start() - 400), m.end() + 400):
            continue  # a sample block ('username' => 'your-username'): a template, not a use
        if _PLACEHOLDER_PATH.search(path) and not (sid and _placeholder_attr(text, m.start())):
            # A sample URL, even on a catalogued host ('https://sqs.us-east-1.amazonaws.com/your-account-id'),
            # unless it is an input's hint for a catalogued vendor's URL (a settings form's
            # `->placeholder('https://hc-ping.com/your-uuid-here')`): the field takes that vendor's.
            continue
        if (sid is None and _file_names_vendor(src.rel, host) and not _AUTHORIZE_PATH.search(path)
                and not _STATIC_ASSET.search(path.split("?", 1)[0])):
            # (last: a request the checks above let through; not a sign-in's authorize page,
            # which is the vendor's OAuth, nor a script the vendor's player loads)
            sid = _catalogued_vendor_of(host, ctx)
        once("host", host)
        if migration is None:
            migration = _MIGRATION_FILE.search(text) is not None
        detail = (("authorize", "1"),) if _AUTHORIZE_PATH.search(path) else ()
        yield Evidence(path=src.rel, line=src.line_of(m.start()), kind=HOST, name=host, service=sid or "",
                       detail=(*detail, ("migration", "1")) if migration else detail)
    # Host settings that name a catalog host without a URL: fluent-bit's `Host api.axiom.co`,
    # `host: otel.highlight.io`, `'host' => 'smtp.postmarkapp.com'`.
    settings = (
        [*_HOST_SETTING.finditer(text), *_HOST_DEFAULT.finditer(text), *_HOST_SETTER.finditer(text)]
        if present is None or not gate_hosts.isdisjoint(present) else ()
    )
    set_hosts = [(m, host, ctx.index.host(host)) for m in settings for host in (m.group(1).lower(),)]
    if len({sid for _, _, sid in set_hosts} - {None}) >= _PRESET_VENDORS:
        # One file setting the host of three or more vendors is a table of presets a settings
        # form offers (listmonk's `smtpTemplates = {mailgun: {host: 'smtp.mailgun.org'}, ...}`):
        # what a user may pick, not what the app calls.
        set_hosts = []
    for m, host, sid in set_hosts:
        if sid and not in_image_allowlist(text, m.start(1)) and once("host", host):
            yield Evidence(path=src.rel, line=src.line_of(m.start(1)), kind=HOST, name=host, service=sid)
    if present is None or not gate_hosts.isdisjoint(present):
        for m in _VENDOR_CLIENT_ON_HOST.finditer(text):
            host = m.group(2).lower()
            sid = ctx.index.host(host)
            if sid and sid.replace("-", "") in m.group(1).lower() and once("host", host):
                yield Evidence(path=src.rel, line=src.line_of(m.start(2)), kind=HOST, name=host, service=sid)
    # A webhook sender that shapes its payload for the vendor a configured URL points at
    # (`if (url.includes("discord.com"))` → Discord embeds, `"hooks.slack.com" in url` → Slack
    # blocks): the bare host it tests the URL for is the vendor whose webhook API it calls.
    # Only in code about webhooks: elsewhere such a test picks an icon or an embed for a link.
    if "webhook" in src.lowered and (present is None or not gate_hosts.isdisjoint(present)):
        for m in _SNIFFED_HOST.finditer(text):
            host = (m.group(1) or m.group(2)).lower()
            sid = ctx.index.host(host)
            if sid and once("host", host):
                yield Evidence(path=src.rel, line=src.line_of(m.start()), kind=HOST, name=host, service=sid)
    if present is None or not GUARD_LITERALS.isdisjoint(present):
        for m in _GUARDED_HOST.finditer(text):
            # `.upstash.io`: any subdomain, which the catalog's `*.upstash.io` names
            host = m.group(1).lower()
            sid = ctx.index.host(host) or ctx.index.host("x." + host)
            if sid and once("host", host):
                yield Evidence(path=src.rel, line=src.line_of(m.start()), kind=HOST, name="*." + host, service=sid)
    # Hosts a plain URL does not spell out: built from a template, or on the page's scheme.
    # Catalogued hosts only; a hyperlink's target is no request here either.
    templated = _templated_hosts(text) if present is None or URL_LITERAL in present else ()
    relative = _relative_hosts(text) if present is None or not RELATIVE_LITERALS.isdisjoint(present) else ()
    for offset, host in itertools.chain(templated, relative):
        sid = ctx.index.host(host)
        if sid and not in_csp(text, offset) and not _is_href(text, offset) and once("host", host):
            # (a migration's templated URL is history too: a data migration moving a dropped
            # provider's rows onto another, `"https://{$bucket}.s3.{$region}.wasabisys.com"`)
            if migration is None:
                migration = _MIGRATION_FILE.search(text) is not None
            yield Evidence(path=src.rel, line=src.line_of(offset), kind=HOST, name=host, service=sid,
                           detail=(("migration", "1"),) if migration else ())
