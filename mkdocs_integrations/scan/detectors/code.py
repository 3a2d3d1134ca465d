"""Source code: imports, env var reads, API hostnames and SDK calls, for every language.

Each language is a row of data (`LANGUAGES`): file extensions, comment syntax, and regexes
whose group 1 is the module or env var name. Comments are blanked first, so a commented-out
import or a TODO naming a vendor is not evidence.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterator
from dataclasses import dataclass, field

from ...model import CALL, ENV_READ, IMPORT, Evidence
from ...paths import imports_app_modules, is_test_path, is_vendored_asset_path
from ...textsearch import Prefiltered, WordStart, required_literals
from ..lexing import C_STYLE, HASH, PHP, PY, multiline_template_spans, strip_comments
from ...catalog import CallPattern
from ...catalog.index import CatalogIndex
from .base import Context, Detector, Record, Source
from .url_literals import GUARD_LITERALS, RELATIVE_LITERALS, URL_LITERAL, host_evidence
from ._settings_classes import (
    GO_FLAG_ENV_LITERALS, go_env_tags, go_flag_env_names, js_env_schema_keys, settings_class_fields,
)

_ENV_NAME = r"([A-Za-z_][A-Za-z0-9_]*)"
_Q = r"""['"]"""


@dataclass(frozen=True)
class Language:
    name: str
    extensions: tuple[str, ...]
    comments: str
    imports: tuple[re.Pattern[str], ...]
    env_reads: tuple[re.Pattern[str], ...]
    module_of: str = "plain"  # how an import string maps to a module: plain | js | php | rust | java | elixir
    extra: tuple[str, ...] = field(default=())
    # (block regex, item regex): group 1 of the block is searched for items, whose group 1
    # is a module; each item keeps its own line (Go's `import ( ... )`).
    import_blocks: tuple[tuple[re.Pattern[str], re.Pattern[str]], ...] = ()
    catalog_language: str = ""  # the catalog's `imports` key when it differs (kotlin -> java)

    @property
    def lookup(self) -> str:
        """Language name for catalog lookups and for the evidence's `ecosystem`."""
        return self.catalog_language or self.name


def _rx(*patterns: str, flags: int = re.M) -> tuple[WordStart, ...]:
    """Patterns starting with `\\b` keep the engine's fast literal scan (see WordStart)."""
    return tuple(WordStart(p, flags) for p in patterns)


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
        # NestJS's ConfigService (@nestjs/config), which serves process.env: `this.configService.get<string>('REDIS_URL')`,
        # `config.getOrThrow('STRIPE_SECRET_KEY')`. Upper-case names only: `get('database.host')` is a config key.
        r"""\b_?[cC]onfig(?:Service)?\.get(?:OrThrow)?(?:<[^<>()\n]{1,40}>)?\(\s*['"`]([A-Z][A-Z0-9_]*)['"`]""",
    ),
    module_of="js",
)

PYTHON = Language(
    name="python",
    extensions=(".py", ".pyw"),
    comments=PY,
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
        # A settings module's own env helper named for what it does (`set_from_env("DESKPRO_KEY")`,
        # `get_env_setting("SECRET_KEY")`, `get_env_var(...)`, `read_env(...)`): its upper-case
        # first argument is the env var the setting comes from.
        r"""\b(?:\w+_)?(?:from_env|env_setting|env_var|get_env|read_env)\(\s*['"]([A-Z][A-Z0-9_]*)['"]""",
    ),
)

GO = Language(
    name="go",
    extensions=(".go",),
    comments=C_STYLE,
    imports=_rx(r"""^[ \t]*import[ \t]+(?:[\w.]+[ \t]+)?["`]([^"`\n]+)["`]"""),
    env_reads=_rx(
        r"""\bos\.(?:Getenv|LookupEnv)\(\s*["`]([A-Za-z_][A-Za-z0-9_]*)["`]""",
    ),
    import_blocks=((
        re.compile(r"^[ \t]*import[ \t]*\(([^)]*)\)", re.M),
        re.compile(r"""^[ \t]*(?:[\w.]+[ \t]+)?["`]([^"`\n]+)["`]""", re.M),
    ),),
)

RUBY = Language(
    name="ruby",
    extensions=(".rb", ".rake"),
    comments=HASH,
    imports=_rx(r"""^[ \t]*require[ \t(]+['"]([^'"\n]+)['"]"""),
    env_reads=_rx(
        r"""\bENV\[\s*['"]([A-Za-z_][A-Za-z0-9_]*)['"]\s*\]""",
        r"""\bENV\.fetch\(\s*['"]([A-Za-z_][A-Za-z0-9_]*)['"]""",
    ),
)

_JVM_ENV = r"""\bSystem\.getenv\(\s*"([A-Za-z_][A-Za-z0-9_]*)"\s*\)"""
_SPRING_ENV = r"""@Value\(\s*"\\?\$\{([A-Z][A-Z0-9_]*)(?::[^}"]*)?\}"\s*\)"""

JAVA = Language(
    name="java",
    extensions=(".java",),
    comments=C_STYLE,
    imports=_rx(r"^[ \t]*import[ \t]+(?:static[ \t]+)?([A-Za-z_][\w.]*(?:\.\*)?)[ \t]*;"),
    env_reads=_rx(_JVM_ENV, _SPRING_ENV),
    module_of="java",
)

KOTLIN = Language(
    name="kotlin",
    extensions=(".kt", ".kts"),
    comments=C_STYLE,
    imports=_rx(r"^[ \t]*import[ \t]+([A-Za-z_`][\w.`]*(?:\.\*)?)"),
    env_reads=_rx(_JVM_ENV, r"""\bSystem\.getenv\(\)\[\s*"([A-Za-z_][A-Za-z0-9_]*)"\s*\]""", _SPRING_ENV),
    module_of="java",
    catalog_language="java",
)

PHP_LANG = Language(
    name="php",
    extensions=(".php",),
    comments=PHP,
    # `use A\B;`, `use A\{B, C};`, `use function A\b;` -- never a closure's `use ($x)`.
    # Also classes named in full where they are used (`\Laravel\Socialite\Two\GithubProvider::class`,
    # `new \Stripe\StripeClient(`): PHP needs no `use` for a fully qualified name.
    imports=_rx(
        r"""^[ \t]*use[ \t]+(?:function[ \t]+|const[ \t]+)?(\\?[A-Za-z_][^;()$]*);""",
        r"""(?<![\w\\$'"])\\([A-Z][A-Za-z0-9_]*(?:\\[A-Za-z_][A-Za-z0-9_]*)+)(?=::|\s*\()""",
    ),
    env_reads=_rx(
        r"""\bgetenv\(\s*['"]([A-Za-z_][A-Za-z0-9_]*)['"]""",
        r"""\$_(?:ENV|SERVER)\[\s*['"]([A-Z][A-Z0-9_]*)['"]\s*\]""",
        r"""(?<![\w>$:\\])env\(\s*['"]([A-Za-z_][A-Za-z0-9_]*)['"]""",
    ),
    module_of="php",
)

CSHARP = Language(
    name="csharp",
    extensions=(".cs",),
    comments=C_STYLE,
    # `using A.B;`, `global using static A.B;`, `using Alias = A.B;` -- not `using var`/`using (`.
    imports=_rx(r"^[ \t]*(?:global[ \t]+)?using[ \t]+(?:static[ \t]+)?(?:\w+[ \t]*=[ \t]*)?([A-Za-z_][\w.]*)[ \t]*;"),
    env_reads=_rx(r"""\b(?:System\.)?Environment\.GetEnvironmentVariable\(\s*"([A-Za-z_][A-Za-z0-9_]*)\""""),
)

RUST = Language(
    name="rust",
    extensions=(".rs",),
    comments=C_STYLE,
    imports=_rx(
        r"^[ \t]*(?:pub(?:\([^)]*\))?[ \t]+)?use[ \t]+(?:::)?([A-Za-z_][^;]*);",
        r"^[ \t]*extern[ \t]+crate[ \t]+([A-Za-z_]\w*)",
    ),
    env_reads=_rx(
        r"""\benv::var(?:_os)?\(\s*"([A-Za-z_][A-Za-z0-9_]*)"\s*\)""",
        r"""\b(?:option_)?env!\(\s*"([A-Za-z_][A-Za-z0-9_]*)"\s*\)""",
        r"""\bdotenvy?::var\(\s*"([A-Za-z_][A-Za-z0-9_]*)"\s*\)""",
    ),
    module_of="rust",
)

ELIXIR = Language(
    name="elixir",
    extensions=(".ex", ".exs"),
    comments=HASH,
    # `alias ExAws.S3`, `use Sentry.PlugCapture`; and the modules a config names as the backend
    # of a library (`adapter: Swoosh.Adapters.Postmark`, `storage: Waffle.Storage.S3`): in
    # Elixir the vendor is chosen there, not by an import.
    imports=_rx(
        r"^[ \t]*(?:alias|import|use|require)[ \t]+([A-Z][\w]*(?:\.[A-Z][\w]*)*)",
        r"\b(?:adapter|storage|backend|provider|strategy)\s*:\s*([A-Z]\w*(?:\.[A-Z]\w*)+)",
        # A remote call on a fully qualified module (`AWS.SNS.publish(client, ...)`,
        # `ExAws.S3.put_object(...)`): Elixir needs no alias to call a dependency's module, and
        # generated SDKs (aws-elixir) are used that way. Dotted names only, so that a bare
        # `Req.post(` or the app's own one-word modules are not read as dependencies.
        r"(?<![\w.:])([A-Z]\w*(?:\.[A-Z]\w*)+)\.[a-z_]\w*[!?]?\(",
    ),
    env_reads=_rx(
        r"""\bSystem\.(?:get_env|fetch_env!?)\(\s*"([A-Za-z_][A-Za-z0-9_]*)\"""",
    ),
    module_of="elixir",
)

# CoffeeScript: the front end of many older Rails apps (app/assets/javascripts/*.coffee), whose
# requests to vendors' APIs live nowhere else. JavaScript's modules and env reads, `#` comments.
COFFEE = Language(
    name="coffee",
    extensions=(".coffee",),
    comments=HASH,
    imports=_rx(
        r"""\brequire\s*\(?\s*['"]([^'"\n]+)['"]""",
        r"""^[ \t]*import\s+(?:[\w*${}\s,]+?\s+from\s+)?['"]([^'"\n]+)['"]""",
    ),
    env_reads=_rx(r"\bprocess\.env\.([A-Za-z_][A-Za-z0-9_]*)"),
    module_of="js",
    catalog_language="js",
)

# Crystal: Ruby's syntax, compiled (Kemal and Lucky web apps, src/*.cr). A shard is required by
# its name (`require "pg"`, `require "sqlite3"`); relative requires (`require "./app/*"`) are the
# app's own files. Strings are double-quoted only (`'a'` is a char), env reads are Ruby's
# `ENV["X"]` (and Crystal's nilable `ENV["X"]?`) or `ENV.fetch("X", default)`.
CRYSTAL = Language(
    name="crystal",
    extensions=(".cr",),
    comments=HASH,
    imports=_rx(r"""^[ \t]*require[ \t(]+"([^"./\n][^"\n]*)\""""),
    env_reads=_rx(
        r"""\bENV\[\s*"([A-Za-z_][A-Za-z0-9_]*)"\s*\]""",
        r"""\bENV\.fetch\(\s*"([A-Za-z_][A-Za-z0-9_]*)\"""",
    ),
)

LANGUAGES: tuple[Language, ...] = (JS, PYTHON, GO, RUBY, JAVA, KOTLIN, PHP_LANG, CSHARP, RUST, ELIXIR, COFFEE, CRYSTAL)
_BY_EXT = {ext: lang for lang in LANGUAGES for ext in lang.extensions}


def language_for(name: str) -> Language | None:
    dot = name.rfind(".")
    return _BY_EXT.get(name[dot:].lower()) if dot >= 0 else None


# Scripts kept without an extension (`script/mailman_server`, `bin/sync_feeds`): the
# interpreter their first line names is their language. Only script folders are read for
# them: elsewhere an extensionless file is a LICENSE, a Makefile or a binary.
_SCRIPT_DIRS = frozenset({"bin", "script", "scripts", "sbin", "exe", "cron"})
_SHEBANG = re.compile(r"#![ \t]*\S*/(?:env[ \t]+(?:-\S+[ \t]+)*)?([a-z]+)")
_INTERPRETERS = {
    "ruby": RUBY, "python": PYTHON, "node": JS, "php": PHP_LANG, "elixir": ELIXIR, "crystal": CRYSTAL,
}


def is_script_file(rel: str, name: str) -> bool:
    """Whether `rel` may be an extensionless script whose shebang names its language."""
    parent = rel.rsplit("/", 2)[-2] if "/" in rel else ""
    return "." not in name and parent in _SCRIPT_DIRS


def language_of(src: Source) -> Language | None:
    """The language of a source file: by its extension, else by the shebang of a script."""
    lang = language_for(src.name)
    if lang is not None or not is_script_file(src.rel, src.name):
        return lang
    m = _SHEBANG.match(src.text)
    return _INTERPRETERS.get(m.group(1)) if m else None


def _module(lang: Language, spec: str) -> str | None:
    spec = spec.strip()
    if lang.module_of == "js":
        if spec.startswith((".", "/", "@/", "~/", "#", "node:", "$", "virtual:")) or not spec:
            return None
        parts = spec.split("/")
        return "/".join(parts[:2]) if spec.startswith("@") and len(parts) > 1 else parts[0]
    if lang.module_of == "php":
        # `use \Stripe\StripeClient` and `use function Foo\bar` name the same namespaces.
        spec = re.sub(r"^(?:function|const)\s+", "", spec).lstrip("\\")
        return spec if re.fullmatch(r"[A-Za-z_][\w\\]*", spec) else None
    if lang.module_of == "rust":
        # Paths into the standard library or the crate itself are not dependencies.
        spec = re.sub(r"\s+", "", spec).removeprefix("::")
        if not re.fullmatch(r"[A-Za-z_]\w*(?:::[A-Za-z_*]\w*)*", spec) or spec.split("::")[0] in _RUST_LOCAL:
            return None
        return spec.removesuffix("::*")
    if lang.module_of == "java":
        spec = spec.replace("`", "")
        return spec.removesuffix(".*") or None
    if lang.module_of == "elixir":
        # Modules of Elixir itself and of the app's own namespace are not dependencies.
        return None if spec.split(".")[0] in _ELIXIR_LOCAL else spec
    return spec


# Elixir's and OTP's own top-level modules (and Mix, ExUnit): never a third-party package.
_ELIXIR_LOCAL = frozenset({
    "Kernel", "Enum", "Map", "List", "String", "Keyword", "Logger", "Application", "Supervisor",
    "GenServer", "Agent", "Task", "Registry", "System", "File", "Path", "IO", "Code", "Mix",
    "ExUnit", "Process", "Integer", "Float", "Base", "URI", "Access", "Stream", "MapSet",
    "DateTime", "NaiveDateTime", "Date", "Time", "Calendar", "Regex", "Module", "Config",
    "Inspect", "Protocol", "Record", "Tuple", "Atom", "Bitwise", "Port", "Node", "OptionParser",
})


# Crate roots that are never a third-party crate.
_RUST_LOCAL = frozenset({"std", "core", "alloc", "crate", "self", "super", "proc_macro", "test"})


def _expand_group(spec: str, sep: str) -> list[str]:
    """`A\\{B, C\\D}` → [`A\\B`, `A\\C\\D`] (PHP) and `a::{b, c::{d}}` (Rust), nesting included."""
    start = spec.find("{")
    if start < 0:
        return [spec]
    depth, end = 0, -1
    for i in range(start, len(spec)):
        if spec[i] == "{":
            depth += 1
        elif spec[i] == "}":
            depth -= 1
            if depth == 0:
                end = i
                break
    if end < 0:
        return []
    prefix, body = spec[:start], spec[start + 1:end]
    items = _split_top(body)
    out: list[str] = []
    for item in items:
        item = item.strip()
        if not item:
            continue
        if item == "self":  # `use a::{self, b}` imports `a` itself
            out.append(prefix.removesuffix(sep))
            continue
        out.extend(_expand_group(prefix + item, sep))
    return out


def _split_top(text: str) -> list[str]:
    """Split on commas outside braces: `A, B\\{C, D}` → ["A", " B\\{C, D}"]."""
    items, depth, cur = [], 0, ""
    for ch in text:
        if ch == "," and depth == 0:
            items.append(cur)
            cur = ""
            continue
        depth += ch == "{"
        depth -= ch == "}"
        cur += ch
    items.append(cur)
    return items


def _specs(lang: Language, raw: str) -> list[str]:
    """The import specs in one import statement, aliases dropped."""
    if lang.module_of in ("php", "rust"):
        sep = "\\" if lang.module_of == "php" else "::"
        out = [s for part in _split_top(raw) for s in _expand_group(part.strip(), sep)]
        return [re.split(r"\s+as\s+", s)[0].strip() for s in out]
    return [part.strip().split(" as ")[0].strip() for part in raw.split(",")]


@functools.lru_cache(maxsize=None)
def _env_read_filters(lang: Language) -> tuple[Prefiltered, ...]:
    """Env-read regexes behind literal prefilters: most files read no env var at all."""
    return tuple(Prefiltered(rx) for rx in lang.env_reads)


def _import_hits(lang: Language, text: str) -> Iterator[tuple[int, str]]:
    """(offset, import spec text) for every import statement, items of blocks one by one."""
    for rx in lang.imports:
        for m in rx.finditer(text):
            yield m.start(1), m.group(1)
    for block_rx, item_rx in lang.import_blocks:
        for block in block_rx.finditer(text):
            for item in item_rx.finditer(text, block.start(1), block.end(1)):
                yield item.start(1), item.group(1)


# A Rust lifetime or label (`'a`, `'static`) is not a char literal; the comment scanner would
# read it as an opening quote.
_RUST_LIFETIME = re.compile(r"'(?=[A-Za-z_]\w*(?![\w']))")
# A Rust unit-test module inside a source file (`#[cfg(test)] mod tests { ... }`): test code,
# like a file under tests/, so its URLs and imports are no use of a service.
_BRACE = re.compile(r"[{}]")
_RUST_TEST_MODULE = re.compile(r"#\[cfg\(test\)\]\s*(?:pub(?:\([\w:]*\))?\s+)?mod\s+\w+\s*\{")


def blank_rust_test_modules(text: str) -> str:
    """`text` with the bodies of its `#[cfg(test)]` modules blanked (newlines kept, so offsets
    and line numbers stay); a module whose braces never close runs to the end of the file."""
    if "#[cfg(test)]" not in text:
        return text
    parts: list[str] = []
    pos = 0
    for m in _RUST_TEST_MODULE.finditer(text):
        if m.start() < pos:
            continue  # nested inside a module already blanked
        depth, end = 1, len(text)
        for b in _BRACE.finditer(text, m.end()):
            depth += 1 if b.group() == "{" else -1
            if depth == 0:
                end = b.end()
                break
        parts.append(text[pos:m.start()])
        parts.append(re.sub(r"[^\n]", " ", text[m.start():end]))
        pos = end
    parts.append(text[pos:])
    return "".join(parts)


@dataclass(frozen=True)
class _Gate:
    """What a file must contain for each part of `detect` to find anything."""

    imports: frozenset[str]
    env: frozenset[str]
    call_literals: dict[str, frozenset[str]]  # literal -> services whose calls it can be part of
    call_words: dict[str, frozenset[str]]  # name word -> services whose calls also need one of their names
    named: frozenset[str]  # those services
    hosts: frozenset[str]  # the catalog's exact hosts, for host settings that are no URL
    all: frozenset[str]
    paths: frozenset[str] = frozenset()  # catalog API paths (`/forms/chromium/convert/`)

    def callable_services(self, present: frozenset[str]) -> set[str]:
        found = {sid for lit in present if lit in self.call_literals for sid in self.call_literals[lit]}
        if found & self.named:
            named_here = {sid for lit in present if lit in self.call_words for sid in self.call_words[lit]}
            found = {sid for sid in found if sid not in self.named or sid in named_here}
        return found

    def triggered(self, present: frozenset[str]) -> bool:
        if URL_LITERAL in present or not (self.imports.isdisjoint(present) and self.env.isdisjoint(present)):
            return True
        if not RELATIVE_LITERALS.isdisjoint(present) or not GUARD_LITERALS.isdisjoint(present):
            return True
        if not self.hosts.isdisjoint(present) or not self.paths.isdisjoint(present):
            return True
        if not _MODEL_ROUTER_LITERALS.isdisjoint(present):
            return True
        if not _SIGN_IN_ROUTE_LITERALS.isdisjoint(present):
            return True
        return bool(self.callable_services(present))


# In-process LLM routers that pick the provider from a model string "<provider>/<model>"
# (LiteLLM's `completion(model="anthropic/claude-3-5-sonnet")`, and DSPy's `dspy.LM(...)`
# built on it): the provider word is the service the app calls.
_MODEL_ROUTER_IMPORT = re.compile(r"^[ \t]*(?:import|from)[ \t]+(?:litellm|dspy)\b", re.M)
_MODEL_ROUTER_LITERALS = frozenset({"litellm", "dspy"})
# A string literal that starts with a provider word and a slash: the model string itself, or
# the prefix the app puts before a model name (`'gemini/'`, `model.startswith('anthropic/')`).
_MODEL_STRING = re.compile(r"""['"]([a-z][a-z0-9_-]{1,30})/[^'"\s]{0,120}['"]""")
_NAME_WORD = 5  # service words this long are names, rare in other code
_ENV_EXTRA = frozenset({"process.env", "basesettings", 'env:"', "createenv(", "env."}) | GO_FLAG_ENV_LITERALS  # destructuring, pydantic settings, Go env tags, t3-env, env modules, Go flags' env fallbacks
# A validated env module (`import { env } from "@/env"`: t3-env, @typebot.io/env, envalid) or
# node's own (`import { env } from "node:process"`): its `env.UPPER_NAME` are env reads.
_ENV_MODULE_IMPORT = re.compile(
    r"""import(?<!\wimport)\s+(?:\{[^}]*\benv\b(?!\s+as\b)[^}]*\}|env)\s+from\s+['"]"""
    r"""(?:(?:node:)?process|[^'"\n]*(?:^|[/@.])env(?:\.[mc]?[jt]s)?)['"]"""
)
_ENV_MODULE_READ = re.compile(r"(?<![\w.$])env\??\.([A-Z][A-Z0-9_]*[A-Z0-9])\b")


_NOT_WORD = "".join(chr(c) for c in range(128) if not chr(c).isalnum())  # text is lower-cased


# A file's own env helper: a method that hands its parameter to the language's env reader
# (C#'s `static string Get(string name) => Environment.GetEnvironmentVariable(name) ?? ""`, a Go
# `func getenv(key string) string { v := os.Getenv(key) ... }`), called with upper-case literals
# in the same file (`TinybirdToken = Get("TINYBIRD_TOKEN")`): each is an env read, like the
# reader's own. The reader with a variable argument, per language (group 1: the variable).
_ENV_READER_OF_VARIABLE: dict[str, re.Pattern[str]] = {
    "csharp": re.compile(r"\b(?:System\.)?Environment\.GetEnvironmentVariable\(\s*([A-Za-z_]\w*)\s*[,)]"),
    "java": re.compile(r"\bSystem\.getenv\(\s*([A-Za-z_]\w*)\s*\)"),
    "kotlin": re.compile(r"\bSystem\.getenv\(\s*([A-Za-z_]\w*)\s*\)"),
    "go": re.compile(r"\bos\.(?:Getenv|LookupEnv)\(\s*([A-Za-z_]\w*)\s*\)"),
    "rust": re.compile(r"\benv::var(?:_os)?\(\s*&?([A-Za-z_]\w*)\s*\)"),
}
_ENV_READER_LITERAL = {"csharp": "GetEnvironmentVariable(", "java": "getenv(", "kotlin": "getenv(",
                       "go": "os.", "rust": "env::var"}
# A declaration's head and one parameter: `Get(string name)`, `getenv(key string)`,
# `fn var(name: &str)`, `fun env(name: String)`.
_DECLARATION = re.compile(r"\b([A-Za-z_]\w*)\s*(?:<[^<>()]{0,40}>)?\(\s*([^(),]{1,60})\)\s*(?:[:\-]|\{|=>|[\w<>\[\]?&*.\s]{0,40}\{)")
_NOT_HELPER = frozenset({"if", "while", "for", "foreach", "switch", "catch", "using", "lock", "return", "when", "match"})


def env_helper_reads(text: str, lang: Language) -> list[tuple[int, str]]:
    """Env reads through the file's own helpers of the env reader (see _ENV_READER_OF_VARIABLE)."""
    reader = _ENV_READER_OF_VARIABLE.get(lang.name)
    if reader is None or _ENV_READER_LITERAL[lang.name] not in text:
        return []
    helpers: set[str] = set()
    for m in reader.finditer(text):
        var = m.group(1)
        decls = [d for d in _DECLARATION.finditer(text, max(0, m.start() - 400), m.start())
                 if d.group(1) not in _NOT_HELPER
                 and re.fullmatch(rf"(?:[\w.<>\[\]?]+\s+{var}|{var}\s*:\s*&?\s*\w+|{var}\s+\*?\w+)\s*", d.group(2))]
        if decls:
            helpers.add(decls[-1].group(1))
    if not helpers:
        return []
    call = re.compile(r"(?<![\w.])(?:" + "|".join(map(re.escape, sorted(helpers))) + r""")\s*\(\s*"([A-Z][A-Z0-9_]*)\"""")
    return [(m.start(1), m.group(1)) for m in call.finditer(text)]


def word_forms(*words: str) -> set[str]:
    """Literals the text holds wherever it has one of these words (`Source.words`): a short
    word as a substring is in nearly every file (`ad` in `load`), so short words are
    looked for with each character that can come before a word."""
    out: set[str] = set()
    for word in words:
        out.update((c + word for c in _NOT_WORD) if len(word) <= 3 else (word,))
    return out


@functools.lru_cache(maxsize=4)
def _gate(index: CatalogIndex) -> _Gate:
    env: set[str] = set(_ENV_EXTRA)
    for lang in LANGUAGES:
        for rx in lang.env_reads:
            lits = required_literals(rx)
            if lits is None:
                raise AssertionError(f"{lang.name} env regex has no required literal: {rx.pattern}")
            env.update(lit.lower() for lit in lits)
    imports = index.import_literals() | index.sign_in_literals()
    by_literal: dict[str, set[str]] = {}
    by_word: dict[str, set[str]] = {}
    for sid, patterns, keywords in index.call_patterns:
        pattern_lits = [lits for _, lits, _ in patterns]
        # A pattern without literals can match wherever the service's words are.
        lits = word_forms(*keywords) if None in pattern_lits else {lit.lower() for group in pattern_lits for lit in group}
        for lit in lits:
            by_literal.setdefault(lit, set()).add(sid)
        if keywords and min(map(len, keywords)) >= _NAME_WORD:
            # The patterns also need one of the service's words; when those are names
            # (`netlify`, `appwrite`) that is the sharper test (patterns can be as loose as
            # `handler`). Short words (`ses`, `ai`) would hit in every file, and hits cost.
            for word in keywords:
                by_word.setdefault(word, set()).add(sid)
    literals = {k: frozenset(v) for k, v in by_literal.items()}
    words = {k: frozenset(v) for k, v in by_word.items()}
    named = frozenset(sid for sids in words.values() for sid in sids)
    hosts = index.exact_hosts()
    paths = frozenset(path for path, _ in index.api_paths)
    return _Gate(
        imports, frozenset(env), literals, words, named, hosts,
        imports | env | set(literals) | set(words) | hosts | paths | {URL_LITERAL} | RELATIVE_LITERALS | GUARD_LITERALS
        | _MODEL_ROUTER_LITERALS | _SIGN_IN_ROUTE_LITERALS, paths,
    )


def gate_literals(ctx: Context) -> frozenset[str]:
    return _gate(ctx.index).all


def triggered(present: frozenset[str], ctx: Context) -> bool:
    return _gate(ctx.index).triggered(present)


# A minified bundle committed as a plain `.js` (a widget build in `assets/public/widget.js`, a
# vendored `graph.js`): hundreds of kilobytes on a few lines. What it names are the internals of
# the libraries bundled into it (the npm registry a dependency checker inside it asks), not the
# app's own requests; the app's source, if the repository has it, is read where it is.
_BUNDLE_MIN_SIZE = 10_000
_BUNDLE_LINE_LENGTH = 1_000  # average characters per line; hand-written code stays far below


def is_minified_bundle(text: str) -> bool:
    return len(text) >= _BUNDLE_MIN_SIZE and len(text) > _BUNDLE_LINE_LENGTH * (text.count("\n") + 1)


def detect(src: Source, ctx: Context) -> Iterator[Record]:
    lang = language_of(src)
    if lang is None or (lang is JS and is_minified_bundle(src.text)):
        return
    if is_vendored_asset_path(src.rel) and not imports_app_modules(src.rel, src.text):
        return  # a third-party script copied into the served root: what the library can do
    raw_text = blank_rust_test_modules(_RUST_LIFETIME.sub(" ", src.text)) if lang is RUST else src.text
    # Comments are not evidence, but blanking them is the costliest step of this detector,
    # and most files the literal gate lets through still yield nothing (on the benchmark's
    # trees 405 of 2,439). So look on the raw text first, and strip and look again only
    # where that finds something: a hit that was inside a comment disappears on the second
    # look.
    if next(_records(src, ctx, lang, raw_text), None) is None:
        return
    text = src.stripped(lang.comments) if raw_text is src.text else strip_comments(raw_text, lang.comments)
    yield from _records(src, ctx, lang, text)


# A literal that goes on to one static file (`.../storage/v1/object/public/avatars/jordan.png` in a
# sample webhook payload's record): the URL of a stored file, data, no request to the API.
_STATIC_FILE = re.compile(r"\.(?:png|jpe?g|gif|webp|svg|ico|pdf|mp3|mp4)$", re.I)
# django-allauth's generic OpenID Connect provider names each server it is pointed at in its
# settings (`"openid_connect": {"APPS": [{"provider_id": "keycloak", ...}]}`): an app whose every
# such server is a catalogued identity provider signs in with those, not with an unnamed one.
_ALLAUTH_PROVIDER_ID = re.compile(r"""['"]provider_id['"]\s*:\s*['"]([A-Za-z][\w-]{1,40})['"]""")


def _named_oidc_servers(text: str, index: CatalogIndex) -> list[tuple[int, str]] | None:
    """(offset, name) of each `provider_id` of the file naming a catalogued sign-in provider
    other than generic OpenID Connect; None when there is none, or one names no such provider
    (an app's own `"provider_id": "company-sso"`: the generic sign-in stays)."""
    named: list[tuple[int, str]] = []
    for m in _ALLAUTH_PROVIDER_ID.finditer(text):
        sid = index.sign_in_provider(m.group(1))
        if sid is None or sid == index.sign_in_provider("openid-connect"):
            return None
        named.append((m.start(1), m.group(1).lower()))
    return named or None


def _records(src: Source, ctx: Context, lang: Language, text: str) -> Iterator[Record]:
    seen: set[tuple[str, str]] = set()

    def once(kind: str, name: str) -> bool:
        key = (kind, name)
        if key in seen:
            return False
        seen.add(key)
        return True

    present = src.present
    gate = _gate(ctx.index)
    # Imports
    templates: list[tuple[int, int]] | None = None
    for offset, spec in _import_hits(lang, text) if present is None or not gate.imports.isdisjoint(present) else ():
        if lang is JS and text.find("`", 0, offset) != -1:
            # an import inside a multi-line template literal is a code sample shown to users
            # (an "integrate with Better Auth" snippet in an onboarding step), not an import
            if templates is None:
                templates = multiline_template_spans(text)
            if any(start < offset < end for start, end in templates):
                continue
        for raw in _specs(lang, spec):
            # An auth library's provider module (next-auth/providers/kakao, flask_dance.contrib.github)
            # names the sign-in provider the app offers, which the library's module name loses.
            provider = ctx.index.sign_in_module(lang.lookup, raw.strip())
            if provider and once("sign_in", provider):
                yield Evidence(path=src.rel, line=src.line_of(offset), kind=IMPORT, name=raw.strip(),
                               ecosystem=lang.lookup, detail=(("sign_in", provider),))
            mod = _module(lang, raw)
            if mod and lang is JS and raw.strip() != mod and not ctx.index.import_(lang.lookup, mod):
                # A package that names no service on its own may have entry points that do:
                # `aws-cdk-lib/aws-lambda` is the AWS CDK's Lambda constructs, a function the
                # app's infrastructure code defines, where `aws-cdk-lib` is every AWS service.
                mod = raw.strip() if ctx.index.import_(lang.lookup, raw.strip()) else mod
            if not mod or not once("import", mod):
                continue
            services = ctx.index.import_(lang.lookup, mod)
            clients = ctx.index.client_import(lang.lookup, mod)
            if not services and not clients:
                continue
            yield Evidence(
                path=src.rel,
                line=src.line_of(offset),
                kind=IMPORT,
                name=mod,
                ecosystem=lang.lookup,
            )
    # Provider modules named in settings rather than imported: Django's INSTALLED_APPS
    # ('allauth.socialaccount.providers.github').
    if lang is PYTHON and any(prefix in text for prefix in ctx.index.sign_in_prefixes(lang.lookup)):
        for m in re.finditer(r"""['"]([\w.]+)['"]""", text):
            provider = ctx.index.sign_in_module(lang.lookup, m.group(1))
            servers = _named_oidc_servers(text, ctx.index) if provider and ctx.index.sign_in_provider(
                provider) == ctx.index.sign_in_provider("openid-connect") else None
            for offset, name in servers or ():
                if once("sign_in", name):
                    yield Evidence(path=src.rel, line=src.line_of(offset), kind=IMPORT, name=m.group(1),
                                   ecosystem=lang.lookup, detail=(("sign_in", name),))
            if servers:
                continue
            if provider and once("sign_in", provider):
                yield Evidence(path=src.rel, line=src.line_of(m.start(1)), kind=IMPORT, name=m.group(1),
                               ecosystem=lang.lookup, detail=(("sign_in", provider),))
    # Env reads
    env_hits: list[tuple[int, str]] = []
    for rx in _env_read_filters(lang) if present is None or not gate.env.isdisjoint(present) else ():
        env_hits.extend((m.start(1), m.group(1)) for m in rx.finditer(text))
    for destructure in re.finditer(r"(?:const|let|var)\s*\{([^}]*)\}\s*=\s*process\.env\b", text) if lang is JS else ():
        for part in destructure.group(1).split(","):
            name = part.split(":")[0].split("=")[0].strip()
            if re.fullmatch(_ENV_NAME, name):
                env_hits.append((destructure.start(1) + destructure.group(1).find(name), name))
    if lang is JS and "env." in text and _ENV_MODULE_IMPORT.search(text):
        env_hits.extend((m.start(1), m.group(1)) for m in _ENV_MODULE_READ.finditer(text))
    if lang is PYTHON and "BaseSettings" in text:
        env_hits.extend(settings_class_fields(text))
    env_hits.extend(env_helper_reads(text, lang))
    if lang is GO and 'env:"' in text:
        env_hits.extend(go_env_tags(text))
    if lang is GO and ("EnvVar" in text or ".Envar(" in text):
        env_hits.extend(go_flag_env_names(text))
    if lang is JS and ("process.env" in text or "createEnv(" in text):
        env_hits.extend(js_env_schema_keys(text))
    for offset, name in sorted(env_hits):
        if once("env", name):
            yield Evidence(path=src.rel, line=src.line_of(offset), kind=ENV_READ, name=name, ecosystem=lang.lookup)
    yield from host_evidence(
        src, text, ctx, ruby=lang is RUBY, present=present, gate_hosts=gate.hosts, seen=seen, once=once,
    )
    # API paths only one (self-hosted) service serves, in a string literal: a request to it
    # on whatever base URL the app is configured with (ENV["LAGO_PDF_URL"] + "/forms/chromium/convert/html").
    for rx, path, sid in ctx.index.api_path_patterns if present is None or not gate.paths.isdisjoint(present) else ():
        m = next((m for m in re.finditer(r"""['"`][^'"`\n]*""" + rx.pattern + r"""([^'"`\n]*)""", text)
                  if not _STATIC_FILE.search(m.group(1))), None)
        if m and once("call:" + sid, "api path"):
            yield Evidence(path=src.rel, line=src.line_of(m.start()), kind=CALL, name=f"API path {path.rstrip('/')}",
                           service=sid, detail=(("api_path", "1"),))
    # SDK calls of the catalog's services
    if present is None:
        candidates = ctx.index.call_patterns
    else:  # catalog order, but only the services the file's literals can reach
        of = ctx.index.call_patterns_of
        candidates = [entry for _, entry in sorted(of[sid] for sid in gate.callable_services(present) if sid in of)]
    for sid, patterns, keywords in candidates:
        if not src.mentions(keywords):
            continue  # the file never names the service: skip its patterns
        for call, literals, literal_words in patterns:
            if literal_words is not None and not src.mentions(literal_words):
                continue  # no required literal can be in the text: not even one of its words is
            if literals is not None and not any(lit in text for lit in literals):
                continue
            m = _vendor_call(call, text)
            if m and once("call:" + sid, call.endpoint):
                yield Evidence(path=src.rel, line=src.line_of(m.start()), kind=CALL, name=call.endpoint, service=sid,
                               detail=(("alone", "1"),) if call.alone else ())
                if call.providers:
                    yield from _provider_strings(src, text, lang, call.endpoint, call.providers, once)
    if lang is PYTHON and (present is None or not _MODEL_ROUTER_LITERALS.isdisjoint(present)):
        yield from _model_strings(src, text, ctx, once)
    if present is None or not _SIGN_IN_ROUTE_LITERALS.isdisjoint(present):
        yield from _sign_in_routes(src, text, ctx, lang, once)


# The class a call pattern names (`GoogleProvider(`, `new GoogleStrategy(`): a name the app may
# give a class of its own.
_CALLED_CLASS = re.compile(r"(?:new\s+)?([A-Z]\w*)\s*\(")


def _vendor_call(call: CallPattern, text: str) -> re.Match[str] | None:
    """The first match of a catalog call pattern that is the vendor's, not the app's own code:
    a class name matched inside a longer name (`newGoogleProvider(` for `GoogleProvider\\(`) is
    another name, and a class the file defines or imports from the app's own modules (jackson's
    directory sync: `import { GoogleProvider } from './api'` then `new GoogleProvider({...})`) is
    the app's class, whatever vendor its name recalls."""
    if call.unless is not None and call.unless.search(text):
        return None
    for m in call.pattern.finditer(text):
        start = m.start()
        if start and m.group()[:1].isupper() and (text[start - 1].isalnum() or text[start - 1] == "_"):
            continue  # (a lower-case start may be a suffix on purpose: lemur's `sts_client("acm")`)
        own = _CALLED_CLASS.match(m.group())
        if own and _own_class(own.group(1), text):
            continue
        return m
    return None


def _own_class(name: str, text: str) -> bool:
    """Whether the file defines class `name` or imports it from a relative module (`./api`,
    `.providers`): the app's own class."""
    if name not in text:
        return False
    n = re.escape(name)
    return re.search(
        rf"\bclass\s+{n}\b"
        rf"|\bimport\s*\{{[^}}]*\b{n}\b[^}}]*\}}\s*from\s*['\"]\.{{1,2}}/"
        rf"|\bimport\s+{n}\s+from\s*['\"]\.{{1,2}}/"
        rf"|\bfrom\s+\.[\w.]*\s+import\s[^\n]*\b{n}\b",
        text,
    ) is not None


def _model_strings(src: Source, text: str, ctx: Context, once) -> Iterator[Evidence]:
    """LLM providers a router's model strings select (see `_MODEL_ROUTER_IMPORT`): in a file
    that imports the router, each quoted `<provider>/...` whose provider word a catalog LLM
    service lists in `model_prefixes`. Only there: elsewhere `"anthropic/claude-3.5-sonnet"`
    is as likely a model id of an aggregator (OpenRouter), which is the service then."""
    if not _MODEL_ROUTER_IMPORT.search(text):
        return
    for m in _MODEL_STRING.finditer(text):
        sid = ctx.index.model_prefixes.get(m.group(1))
        if sid and once("call:" + sid, "model"):
            yield Evidence(path=src.rel, line=src.line_of(m.start()), kind=CALL,
                           name=f"LLM router model {m.group(1)}/*", service=sid, detail=(("alone", "1"),))


# The app's own route for signing in with a provider under an OpenID Connect or SSO prefix
# (`config.add_route("oidc.login.orcid", "/oidc/login/orcid")`, `/oidc/redirect/google`,
# `app.get("/api/sso/google", ...)`): a whole path literal, the provider its last segment but for
# a step of the flow. Only these protocol words: `/login/<name>` and `/sign-in/<name>` also name the
# app's own ways in (`/login/magic`, a plug-in's `/sign-in/figma` session), and `/auth/slack/callback`
# may install an integration rather than sign anyone in.
_SIGN_IN_ROUTE = re.compile(
    r"""['"`](?:/[\w.-]+)*?/(?:oidc|openid|sso)/(?:(?:login|connect|redirect|callback|authorize|start)/)?"""
    r"""([a-z][a-z0-9_-]{1,30})(?:/(?:callback|redirect|login|authorize|start))?/?['"`]"""
)
_SIGN_IN_ROUTE_LITERALS = frozenset({"/oidc/", "/openid/", "/sso/"})


def _sign_in_routes(src: Source, text: str, ctx: Context, lang: Language, once) -> Iterator[Evidence]:
    """Sign-in routes naming a catalogued OAuth sign-in provider (see `_SIGN_IN_ROUTE`); not in
    tests (a route a test requests names what the app under test offers, found there already),
    not the generic OpenID Connect service (`/sso/oidc` names a protocol, no vendor)."""
    if is_test_path(src.rel):
        return
    generic = ctx.index.sign_in_provider("openid-connect")
    for m in _SIGN_IN_ROUTE.finditer(text):
        sid = ctx.index.sign_in_provider(m.group(1))
        if sid is None or sid == generic or ctx.catalog.services[sid].category != "oauth":
            continue
        if once("sign_in", m.group(1)):
            yield Evidence(path=src.rel, line=src.line_of(m.start(1)), kind=CALL, name=f"sign-in route: {m.group(1)}",
                           ecosystem=lang.lookup, detail=(("sign_in", m.group(1)),))


_QUOTED_NAME = re.compile(r"""['"`]([a-z0-9_.-]+)['"`]""")  # dots: Firebase's 'microsoft.com'
# A class name (Firebase's GithubAuthProvider): a whole identifier, not part of a longer one
_CLASS_NAME = re.compile(r"(?<![\w$])([A-Z][A-Za-z0-9]+)(?![\w$])")


# A TypeScript parameter or property annotated with a union of quoted names
# (`(provider: "google" | "apple" | "github") => ...`): the names a helper accepts.
_ANNOTATION_UNION = re.compile(r"""[\w$]\??[ \t]*:[ \t]*(?:['"`][a-z0-9_-]+['"`][ \t]*\|[ \t]*)+['"`][a-z0-9_-]+['"`]""")


def _provider_strings(
    src: Source, text: str, lang: Language, endpoint: str, providers: tuple[tuple[str, str], ...], once,
) -> Iterator[Evidence]:
    """Sign-in providers an auth service's sign-in call takes by name (Supabase's
    `signInWithOAuth({ provider: "github" })`, Better Auth's `signIn.social(...)`): in a file
    that makes the call, each provider name of that library quoted in the file (the call's
    argument or its cast `as 'github' | 'google'`, a union type alias of the names offered, a
    table of buttons) is a provider offered. A name quoted only in the union a parameter is
    annotated with (`(provider: "google" | "apple" | "github") => ...`) is what a helper accepts,
    not what the app offers (its buttons may be elsewhere and fewer): it counts only where the
    file also uses it as a value (quoted elsewhere, or a key of a table `apple: { name: "Apple" }`).
    A library that names providers by class (Firebase's `new GithubAuthProvider()`,
    `TwitterAuthProvider.PROVIDER_ID` in a FirebaseUI `signInOptions` table) lists the class:
    the class named in the file is the provider offered, as its quoted id ('github.com') is."""
    names = dict(providers)
    annotations = [a.span() for a in _ANNOTATION_UNION.finditer(text)] if "|" in text else []
    hits = [(m, names.get(m.group(1))) for m in _QUOTED_NAME.finditer(text)]
    if any(spelled[:1].isupper() for spelled in names):
        hits += [(m, names.get(m.group(1))) for m in _CLASS_NAME.finditer(text)
                 if m.group(1) in names and not _own_class(m.group(1), text)]
        hits.sort(key=lambda hit: hit[0].start())
    annotated = {m.start() for m, _ in hits if any(a <= m.start() < b for a, b in annotations)}
    as_value = {m.group(1) for m, provider in hits if provider and m.start() not in annotated}
    for m, provider in hits:
        name = m.group(1)
        if provider and m.start() in annotated and (
            name in as_value or not re.search(rf"(?m)^\s*{re.escape(name)}\s*:", text)
        ):
            continue  # a union annotation's member: the evidence is where the name is a value
        if provider and once("sign_in", provider):
            yield Evidence(path=src.rel, line=src.line_of(m.start(1)), kind=CALL, name=f"{endpoint}: {m.group(1)}",
                           ecosystem=lang.lookup, detail=(("sign_in", provider),))


DETECTOR = Detector(
    name="code",
    accepts=lambda rel, name, ctx: (
        # (files of a served library folder are read: the app's own modules kept there import
        # the app's other modules, `imports_app_modules`, and are the app's code)
        (language_for(name) is not None or is_script_file(rel, name)) and not name.endswith((".min.js", ".d.ts"))
    ),
    detect=detect,
    literals=gate_literals,
    triggered=triggered,
)
