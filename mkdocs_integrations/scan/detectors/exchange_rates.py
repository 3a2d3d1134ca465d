"""Exchange-rate libraries' chains of rate services, named by the library's service names.

PHP's florianv/swap (with its Symfony bundle and laravel-swap) and florianv/exchanger fetch
currency rates from a chain of named services the app lists in its configuration, never
spelling a URL: the library knows the hosts.

    florianv_swap:                    # Symfony: config/packages/swap.yaml
      providers:
        european_central_bank: ~
        fixer: {access_key: '%env(FIXER_KEY)%'}

    'services' => [                   # Laravel: config/swap.php
        'european_central_bank' => true,
    ],

    (new Builder())->add('european_central_bank')->add('fixer', ['access_key' => $key])->build();

Each listed name the catalog knows as a service's driver word (`drivers: [fixer]`) is that
service; only catalog ids leave this module.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from ...model import FEATURE, Evidence
from .base import Context, Detector, Record, Source
from .code import language_for

_YAML = (".yml", ".yaml")
# The bundle's root key, then its `providers:` (or older `services:`) block.
_SWAP_ROOT = re.compile(r"^florianv_swap:[ \t]*$", re.M)
_BLOCK_KEY = re.compile(r"^([ \t]+)(?:providers|services):[ \t]*$", re.M)
_YAML_KEY = re.compile(r"^([ \t]*)([A-Za-z][\w]*)[ \t]*:")
# Laravel's config/swap.php: `'services' => [` then `'name' => ...` entries.
_PHP_SERVICES = re.compile(r"""['"]services['"]\s*=>\s*(?:\[|array\s*\()""")
_PHP_ENTRY = re.compile(r"""['"]([a-z][a-z0-9_]*)['"]\s*=>""")
# The builder's `->add('name'`, in a file that uses the library's builder.
_BUILDER_ADD = re.compile(r"""->add\(\s*['"]([a-z][a-z0-9_]*)['"]""")
_USES_SWAP = re.compile(r"\b(?:Swap\\Builder|Swap\\Laravel|Exchanger\\|SwapBuilder|florianv)", re.I)


def _yaml_names(text: str) -> Iterator[tuple[int, str]]:
    root = _SWAP_ROOT.search(text)
    if root is None:
        return
    rest = text[root.end():]
    end = re.search(r"^\S", rest, re.M)  # the next top-level key closes the bundle's block
    body = rest[: end.start()] if end else rest
    block = _BLOCK_KEY.search(body)
    if block is None:
        return
    indent = len(block.group(1).expandtabs())
    child: int | None = None
    offset = root.end() + block.end()
    for line in body[block.end():].splitlines(keepends=True):
        stripped = line.strip()
        if stripped and not stripped.startswith("#"):
            m = _YAML_KEY.match(line)
            depth = len(line) - len(line.lstrip(" \t"))
            if depth <= indent:
                break
            if child is None:
                child = depth
            if m and depth == child:
                yield offset + m.start(2), m.group(2)
        offset += len(line)


def _php_names(name: str, text: str) -> Iterator[tuple[int, str]]:
    # only the library's own config file or code using it: `'services' => [` keys elsewhere
    # (a Laravel config of mail or storage backends) are other libraries' names
    uses = _USES_SWAP.search(text) is not None
    m = _PHP_SERVICES.search(text) if uses or name.lower() == "swap.php" else None
    if m is not None:
        depth, i = 1, m.end()
        while i < len(text) and depth:
            c = text[i]
            if c in "[(":
                depth += 1
            elif c in "])":
                depth -= 1
            elif depth == 1 and c in "'\"":
                entry = _PHP_ENTRY.match(text, i)
                if entry:
                    yield entry.start(1), entry.group(1)
                    i = entry.end()
                    continue
                close = text.find(c, i + 1)  # a value string: skip it whole
                i = close if close > 0 else i
            i += 1
    if uses:
        for add in _BUILDER_ADD.finditer(text):
            yield add.start(1), add.group(1)


def detect(src: Source, ctx: Context) -> Iterator[Record]:
    if src.name.lower().endswith(_YAML):
        found = _yaml_names(src.text)
    else:
        lang = language_for(src.name)
        found = _php_names(src.name, src.stripped(lang.comments) if lang else src.text)
    seen: set[str] = set()
    for offset, name in found:
        sid = ctx.index.driver(name)
        if sid is None or sid in seen:
            continue
        seen.add(sid)
        yield Evidence(path=src.rel, line=src.line_of(offset), kind=FEATURE, name=f"rate_service:{name}", service=sid)


def accepts(rel: str, name: str, ctx: Context | None = None) -> bool:
    low = name.lower()
    return low.endswith(_YAML) or low.endswith(".php")


DETECTOR = Detector(
    name="exchange-rates",
    accepts=accepts,
    detect=detect,
    literals=lambda ctx: ("florianv_swap", "swap", "exchanger"),
)
