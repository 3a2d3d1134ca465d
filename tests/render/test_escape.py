"""Escaping: any scanned string renders as inert text in Markdown + HTML."""

from __future__ import annotations

import markdown
from hypothesis import given, settings
from hypothesis import strategies as st

from mkdocs_integrations.render.escape import code, link, md

EXTENSIONS = ["tables", "toc", "attr_list", "admonition", "md_in_html", "pymdownx.superfences", "pymdownx.emoji",
              "pymdownx.magiclink", "pymdownx.arithmatex", "pymdownx.mark", "pymdownx.caret", "pymdownx.tilde"]


def render(text: str) -> str:
    return markdown.markdown(text, extensions=EXTENSIONS)


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=80))
def test_escaped_text_creates_no_markup(s):
    html = render(f"prefix {md(s)} suffix")
    # One paragraph, no element other than <p>: no links, emphasis, code, html, math...
    assert html.startswith("<p>prefix") and html.endswith("suffix</p>")
    assert html.count("<") == 2


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=60))
def test_escaped_text_in_a_table_cell_stays_in_its_cell(s):
    html = render(f"| a | b |\n|---|---|\n| {md(s)} | end |\n")
    assert html.count("<td>") == 2 and "<td>end</td>" in html


def test_hostile_strings():
    for hostile in ['<script>alert(1)</script>', '[x](javascript:alert(1))', '<img src=x onerror=alert(1)>',
                    '{{ config }}', '![i](http://evil/x.png)', '**bold** _it_', '`code`', ':warning:',
                    '$x$', '==mark==', '| cell |', '@user', '&amp; &lt;']:
        html = render(f"x {md(hostile)}")
        assert "<script" not in html and "<img" not in html and "<a " not in html and "<strong" not in html
        assert "<em" not in html and "<code" not in html and "<mark" not in html


def test_code_only_accepts_identifiers():
    assert code("STRIPE_SECRET_KEY") == "`STRIPE_SECRET_KEY`"
    assert code("@sendgrid/mail") == "`@sendgrid/mail`"
    assert "`" not in code("a`b")


def test_link_escapes_text_and_url():
    out = link("a]b", "https://x.test/a b)")
    assert "](https://x.test/a%20b%29)" in out and "a&#93;b" in out
