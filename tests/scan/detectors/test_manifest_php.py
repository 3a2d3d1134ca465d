"""composer.json and composer.lock: packages, constraints, platform skips, lines."""

from __future__ import annotations

import pytest

from mkdocs_integrations.scan.detectors.base import BadInput
from mkdocs_integrations.scan.detectors.manifest_php import DETECTOR

# Laravel 11 skeleton shape plus payment and SMS SDKs.
COMPOSER_JSON = """\
{
    "name": "laravel/laravel",
    "type": "project",
    "description": "The skeleton application for the Laravel framework.",
    "license": "MIT",
    "require": {
        "php": "^8.2",
        "ext-json": "*",
        "ext-pdo_pgsql": "*",
        "laravel/framework": "^11.9",
        "laravel/cashier": "^15.4",
        "stripe/stripe-php": "^13.0",
        "twilio/sdk": "^8.2",
        "predis/predis": "^2.2"
    },
    "require-dev": {
        "fakerphp/faker": "^1.23",
        "laravel/pint": "^1.13",
        "mockery/mockery": "^1.6",
        "phpunit/phpunit": "^11.0.1"
    },
    "autoload": {
        "psr-4": {
            "App\\\\": "app/"
        }
    },
    "config": {
        "allow-plugins": {
            "php-http/discovery": true
        }
    }
}
"""


def _by_name(evidence):
    return {e.name: e for e in evidence}


def test_require_and_require_dev_with_lines(run_detector):
    evidence, _ = run_detector(DETECTOR, "composer.json", COMPOSER_JSON)
    got = _by_name(evidence)
    assert all(e.kind == "package" for e in evidence)
    assert {e.name for e in evidence if e.ecosystem != "packagist"} == {"pdo_pgsql"}
    assert (got["stripe/stripe-php"].line, got["stripe/stripe-php"].version) == (12, "^13.0")
    assert got["stripe/stripe-php"].get("section") == "require"
    assert (got["twilio/sdk"].line, got["twilio/sdk"].version) == (13, "^8.2")
    assert got["laravel/framework"].line == 10
    assert (got["phpunit/phpunit"].line, got["phpunit/phpunit"].get("section")) == (20, "require-dev")


def test_platform_requirements_and_other_keys_are_skipped(run_detector):
    names = set(_by_name(run_detector(DETECTOR, "composer.json", COMPOSER_JSON)[0]))
    assert names == {
        "pdo_pgsql",  # ext-pdo_pgsql: the catalog's PostgreSQL extension; ext-json names nothing
        "laravel/framework", "laravel/cashier", "stripe/stripe-php", "twilio/sdk", "predis/predis",
        "fakerphp/faker", "laravel/pint", "mockery/mockery", "phpunit/phpunit",
    }


def test_extension_requirements_are_php_ext_packages_with_their_line(run_detector):
    text = """\
    {
        "require": {
            "php": "^8.1",
            "ext-mbstring": "*",
            "ext-LDAP": "*",
            "ext-redis": "^5.3"
        }
    }
    """
    evidence, _ = run_detector(DETECTOR, "composer.json", text)
    got = {(e.ecosystem, e.name, e.line, e.version) for e in evidence}
    assert got == {("php-ext", "ldap", 5, "*"), ("php-ext", "redis", 6, "^5.3")}


def test_same_package_name_elsewhere_does_not_move_the_line(run_detector):
    text = """\
    {
        "extra": {"laravel": {"dont-discover": ["stripe/stripe-php"]}},
        "require-dev": {"twilio/sdk": "^8.0"},
        "require": {
            "stripe/stripe-php": "^13.0"
        }
    }
    """
    got = _by_name(run_detector(DETECTOR, "composer.json", text)[0])
    assert got["stripe/stripe-php"].line == 5
    assert got["twilio/sdk"].line == 3


def test_invalid_json_is_bad_input_with_line(run_detector):
    text = '{\n    "require": {\n        "stripe/stripe-php": "^13.0",\n    }\n}\n'
    with pytest.raises(BadInput) as exc:
        run_detector(DETECTOR, "composer.json", text)
    assert exc.value.line == 4
    assert "stripe" not in exc.value.message


COMPOSER_LOCK = """\
{
    "_readme": [
        "This file locks the dependencies of your project to a known state"
    ],
    "content-hash": "9c5b2f3e1a7d4b6c8e0f2a4b6c8d0e2f",
    "packages": [
        {
            "name": "brick/math",
            "version": "0.12.1",
            "source": {"type": "git", "url": "https://github.com/brick/math.git"}
        },
        {
            "name": "stripe/stripe-php",
            "version": "v13.18.0",
            "source": {"type": "git", "url": "https://github.com/stripe/stripe-php.git"},
            "require": {"ext-json": "*", "php": ">=5.6.0"}
        },
        {
            "name": "twilio/sdk",
            "version": "8.2.2"
        }
    ],
    "packages-dev": [
        {
            "name": "phpunit/phpunit",
            "version": "11.1.3"
        }
    ]
}
"""


def test_lockfile_reports_catalog_packages_only(run_detector):
    evidence, _ = run_detector(DETECTOR, "composer.lock", COMPOSER_LOCK)
    got = _by_name(evidence)
    assert set(got) == {"stripe/stripe-php", "twilio/sdk"}
    assert (got["stripe/stripe-php"].line, got["stripe/stripe-php"].version) == (13, "v13.18.0")
    assert (got["twilio/sdk"].line, got["twilio/sdk"].version) == (19, "8.2.2")
    assert all(e.get("locked") == "1" for e in evidence)


def test_lockfile_escaped_slashes(run_detector):
    text = '{"packages": [\n{"name": "stripe\\/stripe-php", "version": "v13.0.0"}\n]}\n'
    [hit] = run_detector(DETECTOR, "composer.lock", text)[0]
    assert (hit.name, hit.line) == ("stripe/stripe-php", 2)


def test_requires_of_the_roots_own_vendor_are_first_party(run_detector):
    """fleetbase/fleetbase requiring fleetbase/core-api: the app's own code, shipped as a package;
    a framework skeleton's name (laravel/laravel) makes laravel/framework no package of the app's."""
    text = ('{"name": "fleetbase/fleetbase", "type": "project", "require": {\n'
            '"fleetbase/core-api": "^1.6", "laravel/framework": "^10.0", "stripe/stripe-php": "^17.0"}}\n')
    got = _by_name(run_detector(DETECTOR, "api/composer.json", text)[0])
    assert got["fleetbase/core-api"].get("first_party") == "1"
    assert got["laravel/framework"].get("first_party") == got["stripe/stripe-php"].get("first_party") == ""
    got = _by_name(run_detector(DETECTOR, "composer.json", COMPOSER_JSON)[0])
    assert not any(e.get("first_party") for e in got.values())


def test_lockfile_names_the_vendors_requiring_each_package(run_detector):
    text = ('{"packages": [\n'
            '{"name": "fleetbase/core-api", "version": "1.6.59", "require": {"sentry/sentry-laravel": "^4.0", "php": "^8.0"}},\n'
            '{"name": "spatie/laravel-backup", "version": "8.0.0", "require": {"sentry/sentry-laravel": "*"}},\n'
            '{"name": "sentry/sentry-laravel", "version": "4.27.0"},\n'
            '{"name": "twilio/sdk", "version": "8.2.2"}\n]}\n')
    got = _by_name(run_detector(DETECTOR, "api/composer.lock", text)[0])
    assert got["sentry/sentry-laravel"].get("required_by") == "fleetbase spatie"
    assert got["twilio/sdk"].get("required_by") == ""
