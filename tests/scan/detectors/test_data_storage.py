"""Database types from schemas and settings; migration folders."""

from __future__ import annotations

from mkdocs_integrations.model import DB_TYPE, ENV_READ, FEATURE
from mkdocs_integrations.scan.detectors import data_storage, migrations


def test_prisma_datasource(run_detector):
    src = 'generator client {\n  provider = "prisma-client-js"\n}\n\ndatasource db {\n  provider = "postgresql"\n  url      = env("DATABASE_URL")\n}\n'
    ev, _ = run_detector(data_storage.DETECTOR, "prisma/schema.prisma", src)
    db = next(e for e in ev if e.kind == DB_TYPE)
    assert (db.service, db.line, db.get("env")) == ("postgresql", 6, "DATABASE_URL")
    assert any(e.kind == ENV_READ and e.name == "DATABASE_URL" and e.line == 7 for e in ev)


def test_django_rails_laravel(run_detector):
    django = "DATABASES = {\n    'default': {\n        'ENGINE': 'django.db.backends.postgresql',\n    }\n}\n"
    ev, _ = run_detector(data_storage.DETECTOR, "mysite/settings.py", django)
    assert [(e.service, e.line) for e in ev] == [("postgresql", 3)]
    rails = "default: &default\n  adapter: mysql2\n  pool: 5\n"
    ev, _ = run_detector(data_storage.DETECTOR, "config/database.yml", rails)
    assert [(e.service, e.line) for e in ev] == [("mysql", 2)]
    laravel = "<?php\nreturn [\n    'default' => env('DB_CONNECTION', 'sqlite'),\n];\n"
    ev, _ = run_detector(data_storage.DETECTOR, "config/database.php", laravel)
    assert [(e.service, e.line) for e in ev] == [("sqlite", 3)]


def test_laravel_config_default_backends(run_detector):
    """Laravel's config/mail.php selects its mailer with a default (`'driver' => env('MAIL_DRIVER',
    'smtp')` before Laravel 7, `'default' => env('MAIL_MAILER', 'smtp')` after): the app sends
    over SMTP unless told otherwise, with no env template needed. A local default (`log`,
    `file`) names nothing, nor does a disk kept at hand (`'cloud' => env('FILESYSTEM_CLOUD', 's3')`)."""
    mail = "<?php\nreturn [\n    'driver' => env('MAIL_DRIVER', 'smtp'),\n    'host' => env('MAIL_HOST'),\n];\n"
    ev, _ = run_detector(data_storage.DETECTOR, "config/mail.php", mail)
    assert [(e.kind, e.service, e.line) for e in ev] == [(FEATURE, "smtp", 3)]
    cache = "<?php\nreturn [\n    'default' => env('CACHE_DRIVER', 'redis'),\n];\n"
    ev, _ = run_detector(data_storage.DETECTOR, "app/Config/cache.php", cache)
    assert [e.service for e in ev] == ["redis"]
    quiet = ("<?php\nreturn [\n    'default' => env('MAIL_MAILER', 'log'),\n"
             "    'cloud' => env('FILESYSTEM_CLOUD', 's3'),\n];\n")
    ev, _ = run_detector(data_storage.DETECTOR, "config/mail.php", quiet)
    assert ev == []
    assert not data_storage.accepts("app/Mail/Mailer.php", "Mailer.php", None)


def test_rails_database_yml_templates(run_detector):
    """An app that ships database.yml.example (written to database.yml at install) names its
    databases there; other files named database.yml.* are not read."""
    rails = "postgresql: &postgresql\n  adapter: postgresql\nmysql: &mysql\n  adapter: mysql2\n"
    for name in ("config/database.yml.example", "config/database.yml.sample"):
        ev, _ = run_detector(data_storage.DETECTOR, name, rails)
        assert [(e.service, e.line) for e in ev] == [("postgresql", 2), ("mysql", 4)]
    assert not data_storage.accepts("config/database.yml.bak", "database.yml.bak", None)


def test_migration_folder(run_detector):
    ev, _ = run_detector(migrations.DETECTOR, "web/prisma/migrations/20240101_init/migration.sql", "")
    assert [(e.kind, e.name, e.get("client")) for e in ev] == [(FEATURE, "migrations:web/prisma/migrations/", "prisma")]
