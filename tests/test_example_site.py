"""The example site, built with MkDocs' own build: the main page reads like the template's
filled example, field by field, and every service page points at real lines of the app."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest
from helpers import page_text

ROOT = Path(__file__).resolve().parents[1] / "example-site"


@pytest.fixture(scope="module")
def site(tmp_path_factory) -> Path:
    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    work = tmp_path_factory.mktemp("example")
    shutil.copytree(ROOT, work / "example-site", ignore=shutil.ignore_patterns("site"))
    cfg = load_config(config_file=str(work / "example-site" / "mkdocs.yml"), site_dir=str(work / "site"), strict=True)
    cfg.plugins.on_startup(command="build", dirty=False)
    build(cfg)
    return work / "site"


@pytest.fixture(scope="module")
def main(site) -> str:
    return page_text(site, "integrations/index.html")


@pytest.mark.parametrize(
    "expected",
    [
        # Payment
        "Stripe - Subscription billing and one-time course payments",
        "SDK/Client: stripe npm package v14.8.0",
        "Auth: API key in STRIPE_SECRET_KEY, STRIPE_WEBHOOK_SECRET env vars",
        "Endpoints used: checkout sessions, customer portal",
        # Email/SMS
        "SDK/Client: @sendgrid/mail npm package v8.1.0",
        "Auth: API key in SENDGRID_API_KEY env var",
        "Templates: 2 template ID(s) in code",
        "Twilio - SMS lesson reminders",
        # External APIs
        "Integration method: SDK: openai npm package v4.28.0",
        "Auth: API key in OPENAI_API_KEY env var",
        "Rate limits: 3500 requests/min",
        # Databases
        "PostgreSQL on Supabase - Primary data store",
        "Connection: via DATABASE_URL env var",
        "Client: Prisma ORM v5.8.1",
        "Migrations: prisma migrate in app/web/prisma/migrations/",
        # File storage
        "Buckets: prod-course-exports",
        "Buckets: avatars, course-materials",
        "Auth: Access key pair in AWS_ACCESS_KEY_ID, AWS_SECRET_ACCESS_KEY env vars",
        # Caching
        "Connection: via REDIS_URL env var",
        "Client: ioredis npm package v5.3.2",
        # Auth
        "Token storage: httpOnly cookies",
        "Session management: JWT sessions",
        "Credentials: GOOGLE_CLIENT_ID, GOOGLE_CLIENT_SECRET",
        "Scopes: email, openid, profile",
        # Monitoring
        "DSN: NEXT_PUBLIC_SENTRY_DSN, SENTRY_DSN env vars",
        "Release tracking: via SENTRY_RELEASE",
        "Events tracked: checkout_started, course_enrolled, lesson_completed",
        "None (stdout/stderr only, kept by Vercel and Fly.io) (planned: Better Stack)",
        # CI/CD
        "Deployment: automatic on git push",
        "Workflows: app/.github/workflows/ci.yml, app/.github/workflows/deploy-worker.yml",
        "Secrets: FLY_API_TOKEN, SENTRY_AUTH_TOKEN (stored in GitHub Actions secrets)",
        # Environment configuration
        "Mock/stub services: local Redis container",
        "Stripe test mode",
        "Secrets management: Vercel environment variables (web), Fly.io secrets (worker)",
        # Webhooks
        "Stripe - /api/webhooks/stripe",
        "Verification: signature validation via stripe.webhooks.constructEvent",
        "Events: payment_intent.succeeded, customer.subscription.updated, customer.subscription.deleted",
        "Endpoint: URL in SLACK_WEBHOOK_URL",
        "Retry logic: up to 3 attempts with backoff",
        # Footer
        "Integration audit:",
        "Update when adding/removing external services",
    ],
)
def test_main_page_field(main, expected):
    assert expected in main


def test_at_least_eight_services_with_pages_pointing_at_real_lines(site, main):
    pages = sorted(p.parent.name for p in (site / "integrations").glob("*/index.html"))
    services = [p for p in pages if p not in ("env-vars", "webhooks")]
    assert len(services) >= 8
    for sid in services:
        html = (site / "integrations" / sid / "index.html").read_text()
        links = re.findall(r'href="https://github.com/example/coursely/blob/main/example-site/(app/[^"#]+)#L(\d+)"', html)
        assert links, sid
        for path, line in links:
            lines = (ROOT / path.replace("%5B", "[").replace("%5D", "]")).read_text().splitlines()
            assert int(line) <= len(lines), (sid, path, line)


def test_no_secret_value_of_the_example_reaches_the_site(site):
    values = {"sk_test_xxx", "changeme", "postgresql://user:password@"}
    env = (ROOT / "app" / ".env.example").read_text()
    values |= {v.split("=", 1)[1].strip() for v in env.splitlines() if "=" in v and len(v.split("=", 1)[1].strip()) > 8}
    for path in site.rglob("*"):
        if path.is_file() and path.suffix in (".html", ".json", ".xml", ".txt"):
            text = path.read_text(errors="replace")
            for value in values:
                assert value not in text, (path, value)
