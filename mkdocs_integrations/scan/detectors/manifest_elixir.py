"""Elixir packages: mix.exs dependency tuples and mix.lock for resolved versions.

mix.exs is Elixir code, so it is read for the one shape Mix documents for a dependency
(`{:name, "~> 1.0", opts}` or `{:name, git:/github:/path: ...}`) rather than evaluated.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from ...model import PACKAGE, Evidence
from ..lexing import HASH, strip_comments
from ._infra import locked_package
from .base import BadInput, Context, Detector, Record, Source

# `{:postgrex, ">= 0.0.0"}`, `{:ex_aws_s3, "~> 2.0", only: :prod}`, `{:dep, github: "o/r"}`,
# `{:dep, path: "../dep", override: true}`; `hex: :real_name` renames the package.
_DEP = re.compile(r"""\{\s*:([a-z_][a-z0-9_]*)\s*,\s*(?:"([^"\n]*)"|(?=(?:git|github|path|in_umbrella|hex|sparse|override|only|runtime|optional)\s*:))""")
_OPTS_END = re.compile(r"\}")
_HEX_NAME = re.compile(r"\bhex\s*:\s*:([a-z_][a-z0-9_]*)")
_ONLY = re.compile(r"\bonly\s*:\s*(\[[^\]]*\]|:\w+)")
_SOURCE = re.compile(r"\b(git|github|path|in_umbrella)\s*:")


def detect_mix_exs(src: Source, ctx: Context) -> Iterator[Record]:
    text = strip_comments(src.text, HASH)
    for m in _DEP.finditer(text):
        end = _OPTS_END.search(text, m.end())
        opts = text[m.end():end.start() if end else len(text)]
        renamed = _HEX_NAME.search(opts)
        name = renamed.group(1) if renamed else m.group(1)
        detail: list[tuple[str, str]] = []
        only = _ONLY.search(opts)
        if only:
            detail.append(("only", ",".join(re.findall(r":(\w+)", only.group(1)))))
        source = _SOURCE.search(opts)
        if source:
            detail.append(("source", "path" if source.group(1) in ("path", "in_umbrella") else "git"))
        yield Evidence(
            path=src.rel, line=src.line_of(m.start()), kind=PACKAGE, name=name,
            version=(m.group(2) or "")[:60], ecosystem="hex", detail=tuple(detail),
        )


# `  "postgrex": {:hex, :postgrex, "0.17.5", "sha", [:mix], [...], "hexpm", "sha"},`
_LOCK = re.compile(r"""^\s*"([a-z0-9_]+)"\s*:\s*\{\s*:(\w+)\s*,\s*:([a-z0-9_]+)\s*,\s*"([^"]+)\"""", re.M)


def detect_mix_lock(src: Source, ctx: Context) -> Iterator[Record]:
    """Resolved versions of the packages the catalog knows: a lockfile lists the whole graph."""
    if src.text.strip() and not src.text.lstrip().startswith("%{"):
        raise BadInput("not a mix.lock map (expected it to start with %{)", 1)
    for m in _LOCK.finditer(src.text):
        kind, name, version = m.group(2), m.group(3), m.group(4)
        if kind != "hex":
            continue
        found = locked_package(src, ctx, "hex", name, version, src.line_of(m.start(1)))
        if found:
            yield found


DETECTOR = Detector(
    name="elixir-mix",
    accepts=lambda rel, name, ctx: name in ("mix.exs", "mix.lock"),
    detect=lambda src, ctx: detect_mix_lock(src, ctx) if src.name == "mix.lock" else detect_mix_exs(src, ctx),
)
