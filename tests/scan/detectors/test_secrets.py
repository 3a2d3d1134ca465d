"""The secrets detector: every rule fires on a realistic value, placeholders do not, and no
finding ever carries the value.

Every secret-shaped string here is assembled at run time from split literals and seeded
random bodies, so this file never contains anything a push-protection scanner (or this
detector, scanning its own repository) would take for a live key.
"""

from __future__ import annotations

import base64
import logging
import string

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from mkdocs_integrations.scan.detectors import DETECTORS
from mkdocs_integrations.scan.detectors.base import Source
from mkdocs_integrations.scan.detectors.secrets import (
    DETECTOR,
    MIN_RULES,
    SEVERITIES,
    RuleError,
    accepts,
    detect,
    load_rules,
    parse_rules,
    shannon_entropy,
)

from secretgen import ALNUM, B64, BASE32, DIGITS, HEX, LOWER_ALNUM, UPPER_ALNUM, URLSAFE, Gen


def _case(rule: str, path: str, before: str, value: str, after: str, lead: str = "# settings\n\n") -> dict:
    """A file whose secret `value` sits on line lead.count('\\n') + 1."""
    return {
        "rule": rule, "path": path, "text": lead + before + value + after + "\nnext = 1\n",
        "value": value, "line": lead.count("\n") + 1,
    }


def _pem(g: Gen, label: str) -> str:
    body = "\n".join(g(64, B64) for _ in range(4))
    return "-----BEGIN " + label + "PRIVATE" + " KEY-----\n" + body + "\n-----END " + label + "PRIVATE KEY-----"


def build_cases() -> dict[str, dict]:
    g = Gen("secrets-positive")
    c: dict[str, dict] = {}

    def add(rule: str, *args: str, **kw: str) -> None:
        c[rule] = _case(rule, *args, **kw)

    add("aws-access-key-id", "config/aws.ini", "aws_access_key_id = ", "AK" + "IA" + g(16, BASE32), "")
    add("aws-secret-access-key", ".env.production", "AWS_SECRET_ACCESS_KEY=", g(40, B64), "")
    add("gcp-service-account-key", "keys/service-account.json", '  "private_key": "',
        "-----BEGIN " + "PRIVATE" + " KEY-----\\nMII" + g(60, B64) + "\\n" + g(64, B64), '\\n-----END PRIVATE KEY-----\\n",')
    add("gcp-api-key", "web/src/firebase.js", 'const firebaseConfig = { apiKey: "', "AI" + "za" + g(35, URLSAFE), '" };')
    add("google-oauth-client-secret", "config/oauth.yaml", "client_secret: ", "GOC" + "SPX-" + g(28, URLSAFE), "")
    add("azure-storage-connection-string", ".env.local",
        'AZURE_STORAGE_CONNECTION_STRING="DefaultEndpointsProtocol=https;AccountName=shopfiles;AccountKey=',
        g(86, B64) + "==", ';EndpointSuffix=core.windows.net"')
    add("azure-storage-account-key", "infra/prod.tfvars", 'azure_storage_key = "', g(86, B64) + "==", '"')
    add("azure-sas-connection-string", "src/appsettings.json",
        '  "ServiceBus": "Endpoint=sb://shop.servicebus.windows.net/;SharedAccessKeyName=RootManage;SharedAccessKey=',
        g(43, B64) + "=", '",')
    add("heroku-api-key", "scripts/deploy.sh", "export HEROKU_API_KEY=", g.uuid(), "")
    add("digitalocean-token", "scripts/provision.sh", "export DIGITALOCEAN_TOKEN=", "dop" + "_v1_" + g(64, HEX), "")
    add("stripe-live-secret-key", "app/billing.py", 'stripe.api_key = "', "sk_" + "live_" + g(24), '"')
    add("stripe-live-restricted-key", "app/billing.rb", 'Stripe.api_key = "', "rk_" + "live_" + g(32), '"')
    add("stripe-webhook-secret", "app/webhooks.ts", 'const endpointSecret = "', "wh" + "sec_" + g(32), '";')
    add("braintree-access-token", "src/payments.js", "const gateway = new braintree.BraintreeGateway({ accessToken: '",
        "access_token$" + "production$" + g(16, LOWER_ALNUM) + "$" + g(32, HEX), "' });")
    add("square-access-token", "src/square.go", 'client := square.NewClient("', "EA" + "AA" + g(60, URLSAFE), '")')
    add("square-oauth-secret", "config/square.yml", "application_secret: ", "sq0" + "csp-" + g(43, URLSAFE), "")
    add("shopify-access-token", "shop/client.php", "$client = new Shopify('", "shp" + "at_" + g(32, HEX), "');")
    add("shopify-shared-secret", "shop/config.toml", 'app_secret = "', "shp" + "ss_" + g(32, HEX), '"')
    add("sendgrid-api-key", "mail/send.py", 'sg = SendGridAPIClient("', "SG" + "." + g(22, URLSAFE) + "." + g(43, URLSAFE), '")')
    add("mailgun-api-key", "mail/mailgun.js", "const mg = mailgun.client({ username: 'api', key: '", "key" + "-" + g(32, HEX), "' });")
    add("mailgun-api-key-context", ".env", "MAILGUN_API_KEY=", g(32, HEX) + "-" + g(8, HEX) + "-" + g(8, HEX), "")
    add("mailchimp-api-key", "newsletter/client.py", 'client.set_config({"api_key": "', g(32, HEX) + "-" + "us6", '"})')
    add("postmark-server-token", "config/mail.properties", "postmark.server.token=", g.uuid(), "")
    add("twilio-sid-and-token", "sms/send.py", 'client = Client("AC' + g(32, HEX) + '", "', g(32, HEX), '")', lead="from twilio.rest import Client\n\n")
    add("twilio-auth-token", "sms/.env.staging", "TWILIO_AUTH_TOKEN=", g(32, HEX), "")
    add("twilio-api-key", "sms/send.ts", "const apiKeySid = '", "S" + "K" + g(32, HEX), "';", lead="import twilio from 'twilio';\n\n")
    add("slack-token", "bot/app.py", 'app = App(token="', "xo" + "xb-" + g(12, DIGITS) + "-" + g(13, DIGITS) + "-" + g(24), '")')
    add("slack-app-token", "bot/socket.js", "const appToken = '",
        "xa" + "pp-1-A" + g(10, UPPER_ALNUM) + "-" + g(13, DIGITS) + "-" + g(64, HEX), "';")
    add("slack-webhook-url", "alerts/notify.sh", 'curl -X POST "',
        "https://hooks.slack" + ".com/services/T" + g(8, UPPER_ALNUM) + "/B" + g(10, UPPER_ALNUM) + "/" + g(24), '" -d @msg.json')
    add("discord-webhook-url", "alerts/discord.py", 'WEBHOOK = "',
        "https://discord" + ".com/api/webhooks/" + g(18, DIGITS) + "/" + g(68, URLSAFE), '"')
    add("discord-bot-token", "bot/discord_bot.py", 'client.run("',
        "M" + g(23, ALNUM) + "." + g(6, URLSAFE) + "." + g(27, URLSAFE), '")')
    add("telegram-bot-token", "bot/telegram.kt", 'val bot = Bot("', g(10, DIGITS) + ":" + "AA" + g(33, URLSAFE), '")')
    add("github-pat-classic", "ci/release.sh", "git clone https://x-access-token@github.com/o/r && gh auth login --with-token <<< ",
        "gh" + "p_" + g(36), "")
    add("github-pat-fine-grained", "tools/sync.go", 'token := "', "github" + "_pat_" + g(22) + "_" + g(59), '"')
    add("github-oauth-token", "tools/oauth.rs", 'let t = "', "gh" + "o_" + g(36), '";')
    add("github-app-token", "tools/app.cs", 'var installation = "', "gh" + "s_" + g(36), '";')
    add("github-refresh-token", "tools/refresh.java", 'String refresh = "', "gh" + "r_" + g(76), '";')
    add("gitlab-pat", "ci/gitlab.yml", "  PRIVATE_TOKEN: ", "gl" + "pat-" + g(20, URLSAFE), "")
    add("npm-token", ".npmrc", "//registry.npmjs.org/:_authToken=", "np" + "m_" + g(36), "", lead="")
    add("npmrc-auth", "frontend/.npmrc", "//npm.pkg.internal/:_authToken=", g(36, URLSAFE), "", lead="")
    add("pypi-token", ".pypirc", "password = ", "py" + "pi-" + "AgEIcHlwaS5vcmc" + g(70, URLSAFE), "",
        lead="[pypi]\nusername = __token__\n")
    add("docker-registry-auth", ".docker/config.json", '{"auths": {"registry.internal": {"auth": "',
        base64.b64encode(("deploy:" + g(20)).encode()).decode(), '"}}}')
    add("anthropic-api-key", "ai/claude.py", 'client = Anthropic(api_key="',
        "sk-" + "ant-" + "api03-" + g(93, URLSAFE) + "AA", '")')
    add("openai-api-key", "ai/chat.py", 'openai.api_key = "', "sk-" + g(20) + "T3Blbk" + "FJ" + g(20), '"')
    add("openai-project-key", "ai/chat.ts", "const openai = new OpenAI({ apiKey: '", "sk-" + "proj-" + g(80, URLSAFE), "' });")
    add("huggingface-token", "ml/download.py", 'login(token="', "h" + "f_" + g(34, string.ascii_letters), '")')
    add("doppler-token", "scripts/secrets.sh", "doppler configure set token ", "dp" + ".pt." + g(43), "")
    add("vault-token", "infra/vault.hcl", 'token = "', "hv" + "s." + g(90, URLSAFE), '"')
    add("datadog-api-key", "docker/datadog.env", "DD_API_KEY=", g(32, HEX), "")
    add("datadog-app-key", "docker/datadog.env", "DD_APP_KEY=", g(40, HEX), "")
    add("new-relic-user-key", "monitoring/newrelic.tf", 'api_key = "', "NR" + "AK-" + g(27, UPPER_ALNUM), '"')
    add("sentry-auth-token", ".github/workflows/release.yml", "      SENTRY_AUTH_TOKEN: ", "sntr" + "ys_" + "eyJ" + g(90, B64), "")
    add("sentry-dsn-secret", "app/settings.py", 'sentry_sdk.init("https://' + g(32, HEX) + ":", g(32, HEX), '@o12345.ingest.sentry.io/67890")')
    add("algolia-admin-key", "search/.env", "ALGOLIA_ADMIN_API_KEY=", g(32, HEX), "")
    add("firebase-fcm-server-key", "push/fcm.php", "$serverKey = '", "AA" + "AA" + g(7, URLSAFE) + ":" + "APA91b" + g(134, URLSAFE), "';")
    add("private-key", "deploy/id_rsa", "", _pem(g, "RSA "), "", lead="")
    add("jwt", "web/src/api.js", "const headers = { Authorization: 'Bearer ",
        "ey" + "J" + g(20, URLSAFE) + ".ey" + "J" + g(40, URLSAFE) + "." + g(43, URLSAFE), "' };")
    add("database-url-password", ".env.production", "DATABASE_URL=postgres://shop:", g(20), "@db.internal:5432/shop")
    add("basic-auth-url", "scripts/mirror.sh", 'git push "https://deploy:', g(20), '@git.internal.net/shop.git"')
    add("netrc-password", ".netrc", "  password ", g(30), "", lead="machine api.internal.net\n  login deploy\n")
    add("terraform-variable-default", "infra/variables.tf", 'variable "db_password" {\n  sensitive = true\n  default   = "',
        g(24), '"\n}')
    add("generic-secret-assignment", "app/settings.py", 'API_SECRET = "', g(32), '"')
    add("generic-secret-config", "config/app.yml", "  signing_secret: ", g(32, URLSAFE), "", lead="app:\n  name: shop\n")
    return c


CASES = build_cases()


def assert_no_echo(findings: list, value: str) -> None:
    """Neither the value nor its first 8 characters appear in any finding."""
    text = repr(findings)
    assert value not in text
    assert value[:8] not in text
    for f in findings:
        for field_value in (f.path, f.kind, f.severity, f.rule):
            assert value[:8] not in field_value


# --- the rules file ------------------------------------------------------------------------


def test_rules_file_validates():
    rules = load_rules().rules
    ids = [r.id for r in rules]
    assert len(ids) == len(set(ids))
    assert len(rules) >= MIN_RULES
    assert len({r.kind for r in rules}) >= MIN_RULES
    for r in rules:
        assert r.severity in SEVERITIES
        assert r.regex.pattern and r.kind
        assert all(k == k.lower() for k in r.keywords)
        assert "{assign}" not in r.regex.pattern


def test_every_rule_has_a_positive_case():
    assert set(CASES) == {r.id for r in load_rules().rules}


@pytest.mark.parametrize(
    "doc, message",
    [
        ("rules:\n  - {id: a, kind: A, regex: 'x', keywords: [x]}\n  - {id: a, kind: B, regex: 'y', keywords: [y]}\n", "duplicate id"),
        ("rules:\n  - {id: a, kind: A, regex: '(unclosed', keywords: [x]}\n", "bad regex"),
        ("rules:\n  - {id: a, kind: A, regex: 'x', keywords: [x], severity: urgent}\n", "severity"),
        ("rules:\n  - {id: a, kind: A, regex: 'x', keywords: [Upper]}\n", "lowercase"),
        ("rules:\n  - {id: a, kind: A, regex: 'x'}\n", "keywords must be a non-empty list"),
        ("rules:\n  - {id: a, kind: A, regex: 'x', keywords: [x], colour: red}\n", "unknown keys"),
        ("nothing: here\n", "rules"),
    ],
)
def test_bad_rules_are_rejected(doc, message):
    with pytest.raises(RuleError, match=message):
        parse_rules(doc)


def test_rules_load_once_and_lazily():
    assert load_rules() is load_rules()


def test_detector_is_registered():
    assert any(d is DETECTOR for d in DETECTORS)


# --- positives -----------------------------------------------------------------------------


@pytest.mark.parametrize("rule_id", sorted(CASES))
def test_rule_fires_without_echoing(rule_id, run_detector, caplog):
    case = CASES[rule_id]
    kinds = {r.id: r.kind for r in load_rules().rules}
    with caplog.at_level(logging.DEBUG):
        evidence, findings = run_detector(DETECTOR, case["path"], case["text"])
    assert evidence == []
    assert [(f.line, f.rule) for f in findings] == [(case["line"], rule_id)], findings
    assert findings[0].kind == kinds[rule_id]
    assert findings[0].path == case["path"]
    assert_no_echo(findings, case["value"])
    assert case["value"][:8] not in caplog.text


@pytest.mark.parametrize(
    "scheme, user",
    [("mysql", "shop"), ("mongodb+srv", "shop"), ("redis", ""), ("amqp", "shop"), ("postgresql+psycopg2", "shop")],
)
def test_database_url_schemes(scheme, user, run_detector):
    password = Gen(scheme)(18)
    _, findings = run_detector(DETECTOR, "app/config.py", f'BROKER = "{scheme}://{user}:{password}@queue.internal:1234/0"\n')
    assert [(f.line, f.rule) for f in findings] == [(1, "database-url-password")]
    assert_no_echo(findings, password)


def test_secret_in_test_tree_is_low_severity(run_detector):
    case = CASES["stripe-live-secret-key"]
    for folder in ("tests", "test", "__tests__", "spec", "fixtures"):
        _, findings = run_detector(DETECTOR, f"pkg/{folder}/billing.py", case["text"])
        assert [(f.rule, f.severity) for f in findings] == [("stripe-live-secret-key", "low")]
    _, findings = run_detector(DETECTOR, case["path"], case["text"])
    assert findings[0].severity == "high"


def test_one_finding_per_line_and_rule(run_detector):
    g = Gen("dedupe")
    a, b = "gh" + "p_" + g(36), "gh" + "p_" + g(36)
    text = f'tokens = ["{a}", "{b}"]\nother = "{a}"\n'
    _, findings = run_detector(DETECTOR, "tools/tokens.py", text)
    assert [(f.line, f.rule) for f in findings] == [(1, "github-pat-classic"), (2, "github-pat-classic")]
    assert_no_echo(findings, a)
    assert_no_echo(findings, b)


def test_specific_rule_wins_over_generic(run_detector):
    key = "sk_" + "live_" + Gen("specific")(30)
    _, findings = run_detector(DETECTOR, "app/config.py", f'STRIPE_SECRET_KEY = "{key}"\n')
    assert [f.rule for f in findings] == ["stripe-live-secret-key"]


# --- negatives: placeholders, references, test-mode keys ---------------------------------------

_G = Gen("negatives")
NEGATIVES = {
    "x-fill": 'API_KEY = "xxxxxxxxxxxxxxxxxxxxxxxx"',
    "x-fill-prefixed": 'stripe.api_key = "' + "sk_" + "live_" + "x" * 24 + '"',
    "example": 'API_TOKEN = "' + "example" + _G(20) + '"',
    "dummy": 'API_TOKEN = "dummy' + _G(20) + '"',
    "sample": 'API_TOKEN = "' + _G(10) + "Sample" + _G(10) + '"',
    "placeholder": 'token: "placeholder-' + _G(20) + '"',
    "changeme": "DB_PASSWORD=changeme" + _G(12),
    "change-me": "SECRET_KEY=change-me-" + _G(16),
    "your": 'OPENAI_API_KEY = "' + "sk-" + "proj-" + "your-key-" + _G(40) + '"',
    "angle-brackets": "DATABASE_URL=postgres://shop:<password>@db.internal:5432/shop",
    "dollar-brace": "API_KEY=${" + "OTHER_API_KEY_" + _G(8, UPPER_ALNUM) + "}",
    "double-brace": 'api_token: "{{secrets.api_token_' + _G(8) + '}}"',
    "percent-format": "password = %(db_password_" + _G(8, LOWER_ALNUM) + ")s",
    "stars": 'password = "****************"',
    "ellipsis": 'OPENAI_API_KEY = "' + "sk-" + "proj-" + _G(10) + "..." + _G(40) + '"',
    "same-char": 'TOKEN = "aaaaaaaaaaaaaaaaaaaaaaaa"',
    "same-char-prefixed": 'token = "' + "gh" + "p_" + "A" * 36 + '"',
    "stripe-test-secret": 'STRIPE_SECRET_KEY = "' + "sk_" + "test_" + _G(24) + '"',
    "stripe-test-publishable": 'STRIPE_PUBLISHABLE_KEY = "' + "pk_" + "test_" + _G(24) + '"',
    "stripe-test-restricted": 'STRIPE_RESTRICTED_KEY = "' + "rk_" + "test_" + _G(24) + '"',
    "aws-doc-key-id": "aws_access_key_id = " + "AKIA" + "IOSFODNN7" + "EXAMPLE",
    "aws-doc-secret": "aws_secret_access_key = " + "wJalrXUtnFEMI/K7MDENG/" + "bPxRfiCY" + "EXAMPLEKEY",
    "process-env": "const apiKey = process.env.STRIPE_SECRET_KEY_LIVE_VALUE;",
    "process-env-config": "  apiKey: process.env.OPENAI_API_KEY_PRODUCTION,",
    "os-environ": 'SECRET_KEY = os.environ["DJANGO_SECRET_KEY"]',
    "os-environ-unquoted-config": "SECRET_KEY=os.environ.get_value_x1",
    "shell-var": "password: $DB_PASSWORD_FROM_ENV_2",
    "variable-name": 'SECRET_KEY = "DJANGO_SECRET_KEY_FROM_ENV"',
    "dotted-setting": 'token = "settings.GITHUB_TOKEN"',
    "camel-name": 'apiKey: "stripePublishableKeyProd"',
    "path": 'SSL_KEY = "/etc/ssl/private/shop-2024.key"',
    "low-entropy": 'password = "passwordpassword"',
    "db-default-password": "DATABASE_URL=postgres://user:password@localhost:5432/shop",
    "db-same-user-password": "DATABASE_URL=mysql://shop:shop@db:3306/shop",
    "db-format-fields": 'url = f"postgres://{user}:{password}@{host}/shop"',
    "db-env-password": "DATABASE_URL=postgres://shop:${DB_PASSWORD}@db/shop",
    "basic-auth-doc": 'url = "https://user:pass@git.internal.net/repo.git"',
    "pem-placeholder": "key = '''-----BEGIN " + "PRIVATE" + " KEY-----\n...\n-----END PRIVATE KEY-----'''",
    "slack-doc-webhook": 'url = "https://hooks.slack' + '.com/services/T00000000/B00000000/' + "X" * 24 + '"',
    "short-value": 'api_key = "abc123"',
    "dollar-brace-quoted": 'API_KEY = "${' + "OTHER_API_KEY_" + _G(8, UPPER_ALNUM) + '}"',
    "percent-format-quoted": 'password = "%(db_password_' + _G(8, LOWER_ALNUM) + ')s"',
    "format-field": 'cache_key = f"user={user_id!r}-' + _G(8) + '"',
    "uuid-request-token": '"ClientRequestToken": "' + Gen("uuid").uuid() + '",',
    "short-hex-id": '"AWS::ApiGateway::UsagePlanKey": "' + _G(16, HEX) + '",',
    "arn": 'policy_key = "arn:aws:iam::aws:policy/' + "ReadOnlyAccess" + '"',
    "colon-name": '_SAR_APP_KEY = "serverlessrepo:applicationId"',
    "compound-name": '"result_key": "DBClusterSnapshots",',
    "list-of-names": "names = ['hash-iterate-key', 'hash-iterate-key+value', 'w32-window-exists-p']",
    "code-in-string": 'output_token = "StreamDescription.Shards[-1].ShardId"',
    "public-key-spki": 'key: "' + "MFkwEwYHKoZIzj0CAQ" + "YIKoZIzj0DAQcDQgAE" + _G(60, B64) + '=="',
}


@pytest.mark.parametrize("name", sorted(NEGATIVES))
def test_placeholders_are_not_findings(name, run_detector):
    _, findings = run_detector(DETECTOR, "app/settings.py", NEGATIVES[name] + "\n")
    assert findings == []


def test_env_file_references_are_not_findings(run_detector):
    text = "API_KEY=${API_KEY}\nSTRIPE_SECRET_KEY=\nSECRET_TOKEN=your-token-here\nPASSWORD=<set me>\n"
    _, findings = run_detector(DETECTOR, ".env.production", text)
    assert findings == []


def test_unquoted_config_values_only_in_config_files(run_detector):
    value = Gen("config-only")(32, URLSAFE)
    _, findings = run_detector(DETECTOR, "config/app.yml", f"signing_secret: {value}\n")
    assert [f.rule for f in findings] == ["generic-secret-config"]
    # In code, `name: value` is a type annotation or a dict key, not a setting.
    _, findings = run_detector(DETECTOR, "app/types.py", f"signing_secret: {value}\n")
    assert findings == []
    _, findings = run_detector(DETECTOR, "app/types.pyi", "public_key: x25519.X25519PublicKey\n")
    assert findings == []


def test_netrc_and_npmrc_rules_only_in_their_files(run_detector):
    g = Gen("rc-files")
    _, findings = run_detector(DETECTOR, "app/auth.py", f"password {g(30)}\n")
    assert findings == []
    _, findings = run_detector(DETECTOR, "app/http.py", "basic_auth = self._construct_basic_auth(username, pw)\n")
    assert findings == []


def test_offsets_survive_case_folding(run_detector):
    """'İ'.lower() is two characters: keyword search must not shift lines or spans."""
    key = "gh" + "p_" + Gen("unicode")(36)
    text = "title = 'İİİ İstanbul'\n" * 3 + f'token = "{key}"  # İ\n'
    _, findings = run_detector(DETECTOR, "app/i18n.py", text)
    assert [(f.line, f.rule) for f in findings] == [(4, "github-pat-classic")]
    assert_no_echo(findings, key)


def test_many_keyword_lines_still_find_the_secret(run_detector):
    """Past the keyword-line budget the rest of the file is scanned in one pass."""
    key = Gen("dense")(40, B64)
    text = "".join(f'"aws_region_{i}": "us-east-1",\n' for i in range(200)) + f'"aws_secret_access_key": "{key}",\n'
    _, findings = run_detector(DETECTOR, "data/aws.json", text)
    assert [(f.line, f.rule) for f in findings] == [(201, "aws-secret-access-key")]
    assert_no_echo(findings, key)


# --- which files are read ------------------------------------------------------------------


@pytest.mark.parametrize(
    "rel",
    [
        "app/main.py", "web/src/index.tsx", "cmd/server/main.go", "src/Main.java", "lib/app.rb",
        ".env", ".env.production", "config/prod.env", "deploy/values.yaml", "appsettings.json",
        "pyproject.toml", "setup.cfg", "nginx.conf", "app.properties", "pom.xml", "main.tf",
        "prod.tfvars", "run.sh", "deploy.ps1", "build.gradle", "build.gradle.kts", "Dockerfile",
        "Dockerfile.prod", "Jenkinsfile", "Procfile", "certs/server.pem", "certs/server.key",
        "home/.ssh/id_rsa", ".npmrc", ".pypirc", ".netrc", ".docker/config.json",
        ".aws/credentials", "google-credentials.json", "client_secret.json",
        "api/env.default", "api/env.dev",  # dotenv files without the dot (`mv env.default .env`)
        ".flaskenv", "ipconfig.php.example", "docker/blackfire.example",  # dotenv files by other names
    ],
)
def test_accepts_text_files(rel, ctx):
    assert accepts(rel, rel.rsplit("/", 1)[-1], ctx)


@pytest.mark.parametrize(
    "rel",
    [
        "package-lock.json", "yarn.lock", "pnpm-lock.yaml", "poetry.lock", "Cargo.lock", "go.sum",
        "composer.lock", "Gemfile.lock", "static/app.min.js", "static/site.min.css", "dist/main.bundle.js",
        "static/app.js.map", "logo.png", "README.md", "notes.txt",
    ],
)
def test_rejects_lockfiles_minified_and_others(rel, ctx):
    assert not accepts(rel, rel.rsplit("/", 1)[-1], ctx)


def test_minified_content_is_skipped():
    key = "gh" + "p_" + Gen("minified")(36)
    text = "var a=1;" * 2000 + f'var t="{key}";' + "var b=2;" * 2000
    assert list(detect(Source("static/vendor.js", text))) == []
    assert len(list(detect(Source("static/app.js", f'var t="{key}";\n')))) == 1


def test_entropy():
    assert shannon_entropy("") == 0.0
    assert shannon_entropy("aaaa") == 0.0
    assert shannon_entropy("abcd") == 2.0


def test_crlf_and_line_numbers(run_detector):
    key = "gl" + "pat-" + Gen("crlf")(20, URLSAFE)
    text = f"a: 1\r\nb: 2\r\ntoken: {key}\r\n"
    _, findings = run_detector(DETECTOR, "ci/config.yml", text)
    assert [(f.line, f.rule) for f in findings] == [(3, "gitlab-pat")]


# --- property: never raises, never echoes ----------------------------------------------------

_FRAGMENTS = [
    "sk_" + "live_", "rk_" + "live_", "gh" + "p_", "gh" + "s_", "github" + "_pat_", "gl" + "pat-", "AK" + "IA",
    "xo" + "xb-1-", "hf_", "np" + "m_", "SG.", "ey" + "J", "AI" + "za", "hv" + "s.", "NR" + "AK-", "key-",
    "API_KEY = \"", "token: ", "SECRET=", "password ", '"', "'", "=", ":", ".", "-", "_", "/", "@", " ",
    "\n", "\r\n", "postgres://u:", "https://a:", "@h.io/1", "-----BEGIN " + "PRIVATE KEY-----\n",
    "machine h login u\n", "AccountKey=", "_authToken=", "-us1", ":AA", "T3Blbk" + "FJ",
]
_token_text = st.lists(
    st.one_of(
        st.sampled_from(_FRAGMENTS),
        st.text(alphabet=ALNUM, min_size=1, max_size=48),
        st.text(alphabet=HEX, min_size=32, max_size=40),
        st.text(max_size=12),
    ),
    max_size=40,
).map("".join)


def _matched_values(text: str) -> list[str]:
    """Every value any rule's regex matched in `text` (before the placeholder guards)."""
    values = []
    for rule in load_rules().rules:
        chunks = [text] if rule.multiline else text.splitlines()
        for chunk in chunks:
            for m in rule.regex.finditer(chunk):
                values.append(m.group("secret") if "secret" in rule.regex.groupindex else m.group(0))
    return values


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(text=_token_text)
def test_never_raises_never_echoes(text):
    ruleset = load_rules()
    ids = {r.id: r for r in ruleset.rules}
    findings = list(detect(Source(rel="src/app.py", text=text)))
    shown = repr(findings)
    for value in _matched_values(text):
        for i in range(max(0, len(value) - 11)):
            window = value[i:i + 12]
            if len(window) == 12:
                assert window not in shown
    lines = text.count("\n") + 1
    for f in findings:
        assert f.path == "src/app.py"
        assert f.rule in ids and f.kind == ids[f.rule].kind
        assert 1 <= f.line <= lines


@settings(max_examples=200, deadline=None)
@given(text=st.text(max_size=400))
def test_arbitrary_text_never_raises(text):
    for f in detect(Source(rel="src/app.py", text=text)):
        assert f.rule
