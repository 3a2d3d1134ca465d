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


# A table or model of the sign-in providers an admin adds: Astuto's `create_table "o_auths"` with
# `authorize_url`, `token_url` and `profile_url` columns, a Laravel `Schema::create('oauth_providers',
# ...)`, a Django `class OAuthProvider(models.Model)`. The endpoints are rows, not settings, so the
# columns carry no family word: the table's name does. Rails names an `OAuth` model's table
# `o_auths`.
_TABLE_DECL = re.compile(
    r"""\bcreate_table\s*\(?\s*[:"'](\w+)"""
    r"""|\bSchema::create\(\s*['"](\w+)"""
    r"""|\bcreateTable\(\s*['"](\w+)"""  # knex, Sequelize migrations
    # (a Django or Flask-SQLAlchemy model: a table; not pydantic's `BaseModel`, a schema of
    # messages, as an authorization server's own metadata document)
    r"""|^[ \t]*class[ \t]+(\w+)[ \t]*\((?:models\.|db\.)?Model\)""",
    re.M,
)
_TABLE_SPAN = 4000  # the columns of one table (a few dozen lines)
_COLUMN = re.compile(r"[A-Za-z_][A-Za-z0-9_]*")
# The three steps a sign-in takes: send the user to authorize, exchange the code for a token,
# fetch who signed in. An app's table of OAuth connections it calls APIs through (an automation
# tool's stored credentials: authorize and token URLs) fetches no profile; sign-in does.
_SIGN_IN_STEPS = frozenset({"authorize", "token", "user"})


def _family_table(name: str) -> bool:
    """`name` (a table's or model's) is of an OAuth / SSO / OIDC family: `o_auths`, `OAuthProvider`,
    `sso_providers` (`sso` as a word of its own: not `lessons`)."""
    words = name_words(name)
    return "sso" in words or any(f in "".join(words) for f in ("oauth", "oidc", "openid"))


def _provider_table(text: str, ctx: Context) -> int | None:
    """Offset of a table or model of OAuth sign-in providers whose columns locate all three steps
    of the flow (`authorize_url`, `token_url`, `profile_url`), else None."""
    decls = list(_TABLE_DECL.finditer(text))
    for i, m in enumerate(decls):
        name = next(g for g in m.groups() if g)
        if not _family_table(name):
            continue
        end = decls[i + 1].start() if i + 1 < len(decls) else len(text)
        body = text[m.end():min(end, m.end() + _TABLE_SPAN)]
        steps = set()
        for c in _COLUMN.finditer(body):
            words = name_words(c.group())
            if not set(words) & _LOCATOR:
                continue
            step = _step(["oauth", *words], ctx)  # (the family word is the table's)
            if step:
                steps.add(step)
        if steps >= _SIGN_IN_STEPS:
            return m.start()
    return None


def detect(src: Source, ctx: Context) -> Iterator[Record]:
    lang = language_for(src.name)
    if lang is None:
        return
    offset: int | None = None
    if _endpoints(src.text, ctx) is not None:  # (the raw text first: blanking comments costs more than the look)
        found = _endpoints(src.stripped(lang.comments), ctx)
        offset = min(found.values()) if found else None
    if offset is None and _TABLE_DECL.search(src.text):
        offset = _provider_table(src.stripped(lang.comments), ctx)
    if offset is not None:
        yield Evidence(path=src.rel, line=src.line_of(offset), kind=CALL,
                       name="configured OAuth2 endpoints", service=GENERIC_OIDC,
                       detail=(("alone", "1"), ("configured_endpoints", "1")))


def accepts(rel: str, name: str, ctx: Context | None = None) -> bool:
    return language_for(name) is not None and not name.endswith((".min.js", ".d.ts")) and not is_test_path(rel)


DETECTOR = Detector(
    name="configured_oauth",
    accepts=accepts,
    detect=detect,
    # (`sso` only beside an underscore: a setting's name, not `crossorigin` or `lessons`)
    # (`o_auth`: Rails' table and key names of an `OAuth` model, `o_auths`, `o_auth_id`)
    literals=lambda ctx: ("oauth", "sso_", "_sso", "oidc", "openid", "o_auth"),
)
