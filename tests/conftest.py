"""Shared helpers: run one detector on a snippet, build a real MkDocs site."""

from __future__ import annotations

import textwrap

import pytest

from mkdocs_integrations.catalog import load_catalog
from mkdocs_integrations.catalog.index import default_index
from mkdocs_integrations.model import Evidence, Finding
from mkdocs_integrations.scan import Scanner
from mkdocs_integrations.scan.detectors.base import Context, Detector, Source


@pytest.fixture(scope="session")
def ctx() -> Context:
    return Context(catalog=load_catalog(), index=default_index())


def _gate(ctx: Context) -> tuple:
    return Scanner(catalog=ctx.catalog)._gate


def _check_gate(ctx: Context, detector: Detector, rel: str, text: str, records: list) -> None:
    """Every detector test also checks the scanner's literal gate: run as the scanner runs
    it (with `Source.present`), the detector finds exactly the same; and when none of its
    literals is present, it finds nothing at all (else the scanner would miss it)."""
    index, gated = _GATE.setdefault("gate", _gate(ctx))
    present = index.present("\n" + rel.lower() + "\n" + text.lower())
    if detector.name in gated and not gated[detector.name](present):
        assert not records, f"{detector.name} found {records[:3]} in {rel} without any of its gate literals"
    src = Source(rel=rel, text=text, present=present)
    assert list(detector.detect(src, ctx)) == records, f"{detector.name}: results differ when run with the gate's literals"


_GATE: dict = {}


@pytest.fixture(scope="session")
def scanner() -> Scanner:
    """One real scanner for the many small scans of catalog cases: building its index takes
    a second, each scan of a one-file tree milliseconds (every tree has its own tmp path)."""
    return Scanner()


@pytest.fixture
def run_detector(ctx):
    """run_detector(DETECTOR, "path/file.ext", "text") -> (evidence, findings); asserts accepts()."""

    def run(detector: Detector, rel: str, text: str) -> tuple[list[Evidence], list[Finding]]:
        name = rel.rsplit("/", 1)[-1]
        assert detector.accepts(rel, name, ctx), f"{detector.name} does not accept {rel}"
        text = textwrap.dedent(text)
        records = list(detector.detect(Source(rel=rel, text=text), ctx))
        _check_gate(ctx, detector, rel, text, records)
        return (
            [r for r in records if isinstance(r, Evidence)],
            [r for r in records if isinstance(r, Finding)],
        )

    return run
