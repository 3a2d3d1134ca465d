"""Env var names a settings class declares rather than reads one by one: pydantic's
`BaseSettings` fields, Go config structs with `env:"..."` tags and JavaScript env schemas
(`z.object({ NAME: z.string() }).parse(process.env)`, envalid's `cleanEnv(process.env, {...})`). The names come from the
declaration (a field name upper-cased under a prefix, a tag under its enclosing fields'
prefixes), so no env-read regex can see them.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass


def settings_class_fields(text: str) -> Iterator[tuple[int, str]]:
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


# Go config structs read by env-tag libraries (go-flags, caarlos0/env, kong, cleanenv): a
# field's `env:"NAME"` tag, under the prefixes its enclosing fields add. go-flags joins
# `env-namespace:"AUTH"` with "_"; the others prepend their prefix as written.
_GO_STRUCT = re.compile(r"^type[ \t]+(\w+)[ \t]+struct[ \t]*\{", re.M)
_GO_TAG = re.compile(r'([A-Za-z][\w-]*):"([^"]*)"')
_GO_NESTED = re.compile(r"[ \t]*(\w+)[ \t]+[\[\]*]*struct[ \t]*\{")
_GO_FIELD = re.compile(r"[ \t]*(?:(\w+)(?:[ \t]*,[ \t]*\w+)*[ \t]+)?[\[\]*]*((?:\w+\.)?\w+)[ \t]*(`[^`\n]*`)?[ \t]*$")
_GO_PREFIX_TAGS = (("env-namespace", "_"), ("envPrefix", ""), ("env-prefix", ""), ("envprefix", ""))
_GO_ENV_NAME = re.compile(r"[A-Za-z_][A-Za-z0-9_]*")


@dataclass
class _GoField:
    type: str  # a named type, or "" for an inline struct
    inline: list["_GoField"] | None
    tags: dict[str, str]
    offset: int  # where its tag is


def _go_close(text: str, open_at: int, end: int) -> int:
    """Index of the brace closing the one at `open_at`, skipping tag and string literals."""
    depth, i = 0, open_at
    while i < end:
        c = text[i]
        if c in "`\"":
            close = text.find(c, i + 1, end)
            if close == -1:
                return -1
            i = close
        elif c == "{":
            depth += 1
        elif c == "}":
            depth -= 1
            if depth == 0:
                return i
        i += 1
    return -1


def _go_fields(text: str, start: int, end: int) -> list[_GoField]:
    fields: list[_GoField] = []
    i = start
    while i < end:
        eol = text.find("\n", i, end)
        eol = end if eol == -1 else eol
        nested = _GO_NESTED.match(text, i, eol)
        if nested:
            close = _go_close(text, nested.end() - 1, end)
            if close == -1:
                break
            tail_end = text.find("\n", close, end)
            tail_end = end if tail_end == -1 else tail_end
            tags = dict(_GO_TAG.findall(text, close + 1, tail_end))
            fields.append(_GoField("", _go_fields(text, nested.end(), close), tags, close + 1))
            i = tail_end + 1
            continue
        m = _GO_FIELD.match(text, i, eol)
        if m:
            tag = m.group(3) or ""
            fields.append(_GoField(m.group(2), None, dict(_GO_TAG.findall(tag)), m.start(3) if tag else m.start(2)))
        i = eol + 1
    return fields


def go_env_tags(text: str) -> Iterator[tuple[int, str]]:
    """Env names of a file's Go config structs, with the prefixes of the fields that nest them."""
    structs: dict[str, list[_GoField]] = {}
    for m in _GO_STRUCT.finditer(text):
        close = _go_close(text, m.end() - 1, len(text))
        if close != -1:
            structs[m.group(1)] = _go_fields(text, m.end(), close)
    nested_types: set[str] = set()

    def collect(fields: list[_GoField]) -> None:
        for f in fields:
            if f.inline is not None:
                collect(f.inline)
            elif "env" not in f.tags:
                nested_types.add(f.type)

    for fields in structs.values():
        collect(fields)

    def walk(fields: list[_GoField], prefix: str, depth: int) -> Iterator[tuple[int, str]]:
        for f in fields:
            if "env" in f.tags:
                name = prefix + f.tags["env"].split(",")[0].strip()
                if f.tags["env"].split(",")[0].strip() and _GO_ENV_NAME.fullmatch(name):
                    yield f.offset, name
                continue
            sub = f.inline if f.inline is not None else structs.get(f.type)
            if sub is None or depth > 8:
                continue
            add = prefix
            for key, joiner in _GO_PREFIX_TAGS:
                if f.tags.get(key):
                    add = prefix + f.tags[key] + joiner
                    break
            yield from walk(sub, add, depth + 1)

    for name, fields in structs.items():
        if name not in nested_types:
            yield from walk(fields, "", 0)


# A JS/TS env schema validated against the whole environment: zod's `schema.parse(process.env)`
# (or `safeParse`), envalid's `cleanEnv(process.env, {...})`, t3-env's `createEnv({server: {...}})`.
# Its upper-case keys whose value is a validator (`z.string()`, `z\n.string()`, `str()`,
# `stringBool("false")`, `myEnum.optional()`) are the env names it reads.
# `schema.parse(process.env)` is found from `process.env)` back to the call (a regex that
# starts with `.` or `\b` is tried at nearly every character); envalid and t3-env by name.
_PARSE_ENV = re.compile(r"process\.env\s*\)")
_PARSE_CALL = re.compile(r"\.(?:safeP|p)arse(?:Async)?\(\s*$")
_ENV_FACTORY = re.compile(r"cleanEnv\((?<!\wcleanEnv\()\s*process\.env\b|createEnv\((?<!\wcreateEnv\()")
_JS_ENV_KEY = re.compile(r"^[ \t]*([A-Z][A-Z0-9]*(?:_[A-Z0-9]+)*)[ \t]*:[ \t]*(?=z\b|[A-Za-z_$][\w$]*[ \t]*[.(])", re.M)


def js_env_schema_keys(text: str) -> Iterator[tuple[int, str]]:
    """(offset, name) of the env names a file's env schema declares, if it validates process.env."""
    if not _ENV_FACTORY.search(text) and not any(
        _PARSE_CALL.search(text, max(0, m.start() - 80), m.start()) for m in _PARSE_ENV.finditer(text)
    ):
        return
    for m in _JS_ENV_KEY.finditer(text):
        if len(m.group(1)) >= 3:
            yield m.start(1), m.group(1)


# Command-line flags that fall back to env vars: urfave/cli's `EnvVars: []string{"GA_KEY", "GAKEY"}`
# (v2), `EnvVar: "GA_KEY"` (v1, names comma-separated), `Sources: cli.EnvVars("GA_KEY")` (v3), and
# kingpin's `.Envar("GA_KEY")`. The program reads each such variable at start-up, as surely as
# with `os.Getenv`: a Go server configured only through its flags names its services there.
_GO_FLAG_ENV = re.compile(
    r"""\bEnvVars\s*:\s*\[\]string\s*\{([^{}]{0,400})\}"""
    r"""|\bcli\.EnvVars\(([^()]{0,400})\)"""
    r"""|\bEnvVar\s*:\s*("[^"\n]{0,200}")"""
    r"""|\.Envar\(\s*("[^"\n]{0,200}")\s*\)"""
)
_GO_FLAG_ENV_NAME = re.compile(r"[A-Za-z_][A-Za-z0-9_]*")
GO_FLAG_ENV_LITERALS = frozenset({"envvar", ".envar("})  # lower-cased, as the literal gate sees them


def go_flag_env_names(text: str) -> Iterator[tuple[int, str]]:
    """Env names the file's command-line flags fall back to (see `_GO_FLAG_ENV`)."""
    for m in _GO_FLAG_ENV.finditer(text):
        group = next(g for g in range(1, 5) if m.group(g) is not None)
        for q in re.finditer(r'"([^"\n]*)"', m.group(group)):
            for n in re.finditer(r"[^,\s]+", q.group(1)):
                if _GO_FLAG_ENV_NAME.fullmatch(n.group()):
                    yield m.start(group) + q.start(1) + n.start(), n.group()
