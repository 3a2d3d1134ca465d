"""JVM dependencies: Maven pom.xml, Gradle build scripts (Groovy and Kotlin DSL) and Gradle
version catalogs. Every coordinate is reported as `group:artifact`, the catalog's key.

Build scripts are programs; only the literal coordinate forms are read, and `${...}`
versions are resolved from properties or simple variables when that is a plain lookup.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from collections.abc import Iterator

from ...model import FEATURE, PACKAGE, Evidence
from ..lexing import C_STYLE, strip_comments
from ._infra import toml_data as _toml
from ._infra import blank_xml_comments as _blank_xml_comments
from ._infra import xml_local as _local
from ._infra import xml_properties
from ._infra import xml_root as _xml
from .base import Context, Detector, Record, Source


_PLACEHOLDER = re.compile(r"\$\{([^}]+)\}")


def _pkg(src: Source, line: int, coord: str, version: str, *detail: tuple[str, str]) -> Evidence:
    return Evidence(
        path=src.rel, line=line, kind=PACKAGE, name=coord, version=version[:60],
        ecosystem="maven", detail=tuple(d for d in detail if d[1]),
    )


def _resolve(value: str, props: dict[str, str]) -> str:
    """Substitute `${name}` from `props` (nested up to a few levels); unknown ones stay."""
    for _ in range(5):
        new = _PLACEHOLDER.sub(lambda m: props.get(m.group(1).strip(), m.group(0)), value)
        if new == value:
            break
        value = new
    return value


# -- Maven ---------------------------------------------------------------------------------


def _child(el: ET.Element, name: str) -> str:
    for c in el:
        if _local(c.tag) == name:
            return (c.text or "").strip()
    return ""


def detect_pom(src: Source, ctx: Context) -> Iterator[Record]:
    root = _xml(src)
    props: dict[str, str] = {}
    parent = next((c for c in root if _local(c.tag) == "parent"), None)
    for key in ("groupId", "version", "artifactId"):
        own = _child(root, key) or (_child(parent, key) if parent is not None else "")
        if own:
            props[f"project.{key}"] = props[f"pom.{key}"] = own
        if parent is not None and _child(parent, key):
            props[f"project.parent.{key}"] = _child(parent, key)
    xml_properties(root, "properties", props)
    text = _blank_xml_comments(src.text)
    cursor = 0
    managed_ranges = [
        (m.start(), m.end()) for m in re.finditer(r"<dependencyManagement\b.*?</dependencyManagement>", text, re.S)
    ]
    for dep in root.iter():
        if _local(dep.tag) != "dependency":
            continue
        group, artifact = _child(dep, "groupId"), _child(dep, "artifactId")
        if not group or not artifact:
            continue
        m = re.compile(r"<(?:\w+:)?artifactId>\s*" + re.escape(artifact) + r"\s*</").search(text, cursor)
        if m:
            cursor = m.end()
        offset = m.start() if m else 0
        managed = any(a <= offset < b for a, b in managed_ranges)
        yield _pkg(
            src, src.line_of(offset) if m else 1, f"{_resolve(group, props)}:{_resolve(artifact, props)}",
            _resolve(_child(dep, "version"), props),
            ("scope", _child(dep, "scope")), ("managed", "1" if managed else ""),
        )
    yield from _publish_targets(src, text, ctx)


# Where a pom publishes the project's artifacts: `distributionManagement`'s repository URLs
# (`<url>https://s01.oss.sonatype.org/service/local/staging/deploy/maven2/</url>`) and the Nexus
# staging plugin's `<nexusUrl>` (`nexus-staging-maven-plugin`, the OSSRH route to Maven Central).
# A catalog host there is where `mvn deploy` pushes releases: the same "deploy:<id>" record a CI
# publish step gives, even when a maintainer runs the release by hand and no CI file shows it.
_PUBLISH_URL = re.compile(r"<(url|nexusUrl)>\s*(?:https?://)?([A-Za-z0-9.-]+)[^<]*</\1>")
_PUBLISH_BLOCK = re.compile(r"<distributionManagement\b.*?</distributionManagement>|<nexusUrl>[^<]*</nexusUrl>", re.S)


def _publish_targets(src: Source, text: str, ctx: Context) -> Iterator[Record]:
    """"deploy:<id>" for each catalog host the pom deploys its artifacts to (comments blanked)."""
    seen: set[str] = set()
    for block in _PUBLISH_BLOCK.finditer(text):
        for m in _PUBLISH_URL.finditer(block.group(0)):
            target = ctx.index.host(m.group(2))
            if target is None or target in seen:
                continue
            seen.add(target)
            line = src.line_of(block.start() + m.start())
            yield Evidence(path=src.rel, line=line, kind=FEATURE, name=f"deploy:{target}", service=target)
            yield Evidence(path=src.rel, line=line, kind=FEATURE, name=f"deploy_from:{src.rel}", service=target)


# -- Gradle scripts ------------------------------------------------------------------------

_CONFIG = (
    r"(?:implementation|api|compileOnly|runtimeOnly|compile|runtime|annotationProcessor|kapt|ksp|"
    r"developmentOnly|testFixturesImplementation|[a-z]\w*(?:Implementation|Api|CompileOnly|RuntimeOnly))"
)
# `implementation "g:a:v"`, `implementation("g:a:v")`, `api(platform("g:a:v"))`
_GRADLE_STRING = re.compile(
    rf"""^[ \t]*({_CONFIG})[ \t]*\(?[ \t]*(?:(?:platform|enforcedPlatform)[ \t]*\(?[ \t]*)?"""
    r"""(['"])([^'"\s:$]+):([^'"\s:$]+)(?::([^'"\s:@]+))?(?:[:@][^'"]*)?\2""",
    re.M,
)
# `implementation group: 'g', name: 'a', version: 'v'` and `implementation(group = "g", ...)`
_GRADLE_MAP = re.compile(rf"""^[ \t]*({_CONFIG})[ \t]*\(?[ \t]*(group[ \t]*[:=][^\n]*)$""", re.M)
_MAP_ARG = re.compile(r"""\b(group|name|version)[ \t]*[:=][ \t]*(['"])([^'"\n]*)\2""")
_GRADLE_VAR = re.compile(
    r"""^[ \t]*(?:(?:val|var|def|String)[ \t]+|ext\.|set\(\s*["'])?([A-Za-z_]\w*)["']?[ \t]*(?:=|,)[ \t]*(['"])([^'"$\n]+)\2""",
    re.M,
)


def _gradle_version(raw: str, props: dict[str, str]) -> str:
    raw = re.sub(r"\$(?!\{)(\w+)", r"${\1}", raw)  # `$stripeVersion` → `${stripeVersion}`
    return _resolve(raw, props)


def detect_gradle(src: Source, ctx: Context) -> Iterator[Record]:
    text = strip_comments(src.text, C_STYLE)
    props = {m.group(1): m.group(3) for m in _GRADLE_VAR.finditer(text)}
    for m in _GRADLE_STRING.finditer(text):
        yield _pkg(
            src, src.line_of(m.start(3)), f"{m.group(3)}:{m.group(4)}", _gradle_version(m.group(5) or "", props),
            ("configuration", m.group(1)),
        )
    for m in _GRADLE_MAP.finditer(text):
        args = {a.group(1): a.group(3) for a in _MAP_ARG.finditer(m.group(2))}
        if args.get("group") and args.get("name"):
            yield _pkg(
                src, src.line_of(m.start(2)), f"{args['group']}:{args['name']}",
                _gradle_version(args.get("version", ""), props), ("configuration", m.group(1)),
            )


# -- Gradle version catalogs ---------------------------------------------------------------


def _catalog_version(spec: object, versions: dict) -> str:
    if isinstance(spec, str):
        return spec
    if isinstance(spec, dict):
        ref = spec.get("ref")
        if isinstance(ref, str):
            return _catalog_version(versions.get(ref, ""), versions)
        for key in ("strictly", "require", "prefer"):
            if isinstance(spec.get(key), str):
                return spec[key]
    return ""


def detect_version_catalog(src: Source, ctx: Context) -> Iterator[Record]:
    data = _toml(src)
    versions = data.get("versions") if isinstance(data.get("versions"), dict) else {}
    libraries = data.get("libraries")
    if not isinstance(libraries, dict):
        return
    header = re.search(r"(?m)^[ \t]*\[\s*libraries\s*\]", src.text)
    start = header.end() if header else 0
    for alias, spec in libraries.items():
        if isinstance(spec, str):  # alias = "g:a:v"
            parts = spec.split(":")
            if len(parts) < 2:
                continue
            coord, version = f"{parts[0]}:{parts[1]}", parts[2] if len(parts) > 2 else ""
        elif isinstance(spec, dict):
            if isinstance(spec.get("module"), str) and ":" in spec["module"]:
                coord = spec["module"]
            elif isinstance(spec.get("group"), str) and isinstance(spec.get("name"), str):
                coord = f"{spec['group']}:{spec['name']}"
            else:
                continue
            version = _catalog_version(spec.get("version", ""), versions)
        else:
            continue
        m = re.compile(rf"""(?m)^[ \t]*["']?{re.escape(alias)}["']?\s*[=.]""").search(src.text, start)
        yield _pkg(src, src.line_of(m.start()) if m else 1, coord, version, ("alias", alias))


def accepts(rel: str, name: str, ctx: Context) -> bool:
    return name in ("pom.xml", "build.gradle", "build.gradle.kts") or (
        name.endswith(".versions.toml") and ("/gradle/" in "/" + rel)
    )


def _dispatch(src: Source, ctx: Context) -> Iterator[Record]:
    if src.name == "pom.xml":
        return detect_pom(src, ctx)
    if src.name.endswith(".toml"):
        return detect_version_catalog(src, ctx)
    return detect_gradle(src, ctx)


DETECTOR = Detector(name="jvm", accepts=accepts, detect=_dispatch)
