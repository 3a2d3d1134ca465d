"""Cheap literal prefilters for regexes: most files mention no service, so most regexes
need not run at all. `literal in text` scans at memory speed; a regex does not."""

from __future__ import annotations

import re
from collections.abc import Iterable

import ahocorasick_rs

try:  # Python 3.11+
    import re._parser as _sre_parse  # type: ignore[import-not-found]
except ImportError:  # pragma: no cover - Python 3.10
    import sre_parse as _sre_parse  # type: ignore[no-redef]


_MAX_ALTERNATIVES = 32  # past this, a literal set is no cheaper to test than the regex
_MIN_LITERAL = 3  # shorter literals occur in nearly every text: no filter at all
_ZERO_WIDTH = (_sre_parse.AT,)


def required_literals(pattern: re.Pattern[str] | "WordStart") -> tuple[str, ...] | None:
    """Literals one of which any match must contain, or None when there is no useful set.

    Small alternations are expanded (`os\\.(?:Getenv|LookupEnv)\\(` needs `os.Getenv(` or
    `os.LookupEnv(`), so the set stays selective. Case-insensitive patterns get lower-cased
    literals, to be checked against lower-cased text.
    """
    source = pattern.pattern
    flags = pattern.flags
    try:
        parsed = _sre_parse.parse(source, flags)
    except Exception:  # noqa: BLE001 - unusual syntax: simply no prefilter
        return None
    found = _required(list(parsed))
    if found is None:
        return None
    lits = {lit.lower() for lit in found} if ignores_case(pattern) else found
    # `getenv(` already covers `os.getenv(`: keep only literals containing no other.
    return tuple(sorted(a for a in lits if not any(b != a and b in a for b in lits)))


_SCOPED_IGNORE_CASE = re.compile(r"\(\?[aLmsux]*i")


def ignores_case(pattern: re.Pattern[str] | "WordStart") -> bool:
    """Whether any part of the pattern matches without regard to case: a global `(?i)` or a
    scoped `(?i:...)`. Its literals are then lower-cased and only lower-cased text holds them."""
    return bool(pattern.flags & re.I) or bool(_SCOPED_IGNORE_CASE.search(pattern.pattern))


def _finite(items: list) -> set[str] | None:
    """Every string this sequence can match, when that is a small set of literals."""
    out = {""}
    for op, av in items:
        if op is _sre_parse.LITERAL:
            alts = {chr(av)}
        elif op is _sre_parse.IN:
            alts = _charset(av)
        elif op is _sre_parse.SUBPATTERN:
            alts = _finite(list(av[-1]))
        elif op is _sre_parse.BRANCH:
            alts = set()
            for branch in av[1]:
                sub = _finite(list(branch))
                if sub is None:
                    return None
                alts |= sub
        elif op in (_sre_parse.MAX_REPEAT, _sre_parse.MIN_REPEAT) and av[1] <= 1:
            alts = _finite(list(av[2]))
            if alts is not None and av[0] == 0:
                alts = alts | {""}
        elif op in _ZERO_WIDTH:
            continue
        else:
            return None
        if alts is None:
            return None
        out = {a + b for a in out for b in alts}
        if len(out) > _MAX_ALTERNATIVES:
            return None
    return out


def _charset(items: list) -> set[str] | None:
    chars: set[str] = set()
    for op, av in items:
        if op is _sre_parse.LITERAL:
            chars.add(chr(av))
        elif op is _sre_parse.RANGE and av[1] - av[0] < 10:
            chars.update(chr(c) for c in range(av[0], av[1] + 1))
        else:
            return None
    return chars


# Words in nearly every source file: a literal set holding one filters nothing.
_COMMON = frozenset({"new", "get", "set", "add", "def", "var", "let", "for", "use", "end", "int", "str", "this", "self", "from", "const", "return", "import", "export", "function", "class"})


def _score(lits: set[str]) -> int:
    shortest = min((len(s) for s in lits), default=0)
    return shortest - 3 if any(s.strip().lower() in _COMMON for s in lits) else shortest


def _required(items: list) -> set[str] | None:
    """The most selective literal set one of which every match of the sequence contains."""
    if len(items) == 1 and items[0][0] is _sre_parse.BRANCH:
        out: set[str] = set()
        for branch in items[0][1][1]:
            sub = _required(list(branch))
            if sub is None:
                return None
            out |= sub
        return out if len(out) <= 2 * _MAX_ALTERNATIVES else None
    best: set[str] | None = None
    run: set[str] = {""}

    def consider(cand: set[str] | None) -> None:
        nonlocal best
        if cand and min(map(len, cand)) >= _MIN_LITERAL and (best is None or _score(cand) > _score(best)):
            best = cand

    literal = _sre_parse.LITERAL
    for op, av in items:
        if op is literal:  # most items: one character, appended without building a set of it
            c = chr(av)
            run = {a + c for a in run}
            continue
        fin = _finite([(op, av)]) if op not in _ZERO_WIDTH else {""}
        if fin is not None:
            joined = {a + b for a in run for b in fin}
            if len(joined) <= _MAX_ALTERNATIVES:
                run = joined
                continue
        consider(run)
        run = {""}
        if op is _sre_parse.SUBPATTERN:
            consider(_required(list(av[-1])))
        elif op is _sre_parse.BRANCH:
            consider(_required([(op, av)]))
        elif op in (_sre_parse.MAX_REPEAT, _sre_parse.MIN_REPEAT) and av[0] >= 1:
            consider(_required(list(av[2])))
    consider(run)
    return best


class LiteralIndex:
    """Which of many literals occur in a text, found in one native pass (Aho-Corasick).

    The scanner asks this once per file for the literals every detector declared; a
    detector none of whose literals is present is skipped, and detectors read the set
    instead of testing hundreds of keywords one `in` at a time. ahocorasick-rs (Rust's
    aho-corasick crate) runs this several times faster than pyahocorasick on the
    benchmark's trees, and the pass is a large part of a cold scan.
    """

    __slots__ = ("_automaton", "_words")

    def __init__(self, literals: Iterable[str]) -> None:
        self._words = sorted({lit for lit in literals if lit})
        # A full DFA: ~45 MB and 0.1 s to build for the catalog's ~12,700 literals, once
        # per Scanner, and 2.4x the speed of the default (123 vs 50 MB/s on the benchmark's
        # 10k tree); the pass runs over every byte of every candidate file.
        self._automaton = (
            ahocorasick_rs.AhoCorasick(self._words, implementation=ahocorasick_rs.Implementation.DFA)
            if self._words
            else None
        )

    def present(self, text: str) -> frozenset[str]:
        if self._automaton is None:
            return frozenset()
        words = self._words
        # overlapping: `stripe` inside `@stripe/stripe-js` must be found as well.
        return frozenset(words[i] for i in {m[0] for m in self._automaton.find_matches_as_indexes(text, overlapping=True)})


class Prefiltered:
    """A regex that only runs when one of its required literals is in the text."""

    __slots__ = ("regex", "literals", "lower", "lowered_literals")

    def __init__(self, regex: re.Pattern[str]) -> None:
        self.regex = regex
        self.literals = required_literals(regex)
        self.lower = bool(regex.flags & re.I)
        self.lowered_literals = None if self.literals is None else frozenset(lit.lower() for lit in self.literals)

    def may_match(self, text: str, lowered: str | None = None, present: frozenset[str] | None = None) -> bool:
        """`present`: the lower-cased literals the scanner's gate found in the file. When
        the caller declared this regex's literals to the gate, a set lookup answers first
        (a literal missing from the lower-cased file is missing from any part of it)."""
        if self.literals is None:
            return True
        if present is not None and self.lowered_literals.isdisjoint(present):
            return False
        hay = (lowered if lowered is not None else text.lower()) if self.lower else text
        return any(lit in hay for lit in self.literals)

    def search(self, text: str, present: frozenset[str] | None = None) -> re.Match[str] | None:
        return self.regex.search(text) if self.may_match(text, present=present) else None

    def finditer(self, text: str):
        return self.regex.finditer(text) if self.may_match(text) else iter(())


class WordStart:
    """A regex whose leading `\\b` is checked in Python instead of by the engine.

    `re` only uses its fast literal-prefix scan when a pattern starts with a literal; a
    leading `\\b` turns that off and costs ~30x on large files. Matches whose start follows
    a word character are dropped, which is what the `\\b` meant.
    """

    __slots__ = ("regex", "pattern", "flags")

    def __init__(self, source: str, flags: int = 0) -> None:
        self.regex = re.compile(source[2:] if source.startswith("\\b") else source, flags)
        self.pattern = source
        self.flags = flags

    @staticmethod
    def _ok(text: str, m: re.Match[str]) -> bool:
        i = m.start()
        return i == 0 or not (text[i - 1].isalnum() or text[i - 1] in "_$")

    def finditer(self, text: str, pos: int = 0, endpos: int | None = None):
        it = self.regex.finditer(text, pos) if endpos is None else self.regex.finditer(text, pos, endpos)
        return (m for m in it if self._ok(text, m))

    def search(self, text: str, pos: int = 0) -> re.Match[str] | None:
        for m in self.finditer(text, pos):
            return m
        return None
