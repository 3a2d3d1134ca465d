"""The CycloneDX export: a valid 1.6 BOM whose services are the app's external services."""

from __future__ import annotations

import json

import pytest
from cyclonedx.schema import SchemaVersion
from cyclonedx.validation.json import JsonStrictValidator
from sample_app import PLANTED_SECRET, scan_app, write_app

from mkdocs_integrations.exports.cyclonedx import to_json


@pytest.fixture(scope="module")
def bom_text(tmp_path_factory) -> str:
    return to_json(scan_app(write_app(tmp_path_factory.mktemp("shop"))), "shop")


@pytest.fixture(scope="module")
def services(bom_text) -> dict[str, dict]:
    return {s["bom-ref"].removeprefix("service:"): s for s in json.loads(bom_text)["services"]}


def props(service: dict, name: str) -> list[str]:
    return [p["value"] for p in service.get("properties", []) if p["name"] == f"mkdocs-integrations:{name}"]


def test_validates_against_the_cyclonedx_1_6_schema(bom_text):
    assert JsonStrictValidator(SchemaVersion.V1_6).validate_str(bom_text) is None
    bom = json.loads(bom_text)
    assert bom["bomFormat"] == "CycloneDX" and bom["specVersion"] == "1.6"


def test_services_cross_a_trust_boundary(services):
    assert set(services) == {"stripe", "sendgrid", "redis"}
    assert services["stripe"]["name"] == "Stripe"
    assert all(s["x-trust-boundary"] is True for s in services.values())


def test_authenticated_only_with_credential_env_vars(services):
    assert services["stripe"]["authenticated"] is True  # STRIPE_SECRET_KEY
    assert services["sendgrid"]["authenticated"] is True  # SENDGRID_API_KEY
    assert "authenticated" not in services["redis"]  # REDIS_URL alone: unknown, not false


def test_endpoints_from_catalog_hosts(services):
    assert "https://api.stripe.com" in services["stripe"]["endpoints"]
    assert "https://api.sendgrid.com" in services["sendgrid"]["endpoints"]
    assert all(e.startswith("https://") and "*" not in e for s in services.values() for e in s.get("endpoints", []))


def test_data_flows_relative_to_the_service(services):
    flows = {d["flow"]: d["classification"] for d in services["stripe"]["data"]}
    assert flows["outbound"] == "webhook events"  # Stripe sends us /webhooks/stripe
    assert "bi-directional" in flows


def test_docs_reference_and_properties(services):
    refs = services["stripe"]["externalReferences"]
    assert refs == [{"type": "documentation", "url": "https://docs.stripe.com/api"}]
    assert props(services["stripe"], "category") == ["payment"]
    assert props(services["stripe"], "env") == ["STRIPE_SECRET_KEY", "STRIPE_WEBHOOK_SECRET"]
    assert props(services["redis"], "env") == ["REDIS_URL"]


def test_system_depends_on_every_service(bom_text):
    bom = json.loads(bom_text)
    root = bom["metadata"]["component"]
    assert root["name"] == "shop" and root["type"] == "application"
    deps = {d["ref"]: d.get("dependsOn", []) for d in bom["dependencies"]}
    assert sorted(deps[root["bom-ref"]]) == ["service:redis", "service:sendgrid", "service:stripe"]


def test_no_secret_value(bom_text):
    assert PLANTED_SECRET not in bom_text
    assert "sk_test_xxx" not in bom_text
