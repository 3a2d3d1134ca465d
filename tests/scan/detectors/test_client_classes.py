"""API client classes named after a catalog vendor (`class SonarrAPI extends ServarrBase`)."""

from __future__ import annotations

import pytest

from mkdocs_integrations.model import FEATURE
from mkdocs_integrations.scan.detectors.client_classes import DETECTOR, accepts, vendor_of


@pytest.mark.parametrize(
    "name, expected",
    [
        ("SonarrAPI", "sonarr"),
        ("TautulliAPI", "tautulli"),
        ("DropboxApiClient", "dropbox"),
        ("LastfmConnector", "lastfm"),
        ("OAuthClient", None),  # the client's role, not a vendor
        ("HttpClient", None),
        ("ExternalAPI", None),
        ("MockStripeClient", None),  # a test double
        ("UserService", None),  # no client role word
    ],
)
def test_vendor_of_class_name(name, expected):
    assert vendor_of(name) == expected


def test_client_class_of_a_catalog_vendor_is_its_service(run_detector):
    text = "import ServarrBase from './base';\n\nclass SonarrAPI extends ServarrBase {\n  getSeries() { return this.get('/series'); }\n}\n"
    ev, _ = run_detector(DETECTOR, "server/api/servarr/sonarr.ts", text)
    assert [(e.kind, e.service, e.line) for e in ev] == [(FEATURE, "sonarr", 3)]


def test_go_struct_and_python_class(run_detector):
    ev, _ = run_detector(DETECTOR, "internal/duo/duo.go", "package duo\n\ntype DuoClient struct {\n\tkey string\n}\n")
    assert [e.service for e in ev] == ["duo-security"]
    ev, _ = run_detector(DETECTOR, "importers/trello.py", "class TrelloClient:\n    pass\n")
    assert [e.service for e in ev] == ["trello"]


def test_unknown_names_comments_and_tests_are_not_services(run_detector):
    ev, _ = run_detector(DETECTOR, "lib/client.ts", "export class InternalApiClient extends Base {}\nclass WidgetAPI {}\n")
    assert ev == []
    ev, _ = run_detector(DETECTOR, "lib/notes.ts", "// class StripeClient was removed\nexport const x = 1;\n")
    assert ev == []
    assert not accepts("tests/test_sonarr.py", "test_sonarr.py")


def test_resolves_like_an_integration_module(tmp_path):
    from helpers import write_tree

    from mkdocs_integrations.pipeline import build_inventory
    from mkdocs_integrations.scan import Scanner

    write_tree(tmp_path, {"server/api/tautulli.ts": "class TautulliAPI extends ExternalAPI {\n  constructor() { super(url); }\n}\n"})
    inv, _ = build_inventory(Scanner(), [tmp_path], tmp_path, analysis_date="2026-01-01")
    assert "tautulli" in {u.id for u in inv.services}


def test_generated_rpc_stubs_are_the_apps_own_services():
    """`type appServiceClient struct` in protoc/Connect output is the app's own AppService,
    not Azure App Service: generated stubs are not read, hand-written clients still are."""
    for rel in ("gen/proto/ctrl/v1/ctrlv1connect/app.connect.go", "gen/proto/hydra/v1/app_restate.pb.go",
                "api/app_pb2_grpc.py", "src/gen/app_connect.ts"):
        assert not accepts(rel, rel.rsplit("/", 1)[-1])
    assert accepts("pkg/clients/azure.go", "azure.go")


def test_a_cloud_products_name_alone_needs_its_company_in_the_file(run_detector):
    # `workers` alone is Cloudflare Workers' product name, and an everyday word: the app's own
    # client of its workers API names no vendor; with the company in the file it does.
    text = "class WorkersClient(BaseRestClient):\n    def list(self):\n        return self._get('/workers')\n"
    ev, _ = run_detector(DETECTOR, "sdk/features/workers.py", text)
    assert ev == []
    text = "import cloudflare\n\nclass WorkersClient:\n    api = cloudflare.Cloudflare()\n"
    ev, _ = run_detector(DETECTOR, "app/deploy/workers.py", text)
    assert [e.service for e in ev] == ["cloudflare-workers"]


def test_an_everyday_word_vendor_needs_its_name_elsewhere(run_detector):
    """`SignalClient` in a WebRTC or mesh VPN app is the client of its own signalling server;
    Signal (catalog `word_name`) counts only where the file names it another way."""
    own = 'package main\n\ntype SignalClient struct {\n\tSignalURL string\n}\n'
    ev, _ = run_detector(DETECTOR, "relay/testec2/signal.go", own)
    assert ev == []
    bridge = 'package notify\n\nimport "os"\n\ntype SignalClient struct{ url string }\n\nfunc New() SignalClient {\n\treturn SignalClient{url: os.Getenv("SIGNAL_CLI_REST_API_URL")}\n}\n'
    ev, _ = run_detector(DETECTOR, "notify/signal.go", bridge)
    assert [e.service for e in ev] == ["signal"]


def test_a_vendor_settings_type_holding_its_credentials_is_its_service(run_detector):
    """`type AmazonS3Config struct { AccessKeyID; SecretAccessKey; Bucket }`: the settings of one
    backend the app can be configured for, named after it (the company spelled out, "Amazon",
    names the AWS product). A vendor-named settings type without a credential field, or a
    settings type named for no vendor, is none."""
    go = ("package config\n\ntype AmazonS3Config struct {\n\tAccessKeyID     string\n\tSecretAccessKey string\n"
          "\tBucket          string\n\tRegion          string\n}\n\ntype Configuration struct {\n\tFilesS3Config AmazonS3Config\n}\n")
    ev, _ = run_detector(DETECTOR, "server/services/config/config.go", go)
    assert [(e.service, e.line, e.get("class")) for e in ev if e.kind == FEATURE] == [("aws-s3", 3, "AmazonS3Config")]
    no_secret = "class StripeSettings:\n    show_badge: bool = True\n"
    ev, _ = run_detector(DETECTOR, "app/settings.py", no_secret)
    assert [e for e in ev if e.kind == FEATURE] == []
    generic = "type DatabaseConfig struct {\n\tApiKey string\n}\n"
    ev, _ = run_detector(DETECTOR, "internal/config.go", generic)
    assert [e for e in ev if e.kind == FEATURE] == []
