"""HTTP requests declared in YAML (a `url:` with a `method:`): the template names its vendor."""

from __future__ import annotations

from mkdocs_integrations.model import HOST
from mkdocs_integrations.scan.detectors.request_specs import DETECTOR, accepts


def test_action_template_step_names_its_vendor(run_detector):
    """A SOAR registry's action template: the step's `url:` literal beside `method:`."""
    ev, _ = run_detector(DETECTOR, "registry/templates/tools/pagerduty/trigger_event.yml", """\
        type: action
        definition:
          title: Trigger event
          doc_url: https://developer.pagerduty.com/api-reference
          steps:
            - ref: trigger_event
              action: core.http_request
              args:
                url: https://events.pagerduty.com/v2/enqueue
                method: POST
                headers:
                  Content-Type: application/json
        """)
    assert [(e.kind, e.service, e.line) for e in ev] == [(HOST, "pagerduty", 9)]


def test_expression_default_and_templated_subdomain(run_detector):
    """A base URL input falling back to the vendor's host, and a tenant's subdomain."""
    ev, _ = run_detector(DETECTOR, "templates/tools/x/get_user.yml", """\
        steps:
          - ref: get_user
            action: core.http_request
            args:
              url: ${{ inputs.base_url || VARS.x.base_url || "https://api.x.com" }}/2/users/${{ inputs.id }}
              method: GET
          - ref: comments
            action: core.http_request
            args:
              method: GET
              url: https://${{ inputs.subdomain }}.zendesk.com/api/v2/tickets.json
        """)
    assert [e.service for e in ev] == ["twitter", "zendesk"]


def test_base_url_default_in_a_request_template(run_detector):
    ev, _ = run_detector(DETECTOR, "templates/tools/github/get_repo.yml", """\
        expects:
          base_url:
            type: str
            description: API base URL
            default: https://api.github.com
        steps:
          - ref: get_repo
            action: core.http_request
            args:
              url: ${{ inputs.base_url }}/repos/${{ inputs.repo }}
              method: GET
        """)
    assert [e.service for e in ev] == ["github"]


def test_url_without_method_is_no_request(run_detector):
    """A link, a menu entry or a base URL default with no request in the file: not a call."""
    ev, _ = run_detector(DETECTOR, "data/links.yml", """\
        - name: PagerDuty
          url: https://events.pagerduty.com/v2/enqueue
        - name: docs
          url: https://api.github.com
        expects:
          base_url:
            default: https://api.github.com
        """)
    assert ev == []


def test_tests_docs_and_ci_are_not_scanned():
    assert not accepts("tests/fixtures/request.yml", "request.yml")
    assert not accepts("docs/examples/action.yml", "action.yml")
    assert not accepts(".github/workflows/ci.yml", "ci.yml")
    assert accepts("registry/templates/tools/shodan/search.yml", "search.yml")


def test_api_path_on_a_configured_base_url(run_detector):
    """FIRST's EPSS API on whatever base URL: the path only that API serves names it."""
    ev, _ = run_detector(DETECTOR, "templates/tools/first_epss/get_scores.yml", """\
        steps:
          - ref: scores
            action: core.http_request
            args:
              url: ${{ inputs.base_url || VARS.first_epss.base_url }}/data/v1/epss
              method: GET
        """)
    assert [e.service for e in ev] == ["epss"]


def test_catalog_endpoint_pattern_on_a_site_host(run_detector):
    """IPinfo's lookup on its site's host and CISA's KEV feed file behind a base URL default:
    the catalog's call patterns that prove those services alone, read in the request's URL."""
    ev, _ = run_detector(DETECTOR, "templates/tools/enrich/lookups.yml", """\
        steps:
          - ref: ip
            action: core.http_request
            args:
              url: https://ipinfo.io/${{ inputs.ip_address }}
              method: GET
          - ref: kev
            action: core.http_request
            args:
              url: ${{ inputs.base_url || "https://www.cisa.gov" }}/sites/default/files/feeds/known_exploited_vulnerabilities.json
              method: GET
        """)
    assert [e.service for e in ev] == ["ipinfo", "cisa-kev"]
