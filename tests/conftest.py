"""Shared helpers: run one detector on a snippet, build a real MkDocs site."""

from __future__ import annotations

import textwrap

import pytest

from mkdocs_integrations.catalog import load_catalog
from mkdocs_integrations.catalog.index import default_index
from mkdocs_integrations.model import Evidence, Finding
from mkdocs_integrations.scan.detectors.base import Context, Detector, Source


@pytest.fixture(scope="session")
def ctx() -> Context:
    return Context(catalog=load_catalog(), index=default_index())


@pytest.fixture
def run_detector(ctx):
    """run_detector(DETECTOR, "path/file.ext", "text") -> (evidence, findings); asserts accepts()."""

    def run(detector: Detector, rel: str, text: str) -> tuple[list[Evidence], list[Finding]]:
        name = rel.rsplit("/", 1)[-1]
        assert detector.accepts(rel, name, ctx), f"{detector.name} does not accept {rel}"
        records = list(detector.detect(Source(rel=rel, text=textwrap.dedent(text)), ctx))
        return (
            [r for r in records if isinstance(r, Evidence)],
            [r for r in records if isinstance(r, Finding)],
        )

    return run
