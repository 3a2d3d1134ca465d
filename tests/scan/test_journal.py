"""The change journal: a watching Scanner must answer exactly what a fresh scan answers."""

from __future__ import annotations

import os
import random
import shutil
import sys

import pytest
from helpers import write_tree

from mkdocs_integrations.scan import Scanner, ScanOptions, journal
from mkdocs_integrations.scan.journal import Journal

walk = sys.modules["mkdocs_integrations.scan.walk"]  # the module (the package exports the function)

pytestmark = pytest.mark.skipif(not sys.platform.startswith("linux"), reason="inotify is Linux's")


def summary(result):
    return (result.files_scanned, result.evidence, result.findings, sorted(result.warnings),
            sorted(result.ignored_env_files))


def test_journal_reports_writes_and_entry_changes(tmp_path):
    (tmp_path / "a.py").write_text("x = 1\n")
    j = Journal()
    try:
        j.watch(str(tmp_path))
        assert j.drain() == journal.Changes()
        (tmp_path / "a.py").write_text("x = 2\n")
        assert j.drain().files == {f"{tmp_path}/a.py"}
        (tmp_path / "b.py").write_text("")
        assert j.drain().folders == {str(tmp_path)}
        assert not j.drain()  # drained
    finally:
        j.close()
    assert j.drain() is None  # closed: cannot vouch for anything


def test_an_edit_in_place_is_read_again_without_a_walk(tmp_path):
    write_tree(tmp_path, {"app/pay.py": "import stripe\n", "app/other/x.py": "y = 1\n"})
    options = ScanOptions(roots=[tmp_path / "app"], base=tmp_path)
    scanner = Scanner(watch=True)
    try:
        assert {e.name for e in scanner.scan(options).evidence} >= {"stripe"}
        (tmp_path / "app" / "pay.py").write_text("import twilio\n")  # same size: mtime may not move
        result = scanner.scan(options)
        assert result.files_read == 1
        names = {e.name for e in result.evidence}
        assert "twilio" in names and "stripe" not in names
        assert scanner.scan(options).files_read == 0
    finally:
        scanner.close()


def _random_change(rng: random.Random, app) -> None:
    files = sorted(p for p in app.rglob("*") if p.is_file() and p.name != ".gitignore")
    folders = sorted(p for p in app.rglob("*") if p.is_dir())
    body = rng.choice(["import stripe\n", "import twilio\n", "import boto3\ns3 = boto3.client('s3')\n", "x = 1\n"])
    op = rng.choice(["new", "edit", "edit", "delete", "mkdir", "rmdir", "rename", "move", "ignore", "env"])
    if op == "new" or not files:
        target = rng.choice([app, *folders]) / f"f{rng.randrange(1000)}.py"
        target.write_text(body)
    elif op == "edit":
        rng.choice(files).write_text(body)
    elif op == "delete":
        rng.choice(files).unlink()
    elif op == "mkdir":
        folder = rng.choice([app, *folders]) / f"d{rng.randrange(1000)}"
        folder.mkdir(exist_ok=True)
        (folder / "m.py").write_text(body)
    elif op == "rmdir" and folders:
        shutil.rmtree(rng.choice(folders))
    elif op == "rename" and folders:
        folder = rng.choice(folders)
        os.replace(folder, folder.with_name(f"r{rng.randrange(1000)}")) if not (folder.with_name("x")).exists() else None
    elif op == "move":
        source = rng.choice(files)
        os.replace(source, rng.choice([app, *folders]) / f"mv{rng.randrange(1000)}.py")
    elif op == "ignore":
        (rng.choice([app, *folders]) / ".gitignore").write_text(rng.choice(["f*.py\n", "d*/\n", "", "m.py\n"]))
    else:
        (rng.choice([app, *folders]) / ".env").write_text("X=1\n")


def fresh_scan(scanner, options):
    """A scan that trusts no file read and no folder listing kept from an earlier walk (this
    machine's mtime ticks are coarser than the test's changes)."""
    kept = dict(walk._LISTINGS)
    walk._LISTINGS.clear()
    scanner._cache.clear()
    try:
        return scanner.scan(options)
    finally:
        walk._LISTINGS.clear()
        walk._LISTINGS.update(kept)


@pytest.mark.parametrize("keep_at_once", [True, False])
@pytest.mark.parametrize("seed", range(3))
def test_matches_a_fresh_scan_through_random_changes(tmp_path, seed, keep_at_once, monkeypatch):
    if keep_at_once:
        # Listings are kept at once, not only 2 s after a folder's last change: the watching
        # Scanner relies on the journal alone for every folder it has seen.
        monkeypatch.setattr(walk, "_RACY_NS", -1)
    rng = random.Random(seed)
    app = tmp_path / "app"
    write_tree(tmp_path, {"app/pay.py": "import stripe\n", "app/sub/mail.py": "import twilio\n", "app/.gitignore": ""})
    options = ScanOptions(roots=[app], base=tmp_path)
    watched, reference = Scanner(watch=True), Scanner()
    try:
        watched.scan(options)
        for step in range(40):
            _random_change(rng, app)
            assert summary(watched.scan(options)) == summary(fresh_scan(reference, options)), f"step {step}"
    finally:
        watched.close()


def test_without_inotify_a_watching_scanner_checks_every_file(tmp_path, monkeypatch):
    monkeypatch.setattr(journal, "_libc", lambda: None)
    write_tree(tmp_path, {"app/pay.py": "import stripe\n"})
    options = ScanOptions(roots=[tmp_path / "app"], base=tmp_path)
    scanner = Scanner(watch=True)
    scanner.scan(options)
    (tmp_path / "app" / "mail.py").write_text("import twilio\n")
    assert "twilio" in {e.name for e in scanner.scan(options).evidence}


def test_a_listing_too_new_to_keep_replaces_the_kept_one(tmp_path, monkeypatch):
    """A folder changed within the last moments is listed but its listing not kept; the
    one kept from before must go, or the next journal-trusted walk would read it."""
    write_tree(tmp_path, {"app/pay.py": "import stripe\n", "app/sub/x.py": "y = 1\n"})
    options = ScanOptions(roots=[tmp_path / "app"], base=tmp_path)
    scanner = Scanner(watch=True)
    try:
        monkeypatch.setattr(walk, "_RACY_NS", -1)  # kept at once
        scanner.scan(options)
        monkeypatch.setattr(walk, "_RACY_NS", 10**18)  # never kept
        (tmp_path / "app" / "mail.py").write_text("import twilio\n")
        assert "app/mail.py" in {e.path for e in scanner.scan(options).evidence}
        (tmp_path / "app" / "sub" / "new.py").write_text("y = 2\n")  # a walk that trusts app/
        assert "app/mail.py" in {e.path for e in scanner.scan(options).evidence}
    finally:
        scanner.close()
