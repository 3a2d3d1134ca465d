"""`.env`-style files: variable NAMES and which environment they belong to; never values.

Only the part before `=` is read into a record. A real env file (`.env`, `.env.production`)
that the walk reached is, by construction, not gitignored: that is a security finding.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from ...model import CONFIG, DB_TYPE, ENV_DECL, FEATURE, HOST, Evidence, Finding
from ._infra import blank_xml_comments
from .base import Context, Detector, Record, Source
from .data_storage import database_for

# A name may start with digits (`2FA_ENABLED=true`): no shell exports one, but every dotenv
# parser reads it (phpdotenv, python-dotenv, Ruby and Node dotenv, godotenv) and Laravel's
# `env('2FA_ENABLED')` gets it. Digits alone (`1=`) name nothing: a letter or `_` must follow.
_ASSIGN = re.compile(r"^\s*(?:export\s+)?([0-9]*[A-Za-z_][A-Za-z0-9_.]*)\s*=")
# A commented-out assignment documents an optional variable. Its name is upper case, or an upper
# case prefix whose tail keeps a user's spelling (`# VITE_APP_pihole_ip=`: Vite exposes any
# `VITE_` name as written); prose (`# Note=...`, `# this is prose = ...`) is neither.
_COMMENTED = re.compile(r"^\s*#\s*(?:export\s+)?([0-9]*[A-Z][A-Z0-9]*(?:_[A-Za-z0-9]+)+|[0-9]*[A-Z][A-Z0-9_]{2,})=")
# `default` (and `defaults`, dotenv-defaults' `.env.defaults`): the committed defaults an install
# copies or loads under its own `.env` (`cp .env.default .env`, `RUN mv env.default .env`,
# `Dotenv.load(".env.default")`); they document every setting, like `.env.example`.
TEMPLATE_MARKERS = ("example", "sample", "template", "dist", "default", "tmpl", "schema")
_TEMPLATE_ENDINGS = frozenset({"example", "sample", "template", "dist", "tmpl"})
_SEPARATED_ENDING = re.compile(r"[-_](example|sample|template|dist|tmpl)$")
_ENV_WORDS = frozenset({"env", "envrc", "secrets", "secret"})
# `.env-<name>` (not env-cmd's JSON `.env-cmdrc`): a `.env.<name>` spelled with a dash.
_DASHED_ENV = re.compile(r"^\.env-(?=[a-z])(?!cmdrc$)")


# A template engine's extension on a file a scaffolder or deploy tool renders into the project
# (vendure's `.env.hbs` / `storefront-env.hbs`, an Ansible role's `.env.j2`, an EJS
# `.env.example.ejs`, 1Password's `op inject` `.env.tpl`, Kamal's `.env.erb`): what it renders
# is the generated app's env file, so it documents that app's settings, like `.env.example`.
_ENGINE_ENDINGS = (
    ".hbs", ".handlebars", ".ejs", ".erb", ".j2", ".jinja", ".jinja2", ".mustache", ".tpl", ".tmpl",
    ".template", ".njk", ".liquid", ".eta",
)
_CODE_NAME_ENDINGS = (".js", ".ts", ".py", ".rb", ".go", ".php", ".json", ".md", ".sh", ".d.ts")


def engine_template_target(name: str) -> str | None:
    """The env-file name a template-engine file renders to (`.env.hbs` -> `.env`,
    `storefront-env.hbs` -> `storefront-env`, `.env.example.ejs` -> `.env.example`), or None
    when the name, one engine extension off, is no env-file name (`environment.d.hbs`,
    `email.hbs`). Such a file is read only if its content is KEY=value lines (see
    engine_env_shaped): a Helm `_env.tpl` of YAML snippets is not one."""
    lower = name.lower()
    ending = next((e for e in _ENGINE_ENDINGS if lower.endswith(e)), None)
    if ending is None:
        return None
    if ending in (".template", ".tmpl") and _plain_kind(name) is not None:
        return None  # `.env.template`, `.env.tmpl`: a template word, not an engine (read as before)
    rest = lower[: -len(ending)]
    rest = _DASHED_ENV.sub(".env.", rest)
    if not rest or rest.endswith(_CODE_NAME_ENDINGS):
        return None
    if rest in (".env", "env") or rest.startswith((".env.", "env.")) or rest.endswith(("-env", "_env", ".env")):
        return rest
    return None


def env_file_kind(name: str) -> str | None:
    """'template' for committed examples, 'real' for files that hold values, None otherwise."""
    if "env" not in name.lower() and "secret" not in name.lower() and "conf" not in name.lower():
        return None  # every name below holds one of these words (most files: none)
    if engine_template_target(name) is not None:
        return "template"  # rendered by a template engine: a template whatever the name under it
    return _plain_kind(name)


def _plain_kind(name: str) -> str | None:
    """env_file_kind of a name no template engine renders."""
    lower = _SEPARATED_ENDING.sub(r".\1", name.lower())  # `.env_sample`, `.env-template` are `.env.sample`, `.env.template`
    lower = _DASHED_ENV.sub(".env.", lower)  # `.env-local`, `.env-ci` are `.env.local`, `.env.ci`
    if lower in ("env.example", "example.env", "sample.env", "env.sample", "env.template", "dotenv.example"):
        return "template"
    if lower == ".flaskenv":
        return "template"  # Flask's committed, public dotenv (FLASK_APP=...): settings, not secrets
    if lower.endswith((".conf.example", ".conf.sample", ".env.dist", ".env.tmpl")):
        return "template"  # docker-style KEY=value config templates (paperless.conf.example)
    parts = lower.split(".")
    if parts[-1] in _TEMPLATE_ENDINGS and any(p in _ENV_WORDS for p in parts[1:-1]):
        return "template"  # `.secrets.example`, `secrets.env.sample`: KEY=value templates by another name
    if dotless_env_name(lower):
        lower = "." + lower  # `env.default`, `env.dev`: `.env.default`, `.env.dev` without the dot
    if not (lower == ".env" or lower.startswith(".env.") or lower.endswith(".env")):
        return None
    if lower.endswith(_CODE_NAME_ENDINGS):
        return None
    if any(marker in lower for marker in TEMPLATE_MARKERS):
        return "template"
    return "real"


_ENV_LINE = re.compile(r"^(?:export\s+)?[0-9]*[A-Z][A-Z0-9_]*=")  # (`2FA_ENABLED=`: see _ASSIGN)
# `KEY = value`: dotenv parsers (python-dotenv, godotenv, Compose's env_file) trim the blanks
# around `=`, so one such line in a file of `KEY=value` lines is still an env line.
_SPACED_ENV_LINE = re.compile(r"^(?:export\s+)?[0-9]*[A-Z][A-Z0-9_]*[ \t]+=")
# Middle name parts that say a file's format (`phpunit.xml.dist`, `settings.py.example`): such
# a template is a file of that format, not an env file, whatever its lines look like.
_FORMAT_PARTS = frozenset({
    "json", "yml", "yaml", "toml", "ini", "xml", "conf", "cfg", "config", "properties", "neon",
    "py", "php", "js", "mjs", "cjs", "ts", "tsx", "jsx", "rb", "go", "rs", "java", "kt", "cs",
    "ex", "exs", "sh", "bash", "ps1", "md", "txt", "html", "htm", "css", "sql", "service", "tf",
    "tfvars", "hcl", "lua", "pl", "mod", "lock", "plist", "vcl", "rc",
})


def dotless_env_name(name: str) -> bool:
    """`env.default`, `env.dev`, `env.list`: `env` then words none of which is a format's
    extension (`env.ts`, `env.d.ts`, `env.sh.eex`, `env.conf` are code or config). Images ship
    such a file as the app's dotenv (`RUN mv env.default .env`, `cp env.dev .env`, Docker's
    `--env-file env.list`), so it is named like `.env.<word>` without the dot, and classified
    so (a template word makes it a template, else it holds an environment's values). It is
    read only if its content is dotenv lines (see dotenv_shaped): the bare `env` prefix is
    too common a file name to trust alone."""
    parts = name.lower().split(".")
    return (
        len(parts) >= 2 and parts[0] == "env" and all(parts[1:])
        and not any(p in _FORMAT_PARTS or p == "op" for p in parts[1:])  # (`env.op`: see reference_template)
    )


def bare_template(name: str) -> bool:
    """`blackfire.example`, `app.dist`, `common.e2e.dist`: a template whose name says nothing of
    its format (no part of it is a format's extension, unlike `phpunit.xml.dist`); it is an env
    file only if its content is (see env_shaped)."""
    parts = name.lower().split(".")
    return (
        len(parts) >= 2 and bool(parts[0]) and parts[-1] in _TEMPLATE_ENDINGS
        and not any(p in _FORMAT_PARTS and p not in _DOTENV_UNDER_FORMAT for p in parts[1:-1])
    )


# A format whose files can hold nothing but dotenv lines and still be named for it: PHP runs
# only what follows `<?php`, so an app loads `ipconfig.php` with phpdotenv
# (`Dotenv::createImmutable(__DIR__, 'ipconfig.php')`) and ships `ipconfig.php.example`, its
# first line the commented `# <?php exit(...) ?>` guard. A real PHP template opens with `<?php`
# and is never env-shaped, so it is still not read.
_DOTENV_UNDER_FORMAT = frozenset({"php"})


def in_template_folder(rel: str, name: str) -> bool:
    """`env.d/production.dist/backend`: a file with no extension in a folder whose own name ends
    like a template's (`production.dist`, `config.example`, `env-sample`). Projects that keep one
    env file per container (Compose's `env_file:` list) ship the set as a folder to copy, so the
    folder, not each file, carries the template word. Whether it is an env file at all is decided
    by its content (see env_shaped): a `README` or a YAML file in such a folder is not read."""
    if "." in name or "/" not in rel:
        return False
    folder = rel.rsplit("/", 2)[-2].lower()
    folder = _SEPARATED_ENDING.sub(r".\1", folder)
    parts = folder.split(".")
    return len(parts) >= 2 and bool(parts[0]) and parts[-1] in _TEMPLATE_ENDINGS


def _assignments(text: str) -> list[str] | None:
    """The `UPPER_CASE=value` lines of a KEY=value file (blank lines and comments aside), or
    None when any other kind of line is in it."""
    lines = []
    spaced = 0
    for raw in text.splitlines():
        line = raw.strip()
        if not line or line.startswith("#"):
            continue
        if not _ENV_LINE.match(line):
            if not _SPACED_ENV_LINE.match(line):
                return None
            spaced += 1  # `KEY = value`: fine among `KEY=value` lines (a file of only such lines is a Makefile's or TOML's)
        lines.append(line)
    return lines if spaced * 2 < len(lines) else None


# `KEY: value`: Ruby's and Node's dotenv and Go's godotenv read a colon as `=` (`GITHUB_APP_ID: 1234`), so
# some projects write their env template in that YAML-like form. Read only in a file its name
# makes an env file, and only where every line is a flat upper-case `KEY: value` or `KEY=value`
# (see colon_env_shaped): a YAML document has nesting, lower-case keys or lists.
_COLON_ASSIGN = re.compile(r"^(?:export\s+)?([0-9]*[A-Z][A-Z0-9_]*):(?=[ \t]|$)")


def colon_env_shaped(text: str) -> bool:
    """Every line that is neither blank nor a comment is unindented `UPPER_CASE: value` or
    `UPPER_CASE=value`, and one is `UPPER_CASE: value`."""
    colon = False
    for raw in text.splitlines():
        line = raw.strip()
        if not line or line.startswith("#"):
            continue
        if raw[:1] in (" ", "\t") or not (_ENV_LINE.match(line) or _COLON_ASSIGN.match(line)):
            return False
        colon = colon or not _ENV_LINE.match(line)
    return colon


# A dotenv line whatever the case of its name: python-dotenv, python-decouple, phpdotenv and the
# Node and Ruby dotenv read `pg_host=...` or `assistList=...` as they read `PG_HOST=...`.
_ANY_CASE_ENV_LINE = re.compile(r"^(?:export\s+)?[0-9]*[A-Za-z_][A-Za-z0-9_.]*=")


def dotenv_shaped(text: str) -> bool:
    """Every line that is neither blank nor a comment is `name=value` (any case, no blank
    before `=`), and there is one: what a dotless `env.<word>` must hold to be read."""
    found = False
    for raw in text.splitlines():
        line = raw.strip()
        if not line or line.startswith("#"):
            continue
        if not _ANY_CASE_ENV_LINE.match(line):
            return False
        found = True
    return found


def env_shaped(text: str) -> bool:
    """Every line that is neither blank nor a comment is `UPPER_CASE=value` (fewer than half
    spelled `UPPER_CASE = value`), and there is one."""
    return bool(_assignments(text))


_ENGINE_TAG = re.compile(r"\{\{|\{%|\{#|<%|\$\{\{")


def engine_env_shaped(text: str) -> bool:
    """A template engine's env file: every line that is neither blank nor a comment is
    `KEY=value` (a placeholder in the value, `PORT={{ port }}`, is fine) or is the
    engine's own (`{{#if x}}`, `{% if %}`, `<% end %>`, or a line whose name is a placeholder,
    `{{{Key}}}={{{Value}}}`, which names no variable), and one is `KEY=value`."""
    found = False
    for raw in text.splitlines():
        line = raw.strip()
        if not line or line.startswith("#"):
            continue
        if _ASSIGN.match(line) and not _ENGINE_TAG.search(line.split("=", 1)[0]):
            found = True
            continue
        if not _ENGINE_TAG.search(line.split("=", 1)[0]):
            return False  # YAML, prose, code: not a KEY=value file
    return found


# A 1Password secret reference (`op://vault/item/field`), bare, quoted or in `op inject`'s
# `{{ op://... }}`: where the value lives, not the value. The scheme names the secret store
# through the catalog's `url_schemes`.
_SECRET_REFERENCE = re.compile(r"""^["']?(?:\{\{\s*)?(op)://""")
# A value the shell computes when the file is sourced (`"$(flyctl auth token)"`, `${HOME}`).
_SHELL_VALUE = re.compile(r"""^["']?\$""")
_REFERENCE_NAME_WORDS = _ENV_WORDS | {"op"}
_CODE_ENDINGS = _CODE_NAME_ENDINGS + (".yml", ".yaml", ".toml", ".ex", ".exs")


def reference_named(name: str) -> bool:
    """`env.op`, `envrc.secrets.op`, `secrets.op`: a name with an env word (or `op`) as one of
    its dot-separated parts, not a code or config file. Such a file is read only if its content
    is a secret-reference template (see reference_template)."""
    lower = name.lower()
    if lower.endswith(_CODE_ENDINGS):
        return False
    return any(p in _REFERENCE_NAME_WORDS for p in lower.lstrip(".").split("."))


def _value_of(line: str) -> str:
    return line.split("=", 1)[1].split(" #", 1)[0].strip()


def reference_template(text: str) -> bool:
    """A KEY=value file of secret references: every line that is neither blank nor a comment is
    `[export ]UPPER_CASE=value`, every value is a secret reference (`op://...`), a shell
    expansion or empty, and one is a reference. `op run --env-file` and `op inject` read such
    files (1Password's documented way to keep env files in git): they name variables and hold
    no secret, so they are templates whatever their name. A file with one literal value is not
    one (it may be a real secret file)."""
    values = [_value_of(line) for line in _assignments(text) or ()]
    if any(v.strip("'\"") and not _SECRET_REFERENCE.match(v) and not _SHELL_VALUE.match(v) for v in values):
        return False
    return any(_SECRET_REFERENCE.match(v) for v in values)


def environment_of(name: str) -> str:
    """development / staging / production / test / any, from the env file's name."""
    lower = name.lower()
    for env, words in (
        ("production", ("prod",)),
        ("staging", ("staging", "stage", "preview")),
        ("test", ("test", "ci")),
        ("development", ("dev", "local")),
    ):
        if any(w in lower.replace(".env", "").replace("env.", "") for w in words):
            return env
    return "any"


_SCHEME = re.compile(r"^([a-z][a-z0-9+.-]*)://")
_MARIADB_VERSION = re.compile(r"^mysql[^:]*://[^?#\s]*\?(?:[^#\s]*&)?serverVersion=[^&#\s]*mariadb", re.I)
_TEST_MODE = re.compile(r"^[a-z]{2,4}_test_|^(?:test|sandbox)$", re.I)
# A web URL's host (after any `user:key@`, which is dropped unread).
_URL_HOST = re.compile(r"^https?://(?:[^@/\s]*@)?([A-Za-z0-9.-]+\.[A-Za-z]{2,})(?=[:/?#]|$)")


# Settings whose value names the backend in use: Laravel's DB_CONNECTION=pgsql,
# MAIL_MAILER=ses, QUEUE_CONNECTION=sqs; healthchecks' DB=postgres; DATABASE_ENGINE=mysql.
_DB_SETTING = re.compile(r"^(?:[A-Z0-9]+_)?(?:DB|DATABASE)(?:_(?:CONNECTION|DRIVER|ENGINE|TYPE|DIALECT|CLIENT|VENDOR|BACKEND|PROVIDER))?$")
BACKEND_SETTING = re.compile(
    r"^(?:CACHE_(?:DRIVER|STORE)|QUEUE_(?:CONNECTION|DRIVER)|SESSION_DRIVER|MAIL_(?:MAILER|DRIVER|TRANSPORT)"
    r"|FILESYSTEM_(?:DISK|DRIVER|CLOUD)|BROADCAST_(?:DRIVER|CONNECTION)|EMAIL_BACKEND|STORAGE_(?:DRIVER|BACKEND|PROVIDER))$"
)
def driver_fact(src: Source, ctx: Context, line: int, name: str, value: str) -> Iterator[Record]:
    """The service a backend-selecting setting names; only a catalog id leaves, never the value."""
    word = value.lower()
    if _DB_SETTING.match(name):
        sid = database_for(ctx, word) or database_for(ctx, word.split("-")[0])  # pgsql-ci, sqlite-persistent
        if sid:
            yield Evidence(path=src.rel, line=line, kind=DB_TYPE, name=sid, service=sid, detail=(("env", name),))
    elif BACKEND_SETTING.match(name):
        sid = ctx.index.driver(word)  # a local driver (`file`, `log`, `database`) names no service
        if sid:
            yield Evidence(path=src.rel, line=line, kind=FEATURE, name=f"selected_by:{name}", service=sid)


_CHOICE_WORD = re.compile(r"[A-Za-z][A-Za-z0-9_+-]*")


def _choice_facts(src: Source, ctx: Context, name: str, comments: list[tuple[int, str]]) -> Iterator[Record]:
    """The backends a template's comment offers for the setting right below it (linkace's
    `# Set the database driver (mysql, pgsql, sqlsrv, sqlite)` above `DB_CONNECTION=mysql`,
    firefly-iii's `# Use pgsql for PostgreSQL`): the app documents each as supported, so each
    is one the app can run on, like the value chosen. Only catalog driver words leave."""
    seen: set[str] = set()
    for line, text in comments:
        for w in _CHOICE_WORD.finditer(text):
            word = w.group(0).lower()
            if _DB_SETTING.match(name):
                sid = database_for(ctx, word)
                if sid and sid not in seen:
                    seen.add(sid)
                    yield Evidence(path=src.rel, line=line, kind=DB_TYPE, name=sid, service=sid,
                                   detail=(("choice", "1"), ("env", name)))
            else:
                sid = ctx.index.driver(word)
                if sid and sid not in seen:
                    seen.add(sid)
                    yield Evidence(path=src.rel, line=line, kind=FEATURE, name=f"choice_of:{name}", service=sid)


def _value_facts(src: Source, ctx: Context, line: int, name: str, value: str, kind: str) -> Iterator[Record]:
    """What a template's value tells without being a secret: the URL scheme, test mode.

    Only the scheme and a yes/no leave this function; the value itself is dropped here.
    """
    if not value or _SECRET_REFERENCE.match(value):
        return  # (a secret reference is where a value lives: the file's store is told once, in detect)
    yield from driver_fact(src, ctx, line, name, value)
    if kind != "template":
        return
    scheme = _SCHEME.match(value)
    if scheme:
        sid = ctx.index.url_schemes.get(scheme.group(1).lower())
        if sid and _MARIADB_VERSION.search(value):
            # Doctrine's `mysql://...?serverVersion=10.5.8-MariaDB`: the mysql driver talking to MariaDB.
            sid = ctx.index.url_schemes.get("mariadb", sid)
        if sid:
            yield Evidence(path=src.rel, line=line, kind=DB_TYPE, name=sid, service=sid, detail=(("env", name),))
    url = _URL_HOST.match(value)
    if url:
        # The template points a setting at a vendor's API host (`AWS_ENDPOINT_URL_S3=
        # https://fly.storage.tigris.dev`, `OPENAI_BASE_URL=https://api.groq.com/openai/v1`): the
        # app is set up to talk to that vendor whatever SDK the code uses. Catalog hosts are
        # API hosts, not sites, so a link to a repository or a homepage names none.
        sid = ctx.index.host(url.group(1))
        if sid:
            yield Evidence(path=src.rel, line=line, kind=HOST, name=url.group(1).lower(), service=sid,
                           detail=(("env", name),))
    if _TEST_MODE.match(value):
        sid = ctx.index.env(name)
        if sid:
            yield Evidence(path=src.rel, line=line, kind=FEATURE, name="test_mode:yes", service=sid)


_PHPUNIT_ENV = re.compile(r"""<(?:env|server)\s+name=["']([A-Za-z_][A-Za-z0-9_]*)["']\s+value=["']([^"']*)["']""")


# An install script writing the app's env file from a heredoc (`cat >$ROOT/.env <<END_ENV` ...
# `CACHE_DRIVER=memcached` ... `END_ENV`): the settings a production install runs with, so a
# backend-selecting value there (driver_fact) is the backend the installed app uses. Nothing
# else of the heredoc leaves: its other lines may hold generated secrets.
_ENV_HEREDOC = re.compile(
    r"""\bcat[ \t]*>>?[ \t]*["']?[^\s<>"']*\.env["']?[ \t]*<<-?[ \t]*["']?(\w+)["']?[^\n]*\n(.*?)^[ \t]*\1[ \t]*$""",
    re.S | re.M,
)


def _installer_env(src: Source, ctx: Context) -> Iterator[Record]:
    if ".env" not in src.text:
        return
    for m in _ENV_HEREDOC.finditer(src.text):
        first = src.line_of(m.start(2))
        for i, raw in enumerate(m.group(2).splitlines()):
            a = _ASSIGN.match(raw)
            if a and (_DB_SETTING.match(a.group(1)) or BACKEND_SETTING.match(a.group(1))):
                value = _value_of(raw).strip("'\"")
                if value and "$" not in value:
                    yield from driver_fact(src, ctx, first + i, a.group(1), value)


def _env_file_named(rel: str, name: str) -> bool:
    return (env_file_kind(name) is not None or name in ("phpunit.xml", "phpunit.xml.dist") or bare_template(name)
            or in_template_folder(rel, name) or reference_named(name))


def detect(src: Source, ctx: Context) -> Iterator[Record]:
    if src.name.endswith(".sh") and not _env_file_named(src.rel, src.name):
        yield from _installer_env(src, ctx)
        return
    if src.name in ("phpunit.xml", "phpunit.xml.dist"):  # PHPUnit's test environment: DB_CONNECTION=sqlite
        # a commented-out `<!-- <server name="DB_CONNECTION" value="sqlite"/> -->` sets nothing
        for m in _PHPUNIT_ENV.finditer(blank_xml_comments(src.text)):
            yield from driver_fact(src, ctx, src.line_of(m.start()), m.group(1), m.group(2))
        return
    kind = env_file_kind(src.name)
    if kind is not None and dotless_env_name(src.name) and not (dotenv_shaped(src.text) or colon_env_shaped(src.text)):
        return  # an `env.phtml` view or an `env.bat` script: named like one, not a dotenv file
    target = engine_template_target(src.name)
    if target is not None and not engine_env_shaped(src.text):
        return  # a Helm `_env.tpl` of YAML, a `.env.hbs` of code: not a KEY=value file
    environment = environment_of(target or src.name)  # `.env.production.j2` renders `.env.production`
    if kind is None and reference_named(src.name) and reference_template(src.text):
        kind = "template"  # `env.op` of `op://` references: a template by its content
    if kind is None:
        foldered = in_template_folder(src.rel, src.name)
        if not ((bare_template(src.name) or foldered) and env_shaped(src.text)):
            return  # `config.example` in another format (TOML, INI): not an env file
        kind = "template"
        if foldered and environment == "any":  # `production.dist/backend`: the folder names it
            environment = environment_of(src.rel.rsplit("/", 2)[-2])
    colon = ":" in src.text and colon_env_shaped(src.text)  # `KEY: value` lines (dotenv reads them)
    valued = 0
    stores: set[str] = set()  # secret stores the file's references name
    comments: list[tuple[int, str]] = []  # the comment block right above the current line
    for i, raw in enumerate(src.text.splitlines(), start=1):
        m = _ASSIGN.match(raw) or (_COLON_ASSIGN.match(raw) if colon else None)
        if not m:
            c = _COMMENTED.match(raw)
            if c:
                yield Evidence(
                    path=src.rel, line=i, kind=ENV_DECL, name=c.group(1),
                    detail=(("file", kind), ("environment", environment), ("optional", "1")),
                )
                comments = []
            elif raw.lstrip().startswith("#"):
                comments.append((i, raw))
            else:
                comments = []
            continue
        if kind == "template" and comments and (_DB_SETTING.match(m.group(1)) or BACKEND_SETTING.match(m.group(1))):
            yield from _choice_facts(src, ctx, m.group(1), comments)
        comments = []
        value = (_value_of(raw) if m.re is _ASSIGN else raw[m.end():].split(" #", 1)[0].strip()).strip("'\"")
        has_value = bool(value)
        reference = _SECRET_REFERENCE.match(value)
        # A reference is no secret: a committed `.env` of `op://` references leaks nothing.
        valued += has_value and not reference
        if reference:
            store = ctx.index.url_schemes.get(reference.group(1))
            if store and store not in stores:
                stores.add(store)  # the secret store the app's env comes from: once per file
                yield Evidence(path=src.rel, line=i, kind=CONFIG, name=src.name, service=store)
        yield from _value_facts(src, ctx, i, m.group(1), value, kind)
        yield Evidence(
            path=src.rel,
            line=i,
            kind=ENV_DECL,
            name=m.group(1),
            detail=(("file", kind), ("environment", environment), ("has_value", "1" if has_value else "0")),
        )
    if kind == "real" and valued:
        yield Finding(
            path=src.rel,
            line=1,
            kind="Environment file with real values is not gitignored",
            severity="high",
            rule="committed-env-file",
        )


DETECTOR = Detector(
    name="env-files",
    accepts=lambda rel, name, ctx: _env_file_named(rel, name) or name.endswith(".sh"),
    detect=detect,
)
