"""Escaping of untrusted text (anything read from the scanned repository) for Markdown + HTML.

The Jinja environment applies `md` to every `{{ … }}` output that is not already `Markup`,
so a template cannot forget it: scanned text is inert unless code here vouched for it.
"""

from __future__ import annotations

import re
from urllib.parse import quote

from markupsafe import Markup

MAX_TEXT = 200
# Kept verbatim: letters, digits, space and punctuation that no Markdown/HTML/Material
# extension gives a meaning inside a line. Everything else becomes a numeric entity.
_SAFE = set("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789 ,;/()'\"?%")
_BIDI_AND_CONTROL = re.compile("[\u0000-\u001f\u007f-\u009f\u200b-\u200f\u202a-\u202e\u2066-\u2069\ufeff]")
_CODE_OK = re.compile(r"^[A-Za-z0-9_@./:+\-]+$")


def md(value: object) -> Markup:
    """Text that renders exactly as written in Markdown, HTML, tables and Material."""
    if isinstance(value, Markup):
        return value
    text = "" if value is None else str(value)
    text = _BIDI_AND_CONTROL.sub(" ", text).strip()
    if len(text) > MAX_TEXT:
        text = text[: MAX_TEXT - 1] + "…"
    out = []
    n = len(text)
    for i, ch in enumerate(text):
        prev = text[i - 1] if i else " "
        nxt = text[i + 1] if i + 1 < n else " "
        if ch in _SAFE or (ord(ch) > 127 and ch.isprintable()):
            out.append(ch)
        elif ch == "." and not text[:i].isdigit():
            out.append(ch)  # only "1." at the start of a value could read as a list item
        elif ch == "-" and (i or nxt != " "):
            out.append(ch)  # only "- " at the start of a value could read as a list item
        elif ch == "_" and prev.isalnum() and nxt.isalnum():
            out.append(ch)  # intraword underscores are never emphasis in Python-Markdown
        elif ch == ":" and not (nxt.isalpha() or nxt in "/+-_"):
            out.append(ch)  # only ":emoji:" and "scheme:" shapes are syntax ("file.ts:12" is not)
        elif ch in "^~" and text.count(ch) == 1:
            out.append(ch)  # superscript/subscript need a pair ("^14.8.0" is a version)
        elif ch == "#" and i:
            out.append(ch)  # only a line start makes a heading
        else:
            out.append(f"&#{ord(ch)};")
    return Markup("".join(out))


def code(value: object) -> Markup:
    """An identifier (env var, package, host) as inline code; anything odd falls back to text."""
    text = "" if value is None else str(value)
    if text and len(text) <= MAX_TEXT and _CODE_OK.match(text):
        return Markup(f"`{text}`")
    return md(text)


def url_path(path: str) -> str:
    """A repository path for use inside a URL."""
    return quote(path, safe="/")


def link(text: object, url: str) -> Markup:
    """A Markdown link to a URL we built ourselves (repository, docs, sibling page)."""
    safe_url = url.replace(" ", "%20").replace(")", "%29").replace("(", "%28").replace("<", "%3C").replace(">", "%3E")
    return Markup(f"[{md(text)}]({safe_url})")


def join(items: list[Markup] | list[str], sep: str = ", ") -> Markup:
    return Markup(sep).join(md(i) for i in items)
