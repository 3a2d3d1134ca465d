"""Comment stripping: what counts as a comment, and the regex lexer checked against a plain
left-to-right lexer (the implementation it replaced) on generated text."""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from mkdocs_integrations.scan.lexing import C_STYLE, HASH, PHP, PY, strip_comments


@pytest.mark.parametrize(
    ("style", "text", "expected"),
    [
        (C_STYLE, 'const u = "https://api.stripe.com"; // call Stripe\n',
         'const u = "https://api.stripe.com";               \n'),
        (C_STYLE, "a /* one\ntwo */ b", "a       \n       b"),
        (C_STYLE, "`http://x ${y}` // c", "`http://x ${y}`     "),
        (C_STYLE, "x = 'it''s' // c\n", "x = 'it''s'     \n"),
        (C_STYLE, "s = 'don\\'t // keep'", "s = 'don\\'t // keep'"),
        (C_STYLE, "a / b / c", "a / b / c"),
        (C_STYLE, "/* never closed\nstripe", "               \n      "),
        (HASH, 'x = "#not" # yes\n', 'x = "#not"      \n'),
        (HASH, '"""doc # keep\n"""  # drop', '"""doc # keep\n"""        '),
        (HASH, "name = `cmd` # c", "name = `cmd`    "),
        (HASH, "it's # prose\nnext", "it's # prose\nnext"),  # unterminated string ends at the line end
        (PHP, "#[Route('/x')]\n# c\n// d\n$a = 1;", "#[Route('/x')]\n   \n    \n$a = 1;"),
        # Python's docstrings are prose: a parser's """See https://gitlab.com/...""" is no call
        (PY, 'def f():\n    """See https://x.io"""  # c\n', 'def f():\n' + ' ' * 31 + '\n'),
        (PY, "class A:\n    r'''Doc\n    x'''\n", "class A:\n           \n        \n"),
        # a string that closes on its own line is not another's opening
        (PY, 'q = """\nSELECT\n"""\nx = 1\n', 'q = """\nSELECT\n"""\nx = 1\n'),
        # an argument or a returned value on its own line is a string the code uses
        (PY, 'get(\n    """https://api.x.io"""\n)', 'get(\n    """https://api.x.io"""\n)'),
        (PY, 'return \\\n  """https://x.io"""', 'return \\\n  """https://x.io"""'),
    ],
)
def test_strip_comments(style: str, text: str, expected: str) -> None:
    assert strip_comments(text, style) == expected


def _reference(text: str, style: str) -> str:
    """A character-level lexer: slow, obviously right, the oracle for the regex lexer."""
    body = {"'": re.compile(r"(?:[^'\\\n]|\\.)*", re.S), '"': re.compile(r'(?:[^"\\\n]|\\.)*', re.S),
            "`": re.compile(r"(?:[^`\\]|\\.)*", re.S)}
    out, i, n = [], 0, len(text)
    hashes, slashes, backticks = style in (HASH, PHP), style in (C_STYLE, PHP), style in (C_STYLE, PHP)
    while i < n:
        m = re.compile(r"""['"`]|/\*|//|#""").search(text, i)
        if not m:
            out.append(text[i:])
            break
        j, tok = m.start(), m.group(0)
        out.append(text[i:j])
        if tok in ("'", '"') or (tok == "`" and backticks):
            if style == HASH and text.startswith(tok * 3, j):
                end = text.find(tok * 3, j + 3)
                end = n if end < 0 else end + 3
            else:
                k = body[tok].match(text, j + 1).end()
                end = k + 1 if k < n and text[k] == tok else min(k, n)
            out.append(text[j:end])
        elif (tok == "//" and slashes) or (tok == "#" and hashes and not (style == PHP and text.startswith("#[", j))):
            end = text.find("\n", j)
            end = n if end < 0 else end
            out.append(" " * (end - j))
        elif tok == "/*" and slashes:
            end = text.find("*/", j + 2)
            end = n if end < 0 else end + 2
            out.append(re.sub(r"[^\n]", " ", text[j:end]))
        else:
            out.append(tok)
            end = j + len(tok)
        i = end
    return "".join(out)


@settings(max_examples=600, deadline=None)
@given(st.text(alphabet="'\"`/*#[\\\n ax", max_size=60), st.sampled_from([C_STYLE, HASH, PHP]))
def test_strip_comments_matches_a_character_level_lexer(text: str, style: str) -> None:
    stripped = strip_comments(text, style)
    assert stripped == _reference(text, style)
    assert len(stripped) == len(text) and stripped.count("\n") == text.count("\n")


def test_multiline_template_spans():
    from mkdocs_integrations.scan.lexing import multiline_template_spans

    text = "const a = `one line`;\nconst b = `two\nlines ${x}`;\nconst c = 'it`s';\n"
    spans = multiline_template_spans(text)
    assert [text[s:e] for s, e in spans] == ["`two\nlines ${x}`"]
