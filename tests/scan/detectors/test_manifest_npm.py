"""package.json and npm/yarn/pnpm lockfiles."""

from __future__ import annotations

import pytest

from mkdocs_integrations.scan.detectors.base import BadInput
from mkdocs_integrations.scan.detectors.manifest_npm import DETECTOR

PKG = """\
{
  "name": "web",
  "workspaces": ["apps/*"],
  "dependencies": {
    "next": "14.1.0",
    "stripe": "^14.8.0"
  },
  "devDependencies": {
    "prisma": "^5.8.0"
  }
}
"""


def test_package_json_lines_and_versions(run_detector):
    ev, _ = run_detector(DETECTOR, "web/package.json", PKG)
    got = [(e.name, e.version, e.line, e.get("section")) for e in ev]
    assert ("stripe", "^14.8.0", 6, "dependencies") in got
    assert ("prisma", "^5.8.0", 9, "devDependencies") in got


def test_package_lock_only_catalog_packages(run_detector):
    lock = '{"lockfileVersion": 3, "packages": {"": {}, "node_modules/stripe": {"version": "14.8.0"}, "node_modules/left-pad": {"version": "1.0.0"}}}'
    ev, _ = run_detector(DETECTOR, "web/package-lock.json", lock)
    assert [(e.name, e.version, e.get("locked")) for e in ev] == [("stripe", "14.8.0", "1")]


def test_yarn_and_pnpm_locks(run_detector):
    yarn = '"stripe@^14.8.0":\n  version "14.9.1"\n  resolved "https://registry.yarnpkg.com/stripe/-/stripe-14.9.1.tgz"\n'
    ev, _ = run_detector(DETECTOR, "yarn.lock", yarn)
    assert [(e.name, e.version) for e in ev] == [("stripe", "14.9.1")]
    # npm-written yarn 1 files quote their keys; a long entry before it is read once, not once
    # per way of splitting its lines (the old pattern never finished on such a file)
    deps = "".join(f'    "dep{i}" "^1.0.0"\n' for i in range(60))
    quoted = f'"left-pad@^1":\n  "integrity" "sha512-x"\n  dependencies:\n{deps}\n"stripe@^14.8.0":\n  "version" "14.9.2"\n'
    ev, _ = run_detector(DETECTOR, "yarn.lock", quoted)
    assert [(e.name, e.version) for e in ev] == [("stripe", "14.9.2")]
    berry = '"stripe@npm:^14.8.0":\n  version: 14.9.3\n  resolution: "stripe@npm:14.9.3"\n'
    ev, _ = run_detector(DETECTOR, "yarn.lock", berry)
    assert [(e.name, e.version) for e in ev] == [("stripe", "14.9.3")]
    pnpm = "packages:\n\n  /stripe@14.10.0:\n    resolution: {integrity: sha512-x}\n"
    ev, _ = run_detector(DETECTOR, "pnpm-lock.yaml", pnpm)
    assert [(e.name, e.version) for e in ev] == [("stripe", "14.10.0")]


def test_malformed_json_is_bad_input_with_line(run_detector):
    with pytest.raises(BadInput) as err:
        run_detector(DETECTOR, "package.json", '{\n  "dependencies": {\n    "stripe": \n}\n')
    assert err.value.line == 4
