"""Where an application keeps one module per vendor, read from a file's path alone:
`internal/integration/wallabag/`, `integrations/social/bluesky.provider.ts`,
`extensions/Gateways/Stripe/Stripe.php`, `packages/connectors/connector-amazon/`.

Kept apart from the detector because the layouts are pure path rules (no file text, no
catalog) that the webhook, OAuth-client and class detectors read too.
"""

from __future__ import annotations

import functools
import re

from .base import Context
from ...names import name_words

# Folders whose children are one module per vendor. (Not `providers` or `adapters` alone: in
# front ends and frameworks those hold React context providers and storage adapters; inside one
# of these folders they group the vendors, as in `alerting/provider/slack/`.)
CONTAINERS = frozenset({
    "integration", "integrations", "notifiers", "notifier", "notifications", "transports", "connectors",
    "webhooks", "webhook", "oauth", "sso", "hooks", "importers", "importer", "migration",
    "alerting", "alerters", "alerter", "plugins", "backends", "analytics",
    # A customer-data platform's or alerting tool's destinations, one module per vendor the
    # app sends events or alerts to (RudderStack's `src/v0/destinations/hs/`, redash's
    # `destinations/pagerduty.py`, dittofeed's `destinations/postmark.ts`).
    "destinations",
    # A storage or mail layer's drivers, one per vendor behind the app's own interface
    # (`pkg/filemanager/driver/onedrive/`, `drivers/mega/`, `mail/drivers/postmark.driver.ts`).
    "driver", "drivers",
    # Event listeners grouped per channel they deliver to (a Laravel app's
    # `app/Listeners/Gotify/SendSpeedtestCompletedNotification.php`, `listeners/slack/`).
    "listeners",
    # A media automation app's download clients and indexers, one module per client or indexer
    # site it drives (the *arr family's `Indexers/Newznab/`, `ImportLists/Trakt/`; `downloaders/`,
    # `download-clients/`); a `clients/` folder counts inside a download folder only
    # (`Download/Clients/Sabnzbd/`, `_download_clients`).
    "indexers", "importlists", "import_lists", "import-lists", "downloaders", "downloadclients",
    "download_clients", "download-clients",
    # A scraping app's per-site scrapers, one module or package per site it extracts from
    # (`platforms/amazon/scraper.py`, `scrapers/platforms/tiktok.py`, `scrapers/walmart.py`);
    # a chat client's `client/platforms/anthropic.ts`, one module per model vendor.
    "platforms", "scrapers",
    # An identity-provider layer's managers, one module per IdP the app provisions users in or
    # signs in through (`server/idp/keycloak.go`, `idp/auth0.go`, `idp/providers/okta.py`).
    "idp", "idps",
    # A model layer's per-provider modules, one per LLM vendor the app calls or proxies
    # (`internal/llm/anthropic.go`, `llm/openai.py`, `component/llm/OllamaApiService.kt`).
    "llm", "llms",
    # A data pipeline's sinks, one module per destination it writes to (Vector's
    # `src/sinks/clickhouse/`, a CDC tool's `lib/<app>/sinks/kafka/client.ex`).
    "sinks",
    # A dashboard's widgets, one module per product whose API the widget shows
    # (`src/widgets/sonarr/widget.js` with `api: "{url}/api/v3/{endpoint}"`). Elsewhere a
    # widgets folder holds UI pieces, which make no requests of their own (uncatalogued names
    # count only where the module calls out).
    "widgets",
    # A notification package named for the verb, one module per channel it posts to (a Go
    # app's `app/notify/slack.go` beside `telegram.go`, a Rust workspace crate's
    # `notify/src/slack.rs` beside `matrix.rs`).
    "notify",
    # An alerting layer named for the noun, one module per channel the alerts go to (a Rust
    # crate's `src/alert/slack.rs` beside `discord.rs`, `alerts/pagerduty.py`).
    "alert", "alerts",
})
# `Download/Clients/<Vendor>/`, `downloads/clients/`: elsewhere a `clients/` folder is the
# app's own API clients or its customers.
_DOWNLOAD_FOLDERS = frozenset({"download", "downloads", "downloader", "downloaders"})
_CLIENT_FOLDERS = frozenset({"clients", "client"})


def _download_clients(parts: list[str], i: int) -> bool:
    """`parts[i]` is a `clients` folder right inside a download folder."""
    return i > 0 and parts[i].lower() in _CLIENT_FOLDERS and parts[i - 1].lower() in _DOWNLOAD_FOLDERS
# Plugin folders hold vendors among editor, build and UI plugins (`plugins/toast.client.ts`,
# `editor/plugins/UploadPlugin.ts`, an app's own feature plugins `plugins/discord/`): there only
# the namespaced layout of an application's vendor plugins counts, `lemur/plugins/lemur_digicert/`,
# where each plugin folder carries the package's own name before the vendor's.
PLUGINS = frozenset({"plugins"})
# Folders that hold vendor modules among other things (React's `hooks/`, data `migration/`,
# `importers/`, a Laravel `Controllers/Webhook/`; pluggable `backends/` of storage, mail or
# events, where `filesystem-backend.ts` and `locmem.py` sit beside `webdav-backend.ts`): there
# only a catalog vendor's name counts, never an unknown one.
# An `analytics/` folder holds the app's own event tracking beside its vendors' trackers
# (`server/analytics/umami-analytics.js`).
# A `driver/` folder holds the app's own drivers too (`driver/local/`, `driver/remote/`, a
# database layer's `Driver/Base.php`): there only a catalog vendor's name counts.
# A `listeners/` folder groups the app's own event listeners by domain too (`Listeners/Billing/`,
# Slack Bolt's `listeners/actions/`): there only a catalog vendor's name counts, and only a
# subfolder's (_FOLDER_ONLY): its files are named for the app's own events and models
# (`listeners/workspace.listener.ts`, `LoveTrackOnLastfm.php`).
# Containers whose modules count only where the module's own file requests its product's API
# on the configured base URL (`code_facts.builds_requests`), catalog names included: a
# dashboard's `widgets/ups/` or `widgets/calendar/` is as likely a UI piece named for what it
# shows (a power supply's status, the user's calendar) as a vendor's client.
REQUESTS_ONLY = frozenset({"widgets"})
CATALOG_ONLY = frozenset({
    "hooks", "importers", "importer", "migration", "webhook", "backends", "analytics", "driver", "drivers",
    "listeners",
    # the IdP layer's own code sits beside its vendors' managers (`idp/embedded.go`, `idp/util.go`)
    "idp", "idps",
    # the model layer's own prompts, parsers and pricing sit beside its vendors (`llm/prompt.py`)
    "llm", "llms",
    # a pipeline's own sinks sit beside its vendors' (`sinks/console/`, `sinks/file/`, `sinks/util/`)
    "sinks",
    # the package's own dispatcher, mail and webhook sit beside its vendors (`notify/notify.go`,
    # `notify/email.go`, `notify/webhook.go`), and elsewhere `notify/` is a feature (a mail
    # template folder, a UI toast): catalog names only
    "notify",
    # an `alert/` or `alerts/` folder is as often the app's own alert rules, models or UI
    # (`alerts/threshold.py`, `components/alerts/Banner.tsx`) as its channels: catalog names only
    "alert", "alerts",
})
_FOLDER_ONLY = frozenset({"listeners"})
# A Go storage or transport layer keeps one package per vendor under a singular `backend/`
# (restic's `internal/backend/s3/`, `internal/backend/azure/`; rclone's `backend/b2/`). In other
# languages `backend/` is a monorepo's server half (`backend/src/`, `backend/celery/`), so the
# singular counts for Go packages only, and like `backends/` for catalog vendors only.
# A .NET solution keeps the same layer as one project per vendor under `Backend/<Vendor>/`
# (Duplicati's `Library/Backend/OneDrive/`, project `Duplicati.Library.Backend.OneDrive`, each
# a class behind the app's backend interface), so C# files count too, with the same limit.
_GO_BACKEND = re.compile(r"(^|/)backend/", re.I)
_BACKEND_LANGUAGES = (".go", ".cs")


def _go_backends(rel: str) -> str:
    """The path with a Go package's or .NET project's `backend/` folder read as the `backends/`
    container, and a Go package named by its parent's name and a container word read as that
    container (`_go_stutter`)."""
    if not rel.endswith(_BACKEND_LANGUAGES):
        return rel
    rel = _GO_BACKEND.sub(r"\1backends/", rel)
    return _go_stutter(rel) if rel.endswith(".go") else rel


def _go_stutter(rel: str) -> str:
    """Go names a subpackage by its parent's name and its own word run together, so that its
    identifiers read unambiguously where imported (`alertmanager/alertmanagernotify/`, one
    package per channel inside: `alertmanagernotify/opsgenie/`, as Prometheus Alertmanager's
    own `notify/opsgenie/`). Such a folder whose own word is a container's is that container."""
    parts = rel.split("/")
    for i in range(1, len(parts) - 1):
        parent, name = parts[i - 1].lower(), parts[i].lower()
        if len(parent) >= 3 and name.startswith(parent) and name[len(parent):] in CONTAINERS:
            parts[i] = parts[i][len(parent):]
    return "/".join(parts)


# Containers of sign-in providers: `provider/oauth/gitea.py` is Gitea OAuth, not Gitea's API.
SIGN_IN_FOLDERS = frozenset({"oauth", "sso"})
# Containers of identity-provider managers: a module there is named the way auth libraries name
# the IdP (`idp/azure.go` is Microsoft Entra ID, `idp/google.go` Google sign-in), so the catalog's
# sign-in names read it first (`azure` → microsoft-entra-id, not Azure's cloud).
IDP_FOLDERS = frozenset({"idp", "idps"})
# Folders that group modules by kind inside a container (integrations/social/x.provider.ts).
GROUP_FOLDERS = frozenset({
    "social", "email", "mail", "sms", "chat", "messaging", "storage", "payment", "payments", "ai", "llm",
    "analytics", "crm", "video", "push", "calendar", "article", "articles", "notifications", "bounce",
    "provider", "providers",
    # a notification system's senders, one per vendor (`notifications/agents/discord.ts`)
    "agent", "agents",
    # where events come in from: `integrations/ingestors/sns/` beside `integrations/alerting/slack.go`
    "ingestors", "ingestor", "ingestion", "ingest",
    # download clients and indexers by protocol: `clients/torrent/deluge.py`, `downloaders/usenet/`
    "torrent", "torrents", "usenet", "nzb",
    # an e-commerce app's carriers beside its payment gateways: `integration/shipping/UPSShippingQuote.java`
    "shipping",
    # the layer of adapters behind the container's interface, one per vendor
    # (`backends/adaptor/axiom_adaptor.ex`, `integrations/adapters/stripe.ts`)
    "adapter", "adapters", "adaptor", "adaptors",
    # the vulnerability databases that report advisories to the app, one per source
    # (`integrations/vulnerabilities/osv/`, beside `integrations/vulnerabilities/models.py`)
    "vulnerabilities", "vulnerability", "advisories",
})
# A notification system's stage of work inside its container, one file per channel it shapes a
# message for (`alerts/notifications/render/slack.rs`, `render/pagerduty.rs`,
# `notifiers/formatters/teams.py`): a verb of the app's machinery, not a vendor (Render, the
# host), so a group whose files are the vendors. Only in a notification container: under
# `integrations/`, `render/` is Render's module.
_MESSAGE_STAGES = frozenset({"render", "renderer", "renderers", "formatter", "formatters"})
_MESSAGE_CONTAINERS = frozenset({"notifications", "notifiers", "notifier", "alerting", "alerters", "alerter"})
# A Java package of implementations inside a group (`integration/payment/impl/StripePayment.java`):
# the layer, not a vendor; the classes in it are the group's members.
_LAYER_FOLDERS = frozenset({"impl"})
# A web framework's layer folders inside an app named for the container (a Django app
# `integrations/` with `views/immich_view.py`, `views/strava_view.py` beside `models.py`; a
# Laravel-style `Integrations/Controllers/SlackController.php`): the files right inside are one
# per vendor, named with the layer's role word (`immich_view.py`, `StravaView.ts`,
# `wanderer_services.py`); other files there (`list_view.py`, `__init__.py`) are the app's own.
_CODE_LAYERS = frozenset({"views", "services"})
_LAYER_FILE = re.compile(r"^(.+?)(?:[._-]|(?<=[a-z0-9])(?=[A-Z]))(?i:views?|services?)\.[A-Za-z]+$")


def _before_group_word(stem: str, group: str) -> str | None:
    """The vendor part of a class named `<Vendor><Group>...` in its group's folder
    (`UPSShippingQuote` in `shipping/` → `UPS`, `BeanStreamPayment` in `payments/` → `BeanStream`);
    '' when the name starts with the group's word (`ShippingDistancePreProcessorImpl`: the
    group's own machinery); None when the name does not hold the group's word."""
    word = group[:-1] if group.endswith("s") and not group.endswith("ss") else group
    m = re.search(
        rf"(?:[._-]|(?<=[a-z0-9])(?=[A-Z])|(?<=[A-Z])(?=[A-Z][a-z])|^)(?i:{re.escape(word)}s?)(?![a-z])", stem
    )
    if m is None:
        return None
    return stem[:m.start()].rstrip("._-")
# A cloud's name, not a product's: `sinks/gcp/pubsub.ex`, `integrations/azure/event_hub.ts`,
# `sinks/kafka/aws_msk_iam/` hold that cloud's products, named by the file or folder inside.
# Each maps to the first words of its products' catalog ids.
CLOUD_WORDS: dict[str, tuple[str, ...]] = {
    "aws": ("aws", "amazon"), "amazon": ("aws", "amazon"),
    "azure": ("azure", "microsoft"),
    "gcp": ("google", "firebase"), "gcloud": ("google", "firebase"), "googlecloud": ("google", "firebase"),
    "google": ("google", "firebase"),
}


def cloud_products(rel: str) -> list[tuple[str, str]]:
    """(cloud, product name) for each folder of a path that names a cloud: the part right
    below a cloud's folder (`gcp/pubsub.ex` → ("gcp", "pubsub")), or a folder named with the
    cloud's word first (`kafka/aws_msk_iam/` → ("aws", "msk_iam"): the managed offering of the
    vendor whose module holds it). The words are the product's name to look up, a guess the
    catalog must confirm."""
    parts = rel.split("/")
    out: list[tuple[str, str]] = []
    # below the module system's folder only (`deploy/aws/` above `integrations/` is no module)
    start = max((i + 1 for i, p in enumerate(parts[:-1]) if p.lower() in CONTAINERS), default=0)
    for i, part in enumerate(parts[:-1]):
        if i < start:
            continue
        low = part.lower()
        if low in CLOUD_WORDS:
            stem = parts[i + 1].rsplit(".", 1)[0] if i + 1 == len(parts) - 1 else parts[i + 1]
            out.append((low, stem))
            continue
        words = name_words(part)
        # inside a vendor's module only: the module's own folder right below the container is
        # that vendor (`sso/GoogleWorkspaceSsoConnector/` is sign-in with Google Workspace)
        if len(words) > 1 and words[0] in CLOUD_WORDS and i > start:
            out.append((words[0], "-".join(words[1:])))
    return out


# Names that are the module system itself, not a vendor.
GENERIC_NAMES = frozenset({
    # the family's base class beside its vendors (`connectors/abstract_connector.py`, `AbstractNotifier.php`)
    "abstract", "base", "common", "core", "shared", "utils", "util", "helpers", "helper", "types", "type", "index",
    "interface", "interfaces", "models", "model", "lib", "main", "mod", "init", "config", "settings",
    "registry", "manager", "factory", "integration", "integrations", "provider", "providers", "webhook",
    "webhooks", "generic", "custom", "default", "email", "mail", "sms", "http", "https", "api", "oauth",
    "auth", "app", "route", "routes", "event", "events", "broadcast", "shell", "group", "call", "views",
    "view", "urls", "forms", "admin", "apps", "tests", "test", "mocks", "mock", "fixtures", "migrations",
    "templates", "static", "public", "social", "channel", "channels", "notifier", "transport", "adapter",
    "connector", "adaptor", "handler", "handlers", "service", "services", "client", "clients", "dto", "dtos",
    "constants", "errors", "error", "logger", "log", "store", "context", "hooks", "components", "ui",
    "local", "memory", "file", "files", "database", "db", "cache", "queue", "null", "noop", "dummy",
    # a stand-in provider of the module system (`avatar/empty/empty.go`: no avatar at all)
    "empty", "blank", "none",
    # stored payloads of a feature's records (`Notifications/Blobs/NewVersionNotification.cs`: the
    # notification kinds' serialised data), no vendor
    "blob", "blobs",
    "fake", "stub", "console", "debug", "sync", "async", "server", "web", "worker", "jobs", "job",
    "parts", "partials", "pages", "layouts", "schemas", "schema", "serializers", "list",
    "src", "source", "dist", "build", "form", "logs", "v1", "v2", "internal", "pkg", "cmd",
    "alert", "alerts", "alerting", "alerter", "alerters",
    # protocols, no vendor: an `mcp/` module configures Model Context Protocol clients; `sql/`
    # (`SqlIntegration.ts`) is the query language shared by a data source's SQL dialects
    "mcp", "graphql", "grpc", "websocket", "websockets", "sql",
    # a REST or SOAP API data source of whatever base URL the user sets
    # (`connectors/rest_api.py` beside `connectors/postgresql.py`): a protocol, no vendor
    "rest", "soap",
    # feed formats, no vendor: an import list or notifier that reads any RSS/Atom/iCal URL (`ImportLists/Rss/`)
    "rss", "atom", "ical",
    # What a module does, not whom to: `webhooks/deliver_webhook.rb`, `send_webhook.py`, `verify_signature.ts`.
    "deliver", "delivery", "send", "dispatch", "dispatcher", "process", "processor", "receive", "receiver",
    "verify", "verifier", "validate", "validator", "payload", "payloads", "incoming", "outgoing",
    # ... and the folders of them (`notification-channel/dispatchers/email-channel.service.ts`:
    # one dispatcher per channel kind, the vendors are inside)
    "dispatchers", "processors", "receivers", "verifiers", "validators", "deliveries", "senders",
    # an OAuth or connect flow's return route (`api/partners/platforms/callback/route.ts`)
    "callback", "callbacks",
    # The app's own features kept beside its vendors (NestJS apps put their import/export and
    # usage reporting under `integrations/`): moving data in and out, reporting its own telemetry.
    "import", "imports", "export", "exports", "telemetry",
    # The CRUD pages of the app's own integration settings (`manage/integrations/new/`,
    # `integrations/[id]/edit/`): route segments of what the user does, no vendor.
    "new", "edit", "create", "update", "delete",
    # where a backend's data lives, parsed from the user's repository URL (`backend/location/`):
    # the layer's own machinery, not AWS Location Service
    "location",
    # the app's own helpers for whatever lies outside (`integrations/external_services.py`)
    "external",
})
# Module names that say what the app does with its integrations, not whom with: a front end's
# API helpers, one per action and named verb first (`api/Integrations/getIntegration.ts`,
# `installIntegration.ts`, `uninstallIntegration.ts` calling the app's own `/integrations/...`
# routes), and a kind of integration (`Integrations/CloudIntegration/`, the app's AWS, Azure and
# GCP account connections, each in a folder of its own). Module paths only: elsewhere these
# words may be a file's (`get_oauth_config.go` is still a sign-in provider table's file).
_ACTION_NAMES = frozenset({
    "get", "fetch", "install", "uninstall", "enable", "disable", "connect", "disconnect", "remove", "add",
    "cloud",
})
# Trailing words of module file names: `bluesky.provider.ts`, `SlackNotifier.php`, `ses_transport.py`,
# `endurain_services.py` (a Django app's helpers for one vendor).
# A word of its own only, after a separator or a capital: `whapi` and `onebot` are names, not
# `wh` + api and `one` + bot.
# Each suffix is an atomic group: `ServiceService` reads as one suffix (`service` + `service`)
# or two, and trying every split was exponential on a long run of them. No word is a prefix
# of another, so the first reading of a suffix ends where any other one would.
ROLE_SUFFIX = re.compile(
    r"(?:(?>(?:[._-]|(?<=[a-z0-9])(?=[A-Z]))(?i:(?:service)?(?:provider|transport|integration|client|notifier|"
    r"notification|channel|adapter|adaptor|connector|services?|handler|webhook|driver|api|sender|plugin|bot|backend))))+$",
)
# Folders named for the kind of module they hold, one per vendor: `notification-providers/`,
# `sms_gateways/`, `alertChannels/`, `notification_services/`. Each file there is a vendor's module by the folder's word.
_KIND_WORDS = frozenset({
    "notification", "notifications", "alert", "alerts", "alerting", "sms", "email", "mail", "push", "chat",
    "messaging", "message", "messages",
    # where events go: a tracking library's device-mode `destination-plugins/logrocket.ts`
    "destination", "destinations",
})
_ROLE_WORDS = frozenset({
    "provider", "providers", "channel", "channels", "sender", "senders", "gateway", "gateways", "transport",
    "transports", "integration", "integrations", "notifier", "notifiers", "service", "services",
    "plugins",
})


@functools.lru_cache(maxsize=4096)
def _kind_folder(name: str) -> bool:
    """`notification-providers`, `sms_gateways`, `alertChannels`: a kind and a role word.
    Asked for every folder of every path the walk meets (few distinct names): cached."""
    words = name_words(name)
    return len(words) == 2 and words[0] in _KIND_WORDS and words[1] in _ROLE_WORDS


@functools.lru_cache(maxsize=4096)
def _qualified_integrations(name: str) -> bool:
    """`config_integrations`, `alert_integrations`, `third_party_integrations`: a qualified
    integrations folder holds one module per vendor like `integrations/` itself (an alerting
    app's alert sources, each a config module named for its vendor: `config_integrations/zabbix.py`).
    Its files sit beside the app's own kinds (`formatted_webhook.py`, `manual.py`), so a plain
    file there counts by a catalog name only, as in `hooks/`."""
    words = name_words(name)
    return len(words) >= 2 and (words[-1] == "integrations" or words[-1] in _ADAPTER_WORDS)


# A qualified adapters folder (Ruby's ActiveJob-style `webhook_adapter/open_fn_adapter.rb`,
# `queue_adapters/sidekiq_adapter.rb`, `payment_adapters/`): one adapter class per vendor behind
# the app's own interface, looked up by name. Qualified only: a bare `adapters/` folder holds a
# framework's storage or UI adapters. Catalog names only, like a qualified integrations folder.
_ADAPTER_WORDS = frozenset({"adapter", "adapters"})


# An application's own module system, one folder per kind and in it one folder per vendor:
# `server/modules/analytics/hotjar/`, `modules/search/elasticsearch/`, `plugins/storage/s3/`.
# The kind folder is a container only right inside such a root (a `search/` or `storage/`
# folder elsewhere is the app's own feature), and only a catalog vendor's name counts there:
# `storage/disk/` and `search/db/` are the app's own. The kind tells which of a vendor's
# services the module is: `storage/digitalocean/` is Spaces, `authentication/github/` GitHub's
# sign-in, not its API.
MODULE_ROOTS = frozenset({"modules", "providers", "plugins", "extensions"})
MODULE_KINDS: dict[str, frozenset[str]] = {
    "analytics": frozenset({"analytics"}),
    "authentication": frozenset({"oauth", "auth_provider"}),
    "auth": frozenset({"oauth", "auth_provider"}),
    "comments": frozenset({"external_api"}),
    "search": frozenset({"database", "external_api"}),
    "storage": frozenset({"file_storage"}),
    "rendering": frozenset({"external_api"}),
    "renderers": frozenset({"external_api"}),
    "payment": frozenset({"payment"}),
    "payments": frozenset({"payment"}),
    "captcha": frozenset({"external_api"}),
    # identity verification (KYC) vendors: `idv/jumio.go`, `kyc/onfido.py`
    "idv": frozenset({"external_api"}),
    "kyc": frozenset({"external_api"}),
}


# Go keeps an application's packages at the top of the repository or right under `internal/`
# and `pkg/`: a kind folder there is the app's module system too (`storage/minio_s3.go`,
# `internal/payment/alipay.go`), one file per vendor behind the package's dispatcher.
_PACKAGE_ROOTS = frozenset({"internal", "pkg"})
# The kinds that count there: an app's top-level `auth/`, `search/` or `analytics/` is its own feature.
_TOP_KINDS = frozenset({"storage", "payment", "payments", "captcha", "idv", "kyc"})


def module_kind(parts: list[str], i: int) -> str:
    """The kind of `parts[i]` when it is a kind folder right inside a module root or at the
    top of the application's packages, else ''."""
    low = parts[i].lower()
    if low not in MODULE_KINDS:
        return ""
    if low in _TOP_KINDS and (i == 0 or (i == 1 and parts[0].lower() in _PACKAGE_ROOTS)):
        return low
    return low if parts[i - 1].lower() in MODULE_ROOTS else ""


# A module root's kind folders named by the application itself, whatever the kind
# (`extensions/Servers/CPanel/CPanel.php`, `extensions/Gateways/Stripe/Stripe.php`, WHMCS's
# `modules/servers/cpanel/cpanel.php`): a folder per vendor holding a main file of the
# folder's own name is one module per vendor, the layout of an app's extension system. Only
# that exact shape, root/kind/<Name>/<Name>.<ext>, and never a UI component (a front end's
# `modules/editor/Toolbar/Toolbar.tsx` is a component's folder).
_SELF_NAMED_ROOTS = frozenset({"modules", "plugins", "extensions"})


def _self_named_kind(parts: list[str], i: int) -> bool:
    """`parts[i]` is a kind folder of a module root whose vendor folder below holds a file of
    its own name, the file being the path's last part: `extensions/Servers/CPanel/CPanel.php`."""
    if i < 1 or i != len(parts) - 3 or parts[i - 1].lower() not in _SELF_NAMED_ROOTS:
        return False
    name = parts[-1]
    if name.endswith(UI_FILES) or "." not in name:
        return False
    kind = parts[i].lower()
    if kind in TEST_DIRS or kind[:1] in _ROUTE_MARKS:
        return False
    stem = re.sub(r"[^a-z0-9]", "", name.rsplit(".", 1)[0].lower())
    return len(stem) >= 3 and stem == re.sub(r"[^a-z0-9]", "", parts[i + 1].lower())


def _is_container(name: str) -> bool:
    return name.lower() in CONTAINERS or _kind_folder(name) or _qualified_integrations(name)


# A delivery channel's folder inside a providers package holds one module per vendor:
# `providers/src/lib/sms/twilio/`, `providers/email/sendgrid.ts`. Alone, `sms/` or `email/` is a
# feature of the app (`components/preview/email/`); under a `providers` folder it is the vendors'.
_CHANNEL_WORDS = frozenset({"sms", "email", "mail", "push", "chat", "messaging"})
_PROVIDER_FOLDERS = frozenset({"provider", "providers"})
_CHANNEL_DEPTH = 3  # how far above the channel folder `providers/` may be (`providers/src/lib/sms/`)


def _channel_container(parts: list[str], i: int) -> bool:
    """`parts[i]` is a channel folder (`sms`) with a `providers` folder at most three folders above it."""
    return parts[i].lower() in _CHANNEL_WORDS and any(
        p.lower() in _PROVIDER_FOLDERS for p in parts[max(0, i - _CHANNEL_DEPTH):i]
    )


# A monorepo's package named for the container keeps its code in a source root:
# `packages/integrations/src/discord.ts`, `packages/importer/src/providers/amplitude.ts`.
# Containers only: in a kind folder (`modules/auth/lib/user.ts`) the files are the app's own,
# and a `lib/` there holds its helpers, whose names the kind's leading-id rule would misread.
_SOURCE_ROOTS = frozenset({"src"})

_TEST_NAME = re.compile(r"(?:[._-](?:test|spec|tests|mock|stories|d)$)|^test[_-]", re.I)
TEST_DIRS = frozenset({"tests", "test", "__tests__", "spec", "specs", "fixtures", "__mocks__", "testdata"})
TEST_FILE = re.compile(r"^(?:tests?|conftest|test_.*|.*_test|.*[._](?:test|spec|stories))\.[a-z]+$", re.I)


def container_of(rel: str) -> str:
    """The nearest container folder's name (a channel folder under `providers/` included: `sms`)."""
    parts = _go_backends(rel).lower().split("/")
    check_channels = "provider" in rel.lower()
    for i in range(len(parts) - 2, -1, -1):
        if (parts[i] in CONTAINERS or module_kind(parts, i) or (check_channels and _channel_container(parts, i))
                or _download_clients(parts, i)):
            return parts[i]
    return ""


def kind_of(rel: str) -> str:
    """The module kind of a path's innermost container (`analytics`, `storage`), or ''."""
    parts = _go_backends(rel).lower().split("/")
    for i in range(len(parts) - 2, -1, -1):
        if parts[i] in CONTAINERS or _kind_folder(parts[i]) or _qualified_integrations(parts[i]) or _download_clients(parts, i):
            return module_kind(parts, i)
        if module_kind(parts, i):
            return parts[i]
    return ""


def module_of(rel: str) -> tuple[str, bool] | None:
    """(vendor name, named on purpose) for a path's module, or None: a folder of its own or a
    file with a role word (`bluesky.provider.ts`) is named on purpose; a plain file in a
    container (`webhooks/retry.ts`) may be a helper, so only a catalog name counts there."""
    rel = _go_backends(rel)
    parts = rel.split("/")
    lowered = rel.lower().split("/")[:-1]
    channels = "provider" in rel.lower() and any(_channel_container(parts, i) for i in range(len(parts) - 1))
    if (not channels and CONTAINERS.isdisjoint(lowered)
            and not any(_kind_folder(p) or _qualified_integrations(p) for p in parts[:-1])
            and (MODULE_ROOTS.isdisjoint(lowered) or MODULE_KINDS.keys().isdisjoint(lowered))
            and not any(module_kind(parts, i) for i in range(min(2, len(parts) - 1)))
            and not any(_download_clients(parts, i) for i in range(len(parts) - 1))
            and not (len(parts) >= 4 and _self_named_kind(parts, len(parts) - 3))):
        return None  # no container folder: most paths, and the loop below would find none
    if TEST_FILE.match(parts[-1]) or any(part.lower() in TEST_DIRS for part in parts[:-1]):
        return None
    for i in range(len(parts) - 2, -1, -1):
        channel = channels and _channel_container(parts, i)
        self_named = not (channel or _is_container(parts[i]) or module_kind(parts, i) or _download_clients(parts, i))
        if self_named and not _self_named_kind(parts, i):
            continue
        j = i + 1
        if parts[j].lower() in _SOURCE_ROOTS and j < len(parts) - 1 and parts[i].lower() in CONTAINERS:
            j += 1  # a workspace package named for the container keeps its modules in `src/`
        group = ""
        if not channel and not self_named and j < len(parts) - 1 and (
            parts[j].lower() in GROUP_FOLDERS
            or (parts[j].lower() in _MESSAGE_STAGES and parts[i].lower() in _MESSAGE_CONTAINERS)
        ):
            group = parts[j].lower()
            j += 1
            if parts[j].lower() in _LAYER_FOLDERS and j < len(parts) - 1:
                j += 1
        layer_file = None
        if (not channel and not self_named and not group and parts[i].lower() in CONTAINERS
                and parts[j].lower() in _CODE_LAYERS and j == len(parts) - 2):
            layer_file = _LAYER_FILE.match(parts[-1])
            if layer_file is None:
                return None  # the layer's own files (`views/__init__.py`, `services/index.ts`)
        candidate = layer_file.group(1) if layer_file else parts[j]
        # a folder of its own, or a layer's file named with the layer's role word
        on_purpose = j < len(parts) - 1 or layer_file is not None
        if on_purpose and layer_file is None and parts[i].lower() in CONTAINERS:
            candidate = _group_member(parts, i, j) or candidate
        if not on_purpose and parts[i].lower() in _FOLDER_ONLY:
            return None
        catalog_only = False
        if parts[i].lower() in PLUGINS:
            stripped = _strip_namespace(candidate, parts[:i])
            dotted = _dotnet_plugin_vendor(candidate) if on_purpose else None
            if dotted:
                candidate, catalog_only = dotted, True
            elif not on_purpose or stripped == candidate:
                return None  # editor, build and UI plugins (`plugins/toast.client.ts`, `plugins/discord/`)
            else:
                candidate = stripped
        if not on_purpose:  # a file: its name without extension and role words
            candidate = candidate.rsplit(".", 1)[0]
            if _TEST_NAME.search(candidate):
                return None
            if candidate.split(".")[0].lower() == parts[i].lower():
                return None  # the folder's own feature module (`analytics/analytics.controller.ts`), no vendor
            # a role word in its name, or in its folder's (`notification-providers/kook.js`)
            on_purpose = bool(ROLE_SUFFIX.search(candidate)) or _kind_folder(parts[i])
            candidate = _verb_vendor_kind(candidate, parts[i]) or candidate
            vendor = _before_group_word(candidate, group) if group else None
            if vendor == "":
                return None  # the group's own class (`shipping/ShippingDecisionPreProcessor.java`)
            if vendor:
                # `<Vendor><Group>` (`UPSShippingQuote`, `StripePayment`): a vendor's module by name
                candidate, on_purpose = vendor, True
        if _qualified_integrations(parts[i]):
            # the app's own kinds and layers too (`formatted_webhook.py`, a NestJS module's
            # `partner-integrations/usecases/`): catalog names only
            on_purpose = False
        if candidate[:1] in _ROUTE_MARKS or candidate.lower() in _ROUTE_FILES:
            return None  # a web framework's route segment or page file: UI, not a vendor module
        core = ROLE_SUFFIX.sub("", candidate)
        if not core.strip("._-"):
            return None  # nothing but role words: `integration.service.ts`
        if on_purpose:
            core = _strip_role_prefix(core)
            if core is None:
                return None  # `connector-oauth2/`, `provider-mock/`: a protocol or the system's own
        words = name_words(core)
        if len(words) > 1 and words[-1] == parts[i].lower():
            words = words[:-1]  # `umami-analytics.js` in `analytics/`: the vendor's module there
        if self_named and len(words) > 1 and (words[-1] in CONTAINERS or words[-1] in _KIND_WORDS):
            # `Others/DiscordNotifications/`: the vendor and what the extension does with it
            words = words[:-1]
            core = "-".join(words)
        # (`googleAnalytics/` names a vendor; `analytics.py` and `analytics.component.tsx` do not)
        if not words or any(w in CONTAINERS and (w != "analytics" or not _other_words(words, w)) for w in words) or all(
            w in GENERIC_NAMES or w in UI_WORDS or w in _KIND_WORDS or w in _ACTION_NAMES for w in words
        ):
            return None  # about integrations in general (`integrations-layout-client.tsx`)
        squashed = "".join(words)
        # (one letter is a name only as a role-first package's vendor: `connector-x`)
        if len(squashed) < (1 if core != ROLE_SUFFIX.sub("", candidate) else 2) or squashed in GENERIC_NAMES:
            return None
        return core.lower(), on_purpose and not catalog_only
    return None


# A .NET commerce platform's plugin projects are named `<Group>.<Vendor>`, with the platform's
# namespace in front in some (nopCommerce's `Plugins/Nop.Plugin.Payments.PayPalCommerce/`,
# grandnode's `Plugins/Widgets.GoogleAnalytics/`, `Payments.BrainTree/`): the group says which
# kind of extension it is, the last part names the vendor, or the plugin's own feature
# (`Shipping.ByWeight`, `Tax.FixedRate`), so only a catalog name counts. Not the sign-in groups
# (`Authentication.Facebook`, `ExternalAuth.Google`): the vendor's name there is its sign-in, not
# the vendor's API the catalog lists under that name, and the sign-in package names it anyway.
_DOTNET_PLUGIN_GROUPS = frozenset({
    "payments", "payment", "widgets", "widget", "shipping", "tax", "exchangerate", "exchangerates",
    "pickup", "misc", "sms", "analytics",
})
_DOTNET_PLUGIN = re.compile(r"^(?:[A-Z]\w*\.Plugin\.)?([A-Z]\w*)\.([A-Z][A-Za-z0-9]+)$")


def _dotnet_plugin_vendor(name: str) -> str | None:
    """`Widgets.GoogleAnalytics` → `GoogleAnalytics`, `Nop.Plugin.Tax.Avalara` → `Avalara`; None
    for other names (`Theme.Modern` is no vendor's group, `plugin.ts` no project)."""
    m = _DOTNET_PLUGIN.match(name)
    if m is None or m.group(1).lower() not in _DOTNET_PLUGIN_GROUPS:
        return None
    return m.group(2)


# What an endpoint script does with its vendor, first in a run-together file name.
_ENDPOINT_VERBS = ("test", "save", "send", "get", "set", "update", "delete", "create", "add", "edit", "remove")


def _verb_vendor_kind(stem: str, folder: str) -> str | None:
    """The vendor of an endpoint script named all lower-case as verb, vendor and the folder's
    word run together (`notifications/testgotifynotifications.php`,
    `savediscordnotifications.php`): plain PHP apps keep one such script per vendor and
    action. A guess the catalog must confirm (the name is not one on purpose); None for other
    names (camel and snake case are split by their own rules)."""
    if not stem.isalnum() or not stem.islower():
        return None
    word = folder.lower()
    for kind in (word, word.removesuffix("s")):
        if len(kind) >= 4 and stem.endswith(kind):
            rest = stem[: -len(kind)]
            break
    else:
        return None
    for verb in _ENDPOINT_VERBS:
        if rest.startswith(verb) and len(rest) - len(verb) >= 3:
            return rest[len(verb):]
    return None


# Containers whose files are each one vendor's module by their role word. Not Laravel's
# `app/Notifications/<Group>/DomainFailureNotification.php`: the app's own notifications to its
# users, one class per event, grouped by audience.
_GROUPED_ROLES = frozenset({"integration", "connector", "provider", "adapter", "driver", "notifier"})


def _group_member(parts: list[str], i: int, j: int) -> str:
    """The vendor of a module kept one level down, in a folder the app named for a kind of
    vendor (`integrations/src/download-client/aria2/aria2-integration.ts`,
    `integrations/src/media-transcoding/tdarr-integration.ts`): a file named with the
    container's own role word (`-integration` in `integrations/`, `.notifier` in `notifiers/`)
    names its vendor on purpose, and a folder between it and the container whose words it
    does not share is a group, not a vendor. '' when the path is not so laid out: the file is
    right below the candidate folder (`download-client/x-integration.ts` with the candidate
    its group) or in a folder of its own name (`download-client/aria2/aria2-integration.ts`);
    a file sharing the folder's words (`github/github-app-integration.ts`) is the folder's."""
    rest = parts[j + 1:]
    if not 1 <= len(rest) <= 2 or all(w in GENERIC_NAMES for w in name_words(parts[j])):
        return ""  # `integrations/src/interfaces/calendar/`: the module system's own folders
    stem = rest[-1].rsplit(".", 1)[0]
    role = parts[i].lower()
    role = role[:-1] if role.endswith("s") else role
    m = ROLE_SUFFIX.search(stem)
    if m is None or role not in name_words(m.group(0)) or role not in _GROUPED_ROLES:
        return ""  # no role word, or another one (`slack/oauth-client.ts` is Slack's helper)
    core = stem[:m.start()]
    words = name_words(core)
    if not words or all(w in GENERIC_NAMES or w in GROUP_FOLDERS for w in words) or set(words) & set(name_words(parts[j])):
        return ""
    if len(rest) == 2 and name_words(rest[0]) != words:
        return ""  # `download-client/aria2/` holds `aria2-integration.ts`, not another vendor's file
    return rest[0] if len(rest) == 2 else core


# A monorepo keeps one workspace package per vendor, named role first
# (`packages/connectors/connector-amazon/`, `providers/provider-stripe/`, `plugins/plugin-slack/`,
# `adapters/adapter-s3/`, `integrations/integration-notion/`): the role word names the module
# system, the rest the vendor. A trailing channel or platform word says which of the vendor's
# surfaces the package serves (`connector-gatewayapi-sms`, `connector-dingtalk-web`,
# `connector-wechat-native`), not another vendor.
ROLE_PREFIX = re.compile(r"^(?:connector|provider|plugin|adapter|integration)[-_](?=[a-z0-9])", re.I)
_SURFACE_WORDS = frozenset({"web", "native", "sms", "email", "mail", "social", "mobile", "app"})
# What is left once the role word is gone when the package is no vendor's: a protocol client to a
# user-set endpoint (`connector-oauth2`, `connector-oidc`, `connector-http-sms`) or a stand-in
# (`connector-mock-social`, `connector-logto-social-demo`).
NO_VENDOR = frozenset({"oauth", "oauth2", "oidc", "openid", "http", "https", "mock", "demo", "example", "sample",
                        "template", "templates", "test", "dummy", "fake", "stub", "generic", "custom"})


def without_surface(name: str, ctx: Context) -> str:
    """`gatewayapi-sms` → `gatewayapi`, `dingtalk-web` → `dingtalk` when that is a catalog vendor
    (or its sign-in): the trailing word says which surface of the vendor the package serves. An
    unknown vendor keeps its whole name (`aliyun-sms` is Alibaba Cloud SMS, not all of Aliyun)."""
    words = name_words(name)
    while len(words) > 1 and words[-1] in _SURFACE_WORDS:
        words = words[:-1]
        short = "-".join(words)
        if ctx.index.service_named(short) or ctx.index.sign_in_provider(short):
            return short
    return name


def _strip_role_prefix(name: str) -> str | None:
    """`connector-amazon` → `amazon`, `connector-gatewayapi-sms` → `gatewayapi`; the name unchanged
    without a leading role word; None when the rest names no vendor (`connector-oauth2`)."""
    m = ROLE_PREFIX.match(name)
    if m is None:
        return name
    words = name_words(name[m.end():])
    if any(w in NO_VENDOR for w in words):
        return None
    if not words or all(w in GENERIC_NAMES for w in words):
        return None
    return "-".join(words)


def _other_words(words: list[str], word: str) -> list[str]:
    """The words of a name besides `word` and the module system's own (`component`, `page`)."""
    return [w for w in words if w != word and not {w, w + "s"} & (GENERIC_NAMES | UI_WORDS)]


def _strip_namespace(name: str, ancestors: list[str]) -> str:
    """`lemur_digicert` under `lemur/plugins/` → `digicert`: a plugin folder named with its
    package's own name in front. Unchanged when no ancestor folder's name leads it."""
    low = name.lower()
    for folder in ancestors:
        prefix = folder.lower()
        if len(prefix) >= 3 and len(low) > len(prefix) + 1 and low.startswith(prefix) and low[len(prefix)] in "_-.":
            return name[len(prefix) + 1:]
    return name


# Route segments of file-system routers: `[webhookId]`, `(dashboard)`, `@modal`, `_components`,
# `$id` (Remix), `:id`; and the page files of the App Router and SvelteKit.
_ROUTE_MARKS = frozenset("[(@_$:+")
_ROUTE_FILES = frozenset({
    "page", "layout", "loading", "error", "template", "not-found", "default", "route", "head", "middleware",
})
UI_WORDS = frozenset({
    "layout", "page", "client", "card", "list", "modal", "dialog", "button", "form", "settings", "icon",
    "logo", "item", "items", "table", "row", "menu", "tab", "tabs", "view", "section", "header", "footer",
})
# Component files, named for what they show (`modules/editor/Toolbar/Toolbar.tsx`, `YouTubeSidebarItem.vue`).
UI_FILES = (".tsx", ".jsx", ".vue", ".svelte", ".astro")
