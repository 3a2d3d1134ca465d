"""Which candidate services the inventory keeps (inventory/keep.py): evidence that is real but
proves no use (lockfile entries, test-only tools, stock framework config, the app itself) drops
the service, seen through whole scans of realistic trees."""

from __future__ import annotations

from helpers import scan_tree as scan
from helpers import service_ids as ids


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
        # a config file named for its service is the app's own, no framework ships it
        "config/thumbor.php": "<?php\nreturn ['key' => env('THUMBOR_KEY'), 'url' => env('THUMBOR_URL', 'http://localhost:8889/')];\n",
        ".env.example": "PAPERTRAIL_URL=\n",
    })
    found = ids(inv)
    assert not {"memcached", "aws-sqs", "postmark", "ably"} & found
    assert {"mailgun", "papertrail", "thumbor"} <= found  # a package; a declared env var; its own config


def test_a_disk_the_app_added_to_stock_framework_config_is_a_service(tmp_path):
    # Laravel's stock `s3` disk reads AWS_BUCKET whether or not the app uses S3; a
    # DigitalOcean Spaces disk added beside it reads names no stock file has: the app's choice.
    disks = ("<?php\nreturn ['disks' => [\n"
             "  's3' => ['driver' => 's3', 'key' => env('AWS_ACCESS_KEY_ID'), 'bucket' => env('AWS_BUCKET'),\n"
             "           'url' => env('AWS_URL')],\n"
             "  'do_spaces' => ['driver' => 's3', 'key' => env('DO_SPACES_KEY'), 'bucket' => env('DO_SPACES_BUCKET'),\n"
             "                  'endpoint' => env('DO_SPACES_ENDPOINT')],\n]];\n")
    # A package's published config (config/ai.php) and services.php are menus whatever their
    # names: an entry there is read only when code asks for it.
    inv = scan(tmp_path, {
        "composer.json": '{"require": {"laravel/framework": "^11.0"}}',
        "config/filesystems.php": disks,
        "config/ai.php": "<?php\nreturn ['providers' => ['jina' => ['key' => env('JINA_API_KEY')]]];\n",
        "config/services.php": "<?php\nreturn ['bitbucket' => ['client_id' => env('BITBUCKET_CLIENT_ID')]];\n",
    })
    assert "digitalocean-spaces" in ids(inv)
    assert not {"aws-s3", "jina-ai", "bitbucket"} & ids(inv)


def test_stock_env_template_lines_beside_stock_config_are_not_services(tmp_path):
    # Laravel's own .env.example declares Pusher's and the S3 disk's settings; an app created
    # from it keeps them (and its .env.testing copies them) while broadcasting to the log. Without
    # pusher/pusher-php-server or the S3 adapter nothing reads them. The app's own MAIL_HOST
    # stays its SMTP server, and Pusher with its package stays Pusher.
    files = {
        "composer.json": '{"require": {"laravel/framework": "^10.0"}}',
        "config/broadcasting.php": "<?php\nreturn ['connections' => ['pusher' => ['driver' => 'pusher',\n"
                                   "  'key' => env('PUSHER_APP_KEY'), 'secret' => env('PUSHER_APP_SECRET'), 'app_id' => env('PUSHER_APP_ID'),\n"
                                   "  'options' => ['cluster' => env('PUSHER_APP_CLUSTER')]]]];\n",
        "config/filesystems.php": "<?php\nreturn ['disks' => ['s3' => ['driver' => 's3', 'bucket' => env('AWS_BUCKET')]]];\n",
        "config/mail.php": "<?php\nreturn ['mailers' => ['smtp' => ['transport' => 'smtp', 'host' => env('MAIL_HOST')]]];\n",
        ".env.example": "BROADCAST_CONNECTION=log\nMAIL_MAILER=smtp\nMAIL_HOST=smtp.example.com\n"
                        "PUSHER_APP_ID=\nPUSHER_APP_KEY=\nPUSHER_APP_SECRET=\nPUSHER_APP_CLUSTER=mt1\n"
                        'MIX_PUSHER_APP_KEY="${PUSHER_APP_KEY}"\n',
        ".env.testing": "APP_ENV=testing\nAWS_ACCESS_KEY_ID=\nAWS_BUCKET=\n",
    }
    found = ids(scan(tmp_path / "forms", files))
    assert not {"pusher", "aws-s3"} & found
    assert "smtp" in found
    files["composer.json"] = '{"require": {"laravel/framework": "^10.0", "pusher/pusher-php-server": "^7.2"}}'
    assert "pusher" in ids(scan(tmp_path / "broadcasts", files))


def test_stock_memcached_host_in_env_template_is_no_service(tmp_path):
    # Laravel 8+'s .env.example declares MEMCACHED_HOST=127.0.0.1 for the stock memcached cache
    # store while caching to files: the template's line, not the app's choice. An app that
    # selects the store (CACHE_DRIVER=memcached) uses Memcached.
    cache = ("<?php\nreturn ['default' => env('CACHE_DRIVER', 'file'), 'stores' => [\n"
             "  'memcached' => ['driver' => 'memcached', 'persistent_id' => env('MEMCACHED_PERSISTENT_ID'),\n"
             "    'servers' => [['host' => env('MEMCACHED_HOST', '127.0.0.1'), 'port' => env('MEMCACHED_PORT', 11211)]]],\n"
             "]];\n")
    files = {
        "composer.json": '{"require": {"laravel/framework": "^9.0"}}',
        "config/cache.php": cache,
        ".env.example": "CACHE_DRIVER=file\nSESSION_DRIVER=file\n\nMEMCACHED_HOST=127.0.0.1\n",
    }
    assert "memcached" not in ids(scan(tmp_path / "stock", files))
    files[".env.example"] = "CACHE_DRIVER=memcached\n\nMEMCACHED_HOST=127.0.0.1\n"
    assert "memcached" in ids(scan(tmp_path / "chosen", files))


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


def test_a_named_dependency_groups_library_no_code_imports_is_no_service(tmp_path):
    # `[dependency-groups] cloud` for a hosted edition's private package: stripe and temporalio
    # installed with `uv sync --group cloud`, imported by no code here; the app's own
    # `execute_workflow(` method is no Temporal client. Imported, the library is a service.
    group = ('[project]\nname = "app"\ndependencies = ["fastapi"]\n\n[dependency-groups]\n'
             'cloud = ["stripe>=15.0.1,<16", "temporalio>=1.6.0,<2"]\n')
    own = "class WorkflowService:\n    async def execute_workflow(self, run_id):\n        return run_id\n"
    inv = scan(tmp_path / "a", {"pyproject.toml": group, "app/service.py": own,
                                "app/run.py": "from app.service import WorkflowService\n\n"
                                              "async def go(s: WorkflowService):\n    await s.execute_workflow('r')\n"})
    assert not ({"stripe", "temporal"} & ids(inv))
    inv = scan(tmp_path / "b", {"pyproject.toml": group,
                                "app/billing.py": "import stripe\n\nstripe.Customer.create(email='a@b.c')\n"})
    assert "stripe" in ids(inv)


def test_a_build_plugin_no_manifest_installs_is_no_service(tmp_path):
    # vite.config.ts loads @sentry/vite-plugin only where it is installed (a hosted edition's
    # CI); package.json does not declare it. Declared, it uploads the source maps: a service.
    vite = ('import { defineConfig } from "vite";\n\nasync function createSentryPlugin() {\n  try {\n'
            '    const { sentryVitePlugin } = await import("@sentry/vite-plugin");\n'
            '    return sentryVitePlugin({ org: "acme", project: "javascript-react" });\n'
            '  } catch (error) {\n    return null;\n  }\n}\n\n'
            'export default defineConfig(async () => ({ plugins: [await createSentryPlugin()] }));\n')
    pkg = '{"name": "web", "dependencies": {"react": "18.2.0"}, "devDependencies": {"vite": "5.0.0"%s}}'
    inv = scan(tmp_path / "a", {"package.json": pkg % "", "vite.config.ts": vite})
    assert "sentry" not in ids(inv)
    inv = scan(tmp_path / "b", {"package.json": pkg % ', "@sentry/vite-plugin": "2.22.0"', "vite.config.ts": vite})
    assert "sentry" in ids(inv)


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


def test_commented_out_example_env_vars_alone_are_not_services(tmp_path):
    inv = scan(tmp_path, {".env.example": "# Betterstack Status Page\n# BETTERSTACK_UPTIME_API_KEY=\nSENTRY_DSN=\n"})
    assert "sentry" in ids(inv)
    assert "better-stack" not in ids(inv)


def test_runtime_platform_env_reads_alone_are_not_hosting(tmp_path):
    inv = scan(tmp_path, {
        "src/views.py": 'import os\ninstall = "kubernetes" if os.environ.get("KUBERNETES_SERVICE_HOST") else "docker"\n',
    })
    assert "kubernetes" not in ids(inv)


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


def test_go_test_helper_files_are_tests(tmp_path):
    """`x/tests.go`, `internal/testutil/`: Go helpers only _test.go files import."""
    inv = scan(tmp_path, {
        "x/tests.go": 'package x\n\nimport "testing"\n\nconst Bin = "https://httpbin-abc123-ez.a.run.app"\n',
    })
    assert "google-cloud-run" not in ids(inv)


def test_the_application_itself_is_no_dependency(tmp_path):
    """Lago's own API repository reads LAGO_ settings of its own: scanned as `lago-api` (the
    app and a part suffix) it is not a user of Lago; any other app reading them is."""
    files = {".env.example": "LAGO_API_URL=\nLAGO_API_KEY=\n"}
    assert "lago" not in ids(scan(tmp_path / "lago-api", files))
    assert "lago" in ids(scan(tmp_path / "shop", files))


def test_the_applications_own_sign_in_is_no_dependency(tmp_path):
    """PeeringDB's own repository names its OAuth server's origin: not a sign-in with PeeringDB;
    an app sending users there is."""
    files = {"settings.py": 'WEBAUTHN_ORIGIN = ["https://www.peeringdb.com", "https://auth.peeringdb.com"]\n'}
    assert "peeringdb-oauth" not in ids(scan(tmp_path / "peeringdb", files))
    assert "peeringdb-oauth" in ids(scan(tmp_path / "ixp", files))


def test_the_application_named_without_its_vendor_is_no_dependency(tmp_path):
    """SAML Jackson's repository (`jackson`; the catalog's `boxyhq-jackson`) signs its admin
    portal in through next-auth's BoxyHQ SAML provider pointed at itself: no use of SAML Jackson;
    any other app signing in through it is."""
    files = {"lib/auth.ts": 'import NextAuth from "next-auth";\nimport BoxyHQSAMLProvider from "next-auth/providers/boxyhq-saml";\n'
             "export default NextAuth({ providers: [BoxyHQSAMLProvider({ issuer: process.env.EXTERNAL_URL })] });\n",
             "package.json": '{"name": "x", "dependencies": {"next-auth": "4.24.0"}}\n'}
    assert "boxyhq-jackson" not in ids(scan(tmp_path / "jackson", files))
    assert "boxyhq-jackson" in ids(scan(tmp_path / "saas-starter-kit", files))


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


def test_socialite_settings_count_only_with_a_socialite_package(tmp_path):
    """`'google' => [..., 'redirect' => ...]` in config/services.php is Socialite's setting of
    Google sign-in (picked at run time by `Socialite::driver($provider)`): with laravel/socialite
    installed it is Sign in with Google; in a stock file of an app without Socialite, nothing
    reads it."""
    services = ("<?php\nreturn [\n    'google' => [\n        'client_id' => env('GOOGLE_CLIENT_ID'),\n"
                "        'client_secret' => env('GOOGLE_CLIENT_SECRET'),\n"
                "        'redirect' => env('APP_URL') . '/auth/google/callback',\n    ],\n];\n")
    controller = ("<?php\nnamespace App\\Http\\Controllers\\Auth;\n\nuse Laravel\\Socialite\\Facades\\Socialite;\n\n"
                  "class AuthController\n{\n    public function redirect($provider)\n    {\n"
                  "        return Socialite::driver($provider)->redirect();\n    }\n}\n")
    with_socialite = tmp_path / "a"
    inv = scan(with_socialite, {
        "composer.json": '{"require": {"laravel/framework": "^11.0", "laravel/socialite": "^5.0"}}',
        "config/services.php": services,
        "app/Http/Controllers/Auth/AuthController.php": controller,
    })
    assert "google-oauth" in ids(inv)
    without = tmp_path / "b"
    inv = scan(without, {
        "composer.json": '{"require": {"laravel/framework": "^11.0"}}',
        "config/services.php": services,
    })
    assert "google-oauth" not in ids(inv)


def test_another_partys_app_on_a_platform_is_no_hosting_of_ours(tmp_path):
    """A request to bikebook.herokuapp.com (someone's API deployed on Heroku) shows where that
    API runs, not this app; a platform subdomain spelling the app's name is its own deployment."""
    code = ('export async function lookup(q) {\n'
            '  const r = await fetch(`https://bikebook.herokuapp.com/model_list/?${q}`);\n  return r.json();\n}\n')
    assert "heroku" not in ids(scan(tmp_path / "bikeshop", {"src/lookup.js": code}))
    own = ('export async function check(url) {\n'
           '  return fetch("https://bikeshop-checker.koyeb.app/check", {method: "POST", body: url});\n}\n')
    assert "koyeb" in ids(scan(tmp_path / "bikeshop2" / "bikeshop", {"src/check.js": own}))


def test_a_browser_setting_for_a_vendor_whose_sdk_nothing_installs_is_no_service(tmp_path):
    # A front-end config object reads VITE_SENTRY_DSN and VITE_OPENREPLAY_KEY, but no
    # package.json installs a Sentry or OpenReplay SDK: nothing in the bundle sends to them.
    config = ('const config = {\n  sentryDSN: import.meta.env.VITE_SENTRY_DSN,\n'
              '  openReplayKey: import.meta.env.VITE_OPENREPLAY_KEY,\n};\nexport default config;\n')
    pkg = '{"name": "web", "dependencies": {"vue": "3.4.0"%s}}'
    inv = scan(tmp_path / "a", {"web/package.json": pkg % "", "web/src/config.ts": config})
    assert "sentry" not in ids(inv) and "openreplay" not in ids(inv)
    # with the SDK installed, the same setting configures it
    inv = scan(tmp_path / "b", {"web/package.json": pkg % ', "@sentry/vue": "8.0.0"', "web/src/config.ts": config})
    assert "sentry" in ids(inv)
    # an address the page posts to itself (Web Vitals to a log ingest endpoint): no SDK needed
    vitals = ('export function reportWebVitals(metric) {\n  const url = process.env.NEXT_PUBLIC_AXIOM_INGEST_ENDPOINT\n'
              '  if (url) navigator.sendBeacon(url, JSON.stringify(metric))\n}\n')
    inv = scan(tmp_path / "d", {"web/package.json": pkg % "", "web/pages/_app.tsx": vitals})
    assert "axiom" in ids(inv)
    # a server-side name (no browser prefix) is a setting the server reads: kept as before
    inv = scan(tmp_path / "c", {"web/package.json": pkg % "",
                                "web/src/config.ts": "export const dsn = process.env.SENTRY_DSN;\n"})
    assert "sentry" in ids(inv)
def test_opentelemetry_api_alone_exports_nothing(tmp_path):
    """`@opentelemetry/api` spans with no SDK or exporter go to another vendor's provider (Sentry's
    Node SDK) or nowhere: no OpenTelemetry backend. An SDK package or an exporter setting is one."""
    middleware = ('import { trace, SpanStatusCode } from "@opentelemetry/api";\n\n'
                  'export const otel = async ({ path, next }) => {\n'
                  '  const tracer = trace.getTracer("trpc");\n'
                  '  return tracer.startActiveSpan(`tRPC: ${path}`, async (span) => {\n'
                  '    try { return await next(); } finally { span.end(); }\n  });\n};\n')
    api_only = {
        "package.json": '{"name": "api", "dependencies": {"@opentelemetry/api": "^1.9.1", "@sentry/node": "^9.0.0"}}',
        "src/trpc.ts": middleware,
        "docker-compose.yml": "services:\n  api:\n    image: acme/api\n    environment:\n      OTEL_LOG_LEVEL: info\n",
    }
    inv = scan(tmp_path / "a", api_only)
    assert "opentelemetry" not in ids(inv)
    assert "sentry" in ids(inv)
    inv = scan(tmp_path / "b", {**api_only, "package.json":
        '{"name": "api", "dependencies": {"@opentelemetry/api": "^1.9.1", "@opentelemetry/sdk-node": "^0.200.0"}}'})
    assert "opentelemetry" in ids(inv)
    inv = scan(tmp_path / "c", {**api_only, ".env.example": "OTEL_EXPORTER_OTLP_ENDPOINT=http://collector:4318\n"})
    assert "opentelemetry" in ids(inv)


def test_a_commit_message_checks_switch_is_no_service(tmp_path):
    """A commit-message lint script reading `JIRA_TKT_CHECK` (ticket ids in commit messages) is
    the developers' git workflow; the same prefix read by the app's code still counts."""
    hook = {"web/scripts/lint-commit-message.js":
            "const COMMIT_MSG = process.argv[2]\nconst JIRA_TKT_CHECK = process.env.JIRA_TKT_CHECK === 'true'\n"
            "const COMMIT_REGEX = JIRA_TKT_CHECK ? /^(feat|fix): \\[.*-\\d*\\]: .{1,50}/ : /^(feat|fix): .{1,50}/\n"
            "if (!COMMIT_REGEX.test(COMMIT_MSG)) process.exit(1)\n"}
    assert "jira" not in ids(scan(tmp_path / "a", hook))
    app = dict(hook, **{"src/issues.js": "export const base = process.env.JIRA_BASE_URL\n"})
    assert "jira" in ids(scan(tmp_path / "b", app))


def test_a_cache_only_an_env_file_names_with_no_client_installed_is_no_service(tmp_path):
    # `REDIS_URL=redis://localhost:6379` left in a Node API's `.env.development`: no package.json
    # installs a Redis client and no code reads the variable, so nothing could connect to it.
    # With `ioredis` installed, or the variable read by code, it is a service.
    pkg = '{"name": "api", "dependencies": {"express": "^4.18.0", "mongoose": "^8.0.0"}}'
    env = "PORT=8000\nMONGO_URI=mongodb://localhost:27017/app\nREDIS_URL=redis://localhost:6379\n"
    files = {"packages/api/package.json": pkg, "packages/api/.env.development": env,
             "packages/api/src/server.ts": "import express from 'express';\nconst app = express();\n"}
    inv = scan(tmp_path / "a", files)
    assert "redis" not in ids(inv)
    with_client = {**files, "packages/api/package.json": pkg.replace('"express"', '"ioredis": "^5.3.0", "express"')}
    inv = scan(tmp_path / "b", with_client)
    assert "redis" in ids(inv)
    read = {**files, "packages/api/src/cache.ts": "export const url = process.env.REDIS_URL;\n"}
    inv = scan(tmp_path / "c", read)
    assert "redis" in ids(inv)
