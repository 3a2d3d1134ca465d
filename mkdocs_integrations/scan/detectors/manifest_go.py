"""Go modules: the `require` directives of go.mod.

go.sum is not read: it lists every module of the build graph (and every version ever
resolved), so it adds noise without adding a service that go.mod does not already name.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from ...model import PACKAGE, Evidence
from .base import BadInput, Context, Detector, Record, Source

# A module path, possibly quoted, then a version: `github.com/x/y v1.2.3`.
_ENTRY = re.compile(r"""^\s*("[^"]+"|`[^`]+`|[^\s"`]+)\s+(\S+)\s*$""")
_BLOCK_START = re.compile(r"^\s*(require|replace|exclude|retract|tool|godebug|ignore)\s*\(\s*$")
_SINGLE_REQUIRE = re.compile(r"^\s*require\s+(.*)$")


def _split_comment(line: str) -> tuple[str, str]:
    """(code, comment) of one go.mod line; `//` only starts a comment outside quotes."""
    m = re.match(r"""^((?:[^/"`]|"[^"]*"|`[^`]*`|/(?!/))*)(//.*)?$""", line)
    if not m:
        return line, ""
    return m.group(1), (m.group(2) or "")[2:].strip()


def _entry(src: Source, lineno: int, code: str, comment: str) -> Evidence:
    m = _ENTRY.match(code)
    if not m:
        raise BadInput("require entry needs a module path and a version", lineno)
    path, version = m.group(1).strip('"`'), m.group(2)
    if not version.startswith("v"):
        raise BadInput("invalid version in require entry (expected v1.2.3 or a pseudo-version)", lineno)
    indirect = re.match(r"indirect\b", comment) is not None
    return Evidence(
        path=src.rel,
        line=lineno,
        kind=PACKAGE,
        name=path,
        version=version,
        ecosystem="go",
        detail=(("indirect", "1"),) if indirect else (),
    )


def detect_go_mod(src: Source, ctx: Context) -> Iterator[Record]:
    block: str | None = None
    block_line = 0
    for lineno, raw in enumerate(src.text.splitlines(), start=1):
        code, comment = _split_comment(raw)
        if not code.strip():
            continue
        if block is not None:
            if code.strip() == ")":
                block = None
            elif block == "require":
                yield _entry(src, lineno, code, comment)
            continue
        start = _BLOCK_START.match(code)
        if start:
            block, block_line = start.group(1), lineno
            continue
        single = _SINGLE_REQUIRE.match(code)
        if single:
            yield _entry(src, lineno, single.group(1), comment)
    if block is not None:
        raise BadInput(f"'{block} (' block is never closed", block_line)


DETECTOR = Detector(
    name="go-modules",
    accepts=lambda rel, name, ctx: name == "go.mod",
    detect=detect_go_mod,
)
