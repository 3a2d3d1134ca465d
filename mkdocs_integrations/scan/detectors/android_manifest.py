"""Android app manifests: the `<meta-data>` keys an SDK reads its configuration from.

An Android app (native, or a cross-platform one such as .NET MAUI, Xamarin, Flutter or React
Native, each with a `Platforms/Android/AndroidManifest.xml` or `android/app/src/main/...`)
configures several vendors' SDKs by a `<meta-data android:name="KEY" android:value="..."/>`
entry of its `<application>`: the key is the SDK's own, so the entry says the app ships it
(the Maps SDK's `com.google.android.geo.API_KEY`, read by every map control that renders
Google Maps on Android). The value is often a placeholder in the repository; the key is what
names the vendor. Which keys are whose is catalog data (`android_meta`); a key an app invents
for itself says nothing.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from ...catalog.index import CatalogIndex
from ...model import CALL, Evidence
from .base import Context, Detector, Record, Source

_META = re.compile(r"""<meta-data\b[^>]*?\bandroid:name\s*=\s*["']([\w.]+)["']""")
_KEYS: dict[int, tuple[CatalogIndex, dict[str, str]]] = {}


def _keys(ctx: Context) -> dict[str, str]:
    """`<meta-data>` name -> service id, from the catalog (built once per catalog index)."""
    cached = _KEYS.get(id(ctx.index))
    if cached is None or cached[0] is not ctx.index:
        keys = {k: svc.id for svc in ctx.catalog.services.values() for k in svc.android_meta}
        cached = _KEYS[id(ctx.index)] = (ctx.index, keys)
    return cached[1]


def detect(src: Source, ctx: Context) -> Iterator[Record]:
    keys = _keys(ctx)
    seen: set[str] = set()
    for m in _META.finditer(src.text):
        sid = keys.get(m.group(1))
        if sid and sid not in seen:
            seen.add(sid)
            yield Evidence(path=src.rel, line=src.line_of(m.start(1)), kind=CALL,
                           name=f"{ctx.catalog.services[sid].name} Android SDK settings", service=sid,
                           detail=(("alone", "1"),))


DETECTOR = Detector(
    name="android-manifest",
    accepts=lambda rel, name, ctx: name == "AndroidManifest.xml",
    detect=detect,
    literals=lambda ctx: ("<meta-data",),
)
