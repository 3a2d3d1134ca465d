"""Where a file sits says what it is for."""

import pytest

from mkdocs_integrations.paths import is_test_path, is_tooling_path


@pytest.mark.parametrize(
    ("path", "test"),
    [
        ("src/payments/stripe.py", False),
        ("tests/test_billing.py", True),
        ("app/models/user_spec.rb", True),
        ("web/src/Button.stories.tsx", True),
        ("db/seeds.rb", True),
        ("oryx/watcherx/integrationtest/Makefile", True),
        ("integration-tests/docker-compose.yml", True),
        ("server/integrations/slack.js", False),  # integrations are the app's own code
        ("pkg/integration/client.go", False),
        ("features/step_definitions/oembed_steps.rb", True),  # Cucumber steps are acceptance tests
        ("app/features/billing/stripe.ts", False),  # a `features/` folder alone is the app's own code
        # stand-ins for a service: a Go mock package, a dev stack's dummy provider
        ("internal/service/mock/storage.go", True),
        ("docker/dummy/oidc/app/storage.go", True),
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
