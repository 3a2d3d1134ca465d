"""Class declarations with their base class: the raw facts of plugin families.

An application that talks to many vendors of one kind keeps one class per vendor, all
derived from one base of its own: `class ClickHouse(BaseSQLQueryRunner)` in
`query_runner/clickhouse.py`, `class Slack(BaseDestination)` beside it in `destinations/`,
`export default class Presto extends SqlIntegration`. No folder name says so (the folders
are `query_runner/`, `destinations/`, `integrations/`, anything), but the family does:
many sibling files whose classes share a base. This detector only records each file's
derived classes; which of them form a vendor family is decided across files, in
`plugin_families`.

Go has no classes; its plugin families are packages. One package per vendor, side by side
(`drivers/onedrive/`, `drivers/mega/`, `offline_download/aria2/`), each registers itself with
the app's registry from its `init()`: `op.RegisterDriver(func() driver.Driver { return &Mega{} })`,
`tool.Tools.Add(&Aria2{})`, `caddy.RegisterModule(Gandi{})`, `inputs.Add("mysql", ...)`. The
registrar plays the base's part (recorded as `base`, with `package` set), the registered
type the class's (empty where the call registers no type of the package's own).

Python applications often declare their plugins in the package's manifest instead: entry points
of one group (`[project.entry-points."dispatch.plugins"]`, setup.cfg's `[options.entry_points]`,
setup.py's `entry_points={...}`), one class per vendor, each in a package of its own
(`google_calendar_conference = "dispatch.plugins.dispatch_google.calendar.plugin:GoogleCalendarConferencePlugin"`).
The group plays the base's part (recorded with `entry_point` set, and the class's `module`).
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from ...model import FEATURE, Evidence
from ...paths import is_test_path
from .base import Context, Detector, Record, Source
from .code import language_for

PLUGIN_CLASS = "plugin_class:"

_PY = re.compile(r"^class(?<!\wclass)[ \t]+([A-Za-z_]\w*)[ \t]*\([ \t]*([A-Za-z_][\w.]*)[ \t]*(?![\w.=])", re.M)
# JS/TS, PHP, Java (and Kotlin/C#'s `:`): `class X extends Base`, `class X<T> implements Base`.
_EXTENDS = re.compile(
    r"\bclass(?<!\wclass)\s+([A-Za-z_$][\w$]*)(?:\s*<[^>{}\n]*>)?\s+(?:extends|implements)\s+\\?([A-Za-z_$][\w$.\\]*)"
)
_COLON = re.compile(
    r"\bclass(?<!\wclass)\s+([A-Za-z_]\w*)(?:\s*<[^>{}\n]*>)?(?:\s*\([^)]*\))?\s*:\s*([A-Za-z_][\w.]*)"
)
_RUBY = re.compile(r"\bclass(?<!\wclass)\s+([A-Z]\w*(?:::\w+)*)\s*<\s*([A-Z][\w:]*)")

# A request the file makes, through any client, the app's own helper too: a method named for an
# HTTP verb (`get`, `parsed_get`, `post_json`) called on a URL, a literal one or a variable named
# for one (`http.cache(1.minute).parsed_get("https://api.dotpicko.net/works/#{id}")`,
# `parsed_get(page_url)`). A per-site scraper calls its site through the family's base class's
# helper, never a known client, so the member's own file shows its requests only this way; a
# family of URL parsers beside it (one class per site, matching hosts) makes none.
_REQUEST = re.compile(
    r"""(?<![\w$])(?:[a-z]+_)?(?:get|post|put|patch|delete|head|request)(?:_json)?(?:\(|[ \t]+)[ \t]*"""
    r"""(?:["'`](?:https?://|#\{|\$\{)|(?:[a-z_]+\.)?[a-z_]*url\b)"""
)

# `abstract class CloudStorage extends SongStorage`: a base of the family, no member.
_ABSTRACT_BEFORE = re.compile(r"\babstract\s+(?:(?:public|internal|protected|private|sealed|open)\s+)*$")

# Go: a package's `func init() { ... }` (gofmt closes it at the start of a line) and the
# registration calls in it: a registrar ending in `Register...` or `Add`, and the first
# composite literal of a type of the package's own among its arguments (`&Mega{}`, not `driver.Config{`).
_GO_INIT = re.compile(r"^func[ \t]+init\(\)[ \t]*\{(.*?)^\}", re.M | re.S)
_GO_REGISTER = re.compile(r"(?<![\w.])((?:[A-Za-z_]\w*\.){0,3}(?:Register\w*|MustRegister|Add))\(")
_GO_TYPE = re.compile(r"(?<![\w.])&?([A-Z]\w*)\{")
# Registrars of the language's own machinery, not of the app's plugins: gob and JSON type
# registries, metrics, the swagger doc, test suites.
# A bare `Add(` is any method's name.
_GO_NOT_REGISTRARS = re.compile(r"^(?:gob|prometheus|swag|expvar|image|mime|json|xml)\.|^Add$")


def _go_registrations(text: str) -> Iterator[tuple[int, str, str]]:
    """(offset, registrar, registered type or '') of each registration call in an init()."""
    for init in _GO_INIT.finditer(text):
        body, start = init.group(1), init.start(1)
        calls = list(_GO_REGISTER.finditer(body))
        for n, m in enumerate(calls):
            registrar = m.group(1)
            if _GO_NOT_REGISTRARS.search(registrar):
                continue
            end = calls[n + 1].start() if n + 1 < len(calls) else len(body)
            typ = _GO_TYPE.search(body, m.end(), min(end, m.end() + 300))
            yield start + m.start(), registrar, typ.group(1) if typ else ""


_BY_LANGUAGE = {
    "python": (_PY,), "js": (_EXTENDS,), "php": (_EXTENDS,), "java": (_EXTENDS,),
    "kotlin": (_COLON,), "csharp": (_COLON,), "ruby": (_RUBY,),
}


# Entry-point groups: a TOML table (`[project.entry-points."g"]`, Poetry's `[tool.poetry.plugins."g"]`),
# an INI key with the entries on the lines below it (setup.cfg), a dict key before a list (setup.py).
_EP_GROUP = re.compile(
    r"""^\[(?:project\.entry-points|tool\.poetry\.plugins)\.["']?([\w.\-]+)["']?\][ \t]*$"""
    r"""|^([\w.\-]+)[ \t]*=[ \t]*$"""
    r"""|["']([\w.\-]+)["'][ \t]*:[ \t]*\["""
    r"""|^(\[)""",  # any other TOML or INI table ends the group before it
    re.M,
)
# One entry naming a class: `name = "pkg.module:Class"` (TOML), `name = pkg.module:Class` (INI),
# `"name = pkg.module:Class"` (setup.py). Functions (console scripts' `main`) name no plugin class.
_EP_ENTRY = re.compile(
    r"""^[ \t]*["']?([\w.\-]+)["']?[ \t]*=[ \t]*["']?([A-Za-z_]\w*(?:\.\w+)*):([A-Z]\w*)["']?[ \t]*,?[ \t]*$"""
    r"""|["']([\w.\-]+)[ \t]*=[ \t]*([A-Za-z_]\w*(?:\.\w+)*):([A-Z]\w*)["']""",
    re.M,
)
_SCRIPT_GROUPS = frozenset({"console_scripts", "gui_scripts", "scripts"})
_MANIFESTS = frozenset({"pyproject.toml", "setup.cfg", "setup.py"})


def _entry_points(text: str) -> Iterator[tuple[int, str, str, str, str]]:
    """(offset, group, entry name, module, class) of each entry point naming a class."""
    groups = [(m.start(), "" if m.group(4) else next(g for g in m.groups() if g)) for m in _EP_GROUP.finditer(text)]
    for m in _EP_ENTRY.finditer(text):
        name, module, cls = (m.group(1), m.group(2), m.group(3)) if m.group(1) else (m.group(4), m.group(5), m.group(6))
        group = next((g for at, g in reversed(groups) if at < m.start()), "")
        if group and group not in _SCRIPT_GROUPS:
            yield m.start(), group, name, module, cls


def _last(name: str) -> str:
    return re.split(r"[.\\:]+", name)[-1]


def accepts(rel: str, name: str, ctx: Context | None = None) -> bool:
    if name in _MANIFESTS:
        return not is_test_path(rel)
    lang = language_for(name)
    if lang is None or (lang.name not in _BY_LANGUAGE and lang.name != "go") or name.endswith((".min.js", ".d.ts")):
        return False
    return not is_test_path(rel)


def detect(src: Source, ctx: Context) -> Iterator[Record]:
    if src.name in _MANIFESTS and ("entry" in src.lowered or "plugins" in src.lowered):
        for offset, group, name, module, cls in _entry_points(src.text):
            yield Evidence(
                path=src.rel, line=src.line_of(offset), kind=FEATURE, name=PLUGIN_CLASS + group,
                detail=(("class", cls), ("base", group), ("entry_point", name), ("module", module)),
            )
        if src.name != "setup.py":
            return
    lang = language_for(src.name)
    if lang is None:
        return
    text = src.stripped(lang.comments)
    if lang.name == "go":
        for offset, registrar, typ in _go_registrations(text):
            yield Evidence(
                path=src.rel, line=src.line_of(offset), kind=FEATURE, name=PLUGIN_CLASS + registrar,
                detail=(("class", typ), ("base", registrar), ("package", "1")),
            )
        return
    requests: tuple[tuple[str, str], ...] | None = None  # searched once, in a file that declares a derived class
    for rx in _BY_LANGUAGE.get(lang.name, ()):
        for m in rx.finditer(text):
            cls, base = _last(m.group(1)), _last(m.group(2))
            if not cls or not base or cls == base:
                continue
            if requests is None:
                requests = (("requests", "1"),) if _REQUEST.search(text) else ()
            abstract = _ABSTRACT_BEFORE.search(text, max(0, m.start() - 40), m.start()) is not None
            yield Evidence(
                path=src.rel, line=src.line_of(m.start()), kind=FEATURE, name=PLUGIN_CLASS + base,
                detail=(("class", cls), ("base", base), *((("abstract", "1"),) if abstract else ()), *requests),
            )


DETECTOR = Detector(
    name="plugin-classes", accepts=accepts, detect=detect,
    literals=lambda ctx: ("class", "func init", "entry-points", "entry_points", "tool.poetry.plugins"),
)
