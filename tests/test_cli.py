"""`mkdocs-integrations scan` in every format and `check`, through click's test runner."""

from __future__ import annotations

import json
from importlib import resources

import jsonschema
import pytest
import yaml
from click.testing import CliRunner
from sample_app import PLANTED_SECRET, write_app

from mkdocs_integrations.catalog import CATEGORIES
from mkdocs_integrations.cli import main
from mkdocs_integrations.inventory import STRENGTHS

SERVICES = {"stripe": "Stripe", "sendgrid": "SendGrid", "redis": "Redis"}
ENV_NAMES = ("STRIPE_SECRET_KEY", "SENDGRID_API_KEY", "REDIS_URL")


@pytest.fixture
def app(tmp_path, monkeypatch):
    """The sample app, with the current folder at its project root (the CLI's base)."""
    write_app(tmp_path)
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1714521600")  # 2024-05-01
    return tmp_path


def run(*args: str):
    return CliRunner().invoke(main, list(args), catch_exceptions=False)


def schema() -> dict:
    text = resources.files("mkdocs_integrations").joinpath("schema/inventory.schema.json").read_text("utf-8")
    return json.loads(text)


@pytest.mark.parametrize("fmt", ["json", "markdown", "cyclonedx", "backstage"])
def test_every_format_names_services_and_env_vars_but_never_the_secret(app, fmt):
    result = run("scan", "app", "--format", fmt)
    assert result.exit_code == 0, result.output
    out = result.stdout
    for sid, name in SERVICES.items():
        assert sid in out or name in out, (fmt, sid)
    for env in ENV_NAMES:
        assert env in out, (fmt, env)
    assert PLANTED_SECRET not in result.output
    assert PLANTED_SECRET[8:] not in result.output  # not even a fragment of the value


def test_json_matches_the_shipped_schema(app):
    data = json.loads(run("scan", "app").stdout)
    jsonschema.Draft202012Validator.check_schema(schema())
    jsonschema.Draft202012Validator(schema()).validate(data)
    assert {s["id"] for s in data["services"]} == set(SERVICES)
    assert [w["name"] for w in data["webhooks"]["incoming"]] == ["/webhooks/stripe"]
    assert [f["kind"] for f in data["findings"]] == ["Stripe live secret key"]
    assert data["analysis_date"] == "2024-05-01"


def test_schema_enums_follow_the_code():
    """The schema is the contract: a new category or strength must be added there too."""
    service = schema()["$defs"]["service"]["properties"]
    assert service["category"]["enum"] == list(CATEGORIES)
    assert service["strength"]["enum"] == list(STRENGTHS)


def test_schema_rejects_a_key_serialize_does_not_emit(app):
    data = json.loads(run("scan", "app").stdout)
    data["services"][0]["secret_value"] = "x"
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(data, schema(), cls=jsonschema.Draft202012Validator)


def test_markdown_is_standalone_without_links_to_service_pages(app):
    out = run("scan", "app", "--format", "markdown").stdout
    assert out.startswith("# External Integrations")
    assert "**Analysis Date:** 2024-05-01" in out
    assert "## APIs & External Services" in out and "**Payment Processing:**" in out
    assert "- Stripe - " in out and "- SendGrid - " in out and "- Redis - " in out
    assert ".md)" not in out  # no [Stripe](stripe.md), no See also footer
    assert "See also" not in out
    assert out.rstrip().endswith("*Update when adding/removing external services*")


def test_output_file(app):
    result = run("scan", "app", "--format", "backstage", "-o", "catalog-info.yaml", "--owner", "group:shop")
    assert result.exit_code == 0 and result.stdout == ""
    docs = list(yaml.safe_load_all((app / "catalog-info.yaml").read_text()))
    assert docs[0]["kind"] == "Component" and docs[0]["metadata"]["name"] == "app"
    assert {d["spec"]["owner"] for d in docs} == {"group:shop"}


def test_output_file_is_not_scanned_next_time(app):
    assert run("scan", "app", "-o", "app/inventory.json").exit_code == 0
    first = json.loads((app / "app/inventory.json").read_text())
    assert run("scan", "app", "-o", "app/inventory.json").exit_code == 0
    second = json.loads((app / "app/inventory.json").read_text())
    assert second == first


def test_system_name_option(app):
    out = run("scan", "app", "--format", "cyclonedx", "--system-name", "Shop Front").stdout
    assert json.loads(out)["metadata"]["component"]["name"] == "Shop Front"
    out = run("scan", "app", "--format", "backstage", "--system-name", "Shop Front").stdout
    assert next(yaml.safe_load_all(out))["metadata"]["name"] == "shop-front"


def test_default_path_is_the_current_folder(app):
    data = json.loads(run("scan").stdout)
    assert {s["id"] for s in data["services"]} == set(SERVICES)


@pytest.mark.parametrize("args, message", [
    (["scan", "no-such-folder"], "does not exist"),
    (["scan", "app", "--format", "xml"], "'xml' is not one of"),
    (["scan", "app", "--overlay", "missing.yml"], "invalid overlay: missing.yml: file not found"),
    (["scan", "app", "--overlay", "broken.yml"], "invalid overlay: broken.yml:"),
    (["scan", "app", "--overlay", "unknown.yml"], "unknown key 'colour'"),
    (["scan", "app", "-o", "no-such-folder/out.json"], "does not exist"),
    (["check", "app"], "baseline 'integrations.baseline.json' not found"),
    (["check", "app", "--baseline", "bad.json"], "invalid baseline: bad.json: not valid JSON"),
    (["check", "app", "--baseline", "shape.json"], "'services' must hold objects"),
    (["check", "no-such-folder", "--update"], "does not exist"),
])
def test_usage_errors_exit_2_with_one_clear_line(app, args, message):
    (app / "broken.yml").write_text("services: [\n")
    (app / "unknown.yml").write_text("colour: blue\n")
    (app / "bad.json").write_text("{\n")
    (app / "shape.json").write_text('{"services": ["stripe"]}\n')
    result = CliRunner().invoke(main, args)
    assert result.exit_code == 2, result.output
    assert message in result.output
    assert "Traceback" not in result.output
    assert result.exception is None or isinstance(result.exception, SystemExit)
    assert [line for line in result.output.splitlines() if line.startswith("Error:")] != []


def test_help_explains_every_option():
    for cmd in ("scan", "check"):
        text = CliRunner().invoke(main, [cmd, "--help"]).output
        command = main.commands[cmd]
        for param in command.params:
            if param.param_type_name == "option":
                assert param.help, f"{cmd} {param.name} has no help"
                assert param.opts[-1] in text
    assert "Exit codes" in CliRunner().invoke(main, ["--help"]).output


def test_check_update_then_clean_then_drift(app):
    result = run("check", "app", "--update")
    assert result.exit_code == 0 and "wrote integrations.baseline.json" in result.stdout
    baseline = (app / "integrations.baseline.json").read_text()
    assert PLANTED_SECRET not in baseline
    assert '"line"' not in baseline
    assert run("check", "app").exit_code == 0
    (app / "app/src/flags.js").write_text("module.exports = process.env.BETA_CHECKOUT;\n")
    result = CliRunner().invoke(main, ["check", "app"])
    assert result.exit_code == 1
    assert "+ env BETA_CHECKOUT" in result.stdout
    assert "check --update" in result.stdout
    assert run("check", "app", "--update").exit_code == 0
    assert run("check", "app").exit_code == 0


def test_check_custom_baseline_path(app):
    (app / "ci").mkdir()
    assert run("check", "app", "--baseline", "ci/integrations.json", "--update").exit_code == 0
    assert (app / "ci/integrations.json").is_file()
    assert run("check", "app", "--baseline", "ci/integrations.json").exit_code == 0


@pytest.fixture(scope="module")
def example_site(tmp_path_factory):
    """The example site's app with its overlay: many categories, overlay-only services."""
    from pathlib import Path

    site = Path(__file__).resolve().parent.parent / "example-site"
    args = ["--base", str(site), "--overlay", str(site / "integrations.yml"), "--exclude", "**/tests/**"]
    outputs = {}
    for fmt in ("json", "cyclonedx", "backstage"):
        result = CliRunner().invoke(main, ["scan", str(site / "app"), "--format", fmt, *args], catch_exceptions=False)
        assert result.exit_code == 0, result.output
        outputs[fmt] = result.stdout
    return outputs


def test_example_site_in_every_machine_format(example_site):
    from cyclonedx.schema import SchemaVersion
    from cyclonedx.validation.json import JsonStrictValidator

    data = json.loads(example_site["json"])
    jsonschema.Draft202012Validator(schema()).validate(data)
    assert len(data["services"]) >= 10
    assert JsonStrictValidator(SchemaVersion.V1_6).validate_str(example_site["cyclonedx"]) is None
    assert len(json.loads(example_site["cyclonedx"])["services"]) == len(data["services"])
    docs = list(yaml.safe_load_all(example_site["backstage"]))
    assert len(docs) == len(data["services"]) + 1
    refs = docs[0]["spec"].get("dependsOn", []) + docs[0]["spec"].get("consumesApis", [])
    assert len(refs) == len(data["services"])


def test_pre_commit_hook_runs_check():
    from pathlib import Path

    hooks = yaml.safe_load((Path(__file__).resolve().parent.parent / ".pre-commit-hooks.yaml").read_text())
    hook = next(h for h in hooks if h["id"] == "integrations-check")
    assert hook["entry"] == "mkdocs-integrations check"
    assert hook["language"] == "python" and hook["pass_filenames"] is False


def test_cache_folder_makes_the_second_scan_warm(tmp_path):
    from click.testing import CliRunner

    from mkdocs_integrations.cli import main

    app = tmp_path / "app"
    app.mkdir()
    (app / "pay.py").write_text("import stripe\n")
    cache = tmp_path / "cache"
    args = ["scan", str(app), "--base", str(tmp_path), "--cache", str(cache)]
    first = CliRunner().invoke(main, args)
    assert first.exit_code == 0 and (cache / "scan.json").exists()
    second = CliRunner().invoke(main, args)
    assert second.output == first.output
