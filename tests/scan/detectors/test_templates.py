"""Page templates: a catalog vendor's script or widget loaded from its host is a use; links,
comments and assets on storage/CDN hosts are not."""

from __future__ import annotations

from mkdocs_integrations.model import CALL, HOST
from mkdocs_integrations.scan.detectors.templates import DETECTOR


def _hosts(run_detector, rel, src):
    ev, _ = run_detector(DETECTOR, rel, src)
    return [(e.name, e.service) for e in ev if e.kind == HOST]


def test_script_include_in_erb_is_the_vendor(run_detector):
    src = '<%= javascript_include_tag "https://maps.googleapis.com/maps/api/js?key=#{@key}" %>\n'
    assert _hosts(run_detector, "app/views/events/show.html.erb", src) == [("maps.googleapis.com", "google-maps")]


def test_inline_script_setting_src_to_a_template_literal(run_detector):
    """An inline script injecting the vendor's loader with its key in a JS template literal
    (`script.src = `https://maps.googleapis.com/maps/api/js?${key}...``) loads that script."""
    src = ("<script>\n  var script = document.createElement('script')\n"
           "  script.src = `https://maps.googleapis.com/maps/api/js?${key}v=3.exp&libraries=places`\n"
           "  document.body.appendChild(script)\n</script>\n")
    assert _hosts(run_detector, "app/views/places/_map.html.erb", src) == [("maps.googleapis.com", "google-maps")]


def test_src_attribute_in_twig(run_detector):
    src = '<script src="https://js.stripe.com/v3/"></script>\n'
    assert _hosts(run_detector, "templates/pay.html.twig", src) == [("js.stripe.com", "stripe")]


def test_smarty_tpl_inline_script_loading_a_vendors_image(run_detector):
    """A Smarty template (`.tpl`, Piwigo's admin pages) whose `{literal}` script appends a Google
    Static Maps image loads it from Google's API; a `{* *}` comment loads nothing."""
    rel = "admin/themes/default/template/history.tpl"
    assert DETECTOR.accepts(rel, "history.tpl", None)
    src = """\
{footer_script}{literal}
jQuery(document).on('click', '.ipGeoOpen', function() {
  var append = '<br><img width=300 height=220 src="http://maps.googleapis.com/maps/api/staticmap';
  append += '?sensor=false&size=300x220&markers=' + lat + ',' + lon + '">';
});
{/literal}{/footer_script}
{* <script src="https://js.stripe.com/v3/"></script> *}
"""
    assert _hosts(run_detector, rel, src) == [("maps.googleapis.com", "google-maps")]


def test_links_comments_and_cdn_assets_are_not_uses(run_detector):
    src = """\
    <a href="https://github.com/acme/app">source</a>
    <!-- <script src="https://js.stripe.com/v3/"></script> -->
    <script src="https://d2wy8f7a9ursnm.cloudfront.net/v7/bugsnag.min.js"></script>
    <img src="https://www.unknown-vendor.io/logo.png">
    """
    assert _hosts(run_detector, "app/views/layouts/app.html.erb", src) == []



def test_inline_script_request_to_a_vendor_api_is_a_use(run_detector):
    """An inline script's ajax/fetch to a spelled-out catalog host calls that API from the page;
    a plain `url:` key (a share link) is no request."""
    src = """\
<script>
$.ajax({
  url: 'https://api.github.com/emojis',
  async: false
}).then(function(data) { window.emojis = Object.keys(data); });
share({url: 'https://twitter.com/intent/tweet'});
</script>
"""
    assert _hosts(run_detector, "app/views/admin/topics/_ticket.html.erb", src) == [("api.github.com", "github")]


def test_an_inline_leaflet_tile_layer_loads_the_tile_host(run_detector):
    """Leaflet's `L.tileLayer('//{s}.tile.openstreetmap.org/...')` in a page's inline script
    requests the map's tiles from that host; the `{s}.` subdomain placeholder is no host."""
    src = ("%div#map\n:javascript\n  var map = L.map('map').setView([lat, lng], 16);\n"
           "  L.tileLayer('//{s}.tile.openstreetmap.org/{z}/{x}/{y}.png', {\n"
           "    attribution: '&copy; <a href=\"http://openstreetmap.org\">OpenStreetMap</a> contributors',\n"
           "  }).addTo(map);\n")
    assert _hosts(run_detector, "app/views/conferences/_venue_map.haml", src) == [("tile.openstreetmap.org", "openstreetmap")]

def _calls(run_detector, rel, src):
    ev, _ = run_detector(DETECTOR, rel, src)
    return [(e.line, e.name, e.service) for e in ev if e.kind == CALL]


def test_inline_snippets_the_catalog_says_prove_their_vendor(run_detector):
    """gtag.js for an Analytics measurement id (a setting named so), or Matomo's `_paq.push`, in a
    page template: the catalog's `alone` call patterns, as in program files."""
    ga = """\
    <script async src="https://www.googletagmanager.com/gtag/js?id={{ settings.google_tracking_id }}"></script>
    <script>gtag('config', '{{ settings.google_tracking_id }}');</script>
    """
    assert _calls(run_detector, "templates/analytics.html", ga) == [(1, "gtag.js page tag", "google-analytics")]
    matomo = "<script>var _paq = window._paq = []; _paq.push(['trackPageView']);</script>\n"
    assert [s for _, _, s in _calls(run_detector, "resources/views/matomo.twig", matomo)] == ["matomo"]


def test_gtag_for_a_google_ads_id_is_no_analytics(run_detector):
    ads = """\
    <script async src="https://www.googletagmanager.com/gtag/js?id=<%= j ENV['GOOGLE_ADS_ID'] %>"></script>
    <!-- <script>_paq.push(['trackPageView']);</script> -->
    """
    assert _calls(run_detector, "app/views/layouts/application.html.erb", ads) == []


def test_gtag_for_an_analytics_setting_behind_an_erb_tag(run_detector):
    """gtag.js for a setting named `ga_code` (a common Rails/Django name for the measurement
    id), printed by an ERB `<%=` tag, is Google Analytics."""
    src = '<script defer src="https://www.googletagmanager.com/gtag/js?id=<%= AppConfig.ga_code %>"></script>\n'
    assert _calls(run_detector, "app/views/application/_ga_code.html.erb", src) == [
        (1, "gtag.js page tag", "google-analytics")
    ]


def test_gtag_for_analytics_is_no_tag_manager_container(run_detector):
    """gtag.js is served from Tag Manager's host; where the catalog's snippet names the URL as
    Analytics' page tag the host is Analytics' script, not a GTM container. A GTM loader in the
    same page still is one."""
    ga = '<script async src="https://www.googletagmanager.com/gtag/js?id=G-ABC123XYZ"></script>\n'
    assert _hosts(run_detector, "templates/base.html", ga) == []
    both = ga + '<script async src="https://www.googletagmanager.com/gtm.js?id=GTM-ABCD12"></script>\n'
    assert _hosts(run_detector, "templates/base.html", both) == [("www.googletagmanager.com", "google-tag-manager")]
    ads = '<script async src="https://www.googletagmanager.com/gtag/js?id=AW-123456789"></script>\n'
    assert _hosts(run_detector, "templates/base.html", ads) == [("www.googletagmanager.com", "google-tag-manager")]


def test_gtag_for_a_setting_no_snippet_names_is_still_no_tag_manager_container(run_detector):
    """gtag.js for an id from a setting whose name says nothing (`google_code`): the snippet
    cannot call it Analytics, but the URL is still gtag.js, which no Tag Manager container is."""
    src = '<script async src="https://www.googletagmanager.com/gtag/js?id=<%= @app.settings.google_code %>"></script>\n'
    assert _hosts(run_detector, "app/views/layouts/articles.html.erb", src) == []


def test_yaml_holding_a_page_snippet_is_read_like_a_template(run_detector):
    src = """\
    head: |
      <script async src="https://www.googletagmanager.com/gtm.js?id={{containerId}}"></script>
    """
    assert _hosts(run_detector, "server/modules/analytics/gtm/code.yml", src) == [
        ("www.googletagmanager.com", "google-tag-manager")
    ]


def test_yaml_without_a_tag_is_configuration(run_detector):
    src = "image:\n  src: https://www.googletagmanager.com/gtm.js\n"
    assert _hosts(run_detector, "deploy/values.yaml", src) == []


def test_phoenix_heex_and_eex_templates_are_read(run_detector):
    """Phoenix page templates (`root.html.heex`, `app.html.eex`) load vendors' scripts too; a
    HEEx comment (`<%!-- --%>`) loads nothing."""
    from mkdocs_integrations.scan.detectors.templates import accepts

    assert accepts("lib/app_web/components/layouts/root.html.heex", "root.html.heex")
    assert accepts("lib/app_web/templates/layout/app.html.eex", "app.html.eex")
    src = '<%!-- <script src="https://js.stripe.com/v3/"></script> --%>\n<script src="https://js.hcaptcha.com/1/api.js"></script>\n'
    assert _hosts(run_detector, "lib/app_web/templates/signup/show.html.heex", src) == [("js.hcaptcha.com", "hcaptcha")]


def test_a_url_after_template_tags_in_src_is_loaded(run_detector):
    # The default of a conditional inside the attribute is what the page loads unless the user
    # set another base URL (Go templates, Jinja, ERB).
    go = ('<img src="{{ if .User.StatsBaseUrl }}{{ .User.StatsBaseUrl }}{{ else }}https://js.stripe.com{{ end }}'
          '/v3/?user={{ .User.ID }}">\n')
    assert _hosts(run_detector, "views/settings.tpl.html", go) == [("js.stripe.com", "stripe")]
    jinja = '<script src="{% if cdn %}{{ cdn }}{% else %}https://js.stripe.com{% endif %}/v3/"></script>\n'
    assert _hosts(run_detector, "templates/pay.html", jinja) == [("js.stripe.com", "stripe")]
    # a link's target after a tag is still only a link
    assert _hosts(run_detector, "templates/pay.html", '<a href="{{ base }}https://js.stripe.com/v3/">x</a>\n') == []


def test_a_shields_endpoint_badge_is_the_integration_a_static_badge_is_not(run_detector):
    # shields.io's Endpoint badge fetches the app's own JSON (`?url=`); a repo's stars badge is decoration.
    src = ('<img src="https://img.shields.io/github/stars/acme/app?style=flat" alt="stars">\n'
           '<img src="https://img.shields.io/endpoint?url=%s/api/compat/shields/v1/{{ .User.ID }}&label=All%20time">\n')
    assert _calls(run_detector, "views/settings.tpl.html", src) == [(2, "endpoint badge", "shields-io")]
    assert _calls(run_detector, "templates/home.html", src.splitlines()[0] + "\n") == []


def test_code_a_page_shows_is_no_use(run_detector):
    """A note's code sample in `<pre><code>` (a demo page explaining how to embed a map) is text
    for people to read: neither its call nor its script tag is loaded. The same call in a
    `<script>` block is."""
    shown = ('<pre><code class="language-javascript">function initMap() {\n'
             '  const map = new google.maps.Map(document.getElementById("map"), opts);\n}\n</code></pre>\n'
             '<p>Include <code>&lt;script src="https://js.stripe.com/v3/"&gt;</code> first.</p>\n')
    ev, _ = run_detector(DETECTOR, "content/notes/park-plan.html", shown)
    assert not ev
    ran = "<script>\n  const map = new google.maps.Map(document.getElementById('map'), opts);\n</script>\n"
    ev, _ = run_detector(DETECTOR, "app/views/places/show.html", ran)
    assert [e.service for e in ev] == ["google-maps"]


def test_a_blade_layout_is_a_page(run_detector):
    """Laravel's views are `.blade.php`: the layout's gtag.js page tag is Analytics, as in any
    other template language."""
    blade = (
        "<head>\n    @production\n"
        '        <script async src="https://www.googletagmanager.com/gtag/js?id=G-ZVEM0Q7HZ8"></script>\n'
        "        <script>\n            window.dataLayer = window.dataLayer || [];\n"
        "            function gtag(){dataLayer.push(arguments);}\n            gtag('config', 'G-ZVEM0Q7HZ8');\n"
        "        </script>\n    @endproduction\n</head>\n"
    )
    assert "google-analytics" in {sid for _, _, sid in _calls(run_detector, "resources/views/layouts/app.blade.php", blade)}


def test_scripts_in_an_email_template_never_run(run_detector):
    """An email template saved from a web page keeps the page's RUM snippet: mail clients run
    no script, so it is no use of the vendor; the same snippet in a page template is."""
    src = """\
    <html><head>
    <script>!function(a){var e="https://s.go-mpulse.net/boomerang/";a.BOOMR_config={}}(window);</script>
    <script src="https://www.googletagmanager.com/gtag/js?id=G-ABC123"></script>
    </head><body><img src="https://www.gravatar.com/avatar/x"></body></html>
    """
    mail, _ = run_detector(DETECTOR, "assets/mailer_templates/confirmation.html", src)
    page, _ = run_detector(DETECTOR, "assets/pages/confirmation.html", src)
    assert "akamai-mpulse" not in {e.service for e in mail}
    assert "google-analytics" not in {e.service for e in mail}
    assert "akamai-mpulse" in {e.service for e in page}
