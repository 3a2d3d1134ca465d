"""API client classes named after a vendor: `class SonarrAPI extends ServarrBase`,
`class TautulliAPI extends ExternalAPI`, `type DuoClient struct`, `class LastfmConnector`.

Applications that talk to self-hosted products (media servers, the *arr family, photo
libraries) reach each install on a URL and key the user configures: no package, env var or
fixed host names the product, but the code keeps one client class per product and names it
after it. Only catalog names count (`class InternalClient` or `class OAuthClient` is no
vendor), and like an integration module the class joins the service it names.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from ...catalog.index import PRODUCT_COMPANIES
from ...model import FEATURE, Evidence
from ...paths import is_test_path
from .base import Context, Detector, Record, Source
from .code import language_for
from .module_paths import GENERIC_NAMES

# A class (or Go/Rust struct) whose name ends in a client role word.
_CLASS = re.compile(
    r"\b(?:class\s+|type\s+(?=\w+\s+struct\b)|struct\s+)"
    r"([A-Za-z][A-Za-z0-9]*?)_?(?:Api|API|Client|Connector|Sdk|SDK)(?:Client)?\b"
)
_NAME = r"([A-Za-z][A-Za-z0-9]*?)_?(?:Api|API|Client|Connector|Sdk|SDK)(?:Client)?\b"
# The same, one regex per keyword so that each starts with a literal (the word boundary is
# checked after it): `re` then scans for the keyword at memory speed, where the combined
# regex above was tried at every character (40 ms per MB, 1.8 s of a 10k-file scan).
_DECLARATIONS = (
    re.compile(r"class(?<!\wclass)\s+" + _NAME),
    re.compile(r"struct(?<!\wstruct)\s+" + _NAME),
    re.compile(r"type(?<!\wtype)\s+(?=\w+\s+struct\b)" + _NAME),
)


# A vendor's settings type that holds its credentials (`type AmazonS3Config struct { AccessKeyID string;
# SecretAccessKey string; Bucket string }`, `class StripeSettings: api_key: str`): the app keeps one
# settings type per backend it can be configured for, named after it. The credential field within
# the next lines is what makes it a connection's settings, not some vendor-named option set.
_SETTINGS_NAME = r"([A-Za-z][A-Za-z0-9]*?)_?(?:Config|Configuration|Settings)\b"
_SETTINGS_DECLARATIONS = (
    re.compile(r"class(?<!\wclass)\s+" + _SETTINGS_NAME),
    re.compile(r"type(?<!\wtype)\s+(?=\w+\s+struct\b)" + _SETTINGS_NAME),
)
_CREDENTIAL_FIELD = re.compile(
    r"\b(?:SecretAccessKey|secret_access_key|AccessKeyI[dD]|access_key_id|ApiKey|APIKey|api_key|apiKey"
    r"|ApiToken|APIToken|api_token|apiToken|ClientSecret|client_secret|clientSecret)\b"
)


def _settings_declarations(text: str) -> list[re.Match[str]]:
    """Settings types of a vendor (`_SETTINGS_NAME`) with a credential field in their first lines."""
    out = []
    for rx in _SETTINGS_DECLARATIONS:
        for m in rx.finditer(text):
            if _CREDENTIAL_FIELD.search(text, m.end(), m.end() + 400):
                out.append(m)
    return out


def _declarations(text: str) -> list[re.Match[str]]:
    """The client class declarations of the text, in text order (what `_CLASS.finditer` finds)."""
    return sorted((m for rx in _DECLARATIONS for m in rx.finditer(text)), key=lambda m: m.start())


# Names that are the client's role or the app's own plumbing, not a vendor: the integration
# modules' list of generic words, and the words client classes add to it.
_NOT_VENDORS = GENERIC_NAMES | frozenset({
    "abstract", "cli", "external", "graphql", "grpc", "http2", "json", "my", "oauth2", "our", "private",
    "remote", "rest", "rpc", "sdk", "soap", "socket", "websocket", "ws", "xml",
})
_TEST_NAME = re.compile(r"^(?:Mock|Fake|Stub|Test|Dummy|Noop)[A-Z]")


def vendor_of(class_name: str) -> str | None:
    """The vendor word of a client class's name, or None: `SonarrAPI` → sonarr."""
    m = _CLASS.fullmatch("class " + class_name)
    if not m or _TEST_NAME.match(class_name):
        return None
    word = m.group(1).lower()
    return None if len(word) < 3 or word in _NOT_VENDORS else word


def _settings_vendor(class_name: str, word: str) -> str | None:
    """The vendor word of a settings type's name (`AmazonS3Config` → amazons3), or None."""
    if _TEST_NAME.match(class_name):
        return None
    word = word.lower()
    return None if len(word) < 3 or word in _NOT_VENDORS else word


# Stubs protoc and its plugins generate from the app's own .proto services (gRPC, Connect,
# Twirp, Restate): `type appServiceClient struct` in `app.connect.go` is the client of the
# app's own `AppService`, whatever a vendor that service's name resembles (Azure App Service).
_RPC_STUBS = (
    ".pb.go", ".connect.go", ".twirp.go", "_pb2.py", "_pb2_grpc.py", "_pb.ts", "_pb.js", "_pb.d.ts",
    "_connect.ts", "_connect.js", "_grpc_pb.js", "_grpc_pb.ts", ".pb.rs",
)


def _named_elsewhere(svc, text: str) -> bool:
    """The file names the service beyond a class name: one of its hosts, env vars or keywords."""
    low = text.lower()
    words = [h.lstrip("*.") for h in svc.hosts] + [e.lower() for e in svc.env] + [k.lower() for k in svc.keywords]
    return any(w and w in low for w in words)


def accepts(rel: str, name: str, ctx: Context | None = None) -> bool:
    if language_for(name) is None or name.endswith((".min.js", ".d.ts", *_RPC_STUBS)):
        return False
    return not is_test_path(rel)


def detect(src: Source, ctx: Context) -> Iterator[Record]:
    lang = language_for(src.name)
    if lang is None or not (_declarations(src.text) or _settings_declarations(src.text)):
        return
    text = src.stripped(lang.comments)
    seen: set[str] = set()
    settings = _settings_declarations(text)
    for m in sorted(_declarations(text) + settings, key=lambda m: m.start()):
        name = m.group(0).split()[-1]
        word = vendor_of(name) if m not in settings else _settings_vendor(name, m.group(1))
        sid = ctx.index.service_named(word) if word else None
        if sid is None or sid in seen:
            continue
        company = sid.split("-", 1)[0]
        maker = ctx.catalog.services[sid].name.split()[0].lower()  # "Amazon" of Amazon S3: the company spelled out
        if company in PRODUCT_COMPANIES and company not in word and maker not in word and company not in text.lower():
            # A cloud's product name alone (`WorkersClient` for Cloudflare Workers, the app's
            # client of its own workers API) in a file that never names the company: a common noun.
            continue
        if ctx.catalog.services[sid].word_name and not _named_elsewhere(ctx.catalog.services[sid], text):
            # A vendor named with an everyday word (catalog `word_name`): `SignalClient` is a
            # WebRTC app's client of its own signalling server, `DailyClient` a daily job's, unless
            # the file names the vendor some other way (its host, env var or keyword).
            continue
        seen.add(sid)
        yield Evidence(
            path=src.rel, line=src.line_of(m.start()), kind=FEATURE, name=f"integration_module:{sid}", service=sid,
            detail=(("module", sid), ("class", name)),
        )


DETECTOR = Detector(
    name="client-classes", accepts=accepts, detect=detect,
    literals=lambda ctx: ("class", "struct"),
)
