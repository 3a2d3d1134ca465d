"""mix.exs and mix.lock: dependency tuples in their documented shapes, options, lines."""

from __future__ import annotations

import pytest

from mkdocs_integrations.scan.detectors.base import BadInput
from mkdocs_integrations.scan.detectors.manifest_elixir import DETECTOR

MIX_EXS = """\
defmodule Billing.MixProject do
  use Mix.Project

  def project do
    [app: :billing, version: "0.1.0", deps: deps(), preferred_cli_env: [coveralls: :test]]
  end

  defp deps do
    [
      {:phoenix, "~> 1.7.10"},
      {:postgrex, ">= 0.0.0"},
      # {:stripity_stripe, "~> 3.0"},
      {:ex_aws_s3, "~> 2.5", only: :prod},
      {:mox, "~> 1.0", only: [:dev, :test], runtime: false},
      {:pay, hex: :stripity_stripe, version: "~> 3.1"},
      {:sentry,
       "~> 10.0"},
      {:redix, github: "whatyouhide/redix", branch: "main"},
      {:shared, path: "../shared"}
    ]
  end
end
"""


def _by_name(evidence):
    return {e.name: e for e in evidence}


def test_dependency_tuples_versions_and_lines(run_detector):
    evidence, _ = run_detector(DETECTOR, "mix.exs", MIX_EXS)
    deps = _by_name(evidence)
    assert all(e.ecosystem == "hex" and e.kind == "package" for e in evidence)
    assert (deps["phoenix"].line, deps["phoenix"].version) == (10, "~> 1.7.10")
    assert (deps["postgrex"].line, deps["postgrex"].version) == (11, ">= 0.0.0")
    assert (deps["sentry"].line, deps["sentry"].version) == (16, "~> 10.0")  # version on the next line


def test_commented_out_dependency_is_not_evidence(run_detector):
    evidence, _ = run_detector(DETECTOR, "mix.exs", MIX_EXS)
    assert [e.line for e in evidence if e.name == "stripity_stripe"] == [15]  # only the renamed one


def test_options_only_renamed_and_sources(run_detector):
    deps = _by_name(run_detector(DETECTOR, "mix.exs", MIX_EXS)[0])
    assert deps["ex_aws_s3"].get("only") == "prod"
    assert deps["mox"].get("only") == "dev,test"
    assert "pay" not in deps and deps["stripity_stripe"].line == 15  # `hex: :stripity_stripe`
    assert deps["redix"].get("source") == "git" and deps["redix"].version == ""
    assert deps["shared"].get("source") == "path"


MIX_LOCK = """\
%{
  "castore": {:hex, :castore, "1.0.5", "9eeebb394cc9a0f3ae56b813459f990abb0a3dedee1be6b27fdb50301930502f", [:mix], [], "hexpm", "8d7c597c3e4a64c395980882d4bca3cebb8d74197c590dc272cfd3b6a6310578"},
  "postgrex": {:hex, :postgrex, "0.17.4", "5777781f80f53b7c431a001c8dad83ee167bcebcf3a793e3906efff680ab62b3", [:mix], [{:db_connection, "~> 2.1", [hex: :db_connection, repo: "hexpm", optional: false]}], "hexpm", "6458f7d5b70652bc81c3ea759f91736c16a31be000f306d3c64bcdfe9a18b3cc"},
  "redix": {:git, "https://github.com/whatyouhide/redix.git", "0b1b6a8c", [branch: "main"]},
  "pay": {:hex, :stripity_stripe, "3.1.1", "abc", [:mix], [], "hexpm", "def"},
}
"""


def test_lock_lists_catalogued_hex_packages_with_versions(run_detector):
    evidence, _ = run_detector(DETECTOR, "mix.lock", MIX_LOCK)
    got = {(e.name, e.version, e.line, e.get("locked")) for e in evidence}
    assert got == {("postgrex", "0.17.4", 3, "1"), ("stripity_stripe", "3.1.1", 5, "1")}


def test_lock_that_is_not_a_map_is_reported(run_detector):
    with pytest.raises(BadInput, match="mix.lock"):
        run_detector(DETECTOR, "mix.lock", '[{"postgrex", "0.17.4"}]\n')
