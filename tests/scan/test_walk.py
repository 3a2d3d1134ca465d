"""The walk: .gitignore files at every level, exclude patterns, guards for bad files."""

from __future__ import annotations

import os

import pathspec
from helpers import write_tree
from hypothesis import given, settings
from hypothesis import strategies as st

from mkdocs_integrations.scan import Scanner, ScanOptions
from mkdocs_integrations.scan.walk import _any_rule, walk


def rels(result):
    return [f.rel for f in result.files]


def test_nested_gitignore_and_exclude(tmp_path):
    write_tree(tmp_path, {
        ".gitignore": "*.log\n.env\n",
        "app/a.py": "", "app/debug.log": "", "app/.env": "X=1\n",
        "app/sub/.gitignore": "generated/\n!keep.py\n", "app/sub/generated/x.py": "", "app/sub/keep.py": "",
        "app/node_modules/stripe/index.js": "", "app/fixtures/f.py": "",
        "app/static/vendored/vue.js": "",  # a copied library
    })
    exclude = pathspec.GitIgnoreSpec.from_lines(["**/fixtures/**"])
    result = walk([tmp_path / "app"], tmp_path, exclude)
    assert rels(result) == ["app/.env", "app/a.py", "app/sub/.gitignore", "app/sub/keep.py"] or \
        rels(result) == ["app/a.py", "app/sub/.gitignore", "app/sub/keep.py"]
    assert "app/.env" not in rels(result)
    assert result.ignored_env_files == ["app/.env"]


def test_react_email_preview_app_is_tool_state(tmp_path):
    # react-email's `email dev` writes its preview Next.js app into `.react-email/` beside the
    # templates (committed in some repos): the tool's code, not the application's
    write_tree(tmp_path, {
        "packages/email/src/invite.tsx": "",
        "packages/email/.react-email/src/components/send.tsx": "fetch('https://react.email/api/send/test')\n",
    })
    assert rels(walk([tmp_path], tmp_path)) == ["packages/email/src/invite.tsx"]


def test_a_php_framework_copied_into_the_repository_is_not_the_app(tmp_path):
    # CodeIgniter 3's manual install keeps the framework in `system/` (with every database driver
    # it ships: mssql, postgre, sqlsrv...); the app's choice is in `application/config/`. A
    # `system/` folder without the framework's marker file is the app's own.
    write_tree(tmp_path, {
        "application/config/database.php": "<?php $db['default']['dbdriver'] = 'mysqli';\n",
        "system/core/CodeIgniter.php": "<?php\n",
        "system/database/drivers/mssql/mssql_driver.php": "<?php\n",
        "lib/system/status.py": "",
    })
    assert rels(walk([tmp_path], tmp_path)) == ["application/config/database.php", "lib/system/status.py"]


def test_a_repository_copied_into_the_tools_folder_is_not_the_app(tmp_path):
    # A docs generator copied whole into `tools/` (its own .github/, templates offering Google
    # Analytics, its own deploy workflows): the maintainers' tool, not the application. A tool
    # folder without its own `.github/` is the app's own script, and a nested `.github/` outside
    # a tooling folder (a frontend that once was its own repository) stays the app's.
    write_tree(tmp_path, {
        "tools/daux/.github/workflows/docker.yml": "on: push\n",
        "tools/daux/templates/partials/google_analytics.php": "<?php // www.google-analytics.com\n",
        "tools/build/release.py": "",
        "UI/Web/.github/workflows/ci.yml": "on: push\n",
        "UI/Web/src/app.ts": "",
    })
    assert rels(walk([tmp_path], tmp_path)) == [
        "UI/Web/.github/workflows/ci.yml", "UI/Web/src/app.ts", "tools/build/release.py",
    ]


def test_a_vendor_folder_of_ui_components_is_the_apps_own(tmp_path):
    # Nuxt's `components/vendor/FeatureBase.vue` is the app's component that loads a vendor's
    # widget script; Composer's `vendor/` beside composer.json (and any other `vendor/`) is
    # installed third-party code and stays pruned.
    write_tree(tmp_path, {
        "client/components/vendor/FeatureBase.vue": "<script setup>\nscript.src = 'https://do.featurebase.app/js/sdk.js'\n</script>\n",
        "api/composer.json": "{}",
        "api/vendor/aws/aws-sdk-php/src/S3/S3Client.php": "<?php\n",
        "client/assets/vendor/chart.js": "",
    })
    assert rels(walk([tmp_path], tmp_path)) == ["api/composer.json", "client/components/vendor/FeatureBase.vue"]


def test_a_gitignored_env_template_is_still_read(tmp_path):
    # `!.env.example` before `.env*`: git ignores the template too, yet it is committed
    # (a tracked file is never ignored), so its names are wanted; the real files stay unread.
    write_tree(tmp_path, {
        ".gitignore": "!.env.example\n.env*\n",
        ".env.example": "APP_KEY=\n", ".env.local": "APP_KEY=x\n", ".env": "APP_KEY=x\n", "a.py": "",
    })
    result = walk([tmp_path], tmp_path)
    assert rels(result) == [".env.example", ".gitignore", "a.py"]
    assert result.ignored_env_files == [".env", ".env.local"]


def test_symlink_loop_and_escape_are_not_followed(tmp_path):
    write_tree(tmp_path, {"app/a.py": "", "outside/secret.py": ""})
    os.symlink(tmp_path / "app", tmp_path / "app" / "loop")
    os.symlink(tmp_path / "outside", tmp_path / "app" / "out")
    result = walk([tmp_path / "app"], tmp_path)
    assert rels(result) == ["app/a.py"]


def test_binary_large_and_invalid_utf8_files(tmp_path):
    write_tree(tmp_path, {"app/package.json": '{"dependencies": {"stripe": "1.0.0"}}'})
    (tmp_path / "app" / "blob.js").write_bytes(b"\x00\x01import 'stripe'")
    (tmp_path / "app" / "big.js").write_text("import 'twilio';\n" + "x" * 2_000_000)
    (tmp_path / "app" / "latin.py").write_bytes(b"# caf\xe9\nimport stripe\n")
    scan = Scanner().scan(ScanOptions(roots=[tmp_path / "app"], base=tmp_path))
    names = {(e.path, e.name) for e in scan.evidence}
    assert ("app/latin.py", "stripe") in names  # invalid UTF-8 decoded with replacement
    assert not any(p == "app/blob.js" for p, _ in names)
    assert not any(p == "app/big.js" for p, _ in names)
    assert scan.warnings == []


def test_paths_with_spaces_and_non_ascii(tmp_path):
    write_tree(tmp_path, {"my app/sérvice/pay.py": "import stripe\n"})
    scan = Scanner().scan(ScanOptions(roots=[tmp_path / "my app"], base=tmp_path))
    assert ("my app/sérvice/pay.py", 1) in {(e.path, e.line) for e in scan.evidence}


def test_unreadable_folder_is_a_warning(tmp_path):
    write_tree(tmp_path, {"app/a.py": "import stripe\n", "app/locked/b.py": "import stripe\n"})
    os.chmod(tmp_path / "app" / "locked", 0)
    try:
        result = walk([tmp_path / "app"], tmp_path)
    finally:
        os.chmod(tmp_path / "app" / "locked", 0o755)
    if os.geteuid() == 0:  # root reads everything: nothing to warn about
        assert "app/locked/b.py" in rels(result)
    else:
        assert any("app/locked" in w for w in result.warnings)


def test_cache_rereads_only_changed_files(tmp_path):
    write_tree(tmp_path, {"app/a.py": "import stripe\n", "app/b.py": "import twilio\n"})
    scanner = Scanner()
    opts = ScanOptions(roots=[tmp_path / "app"], base=tmp_path)
    first = scanner.scan(opts)
    assert first.files_read == 2
    second = scanner.scan(opts)
    assert second.files_read == 0 and second.evidence == first.evidence
    (tmp_path / "app" / "b.py").write_text("import twilio\nimport os\nos.getenv('TWILIO_AUTH_TOKEN')\n")
    third = scanner.scan(opts)
    assert third.files_read == 1
    assert "TWILIO_AUTH_TOKEN" in {e.name for e in third.evidence}


def test_parallel_scan_gives_the_same_result_as_one_process(tmp_path, monkeypatch):
    import mkdocs_integrations.scan as scan_module

    files = {f"app/m{i}.py": f"import stripe\nimport os\nos.getenv('VAR_{i}')\n" for i in range(40)}
    write_tree(tmp_path, files)
    opts = ScanOptions(roots=[tmp_path / "app"], base=tmp_path)
    one = Scanner().scan(opts)
    monkeypatch.setattr(scan_module, "PARALLEL_MIN_FILES", 2)
    many = Scanner().scan(opts)
    assert many.files_read == 40
    assert many.evidence == one.evidence and many.findings == one.findings


def _age(tmp_path, seconds=10):
    """Make every folder look unchanged for a while, so the walk keeps its listings."""
    old = os.stat(tmp_path).st_mtime - seconds
    for folder, _, _ in os.walk(tmp_path):
        os.utime(folder, (old, old))


def test_rewalks_see_added_removed_and_newly_ignored_files(tmp_path):
    """Listings are reused while a folder is unchanged; any change to it, to a .gitignore
    or to the exclude patterns is seen on the next walk."""
    write_tree(tmp_path, {"app/a.py": "", "app/sub/b.py": "", "app/sub/c.py": ""})
    _age(tmp_path)
    assert rels(walk([tmp_path / "app"], tmp_path)) == ["app/a.py", "app/sub/b.py", "app/sub/c.py"]
    (tmp_path / "app" / "sub" / "d.py").write_text("x = 1\n")
    (tmp_path / "app" / "sub" / "c.py").unlink()
    assert rels(walk([tmp_path / "app"], tmp_path)) == ["app/a.py", "app/sub/b.py", "app/sub/d.py"]
    _age(tmp_path)
    (tmp_path / "app" / ".gitignore").write_text("sub/b.py\n")
    os.utime(tmp_path / "app", (os.stat(tmp_path / "app").st_atime,) * 2)
    assert rels(walk([tmp_path / "app"], tmp_path)) == ["app/.gitignore", "app/a.py", "app/sub/d.py"]
    exclude = pathspec.GitIgnoreSpec.from_lines(["a.py"])
    assert rels(walk([tmp_path / "app"], tmp_path, exclude)) == ["app/.gitignore", "app/sub/d.py"]


def test_rewalk_sees_an_edited_file_in_an_unchanged_folder(tmp_path):
    write_tree(tmp_path, {"app/a.py": "x = 1\n"})
    _age(tmp_path)
    first = walk([tmp_path / "app"], tmp_path).files[0]
    os.utime(tmp_path / "app" / "a.py", ns=(first.mtime_ns + 5_000_000_000,) * 2)
    (tmp_path / "app" / "a.py").open("a").write("y = 2\n")
    second = walk([tmp_path / "app"], tmp_path).files[0]
    assert (second.size, second.mtime_ns) != (first.size, first.mtime_ns)


def test_a_gitignore_added_to_an_unchanged_folder_applies(tmp_path):
    write_tree(tmp_path, {"app/sub/a.py": "", "app/sub/b.log": ""})
    _age(tmp_path)
    assert rels(walk([tmp_path / "app"], tmp_path)) == ["app/sub/a.py", "app/sub/b.log"]
    (tmp_path / "app" / "sub" / ".gitignore").write_text("*.log\n")
    assert rels(walk([tmp_path / "app"], tmp_path)) == ["app/sub/.gitignore", "app/sub/a.py"]
    (tmp_path / "app" / "sub" / ".gitignore").write_text("*.py\n")  # edited in place: folder mtime unchanged
    assert rels(walk([tmp_path / "app"], tmp_path)) == ["app/sub/.gitignore", "app/sub/b.log"]


_RULES = ["build/", "*.log", ".env", "!keep.log", "/top", "a/**/b", "# c", "", "!build/keep/", "*.py",
          "!src/*.py", "docs", "**/gen/**", "x?z", "[ab].txt", "\\#hash", "trailing\\ ", "!/top/ok"]
_PARTS = ["build", "keep", "keep.log", "a.log", ".env", "top", "a", "b", "src", "m.py", "docs", "gen",
          "xyz", "a.txt", "#hash", "ok", "c"]


@settings(max_examples=300, deadline=None)
@given(rules=st.lists(st.sampled_from(_RULES), max_size=8),
       path=st.lists(st.sampled_from(_PARTS), min_size=1, max_size=4), is_dir=st.booleans())
def test_the_combined_rule_regex_never_changes_a_gitignore_decision(rules, path, is_dir):
    spec = pathspec.GitIgnoreSpec.from_lines(rules)
    rel = "/".join(path) + ("/" if is_dir else "")
    combined = _any_rule(spec)
    if combined is not None and combined.match(rel) is None:
        assert spec.check_file(rel).include is None


def test_a_committed_file_that_an_ignore_rule_matches_is_walked(tmp_path):
    """Git ignores untracked files only: a repository whose .gitignore lists `.github` (or a
    `.env` committed with `git add -f`) still holds those files, and CI runs the workflows."""
    import shutil
    import subprocess

    import pytest

    if shutil.which("git") is None:
        pytest.skip("git is not installed")
    write_tree(tmp_path, {
        ".gitignore": ".github\n*.local.yml\n",
        ".github/workflows/ci.yml": "on: push\njobs:\n  t:\n    runs-on: ubuntu-latest\n    steps:\n      - run: make\n",
        ".github/notes.md": "untracked, ignored\n",
        "config/app.local.yml": "x: 1\n",
        "app.py": "",
    })
    assert rels(walk([tmp_path], tmp_path)) == [".gitignore", "app.py"]  # no repository: the rules alone
    subprocess.run(["git", "init", "-q", str(tmp_path)], check=True)
    subprocess.run(["git", "-C", str(tmp_path), "add", "-f", ".github/workflows/ci.yml", ".gitignore", "app.py"], check=True)
    assert rels(walk([tmp_path], tmp_path)) == [".github/workflows/ci.yml", ".gitignore", "app.py"]


def test_packages_installed_into_the_repository_are_not_the_app(tmp_path):
    # `pip install --target libs/`: each installed package beside its `.dist-info` folder (apprise
    # with a module per notification target). The app's own code beside it, and its own patched
    # copies of libraries in another folder, stay; one `.dist-info` alone is no site-packages.
    write_tree(tmp_path, {
        "libs/apprise/plugins/pushover.py": "URL = 'https://api.pushover.net/1/messages.json'\n",
        "libs/apprise-1.9.2.dist-info/METADATA": "Name: apprise\n",
        "libs/requests/api.py": "",
        "libs/requests-2.32.3.dist-info/METADATA": "Name: requests\n",
        "custom_libs/subliminal_patch/providers/podnapisi.py": "",
        "app/main.py": "",
        "build/myapp-1.0.dist-info/METADATA": "",
        "build/myapp/run.py": "",
    })
    assert rels(walk([tmp_path], tmp_path)) == [
        "app/main.py", "build/myapp-1.0.dist-info/METADATA", "build/myapp/run.py",
        "custom_libs/subliminal_patch/providers/podnapisi.py",
    ]
