"""The plugin inside real MkDocs builds: pages, navigation, placeholders, errors."""

from __future__ import annotations

import json

import pytest
from mkdocs.exceptions import Abort, PluginError

from helpers import build_site, page_text, write_tree

APP = {
    "app/package.json": """\
        {
          "name": "shop",
          "dependencies": {
            "stripe": "^14.8.0",
            "@sendgrid/mail": "^8.1.0"
          }
        }
        """,
    "app/src/pay.ts": """\
        import Stripe from "stripe";
        const stripe = new Stripe(process.env.STRIPE_SECRET_KEY!);
        export const session = () => stripe.checkout.sessions.create({ mode: "payment" });
        """,
    "app/src/mail.ts": """\
        import sgMail from "@sendgrid/mail";
        sgMail.setApiKey(process.env.SENDGRID_API_KEY as string);
        """,
    "app/.env.example": "STRIPE_SECRET_KEY=sk_test_xxx\nSENDGRID_API_KEY=\n",
}

PLAIN = """\
site_name: Test
plugins:
  - integrations:
      source_roots: [app]
"""


def test_generated_pages_and_auto_nav(tmp_path):
    write_tree(tmp_path, APP)
    site = build_site(tmp_path, PLAIN)
    main = page_text(site, "integrations/index.html")
    assert "External Integrations" in main
    assert "Analysis Date:" in main
    assert "Stripe - Payment processing" in main
    assert "SDK/Client: stripe npm package v14.8.0" in main
    assert "Auth: API key in STRIPE_SECRET_KEY env var" in main
    assert "checkout sessions" in main
    stripe = page_text(site, "integrations/stripe/index.html")
    assert "app/src/pay.ts:1" in stripe  # evidence with path and line
    assert "STRIPE_SECRET_KEY" in stripe
    assert (site / "integrations/env-vars/index.html").exists()
    assert (site / "integrations/webhooks/index.html").exists()
    # Auto navigation lists the generated section, overview first.
    home = (site / "index.html").read_text()
    assert "integrations/" in home
    nav_order = [home.find('href="integrations/'), home.find('href="integrations/stripe/')]
    assert -1 not in nav_order and nav_order[0] <= nav_order[1]


def test_sections_follow_template_order_with_none(tmp_path):
    write_tree(tmp_path, APP)
    site = build_site(tmp_path, PLAIN)
    main = page_text(site, "integrations/index.html")
    headings = ["APIs & External Services", "Data Storage", "Authentication & Identity",
                "Monitoring & Observability", "CI/CD & Deployment", "Environment Configuration",
                "Webhooks & Callbacks"]
    positions = [main.find(h) for h in headings]
    assert -1 not in positions and positions == sorted(positions)
    assert "Databases:" in main and "None" in main.split("Databases:", 1)[1][:40]
    assert "Integration audit:" in main


def test_explicit_nav_gets_an_integrations_section(tmp_path):
    write_tree(tmp_path, APP)
    yml = PLAIN + "nav:\n  - Home: index.md\n"
    site = build_site(tmp_path, yml)
    home = (site / "index.html").read_text()
    assert "Integrations" in home and 'href="integrations/' in home
    assert 'href="integrations/stripe/' in home


def test_explicit_nav_that_places_pages_is_left_alone(tmp_path):
    write_tree(tmp_path, APP)
    yml = PLAIN + "nav:\n  - Home: index.md\n  - Vendors: integrations/index.md\n"
    site = build_site(tmp_path, yml)
    home = (site / "index.html").read_text()
    assert "Vendors" in home
    assert ">Integrations<" not in home


def test_placeholder_expands_in_hand_written_page(tmp_path):
    write_tree(tmp_path, APP)
    docs = {"index.md": "# Home\n", "guide/money.md": "# Money\n\n<!-- integrations:services category=payment -->\n"}
    site = build_site(tmp_path, PLAIN, docs)
    text = page_text(site, "guide/money/index.html")
    assert "Stripe" in text and "SendGrid" not in text
    assert 'href="../../integrations/stripe/"' in (site / "guide/money/index.html").read_text()


def test_missing_source_root_is_a_clear_error(tmp_path, caplog):
    yml = "site_name: T\nplugins:\n  - integrations:\n      source_roots: [nope]\n"
    with pytest.raises((PluginError, Abort)):
        build_site(tmp_path, yml)
    errors = [r.getMessage() for r in caplog.records if r.levelname == "ERROR"]
    assert any("source_roots" in m and "'nope'" in m for m in errors), errors


def test_nothing_written_into_docs_dir(tmp_path):
    write_tree(tmp_path, APP)
    build_site(tmp_path, PLAIN)
    assert sorted(p.name for p in (tmp_path / "docs").rglob("*")) == ["index.md"]


def test_output_is_deterministic(tmp_path):
    write_tree(tmp_path / "a", APP)
    write_tree(tmp_path / "b", APP)
    site_a = build_site(tmp_path / "a", PLAIN)
    site_b = build_site(tmp_path / "b", PLAIN)
    for name in ("index", "stripe", "env-vars"):
        path = f"integrations/{name}/index.html" if name != "index" else "integrations/index.html"
        assert (site_a / path).read_bytes() == (site_b / path).read_bytes()


def test_disabled_plugin_adds_nothing(tmp_path):
    write_tree(tmp_path, APP)
    site = build_site(tmp_path, PLAIN + "      enabled: false\n")
    assert not (site / "integrations").exists()


def test_scan_cli_json(tmp_path):
    from click.testing import CliRunner

    from mkdocs_integrations.cli import main

    write_tree(tmp_path, APP)
    result = CliRunner().invoke(main, ["scan", str(tmp_path / "app"), "--base", str(tmp_path), "--format", "json"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.output)
    assert set(data) >= {"analysis_date", "services", "env_vars", "webhooks", "environments", "findings"}
    stripe = next(s for s in data["services"] if s["id"] == "stripe")
    assert stripe["category"] == "payment"
    assert {"path": "app/src/pay.ts", "line": 1} in [{"path": e["path"], "line": e["line"]} for e in stripe["evidence"]]
    assert set(data["webhooks"]) == {"incoming", "outgoing"}


FINDING_APP = {**APP, "app/.env": "STRIPE_SECRET_KEY=" + "sk_" + "live_" + "51Hx9Qk2eZvKYlo2C0a1b2c3d4" + "\n"}


def test_findings_are_plain_markdown_on_the_default_theme(tmp_path):
    write_tree(tmp_path, FINDING_APP)
    site = build_site(tmp_path, PLAIN)
    main = page_text(site, "integrations/index.html")
    assert "Security findings:" in main and "app/.env:1" in main
    assert "!!!" not in main
    assert "51Hx9Qk2eZvKYlo2C0a1" not in (site / "integrations/index.html").read_text()


def test_findings_are_an_admonition_with_material(tmp_path):
    write_tree(tmp_path, FINDING_APP)
    yml = PLAIN.replace("site_name: Test\n", "site_name: Test\ntheme:\n  name: material\nmarkdown_extensions:\n  - admonition\n")
    site = build_site(tmp_path, yml)
    html = (site / "integrations/index.html").read_text()
    assert 'class="admonition danger"' in html
    assert "51Hx9Qk2eZvKYlo2C0a1" not in html


def test_env_var_index_lists_declared_read_and_environments(tmp_path):
    write_tree(tmp_path, {**APP, "app/.env.production.example": "STRIPE_SECRET_KEY=\nUNUSED_FLAG=\n",
                          "app/src/flags.ts": "export const f = process.env.ONLY_READ;\n"})
    site = build_site(tmp_path, PLAIN)
    text = page_text(site, "integrations/env-vars/index.html")
    assert "STRIPE_SECRET_KEY" in text and "production" in text
    declared_unused = text.split("Declared but never read", 1)[1].split("Read but not declared", 1)[0]
    assert "UNUSED_FLAG" in declared_unused
    undeclared = text.split("Read but not declared", 1)[1]
    assert "ONLY_READ" in undeclared


def test_drift_against_the_baseline_fails_a_strict_build(tmp_path, caplog):
    from click.testing import CliRunner
    from mkdocs.exceptions import Abort

    from mkdocs_integrations.cli import main

    write_tree(tmp_path, APP)
    baseline = tmp_path / "integrations.baseline.json"
    result = CliRunner().invoke(main, ["check", str(tmp_path / "app"), "--base", str(tmp_path),
                                       "--baseline", str(baseline), "--update"])
    assert result.exit_code == 0, result.output
    yml = PLAIN.replace("site_name: Test\n", "site_name: Test\nstrict: true\n") + "      baseline: integrations.baseline.json\n"
    build_site(tmp_path, yml)  # no drift: the strict build passes
    write_tree(tmp_path, {"app/src/sms.ts": 'import twilio from "twilio";\n'})
    with pytest.raises(Abort):
        build_site(tmp_path, yml)
    assert any("integrations.baseline.json is out of date" in r.getMessage() and "twilio" in r.getMessage()
               for r in caplog.records)


def test_default_root_is_the_project_without_docs_and_site(tmp_path):
    write_tree(tmp_path, {
        "package.json": '{"dependencies": {"stripe": "^14.8.0"}}',
        "src/pay.ts": 'import Stripe from "stripe";\n',
        "site/old.js": 'import twilio from "twilio";\n',  # a previous build's output
    })
    docs = {"index.md": "# Home\n\n```js\nimport sendgrid from '@sendgrid/mail';\n```\n"}
    site = build_site(tmp_path, "site_name: T\nplugins:\n  - integrations\n", docs)
    main = page_text(site, "integrations/index.html")
    assert "Stripe" in main
    assert "Twilio" not in main and "SendGrid" not in main


def test_serve_rebuild_shows_an_edit_to_the_app(tmp_path):
    """`mkdocs serve` keeps the plugin (it has on_startup) and rebuilds on every save: the
    second build must show what the edit added and drop what it removed."""
    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    write_tree(tmp_path, {**APP, "mkdocs.yml": PLAIN, "docs/index.md": "# Home\n"})

    def rebuild():
        cfg = load_config(config_file=str(tmp_path / "mkdocs.yml"), site_dir=str(tmp_path / "site"))
        build(cfg)
        return cfg

    cfg = load_config(config_file=str(tmp_path / "mkdocs.yml"), site_dir=str(tmp_path / "site"))
    cfg.plugins.on_startup(command="serve", dirty=False)
    try:
        build(cfg)
        assert "SendGrid" in page_text(tmp_path / "site", "integrations/index.html")
        write_tree(tmp_path, {
            "app/src/mail.ts": "import twilio from 'twilio';\nconst c = twilio(process.env.TWILIO_SID);\n",
            "app/src/jobs/queue.py": "import redis\nr = redis.Redis.from_url(os.environ['REDIS_URL'])\n",
        })
        rebuild()
        text = page_text(tmp_path / "site", "integrations/index.html")
        assert "Twilio" in text and "Redis" in text
        assert "sendgrid/mail.ts" not in text
        (tmp_path / "app" / "src" / "jobs" / "queue.py").unlink()
        rebuild()
        assert "Redis" not in page_text(tmp_path / "site", "integrations/index.html")
    finally:
        cfg.plugins.on_shutdown()
