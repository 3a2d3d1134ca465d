"""One service's entry (inventory/service_use.py): locked versions beside the declared ones,
the monorepo apps that use it."""

from __future__ import annotations

from helpers import scan_tree as scan


def test_locked_version_resolves_the_declared_one(tmp_path):
    inv = scan(tmp_path, {
        "package.json": '{"dependencies": {"stripe": "^14.8.0"}}',
        "package-lock.json": '{"lockfileVersion": 3, "packages": {"node_modules/stripe": {"version": "14.9.2"}}}',
    })
    pkg = inv.get("stripe").packages[0]
    assert (pkg.declared, pkg.resolved) == ("^14.8.0", "14.9.2")
    assert inv.get("stripe").strength == "declared"


def test_monorepo_services_say_which_apps_use_them(tmp_path):
    inv = scan(tmp_path, {
        "package.json": '{"workspaces": ["apps/*"]}',
        "apps/web/package.json": '{"dependencies": {"stripe": "^14.0.0"}}',
        "apps/web/pay.ts": 'import Stripe from "stripe";\n',
        "apps/api/package.json": '{"dependencies": {"stripe": "^14.0.0"}}',
        "apps/api/charge.ts": 'import Stripe from "stripe";\n',
    })
    assert inv.get("stripe").used_by == ["apps/api", "apps/web"]
