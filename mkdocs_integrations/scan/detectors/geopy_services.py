"""Geocoders a Python app selects through geopy, by class or by geopy's service key.

geopy wraps some thirty geocoding vendors behind one interface. An app names the one it uses
either by class (`from geopy.geocoders import OpenCage`, `geopy.geocoders.TomTom(api_key=...)`)
or by geopy's service key, often from a setting the admin picks:

    geocoder_cls = geopy.get_geocoder_for_service(provider)      # api/geocode/geocode.py
    PROVIDERS = {"opencage": {"api_key": KEY}, "photon": {...}}  # api/geocode/config.py

Records a CALL (alone) of the vendor for each geopy class the file uses, and for each string
literal that is exactly a geopy service key in a file that either calls
`get_geocoder_for_service` or imports geopy's geocoders (not only `geopy.distance`), or sits in a geocoding folder (`geocode/`,
`geocoder/`, `geocoding/`): there the keys are the providers the app's geocoding can pick.
Keys that are everyday words elsewhere (`"google"`, `"here"`, `"azure"`, `"bing"`) count only
in a file that calls `get_geocoder_for_service` or imports geopy. Comments, docstrings and
tests are not evidence.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache

from ...model import CALL, Evidence
from ...paths import is_test_path
from ...rules_data import rules_yaml
from ..lexing import PY
from .base import Context, Detector, Record, Source

@dataclass(frozen=True)
class _Geopy:
    keys: dict[str, str]  # geopy service key -> catalog service
    classes: dict[str, str]  # geopy geocoder class -> catalog service
    common_words: frozenset[str]
    class_use: re.Pattern[str]
    key_literal: re.Pattern[str]


@lru_cache(maxsize=1)
def _geopy() -> _Geopy:
    """geopy's vendors (data: rules/geopy.yaml) and the patterns built from them, once."""
    data = rules_yaml("geopy.yaml")
    keys = {k: sid for sid, v in data["services"].items() for k in v.get("keys") or ()}
    classes = {c: sid for sid, v in data["services"].items() for c in v.get("classes") or ()}
    class_use = re.compile(
        r"\bgeocoders\.(" + "|".join(sorted(classes, key=len, reverse=True)) + r")\b"
        r"|^[ \t]*from[ \t]+geopy\.geocoders[ \t]+import[ \t]+\(?([^)\n]*(?:\n[^)\n]*){0,20})", re.M)
    key_literal = re.compile(r"""(['"])(""" + "|".join(sorted(keys, key=len, reverse=True)) + r")\1")
    return _Geopy(keys, classes, frozenset(data.get("common_words") or ()), class_use, key_literal)


# geopy's geocoders imported (`import geopy`, `from geopy.geocoders import ...`), not only its
# distance or point helpers (`from geopy.distance import geodesic`), which call no vendor.
_IMPORTS_GEOPY = re.compile(
    r"^[ \t]*(?:import[ \t]+geopy(?:\.geocoders)?\b(?!\.)"
    r"|from[ \t]+geopy(?:\.geocoders)?[ \t]+import\b(?![ \t]*\(?[ \t]*(?:distance|point|Point|location|Location|exc)\b))",
    re.M)
_BY_KEY = re.compile(r"\bget_geocoder_for_service\s*\(")
# A folder of the app's geocoding layer (`api/geocode/`, `services/geocoder/`, `geocoding/`).
_GEOCODING_DIR = re.compile(r"(?:^|/)geocod(?:e|er|ers|ing)/", re.I)


def detect(src: Source, ctx: Context) -> Iterator[Record]:
    if is_test_path(src.rel):
        return
    text = src.stripped(PY)
    uses_geopy = _IMPORTS_GEOPY.search(text) is not None or _BY_KEY.search(text) is not None
    in_geocoding = _GEOCODING_DIR.search(src.rel) is not None
    if not (uses_geopy or in_geocoding):
        return
    geopy = _geopy()
    seen: set[str] = set()
    for m in geopy.class_use.finditer(text):
        if m.group(1):
            hits = [(m.group(1), m.start(1))]
        else:
            names = m.group(2)
            hits = [(w.group(0), m.start(2) + w.start()) for w in re.finditer(r"\b[A-Z]\w*", names)]
        for cls, pos in hits:
            service = geopy.classes.get(cls)
            if service and service not in seen:
                seen.add(service)
                yield Evidence(path=src.rel, line=src.line_of(pos), kind=CALL, name=f"geopy {cls}",
                               service=service, detail=(("alone", "1"),))
    for m in geopy.key_literal.finditer(text):
        key = m.group(2)
        service = geopy.keys[key]
        if service in seen or (key in geopy.common_words and not uses_geopy):
            continue
        seen.add(service)
        yield Evidence(path=src.rel, line=src.line_of(m.start()), kind=CALL, name=f"geopy service {key}",
                       service=service, detail=(("alone", "1"),))


def accepts(rel: str, name: str, ctx: Context | None = None) -> bool:
    return name.endswith(".py")


DETECTOR = Detector(
    name="geopy_services",
    accepts=accepts,
    detect=detect,
    literals=lambda ctx: ("geopy", "get_geocoder_for_service", "geocode/", "geocoder/", "geocoders/", "geocoding/"),
)
