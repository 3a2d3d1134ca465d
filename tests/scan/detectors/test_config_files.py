"""Files whose presence shows a service: matched from the catalog's `config_files`."""

from __future__ import annotations

from mkdocs_integrations.model import CONFIG
from mkdocs_integrations.scan.detectors.config_files import DETECTOR


def test_hosting_and_ci_config_files(run_detector):
    for rel, sid in [
        ("vercel.json", "vercel"),
        ("apps/web/netlify.toml", "netlify"),
        ("worker/fly.toml", "fly-io"),
        (".github/workflows/ci.yml", "github-actions"),
        (".gitlab-ci.yml", "gitlab-ci"),
    ]:
        ev, _ = run_detector(DETECTOR, rel, "")
        assert (CONFIG, sid) in [(e.kind, e.service) for e in ev], rel


def test_lookalikes_are_not_config_files(ctx):
    for rel in ("src/vercel.ts", "docs/fly.toml.md", ".github/workflows/README.md"):
        assert not DETECTOR.accepts(rel, rel.rsplit("/", 1)[-1], ctx), rel
