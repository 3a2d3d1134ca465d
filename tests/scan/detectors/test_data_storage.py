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


def test_rails_shared_adapter_every_environment_replaces_is_unused(run_detector):
    """Rails' generated `default: &default` with sqlite3 left in place while every environment
    merging it sets `adapter: postgresql`: SQLite is used nowhere. A default some environment
    keeps (production merging it without an adapter of its own) is used."""
    replaced = ("default: &default\n  adapter: sqlite3\n  pool: 5\n\ndevelopment:\n  adapter: postgresql\n"
                "  database: app_dev\n\nproduction:\n  <<: *default\n  adapter: postgresql\n  database: app\n")
    ev, _ = run_detector(data_storage.DETECTOR, "config/database.yml", replaced)
    assert [(e.service, e.line) for e in ev if e.kind == DB_TYPE] == [("postgresql", 6), ("postgresql", 11)]
    kept = ("default: &default\n  adapter: sqlite3\n\ndevelopment:\n  adapter: postgresql\n\n"
            "production:\n  <<: *default\n  database: db/production.sqlite3\n")
    ev, _ = run_detector(data_storage.DETECTOR, "config/database.yml", kept)
    assert [(e.service, e.line) for e in ev if e.kind == DB_TYPE] == [("sqlite", 2), ("postgresql", 5)]


def test_django_test_settings_name_the_test_database_only(run_detector):
    """`settings/test.py` (the test run's settings) naming SQLite for speed is no database the
    app is deployed with; the same ENGINE in the base settings is."""
    django = "DATABASES = {\n    'default': {\n        'ENGINE': 'django.db.backends.sqlite3',\n    }\n}\n"
    for rel in ("readthedocs/settings/test.py", "config/settings/testing.py", "app/test_settings.py", "app/settings_test.py"):
        assert run_detector(data_storage.DETECTOR, rel, django)[0] == [], rel
    ev, _ = run_detector(data_storage.DETECTOR, "readthedocs/settings/dev.py", django)
    assert [e.service for e in ev] == ["sqlite"]


def test_a_python_configs_default_database_url_names_its_database(run_detector):
    """A config's database URL default, a plain literal or an f-string built from the install
    folder, names the database by its scheme; a URL under another name (a webhook) does not."""
    config = (
        "import os\n"
        "class ServerConfig:\n"
        "    DATABASE_URL = os.getenv('DATABASE_URL')\n"
        "    if not DATABASE_URL:\n"
        "        DATABASE_URL = f\"sqlite:///{os.path.dirname(os.path.abspath(__file__))}/app.db\"\n"
        "    SQLALCHEMY_DATABASE_URI = os.environ.get('SQLALCHEMY_DATABASE_URI', 'postgresql+psycopg2://localhost/app')\n"
        "    WEBHOOK_URL = 'mysql://not-a-database'\n"
    )
    ev, _ = run_detector(data_storage.DETECTOR, "app/config.py", config)
    assert [(e.service, e.line) for e in ev] == [("sqlite", 5), ("postgresql", 6)]


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
    # Outside a config folder a backend's env default is no framework's selection (PHP files
    # there are read for an installer's driver choices only).
    mailer = "<?php\nreturn [\n    'driver' => env('MAIL_DRIVER', 'mailgun'),\n];\n"
    ev, _ = run_detector(data_storage.DETECTOR, "app/Mail/Mailer.php", mailer)
    assert ev == []


def test_rails_database_yml_templates(run_detector):
    """An app that ships database.yml.example (written to database.yml at install) names its
    databases there; other files named database.yml.* are not read."""
    rails = "postgresql: &postgresql\n  adapter: postgresql\nmysql: &mysql\n  adapter: mysql2\n"
    for name in ("config/database.yml.example", "config/database.yml.sample"):
        ev, _ = run_detector(data_storage.DETECTOR, name, rails)
        assert [(e.service, e.line) for e in ev] == [("postgresql", 2), ("mysql", 4)]
    assert not data_storage.accepts("config/database.yml.bak", "database.yml.bak", None)


def test_rails_database_yml_variants(run_detector):
    """A CI matrix's per-database copies of database.yml (`ci/database.mysql.yml` copied over
    config/database.yml for the mysql leg) name databases the app runs on; a backup does not."""
    ev, _ = run_detector(data_storage.DETECTOR, "ci/database.mysql.yml", "test:\n  adapter: mysql2\n  database: app_test\n")
    assert [(e.service, e.line) for e in ev] == [("mysql", 2)]
    assert data_storage.accepts("config/database.ci.yml", "database.ci.yml", None)
    assert not data_storage.accepts("config/database.bak.yml", "database.bak.yml", None)


def test_migration_folder(run_detector):
    ev, _ = run_detector(migrations.DETECTOR, "web/prisma/migrations/20240101_init/migration.sql", "")
    assert [(e.kind, e.name, e.get("client")) for e in ev] == [(FEATURE, "migrations:web/prisma/migrations/", "prisma")]


def test_installer_driver_choices(run_detector):
    """An installer command's or setup controller's list of the drivers it offers, key to label
    (`$this->choice('Which cache driver ...', ['memcached' => 'Memcached', ...])`,
    `protected $mailDrivers = ['mailgun' => 'Mailgun', 'ses' => 'Amazon SES', ...]`): each catalog
    driver word is a backend the app supports; local drivers (file, sync, log) name nothing."""
    cmd = (
        "<?php\nclass InstallCommand extends Command\n{\n    protected function configureDrivers()\n    {\n"
        "        $config['CACHE_DRIVER'] = $this->choice('Which cache driver do you want to use?', [\n"
        "            'array'     => 'Array',\n            'file'      => 'File',\n"
        "            'memcached' => 'Memcached',\n            'redis'     => 'Redis',\n        ]);\n"
        "        $config['DB_DRIVER'] = $this->choice('Which database driver?', ['mysql' => 'MySQL', 'pgsql' => 'PostgreSQL', 'sqlite' => 'SQLite']);\n"
        "    }\n}\n"
    )
    ev, _ = run_detector(data_storage.DETECTOR, "app/Console/Commands/InstallCommand.php", cmd)
    assert {(e.kind, e.service) for e in ev} == {
        (FEATURE, "memcached"), (FEATURE, "redis"), (DB_TYPE, "mysql"), (DB_TYPE, "postgresql"), (DB_TYPE, "sqlite")}
    assert next(e.line for e in ev if e.service == "memcached") == 9
    ctrl = (
        "<?php\nclass SetupController extends Controller\n{\n    protected $mailDrivers = [\n"
        "        'smtp' => 'SMTP',\n        'mailgun' => 'Mailgun',\n        'mandrill' => 'Mandrill',\n"
        "        'ses' => 'Amazon SES',\n        'sparkpost' => 'SparkPost',\n    ];\n"
        "    protected $queueDrivers = array('sync' => 'Synchronous', 'sqs' => 'Amazon SQS', 'redis' => 'Redis');\n}\n"
    )
    ev, _ = run_detector(data_storage.DETECTOR, "app/Http/Controllers/SetupController.php", ctrl)
    assert {e.service for e in ev} == {"smtp", "mailgun", "mandrill", "aws-ses", "sparkpost", "aws-sqs", "redis"}


def test_a_seeders_queue_backend_choices_are_backends(run_detector):
    """A seeder filling the table of queue backends an admin picks from names no "driver": the
    queue before the list says what it chooses. Its pairs without a queue or driver named before
    them stay nothing (a table of ticket sources)."""
    seeder = (
        "<?php\nclass OutboundMailSeeder extends Seeder\n{\n    public function run()\n    {\n"
        "        $queue = new QueueService();\n"
        "        $services = ['sync' => 'Sync', 'database' => 'Database', 'sqs' => 'SQS', 'redis' => 'Redis'];\n"
        "        foreach ($services as $key => $value) {\n"
        "            $queue->create(['name' => $value, 'short_name' => $key, 'status' => 0]);\n"
        "        }\n    }\n}\n"
    )
    ev, _ = run_detector(data_storage.DETECTOR, "database/seeders/OutboundMailSeeder.php", seeder)
    assert {(e.kind, e.service, e.line) for e in ev} == {(FEATURE, "aws-sqs", 7), (FEATURE, "redis", 7)}
    sources = seeder.replace("$queue = new QueueService();", "$source = new TicketSource();").replace("$queue->", "$source->")
    ev, _ = run_detector(data_storage.DETECTOR, "database/seeders/TicketSourceSeeder.php", sources)
    assert ev == []


def test_key_label_arrays_without_a_driver_are_no_choice(run_detector):
    """The same `'word' => 'Label'` shape elsewhere (a language list, a map of labels) names no
    backend: without a driver named before the array nothing leaves, nor from two pairs only."""
    labels = ("<?php\nclass Labels\n{\n    protected $labels = ['redis' => 'Redis', 'mysql' => 'MySQL', 'sqs' => 'Queue'];\n"
              "    protected $mailDrivers = ['mailgun' => 'Mailgun', 'smtp' => 'SMTP'];\n}\n")
    ev, _ = run_detector(data_storage.DETECTOR, "app/Support/Labels.php", labels)
    assert ev == []
    # Doctrine's scheme-to-driver aliases, copied into an app: identifiers, not labels
    aliases = ("<?php\nfinal class DsnParserFactory\n{\n    private static array $driverSchemeAliases = [\n"
               "        'db2' => 'ibm_db2',\n        'mssql' => 'pdo_sqlsrv',\n        'mysql' => 'pdo_mysql',\n"
               "        'pgsql' => 'pdo_pgsql',\n        'sqlite' => 'pdo_sqlite',\n    ];\n}\n")
    ev, _ = run_detector(data_storage.DETECTOR, "src/Doctrine/DsnParserFactory.php", aliases)
    assert ev == []


def test_a_sqlalchemy_url_created_from_parts_names_its_default_driver(run_detector):
    """`URL.create(os.getenv("DB_DRIVER", "sqlite"), ...)`: the driver default is the database the
    app runs on out of the box (a `+dialect` suffix names the same database)."""
    config = (
        "import os\nfrom sqlalchemy import URL\n\nDB_URL = URL.create(\n"
        '    os.getenv("DB_DRIVER", "sqlite"),\n    host=os.getenv("DB_HOST"),\n)\n'
        'OTHER = URL.create(drivername="postgresql+psycopg2", host="db")\n'
    )
    ev, _ = run_detector(data_storage.DETECTOR, "backend/app/config.py", config)
    assert [(e.service, e.line) for e in ev if e.kind == DB_TYPE] == [("sqlite", 5), ("postgresql", 8)]


def test_a_declared_minimum_database_version_names_a_supported_database(run_detector):
    """An installer's minimum server versions (`'requiredMariadbVersion' => '10.3.0'`,
    `$required_mysql_version = '5.5.5'`) name the databases it supports; a PHP version does not."""
    system = (
        "<?php\nreturn [\n    'requiredPhpVersion' => '8.2.0',\n"
        "    'requiredMysqlVersion' => '8.0.0',\n    'requiredMariadbVersion' => '10.3.0',\n];\n"
    )
    ev, _ = run_detector(data_storage.DETECTOR, "application/Resources/defaults/systemConfig.php", system)
    assert [(e.service, e.line) for e in ev if e.kind == DB_TYPE] == [("mysql", 4), ("mariadb", 5)]
    ev, _ = run_detector(data_storage.DETECTOR, "wp-includes/version.php", "<?php\n$required_mysql_version = '5.5.5';\n")
    assert [(e.service, e.line) for e in ev if e.kind == DB_TYPE] == [("mysql", 2)]


def test_a_pdo_dsn_names_the_configured_database(run_detector):
    """A PHP app on PDO names its database in the DSN's driver prefix: a default setting
    (`'dsn' => 'sqlite:' . PATH`), a sample config's commented examples (`;dsn = "pgsql:host=..."`),
    `new PDO("mysql:host=...")`. A URL-shaped DSN (Sentry's) and a PHPUnit test's DSN name none."""
    config = "<?php\nclass Configuration {\n    private static $_defaults = [\n        'model_options' => [\n" \
             "            'dsn' => 'sqlite:' . PATH . 'data' . DIRECTORY_SEPARATOR . 'db.sq3',\n        ],\n    ];\n}\n"
    ev, _ = run_detector(data_storage.DETECTOR, "lib/Configuration.php", config)
    assert [(e.service, e.line) for e in ev if e.kind == DB_TYPE] == [("sqlite", 5)]
    sample = (';<?php http_response_code(403); /*\n[model]\n;class = Database\n;[model_options]\n'
              ';dsn = "mysql:host=localhost;dbname=app;charset=UTF8"\n;usr = "app"\n\n'
              ';[model_options]\n;dsn = "pgsql:host=localhost;dbname=app"\n')
    ev, _ = run_detector(data_storage.DETECTOR, "cfg/conf.sample.php", sample)
    assert [(e.service, e.line) for e in ev if e.kind == DB_TYPE] == [("mysql", 5), ("postgresql", 9)]
    direct = '<?php\n$pdo = new \\PDO("mysql:host=" . getenv("DB_HOST") . ";dbname=app", $user, $pass);\n'
    ev, _ = run_detector(data_storage.DETECTOR, "src/db.php", direct)
    assert [(e.service, e.line) for e in ev if e.kind == DB_TYPE] == [("mysql", 2)]
    sentry = "<?php\nreturn ['dsn' => 'https://key@o1.ingest.sentry.io/1'];\n"
    ev, _ = run_detector(data_storage.DETECTOR, "src/sentry.php", sentry)
    assert [e for e in ev if e.kind == DB_TYPE] == []
    test = "<?php\nclass DatabaseTest extends TestCase {\n    private $_options = ['dsn' => 'sqlsrv:Server=x'];\n}\n"
    ev, _ = run_detector(data_storage.DETECTOR, "tst/Data/DatabaseTest.php", test)
    assert [e for e in ev if e.kind == DB_TYPE] == []
