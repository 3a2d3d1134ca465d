"""Many repositories in one site: other repositories' `scan --format json` merged in."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner
from helpers import build_site, page_text, write_tree
from mkdocs.exceptions import Abort, PluginError

from mkdocs_integrations.cli import main

SITE = """\
site_name: Org
plugins:
  - integrations:
      source_roots: [app]
      repository_name: web
      extra_inventories:
        billing: inventories/billing.json
"""


def make_other_repo_inventory(tmp_path):
    other = tmp_path / "billing-repo"
    write_tree(other, {
        "package.json": '{"dependencies": {"stripe": "^14.0.0", "@sendgrid/mail": "^8.0.0"}}',
        "pay.ts": 'import Stripe from "stripe";\nconst k = process.env.STRIPE_SECRET_KEY;\n',
        "mail.ts": 'import sg from "@sendgrid/mail";\n',
    })
    out = tmp_path / "site" / "inventories" / "billing.json"
    out.parent.mkdir(parents=True)
    result = CliRunner().invoke(main, ["scan", str(other), "--base", str(other), "-o", str(out)])
    assert result.exit_code == 0, result.output
    return out


def test_services_list_every_repository_using_them(tmp_path):
    make_other_repo_inventory(tmp_path)
    project = tmp_path / "site"
    write_tree(project, {
        "app/package.json": '{"dependencies": {"stripe": "^14.0.0"}}',
        "app/checkout.ts": 'import Stripe from "stripe";\n',
    })
    docs = {"index.md": "# Home\n", "vendors.md": "# Vendors\n\n<!-- integrations:services category=payment,email_sms -->\n"}
    site = build_site(project, SITE, docs)
    main_page = page_text(site, "integrations/index.html")
    assert "Repositories: billing, web" in main_page  # Stripe, in both
    assert "Repositories: billing" in main_page  # SendGrid, only in the other repository
    sendgrid = page_text(site, "integrations/sendgrid/index.html")
    assert "billing" in sendgrid and "its evidence lives in that repository" in sendgrid
    vendors = page_text(site, "vendors/index.html")
    assert "Repositories" in vendors and "billing, web" in vendors


def test_invalid_extra_inventory_is_one_clear_error(tmp_path, caplog):
    project = tmp_path / "site"
    write_tree(project, {"app/a.py": "", "inventories/billing.json": json.dumps({"services": [{"id": "x"}]})})
    with pytest.raises((PluginError, Abort)):
        build_site(project, SITE)
    errors = [r.getMessage() for r in caplog.records if r.levelname == "ERROR"]
    assert len(errors) == 1 and "extra_inventories" in errors[0] and "billing.json" in errors[0]
