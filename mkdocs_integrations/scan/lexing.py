"""Comment stripping that keeps line numbers and string literals intact.

Comments are not evidence of use ("# TODO: try Stripe"), but URLs inside strings contain
"//", so a regex cannot tell the two apart; this small scanner can.
"""

from __future__ import annotations

import re

# Comment syntax per language family.
C_STYLE = "c"  # // and /* */  (JS/TS, Go, Java, Kotlin, C#, Rust, Swift)
HASH = "hash"  # #             (Ruby, shell, YAML, TOML)
PHP = "php"  # //, /* */ and #
PY = "python"  # # and docstrings (bare triple-quoted statements)

# One regex per comment style matches, from a position, a run of code and strings followed
# by at most one comment, so the per-character work stays inside the regex engine and Python
# runs once per comment (a loop per token was the code detector's costliest step). Every
# alternative after the run is optional, so a match never fails and never backtracks: the
# greedy run is what a left-to-right lexer would read. Strings stop at the line end when
# unterminated (apostrophes in prose), and a backslash escapes any character.
_SINGLE = r"'(?:[^'\\\n]+|\\.)*'?"
_DOUBLE = r'"(?:[^"\\\n]+|\\.)*"?'
_BACKTICK = r"`(?:[^`\\]+|\\.)*`?"
_TRIPLE = r"'''(?:[^']+|'(?!''))*(?:'''|\Z)|" + r'"""(?:[^"]+|"(?!""))*(?:"""|\Z)'
_LINE_C, _BLOCK_C, _LINE_HASH = r"//[^\n]*", r"/\*.*?(?:\*/|\Z)", r"#[^\n]*"
_RUNS = {
    C_STYLE: re.compile(
        rf"((?:[^'\"`/]+|/(?![/*])|{_SINGLE}|{_DOUBLE}|{_BACKTICK})*)({_LINE_C}|{_BLOCK_C})?", re.S),
    HASH: re.compile(rf"((?:[^'\"#]+|{_TRIPLE}|{_SINGLE}|{_DOUBLE})*)({_LINE_HASH})?", re.S),
    # PHP 8 attributes (`#[Route(...)]`) are code, not comments.
    PHP: re.compile(
        rf"((?:[^'\"`/#]+|/(?![/*])|#\[|{_SINGLE}|{_DOUBLE}|{_BACKTICK})*)({_LINE_C}|{_BLOCK_C}|{_LINE_HASH})?",
        re.S),
}
_NOT_NEWLINE = re.compile(r"[^\n]")


def strip_comments(text: str, style: str) -> str:
    """Blank out comments (newlines kept), leave strings and code unchanged."""
    if style == PY:
        return _blank_docstrings(strip_comments(text, HASH))
    run = _RUNS[style].match
    out: list[str] = []
    pos, n = 0, len(text)
    while pos < n:
        m = run(text, pos)
        code, comment = m.group(1, 2)
        if comment is None and m.end() == pos:  # a lone character no alternative takes
            out.append(text[pos])
            pos += 1
            continue
        out.append(code)
        if comment is not None:
            out.append(_NOT_NEWLINE.sub(" ", comment) if comment.startswith("/*") else " " * len(comment))
        pos = m.end()
    return "".join(out)


# A triple-quoted string that starts its line: a docstring, or a bare string statement that
# documents the code around it (a parser module's """See https://gitlab.com/...schema""").
# It is prose, like a comment, unless the line before leaves an expression open, as in
# `execute(` or `query = (` followed by the string on its own line.
# Possessive, as _STRING_TOKENS: a string token never gives characters back.
_PY_STRINGS = re.compile(
    r"'''(?:[^']++|'(?!''))*+(?:'''|\Z)"
    r'|"""(?:[^"]++|"(?!""))*+(?:"""|\Z)'
    r"|'(?:[^'\\\n]++|\\.)*+'?"
    r'|"(?:[^"\\\n]++|\\.)*+"?',
    re.S,
)
_STRING_PREFIX = re.compile(r"[ \t]*(?:[rRuUbB]{1,2})?")
_OPEN_EXPRESSION = re.compile(r"""(?:[(\[{,=+%*\\-]|\b(?:return|yield|await|lambda|in|and|or|not|else|if))[ \t]*$""")


def _blank_docstrings(code: str) -> str:
    """Blank each docstring of comment-free Python (newlines kept). Strings are read in order,
    so a string's closing quotes are never taken for another's opening."""
    if '"""' not in code and "\'\'\'" not in code:
        return code
    out: list[str] = []
    pos = 0
    for m in _PY_STRINGS.finditer(code):
        if not m.group().startswith(('"""', "\'\'\'")):
            continue
        line_start = code.rfind("\n", 0, m.start()) + 1
        if _STRING_PREFIX.fullmatch(code, line_start, m.start()) is None:
            continue  # the string follows code on its line: `x = """...`
        if _OPEN_EXPRESSION.search(_previous_line(code, line_start)):
            continue  # an argument or value on its own line: a string the code uses
        indent = len(code[line_start:m.start()]) - len(code[line_start:m.start()].lstrip(" \t"))
        out.append(code[pos:line_start + indent])
        out.append(_NOT_NEWLINE.sub(" ", code[line_start + indent:m.end()]))  # the `r` prefix too
        pos = m.end()
    out.append(code[pos:])
    return "".join(out)


def _previous_line(code: str, line_start: int) -> str:
    """The last line with any code before the line starting at `line_start` ('' at the top)."""
    end = line_start - 1
    while end > 0:
        start = code.rfind("\n", 0, end) + 1
        line = code[start:end]
        if line.strip():
            return line.rstrip()
        end = start - 1
    return ""


# The lexer's string forms with possessive repeats: a string token never gives characters back.
_STRING_TOKENS = re.compile(r"""'(?:[^'\\\n]++|\\.)*+'?|"(?:[^"\\\n]++|\\.)*+"?|`(?:[^`\\]++|\\.)*+`?""", re.S)


def multiline_template_spans(text: str) -> list[tuple[int, int]]:
    """(start, end) of each backtick string spanning lines in comment-free C-style code: a
    code sample the app shows or writes out (an onboarding page's `import { x } from "y"`
    snippet), whose statements are text, not the file's own code."""
    if "`" not in text:
        return []
    return [(m.start(), m.end()) for m in _STRING_TOKENS.finditer(text)
            if m.group().startswith("`") and "\n" in m.group()]


def line_of(text: str, offset: int) -> int:
    """1-based line number of a character offset."""
    return text.count("\n", 0, offset) + 1


class LineIndex:
    """Offset → line lookups in O(log n), for files with many matches."""

    def __init__(self, text: str) -> None:
        self._starts = [0] + [m.end() for m in re.finditer("\n", text)]

    def line(self, offset: int) -> int:
        import bisect

        return bisect.bisect_right(self._starts, offset)
