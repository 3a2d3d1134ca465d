"""Gemfile and Gemfile.lock: gems, version constraints, groups, locked versions, lines."""

from __future__ import annotations

import pytest

from mkdocs_integrations.scan.detectors.base import BadInput
from mkdocs_integrations.scan.detectors.manifest_ruby import DETECTOR

# The shape `rails new` writes, plus the gems an app that bills and texts would add.
GEMFILE = """\
source "https://rubygems.org"

ruby "3.3.0"

# Bundle edge Rails instead: gem "rails", github: "rails/rails", branch: "main"
gem "rails", "~> 7.1.3"

# Use postgresql as the database for Active Record
gem "pg", "~> 1.1"
gem "puma", ">= 5.0"
gem "redis", ">= 4.0.1"
gem "bootsnap", require: false
gem 'stripe', '~> 10.0', '>= 10.1'
gem 'twilio-ruby'
gem "sidekiq", "~> 7.2", group: :jobs
# gem "sendgrid-ruby"

group :development, :test do
  gem "debug", platforms: %i[ mri windows ]
  gem "rspec-rails", "~> 6.1.0"
end

group :development do
  gem "web-console"
end

group :test do
  gem "capybara"
  platforms :jruby do
    gem "activerecord-jdbc-adapter"
  end
  gem "webmock"
end

gem "sentry-ruby"
"""


def _by_name(evidence):
    return {e.name: e for e in evidence}


def test_gems_versions_and_lines(run_detector):
    evidence, _ = run_detector(DETECTOR, "Gemfile", GEMFILE)
    got = _by_name(evidence)
    assert all(e.ecosystem == "rubygems" and e.kind == "package" for e in evidence)
    assert (got["rails"].line, got["rails"].version) == (6, "~> 7.1.3")
    assert (got["pg"].line, got["pg"].version) == (9, "~> 1.1")
    assert (got["stripe"].line, got["stripe"].version) == (13, "~> 10.0, >= 10.1")
    assert (got["twilio-ruby"].line, got["twilio-ruby"].version) == (14, "")
    assert got["bootsnap"].version == ""  # `require: false` is an option, not a version
    assert got["sentry-ruby"].line == 35


def test_commented_gems_are_ignored(run_detector):
    names = {e.name for e in run_detector(DETECTOR, "Gemfile", GEMFILE)[0]}
    assert "sendgrid-ruby" not in names
    assert names.isdisjoint({"rails/rails"})
    assert len(names) == 15


def test_groups_from_blocks_and_options(run_detector):
    got = _by_name(run_detector(DETECTOR, "Gemfile", GEMFILE)[0])
    assert got["rails"].get("group") == ""
    assert got["rspec-rails"].get("group") == "development,test"
    assert got["web-console"].get("group") == "development"
    assert got["sidekiq"].get("group") == "jobs"
    # nested `platforms` block keeps the enclosing group, and closing it does not end the group
    assert got["activerecord-jdbc-adapter"].get("group") == "test"
    assert got["webmock"].get("group") == "test"
    assert got["sentry-ruby"].get("group") == ""


def test_unterminated_gem_name_is_bad_input(run_detector):
    text = 'source "https://rubygems.org"\n\ngem "rails", "~> 7.1"\ngem "stripe\n'
    with pytest.raises(BadInput) as exc:
        run_detector(DETECTOR, "Gemfile", text)
    assert exc.value.line == 4


GEMFILE_LOCK = """\
GEM
  remote: https://rubygems.org/
  specs:
    actioncable (7.1.3)
      actionpack (= 7.1.3)
      nio4r (~> 2.0)
    faraday (2.9.0)
      faraday-net_http (>= 2.0, < 3.2)
    stripe (10.8.0)
    twilio-ruby (7.0.2)
      faraday (>= 0.9, < 3.0)
      jwt (>= 1.5, < 3.0)
      nokogiri (>= 1.6, < 2.0)
    nokogiri (1.16.2-x86_64-linux)
      racc (~> 1.4)

PLATFORMS
  x86_64-linux

DEPENDENCIES
  rails (~> 7.1.3)
  stripe (~> 10.0)
  twilio-ruby

BUNDLED WITH
   2.5.6
"""


def test_lockfile_reports_only_catalog_gems_with_resolved_version(run_detector):
    evidence, _ = run_detector(DETECTOR, "Gemfile.lock", GEMFILE_LOCK)
    got = _by_name(evidence)
    assert {"stripe", "twilio-ruby"} <= set(got)
    assert "actioncable" not in got and "nokogiri" not in got and "faraday" not in got
    assert (got["stripe"].line, got["stripe"].version) == (9, "10.8.0")
    assert (got["twilio-ruby"].line, got["twilio-ruby"].version) == (10, "7.0.2")
    assert all(e.get("locked") == "1" for e in evidence)


def test_lockfile_job_queue_backing_store(run_detector):
    """Sidekiq 7 runs on Redis through its own `redis-client` dependency: an app that declares
    sidekiq uses Redis with no Redis gem or setting of its own. A store a non-queue gem needs
    (actioncable's optional redis) and an undeclared queue's store are not the app's."""
    lock = """\
GEM
  remote: https://rubygems.org/
  specs:
    connection_pool (2.4.1)
    redis-client (0.11.2)
      connection_pool
    resque (2.6.0)
      redis (>= 4.0)
    sidekiq (7.0.2)
      concurrent-ruby (< 2)
      connection_pool (>= 2.3.0)
      rack (>= 2.2.4)
      redis-client (>= 0.11.0)

PLATFORMS
  ruby

DEPENDENCIES
  rails
  sidekiq (~> 7.0)

BUNDLED WITH
   2.4.1
"""
    evidence, _ = run_detector(DETECTOR, "Gemfile.lock", lock)
    own = [(e.name, e.line, e.get("required_by")) for e in evidence if e.get("locked") != "1"]
    assert own == [("redis-client", 13, "sidekiq")]


def test_malformed_lock_spec_is_bad_input(run_detector):
    text = "GEM\n  remote: https://rubygems.org/\n  specs:\n    stripe (10.8.0\n"
    with pytest.raises(BadInput) as exc:
        run_detector(DETECTOR, "Gemfile.lock", text)
    assert exc.value.line == 4


def test_accepts_bundler_file_names(ctx):
    for name in ("Gemfile", "Gemfile.lock", "gems.rb", "gems.locked"):
        assert DETECTOR.accepts(name, name, ctx)
    assert not DETECTOR.accepts("Gemfile.bak", "Gemfile.bak", ctx)


def test_gemfile_variants_and_their_lockfiles(run_detector):
    """A Gemfile variant selected with BUNDLE_GEMFILE (`Gemfile.saas` evaluating the base one and
    adding a hosted build's gems, `Gemfile.next`) is a Gemfile, and `Gemfile.saas.lock` its
    lockfile; a generator's template (`Gemfile.tt`) is neither."""
    gemfile = 'eval_gemfile "Gemfile"\n\ngem "sentry-ruby"\n'
    ev, _ = run_detector(DETECTOR, "Gemfile.saas", gemfile)
    assert [(e.name, e.line) for e in ev] == [("sentry-ruby", 3)]
    lock = "GEM\n  remote: https://rubygems.org/\n  specs:\n    sentry-ruby (5.22.0)\n\nPLATFORMS\n  ruby\n"
    ev, _ = run_detector(DETECTOR, "Gemfile.saas.lock", lock)
    assert [(e.name, e.version, e.get("locked")) for e in ev] == [("sentry-ruby", "5.22.0", "1")]
    assert not DETECTOR.accepts("Gemfile.tt", "Gemfile.tt", None)
