"""Class declarations with their base class: the raw facts of plugin families.

An application that talks to many vendors of one kind keeps one class per vendor, all
derived from one base of its own: `class ClickHouse(BaseSQLQueryRunner)` in
`query_runner/clickhouse.py`, `class Slack(BaseDestination)` beside it in `destinations/`,
`export default class Presto extends SqlIntegration`. No folder name says so (the folders
are `query_runner/`, `destinations/`, `integrations/`, anything), but the family does:
many sibling files whose classes share a base. This detector only records each file's
derived classes; which of them form a vendor family is decided across files, in
`plugin_families`.
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

# `abstract class CloudStorage extends SongStorage`: a base of the family, no member.
_ABSTRACT_BEFORE = re.compile(r"\babstract\s+(?:(?:public|internal|protected|private|sealed|open)\s+)*$")

_BY_LANGUAGE = {
    "python": (_PY,), "js": (_EXTENDS,), "php": (_EXTENDS,), "java": (_EXTENDS,),
    "kotlin": (_COLON,), "csharp": (_COLON,), "ruby": (_RUBY,),
}


def _last(name: str) -> str:
    return re.split(r"[.\\:]+", name)[-1]


def accepts(rel: str, name: str, ctx: Context | None = None) -> bool:
    lang = language_for(name)
    if lang is None or lang.name not in _BY_LANGUAGE or name.endswith((".min.js", ".d.ts")):
        return False
    return not is_test_path(rel)


def detect(src: Source, ctx: Context) -> Iterator[Record]:
    lang = language_for(src.name)
    if lang is None:
        return
    text = src.stripped(lang.comments)
    for rx in _BY_LANGUAGE.get(lang.name, ()):
        for m in rx.finditer(text):
            cls, base = _last(m.group(1)), _last(m.group(2))
            if not cls or not base or cls == base:
                continue
            abstract = _ABSTRACT_BEFORE.search(text, max(0, m.start() - 40), m.start()) is not None
            yield Evidence(
                path=src.rel, line=src.line_of(m.start()), kind=FEATURE, name=PLUGIN_CLASS + base,
                detail=(("class", cls), ("base", base), *((("abstract", "1"),) if abstract else ())),
            )


DETECTOR = Detector(name="plugin-classes", accepts=accepts, detect=detect, literals=lambda ctx: ("class",))
