"""Kind classes: vendor names in class files named for their package's kind."""

from __future__ import annotations

import pytest

from mkdocs_integrations.scan.detectors.kind_classes import kind_class_of


@pytest.mark.parametrize(
    "rel, expected",
    [
        ("src/main/java/org/app/geocoder/BaiduGeocoder.java", ("baidu",)),
        ("src/main/java/org/app/notificators/NotificatorTelegram.java", ("telegram",)),
        ("src/main/java/org/app/geolocation/OpenCellIdGeolocationProvider.java", ("opencellid",)),
        ("src/main/java/org/app/speedlimit/OverpassSpeedLimitProvider.java", ("overpass",)),
        ("src/main/java/org/app/protocol/TtnHttpProtocolDecoder.java", ("ttn",)),  # a transport word dropped
        ("src/main/java/org/app/forward/PositionForwarderWialon.java", ("position", "wialon")),  # both sides are candidates
        ("src/main/java/org/app/geocoder/Geocoder.java", ()),  # the kind itself
        ("src/main/java/org/app/geocoder/JsonGeocoder.java", ()),  # a generic word
        ("src/test/java/org/app/geocoder/BaiduGeocoderTest.java", ()),  # its test
        ("app/Filament/Resources/Threads/Tables/ThreadsTable.php", ()),  # an admin panel's table of the app's threads
        ("API/Services/StreamService.cs", ()),  # an architectural layer names the app's own concepts
        ("API/Services/Tasks/Scanner/Parser/ComicVineParser.cs", ()),
        ("src/components/TwitterCard.tsx", ()),  # UI
        ("server/geocoder/baidu.js", ()),  # not a class file
        ("app/Services/Radio/RadioStreamService.php", ()),  # after a thing's word: a kind of it, no vendor
        ("src/geofence/GeofenceCircle.java", ()),
        ("src/sidebar/YouTubeSidebarItem.vue", ()),  # a UI component
        ("app/Notifications/Channels/TelegramChannel.php", ("telegram",)),
        ("app/Services/Migrators/BitwardenMigrator.php", ()),  # an export file's format, no call
    ],
)
def test_kind_class_names(rel, expected):
    assert kind_class_of(rel) == expected
