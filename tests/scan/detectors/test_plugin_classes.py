"""Derived class declarations, per language: the facts plugin families are made of."""

from __future__ import annotations

from mkdocs_integrations.scan.detectors.plugin_classes import DETECTOR


def classes(evidence):
    return {(e.get("class"), e.get("base"), e.line) for e in evidence}


def test_python_first_base_at_top_level_only(run_detector):
    text = """\
    from redash.query_runner import BaseSQLQueryRunner, register


    class ClickHouse(BaseSQLQueryRunner):
        class Inner(Helper):
            pass


    class Meta(metaclass=ABCMeta):
        pass


    # class Old(BaseSQLQueryRunner):
    class Hive(query_runner.BaseSQLQueryRunner, Mixin):
        pass
    """
    evidence, _ = run_detector(DETECTOR, "app/query_runner/clickhouse.py", text)
    assert classes(evidence) == {("ClickHouse", "BaseSQLQueryRunner", 4), ("Hive", "BaseSQLQueryRunner", 14)}


def test_typescript_php_and_java_extends_or_implements(run_detector):
    ts = "export default class Presto extends SqlIntegration {\n}\nexport class Ga implements SourceIntegrationInterface<T> {}\n"
    assert classes(run_detector(DETECTOR, "src/integrations/Presto.ts", ts)[0]) == {
        ("Presto", "SqlIntegration", 1), ("Ga", "SourceIntegrationInterface", 3),
    }
    php = "<?php\nnamespace App\\Channels;\nfinal class Telegram extends \\App\\Channels\\BaseChannel\n{\n}\n"
    assert classes(run_detector(DETECTOR, "app/Channels/Telegram.php", php)[0]) == {("Telegram", "BaseChannel", 3)}
    java = "public class GoogleGeocoder extends JsonGeocoder<Foo> {\n}\n"
    assert classes(run_detector(DETECTOR, "src/main/java/app/geocoder/GoogleGeocoder.java", java)[0]) == {
        ("GoogleGeocoder", "JsonGeocoder", 1),
    }


def test_kotlin_csharp_and_ruby(run_detector):
    kt = "class SlackNotifier(private val http: Client) : Notifier() {\n}\n"
    assert classes(run_detector(DETECTOR, "app/notify/SlackNotifier.kt", kt)[0]) == {("SlackNotifier", "Notifier", 1)}
    cs = "public sealed class TmdbProvider : IMetadataProvider\n{\n}\n"
    assert classes(run_detector(DETECTOR, "Providers/TmdbProvider.cs", cs)[0]) == {("TmdbProvider", "IMetadataProvider", 1)}
    rb = "module Notifiers\n  class Pushover < Notifiers::Base\n  end\nend\n"
    assert classes(run_detector(DETECTOR, "app/models/notifiers/pushover.rb", rb)[0]) == {("Pushover", "Base", 2)}


def test_tests_are_not_read():
    assert not DETECTOR.accepts("tests/query_runner/test_clickhouse.py", "test_clickhouse.py", None)


def test_go_packages_registering_themselves_from_init(run_detector):
    """Go's plugins are packages: the registrar of an `init()` plays the base, the type it
    registers the class; the language's own registries (gob) are no family."""
    text = """\
package mega

func init() {
\top.RegisterDriver(func() driver.Driver {
\t\treturn &Mega{config: driver.Config{Name: "Mega_nz"}}
\t})
\tgob.Register(Session{})
}

func helper() {
\top.RegisterDriver(nil)
}
"""
    evidence, _ = run_detector(DETECTOR, "drivers/mega/meta.go", text)
    assert classes(evidence) == {("Mega", "op.RegisterDriver", 4)}
    assert all(e.get("package") == "1" for e in evidence)
    tool = "package aria2\n\nfunc init() {\n\ttool.Tools.Add(&Aria2{})\n}\n"
    assert classes(run_detector(DETECTOR, "internal/offline_download/aria2/aria2.go", tool)[0]) == {
        ("Aria2", "tool.Tools.Add", 4),
    }


def entries(evidence):
    return {(e.get("base"), e.get("entry_point"), e.get("module"), e.get("class"), e.line) for e in evidence if e.get("entry_point")}


def test_python_entry_points_of_a_plugin_group(run_detector):
    """A package's manifest declares its plugins as entry points of one group: the group plays
    the base's part. Console scripts (functions) and other tables are no plugins."""
    pyproject = """\
    [project]
    name = "dispatch"

    [project.scripts]
    dispatch = "dispatch.cli:entrypoint"

    [project.entry-points."dispatch.plugins"]
    zoom_conference = "dispatch.plugins.dispatch_zoom.plugin:ZoomConferencePlugin"
    slack_contact = "dispatch.plugins.dispatch_slack.plugin:SlackContactPlugin"

    [tool.other]
    thing = "pkg.mod:NotAPlugin"
    """
    assert entries(run_detector(DETECTOR, "pyproject.toml", pyproject)[0]) == {
        ("dispatch.plugins", "zoom_conference", "dispatch.plugins.dispatch_zoom.plugin", "ZoomConferencePlugin", 8),
        ("dispatch.plugins", "slack_contact", "dispatch.plugins.dispatch_slack.plugin", "SlackContactPlugin", 9),
    }
    setup_cfg = """\
    [options.entry_points]
    console_scripts =
        app = app.cli:Main
    app.plugins =
        s3 = app.plugins.app_aws.plugin:S3DestinationPlugin
    """
    assert entries(run_detector(DETECTOR, "setup.cfg", setup_cfg)[0]) == {
        ("app.plugins", "s3", "app.plugins.app_aws.plugin", "S3DestinationPlugin", 5),
    }
    setup_py = """\
    from setuptools import setup

    setup(
        name="app",
        entry_points={
            "console_scripts": ["app = app.cli:main"],
            "app.plugins": [
                "slack_notification = app.plugins.app_slack.plugin:SlackNotificationPlugin",
            ],
        },
    )
    """
    assert entries(run_detector(DETECTOR, "setup.py", setup_py)[0]) == {
        ("app.plugins", "slack_notification", "app.plugins.app_slack.plugin", "SlackNotificationPlugin", 8),
    }


def test_a_class_whose_file_requests_a_url_is_marked(run_detector):
    """A per-site scraper fetches through its base's helper (`parsed_get`), no known client: a verb
    method called on a URL marks its file as requesting; a URL parser matching hosts is not."""
    scraper = ('class Source::Extractor\n  class Booth < Source::Extractor\n    def api_response\n'
               '      http.cache(1.minute).parsed_get(parsed_url.api_url) || {}\n    end\n  end\nend\n')
    ev = run_detector(DETECTOR, "app/logical/source/extractor/booth.rb", scraper)[0]
    assert [e.get("requests") for e in ev] == ["1"]
    parser = ('module Source\n  class URL::Booth < Source::URL\n    def self.match?(url)\n'
              '      url.domain == "booth.pm"\n    end\n  end\nend\n')
    ev = run_detector(DETECTOR, "app/logical/source/url/booth.rb", parser)[0]
    assert [e.get("requests") for e in ev] == [""]
