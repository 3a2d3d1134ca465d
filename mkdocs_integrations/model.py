"""Records passed between pipeline stages.

The model is where the "names and places, never values" rule is enforced: an `Evidence`
or `Finding` refuses text that looks like a credential, so a detector bug cannot carry a
secret value into the inventory, and from there into pages, exports or logs.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

# Evidence kinds, from strongest to weakest signal of use.
CALL = "call"  # an SDK call pattern of the catalog matched (name = endpoint)
IMPORT = "import"  # module imported in code (name = module)
CONFIG = "config"  # a config file that only exists when the service is used (name = file)
PACKAGE = "package"  # declared in a manifest (name = package, version, ecosystem)
IMAGE = "image"  # container image in compose/k8s (name = image)
TERRAFORM = "terraform"  # IaC provider or resource (name = type)
HOST = "host"  # API hostname in a string literal (name = host)
ENV_READ = "env_read"  # env var read in code (name = VAR)
ENV_DECL = "env_decl"  # env var declared in an .env.example-style file (name = VAR)
CI_SECRET = "ci_secret"  # secret name referenced by a CI workflow (name = NAME)
WEBHOOK_IN = "webhook_in"  # incoming webhook route (name = path)
WEBHOOK_OUT = "webhook_out"  # outgoing webhook call (name = target description)
DB_TYPE = "db_type"  # database type stated by a schema/config (name = service id)
BUCKET = "bucket"  # storage bucket name (name = bucket)
TEMPLATE = "template"  # email template id (name = id)
EVENT = "event"  # analytics event name (name = event)
SCOPE = "scope"  # OAuth scope (name = scope)
FEATURE = "feature"  # a named fact (name = e.g. "token_storage:httpOnly cookies")

KINDS = (
    CALL, IMPORT, CONFIG, PACKAGE, IMAGE, TERRAFORM, HOST, ENV_READ, ENV_DECL, CI_SECRET,
    WEBHOOK_IN, WEBHOOK_OUT, DB_TYPE, BUCKET, TEMPLATE, EVENT, SCOPE, FEATURE,
)

# Text that is a credential, not a name: long unbroken high-variety tokens, URLs with a
# password, key material. Names (env vars, packages, hosts, routes) never look like this.
_CREDENTIAL_SHAPES = (
    re.compile(r"[A-Za-z0-9+/=_\-]{32,}"),
    re.compile(r"://[^/\s:@]*:[^/\s@]+@"),
    re.compile(r"-----BEGIN"),
    re.compile(r"\b(sk|rk|pk)_(live|test)_[A-Za-z0-9]{8,}"),
    re.compile(r"\b(AKIA|ASIA)[A-Z0-9]{12,}"),
    re.compile(r"\bgh[pousr]_[A-Za-z0-9]{20,}"),
    re.compile(r"\bxox[abprs]-[A-Za-z0-9-]{10,}"),
    re.compile(r"\beyJ[A-Za-z0-9_-]{10,}\.[A-Za-z0-9_-]{10,}"),
)
_MAJOR_VERSION = re.compile(r"/v\d{1,3}$")
_SAFE_LONG = re.compile(r"^[A-Za-z0-9_./@:\-]*$")
MAX_NAME = 200


REDACTED = "[redacted]"

# Control, bidi-override and line-separator characters: in a log line they could colour a
# terminal, forge a second line or reorder text. File names may hold any of them.
_UNPRINTABLE = re.compile("[\x00-\x1f\x7f-\x9f\u2028\u2029\u200e\u200f\u202a-\u202e\u2066-\u2069\ufeff]")


def printable(text: str) -> str:
    """`text` for a log line or terminal: unprintable characters shown as escapes (`\\x1b`)."""
    return _UNPRINTABLE.sub(lambda m: m.group(0).encode("unicode_escape").decode("ascii"), text)


def looks_like_credential(text: str) -> bool:
    """True when `text` has the shape of a secret rather than a name."""
    for pattern in _CREDENTIAL_SHAPES:
        m = pattern.search(text)
        if not m:
            continue
        token = m.group(0)
        if pattern is _CREDENTIAL_SHAPES[0]:
            # Long identifiers are fine when they read like words: package paths, env names.
            if _is_wordy(token):
                continue
        return True
    return False


def _is_wordy(token: str) -> bool:
    if token.isupper() or token.islower():
        parts = re.split(r"[_\-./]", token)
        return all(len(p) <= 24 for p in parts)
    parts = re.split(r"[_\-./]|(?<=[a-z])(?=[A-Z])", token)
    # A Go module's major version (`VictorAvelar/mollie-api-go/v4`) is no random tail.
    tail = _MAJOR_VERSION.sub("", token)[-8:]
    return all(len(p) <= 20 for p in parts) and not any(ch.isdigit() for ch in tail)


def _guard(text: str) -> str:
    if len(text) > MAX_NAME:
        text = text[:MAX_NAME]
    if looks_like_credential(text):
        # Redact rather than raise: one odd string must not cost the rest of the file's
        # evidence, and a redacted record is simply ignored by the resolver.
        return REDACTED
    return text


@dataclass(frozen=True, order=True)
class Evidence:
    """One observation in one file: what was seen, where, and (if known) for which service."""

    path: str  # posix path relative to the project root
    line: int  # 1-based; 0 when the whole file is the evidence
    kind: str
    name: str
    service: str = ""  # catalog id when the detector already knows it
    version: str = ""
    ecosystem: str = ""  # npm, pypi, ... for packages; language for imports
    detail: tuple[tuple[str, str], ...] = field(default=())  # sorted (key, value) pairs

    def __post_init__(self) -> None:
        if self.kind not in KINDS:
            raise ValueError(f"unknown evidence kind {self.kind!r}")
        object.__setattr__(self, "name", _guard(self.name))
        object.__setattr__(self, "version", _guard(self.version))
        object.__setattr__(
            self, "detail", tuple(sorted((k, _guard(v)) for k, v in self.detail))
        )

    def get(self, key: str, default: str = "") -> str:
        for k, v in self.detail:
            if k == key:
                return v
        return default


@dataclass(frozen=True, order=True)
class Finding:
    """A security finding: the kind of problem and its place, never the value."""

    path: str
    line: int
    kind: str  # e.g. "Stripe live secret key"
    severity: str = "high"
    rule: str = ""


@dataclass(frozen=True)
class FileResult:
    """What the detectors found in one file (cached per path, size and mtime)."""

    evidence: tuple[Evidence, ...] = ()
    findings: tuple[Finding, ...] = ()
    warnings: tuple[str, ...] = ()
