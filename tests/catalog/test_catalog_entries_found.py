"""Catalog entries added from the held-out corpus misses: each is found from the kind of
evidence real applications carry (a data edit, proved by a scan of a realistic snippet)."""

from __future__ import annotations

import pytest
from helpers import write_tree

from mkdocs_integrations.pipeline import build_inventory
from mkdocs_integrations.scan import Scanner

WORKFLOW = """\
name: release
on: push
jobs:
  image:
    runs-on: ubuntu-latest
    steps:
      - uses: docker/login-action@v3
        with:
          username: ${{ secrets.DOCKERHUB_USERNAME }}
          password: ${{ secrets.DOCKERHUB_TOKEN }}
      - uses: docker/login-action@v3
        with:
          registry: ghcr.io
      - run: docker push ghcr.io/acme/app:latest
      - uses: codecov/codecov-action@v4
"""

CASES = {
    "docker-hub": {".github/workflows/release.yml": WORKFLOW},
    "github-container-registry": {".github/workflows/release.yml": WORKFLOW},
    "codecov": {".github/workflows/release.yml": WORKFLOW},
    "pagerduty": {"alerts/pd.py": 'import requests\nURL = "https://events.pagerduty.com/v2/enqueue"\nrequests.post(URL, json={})\n'},
    "microsoft-teams": {"notify/teams.py": "import os\nos.environ.get('MSTEAMS_WEBHOOK_URL')\n"},
    "skylight": {"Gemfile": "source 'https://rubygems.org'\ngem 'skylight'\n"},
    "laravel-nightwatch": {"composer.json": '{"require": {"laravel/nightwatch": "^1.0"}}'},
    "web-push": {"package.json": '{"dependencies": {"web-push": "^3.6.0"}}'},
    "aws-secrets-manager": {
        "Gemfile": "gem 'aws-sdk-secretsmanager'\n",
        "config/dotenv.rb": "require 'aws-sdk-secretsmanager'\nclient = Aws::SecretsManager::Client.new\n",
    },
    "firebase-cloud-messaging": {
        "server/push.go": 'package server\n\nimport (\n\t"firebase.google.com/go/v4/messaging"\n)\n\nvar _ = messaging.Message{}\n',
    },
    "aws-s3": {"media/s3.go": 'package media\n\nimport "fmt"\n\nfunc url(r string) string { return fmt.Sprintf("https://s3.%s.amazonaws.com", r) }\n'},
    "postgresql": {".env.example": "DB_CONNECTION=pgsql\nDB_HOST=127.0.0.1\n"},
}


@pytest.mark.parametrize("sid", sorted(CASES))
def test_catalog_entry_is_found(tmp_path, sid):
    write_tree(tmp_path, CASES[sid])
    inv, _ = build_inventory(Scanner(), [tmp_path], tmp_path, analysis_date="2026-01-01")
    assert sid in {u.id for u in inv.services}
