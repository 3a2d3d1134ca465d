"""No planted secret ever leaves the scan: not in pages, search index, sitemap, JSON, logs.

A temporary repository gets credentials of many kinds in every place they turn up in real
life (committed `.env` files, settings modules, YAML config, JS/Go code, compose, CI,
Kubernetes, Terraform, JSON config, URLs with passwords, key files, test fixtures,
comments, and a malformed YAML file whose parse error points at the secret's line). The
site is built with MkDocs (Material + search) and the CLI runs in every format it offers;
then every output byte and every log line is searched for each value and for slices of it.

Every secret-shaped string is assembled at run time from split literals and seeded random
bodies, so this file never holds anything a push-protection scanner would flag.
"""

from __future__ import annotations

import gzip
import json
import logging
import re
import string
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest

from helpers import build_site, page_text

from secretgen import B64, BASE32, DIGITS, HEX, UPPER_ALNUM, URLSAFE, Gen


@dataclass
class Plant:
    path: str  # relative to the project root
    value: str  # the secret itself, exactly as it sits in the file
    kind: str  # the Finding kind the report must show ("": only the no-leak checks apply)
    public: int = 0  # length of a well-known, public prefix ("sk_live_", "ghp_", "https://hooks…")
    line_delta: int = 0  # the finding's line relative to the value's (a name on an earlier line)

    def probes(self) -> list[str]:
        """Slices that must not appear anywhere: the value, and 8-character windows of it.

        The first 8 characters are only a probe when they are not the kind's public prefix:
        "sk_live_" or "https://" appearing in a page names a kind (or a link), not a secret.
        Past the public prefix every window is random, so any of them showing up is a leak.
        """
        v = self.value
        out = [v]
        if self.public == 0:
            out.append(v[:8])
        start = max(self.public, 8 if self.public == 0 else self.public)
        for s in (start, (start + len(v) - 8) // 2, len(v) - 8):
            piece = v[s:s + 8]
            if len(piece) == 8 and not piece.isdigit():
                out.append(piece)
        return list(dict.fromkeys(out))


def _pem(g: Gen, label: str) -> str:
    body = "\n".join(g(64, B64) for _ in range(6))
    return "-----BEGIN " + label + "PRIVATE" + " KEY-----\n" + body + "\n-----END " + label + "PRIVATE KEY-----"


def build_repo(root: Path) -> list[Plant]:
    """Write the leaky repository under root/app; returns every planted value."""
    g = Gen("leak-test")
    plants: list[Plant] = []
    files: dict[str, list[str]] = {}

    def plant(path: str, before: str, value: str, after: str, kind: str, public: int = 0, line_delta: int = 0) -> None:
        files.setdefault(path, []).append(before + value + after)
        plants.append(Plant("app/" + path, value, kind, public, line_delta))

    def line(path: str, text: str) -> None:
        files.setdefault(path, []).append(text)

    # A committed .env (no .gitignore anywhere) and a production one.
    line(".env", "# local settings")
    plant(".env", "STRIPE_SECRET_KEY=", "sk_" + "live_" + g(24), "", "Stripe live secret key", 8)
    plant(".env", "AWS_ACCESS_KEY_ID=", "AK" + "IA" + g(16, BASE32), "", "AWS access key ID", 4)
    plant(".env", "AWS_SECRET_ACCESS_KEY=", g(40, B64), "", "AWS secret access key")
    plant(".env", "MAILGUN_API_KEY=", g(32, HEX) + "-" + g(8, HEX) + "-" + g(8, HEX), "", "Mailgun API key")
    plant(".env.production", "DATABASE_URL=postgres://shop:", g(20), "@db.internal:5432/shop",
          "Database or broker URL with password")
    plant(".env.production", "TWILIO_AUTH_TOKEN=", g(32, HEX), "", "Twilio auth token")
    plant(".env.production", "ALGOLIA_ADMIN_API_KEY=", g(32, HEX), "", "Algolia admin API key")
    # An example file that someone filled with a real-looking value.
    plant(".env.example", "SENDGRID_API_KEY=", "SG" + "." + g(22, URLSAFE) + "." + g(43, URLSAFE), "",
          "SendGrid API key", 3)
    line(".env.example", "REDIS_URL=redis://localhost:6379")
    # Python settings.
    line("shop/settings.py", "import os\nimport sentry_sdk\n")
    plant("shop/settings.py", 'SECRET_KEY = "', g(40), '"', "Hardcoded secret")
    plant("shop/settings.py", 'openai_api_key = "', "sk-" + g(20) + "T3Blbk" + "FJ" + g(20), '"', "OpenAI API key", 3)
    plant("shop/settings.py", 'sentry_sdk.init("https://' + g(32, HEX) + ":", g(32, HEX), '@o12345.ingest.sentry.io/67890")',
          "Sentry DSN with secret key")
    plant("shop/settings.py", "# old key, rotated (not really): ", "gh" + "p_" + g(36), "",
          "GitHub personal access token (classic)", 4)
    # YAML config.
    line("config/app.yml", "app:\n  name: shop")
    plant("config/app.yml", "  signing_secret: ", g(32, URLSAFE), "", "Hardcoded secret")
    plant("config/slack.yml", "bot_token: ",
          "xo" + "xb-" + g(12, DIGITS) + "-" + g(13, DIGITS) + "-" + g(24), "", "Slack token", 5)
    plant("config/square.yml", "application_secret: ", "sq0" + "csp-" + g(43, URLSAFE), "", "Square OAuth secret", 7)
    # JavaScript.
    plant("web/src/firebase.js", 'const firebaseConfig = { apiKey: "', "AI" + "za" + g(35, URLSAFE), '" };',
          "Google API key", 4)
    plant("web/src/webhooks.js", 'const endpointSecret = "', "wh" + "sec_" + g(32), '";', "Stripe webhook signing secret", 6)
    plant("web/src/webhooks.js", "// discord: ", "https://discord" + ".com/api/webhooks/" + g(18, DIGITS) + "/" + g(68, URLSAFE),
          "", "Discord webhook URL", 33)
    plant("web/src/ai.js", "const openai = new OpenAI({ apiKey: '", "sk-" + "proj-" + g(80, URLSAFE), "' });",
          "OpenAI API key", 8)
    # Go.
    line("cmd/sync/main.go", 'package main\n\nimport "os"\n')
    plant("cmd/sync/main.go", 'var token = "', "github" + "_pat_" + g(22) + "_" + g(59), '"',
          "GitHub fine-grained personal access token", 11)
    plant("cmd/sync/main.go", 'var sq = square.NewClient("', "EA" + "AA" + g(60, URLSAFE), '")', "Square access token", 4)
    # docker-compose environment.
    line("docker-compose.yml", "services:\n  web:\n    image: shop/web\n    environment:")
    plant("docker-compose.yml", "      DD_API_KEY: ", g(32, HEX), "", "Datadog API key")
    plant("docker-compose.yml", "      GITLAB_TOKEN: ", "gl" + "pat-" + g(20, URLSAFE), "", "GitLab personal access token", 6)
    # GitHub workflow env with literals.
    line(".github/workflows/deploy.yml", "name: deploy\non: push\njobs:\n  deploy:\n    runs-on: ubuntu-latest\n    env:")
    plant(".github/workflows/deploy.yml", "      HEROKU_API_KEY: ", g.uuid(), "", "Heroku API key")
    plant(".github/workflows/deploy.yml", "      SENTRY_AUTH_TOKEN: ", "sntr" + "ys_" + "eyJ" + g(90, B64), "",
          "Sentry auth token", 10)
    line(".github/workflows/deploy.yml", "    steps:\n      - run: npm publish")
    # Kubernetes manifest env.
    line("k8s/deployment.yaml", "apiVersion: apps/v1\nkind: Deployment\nspec:\n  template:\n    spec:\n"
         "      containers:\n        - name: web\n          image: shop/web:1.0\n          env:")
    plant("k8s/deployment.yaml", "            - name: SLACK_WEBHOOK\n              value: \"",
          "https://hooks.slack" + ".com/services/T" + g(8, UPPER_ALNUM) + "/B" + g(10, UPPER_ALNUM) + "/" + g(24), '"',
          "Slack incoming webhook URL", 34)
    plant("k8s/deployment.yaml", "            - name: VAULT_TOKEN\n              value: \"", "hv" + "s." + g(90, URLSAFE), '"',
          "HashiCorp Vault token", 4)
    # Terraform variable defaults.
    plant("infra/variables.tf", 'variable "do_token" {\n  default = "', "dop" + "_v1_" + g(64, HEX), '"\n}',
          "DigitalOcean token", 7)
    plant("infra/variables.tf", 'variable "newrelic_key" {\n  default = "', "NR" + "AK-" + g(27, UPPER_ALNUM), '"\n}',
          "New Relic user API key", 5)
    plant("infra/variables.tf", 'variable "azure_storage_key" {\n  default = "', g(86, B64) + "==", '"\n}',
          "Hardcoded secret", line_delta=-1)  # reported on the `variable` line, which names it
    # JSON config.
    line("config/appsettings.json", "{")
    plant("config/appsettings.json",
          '  "ServiceBus": "Endpoint=sb://shop.servicebus.windows.net/;SharedAccessKeyName=Root;SharedAccessKey=',
          g(43, B64) + "=", '",', "Azure Service Bus / Event Hubs shared access key")
    plant("config/appsettings.json", '  "shopify": "', "shp" + "at_" + g(32, HEX), '",', "Shopify access token", 6)
    plant("config/appsettings.json", '  "anthropic": "', "sk-" + "ant-" + "api03-" + g(93, URLSAFE) + "AA", '"',
          "Anthropic API key", 14)
    line("config/appsettings.json", "}")
    plant("config/service-account.json", '{\n  "type": "service_account",\n  "private_key": "',
          "-----BEGIN " + "PRIVATE" + " KEY-----\\nMII" + g(60, B64) + "\\n" + g(64, B64), '\\n-----END PRIVATE KEY-----\\n"\n}',
          "Google Cloud service account private key", 33)
    # A URL with user:password@ in code.
    plant("scripts/mirror.py", 'REMOTE = "https://deploy:', g(20), '@git.internal.net/shop.git"',
          "URL with embedded credentials")
    plant("scripts/deploy.sh", "doppler configure set token ", "dp" + ".pt." + g(43), "", "Doppler token", 6)
    plant("bot/telegram.kt", 'val bot = Bot("', g(10, DIGITS) + ":" + "AA" + g(33, URLSAFE), '")', "Telegram bot token", 13)
    plant("ml/download.py", 'login(token="', "h" + "f_" + g(34, string.ascii_letters), '")', "Hugging Face access token", 3)
    # Registry credentials.
    plant(".npmrc", "//registry.npmjs.org/:_authToken=", "np" + "m_" + g(36), "", "npm access token", 4)
    # A private key file.
    plant("deploy/id_rsa", "", _pem(g, "RSA "), "", "Private key", 31)
    # A JWT in a test fixture.
    plant("tests/fixtures/auth.js", "export const headers = { Authorization: 'Bearer ",
          "ey" + "J" + g(20, URLSAFE) + ".ey" + "J" + g(40, URLSAFE) + "." + g(43, URLSAFE), "' };",
          "JSON Web Token", 3)
    # Malformed YAML: parse errors near secrets. A password starting with "*" reads as an
    # undefined YAML alias, and PyYAML's message quotes the alias name, i.e. the password.
    plant("k8s/broken.yaml", "apiVersion: v1\nkind: ConfigMap\ndata:\n  postmark_token: ", g.uuid(), "\n   bad: [unclosed\n",
          "Postmark server token")
    plant("docker-compose.prod.yml", "services:\n  db:\n    environment:\n      POSTGRES_PASSWORD: ",
          "*" + g(24), "", "")

    for rel, parts in files.items():
        path = root / "app" / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text("\n".join(parts) + "\n", encoding="utf-8")
    # A package manifest and code so the pages have services to show.
    (root / "app/package.json").write_text('{"name": "shop", "dependencies": {"stripe": "^14.8.0"}}\n')
    (root / "app/web/src/pay.js").write_text(
        'import Stripe from "stripe";\nconst stripe = new Stripe(process.env.STRIPE_SECRET_KEY);\n'
    )
    return plants


def line_of(root: Path, p: Plant) -> int:
    text = (root / p.path).read_text(encoding="utf-8")
    return text[: text.index(p.value)].count("\n") + 1 + p.line_delta


def output_texts(site: Path) -> dict[str, str]:
    """Every file the build wrote, decoded (gzip too, e.g. sitemap.xml.gz)."""
    out = {}
    for path in sorted(site.rglob("*")):
        if not path.is_file():
            continue
        data = path.read_bytes()
        if path.suffix == ".gz":
            data = gzip.decompress(data)
        out[path.relative_to(site).as_posix()] = data.decode("utf-8", errors="replace")
    return out


def cli_formats() -> list[str]:
    help_text = subprocess.run(
        [sys.executable, "-m", "mkdocs_integrations.cli", "scan", "--help"],
        capture_output=True, text=True, check=True,
    ).stdout
    m = re.search(r"--format \[([a-z|-]+)\]", help_text)
    assert m, help_text
    return m.group(1).split("|")


YML = """\
site_name: Leak test
site_url: https://docs.example.org/
theme:
  name: material
plugins:
  - search
  - integrations:
      source_roots: [app]
"""


@pytest.fixture(scope="module")
def leaky(tmp_path_factory):
    root = tmp_path_factory.mktemp("leaky")
    plants = build_repo(root)
    assert len(plants) >= 30 and len({p.kind for p in plants if p.kind}) >= 30

    handler = _Capture()
    for name in ("mkdocs", "mkdocs_integrations"):
        logger = logging.getLogger(name)
        logger.addHandler(handler)
    old = logging.getLogger("mkdocs").level
    logging.getLogger("mkdocs").setLevel(logging.DEBUG)
    try:
        site = build_site(root, YML)
    finally:
        logging.getLogger("mkdocs").setLevel(old)
        for name in ("mkdocs", "mkdocs_integrations"):
            logging.getLogger(name).removeHandler(handler)

    cli: dict[str, tuple[str, str]] = {}
    for fmt in cli_formats():
        proc = subprocess.run(
            [sys.executable, "-m", "mkdocs_integrations.cli", "scan", "app", "--base", ".", "--format", fmt],
            cwd=root, capture_output=True, text=True, timeout=120,
        )
        assert proc.returncode == 0, proc.stderr
        cli[fmt] = (proc.stdout, proc.stderr)
    return root, plants, site, handler.lines, cli


class _Capture(logging.Handler):
    def __init__(self) -> None:
        super().__init__(level=logging.DEBUG)
        self.lines: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.lines.append(record.getMessage())
        if record.exc_info:
            self.lines.append(logging.Formatter().formatException(record.exc_info))


def test_no_value_or_slice_anywhere(leaky):
    root, plants, site, logs, cli = leaky
    texts = output_texts(site)
    assert "search/search_index.json" in texts and "sitemap.xml" in texts and "sitemap.xml.gz" in texts
    assert any(k.startswith("integrations/") for k in texts)
    texts["<build log>"] = "\n".join(logs)
    for fmt, (stdout, stderr) in cli.items():
        texts[f"<cli {fmt} stdout>"] = stdout
        texts[f"<cli {fmt} stderr>"] = stderr
    assert len(logs) > 3, "the build log was not captured"
    leaks = []
    for p in plants:
        for probe in p.probes():
            for where, text in texts.items():
                if probe in text:
                    leaks.append(f"{p.kind} ({p.path}): {probe!r} in {where}")
    assert not leaks, "\n".join(leaks)


def test_findings_are_reported_on_the_main_page(leaky):
    root, plants, site, logs, cli = leaky
    main = page_text(site, "integrations/index.html")
    assert "Security findings" in main
    missing = [
        f"{p.kind} at {p.path}:{line_of(root, p)}"
        for p in plants
        if p.kind and not re.search(
            re.escape(p.kind) + r"(?: \([^)]*\))?: " + re.escape(f"{p.path}:{line_of(root, p)}") + r"(?!\d)", main
        )
    ]
    assert not missing, "\n".join(missing)
    assert "Environment file with real values is not gitignored: app/.env:1" in main
    assert "app/.env.production:1" in main


def test_findings_are_reported_in_json(leaky):
    root, plants, site, logs, cli = leaky
    data = json.loads(cli["json"][0])
    found = {(f["kind"], f["path"], f["line"]) for f in data["findings"]}
    missing = [p for p in plants if p.kind and (p.kind, p.path, line_of(root, p)) not in found]
    assert not missing, missing
    for f in data["findings"]:
        assert set(f) == {"path", "line", "kind", "severity", "rule"}


def test_malformed_yaml_is_a_warning_without_the_value(leaky):
    # The no-leak test checks the value is absent; this one checks the warnings did happen.
    root, plants, site, logs, cli = leaky
    for rel in ("app/k8s/broken.yaml:", "app/docker-compose.prod.yml:"):
        assert any(rel in line and "invalid YAML" in line for line in logs), logs
        assert rel in cli["json"][1]
