"""Vendors a library calls by default (library_defaults): the geocoder gem's Nominatim."""

from __future__ import annotations

from helpers import scan_tree as scan
from helpers import service_ids as ids

from mkdocs_integrations.scan.detectors.library_defaults import DETECTOR

_GEMFILE = 'source "https://rubygems.org"\ngem "rails"\ngem "geocoder"\n'
_MODEL = """\
module Geocodable
  extend ActiveSupport::Concern
  included do
    geocoded_by :address
    after_validation :geocode, if: ->(obj) { obj.address.present? && obj.address_changed? }
  end
end
"""


def test_street_geocoding_is_the_default_lookup(run_detector):
    """`geocoded_by :address` and `Geocoder.search(query)` geocode street addresses; an IP
    attribute or argument (`geocoded_by :ip`, `Geocoder.search(request.remote_ip)`, over lines
    with `ip_address: true`) goes to the IP lookup; a comment is no code."""
    ev, _ = run_detector(DETECTOR, "app/models/location.rb", """\
        class Location < ApplicationRecord
          geocoded_by :address
          geocoded_by :last_sign_in_ip
          # Geocoder.search(old_query)

          def lookup(query)
            if (result = Geocoder.search(query).first)
              self.latitude = result.latitude
            end
            Geocoder.search(request.remote_ip)
            Geocoder.search(
              spoofable_ip,
              ip_address: true,
            )
          end
        end
        """)
    assert [(e.kind, e.service, e.line, e.get("default_of")) for e in ev] == [
        ("call", "openstreetmap-nominatim", 2, "geocoder"), ("call", "openstreetmap-nominatim", 7, "geocoder")]


def test_configuring_a_lookup_is_recorded_not_an_ip_lookup_or_comment(run_detector):
    ev, _ = run_detector(DETECTOR, "config/initializers/geocoder.rb", """\
        Geocoder.configure(
          timeout: 5,
          # lookup: :nominatim,
          ip_lookup: :ipinfo_io,
          lookup: :google,
          api_key: ENV["GOOGLE_GEOCODER"],
        )
        """)
    assert [(e.kind, e.name, e.line) for e in ev] == [("feature", "default_overridden:geocoder", 5)]
    ev, _ = run_detector(DETECTOR, "config/initializers/geocoder.rb", """\
        Geocoder.configure(
          # lookup: :nominatim,         # name of geocoding service (symbol)
          ip_lookup: :ipinfo_io,
          units: :km,
        )
        """)
    assert ev == []


def test_nominatim_when_no_lookup_is_configured(tmp_path):
    """The app geocodes with the gem and its initializer only sets headers: Nominatim."""
    inv = scan(tmp_path, {
        "Gemfile": _GEMFILE,
        "app/models/concerns/geocodable.rb": _MODEL,
        "config/initializers/geocoder.rb": 'Geocoder.configure(http_headers: {"User-Agent" => "example.org"})\n',
    })
    assert "openstreetmap-nominatim" in ids(inv)


def test_no_nominatim_when_another_lookup_is_configured(tmp_path):
    """`Geocoder.configure(lookup: ...)` in any application file picks the vendor (Google here,
    or one chosen by env); a test environment's `lookup: :test` is no such choice."""
    inv = scan(tmp_path, {
        "Gemfile": _GEMFILE,
        "app/models/concerns/geocodable.rb": _MODEL,
        "config/initializers/geocoder.rb":
            "Geocoder.configure(\n  lookup: ENV.fetch('GEOCODER_SERVICE', :google).to_sym,\n  api_key: ENV['GEOCODER_API_KEY']\n)\n",
    })
    assert "openstreetmap-nominatim" not in ids(inv)
    inv = scan(tmp_path / "other", {
        "Gemfile": _GEMFILE,
        "app/models/concerns/geocodable.rb": _MODEL,
        "config/environments/test.rb": "Geocoder.configure(lookup: :test)\n",
    })
    assert "openstreetmap-nominatim" in ids(inv)


def test_a_view_geocoding_in_erb_tags(run_detector):
    """A Rails view that geocodes inside an ERB tag calls the default lookup; the page's text
    (a help paragraph quoting the call) and an ERB comment (`<%# ... %>`) are not code."""
    ev, _ = run_detector(DETECTOR, "app/views/users/map.html.erb", """\
        <p>Issue #12: we call Geocoder.search(country) to centre the map</p>
        <%# geo = Geocoder.search(@old_country).first %>
        <script>
          <% if !@country.nil? and !@country.empty? %>
            <%  geo_location = Geocoder.search("#{@country}").first || "" %>
            var map = L.map('map').setView([<%= geo_location.latitude %>, <%= geo_location.longitude %>], 4);
          <% end %>
        </script>
        """)
    assert [(e.kind, e.service, e.line) for e in ev] == [("call", "openstreetmap-nominatim", 5)]


def test_nominatim_from_a_view_only(tmp_path):
    """The gem in the Gemfile and one view that geocodes, no configuration: Nominatim."""
    inv = scan(tmp_path, {
        "Gemfile": _GEMFILE,
        "app/views/users/map.html.erb": '<% loc = Geocoder.search(@country).first %>\n<div id="map"></div>\n',
    })
    assert "openstreetmap-nominatim" in ids(inv)
