"""Literal prefilters: the literals a regex needs, and one-pass literal search."""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from mkdocs_integrations.textsearch import LiteralIndex, WordStart, required_literals


@pytest.mark.parametrize(
    "pattern, expected",
    [
        (r"\bos\.(?:Getenv|LookupEnv)\(", ("os.Getenv(", "os.LookupEnv(")),
        (r"""\$_(?:ENV|SERVER)\[\s*['"]""", ("$_ENV[", "$_SERVER[")),
        (r"""\b(?:os\.)?getenv\(\s*['"]""", ("getenv(",)),  # `getenv(` covers `os.getenv(`
        (r"(?i)Sentry\.init", ("sentry.init",)),
        (r"S3Client\b|new\s+(AWS\.)?S3\(", ("S3(", "S3Client")),  # not the `new` of every file
        (r"\w+\s*=\s*\d+", None),  # nothing literal: no prefilter
        (r"ab|\w+", None),
    ],
)
def test_required_literals(pattern, expected):
    assert required_literals(re.compile(pattern)) == expected


def test_word_start_patterns_keep_their_literals():
    assert required_literals(WordStart(r"\bprocess\.env\.([A-Z_]+)")) == ("process.env.",)


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet="abcdefghijklmnopqrstuvwxyz.(_ \n", max_size=300))
def test_a_match_always_contains_one_of_the_literals(text):
    for pattern in (r"\bos\.(?:Getenv|LookupEnv)\(", r"(?:ab|cd)\.(?:ef|gh)_?x", r"a\.b(?:cd)?\(|e\(f"):
        rx = re.compile(pattern)
        lits = required_literals(rx)
        for m in rx.finditer(text):
            assert any(lit in m.group(0) for lit in lits), (pattern, m.group(0), lits)


def test_literal_index_finds_overlapping_and_nested_literals():
    index = LiteralIndex(["env", "process.env", "ss.e", "stripe"])
    assert index.present("x = process.env.FOO") == {"env", "process.env", "ss.e"}
    assert index.present("nothing here") == frozenset()
    assert LiteralIndex([]).present("anything") == frozenset()
