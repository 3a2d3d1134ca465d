"""Settings files of defaults: a URL a setting named for an endpoint holds names its vendor."""

from __future__ import annotations

from mkdocs_integrations.model import HOST
from mkdocs_integrations.scan.detectors.settings_urls import DETECTOR


def test_rails_config_gem_settings_name_their_services(run_detector):
    """`config/settings.yml` (the `config` gem, read as `Settings.nominatim_url`): the code
    never spells the URL, the settings file does."""
    ev, _ = run_detector(DETECTOR, "config/settings.yml", """\
        # URL of Nominatim instance to use for geocoding
        nominatim_url: "https://nominatim.openstreetmap.org/"
        overpass_url: https://overpass-api.de/api/interpreter
        fossgis_osrm_url: "https://routing.openstreetmap.de/"
        """)
    assert {(e.kind, e.service) for e in ev} == {
        (HOST, "openstreetmap-nominatim"), (HOST, "overpass-api"), (HOST, "fossgis-osrm")}
    assert [e.line for e in ev] == [2, 3, 4]


def test_list_items_and_templated_hosts(run_detector):
    """A map's layers in `config/layers.yml`: `tileUrl` of a list item, a `{s}` subdomain."""
    ev, _ = run_detector(DETECTOR, "config/layers.yml", """\
        - layerId: "mapnik"
          tileUrl: "https://tile.openstreetmap.org/{z}/{x}/{y}.png"
        - layerId: "cyclosm"
          tileUrl: "https://{s}.tile-cyclosm.openstreetmap.fr/cyclosm/{z}/{x}/{y}.png"
        """)
    assert [e.service for e in ev] == ["openstreetmap", "openstreetmap-france"]


def test_spring_application_yml_anywhere(run_detector):
    ev, _ = run_detector(DETECTOR, "src/main/resources/application-prod.yml", """\
        geo:
          nominatim-url: https://nominatim.openstreetmap.org
        """)
    assert [e.service for e in ev] == ["openstreetmap-nominatim"]


def test_a_bare_endpoint_key_under_a_vendor_section(run_detector):
    """`endpoint:` alone (the vendor is the parent key) holds the API URL the code posts to; a
    bare `url:` stays out (menu links are written so)."""
    ev, _ = run_detector(DETECTOR, "service/config/sample.yml", """\
        turn:
          cloudflare:
            apiToken: secret://turn.cloudflare.apiToken
            endpoint: https://rtc.live.cloudflare.com/v1/turn/keys/LMNOP/credentials/generate
        links:
          - url: https://overpass-api.de/docs
        """)
    assert [(e.service, e.line) for e in ev] == [("cloudflare", 4)]


def test_links_unknown_hosts_and_other_keys_are_not_services(run_detector):
    """A key for a page people open (help, donation, wiki), a host the catalog does not know
    (maybe the app's own) and a key that is no endpoint's name are no evidence."""
    ev, _ = run_detector(DETECTOR, "config/settings.yml", """\
        help_url: "https://github.com/acme/app/wiki"
        donation_url: "https://supporting.openstreetmap.org/donate/"
        api_url: "https://api.acme-internal.net/v1"
        attribution: "https://www.openstreetmap.org/copyright"
        wikiUrl: https://overpass-api.de/docs
        """)
    assert ev == []


def test_yaml_that_is_no_settings_file(ctx):
    """Translations, CI, deployment charts and test fixtures hold URLs that are no settings;
    a YAML file outside a config folder that is not named for settings is not read."""
    for rel in ("config/locales/en.yml", ".github/workflows/ci.yml", "charts/app/values.yaml",
                "test/fixtures/config/settings.yml", "data/layers.yml", "mkdocs.yml", "docker-compose.yml"):
        assert not DETECTOR.accepts(rel, rel.rsplit("/", 1)[-1], ctx), rel
    for rel in ("config/settings.yml", "config/settings/production.yml", "application.yml", "settings.yaml"):
        assert DETECTOR.accepts(rel, rel.rsplit("/", 1)[-1], ctx), rel


MAP_STYLE = """\
{
	"version": 8,
	"name": "Uptime map",
	"glyphs": "https://demotiles.maplibre.org/font/{fontstack}/{range}.pbf",
	"layers": [
		{"id": "background", "type": "background"},
		{"id": "countries", "type": "fill", "source": "maplibre", "source-layer": "countries"}
	],
	"sources": {
		"maplibre": {
			"url": "https://demotiles.maplibre.org/tiles/tiles.json",
			"type": "vector"
		},
		"osm": {"type": "raster", "tiles": ["https://tile.openstreetmap.org/{z}/{x}/{y}.png"]},
		"points": {"type": "geojson", "data": "https://api.acme-maps.dev/points.geojson"}
	}
}
"""


def test_a_map_style_json_names_the_tiles_it_loads(run_detector):
    """A MapLibre style document (`version: 8`, sources, layers) handed to `new maplibregl.Map`:
    its glyphs and each source's TileJSON `url` / `tiles` are fetched by the map library."""
    ev, _ = run_detector(DETECTOR, "src/Pages/Map/MapStyle.json", MAP_STYLE)
    assert [(e.kind, e.service, e.line) for e in ev] == [
        (HOST, "maplibre-demotiles", 4), (HOST, "openstreetmap", 14)]


def test_a_json_file_that_is_no_map_style_names_nothing(run_detector):
    """Other JSON (a fixture of tile URLs, a style of another spec version) is no map the app draws."""
    assert run_detector(DETECTOR, "src/data/links.json",
                        '{"tileUrl": "https://tile.openstreetmap.org/{z}/{x}/{y}.png", "layers": [], "sources": {}}\n')[0] == []
    old = MAP_STYLE.replace('"version": 8', '"version": 7')
    assert run_detector(DETECTOR, "src/Pages/Map/MapStyle.json", old)[0] == []
