"""Resolution rules: what establishes a service, what only describes one."""

from __future__ import annotations

from helpers import scan_tree as scan
from helpers import service_ids as ids
from helpers import write_tree

from mkdocs_integrations.pipeline import build_inventory
from mkdocs_integrations.scan import Scanner


def test_lockfile_entries_alone_are_not_services(tmp_path):
    inv = scan(tmp_path, {
        "package.json": '{"dependencies": {"next": "14.0.0"}}',
        "package-lock.json": '{"lockfileVersion": 3, "packages": {"node_modules/mixpanel": {"version": "0.18.0"}}}',
    })
    assert "mixpanel" not in ids(inv)


def test_go_indirect_requires_alone_are_not_services(tmp_path):
    inv = scan(tmp_path, {
        "go.mod": "module example.com/app\n\ngo 1.22\n\nrequire (\n"
                  "\tgithub.com/stripe/stripe-go/v76 v76.0.0\n"
                  "\tcloud.google.com/go/firestore v1.18.0 // indirect\n)\n",
    })
    assert "stripe" in ids(inv)
    assert "firebase-firestore" not in ids(inv)


def test_locked_version_resolves_the_declared_one(tmp_path):
    inv = scan(tmp_path, {
        "package.json": '{"dependencies": {"stripe": "^14.8.0"}}',
        "package-lock.json": '{"lockfileVersion": 3, "packages": {"node_modules/stripe": {"version": "14.9.2"}}}',
    })
    pkg = inv.get("stripe").packages[0]
    assert (pkg.declared, pkg.resolved) == ("^14.8.0", "14.9.2")
    assert inv.get("stripe").strength == "declared"


def test_tests_and_ci_secrets_alone_are_not_services(tmp_path):
    inv = scan(tmp_path, {
        "src/__tests__/pay.test.ts": 'import Stripe from "stripe";\nfetch("https://api.twilio.com/2010-04-01");\n',
        ".github/workflows/ci.yml": "on: push\njobs:\n  t:\n    runs-on: ubuntu-latest\n    steps:\n"
                                    "      - run: echo ${{ secrets.SENDGRID_API_KEY }}\n",
    })
    assert not ({"stripe", "twilio", "sendgrid"} & ids(inv))
    assert "github-actions" in ids(inv)


def test_seed_data_is_not_where_a_service_is_used(tmp_path):
    """Demo rows for a development database (a sample meeting link) name no dependency."""
    inv = scan(tmp_path, {
        "packages/database/prisma/seed/data.ts": 'export const events = [{ url: "https://zoom.us/j/1234567890" }];\n',
        "db/seeds.rb": 'Integration.create!(url: "https://api.twilio.com/2010-04-01")\n',
        "database/seeders/DemoSeeder.php": "<?php\n$link = 'https://zoom.us/j/42';\n",
    })
    assert not ({"zoom", "twilio"} & ids(inv))
    inv = scan(tmp_path / "app", {"lib/meet.ts": 'await fetch("https://api.zoom.us/v2/users/me/meetings");\n'})
    assert "zoom" in ids(inv)


def test_umbrella_sdk_needs_a_call_of_its_own(tmp_path):
    base = {"requirements.txt": "boto3==1.34.0\n"}
    inv = scan(tmp_path / "a", {**base, "app.py": "import boto3\nclient = boto3.client('sts')\n"})
    assert "aws-s3" not in ids(inv)
    inv = scan(tmp_path / "b", {**base, "app.py": "import boto3\ns3 = boto3.client('s3')\ns3.upload_file('a', 'b', 'c')\n"})
    assert "aws-s3" in ids(inv) and inv.get("aws-s3").strength == "used"


def test_openai_package_is_not_azure_without_azure_calls(tmp_path):
    inv = scan(tmp_path, {
        "package.json": '{"dependencies": {"openai": "^4.0.0"}}',
        "ai.ts": 'import OpenAI from "openai";\nconst o = new OpenAI();\no.chat.completions.create({});\n',
    })
    assert "openai" in ids(inv) and "azure-openai" not in ids(inv)


def test_monorepo_services_say_which_apps_use_them(tmp_path):
    inv = scan(tmp_path, {
        "package.json": '{"workspaces": ["apps/*"]}',
        "apps/web/package.json": '{"dependencies": {"stripe": "^14.0.0"}}',
        "apps/web/pay.ts": 'import Stripe from "stripe";\n',
        "apps/api/package.json": '{"dependencies": {"stripe": "^14.0.0"}}',
        "apps/api/charge.ts": 'import Stripe from "stripe";\n',
    })
    assert inv.get("stripe").used_by == ["apps/api", "apps/web"]


def test_uncatalogued_api_hosts_become_services_but_not_the_apps_own(tmp_path):
    inv = scan(tmp_path / "shop", {
        "client.ts": 'fetch("https://api.pinboard.in/v1/posts/add");\nfetch("https://api.shop.io/v2/orders");\n'
                     'const docs = "https://docs.example-vendor.com/api/reference";\n'
                     'const sample = "https://api.acmecorp.com/v1/hooks"; // the stock example company\n'
                     'const mine = "https://api.yourdomain.com/v1/items";\n'
                     'const sdk = createClient({ baseUrl: "https://your-store.com/api/v3" });\n'
                     'const api = "https://api.mystore.com/v2/products";\n',
    })
    assert "pinboard" in ids(inv)
    assert "shop" not in ids(inv)  # the application's own API
    assert "example-vendor" not in ids(inv)  # documentation links are not APIs
    assert "acmecorp" not in ids(inv) and "yourdomain" not in ids(inv)  # placeholders
    assert not {"your-store", "yourstore", "mystore"} & ids(inv)  # a shop's placeholders


def test_a_your_label_is_a_placeholder_host(tmp_path):
    inv = scan(tmp_path / "shop", {
        "Sync.tsx": '<Input placeholder="https://your-deployed-application.com/api/hook" />;\n'
                    'fetch("https://api.pinboard.in/v1/posts/add");\n',
    })
    assert "pinboard" in ids(inv) and "your-deployed-application" not in ids(inv)


def test_the_most_specific_catalog_wildcard_host_wins(tmp_path):
    """x.pushnotifications.pusher.com is Pusher Beams, not Pusher Channels' *.pusher.com."""
    inv = scan(tmp_path / "app", {
        "push.ts": 'await fetch(`https://${id}.pushnotifications.pusher.com/publish_api/v1/instances`, { method: "POST" });\n',
    })
    assert "pusher-beams" in ids(inv) and "pusher" not in ids(inv)


def test_app_prefixed_and_oauth_env_names(tmp_path):
    inv = scan(tmp_path, {".env.example": "PAPERLESS_EMAIL_HOST=\nGITHUB_APP_SECRET=\nMYAPP_SENTRY_DSN=\n"})
    assert {"smtp", "github-oauth", "sentry"} <= ids(inv)
    assert all(u.strength == "env" for u in inv.services)


def test_uncatalogued_integration_modules_become_services(tmp_path):
    inv = scan(tmp_path / "reader", {
        "internal/integration/wallabag/wallabag.go": 'package wallabag\n\nimport "net/http"\n\n'
            'func Send(u string) { http.NewRequest("POST", u+"/api/entries.json", nil) }\n',
        "internal/integration/pagerduty/pd.go": "package pagerduty\n",
        "internal/integration/wallabag/wallabag_test.go": "package wallabag\n",
    })
    assert {"wallabag", "pagerduty"} <= ids(inv)
    wallabag = next(u for u in inv.services if u.id == "wallabag")
    assert wallabag.category == "external_api" and all("_test" not in e.path for e in wallabag.evidence)


def test_ci_platform_needs_its_config_not_only_its_env_vars(tmp_path):
    inv = scan(tmp_path, {
        "magefile.go": 'package main\n\nimport "os"\n\nvar tag = os.Getenv("DRONE_TAG")\n',
        ".github/workflows/ci.yml": "on: push\njobs:\n  t:\n    runs-on: ubuntu-latest\n    steps:\n      - run: make test\n",
    })
    assert "github-actions" in ids(inv)
    assert "drone" not in ids(inv)


def test_hosts_in_build_tooling_are_not_the_apps_apis(tmp_path):
    inv = scan(tmp_path, {
        "frontend/scripts/deploy-preview.mjs": 'await fetch("https://git.maintainer.dev/api/v1/repos/x/y/issues/1/comments");\n',
        "src/client.ts": 'fetch("https://api.pinboard.in/v1/posts/add");\n',
    })
    assert "pinboard" in ids(inv)
    assert "maintainer" not in ids(inv)


def test_umbrella_cloud_domains_name_no_vendor(tmp_path):
    inv = scan(tmp_path, {"lib/ads.ts": 'fetch("https://datamanager.googleapis.com/v1/audienceMembers:ingest");\n'})
    assert "googleapis" not in ids(inv)
    assert [h for h, _, _ in inv.other_hosts] == ["datamanager.googleapis.com"]  # still listed


def test_brand_domains_are_named_after_the_brand(tmp_path):
    inv = scan(tmp_path, {"lib/partners.ts": 'fetch("https://api.getrewardful.com/v1/affiliates");\n'
                                             'fetch("https://open.tiktokapis.com/v2/user/info/");\n'})
    assert {"rewardful", "tiktok"} <= ids(inv)


def test_brand_domain_of_a_catalogued_vendor_is_that_vendor(tmp_path):
    inv = scan(tmp_path, {"app/Http/LastfmController.php": "<?php\n$k = env('LASTFM_API_KEY');\n$u = sprintf('https://www.last.fm/api/auth/?api_key=%s', $k);\n"})
    assert "lastfm" in ids(inv) and "last" not in ids(inv)


def test_the_application_itself_is_not_its_own_dependency(tmp_path):
    files = {"package.json": '{"dependencies": {"dub": "^0.71.5", "stripe": "^14.0.0"}}',
             "lib/x.ts": 'import { Dub } from "dub";\nimport Stripe from "stripe";\nnew Dub(); new Stripe(key);\n'}
    assert "dub" not in ids(scan(tmp_path / "dub", files))
    assert {"dub", "stripe"} <= ids(scan(tmp_path / "shop", files))


def test_a_ci_platform_building_itself_is_its_own_ci(tmp_path):
    """Woodpecker's repository runs its pipelines on Woodpecker (`.woodpecker/*.yaml`): the
    pipeline files show the CI is used, whatever the repository's name."""
    files = {".woodpecker/test.yaml": "steps:\n  test:\n    image: golang\n    commands: [go test ./...]\n"}
    assert "woodpecker" in ids(scan(tmp_path / "woodpecker", files))
    assert "woodpecker" in ids(scan(tmp_path / "app", files))


def test_a_module_and_an_api_of_one_uncatalogued_vendor_are_one_service(tmp_path):
    inv = scan(tmp_path, {
        "app/integrations/my_mini_factory/base_client.rb": 'class BaseClient\n  URL = "https://www.myminifactory.com/api/v2/objects"\n  def get = Net::HTTP.get(URI(URL))\nend\n',
    })
    found = {u.id for u in inv.services} & {"myminifactory", "my-mini-factory"}
    assert len(found) == 1


def test_a_brand_domain_takes_the_name_the_modules_give_it(tmp_path):
    """api.acmeops.io called from `alerting/provider/acmeopsio/` is one vendor, "acmeopsio", not
    "acmeops" from the host plus "acmeopsio" from the module."""
    inv = scan(tmp_path, {
        "alerting/provider/acmeopsio/acmeopsio.go": 'package acmeopsio\n\nimport "net/http"\n\nconst URL = "https://api.acmeops.io/v2/alert_events/http/"\n\nfunc Send() { http.Post(URL, "application/json", nil) }\n',
    })
    assert ids(inv) & {"acmeops", "acmeopsio"} == {"acmeopsio"}


def test_a_call_only_the_vendors_snippet_makes_is_a_use_on_its_own(tmp_path):
    """Matomo Tag Manager's `_mtm.push` on a self-hosted Matomo: no package, env var or fixed
    host; a Matomo-looking call of another service's SDK alone stays quiet."""
    inv = scan(tmp_path, {"app/js/matomo.js": '// Call Matomo on page loads\ndocument.addEventListener("turbo:load", () => window._mtm?.push({ event: "mtm.PageView" }));\n'})
    assert "matomo" in ids(inv)
    inv = scan(tmp_path / "other", {"app/js/stripe.js": "// stripe\nconst c = customers.create({});\n"})
    assert "stripe" not in ids(inv)


def test_stock_framework_config_drivers_alone_are_not_services(tmp_path):
    # Laravel's config/*.php list every driver the framework supports; one read of its env
    # vars there is no use. The same vendor with a package, or declared in .env.example, is.
    inv = scan(tmp_path, {
        "composer.json": '{"require": {"laravel/framework": "^11.0", "symfony/mailgun-mailer": "^7.0"}}',
        "config/cache.php": "<?php\nreturn ['stores' => ['memcached' => ['servers' => [['host' => env('MEMCACHED_HOST', '127.0.0.1')]]]]];\n",
        "config/logging.php": "<?php\nreturn ['papertrail' => ['url' => env('PAPERTRAIL_URL'), 'port' => env('PAPERTRAIL_PORT')]];\n",
        "config/queue.php": "<?php\nreturn ['sqs' => ['prefix' => env('SQS_PREFIX', 'https://sqs.us-east-1.amazonaws.com/your-account-id')]];\n",
        "config/services.php": "<?php\nreturn ['mailgun' => ['domain' => env('MAILGUN_DOMAIN')], 'postmark' => ['token' => env('POSTMARK_TOKEN')]];\n",
        "config/broadcasting.php": "<?php\nreturn ['ably' => ['key' => env('ABLY_KEY')]];\n",
        ".env.example": "PAPERTRAIL_URL=\n",
    })
    found = ids(inv)
    assert not {"memcached", "aws-sqs", "postmark", "ably"} & found
    assert {"mailgun", "papertrail"} <= found  # a package; a declared env var


def test_dev_dependency_used_only_by_tests_is_no_service(tmp_path):
    # An SDK package's test suite runs against a local Redis: ioredis in devDependencies,
    # called in test/ only. The same dev dependency used by the app's code is a service.
    test = 'import Redis from "ioredis";\nexport const client = new Redis(process.env.TEST_REDIS);\n'
    inv = scan(tmp_path / "a", {"packages/sdk/package.json": '{"devDependencies": {"ioredis": "^5.3.0"}}',
                                "packages/sdk/test/helpers/redis.ts": test})
    assert "redis" not in ids(inv)
    inv = scan(tmp_path / "b", {"packages/sdk/package.json": '{"devDependencies": {"ioredis": "^5.3.0"}}',
                                "packages/sdk/src/cache.ts": test})
    assert "redis" in ids(inv)


def test_fixture_project_in_a_test_folder_is_no_service(tmp_path):
    # A test fixture project (its own package.json and wrangler.toml under src/fixtures/) on
    # which the tests check that the app's SDK bundles for Cloudflare Workers: no hosting of
    # the app's. The same project outside a test folder is deployed there.
    files = {"package.json": '{"name": "sdk", "dependencies": {"zod": "^3.0.0"}}',
             "compat/src/fixtures/worker/package.json": '{"devDependencies": {"wrangler": "^4.0.0"}}',
             "compat/src/fixtures/worker/wrangler.toml": 'name = "compat"\nmain = "src/index.ts"\n'}
    inv = scan(tmp_path / "a", files)
    assert "cloudflare-workers" not in ids(inv)
    inv = scan(tmp_path / "b", {k.replace("src/fixtures/", "src/"): v for k, v in files.items()})
    assert "cloudflare-workers" in ids(inv)


def test_a_variable_only_the_test_env_file_declares_is_no_service(tmp_path):
    # `.env.test`'s `ELASTICSEARCH_ENABLED=false`, a setting of the test suite no code reads:
    # no search engine of the app's. Declared in the app's own `.env.example`, it is one.
    files = {"composer.json": '{"name": "acme/app", "require": {"php": ">=8.2"}}',
             ".env.test": "KERNEL_CLASS='App\\Kernel'\nELASTICSEARCH_ENABLED=false\n"}
    inv = scan(tmp_path / "a", files)
    assert "elasticsearch" not in ids(inv)
    inv = scan(tmp_path / "b", {**files, ".env.example": "ELASTICSEARCH_ENABLED=true\nELASTICSEARCH_HOST=localhost\n"})
    assert "elasticsearch" in ids(inv)


def test_python_dev_group_package_no_code_uses_is_no_service(tmp_path):
    # logfire in a PEP 735 `[dependency-groups] dev` list, its setup commented out: a debugging
    # tool a developer installs, not shipped with the app. Imported by the app, it is a service;
    # in the project's own dependencies, it is one as well.
    dev = '[project]\nname = "app"\ndependencies = []\n\n[dependency-groups]\ndev = ["logfire>=0.51.0"]\n'
    inv = scan(tmp_path / "a", {"pyproject.toml": dev, "app/settings.py": "# import logfire\n# logfire.configure()\nDEBUG = True\n"})
    assert "logfire" not in ids(inv)
    inv = scan(tmp_path / "b", {"pyproject.toml": dev, "app/settings.py": "import logfire\n\nlogfire.configure()\n"})
    assert "logfire" in ids(inv)
    inv = scan(tmp_path / "c", {"pyproject.toml": '[project]\nname = "app"\ndependencies = ["logfire>=0.51.0"]\n'})
    assert "logfire" in ids(inv)


def test_npm_dev_dependency_no_code_imports_is_no_service(tmp_path):
    # nodemailer in a workspace's devDependencies, never imported (a peer of next-auth's email
    # provider, kept for its types): a front-end build bundles only what code imports, so it
    # ships nothing. Imported, it is the app's SMTP; in `dependencies`, a declared service.
    pkg = '{"name": "db", "devDependencies": {"nodemailer": "^6.9.0"}}'
    inv = scan(tmp_path / "a", {"packages/database/package.json": pkg, "packages/database/index.ts": "export const db = 1;\n"})
    assert "smtp" not in ids(inv)
    inv = scan(tmp_path / "b", {"packages/database/package.json": pkg,
                                "packages/database/mail.ts": 'import nodemailer from "nodemailer";\nexport const t = nodemailer.createTransport({});\n'})
    assert "smtp" in ids(inv)
    inv = scan(tmp_path / "c", {"packages/database/package.json": '{"name": "db", "dependencies": {"nodemailer": "^6.9.0"}}'})
    assert "smtp" in ids(inv)


def test_sdk_calls_need_more_than_a_lockfile_entry(tmp_path):
    # @azure/storage-blob pulled in by another package, and the app's own `uploadFile(`
    # helper: the call pattern's common name with a transitive dependency is no use.
    lock = '{"lockfileVersion": 3, "packages": {"node_modules/@azure/storage-blob": {"version": "12.26.0"}}}'
    code = "export async function uploadFile(file: File, blob: Blob) {\n  return fetch('/upload', { method: 'PUT', body: blob });\n}\n"
    inv = scan(tmp_path / "a", {"package.json": '{"dependencies": {"snowflake-sdk": "^2.0.0"}}',
                                "package-lock.json": lock, "src/files.ts": code})
    assert "azure-blob-storage" not in ids(inv)
    # Declared by the app itself, the same call is its use.
    inv = scan(tmp_path / "b", {"package.json": '{"dependencies": {"@azure/storage-blob": "^12.26.0"}}',
                                "package-lock.json": lock, "src/files.ts": code})
    assert inv.get("azure-blob-storage").strength == "used"


def test_stock_framework_driver_without_its_adapter_is_no_service(tmp_path):
    # Laravel's stock `rackspace` disk, beside other disks' bucket settings (`'visibility'`, read
    # as facts of every disk in the file): with no league/flysystem-rackspace installed the
    # framework cannot load the driver. An app setting that is no driver (a Gravatar URL) stays.
    files = {
        "composer.json": '{"require": {"laravel/framework": "^11.0", "league/flysystem-aws-s3-v3": "^3.0"}}',
        "config/filesystems.php": "<?php\nreturn ['disks' => [\n"
        "  's3_private' => ['driver' => 's3', 'bucket' => env('PRIVATE_AWS_BUCKET'), 'visibility' => 'private'],\n"
        "  'rackspace' => ['driver' => 'rackspace', 'username' => 'your-username',\n"
        "    'endpoint' => 'https://identity.api.rackspacecloud.com/v2.0/'],\n]];\n",
        "config/services.php": "<?php\nreturn ['gravatar' => ['url' => 'https://www.gravatar.com/avatar']];\n",
    }
    inv = scan(tmp_path / "a", files)
    assert "rackspace-cloud-files" not in ids(inv)
    assert {"aws-s3", "gravatar"} <= ids(inv)
    files["composer.json"] = '{"require": {"laravel/framework": "^11.0", "league/flysystem-rackspace": "^1.0"}}'
    inv = scan(tmp_path / "b", files)
    assert "rackspace-cloud-files" in ids(inv)


def test_stock_framework_config_in_a_configuration_folder(tmp_path):
    # An app embedding Laravel's stock config arrays in its own core
    # (app/Core/Configuration/laravelConfig.php): the `beanstalkd` queue connection with no
    # pda/pheanstalk installed is a menu entry the framework cannot load, as in config/queue.php.
    files = {
        "composer.json": '{"require": {"laravel/framework": "^11.0"}}',
        "app/Core/Configuration/laravelConfig.php": "<?php\nreturn ['queue' => ['connections' => [\n"
        "  'beanstalkd' => ['driver' => 'beanstalkd', 'host' => env('BEANSTALKD_QUEUE_HOST', 'localhost')],\n]]];\n",
    }
    assert "beanstalkd" not in ids(scan(tmp_path / "a", files))
    files["composer.json"] = '{"require": {"laravel/framework": "^11.0", "pda/pheanstalk": "^5.0"}}'
    assert "beanstalkd" in ids(scan(tmp_path / "b", files))


def test_ip_addresses_and_documentation_links_are_not_vendors(tmp_path):
    inv = scan(tmp_path, {
        "app/sentinel.php": "<?php\n$url = 'http://127.0.0.1:8888/api/health';\n",
        "views/api.py": 'msg = "see https://api.data.gov/docs/rate-limits/ for more information"\n',
    })
    assert not {"0", "127", "data"} & ids(inv)


def test_short_oauth_credential_names_and_app_prefixed_auth_names(tmp_path):
    """AUTH_GOOGLE_CID / AUTH_GOOGLE_CSEC (Go sign-in options) and GOOGLE_AUTH_CLIENT_ID are
    Google sign-in; the AUTH_URL tail of a custom provider's AUTH_CUSTOM_AUTH_URL is not Auth.js."""
    inv = scan(tmp_path, {".env.example": "AUTH_GOOGLE_CID=\nAUTH_DISCORD_CSEC=\nAUTH_CUSTOM_AUTH_URL=\n",
                          "config/google.rb": 'ENV["GOOGLE_AUTH_CLIENT_ID"]\n'})
    assert {"google-oauth", "discord-oauth"} <= ids(inv)
    assert "nextauth" not in ids(inv)


def test_a_module_wrapping_another_vendors_api_is_that_vendor(tmp_path):
    """`integrations/aggregator/` calls api.nango.dev: the folder names a role, Nango is the vendor;
    a notification handler whose only URL is a localhost fallback calls nowhere."""
    inv = scan(tmp_path / "billing", {
        "app/services/integrations/aggregator/base_service.rb": 'BASE_URL = "https://api.nango.dev/"\n'
                                                                "Net::HTTP.post(URI(BASE_URL + 'proxy'), body)\n",
        "worker/src/features/notifications/commentMentionHandler.ts":
            'const baseUrl = process.env.NEXTAUTH_URL || "http://localhost:3000";\nawait sendEmail(baseUrl);\n',
    })
    assert "nango" in ids(inv)
    assert not ({"aggregator", "commentmention"} & ids(inv))


def test_commented_out_example_env_vars_alone_are_not_services(tmp_path):
    inv = scan(tmp_path, {".env.example": "# Betterstack Status Page\n# BETTERSTACK_UPTIME_API_KEY=\nSENTRY_DSN=\n"})
    assert "sentry" in ids(inv)
    assert "better-stack" not in ids(inv)


def test_runtime_platform_env_reads_alone_are_not_hosting(tmp_path):
    inv = scan(tmp_path, {
        "src/views.py": 'import os\ninstall = "kubernetes" if os.environ.get("KUBERNETES_SERVICE_HOST") else "docker"\n',
    })
    assert "kubernetes" not in ids(inv)


def test_python_auth_library_provider_modules(tmp_path):
    inv = scan(tmp_path, {
        "app/oauth.py": (
            "from flask_dance.contrib.github import make_github_blueprint\n"
            "from flask_dance.contrib.azure import make_azure_blueprint\n"
            "from allauth.socialaccount.providers.oauth2.views import OAuth2Adapter\n"
            "from allauth.socialaccount.providers.openid_connect.views import x\n"
            "from allauth.socialaccount.providers.naver.provider import NaverProvider\n"
        ),
    })
    found = ids(inv)
    assert {"github-oauth", "microsoft-entra-id", "oidc", "naver-oauth"} <= found
    assert "oauth2-oauth" not in found and "github" not in found


def test_django_installed_apps_name_allauth_providers(tmp_path):
    inv = scan(tmp_path, {
        "requirements.txt": "django-allauth==65.0\n",
        "app/settings.py": "INSTALLED_APPS = [\n    'allauth',\n    'allauth.socialaccount.providers.kakao',\n"
                           "    'allauth.socialaccount.providers.github',\n]\n",
    })
    assert {"kakao-oauth", "github-oauth"} <= ids(inv)


def test_the_apps_own_domain_with_a_suffix_is_not_a_vendor(tmp_path):
    """kavita calling plus.kavitareader.com: its own service, like typebot calling typebot.io."""
    inv = scan(tmp_path / "kavita", {
        "API/Config.cs": 'public static string PlusApiUrl = "https://plus.kavitareader.com";\n',
        "API/Stats.cs": 'private const string ApiUrl = "https://api.statsvendor.io";\n',
    })
    assert "kavitareader" not in ids(inv)
    assert "statsvendor" in ids(inv)


def test_a_catalog_vendors_module_posting_to_another_vendors_api_is_that_vendor(tmp_path):
    """healthchecks' `integrations/whatsapp/` sends through api.twilio.com: Twilio is the
    service; a module that calls its own vendor still names it."""
    inv = scan(tmp_path, {
        "hc/integrations/whatsapp/transport.py": 'import requests\nURL = "https://api.twilio.com/2010-04-01/Accounts/%s/Messages.json"\nrequests.post(URL)\n',
        "hc/integrations/whatsapp/views.py": "def add_whatsapp(request):\n    pass\n",
        "hc/integrations/telegram/transport.py": 'import requests\nrequests.post("https://api.telegram.org/bot1/sendMessage")\n',
    })
    assert {"twilio", "telegram"} <= ids(inv)
    assert "whatsapp" not in ids(inv)


def test_a_vendors_branch_over_an_enum_of_vendors_reads_other_hosts_inside_the_branch_only(tmp_path):
    """ryot's notification match holds every vendor's branch in one file: Telegram's branch
    posting to api.telegram.org is no sign that Discord's branch (posting to the user's webhook
    URL) delivers through Telegram. A branch with another vendor's host inside it still does."""
    inv = scan(tmp_path, {
        "crates/notification/src/lib.rs": (
            "pub async fn send(s: &NotificationPlatformSpecifics, msg: &str) -> Result<()> {\n"
            "    match s {\n"
            "        NotificationPlatformSpecifics::Discord { url } => {\n"
            "            client.post(url).json(&json!({\"content\": msg})).send().await?;\n"
            "        }\n"
            "        NotificationPlatformSpecifics::Telegram { token } => {\n"
            "            client.post(format!(\"https://api.telegram.org/bot{token}/sendMessage\")).send().await?;\n"
            "        }\n"
            "        NotificationPlatformSpecifics::Whatsapp { sid } => {\n"
            "            client.post(\"https://api.twilio.com/2010-04-01/Accounts/x/Messages.json\").send().await?;\n"
            "        }\n"
            "    }\n"
            "    Ok(())\n"
            "}\n"),
    })
    assert {"discord", "telegram", "twilio"} <= ids(inv)
    assert "whatsapp" not in ids(inv)


def test_a_product_module_calling_its_companys_gateway_or_identity_platform_names_the_product(tmp_path):
    """alist's `drivers/onedrive/` reads the drive through graph.microsoft.com (the catalog's
    "Microsoft OneDrive" is Microsoft's), and `drivers/webdav/` fetches a SharePoint cookie by
    signing in at login.microsoftonline.com: neither delivers through another vendor."""
    inv = scan(tmp_path, {
        "drivers/onedrive/util.go": (
            'package onedrive\nimport "net/http"\n'
            'func list() { http.Get("https://graph.microsoft.com/v1.0/me/drive/root/children") }\n'),
        "drivers/webdav/odrvcookie/fetch.go": (
            'package odrvcookie\nimport "net/http"\n'
            'func fetch() { http.Post("https://login.microsoftonline.com/extSTS.srf", "", nil) }\n'),
    })
    assert {"onedrive", "webdav"} <= ids(inv)


def test_an_auth_library_needs_its_package_not_only_its_env_names(tmp_path):
    """NEXTAUTH_SECRET kept as the secret's name after a move to Better Auth is no NextAuth."""
    inv = scan(tmp_path, {
        "package.json": '{"dependencies": {"better-auth": "^1.0.0"}}',
        "utils/auth.ts": 'import { betterAuth } from "better-auth";\n'
                         'export const a = betterAuth({ secret: process.env.NEXTAUTH_SECRET });\n'
                         'export const s = (h) => a.api.getSession({ headers: h });\n',
    })
    assert "nextauth" not in ids(inv)
    inv = scan(tmp_path / "other", {
        "package.json": '{"dependencies": {"next-auth": "^4.0.0"}}',
        "lib/auth.ts": 'import NextAuth from "next-auth";\nexport default NextAuth({ secret: process.env.NEXTAUTH_SECRET });\n',
    })
    assert "nextauth" in ids(inv)


def test_an_umbrella_sdk_call_only_in_tests_proves_nothing(tmp_path):
    inv = scan(tmp_path, {
        "requirements.txt": "boto3==1.35\n",
        "app/notify.py": 'import boto3\nboto3.client("sns").publish(TopicArn=t, Message=m)\n',
        "app/tests/test_notify.py": 'import boto3\nsqs = boto3.client("sqs")\nsqs.receive_message(QueueUrl=q)\n',
    })
    assert "aws-sns" in ids(inv)
    assert "aws-sqs" not in ids(inv)


def test_a_documentation_sites_services_are_not_the_apps(tmp_path):
    inv = scan(tmp_path, {
        "docs/package.json": '{"dependencies": {"@docsearch/js": "^3.0.0"}}',
        "docs/assets/js/search.js": 'import docsearch from "@docsearch/js";\ndocsearch({});\n',
        "web/package.json": '{"dependencies": {"@sentry/react": "^8.0.0"}}',
    })
    assert "algolia" not in ids(inv)
    assert "sentry" in ids(inv)


def test_a_mysql_driver_beside_mariadb_alone_is_mariadbs(tmp_path):
    """MariaDB speaks MySQL's protocol: `mysql2` in an app whose only such database is MariaDB
    (its compose image) is MariaDB's driver, not a MySQL server as well."""
    tree = {
        "package.json": '{"dependencies": {"mysql2": "^3.0.0", "knex": "^3.0.0"}}',
        "docker-compose.yml": "services:\n  db:\n    image: mariadb:11\n",
    }
    write_tree(tmp_path, tree)
    inv, _ = build_inventory(Scanner(), [tmp_path], tmp_path, analysis_date="2026-01-01")
    found = {u.id for u in inv.services}
    assert "mariadb" in found and "mysql" not in found
    # Anything else that names MySQL (its image, its env vars) keeps it a service of its own.
    tree["docker-compose.yml"] += "  mysql:\n    image: mysql:8\n"
    write_tree(tmp_path, tree)
    inv, _ = build_inventory(Scanner(), [tmp_path], tmp_path, analysis_date="2026-01-01")
    assert {"mariadb", "mysql"} <= {u.id for u in inv.services}


def test_an_mmdb_reader_beside_a_datasets_download_url_reads_that_dataset(tmp_path):
    """A free MMDB dataset downloaded from its GitHub releases (a catalog call that proves the
    dataset alone, no host of its own) is what the MMDB reader reads: no MaxMind as well."""
    tree = {
        "composer.json": '{"require": {"maxmind-db/reader": "^1.11"}}',
        "src/GeoIP/Reader.php": "<?php\nclass Reader\n{\n    public function update(): void\n    {\n"
        "        $url = 'https://github.com/HostByBelle/IP-Geolocation-DB/releases/latest/download/cc0-both-country.mmdb';\n"
        "        file_put_contents('country.mmdb', file_get_contents($url));\n    }\n}\n",
    }
    write_tree(tmp_path, tree)
    inv, _ = build_inventory(Scanner(), [tmp_path], tmp_path, analysis_date="2026-01-01")
    found = {u.id for u in inv.services}
    assert "hostbybelle-ip-geolocation-db" in found and "maxmind" not in found


def test_mysql_env_of_a_mariadb_container_is_mariadbs(tmp_path):
    """The mariadb image reads MYSQL_ROOT_PASSWORD: declared on that compose service it configures
    MariaDB, no MySQL server; the same name in a file without MariaDB's image still names MySQL."""
    tree = {"docker-compose.yml": "services:\n  mariadb:\n    image: mariadb:10.8\n"
                                  "    environment:\n      MYSQL_ROOT_PASSWORD: 123\n"}
    write_tree(tmp_path, tree)
    inv, _ = build_inventory(Scanner(), [tmp_path], tmp_path, analysis_date="2026-01-01")
    found = {u.id for u in inv.services}
    assert "mariadb" in found and "mysql" not in found
    tree["deploy/docker-compose.yml"] = "services:\n  app:\n    image: acme/app\n    environment:\n      MYSQL_HOST: db\n"
    write_tree(tmp_path, tree)
    inv, _ = build_inventory(Scanner(), [tmp_path], tmp_path, analysis_date="2026-01-01")
    assert {"mariadb", "mysql"} <= {u.id for u in inv.services}
    # beside the app's own MySQL driver the variables are the app's MySQL too: both stay
    go = {"docker-compose.yml": tree["docker-compose.yml"],
          "go.mod": "module example.com/blog\n\ngo 1.22\n\nrequire github.com/go-sql-driver/mysql v1.8.1\n",
          "database.go": 'package main\n\nimport (\n\t"database/sql"\n\n\t_ "github.com/go-sql-driver/mysql"\n)\n\n'
                         'func open(dsn string) (*sql.DB, error) { return sql.Open("mysql", dsn) }\n'}
    write_tree(tmp_path / "go", go)
    inv, _ = build_inventory(Scanner(), [tmp_path / "go"], tmp_path / "go", analysis_date="2026-01-01")
    assert {"mariadb", "mysql"} <= {u.id for u in inv.services}


def test_a_driver_for_each_of_mysql_and_mariadb_supports_both(tmp_path):
    """A build profile per database (Quarkus' MySQL and MariaDB JDBC extensions): MariaDB known
    only by its own driver does not take the MySQL driver, both are supported."""
    inv = scan(tmp_path, {"pom.xml": (
        "<project><dependencies>\n"
        "<dependency><groupId>io.quarkus</groupId><artifactId>quarkus-jdbc-mysql</artifactId></dependency>\n"
        "<dependency><groupId>io.quarkus</groupId><artifactId>quarkus-jdbc-mariadb</artifactId></dependency>\n"
        "</dependencies></project>\n")})
    assert {"mariadb", "mysql"} <= ids(inv)


def test_packages_composer_installs_inside_the_tree_are_not_the_apps(tmp_path):
    """composer's `config.vendor-dir` (FreshRSS installs into `lib/`, committed): SimplePie's
    optional Memcached and Redis caches are the library's, not the app's; the app's own use of
    PHPMailer, beside them in `lib/`, still counts."""
    tree = {
        "lib/composer.json": '{"require": {"simplepie/simplepie": "dev-master", "phpmailer/phpmailer": "6.9.1"},'
                             ' "config": {"vendor-dir": "./"}}',
        "lib/simplepie/simplepie/src/Cache/Redis.php": "<?php\nuse Predis\\Client;\n$this->redis = new Client($options);\n",
        "lib/simplepie/simplepie/src/Cache/Memcached.php": "<?php\n$this->cache = new \\Memcached();\n"
                                                           "$this->cache->addServer(getenv('MEMCACHED_HOST'), 11211);\n",
        "lib/Minz/Mailer.php": "<?php\nuse PHPMailer\\PHPMailer\\PHPMailer;\n$mail = new PHPMailer(true);\n$mail->isSMTP();\n",
    }
    found = ids(scan(tmp_path / "app", tree))
    assert "smtp" in found
    assert not {"redis", "memcached"} & found
    # Without the vendor-dir those folders are the app's own code.
    tree["lib/composer.json"] = '{"require": {"simplepie/simplepie": "dev-master", "phpmailer/phpmailer": "6.9.1"}}'
    assert {"redis", "memcached"} <= ids(scan(tmp_path / "plain", tree))


def test_mariadb_only_in_a_ci_test_matrix_leaves_the_mysql_driver_mysqls(tmp_path):
    write_tree(tmp_path, {
        "Gemfile": "source 'https://rubygems.org'\ngem 'mysql2'\n",
        ".github/workflows/test.yml": (
            "on: push\njobs:\n  t:\n    runs-on: ubuntu-latest\n    services:\n"
            "      mariadb:\n        image: mariadb\n    steps:\n      - run: bin/rails test\n"
        ),
    })
    inv, _ = build_inventory(Scanner(), [tmp_path], tmp_path, analysis_date="2026-01-01")
    assert {"mariadb", "mysql"} <= {u.id for u in inv.services}


def test_another_api_host_of_a_found_service_is_no_new_vendor(tmp_path):
    """storeapi.kobo.com is the catalog's Kobo store; authorize.kobo.com/api/… on the same
    domain is that service's too, not an uncatalogued "kobo"."""
    write_tree(tmp_path, {"app/kobo.py": (
        'import requests\n'
        'STORE = "https://storeapi.kobo.com"\n'
        'requests.get(STORE + "/v1/initialization")\n'
        'REFERRAL = "https://authorize.kobo.com/api/AuthenticatedReferral/client/v1/getLink"\n'
    )})
    inv, _ = build_inventory(Scanner(), [tmp_path], tmp_path, analysis_date="2026-01-01")
    found = {u.id for u in inv.services}
    assert "kobo-store" in found and "kobo" not in found


def test_go_test_helper_files_are_tests(tmp_path):
    """`x/tests.go`, `internal/testutil/`: Go helpers only _test.go files import."""
    inv = scan(tmp_path, {
        "x/tests.go": 'package x\n\nimport "testing"\n\nconst Bin = "https://httpbin-abc123-ez.a.run.app"\n',
    })
    assert "google-cloud-run" not in ids(inv)


def test_a_helm_chart_dependency_names_the_service_of_its_image():
    from mkdocs_integrations.catalog import load_catalog
    from mkdocs_integrations.catalog.index import CatalogIndex

    index = CatalogIndex(load_catalog())
    assert index.chart("minio") == "minio"  # bitnami/minio, minio/minio: the chart bitnami publishes
    assert index.chart("redis") == index.image("redis") == "redis"
    assert index.image("minio") is None  # a bare image name keeps its exact lookup


def test_the_application_itself_is_no_dependency(tmp_path):
    """Lago's own API repository reads LAGO_ settings of its own: scanned as `lago-api` (the
    app and a part suffix) it is not a user of Lago; any other app reading them is."""
    files = {".env.example": "LAGO_API_URL=\nLAGO_API_KEY=\n"}
    assert "lago" not in ids(scan(tmp_path / "lago-api", files))
    assert "lago" in ids(scan(tmp_path / "shop", files))


def test_a_request_to_a_hosting_platforms_api_is_a_use(tmp_path):
    """A platform's env names alone may be injected by it; a request to its API (purging
    Fastly's cache) shows the app uses it."""
    purge = 'class Fastly\n  def purge(key)\n    HTTP.post("https://api.fastly.com/service/#{ENV["FASTLY_SERVICE_ID"]}/purge/#{key}")\n  end\nend\n'
    assert "fastly" in ids(scan(tmp_path / "a", {"lib/fastly.rb": purge}))
    assert "fastly" not in ids(scan(tmp_path / "b", {"lib/cdn.rb": 'SERVICE = ENV["FASTLY_SERVICE_ID"]\n'}))



def test_an_image_in_the_apps_own_namespace_is_its_own_component(tmp_path):
    """`acme/vault` scanned in `acme` is the app's own vault service, not HashiCorp Vault by
    the image's last name, and its VAULT_TOKEN is that component's; another namespace's
    `vault` image still reads as the vendor's."""
    files = {
        "docker-compose.yaml": "services:\n  vault:\n    image: acme/vault:dev\n",
        "web/lib/env.ts": "export const token = process.env.VAULT_TOKEN;\n",
    }
    assert "hashicorp-vault" not in ids(scan(tmp_path / "acme", files))
    files["docker-compose.yaml"] = "services:\n  vault:\n    image: someorg/vault:1.15\n"
    assert "hashicorp-vault" in ids(scan(tmp_path / "other", files))


def test_a_test_stacks_stand_in_is_no_service_but_its_databases_are(tmp_path):
    """MinIO in a test compose file stands in for S3 while the tests run: neither the image nor
    a store's `PutObject(` beside it is MinIO; a test stack's MariaDB is a database the app supports."""
    files = {
        "pkg/testutil/docker-compose.test.yaml": (
            "services:\n  s3:\n    image: quay.io/minio/minio:latest\n    environment:\n      MINIO_ROOT_USER: minio\n"
            "  mariadb:\n    image: mariadb:11\n"
        ),
        "svc/vault/storage/disk.go": "package storage\n\nfunc (d *disk) PutObject(key string, data []byte) error { return nil }\n",
    }
    found = ids(scan(tmp_path / "a", files))
    assert "minio" not in found and "mariadb" in found
    files["docker-compose.yaml"] = "services:\n  s3:\n    image: minio/minio\n"
    assert "minio" in ids(scan(tmp_path / "b", files))  # the app's own stack runs it
def test_a_host_only_in_old_schema_migrations_is_no_service(tmp_path):
    """kanboard-style: a schema of numbered version functions created, then dropped, HipChat's
    settings; nothing else calls HipChat."""
    inv = scan(tmp_path / "app", {
        "app/Schema/Sqlite.php": (
            "<?php\nconst VERSION = 70;\n\nfunction version_70(PDO $pdo)\n{\n"
            "    $pdo->exec('ALTER TABLE project_integrations DROP COLUMN hipchat_api_url');\n}\n\n"
            "function version_65(PDO $pdo)\n{\n"
            "    $pdo->exec(\"CREATE TABLE project_integrations (hipchat_api_url TEXT DEFAULT 'https://api.hipchat.com')\");\n"
            "    $rq = $pdo->prepare('INSERT INTO settings VALUES (?, ?)');\n"
            "    $rq->execute(array('integration_hipchat_api_url', 'https://api.hipchat.com'));\n}\n"),
    })
    assert "hipchat" not in ids(inv)


def test_a_products_module_calling_its_companys_api_gateway_is_that_product(tmp_path):
    """A Microsoft Teams module creating meetings through Microsoft Graph delivers through
    Microsoft's own gateway: Teams is the service (unlike a WhatsApp module posting to Twilio)."""
    inv = scan(tmp_path / "app", {
        "app/integrations/microsoft_teams/client.py": (
            "import requests\n\n\ndef meeting(token, user):\n"
            '    return requests.post(f"https://graph.microsoft.com/v1.0/users/{user}/onlineMeetings", headers={"Authorization": token})\n'),
    })
    assert {"microsoft-teams", "microsoft-graph"} <= ids(inv)


def test_an_umbrella_sdk_call_in_another_language_proves_nothing(tmp_path):
    # boto3 is declared for a Python SDK's tests; `.SendMessage(` in a Go file is Slack's, and
    # a Go Google KMS client's `.keys(` no AWS KMS: a call counts in the umbrella's own language.
    base = {
        "sdk/pyproject.toml": '[project]\nname = "x"\ndependencies = ["boto3>=1.34"]\n',
        "sdk/x/store.py": "import boto3\ns3 = boto3.client('sts')\n",
    }
    inv = scan(tmp_path / "a", {**base, "cmd/report/slack.go": (
        'package main\n\nimport (\n\t"github.com/aws/aws-sdk-go-v2/service/s3"\n\t"github.com/slack-go/slack"\n)\n\n'
        'type Sender struct { s3 *s3.Client }\n\n'
        'func post(c *slack.Client) { c.SendMessage("C1", slack.MsgOptionText("done", false)) }\n')})
    assert "aws-sqs" not in ids(inv)
    inv = scan(tmp_path / "b", {**base, "sdk/x/queue.py": (
        "import boto3\nsqs = boto3.client('sqs')\nsqs.send_message(QueueUrl=q, MessageBody=b)\n")})
    assert "aws-sqs" in ids(inv)


def test_a_generated_api_clients_ci_files_are_boilerplate(tmp_path):
    # OpenAPI Generator writes a .gitlab-ci.yml into every client it emits; the repository's own
    # CI runs elsewhere. A nested .gitlab-ci.yml outside such a folder still counts.
    client = "sdks/ruby/lib/clients/rest/"
    ci = ".ruby: &ruby\n  script:\n    - bundle exec rspec\n"
    inv = scan(tmp_path / "a", {client + ".openapi-generator-ignore": "# ignore\n", client + ".gitlab-ci.yml": ci})
    assert "gitlab-ci" not in ids(inv)
    inv = scan(tmp_path / "b", {client + ".gitlab-ci.yml": ci})
    assert "gitlab-ci" in ids(inv)


def test_a_social_sign_in_connector_package_is_the_vendors_sign_in(tmp_path):
    """`packages/connectors/connector-discord/` building Discord's authorize URL and reading
    /users/@me is "Sign in with Discord" (every file of the package), not Discord's API; an
    SMS connector package beside it stays the vendor's API service."""
    write_tree(tmp_path, {
        "packages/connectors/connector-discord/src/constant.ts":
            "export const authorizationEndpoint = 'https://discord.com/oauth2/authorize';\n"
            "export const accessTokenEndpoint = 'https://discord.com/api/v10/oauth2/token';\n"
            "export const userInfoEndpoint = 'https://discord.com/api/v10/users/@me';\n",
        "packages/connectors/connector-discord/src/types.ts": "export type DiscordConfig = { clientId: string };\n",
        "packages/connectors/connector-discord/src/index.ts":
            "import { authorizationEndpoint } from './constant.js';\nexport const getAuthorizationUri = () => authorizationEndpoint;\n",
        "packages/connectors/connector-twilio-sms/src/constant.ts":
            "export const endpoint = 'https://api.twilio.com/2010-04-01/Accounts/{accountSID}/Messages.json';\n",
    })
    inv, _ = build_inventory(Scanner(), [tmp_path], tmp_path, analysis_date="2026-01-01")
    found = {s.id for s in inv.services}
    assert "discord-oauth" in found and "discord" not in found
    assert "twilio" in found and not any(s.startswith("connector") for s in found)


def test_a_shared_vendor_host_alone_is_the_vendors_api(tmp_path):
    """graph.facebook.com (Facebook Login's host) read for a page's share count and
    connect.facebook.net loading the JS SDK (sdk.js, no `fbq`): Meta's Graph API, neither a
    sign-in nor a Pixel. A sign-in's own config, or the Pixel's `fbq('init')`, keeps each."""
    tree = {
        "resources/views/dashboard.blade.php": (
            "<script>$.getJSON('https://graph.facebook.com/?id=' + url, function (d) { show(d.shares); });</script>\n"),
        "resources/views/partials/sdk.blade.php": (
            '<script>js.src = "//connect.facebook.net/en_GB/sdk.js#xfbml=1&version=v2.5";</script>\n'),
    }
    found = ids(scan(tmp_path / "a", tree))
    assert "facebook" in found and not {"facebook-login", "meta-pixel"} & found
    tree["resources/views/partials/pixel.blade.php"] = (
        "<script src=\"https://connect.facebook.net/en_US/fbevents.js\"></script>\n<script>fbq('init', '{{ $pixel }}');</script>\n")
    tree[".env.example"] = "FACEBOOK_APP_ID=\nFACEBOOK_APP_SECRET=\n"
    found = ids(scan(tmp_path / "b", tree))
    assert {"facebook-login", "meta-pixel"} <= found
