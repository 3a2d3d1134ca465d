"""PHP extensions a Dockerfile builds into the image: installers, PECL, distribution packages."""

from __future__ import annotations

from mkdocs_integrations.scan.detectors.php_extensions import DETECTOR

# The official-image shape (docker-php-ext-install over continued lines, pecl + enable) and
# mlocati's installer, with extensions that name no system (gd, intl, zip, opcache).
OFFICIAL_IMAGE = """\
FROM php:8.3-fpm-alpine
RUN apk add --no-cache libpq-dev icu-dev \\
    && docker-php-ext-install -j$(nproc) \\
        intl \\
        pdo_pgsql \\
        zip \\
    && pecl install redis-6.0.2 \\
    && docker-php-ext-enable redis opcache
# RUN docker-php-ext-install pdo_sqlsrv
COPY --from=mlocati/php-extension-installer /usr/bin/install-php-extensions /usr/local/bin/
RUN install-php-extensions gd ldap; echo done
"""


def _got(evidence):
    return {(e.name, e.line, e.version) for e in evidence}


def test_installers_name_the_extensions_the_catalog_knows(run_detector):
    evidence, _ = run_detector(DETECTOR, "docker/app/Dockerfile", OFFICIAL_IMAGE)
    assert all(e.ecosystem == "php-ext" and e.kind == "package" for e in evidence)
    assert _got(evidence) == {("pdo_pgsql", 5, ""), ("redis", 7, "6.0.2"), ("ldap", 11, "")}


def test_distribution_packages(run_detector):
    text = """\
    FROM debian:bookworm-slim
    RUN apt-get update && apt-get install -y --no-install-recommends \\
        php8.2-fpm php8.2-mysql php8.2-pgsql php-memcached \\
     && rm -rf /var/lib/apt/lists/*
    """
    evidence, _ = run_detector(DETECTOR, "Dockerfile", text)
    assert _got(evidence) == {("mysql", 3, ""), ("pgsql", 3, ""), ("memcached", 3, "")}  # php8.2-fpm names nothing


def test_alpine_pecl_packages(run_detector):
    text = "FROM alpine:3.20\nRUN apk add --no-cache php83 php83-pdo_mysql php83-pecl-mongodb\n"
    evidence, _ = run_detector(DETECTOR, "Containerfile", text)
    assert _got(evidence) == {("pdo_mysql", 2, ""), ("mongodb", 2, "")}


def test_words_after_the_command_and_variables_are_no_extensions(run_detector):
    text = """\
    FROM php:8.3-cli
    RUN docker-php-ext-install ${EXTENSIONS} && echo redis > /tmp/note
    RUN pecl install $EXT; mkdir /srv/redis
    """
    evidence, _ = run_detector(DETECTOR, "api.dockerfile", text)
    assert evidence == []


# Laravel Sail's runtime image: an extension for every database, cache and directory Laravel
# can be pointed at.
SAIL = """\
FROM ubuntu:22.04
RUN apt-get update && apt-get install -y php8.3-cli php8.3-dev \\
       php8.3-pgsql php8.3-sqlite3 php8.3-gd \\
       php8.3-imap php8.3-mysql php8.3-mbstring \\
       php8.3-ldap php8.3-redis php8.3-memcached
"""


def test_a_general_purpose_runtime_only_describes(run_detector):
    evidence, _ = run_detector(DETECTOR, "docker/8.3/Dockerfile", SAIL)
    assert {e.name for e in evidence} == {"pgsql", "sqlite3", "imap", "mysql", "ldap", "redis", "memcached"}
    assert all(e.get("one_of_many") == "1" for e in evidence)


def test_sail_image_names_no_service_but_a_focused_one_does(tmp_path):
    from helpers import scan_tree, service_ids

    assert not {"ldap", "imap", "memcached"} & service_ids(scan_tree(tmp_path / "sail", {"docker/8.3/Dockerfile": SAIL}))
    focused = "FROM php:8.3-fpm\nRUN docker-php-ext-install pdo_pgsql && pecl install redis\n"
    assert {"postgresql", "redis"} <= service_ids(scan_tree(tmp_path / "app", {"Dockerfile": focused}))


# InvoicePlane's development image: mlocati's installer with Xdebug beside imap and redis (the app
# uses neither; its compose file runs it for local development). A multi-stage file whose `dev`
# stage adds Xdebug on top of `base` (mbin) keeps the base stage's extensions.
DEVELOPMENT_IMAGE = """\
FROM php:8.1-fpm
COPY --from=mlocati/php-extension-installer /usr/bin/install-php-extensions /usr/local/bin/
RUN install-php-extensions \\
    bcmath \\
    imap \\
    mysqli \\
    pdo_mysql \\
    redis \\
    xdebug \\
    zip
RUN sed -i 's/^zend_extension=/;zend_extension=/g' /usr/local/etc/php/conf.d/docker-php-ext-xdebug.ini
"""
STAGED_IMAGE = """\
FROM dunglas/frankenphp:1-php8.4 AS base
RUN install-php-extensions pdo_pgsql redis amqp intl
FROM base AS dev
RUN install-php-extensions xdebug imap
FROM base AS prod
"""


def test_a_development_image_only_describes(run_detector):
    evidence, _ = run_detector(DETECTOR, "resources/docker/php-fpm/Dockerfile", DEVELOPMENT_IMAGE)
    assert {e.name for e in evidence} == {"imap", "mysqli", "pdo_mysql", "redis"}
    assert all(e.get("one_of_many") == "1" for e in evidence)


def test_only_the_stage_that_adds_the_debugger_is_a_development_image(run_detector):
    evidence, _ = run_detector(DETECTOR, "docker/Dockerfile", STAGED_IMAGE)
    assert {(e.name, e.get("one_of_many")) for e in evidence} == {
        ("pdo_pgsql", ""), ("redis", ""), ("amqp", ""), ("imap", "1")}


def test_development_image_names_no_service_of_its_own(tmp_path):
    from helpers import scan_tree, service_ids

    found = service_ids(scan_tree(tmp_path / "app", {"resources/docker/php-fpm/Dockerfile": DEVELOPMENT_IMAGE}))
    assert not {"imap", "redis"} & found
