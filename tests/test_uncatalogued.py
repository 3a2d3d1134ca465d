"""Names of services outside the catalog, made from scanned hosts."""

from __future__ import annotations

from mkdocs_integrations.uncatalogued import api_slug


def test_an_api_slug_is_the_registered_name_under_country_second_levels():
    assert api_slug("api.pinboard.in") == "pinboard"
    assert api_slug("api.shop.co.uk") == "shop"
    assert api_slug("api.vine.org.au") == "vine"  # not "org"
    assert api_slug("api.pagos.com.mx") == "pagos"
    assert api_slug("api.last.fm") == "last"
    assert api_slug("127.0.0.1") == ""
