"""A Laravel app's own code reading a vendor's entry of `config/services.php`.

Laravel apps keep third-party credentials and endpoints in `config/services.php`, one entry per
vendor, and read them where they call the vendor:

    'gravatar' => ['base_url' => env('GRAVATAR_BASE_URL', 'https://www.gravatar.com/avatar')],
    ...
    return config('services.gravatar.base_url') . '/' . md5($this->email);   // app/Models/User.php

The entries alone are a menu (the framework's stock file lists Mailgun, Postmark, SES, Slack for
every app; keep._framework_config_only), but a read of one in the app's code is a use: records a
CALL (alone) of the catalog service the entry's key names, at the read. Keys of sign-in providers
(`'github' => ['client_id' => ..., 'redirect' => ...]`) are Socialite's settings, placed by
oauth_clients; umbrella names (`google`) name no one product; config files and tests read
nothing.

The app's code sending mail through the framework's Mail facade (`Mail::to($user)->send(new
Digest)`, `\\Mail::send(...)`) goes out through the mailer config/mail.php selects, SMTP
unless another transport is chosen: records a CALL of `smtp` (not alone), which counts only
beside SMTP's settings the app reads there (MAIL_HOST, MAIL_PORT, even with the env template's
lines commented out and the default driver `log`) or an SMTP package, so a framework that has
no such settings names no SMTP server by the facade alone.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from ...model import CALL, Evidence
from ...paths import is_test_path
from ..lexing import PHP
from .base import Context, Detector, Record, Source

# `config('services.gravatar.base_url')`, `Config::get("services.stripe")`, `config()->get(...)`.
_READ = re.compile(r"""\b(?:config\(\s*\)\s*->\s*get|[Cc]onfig::get|config)\(\s*['"]services\.([A-Za-z][\w-]*)""")
# The Mail facade's sending entry points (`Mail::to(`, `\\Mail::queue(`), not `$mail::` nor `FooMail::`.
_MAIL_FACADE = re.compile(r"""(?<![\w$])\\?Mail::(?:to|cc|bcc|send|queue|later|raw|html|plain)\(""")
SMTP = "smtp"


def _service(key: str, ctx: Context) -> str | None:
    """The catalog service an entry's key names (`gravatar`, `telegram-bot-api` → telegram), or
    None for a sign-in provider's, an umbrella's or no vendor's key."""
    words = [w for w in re.split(r"[-_]", key.lower()) if w]
    if not words or ctx.index.sign_in_provider("".join(words)):
        return None
    sid = ctx.index.service_named("".join(words)) or ctx.index.service_named(words[0])
    return None if sid is None or sid in ctx.index.umbrellas else sid


def detect(src: Source, ctx: Context) -> Iterator[Record]:
    text = src.stripped(PHP)
    seen: set[str] = set()
    for m in _READ.finditer(text):
        sid = _service(m.group(1), ctx)
        if sid and sid not in seen:
            seen.add(sid)
            yield Evidence(path=src.rel, line=src.line_of(m.start()), kind=CALL,
                           name=f"config('services.{m.group(1)}')", service=sid, detail=(("alone", "1"),))
    m = _MAIL_FACADE.search(text) if "mail::" in src.lowered else None
    if m and SMTP in ctx.catalog.services:
        yield Evidence(path=src.rel, line=src.line_of(m.start()), kind=CALL, name="Laravel Mail facade send", service=SMTP)


def accepts(rel: str, name: str, ctx: Context | None = None) -> bool:
    return (name.endswith(".php") and not rel.startswith("config/") and "/config/" not in rel
            and not is_test_path(rel))


DETECTOR = Detector(
    name="laravel_service_reads",
    accepts=accepts,
    detect=detect,
    literals=lambda ctx: ("services.", "mail::"),
)
