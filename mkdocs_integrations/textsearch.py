"""Cheap literal prefilters for regexes: most files mention no service, so most regexes
need not run at all. `literal in text` scans at memory speed; a regex does not."""

from __future__ import annotations

import re

try:  # Python 3.11+
    import re._parser as _sre_parse  # type: ignore[import-not-found]
except ImportError:  # pragma: no cover - Python 3.10
    import sre_parse as _sre_parse  # type: ignore[no-redef]


def required_literals(pattern: re.Pattern[str]) -> tuple[str, ...] | None:
    """Literals one of which any match must contain (one per top-level branch), or None.

    `literal in text` runs at memory speed; the regex only runs when it can match. Case-
    insensitive patterns get lower-cased literals, to be checked against lower-cased text.
    """
    try:
        parsed = _sre_parse.parse(pattern.pattern, pattern.flags)
    except Exception:  # noqa: BLE001 - unusual syntax: simply no prefilter
        return None
    found = _literals(list(parsed))
    if found is None:
        return None
    return tuple(lit.lower() for lit in found) if pattern.flags & re.I else found


def _literals(items: list) -> tuple[str, ...] | None:
    """Longest literal run required by this sequence, or one per branch of its alternation."""
    best, run = "", ""
    branches = [av[1] for op, av in items if op is _sre_parse.BRANCH]
    for op, av in items:
        if op is _sre_parse.LITERAL:
            run += chr(av)
            best = max(best, run, key=len)
        else:
            run = ""
    if len(best) >= 3:
        return (best,)
    if len(branches) == 1:
        out: list[str] = []
        for branch in branches[0]:
            sub = _literals(list(branch))
            if sub is None:
                return None
            out.extend(sub)
        return tuple(out)
    return None


class Prefiltered:
    """A regex that only runs when one of its required literals is in the text."""

    __slots__ = ("regex", "literals", "lower")

    def __init__(self, regex: re.Pattern[str]) -> None:
        self.regex = regex
        self.literals = required_literals(regex)
        self.lower = bool(regex.flags & re.I)

    def may_match(self, text: str, lowered: str | None = None) -> bool:
        if self.literals is None:
            return True
        hay = (lowered if lowered is not None else text.lower()) if self.lower else text
        return any(lit in hay for lit in self.literals)

    def search(self, text: str) -> re.Match[str] | None:
        return self.regex.search(text) if self.may_match(text) else None

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
