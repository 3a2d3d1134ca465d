"""Parsing helpers shared by the detectors (manifests, CI, hosting, compose, terraform).

Infrastructure files are YAML, TOML or JSON. We need both their structure and the line
each fact sits on, so YAML is read as a node tree (nodes carry their line) and TOML/JSON
lines are found by text. Any parse error becomes `BadInput` with the failing line, so the
runner can warn "file:line" and carry on with the other files.

Not a detector: the registry skips modules whose name starts with "_".
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from typing import Any

import xml.etree.ElementTree as ET

import yaml

from ..lexing import C_STYLE, strip_comments
from .base import BadInput, Source

import tomllib


class _Loader(yaml.SafeLoader):
    """SafeLoader that accepts unknown tags (`!reference`, `!Ref`, `!Sub`) as plain data."""


def _any_tag(loader: yaml.SafeLoader, suffix: str, node: yaml.Node) -> Any:
    if isinstance(node, yaml.ScalarNode):
        return loader.construct_scalar(node)
    if isinstance(node, yaml.SequenceNode):
        return loader.construct_sequence(node, deep=True)
    return loader.construct_mapping(node, deep=True)  # type: ignore[arg-type]


_Loader.add_multi_constructor("!", _any_tag)


# PyYAML quotes file text in some problems: "found undefined alias 'Xk9…'" is a password
# that starts with "*". Quoted single characters and tokens ("','", "'<stream end>'") stay;
# any other quoted text is dropped.
_QUOTED = re.compile(
    r"(?P<keep>'(?:\\.|[^'\\]){1,2}'|\"(?:\\.|[^\"\\]){1,2}\"|'<[a-z ]+>')"
    r"|'[^'\n]*'|\"[^\"\n]*\""
)


def _unquote(m: re.Match[str]) -> str:
    return m.group(0) if m.group("keep") else "(text not shown)"


def _yaml_error(exc: yaml.YAMLError) -> BadInput:
    mark = getattr(exc, "problem_mark", None) or getattr(exc, "context_mark", None)
    problem = getattr(exc, "problem", None) or str(exc).splitlines()[0]
    problem = _QUOTED.sub(_unquote, str(problem))[:120]
    return BadInput(f"invalid YAML ({problem})", mark.line + 1 if mark else 0)


# A tab after a line's first non-blank character (`if: github.event_name<TAB>== 'release'`):
# YAML 1.2 parsers (GitHub Actions', most CI systems') take it as white space inside the value;
# PyYAML's scanner refuses it ("found character '\t' that cannot start any token") and would
# lose the whole file. Tabs in the indentation stay: no YAML allows those.
_INNER_TAB = re.compile(r"(?m)(?<=\S)([^\S\n]*)\t")


def _tab_error(exc: yaml.YAMLError) -> bool:
    return isinstance(exc, yaml.scanner.ScannerError) and "'\\t'" in str(getattr(exc, "problem", ""))


def _untabbed(text: str) -> str:
    """The text with inner tabs as spaces (same length: lines and columns keep their places)."""
    while True:
        new = _INNER_TAB.sub(lambda m: m.group(1) + " ", text)
        if new == text:
            return text
        text = new


def _parsed(src: Source, parse: Any) -> Any:
    try:
        return parse(src.text)
    except yaml.YAMLError as exc:
        if _tab_error(exc) and "\t" in src.text:
            try:
                return parse(_untabbed(src.text))
            except yaml.YAMLError:
                pass
        raise _yaml_error(exc) from None


def yaml_docs(src: Source) -> list[yaml.Node]:
    """The documents of a YAML file as node trees (empty documents dropped)."""
    return _parsed(src, lambda text: [d for d in yaml.compose_all(text, Loader=_Loader) if d is not None])


def yaml_data(src: Source) -> Any:
    """The first YAML document as plain Python data (for structure, not lines)."""
    return _parsed(src, lambda text: yaml.load(text, Loader=_Loader))  # noqa: S506 - a SafeLoader subclass


def toml_data(src: Source) -> dict[str, Any]:
    try:
        return tomllib.loads(src.text)
    except tomllib.TOMLDecodeError as exc:
        m = re.search(r"line (\d+)", str(exc))
        at = int(m.group(1)) if m else (src.text.count("\n") + 1 if "end of document" in str(exc) else 0)
        raise BadInput(f"invalid TOML ({str(exc).split(' (at', 1)[0]})", at) from None


def xml_root(src: Source) -> ET.Element:
    """The parsed XML document (expat: no external entities are fetched)."""
    try:
        return ET.fromstring(src.text.lstrip("\ufeff"))
    except ET.ParseError as exc:
        raise BadInput(f"invalid XML ({exc})", exc.position[0]) from None


def xml_local(tag: object) -> str:
    """A tag without its namespace: `{http://maven.apache.org/POM/4.0.0}dependency` → dependency."""
    return tag.rsplit("}", 1)[-1] if isinstance(tag, str) else ""


def xml_properties(root: ET.Element, container: str, into: dict[str, str] | None = None) -> dict[str, str]:
    """Name → value of the children of every `container` element (Maven <properties>,
    MSBuild <PropertyGroup>); the first definition wins, as both tools resolve them."""
    props = {} if into is None else into
    for group in root.iter():
        if xml_local(group.tag) == container:
            for p in group:
                if isinstance(p.tag, str) and (p.text or "").strip():
                    props.setdefault(xml_local(p.tag), p.text.strip())
    return props


def blank_xml_comments(text: str) -> str:
    """Comments blanked (newlines kept), so text searches for line numbers skip them."""
    return re.sub(r"<!--.*?-->", lambda m: re.sub(r"[^\n]", " ", m.group(0)), text, flags=re.S)


def json_data(src: Source) -> Any:
    try:
        return json.loads(src.text)
    except json.JSONDecodeError as exc:
        raise BadInput(f"invalid JSON ({exc.msg})", exc.lineno) from None


# A string literal (kept) or a comma before a closing bracket (dropped).
_TRAILING_COMMA = re.compile(r'("(?:[^"\\\n]|\\.)*")|,(\s*[}\]])')


def jsonc_data(src: Source) -> Any:
    """JSON with comments and trailing commas (JSONC: wrangler.jsonc, VS Code-style configs),
    read with its lines kept so errors and line look-ups still point at the file's lines."""
    text = _TRAILING_COMMA.sub(lambda m: m.group(1) or m.group(2), strip_comments(src.text, C_STYLE))
    try:
        return json.loads(text)
    except json.JSONDecodeError as exc:
        raise BadInput(f"invalid JSON ({exc.msg})", exc.lineno) from None


# -- YAML node access -----------------------------------------------------------------------


def mapping(value: Any) -> dict[Any, Any]:
    """`value` when it is a mapping, else empty: parsed JSON/TOML/YAML can hold any type
    where a config file's schema wants a table (`"env": 3`)."""
    return value if isinstance(value, dict) else {}


def sequence(value: Any) -> list[Any]:
    """`value` when it is a list, else empty (see `mapping`)."""
    return value if isinstance(value, list) else []


def line(node: yaml.Node) -> int:
    return node.start_mark.line + 1


def pairs(node: yaml.Node | None) -> list[tuple[str, yaml.Node, yaml.Node]]:
    """(key, key node, value node) of a mapping; `<<: *anchor` merges are flattened in."""
    if not isinstance(node, yaml.MappingNode):
        return []
    own: list[tuple[str, yaml.Node, yaml.Node]] = []
    merged: list[tuple[str, yaml.Node, yaml.Node]] = []
    for k, v in node.value:
        key = k.value if isinstance(k, yaml.ScalarNode) else ""
        if key == "<<":
            for m in (v.value if isinstance(v, yaml.SequenceNode) else [v]):
                merged.extend(pairs(m))
        else:
            own.append((str(key), k, v))
    seen = {k for k, _, _ in own}
    return own + [p for p in merged if p[0] not in seen]


def get(node: yaml.Node | None, *keys: str) -> yaml.Node | None:
    """The value node at a key path, or None."""
    for key in keys:
        found = None
        for k, _, v in pairs(node):
            if k == key:
                found = v
                break
        if found is None:
            return None
        node = found
    return node


def key_node(node: yaml.Node | None, key: str) -> yaml.Node | None:
    for k, kn, _ in pairs(node):
        if k == key:
            return kn
    return None


def scalar(node: yaml.Node | None) -> str | None:
    return node.value if isinstance(node, yaml.ScalarNode) else None


def items(node: yaml.Node | None) -> list[yaml.Node]:
    return list(node.value) if isinstance(node, yaml.SequenceNode) else []


def strings(node: yaml.Node | None) -> list[tuple[str, int]]:
    """A scalar or a list of scalars, as (text, line)."""
    if isinstance(node, yaml.ScalarNode):
        return [(node.value, line(node))]
    return [(n.value, line(n)) for n in items(node) if isinstance(n, yaml.ScalarNode)]


def walk(node: yaml.Node | None, _seen: set[int] | None = None) -> Iterator[yaml.Node]:
    """Every node under `node` (aliases visited once)."""
    seen = set() if _seen is None else _seen
    if node is None or id(node) in seen:
        return
    seen.add(id(node))
    yield node
    if isinstance(node, yaml.MappingNode):
        for k, v in node.value:
            yield from walk(k, seen)
            yield from walk(v, seen)
    elif isinstance(node, yaml.SequenceNode):
        for v in node.value:
            yield from walk(v, seen)


def env_names(node: yaml.Node | None) -> list[tuple[str, int]]:
    """Variable NAMES of an `environment:` block, mapping or `- KEY=value` list; never values."""
    if isinstance(node, yaml.MappingNode):
        return [(k, line(kn)) for k, kn, _ in pairs(node) if _ENV_NAME.match(k)]
    out = []
    for text, ln in strings(node):
        name = text.split("=", 1)[0].strip()
        if _ENV_NAME.match(name):
            out.append((name, ln))
    return out


_ENV_NAME = re.compile(r"^[A-Za-z_][A-Za-z0-9_.]*$")


# -- text lines -----------------------------------------------------------------------------


def find_line(text: str, pattern: str, start: int = 1, flags: int = re.M) -> int:
    """First line at or after `start` matching `pattern`; `start` itself when none does."""
    lines = text.splitlines()
    rx = re.compile(pattern, flags)
    for i in range(max(start, 1) - 1, len(lines)):
        if rx.search(lines[i]):
            return i + 1
    return max(start, 1)


def image_ref(text: str) -> str:
    """An image reference without its `@sha256:` digest (a hash, not a name, and long enough
    to be mistaken for a credential); `${IMAGE:-postgres:16}` gives its default."""
    text = text.strip()
    m = re.fullmatch(r"\$\{[A-Za-z_][A-Za-z0-9_]*:?-([^}]+)\}", text)
    return (m.group(1) if m else text).split("@", 1)[0]


def environment_of_path(rel: str, default: str) -> str:
    """production / staging / test / development from words in a path, else `default`."""
    words = set(re.split(r"[^a-z0-9]+", rel.lower()))
    for env, marks in (
        ("production", {"prod", "production", "prd"}),
        ("staging", {"staging", "stage", "stg", "preview"}),
        ("test", {"test", "testing", "ci"}),
        ("development", {"dev", "development", "local"}),
    ):
        if words & marks:
            return env
    return default


def locked_package(src: Source, ctx: Any, ecosystem: str, name: str, version: str, line: int) -> Any:
    """A lockfile's resolved package as evidence, only for packages the catalog knows: a
    lockfile lists the whole dependency graph, and its entries give versions, never use."""
    from ...model import PACKAGE, Evidence

    if not (ctx.index.package(ecosystem, name) or ctx.index.client_package(ecosystem, name)):
        return None
    return Evidence(
        path=src.rel, line=line, kind=PACKAGE, name=name, version=version, ecosystem=ecosystem,
        detail=(("locked", "1"),),
    )
