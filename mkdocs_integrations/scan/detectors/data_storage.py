"""Which database a schema or settings file names: Prisma datasources, Django ENGINE,
Rails database.yml, Laravel DB_CONNECTION, Spring/JDBC URLs, Drizzle dialects; and the
backends a PHP framework's config files select by default (mail, cache, queue, session).

The database words map to services through the catalog's `url_schemes`, so this module
knows file formats, not services.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from ...model import DB_TYPE, ENV_READ, FEATURE, Evidence
from .base import Context, Detector, Record, Source

_PRISMA_DS = re.compile(r"datasource\s+\w+\s*\{(?P<body>[^}]*)\}", re.S)
_PRISMA_PROVIDER = re.compile(r"""provider\s*=\s*["']([\w-]+)["']""")
_PRISMA_URL_ENV = re.compile(r"""url\s*=\s*env\(\s*["']([A-Za-z_][A-Za-z0-9_]*)["']\s*\)""")
_DJANGO_ENGINE = re.compile(r"""['"]ENGINE['"]\s*:\s*['"][\w.]*?\.(postgresql\w*|postgis|mysql|sqlite3|oracle|mssql|sql_server\.pyodbc|cockroachdb|djongo)['"]""")
_RAILS_ADAPTER = re.compile(r"^\s*adapter:\s*['\"]?(\w+)['\"]?\s*$", re.M)
_LARAVEL_DEFAULT = re.compile(r"""['"]default['"]\s*=>\s*env\(\s*['"]DB_CONNECTION['"]\s*,\s*['"](\w+)['"]""")
# A framework config's choice of backend, with its default (Laravel's `config/mail.php`:
# `'default' => env('MAIL_MAILER', 'smtp')`, before Laravel 7 `'driver' => env('MAIL_DRIVER', 'smtp')`;
# `config/cache.php`: `'default' => env('CACHE_DRIVER', 'redis')`): the backend the app runs with
# unless its environment says otherwise, whether or not an env template sets it. The top-level
# selecting keys only: `'cloud' => env('FILESYSTEM_CLOUD', 's3')` is a disk kept at hand, not the one in use.
_FRAMEWORK_CONFIG_PHP = re.compile(r"(?:^|/)[Cc]onfig/[^/]+\.php$")
_CONFIG_DEFAULT = re.compile(
    r"""['"](?:default|driver)['"]\s*=>\s*env\(\s*['"]([A-Z][A-Z0-9_]*)['"]\s*,\s*['"]([\w-]+)['"]\s*\)"""
)
# An installer's or setup form's list of the drivers it offers, key to label (Cachet's
# `$this->choice('Which cache driver do you want to use?', ['memcached' => 'Memcached', ...])`,
# a setup controller's `protected $mailDrivers = ['mailgun' => 'Mailgun', 'ses' => 'Amazon SES', ...]`):
# each key is a value the app writes to MAIL_DRIVER / CACHE_DRIVER / DB_CONNECTION for the user
# to pick, so each is a backend the app supports. A run of three or more `'word' => 'Label'`
# pairs opening an array whose last 200 characters before it name a driver; only catalog
# driver words leave (file, sync, log name no service).
_CHOICE_ARRAY = re.compile(
    r"""(?:\[|\barray\s*\()\s*((?:['"][a-z][a-z0-9_-]*['"]\s*=>\s*(?:['"][^'"\n]{1,40}['"]|trans\([^()\n]{1,60}\))\s*(?:,\s*)?){3,})"""
)
_CHOICE_PAIR = re.compile(r"""['"]([a-z][a-z0-9_-]*)['"]\s*=>""")
# A value that is itself a driver identifier (`'mssql' => 'pdo_sqlsrv'`): the array maps names to
# drivers (Doctrine's scheme aliases, copied into apps), it offers the user nothing to choose.
_IDENTIFIER_VALUE = re.compile(r"""=>\s*['"][a-z][a-z0-9_]*['"]""")
# (or a queue: a seeder of the queue backends an admin picks from, `$queue = new QueueService();
# $services = ['sync' => 'Sync', 'sqs' => 'SQS', 'redis' => 'Redis']`, names no driver)
_DRIVER_WORD = re.compile(r"(?i)driver|mailer|queue")
_JDBC = re.compile(r"\bjdbc:(\w+):")
# A Python app's config (Flask/FastAPI `config.py`, Django settings) giving its database URL a
# default (`DATABASE_URL = os.environ.get("DATABASE_URL", "sqlite:///app.db")`, or an f-string
# `f"sqlite:///{basedir}/app.db"` built from the install folder): the URL's scheme is the
# database the app runs on out of the box.
_DB_URL_DEFAULT = re.compile(
    r"""^[ \t]*(?:self\.)?(?:[A-Za-z_]*(?:DATABASE|DB)_UR[LI]|(?:database|db)_ur[li])[ \t]*(?::[ \t]*\w+[ \t]*)?="""
    r"""[^\n]*?(?:\b[fFrRbB])?["']([a-z][a-z0-9+]*)://""",
    re.M,
)
# SQLAlchemy's URL built from parts (`URL.create("postgresql", host=...)`, or its driver read from
# the environment with a default: `URL.create(os.getenv("DB_DRIVER", "sqlite"), database=...)`):
# the driver named there, default included, is a database the app runs on.
_SQLALCHEMY_URL_CREATE = re.compile(
    r"""\bURL\.create\(\s*(?:drivername\s*=\s*)?"""
    r"""(?:os\.(?:getenv|environ\.get)\(\s*["'][A-Za-z_]\w*["']\s*,\s*)?["']([a-z][a-z0-9+]*)["']"""
)
# An app's declared minimum version of a database (EspoCRM's `'requiredMariadbVersion' => '10.3.0'`,
# WordPress's `$required_mysql_version = '5.5.5'`, `MIN_POSTGRESQL_VERSION = '12'`): the installer
# checks the server against it, so that database is one the app supports.
_REQUIRED_DB_VERSION = re.compile(
    r"""(?i)(?<![\w])[$'"]?(?:required|min|minimum)_?(mariadb|mysql|postgres|postgresql|pgsql|sqlite3?)_?version['"]?"""
    r"""\s*(?:=>|=|:)\s*['"]?\d"""
)
# A PHP Data Objects DSN (`driver:key=value;...`), the connection string of every PHP app that
# talks to its database through PDO: a setting named for it (`'dsn' => 'sqlite:' . PATH . 'db.sq3'`,
# a sample config's `dsn = "pgsql:host=localhost;dbname=app"`, `$db_dsn = "mysql:..."`) or the
# first argument of `new PDO("mysql:host=...")`. Its prefix is the database driver the app is
# configured for. No `//` after the colon: a URL (`'dsn' => 'https://key@sentry.io/1'`) is no PDO DSN.
_PDO_DSN = re.compile(
    r"""(?i)(?:(?<![A-Za-z])dsn['"]?\s*(?:=>|=|:)\s*|\bnew\s+\\?PDO\(\s*)['"]([a-z][a-z0-9]*):(?!//)"""
)
_DRIZZLE = re.compile(r"""\b(?:dialect|driver)\s*:\s*['"](\w+)['"]""")

_TEMPLATE_ENDINGS = ("example", "sample", "dist", "template", "tmpl")

# Django settings for the test run (`settings/test.py`, `config/settings/testing.py`,
# `test_settings.py`, `settings_test.py`): the database there is what the test suite runs on,
# commonly SQLite for speed, not the one the application is deployed with.
_DJANGO_TEST_SETTINGS = re.compile(r"^(?:tests?|testing|test_settings|settings_tests?)\.py$")


# A database.yml variant named for its database or its setting (`database.mysql.yml`,
# `database.ci.yml`, `database.docker.yml`, `database.example.yml`): the config a CI matrix or
# an install step copies over config/database.yml, so its adapter is one the app runs on.
# Not a backup of one (`database.bak.yml`).
_DATABASE_YML_VARIANT = re.compile(r"^database\.(?!(?:bak|orig|old|backup)\.)[A-Za-z][\w-]*\.yml$")


def _rails_database_yml(name: str) -> bool:
    """Rails' database.yml, or the template an app ships instead of it (`database.yml.example`,
    `.sample`: the real file is written at install time from it, so its adapters are the app's),
    or a variant of it (`database.mysql.yml`, see `_DATABASE_YML_VARIANT`)."""
    return name == "database.yml" or bool(_DATABASE_YML_VARIANT.match(name)) or (
        name.startswith("database.yml.") and name[len("database.yml."):] in _TEMPLATE_ENDINGS
    )


# A top-level block of a YAML file (`default: &default`, `production:`), its anchor if it has one.
_TOP_BLOCK = re.compile(r"^([A-Za-z_][\w-]*)[ \t]*:[ \t]*(?:&([\w-]+))?[^\n]*$", re.M)


def _overridden_default_adapters(text: str) -> set[int]:
    """Offsets of adapters in a database.yml's shared block (`default: &default`) that every
    environment merging it (`<<: *default`) replaces with its own `adapter:`: Rails' generated
    sqlite3 default left in place while development, test and production all say postgresql.
    The shared block is no environment, so its adapter is used only through a merge that keeps
    it. A block nobody merges keeps its adapter (the file may be read some other way)."""
    blocks = list(_TOP_BLOCK.finditer(text))
    spans = [(b, b.end(), blocks[i + 1].start() if i + 1 < len(blocks) else len(text)) for i, b in enumerate(blocks)]
    out: set[int] = set()
    for b, start, end in spans:
        anchor = b.group(2)
        if not anchor:
            continue
        merge = re.compile(r"^[ \t]+<<:[ \t]*\*" + re.escape(anchor) + r"\b", re.M)
        mergers = [(s, e) for o, s, e in spans if o is not b and merge.search(text, s, e)]
        if mergers and all(_RAILS_ADAPTER.search(text, s, e) for s, e in mergers):
            out.update(m.start(1) for m in _RAILS_ADAPTER.finditer(text, start, end))
    return out


# PHPUnit's layout: `tests/Unit/FooTest.php`, `tst/Data/DatabaseTest.php`. A test's DSN is the
# database the suite runs on (or a driver it checks is refused), not one the app is configured for.
_PHP_TEST_DIRS = frozenset({"tests", "test", "tst", "spec", "specs", "fixtures"})


def _php_test_file(rel: str) -> bool:
    parts = rel.split("/")
    return parts[-1].endswith(("Test.php", "TestCase.php")) or any(p.lower() in _PHP_TEST_DIRS for p in parts[:-1])


def database_for(ctx: Context, word: str) -> str | None:
    """The database service a driver or dialect word names (`pgsql`, `mysql2`, `sqlite3`):
    catalog data (`drivers`, `url_schemes`), so this module knows file formats, not services."""
    return ctx.index.driver(word)


def _emit(src: Source, ctx: Context, word: str, offset: int, via: str = "") -> Iterator[Record]:
    sid = database_for(ctx, word)
    if sid:
        yield Evidence(
            path=src.rel, line=src.line_of(offset), kind=DB_TYPE, name=sid, service=sid,
            detail=(("env", via),) if via else (),
        )


def _driver_choices(src: Source, ctx: Context) -> Iterator[Record]:
    """The catalog backends an installer or setup form offers by driver word (`_CHOICE_ARRAY`)."""
    lowered = src.lowered
    if "driver" not in lowered and "mailer" not in lowered and "queue" not in lowered:
        return  # most PHP files: no choice array can be preceded by its driver word
    text = src.text
    seen: set[str] = set()
    for m in _CHOICE_ARRAY.finditer(text):
        if not _DRIVER_WORD.search(text, max(0, m.start() - 200), m.start()):
            continue
        pairs = len(_CHOICE_PAIR.findall(m.group(1)))
        if 2 * len(_IDENTIFIER_VALUE.findall(m.group(1))) > pairs:
            continue  # a lookup table of driver identifiers, not labels for a person
        for p in _CHOICE_PAIR.finditer(m.group(1)):
            sid = ctx.index.driver(p.group(1))
            if not sid or sid in seen:
                continue
            seen.add(sid)
            line = src.line_of(m.start(1) + p.start())
            if ctx.catalog.services[sid].category == "database":
                yield Evidence(path=src.rel, line=line, kind=DB_TYPE, name=sid, service=sid, detail=(("choice", "1"),))
            else:
                yield Evidence(path=src.rel, line=line, kind=FEATURE, name="choice_of:driver", service=sid)


def detect(src: Source, ctx: Context) -> Iterator[Record]:
    name = src.name
    text = src.text
    if name.endswith(".prisma"):
        for ds in _PRISMA_DS.finditer(text):
            body = ds.group("body")
            provider = _PRISMA_PROVIDER.search(body)
            env = _PRISMA_URL_ENV.search(body)
            via = env.group(1) if env else ""
            if provider:
                yield from _emit(src, ctx, provider.group(1), ds.start("body") + provider.start(), via)
            if env:
                yield Evidence(path=src.rel, line=src.line_of(ds.start("body") + env.start(1)), kind=ENV_READ, name=via)
        return
    if _rails_database_yml(name):
        overridden = _overridden_default_adapters(text)
        for m in _RAILS_ADAPTER.finditer(text):
            if m.start(1) not in overridden:
                yield from _emit(src, ctx, m.group(1), m.start(1))
        return
    if name.startswith("drizzle.config."):
        for m in _DRIZZLE.finditer(text):
            yield from _emit(src, ctx, m.group(1), m.start(1))
        return
    if name == "database.php":
        for m in _LARAVEL_DEFAULT.finditer(text):
            yield from _emit(src, ctx, m.group(1), m.start(1))
        return
    if name.endswith(".php"):
        for m in _REQUIRED_DB_VERSION.finditer(text) if "_version" in src.lowered or "version'" in src.lowered else ():
            yield from _emit(src, ctx, m.group(1), m.start(1))
        if ("dsn" in src.lowered or "pdo" in src.lowered) and not _php_test_file(src.rel):
            for m in _PDO_DSN.finditer(text):
                yield from _emit(src, ctx, m.group(1).lower(), m.start(1))
    if name.endswith(".php") and not _FRAMEWORK_CONFIG_PHP.search(src.rel):
        yield from _driver_choices(src, ctx)
        return
    if _FRAMEWORK_CONFIG_PHP.search(src.rel):
        from .env_files import BACKEND_SETTING, driver_fact  # env_files imports this module

        for m in _CONFIG_DEFAULT.finditer(text):
            if BACKEND_SETTING.match(m.group(1)):
                yield from driver_fact(src, ctx, src.line_of(m.start(2)), m.group(1), m.group(2))
        return
    if name.endswith(".py"):
        if _DJANGO_TEST_SETTINGS.match(name):
            return
        for m in _DJANGO_ENGINE.finditer(text):
            yield from _emit(src, ctx, m.group(1).split("_")[0] if m.group(1).startswith("postgresql") else m.group(1), m.start(1))
        for m in _DB_URL_DEFAULT.finditer(text):
            yield from _emit(src, ctx, m.group(1).lower(), m.start(1))
        for m in _SQLALCHEMY_URL_CREATE.finditer(text) if "URL.create(" in text else ():
            yield from _emit(src, ctx, m.group(1).split("+")[0], m.start(1))
        return
    for m in _JDBC.finditer(text):  # application.properties / .yml
        yield from _emit(src, ctx, m.group(1), m.start(1))


def accepts(rel: str, name: str, ctx: Context) -> bool:
    if name.endswith(".prisma") or name in ("database.yml", "database.php") or name.startswith("drizzle.config."):
        return True
    if name.endswith(".php"):
        return True  # framework config files, and any PHP file for an installer's driver choices
    if _rails_database_yml(name):
        return True
    if name.startswith("application") and name.endswith((".properties", ".yml", ".yaml")):
        return True
    return name.endswith(".py") and ("settings" in rel.lower() or name == "config.py")


DETECTOR = Detector(name="data-storage", accepts=accepts, detect=detect)
