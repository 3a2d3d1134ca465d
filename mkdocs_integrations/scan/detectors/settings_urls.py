"""An application's settings file of defaults: the URL a setting named for an endpoint holds.

Rails apps keep their defaults in `config/settings.yml` (the `config` gem: `nominatim_url:
"https://nominatim.openstreetmap.org/"`, read as `Settings.nominatim_url`), Spring Boot apps in
`application.yml`, others in a `config/*.yml` of their own (a map's tile layers, `tileUrl:
"https://tile.openstreetmap.org/{z}/{x}/{y}.png"`). The code then reads the setting, never the
URL, so the code detector sees no host: the settings file is where the vendor is named.

Only a key whose name says it holds an endpoint counts (`*_url`, `tileUrl`, `api_endpoint`,
`*_host`), and only a host the catalog knows: an unknown host in a settings file may be the
app's own, and a key for a page people open (`help_url`, `donation_url`, `terms_url`) is a link.

A MapLibre / Mapbox GL style document (`style.json`: `"version": 8`, `"sources"`, `"layers"`) is
the same kind of file for a map: the library fetches its `glyphs`, `sprite` and each source's
`url` / `tiles` from the browser, while the code only passes the file to `new maplibregl.Map({style})`.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from typing import Any

from ...model import HOST, Evidence
from .base import Context, Detector, Record, Source
from .url_literals import NOT_EXTERNAL_HOST, URL_PLACEHOLDER

_YAML = (".yml", ".yaml")
# A settings file: a YAML file in a configuration folder (`config/settings.yml`,
# `config/settings/production.yml`, `src/main/resources/config/application.yml`), or one named
# for settings (`application-prod.yml`, `settings.yaml`, `config.yml`).
_SETTINGS_FOLDER = re.compile(r"(?:^|/)(?:config|configs|conf|settings)/")
_SETTINGS_NAME = re.compile(r"^(?:application|settings|config|appsettings)(?:[-_.][\w-]+)?\.ya?ml$", re.I)
# Folders of YAML that is no application setting: translations, CI, deployment manifests, fixtures
# and tests (whose URLs are samples), docs.
NOT_SETTINGS = re.compile(
    r"(?:^|/)(?:locales?|i18n|translations|lang|\.github|\.gitlab|\.circleci|charts|helm|k8s|kubernetes|deploy"
    r"|fixtures|tests?|spec|docs?|examples?|node_modules|vendor)/"
)
# `key: "https://host/..."`, `- tileUrl: https://...`, `'api_endpoint': '...'`: a key ending in
# url/uri/endpoint/host (any case) whose value opens with a URL. Group 2 is the URL's host as
# written, template placeholders and all (`{s}.tile-cyclosm.openstreetmap.fr`): one flat run up
# to the path, port or closing quote, read apart below.
# A bare `endpoint:` counts too (`turn: {cloudflare: {endpoint: https://rtc.live.cloudflare.com/...}}`:
# the vendor is the parent key); a bare `url:` or `host:` is as often a menu link or a bind address.
_SETTING = re.compile(
    r"""^[ \t]*(?:-[ \t]+)?['"]?([A-Za-z][\w.-]*?(?:url|uri|endpoint|host)|endpoint)['"]?[ \t]*:[ \t]*['"]?"""
    r"""(?:https?|wss?)://([^\s/'"?#:]{3,200})""",
    re.M | re.I,
)
_HOST = re.compile(r"[a-z0-9](?:[a-z0-9-]*[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]*[a-z0-9])?)+")
# Words of a key for a page a person opens, not a service the app calls.
_LINK_WORDS = frozenset({
    "help", "docs", "doc", "documentation", "wiki", "homepage", "home", "website", "site", "donate", "donation",
    "terms", "tos", "privacy", "legal", "support", "about", "blog", "license", "source", "repo", "repository",
    "issues", "bugs", "feedback", "contact", "faq", "changelog", "community", "forum", "chat", "status",
    "redirect", "callback", "return", "logout", "login", "signup", "image", "logo", "icon", "avatar",
})


def _key_words(key: str) -> list[str]:
    spaced = re.sub(r"(?<=[a-z0-9])(?=[A-Z])", " ", key)
    return [w for w in re.split(r"[^a-z0-9]+", spaced.lower()) if w]


def accepts(rel: str, name: str, ctx: Context | None = None) -> bool:
    lower = name.lower()
    if NOT_SETTINGS.search(rel):
        return False
    if lower.endswith(".json"):
        return lower not in _NOT_STYLE_NAMES  # a map style, if its content says so (detect)
    if not lower.endswith(_YAML):
        return False
    return bool(_SETTINGS_FOLDER.search(rel) or _SETTINGS_NAME.match(name))


# A style document of the MapLibre / Mapbox GL style spec: version 8 with sources and layers.
_STYLE_VERSION = re.compile(r'"version"\s*:\s*8\b')
_NOT_STYLE_NAMES = frozenset({"package.json", "package-lock.json", "composer.json", "composer.lock", "tsconfig.json"})


def _style_urls(style: dict[str, Any]) -> Iterator[str]:
    """The URLs a map library fetches for this style: glyphs, sprite(s), each source's TileJSON
    `url` and `tiles` templates (GeoJSON `data` and the like are the app's own)."""
    for key in ("glyphs", "sprite"):
        value = style.get(key)
        if isinstance(value, str):
            yield value
        elif isinstance(value, list):  # multiple sprites: [{"id": ..., "url": ...}]
            yield from (v["url"] for v in value if isinstance(v, dict) and isinstance(v.get("url"), str))
    sources = style.get("sources")
    for source in sources.values() if isinstance(sources, dict) else ():
        if not isinstance(source, dict):
            continue
        if isinstance(source.get("url"), str):
            yield source["url"]
        tiles = source.get("tiles")
        yield from (t for t in tiles if isinstance(t, str)) if isinstance(tiles, list) else ()


_URL_HOST = re.compile(r"^(?:https?|wss?)://([^\s/'\"?#:]{3,200})", re.I)


def catalogued_host(raw: str, seen: set[str], ctx: Context) -> tuple[str, str | None]:
    """The host (a placeholder stands for one label) and its catalog service, None for a host
    already seen in the file, not external or not catalogued; marks a catalogued host seen."""
    host = URL_PLACEHOLDER.sub("x", raw).lower()
    if not _HOST.fullmatch(host) or host in seen or NOT_EXTERNAL_HOST.search(host):
        return host, None
    sid = ctx.index.host(host)
    if sid is not None:
        seen.add(host)
    return host, sid


def _map_style(src: Source, ctx: Context) -> Iterator[Record]:
    text = src.text
    if '"layers"' not in text or '"sources"' not in text or not _STYLE_VERSION.search(text):
        return
    try:
        style = json.loads(text)
    except ValueError:
        return
    if not isinstance(style, dict) or style.get("version") != 8 or not isinstance(style.get("layers"), list):
        return
    seen: set[str] = set()
    for url in _style_urls(style):
        m = _URL_HOST.match(url)
        if not m:
            continue
        host, sid = catalogued_host(m.group(1), seen, ctx)
        if sid is None:
            continue
        at = text.find(url)
        if at < 0:  # written with escaped slashes (`https:\/\/...`)
            at = text.find(url.replace("/", "\\/"))
        yield Evidence(path=src.rel, line=src.line_of(max(at, 0)), kind=HOST, name=host, service=sid)


def detect(src: Source, ctx: Context) -> Iterator[Record]:
    if src.name.lower().endswith(".json"):
        yield from _map_style(src, ctx)
        return
    seen: set[str] = set()
    for m in _SETTING.finditer(src.text):
        if not _LINK_WORDS.isdisjoint(_key_words(m.group(1))):
            continue
        host, sid = catalogued_host(m.group(2), seen, ctx)
        if sid is None:
            continue
        yield Evidence(path=src.rel, line=src.line_of(m.start(2)), kind=HOST, name=host, service=sid)


DETECTOR = Detector(name="settings-urls", accepts=accepts, detect=detect, literals=lambda ctx: ("://",))
