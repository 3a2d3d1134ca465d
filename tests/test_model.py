"""Evidence names: a name that has the shape of a secret is redacted, a package path is not."""

from __future__ import annotations

import pytest

from mkdocs_integrations.model import PACKAGE, REDACTED, Evidence


@pytest.mark.parametrize("name", [
    "github.com/VictorAvelar/mollie-api-go/v4",  # a mixed-case Go module path with its major version
    "github.com/ClickHouse/clickhouse-go/v2",
    "@aws-sdk/client-sesv2",
])
def test_a_package_path_keeps_its_name(name):
    assert Evidence(path="go.mod", line=5, kind=PACKAGE, name=name).name == name


@pytest.mark.parametrize("name", [
    "aB3dE5gH7jK9mN1pQ3sT5vW7yZ9bC1dF",  # random-looking: a token
    "Xk9Qm2Lp7Rt4Vw8Zy3Bn6Hj1Cd5Fg0Sa/v4",  # a token does not become a name by ending in /v4
    "sk_live_4eC39HqLyjWDarjtT1zdp7dc",
])
def test_a_credential_shaped_name_is_redacted(name):
    assert Evidence(path="app.py", line=1, kind=PACKAGE, name=name).name == REDACTED
