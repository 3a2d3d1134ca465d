"""Sign-in through an OAuth2 / OpenID Connect provider that the admin names by its endpoints.

Apps that let any identity provider sign users in (Keycloak, Authentik, a company's own) name no
vendor: they read the flow's endpoints from settings, under names of an OAuth or SSO family:

    authorizationURL: process.env.OAUTH2_AUTH_URL,      // middleware/passport.js
    tokenURL: process.env.OAUTH2_TOKEN_URL,
    token_url = request.settings.oauth2_token_url        # oauth2/client.py
    'token' => env('SSO_ENDPOINT_TOKEN'),                // config/services.php

Records one CALL (alone) of the catalog's generic OpenID Connect service per file whose setting
names cover the token endpoint and one more step of the flow (authorization, user info), each
name made of a family word (`oauth`, `oauth2`, `sso`, `oidc`, `openid`), the step and a locator
(`url`, `uri`, `endpoint`), in a setting's case (`OAUTH2_TOKEN_URL`, `oauth2_token_url`: an
ActivityPub actor's `oauthTokenEndpoint` is a term of its vocabulary). A name that carries a vendor's name (`DISCORD_OAUTH_TOKEN_URL`,
`getMicrosoftOauthTokenUrl`) or is bound to a literal URL (`OAUTH_TOKEN_URL =
'https://accounts.google.com/o/oauth2/token'`, a default value) is that vendor's flow, which the catalog's own
patterns place; tests are not evidence. The evidence says its endpoints are configured
(`configured_endpoints`), so a vendor's sign-in set up in the same file (a Google strategy beside
the generic one) does not absorb it (sign_in.fold_generic_oidc).
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from ...model import CALL, Evidence
from ...names import name_words
from ...paths import is_test_path
from .base import Context, Detector, Record, Source
from .code import language_for

GENERIC_OIDC = "oidc"

_FAMILY = frozenset({"oauth", "oauth2", "sso", "oidc", "openid"})
_LOCATOR = frozenset({"url", "uri", "endpoint"})
_STEP = {"auth": "authorize", "authorize": "authorize", "authorization": "authorize", "token": "token",
         "userinfo": "user", "user": "user", "profile": "user"}
# Words a setting's name carries besides family, step and locator, none a vendor's.
_PLAIN = frozenset({"access", "info", "api", "server", "provider", "generic", "custom", "default", "get", "set",
                    "base", "config", "setting", "settings", "client", "path", "the", "for", "env", "app"})
# A family word inside an identifier, and the rest of the identifier after it.
_FAMILY_AT = re.compile(r"oauth|oidc|openid|sso", re.I)
_IDENT_TAIL = re.compile(r"\w*")
# A literal URL of a real host after the name, on its line or the next two (a constant, a default
# value: `get_config("oauth_token_endpoint")\n or "https://auth.vendor.org/oauth/token"`).
_LITERAL_URL = re.compile(r"""[^\n]{0,100}?(?:\n[^\n]{0,100}?){0,2}?['"`]https?://(?!localhost\b|127\.0\.0\.1|0\.0\.0\.0|example\.|your)""")


def _step(words: list[str], ctx: Context) -> str | None:
    """The flow's step a setting's name locates, or None when the name is not one (no family word
    or locator) or names a vendor besides."""
    present = set(words)
    if not present & _FAMILY or not present & _LOCATOR:
        return None
    steps = {_STEP[w] for w in words if w in _STEP}
    if "token" in steps:
        steps = {"token"}  # (`oauth_access_token_url`, `userTokenEndpoint`)
    if len(steps) != 1:
        return None
    for w in words:
        if w in _FAMILY or w in _LOCATOR or w in _STEP or w in _PLAIN or len(w) < 3:
            continue
        if ctx.index.sign_in_provider(w) or ctx.index.service_named(w):
            return None
    return steps.pop()


def _names(text: str) -> Iterator[tuple[int, int, str]]:
    """(start, end, identifier) of each identifier with a family word in it: found from the
    family word out, since a regex trying every word start is slow on large files."""
    end = -1
    for m in _FAMILY_AT.finditer(text):
        if m.start() < end:
            continue  # a second family word in the same identifier (`OAUTH_SSO_URL`)
        start = m.start()
        while start and (text[start - 1].isalnum() or text[start - 1] == "_"):
            start -= 1
        end = _IDENT_TAIL.match(text, m.end()).end()
        yield start, end, text[start:end]


def _endpoints(text: str, ctx: Context) -> dict[str, int] | None:
    """{step: offset} of the flow's configured endpoints when they cover the token endpoint and
    one more step, else None."""
    found: dict[str, int] = {}
    for start, end, name in _names(text):
        if name != name.upper() and name != name.lower():
            continue  # camel case: a vocabulary's term (ActivityStreams' `oauthTokenEndpoint`), not a setting
        step = _step(name_words(name), ctx)
        if step is None or step in found:
            continue
        if _LITERAL_URL.match(text, end):
            return None  # a vendor's endpoints written out: not a provider the admin configures
        found[step] = start
    return found if "token" in found and len(found) >= 2 else None


def detect(src: Source, ctx: Context) -> Iterator[Record]:
    lang = language_for(src.name)
    if lang is None or _endpoints(src.text, ctx) is None:
        return  # (the raw text first: blanking comments costs more than the look)
    found = _endpoints(src.stripped(lang.comments), ctx)
    if found:
        yield Evidence(path=src.rel, line=src.line_of(min(found.values())), kind=CALL,
                       name="configured OAuth2 endpoints", service=GENERIC_OIDC,
                       detail=(("alone", "1"), ("configured_endpoints", "1")))


def accepts(rel: str, name: str, ctx: Context | None = None) -> bool:
    return language_for(name) is not None and not name.endswith((".min.js", ".d.ts")) and not is_test_path(rel)


DETECTOR = Detector(
    name="configured_oauth",
    accepts=accepts,
    detect=detect,
    # (`sso` only beside an underscore: a setting's name, not `crossorigin` or `lessons`)
    literals=lambda ctx: ("oauth", "sso_", "_sso", "oidc", "openid"),
)
