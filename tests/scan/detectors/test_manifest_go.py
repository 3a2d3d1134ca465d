"""go.mod: require blocks and single-line requires, `// indirect`, exact lines, bad input."""

from __future__ import annotations

import pytest

from mkdocs_integrations.scan.detectors.base import BadInput
from mkdocs_integrations.scan.detectors.manifest_go import DETECTOR

GO_MOD = """\
module github.com/acme/billing-api

go 1.22

toolchain go1.22.4

require (
	github.com/gin-gonic/gin v1.10.0
	github.com/jackc/pgx/v5 v5.6.0
	// github.com/sendgrid/sendgrid-go v3.14.0+incompatible
	github.com/stripe/stripe-go/v76 v76.25.0
	github.com/twilio/twilio-go v1.20.1 // pinned: API change in 1.21
)

require (
	github.com/bytedance/sonic v1.11.6 // indirect
	golang.org/x/crypto v0.23.0 // indirect
)

require github.com/redis/go-redis/v9 v9.5.1

replace github.com/acme/shared => ../shared

exclude github.com/gin-gonic/gin v1.9.0
"""


def _by_name(evidence):
    return {e.name: e for e in evidence}


def test_require_blocks_and_single_line(run_detector):
    evidence, findings = run_detector(DETECTOR, "go.mod", GO_MOD)
    got = _by_name(evidence)
    assert findings == []
    assert set(got) == {
        "github.com/gin-gonic/gin",
        "github.com/jackc/pgx/v5",
        "github.com/stripe/stripe-go/v76",
        "github.com/twilio/twilio-go",
        "github.com/bytedance/sonic",
        "golang.org/x/crypto",
        "github.com/redis/go-redis/v9",
    }
    assert all(e.ecosystem == "go" and e.kind == "package" for e in evidence)
    stripe = got["github.com/stripe/stripe-go/v76"]
    assert (stripe.line, stripe.version) == (11, "v76.25.0")
    assert got["github.com/gin-gonic/gin"].line == 8
    assert got["github.com/twilio/twilio-go"].line == 12
    assert got["github.com/redis/go-redis/v9"].line == 20
    assert got["github.com/redis/go-redis/v9"].version == "v9.5.1"


def test_indirect_is_noted_and_other_comments_are_not(run_detector):
    got = _by_name(run_detector(DETECTOR, "go.mod", GO_MOD)[0])
    assert got["github.com/bytedance/sonic"].get("indirect") == "1"
    assert got["golang.org/x/crypto"].line == 17
    assert got["github.com/twilio/twilio-go"].get("indirect") == ""
    assert got["github.com/stripe/stripe-go/v76"].detail == ()


def test_commented_require_and_replace_exclude_are_ignored(run_detector):
    names = {e.name for e in run_detector(DETECTOR, "go.mod", GO_MOD)[0]}
    assert "github.com/sendgrid/sendgrid-go" not in names
    assert "github.com/acme/shared" not in names


def test_pseudo_versions_and_incompatible(run_detector):
    text = """\
    module example.com/m

    require (
    	github.com/sendgrid/sendgrid-go v3.14.0+incompatible
    	github.com/aws/aws-sdk-go-v2/service/s3 v0.0.0-20240301120000-abcdef123456
    )
    """
    got = _by_name(run_detector(DETECTOR, "go.mod", text)[0])
    assert got["github.com/sendgrid/sendgrid-go"].version == "v3.14.0+incompatible"
    assert got["github.com/aws/aws-sdk-go-v2/service/s3"].version == "v0.0.0-20240301120000-abcdef123456"
    assert got["github.com/aws/aws-sdk-go-v2/service/s3"].line == 5


def test_go_sum_is_not_accepted(ctx):
    assert not DETECTOR.accepts("go.sum", "go.sum", ctx)
    assert DETECTOR.accepts("services/api/go.mod", "go.mod", ctx)


def test_unclosed_block_is_bad_input(run_detector):
    text = "module m\n\ngo 1.21\n\nrequire (\n\tgithub.com/stripe/stripe-go/v76 v76.0.0\n"
    with pytest.raises(BadInput) as exc:
        run_detector(DETECTOR, "go.mod", text)
    assert exc.value.line == 5


def test_entry_without_version_is_bad_input(run_detector):
    text = "module m\n\nrequire (\n\tgithub.com/stripe/stripe-go/v76 v76.0.0\n\tgithub.com/twilio/twilio-go\n)\n"
    with pytest.raises(BadInput) as exc:
        run_detector(DETECTOR, "go.mod", text)
    assert exc.value.line == 5
    assert "twilio" not in exc.value.message
