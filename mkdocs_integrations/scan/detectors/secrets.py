"""Hardcoded secrets: report the kind and the place of each, never the value.

A committed credential is the one integration fact that must not be documented as-is, so
this detector only ever emits `Finding(path, line, kind, severity, rule)`. The value is
matched, checked against placeholder and entropy guards, and dropped: nothing derived
from it (not a prefix, not a hash, not a length) leaves this module or reaches a log.

The rules are data (`rules/secrets.yaml`), in the style of gitleaks and detect-secrets:
a shape per secret kind, a keyword prefilter so most lines cost a substring test, and an
entropy floor for shapes that random text could take.
"""

from __future__ import annotations

import math
import re
from fnmatch import fnmatchcase
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache

import yaml

from ...model import Finding
from ...rules_data import rules_text
from .base import Context, Detector, Record, Source
from .env_files import bare_template, env_file_kind

SEVERITIES = ("high", "medium", "low")
MIN_RULES = 35

# Where hardcoded secrets live: code in any common language, config, IaC, shell, key files.
_EXTENSIONS = frozenset("""
    py pyi pyw ipynb js jsx mjs cjs ts tsx mts cts vue svelte astro rb erb rake php phtml go
    java kt kts scala sc groovy gradle cs csx fs fsx vb swift m mm c h cc cpp cxx hpp rs dart
    ex exs erl hrl clj cljs lua pl pm r jl hs ml elm cr nim zig sql
    sh bash zsh fish ksh ps1 psm1 psd1 bat cmd
    env yml yaml json jsonc json5 toml ini cfg conf config cnf properties xml plist
    tf tfvars hcl nomad pem key p8 asc
    html htm twig jinja jinja2 j2 hbs ejs liquid mustache
""".split())
_NAMES = frozenset({
    "dockerfile", "containerfile", "jenkinsfile", "procfile", "vagrantfile", "makefile",
    ".npmrc", ".yarnrc", ".pypirc", ".netrc", "_netrc", ".git-credentials", "credentials",
    ".dockercfg", "id_rsa", "id_dsa", "id_ecdsa", "id_ed25519", ".htaccess", ".s3cfg",
    ".boto", ".pgpass", ".my.cnf",
})
_LOCKFILES = frozenset({
    "package-lock.json", "npm-shrinkwrap.json", "yarn.lock", "pnpm-lock.yaml", "bun.lock",
    "poetry.lock", "uv.lock", "pdm.lock", "pipfile.lock", "gemfile.lock", "composer.lock",
    "cargo.lock", "go.sum", "packages.lock.json", "flake.lock", "mix.lock", "pubspec.lock",
    "podfile.lock", "package.resolved", "gradle.lockfile",
})
_MINIFIED = re.compile(r"[.\-]min\.(?:js|mjs|cjs|css)$|\.(?:bundle|chunk)\.js$|\.map$")
_BUNDLE_EXTS = (".js", ".mjs", ".cjs", ".css")
_TEST_DIRS = frozenset({
    "tests", "test", "__tests__", "spec", "specs", "fixtures", "__fixtures__", "testdata",
    "__mocks__",
})


def accepts(rel: str, name: str, ctx: Context | None = None) -> bool:
    """Text files where a credential can be committed; never lockfiles or minified bundles."""
    lower = name.lower()
    if lower in _LOCKFILES or _MINIFIED.search(lower):
        return False
    if lower in _NAMES or lower.startswith(("dockerfile.", "containerfile.", ".env")):
        return True
    if env_file_kind(name) is not None or bare_template(name):
        # every file the env detector takes for a dotenv by its name (`env.default`, `.flaskenv`,
        # `ipconfig.php.example`): a value committed there is a secret committed too
        return True
    ext = lower.rsplit(".", 1)[-1] if "." in lower.lstrip(".") else ""
    if ("credential" in lower or "secret" in lower) and ext in ("", "txt"):
        return True  # `credentials`, `secrets.txt`; `client_secret.json` passes by its extension
    return ext in _EXTENSIONS


@dataclass(frozen=True)
class Rule:
    id: str
    kind: str
    regex: re.Pattern[str]
    keywords: tuple[str, ...] = ()
    entropy: float = 0.0
    severity: str = "high"
    multiline: bool = False
    file_keywords: bool = False  # keywords need only be somewhere in the file (or its path)
    generic: bool = False
    files: tuple[str, ...] = ()  # basename globs (lowercase); empty: every accepted file

    def applies_to(self, name: str) -> bool:
        return not self.files or any(fnmatchcase(name.lower(), g) for g in self.files)


@dataclass(frozen=True)
class RuleSet:
    rules: tuple[Rule, ...]
    ignore: re.Pattern[str]  # a value matching this is a placeholder
    ignore_values: frozenset[str]  # whole values (lowercase) that are defaults, not secrets


class RuleError(ValueError):
    """The rules file breaks its schema: raised at first use, naming the rule."""


def parse_rules(text: str) -> RuleSet:
    """Validate and compile the rules document (every regex compiles, ids unique)."""
    # libyaml's loader: the pure-Python one took 0.18 s of every Scanner's set-up here.
    data = yaml.load(text, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader)) or {}  # noqa: S506 - a safe loader
    if not isinstance(data, dict) or not isinstance(data.get("rules"), list):
        raise RuleError("secrets rules: top level needs a 'rules' list")
    fragments = {f"{{{k}}}": str(v) for k, v in (data.get("fragments") or {}).items()}
    rules: list[Rule] = []
    seen: set[str] = set()
    for i, raw in enumerate(data["rules"]):
        where = f"secrets rules[{i}]"
        if not isinstance(raw, dict):
            raise RuleError(f"{where}: must be a mapping")
        unknown = set(raw) - {"id", "kind", "regex", "keywords", "entropy", "severity", "multiline", "generic", "files", "file_keywords"}
        if unknown:
            raise RuleError(f"{where}: unknown keys {sorted(unknown)}")
        rid, kind, pattern = raw.get("id"), raw.get("kind"), raw.get("regex")
        if not (isinstance(rid, str) and isinstance(kind, str) and isinstance(pattern, str)):
            raise RuleError(f"{where}: id, kind and regex are required strings")
        where = f"secrets rule '{rid}'"
        if rid in seen:
            raise RuleError(f"{where}: duplicate id")
        seen.add(rid)
        for token, expansion in fragments.items():
            pattern = pattern.replace(token, expansion)
        try:
            compiled = re.compile(pattern, re.MULTILINE)
        except re.error as exc:
            raise RuleError(f"{where}: bad regex: {exc}") from None
        keywords = tuple(str(k) for k in raw.get("keywords") or ())
        if not keywords or any(k != k.lower() or not k for k in keywords):
            raise RuleError(f"{where}: keywords must be a non-empty list of lowercase literals")
        severity = raw.get("severity", "high")
        if severity not in SEVERITIES:
            raise RuleError(f"{where}: severity must be one of {SEVERITIES}")
        rules.append(Rule(
            id=rid, kind=kind, regex=compiled, keywords=keywords,
            entropy=float(raw.get("entropy") or 0.0), severity=severity,
            multiline=bool(raw.get("multiline")), generic=bool(raw.get("generic")),
            file_keywords=bool(raw.get("file_keywords")),
            files=tuple(str(f).lower() for f in raw.get("files") or ()),
        ))
    ignore = data.get("ignore") or {}
    patterns = [str(p) for p in ignore.get("patterns") or ()] or ["(?!)"]
    try:
        ignore_re = re.compile("|".join(f"(?:{p})" for p in patterns), re.IGNORECASE)
    except re.error as exc:
        raise RuleError(f"secrets rules: bad ignore pattern: {exc}") from None
    values = frozenset(str(v).lower() for v in ignore.get("values") or ())
    return RuleSet(rules=tuple(rules), ignore=ignore_re, ignore_values=values)


@lru_cache(maxsize=1)
def load_rules() -> RuleSet:
    """The bundled rules, compiled on first use (imports stay cheap; serve rebuilds reuse them)."""
    return parse_rules(rules_text("secrets.yaml"))


def shannon_entropy(value: str) -> float:
    """Bits per character: random keys score high, words and repeated fills score low."""
    if not value:
        return 0.0
    n = len(value)
    return -sum(c / n * math.log2(c / n) for c in Counter(value).values())


_SEPARATORS = re.compile(r"[_.\-/$:+]+")
_IDENTIFIER = re.compile(r"^[A-Za-z_$][\w$]*(?:[.\-:+]+[A-Za-z_$][\w$]*)*$")
_SEGMENT = re.compile(r"([A-Za-z]+?)([0-9]{0,3})")  # letters, then a short version suffix
_WORD = re.compile(r"[A-Z]?[a-z]+|[A-Z]+(?![a-z])")
_VOWEL = re.compile(r"[aeiouyAEIOUY]")
# Paths ("certs/prod.key", "./secrets.json") and URLs: base64 keys have no dots, URL-safe
# keys no slashes, so a value with both (or a scheme) names a place, not a secret.
_PATHLIKE = re.compile(
    r"^(?:\.{0,2}/|~/|[A-Za-z]:\\)|://|^[\w.\-]*/[\w.\-/]*\.[a-z][a-z0-9]{0,11}$"
    r"|^[\w\-]+\.(?:pem|key|json|crt|cer|der|p12|pfx|jks|keystore|txt|ya?ml|env|ini|conf|cfg|toml|xml|gpg|asc)$"
)
# Ids, not secrets, when only a name vouches for them: UUIDs ("ClientRequestToken"), short
# hex digests, ARNs, code in a string. Services whose keys are UUIDs have context rules.
_ID_SHAPED = re.compile(
    r"^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$|^[0-9a-f]{1,31}$|^arn:|[()\[\]]",
    re.IGNORECASE,
)


def _segment_is_wordy(seg: str) -> bool:
    """`SECRET`, `apiKey`, `Oauth2`, `v3`, `2024`: words and numbers, not random characters."""
    if seg.isdigit():
        return len(seg) <= 6
    m = _SEGMENT.fullmatch(seg)
    if not m:
        return False
    letters = m.group(1)
    if letters.isupper():
        return len(letters) <= 12
    if len(letters) == 1:
        return True  # s3, v2
    words = _WORD.findall(letters)
    return (
        "".join(words) == letters
        and len(letters) >= 3 * len(words)  # random mixed case splits into 1-2 letter "words"
        and sum(1 for w in words if w.isupper()) * 2 <= len(words)  # acronyms are the exception
        and all(len(w) <= 5 for w in words if w.isupper())
        and all(2 <= len(w) <= 32 and (len(w) <= 3 or w.isupper() or bool(_VOWEL.search(w))) for w in words)
        # `db`, `ctx`, `msg` are fine now and then; `jz`, `Qz`, `kd` in a row are noise
        and 3 * sum(1 for w in words if not w.isupper() and not _VOWEL.search(w)) <= len(words) + 1
    )


def _reads_like_a_name(value: str) -> bool:
    """A variable, setting, file name or id rather than a secret: `settings.DB_PASSWORD`."""
    if _PATHLIKE.search(value) or _ID_SHAPED.search(value):
        return True
    if not _IDENTIFIER.match(value):
        return False
    if "." in value:  # attribute access or a type: `config.api_key`, `x25519.PublicKey`
        return True
    segments = [p for p in _SEPARATORS.split(value) if p]
    singles = sum(1 for p in segments if len(p) == 1 and p.isalpha())
    wordy = all(len(p) == 1 or _segment_is_wordy(p) for p in segments)
    return wordy and singles <= max(1, (len(segments) + 2) // 3)


def _is_placeholder(rules: RuleSet, rule: Rule, match: re.Match[str], value: str) -> bool:
    """Documentation values, templates, env references and test-mode keys are not leaks."""
    if value.lower() in rules.ignore_values or rules.ignore.search(value):
        return True
    if len(set(value[-16:])) <= 2:  # "aaaa…", "0000…", "ghp_AAAA…"
        return True
    if "user" in (match.re.groupindex or {}) and match.group("user"):
        if match.group("user").lower() == value.lower():  # mysql://app:app@db
            return True
    if rule.generic and _reads_like_a_name(value):
        return True
    return rule.entropy > 0 and shannon_entropy(value) < rule.entropy


def _in_test_tree(rel: str) -> bool:
    return any(part.lower() in _TEST_DIRS for part in rel.split("/")[:-1])


def _looks_minified(src: Source) -> bool:
    if not src.name.lower().endswith(_BUNDLE_EXTS) or len(src.text) < 5000:
        return False
    return src.text.count("\n") * 500 < len(src.text)  # average line over 500 characters


def _secret_span(m: re.Match[str]) -> tuple[int, int]:
    return m.span("secret") if "secret" in m.re.groupindex else m.span()


_MAX_SPANS = 24  # past this many keyword lines, one pass over the rest is cheaper


def _spans(rule: Rule, text: str, lowered: str) -> Iterator[tuple[int, int]]:
    """The ranges the rule's regex runs on: lines holding one of its keywords, or the rest
    of the file once keyword lines are frequent (matches are then checked line by line).

    `lowered` is `text.lower()` when that keeps every offset (it does unless the text has
    characters like 'İ'); otherwise the rule simply scans the whole text.
    """
    if not rule.keywords or rule.multiline or rule.file_keywords or len(lowered) != len(text):
        yield 0, len(text)
        return
    pos = 0
    for _ in range(_MAX_SPANS):
        hits = [i for i in (lowered.find(k, pos) for k in rule.keywords) if i >= 0]
        if not hits:
            return
        first = min(hits)
        start = text.rfind("\n", 0, first) + 1
        end = text.find("\n", first)
        end = len(text) if end < 0 else end
        yield start, end
        pos = end + 1
    if pos < len(text):
        yield pos, len(text)


def _line_at(text: str, offset: int) -> str:
    end = text.find("\n", offset)
    return text[text.rfind("\n", 0, offset) + 1:len(text) if end < 0 else end]


def detect(src: Source, ctx: Context | None = None) -> Iterator[Record]:
    """One Finding per (line, rule); a match overlapping an earlier rule's match is dropped."""
    if _looks_minified(src):
        return
    ruleset = load_rules()
    text = src.text.replace("\r", " ")  # CRLF files: offsets and line numbers unchanged
    lowered = src.lowered.replace("\r", " ")
    present = src.present
    if present is None:  # outside the scanner: the same test, one keyword at a time
        hay = src.rel.lower() + "\n" + lowered
        present = frozenset(k for r in ruleset.rules for k in r.keywords if k in hay)
    active = [r for r in ruleset.rules if r.applies_to(src.name) and not present.isdisjoint(r.keywords)]
    if not active:
        return
    severity_cap = _in_test_tree(src.rel)
    claimed: list[tuple[int, int]] = []  # offsets of accepted secrets
    seen: set[tuple[int, str]] = set()
    hits: list[tuple[int, Rule]] = []
    for rule in active:
        for lo, hi in _spans(rule, text, lowered):
            for m in rule.regex.finditer(text, lo, hi):
                if not rule.multiline and "\n" in text[m.start():m.end()]:
                    continue  # line rules never span lines, whatever their regex allows
                if rule.keywords and not rule.file_keywords:
                    line_text = _line_at(text, m.start()).lower()
                    if not any(k in line_text for k in rule.keywords):
                        continue
                start, end = _secret_span(m)
                if any(start < e and s < end for s, e in claimed):
                    continue
                value = m.group("secret") if "secret" in m.re.groupindex else m.group(0)
                if _is_placeholder(ruleset, rule, m, value):
                    continue
                line = src.line_of(m.start())
                if (line, rule.id) in seen:
                    continue
                seen.add((line, rule.id))
                claimed.append((start, end))
                hits.append((line, rule))

    for line, rule in sorted(hits, key=lambda h: (h[0], h[1].id)):
        yield Finding(
            path=src.rel, line=line, kind=rule.kind,
            severity="low" if severity_cap else rule.severity, rule=rule.id,
        )


def gate_literals(ctx: Context | None = None) -> frozenset[str] | None:
    """Every rule's keywords (None, so no gate, if a rule has none: `test_secrets` keeps
    every rule keyworded, because one unkeyworded rule would run on every file)."""
    rules = load_rules().rules
    if any(not r.keywords for r in rules):
        return None
    return frozenset(k for r in rules for k in r.keywords)


DETECTOR = Detector(name="secrets", accepts=accepts, detect=detect, literals=gate_literals)
