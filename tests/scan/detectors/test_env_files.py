"""Env files: names only, environments, committed real env files as findings."""

from __future__ import annotations

from mkdocs_integrations.model import CONFIG, DB_TYPE, ENV_DECL, FEATURE, HOST
from mkdocs_integrations.scan.detectors.env_files import DETECTOR, bare_template, env_file_kind, environment_of

EXAMPLE = """\
# Payments
STRIPE_SECRET_KEY=sk_test_xxx
export SENDGRID_API_KEY=
DATABASE_URL="postgresql://user:password@localhost:5432/app"
# SENTRY_DSN=
# this is prose = not a variable
# VITE_APP_pihole_ip=http://pihole.lan
# Note=prose again
"""


def test_names_never_values(run_detector):
    ev, findings = run_detector(DETECTOR, ".env.example", EXAMPLE)
    decl = [(e.name, e.line) for e in ev if e.kind == ENV_DECL]
    assert decl == [("STRIPE_SECRET_KEY", 2), ("SENDGRID_API_KEY", 3), ("DATABASE_URL", 4), ("SENTRY_DSN", 5),
                    ("VITE_APP_pihole_ip", 7)]
    assert next(e for e in ev if e.name == "SENTRY_DSN").get("optional") == "1"
    assert next(e for e in ev if e.name == "VITE_APP_pihole_ip").get("optional") == "1"
    assert not findings
    text = repr(ev)
    assert "password" not in text and "sk_test_xxx" not in text and "localhost" not in text and "pihole.lan" not in text


def test_template_values_give_scheme_and_test_mode(run_detector):
    ev, _ = run_detector(DETECTOR, ".env.example", EXAMPLE)
    assert any(e.kind == DB_TYPE and e.service == "postgresql" and e.get("env") == "DATABASE_URL" for e in ev)
    assert any(e.kind == FEATURE and e.name == "test_mode:yes" and e.service == "stripe" for e in ev)


def test_committed_real_env_file_is_a_finding(run_detector):
    _, findings = run_detector(DETECTOR, "api/.env.production", "API_TOKEN=abc123def456\n")
    assert [(f.path, f.line, f.rule) for f in findings] == [("api/.env.production", 1, "committed-env-file")]
    assert "abc123" not in repr(findings)


def test_file_kinds_and_environments():
    assert env_file_kind(".env.example") == "template"
    assert env_file_kind(".env.sample") == "template"
    assert env_file_kind("example.env") == "template"
    assert env_file_kind(".env") == "real"
    assert env_file_kind(".env.local") == "real"
    assert env_file_kind(".envrc") is None
    assert env_file_kind(".secrets.example") == "template"  # KEY=value templates by another name
    assert env_file_kind("secrets.env.sample") == "template"
    assert env_file_kind(".env-example") == "template"  # a hyphen instead of a dot
    assert env_file_kind(".env-template") == "template"
    assert env_file_kind("env-sample") == "template"
    assert env_file_kind(".npmrc.example") is None
    assert env_file_kind(".env_sample") == "template"
    assert env_file_kind(".secrets_sample") == "template"
    assert env_file_kind("docker_env") is None
    assert env_file_kind("env.ts") is None
    assert environment_of(".env.production") == "production"
    assert environment_of(".env.staging.example") == "staging"
    assert environment_of(".env.development") == "development"
    assert environment_of(".env.example") == "any"


def test_backend_settings_name_their_service_not_their_value(run_detector):
    """Laravel's DB_CONNECTION=pgsql or MAIL_MAILER=ses, healthchecks' DB=postgres: the
    value picks the backend; a local driver (log, file, database) picks no service."""
    ev, _ = run_detector(DETECTOR, ".env.example", """\
        DB_CONNECTION=pgsql
        DB=postgres
        MAIL_MAILER=ses
        QUEUE_CONNECTION=sqs
        CACHE_STORE=database
        FILESYSTEM_DISK=local
        BROADCAST_CONNECTION=log
        DB_PASSWORD=pgsql
    """)
    dbs = {(e.line, e.service) for e in ev if e.kind == DB_TYPE}
    assert dbs == {(1, "postgresql"), (2, "postgresql")}
    picked = {(e.line, e.service, e.name) for e in ev if e.kind == FEATURE}
    assert picked == {(3, "aws-ses", "selected_by:MAIL_MAILER"), (4, "aws-sqs", "selected_by:QUEUE_CONNECTION")}


def test_the_choices_a_templates_comment_offers_for_a_backend_setting_are_backends(run_detector):
    """linkace's `# Set the database driver (mysql, pgsql, sqlsrv, sqlite)` right above
    `DB_CONNECTION=mysql`: the app documents each driver as supported. Only the comment block
    right above the setting counts, and not in a real env file; prose above other settings names nothing."""
    text = """\
        # Use sqlite for SQLite, redis here names nothing
        APP_KEY=xyz

        # Set the database driver (mysql, pgsql, sqlsrv, sqlite)
        DB_CONNECTION=mysql
        # Mail: smtp or postmark
        MAIL_MAILER=log
    """
    ev, _ = run_detector(DETECTOR, ".env.example", text)
    dbs = {(e.line, e.service) for e in ev if e.kind == DB_TYPE}
    assert dbs == {(4, "mysql"), (4, "postgresql"), (4, "mssql"), (4, "sqlite"), (5, "mysql")}
    mail = {(e.line, e.service) for e in ev if e.kind == FEATURE}
    assert mail == {(6, "smtp"), (6, "postmark")}
    ev, _ = run_detector(DETECTOR, ".env", text)
    assert {e.service for e in ev if e.kind == DB_TYPE} == {"mysql"}


PHPUNIT = """\
<?xml version="1.0" encoding="UTF-8"?>
<phpunit bootstrap="vendor/autoload.php">
    <php>
        <env name="APP_ENV" value="testing"/>
        <env name="DB_CONNECTION" value="sqlite-persistent"/>
        <env name="MAIL_PASSWORD" value="hunter2"/>
    </php>
</phpunit>
"""


def test_phpunit_settings_select_the_test_database(run_detector):
    ev, _ = run_detector(DETECTOR, "phpunit.xml.dist", PHPUNIT)
    assert [(e.kind, e.service, e.line) for e in ev] == [(DB_TYPE, "sqlite", 5)]
    assert "hunter2" not in repr(ev)


def test_a_commented_out_phpunit_setting_selects_nothing(run_detector):
    text = ('<phpunit>\n  <php>\n    <server name="APP_ENV" value="testing"/>\n'
            '    <!-- <server name="DB_CONNECTION" value="sqlite"/> -->\n'
            '    <!--\n    <env name="DB_CONNECTION" value="pgsql"/>\n    -->\n'
            '    <env name="DB_CONNECTION" value="mysql"/>\n  </php>\n</phpunit>\n')
    ev, _ = run_detector(DETECTOR, "api/phpunit.xml", text)
    assert [(e.kind, e.service, e.line) for e in ev] == [(DB_TYPE, "mysql", 8)]


def test_doctrine_server_version_names_mariadb(run_detector):
    """Doctrine's `mysql://...?serverVersion=10.5.8-MariaDB`: the mysql driver talking to MariaDB."""
    ev, _ = run_detector(DETECTOR, ".env.dist", "DATABASE_URL=mysql://u:p@127.0.0.1:3306/db?charset=utf8mb4&serverVersion=10.5.8-MariaDB\n")
    assert [e.service for e in ev if e.kind == DB_TYPE] == ["mariadb"]
    ev, _ = run_detector(DETECTOR, ".env.dist", "DATABASE_URL=mysql://u:p@127.0.0.1:3306/db?serverVersion=8.0\n")
    assert [e.service for e in ev if e.kind == DB_TYPE] == ["mysql"]


def test_dashed_env_files_are_env_files():
    """`.env-local`, `.env-ci`: `.env.local` and `.env.ci` spelled with a dash (env-cmd's JSON
    `.env-cmdrc` is not one)."""
    assert (env_file_kind(".env-local"), environment_of(".env-local")) == ("real", "development")
    assert (env_file_kind(".env-ci"), environment_of(".env-ci")) == ("real", "test")
    assert env_file_kind(".env-cmdrc") is None
    assert env_file_kind(".env-example") == "template"


def test_bare_template_is_an_env_file_by_its_content(run_detector):
    """`blackfire.example` says nothing of its format in its name: KEY=value lines make it a
    template; a `config.example` in TOML or INI is not read."""
    ev, _ = run_detector(DETECTOR, "docker/php/blackfire.example", "# profiler\nBLACKFIRE_SERVER_ID=CHANGE_ME\nBLACKFIRE_SERVER_TOKEN=CHANGE_ME\n")
    decls = [e for e in ev if e.kind == ENV_DECL]
    assert [(e.name, e.line, e.get("file")) for e in decls] == [("BLACKFIRE_SERVER_ID", 2, "template"), ("BLACKFIRE_SERVER_TOKEN", 3, "template")]
    ev, _ = run_detector(DETECTOR, "config.example", "[server]\nhost = \"0.0.0.0\"\nPORT=8080\n")
    assert ev == []
    assert bare_template("app.dist") and not bare_template("config.yml.example") and not bare_template("README")


def test_php_named_dotenv_template_is_read_by_its_content(run_detector):
    """`ipconfig.php.example`: loaded with phpdotenv under a `.php` name (the commented
    `<?php exit ?>` guard first); a real PHP template, which opens with `<?php`, is not read."""
    text = "# <?php exit('No direct script access allowed'); ?>\n# Config\nIP_URL=\n\nDB_HOSTNAME=localhost\n"
    ev, _ = run_detector(DETECTOR, "ipconfig.php.example", text)
    assert [(e.name, e.line, e.get("file")) for e in ev if e.kind == ENV_DECL] == [("IP_URL", 3, "template"), ("DB_HOSTNAME", 5, "template")]
    ev, _ = run_detector(DETECTOR, "config/database.php.example", "<?php\nreturn ['host' => 'localhost'];\n")
    assert ev == []


def test_flaskenv_is_a_committed_env_file_without_a_secret_finding(run_detector):
    """Flask loads `.flaskenv` (public settings, committed by design) before `.env`."""
    ev, findings = run_detector(DETECTOR, ".flaskenv", "FLASK_APP=webservices.rest\nFLASK_DEBUG=1\n")
    assert [(e.name, e.get("file")) for e in ev if e.kind == ENV_DECL] == [("FLASK_APP", "template"), ("FLASK_DEBUG", "template")]
    assert not findings


def test_env_files_of_a_template_folder_are_templates(run_detector):
    """`env.d/production.dist/backend`: one env file per container, shipped as a folder to copy;
    the folder's name carries the template word. Content decides: a README or YAML file in such
    a folder is not read, and a file of an ordinary folder is not taken."""
    ev, findings = run_detector(DETECTOR, "env.d/production.dist/backend", "# Django\nDJANGO_SECRET_KEY=<secret>\nDJANGO_EMAIL_HOST=<smtp host>\n")
    decls = [(e.name, e.get("file"), e.get("environment")) for e in ev if e.kind == ENV_DECL]
    assert decls == [("DJANGO_SECRET_KEY", "template", "production"), ("DJANGO_EMAIL_HOST", "template", "production")]
    assert not findings
    ev, _ = run_detector(DETECTOR, "deploy/env-example/worker", "QUEUE_URL=\n")
    assert [e.name for e in ev if e.kind == ENV_DECL] == ["QUEUE_URL"]
    ev, _ = run_detector(DETECTOR, "env.d/production.dist/README", "Copy this folder to env.d/production\n")
    assert ev == []
    assert not DETECTOR.accepts("env.d/development/common", "common", None)  # committed dev values: not a template
    assert not DETECTOR.accepts("config.example/app.yml", "app.yml", None)
    assert not DETECTOR.accepts("backend", "backend", None)


def test_a_file_of_secret_references_is_a_template(run_detector):
    """`env.op`, `envrc.secrets.op`: KEY=value lines whose every value is a 1Password secret
    reference (`op://vault/item/field`), a shell expansion or empty, as `op run --env-file` and
    `op inject` read them. They name the app's variables and hold no secret, so they are templates
    whatever their name, and the store they come from is named once per file. Never a value."""
    text = (
        "# Required for deploys\n"
        'export FLY_API_TOKEN="$(flyctl auth token)"\n'
        'export DB_PASS="op://acme/neon/password"\n'
        "STRIPE_SECRET=op://acme/stripe/secret\n"
        "TOKEN={{ op://acme/x/token }}\n"
        "EMPTY=\n"
    )
    ev, findings = run_detector(DETECTOR, "envrc.secrets.op", text)
    decls = [(e.name, e.line, e.get("file")) for e in ev if e.kind == ENV_DECL]
    assert decls == [("FLY_API_TOKEN", 2, "template"), ("DB_PASS", 3, "template"),
                     ("STRIPE_SECRET", 4, "template"), ("TOKEN", 5, "template"), ("EMPTY", 6, "template")]
    assert [(e.kind, e.name, e.line, e.service) for e in ev if e.kind not in (ENV_DECL,)] == [
        (CONFIG, "envrc.secrets.op", 3, "1password")]  # once, not a database type per line
    assert not findings
    assert "acme" not in repr(ev) and "flyctl" not in repr(ev)
    ev, _ = run_detector(DETECTOR, "deploy/env.op", 'export AWS_REGION="op://acme/aws/region"\n')
    assert [e.name for e in ev if e.kind == ENV_DECL] == ["AWS_REGION"]


def test_a_reference_named_file_with_a_literal_value_is_not_read(run_detector):
    """One literal value and the file may be a real secret file: not taken as a template. Nor is
    a script or a file of prose that happens to carry an env word in its name."""
    ev, findings = run_detector(DETECTOR, "env.op", "DB_PASS=op://acme/db/password\nAPI_KEY=abc123def456\n")
    assert ev == [] and findings == []
    ev, _ = run_detector(DETECTOR, "secrets.op", "Run op inject to fill in op://acme/x/y\n")
    assert ev == []
    assert not DETECTOR.accepts("lib/env.ex", "env.ex", None) and not DETECTOR.accepts("src/op.go", "op.go", None)


def test_a_committed_env_file_of_references_leaks_nothing(run_detector):
    """`.env` kept in git with `op://` references only (for `op run --env-file=.env`): no secret
    committed, so no finding; a literal value beside them still is one."""
    ev, findings = run_detector(DETECTOR, ".env", "DB_PASS=op://acme/db/password\nDEBUG=\n")
    assert findings == [] and [e.service for e in ev if e.kind == CONFIG] == ["1password"]
    _, findings = run_detector(DETECTOR, ".env", "DB_PASS=op://acme/db/password\nAPI_KEY=abc123def456\n")
    assert [f.rule for f in findings] == ["committed-env-file"]


STOREFRONT_ENV_HBS = """\
VENDURE_SHOP_API_URL=http://localhost:{{ serverPort }}/shop-api
NEXT_PUBLIC_SITE_NAME={{ name }}
{{#if dbSchema}}
DB_SCHEMA={{ dbSchema }}
{{/if}}
{{{Key}}}={{{Value}}}
"""


def test_template_engine_env_files_are_templates(run_detector):
    """A scaffolder's `storefront-env.hbs` / `.env.hbs`, an Ansible `.env.j2`, an EJS
    `.env.example.ejs`: what they render is the generated app's env file, so their names are
    declared settings (a template, never a committed-secret finding); engine lines and a name
    that is itself a placeholder are no variables."""
    for name in ("storefront-env.hbs", ".env.hbs", ".env.j2", ".env.example.ejs", "app_env.mustache", ".env.erb"):
        assert env_file_kind(name) == "template", name
        ev, findings = run_detector(DETECTOR, f"templates/{name}", STOREFRONT_ENV_HBS)
        decl = [(e.name, e.line, e.get("file")) for e in ev if e.kind == ENV_DECL]
        assert decl == [("VENDURE_SHOP_API_URL", 1, "template"), ("NEXT_PUBLIC_SITE_NAME", 2, "template"),
                        ("DB_SCHEMA", 4, "template")], name
        assert not findings, name
    assert env_file_kind("environment.d.hbs") is None  # a TypeScript declaration's template
    assert env_file_kind("email.hbs") is None
    assert env_file_kind(".env.template") == "template"  # a template word, read as before


def test_template_engine_env_name_needs_key_value_content(run_detector):
    """Helm's `_env.tpl` holds YAML snippets, not KEY=value lines: nothing is read."""
    helm = '{{- define "snippet.env" -}}\n- name: BASE_URL\n  value: {{ .Values.base_url }}\n{{- end }}\n'
    ev, findings = run_detector(DETECTOR, "helm/templates/_env.tpl", helm)
    assert not ev and not findings


def test_a_template_pointing_a_setting_at_a_vendor_api_host_names_the_vendor(run_detector):
    text = (
        'AWS_ENDPOINT_URL_S3="https://fly.storage.tigris.dev"\n'
        "SENTRY_DSN=https://abc123secret@o11.ingest.sentry.io/42\n"
        "REPO_URL=https://github.com/acme/app\n"
        "APP_URL=http://localhost:3000\n"
    )
    ev, _ = run_detector(DETECTOR, ".env.example", text)
    hosts = [(e.service, e.name, e.line, e.get("env")) for e in ev if e.kind == HOST]
    assert hosts == [("tigris", "fly.storage.tigris.dev", 1, "AWS_ENDPOINT_URL_S3"),
                     ("sentry", "o11.ingest.sentry.io", 2, "SENTRY_DSN")]
    assert "abc123secret" not in repr(ev)


def test_a_real_env_files_urls_are_not_read(run_detector):
    ev, _ = run_detector(DETECTOR, ".env", 'AWS_ENDPOINT_URL_S3="https://fly.storage.tigris.dev"\n')
    assert not [e for e in ev if e.kind == HOST]
def test_multi_part_bare_template_and_spaced_assignment(run_detector):
    """`env.d/development/common.e2e.dist`: a template whose middle name part (`e2e`) is no
    format's extension is read by its content like `app.dist`; `phpunit.xml.dist` is not one.
    A `KEY = value` line among `KEY=value` lines (dotenv parsers trim the blanks) keeps a file
    env-shaped; a file mostly of such lines (a Makefile, TOML) is not an env file."""
    assert bare_template("common.e2e.dist") and not bare_template("phpunit.xml.dist")
    assert not bare_template("settings.py.example")
    ev, _ = run_detector(DETECTOR, "env.d/development/common.e2e.dist", '# CI\nSUSTAINED_THROTTLE_RATES="200/hour"\n')
    assert [e.name for e in ev if e.kind == ENV_DECL] == ["SUSTAINED_THROTTLE_RATES"]
    text = "DJANGO_DEBUG=1\nMEET_BASE_URL=http://localhost\nCONNECTION_TEST_ENABLED = True\n"
    ev, _ = run_detector(DETECTOR, "env.d/development/common.dist", text)
    assert [e.name for e in ev if e.kind == ENV_DECL] == ["DJANGO_DEBUG", "MEET_BASE_URL", "CONNECTION_TEST_ENABLED"]
    ev, _ = run_detector(DETECTOR, "build/flags.dist", "CC = gcc\nCFLAGS = -O2\nLD=ld\n")
    assert ev == []


def test_a_name_may_start_with_digits(run_detector):
    """`2FA_ENABLED=true` (Laravel's `env('2FA_ENABLED')`): no shell exports such a name, but
    every dotenv parser reads it, so it is a setting of the file like any other; digits alone
    (`1=`) name nothing. A bare template with such a line is still env-shaped."""
    text = "APP_ENV=testing\n2FA_ENABLED=false\n2FA_ENFORCE_FOR_USERS=4\n# 3DS_REQUIRED=true\n1=one\n"
    ev, _ = run_detector(DETECTOR, ".env.ci", text)
    decls = [(e.name, e.line, e.get("optional") == "1") for e in ev if e.kind == ENV_DECL]
    assert decls == [("APP_ENV", 1, False), ("2FA_ENABLED", 2, False), ("2FA_ENFORCE_FOR_USERS", 3, False), ("3DS_REQUIRED", 4, True)]
    ev, _ = run_detector(DETECTOR, "deploy/app.dist", "APP_ENV=production\n2FA_ENABLED=true\n")
    assert [e.name for e in ev if e.kind == ENV_DECL] == ["APP_ENV", "2FA_ENABLED"]
def test_installer_heredoc_writing_the_env_file_selects_its_backends(run_detector):
    """An install script's `cat >$ROOT/.env <<END` is the installed app's env: its cache and
    database choices are the backends it runs with; its other lines (secrets) are not read."""
    src = """\
    #!/bin/bash
    apt install -qy php8.4-memcached memcached
    cat >$IXPROOT/.env <<END_ENV
    APP_KEY=${APP_KEY}
    DB_CONNECTION=mysql
    CACHE_DRIVER=memcached
    SESSION_DRIVER=${SESSION}
    END_ENV
    cat >/etc/apache2/sites-available/000-default.conf <<END_APACHE
    CACHE_DRIVER=redis
    END_APACHE
    """
    ev, _ = run_detector(DETECTOR, "tools/installers/ubuntu-install.sh", src)
    assert sorted((e.kind, e.service, e.line) for e in ev) == [(DB_TYPE, "mysql", 5), (FEATURE, "memcached", 6)]
    assert not any(e.kind == ENV_DECL for e in ev)


# Ruby's and Node's dotenv read `KEY: value` as `KEY=value`: an env template written that way
# (a Rails app's `env.sample`) names its variables like any other.
COLON_TEMPLATE = """\
#------------------------#
# DATABASE CONFIGURATION #
#------------------------#
POSTGRES_USERNAME: ''
POSTGRES_PASSWORD: ''

DATABASE_URL: postgresql://user:secret@localhost/app
GITHUB_APP_ID: 1234
SENTRY_DSN=
"""


def test_colon_form_env_template_names_its_variables(run_detector):
    ev, findings = run_detector(DETECTOR, "env.sample", COLON_TEMPLATE)
    decl = [(e.name, e.line, e.get("has_value")) for e in ev if e.kind == ENV_DECL]
    assert decl == [("POSTGRES_USERNAME", 4, "0"), ("POSTGRES_PASSWORD", 5, "0"), ("DATABASE_URL", 7, "1"),
                    ("GITHUB_APP_ID", 8, "1"), ("SENTRY_DSN", 9, "0")]
    assert any(e.kind == DB_TYPE and e.service == "postgresql" for e in ev)  # the value's scheme, as for `=`
    assert not findings and "secret" not in repr(ev)


def test_yaml_document_named_like_an_env_file_is_not_read_as_colon_form(run_detector):
    # nesting, lower-case keys or lists make it YAML, not a dotenv file
    for text in ("production:\n  SECRET_KEY_BASE: x\n", "DATABASE_URL: x\nservices:\n  - web\n",
                 "APP_NAME: x\n  NESTED: y\n"):
        ev, _ = run_detector(DETECTOR, ".env.example", text)
        assert not [e for e in ev if e.kind == ENV_DECL], text


def test_dotless_env_file_is_read_when_it_holds_dotenv_lines(run_detector):
    """`env.default` (an image's `RUN mv env.default .env`), `env.dev` (`cp env.dev .env`): a
    `.env.<word>` without the dot. Its names are read whatever their case (python-decouple's
    `config("pg_host")`), never its values."""
    text = "# defaults\npg_host=postgresql.db.svc\nJWT_SECRET=SET A RANDOM STRING HERE\nassistList=/sockets-list\nEMAIL_HOST=\n"
    ev, _ = run_detector(DETECTOR, "api/env.default", text)
    decl = [(e.name, e.line, e.get("environment")) for e in ev if e.kind == ENV_DECL]
    assert decl == [("pg_host", 2, "any"), ("JWT_SECRET", 3, "any"), ("assistList", 4, "any"), ("EMAIL_HOST", 5, "any")]
    assert "RANDOM" not in repr(ev) and "postgresql.db" not in repr(ev)
    ev, _ = run_detector(DETECTOR, "api/env.dev", "LOCAL_DEV=true\nLOGLEVEL=INFO\n")
    assert {(e.name, e.get("environment")) for e in ev if e.kind == ENV_DECL} == {
        ("LOCAL_DEV", "development"), ("LOGLEVEL", "development")}
    assert env_file_kind("env.dev") == "real" and env_file_kind("env.ollama.example") == "template"


def test_committed_defaults_are_a_template(run_detector):
    """`.env.default` / `env.default`: the defaults an install copies to `.env`; like
    `.env.defaults` they are a template, not a committed secrets file."""
    assert env_file_kind(".env.default") == "template" and env_file_kind("env.default") == "template"
    assert env_file_kind(".env.defaults") == "template"
    ev, findings = run_detector(DETECTOR, ".env.default", "DATABASE_URL=postgres://user:pass@db/app\nSECRET_KEY=changeme\n")
    assert not findings
    assert any(e.kind == DB_TYPE and e.service == "postgresql" for e in ev)
    assert "changeme" not in repr(ev) and "pass@" not in repr(ev)


def test_dotless_env_name_of_code_or_views_is_not_read(run_detector):
    # the bare `env` prefix names many files: code by its extension, the rest by their content
    for name in ("env.ts", "env.d.ts", "env.test.ts", "env.sh.eex", "env.conf", "env.json", "env.blade.php"):
        assert env_file_kind(name) is None, name
    assert env_file_kind("env.op") is None  # read as a secret-reference template, by its content
    for name, text in (
        ("app/views/install/env.phtml", "<?php\n$host = $this->getParam('host');\n?>\nAPP_HOST=<?php echo $host; ?>\n"),
        ("tests/env.bat", "@echo off\nset DATABASE_URL=postgres://localhost/test\n"),
    ):
        ev, findings = run_detector(DETECTOR, name, text)
        assert not [e for e in ev if e.kind == ENV_DECL] and not findings, name
