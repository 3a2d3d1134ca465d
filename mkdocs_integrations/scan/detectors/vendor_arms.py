"""Vendor arms: one branch per vendor over an enum of a kind of integration.

An application that sends to several vendors of one kind often keeps them in one file, an
enum of the kind (`NotificationPlatformSpecifics`, `IntegrationProvider`, `AlertNotifier`)
and one branch per variant that makes the request:

    NotificationPlatformSpecifics::Discord { url } => { client.post(url).json(..).send().await?; }
    case NotifierType.Gotify: await axios.post(`${url}/message`, ...)

The vendor's URL is the user's (a webhook, a self-hosted server), so no host names it; the
variant does. A variant counts when its name is a catalog service's own id or name (not an
everyday word, catalog `word_name`), the enum is named for a kind of integration, at least two
of its branches in the file name catalog vendors (an enum of vendors, not one coincidence),
and the variant's own branch sends a request: enums of vendors also fill display lists and
settings forms (`case Platform.Discord: return "Discord"`), which send nothing.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from ...model import FEATURE, Evidence
from ...names import name_words
from ...paths import is_test_path
from .base import Context, Detector, Record, Source
from .code import language_for

# Words of an enum's name that say its variants are integrations of one kind.
_KIND_WORDS = frozenset({
    "platform", "platforms", "provider", "providers", "integration", "integrations", "notifier", "notifiers",
    "source", "sources", "destination", "destinations", "channel", "channels", "service", "services",
    "target", "targets", "sink", "sinks", "backend", "backends", "gateway", "gateways",
})
# The head of a branch on an enum's variant: Rust `Enum::Variant {..} =>`, `case Enum.Variant:`
# (TS, Java, C#, Python's `match`), Kotlin's `Enum.Variant ->`, Python's `== Enum.VARIANT:`.
_ARM = re.compile(
    r"(?:\b([A-Z]\w*)::([A-Z]\w*)\s*(?:\{[^{}]*\}|\([^()]*\))?\s*(?:if\b[^\n=]*)?=>"
    r"|\bcase\s+([A-Z]\w*)\.([A-Z]\w*)\s*:"
    r"|^[ \t]*([A-Z]\w*)\.([A-Z]\w*)\s*(?:,\s*[A-Z]\w*\.[A-Z]\w*\s*)*->"
    r"|==\s*([A-Z]\w*)\.([A-Z]\w*)\s*:)",
    re.M,
)
# A request sent from the branch's own code.
_REQUEST = re.compile(
    r"\.(?:post|put|patch|request)\s*\(|\.send\(\s*\)|\bfetch\(|\baxios\b|\$fetch\(|\bgot\(|\bky\."
    r"|\brequests\.(?:get|post)\(|\bhttpx\.|\.(?:Post|Get|Send)(?:AsJson)?Async\(|\bhttp\.(?:Post|Get|NewRequest)"
    r"|\breqwest::|\bureq::|\bHttpRequest\b"
)
_BRANCH_MAX = 3000  # characters a branch may span before the next one


def accepts(rel: str, name: str, ctx: Context | None = None) -> bool:
    return language_for(name) is not None and not is_test_path(rel) and not name.endswith((".min.js", ".d.ts"))


def _block_end(text: str, pos: int, stop: int) -> int:
    """Where the branch starting at `pos` ends, at `stop` at the latest: at the brace that closes
    the `match`/`switch` around it, so the last branch does not take in the code after the switch
    (`case ModelProvider.SiliconFlow: this.llm = new SiliconflowApi(); break; }` then the class's
    own requests)."""
    depth = 0
    for i in range(pos, stop):
        c = text[i]
        if c == "{":
            depth += 1
        elif c == "}":
            depth -= 1
            if depth < 0:
                return i
    return stop


def _kind_enum(name: str) -> bool:
    return any(w in _KIND_WORDS for w in name_words(name))


def detect(src: Source, ctx: Context) -> Iterator[Record]:
    lang = language_for(src.name)
    text = src.stripped(lang.comments) if lang else src.text
    heads = []
    for m in _ARM.finditer(text):
        enum, variant = next((m.group(i), m.group(i + 1)) for i in (1, 3, 5, 7) if m.group(i))
        if _kind_enum(enum):
            heads.append((m.start(), m.end(), enum, variant))
    by_enum: dict[str, list[tuple[int, int, str]]] = {}
    for start, end, enum, variant in heads:
        by_enum.setdefault(enum, []).append((start, end, variant))
    for enum, arms in by_enum.items():
        vendors: list[tuple[int, str, int, int]] = []
        for k, (start, end, variant) in enumerate(arms):
            sid = ctx.index.service_titled(variant) if len(variant) >= 4 else None
            if sid is None or ctx.catalog.services[sid].word_name:
                continue
            stop = arms[k + 1][0] if k + 1 < len(arms) else len(text)
            vendors.append((start, sid, end, _block_end(text, end, min(stop, end + _BRANCH_MAX))))
        if len({sid for _, sid, _, _ in vendors}) < 2:
            continue
        seen = set()
        for start, sid, end, stop in vendors:
            if sid in seen or not _REQUEST.search(text, end, stop):
                continue
            seen.add(sid)
            # the branch's last line: the inventory reads other vendors' hosts inside it only
            # (the file holds every vendor's branch, each with its own host)
            yield Evidence(
                path=src.rel, line=src.line_of(start), kind=FEATURE, name=f"integration_module:{sid}", service=sid,
                detail=(("module", sid), ("enum", enum), ("arm_end", str(src.line_of(stop)))),
            )


def literals(ctx: Context) -> tuple[str, ...]:
    # the enum's kind word, which a file must hold before any branch can count (an arrow or a
    # `case` alone is in nearly every file: business code would run this detector for nothing)
    return tuple(sorted({w.removesuffix("s") for w in _KIND_WORDS}))


DETECTOR = Detector(name="vendor-arms", accepts=accepts, detect=detect, literals=literals)
