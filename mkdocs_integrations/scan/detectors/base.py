"""What every detector is: a file filter and a function from one file's text to records.

Detectors share no state, so they can run in any order, in parallel, and their results
can be cached per file.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Collection, Iterable
from dataclasses import dataclass
from functools import cached_property

from ...catalog import Catalog
from ...catalog.index import CatalogIndex
from ...model import Evidence, Finding
from ..lexing import LineIndex, strip_comments

# Non-ASCII letters belong to the word ("café"), so every word starts the text or follows an
# ASCII character that is not [a-z0-9]: the scanner's gate relies on it (code.word_forms).
_WORD = re.compile("[a-z0-9\u0080-\U0010ffff]+")


def _word_char(c: str) -> bool:
    """A character `_WORD` counts as part of a word (the text is lower-cased)."""
    return "a" <= c <= "z" or "0" <= c <= "9" or c >= "\x80"


class BadInput(Exception):
    """The file is malformed: the runner turns this into a warning naming file and line."""

    def __init__(self, message: str, line: int = 0) -> None:
        super().__init__(message)
        self.message = message
        self.line = line


@dataclass
class Source:
    rel: str  # posix path relative to the project root
    text: str
    # The detectors' declared literals found in the lower-cased path and text (the scanner
    # computes it in one pass); None when a detector runs outside the scanner.
    present: frozenset[str] | None = None

    @property
    def name(self) -> str:
        return self.rel.rsplit("/", 1)[-1]

    @cached_property
    def lines(self) -> LineIndex:
        return LineIndex(self.text)

    def line_of(self, offset: int) -> int:
        return self.lines.line(offset)

    def stripped(self, style: str) -> str:
        """The text with comments blanked, computed once per file for all code detectors."""
        cache = self.__dict__.setdefault("_stripped", {})
        if style not in cache:
            cache[style] = strip_comments(self.text, style)
        return cache[style]

    @cached_property
    def lowered(self) -> str:
        return self.text.lower()

    def mentions(self, words: Collection[str]) -> bool:
        """Whether the text has one of these lower-case words (as `words` splits it; a
        "word" with a non-word character in it matches where it stands between non-word
        characters).

        Most files never need the whole text split into words: a substring search with a
        look at the characters around each occurrence answers for a handful of words.
        """
        if "words" in self.__dict__:
            return not self.words.isdisjoint(words)
        low = self.lowered
        end = len(low)
        for w in words:
            i = low.find(w)
            while i >= 0:
                j = i + len(w)
                if (i == 0 or not _word_char(low[i - 1])) and (j == end or not _word_char(low[j])):
                    return True
                i = low.find(w, i + 1)
        return False

    @cached_property
    def words(self) -> frozenset[str]:
        """Lower-case alphanumeric words of the text: a cheap prefilter before regexes."""
        return frozenset(_WORD.findall(self.lowered))


@dataclass(frozen=True)
class Context:
    catalog: Catalog
    index: CatalogIndex


Record = Evidence | Finding


@dataclass(frozen=True)
class Detector:
    name: str
    accepts: Callable[[str, str, Context], bool]  # (rel path, base name, context) -> bool
    detect: Callable[[Source, Context], Iterable[Record]]
    needs_text: bool = True  # False: the file's presence is the evidence, so skip the read
    # Lower-case literals one of which must be in a file's lower-cased path or text for the
    # detector to find anything there: the scanner skips the detector on other files. Every
    # detector test checks this claim (tests/conftest.py). None (or a None result): run on
    # every accepted file.
    literals: Callable[[Context], Iterable[str] | None] | None = None
    # When "one literal is enough" is too coarse: the test on the literals found instead.
    triggered: Callable[[frozenset[str], Context], bool] | None = None
