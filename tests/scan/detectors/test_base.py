"""Source helpers the detectors share: `mentions` must agree with `words`, which it stands in
for on most files."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from mkdocs_integrations.scan.detectors import Source

_TEXT = st.lists(st.sampled_from(list("abdevz09 ._-/(\n'\"é") + ["Dev", "É"]), max_size=30).map("".join)
_WORDS = st.lists(st.sampled_from(["dev", "ab", "a", "z0", "é", "devé"]), min_size=1, max_size=3)


@given(_TEXT, _WORDS)
def test_mentions_agrees_with_the_word_split(text: str, words: list[str]) -> None:
    fresh = Source(rel="x.ts", text=text)
    assert fresh.mentions(words) == (not fresh.words.isdisjoint(words))


def test_mentions_needs_a_whole_word() -> None:
    src = Source(rel="x.ts", text="const device = triggerDevice();")
    assert not src.mentions({"dev"})
    assert src.mentions({"device"})
    assert Source(rel="x.ts", text="import { task } from '@trigger.dev/sdk'").mentions({"dev"})
    assert not Source(rel="x.ts", text="const café = 1").mentions({"caf"})
