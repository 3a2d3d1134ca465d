"""Android app manifests: the `<meta-data>` keys an SDK reads its configuration from.

An Android app (native, or a cross-platform one such as .NET MAUI, Xamarin, Flutter or React
Native, each with a `Platforms/Android/AndroidManifest.xml` or `android/app/src/main/...`)
configures several vendors' SDKs by a `<meta-data android:name="KEY" android:value="..."/>`
entry of its `<application>`: the key is the SDK's own, so the entry says the app ships it
(the Maps SDK's `com.google.android.geo.API_KEY`, read by every map control that renders
Google Maps on Android). The value is often a placeholder in the repository; the key is what
names the vendor.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from ...model import CALL, Evidence
from .base import Context, Detector, Record, Source

# SDK configuration keys -> (service, what the key configures). Only keys the vendor's own SDK
# defines: a key an app invents for itself says nothing.
_KEYS: dict[str, tuple[str, str]] = {
    "com.google.android.geo.API_KEY": ("google-maps", "Maps SDK for Android"),
    "com.google.android.maps.v2.API_KEY": ("google-maps", "Maps SDK for Android"),
    "io.sentry.dsn": ("sentry", "Sentry Android SDK"),
    "com.google.firebase.messaging.default_notification_channel_id": ("firebase-cloud-messaging", "push notifications"),
    "com.google.firebase.messaging.default_notification_icon": ("firebase-cloud-messaging", "push notifications"),
}
_META = re.compile(r"""<meta-data\b[^>]*?\bandroid:name\s*=\s*["']([\w.]+)["']""")


def detect(src: Source, ctx: Context) -> Iterator[Record]:
    seen: set[str] = set()
    for m in _META.finditer(src.text):
        hit = _KEYS.get(m.group(1))
        if hit and hit[0] not in seen and hit[0] in ctx.catalog.services:
            seen.add(hit[0])
            yield Evidence(path=src.rel, line=src.line_of(m.start(1)), kind=CALL, name=hit[1], service=hit[0],
                           detail=(("alone", "1"),))


DETECTOR = Detector(
    name="android-manifest",
    accepts=lambda rel, name, ctx: name == "AndroidManifest.xml",
    detect=detect,
    literals=lambda ctx: ("<meta-data",),
)
