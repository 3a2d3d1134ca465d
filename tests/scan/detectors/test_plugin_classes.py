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
