"""Source code: imports, env var reads, API hostnames and SDK calls, for every language.

Each language is a row of data (`LANGUAGES`): file extensions, comment syntax, and regexes
whose group 1 is the module or env var name. Comments are blanked first, so a commented-out
import or a TODO naming a vendor is not evidence.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field

from ...model import CALL, ENV_READ, HOST, IMPORT, Evidence
from ..lexing import C_STYLE, HASH, PHP, strip_comments
from .base import Context, Detector, Record, Source

_ENV_NAME = r"([A-Za-z_][A-Za-z0-9_]*)"
_Q = r"""['"]"""


@dataclass(frozen=True)
class Language:
    name: str
    extensions: tuple[str, ...]
    comments: str
    imports: tuple[re.Pattern[str], ...]
    env_reads: tuple[re.Pattern[str], ...]
    module_of: str = "plain"  # how an import string maps to a module: plain | js | go
    extra: tuple[str, ...] = field(default=())


def _rx(*patterns: str, flags: int = re.M) -> tuple[re.Pattern[str], ...]:
    return tuple(re.compile(p, flags) for p in patterns)


JS = Language(
    name="js",
    extensions=(".js", ".jsx", ".mjs", ".cjs", ".ts", ".tsx", ".mts", ".cts", ".vue", ".svelte", ".astro"),
    comments=C_STYLE,
    imports=_rx(
        r"""\bimport\s+(?:type\s+)?(?:[\w*${}\s,]+?\s+from\s+)?['"]([^'"\n]+)['"]""",
        r"""\bexport\s+(?:type\s+)?[\w*{}\s,]+?\s+from\s+['"]([^'"\n]+)['"]""",
        r"""\brequire\s*\(\s*['"]([^'"\n]+)['"]\s*\)""",
        r"""\bimport\s*\(\s*['"]([^'"\n]+)['"]\s*\)""",
    ),
    env_reads=_rx(
        r"\bprocess\.env\.([A-Za-z_][A-Za-z0-9_]*)",
        r"""\bprocess\.env\[\s*['"]([A-Za-z_][A-Za-z0-9_]*)['"]\s*\]""",
        r"\bimport\.meta\.env\.([A-Za-z_][A-Za-z0-9_]*)",
        r"""\bDeno\.env\.get\(\s*['"]([A-Za-z_][A-Za-z0-9_]*)['"]""",
        r"\bBun\.env\.([A-Za-z_][A-Za-z0-9_]*)",
    ),
    module_of="js",
)

PYTHON = Language(
    name="python",
    extensions=(".py", ".pyw"),
    comments=HASH,
    imports=_rx(
        r"^\s*import\s+([A-Za-z_][\w.]*(?:\s*,\s*[A-Za-z_][\w.]*)*)",
        r"^\s*from\s+([A-Za-z_][\w.]*)\s+import\b",
        r"""\bimport_module\(\s*['"]([A-Za-z_][\w.]*)['"]""",
    ),
    env_reads=_rx(
        r"""\bos\.environ\s*\[\s*['"]([A-Za-z_][A-Za-z0-9_]*)['"]""",
        r"""\b(?:os\.)?environ\.(?:get|setdefault|pop)\(\s*['"]([A-Za-z_][A-Za-z0-9_]*)['"]""",
        r"""\b(?:os\.)?getenv\(\s*['"]([A-Za-z_][A-Za-z0-9_]*)['"]""",
        r"""\benv(?:\.(?:str|int|bool|float|list|dict|url|db_url|db|cache_url|cache|json|path))?\(\s*['"]([A-Z][A-Z0-9_]*)['"]""",
        r"""\b(?:decouple\.)?config\(\s*['"]([A-Z][A-Z0-9_]*)['"]""",
    ),
)

LANGUAGES: tuple[Language, ...] = (JS, PYTHON)
_BY_EXT = {ext: lang for lang in LANGUAGES for ext in lang.extensions}

# Hosts in string literals. Unknown hosts are kept only when they look like an API.
_URL = re.compile(r"""(?:https?|wss?)://([A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?)+)(:\d+)?(/[^\s'"`)<>]*)?""")
_NOT_EXTERNAL = re.compile(
    r"(^|\.)(localhost|example\.(com|org|net)|test|local|internal|invalid|w3\.org|schema\.org|"
    r"xmlsoap\.org|json-schema\.org|purl\.org|apache\.org|mozilla\.org|ietf\.org|openapis\.org)$"
)


def language_for(name: str) -> Language | None:
    dot = name.rfind(".")
    return _BY_EXT.get(name[dot:].lower()) if dot >= 0 else None


def _module(lang: Language, spec: str) -> str | None:
    spec = spec.strip()
    if lang.module_of == "js":
        if spec.startswith((".", "/", "@/", "~/", "#", "node:", "$", "virtual:")) or not spec:
            return None
        parts = spec.split("/")
        return "/".join(parts[:2]) if spec.startswith("@") and len(parts) > 1 else parts[0]
    return spec


def _python_settings_fields(text: str) -> Iterator[tuple[int, str]]:
    """Env names read by pydantic BaseSettings classes: field names, upper-cased, prefixed."""
    for cls in re.finditer(r"^class\s+\w+\s*\(([^)]*\bBaseSettings\b[^)]*)\)\s*:\s*$", text, re.M):
        body_start = cls.end()
        body = re.match(r"(?:\n(?:[ \t]+[^\n]*|[ \t]*))*", text[body_start:])
        block = body.group(0) if body else ""
        prefix_m = re.search(r"""env_prefix\s*[=:]\s*['"]([A-Za-z0-9_]*)['"]""", block)
        prefix = prefix_m.group(1).upper() if prefix_m else ""
        for f in re.finditer(r"^[ \t]{4}([a-z_][a-z0-9_]*)\s*:\s*[^=\n]+", block, re.M):
            name = f.group(1)
            if name == "model_config" or name.startswith("_"):
                continue
            alias = re.search(r"""(?:validation_alias|alias|env)\s*=\s*['"]([A-Za-z_][A-Za-z0-9_]*)['"]""", f.group(0))
            yield body_start + f.start(1), alias.group(1) if alias else prefix + name.upper()


def detect(src: Source, ctx: Context) -> Iterator[Record]:
    lang = language_for(src.name)
    if lang is None:
        return
    text = strip_comments(src.text, lang.comments)
    seen: set[tuple[str, str]] = set()

    def once(kind: str, name: str) -> bool:
        key = (kind, name)
        if key in seen:
            return False
        seen.add(key)
        return True

    # Imports
    for rx in lang.imports:
        for m in rx.finditer(text):
            for raw in m.group(1).split(","):
                mod = _module(lang, raw.strip().split(" as ")[0].strip())
                if not mod or not once("import", mod):
                    continue
                services = ctx.index.import_(lang.name, mod)
                clients = ctx.index.client_import(lang.name, mod)
                if not services and not clients:
                    continue
                yield Evidence(
                    path=src.rel,
                    line=src.line_of(m.start(1)),
                    kind=IMPORT,
                    name=mod,
                    ecosystem=lang.name,
                )
    # Env reads
    env_hits: list[tuple[int, str]] = []
    for rx in lang.env_reads:
        env_hits.extend((m.start(1), m.group(1)) for m in rx.finditer(text))
    for destructure in re.finditer(r"(?:const|let|var)\s*\{([^}]*)\}\s*=\s*process\.env\b", text) if lang is JS else ():
        for part in destructure.group(1).split(","):
            name = part.split(":")[0].split("=")[0].strip()
            if re.fullmatch(_ENV_NAME, name):
                env_hits.append((destructure.start(1) + destructure.group(1).find(name), name))
    if lang is PYTHON and "BaseSettings" in text:
        env_hits.extend(_python_settings_fields(text))
    for offset, name in sorted(env_hits):
        if once("env", name):
            yield Evidence(path=src.rel, line=src.line_of(offset), kind=ENV_READ, name=name, ecosystem=lang.name)
    # Hostnames in literals
    for m in _URL.finditer(text):
        host = m.group(1).lower()
        if _NOT_EXTERNAL.search(host) or not once("host", host):
            continue
        sid = ctx.index.host(host)
        path = m.group(3) or ""
        if sid is None and not (host.startswith("api.") or ".api." in host or re.match(r"/(api|v\d)\b", path)):
            continue
        yield Evidence(path=src.rel, line=src.line_of(m.start()), kind=HOST, name=host, service=sid or "")
    # SDK calls of the catalog's services
    for sid, patterns in ctx.index.call_patterns:
        for call in patterns:
            m = call.pattern.search(text)
            if m and once("call:" + sid, call.endpoint):
                yield Evidence(path=src.rel, line=src.line_of(m.start()), kind=CALL, name=call.endpoint, service=sid)


DETECTOR = Detector(
    name="code",
    accepts=lambda rel, name, ctx: language_for(name) is not None and not name.endswith((".min.js", ".d.ts")),
    detect=detect,
)
