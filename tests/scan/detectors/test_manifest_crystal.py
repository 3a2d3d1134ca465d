"""shard.yml and shard.lock: Crystal's dependency sections and resolved shards, with lines."""

from __future__ import annotations

from mkdocs_integrations.scan.detectors.manifest_crystal import DETECTOR

SHARD_YML = """\
name: invidious
version: 2.0.0

dependencies:
  pg:
    github: will/crystal-pg
    version: ~> 0.28.0
  kemal:
    github: kemalcr/kemal
  shared:
    path: ../shared

development_dependencies:
  ameba:
    github: crystal-ameba/ameba
    version: ~> 1.6.1

crystal: ">= 1.10.0, < 2.0.0"
"""

SHARD_LOCK = """\
version: 2.0
shards:
  ameba:
    git: https://github.com/crystal-ameba/ameba.git
    version: 1.6.1
  db:
    git: https://github.com/crystal-lang/crystal-db.git
    version: 0.13.1
  sqlite3:
    git: https://github.com/crystal-lang/crystal-sqlite3.git
    version: 0.21.0
"""


def test_shard_yml_dependencies_sections_and_lines(run_detector):
    evidence, _ = run_detector(DETECTOR, "shard.yml", SHARD_YML)
    deps = {e.name: e for e in evidence}
    assert set(deps) == {"pg", "kemal", "shared", "ameba"}
    assert all(e.ecosystem == "shards" and e.kind == "package" for e in evidence)
    assert (deps["pg"].line, deps["pg"].version, deps["pg"].get("section")) == (5, "~> 0.28.0", "dependencies")
    assert deps["ameba"].get("section") == "dev-dependencies"
    assert deps["shared"].get("source") == "path"


def test_shard_lock_keeps_catalogued_shards_only(run_detector):
    evidence, _ = run_detector(DETECTOR, "shard.lock", SHARD_LOCK)
    assert [(e.name, e.version, e.line, e.get("locked")) for e in evidence] == [("sqlite3", "0.21.0", 9, "1")]
