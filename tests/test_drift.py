"""The drift check: each kind of drift is caught, unrelated edits are not drift."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner
from sample_app import PLANTED_SECRET, SERVER_JS, scan_app, write_app

from mkdocs_integrations import drift
from mkdocs_integrations.cli import main


@pytest.fixture
def repo(tmp_path, monkeypatch):
    """A test repository with the sample app and a committed baseline."""
    write_app(tmp_path)
    monkeypatch.chdir(tmp_path)
    result = CliRunner().invoke(main, ["check", "--update"])
    assert result.exit_code == 0, result.output
    return tmp_path


def check() -> tuple[int, list[str]]:
    result = CliRunner().invoke(main, ["check"])
    assert result.exit_code in (0, 1), result.output
    return result.exit_code, [line.strip() for line in result.stdout.splitlines() if line.startswith("  ")]


def edit(path, old: str, new: str) -> None:
    text = path.read_text()
    assert old in text
    path.write_text(text.replace(old, new))


def test_snapshot_is_sorted_and_line_free(tmp_path):
    snap = drift.snapshot(scan_app(write_app(tmp_path)))
    assert snap["services"] == [
        {"id": "redis", "category": "cache"},
        {"id": "sendgrid", "category": "email_sms"},
        {"id": "stripe", "category": "payment"},
    ]
    assert snap["env_vars"] == ["REDIS_URL", "SENDGRID_API_KEY", "STRIPE_SECRET_KEY", "STRIPE_WEBHOOK_SECRET"]
    assert snap["incoming_webhooks"] == ["/webhooks/stripe"]
    assert snap["findings"] == [{"kind": "Stripe live secret key", "path": "app/src/legacy.js"}]
    text = drift.dumps(snap)
    assert "line" not in text and PLANTED_SECRET not in text
    assert drift.loads(text) == snap


def test_diff_lines():
    old = {"services": [{"id": "redis", "category": "cache"}], "env_vars": ["STRIPE_KEY"],
           "incoming_webhooks": [], "findings": []}
    new = {"services": [{"id": "redis", "category": "cache"}, {"id": "stripe", "category": "payment"}],
           "env_vars": [], "incoming_webhooks": ["/hooks/x"],
           "findings": [{"kind": "AWS access key", "path": "a.py"}]}
    assert drift.diff(old, new) == [
        "+ service stripe (payment)",
        "- env STRIPE_KEY",
        "+ webhook /hooks/x",
        "+ finding AWS access key in a.py",
    ]
    assert drift.diff(new, new) == []


def test_unchanged_repository_passes(repo):
    assert check() == (0, [])


def test_moved_lines_are_not_drift(repo):
    server = repo / "app/src/server.js"
    server.write_text("// Shop server\n\n\n" + server.read_text() + "\n// end\n")
    edit(repo / "app/.env.example", "STRIPE_SECRET_KEY", "# keys\n\nSTRIPE_SECRET_KEY")
    assert check() == (0, [])


def test_new_service(repo):
    edit(repo / "app/package.json", '"stripe"', '"twilio": "^5.0.0",\n    "stripe"')
    edit(repo / "app/src/server.js", "const app = express();",
         "const twilio = require('twilio')(process.env.TWILIO_ACCOUNT_SID, process.env.TWILIO_AUTH_TOKEN);\n"
         "const app = express();")
    code, lines = check()
    assert code == 1
    assert "+ service twilio (email_sms)" in lines
    assert "+ env TWILIO_AUTH_TOKEN" in lines


def test_removed_service(repo):
    edit(repo / "app/package.json", '"redis": "^4.6.0",\n', "")
    server = SERVER_JS.replace("const { createClient } = require('redis');\n", "")
    server = server.replace("const cache = createClient({ url: process.env.REDIS_URL });\n", "")
    server = server.replace("  await cache.set('cart', JSON.stringify(cart));\n", "")
    (repo / "app/src/server.js").write_text(server)
    edit(repo / "app/.env.example", "REDIS_URL=redis://localhost:6379\n", "")
    code, lines = check()
    assert code == 1
    assert "- service redis (cache)" in lines
    assert "- env REDIS_URL" in lines


def test_new_env_var(repo):
    edit(repo / "app/src/server.js", "const app = express();",
         "const app = express();\nconst region = process.env.SHOP_REGION;")
    assert check() == (1, ["+ env SHOP_REGION"])


def test_new_incoming_webhook(repo):
    edit(repo / "app/src/server.js", "async function checkout",
         "app.post('/webhooks/partner', (req, res) => res.sendStatus(204));\n\nasync function checkout")
    assert check() == (1, ["+ webhook /webhooks/partner"])


def test_new_security_finding(repo):
    (repo / "app/src/billing.js").write_text(f'module.exports = {{ key: "{PLANTED_SECRET}" }};\n')
    result = CliRunner().invoke(main, ["check"])
    assert result.exit_code == 1
    assert "+ finding Stripe live secret key in app/src/billing.js" in result.stdout
    assert PLANTED_SECRET not in result.output


def test_removed_finding_is_drift_until_the_baseline_is_updated(repo):
    (repo / "app/src/legacy.js").write_text("module.exports = { LEGACY_KEY: process.env.LEGACY_KEY };\n")
    code, lines = check()
    assert code == 1 and "- finding Stripe live secret key in app/src/legacy.js" in lines
    assert CliRunner().invoke(main, ["check", "--update"]).exit_code == 0
    assert check() == (0, [])


def test_update_rewrites_the_baseline(repo):
    edit(repo / "app/src/server.js", "const app = express();",
         "const app = express();\nconst region = process.env.SHOP_REGION;")
    assert check()[0] == 1
    result = CliRunner().invoke(main, ["check", "--update"])
    assert result.exit_code == 0
    assert "SHOP_REGION" in json.loads((repo / "integrations.baseline.json").read_text())["env_vars"]
    assert check() == (0, [])


def test_the_baseline_file_itself_is_not_scanned(repo):
    baseline = json.loads((repo / "integrations.baseline.json").read_text())
    baseline["env_vars"].append("ONLY_IN_BASELINE")
    (repo / "integrations.baseline.json").write_text(drift.dumps(baseline))
    assert check() == (1, ["- env ONLY_IN_BASELINE"])


@pytest.mark.parametrize("text, message", [
    ("[]", "expected a JSON object"),
    ('{"version": 99}', "version 99"),
    ('{"env_vars": "X"}', "'env_vars' must be a list"),
    ('{"findings": [{"kind": "k"}]}', "'findings' must hold objects"),
])
def test_bad_baselines(text, message):
    with pytest.raises(drift.BaselineError, match=message):
        drift.loads(text, "b.json")
