"""Page templates (`.html.erb`, `.twig`, `.html`, `.hbs`, `.ejs`, `.html.heex`, ...): a catalog vendor's
script, frame or image loaded from its host (`<script src="https://maps.googleapis.com/...">`,
`javascript_include_tag "https://js.stripe.com/v3"`) is a use of that vendor in the browser.
So is an inline script's request to such a host (`$.ajax({url: 'https://api.github.com/...'})`).

The code detector reads program files only; templates hold these tags. Only a loaded
resource counts (a `src` attribute or a script-include helper), never a link (`href`): pages
link to docs, vendors' home pages and social profiles all the time. Unknown hosts are left out:
a template names no API by its shape.

Inline snippets count too, where the catalog marks a call pattern as proving its vendor on its
own (`alone: true`): Matomo's `_paq.push`, gtag.js loaded for an Analytics measurement id.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from ...model import CALL, HOST, Evidence
from ...catalog import CallPattern
from .base import Context, Detector, Record, Source
from .url_literals import NOT_EXTERNAL_HOST, other_vendors_url, tracking_script, in_csp

_EXTENSIONS = (
    ".erb", ".html", ".htm", ".twig", ".hbs", ".handlebars", ".ejs", ".liquid", ".mustache", ".jinja",
    ".jinja2", ".j2", ".njk", ".haml", ".slim", ".cshtml", ".razor", ".gohtml", ".tmpl",
    # Phoenix (Elixir): HEEx and EEx page templates, `root.html.heex`, `app.html.eex`
    ".heex", ".eex", ".leex",
    # Laravel's Blade views (`layouts/app.blade.php`): the page a PHP app's layout loads its
    # analytics and widgets in; the code detector reads their PHP, not their tags
    ".blade.php",
    # Smarty's templates (`.tpl`: Piwigo, PrestaShop, WHMCS), whose `{literal}` blocks hold the
    # page's inline scripts
    ".tpl",
)
# `src="https://..."`, `src: "//..."` (haml/slim), `javascript_include_tag "https://..."`,
# `script_tag(...)`: the resource the page loads; an inline script's `script.src = `https://...${key}``
# (a JS template literal: the loader script built with its API key) likewise. The URL may follow template tags inside the
# attribute: the default of a conditional (`src="{{ if .BaseUrl }}{{ .BaseUrl }}{{ else }}https://..."`,
# Jinja's `{% if %}...{% else %}`, ERB's `<% if %>...<% else %>`) is what the page loads unless set.
_TAG_IN_ATTR = r"""(?:\{\{[^{}\n]{0,120}\}\}|\{%[^%\n]{0,120}%\}|<%[^%\n]{0,120}%>){0,6}"""
# An inline script's request to a URL it spells out (`$.ajax({url: 'https://api.github.com/emojis'})`,
# `fetch("https://...")`, `$.getJSON(...)`, `axios.get(...)`): the page calls that API from the
# browser as surely as it loads a script. Request calls only: a bare `url:` key may be a link to share.
_INLINE_REQUEST = (
    r"""|\$\.ajax\(\s*\{\s*url\s*:\s*|(?:\$|\bjQuery)\.(?:get|getJSON|post)\(\s*"""
    r"""|\bfetch\(\s*|\baxios\.(?:get|post)\(\s*"""
)
_LOADED = re.compile(
    r"""(?:\bsrc\s*[=:]\s*|\b(?:javascript_include_tag|script_tag|javascript_tag)\b[\s(]*""" + _INLINE_REQUEST + r""")['"`]?""" + _TAG_IN_ATTR +
    r"""(?:https?:)?//([A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?)+)"""
    r"""(?::\d+)?(/[^\s'"`)<>]*)?""",
    re.I,
)

# An inline script's map tile layer (`L.tileLayer('//{s}.tile.openstreetmap.org/{z}/{x}/{y}.png')`,
# `L.tileLayer.wms(...)`): Leaflet requests the map's tiles from that host as the page shows it.
# Its URL template usually starts with a subdomain placeholder (`{s}.`), which no host holds.
_TILE_LAYER = re.compile(
    r"""\btileLayer(?:\.wms)?\(\s*['"`](?:https?:)?//(?:\{[a-z]\}\.)?"""
    r"""([A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?)+)"""
)


# HTML, ERB/EEx, HEEx, Twig/Jinja and Handlebars comments: a commented-out tag loads nothing.
_COMMENT = re.compile(r"<!--.*?-->|<%!--.*?--%>|<%#.*?%>|\{#.*?#\}|\{\{!--.*?--\}\}", re.S)
# Smarty's comments (`{* <script src="..."> *}`), in its `.tpl` files only: elsewhere `{*` can open
# a script's block.
_SMARTY_COMMENT = re.compile(r"\{\*.*?\*\}", re.S)
# Code a page shows for people to read (`<pre><code class="language-javascript">new
# google.maps.Map(...)`, a demo note's snippet): displayed text, nothing the page runs or loads.
_SHOWN_CODE = re.compile(r"<pre\b.*?</pre\s*>|<code\b.*?</code\s*>", re.S | re.I)


# Email templates (`assets/mailer_templates/confirmation.html`, `emails/welcome.hbs`, Rails'
# `views/user_mailer/`): mail clients run no script, so a `<script>` there (a RUM or analytics
# snippet left in HTML saved from a web page) does nothing. Their images do load (a logo on a CDN).
_MAIL_FOLDER = re.compile(r"(?:^|/)(?:[\w-]*[_-])?e?mail(?:er|s)?(?:[_-][\w-]*)?/", re.I)
_SCRIPT_ELEMENT = re.compile(r"<script\b.*?</script\s*>", re.S | re.I)


# A Google Ads conversion id in a gtag.js URL's id (`?id=AW-123`, `?id=<%= ENV['GOOGLE_ADS_ID'] %>`).
_ADS_ID = re.compile(r"\bAW-|\bADS\b|_ADS_|[Gg]oogle_?[Aa]ds")


def _blank(m: re.Match[str]) -> str:
    return re.sub(r"[^\n]", " ", m.group(0))


# Vendors whose script or widget a page loads. Not storage or hosting: a script served from a
# CDN bucket (`d2wy8f7a9ursnm.cloudfront.net`, an email's images on ik.imagekit.io) is someone's
# asset there, not the application storing files.
_LOADED_CATEGORIES = frozenset({
    "external_api", "analytics", "error_tracking", "payment", "auth_provider", "oauth", "logs",
})


# YAML files that carry a page snippet for the app to inject (`head: |` holding a `<script>`
# tag: an analytics or comments module's code), read like a template when they hold a tag.
_SNIPPET_HOLDERS = (".yml", ".yaml")


def accepts(rel: str, name: str, ctx: Context | None = None) -> bool:
    return name.lower().endswith(_EXTENSIONS + _SNIPPET_HOLDERS)


def detect(src: Source, ctx: Context) -> Iterator[Record]:
    if src.name.lower().endswith(_SNIPPET_HOLDERS) and "<script" not in src.lowered and "<iframe" not in src.lowered:
        return  # configuration, not a page snippet
    seen: set[str] = set()
    text = _SHOWN_CODE.sub(_blank, _COMMENT.sub(_blank, src.text))
    if src.name.lower().endswith(".tpl"):
        text = _SMARTY_COMMENT.sub(_blank, text)
    if _MAIL_FOLDER.search(src.rel):
        text = _SCRIPT_ELEMENT.sub(_blank, text)  # an email's scripts never run
    snippets: list[tuple[str, re.Match[str]]] = []
    present = src.present
    for sid, call, literals, lowered in _snippets(ctx):
        # the scanner's one-pass literal search first: a page names few of the catalog's
        # hundreds of snippets, and a substring test per snippet per page was most of the
        # detector's time in an app of many templates
        if present is not None and present.isdisjoint(lowered):
            continue
        if not any(lit in text for lit in literals):
            continue
        hit = call.search(text)
        if hit:
            snippets.append((sid, hit))
            yield Evidence(path=src.rel, line=src.line_of(hit.start()), kind=CALL, name=call.endpoint, service=sid,
                           detail=(("alone", "1"),))
    for m in _LOADED.finditer(text):
        host = m.group(1).lower()
        if host in seen or NOT_EXTERNAL_HOST.search(host) or in_csp(text, m.start(1)):
            continue
        sid = ctx.index.host(host) or tracking_script(m.group(2) or "", ctx)
        if sid is None or ctx.catalog.services[sid].category not in _LOADED_CATEGORIES:
            continue
        # A URL the catalog's snippet names as another vendor's is that vendor's script, served
        # from a shared host: gtag.js for an Analytics id comes from www.googletagmanager.com,
        # Tag Manager's host, and is Analytics, no Tag Manager container.
        if any(other != sid and m.start(1) <= hit.start() < m.end() for other, hit in snippets):
            continue
        # The same when the id is a setting the snippet cannot name (`?id=<%= settings.google_code %>`):
        # a URL the catalog's patterns give to another analytics vendor (`/gtag/js`) is that
        # vendor's script, never the host's owner's (no Tag Manager container), as in code.
        # A Google Ads id (`AW-`, `GOOGLE_ADS_ID`) keeps the host: no Analytics is there to take it.
        if other_vendors_url(m.group(0), sid, ctx) and not _ADS_ID.search((m.group(2) or "") + text[m.end():m.end() + 80].split("\n", 1)[0]):
            continue
        seen.add(host)
        yield Evidence(path=src.rel, line=src.line_of(m.start(1)), kind=HOST, name=host, service=sid)
    if "tilelayer" in src.lowered:
        for m in _TILE_LAYER.finditer(text):
            host = m.group(1).lower()
            sid = ctx.index.host(host)
            if host in seen or sid is None or ctx.catalog.services[sid].category not in _LOADED_CATEGORIES:
                continue
            seen.add(host)
            yield Evidence(path=src.rel, line=src.line_of(m.start(1)), kind=HOST, name=host, service=sid)


def _snippets(ctx: Context) -> list[tuple[str, CallPattern, tuple[str, ...], frozenset[str]]]:
    """The catalog's calls that prove their vendor alone, of the vendors a page can load, with
    their literals lower-cased as the scanner's literal search reports them."""
    cached = _SNIPPETS.get(id(ctx.index))
    if cached is None or cached[0] is not ctx.index:
        rows = [
            (sid, call, literals, frozenset(lit.lower() for lit in literals))
            for sid, patterns, _ in ctx.index.call_patterns
            if ctx.catalog.services[sid].category in _LOADED_CATEGORIES
            for call, literals, _ in patterns
            if call.alone and literals is not None  # a pattern the literal gate can see
        ]
        cached = _SNIPPETS[id(ctx.index)] = (ctx.index, rows)
    return cached[1]


_SNIPPETS: dict[int, tuple[object, list[tuple[str, CallPattern, tuple[str, ...], frozenset[str]]]]] = {}


def _literals(ctx: Context) -> tuple[str, ...]:
    return ("//", *sorted({lit for _, _, _, lowered in _snippets(ctx) for lit in lowered}))


DETECTOR = Detector(name="templates", accepts=accepts, detect=detect, literals=_literals)
