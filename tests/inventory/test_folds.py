"""Folds (inventory/folds.py): evidence that names one service but shows another's use is moved
to that one (a vendor module posting to another API, a MySQL driver beside MariaDB)."""

from __future__ import annotations

from helpers import scan_tree as scan
from helpers import service_ids as ids
from helpers import write_tree

from mkdocs_integrations.pipeline import build_inventory
from mkdocs_integrations.scan import Scanner


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


def test_mysql_env_of_an_env_file_the_mariadb_container_loads_is_mariadbs(tmp_path):
    """A compose file whose mariadb service loads `env_file: .env` (linuxserver's mariadb image
    reads MYSQL_ROOT_PASSWORD, MYSQL_USER...): that file's MYSQL_* names configure MariaDB, no
    MySQL server. An env file only the app's container loads keeps its MYSQL_HOST a MySQL."""
    compose = ("services:\n  app:\n    image: acme/app\n    environment:\n"
               "      - DATABASE_URL=jdbc:mariadb://mariadb:3306/${MYSQL_DATABASE}\n"
               "  mariadb:\n    image: lscr.io/linuxserver/mariadb:11.4\n    env_file:\n      - .env\n")
    env = "MYSQL_ROOT_PASSWORD=change_me\nMYSQL_DATABASE=app\nMYSQL_USER=app\nMYSQL_PASSWORD=change_me\n"
    write_tree(tmp_path / "a", {"example-docker/docker-compose.yml": compose, "example-docker/.env": env})
    inv, _ = build_inventory(Scanner(), [tmp_path / "a"], tmp_path / "a", analysis_date="2026-01-01")
    found = {u.id for u in inv.services}
    assert "mariadb" in found and "mysql" not in found
    app_only = compose.replace("    env_file:\n      - .env\n", "").replace(
        "    image: acme/app\n", "    image: acme/app\n    env_file: .env\n")
    write_tree(tmp_path / "b", {"example-docker/docker-compose.yml": app_only, "example-docker/.env": env})
    inv, _ = build_inventory(Scanner(), [tmp_path / "b"], tmp_path / "b", analysis_date="2026-01-01")
    assert {"mariadb", "mysql"} <= {u.id for u in inv.services}


def test_mysql_env_of_an_app_built_on_the_mariadb_image_is_mariadbs(tmp_path):
    """An app image built `FROM mariadb` (the database bundled in, azuracast) is configured from
    its env files with the image's MYSQL_* names: those are MariaDB's, no MySQL server; an app
    that only runs MariaDB's image in compose keeps another file's MYSQL_HOST a MySQL (above)."""
    tree = {
        "Dockerfile": "FROM mariadb:lts-noble AS mariadb\n\nFROM php:8.4-fpm\nCOPY --from=mariadb /usr/bin/mariadb /usr/bin/\n",
        "app.sample.env": "# The host of the database\nMYSQL_HOST=localhost\nMYSQL_USER=app\nMYSQL_PASSWORD=secret\n"
                          "MYSQL_ROOT_PASSWORD=root\n",
    }
    write_tree(tmp_path, tree)
    inv, _ = build_inventory(Scanner(), [tmp_path], tmp_path, analysis_date="2026-01-01")
    found = {u.id for u in inv.services}
    assert "mariadb" in found and "mysql" not in found


def test_a_driver_for_each_of_mysql_and_mariadb_supports_both(tmp_path):
    """A build profile per database (Quarkus' MySQL and MariaDB JDBC extensions): MariaDB known
    only by its own driver does not take the MySQL driver, both are supported."""
    inv = scan(tmp_path, {"pom.xml": (
        "<project><dependencies>\n"
        "<dependency><groupId>io.quarkus</groupId><artifactId>quarkus-jdbc-mysql</artifactId></dependency>\n"
        "<dependency><groupId>io.quarkus</groupId><artifactId>quarkus-jdbc-mariadb</artifactId></dependency>\n"
        "</dependencies></project>\n")})
    assert {"mariadb", "mysql"} <= ids(inv)


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


def test_a_products_module_calling_its_companys_api_gateway_is_that_product(tmp_path):
    """A Microsoft Teams module creating meetings through Microsoft Graph delivers through
    Microsoft's own gateway: Teams is the service (unlike a WhatsApp module posting to Twilio)."""
    inv = scan(tmp_path / "app", {
        "app/integrations/microsoft_teams/client.py": (
            "import requests\n\n\ndef meeting(token, user):\n"
            '    return requests.post(f"https://graph.microsoft.com/v1.0/users/{user}/onlineMeetings", headers={"Authorization": token})\n'),
    })
    assert {"microsoft-teams", "microsoft-graph"} <= ids(inv)


def test_a_folder_named_for_a_many_product_company_using_its_products_is_those_products(tmp_path):
    """kpi's `integrations/google/` holds the Speech-to-Text and Translation clients: Google's
    products are the services, the company's bare name is no vendor of its own there."""
    files = {
        "requirements.txt": "google-cloud-translate==3.15.0\ngoogle-cloud-storage==2.16.0\ngoogle-api-python-client==2.120.0\n",
        "app/integrations/__init__.py": "",
        "app/integrations/google/__init__.py": "",
        "app/integrations/google/base.py":
            "from google.api_core import client_options\nfrom google.cloud import storage\nfrom googleapiclient import discovery\n\n\n"
            "class GoogleService:\n    def __init__(self, credentials):\n        self.storage_client = storage.Client(credentials=credentials)\n\n"
            "    def api(self, endpoint):\n        opts = client_options.ClientOptions(api_endpoint=f'https://{endpoint}')\n"
            "        return discovery.build('speech', 'v1', client_options=opts)\n",
        "app/integrations/google/google_translate.py":
            "from google.cloud import translate_v3\n\nfrom .base import GoogleService\n\n\nclass GoogleTranslate(GoogleService):\n"
            "    def run(self, text, lang):\n        client = translate_v3.TranslationServiceClient()\n"
            "        return client.translate_text(contents=[text], target_language_code=lang, parent='projects/x')\n",
    }
    found = ids(scan(tmp_path, files))
    assert "google-translate" in found
    assert "google" not in found


def test_an_s3_sdk_given_r2s_endpoint_is_r2s_client(tmp_path):
    """R2 serves the S3 API (`speaks: [aws-s3]`): the S3 SDK configured with R2's endpoint and
    keys, in an app that names no Amazon S3 bucket, host or env, is R2's client, no S3 as well."""
    tree = {
        "package.json": '{"dependencies": {"@aws-sdk/client-s3": "^3.600.0"}}',
        "src/r2.ts": "import { S3Client, PutObjectCommand } from '@aws-sdk/client-s3'\n\n"
        "export const client = new S3Client({\n  region: 'auto',\n  endpoint: process.env.R2_ENDPOINT,\n"
        "  credentials: { accessKeyId: process.env.R2_ACCESS_KEY_ID!, secretAccessKey: process.env.R2_SECRET_ACCESS_KEY! },\n})\n\n"
        "export const put = (Key: string, Body: Buffer) => client.send(new PutObjectCommand({ Bucket: process.env.R2_BUCKET, Key, Body }))\n",
    }
    write_tree(tmp_path, tree)
    inv, _ = build_inventory(Scanner(), [tmp_path], tmp_path, analysis_date="2026-01-01")
    found = {u.id for u in inv.services}
    assert "cloudflare-r2" in found and "aws-s3" not in found
    # An S3 bucket of its own (AWS_S3_BUCKET) keeps Amazon S3 a service beside R2.
    tree["src/s3.ts"] = "export const bucket = process.env.AWS_S3_BUCKET\n"
    write_tree(tmp_path, tree)
    inv, _ = build_inventory(Scanner(), [tmp_path], tmp_path, analysis_date="2026-01-01")
    assert {"cloudflare-r2", "aws-s3"} <= {u.id for u in inv.services}


def test_an_oauth_forms_table_of_provider_presets_is_no_sign_in_nor_api(tmp_path):
    """clearflask's project settings prefill an OAuth form from a table of providers' endpoints
    (Discord, Twitch, Facebook's Graph API, Microsoft's identity platform): what a customer may
    configure with their own client, not the app's sign-in nor a call of those APIs. The same
    endpoints in the app's own sign-in code still count."""
    presets = (
        "const OauthPrefilled: {\n  [provider: string]: { authorizeUrl?: string; tokenUrl?: string; }\n} = {\n"
        "  Discord: {\n    authorizeUrl: 'https://discord.com/api/oauth2/authorize',\n"
        "    tokenUrl: 'https://discord.com/api/oauth2/token',\n    scope: 'identify email',\n  },\n"
        "  Twitch: {\n    authorizeUrl: 'https://id.twitch.tv/oauth2/authorize',\n"
        "    tokenUrl: 'https://id.twitch.tv/oauth2/token',\n"
        "    userProfileUrl: 'https://api.twitch.tv/helix/users',\n  },\n"
        "  Facebook: {\n    authorizeUrl: 'https://www.facebook.com/v3.2/dialog/oauth',\n"
        "    tokenUrl: 'https://graph.facebook.com/oauth/access_token',\n"
        "    userProfileUrl: 'https://graph.facebook.com/me?fields=name,email',\n  },\n"
        "  Azure: {\n    authorizeUrl: 'https://login.microsoftonline.com/<tenant-id>/oauth2/v2.0/authorize',\n"
        "    tokenUrl: 'https://login.microsoftonline.com/<tenant-id>/oauth2/v2.0/token',\n"
        "    userProfileUrl: 'https://graph.microsoft.com/v1.0/me',\n  },\n};\n"
        "export const OauthSettings = () => <OauthForm prefill={OauthPrefilled} />;\n"
    )
    inv = scan(tmp_path, {"web/src/site/dashboard/ProjectSettings.tsx": presets})
    assert not ({"discord", "discord-oauth", "twitch-oauth", "facebook", "facebook-oauth", "microsoft-graph",
                 "microsoft-oauth"} & ids(inv))
    own = presets.replace("OauthPrefilled", "OauthProviders")
    assert {"twitch-oauth", "microsoft-oauth"} <= ids(scan(tmp_path / "own", {"web/src/auth/providers.tsx": own}))
