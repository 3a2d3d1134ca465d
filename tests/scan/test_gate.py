"""The scanner's literal gate: skipping detectors on files without their literals must
change nothing a reader sees, only how long the scan takes."""

from __future__ import annotations

from pathlib import Path

from mkdocs_integrations.scan import Scanner, ScanOptions
from mkdocs_integrations.scan.detectors import DETECTORS

APP = Path(__file__).resolve().parents[2] / "example-site" / "app"


def test_gated_scan_equals_ungated_scan_on_the_example_app():
    opts = ScanOptions(roots=[APP], base=APP.parent)
    gated = Scanner().scan(opts)
    ungated = Scanner(use_gate=False).scan(opts)
    assert gated.evidence and gated.findings is not None
    assert gated.evidence == ungated.evidence
    assert gated.findings == ungated.findings


def test_plain_business_code_skips_the_content_detectors(tmp_path):
    """A file naming no service, env var, URL or secret keyword runs none of the gated detectors."""
    scanner = Scanner()
    _, gated = scanner._gate
    assert {"code", "secrets", "code-facts", "webhooks"} <= set(gated)
    plain = "export function total(items: Item[]): number {\n  return items.reduce((a, b) => a + b.price, 0);\n}\n"
    index, _ = scanner._gate
    present = index.present("\nsrc/cart.ts\n" + plain.lower())
    assert not any(gated[name](present) for name in gated)
    uses = "import Stripe from 'stripe';\nconst s = new Stripe(process.env.STRIPE_SECRET_KEY!);\n"
    present = index.present("\nsrc/pay.ts\n" + uses.lower())
    assert gated["code"](present) and gated["secrets"](present)


def test_every_gated_detector_declares_literals():
    scanner = Scanner()
    _, gated = scanner._gate
    for det in DETECTORS:
        if det.name in gated:
            assert det.literals is not None and det.literals(scanner.context)
