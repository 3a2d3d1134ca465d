"""Identifier words: the one splitter every detector and the sign-in and plug-in family rules
share, so that `PhantomJsCloudAgent`, `phantom_js_cloud_agent` and `phantom-js-cloud` agree."""

from __future__ import annotations

import re

def name_words(name: str) -> list[str]:
    """Lower-case words of an identifier or file name, the one splitter the detectors share:
    `PhantomJsCloudAgent` and `phantom_js_cloud_agent` → phantom, js, cloud, agent."""
    spaced = re.sub(r"(?<=[a-z0-9])(?=[A-Z])", " ", name)
    return [w for w in re.split(r"[^a-z0-9]+", spaced.lower()) if w]
