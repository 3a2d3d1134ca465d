"""Integration modules: vendor-named folders and files under an integrations folder."""

from __future__ import annotations

import pytest

from mkdocs_integrations.model import FEATURE
from mkdocs_integrations.scan.detectors.integration_modules import DETECTOR, accepts
from mkdocs_integrations.scan.detectors.module_paths import module_of

GOTIFY = """\
import requests

def notify(url, token, title):
    return requests.post(url + "/message", params={"token": token}, json={"title": title})
"""


def test_catalog_vendor_folder_is_its_service(run_detector):
    ev, _ = run_detector(DETECTOR, "hc/integrations/pagerduty/transport.py", "def notify(): pass\n")
    assert [(e.kind, e.service) for e in ev] == [(FEATURE, "pagerduty")]


def test_unknown_vendor_counts_only_when_the_module_calls_out(run_detector):
    ev, _ = run_detector(DETECTOR, "internal/integration/wallabag/client.py", GOTIFY)
    assert [(e.name, e.service) for e in ev] == [("integration_module:wallabag", "")]
    ev, _ = run_detector(DETECTOR, "internal/integration/wallabag/forms.py", "class WallabagForm: pass\n")
    assert ev == []
    ev, _ = run_detector(DETECTOR, "app/api/webhooks/retry.ts", "export const retry = () => fetch('https://x.io/a');\n")
    assert ev == []  # a plain file in a webhooks folder may be a helper


def test_templates_are_not_modules():
    assert not accepts("resources/views/webhooks/slack.blade.php", "slack.blade.php")


LINKDING = """\
package linkding

import "net/http"

func (c *Client) CreateBookmark(entryURL string) error {
	apiEndpoint, _ := urllib.JoinBaseURLAndPath(c.baseURL, "/api/bookmarks/")
	_, err := client.New(apiEndpoint).WithMethod(http.MethodPost).Do()
	return err
}
"""


def test_a_module_calling_a_configured_base_url_calls_out(run_detector):
    ev, _ = run_detector(DETECTOR, "internal/integration/linkding/linkding.go", LINKDING)
    assert [e.name for e in ev] == ["integration_module:linkding"]


def test_a_ui_component_fetching_the_apps_own_api_does_not(run_detector):
    card = "export function Card() { return fetch('/api/integrations/acmebot').then(r => r.json()); }\n"
    ev, _ = run_detector(DETECTOR, "web/integrations/acmebot/card-view.tsx", card)
    assert ev == []


def test_mixed_folders_take_only_catalog_vendors(run_detector):
    ev, _ = run_detector(DETECTOR, "taiga/hooks/gitlab/services.py", "def get_or_generate_config(project): pass\n")
    assert [(e.service) for e in ev] == ["gitlab"]
    ev, _ = run_detector(DETECTOR, "pkg/modules/migration/microsoft-todo/microsoft_todo.go", LINKDING)
    assert ev == []  # calls out, but an unknown name in a mixed folder is not a vendor
    assert module_of("src/hooks/useDebounce.ts") == ("usedebounce", False)
    ev, _ = run_detector(DETECTOR, "src/hooks/useDebounce.ts", "export const useDebounce = () => fetch('https://x.io/a');\n")
    assert ev == []


def test_laravel_webhook_controllers_name_catalog_vendors(run_detector):
    ev, _ = run_detector(DETECTOR, "app/Http/Controllers/Webhook/Bitbucket.php", "<?php\nclass Bitbucket extends Controller {}\n")
    assert [e.service for e in ev] == ["bitbucket"]
    ev, _ = run_detector(DETECTOR, "app/Http/Controllers/Webhook/Retry.php", "<?php\nHttp::post('https://x.io/a');\n")
    assert ev == []  # an unknown name in a singular webhook folder is a helper, not a vendor


WORKFLOWS = """\
package teamsworkflows

import "net/http"

func Send(url string) error { _, err := http.Post(url, "application/json", nil); return err }
"""


def test_a_compound_name_that_starts_with_a_catalog_vendor_is_that_vendor(run_detector):
    ev, _ = run_detector(DETECTOR, "alerting/provider/teamsworkflows/teamsworkflows.go", WORKFLOWS)
    assert [(e.name, e.service) for e in ev] == [("integration_module:microsoft-teams", "microsoft-teams")]
    # the rest must be a word of its own: `signalr` is not Signal (it is Azure SignalR)
    ev, _ = run_detector(DETECTOR, "alerting/provider/signalr/signalr.go", WORKFLOWS.replace("teamsworkflows", "signalr"))
    assert [e.service for e in ev] == ["azure-signalr"]


def test_a_feature_named_after_the_vendor_it_calls_is_that_vendor(run_detector):
    """`integrations/github_repository_benefit/` linking only to github.com is GitHub's code (a
    benefit built on GitHub), not a vendor named "Github Repository Benefit"; a module of such a
    name calling another domain stays a vendor of its own."""
    install = ('from fastapi.responses import RedirectResponse\n\n\n@router.get("/install")\n'
               'async def install(ns: str):\n    return RedirectResponse(f"https://github.com/apps/{ns}/installations/new")\n')
    ev, _ = run_detector(DETECTOR, "server/app/integrations/github_repository_benefit/endpoints.py", install)
    assert [(e.name, e.service) for e in ev] == [("integration_module:github", "github")]
    other = install.replace("https://github.com/apps/{ns}/installations/new", "https://api.stars-archive.io/v1/{ns}")
    ev, _ = run_detector(DETECTOR, "server/app/integrations/github_stars_archive/endpoints.py", other)
    assert [(e.name, e.service) for e in ev] == [("integration_module:github-stars-archive", "")]

def test_links_and_documentation_pages_are_not_calls(run_detector):
    """A settings component linking to the vendor's site or docs (Make's integration page, a
    Meta Pixel reference) calls nothing: the block posts to a user's webhook elsewhere."""
    settings = 'export const S = () => <a href="https://www.make.com/en/integrations/acme">Make</a>;\n'
    ev, _ = run_detector(DETECTOR, "src/features/blocks/integrations/makeCom/components/MakeComSettings.tsx", settings)
    assert ev == []
    docs = 'const ref =\n  "https://developers.facebook.com/docs/meta-pixel/reference#standard-events";\n'
    ev, _ = run_detector(DETECTOR, "src/features/blocks/integrations/pixel/components/PixelSettings.tsx", docs)
    assert ev == []
    ev, _ = run_detector(DETECTOR, "src/integrations/wallabag/client.ts", 'await fetch("https://app.wallabag.it/oauth/v2/token");\n')
    assert [e.name for e in ev] == ["integration_module:wallabag"]


def test_namespaced_plugin_folders_name_their_vendor(run_detector):
    """`lemur/plugins/lemur_digicert/`: a plugin folder carrying the package's own name before
    the vendor's. Other plugin folders and files (editor, build and UI plugins) name nothing."""
    assert module_of("lemur/plugins/lemur_digicert/plugin.py") == ("digicert", True)
    assert module_of("frontend/plugins/toast.client.ts") is None
    assert module_of("shared/editor/plugins/UploadPlugin.ts") is None
    assert module_of("plugins/discord/server/auth.ts") is None  # the app's own feature plugin
    assert module_of("plugins/host_httpclient.go") is None
    ev, _ = run_detector(DETECTOR, "lemur/plugins/lemur_acmeca/plugin.py", GOTIFY)
    assert [(e.name, e.service) for e in ev] == [("integration_module:acmeca", "")]
    assert module_of("src/plugins/markdown/index.ts") is None  # not namespaced: no vendor
    ev, _ = run_detector(DETECTOR, "lemur/plugins/lemur_slack/plugin.py", "class SlackNotificationPlugin: pass\n")
    assert [e.service for e in ev] == ["slack"]


def test_plugin_metadata_links_are_no_requests(run_detector):
    meta = 'class JavaKeystoreExportPlugin:\n    author_url = "https://github.com/someone"\n'
    ev, _ = run_detector(DETECTOR, "lemur/plugins/lemur_jks/plugin.py", meta)
    assert ev == []


def test_pluggable_backends_name_catalog_vendors_only(run_detector):
    assert module_of("backend/src/media/backends/webdav-backend.ts") == ("webdav", True)
    ev, _ = run_detector(DETECTOR, "backend/src/media/backends/webdav-backend.ts", "export class WebdavBackend {}\n")
    assert [e.service for e in ev] == ["webdav"]
    ev, _ = run_detector(DETECTOR, "taiga/events/backends/rabbitmq.py", "import amqp\n")
    assert [e.service for e in ev] == ["rabbitmq"]
    src = "import fetch from 'node-fetch';\nexport const put = () => fetch('https://x.io/a', { method: 'PUT' });\n"
    ev, _ = run_detector(DETECTOR, "backend/src/media/backends/filesystem-backend.ts", src)
    assert ev == []  # calls out, but an unknown name among backends is no vendor


def test_a_go_backend_folder_holds_one_package_per_vendor(run_detector):
    """restic's `internal/backend/b2/`, rclone's `backend/swift/`: a Go storage layer's packages,
    one per vendor, under a singular `backend/`; its own packages (`backend/location/`, the
    repository URL parser, not AWS Location) and a non-Go monorepo's `backend/` name none."""
    ev, _ = run_detector(DETECTOR, "internal/backend/sftp/sftp.go", "package sftp\n")
    assert [e.service for e in ev] == ["sftp"]
    ev, _ = run_detector(DETECTOR, "internal/backend/rclone/backend.go", "package rclone\n")
    assert [e.service for e in ev] == ["rclone"]
    assert module_of("internal/backend/location/location.go") is None
    src = "package limiter\nimport \"net/http\"\nfunc get() { http.Get(\"https://x.io/a\") }\n"
    ev, _ = run_detector(DETECTOR, "internal/backend/limiter/limiter.go", src)
    assert ev == []  # calls out, but an unknown name among backends is no vendor
    assert module_of("backend/celery/tasks.py") is None


def test_a_dotnet_backend_folder_holds_one_project_per_vendor(run_detector):
    """Duplicati's `Library/Backend/OneDrive/` (project `Duplicati.Library.Backend.OneDrive`): a
    .NET storage layer's projects, one per vendor, under a singular `Backend/`; like Go's, only
    catalog vendors count there, and a Python or JS monorepo's `backend/` names none."""
    assert module_of("Duplicati/Library/Backend/OneDrive/OneDrive.cs") == ("onedrive", True)
    ev, _ = run_detector(DETECTOR, "Duplicati/Library/Backend/pCloud/pCloudBackend.cs", "namespace X.Backend.pCloud;\n")
    assert [e.service for e in ev] == ["pcloud"]
    src = 'class Api { async Task Get() => await new HttpClient().GetAsync("https://x.io/a"); }\n'
    ev, _ = run_detector(DETECTOR, "src/Backend/Controllers/UsersController.cs", src)
    assert ev == []  # a .NET app's own server half: no vendor
    assert module_of("backend/src/storage/onedrive.ts") is None


def test_driver_folders_name_catalog_vendors_only(run_detector):
    """cloudreve's `pkg/filemanager/driver/onedrive/`: a storage layer's drivers, one per vendor;
    the app's own drivers beside them (`driver/local/`, a database layer's `Driver/Base.php`) name none."""
    assert module_of("pkg/filemanager/driver/onedrive/api.go") == ("onedrive", True)
    ev, _ = run_detector(DETECTOR, "pkg/filemanager/driver/onedrive/api.go", "package onedrive\n")
    assert [e.service for e in ev] == ["onedrive"]
    ev, _ = run_detector(DETECTOR, "libs/PicoDb/Driver/Mssql.php", "<?php\nclass Mssql extends Base {}\n")
    assert [e.service for e in ev] == ["mssql"]
    src = 'package remote\nimport "net/http"\nfunc f() { http.Post("https://x.io/a", "", nil) }\n'
    ev, _ = run_detector(DETECTOR, "pkg/filemanager/driver/remote/client.go", src)
    assert ev == []  # calls out, but an unknown name among drivers is no vendor


def test_a_kind_folders_unknown_vendor_counts_when_it_calls_out(run_detector):
    ev, _ = run_detector(DETECTOR, "server/notification-providers/alerta.js",
                         'const axios = require("axios");\nmodule.exports = (n) => axios.post(n.alertaApiEndpoint, {});\n')
    assert [(e.name, e.service) for e in ev] == [("integration_module:alerta", "")]


def test_a_notification_services_folder_holds_one_vendor_per_file(run_detector):
    src = 'module NotificationServices\n  class PushoverService < NotificationService\n    def create_notification(problem)\n      Pushover2::Message.new(user: api_token).push\n    end\n  end\nend\n'
    ev, _ = run_detector(DETECTOR, "app/models/notification_services/pushover_service.rb", src)
    assert [e.service for e in ev] == ["pushover"]


def test_analytics_folders_name_catalog_vendors_only(run_detector):
    ev, _ = run_detector(DETECTOR, "server/analytics/umami-analytics.js", "module.exports = () => '<script defer></script>';\n")
    assert [e.service for e in ev] == ["umami"]
    ev, _ = run_detector(DETECTOR, "server/analytics/funnel-analytics.js", "fetch('https://x.io/api/e');\n")
    assert ev == []


@pytest.mark.parametrize(
    "rel, service",
    [
        ("server/modules/search/elasticsearch/engine.js", "elasticsearch"),
        ("server/modules/storage/digitalocean/storage.js", "digitalocean-spaces"),  # the kind's service of the vendor
        ("server/modules/authentication/github/authentication.js", "github-oauth"),  # sign-in, not the API
        ("server/modules/authentication/keycloak/authentication.js", "keycloak"),
        ("server/modules/rendering/markdown-kroki/renderer.js", "kroki"),  # the format's renderer
        ("server/modules/analytics/umami2/code.js", "umami"),  # the vendor's second version
        ("server/modules/analytics/yandex/code.js", "yandex-metrica"),
    ],
)
def test_module_kind_resolves_to_the_kinds_service(run_detector, rel, service):
    ev, _ = run_detector(DETECTOR, rel, "module.exports = { init() {} }\n")
    assert [e.service for e in ev] == [service]


def test_module_kind_counts_catalog_vendors_only(run_detector):
    for rel in ("server/modules/storage/disk/storage.js", "server/modules/search/db/engine.js",
                "server/modules/authentication/azure/authentication.js",  # an umbrella's name: which product?
                "server/modules/rendering/html-mermaid/renderer.js",
                # a module's own config file: its last word `dev` is no prefix of `devise`
                "packages/modules/auth/mikro-orm.config.dev.ts",
                # the app's own login page: `login` is no word of `loginradius`
                "apps/web/modules/auth/login/page.tsx"):
        if accepts(rel, rel.rsplit("/", 1)[-1]):
            ev, _ = run_detector(DETECTOR, rel, "module.exports = { init() { return fetch('https://x.io/a') } }\n")
            assert ev == [], rel


@pytest.mark.parametrize("rel", [
    "Emby.Server.Implementations/ScheduledTasks/Triggers/DailyTrigger.cs",  # `daily` is a word, not Daily.co
    "app/Console/Commands/Location/MakeLocationCommand.php",  # nor `make` Make.com
    "backend/app/Http/Actions/Attendees/ResendAttendeeTicketAction.php",  # nor `resend` (a verb) Resend
])
def test_a_kind_class_named_with_an_everyday_vendor_word_names_no_vendor(run_detector, rel):
    assert run_detector(DETECTOR, rel, "public class C {}\n")[0] == []


def test_a_vendor_named_with_an_everyday_word_counts_only_on_purpose(run_detector):
    """`notifications/threads.py` notifies about the app's own threads; a provider file named for
    Meta's Threads on purpose (`threads.provider.ts`) is that vendor's module."""
    ev, _ = run_detector(DETECTOR, "misago/notifications/threads.py", "def notify_on_new_thread_reply(thread):\n    pass\n")
    assert ev == []
    ev, _ = run_detector(DETECTOR, "libraries/integrations/social/threads.provider.ts",
                         "export class ThreadsProvider { post() { return fetch('https://graph.threads.net/v1.0/me/threads'); } }\n")
    assert [e.service for e in ev] == ["threads"]


@pytest.mark.parametrize("rel, vendor_rel, service", [
    # materializing synced records into views is no Materialize; Graphite is also a colour and a theme
    ("app/integrations/materialize.py", "app/integrations/materialize/client.py", "materialize"),
    ("app/integrations/graphite.py", "app/integrations/graphite/client.py", "graphite"),
    ("app/integrations/presto.py", "app/integrations/presto/client.py", "presto"),
])
def test_engines_named_with_everyday_words_count_only_on_purpose(run_detector, rel, vendor_rel, service):
    code = "import requests\n\ndef sync():\n    requests.post('https://hooks.example.org/a')\n"
    assert run_detector(DETECTOR, rel, code)[0] == []
    assert [e.service for e in run_detector(DETECTOR, vendor_rel, code)[0]] == [service]


def test_a_script_vendors_module_is_its_snippet_file(run_detector):
    code = "head: |\n  <script>(function(){ var s = '{{host}}/tracker.js' })()</script>\n"
    ev, _ = run_detector(DETECTOR, "server/modules/analytics/fathom/code.yml", code)
    assert [e.service for e in ev] == ["fathom"]
    # a manifest that loads and links nothing is no evidence, nor one outside a vendor's folder
    assert run_detector(DETECTOR, "server/modules/analytics/fathom/definition.yml", "key: fathom\ntitle: Fathom\n")[0] == []
    assert not accepts("server/modules/analytics/config.yml", "config.yml")


def test_channel_folders_under_providers_hold_one_vendor_each(run_detector):
    src = "import axios from 'axios';\nexport const send = (c) => axios.post(`http://${c.host}:${c.port}/cgi-bin/sendsms`);\n"
    ev, _ = run_detector(DETECTOR, "packages/providers/src/lib/sms/smsgate/smsgate.provider.ts", src)
    assert [(e.name, e.service) for e in ev] == [("integration_module:smsgate", "")]
    ev, _ = run_detector(DETECTOR, "packages/providers/src/lib/chat/msTeams/msTeams.provider.ts", src)
    assert [e.service for e in ev] == ["microsoft-teams"]  # a catalog vendor by its env prefix's name
    ev, _ = run_detector(DETECTOR, "packages/providers/src/lib/sms/eazy-sms/eazy-sms.provider.ts", src)
    assert [e.service for e in ev] == ["eazy-sms"]
    assert not accepts("apps/web/src/components/preview/sms/SmsPreview.tsx", "SmsPreview.tsx")
    ev, _ = run_detector(DETECTOR, "src/providers/AuthProvider/chat/ChatBox.tsx", src)
    assert ev == []  # a plain file of a React provider's folder is no vendor module


def test_the_apps_own_import_export_and_telemetry_features_name_no_vendor(run_detector):
    """NestJS apps keep their own features under `integrations/` (`integrations/export/`,
    `integrations/import/`, `integrations/telemetry/`) beside their vendors' modules: what the
    module does, not whom it calls, even when it builds `/api/...` links or posts its usage report."""
    for rel in (
        "apps/server/src/integrations/export/utils.ts",
        "apps/server/src/integrations/import/services/import-attachment.service.ts",
        "apps/server/src/integrations/telemetry/telemetry.service.ts",
        "app/integrations/exports/csv.py",
    ):
        assert module_of(rel) is None, rel
        assert not accepts(rel, rel.rsplit("/", 1)[-1]), rel
    # a vendor's module beside them still counts
    ev, _ = run_detector(DETECTOR, "apps/server/src/integrations/wallabag/client.py", GOTIFY)
    assert [e.name for e in ev] == ["integration_module:wallabag"]


# --- classes named for the kind their package holds, one per vendor -----------------------


def test_kind_class_of_a_catalog_vendor_is_its_service(run_detector):
    ev, _ = run_detector(
        DETECTOR, "src/main/java/org/app/notificators/NotificatorPushover.java",
        "public class NotificatorPushover extends Notificator {}\n",
    )
    assert [(e.kind, e.service) for e in ev] == [(FEATURE, "pushover")]
    # a forwarder's vendor after the kind word, the subject before it ignored
    ev, _ = run_detector(
        DETECTOR, "src/main/java/org/app/forward/PositionForwarderKafka.java",
        "public class PositionForwarderKafka implements PositionForwarder {}\n",
    )
    assert [e.service for e in ev] == ["kafka"]


def test_kind_class_only_a_catalog_id_or_name_counts(run_detector):
    # `Box` is a three-letter id and `Circle` an env prefix's word of CircleCI: a tracker's
    # protocol and a tracker maker's device, no vendors
    for rel in ("src/main/java/org/app/protocol/BoxProtocolDecoder.java", "src/main/java/org/app/protocol/CircleProtocolDecoder.java"):
        ev, _ = run_detector(DETECTOR, rel, "public class X {}\n")
        assert ev == []


def test_kind_class_outside_the_catalog_needs_its_own_host(run_detector):
    ev, _ = run_detector(
        DETECTOR, "src/main/java/org/app/geocoder/AcmeGeoGeocoder.java",
        'class AcmeGeoGeocoder { String url = "http://services.acmegeo.com/reverse?lat=%f"; }\n',
    )
    assert [(e.name, e.service) for e in ev] == [("integration_module:acmegeo", "")]
    # a class adding what it provides after the vendor's name (`<Vendor>RateProvider`): the
    # vendor's words agree with the host, spelled short or under a product subdomain
    for cls, url, module in (
        ("BareBitcoinRateProvider", "https://api.bb.no/v1/price/nok", "bare-bitcoin"),
        ("CryptoMarketExchangeRateProvider", "https://api.exchange.cryptomkt.com/api/3/public/ticker/", "crypto-market"),
        ("RipioExchangeProvider", "https://api.ripiotrade.co/v4/public/tickers", "ripio"),
        ("DesiboardRateProvider", "https://desiboard.thevikas.com/api/price", "desiboard"),
    ):
        ev, _ = run_detector(DETECTOR, f"Rating/Providers/{cls}.cs", f'class {cls} {{ string Url = "{url}"; }}\n')
        assert [e.name for e in ev] == [f"integration_module:{module}"], cls
    # a stand-in class and its placeholder host name no vendor
    ev, _ = run_detector(DETECTOR, "Rating/Providers/NullRateProvider.cs",
                         'class NullRateProvider { Info I => new Info("NULL", "https://NULL.NULL"); }\n')
    assert ev == []
    # a hardware maker's decoder calls no host of its own: no service
    ev, _ = run_detector(DETECTOR, "src/main/java/org/app/protocol/Gt06ProtocolDecoder.java", "class Gt06ProtocolDecoder {}\n")
    assert ev == []
    # a catalog host is that service already; an umbrella cloud's other host names no product
    for url in ("https://api.map.baidu.com/reverse_geocoding/v3/", "https://www.googleapis.com/geolocation/v1/geolocate"):
        ev, _ = run_detector(
            DETECTOR, "src/main/java/org/app/geolocation/GoogleGeolocationProvider.java",
            f'class GoogleGeolocationProvider {{ String url = "{url}"; }}\n',
        )
        assert ev == []


@pytest.mark.parametrize(
    "rel, expected",
    [
        # a Go app's kind packages at the top of the repository or under internal/ and pkg/
        ("storage/minio_s3.go", "minio"),  # the vendor before the protocol's name
        ("storage/qiniu_cloud.go", "qiniu-kodo"),
        ("internal/storage/tencent_cloud_cos.go", "tencent-cloud-cos"),
        ("idv/jumio.go", "jumio"),  # identity verification vendors
        ("captcha/geetest.go", "geetest"),
        ("storage/local_file_system.go", None),  # the app's own storage: no catalog vendor
        ("storage/storage.go", None),  # the package's dispatcher
        ("web/src/storage/minio.ts", None),  # a `storage/` folder deep in an app is its own feature
    ],
)
def test_top_level_kind_packages(run_detector, rel, expected):
    ev, _ = run_detector(DETECTOR, rel, "package storage\n") if accepts(rel, rel.rsplit("/", 1)[-1]) else ([], None)
    assert [e.service for e in ev] == ([expected] if expected else [])


@pytest.mark.parametrize(
    "rel, expected",
    [
        ("object/syncer_okta.go", "okta"),  # one file per vendor of a role, role word first
        ("object/syncer_keycloak.go", "keycloak"),
        ("app/notifier_pushover.py", "pushover"),
        ("object/syncer_user.go", None),  # the role's own files name no vendor
        ("object/syncer_util.go", None),
        ("object/syncer_okta_test.go", None),  # its tests
        ("object/user_okta.go", None),  # no role word first
        # a forge's webhook payload formats, one file per vendor (gogs' `internal/database/`)
        ("internal/database/webhook_slack.go", "slack"),
        ("internal/database/webhook_dingtalk.go", "dingtalk"),
        ("internal/database/webhook_handler.go", None),  # the webhook system's own file
        ("internal/database/webhook_test.go", None),
        ("app/notify_discord.py", "discord"),
    ],
)
def test_role_files_of_catalog_vendors(run_detector, rel, expected):
    name = rel.rsplit("/", 1)[-1]
    ev, _ = run_detector(DETECTOR, rel, "package object\n") if accepts(rel, name) else ([], None)
    assert [e.service for e in ev] == ([expected] if expected else [])


def test_a_destination_plugin_of_a_catalog_vendor_is_its_service(run_detector):
    src = 'const cdn = "cdn.lr-ingest.io/";\nexport const logrocketPlugin = { id: "logrocket", handle() { loadScript(`${cdn}LogRocket`); } };\n'
    ev, _ = run_detector(DETECTOR, "libs/js/src/destination-plugins/logrocket.ts", src)
    assert [e.service for e in ev] == ["logrocket"]


GO_HARNESS = """\
// Package harness starts the containers the integration tests need.
package harness

import (
	"context"
	"net/http"
	"testing"

	"github.com/stretchr/testify/require"
)

func New(t *testing.T) *Harness {
	_, err := http.Post(ingressURL+"/api/v1/invoke", "application/json", nil)
	require.NoError(t, err)
	return &Harness{Ctx: context.Background()}
}
"""


def test_go_test_support_is_no_vendor_module(run_detector):
    """A Go file importing `testing` outside `_test.go` is a test harness (`integration/harness/`),
    not the Harness CI vendor's module."""
    ev, _ = run_detector(DETECTOR, "svc/ctrl/integration/harness/harness.go", GO_HARNESS)
    assert ev == []
    vendor = GO_HARNESS.replace('\t"testing"\n', "").replace("t *testing.T", "t any")
    ev, _ = run_detector(DETECTOR, "svc/ctrl/integration/harness/harness.go", vendor)
    assert [e.name for e in ev] == ["integration_module:harness"]


def test_listeners_subfolder_named_for_a_catalog_vendor(run_detector):
    """Event listeners grouped per delivery channel (`app/Listeners/Gotify/`) are that vendor's
    module; a listener file named for the app's own model (`listeners/workspace.listener.ts`)
    and a domain subfolder (`Listeners/Billing/`) are not."""
    assert module_of("app/Listeners/Gotify/SendSpeedtestCompletedNotification.php") == ("gotify", True)
    assert module_of("apps/server/src/database/listeners/workspace.listener.ts") is None
    ev, _ = run_detector(DETECTOR, "app/Listeners/Ntfy/SendSpeedtestCompletedNotification.php", "<?php\nclass SendSpeedtestCompletedNotification {}\n")
    assert [(e.kind, e.service) for e in ev] == [(FEATURE, "ntfy")]
    ev, _ = run_detector(DETECTOR, "app/Listeners/Billing/SendInvoice.php", "<?php\nclass SendInvoice {}\n")
    assert ev == []


def test_a_dotnet_download_client_module_calls_out_through_its_request_builder():
    """An unknown download client's folder counts when its proxy builds requests the .NET way
    (`new HttpRequestBuilder(...)`, `_httpClient.Execute(request)`), with no URL literal."""
    from mkdocs_integrations.scan.detectors.code_facts import calls_out
    from mkdocs_integrations.scan.detectors.base import Source

    text = (
        "public class AcmeLoadProxy\n{\n    public string Version(Settings s)\n    {\n"
        "        var request = new HttpRequestBuilder(s.Host).Resource(\"version\").Build();\n"
        "        return _httpClient.Execute(request).Content;\n    }\n}\n"
    )
    src = Source("src/App.Core/Download/Clients/AcmeLoad/AcmeLoadProxy.cs", text)
    assert calls_out(src)


def test_a_surface_word_falls_to_the_catalog_vendor(run_detector):
    """`connector-dingtalk-web/` is DingTalk's package (its web surface); an unknown
    vendor keeps its whole name."""
    ev, _ = run_detector(DETECTOR, "packages/connectors/connector-dingtalk-web/src/types.ts", "export type Config = {};\n")
    assert [e.get("module") for e in ev] == ["dingtalk"]


def test_a_sign_in_connector_is_marked_with_its_folder(run_detector):
    """A module file holding the vendor's OAuth authorize URL marks its package folder as a
    sign-in connector; its other files carry the folder only."""
    ev, _ = run_detector(
        DETECTOR, "packages/connectors/connector-discord/src/constant.ts",
        "export const authorizationEndpoint = 'https://discord.com/oauth2/authorize';\n",
    )
    assert [(e.get("folder"), e.get("sign_in"), e.get("vendor")) for e in ev] == [
        ("packages/connectors/connector-discord", "1", "discord")
    ]
    ev, _ = run_detector(DETECTOR, "packages/connectors/connector-discord/src/types.ts", "export type Config = {};\n")
    assert [(e.get("folder"), e.get("sign_in")) for e in ev] == [("packages/connectors/connector-discord", "")]


def test_a_self_named_extension_of_an_unknown_vendor_counts_when_it_calls_out(run_detector):
    src = "<?php\nclass Virtfusion extends Server {\n  function r($u) { return Http::withToken($this->config('key'))->get($this->config('host') . '/api/v1' . $u); }\n}\n"
    ev, _ = run_detector(DETECTOR, "extensions/Servers/Virtfusion/Virtfusion.php", src)
    assert [(e.name, e.service) for e in ev] == [("integration_module:virtfusion", "")]
    ev, _ = run_detector(DETECTOR, "extensions/Others/Announcements/Announcements.php",
                         "<?php\nclass Announcements extends Extension { function boot() {} }\n")
    assert ev == []  # the app's own feature extension calls nowhere


def test_a_front_end_hook_highlighting_code_is_no_highlight_io(run_detector):
    """Highlight.io is named with an everyday word (catalog `word_name`): a Phoenix/React
    `hooks/highlight.js` highlighting source code is no module of it."""
    ev, _ = run_detector(DETECTOR, "assets/js/hooks/highlight.js",
                         'import { highlight } from "./cell_editor/highlight";\nconst Highlight = { mounted() { highlight(this.el); } };\nexport default Highlight;\n')
    assert ev == []


def test_a_protocol_module_or_a_stand_in_names_no_vendor(run_detector):
    """wiki.js's generic `authentication/oauth2/` module leads no vendor's id (no OAuth2 Proxy);
    vikunja's `avatar/empty/empty.go` is the avatar system's stand-in, not a vendor called Empty."""
    ev, _ = run_detector(DETECTOR, "server/modules/authentication/oauth2/authentication.js",
                         "const OAuth2Strategy = require('passport-oauth2').Strategy\nmodule.exports = { init (passport, conf) {} }\n")
    assert ev == []
    assert module_of("pkg/modules/avatar/empty/empty.go") is None


def test_an_adaptor_layer_in_a_backends_folder_names_catalog_vendors(run_detector):
    """`backends/adaptor/<vendor>_adaptor.ex`: one adapter module per destination vendor (a
    log router's sinks); the layer folder is no vendor, the file's name before `_adaptor` is."""
    ev, _ = run_detector(DETECTOR, "lib/app/backends/adaptor/axiom_adaptor.ex",
                         "defmodule App.Backends.Adaptor.AxiomAdaptor do\n  def url(c), do: c.domain\nend\n")
    assert [(e.kind, e.service) for e in ev] == [(FEATURE, "axiom")]


IDP_MANAGER = """\
package idp

import "net/http"

func (m *Manager) GetUser(id string) (*http.Response, error) {
	return m.client.Get(m.baseURL + "/users/" + id)
}
"""


def test_idp_folder_managers_name_their_identity_providers(run_detector):
    # one manager per identity provider the app provisions users in (`server/idp/keycloak.go`)
    ev, _ = run_detector(DETECTOR, "management/server/idp/keycloak.go", IDP_MANAGER)
    assert [e.service for e in ev] == ["keycloak"]
    # named the way auth libraries name the IdP: `azure` is Entra ID, not Azure's cloud
    ev, _ = run_detector(DETECTOR, "management/server/idp/azure.go", IDP_MANAGER)
    assert [e.service for e in ev] == ["microsoft-entra-id"]
    # the layer's own code beside them names no vendor, even when it calls out
    ev, _ = run_detector(DETECTOR, "management/server/idp/embedded.go", IDP_MANAGER)
    assert ev == []


def test_llm_folder_modules_name_their_model_vendors(run_detector):
    # one parser or client per LLM vendor the app calls or proxies (`internal/llm/anthropic.go`)
    ev, _ = run_detector(DETECTOR, "proxy/internal/llm/anthropic.go", "package llm\n\ntype AnthropicParser struct{}\n")
    assert [e.service for e in ev] == ["anthropic"]
    ev, _ = run_detector(DETECTOR, "proxy/internal/llm/bedrock.go", "package llm\n\ntype BedrockParser struct{}\n")
    assert [e.service for e in ev] == ["aws-bedrock"]
    # the layer's own prompts and helpers are no vendor
    ev, _ = run_detector(DETECTOR, "app/llm/prompt_builder.py", GOTIFY)
    assert ev == []


@pytest.mark.parametrize(
    "rel, expected",
    [
        # a cloud's folder: the file inside names which of its products
        ("lib/app/sinks/gcp/pubsub.ex", ["google-pubsub"]),
        ("lib/app/sinks/azure/event_hub.ex", ["azure-event-hubs"]),
        ("src/integrations/aws/s3.ts", ["aws-s3"]),
        # a vendor's module holding the cloud's managed offering of it (MSK's IAM sign-in for Kafka)
        ("lib/app/sinks/kafka/aws_msk_iam/auth.ex", ["aws-msk"]),
        ("lib/app/sinks/kafka/client.ex", ["kafka"]),
        # the cloud's helpers name no product
        ("lib/app/sinks/gcp/credentials.ex", []),
        # a pipeline's own sinks beside its vendors': catalog names only
        ("src/sinks/blackhole/sink.rs", []),
    ],
)
def test_a_clouds_folder_is_the_product_its_file_names(run_detector, rel, expected):
    text = "defmodule X do\n  def run, do: Req.post(url: \"https://example.org/x\")\nend\n"
    ev, _ = run_detector(DETECTOR, rel, text)
    assert [e.service for e in ev] == expected


def test_a_folder_of_one_file_per_catalog_vendor_is_a_group_not_a_vendor(run_detector):
    """`integration/src/sink/emby.rs`, `integration/src/yank/plex.rs`: the folder below the
    container names the direction of the exchange, the files the vendors; a file named for
    no catalog vendor keeps the folder's reading, and a catalog vendor's folder stays its own."""
    body = 'pub async fn run(base_url: &str) { reqwest::get(format!("{base_url}/api")).await.ok(); }\n'
    ev, _ = run_detector(DETECTOR, "crates/services/integration/src/sink/emby.rs", body)
    assert [(e.name, e.service) for e in ev] == [("integration_module:emby", "emby")]
    ev, _ = run_detector(DETECTOR, "crates/services/integration/src/yank/plex.rs", body)
    assert [(e.name, e.service) for e in ev] == [("integration_module:plex", "plex")]
    ev, _ = run_detector(DETECTOR, "app/integrations/slack/github.py", "def notify(): pass\n")
    assert [e.service for e in ev] == ["slack"]



def test_alert_folder_holds_catalog_channels_only(run_detector):
    """A Rust crate's `src/alert/` keeps one module per channel its alerts go to (`discord.rs`
    beside `slack.rs`); the folder's own files and the app's alert UI name no vendor."""
    body = 'pub async fn send(url: &str, content: &str) { http_client().post(url).json(&content).send().await.ok(); }\n'
    ev, _ = run_detector(DETECTOR, "bin/core/src/alert/discord.rs", body)
    assert [(e.name, e.service) for e in ev] == [("integration_module:discord", "discord")]
    ev, _ = run_detector(DETECTOR, "src/alerts/pagerduty.py", "def send(event): pass\n")
    assert [e.service for e in ev] == ["pagerduty"]
    assert not accepts("bin/core/src/alert/mod.rs", "mod.rs")  # the folder's own module file
    assert run_detector(DETECTOR, "bin/core/src/alert/threshold.rs", body)[0] == []  # no vendor's name
    assert run_detector(DETECTOR, "ui/src/components/alerts/Banner.tsx", "export const Banner = () => null;\n")[0] == []


def test_a_group_folders_file_needs_a_vendors_whole_name(run_detector):
    """A file in such a folder named with a catalog keyword, not a vendor's whole name
    (`llm/l10n/translator.py` beside Azure AI Translator), or with a vendor's everyday word
    (`backend/sema/semaphore.go`, Semaphore CI), names no vendor."""
    body = 'def translate(text):\n    return client.post(f"{BASE}/translate", json={"text": text})\n'
    ev, _ = run_detector(DETECTOR, "kitsune/llm/l10n/translator.py", body)
    assert all(e.service != "azure-translator" for e in ev)
    ev, _ = run_detector(DETECTOR, "internal/backend/sema/semaphore.go", "package sema\n\ntype Semaphore struct{ ch chan struct{} }\n")
    assert all(e.service != "semaphore" for e in ev)


GO_CONTAINER_HELPER = """\
package hsic

import (
	"fmt"
	"net/http"

	"github.com/ory/dockertest/v3"
)

// HeadscaleInContainer runs the server under test in a container.
type HeadscaleInContainer struct{ pool *dockertest.Pool }

func (h *HeadscaleInContainer) Health() error {
	_, err := http.Get(fmt.Sprintf("http://%s:8080/health", h.hostname))
	return err
}
"""


def test_a_test_container_helper_is_no_vendor_module(run_detector):
    """`integration/hsic/hsic.go` starts the app in a container for its integration tests (it
    imports ory/dockertest, or a Testcontainers library in another language): a test fixture,
    not a vendor `hsic`, though it calls HTTP and is no `_test` file. The same module without
    the import is still read as a vendor's."""
    ev, _ = run_detector(DETECTOR, "integration/hsic/hsic.go", GO_CONTAINER_HELPER)
    assert ev == []
    py = "from testcontainers.postgres import PostgresContainer\nimport requests\nrequests.get(f'http://{host}/api')\n"
    ev, _ = run_detector(DETECTOR, "integrations/pgbox/client.py", py)
    assert ev == []
    vendor = GO_CONTAINER_HELPER.replace('\t"github.com/ory/dockertest/v3"\n', "").replace("*dockertest.Pool", "string")
    ev, _ = run_detector(DETECTOR, "integration/hsic/hsic.go", vendor)
    assert [e.name for e in ev] == ["integration_module:hsic"]


def test_kind_class_outside_the_catalog_is_no_vendor_for_a_home_page_link(run_detector):
    """A notice class (`Notification/Check/DonateAdvisorCheck.php`) linking people to the app's
    donation page: the link's subdomain word agrees with the class's name by chance, no vendor's
    API is requested. An API-shaped bare base URL still names its vendor."""
    ev, _ = run_detector(
        DETECTOR, "backend/src/Notification/Check/DonateAdvisorCheck.php",
        "<?php\nfinal class DonateAdvisorCheck\n{\n    public function __invoke($event): void\n    {\n"
        "        $event->addNotification(new Notification(\n            title: 'Please donate',\n"
        "            actionUrl: 'https://donate.azuracast.com/'\n        ));\n    }\n}\n",
    )
    assert ev == []
    ev, _ = run_detector(DETECTOR, "Rating/Providers/AcmeGeoRateProvider.cs",
                         'class AcmeGeoRateProvider { string Url = "https://api.acmegeo.com"; }\n')
    assert [e.name for e in ev] == ["integration_module:acmegeo"]


def test_dotnet_plugin_projects_name_catalog_vendors(run_detector):
    """`Plugins/Widgets.GoogleAnalytics/`: a .NET commerce plugin project named `<Group>.<Vendor>`
    is that vendor's module; a plugin of the app's own feature (`Shipping.ByWeight`) calling out
    is no vendor, nor is an exchange-rate plugin named for the app (its hosts name the banks)."""
    plugin = "public class GoogleAnalyticPlugin : BasePlugin, IWidgetProvider { }\n"
    ev, _ = run_detector(DETECTOR, "src/Plugins/Widgets.GoogleAnalytics/GoogleAnalyticPlugin.cs", plugin)
    assert [e.service for e in ev] == ["google-analytics"]
    calls = ('public class RateProvider {\n    public Task<Stream> Get(HttpClient c) => '
             'c.GetStreamAsync("https://rates.example.com/daily.xml");\n}\n')
    ev, _ = run_detector(DETECTOR, "src/Plugins/ExchangeRate.McExchange/RateProvider.cs", calls)
    assert ev == []


def test_a_dashboards_widget_counts_where_it_requests_its_products_api(run_detector):
    """`src/widgets/<product>/widget.js` holding a request template on the configured base URL
    is that product's client, catalogued (`sonarr`) or not (`scrutiny`); a widget that requests
    nothing of its own (a UI piece named for what it shows: `widgets/ups/`, `widgets/calendar/`)
    is none, even under a catalog vendor's name."""
    widget = 'const widget = {\n  api: "{url}/api/v3/{endpoint}?apikey={key}",\n  proxyHandler: genericProxyHandler,\n};\n'
    ev, _ = run_detector(DETECTOR, "src/widgets/sonarr/widget.js", widget)
    assert [(e.name, e.service) for e in ev] == [("integration_module:sonarr", "sonarr")]
    ev, _ = run_detector(DETECTOR, "src/widgets/scrutiny/widget.js",
                         'const widget = {\n  api: "{url}/control/{endpoint}",\n};\nexport default widget;\n')
    assert [(e.name, e.service) for e in ev] == [("integration_module:scrutiny", "")]
    ev, _ = run_detector(DETECTOR, "packages/widgets/src/ups/index.ts",
                         "export const definition = createWidgetDefinition('ups', { icon: IconBattery });\n")
    assert ev == []
    ev, _ = run_detector(DETECTOR, "src/widgets/calendar/widget.js",
                         "export const Calendar = ({ events }) => events.map(render);\n")
    assert ev == []


RENDER_SLACK = """\
use serde_json::{json, Value};

/// Block Kit body for a Slack incoming webhook.
pub fn render(title: &str, text: &str) -> Value {
    json!({"blocks": [{"type": "section", "text": {"type": "mrkdwn", "text": text}}], "text": title})
}
"""


def test_a_notification_render_stage_is_no_vendor_its_files_are(run_detector):
    """`alerts/notifications/render/slack.rs`: `render/` is the notification system's stage that
    shapes each channel's message (no Render hosting), and its files name the channels."""
    ev, _ = run_detector(DETECTOR, "src/core/src/alerts/notifications/render/slack.rs", RENDER_SLACK)
    assert [(e.kind, e.service) for e in ev] == [(FEATURE, "slack")]
    ev, _ = run_detector(DETECTOR, "src/core/src/alerts/notifications/render/teams.rs", RENDER_SLACK)
    assert [e.service for e in ev] == ["microsoft-teams"]
    ev, _ = run_detector(DETECTOR, "src/core/src/alerts/notifications/render/markdown.rs", RENDER_SLACK)
    assert ev == []  # the stage's own helper: no catalog vendor
    # under `integrations/`, a `render/` folder is still Render's module
    assert module_of("src/integrations/render/deploy.ts") == ("render", True)


REST_SOURCE = """\
import requests


class RestAPIClient:
    def __init__(self, data_source):
        self.base_url = data_source.api_base_url
        self.session = requests.Session()

    def get(self, endpoint):
        return self.session.get(f"{self.base_url}/{endpoint}").json()
"""


def test_a_rest_api_connector_beside_the_database_connectors_is_no_vendor():
    # `connectors/rest_api.py` reads any REST API at the base URL the user sets: a protocol, no vendor
    for rel in ("app/data_source/connectors/rest_api.py", "app/connectors/rest.py", "app/connectors/soap_api.py"):
        assert module_of(rel) is None, rel
        assert not accepts(rel, rel.rsplit("/", 1)[1]), rel
    # a vendor's connector beside it is still that vendor's module
    assert module_of("app/data_source/connectors/clickhouse.py") == ("clickhouse", False)
    # a vendor whose name starts with the word is still its module
    assert module_of("app/integrations/restcountries.py") == ("restcountries", False)


GO_TEAMS_NOTIFIER = """\
package msteamsv2

import "net/http"

func (n *Notifier) Notify(ctx context.Context, as ...*types.Alert) (bool, error) {
	req, _ := http.NewRequest(http.MethodPost, n.conf.WebhookURL.String(), body)
	return true, nil
}
"""


def test_a_vendors_versioned_channel_folder_is_that_vendor(run_detector):
    """Alertmanager's `notify/msteamsv2/` (here under a Go stutter name, `alertmanagernotify/`)
    posts to Microsoft Teams' Workflows webhooks: the second version of Teams' channel."""
    ev, _ = run_detector(DETECTOR, "pkg/alertmanager/alertmanagernotify/msteamsv2/msteamsv2.go", GO_TEAMS_NOTIFIER)
    assert [(e.name, e.service) for e in ev] == [("integration_module:microsoft-teams", "microsoft-teams")]
    ev, _ = run_detector(DETECTOR, "pkg/alertmanager/alertmanagernotify/opsgenie/opsgenie.go",
                         GO_TEAMS_NOTIFIER.replace("msteamsv2", "opsgenie"))
    assert [e.service for e in ev] == ["opsgenie"]


API_HELPER_TS = """\
import axios from 'api';

export const getIntegration = (props) => axios.get(`/integrations/${props.integrationId}`);
"""


def test_verb_first_api_helpers_of_the_apps_integrations_are_no_vendor(run_detector):
    """`api/Integrations/getIntegration.ts` calls the app's own `/integrations/` route: no
    uncatalogued vendor "Get"."""
    for rel in ("frontend/src/api/Integrations/getIntegration.ts", "frontend/src/api/Integrations/uninstallIntegration.ts"):
        assert not accepts(rel, rel.rsplit("/", 1)[-1]) or run_detector(DETECTOR, rel, API_HELPER_TS)[0] == []


def test_a_component_showing_a_video_does_not_call_out(run_detector):
    """A front end's notification widget (`widgets/notifications/system/WelcomeMessage.tsx`)
    that plays an intro video from a bucket's URL shows media; it requests no API, so its folder
    (`system`) names no vendor. A module fetching an API does."""
    src = """\
    export const WelcomeMessage = () => (
      <WelcomeNotificationContentLayout
        videoSrc="https://pub-3bcba1ff529f4ce3bf25b4e16962c239.r2.dev/intro.mp4"
        videoPoster="https://pub-3bcba1ff529f4ce3bf25b4e16962c239.r2.dev/thumb.png?v=2"
      />
    );
    """
    ev, _ = run_detector(DETECTOR, "frontend/src/widgets/notifications/system/WelcomeMessage.tsx", src)
    assert ev == []
    ev, _ = run_detector(DETECTOR, "src/notifications/pushover/send.ts",
                         "export const send = (m) => fetch('https://api.pushover.net/1/messages.json', {body: m});\n")
    assert [e.name for e in ev] == ["integration_module:pushover"]
def test_an_abstract_base_of_a_kinds_vendor_classes_is_no_vendor(run_detector):
    """`abstract class CloudStorageIntegration` is the base its vendors' classes extend
    (`AmazonS3Integration`): named for the kind, not for Google Cloud Storage."""
    base = ("<?php\nnamespace Plugin\\CloudStorageBundle\\Integration;\n\n"
            "abstract class CloudStorageIntegration extends AbstractIntegration\n{\n}\n")
    ev, _ = run_detector(DETECTOR, "plugins/CloudStorageBundle/Integration/CloudStorageIntegration.php", base)
    assert ev == []
    vendor = ("<?php\nnamespace Plugin\\CloudStorageBundle\\Integration;\n\n"
              "class AmazonS3Integration extends CloudStorageIntegration\n{\n}\n")
    ev, _ = run_detector(DETECTOR, "plugins/CloudStorageBundle/Integration/AmazonS3Integration.php", vendor)
    assert [e.service for e in ev] == ["aws-s3"]
