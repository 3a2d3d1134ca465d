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
    "crisp": {"package.json": '{"dependencies": {"crisp-sdk-web": "^1.0.0"}}'},
    "plain": {".env.example": "PLAIN_APP_ID=\n"},
    "cal-com": {"package.json": '{"dependencies": {"@calcom/embed-snippet": "^1.3.0"}}'},
    "cube": {"package.json": '{"dependencies": {"@cubejs-client/core": "^1.0.0"}}'},
    "haveibeenpwned": {"auth/hibp.ts": 'export const HIBP = "https://api.pwnedpasswords.com/range";\nfetch(HIBP + "/ABCDE");\n'},
    "azure-document-intelligence": {"pyproject.toml": '[project]\nname = "x"\ndependencies = ["azure-ai-documentintelligence>=1.0"]\n'},
    "diagrams-net": {"app/csp.php": "<?php\n$frame = 'https://embed.diagrams.net/';\n"},
    "apple-app-store": {"package.json": '{"dependencies": {"@apple/app-store-server-library": "^1.0.0"}}'},
    "unkey": {"package.json": '{"dependencies": {"@unkey/api": "^2.0.0"}}'},
    "depot": {".github/workflows/build.yml": "on: push\njobs:\n  b:\n    runs-on: depot-ubuntu-24.04\n    steps:\n      - uses: depot/build-push-action@v1\n"},
    "hatchbox": {"hatchbox/post-deploy": "bin/rails db:migrate\n"},
    "gitea-oauth": {"api/authentication/provider/oauth/gitea.py": "class GiteaOAuthProvider:\n    pass\n"},
    "kubernetes": {".github/workflows/preview.yml": "on: push\njobs:\n  d:\n    runs-on: ubuntu-latest\n    steps:\n      - run: helm --kube-insecure-skip-tls-verify upgrade --install app ./chart\n"},
    "google-pubsub": {".env.example": "GOOGLE_PUBSUB_TOPIC_NAME=\n"},
    "microsoft-teams": {".env.example": "TEAMS_BOT_APP_ID=\nTEAMS_BOT_APP_PASSWORD=\n"},
    "google-oauth": {".env.example": "PAPERLESS_GMAIL_OAUTH_CLIENT_ID=\n"},  # an app-prefixed credential
}


@pytest.mark.parametrize("sid", sorted(CASES))
def test_catalog_entry_is_found(tmp_path, sid):
    write_tree(tmp_path, CASES[sid])
    inv, _ = build_inventory(Scanner(), [tmp_path], tmp_path, analysis_date="2026-01-01")
    assert sid in {u.id for u in inv.services}
