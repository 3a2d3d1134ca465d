"""Routing (inventory/route.py): each piece of evidence to the service it speaks for: the most
specific wildcard host, app-prefixed env names, a snippet-only call, a chart dependency's image."""

from __future__ import annotations

from helpers import scan_tree as scan
from helpers import service_ids as ids


def test_the_most_specific_catalog_wildcard_host_wins(tmp_path):
    """x.pushnotifications.pusher.com is Pusher Beams, not Pusher Channels' *.pusher.com."""
    inv = scan(tmp_path / "app", {
        "push.ts": 'await fetch(`https://${id}.pushnotifications.pusher.com/publish_api/v1/instances`, { method: "POST" });\n',
    })
    assert "pusher-beams" in ids(inv) and "pusher" not in ids(inv)


def test_app_prefixed_and_oauth_env_names(tmp_path):
    inv = scan(tmp_path, {".env.example": "PAPERLESS_EMAIL_HOST=\nGITHUB_APP_SECRET=\nMYAPP_SENTRY_DSN=\n"})
    assert {"smtp", "github-oauth", "sentry"} <= ids(inv)
    assert all(u.strength == "env" for u in inv.services)


def test_a_call_only_the_vendors_snippet_makes_is_a_use_on_its_own(tmp_path):
    """Matomo Tag Manager's `_mtm.push` on a self-hosted Matomo: no package, env var or fixed
    host; a Matomo-looking call of another service's SDK alone stays quiet."""
    inv = scan(tmp_path, {"app/js/matomo.js": '// Call Matomo on page loads\ndocument.addEventListener("turbo:load", () => window._mtm?.push({ event: "mtm.PageView" }));\n'})
    assert "matomo" in ids(inv)
    inv = scan(tmp_path / "other", {"app/js/stripe.js": "// stripe\nconst c = customers.create({});\n"})
    assert "stripe" not in ids(inv)


def test_short_oauth_credential_names_and_app_prefixed_auth_names(tmp_path):
    """AUTH_GOOGLE_CID / AUTH_GOOGLE_CSEC (Go sign-in options) and GOOGLE_AUTH_CLIENT_ID are
    Google sign-in; the AUTH_URL tail of a custom provider's AUTH_CUSTOM_AUTH_URL is not Auth.js."""
    inv = scan(tmp_path, {".env.example": "AUTH_GOOGLE_CID=\nAUTH_DISCORD_CSEC=\nAUTH_CUSTOM_AUTH_URL=\n",
                          "config/google.rb": 'ENV["GOOGLE_AUTH_CLIENT_ID"]\n'})
    assert {"google-oauth", "discord-oauth"} <= ids(inv)
    assert "nextauth" not in ids(inv)


def test_a_helm_chart_dependency_names_the_service_of_its_image():
    from mkdocs_integrations.catalog import load_catalog
    from mkdocs_integrations.catalog.index import CatalogIndex

    index = CatalogIndex(load_catalog())
    assert index.chart("minio") == "minio"  # bitnami/minio, minio/minio: the chart bitnami publishes
    assert index.chart("redis") == index.image("redis") == "redis"
    assert index.image("minio") is None  # a bare image name keeps its exact lookup


def test_a_request_to_a_hosting_platforms_api_is_a_use(tmp_path):
    """A platform's env names alone may be injected by it; a request to its API (purging
    Fastly's cache) shows the app uses it."""
    purge = 'class Fastly\n  def purge(key)\n    HTTP.post("https://api.fastly.com/service/#{ENV["FASTLY_SERVICE_ID"]}/purge/#{key}")\n  end\nend\n'
    assert "fastly" in ids(scan(tmp_path / "a", {"lib/fastly.rb": purge}))
    assert "fastly" not in ids(scan(tmp_path / "b", {"lib/cdn.rb": 'SERVICE = ENV["FASTLY_SERVICE_ID"]\n'}))


def test_an_image_in_the_apps_own_namespace_is_its_own_component(tmp_path):
    """`acme/vault` scanned in `acme` is the app's own vault service, not HashiCorp Vault by
    the image's last name, and its VAULT_TOKEN is that component's; another namespace's
    `vault` image still reads as the vendor's."""
    files = {
        "docker-compose.yaml": "services:\n  vault:\n    image: acme/vault:dev\n",
        "web/lib/env.ts": "export const token = process.env.VAULT_TOKEN;\n",
    }
    assert "hashicorp-vault" not in ids(scan(tmp_path / "acme", files))
    files["docker-compose.yaml"] = "services:\n  vault:\n    image: someorg/vault:1.15\n"
    assert "hashicorp-vault" in ids(scan(tmp_path / "other", files))


def test_a_vendor_connector_package_is_that_vendor(tmp_path):
    """A dependency named `<vendor>-connector` (a chat platform's channel connectors, one npm
    package per vendor) is a client of that vendor, though the catalog lists no such package;
    a connector for a channel kind (`-sms-connector`) or an unknown word names no vendor."""
    inv = scan(tmp_path, {
        "package.json": '{"name": "chat-server", "dependencies": {"@acme/acme-whatsapp-connector": "^1.0.0",\n'
                        '  "@acme/acme-voice-twilio-connector": "^0.2.0", "@acme/acme-sms-connector": "^1.0.0",\n'
                        '  "arabic-letter-connector": "^1.0.0"}}\n',
        "channels/whatsapp/listener.js": 'const whatsapp = require("@acme/acme-whatsapp-connector");\n'
                                         "module.exports = (app) => app.use('/whatsapp', whatsapp.router);\n",
    })
    assert {"whatsapp", "twilio"} <= ids(inv)
    assert not ids(inv) & {"sms", "letter"}


def test_the_apps_own_image_on_a_registry_is_that_registry(tmp_path):
    """A compose file pulling the project's own image from GHCR (komodo's
    `ghcr.io/moghtech/komodo-core`) is where the project publishes it; a third party's image
    on the same registry (`ghcr.io/ferretdb/ferretdb`) is only pulled."""
    compose = ("services:\n  core:\n    image: ghcr.io/moghtech/komodo-core:${TAG:-2}\n"
               "  ferretdb:\n    image: ghcr.io/ferretdb/ferretdb\n")
    inv = scan(tmp_path / "komodo", {"compose/mongo.compose.yaml": compose})
    assert "github-container-registry" in ids(inv)
    inv = scan(tmp_path / "other", {"compose/mongo.compose.yaml": compose})
    assert "github-container-registry" not in ids(inv)


_OWN_LOCK = ('{"packages": [\n'
             '{"name": "acme/core-api", "version": "1.0.0", "require": {"sentry/sentry-laravel": "^4.0", "twilio/sdk": "^6.0"}},\n'
             '{"name": "spatie/laravel-backup", "version": "8.0.0", "require": {"stripe/stripe-php": "^13.0"}},\n'
             '{"name": "sentry/sentry-laravel", "version": "4.27.0"},\n'
             '{"name": "twilio/sdk", "version": "6.44.4"},\n'
             '{"name": "stripe/stripe-php", "version": "v13.18.0"}\n]}\n')


def test_lock_entries_the_apps_own_vendor_packages_require_are_its_own(tmp_path):
    """An app whose backend ships as its own vendor's packages (acme/acme requiring acme/core-api)
    declares its services in those packages' manifests, which the lock copies: core-api's
    sentry and twilio are the app's; a third-party library's requires stay transitive, and so
    does everything when the root is a framework skeleton (laravel/laravel)."""
    inv = scan(tmp_path / "own", {
        "api/composer.json": '{"name": "acme/acme", "require": {"acme/core-api": "^1.0", "spatie/laravel-backup": "^8.0"}}\n',
        "api/composer.lock": _OWN_LOCK,
    })
    assert {"sentry", "twilio"} <= ids(inv)
    assert "stripe" not in ids(inv)
    inv = scan(tmp_path / "skeleton", {
        "composer.json": '{"name": "laravel/laravel", "require": {"laravel/core-api": "^1.0"}}\n',
        "composer.lock": _OWN_LOCK.replace("acme/", "laravel/"),
    })
    assert not {"sentry", "twilio"} & ids(inv)
