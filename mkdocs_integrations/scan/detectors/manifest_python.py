"""Python manifests: requirements files, pyproject.toml (PEP 621, Poetry, PDM, uv), Pipfile,
setup.cfg, and lockfiles for resolved versions."""

from __future__ import annotations

import re
from collections.abc import Iterator

from ...model import PACKAGE, Evidence
from ._infra import toml_data as _toml
from .base import Context, Detector, Record, Source


# A PEP 508 requirement: name, optional extras, then the version part up to a marker.
_REQ = re.compile(r"^\s*([A-Za-z0-9][A-Za-z0-9._-]*)\s*(\[[^\]]*\])?\s*(\(?[<>=!~^*][^;#]*)?")
_EGG = re.compile(r"[#&]egg=([A-Za-z0-9][A-Za-z0-9._-]*)")
_REQ_FILE = re.compile(r"^(requirements|requires|constraints)[\w.-]*\.(txt|in)$|^requirements\.txt$", re.I)


def _clean_version(spec: str | None) -> str:
    if not spec:
        return ""
    spec = spec.strip().strip("()").strip()
    return spec[:60]


def _pkg(src: Source, line: int, name: str, version: str, section: str = "") -> Evidence:
    return Evidence(
        path=src.rel,
        line=line,
        kind=PACKAGE,
        name=name,
        version=version,
        ecosystem="pypi",
        detail=(("section", section),) if section else (),
    )


def parse_requirement(text: str) -> tuple[str, str] | None:
    """(name, version spec) of one PEP 508 line or VCS/URL line, or None."""
    text = text.strip()
    if not text or text.startswith(("#", "-r", "-c", "--", "-e ", "-i", "-f")) and "egg=" not in text:
        return None
    egg = _EGG.search(text)
    if egg:
        return egg.group(1), ""
    if " @ " in text:  # name @ git+https://...
        name = text.split(" @ ", 1)[0].strip().split("[", 1)[0]
        return (name, "") if re.fullmatch(r"[A-Za-z0-9][A-Za-z0-9._-]*", name) else None
    if "://" in text:
        return None
    m = _REQ.match(text)
    if not m:
        return None
    return m.group(1), _clean_version(m.group(3))


def requirement_extras(text: str) -> tuple[str, ...]:
    """The extras of one PEP 508 line: `django-allauth[socialaccount,saml]` → (socialaccount, saml)."""
    m = _REQ.match(text)
    extras = m.group(2) if m else None
    return tuple(x.strip() for x in extras[1:-1].split(",") if x.strip()) if extras else ()


def _extra_evidence(ev: Evidence, extras: object, ctx: Context) -> Iterator[Evidence]:
    """`name[extra]` package evidence for each extra the catalog says selects a service.

    An extra often names the external system it installs the client for: `django-anymail[amazon-ses]`
    sends mail through SES, `django-allauth[saml]` adds SAML sign-in, `celery[sqs]` uses SQS as the
    broker. Only pairs the catalog lists (`package_extras`) are emitted; others say nothing."""
    if not isinstance(extras, (list, tuple)):
        return
    for extra in extras:
        if isinstance(extra, str) and extra.strip():
            name = f"{ev.name}[{extra.strip()}]"
            if ctx.index.package("pypi", name):
                yield Evidence(
                    path=ev.path, line=ev.line, kind=PACKAGE, name=name, version=ev.version,
                    ecosystem="pypi", detail=ev.detail + (("extra_of", ev.name),),
                )


# pip-compile / `uv pip compile` output: each pin is followed by `# via` and where it came
# from. A pin is the project's own requirement only when it came from an input file (`-r
# requirements.in`, `-c constraints.txt`) or a project manifest (`lemur (pyproject.toml)`);
# pins that came only through other packages (`# via moto`) or through another compiled lock
# (`-r requirements-tests.txt`) are transitive: versions, not a choice of service.
_VIA = re.compile(r"^\s+#\s*via\b\s*(.*)$")  # indented under its pin
_VIA_MORE = re.compile(r"^\s*#\s{2,}(\S.*)$")
_DIRECT_SOURCE = re.compile(r"^-c\s|^-r\s+\S+\.in$|^-r\s+(?!\S+\.txt$)\S+$|\((?:pyproject\.toml|setup\.py|setup\.cfg)\)$")


def _compiled_sources(lines: list[str], start: int) -> list[str] | None:
    """The `# via` sources of the pin on line index `start` - 1, or None without a via block."""
    while start < len(lines) and lines[start].lstrip().startswith("--hash"):
        start += 1  # `--require-hashes` output: the hashes come before the via block
    if start >= len(lines):
        return None
    m = _VIA.match(lines[start])
    if not m:
        return None
    sources = [m.group(1).strip()] if m.group(1).strip() else []
    for raw in lines[start + 1:]:
        more = _VIA_MORE.match(raw)
        if not more:
            break
        sources.append(more.group(1).strip())
    return sources


def detect_requirements(src: Source, ctx: Context) -> Iterator[Record]:
    lines = src.text.splitlines()
    compiled = any(_VIA.match(raw) for raw in lines)
    for i, raw in enumerate(lines, start=1):
        line = raw.split(" #", 1)[0] if "egg=" not in raw else raw
        req = parse_requirement(line)
        if req:
            sources = _compiled_sources(lines, i) if compiled else None
            if sources is not None and not any(_DIRECT_SOURCE.search(s) for s in sources):
                ev = Evidence(
                    path=src.rel, line=i, kind=PACKAGE, name=req[0], version=req[1], ecosystem="pypi",
                    detail=(("locked", "1"),),
                )
            else:
                ev = _pkg(src, i, req[0], req[1])
            yield ev
            yield from _extra_evidence(ev, requirement_extras(line), ctx)


def _find_line(src: Source, name: str, start: int = 0) -> int:
    m = re.compile(r"(?mi)^[^#\n]*?(?<![A-Za-z0-9_.-])(" + re.escape(name) + r")(?![A-Za-z0-9_-])").search(src.text, start)
    return src.line_of(m.start(1)) if m else 1


def _reqs(src: Source, items: object, section: str, ctx: Context) -> Iterator[Record]:
    if not isinstance(items, list):
        return
    for item in items:
        if isinstance(item, str):
            req = parse_requirement(item)
            if req:
                ev = _pkg(src, _find_line(src, req[0]), req[0], req[1], section)
                yield ev
                yield from _extra_evidence(ev, requirement_extras(item), ctx)


def _poetry_table(src: Source, table: object, section: str, ctx: Context) -> Iterator[Record]:
    if not isinstance(table, dict):
        return
    for name, spec in table.items():
        if name.lower() == "python":
            continue
        version = spec if isinstance(spec, str) else (spec.get("version", "") if isinstance(spec, dict) else "")
        ev = _pkg(src, _find_line(src, name), name, _clean_version(str(version)), section)
        yield ev
        if isinstance(spec, dict):  # `django-anymail = {version = "^12", extras = ["amazon-ses"]}`
            yield from _extra_evidence(ev, spec.get("extras"), ctx)


def detect_pyproject(src: Source, ctx: Context) -> Iterator[Record]:
    data = _toml(src)
    project = data.get("project") or {}
    if isinstance(project, dict):
        yield from _reqs(src, project.get("dependencies"), "dependencies", ctx)
        for extra, items in (project.get("optional-dependencies") or {}).items():
            yield from _reqs(src, items, f"extra:{extra}", ctx)
    for group, items in (data.get("dependency-groups") or {}).items():  # PEP 735 / uv
        yield from _reqs(src, items, f"group:{group}", ctx)
    tool = data.get("tool") or {}
    poetry = tool.get("poetry") or {}
    if isinstance(poetry, dict):
        yield from _poetry_table(src, poetry.get("dependencies"), "dependencies", ctx)
        yield from _poetry_table(src, poetry.get("dev-dependencies"), "dev", ctx)
        for group, body in (poetry.get("group") or {}).items():
            if isinstance(body, dict):
                yield from _poetry_table(src, body.get("dependencies"), f"group:{group}", ctx)
    pdm = tool.get("pdm") or {}
    if isinstance(pdm, dict):
        for group, items in (pdm.get("dev-dependencies") or {}).items():
            yield from _reqs(src, items, f"dev:{group}", ctx)
    uv = tool.get("uv") or {}
    if isinstance(uv, dict):
        yield from _reqs(src, uv.get("dev-dependencies"), "dev", ctx)


def detect_pipfile(src: Source, ctx: Context) -> Iterator[Record]:
    data = _toml(src)
    yield from _poetry_table(src, data.get("packages"), "dependencies", ctx)
    yield from _poetry_table(src, data.get("dev-packages"), "dev", ctx)


def detect_setup_cfg(src: Source, ctx: Context) -> Iterator[Record]:
    in_requires = False
    for i, raw in enumerate(src.text.splitlines(), start=1):
        stripped = raw.strip()
        if re.match(r"^(install_requires|tests_require)\s*=", stripped) or (
            in_requires is False and re.match(r"^\[options\.extras_require\]", stripped)
        ):
            in_requires = True
            rest = stripped.split("=", 1)[1] if "=" in stripped and not stripped.startswith("[") else ""
            req = parse_requirement(rest)
            if req:
                ev = _pkg(src, i, req[0], req[1])
                yield ev
                yield from _extra_evidence(ev, requirement_extras(rest), ctx)
            continue
        if in_requires:
            if stripped.startswith("[") or (raw and not raw[0].isspace() and "=" in raw and not stripped.startswith("#")):
                in_requires = stripped.startswith("[options.extras_require]")
                if not in_requires and not stripped.startswith("["):
                    in_requires = False
                continue
            if "=" in stripped and not re.match(r"^[A-Za-z0-9._-]+\s*(\[.*\])?\s*[<>=!~]", stripped):
                stripped = stripped.split("=", 1)[1]
            req = parse_requirement(stripped)
            if req:
                # `flask-fs2[swift, s3]`: the extras choose the backends, as in requirements.txt
                ev = _pkg(src, i, req[0], req[1])
                yield ev
                yield from _extra_evidence(ev, requirement_extras(stripped), ctx)


_LOCK_PKG = re.compile(r'\[\[package\]\]\s*\nname\s*=\s*"([^"]+)"\s*\nversion\s*=\s*"([^"]+)"')


def detect_lock(src: Source, ctx: Context) -> Iterator[Record]:
    """poetry.lock, uv.lock, pdm.lock: resolved versions of the packages the catalog knows."""
    for m in _LOCK_PKG.finditer(src.text):
        name, version = m.group(1), m.group(2)
        if ctx.index.package("pypi", name) or ctx.index.client_package("pypi", name):
            yield Evidence(
                path=src.rel, line=src.line_of(m.start()), kind=PACKAGE, name=name,
                version=version, ecosystem="pypi", detail=(("locked", "1"),),
            )


def _dispatch(src: Source, ctx: Context) -> Iterator[Record]:
    name = src.name
    if name == "pyproject.toml":
        return detect_pyproject(src, ctx)
    if name == "Pipfile":
        return detect_pipfile(src, ctx)
    if name == "setup.cfg":
        return detect_setup_cfg(src, ctx)
    if name in ("poetry.lock", "uv.lock", "pdm.lock"):
        return detect_lock(src, ctx)
    return detect_requirements(src, ctx)


def accepts(rel: str, name: str, ctx: Context) -> bool:
    return name in ("pyproject.toml", "Pipfile", "setup.cfg", "poetry.lock", "uv.lock", "pdm.lock") or bool(
        _REQ_FILE.match(name)
    ) or (rel.endswith(".txt") and "/requirements/" in "/" + rel)


DETECTOR = Detector(name="python-manifests", accepts=accepts, detect=_dispatch)
