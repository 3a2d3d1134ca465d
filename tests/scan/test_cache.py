"""The disk cache: a second process re-reads only changed files; stale caches are ignored."""

from __future__ import annotations

import json

from helpers import write_tree

from mkdocs_integrations.scan import Scanner, ScanOptions


def test_second_scanner_reuses_the_disk_cache(tmp_path):
    write_tree(tmp_path, {"app/a.py": "import stripe\n", "app/b.py": "import os\nos.getenv('TWILIO_AUTH_TOKEN')\n"})
    cache_file = tmp_path / ".cache" / "scan.json"
    opts = ScanOptions(roots=[tmp_path / "app"], base=tmp_path)
    first = Scanner(cache_file=cache_file).scan(opts)
    assert first.files_read == 2 and cache_file.exists()
    second = Scanner(cache_file=cache_file).scan(opts)
    assert second.files_read == 0 and second.evidence == first.evidence
    (tmp_path / "app" / "a.py").write_text("import stripe\nimport twilio\n")
    third = Scanner(cache_file=cache_file).scan(opts)
    assert third.files_read == 1


def test_stale_or_corrupt_cache_is_ignored(tmp_path):
    write_tree(tmp_path, {"app/a.py": "import stripe\n"})
    cache_file = tmp_path / "scan.json"
    cache_file.write_text("{not json")
    opts = ScanOptions(roots=[tmp_path / "app"], base=tmp_path)
    assert Scanner(cache_file=cache_file).scan(opts).files_read == 1
    data = json.loads(cache_file.read_text())
    data["key"] = "other-version"
    cache_file.write_text(json.dumps(data))
    assert Scanner(cache_file=cache_file).scan(opts).files_read == 1
