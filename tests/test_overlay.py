"""The overlay: validation with file and line, and what it changes on the page."""

from __future__ import annotations

import pytest
from helpers import build_site, page_text, write_tree
from mkdocs.exceptions import Abort, PluginError

from mkdocs_integrations.overlay import OverlayError, parse_overlay

APP = {
    "app/package.json": '{"dependencies": {"stripe": "^14.8.0"}}',
    "app/pay.js": "const Stripe = require('stripe');\nconst s = Stripe(process.env.STRIPE_SECRET_KEY);\n",
}


@pytest.mark.parametrize(
    ("text", "line", "words"),
    [
        ("services:\n  stripe:\n    purpos: typo\n", 3, "unknown key 'purpos'"),
        ("colour: blue\n", 1, "unknown key 'colour'"),
        ("add:\n  - id: Billing API\n    name: B\n    category: external_api\n", 2, "lowercase slug"),
        ("add:\n  - id: billing\n    name: B\n    category: money\n", 2, "'category' must be one of"),
        ("planned:\n  crm: HubSpot\n", 2, "unknown category 'crm'"),
        ("services:\n  stripe:\n    dashboard: http://x\n", 3, "https://"),
        ("services: [1, 2\n", 2, ""),
        ("environments:\n  qa:\n    data: x\n", 2, "unknown environment 'qa'"),
    ],
)
def test_invalid_overlay_names_file_and_line(text, line, words):
    with pytest.raises(OverlayError) as err:
        parse_overlay(text, "integrations.yml")
    assert str(err.value).startswith(f"integrations.yml:{line}:")
    assert words in str(err.value)


def test_overlay_fills_what_code_cannot_show(tmp_path):
    write_tree(tmp_path, {**APP, "integrations.yml": """\
        services:
          stripe:
            purpose: Subscription billing
            owner: payments team
            fields:
              Endpoints used: checkout sessions, customer portal
        add:
          - id: billing-api
            name: Partner billing API
            category: external_api
            purpose: Invoices for partners
            rate_limits: 100 requests/min
        planned:
          analytics: Mixpanel
        none:
          cache: None currently (all database queries, no Redis)
        environments:
          production:
            secrets_management: Vercel environment variables
        """})
    yml = "site_name: T\nplugins:\n  - integrations:\n      source_roots: [app]\n      overlay: integrations.yml\n"
    site = build_site(tmp_path, yml)
    main = page_text(site, "integrations/index.html")
    assert "Stripe - Subscription billing" in main
    assert "Endpoints used: checkout sessions, customer portal" in main
    assert "Partner billing API - Invoices for partners" in main
    assert "None (planned: Mixpanel)" in main
    assert "None currently (all database queries, no Redis)" in main
    assert "Secrets management: Vercel environment variables" in main
    assert "payments team" in page_text(site, "integrations/stripe/index.html")


def test_unknown_service_in_overlay_fails_strict_build(tmp_path, caplog):
    write_tree(tmp_path, {**APP, "integrations.yml": "services:\n  mixpanel:\n    purpose: x\n"})
    yml = "site_name: T\nstrict: true\nplugins:\n  - integrations:\n      source_roots: [app]\n      overlay: integrations.yml\n"
    with pytest.raises(Abort):
        build_site(tmp_path, yml)
    assert any("integrations.yml:2" in r.getMessage() and "mixpanel" in r.getMessage() for r in caplog.records)


def test_invalid_overlay_is_one_clear_error(tmp_path, caplog):
    write_tree(tmp_path, {**APP, "integrations.yml": "hide: stripe\n"})
    yml = "site_name: T\nplugins:\n  - integrations:\n      source_roots: [app]\n      overlay: integrations.yml\n"
    with pytest.raises((PluginError, Abort)):
        build_site(tmp_path, yml)
    errors = [r.getMessage() for r in caplog.records if r.levelname == "ERROR"]
    assert len(errors) == 1 and "integrations.yml:1" in errors[0] and "'hide'" in errors[0]


def test_hide_removes_a_false_positive(tmp_path):
    write_tree(tmp_path, {**APP, "integrations.yml": "hide: [stripe]\n"})
    yml = "site_name: T\nplugins:\n  - integrations:\n      source_roots: [app]\n      overlay: integrations.yml\n"
    site = build_site(tmp_path, yml)
    assert "Stripe" not in page_text(site, "integrations/index.html")
    assert not (site / "integrations/stripe").exists()
