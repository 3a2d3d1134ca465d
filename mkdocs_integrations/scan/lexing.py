"""Comment stripping that keeps line numbers and string literals intact.

Comments are not evidence of use ("# TODO: try Stripe"), but URLs inside strings contain
"//", so a regex cannot tell the two apart; this small scanner can.
"""

from __future__ import annotations

import re

# Comment syntax per language family.
C_STYLE = "c"  # // and /* */  (JS/TS, Go, Java, Kotlin, C#, Rust, Swift)
HASH = "hash"  # #             (Python, Ruby, shell, YAML, TOML)
PHP = "php"  # //, /* */ and #

_STRING_START = re.compile(r"""['"`]|/\*|//|#""")


def strip_comments(text: str, style: str) -> str:
    """Blank out comments (newlines kept), leave strings and code unchanged."""
    out: list[str] = []
    i = 0
    n = len(text)
    hash_comments = style in (HASH, PHP)
    c_comments = style in (C_STYLE, PHP)
    backtick_strings = style in (C_STYLE, PHP)
    while i < n:
        m = _STRING_START.search(text, i)
        if not m:
            out.append(text[i:])
            break
        j = m.start()
        tok = m.group(0)
        out.append(text[i:j])
        if tok in ("'", '"') or (tok == "`" and backtick_strings):
            end = _string_end(text, j, tok, style)
            out.append(text[j:end])
            i = end
        elif tok == "//" and c_comments:
            end = text.find("\n", j)
            end = n if end < 0 else end
            out.append(" " * (end - j))
            i = end
        elif tok == "/*" and c_comments:
            end = text.find("*/", j + 2)
            end = n if end < 0 else end + 2
            out.append(_blank(text[j:end]))
            i = end
        elif tok == "#" and hash_comments and not _is_php_attribute(text, j, style):
            end = text.find("\n", j)
            end = n if end < 0 else end
            out.append(" " * (end - j))
            i = end
        else:
            out.append(tok)
            i = j + len(tok)
    return "".join(out)


def _is_php_attribute(text: str, j: int, style: str) -> bool:
    return style == PHP and text.startswith("#[", j)


def _blank(segment: str) -> str:
    return re.sub(r"[^\n]", " ", segment)


# The body of a string up to its closing quote, escapes included (one regex per quote kind
# instead of a Python loop over characters: this runs for every literal of every file).
_BODY = {
    "'": re.compile(r"(?:[^'\\\n]|\\.)*", re.S),
    '"': re.compile(r'(?:[^"\\\n]|\\.)*', re.S),
    "`": re.compile(r"(?:[^`\\]|\\.)*", re.S),
}


def _string_end(text: str, j: int, quote: str, style: str) -> int:
    n = len(text)
    if style == HASH and text.startswith(quote * 3, j):
        end = text.find(quote * 3, j + 3)
        return n if end < 0 else end + 3
    k = _BODY[quote].match(text, j + 1).end()
    if k < n and text[k] == quote:
        return k + 1
    return min(k, n)  # unterminated: stop at the line end (apostrophes in prose) or the end


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
