"""Vendor families: sibling classes on one base, several of them catalog vendors by name."""

from __future__ import annotations

from helpers import scan_tree, service_ids

BASE = "class BaseDestination(object):\n    def notify(self, alert):\n        raise NotImplementedError()\n"


def destination(cls: str, base: str = "BaseDestination", body: str = "    pass\n") -> str:
    return f"import requests\nfrom app.destinations import {base}\n\n\nclass {cls}({base}):\n{body}"


def test_a_family_of_vendor_classes_names_each_vendor(tmp_path):
    inv = scan_tree(tmp_path, {
        "app/destinations/__init__.py": BASE,
        "app/destinations/slack.py": destination("Slack"),
        "app/destinations/pagerduty.py": destination("PagerDuty"),
        "app/destinations/microsoft_teams_webhook.py": destination("MicrosoftTeamsWebhook"),
        "app/destinations/discord.py": destination("Discord"),
        # not in the catalog: counts where the module calls an API host of its name
        "app/destinations/blorb_mail.py": destination("BlorbMailDestination", body='    URL = "https://api.blorbmail.io/v1/send"\n'),
        "app/destinations/dns.py": destination("Dns"),  # a protocol: no host, no vendor
        "app/destinations/email.py": destination("Email"),  # generic: no vendor
        "app/destinations/webhook.py": destination("Webhook"),
    })
    ids = service_ids(inv)
    assert {"slack", "pagerduty", "microsoft-teams", "discord"} <= ids
    assert "blorb-mail" in ids or "blorbmail" in ids
    assert not {"email", "webhook", "dns"} & ids
    slack = next(u for u in inv.services if u.id == "slack")
    assert any(e.path == "app/destinations/slack.py" and e.line == 5 for e in slack.evidence)


def test_members_reach_the_family_through_a_base_in_the_folder(tmp_path):
    """`Redshift(PostgreSQL)` and `CockroachDB(PostgreSQL)` are vendors of the data-source
    family; `RedshiftIAM(Redshift)` is a variant of its base, no vendor of its own."""
    runner = "class BaseQueryRunner(object):\n    pass\n\n\nclass BaseSQLQueryRunner(BaseQueryRunner):\n    pass\n"
    pg = ("import boto3\nfrom app.query_runner import BaseSQLQueryRunner\n\n\nclass PostgreSQL(BaseSQLQueryRunner):\n    pass\n\n\n"
          "class Redshift(PostgreSQL):\n    pass\n\n\nclass RedshiftIAM(Redshift):\n    pass\n\n\n"
          "class CockroachDB(PostgreSQL):\n    pass\n")
    inv = scan_tree(tmp_path, {
        "app/query_runner/__init__.py": runner,
        "app/query_runner/pg.py": pg,
        "app/query_runner/clickhouse.py": destination("ClickHouse", "BaseSQLQueryRunner"),
        "app/query_runner/big_query.py": destination("BigQuery", "BaseSQLQueryRunner"),
        "app/query_runner/prometheus.py": destination("Prometheus", "BaseQueryRunner"),
        "app/query_runner/csv.py": destination("CSV", "BaseQueryRunner"),
    })
    ids = service_ids(inv)
    assert {"postgresql", "aws-redshift", "cockroachdb", "clickhouse", "bigquery", "prometheus"} <= ids
    assert not {"redshift-iam", "csv", "big"} & ids


def test_three_members_each_a_vendor_are_a_family(tmp_path):
    """A server panel's database services, `Mysql`, `Mariadb` and `Postgresql` on one
    `AbstractDatabase`: three files, each named for a catalog vendor, are a family; three with
    one member of the app's own (`Local` beside `S3` and `Dropbox`) are not."""
    db = "<?php\n\nnamespace App\\Services\\Database;\n\nclass {0} extends AbstractDatabase\n{{\n}}\n"
    store = "<?php\n\nnamespace App\\Storage;\n\nclass {0} extends AbstractStorage\n{{\n}}\n"
    inv = scan_tree(tmp_path, {
        "app/Services/Database/AbstractDatabase.php": "<?php\n\nnamespace App\\Services\\Database;\n\nabstract class AbstractDatabase extends AbstractService\n{\n}\n",
        **{f"app/Services/Database/{name}.php": db.format(name) for name in ("Mysql", "Mariadb", "Postgresql")},
        **{f"app/Storage/{name}.php": store.format(name) for name in ("Local", "Backblaze", "Dropbox")},
    })
    ids = service_ids(inv)
    assert {"mysql", "mariadb", "postgresql"} <= ids
    assert not {"backblaze", "dropbox"} & ids


def test_classes_of_one_kind_that_are_no_vendors_are_no_family(tmp_path):
    """Models, views and commands share a base too: without catalog vendors among them
    (two, and a quarter of the files) the members are the app's own."""
    model = "from django.db import models\n\n\nclass {0}(models.Model):\n    pass\n"
    inv = scan_tree(tmp_path, {
        f"app/models/{name.lower()}.py": model.format(name)
        for name in ("Invoice", "Customer", "Order", "Shipment", "Product", "Slack")
    })
    assert service_ids(inv) & {"invoice", "customer", "order", "shipment", "product", "slack"} == set()


def test_exception_classes_beside_each_vendor_are_no_family(tmp_path):
    files = {
        f"app/runners/{name.lower()}.py": f"class {name}Error(Exception):\n    pass\n"
        for name in ("ClickHouse", "Snowflake", "Vertica", "QueryParse")
    }
    assert "query-parse" not in service_ids(scan_tree(tmp_path, files))


def _storages(extra: dict[str, str]) -> dict[str, str]:
    php = "<?php\nnamespace App\\Storages;\n\n{0}class {1} extends {2}\n{{\n}}\n"
    files = {
        "app/Storages/SongStorage.php": "<?php\nnamespace App\\Storages;\n\nabstract class SongStorage\n{\n}\n",
        "app/Storages/DropboxStorage.php": php.format("", "DropboxStorage", "CloudStorage"),
        "app/Storages/S3Storage.php": php.format("use Aws\\S3\\S3Client;\n\n", "S3Storage", "CloudStorage"),
        "app/Storages/SftpStorage.php": php.format("", "SftpStorage", "SongStorage"),
        "app/Storages/LocalStorage.php": php.format("", "LocalStorage", "SongStorage"),
        "app/Storages/PCloudStorage.php": php.format("", "PCloudStorage", "CloudStorage"),
    }
    files.update(extra)
    return files


def test_an_abstract_member_and_a_product_name_alone_are_no_vendor(tmp_path):
    """`abstract class CloudStorage` is the family's own base; and even concrete, a class named
    `CloudStorage` (Google Cloud Storage's product name alone) in a file that shows nothing of
    Google is a common noun."""
    abstract = {"app/Storages/CloudStorage.php":
                "<?php\nnamespace App\\Storages;\n\nabstract class CloudStorage extends SongStorage\n{\n}\n"}
    concrete = {"app/Storages/CloudStorage.php":
                "<?php\nnamespace App\\Storages;\n\nclass CloudStorage extends SongStorage\n{\n}\n"}
    for n, extra in enumerate((abstract, concrete)):
        ids = service_ids(scan_tree(tmp_path / str(n), _storages(extra)))
        assert {"dropbox", "aws-s3", "sftp"} <= ids
        assert "google-cloud-storage" not in ids


def test_a_sign_in_family_names_the_providers_sign_in_not_their_api(tmp_path):
    form = "from django import forms\nfrom .base import ProviderForm\n\n\nclass {0}Form(ProviderForm):\n    pass\n"
    inv = scan_tree(tmp_path, {
        f"app/socialauth/admin/forms/{name.lower()}.py": form.format(name)
        for name in ("Discord", "Facebook", "Github", "Google", "Twitter")
    })
    ids = service_ids(inv)
    assert {"discord-oauth", "facebook-login", "github-oauth", "google-oauth", "twitter-oauth"} <= ids
    assert not {"discord", "facebook", "github", "twitter"} & ids



def test_an_auth_family_beside_its_vendor_family_is_the_vendors_credentials_not_a_sign_in(tmp_path):
    """`GitLabAuthForm(BaseHostingServiceAuthForm)` beside `GitLab(BaseHostingService)`, one file
    per vendor: the form where a user links an account of the hosting service, whose API the
    sibling family calls; no "Sign in with GitLab" to the app."""
    vendor = ("from .base import BaseHostingService, BaseHostingServiceAuthForm\n\n\n"
              "class {0}AuthForm(BaseHostingServiceAuthForm):\n    pass\n\n\n"
              "class {0}(BaseHostingService):\n    name = '{0}'\n")
    inv = scan_tree(tmp_path, {
        f"app/hostingsvcs/{name.lower()}.py": vendor.format(name)
        for name in ("GitLab", "Jira", "Redmine", "Bugzilla", "Gitea")
    })
    ids = service_ids(inv)
    assert {"gitlab", "jira", "redmine", "bugzilla"} <= ids
    assert not {"gitlab-oauth", "gitea-oauth"} & ids
def test_a_member_named_for_a_vendor_ending_in_digits_keeps_them(tmp_path):
    """`class Auth0 extends OAuth2` is Auth0, whose name ends in a digit: not a version of `Auth`."""
    cls = "<?php\n\nnamespace App\\Auth\\OAuth2;\n\nclass {0} extends OAuth2\n{{\n}}\n"
    files = {f"src/Auth/OAuth2/{name}.php": cls.format(name) for name in ("Auth0", "Github", "Discord", "Dropbox")}
    files["src/Auth/OAuth2/OAuth2.php"] = "<?php\n\nnamespace App\\Auth\\OAuth2;\n\nabstract class OAuth2\n{\n}\n"
    ids = service_ids(scan_tree(tmp_path, files))
    assert {"auth0", "github-oauth", "discord-oauth", "dropbox-oauth"} <= ids


def _go_driver(package: str, typ: str, body: str = "") -> str:
    return (f"package {package}\n\n{body}func init() {{\n\top.RegisterDriver(func() driver.Driver {{\n"
            f"\t\treturn &{typ}{{}}\n\t}})\n}}\n")


def test_go_packages_registering_with_one_registrar_are_a_vendor_family(tmp_path):
    """`drivers/<vendor>/` packages, each registering itself from `init()`: three or more named
    for catalog vendors make the family, and every other member is a vendor by its package's
    name, save the family's plumbing (`crypt/`, `local/`), a test double (`drivermock/`), a variant of another member
    (`pikpak_share/`) and the application itself (`acme_v3/` in acme)."""
    inv = scan_tree(tmp_path / "acme", {
        "drivers/onedrive/meta.go": _go_driver("onedrive", "Onedrive"),
        "drivers/google_drive/meta.go": _go_driver("google_drive", "GoogleDrive"),
        "drivers/webdav/meta.go": _go_driver("webdav", "WebDav"),
        "drivers/mega/meta.go": _go_driver("mega", "Mega"),
        "drivers/seafile/meta.go": _go_driver("seafile", "Seafile"),
        "drivers/pikpak/meta.go": _go_driver("pikpak", "PikPak"),
        "drivers/pikpak_share/meta.go": _go_driver("pikpak_share", "PikPakShare"),
        "drivers/crypt/meta.go": _go_driver("crypt", "Crypt"),
        "drivers/local/meta.go": _go_driver("local", "Local"),
        "drivers/drivermock/meta.go": _go_driver("drivermock", "Mock"),
        "drivers/acme_v3/meta.go": _go_driver("acme_v3", "AcmeV3"),
        "drivers/google_photo/meta.go": _go_driver("google_photo", "GooglePhoto"),
        "drivers/google_photo/util.go": 'package google_photo\n\nconst api = "https://photoslibrary.googleapis.com/v1/mediaItems"\n',
    })
    ids = service_ids(inv)
    assert {"onedrive", "google-drive", "webdav", "mega", "seafile", "pikpak", "google-photos"} <= ids
    assert not {"pikpak-share", "crypt", "local", "acme-v3", "google-photo", "drivermock"} & ids


def _go_adapter(package: str, kind: str, body: str = "") -> str:
    return (f"package {package}\n\n{body}func init() {{\n\tadapterType := string(artifact.PackageType{kind})\n"
            f"\tif err := adp.RegisterFactory(adapterType, new(factory)); err != nil {{\n\t\treturn\n\t}}\n}}\n")


def test_a_package_format_member_of_a_registry_proxy_family_is_no_vendor(tmp_path):
    """An artifact registry's upstream-proxy adapters, one package per ecosystem registering
    itself: npmjs/, pypi/, crates/ read those public registries; rpm/ proxies whatever RPM
    repository the user sets (a package format, no vendor)."""
    root = "registry/app/remote/adapter"
    fetch = 'import "net/http"\n\nfunc get(url string) { http.Get(url + "/repodata/repomd.xml") }\n\n'
    inv = scan_tree(tmp_path, {
        f"{root}/npmjs/adaptor.go": _go_adapter("npmjs", "NPM"),
        f"{root}/pypi/adapter.go": _go_adapter("pypi", "PYTHON"),
        f"{root}/crates/adapter.go": _go_adapter("crates", "CARGO"),
        f"{root}/dockerhub/adapter.go": _go_adapter("dockerhub", "DOCKER"),
        f"{root}/awsecr/adapter.go": _go_adapter("awsecr", "DOCKER"),
        f"{root}/rpm/adapter.go": _go_adapter("rpm", "RPM", fetch),
    })
    ids = service_ids(inv)
    assert {"pypi", "docker-hub", "aws-ecr"} <= ids
    assert "rpm" not in ids


def test_go_packages_of_the_apps_own_registry_are_no_family(tmp_path):
    """Packages that register event handlers or migrations, none named for a vendor."""
    inv = scan_tree(tmp_path, {
        f"app/services/{name}/{name}.go": f"package {name}\n\nfunc init() {{\n\tbus.Register(Service{{}})\n}}\n"
        for name in ("billing", "sqlstore", "userlist", "httpclient", "webhook")
    })
    assert not {"billing", "sqlstore", "userlist", "httpclient"} & service_ids(inv)
def _publisher(vendor_pkg: str, cls: str, base: str = "AbstractHttpNotificationPublisher") -> str:
    return (f"package org.acme.notification.publishing.{vendor_pkg};\n\n"
            f"final class {cls} extends {base} {{\n}}\n")


def test_one_package_per_vendor_across_modules_is_a_family(tmp_path):
    """Java keeps each vendor in a package of its own, named for it (`publishing/slack/
    SlackNotificationPublisher.java`), often in separate Maven modules: the family is the package
    that holds the vendors' packages, whatever module adds to it. `MsTeams` names Microsoft."""
    root = "notification/publishing/src/main/java/org/acme/notification/publishing"
    files = {
        f"{root}/http/AbstractHttpNotificationPublisher.java":
            "package org.acme.notification.publishing.http;\n\npublic abstract class AbstractHttpNotificationPublisher"
            " implements NotificationPublisher {\n}\n",
        f"{root}/slack/SlackNotificationPublisher.java": _publisher("slack", "SlackNotificationPublisher"),
        f"{root}/msteams/MsTeamsNotificationPublisher.java": _publisher("msteams", "MsTeamsNotificationPublisher"),
        f"{root}/mattermost/MattermostNotificationPublisher.java":
            _publisher("mattermost", "MattermostNotificationPublisher"),
        f"{root}/webhook/WebhookNotificationPublisher.java": _publisher("webhook", "WebhookNotificationPublisher"),
        # a vendor in a module of its own, same Java package
        "notification/webex/src/main/java/org/acme/notification/publishing/webex/WebexNotificationPublisher.java":
            _publisher("webex", "WebexNotificationPublisher"),
    }
    ids = service_ids(scan_tree(tmp_path, files))
    assert {"slack", "microsoft-teams", "mattermost", "webex"} <= ids
    assert "webhook" not in ids


def test_feature_packages_named_for_their_classes_are_no_family(tmp_path):
    """Package-by-feature (`order/OrderController.java`) has the same layout: without catalog
    vendors among the names it stays the app's own."""
    files = {
        f"src/main/java/org/acme/{name.lower()}/{name}Controller.java":
            f"package org.acme.{name.lower()};\n\npublic class {name}Controller extends BaseController {{\n}}\n"
        for name in ("Order", "Invoice", "Customer", "Shipment", "Product")
    }
    assert service_ids(scan_tree(tmp_path, files)) & {"order", "invoice", "customer", "shipment", "product"} == set()


def test_an_unknown_member_is_named_for_its_domain_when_its_file_spells_it(tmp_path):
    """A data-provider service per vendor package (`eod-historical-data/eod-historical-data.service.ts`):
    the class's role words cut `Data` from `EodHistoricalDataService`; the file's whole name spells
    the domain it calls, which names the vendor as the scan names it anywhere else."""
    def provider(folder: str, cls: str, body: str = "") -> tuple[str, str]:
        return (f"apps/api/src/services/data-provider/{folder}/{folder}.service.ts",
                f"import {{ DataProviderInterface }} from '../interfaces';\n\n"
                f"export class {cls} implements DataProviderInterface {{\n{body}}}\n")

    files = dict([
        provider("alpha-vantage", "AlphaVantageService"),
        provider("coingecko", "CoinGeckoService"),
        provider("yahoo-finance", "YahooFinanceService"),
        provider("financial-modeling-prep", "FinancialModelingPrepService"),
        provider("eod-historical-data", "EodHistoricalDataService",
                 "  private readonly URL = 'https://eodhistoricaldata.com/api';\n"
                 "  get(symbol: string) { return fetch(`${this.URL}/eod/${symbol}`); }\n"),
    ])
    ids = service_ids(scan_tree(tmp_path, files))
    assert "eodhistoricaldata" in ids
    assert "eod-historical" not in ids
def _resolver(eco: str, cls: str, body: str = "") -> str:
    return (f"package org.acme.pkgmetadata.{eco};\n\nimport java.net.http.HttpRequest;\n\n"
            f"final class {cls} implements PackageMetadataResolver {{\n{body}}}\n")


_FETCH = ('    byte[] fetch(String base, String name) {\n'
          '        var request = HttpRequest.newBuilder().uri(URI.create(base + "/api/v1/" + name)).GET();\n'
          '        return client.get(request);\n    }\n')


def test_a_family_of_package_ecosystems_reads_their_registries(tmp_path):
    """One resolver per package ecosystem (`GemPackageMetadataResolver`, `CargoPackageMetadataResolver`),
    each requesting its registry's metadata API on a configured URL: the classes name ecosystems
    (gem, cargo, composer, hex), the catalog's `registry_for` the registries they read."""
    root = "resolution/src/main/java/org/acme/pkgmetadata"
    files = {
        f"{root}/{eco}/{cls}.java": _resolver(eco, cls, _FETCH)
        for eco, cls in (("gem", "GemPackageMetadataResolver"), ("cargo", "CargoPackageMetadataResolver"),
                         ("composer", "ComposerPackageMetadataResolver"), ("hex", "HexPackageMetadataResolver"),
                         ("pypi", "PypiPackageMetadataResolver"))
    }
    ids = service_ids(scan_tree(tmp_path, files))
    assert {"rubygems", "crates-io", "packagist", "hex-pm", "pypi"} <= ids
    assert not {"gem", "cargo", "composer", "hex"} & ids


def test_ecosystem_words_name_no_registry_outside_such_a_family(tmp_path):
    """A chat app's `composer/` (the message box) and `hex/` (a colour helper) beside other
    components: ecosystem words name registries only where several siblings name ecosystems
    and the family makes requests."""
    root = "src/main/java/org/acme/ui"
    files = {
        f"{root}/{name.lower()}/{name}Widget.java":
            f"package org.acme.ui.{name.lower()};\n\nfinal class {name}Widget extends Widget {{\n}}\n"
        for name in ("Composer", "Hex", "Cargo", "Gem", "Toolbar")
    }
    assert not {"packagist", "hex-pm", "crates-io", "rubygems"} & service_ids(scan_tree(tmp_path, files))
def test_an_unknown_api_only_one_member_package_calls_is_that_members_vendor(tmp_path):
    """The AliyunDrive driver calls api.alipan.com (from its own package and its `_share`
    variant's), the PikPak driver user.mypikpak.com: one vendor each, not a second service under
    the API's domain. A package that calls two unknown domains of its own serves two vendors
    (`ilanzou/` calling api.feijipan.com too), and a domain other code also calls is not one
    member's: both stay services of their own."""
    go_get = lambda pkg, url: f'package {pkg}\n\nfunc get() {{ http.Get("{url}") }}\n'  # noqa: E731
    inv = scan_tree(tmp_path / "acme", {
        "drivers/onedrive/meta.go": _go_driver("onedrive", "Onedrive"),
        "drivers/google_drive/meta.go": _go_driver("google_drive", "GoogleDrive"),
        "drivers/webdav/meta.go": _go_driver("webdav", "WebDav"),
        "drivers/mega/meta.go": _go_driver("mega", "Mega"),
        "drivers/aliyundrive/meta.go": _go_driver("aliyundrive", "AliDrive"),
        "drivers/aliyundrive/util.go": go_get("aliyundrive", "https://api.alipan.com/v2/file/list"),
        "drivers/aliyundrive_share/meta.go": _go_driver("aliyundrive_share", "AliyundriveShare"),
        "drivers/aliyundrive_share/util.go": go_get("aliyundrive_share", "https://api.alipan.com/adrive/v2/share"),
        "drivers/ilanzou/meta.go": _go_driver("ilanzou", "ILanZou"),
        "drivers/ilanzou/util.go": go_get("ilanzou", "https://api.ilanzou.com/unproved/file/list")
                                   + 'const other = "https://api.feijipan.com/ws/file/list"\n',
        "drivers/blorb/meta.go": _go_driver("blorb", "Blorb"),
        "drivers/blorb/util.go": go_get("blorb", "https://api.zork.io/v1/files"),
        "internal/sync/zork.go": go_get("sync", "https://api.zork.io/v1/ping"),
    })
    ids = service_ids(inv)
    assert "aliyundrive" in ids and "alipan" not in ids
    ali = next(u for u in inv.services if u.id == "aliyundrive")
    assert {e.path for e in ali.evidence} >= {"drivers/aliyundrive/util.go", "drivers/aliyundrive_share/util.go"}
    assert {"ilanzou", "feijipan"} <= ids  # one package, two vendors
    assert {"blorb", "zork"} <= ids  # api.zork.io is called outside the member too
def _plugin(vendor_pkg: str, cls: str, base: str) -> str:
    return f"from app.plugins.bases import {base}\n\n\nclass {cls}({base}):\n    title = '{cls}'\n"


def test_entry_points_of_one_group_are_a_vendor_family(tmp_path):
    """Python apps declare their plugins as entry points of one group, one package per vendor
    (`app/plugins/app_zoom/plugin.py`, `app/plugins/app_google/calendar/plugin.py`), each class
    on the base of its kind of plugin (`ConferencePlugin`, `TicketPlugin`): the base's words are
    the member's role, the rest names its vendor. The app's own plugins name none."""
    members = {
        "app_zoom/plugin.py": ("ZoomConferencePlugin", "ConferencePlugin"),
        "app_microsoft_teams/conference/plugin.py": ("MicrosoftTeamsConferencePlugin", "ConferencePlugin"),
        "app_google/calendar/plugin.py": ("GoogleCalendarConferencePlugin", "ConferencePlugin"),
        "app_jira/plugin.py": ("JiraTicketPlugin", "TicketPlugin"),
        "app_opsgenie/plugin.py": ("OpsGenieOncallPlugin", "OncallPlugin"),
        "app_core/plugin.py": ("AppTicketPlugin", "TicketPlugin"),
    }
    files = {f"src/app/plugins/{path}": _plugin(path.split("/")[0], cls, base) for path, (cls, base) in members.items()}
    files["pyproject.toml"] = '[project]\nname = "app"\n\n[project.entry-points."app.plugins"]\n' + "".join(
        f'{cls.lower()} = "app.plugins.{path[:-3].replace("/", ".")}:{cls}"\n' for path, (cls, _) in members.items()
    )
    inv = scan_tree(tmp_path, files)
    assert {"zoom", "microsoft-teams", "google-calendar", "jira", "opsgenie"} <= service_ids(inv)
    teams = next(u for u in inv.services if u.id == "microsoft-teams")
    assert any(e.path == "src/app/plugins/app_microsoft_teams/conference/plugin.py" and e.line == 4 for e in teams.evidence)


def test_entry_points_of_an_apps_own_commands_are_no_family(tmp_path):
    files = {"pyproject.toml": '[project]\nname = "app"\n\n[project.entry-points."app.commands"]\n' + "".join(
        f'{n} = "app.commands.{n}:{n.title()}Command"\n' for n in ("export", "backup", "report", "cleanup", "slack")
    )}
    assert "slack" not in service_ids(scan_tree(tmp_path, files))


def _plg_backend(name: str, typ: str, imports: str = "") -> str:
    head = f'import (\n\t"{imports}"\n)\n\n' if imports else ""
    return f'package plg_backend_{name}\n\n{head}func init() {{\n\tBackend.Register("{name}", {typ}{{}})\n}}\n'


def test_role_first_package_names_read_by_the_vendor_after_the_shared_prefix(tmp_path):
    """`plugin/plg_backend_s3/`, `plg_backend_dropbox/`: a plugin system naming its packages role
    first keeps the vendor after the prefix every member shares (as `connector-<vendor>`). An
    abbreviation counts where the package's own SDK use confirms it (`psql` opening lib/pq,
    `gdrive`, `samba`); the server's scratch store, a no-op and the DAV protocol are no vendors."""
    files = {
        f"server/plugin/plg_backend_{name}/index.go": _plg_backend(name, typ, imp)
        for name, typ, imp in (
            ("dropbox", "Dropbox", ""), ("ftp", "Ftp", ""), ("mysql", "Mysql", "github.com/go-sql-driver/mysql"),
            ("webdav", "WebDav", ""), ("s3", "S3Backend", "github.com/aws/aws-sdk-go/service/s3"),
            ("psql", "PSQL", "github.com/lib/pq"), ("gdrive", "GDrive", "google.golang.org/api/drive/v3"),
            ("samba", "Samba", "github.com/hirochachacha/go-smb2"),
            ("tmp", "TmpStorage", ""), ("nop", "BlackHole", ""), ("dav", "Dav", ""), ("url", "Url", ""),
        )
    }
    ids = service_ids(scan_tree(tmp_path / "acme", files))
    assert {"dropbox", "mysql", "webdav", "aws-s3", "postgresql", "google-drive", "smb"} <= ids
    assert not {i for i in ids if i.startswith("plg")}
    assert not {"s3", "psql", "gdrive", "samba", "tmp", "nop", "dav", "url"} & ids


def test_members_named_for_the_hosts_they_call_vouch_for_the_family(tmp_path):
    """A folder of subtitle-site scrapers on one base, none of them a catalog vendor: each class
    is named for the site its file calls (`GreekSubsProvider` on greeksubs.net), which makes it
    that site's module as surely as a catalog name would; the family's plumbing (`Embedded`,
    reading the video file) names none. Classes of one kind calling nothing stay no family."""
    base = "class Provider(object):\n    server_url = None\n"

    def site(cls: str, host: str) -> str:
        return (f"import requests\nfrom . import Provider\n\n\nclass {cls}(Provider):\n"
                f"    server_url = 'https://{host}/'\n\n    def query(self):\n"
                f"        return requests.get(self.server_url + 'search')\n")

    files = {
        "libs/subs/providers/__init__.py": base,
        "libs/subs/providers/greeksubs.py": site("GreekSubsProvider", "greeksubs.net"),
        "libs/subs/providers/napisy24.py": site("Napisy24Provider", "napisy24.pl"),
        "libs/subs/providers/hosszupuska.py": site("HosszupuskaProvider", "hosszupuskasub.com"),
        "libs/subs/providers/wizdom.py": site("WizdomProvider", "wizdom.xyz"),
        "libs/subs/providers/embedded.py": "from . import Provider\n\n\nclass EmbeddedProvider(Provider):\n    pass\n",
    }
    ids = service_ids(scan_tree(tmp_path, files))
    assert {"greeksubs", "napisy24", "hosszupuska", "wizdom"} <= ids
    assert "embedded" not in ids


def test_requesting_members_of_a_proven_family_are_vendors_by_their_class(tmp_path):
    """A family of site scrapers proven by its catalog members (Twitter, Reddit, YouTube): every
    other member whose file makes a request is a vendor by its class's name, though no host
    names it (the URL is built from parts); not a member that requests nothing, nor a variant
    of another member's vendor, nor one named for the family's plumbing."""
    def scraper(cls: str, body: str = "") -> str:
        return (f"class Source::Extractor\n  class {cls} < Source::Extractor\n    def api_response\n"
                f"      {body or 'http.cache(1.minute).parsed_get(parsed_url.api_url)'}\n    end\n  end\nend\n")
    inv = scan_tree(tmp_path, {
        "app/logical/source/extractor.rb": (
            "module Source\n  class Extractor\n    def parsed_get(url)\n      Net::HTTP.get(URI(url))\n    end\n  end\nend\n"),
        "app/logical/source/extractor/twitter.rb": scraper("Twitter"),
        "app/logical/source/extractor/reddit.rb": scraper("Reddit"),
        "app/logical/source/extractor/youtube.rb": scraper("Youtube"),
        "app/logical/source/extractor/imgur.rb": scraper("Imgur"),
        "app/logical/source/extractor/pinterest.rb": scraper("Pinterest"),
        "app/logical/source/extractor/tumblr.rb": scraper("Tumblr"),
        "app/logical/source/extractor/lofter.rb": scraper("Lofter"),
        "app/logical/source/extractor/rule34_dot_us.rb": scraper("Rule34DotUs", 'parsed_get("https://#{domain}/index.php")'),
        "app/logical/source/extractor/dotpict.rb": scraper("Dotpict", 'parsed_get("https://api.dotpicko.net/works/#{id}/detail")'),
        "app/logical/source/extractor/zerochan.rb": scraper("Zerochan", "page_url"),  # requests nothing
        "app/logical/source/extractor/null.rb": scraper("Null"),  # the family's plumbing
        # the file spells the class whole: its name, not the class cut at a role word (`Bot`)
        "app/logical/source/extractor/onebot.rb": scraper("OneBot"),
        # ... whose separate role words still go (`hubot_service.rb` for `HubotService` is Hubot)
        "app/logical/source/extractor/hubot_service.rb": scraper("HubotService"),
        "app/logical/source/extractor/call_me_bot.rb": scraper("CallMeBot"),  # a brand ending in a role word
        "app/logical/source/extractor/vimeo.rb": scraper("Vimeo"),
    })
    ids = service_ids(inv)
    assert {"twitter", "reddit", "youtube", "imgur", "pinterest", "lofter", "rule34-dot-us", "dotpict", "onebot", "hubot", "call-me-bot"} <= ids
    assert not {"zerochan", "null", "dotpicko", "one", "hubot-service", "call-me"} & ids


def test_a_member_whose_brand_holds_a_role_word_keeps_it(tmp_path):
    """`CurrencyApiClient` calling api.currencyapi.com is CurrencyAPI: the class's whole name
    agrees with the host before `Api` and `Client` are cut as role words (which would leave a
    vendor called "currency")."""
    def client(folder: str, cls: str, host: str) -> tuple[str, str]:
        return (f"apps/web/lib/{folder}/client.ts",
                f'import {{ HttpBaseClient }} from "@/lib/http/base-client";\n\n'
                f"class {cls} extends HttpBaseClient {{\n"
                f'  protected readonly baseUrl = "https://{host}/v3";\n'
                f'  async latest() {{ return await this.get("/latest"); }}\n}}\n')

    files = dict([
        client("currencyapi", "CurrencyApiClient", "api.currencyapi.com"),
        client("fixerio", "FixerClient", "data.fixer.io"),
        client("openexchange", "OpenExchangeRatesClient", "openexchangerates.org"),
        client("bloxtrol", "BloxtrolClient", "api.bloxtrol.io"),
        client("quorvex", "QuorvexClient", "api.quorvex.com"),
        client("devto", "DevToClient", "dev.to"),  # spelled exactly without the role word
    ])
    files["apps/web/lib/http/base-client.ts"] = "export class HttpBaseClient {}\n"
    ids = service_ids(scan_tree(tmp_path, files))
    assert {"currencyapi", "dev-to"} <= ids
    assert not {"currency", "dev-to-client"} & ids


def _mapper(cls: str, provider: str, body: str = "") -> str:
    return (
        "import fs from 'fs'\nimport { parse } from 'csv-parse'\nimport { ImportMapper } from './mapper.interface'\n\n"
        f"export class {cls} implements ImportMapper {{\n  readonly provider = '{provider}'\n"
        "  readonly expectedFileExtension = '.csv'\n\n  async *createRowStream(filePath: string) {\n"
        f"    const parser = fs.createReadStream(filePath).pipe(parse({{ columns: true }}))\n{body}"
        "    for await (const row of parser) yield row\n  }\n}\n"
    )


def test_a_family_of_export_file_mappers_calls_no_vendor(tmp_path):
    """`FathomMapper implements ImportMapper`, one per analytics tool whose CSV export the user
    uploads: each reads the vendor's file format, no vendor's API."""
    inv = scan_tree(tmp_path, {
        "src/data-import/mappers/mapper.interface.ts": "export interface ImportMapper {\n  provider: string\n}\n",
        "src/data-import/mappers/fathom.mapper.ts": _mapper("FathomMapper", "fathom"),
        "src/data-import/mappers/plausible.mapper.ts": _mapper("PlausibleMapper", "plausible"),
        "src/data-import/mappers/umami.mapper.ts": _mapper("UmamiMapper", "umami"),
        "src/data-import/mappers/simple-analytics.mapper.ts": _mapper("SimpleAnalyticsMapper", "simple-analytics"),
        "src/data-import/mappers/matomo.mapper.ts": _mapper(
            "MatomoMapper", "matomo", "    const res = await fetch('https://demo.matomo.cloud/index.php?module=API')\n"),
    })
    ids = service_ids(inv)
    assert not {"fathom", "plausible", "umami", "simple-analytics"} & ids
