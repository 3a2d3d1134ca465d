"""The bundled service catalog: it loads, it is big enough, and its data is precise.

The data checks here are real collision checks: a package, env var or host claimed by two
services would make the scanner attribute one app's dependency to the wrong vendor.
"""

from __future__ import annotations

import re
from collections import defaultdict
from textwrap import dedent

import pytest

from mkdocs_integrations.catalog import CATEGORIES, CatalogError, load_catalog, parse_catalog
from mkdocs_integrations.catalog.index import CatalogIndex, norm_image, norm_package

# Ids other people label corpora with (the project's id conventions); they must keep existing.
WELL_KNOWN_IDS = {
    "payment": "stripe paypal braintree adyen square paddle lemon-squeezy razorpay mollie chargebee "
    "recurly klarna gocardless coinbase-commerce",
    "email_sms": "sendgrid mailgun postmark resend aws-ses mailchimp mailjet sparkpost brevo twilio "
    "vonage messagebird plivo loops customer-io smtp onesignal firebase-cloud-messaging aws-sns novu "
    "knock mandrill",
    "external_api": "openai anthropic google-gemini cohere mistral huggingface replicate groq slack "
    "discord telegram github gitlab google-maps mapbox algolia notion linear jira hubspot salesforce "
    "zendesk intercom zoom twitter unsplash pusher ably livekit deepl google-translate recaptcha "
    "hcaptcha cloudflare-turnstile shopify contentful sanity launchdarkly growthbook",
    "database": "postgresql mysql mariadb sqlite mongodb supabase planetscale neon cockroachdb "
    "aws-dynamodb firebase-firestore elasticsearch opensearch meilisearch typesense clickhouse "
    "cassandra neo4j turso pinecone weaviate qdrant influxdb couchdb",
    "file_storage": "aws-s3 google-cloud-storage azure-blob-storage cloudflare-r2 minio supabase-storage "
    "firebase-storage cloudinary uploadthing backblaze-b2 digitalocean-spaces vercel-blob",
    "cache": "redis memcached upstash-redis vercel-kv valkey",
    "queue": "rabbitmq kafka aws-sqs google-pubsub azure-service-bus nats bullmq celery sidekiq "
    "upstash-qstash inngest trigger-dev temporal",
    "auth_provider": "auth0 clerk supabase-auth firebase-auth aws-cognito okta keycloak nextauth lucia "
    "passport devise django-allauth workos stytch kinde ory better-auth microsoft-entra-id fusionauth "
    "supertokens ldap saml",
    "oauth": "google-oauth github-oauth microsoft-oauth apple-sign-in facebook-login twitter-oauth "
    "discord-oauth gitlab-oauth linkedin-oauth slack-oauth oidc",
    "error_tracking": "sentry bugsnag rollbar honeybadger airbrake raygun",
    "analytics": "posthog segment mixpanel amplitude google-analytics plausible fathom umami heap hotjar "
    "fullstory logrocket vercel-analytics rudderstack matomo",
    "logs": "datadog new-relic better-stack papertrail loggly grafana-loki aws-cloudwatch opentelemetry "
    "honeycomb axiom splunk prometheus",
    "hosting": "vercel netlify fly-io render railway heroku aws-lambda aws-ecs google-app-engine "
    "google-cloud-run azure-app-service cloudflare-workers cloudflare-pages firebase-hosting "
    "digitalocean-app-platform kubernetes docker github-pages",
    "ci": "github-actions gitlab-ci circleci jenkins azure-pipelines bitbucket-pipelines travis-ci "
    "buildkite drone",
}

# Names that would fire on ordinary apps and attribute them to a vendor: never catalog data.
GENERIC_PACKAGES = {
    "npm": {"axios", "node-fetch", "got", "superagent", "request", "ky", "undici", "express", "dotenv",
            "jsonwebtoken", "ws", "socket.io", "googleapis", "@langchain/community", "langchain"},
    "pypi": {"requests", "httpx", "urllib3", "aiohttp", "python-dotenv", "pyjwt", "langchain",
             "langchain-community", "google-api-python-client", "google-auth", "boto3", "botocore"},
    "go": {"golang.org/x/oauth2", "github.com/golang-jwt/jwt*"},
    "rubygems": {"faraday", "httparty", "rest-client", "aws-sdk", "omniauth", "jwt"},
    "maven": {"com.squareup.okhttp3:okhttp", "org.apache.httpcomponents:httpclient"},
    "nuget": {"newtonsoft.json", "restsharp"},
    "packagist": {"guzzlehttp/guzzle", "aws/aws-sdk-php", "laravel/socialite"},
    "crates": {"reqwest", "hyper"},
}
GENERIC_ENV = {
    "API_KEY", "API_SECRET", "SECRET_KEY", "SECRET", "TOKEN", "ACCESS_TOKEN", "DATABASE_URL", "DB_URL",
    "DB_HOST", "DB_PASSWORD", "DB_USER", "DB_NAME", "PORT", "HOST", "NODE_ENV", "ENV", "APP_ENV",
    "BASE_URL", "APP_URL", "CLIENT_ID", "CLIENT_SECRET", "AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY",
    "AWS_REGION", "AWS_DEFAULT_REGION", "GOOGLE_APPLICATION_CREDENTIALS", "GOOGLE_API_KEY",
    "AZURE_CLIENT_ID", "AZURE_CLIENT_SECRET", "AZURE_TENANT_ID", "AUTH_SECRET", "JWT_SECRET",
    "SESSION_SECRET", "PROJECT_ID", "BUILD_ID", "COMMIT_SHA", "CI", "REDIRECT_URI",
}
GENERIC_PREFIXES = {
    "AWS_", "GOOGLE_", "GCP_", "AZURE_", "API_", "DB_", "DATABASE_", "GITHUB_", "APP_", "AUTH_",
    "NEXT_PUBLIC_", "VITE_", "REACT_APP_", "PUBLIC_", "EXPO_PUBLIC_", "SECRET_", "CLOUDFLARE_",
    "MICROSOFT_", "PLATFORM_", "RENDER_", "CI_", "BUILD_", "SERVICE_", "MAIL_", "EMAIL_",
}
BROAD_HOSTS = {
    "*.googleapis.com", "*.amazonaws.com", "*.azure.com", "*.windows.net", "*.google.com",
    "*.cloudflare.com", "*.microsoft.com", "*.github.com", "*.github.io", "github.com", "google.com",
    "www.google.com", "*.facebook.com", "www.facebook.com", "*.apple.com", "localhost",
    "*.aliyuncs.com", "*.appspot.com", "*.firebaseapp.com",
}
GENERIC_IMAGES = {"node", "python", "nginx", "alpine", "ubuntu", "debian", "busybox", "golang", "ruby",
                  "php", "openjdk", "httpd", "traefik", "caddy"}
GENERIC_CONFIG_FILES = {"app.json", "app.yaml", "config.json", "config.yml", "config.yaml",
                        "template.yaml", "template.yml", "settings.json", "host.json", "package.json"}


@pytest.fixture(scope="module")
def catalog():
    return load_catalog()


def _signals(svc) -> int:
    return sum(map(bool, (
        svc.packages, svc.weak_packages, svc.imports, svc.env, svc.env_prefixes, svc.hosts,
        svc.config_files, svc.docker_images, svc.terraform, svc.sign_in_names, svc.deploy_steps,
        # a call that is a use on its own (an embed URL only that service serves)
        any(c.alone for c in svc.calls),
    )))


# --- the bundled catalog ----------------------------------------------------------------


def test_bundled_catalog_loads(catalog):
    assert catalog.services and catalog.clients
    assert "stripe" in catalog.services


def test_catalog_size(catalog):
    assert len(catalog.services) >= 250


@pytest.mark.parametrize("category", CATEGORIES)
def test_every_category_is_covered(catalog, category):
    assert len(catalog.by_category(category)) >= 5, category


@pytest.mark.parametrize("category", sorted(WELL_KNOWN_IDS))
def test_well_known_ids_exist(catalog, category):
    for sid in WELL_KNOWN_IDS[category].split():
        assert sid in catalog.services, f"missing well-known service id {sid!r}"
        assert catalog.services[sid].category == category, sid


def test_every_service_has_a_detection_signal(catalog):
    silent = [s.id for s in catalog.services.values() if not _signals(s)]
    assert not silent


def test_every_service_is_documented(catalog):
    for svc in catalog.services.values():
        assert svc.docs.startswith("https://"), svc.id
        assert svc.purpose, svc.id
        assert svc.name and svc.name.strip() == svc.name, svc.id


def test_weak_packages_are_confirmed_by_calls(catalog):
    for svc in catalog.services.values():
        if svc.weak_packages:
            assert svc.calls, svc.id


def test_no_package_claimed_by_two_services(catalog):
    claims: dict[tuple[str, str], set[str]] = defaultdict(set)
    for svc in catalog.services.values():
        for eco, names in svc.packages.items():
            for name in names:
                claims[(eco, norm_package(eco, name))].add(svc.id)
    clashes = {k: sorted(v) for k, v in claims.items() if len(v) > 1}
    assert not clashes


def test_no_package_prefix_swallows_another_services_package(catalog):
    exact: dict[tuple[str, str], str] = {}
    prefixes: list[tuple[str, str, str]] = []
    for svc in catalog.services.values():
        for eco, names in svc.packages.items():
            for name in map(lambda n: norm_package(eco, n), names):
                if name.endswith("*"):
                    prefixes.append((eco, name[:-1], svc.id))
                else:
                    exact[(eco, name)] = svc.id
    # OpenTelemetry exporter packages for Jaeger/Zipkin are OTel *and* the tracing backend.
    # lego's DNS-01 providers (`lego/v4/providers/dns/route53`) are ACME *and* the DNS vendor's API.
    allowed = {
        ("opentelemetry", "jaeger"), ("opentelemetry", "zipkin"),
        ("letsencrypt", "aws-route53"), ("letsencrypt", "cloudflare"),
    }
    clashes = [
        (eco, name, owner, sid)
        for eco, prefix, owner in prefixes
        for (e2, name), sid in exact.items()
        if e2 == eco and name.startswith(prefix) and sid != owner and (owner, sid) not in allowed
    ]
    assert not clashes


def test_package_is_not_both_strong_and_weak_for_one_service(catalog):
    for svc in catalog.services.values():
        for eco, names in svc.weak_packages.items():
            assert not set(names) & set(svc.packages.get(eco, ())), svc.id


def test_no_env_var_in_two_services(catalog):
    owners: dict[str, set[str]] = defaultdict(set)
    for svc in catalog.services.values():
        for name in svc.env:
            owners[name].add(svc.id)
    assert not {k: sorted(v) for k, v in owners.items() if len(v) > 1}


def test_no_env_prefix_in_two_services(catalog):
    owners: dict[str, set[str]] = defaultdict(set)
    for svc in catalog.services.values():
        for p in svc.env_prefixes:
            owners[p].add(svc.id)
    assert not {k: sorted(v) for k, v in owners.items() if len(v) > 1}


def test_no_host_in_two_services(catalog):
    owners: dict[str, set[str]] = defaultdict(set)
    for svc in catalog.services.values():
        for host in svc.hosts:
            owners[host].add(svc.id)
    assert not {k: sorted(v) for k, v in owners.items() if len(v) > 1}


def test_no_docker_image_or_config_file_in_two_services(catalog):
    images: dict[str, set[str]] = defaultdict(set)
    files: dict[str, set[str]] = defaultdict(set)
    for svc in catalog.services.values():
        for img in svc.docker_images:
            images[norm_image(img)].add(svc.id)
        for f in svc.config_files:
            files[f].add(svc.id)
    assert not {k: v for k, v in images.items() if len(v) > 1}
    assert not {k: v for k, v in files.items() if len(v) > 1}


def test_no_url_scheme_in_two_services(catalog):
    owners: dict[str, set[str]] = defaultdict(set)
    for svc in catalog.services.values():
        for scheme in svc.url_schemes:
            owners[scheme.lower()].add(svc.id)
    assert not {k: v for k, v in owners.items() if len(v) > 1}


def test_no_driver_word_names_two_services(catalog):
    """`drivers` (DB_CONNECTION=pgsql, MAIL_MAILER=ses) and URL schemes share one lookup."""
    owners: dict[str, set[str]] = defaultdict(set)
    for svc in catalog.services.values():
        for word in (*svc.drivers, *(s.lower() for s in svc.url_schemes)):
            owners[word].add(svc.id)
    assert not {k: v for k, v in owners.items() if len(v) > 1}
    for local in ("file", "log", "database", "local", "sync", "array", "null", "sendmail"):
        assert local not in owners, f"{local} is a local driver, not a service"


def test_no_generic_packages(catalog):
    for svc in catalog.services.values():
        for eco, names in svc.packages.items():
            generic = {norm_package(eco, g) for g in GENERIC_PACKAGES.get(eco, ())}
            assert not {norm_package(eco, n) for n in names} & generic, svc.id


def test_no_generic_env_names_or_prefixes(catalog):
    for svc in catalog.services.values():
        assert not set(svc.env) & GENERIC_ENV, svc.id
        assert not set(svc.env_prefixes) & GENERIC_PREFIXES, svc.id


def test_no_broad_hosts_images_or_config_files(catalog):
    for svc in catalog.services.values():
        assert not set(svc.hosts) & BROAD_HOSTS, svc.id
        assert not {norm_image(i) for i in svc.docker_images} & GENERIC_IMAGES, svc.id
        assert not set(svc.config_files) & GENERIC_CONFIG_FILES, svc.id
        for host in svc.hosts:
            # A wildcard must keep at least a vendor domain under it: "*.supabase.co", not "*.co".
            assert host.count(".") >= (2 if host.startswith("*.") else 1), (svc.id, host)


def test_call_patterns_are_specific(catalog):
    for svc in catalog.services.values():
        for call in svc.calls:
            assert call.endpoint.strip(), svc.id
            assert not call.pattern.match(""), (svc.id, call.pattern.pattern)
            assert len(call.pattern.pattern) >= 6, (svc.id, call.pattern.pattern)
        for pat in svc.webhook_verify:
            assert not pat.match(""), (svc.id, pat.pattern)


def test_weak_umbrella_sdks_only_count_with_their_calls(catalog):
    s3 = catalog.services["aws-s3"]
    assert "boto3" in s3.weak_packages["pypi"]
    assert any(c.pattern.search("s3 = boto3.client('s3')") for c in s3.calls)
    sqs = catalog.services["aws-sqs"]
    assert not any(c.pattern.search("s3 = boto3.client('s3')") for c in sqs.calls)
    storage = catalog.services["supabase-storage"]
    assert any(c.pattern.search("await supabase.storage.from('avatars').upload(path, file)")
               for c in storage.calls)
    auth = catalog.services["supabase-auth"]
    assert any(c.pattern.search("const { data } = await supabase.auth.getUser()") for c in auth.calls)
    assert not any(c.pattern.search("supabase.from('todos').select('*')") for c in auth.calls)


def test_call_patterns_name_the_endpoints(catalog):
    def endpoints(sid: str, line: str) -> set[str]:
        return {c.endpoint for c in catalog.services[sid].calls if c.pattern.search(line)}

    assert "checkout sessions" in endpoints("stripe", "await stripe.checkout.sessions.create({")
    assert "chat completions" in endpoints("openai", "client.chat.completions.create(model=m)")
    assert "messages" in endpoints("anthropic", "client.messages.create(model=m, max_tokens=1)")
    assert "send email" in endpoints("resend", "await resend.emails.send({ from, to })")
    assert "send SMS" in endpoints("twilio", "client.messages.create({ body, to, from })")
    assert "presigned URLs" in endpoints("aws-s3", "s3.generate_presigned_url('get_object', Params=p)")
    assert "capture event" in endpoints("posthog", "posthog.capture('signed_up')")
    assert "post message" in endpoints("slack", "await client.chat.postMessage({ channel })")


def test_webhook_verification_patterns(catalog):
    def verifies(sid: str, line: str) -> bool:
        return any(p.search(line) for p in catalog.services[sid].webhook_verify)

    assert verifies("stripe", "event = stripe.webhooks.constructEvent(body, sig, secret)")
    assert verifies("github", "const sig = req.headers['x-hub-signature-256']")
    assert verifies("slack", "const ts = req.headers['x-slack-signature']")
    assert verifies("twilio", "twilio.validateRequest(token, sig, url, params)")
    assert verifies("shopify", "const hmac = req.get('X-Shopify-Hmac-Sha256')")
    assert verifies("clerk", "const wh = new Webhook(secret)")


def test_hosted_flavours_point_at_engines(catalog):
    assert catalog.services["supabase"].provides == ("postgresql",)
    assert catalog.services["neon"].provides == ("postgresql",)
    assert catalog.services["planetscale"].provides == ("mysql",)
    assert catalog.services["upstash-redis"].provides == ("redis",)
    for svc in catalog.services.values():
        for p in svc.provides:
            assert p != svc.id
            assert catalog.services[p].category == svc.category or svc.category in ("database", "cache"), svc.id


def test_protocol_speakers_point_at_services_of_their_category(catalog):
    assert catalog.services["mariadb"].speaks == ("mysql",)
    for svc in catalog.services.values():
        for other in svc.speaks:
            assert other != svc.id
            assert catalog.services[other].category == svc.category, svc.id


def test_bare_hosts_point_at_the_vendors_api(catalog):
    assert catalog.services["facebook-login"].bare_host == "facebook"
    for svc in catalog.services.values():
        if svc.bare_host:
            assert svc.bare_host != svc.id
            assert catalog.services[svc.bare_host].category == "external_api", svc.id
            assert svc.hosts, svc.id


def test_clients_talk_to_database_services(catalog):
    assert {"prisma", "sqlalchemy", "django-orm", "activerecord", "gorm", "drizzle", "typeorm",
            "sequelize", "knex", "kysely", "mongoose", "eloquent", "doctrine", "hibernate", "ef-core",
            "diesel", "sea-orm", "sqlx-rust", "node-postgres", "psycopg", "asyncpg", "mysql2", "pgx",
            "lib-pq", "go-sql-driver-mysql", "ent", "prisma-client-python", "tortoise-orm", "peewee",
            "sqlmodel"} <= set(catalog.clients)
    for cl in catalog.clients.values():
        assert cl.databases, cl.id
        assert cl.packages or cl.imports, cl.id
        for db in cl.databases:
            assert catalog.services[db].category == "database", (cl.id, db)
    assert catalog.clients["prisma"].migrations_dirs == ("prisma/migrations",)
    assert catalog.clients["django-orm"].migrations_dirs == ("*/migrations",)
    assert catalog.clients["activerecord"].migrations_dirs == ("db/migrate",)
    assert catalog.clients["eloquent"].migrations_dirs == ("database/migrations",)
    assert catalog.clients["sqlalchemy"].migrations_tool == "alembic"


# --- the loader rejects bad data -------------------------------------------------------------

GOOD = """\
services:
  - id: acme-mail
    name: Acme Mail
    category: email_sms
    docs: https://docs.acme.example/api
    purpose: Transactional email
    credential: API key
    packages:
      npm: ["@acme/mail"]
      pypi: [acme-mail]
    env: [ACME_MAIL_API_KEY]
    env_prefixes: [ACME_MAIL_]
    hosts: [api.acme-mail.example]
    calls:
      - {match: 'acme\\.mail\\.send\\(', endpoint: send email}
"""


def test_adding_a_service_is_a_data_edit():
    cat = parse_catalog({"x.yaml": GOOD})
    svc = cat.services["acme-mail"]
    assert svc.category == "email_sms"
    assert svc.packages == {"npm": ("@acme/mail",), "pypi": ("acme-mail",)}
    assert svc.calls[0].endpoint == "send email"
    assert svc.calls[0].pattern.search("acme.mail.send(msg)")
    assert [s.id for s in cat.by_category("email_sms")] == ["acme-mail"]


def test_a_call_with_unless_does_not_count_where_its_other_pattern_is_found():
    """`unless`: a remote browser's connect counts only in a file with no local `.launch(`."""
    text = GOOD.replace("endpoint: send email}", "endpoint: send email, unless: 'acme\\.mail\\.dry_run'}")
    call = parse_catalog({"x.yaml": text}).services["acme-mail"].calls[0]
    assert call.search("acme.mail.send(msg)")
    assert call.search("acme.mail.dry_run = True\nacme.mail.send(msg)") is None
    assert "regex" in _bad(GOOD.replace("endpoint: send email}", "endpoint: send email, unless: 'a(['}"))


def test_a_calls_providers_may_be_spelled_as_a_dotted_id_or_a_class():
    """Firebase names a provider 'microsoft.com' or `GithubAuthProvider`: both spellings parse;
    the provider they map to stays a lowercase name, and a spelling with spaces is refused."""
    auth = GOOD.replace("category: email_sms", "category: auth_provider").replace(
        "endpoint: send email}", "endpoint: send email, providers: [microsoft.com=microsoft, GithubAuthProvider=github]}")
    call = parse_catalog({"x.yaml": auth}).services["acme-mail"].calls[0]
    assert call.providers == (("microsoft.com", "microsoft"), ("GithubAuthProvider", "github"))
    assert "provider" in _bad(auth.replace("GithubAuthProvider=github", "Github Auth=github"))
    assert "provider" in _bad(auth.replace("GithubAuthProvider=github", "GithubAuthProvider=GitHub"))


def test_an_import_counts_for_the_longest_catalog_prefix_it_matches():
    """`from onelogin.saml2 import ...` is python3-saml (prefix `onelogin.saml2`), not the
    OneLogin API client whose PyPI package `onelogin` gives the bare prefix `onelogin`."""
    text = GOOD + (
        "  - id: acme-sso\n    name: Acme SSO\n    category: auth_provider\n"
        "    docs: https://docs.acme.example/sso\n    purpose: Single sign-on\n    credential: certificate\n"
        "    packages: {pypi: [acme-sso-toolkit]}\n    imports: {python: [acme_mail.sso]}\n"
    )
    index = CatalogIndex(parse_catalog({"x.yaml": text}))
    assert index.import_("python", "acme_mail.sso.auth") == [("acme-sso", False)]
    assert index.import_("python", "acme_mail.sso") == [("acme-sso", False)]
    assert index.import_("python", "acme_mail.client") == [("acme-mail", False)]
    assert {sid for sid, _ in index.package("pypi", "acme-mail")} == {"acme-mail"}


def _bad(text: str, names_file: bool = True) -> str:
    with pytest.raises(CatalogError) as err:
        parse_catalog({"bad.yaml": dedent(text)})
    msg = str(err.value)
    if names_file:
        assert "bad.yaml" in msg
    return msg


def test_rejects_unknown_key():
    msg = _bad(GOOD.replace("    purpose:", "    purpos:"))
    assert "purpos" in msg


def test_rejects_bad_category():
    msg = _bad(GOOD.replace("category: email_sms", "category: mail"))
    assert "category" in msg and "mail" in msg


def test_rejects_bad_regex():
    msg = _bad(GOOD.replace("acme\\.mail\\.send\\(", "acme(["))
    assert "regex" in msg


def test_rejects_short_or_open_env_prefix():
    assert "prefix" in _bad(GOOD.replace("env_prefixes: [ACME_MAIL_]", "env_prefixes: [AC_]"))
    assert "prefix" in _bad(GOOD.replace("env_prefixes: [ACME_MAIL_]", "env_prefixes: [ACMEMAIL]"))


def test_rejects_duplicate_id():
    text = GOOD + GOOD.split("services:\n", 1)[1]
    msg = _bad(text)
    assert "duplicate" in msg and "acme-mail" in msg


def test_rejects_weak_packages_without_calls():
    text = GOOD.split("    calls:")[0] + "    weak_packages:\n      pypi: [boto3]\n"
    assert "weak_packages" in _bad(text)


def test_api_packages_are_among_the_packages_and_mark_api_calls():
    """`api_packages` name the part of a service's packages that exports nothing alone (an
    instrumentation standard's API): each must be one of its packages, and `api: true` calls
    (what that API answers alone) need them listed."""
    ok = GOOD.replace("    env:", '    api_packages:\n      npm: ["@acme/mail"]\n    env:', 1).replace(
        "endpoint: send email}", "endpoint: send email, api: true}")
    svc = parse_catalog({"x.yaml": ok}).services["acme-mail"]
    assert svc.api_packages == {"npm": ("@acme/mail",)} and svc.calls[0].api
    assert "api_packages" in _bad(GOOD.replace("    env:", '    api_packages:\n      npm: ["@acme/other"]\n    env:', 1))
    assert "api_packages" in _bad(GOOD.replace("endpoint: send email}", "endpoint: send email, api: true}"))
    assert "'api'" in _bad(ok.replace("api: true}", "api: maybe}"))


def test_package_extras_are_one_package_and_one_extra():
    """`package_extras` keys a (package, extra) pair: a bare name or a list of extras is a typo."""
    ok = GOOD.replace("    calls:", '    package_extras:\n      pypi: ["django-anymail[acme]"]\n    calls:', 1)
    svc = parse_catalog({"x.yaml": ok}).services["acme-mail"]
    assert svc.package_extras == {"pypi": ("django-anymail[acme]",)}
    for bad in ('["django-anymail"]', '["django-anymail[acme,other]"]'):
        text = GOOD.replace("    calls:", f"    package_extras:\n      pypi: {bad}\n    calls:", 1)
        assert "package_extras" in _bad(text)
    text = GOOD.replace("    calls:", '    package_extras:\n      npm: ["acme[x]"]\n    calls:', 1)
    assert "package_extras" in _bad(text)


def test_rejects_weak_imports_without_calls():
    text = GOOD.split("    calls:")[0] + "    weak_imports:\n      ruby: [net/imap]\n"
    assert "weak_imports" in _bad(text)


def test_weak_imports_parse_per_language():
    text = GOOD.replace("    calls:", "    weak_imports:\n      ruby: [acme/mail]\n    calls:", 1)
    assert parse_catalog({"x.yaml": text}).services["acme-mail"].weak_imports == {"ruby": ("acme/mail",)}


def test_rejects_bad_values():
    assert "slug" in _bad(GOOD.replace("id: acme-mail", "id: Acme_Mail"))
    assert "https" in _bad(GOOD.replace("https://docs.acme.example/api", "http://docs.acme.example/api"))
    assert "hostname" in _bad(GOOD.replace("api.acme-mail.example", "https://api.acme-mail.example/v1"))
    assert "env var" in _bad(GOOD.replace("[ACME_MAIL_API_KEY]", "[ACME-MAIL-KEY]"))
    assert "unknown key" in _bad(GOOD.replace("      npm:", "      yarn:"))
    assert "word_name" in _bad(GOOD.replace("    credential: API key", "    credential: API key\n    word_name: yes please"))
    # Cross-references are checked after all files are read, so they name the service instead.
    assert "acme-mail" in _bad(GOOD.replace("    credential: API key", "    provides: [nope]"), names_file=False)


def test_rejects_bad_client():
    text = """\
    clients:
      - id: acme-orm
        name: Acme ORM
        kind: orm
        databases: [postgresql]
    """
    assert "unknown database" in _bad(text, names_file=False)
    assert "kind" in _bad(text.replace("kind: orm", "kind: framework"))


def test_bundled_files_are_one_per_category():
    from importlib import resources

    names = {p.name for p in resources.files("mkdocs_integrations.catalog").iterdir() if p.name.endswith(".yaml")}
    assert {f"{c}.yaml" for c in CATEGORIES} | {"clients.yaml"} <= names
    cat = load_catalog()
    for name in names - {"clients.yaml"}:
        text = (resources.files("mkdocs_integrations.catalog") / name).read_text(encoding="utf-8")
        ids = re.findall(r"^  - id: ([\w-]+)$", text, re.M)
        assert ids, name
        for sid in ids:
            assert cat.services[sid].category == name.removesuffix(".yaml"), (name, sid)


def test_shared_auth_env_is_not_a_detection_signal(catalog):
    # Shared credentials may be a detection signal only of the vendor's umbrella service
    # (CLOUDFLARE_API_TOKEN → cloudflare, shared by cloudflare-d1), never of another vendor.
    owner = {e: s.id for s in catalog.services.values() for e in s.env}
    for svc in catalog.services.values():
        for name in svc.auth_env:
            if name in owner:
                assert svc.id.startswith(owner[name] + "-"), (svc.id, name, owner[name])
    assert catalog.services["aws-s3"].auth_env[:2] == ("AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY")
    assert "GOOGLE_APPLICATION_CREDENTIALS" in catalog.services["google-cloud-storage"].auth_env


def test_umbrella_cloud_domains_are_read_off_the_catalog():
    from mkdocs_integrations.catalog import load_catalog
    from mkdocs_integrations.catalog.index import CatalogIndex

    shared = CatalogIndex(load_catalog()).shared_domains
    assert {".googleapis.com", ".amazonaws.com"} <= set(shared)
    assert ".stripe.com" not in shared and ".apple.com" not in shared  # one vendor's own domains


def test_rejects_api_paths_too_short_to_name_one_service():
    assert "api path" in _bad(GOOD.replace("    purpose:", "    api_paths: [/api]\n    purpose:", 1))


@pytest.mark.parametrize("rel", [
    "openshift/templates/app-mysql.json",  # fnmatch's `*` crosses folders: any folder, not the parent
    "deploy/k8s/base/api.yaml", ".github/workflows/ci.yml", "a/.circleci/config.yml", "fly.toml",
    "config/initializers/airbrake.rb", "hatchbox/x", "web/prisma/migrations/1_init/migration.sql",
    "migration/src/m2024.rs", "db/migrate/001_users.rb", "src/app/page.tsx", "README.md",
])
def test_index_path_prefilters_change_no_answer(catalog, rel):
    """The folder-name sets that answer "no" before the path regexes (most files) give the
    same answers as the regexes alone."""
    from mkdocs_integrations.catalog.index import CatalogIndex

    fast, slow = CatalogIndex(catalog), CatalogIndex(catalog)
    slow.__dict__["_config_parent_folders"] = None  # None: no prefilter, as for a glob folder
    slow.__dict__["_migration_last_folders"] = None
    assert fast.config_file(rel) == slow.config_file(rel)
    assert fast.in_migration_folder(rel) == slow.in_migration_folder(rel)


def test_a_clouds_product_names_its_service_but_signing_in_names_none(catalog):
    """`ses/` is aws-ses and `pubsub/` google-pubsub; `login/` (amazon-login's product word)
    is an app's own sign-in folder (`modules/auth/login/`), no vendor."""
    from mkdocs_integrations.catalog.index import CatalogIndex

    index = CatalogIndex(catalog)
    assert index.service_named("ses") == "aws-ses"
    assert index.service_named("pubsub") == "google-pubsub"
    assert index.service_named("login") is None
    assert index.service_named("amazon-login") == "amazon-login"


def test_registry_for_words_are_lowercase_and_name_one_registry_each(catalog):
    """A package ecosystem's word (`gem`, `cargo`) names one registry: the plugin families map a
    member named for it to that registry, and a word given twice would pick one silently."""
    assert "registry_for" in _bad(GOOD.replace("    credential: API key", "    credential: API key\n    registry_for: [Ruby Gems]"))
    seen: dict[str, str] = {}
    for svc in catalog.services.values():
        for word in svc.registry_for:
            assert word not in seen, f"{word!r} names both {seen[word]} and {svc.id}"
            seen[word] = svc.id
    assert {seen[w] for w in ("gem", "cargo", "composer", "hex", "pypi", "npm")} == {
        "rubygems", "crates-io", "packagist", "hex-pm", "pypi", "npm-registry"}


def test_keywords_are_lowercase_words_and_gate_the_call_patterns(catalog):
    """`keywords` add the words a file names a service by beyond its id and name (Let's
    Encrypt's own client, `certbot`): the call patterns run in a file that names one."""
    from mkdocs_integrations.catalog.index import CatalogIndex

    assert "keywords" in _bad(GOOD.replace("    credential: API key", "    credential: API key\n    keywords: [Cert Bot]"))
    keywords = {sid: words for sid, _, words in CatalogIndex(catalog).call_patterns}
    assert "certbot" in keywords["letsencrypt"]
    # three letters for a product's initials (Tag Manager's `GTM-` ids), not two
    assert "gtm" in keywords["google-tag-manager"]
    assert "keywords" in _bad(GOOD.replace("    credential: API key", "    credential: API key\n    keywords: [tm]"))


def test_everyday_words_of_a_service_name_do_not_gate_its_call_patterns(catalog):
    """"LDAP / Active Directory": `active` (a UI state) and `directory` (a file path) are in
    ordinary code, where LDAP's `.bind(` pattern would read JavaScript's Function.bind as a bind."""
    from mkdocs_integrations.catalog.index import CatalogIndex

    keywords = {sid: words for sid, _, words in CatalogIndex(catalog).call_patterns}
    assert "ldap" in keywords["ldap"]
    assert not {"active", "directory"} & keywords["ldap"]


def test_sdk_client_names_in_call_patterns_name_the_service(catalog):
    """boto3's `client("autoscaling")` names EC2 in a file that says neither "aws" nor "ec2":
    a quoted client name in a call pattern is one of the words that let the patterns run.
    Everyday words (`client("events")`) are not, or EventBridge's looser patterns would run
    in most files."""
    from mkdocs_integrations.catalog.index import CatalogIndex

    keywords = {sid: words for sid, _, words in CatalogIndex(catalog).call_patterns}
    assert "autoscaling" in keywords["aws-ec2"]
    assert "secretsmanager" in keywords["aws-secrets-manager"]
    assert "events" not in keywords["aws-eventbridge"]


def test_a_case_blind_call_pattern_is_found_in_any_case(tmp_path):
    """A `(?i)` call's literals are lower-cased; the scanner must not test them against the
    text as written, or `ACME.Mail.Send(` would be skipped before its regex ever ran."""
    from mkdocs_integrations.pipeline import build_inventory
    from mkdocs_integrations.scan import Scanner

    for pattern in (r"(?i)acme\.mail\.send\(", r"(?i:acme)\.Mail\.Send\("):
        text = GOOD.replace(r"acme\.mail\.send\(", pattern)
        catalog = parse_catalog({"x.yaml": text})
        (tmp_path / "notify.py").write_text("import acme_mail\n\nACME.Mail.Send(msg)\n")
        inv, _ = build_inventory(Scanner(catalog=catalog), [tmp_path], tmp_path, analysis_date="2026-01-01")
        [svc] = [s for s in inv.services if s.id == "acme-mail"]
        assert "send email" in svc.endpoints, pattern


def test_a_host_label_may_end_in_a_wildcard():
    """`logs-prod-*.grafana.net`: Grafana Cloud's Loki stacks, not every grafana.net product
    (an OnCall or OTLP endpoint is another service on the same domain)."""
    from mkdocs_integrations.catalog.index import CatalogIndex

    text = GOOD.replace("hosts: [api.acme-mail.example]", 'hosts: ["mail-prod-*.acme.example"]')
    index = CatalogIndex(parse_catalog({"x.yaml": text}))
    assert index.host("mail-prod-eu-west-0.acme.example") == "acme-mail"
    assert index.host("chat-prod-eu-west-0.acme.example") is None
    assert "hostname" in _bad(GOOD.replace("hosts: [api.acme-mail.example]", 'hosts: ["mail*prod.acme.example"]'))


def test_own_oidc_signing_key_is_no_sign_in_env(catalog):
    """OIDC_RSA_PRIVATE_KEY (django-oauth-toolkit) signs the app's own ID tokens: the app is the
    provider, so the OIDC_ prefix must not make it a generic OIDC sign-in's env var."""
    index = CatalogIndex(catalog)
    assert index.env("OIDC_RSA_PRIVATE_KEY_ACTIVE_PATH") is None
    assert index.env("OIDC_RSA_PRIVATE_KEY") is None
    assert index.env("OIDC_CLIENT_SECRET") == "oidc"
    assert index.env("OIDC_ISSUER_URL") == "oidc"


def test_app_prefixed_oauth_prefix_names_the_sign_in(catalog):
    """An app's own prefix before a sign-in provider's `<VENDOR>_OAUTH_` prefix (a Rust app's
    envy settings KOMODO_GITHUB_OAUTH_ENABLED/ID/SECRET) still names that provider's OAuth app;
    a bare vendor prefix after an app's word does not (`ACME_SLACK_CHANNEL_LABEL`)."""
    index = CatalogIndex(catalog)
    assert index.env("KOMODO_GITHUB_OAUTH_ID") == "github-oauth"
    assert index.env("KOMODO_GOOGLE_OAUTH_ENABLED") == "google-oauth"
    assert index.env("CONVOY_GOOGLE_OAUTH_CLIENT_ID") == "google-oauth"
    assert index.env("ACME_SLACK_CHANNEL_LABEL") is None


def test_android_meta_keys_are_dotted_manifest_names():
    """`android_meta` names `<meta-data>` keys of AndroidManifest.xml: a dotted name, nothing else."""
    ok = parse_catalog({"x.yaml": GOOD.replace("    purpose:", "    android_meta: [io.acme.sdk.API_KEY]\n    purpose:", 1)})
    assert any(s.android_meta == ("io.acme.sdk.API_KEY",) for s in ok.services.values())
    msg = _bad(GOOD.replace("    purpose:", "    android_meta: [API KEY]\n    purpose:", 1))
    assert "android_meta" in msg


def test_rejects_webhook_headers_that_are_no_event_header_names():
    assert "webhook_headers" in _bad(GOOD.replace("    purpose:", "    webhook_headers: [Authorization]\n    purpose:", 1))
