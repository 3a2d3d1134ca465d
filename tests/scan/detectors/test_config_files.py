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


def test_a_root_only_config_file_counts_at_the_root_only(run_detector, ctx):
    """`/.travis.yml` in the catalog: Travis CI reads the file at the repository's root only;
    a generated API client's copy in a subfolder configures nothing."""
    ev, _ = run_detector(DETECTOR, ".travis.yml", "")
    assert [(e.kind, e.service) for e in ev] == [(CONFIG, "travis-ci")]
    for rel in ("pkg/client-go/.travis.yml", "sub/bitbucket-pipelines.yml"):
        assert not DETECTOR.accepts(rel, rel.rsplit("/", 1)[-1], ctx), rel
    assert DETECTOR.accepts("bitbucket-pipelines.yml", "bitbucket-pipelines.yml", ctx)


def test_an_openapi_generator_marker_names_its_generated_client_folder(run_detector):
    ev, _ = run_detector(DETECTOR, "sdks/ruby/lib/clients/rest/.openapi-generator-ignore", "")
    assert [(e.kind, e.name) for e in ev] == [("feature", "generated_client:sdks/ruby/lib/clients/rest/")]


def test_a_bare_tool_named_module_in_src_is_the_apps_own_code(run_detector, ctx):
    """`serverless.ts` at a service's root is the Serverless Framework's config (AWS Lambda);
    `packages/api/src/serverless.ts` is the app's serverless entrypoint (its Express app as a
    Vercel function), which configures no framework. A name saying config
    (`src/sentry.server.config.ts` of a Next.js app with a src/ folder) still counts there."""
    ev, _ = run_detector(DETECTOR, "services/orders/serverless.ts", "")
    assert (CONFIG, "aws-lambda") in [(e.kind, e.service) for e in ev]
    rel = "packages/api/src/serverless.ts"
    assert not DETECTOR.accepts(rel, "serverless.ts", ctx)
    ev, _ = run_detector(DETECTOR, "apps/web/src/sentry.server.config.ts", "")
    assert (CONFIG, "sentry") in [(e.kind, e.service) for e in ev]
