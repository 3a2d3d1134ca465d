"""Where a file sits says what it is for."""

import pytest
from helpers import scan_tree, service_ids

from mkdocs_integrations.paths import (
    is_agent_path,
    is_model_snapshot_path,
    is_test_path,
    is_tooling_path,
    is_translation_path,
)


@pytest.mark.parametrize(
    ("path", "test"),
    [
        ("src/payments/stripe.py", False),
        ("tests/test_billing.py", True),
        ("app/models/user_spec.rb", True),
        ("web/src/Button.stories.tsx", True),
        # Jest projects per environment (langfuse): `*.clienttest.tsx`, `*.servertest.ts`
        ("web/src/components/ui/media/MediaTag.clienttest.tsx", True),
        ("worker/src/queues/ingestion.servertest.ts", True),
        # the plural suffix and a module's test data beside it (kpi: dev hosts in canned responses)
        ("jsapp/js/projects/customViewStore.tests.ts", True),
        ("jsapp/js/components/submissions/submissionUtils.mocks.ts", True),
        ("src/api/client.mock.ts", True),
        ("docker/compose.latest.yaml", False),
        ("db/seeds.rb", True),
        # Phoenix/Ecto's seed script (`mix run priv/repo/seeds.exs`): dev data, no use of a service
        ("elixir/priv/repo/seeds.exs", True),
        ("oryx/watcherx/integrationtest/Makefile", True),
        ("integration-tests/docker-compose.yml", True),
        ("server/integrations/slack.js", False),  # integrations are the app's own code
        ("pkg/integration/client.go", False),
        ("features/step_definitions/oembed_steps.rb", True),  # Cucumber steps are acceptance tests
        # a suite named for its tool or kind (kitsune's Playwright suite reads a Gmail inbox)
        ("playwright_tests/core/utilities.py", True),
        ("e2e-tests/login.ts", True),
        # an LLM app's evaluation suite named for it; a bare `evals/` is often the app's evals feature
        ("surfsense_evals/src/surfsense_evals/suites/research/frames/wiki_fetch.py", True),
        ("web/src/features/evals/server/router.ts", False),
        # ...and what tests bring along, `test-` first (vendure's dev-server test plugin with a Google map)
        ("packages/dev-server/test-plugins/experimental-ui/components/LocationMap.tsx", True),
        ("test_data/fixtures.json", True),
        ("src/testimonials/quotes.ts", False),  # a word that starts with "test" is no test tree
        ("app/features/billing/stripe.ts", False),  # a `features/` folder alone is the app's own code
        # stand-ins for a service: a Go mock package, a dev stack's dummy provider
        ("internal/service/mock/storage.go", True),
        ("docker/dummy/oidc/app/storage.go", True),
        # .NET test projects: the tested project's name plus `.Test(s)`
        ("src/NzbDrone.Core.Test/IndexerTests/IPTorrentsFixture.cs", True),
        ("tests/Jellyfin.Api.IntegrationTests/AuthTests.cs", True),
        ("src/NzbDrone.Core/Indexers/IPTorrents/IPTorrentsSettings.cs", False),
        # unittest suites kept apart, with their sample reports (defectdojo)
        ("unittests/scans/apkleaks/MainActivity.java", True),
        ("unittests/tools/test_sonarqube_parser.py", True),
        # a framework's test-environment config (glific's staging Superset host in config/test.exs)
        ("config/test.exs", True),
        ("apps/web/config/environments/test.rb", True),
        ("config/runtime.exs", False),
        ("config/environments/production.rb", False),
        # a crawler's test bench and an end-to-end check script (surfsense's ipify and a TLS fingerprint site)
        ("surfsense_backend/app/web_crawler/testbench/suite_stealth.py", True),
        ("surfsense_backend/scripts/e2e_phase3_crawl_billing.py", True),
        ("scripts/deploy_e2e.py", False),
        # a command that makes sample rows (pythondotorg's made-up Zoom event location)
        ("apps/events/management/commands/create_test_events.py", True),
        ("app/scripts/generate_demo_data.rb", True),
        ("apps/events/management/commands/create_events.py", False),
        # a mock as one word of the file's name: a stand-in answering for a vendor's host
        ("services/site/app/utils/outbound-mock-transistor.server.ts", True),
        ("dev/mock-server.js", True),
        ("app/api/mock_responses.py", True),
        ("app/services/mockingbird.rb", False),
        ("src/hammock.ts", False),
        # a front end's mock API server and its canned records (signoz's made-up Discord webhook)
        ("frontend/src/mocks-server/__mockdata__/alerts.ts", True),
        ("frontend/src/mock-server/handlers.ts", True),
        ("src/features/mockingbird/alerts.ts", False),
    ],
)
def test_is_test_path(path, test):
    assert is_test_path(path) is test


def test_release_tooling_is_tooling():
    assert is_tooling_path("scripts/release.sh") and is_tooling_path("Makefile")
    assert not is_tooling_path("app/services/mailer.rb")


def test_an_identity_provider_folder_is_sign_in_code():
    from mkdocs_integrations.paths import is_sign_in_path

    assert is_sign_in_path("idp/github.go") and is_sign_in_path("internal/idp/oauth2/oauth2.go")
    assert not is_sign_in_path("pkg/payments/stripe.go")


def test_code_snippet_components_are_code_samples():
    from mkdocs_integrations.paths import is_code_sample_path

    assert is_code_sample_path("packages/front-end/components/SyntaxHighlighting/Snippets/GrowthBookSetupCodeSnippet.tsx")
    assert is_code_sample_path("apps/web/src/utils/codeSnippets.ts")
    assert is_code_sample_path("docs-ui/code-snippets/node.js")
    # Snippets of other kinds are the app's own features or page partials.
    assert not is_code_sample_path("redash/handlers/query_snippets.py")
    assert not is_code_sample_path("inbox-zero/apps/web/utils/gmail/snippet.ts")
    assert not is_code_sample_path("templates/front/snippets/browser.html")


def test_vendor_calls_in_a_code_snippet_component_show_no_use(tmp_path):
    """A product's setup guide shows the user's own Matomo call in a template string: no Matomo
    of the application's."""
    inv = scan_tree(tmp_path, {"components/Snippets/SetupCodeSnippet.tsx":
                          'export const tracker = "matomo";\nexport const code = `\nwindow._paq = window._paq || [];\nwindow._paq.push(["trackEvent", "ExperimentViewed", key]);\n`;\n'})
    assert "matomo" not in service_ids(inv)


def test_example_folders_hold_sample_apps():
    from mkdocs_integrations.paths import is_example_path

    assert is_example_path("examples/supabase/package.json")
    assert is_example_path(".examples/docker-compose-grafana/compose.yaml")
    assert is_example_path("plugins/examples/wikimedia/main.go")
    assert not is_example_path("examples.md")
    assert not is_example_path("src/example_service.py")
    # a library's one sample app and its try-it-out package (openreplay's trackers calling pokeapi.co)
    assert is_example_path("tracker/tracker-reactnative/example/src/App.tsx")
    assert is_example_path("tracker/tracker-testing-playground/src/App.tsx")
    # an LLM app's prompt playground is a feature of the app
    assert not is_example_path("web/src/features/playground/server/chat.ts")


def test_component_demo_folders_are_samples():
    """A component library's demo pages (`antd/upload/demos/`, a theme previewer's
    `component-demos/`) post to mock endpoints and show sample avatars: for readers."""
    from mkdocs_integrations.paths import is_example_path

    assert is_example_path("src/schema-component/antd/upload/demos/demo1.tsx")
    assert is_example_path("src/antd-token-previewer/component-demos/upload/avatar.tsx")
    assert not is_example_path("app/demo/controller.rb")  # an app's own demo mode
    assert not is_example_path("src/demos.tsx")


def test_a_sample_app_in_examples_shows_no_use(tmp_path):
    """A sample app beside the product (its own package.json, Supabase auth and storage) shows
    readers how to use the product with Supabase; the product itself uses none. The product's
    own dependency still counts."""
    inv = scan_tree(tmp_path, {
        "package.json": '{"name": "product", "workspaces": ["packages/*"]}',
        "packages/api/package.json": '{"dependencies": {"twilio": "^4.0.0"}}',
        "packages/api/src/sms.ts": 'import twilio from "twilio";\nconst c = twilio(sid, token);\n',
        "examples/supabase/package.json": '{"dependencies": {"@supabase/supabase-js": "^2.0.0", "@supabase/auth-helpers-nextjs": "^0.8.0"}}',
        "examples/supabase/app/provider.tsx": 'import { createClient } from "@supabase/supabase-js";\n'
                                              'const supabase = createClient(url, key);\nawait supabase.from("profiles").select("*");\n',
    })
    ids = service_ids(inv)
    assert "twilio" in ids
    assert not {"supabase", "supabase-auth"} & ids


@pytest.mark.parametrize(
    ("path", "vendored"),
    [
        ("public/assets/js/libs/uppy/uppy.js", True),
        ("cps/static/js/libs/bootstrap-table/locale.js", True),
        ("public/js/plugins/jquery.nyroModal.custom.js", True),
        ("src/Web/wwwroot/lib/jquery-validation/additional-methods.js", True),
        ("public/js/app.js", False),  # the app's own script beside the libraries
        ("apps/web/lib/stripe/client.ts", False),  # a `lib/` of the app's sources
        ("apps/public/src/lib/github.ts", False),  # a monorepo's app named `public`
        ("resources/assets/js/plugins/stripe.js", False),  # Vue plugins compiled with the app
        ("assets/js/plugins/ldap.js", False),
    ],
)
def test_libraries_copied_into_a_served_folder_are_vendored(path, vendored):
    from mkdocs_integrations.paths import is_vendored_asset_path

    assert is_vendored_asset_path(path) is vendored


def test_a_library_copied_into_public_is_no_request_of_the_app(tmp_path):
    """An uploader bundle in `public/assets/js/libs/` names Transloadit's endpoint; the app that
    serves it never calls Transloadit. Its own script beside it still counts."""
    inv = scan_tree(tmp_path, {
        "public/assets/js/libs/uppy/uppy.js": 'var ASSEMBLIES = "https://api2.transloadit.com/assemblies";\n',
        "public/assets/js/app.js": 'fetch("https://api.mapbox.com/geocoding/v5/mapbox.places/" + q + ".json");\n',
    })
    ids = service_ids(inv)
    assert "mapbox" in ids
    assert "transloadit" not in ids


def test_an_app_module_kept_in_a_served_lib_folder_is_the_apps_code(tmp_path):
    """`public/assets/lib/chromecast.js` imports `../model/config.js`: the app's own module kept
    beside its helpers, not a copied library, so the Cast sender it loads is the app's. A copied
    library importing only its own files (`./core.js`) stays vendored."""
    inv = scan_tree(tmp_path, {
        "public/assets/lib/chromecast.js": (
            'import { get as getConfig } from "../model/config.js";\n'
            '$script.src = "https://www.gstatic.com/cv/js/sender/v1/cast_sender.js?loadCastFramework=1";\n'
        ),
        "public/assets/lib/uppy/uppy.js": (
            'import core from "./core.js";\nvar ASSEMBLIES = "https://api2.transloadit.com/assemblies";\n'
        ),
    })
    ids = service_ids(inv)
    assert "google-cast" in ids
    assert "transloadit" not in ids


@pytest.mark.parametrize("path, agent", [
    (".agents/skills/pnpm-upgrade-package/scripts/check-release-age-window.mjs", True),
    (".claude/hooks/format.py", True),
    ("apps/web/.cursor/rules/api.mdc", True),
    ("src/agents/skills/run.ts", False),  # an AI app's own agents
    (".agents", False),
])
def test_is_agent_path(path, agent):
    assert is_agent_path(path) is agent


@pytest.mark.parametrize(("path", "translation"), [
    ("lang/fr/texts.php", True),
    ("resources/lang/pt_BR/validation.php", True),
    ("public/locales/pt-BR.json", True),
    ("src/i18n/zh_Hant.ts", True),
    ("config/locales/de.yml", True),
    ("lang/go/parser.go", False),  # a language toolkit's Go support: no locale
    ("src/lang/index.ts", False),  # the i18n setup code beside the locales
    ("app/controllers/locales_controller.rb", False),
])
def test_is_translation_path(path, translation):
    assert is_translation_path(path) is translation


def test_vendor_urls_in_translations_show_no_use_but_secrets_there_are_found(tmp_path):
    """Forty locales telling users where a vendor's dashboard is are no use of the vendor; a
    key committed in one is still a finding."""
    from secretgen import Gen

    key = "sk_live_" + Gen("translation")(24)
    inv = scan_tree(tmp_path, {
        "lang/fr/texts.php": "<?php\nreturn [\n  'stripe_help' => 'Voir https://api.stripe.com/v1/charges',\n"
                             f"  'debug' => '{key}',\n];\n",
        "app/Http/Controllers/HomeController.php": "<?php\nclass HomeController {}\n",
    })
    assert "stripe" not in service_ids(inv)
    assert [f.path for f in inv.findings] == ["lang/fr/texts.php"]


@pytest.mark.parametrize(
    ("path", "docs"),
    [
        ("apps/docs/.vitepress/config.ts", True),
        ("website/src/pages/index.tsx", True),
        ("apps/website/app/routes/pricing.tsx", True),
        # a full-stack framework's server-only modules (React Router, Remix, SvelteKit) hold the
        # product site's secrets and calls to its payment and licence vendors: application code
        ("apps/website/app/lib/utilities.server.ts", False),
        ("website/src/routes/checkout/+page.server.ts", False),
        ("website/src/hooks.server.js", False),
        ("apps/docs/pages/api/chat.ts", False),
        # the project's Hugo website in `site/`; an app package named site is the app's
        ("site/layouts/partials/hooks/head-end.html", True),
        ("site/content/docs/installation.md", True),
        ("site/settings.py", False),
        ("site/views/layouts/main.blade.php", False),
        # a Django app named `docs` (djangoproject.com's): its management commands are server code
        ("docs/management/commands/purge_docs_cache.py", False),
        ("docs/management/index.md", True),
        # Material for MkDocs' theme overrides (`custom_dir: overrides`), wherever the site lives:
        # its analytics partial counts the documentation's visitors
        ("site/overrides/partials/integrations/analytics/custom.html", True),
        ("overrides/partials/footer.html", True),
        ("app/templates/partials/footer.html", False),
    ],
)
def test_is_docs_site_path(path, docs):
    from mkdocs_integrations.paths import is_docs_site_path

    assert is_docs_site_path(path) is docs


def test_ef_core_model_snapshots_are_known_by_name():
    assert is_model_snapshot_path("ErsatzTV.Infrastructure.MySql/Migrations/20260215014015_Add_ChannelSlugSeconds.Designer.cs")
    assert is_model_snapshot_path("src/Data/Migrations/AppDbContextModelSnapshot.cs")
    # the migration itself, and a WinForms or resources designer file (its strings are the app's)
    assert not is_model_snapshot_path("src/Data/Migrations/20260215014015_Add_ChannelSlugSeconds.cs")
    assert not is_model_snapshot_path("src/App/Properties/Settings.Designer.cs")
    assert not is_model_snapshot_path("src/App/MainForm.Designer.cs")

