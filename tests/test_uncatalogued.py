"""Names of services outside the catalog, made from scanned hosts; and, through whole scans of
realistic trees, which uncatalogued hosts and modules become a vendor and which are the app's own."""

from __future__ import annotations

from helpers import scan_tree as scan
from helpers import service_ids as ids
from helpers import write_tree

from mkdocs_integrations.pipeline import build_inventory
from mkdocs_integrations.scan import Scanner
from mkdocs_integrations.uncatalogued import agreed_name, api_slug


def test_an_api_slug_is_the_registered_name_under_country_second_levels():
    assert api_slug("api.pinboard.in") == "pinboard"
    assert api_slug("api.shop.co.uk") == "shop"
    assert api_slug("api.vine.org.au") == "vine"  # not "org"
    assert api_slug("api.pagos.com.mx") == "pagos"
    assert api_slug("oauth.piste.gouv.fr") == "piste"  # a French government service, not "gouv"
    assert api_slug("api.ird.govt.nz") == "ird"
    assert api_slug("api.last.fm") == "last"
    assert api_slug("127.0.0.1") == ""
    assert api_slug("api.sms.ir") == "smsir"  # a common word's brand is its whole domain


def test_brand_prefixes_are_stripped_but_not_from_a_user_word():
    """getrewardful.com is Rewardful and usefathom.com Fathom; push.userlist.com is Userlist,
    whose name starts with "user", not the verb "use" before "rlist"."""
    assert api_slug("api.getrewardful.com") == "rewardful"
    assert api_slug("api.usefathom.com") == "fathom"
    assert api_slug("push.userlist.com") == "userlist"
    assert api_slug("api.userpilot.io") == "userpilot"


def test_a_module_and_the_host_it_calls_agree_on_one_vendor():
    assert agreed_name("kook", "www.kookapp.cn") == "kook"
    assert agreed_name("octopush", "www.octopush-dm.com") == "octopush"
    assert agreed_name("bird-whatsapp", "api.bird.com") == "bird"
    assert agreed_name("onechat", "chat-api.one.th") == "onechat"
    assert agreed_name("wxpusher", "wxpusher.zjiecode.com") == "wxpusher"
    assert agreed_name("freemobile", "smsapi.free-mobile.fr") == "free-mobile"
    assert agreed_name("clicksendsms", "rest.clicksend.com") == "clicksend"
    assert agreed_name("aggregator", "api.nango.dev") is None



def test_a_module_spelling_the_whole_host_is_the_sites_name():
    """`subssabbz.py` calling subs.sab.bz, `subtitriid.py` calling subtitri.id.lv: the site is
    named by all its labels; the registered label alone (`sab`, `id`) is a fragment of it."""
    assert agreed_name("subssabbz", "subs.sab.bz") == "subssabbz"
    assert agreed_name("subtitriid", "subtitri.id.lv") == "subtitriid"
    assert agreed_name("subsxyz", "subs.sab.bz") is None


def test_a_module_named_in_words_agrees_with_its_vendors_short_host():
    """A host spelling the vendor by its initials or as an abbreviation (letters in order)."""
    assert agreed_name("bare-bitcoin", "api.bb.no") == "bare-bitcoin"
    assert agreed_name("crypto-market", "api.exchange.cryptomkt.com") == "crypto-market"
    assert agreed_name("barebitcoin", "api.bb.no") is None  # one word: no initials to read
    assert agreed_name("crypto-market", "api.cryptox.com") is None  # letters out of order


def _inventory(tmp_path, files, name="app"):
    root = tmp_path / name
    write_tree(root, files)
    inv, _ = build_inventory(Scanner(), [root], root, analysis_date="2026-01-01")
    return {u.id for u in inv.services}


def test_umbrella_company_hosts_and_a_catalog_vendors_other_hosts_name_no_new_vendor(tmp_path):
    found = _inventory(tmp_path, {
        # apis.google.com is Google's, not a product: no "google" service.
        "app/picker.py": 'import requests\nrequests.get("https://apis.google.com/js/api.js")\n',
        # statistics.short.io beside api.short.io: the catalog's Short.io, not a "short" vendor.
        "app/short.py": 'import requests\nrequests.get("https://api.short.io/links")\n'
                        'requests.get("https://statistics.short.io/statistics/link/1")\n',
    })
    assert "short-io" in found
    assert not {"google", "short"} & found


def test_the_applications_own_brand_domain_is_not_a_vendor(tmp_path):
    found = _inventory(tmp_path, {"lib/update.py": 'import requests\nrequests.get("https://www.getinboxzero.com/api/version")\n'},
                       name="inbox-zero")
    assert "inboxzero" not in found


def test_the_applications_own_site_on_another_domain_is_not_a_vendor(tmp_path):
    """The app's own version check on its author's domain (`zipline.diced.sh` in zipline): the
    subdomain spells the app, so the domain names no vendor; another app's call there does."""
    files = {"src/pages/api/version.ts": 'export const latest = (v: string) => fetch(`https://zipline.diced.sh/api/version?c=${v}`);\n'}
    assert "diced" not in _inventory(tmp_path, files, name="zipline")
    assert "diced" in _inventory(tmp_path, files, name="shortener")


def test_the_products_brand_with_a_suffix_is_its_own_in_a_component_repository(tmp_path):
    """A repository named for one component of a product (`bitwarden-server`): the product's
    regional cloud (api.bitwarden-gov.com) starts with the brand, not with the repository's name."""
    found = _inventory(tmp_path, {"src/Settings/CloudRegion.cs":
                                  'public static class CloudRegion\n{\n    public const string Gov = "https://api.bitwarden-gov.com";\n}\n'},
                       name="bitwarden-server")
    assert "bitwarden-gov" not in found
    # a vendor whose name only shares the product's first letters is no part of it
    found = _inventory(tmp_path, {"src/Settings/CloudRegion.cs": 'public const string Url = "https://api.bitly.com/v4/shorten";\n'},
                       name="bit-server")
    assert "bitly" in found


def test_a_provider_module_names_the_vendor_of_the_host_it_calls(tmp_path):
    found = _inventory(tmp_path, {
        "server/notification-providers/kook.js": 'const axios = require("axios");\n'
        'const url = "https://www.kookapp.cn/api/v3/message/create";\naxios.post(url, {});\n',
        "server/notification-providers/alerta.js": 'const axios = require("axios");\naxios.post(n.alertaApiEndpoint, {});\n',
        "src/components/Onesender.vue": '<input placeholder="https://xxxxxxxxxxx.com/api/v1/messages">\n',
        "src/components/WeCom.vue": '<a href="https://work.weixin.qq.com/api/doc/90000/90136/91770">docs</a>\n',
    })
    assert {"kook", "alerta"} <= found
    assert not {"kookapp", "xxxxxxxxxxx", "qq"} & found


def test_docs_site_requests_and_staging_domains_name_no_vendor(tmp_path):
    found = _inventory(tmp_path, {
        # the documentation site's plugin fetching package versions is not the app's
        "docs/plugins/versions/index.js": 'export const get = () => fetch("https://api.nuget.org/v3/registration5/x/index.json");\n',
        # the app's own staging deployment
        "web/env/project_staging.js": 'module.exports = { api: "https://edge.acme-staging.win/api/v1/" };\n',
        "app/pin.py": 'import requests\nrequests.get("https://api.pinboard.in/v1/posts/all")\n',
    })
    assert "pinboard" in found
    assert not {"nuget", "acme-staging"} & found


def test_a_module_named_with_a_vendors_short_name_is_that_api(tmp_path):
    """`integrations/kenna/` uploading to the URL a settings file defaults to
    https://api.kennasecurity.com: Kenna is Kenna Security's short name, one vendor."""
    found = _inventory(tmp_path, {
        "app/integrations/kenna/uploader.py": 'import requests\n\n\ndef upload(base, data):\n'
                                              '    return requests.post(base + "/connectors/1/data_file", data=data)\n',
        "app/settings.py": 'KENNA_API_URL = "https://api.kennasecurity.com"\n',
    })
    assert "kennasecurity" in found
    assert "kenna" not in found


def test_a_sample_program_beside_the_product_names_no_vendor(tmp_path):
    """examples/ holds programs shown to readers (a hook checking codes against an OTP
    vendor): as for catalog services, their hosts are not the product's calls."""
    code = 'package main\n\nimport "net/http"\n\nfunc main() { http.Get("https://api.otpvendor.com/protected/json/verify") }\n'
    found = _inventory(tmp_path, {"examples/OTP/otpvendor/checkpwd/main.go": code,
                                  ".agents/skills/check/scripts/check.go": code.replace("otpvendor", "agentvendor")})
    assert not {"otpvendor", "agentvendor"} & found
    assert "otpvendor" in _inventory(tmp_path, {"internal/otp/check.go": code}, name="b")


def test_a_module_requesting_its_own_base_url_is_no_wrapper_of_an_image_host(tmp_path):
    """A media-request server's module calls `this.url("/api/v1/search")` on its configured
    base URL and builds poster links on image.tmdb.org: the server is the vendor, TMDB's
    image host does not make the module a wrapper of TMDB."""
    found = _inventory(tmp_path, {
        "packages/integrations/src/overseerr/overseerr-integration.ts":
            'export class OverseerrIntegration extends Integration {\n'
            '  async searchAsync(query: string) {\n'
            '    const res = await fetch(this.url("/api/v1/search", { query }));\n    return res.json();\n  }\n}\n'
            'const poster = (path: string) => `https://image.tmdb.org/t/p/w600_and_h900_bestv2${path}`;\n',
    })
    assert {"overseerr", "themoviedb"} <= found


def test_one_file_on_its_own_api_does_not_make_a_folder_of_wrappers_a_vendor(tmp_path):
    """A plugin folder of DNS providers, one per file (`plugins/acme/ns1.py` calling NS1's API,
    `plugins/acme/powerdns.py` its configured server): the folder is no vendor of its own."""
    found = _inventory(tmp_path, {
        "app/plugins/acme/ns1.py": 'import requests\n\ndef create(zone):\n    return requests.post("https://api.nsone.net/v1/zones/" + zone)\n',
        "app/plugins/acme/ultradns.py": 'import requests\n\ndef create(zone):\n    return requests.post("https://api.ultradns.com/zones/" + zone)\n',
        "app/plugins/acme/powerdns.py": 'import requests\n\nclass PowerDNS:\n    def zones(self):\n'
                                        '        return requests.get(self.url("/api/v1/servers/localhost/zones"))\n',
    })
    assert "acme" not in found


def test_a_misspelt_module_folder_of_a_found_vendor_is_no_vendor_of_its_own(tmp_path):
    """`q-bittorent/` (a doubled letter written once) beside qbittorrent is that vendor; a
    name one other letter apart (`radarr` beside `readarr`) is a vendor of its own."""
    from mkdocs_integrations.uncatalogued import _one_edit

    assert _one_edit("qbittorent", "qbittorrent")
    assert not _one_edit("radarr", "readarr")
    assert not _one_edit("sonarr", "sonar")  # too short to tell
    found = _inventory(tmp_path, {
        "package.json": '{"dependencies": {"@ctrl/qbittorrent": "9.0.0"}}\n',
        "docs/integrations/q-bittorent/index.ts":
            'export const qb = { name: "qBittorrent", iconUrl: "https://cdn.example.org/qbittorrent.svg" };\n',
    })
    assert "q-bittorent" not in found



def test_a_module_named_short_for_the_vendor_host_its_file_calls_is_that_vendor(tmp_path):
    """`integrations/exchange_rate_api_client.rb` calling api.exchangeratesapi.io is that
    (catalogued) vendor's client: no second service named "exchange-rate"."""
    found = _inventory(tmp_path, {
        "app/services/integrations/exchange_rate_api_client.rb":
            'class Integrations::ExchangeRateApiClient\n  BASE_URL = "https://api.exchangeratesapi.io/v1"\n\n'
            '  def latest\n    Faraday.get("#{BASE_URL}/latest", access_key: ENV["EXCHANGE_RATES_API_KEY"])\n  end\nend\n',
        "app/services/integrations/rebrickable_client.rb":
            'class Integrations::RebrickableClient\n  def sets\n    Faraday.get("https://rebrickable.com/api/v3/lego/sets/")\n  end\nend\n',
    })
    assert "exchangeratesapi" in found and "exchange-rate" not in found
    assert "rebrickable" in found

def _oauth2_provider(cls: str, body: str = "") -> str:
    return (f"<?php\n\nnamespace App\\Auth\\OAuth2;\n\nclass {cls} extends OAuth2\n{{\n"
            f"    protected string $endpoint = 'https://example.invalid/oauth';\n{body}}}\n")


def test_a_sign_in_providers_user_info_host_is_no_api_of_its_own(tmp_path):
    """One class per sign-in provider on an OAuth2 base (`Auth/OAuth2/Podio.php`): the host its
    class calls for the user's profile (api.podio.com) is the sign-in's, not a Podio API."""
    files = {f"src/Auth/OAuth2/{c}.php": _oauth2_provider(c) for c in ("Github", "Dropbox", "Slack", "Discord")}
    files["src/Auth/OAuth2/OAuth2.php"] = "<?php\n\nnamespace App\\Auth\\OAuth2;\n\nabstract class OAuth2\n{\n}\n"
    files["src/Auth/OAuth2/Podio.php"] = _oauth2_provider("Podio", (
        "    public function getUser(string $token): array\n    {\n"
        "        return $this->request('GET', 'https://api.podio.com/user/status', ['Authorization: OAuth2 ' . $token]);\n"
        "    }\n"))
    found = _inventory(tmp_path, files)
    assert "podio-oauth" in found
    assert "podio" not in found


def test_a_posting_integration_that_authorizes_with_oauth_calls_the_vendors_api(tmp_path):
    """A social-posting module outside any sign-in folder (`integrations/social/podio.provider.ts`)
    authorizing with the vendor's OAuth still calls its API: the host stays a service of its own."""
    found = _inventory(tmp_path, {
        "src/integrations/social/podio.provider.ts":
            "export class PodioProvider {\n  clientId = process.env.PODIO_CLIENT_ID;\n  async post(token: string) {\n"
            "    return fetch('https://api.podio.com/item/app/1/', { method: 'POST', headers: { Authorization: `OAuth2 ${token}` } });\n"
            "  }\n}\n",
        ".env.example": "PODIO_CLIENT_ID=\nPODIO_CLIENT_SECRET=\n",
    })
    assert "podio" in found


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


def test_ip_addresses_and_documentation_links_are_not_vendors(tmp_path):
    inv = scan(tmp_path, {
        "app/sentinel.php": "<?php\n$url = 'http://127.0.0.1:8888/api/health';\n",
        "views/api.py": 'msg = "see https://api.data.gov/docs/rate-limits/ for more information"\n',
    })
    assert not {"0", "127", "data"} & ids(inv)


def test_the_apps_own_domain_with_a_suffix_is_not_a_vendor(tmp_path):
    """kavita calling plus.kavitareader.com: its own service, like typebot calling typebot.io."""
    inv = scan(tmp_path / "kavita", {
        "API/Config.cs": 'public static string PlusApiUrl = "https://plus.kavitareader.com";\n',
        "API/Stats.cs": 'private const string ApiUrl = "https://api.statsvendor.io";\n',
    })
    assert "kavitareader" not in ids(inv)
    assert "statsvendor" in ids(inv)


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
