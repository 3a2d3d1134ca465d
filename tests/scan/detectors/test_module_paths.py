"""Module layouts: the vendor a path's folders name, from the path alone."""

from __future__ import annotations

import pytest

from mkdocs_integrations.scan.detectors.module_paths import module_of


@pytest.mark.parametrize(
    "rel, expected",
    [
        ("internal/integration/wallabag/wallabag.go", ("wallabag", True)),
        ("hc/integrations/pagerduty/transport.py", ("pagerduty", True)),
        ("libs/src/integrations/social/bluesky.provider.ts", ("bluesky", True)),
        # `ingestors/` groups the vendors events come in from: the vendor is the folder below
        ("internal/integrations/ingestors/sns/sns.go", ("sns", True)),
        # `vulnerabilities/` groups the advisory databases: the source is the folder below, and the
        # group's own files (models, tasks) are no vendor
        ("warehouse/integrations/vulnerabilities/osv/views.py", ("osv", True)),
        ("warehouse/integrations/vulnerabilities/models.py", None),
        ("internal/bounce/webhooks/sendgrid.go", ("sendgrid", False)),
        ("app/api/webhooks/retry.ts", ("retry", False)),
        ("internal/integration/integration.go", None),  # the module system itself
        ("hc/integrations/gotify/tests.py", None),  # its tests
        ("src/providers/ThemeProvider.tsx", None),  # React providers are not vendors
        ("resources/views/settings/webhooks/parts/form.blade.php", None),
        ("apps/web/core/services/integrations/integration.service.ts", None),  # only role words
        ("app/(dashboard)/settings/webhooks/[webhookId]/page-client.tsx", None),  # a route segment
        ("app/(dashboard)/settings/integrations/page.tsx", None),  # a page file
        ("app/settings/integrations/integrations-layout-client.tsx", None),  # about integrations in general
        ("alerting/provider/slack/slack.go", ("slack", True)),  # alerting providers, one per vendor
        ("alerting/provider/incidentio/dedup.go", ("incidentio", True)),
        ("alerting/provider/provider.go", None),  # the provider system itself
        ("alerting/alert/alert.go", None),
        ("src/notifications/providers/gotify/index.ts", ("gotify", True)),
        # a media automation app's download clients and indexers, one folder per vendor
        ("src/NzbDrone.Core/Download/Clients/Sabnzbd/SabnzbdProxy.cs", ("sabnzbd", True)),
        ("src/NzbDrone.Core/Indexers/Newznab/NewznabRequestGenerator.cs", ("newznab", True)),
        ("src/NzbDrone.Core/ImportLists/Trakt/TraktProxy.cs", ("trakt", True)),
        ("src/NzbDrone.Core/ImportLists/Rss/RssImportBase.cs", None),  # a feed format, any URL: no vendor
        ("app/downloaders/torrent/deluge/client.py", ("deluge", True)),  # a protocol group first
        ("src/NzbDrone.Core/Indexers/IndexerBase.cs", ("indexerbase", False)),  # a plain file: catalog names only
        ("app/api/clients/acme/client.py", None),  # a `clients/` folder outside a download folder
        ("src/notifications/providers/NotificationProvider.tsx", None),  # React context, role words only
        ("src/providers/ThemeProvider.tsx", None),
        # a folder named for its kind of module: every file there is one vendor's
        # a qualified integrations folder: one config module per vendor beside the app's own
        # kinds, so a plain file counts by a catalog name only (not on purpose)
        ("engine/config_integrations/zabbix.py", ("zabbix", False)),
        ("engine/config_integrations/formatted_webhook.py", ("formatted", False)),
        ("src/third_party_integrations/acme/client.py", ("acme", False)),
        ("apps/api/src/app/partner-integrations/usecases/complete/complete.usecase.ts", ("usecases", False)),
        # a qualified adapters folder (ActiveJob-style): one adapter class per vendor, catalog names only;
        # a bare `adapters/` folder is a framework's storage or UI adapters
        ("gems/bess/lib/houdini/webhook_adapter/open_fn_adapter.rb", ("open_fn", False)),
        ("lib/keila/mailings/sender_adapters/postmark.ex", ("postmark", False)),
        ("app/adapters/local.rb", None),
        ("server/notification-providers/kook.js", ("kook", True)),
        ("server/notification-providers/heii-oncall.js", ("heii-oncall", True)),
        ("server/notification-providers/notification-provider.js", None),  # the base class
        # the family's abstract base beside its vendors: no vendor named Abstract
        ("bookwyrm/connectors/abstract_connector.py", None),
        ("app/notifiers/AbstractNotifier.php", None),
        ("src/smsGateways/SevenIo.ts", ("sevenio", True)),
        # role words end a name only as words of their own: `whapi` is no `wh` API
        ("server/notification-providers/whapi.js", ("whapi", True)),
        ("app/notifiers/SlackNotifier.php", ("slack", True)),
        ("server/analytics/umami-analytics.js", ("umami-analytics", False)),
        ("features/blocks/integrations/googleAnalytics/utils/run.ts", ("googleanalytics", True)),
        ("mealie/schema/analytics/analytics.py", None),
        ("frontend/web/components/integrations/mcp/mcpSnippets.tsx", None),  # a protocol, no vendor
        # the query language shared by a data source's SQL dialects, no Azure SQL
        ("packages/back-end/src/integrations/SqlIntegration.ts", None),
        ("packages/back-end/src/integrations/sql/clauses/conversion-window-clause.ts", None),
        ("apps/frontend/src/components/analytics/analytics.component.tsx", None),
        ("apps/api/src/app/analytics/analytics.controller.ts", None),  # the folder's own feature module
        # a delivery channel's folder inside a providers package: one vendor per folder
        ("packages/providers/src/lib/sms/kannel/kannel.provider.ts", ("kannel", True)),
        ("packages/providers/src/lib/chat/msTeams/msTeams.provider.ts", ("msteams", True)),
        ("src/providers/email/sendgrid.provider.ts", ("sendgrid", True)),
        ("packages/providers/src/lib/sms/generic-sms/generic-sms.provider.ts", None),  # channel words only
        ("apps/web/src/components/workflow/preview/sms/SmsPreview.tsx", None),  # a channel folder alone
        ("src/providers/AuthProvider/chat/ChatBox.tsx", ("chatbox", False)),  # a plain file: catalog names only
        # a workspace package named for the container keeps its modules in a source root
        ("packages/integrations/src/discord.ts", ("discord", False)),
        ("packages/importer/src/providers/amplitude.ts", ("amplitude", False)),
        ("packages/integrations/src/index.ts", None),
        ("packages/integrations/src/lib/utils.ts", None),
        ("apps/web/modules/auth/lib/user.ts", None),  # a kind folder's helpers, no source root
        ("apps/web/modules/storage/src/delete-response-files.ts", None),
        # a folder grouping vendors by kind inside the container: the vendor is the module
        # named with the container's role word below it, in its own folder or not
        ("packages/integrations/src/download-client/aria2/aria2-integration.ts", ("aria2", True)),
        ("packages/integrations/src/media-transcoding/tdarr-integration.ts", ("tdarr", True)),
        # Laravel's notifications grouped by audience (the app's own messages to its users): the
        # folder is the candidate, as for any notifications folder, never each event's name
        ("app/Notifications/Ninja/DomainFailureNotification.php", ("ninja", True)),
        ("packages/integrations/src/media-organizer/sonarr/sonarr-integration.ts", ("sonarr", True)),
        ("packages/integrations/src/github/github-app-integration.ts", ("github", True)),  # the folder's own
        ("packages/integrations/src/slack/oauth-client.ts", ("slack", True)),  # another role word
        ("packages/integrations/src/interfaces/calendar/calendar-integration.ts", None),  # the system's own
        # the app's own pages for adding and editing integrations
        ("apps/nextjs/src/app/[locale]/manage/integrations/new/_integration-new-form.tsx", None),
        ("app/settings/integrations/edit/form.tsx", None),
        # a scraping app's per-site scrapers and a chat client's per-vendor platform modules
        ("app/proprietary/platforms/amazon/scraper.py", ("amazon", True)),
        ("app/scrapers/walmart.py", ("walmart", False)),
        ("app/client/platforms/anthropic.ts", ("anthropic", False)),
        ("apps/api/src/app/endpoints/platforms/platforms.controller.ts", None),  # the app's own domain
        ("app/api/partners/platforms/callback/route.ts", None),  # an OAuth return route, no vendor
    ],
)
def test_module_names(rel, expected):
    assert module_of(rel) == expected


@pytest.mark.parametrize(
    "rel, expected",
    [
        # a kind folder right inside an app's module root: one folder per vendor
        ("server/modules/search/elasticsearch/engine.js", ("elasticsearch", True)),
        ("server/modules/storage/sftp/storage.js", ("sftp", True)),
        ("server/modules/rendering/markdown-kroki/renderer.js", ("markdown-kroki", True)),
        ("src/plugins/comments/disqus/index.ts", ("disqus", True)),
        # elsewhere a `search/` or `storage/` folder is the app's own feature
        ("src/search/elasticsearch/engine.js", None),
        ("app/storage/sftp/storage.js", None),
    ],
)
def test_module_kind_folders(rel, expected):
    assert module_of(rel) == expected


def test_a_module_named_for_what_it_does_names_no_vendor():
    """`webhooks/deliver_webhook.rb`, `webhooks/send_webhook.py`: the action, not a vendor."""
    assert module_of("app/services/webhooks/deliver_webhook.rb") is None
    assert module_of("app/webhooks/send_webhook.py") is None
    assert module_of("notifiers/telegram_sender.py") == ("telegram", True)


def test_a_folder_of_dispatchers_names_no_vendor():
    """`notification-channel/dispatchers/`: one dispatcher per channel kind (email, webhook,
    Slack): the folder says what its files do, not whom to."""
    assert module_of("src/notification-channel/dispatchers/email-channel.service.ts") is None
    assert module_of("src/notification-channel/dispatchers/http-client.ts") is None


def test_a_django_integrations_apps_layer_files_name_their_vendors():
    """A Django app `integrations/` keeps one view and one helper module per vendor
    (`views/immich_view.py`, `wanderer_services.py`); the layer's other files are its own."""
    assert module_of("backend/server/integrations/views/immich_view.py") == ("immich", True)
    assert module_of("backend/server/integrations/views/StravaView.ts") == ("strava", True)
    assert module_of("backend/server/integrations/endurain_services.py") == ("endurain", True)
    assert module_of("backend/server/integrations/views/integration_view.py") is None
    assert module_of("backend/server/integrations/views/__init__.py") is None
    assert module_of("backend/server/integrations/views/list.py") is None
    assert module_of("backend/server/integrations/external_services.py") is None


def test_a_features_stored_payload_folder_names_no_vendor():
    """`Notifications/Blobs/`: the notification kinds' serialised data, beside their handlers."""
    assert module_of("App/Services/Notifications/Blobs/NewVersionNotification.cs") is None


@pytest.mark.parametrize(
    "rel, expected",
    [
        # a CDP's or alerting tool's destinations, one module per vendor
        ("redash/destinations/pagerduty.py", ("pagerduty", False)),
        ("src/v0/destinations/hs/transform.js", ("hs", True)),
        # a tracking library's device-mode destinations: a kind folder, every file a vendor's
        ("libs/jitsu-js/src/destination-plugins/logrocket.ts", ("logrocket", True)),
        ("libs/jitsu-js/src/destination-plugins/index.ts", None),
        ("lemur/destinations/models.py", None),  # the app's own destinations feature
    ],
)
def test_destination_folders(rel, expected):
    assert module_of(rel) == expected


def test_role_first_workspace_packages_name_their_vendor():
    """A monorepo's one package per vendor named role first (`connector-amazon/`,
    `provider-stripe/`): the vendor is the rest; a protocol or stand-in rest names none."""
    assert module_of("packages/connectors/connector-amazon/src/constant.ts") == ("amazon", True)
    assert module_of("packages/connectors/connector-x/src/constant.ts") == ("x", True)
    assert module_of("packages/connectors/connector-gatewayapi-sms/src/index.ts") == ("gatewayapi-sms", True)
    assert module_of("packages/connectors/connector-oauth2/src/index.ts") is None
    assert module_of("packages/connectors/connector-oidc/src/index.ts") is None
    assert module_of("packages/connectors/connector-mock-social/src/index.ts") is None
    assert module_of("packages/connectors/connector-logto-social-demo/src/index.ts") is None


@pytest.mark.parametrize("rel, expected", [
    # `<Vendor><Group>` classes in a group's `impl` package: the vendor, named on purpose
    ("core/modules/integration/shipping/impl/UPSShippingQuote.java", ("ups", True)),
    ("core/modules/integration/shipping/impl/USPSShippingQuote.java", ("usps", True)),
    ("core/modules/integration/payment/impl/BeanStreamPayment.java", ("beanstream", True)),
    ("app/integrations/payments/stripe_payment.py", ("stripe", True)),
    # the group's own machinery, named with the group's word first: no vendor
    ("core/modules/integration/shipping/impl/ShippingDistancePreProcessorImpl.java", None),
    ("core/modules/integration/payment/impl/PaymentHelper.java", None),
    # `impl` is a layer, never the vendor; a class without the group's word is a plain file there
    ("core/modules/integration/shipping/impl/DefaultPackagingImpl.java", ("defaultpackagingimpl", False)),
])
def test_group_member_classes_named_vendor_then_group(rel, expected):
    assert module_of(rel) == expected


@pytest.mark.parametrize(
    "rel, expected",
    [
        # an extension system's kind folders, named by the app, one folder per vendor holding a
        # main file of the folder's own name (Paymenter's `extensions/Servers/`, WHMCS's `modules/servers/`)
        ("extensions/Servers/DirectAdmin/DirectAdmin.php", ("directadmin", True)),
        ("modules/servers/cpanel/cpanel.php", ("cpanel", True)),
        # the vendor and what the extension does with it
        ("extensions/Others/DiscordNotifications/DiscordNotifications.php", ("discord", True)),
        ("extensions/Servers/Convoy/routes.php", None),  # not the module's main file
        ("extensions/Servers/Convoy/Rules/Cpu.php", None),
        ("src/modules/editor/Toolbar/Toolbar.tsx", None),  # a UI component's folder
        ("app/Servers/CPanel/CPanel.php", None),  # no module root
    ],
)
def test_self_named_modules_in_a_module_roots_kind_folder(rel, expected):
    assert module_of(rel) == expected


@pytest.mark.parametrize(
    "rel, expected",
    [
        # a container's adapter layer, one `<vendor>_adaptor` module (or folder) per vendor
        ("lib/app/backends/adaptor/axiom_adaptor.ex", ("axiom", True)),
        ("lib/app/backends/adaptor/slack_adaptor/client.ex", ("slack", True)),
        ("src/integrations/adapters/stripe.ts", ("stripe", False)),
        ("src/integrations/adapters/StripeAdapter.ts", ("stripe", True)),
        # the layer's own helpers: plain files, catalog names only; the layer alone names nothing
        ("lib/app/backends/adaptor/query_result.ex", ("query_result", False)),
        ("lib/app/backends/adaptor.ex", None),
    ],
)
def test_adapter_layer_inside_a_container(rel, expected):
    assert module_of(rel) == expected


def test_a_pipelines_sinks_are_one_module_per_destination():
    """`sinks/` holds one module per destination a data pipeline writes to (Vector's
    `src/sinks/clickhouse/`, a CDC tool's `sinks/kafka/client.ex`)."""
    assert module_of("lib/app/sinks/kafka/client.ex") == ("kafka", True)
    assert module_of("src/sinks/clickhouse/service.rs") == ("clickhouse", True)
    assert module_of("lib/app/sink/kafka/client.ex") is None  # no layout without the plural folder


def test_a_clouds_folder_names_its_products_by_the_names_inside():
    from mkdocs_integrations.scan.detectors.module_paths import cloud_products

    assert cloud_products("lib/app/sinks/gcp/pubsub.ex") == [("gcp", "pubsub")]
    assert cloud_products("lib/app/sinks/azure/event_hub.ex") == [("azure", "event_hub")]
    assert cloud_products("lib/app/sinks/kafka/aws_msk_iam/auth.ex") == [("aws", "msk-iam")]
    assert cloud_products("lib/app/sinks/kafka/client.ex") == []
    assert cloud_products("deploy/aws/integrations/slack.ts") == []  # above the module system
    # the vendor's own module folder is that vendor, not a cloud's product: sign-in with Google Workspace
    assert cloud_products("packages/core/src/sso/GoogleWorkspaceSsoConnector/index.ts") == []


def test_a_run_together_endpoint_script_names_its_vendor_for_the_catalog():
    """Plain PHP apps keep one script per vendor and action, all lower case
    (`notifications/testgotifynotifications.php`): verb, vendor and the folder's word run
    together. The vendor is a guess the catalog must confirm; the folder's own scripts
    (`savenotificationsettings.php`) and names without a verb name none."""
    assert module_of("endpoints/notifications/testgotifynotifications.php") == ("gotify", False)
    assert module_of("endpoints/notifications/savediscordnotifications.php") == ("discord", False)
    assert module_of("endpoints/notifications/saveemailnotifications.php") is None  # a kind, no vendor
    assert module_of("endpoints/notifications/savenotificationsettings.php") == ("savenotificationsettings", False)


def test_a_notification_systems_agents_folder_is_a_group():
    """`notifications/agents/discord.ts`: one sender per vendor in the notification system's
    `agents/`; the folder is no vendor, and its generic sender (`webhook.ts`) names none."""
    assert module_of("server/lib/notifications/agents/discord.ts") == ("discord", False)
    assert module_of("server/lib/notifications/agents/webhook.ts") is None


def test_a_notify_package_is_one_module_per_channel_by_catalog_name():
    """A notification package named for the verb keeps one module per channel it posts to
    (a Go app's `app/notify/slack.go`, a Rust workspace crate's `notify/src/slack.rs`); its
    own dispatcher, mail and helpers sit beside them, so only catalog names count there."""
    assert module_of("src/notify/src/slack.rs") == ("slack", False)
    assert module_of("backend/app/notify/telegram.go") == ("telegram", False)
    assert module_of("backend/app/notify/notify.go") is None
    assert module_of("src/notify/src/lib.rs") is None


@pytest.mark.parametrize(
    "rel, expected",
    [
        # a .NET commerce platform's `<Group>.<Vendor>` plugin projects: catalog names only
        ("src/Plugins/Widgets.GoogleAnalytics/GoogleAnalyticPlugin.cs", ("googleanalytics", False)),
        ("src/Plugins/Payments.BrainTree/Controllers/PaymentBrainTreeController.cs", ("braintree", False)),
        ("src/Plugins/Nop.Plugin.Tax.Avalara/Services/AvalaraTaxManager.cs", ("avalara", False)),
        ("src/Plugins/Shipping.ByWeight/ByWeightShippingCalcPlugin.cs", ("byweight", False)),
        # no vendor's group: a theme, a sign-in plugin (its package names it), a file
        ("src/Plugins/Theme.Modern/ModernThemeView.cs", None),
        ("src/Plugins/Authentication.Facebook/FacebookAuthenticationProvider.cs", None),
        ("src/Plugins/Widgets.Slider.cs", None),
    ],
)
def test_dotnet_plugin_projects(rel, expected):
    assert module_of(rel) == expected


def test_verb_first_api_helpers_and_the_cloud_kind_name_no_vendor():
    """A front end's API helpers for the app's own integration routes, one per action and named
    verb first (`api/Integrations/getIntegration.ts`), and the `CloudIntegration/` kind folder
    holding the app's AWS/Azure/GCP connections: the action or kind, no vendor. A vendor whose
    name starts with such a word keeps it (`GetResponseIntegration.ts`)."""
    for rel in ("frontend/src/api/Integrations/getIntegration.ts", "frontend/src/api/Integrations/installIntegration.ts",
                "frontend/src/api/Integrations/uninstallIntegration.ts",
                "frontend/src/container/Integrations/CloudIntegration/Header/Header.tsx"):
        assert module_of(rel) is None, rel
    assert module_of("src/integrations/GetResponseIntegration.ts") == ("getresponse", True)


def test_a_go_subpackage_named_by_its_parent_and_a_container_word_is_that_container():
    """Go names a subpackage by its parent's name run together with its own
    (`alertmanager/alertmanagernotify/`, Alertmanager's `notify/` in an app that vendors it):
    one package per channel inside, as in `notify/`."""
    assert module_of("pkg/alertmanager/alertmanagernotify/opsgenie/opsgenie.go") == ("opsgenie", True)
    assert module_of("pkg/alertmanager/alertmanagernotify/msteamsv2/msteamsv2.go") == ("msteamsv2", True)
    assert module_of("pkg/alertmanager/alertmanagernotify/receiver.go") is None
    assert module_of("pkg/alertmanager/alertmanagernotify/alertmanagernotifytest/test.go") is None
    # Go only, and only the parent's own name before the container word
    assert module_of("src/alertmanager/alertmanagernotify/opsgenie/opsgenie.ts") is None
    assert module_of("pkg/alertmanager/slacknotify/opsgenie/opsgenie.go") is None
