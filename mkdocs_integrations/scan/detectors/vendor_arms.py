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
# `Enum::Variant` / `Enum.Variant` where the enum's name holds a kind word: the only places a
# branch head can be. Found from the capitalised kind words with `str.find`, so that a file's
# cost grows with these names, not its size (a pattern of the four head shapes, unanchored,
# took ~5 s over the benchmark's 10k-file tree; one anchored on the kind words still 2.3 s).
_KIND_TITLES = tuple(sorted({w.removesuffix("s").title() for w in _KIND_WORDS}))
_IDENT_TAIL = re.compile(r"[A-Za-z0-9_]*")
_MEMBER = re.compile(r"(::|\.)([A-Z]\w*)")


def _candidates(text: str) -> Iterator[tuple[int, int, str, str, str]]:
    """(start, end, enum, separator, variant) of each `Enum::Variant` / `Enum.Variant` whose
    enum name holds a capitalised kind word, in text order."""
    starts: set[int] = set()
    for word in _KIND_TITLES:
        i = text.find(word)
        while i != -1:
            j = i
            while j > 0 and (text[j - 1].isalnum() or text[j - 1] == "_"):
                j -= 1
            starts.add(j)
            i = text.find(word, i + len(word))
    for start in sorted(starts):
        if not text[start:start + 1].isupper():
            continue
        name_end = _IDENT_TAIL.match(text, start).end()
        m = _MEMBER.match(text, name_end)
        if m:
            yield start, m.end(), text[start:name_end], m.group(1), m.group(2)


# What follows a head (Rust `Enum::Variant {..} =>`; `case Enum.Variant:` in TS, Java, C# and
# Python's `match`; Kotlin's `Enum.Variant ->`; Python's `== Enum.VARIANT:`), and what precedes it.
_RUST_ARM = re.compile(r"\s*(?:\{[^{}]*\}|\([^()]*\))?\s*(?:if\b[^\n=]*)?=>")
_COLON = re.compile(r"\s*:")
_KOTLIN_ARM = re.compile(r"\s*(?:,\s*[A-Z]\w*\.[A-Z]\w*\s*)*->")
_CASE_BEFORE = re.compile(r"\bcase\s+$")
_EQ_BEFORE = re.compile(r"==\s*$")
_LINE_START = re.compile(r"(?:^|\n)[ \t]*$")


def _heads(text: str) -> Iterator[tuple[int, int, str, str]]:
    """(start, end, enum, variant) of each branch head on an enum named for a kind."""
    for start, end, enum, sep, variant in _candidates(text):
        if not _kind_enum(enum):
            continue
        before = text[max(0, start - 12):start]
        if sep == "::":
            arm = _RUST_ARM.match(text, end)
        elif _CASE_BEFORE.search(before) or _EQ_BEFORE.search(before):
            arm = _COLON.match(text, end)
        elif _LINE_START.search(text, max(0, start - 200), start):
            arm = _KOTLIN_ARM.match(text, end)
        else:
            arm = None
        if arm:
            yield start, arm.end(), enum, variant


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
    if next(_heads(src.text), None) is None:
        return  # no branch head at all, even in comments: no need to strip them
    lang = language_for(src.name)
    text = src.stripped(lang.comments) if lang else src.text
    heads = list(_heads(text))
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
    return tuple(t.lower() for t in _KIND_TITLES)


DETECTOR = Detector(name="vendor-arms", accepts=accepts, detect=detect, literals=literals)
