"""Per-vendor adapter classes imported from a library: `use Utopia\\Messaging\\Adapter\\SMS\\Twilio;`,
`use Utopia\\Storage\\Device\\Linode;`, `use Utopia\\Logger\\Adapter\\Sentry;`,
`use Utopia\\Migration\\Sources\\Supabase;`.

Multi-vendor PHP libraries (messaging, storage, logging, migration, VCS) keep one class per
vendor under an adapter namespace; the app picks its vendors by importing those classes into
the code that builds them from its settings. The vendor's own SDK is then no dependency of the
app at all (the library speaks the vendor's HTTP API), so no package, import or host of the
catalog shows it: the imported class name is the only trace. A class named for a catalog
service in such a namespace is evidence of that service.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from ...model import FEATURE, Evidence
from .base import Context, Detector, Record, Source
from .integration_modules import leads
from .module_paths import GENERIC_NAMES, NO_VENDOR, TEST_DIRS, TEST_FILE

# `use A\B\Adapter\Kind\Vendor;` (an alias is allowed, a grouped `use A\{B, C}` is not read)
_USE = re.compile(r"^[ \t]*use[ \t]+\\?([A-Z][A-Za-z0-9_]*(?:\\[A-Za-z0-9_]+){2,})(?:[ \t]+as[ \t]+\w+)?[ \t]*;", re.M)

# Namespace words that hold one class per vendor.
_ADAPTER_WORDS = frozenset({
    "adapter", "adapters", "device", "devices", "driver", "drivers", "sources", "destinations",
    "gateway", "gateways", "transport", "transports",
    # a mail library's one client class per protocol (`Laminas\Mail\Protocol\Imap`, `...\Pop3`)
    "protocol", "protocols",
})

# Namespace words of a library's kind → the catalog categories of its vendors: a vendor's name
# that the catalog gives to a service of another kind (`linode` the cloud host under a storage
# library's `Device`) stands for the one service of that kind it leads (linode-object-storage).
_KIND_CATEGORIES = {
    "storage": {"file_storage"}, "filesystem": {"file_storage"}, "flysystem": {"file_storage"},
    "messaging": {"email_sms"}, "mail": {"email_sms"}, "mailer": {"email_sms"}, "email": {"email_sms"},
    "sms": {"email_sms"}, "push": {"email_sms"}, "notification": {"email_sms"}, "notifications": {"email_sms"},
    "logger": {"error_tracking", "logs"}, "logging": {"error_tracking", "logs"},
    "database": {"database"}, "cache": {"cache"}, "queue": {"queue"},
    "payment": {"payment"}, "payments": {"payment"},
}

_LITERALS = tuple(f"\\{w}\\" for w in sorted(_ADAPTER_WORDS))


def accepts(rel: str, name: str, ctx: Context | None = None) -> bool:
    if not name.endswith(".php") or name.endswith(".blade.php") or TEST_FILE.match(name):
        return False
    return not any(p.lower() in TEST_DIRS for p in rel.split("/")[:-1])


def vendor_of(fqcn: str, ctx: Context) -> str | None:
    """The catalog service an imported adapter class stands for, or None."""
    parts = fqcn.split("\\")
    lows = [p.lower() for p in parts]
    # the adapter word right before the class, or before one kind word (`Adapter\SMS\Twilio`)
    at = next((i for i in (len(parts) - 2, len(parts) - 3) if i >= 1 and lows[i] in _ADAPTER_WORDS), None)
    if at is None:
        return None
    vendor = lows[-1]
    squashed = re.sub(r"[^a-z0-9]", "", vendor)
    if len(squashed) < 3 or squashed in GENERIC_NAMES or squashed in NO_VENDOR:
        return None  # the library's base or stand-in (`Adapter\SQL`, `Device\Local`, `SMS\Mock`)
    cats: set[str] = set()
    for word in lows[:-1]:
        cats |= _KIND_CATEGORIES.get(word, set())
    sid = ctx.index.service_named(vendor)
    if cats and (sid is None or ctx.catalog.services[sid].category not in cats):
        leading = [s.id for s in ctx.catalog.services.values() if s.category in cats and leads(s.id, squashed)]
        if len(leading) == 1:
            return leading[0]
    if sid is None:
        return None
    svc = ctx.catalog.services[sid]
    if svc.word_name and svc.category not in cats:
        return None  # an everyday word counts only in a library of the vendor's own kind (`Email\Resend`)
    return sid


def detect(src: Source, ctx: Context) -> Iterator[Record]:
    seen: set[str] = set()
    for m in _USE.finditer(src.text):
        sid = vendor_of(m.group(1), ctx)
        if sid is None or sid in seen:
            continue
        seen.add(sid)
        yield Evidence(
            path=src.rel, line=src.line_of(m.start()), kind=FEATURE,
            name=f"integration_module:{sid}", service=sid, detail=(("module", sid), ("adapter", m.group(1))),
        )


DETECTOR = Detector(name="adapter-imports", accepts=accepts, detect=detect, literals=lambda ctx: _LITERALS)
