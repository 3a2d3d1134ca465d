"""AndroidManifest.xml: SDK configuration keys of `<meta-data>` entries name their vendor."""

from __future__ import annotations

from mkdocs_integrations.scan.detectors.android_manifest import DETECTOR

MAUI_MANIFEST = """\
<?xml version="1.0" encoding="utf-8"?>
<manifest xmlns:android="http://schemas.android.com/apk/res/android">
    <application android:allowBackup="true" android:supportsRtl="true">
        <meta-data android:name="com.google.android.geo.API_KEY" android:value="YOUR_KEY_GOES_HERE"/>
        <meta-data android:name="com.google.android.gms.version" android:value="@integer/google_play_services_version"/>
        <meta-data android:name="io.sentry.dsn" android:value="https://key@o0.ingest.sentry.io/1" />
    </application>
    <uses-permission android:name="android.permission.ACCESS_FINE_LOCATION"/>
</manifest>
"""


def test_sdk_keys_name_their_vendor(run_detector):
    evidence, _ = run_detector(DETECTOR, "src/ClientApp/Platforms/Android/AndroidManifest.xml", MAUI_MANIFEST)
    got = {(e.service, e.name, e.line) for e in evidence}
    assert got == {("google-maps", "Google Maps Platform Android SDK settings", 4), ("sentry", "Sentry Android SDK settings", 6)}
    assert all(dict(e.detail).get("alone") == "1" for e in evidence)


def test_an_app_own_key_and_permissions_name_nothing(run_detector):
    text = ('<manifest xmlns:android="http://schemas.android.com/apk/res/android">\n'
            '  <application>\n    <meta-data android:name="com.acme.app.API_KEY" android:value="x"/>\n  </application>\n'
            '  <uses-permission android:name="android.permission.INTERNET"/>\n</manifest>\n')
    evidence, _ = run_detector(DETECTOR, "android/app/src/main/AndroidManifest.xml", text)
    assert evidence == []


def test_only_the_manifest_is_read(ctx):
    assert not DETECTOR.accepts("res/values/strings.xml", "strings.xml", ctx)
