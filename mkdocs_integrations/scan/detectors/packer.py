"""Packer templates: the clouds an application builds its machine images on.

A one-click image for a cloud marketplace (`"builders": [{"type": "digitalocean"}]` in a JSON
template, `source "amazon-ebs" "app" {` in `*.pkr.hcl`) is built with that cloud's API token on
that cloud, as a Terraform resource is provisioned there; the catalog's `packer` builder types
name the service. Other builders (`docker`, `qemu`, `virtualbox`, `file`) name no vendor and
are left out by the catalog. Records: FEATURE "packer:<builder type>" on the type's line.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator

from ...model import FEATURE, Evidence
from ...paths import is_test_path
from ..lexing import PHP, strip_comments
from .base import Context, Detector, Record, Source

# HCL2 templates: `source "<builder type>" "<name>" {` (Terraform has no two-label `source` block).
_HCL_SOURCE = re.compile(r'^[ \t]*source[ \t]+"([a-z0-9][a-z0-9_-]{0,63})"[ \t]+"[^"\n]{0,200}"[ \t]*\{', re.M)
_NOT_TEMPLATES = frozenset({"package.json", "package-lock.json", "composer.json", "tsconfig.json"})


def _accepts(rel: str, name: str, ctx: Context) -> bool:
    low = name.lower()
    if low.endswith(".pkr.hcl"):
        return not is_test_path(rel)
    return low.endswith(".json") and low not in _NOT_TEMPLATES and not is_test_path(rel)


def _builders(text: str) -> list[str]:
    """The builder types of a legacy JSON template (a top-level `builders` list of objects with a `type`)."""
    try:
        root = json.loads(text)
    except ValueError:
        return []
    if not isinstance(root, dict) or not isinstance(root.get("builders"), list):
        return []
    return [b["type"] for b in root["builders"] if isinstance(b, dict) and isinstance(b.get("type"), str)]


def detect(src: Source, ctx: Context) -> Iterator[Record]:
    if src.name.lower().endswith(".pkr.hcl"):
        text = strip_comments(src.text, PHP)  # HCL comments: #, // and /* */
        found = [(m.group(1), m.start(1)) for m in _HCL_SOURCE.finditer(text)]
    else:
        if '"builders"' not in src.text:
            return  # gated by "source " too: only a JSON template is parsed
        found = []
        for builder in _builders(src.text):
            m = re.search(r'"type"\s{0,20}:\s{0,20}"' + re.escape(builder) + '"', src.text)
            found.append((builder, m.start() if m else 0))
    seen: set[str] = set()
    for builder, offset in found:
        sid = ctx.index.packer(builder)
        if sid is None or builder in seen:
            continue
        seen.add(builder)
        yield Evidence(path=src.rel, line=src.line_of(offset), kind=FEATURE, name=f"packer:{builder}", service=sid)


DETECTOR = Detector(
    name="packer",
    accepts=_accepts,
    detect=detect,
    # a JSON template's builders list, an HCL template's source block
    literals=lambda ctx: ('"builders"', "source "),
)
