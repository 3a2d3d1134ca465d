"""NuGet packages: SDK-style and legacy project files (*.csproj, *.fsproj, *.vbproj),
central package management (Directory.Packages.props), Directory.Build.props, and
packages.config.

Versions written as `$(Property)` are resolved from the file's own `<PropertyGroup>`s,
which is where such properties almost always live.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from collections.abc import Iterator

from ...model import PACKAGE, Evidence
from ._infra import blank_xml_comments as _blank_xml_comments
from ._infra import xml_local as _local
from ._infra import xml_properties
from ._infra import xml_root as _xml
from .base import Context, Detector, Record, Source

PROJECT_EXTS = (".csproj", ".fsproj", ".vbproj")
PROPS_FILES = ("Directory.Packages.props", "Directory.Build.props", "Directory.Build.targets", "packages.config")
_PROPERTY = re.compile(r"\$\(([A-Za-z_][\w.-]*)\)")


def _attr(el: ET.Element, name: str) -> str:
    """Attribute by case-insensitive name: MSBuild does not care, and neither do projects."""
    for key, value in el.attrib.items():
        if key.lower() == name.lower():
            return value.strip()
    return ""


def _child_text(el: ET.Element, name: str) -> str:
    for c in el:
        if _local(c.tag).lower() == name.lower():
            return (c.text or "").strip()
    return ""


def detect(src: Source, ctx: Context) -> Iterator[Record]:
    root = _xml(src)
    props = xml_properties(root, "PropertyGroup")
    text = _blank_xml_comments(src.text)
    cursor = 0
    legacy = src.name == "packages.config"
    for el in root.iter():
        tag = _local(el.tag)
        if legacy:
            if tag != "package":
                continue
            name, version, attr = _attr(el, "id"), _attr(el, "version"), "id"
            detail: tuple[tuple[str, str], ...] = (("development", "1"),) if _attr(el, "developmentDependency") == "true" else ()
        elif tag in ("PackageReference", "PackageVersion", "GlobalPackageReference"):
            name, attr = _attr(el, "Include"), "Include"
            version = (
                _attr(el, "Version") or _child_text(el, "Version")
                or _attr(el, "VersionOverride") or _child_text(el, "VersionOverride")
            )
            detail = (("central", "1"),) if tag == "PackageVersion" else ()
        else:
            continue
        if not name or "$(" in name:
            continue
        version = _PROPERTY.sub(lambda m: props.get(m.group(1), m.group(0)), version)
        rx = re.compile(r"""\b""" + attr + r"""\s*=\s*["']\s*""" + re.escape(name) + r"""\s*["']""", re.I)
        m = rx.search(text, cursor) or rx.search(text)
        if m:
            cursor = m.end()
        yield Evidence(
            path=src.rel, line=src.line_of(m.start()) if m else 1, kind=PACKAGE, name=name,
            version=version[:60], ecosystem="nuget", detail=detail,
        )


DETECTOR = Detector(
    name="dotnet",
    accepts=lambda rel, name, ctx: name.endswith(PROJECT_EXTS) or name in PROPS_FILES,
    detect=detect,
)
