"""The Backstage export: parseable multi-document YAML with the relations Backstage reads."""

from __future__ import annotations

import re

import pytest
import yaml
from sample_app import PLANTED_SECRET, scan_app, write_app

from mkdocs_integrations.exports import slugify
from mkdocs_integrations.exports.backstage import to_yaml

NAME = re.compile(r"^[a-z0-9A-Z]+(?:[-_.][a-z0-9A-Z]+)*$")  # Backstage's metadata.name rule


@pytest.fixture(scope="module")
def text(tmp_path_factory) -> str:
    return to_yaml(scan_app(write_app(tmp_path_factory.mktemp("shop"))), "Shop Front", owner="group:payments")


@pytest.fixture(scope="module")
def docs(text) -> list[dict]:
    return list(yaml.safe_load_all(text))


def by_name(docs: list[dict]) -> dict[str, dict]:
    return {d["metadata"]["name"]: d for d in docs[1:]}


def test_parses_as_multi_document_yaml(text, docs):
    assert text.count("---\n") == len(docs) == 4
    assert all(d["apiVersion"] == "backstage.io/v1alpha1" for d in docs)
    assert all(NAME.match(d["metadata"]["name"]) and len(d["metadata"]["name"]) <= 63 for d in docs)


def test_component_for_the_system(docs):
    component = docs[0]
    assert component["kind"] == "Component"
    assert component["metadata"]["name"] == "shop-front"
    assert component["spec"]["owner"] == "group:payments"
    assert component["spec"]["lifecycle"] == "production"


def test_resources_and_apis(docs):
    entities = by_name(docs)
    assert entities["redis"]["kind"] == "Resource" and entities["redis"]["spec"]["type"] == "cache"
    assert entities["stripe"]["kind"] == "API" and entities["stripe"]["spec"]["type"] == "payment"
    assert entities["sendgrid"]["kind"] == "API"
    for entity in entities.values():
        spec = entity["spec"]
        assert spec["owner"] == "group:payments" and spec["lifecycle"] == "production"
        if entity["kind"] == "API":
            assert spec["definition"]  # required by Backstage's API schema


def test_relations_from_the_component(docs):
    spec = docs[0]["spec"]
    assert spec["dependsOn"] == ["resource:default/redis"]
    assert sorted(spec["consumesApis"]) == ["api:default/sendgrid", "api:default/stripe"]
    entities = by_name(docs)
    for ref in spec["dependsOn"] + spec["consumesApis"]:
        kind, rest = ref.split(":", 1)
        assert entities[rest.split("/", 1)[1]]["kind"].lower() == kind


def test_docs_annotations_and_env_names(docs):
    stripe = by_name(docs)["stripe"]["metadata"]
    assert stripe["annotations"]["mkdocs-integrations/docs-url"] == "https://docs.stripe.com/api"
    assert stripe["links"][0]["url"] == "https://docs.stripe.com/api"
    assert "STRIPE_SECRET_KEY" in stripe["annotations"]["mkdocs-integrations/env-vars"]
    assert all(isinstance(v, str) for d in docs for v in d["metadata"].get("annotations", {}).values())


def test_no_secret_value(text):
    assert PLANTED_SECRET not in text


@pytest.mark.parametrize("given, slug", [("Shop Front", "shop-front"), ("my_app.v2", "my-app-v2"), ("!!!", "system"),
                                         ("x" * 80, "x" * 63)])
def test_slugify(given, slug):
    assert slugify(given) == slug
