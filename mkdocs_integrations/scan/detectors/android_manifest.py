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

from ...model import CALL, Evidence
from .base import Context, Detector, Record, Source

_META = re.compile(r"""<meta-data\b[^>]*?\bandroid:name\s*=\s*["']([\w.]+)["']""")


def detect(src: Source, ctx: Context) -> Iterator[Record]:
    keys = ctx.index.android_meta
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
