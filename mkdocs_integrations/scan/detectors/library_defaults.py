"""Vendors a library calls by default, when the app uses the library and never picks another.

Ruby's geocoder gem geocodes street addresses through its default lookup, Nominatim
(nominatim.openstreetmap.org), unless `Geocoder.configure(lookup: ...)` names another:

    class Organization < ApplicationRecord
      geocoded_by :address            # street geocoding: Nominatim, unless configured
      after_validation :geocode
    end

    Geocoder.search(query).first      # likewise
    Geocoder.configure(lookup: :google, api_key: ENV["GOOGLE_GEOCODER"])   # another vendor

Records: a CALL of the default vendor on each line that geocodes (detail `default_of`: the
library), and a service-less FEATURE `default_overridden:<library>` on each line that sets the
library's choice; the inventory drops the default's evidence when any non-test file sets it
(`folds.drop_overridden_defaults`). IP lookups (`geocoded_by :ip`, `Geocoder.search(remote_ip)`,
`request.location`) use the separate `ip_lookup` and are not counted. Comments are not evidence.
A Rails view geocodes too (`<% loc = Geocoder.search(@country).first %>` in a `.html.erb`): only
the Ruby inside its `<% %>` / `<%= %>` tags is read, not the page's text or `<%# %>` comments.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from ...model import CALL, FEATURE, Evidence
from ...paths import is_test_path
from ..lexing import HASH, strip_comments
from .base import Context, Detector, Record, Source

GEOCODER = "geocoder"
_NOMINATIM = "openstreetmap-nominatim"
# Street geocoding with the gem: a model's `geocoded_by :address` / `reverse_geocoded_by :lat, :lng`
# (a symbol or string attribute: `geocoded_by nil` only names coordinate columns), and the
# module's `Geocoder.search(...)`, `Geocoder.coordinates(...)`, `Geocoder.address(...)`.
_USE = re.compile(
    r"""\b(?:reverse_)?geocoded_by\s*\(?\s*[:'"](\w+)|\bGeocoder\.(?:search|coordinates|address)\(([^)]{0,300})"""
)
# An IP address argument or attribute (`:ip`, `:last_sign_in_ip`, `remote_ip`, `ip_address: true`,
# `ip_lookup:`; the arguments read up to the call's first `)`, over lines):
# the gem's `ip_lookup` answers those, not the street lookup.
_IP_ARG = re.compile(r"(?:^|[^a-z])ip(?:[^a-z]|$)|ip_?addr", re.I)
# The gem's street lookup chosen: `Geocoder.configure(lookup: :google)`, `:lookup => :bing`,
# `config.lookup = ...`, or per call (`Geocoder.search(q, lookup: :mapbox)`); not `ip_lookup`.
_LOOKUP_SET = re.compile(r"""(?<![\w.])(?:lookup:|:lookup\s*=>|['"]lookup['"]\s*=>)|\.lookup\s*=(?!=)""")
_CONFIGURES = re.compile(r"\bGeocoder(?:\.configure\b|::Configuration\b)")
# An ERB tag's Ruby (`<% ... %>`, `<%= ... %>`, `<%- ... -%>`); `<%#` opens an ERB comment.
_ERB_TAG = re.compile(r"<%(?!#)[=-]?(.*?)-?%>", re.S)
_NOT_NEWLINE = re.compile(r"[^\n]")


def _erb_ruby(text: str) -> str:
    """The Ruby of an ERB template, every other character blanked (newlines kept, so offsets
    and lines stay those of the file): the page's markup and text are not code."""
    parts: list[str] = []
    pos = 0
    for m in _ERB_TAG.finditer(text):
        parts += (_NOT_NEWLINE.sub(" ", text[pos:m.start(1)]), m.group(1))
        pos = m.end(1)
    parts.append(_NOT_NEWLINE.sub(" ", text[pos:]))
    return "".join(parts)


def detect(src: Source, ctx: Context) -> Iterator[Record]:
    if is_test_path(src.rel):
        return
    text = strip_comments(_erb_ruby(src.text), HASH) if src.name.endswith(".erb") else src.stripped(HASH)
    configures = _CONFIGURES.search(text) is not None
    for m in _LOOKUP_SET.finditer(text):
        line_start = text.rfind("\n", 0, m.start()) + 1
        if configures or "Geocoder." in text[line_start:m.start()]:
            yield Evidence(path=src.rel, line=src.line_of(m.start()), kind=FEATURE,
                           name=f"default_overridden:{GEOCODER}")
            break
    for m in _USE.finditer(text):
        arg = m.group(1) or m.group(2) or ""
        if _IP_ARG.search(arg) or _LOOKUP_SET.search(arg):
            continue
        yield Evidence(path=src.rel, line=src.line_of(m.start()), kind=CALL, name="geocoder default lookup",
                       service=_NOMINATIM, detail=(("alone", "1"), ("default_of", GEOCODER)))


def accepts(rel: str, name: str, ctx: Context | None = None) -> bool:
    return name.endswith((".rb", ".erb"))


DETECTOR = Detector(
    name="library_defaults",
    accepts=accepts,
    detect=detect,
    literals=lambda ctx: ("geocoded_by", "geocoder.", "geocoder::"),
)
