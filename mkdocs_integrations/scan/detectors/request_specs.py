"""HTTP requests declared in YAML: a step, action or command whose mapping holds a `url:` and
a `method:` (GET, POST, ...).

Workflow and automation apps ship their integrations as YAML templates rather than code (a
SOAR registry's `tools/virustotal/lookup_url.yml` with `action: http_request`, `url:
https://www.virustotal.com/api/v3/urls/...`, `method: GET`; Home Assistant's `rest_command:`;
Ansible's `uri:` module). The app's code only runs the template, so the code detectors never
see the vendor's host: the YAML is where the request is written.

Only a mapping with both keys counts (a `url:` alone is as often a link or a menu entry), its
URL written literally or as the quoted default of a template expression
(`url: ${{ inputs.base_url || "https://api.greynoise.io" }}/v3/ip/...`), and only a host the
catalog knows. In a file holding such a request, a base-URL input's default (`base_url:` with
`default: https://api.securitycenter.microsoft.com`) is the host those requests go to, and a
URL path only one catalogued API serves (`api_paths`), or a catalog call pattern that proves its
service alone, names that API on any base URL.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import replace

from ...model import CALL, HOST, Evidence
from .base import Context, Detector, Record, Source
from .settings_urls import NOT_SETTINGS, catalogued_host

# `url: https://...`, `- url: "https://..."`, `uri: ...`: the key's indent and its value.
_URL_KEY = re.compile(r"^([ \t]*)(-[ \t]+)?(?:url|uri)[ \t]*:[ \t]*(\S.*)$", re.M | re.I)
_METHOD = re.compile(r"method[ \t]*:[ \t]*['\"]?(?:GET|POST|PUT|PATCH|DELETE|HEAD|OPTIONS)\b['\"]?[ \t]*$", re.I)
# A template expression (`${{ ... }}`, `{{ ... }}`): its inside is code, not the URL's host.
_EXPRESSION = re.compile(r"\$?\{\{.*?\}\}")
_LEADING_URL = re.compile(r"""^['"]?(?:https?|wss?)://([^\s/'"?#:]{3,200})""", re.I)
# The quoted URL literal of an expression's fallback (`|| "https://api.x.com"`, `| default('https://...')`).
_QUOTED_URL = re.compile(r"""['"](?:https?|wss?)://([^\s/'"?#:{}]{3,200})""", re.I)
# A base-URL input (`base_url:`, `api_url:`) and its `default:` a few lines below, deeper.
_BASE_KEY = re.compile(r"^([ \t]*)\w*(?:url|endpoint)[ \t]*:[ \t]*$", re.M | re.I)
_DEFAULT = re.compile(r"^([ \t]+)default[ \t]*:[ \t]*['\"]?((?:https?|wss?)://[^\s/'\"?#:]{3,200})", re.I)
_WINDOW = 20  # lines of a mapping searched for its `method:`


def accepts(rel: str, name: str, ctx: Context | None = None) -> bool:
    return name.lower().endswith((".yml", ".yaml")) and not NOT_SETTINGS.search(rel)


def _mapping_has_method(lines: list[str], at: int, indent: int) -> bool:
    """Whether the mapping whose key sits at `lines[at]` with `indent` has a `method:` key."""
    for step in (-1, 1):
        i = at + step
        while 0 <= i < len(lines) and abs(i - at) <= _WINDOW:
            line = lines[i]
            body = line.lstrip(" \t")
            own = len(line) - len(body)
            if body and not body.startswith("#"):
                if body.startswith("- "):  # a list item: its first key's indent is past the dash
                    own += 2
                    body = body[2:].lstrip()
                if own < indent:
                    break  # left the mapping
                if own == indent and _METHOD.match(body):
                    return True
                if step == -1 and line.lstrip(" \t").startswith("- ") and own == indent:
                    break  # the mapping's first key: nothing of it comes before
            i += step
    return False


def _request_host(value: str) -> str | None:
    """The host a `url:` value requests: its leading URL's (a placeholder label standing for one
    label, `https://${{ inputs.subdomain }}.zendesk.com/...`), else the URL an expression
    falls back to."""
    raw = _EXPRESSION.sub(lambda e: e.group(0) if "://" in e.group(0) else "x", value)
    m = _LEADING_URL.match(raw)
    if m:
        return m.group(1)
    if "{{" in value:
        m = _QUOTED_URL.search(value)
        if m and m.start() < value.find("}}"):
            return m.group(1)  # `${{ inputs.base_url || "https://api.greynoise.io" }}/v3/...`
    return None


def _api_path_call(value: str, ctx: Context) -> Evidence | None:
    """The request's URL holding a catalog `api_paths` entry (a URL path only that service
    serves), as the code detector names one: `API path /data/v1/epss`."""
    for rx, path, sid in ctx.index.api_path_patterns:
        if rx.search(value):
            return Evidence(path="", line=0, kind=CALL, name=f"API path {path.rstrip('/')}", service=sid,
                            detail=(("api_path", "1"),))
    return None


def _alone_call(value: str, ctx: Context) -> Evidence | None:
    """A catalog call pattern that proves its service alone (`alone: true`) found in the
    request's URL, read as the string literal it is, named by its endpoint as in code: a
    vendor's endpoint on a shared or site host (`https://ipinfo.io/${{ inputs.ip }}`, CISA's
    `.../known_exploited_vulnerabilities.json`)."""
    low = value.lower()
    quoted = f'"{value}"'
    for sid, patterns, keywords in ctx.index.call_patterns:
        if not any(k in low for k in keywords):
            continue
        call = next((call for call, _, _ in patterns if call.alone and call.search(quoted)), None)
        if call is not None:
            return Evidence(path="", line=0, kind=CALL, name=call.endpoint, service=sid, detail=(("alone", "1"),))
    return None


def detect(src: Source, ctx: Context) -> Iterator[Record]:
    text = src.text
    if "method" not in text.lower():
        return
    lines = text.split("\n")
    seen: set[str] = set()
    requests = 0
    pos = at = 0  # line numbers counted on from the last match: a spec of many URLs stays linear
    for m in _URL_KEY.finditer(text):
        indent = len(m.group(1)) + len(m.group(2) or "")
        at += text.count("\n", pos, m.start())
        pos = m.start()
        if not _mapping_has_method(lines, at, indent):
            continue
        requests += 1
        value = m.group(3).strip()
        call = _api_path_call(value, ctx) or _alone_call(value, ctx)
        if call is not None and call.service not in seen:
            seen.add(call.service)  # a path or endpoint only that API serves, on whatever base URL
            yield replace(call, path=src.rel, line=at + 1)
        raw = _request_host(value)
        if raw is None:
            continue
        host, sid = catalogued_host(raw, seen, ctx)
        if sid is not None:
            yield Evidence(path=src.rel, line=at + 1, kind=HOST, name=host, service=sid)
    if not requests:
        return
    pos = at = 0
    for m in _BASE_KEY.finditer(text):
        at += text.count("\n", pos, m.start())
        pos = m.start()
        for i in range(at + 1, min(len(lines), at + 8)):
            d = _DEFAULT.match(lines[i])
            if d is None:
                continue
            if len(d.group(1)) > len(m.group(1)):
                host, sid = catalogued_host(_LEADING_URL.match(d.group(2)).group(1), seen, ctx)  # type: ignore[union-attr]
                if sid is not None:
                    yield Evidence(path=src.rel, line=i + 1, kind=HOST, name=host, service=sid)
            break


def _literals(ctx: Context) -> tuple[str, ...]:
    return ("://", *sorted({path.lower() for path, _ in ctx.index.api_paths}))


DETECTOR = Detector(name="request-specs", accepts=accepts, detect=detect, literals=_literals)
