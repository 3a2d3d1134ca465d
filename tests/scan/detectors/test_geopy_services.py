"""Geocoders selected through geopy (geopy_services): by class or by geopy's service key."""

from __future__ import annotations

from mkdocs_integrations.scan.detectors.geopy_services import DETECTOR


def test_service_keys_in_a_geocoding_module_are_its_providers(run_detector):
    """A provider table in the app's geocoding folder, keyed by geopy's service names, beside
    the module that calls `geopy.get_geocoder_for_service(provider)`."""
    ev, _ = run_detector(DETECTOR, "api/geocode/config.py", """\
        from constance import config as settings

        def _get_config():
            return {
                "mapbox": {"geocode_args": {"api_key": settings.MAP_API_KEY}},
                "maptiler": {"geocode_args": {"api_key": settings.MAP_API_KEY}},
                "tomtom": {"geocode_args": {"api_key": settings.MAP_API_KEY}},
                "photon": {"geocode_args": {"domain": "photon.komoot.io"}},
                "nominatim": {"geocode_args": {"user_agent": "librephotos"}},
                # "here": {"geocode_args": {}},
                "opencage": {"geocode_args": {"api_key": settings.MAP_API_KEY}},
            }
        """)
    assert [(e.service, e.line) for e in ev] == [
        ("mapbox", 5), ("maptiler", 6), ("tomtom", 7), ("photon", 8), ("openstreetmap-nominatim", 9),
        ("opencage", 11)]


def test_keys_and_classes_where_geopy_is_called(run_detector):
    ev, _ = run_detector(DETECTOR, "places/lookup.py", """\
        import geopy
        from geopy.geocoders import (
            OpenCage,
            GoogleV3,
        )

        def geocoder(name="here"):
            return geopy.get_geocoder_for_service(name)

        def fallback():
            return geopy.geocoders.TomTom(api_key=KEY)
        """)
    assert [(e.service, e.line) for e in ev] == [
        ("opencage", 3), ("google-maps", 4), ("tomtom", 11), ("here", 7)]


def test_no_geopy_no_geocoding_folder_or_a_test_is_nothing(run_detector):
    """A key-like word elsewhere (a map tile layer called "mapbox", a choice "here"), an
    everyday word in a geocoding folder or beside geopy's distance helper only, and tests are not evidence."""
    ev, _ = run_detector(DETECTOR, "maps/layers.py", 'LAYERS = {"mapbox": url, "opencage": other}\n')
    assert ev == []
    ev, _ = run_detector(DETECTOR, "recommendations/search.py", """\
        from geopy.distance import geodesic
        RESULT = {"source": "google", "distance": geodesic(a, b).km}
        """)
    assert ev == []
    ev, _ = run_detector(DETECTOR, "geocoding/choices.py", 'CHOICES = [("here", "Here"), ("google", "Google")]\n')
    assert ev == []
    ev, _ = run_detector(DETECTOR, "tests/geocode/test_config.py",
                         'import geopy\nassert geopy.get_geocoder_for_service("opencage")\n')
    assert ev == []


def test_every_geopy_vendor_is_a_catalog_service():
    """rules/geopy.yaml maps geopy's keys and classes to catalog ids: each must exist."""
    from mkdocs_integrations.catalog import load_catalog
    from mkdocs_integrations.rules_data import rules_yaml

    services = rules_yaml("geopy.yaml")["services"]
    assert services and set(services) <= set(load_catalog().services)
    assert all(v.get("keys") and v.get("classes") for v in services.values())
