"""Compose detector: images (marked local), env var NAMES only, the compose file itself."""

from __future__ import annotations

import pytest

from mkdocs_integrations.model import ENV_DECL, FEATURE, IMAGE
from mkdocs_integrations.scan.detectors.base import BadInput, Source
from mkdocs_integrations.scan.detectors.compose import DETECTOR

COMPOSE = """\
x-common-env: &common-env
  LOG_LEVEL: debug
  SHARED_SECRET: planted-shared-value

services:
  db:
    image: postgres:16-alpine
    environment:
      POSTGRES_USER: coursely
      POSTGRES_PASSWORD: planted-pg-password
  cache:
    image: "redis:7"
  broker:
    image: docker.io/bitnami/rabbitmq:3.13
    environment:
      - RABBITMQ_USERNAME=user
      - RABBITMQ_PASSWORD=planted-mq-password
      - RABBITMQ_VHOST
  web:
    build: .
    env_file: .env.local
    environment:
      <<: *common-env
      DATABASE_URL: postgres://coursely:planted-url-password@db:5432/app
"""


def test_compose_images_env_and_feature(run_detector):
    evs, findings = run_detector(DETECTOR, "docker-compose.yml", COMPOSE)
    assert findings == []
    images = sorted((e.line, e.name, e.get("compose_service"), e.get("local")) for e in evs if e.kind == IMAGE)
    assert images == [
        (7, "postgres:16-alpine", "db", "1"),
        (12, "redis:7", "cache", "1"),
        (14, "docker.io/bitnami/rabbitmq:3.13", "broker", "1"),
    ]
    env = sorted((e.line, e.name) for e in evs if e.kind == ENV_DECL)
    assert env == [
        (2, "LOG_LEVEL"), (3, "SHARED_SECRET"),  # merged from the anchor: its lines
        (9, "POSTGRES_USER"), (10, "POSTGRES_PASSWORD"),
        (16, "RABBITMQ_USERNAME"), (17, "RABBITMQ_PASSWORD"), (18, "RABBITMQ_VHOST"),
        (24, "DATABASE_URL"),
    ]
    assert all(e.get("file") == "compose" and e.get("environment") == "development" for e in evs if e.kind == ENV_DECL)
    feats = sorted((e.line, e.name, e.service) for e in evs if e.kind == FEATURE)
    assert feats == [(1, "compose:docker-compose.yml", "docker"), (21, "env_file:.env.local", "docker")]


def test_compose_values_never_recorded(run_detector):
    evs, _ = run_detector(DETECTOR, "docker-compose.yml", COMPOSE)
    text = repr(evs)
    for planted in ("planted", "coursely", "debug", "user", "postgres://"):
        assert planted not in text


def test_images_resolve_through_catalog(run_detector, ctx):
    evs, _ = run_detector(DETECTOR, "compose.yaml", "services:\n  db:\n    image: postgres:16-alpine\n")
    (image,) = [e for e in evs if e.kind == IMAGE]
    # The catalog is data: only check the lookup agrees with it when postgres images are listed.
    if ctx.index.image("postgres"):
        assert ctx.index.image(image.name) == ctx.index.image("postgres")


def test_production_compose_is_not_local(run_detector):
    evs, _ = run_detector(
        DETECTOR, "deploy/docker-compose.prod.yml",
        "services:\n  app:\n    image: ghcr.io/acme/app:1.2\n    environment: [SENTRY_DSN]\n",
    )
    (image,) = [e for e in evs if e.kind == IMAGE]
    assert image.get("local") == "" and image.get("environment") == "production"
    assert [(e.line, e.name, e.get("environment")) for e in evs if e.kind == ENV_DECL] == [(4, "SENTRY_DSN", "production")]


def test_malformed_compose_is_bad_input(ctx):
    with pytest.raises(BadInput) as err:
        list(DETECTOR.detect(Source("docker-compose.yml", "services:\n  db:\n    image: [postgres\n  x: 1\n"), ctx))
    assert err.value.line == 4


@pytest.mark.parametrize(
    ("name", "ok"),
    [("docker-compose.yml", True), ("docker-compose.dev.yaml", True), ("compose.yaml", True),
     ("compose.override.yml", True), ("composer.json", False), ("docker-compose.md", False)],
)
def test_accepts(ctx, name, ok):
    assert DETECTOR.accepts(name, name, ctx) is ok


def test_image_digest_and_default_interpolation(run_detector):
    text = (
        "services:\n"
        "  cache:\n    image: valkey/valkey@sha256:12ba4f45a7c3e1d0f076acd616cb230834e75a77e8516dde382720af32832d6d\n"
        "  llm:\n    image: ${LLM_IMAGE:-vllm/vllm-openai:v0.14.0}\n"
    )
    evs, _ = run_detector(DETECTOR, "docker-compose.yml", text)
    assert [(e.line, e.name) for e in evs if e.kind == IMAGE] == [(3, "valkey/valkey"), (5, "vllm/vllm-openai:v0.14.0")]


def test_compose_files_in_a_compose_folder_under_any_name(run_detector):
    text = "services:\n  database:\n    image: timescale/timescaledb:latest-pg17\n"
    ev, _ = run_detector(DETECTOR, "docker/compose/app-timescaledb.yaml", text)
    assert [e.name for e in ev if e.kind == IMAGE] == ["timescale/timescaledb:latest-pg17"]
    # a YAML file there that is no compose file says nothing
    ev, _ = run_detector(DETECTOR, "docker/compose/settings.yaml", "log_level: debug\n")
    assert ev == []


def test_other_yaml_is_no_compose_file(ctx):
    assert not DETECTOR.accepts("deploy/app-mysql.yaml", "app-mysql.yaml", ctx)
    # a catalogue of other products' stacks (one-click service templates) is not the app's own
    assert not DETECTOR.accepts("templates/compose/ghost.yaml", "ghost.yaml", ctx)
    assert DETECTOR.accepts("docker/compose/app-mysql.yaml", "app-mysql.yaml", ctx)


def test_a_stack_managers_template_gallery_is_not_the_apps_own_stack(run_detector):
    # a compose manager's gallery, one folder per product its users may deploy: says nothing
    gallery = "services:\n  mariadb:\n    image: mariadb:11\n"
    for rel in ("extra/templates/mariadb/compose.yaml", "templates/uptime-kuma/docker-compose.yml"):
        assert run_detector(DETECTOR, rel, gallery)[0] == []
    # an Ansible role's rendered compose template is the app's own stack
    ev, _ = run_detector(DETECTOR, "roles/app/templates/docker-compose.yml.j2", gallery)
    assert [e.name for e in ev if e.kind == IMAGE] == ["mariadb:11"]


def test_a_compose_file_that_builds_the_app_is_its_own_stack_even_under_templates(run_detector):
    # per-environment deploy files kept as templates: the file builds the app from the repo
    text = "services:\n  web:\n    build: .\n  db:\n    image: postgres:16\n"
    ev, _ = run_detector(DETECTOR, "deploy/templates/prod/docker-compose.yml", text)
    assert [e.name for e in ev if e.kind == IMAGE] == ["postgres:16"]
    assert any(e.kind == FEATURE and e.service == "docker" for e in ev)


@pytest.mark.parametrize("name", [
    "docker-compose.yml.tmpl", "docker-compose.yml.tmpl.traefik", "docker-compose.yaml.j2", "compose.yml.example",
])
def test_compose_templates_rendered_by_installers(run_detector, name):
    """An installer's compose template (`docker-compose.yml.tmpl`, a variant after the suffix)
    holds the services the rendered file runs."""
    text = "services:\n  coturn:\n    image: coturn/coturn:$COTURN_TAG\n"
    ev, _ = run_detector(DETECTOR, f"infrastructure_files/{name}", text)
    assert [e.name for e in ev if e.kind == IMAGE] == ["coturn/coturn:$COTURN_TAG"]


def test_other_template_suffixes_are_no_compose_files():
    assert not DETECTOR.accepts("deploy/docker-compose.yml.bak", "docker-compose.yml.bak", None)
