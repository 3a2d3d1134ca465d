"""Wasp app specs: the services a Wasp app (wasp.sh, a full-stack React/Node framework) turns
on by declaration, with no SDK or import of its own in the app's code.

A Wasp app is described in `main.wasp` (Wasp's own DSL) or, since the TypeScript spec, in
`main.wasp.ts` and the `*.wasp.ts` modules it imports (`import ... from "@wasp.sh/spec"`).
Wasp generates the server from it, so what the spec declares is what the app runs:

- `auth: { methods: { google: {}, gitHub: {}, discord: {} } }`: the social sign-in providers
  Wasp wires up (its own OAuth clients, configured by GOOGLE_CLIENT_ID, ...). The TS spec also
  types a method's configuration by its key, `AuthMethods["gitHub"]`: a configuration the app
  ships for that provider (the template's way of offering it);
- `job(..., { executor: "PgBoss" })` / `job x { executor: PgBoss }`: background jobs run on
  pg-boss, Wasp's only job executor (in the app's PostgreSQL database);
- `emailSender: { provider: SendGrid }`: the mail provider Wasp's mailer sends through
  (`Dummy` is the development stand-in, no service).

Comments are blanked first: a commented-out method (`// discord: {}`) is not offered.

Records: CALL evidence, `sign_in` detail for a provider (resolved as any auth library's
provider), `alone` for a job executor or mail provider (the declaration is the use).
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from ...model import CALL, Evidence
from ...paths import is_test_path
from ..lexing import C_STYLE, strip_comments
from .base import Context, Detector, Record, Source

# `main.wasp`, `main.wasp.ts`, `src/auth/auth.wasp.ts` (the TS spec's modules).
_SPEC_NAME = re.compile(r"^[\w.-]*\.wasp(?:\.[cm]?[jt]s)?$")
_METHODS = re.compile(r"\bmethods\s*:\s*\{")
_TYPED_METHOD = re.compile(r"""\bAuthMethods\s*\[\s*['"](\w+)['"]\s*\]""")
_KEY = re.compile(r"""(?:^|[{,])\s*['"]?(\w+)['"]?\s*:""")
_EXECUTOR = re.compile(r"""\bexecutor\s*:\s*['"]?PgBoss\b""")
_MAIL_PROVIDER = re.compile(r"""\bprovider\s*:\s*['"]?(\w+)\b""")


def _line(text: str, offset: int) -> int:
    return text.count("\n", 0, offset) + 1


def _top_level_keys(text: str, start: int) -> Iterator[tuple[str, int]]:
    """Keys of the object literal whose `{` is at `start`, at its own depth only."""
    depth = 0
    segment_start = start  # from the `{` itself: the first key on its line follows it (`{ google: {} }`)
    for i in range(start, len(text)):
        c = text[i]
        if c in "{[(":
            depth += 1
            if depth == 2:
                yield from _keys_in(text, segment_start, i)
        elif c in "}])":
            depth -= 1
            if depth == 1:
                segment_start = i + 1
            elif depth == 0:
                yield from _keys_in(text, segment_start, i)
                return


def _keys_in(text: str, start: int, end: int) -> Iterator[tuple[str, int]]:
    for m in _KEY.finditer(text, start, end):
        yield m.group(1), m.start(1)


def detect(src: Source, ctx: Context) -> Iterator[Record]:
    text = strip_comments(src.text, C_STYLE)
    seen: set[str] = set()
    methods: list[tuple[str, int]] = []
    for m in _METHODS.finditer(text):
        methods.extend(_top_level_keys(text, m.end() - 1))
    methods.extend((m.group(1), m.start(1)) for m in _TYPED_METHOD.finditer(text))
    for key, offset in methods:
        # A method is a social provider when the catalog signs in with a provider of that name
        # (`gitHub`, `keycloak`, a provider Wasp adds later); `email`, `usernameAndPassword` are not.
        provider = key.lower() if ctx.index.sign_in_provider(key) else None
        if provider and provider not in seen:
            seen.add(provider)
            yield Evidence(path=src.rel, line=_line(text, offset), kind=CALL,
                           name=f"Wasp auth method: {key}", ecosystem="npm", detail=(("sign_in", provider),))
    m = _EXECUTOR.search(text)
    if m and "pg-boss" in ctx.catalog.services:
        yield Evidence(path=src.rel, line=_line(text, m.start()), kind=CALL, name="Wasp job executor PgBoss",
                       service="pg-boss", detail=(("alone", "1"),))
    if re.search(r"\bemailSender\b|\bEmailSender\b", text):
        for m in _MAIL_PROVIDER.finditer(text):
            # The provider by its catalog name (`SendGrid`, `Mailgun`, `SMTP`); `Dummy` is none.
            sid = ctx.index.service_named(m.group(1))
            if sid and sid not in seen and ctx.catalog.services[sid].category == "email_sms":
                seen.add(sid)
                yield Evidence(path=src.rel, line=_line(text, m.start()), kind=CALL,
                               name=f"Wasp email sender {m.group(1)}", service=sid, detail=(("alone", "1"),))


DETECTOR = Detector(
    name="wasp_spec",
    accepts=lambda rel, name, ctx: bool(_SPEC_NAME.match(name)) and not is_test_path(rel),
    detect=detect,
)
