"""Page templates: a catalog vendor's script or widget loaded from its host is a use; links,
comments and assets on storage/CDN hosts are not."""

from __future__ import annotations

from mkdocs_integrations.model import HOST
from mkdocs_integrations.scan.detectors.templates import DETECTOR


def _hosts(run_detector, rel, src):
    ev, _ = run_detector(DETECTOR, rel, src)
    return [(e.name, e.service) for e in ev if e.kind == HOST]


def test_script_include_in_erb_is_the_vendor(run_detector):
    src = '<%= javascript_include_tag "https://maps.googleapis.com/maps/api/js?key=#{@key}" %>\n'
    assert _hosts(run_detector, "app/views/events/show.html.erb", src) == [("maps.googleapis.com", "google-maps")]


def test_src_attribute_in_twig(run_detector):
    src = '<script src="https://js.stripe.com/v3/"></script>\n'
    assert _hosts(run_detector, "templates/pay.html.twig", src) == [("js.stripe.com", "stripe")]


def test_links_comments_and_cdn_assets_are_not_uses(run_detector):
    src = """\
    <a href="https://github.com/acme/app">source</a>
    <!-- <script src="https://js.stripe.com/v3/"></script> -->
    <script src="https://d2wy8f7a9ursnm.cloudfront.net/v7/bugsnag.min.js"></script>
    <img src="https://www.unknown-vendor.io/logo.png">
    """
    assert _hosts(run_detector, "app/views/layouts/app.html.erb", src) == []
