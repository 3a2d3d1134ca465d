"""requirements files, pyproject.toml flavours, Pipfile, setup.cfg, lockfiles."""

from __future__ import annotations

import pytest

from mkdocs_integrations.scan.detectors.base import BadInput
from mkdocs_integrations.scan.detectors.manifest_python import DETECTOR, parse_requirement


def test_requirements_txt(run_detector):
    src = """\
    # web deps
    -r base.txt
    stripe==7.10.0
    sentry-sdk[django]>=1.40 ; python_version >= "3.10"
    git+https://github.com/twilio/twilio-python.git#egg=twilio
    boto3  # storage
    --index-url https://pypi.org/simple
    """
    ev, _ = run_detector(DETECTOR, "requirements/prod.txt", src)
    assert [(e.name, e.version, e.line) for e in ev] == [
        ("stripe", "==7.10.0", 3), ("sentry-sdk", ">=1.40", 4), ("twilio", "", 5), ("boto3", "", 6)]


def test_pyproject_pep621_and_poetry(run_detector):
    pep621 = '[project]\nname = "w"\ndependencies = [\n  "celery[redis]>=5.3",\n  "httpx>=0.26",\n]\n[project.optional-dependencies]\ns3 = ["boto3>=1.34"]\n'
    ev, _ = run_detector(DETECTOR, "worker/pyproject.toml", pep621)
    assert [(e.name, e.version, e.line) for e in ev] == [("celery", ">=5.3", 4), ("httpx", ">=0.26", 5), ("boto3", ">=1.34", 8)]
    poetry = '[tool.poetry.dependencies]\npython = "^3.11"\nstripe = "^7.0"\nredis = {version = "^5.0", extras = ["hiredis"]}\n'
    ev, _ = run_detector(DETECTOR, "pyproject.toml", poetry)
    assert [(e.name, e.version, e.line) for e in ev] == [("stripe", "^7.0", 3), ("redis", "^5.0", 4)]


def test_pipfile_and_poetry_lock(run_detector):
    ev, _ = run_detector(DETECTOR, "Pipfile", '[packages]\nstripe = "*"\n[dev-packages]\npytest = "*"\n')
    assert [e.name for e in ev] == ["stripe", "pytest"]
    lock = '[[package]]\nname = "stripe"\nversion = "7.10.0"\n\n[[package]]\nname = "left-pad"\nversion = "1"\n'
    ev, _ = run_detector(DETECTOR, "poetry.lock", lock)
    assert [(e.name, e.version, e.get("locked")) for e in ev] == [("stripe", "7.10.0", "1")]


def test_malformed_toml(run_detector):
    with pytest.raises(BadInput) as err:
        run_detector(DETECTOR, "pyproject.toml", '[project]\nname = "x"\ndependencies = [\n')
    assert err.value.line >= 3


def test_parse_requirement_edge_cases():
    assert parse_requirement("Django (>=4.2)") == ("Django", ">=4.2")
    assert parse_requirement("pkg @ git+https://x/y.git") == ("pkg", "")
    assert parse_requirement("-e .") is None
    assert parse_requirement("https://x/y.whl") is None
