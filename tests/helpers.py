"""Helpers for tests: write a source tree, build a real MkDocs site, read it as a reader."""

from __future__ import annotations

import textwrap
from pathlib import Path


def write_tree(root: Path, files: dict[str, str]) -> Path:
    """Create files (dedented) under root; returns root."""
    for rel, text in files.items():
        path = root / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(textwrap.dedent(text), encoding="utf-8")
    return root


def scan_tree(root: Path, files: dict[str, str]):
    """Write `files` under root and resolve a real scan of it; returns the Inventory."""
    from mkdocs_integrations.pipeline import build_inventory
    from mkdocs_integrations.scan import Scanner

    write_tree(root, files)
    inv, _ = build_inventory(Scanner(), [root], root, analysis_date="2026-01-01")
    return inv


def service_ids(inv) -> set[str]:
    return {u.id for u in inv.services}


def build_site(project: Path, mkdocs_yml: str, docs: dict[str, str] | None = None) -> Path:
    """Build a real MkDocs site in `project` with MkDocs' own build; returns the site dir."""
    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    write_tree(project, {"mkdocs.yml": mkdocs_yml, **{f"docs/{k}": v for k, v in (docs or {"index.md": "# Home\n"}).items()}})
    cfg = load_config(config_file=str(project / "mkdocs.yml"), site_dir=str(project / "site"))
    cfg.plugins.on_startup(command="build", dirty=False)
    try:
        build(cfg)
    finally:
        cfg.plugins.on_shutdown()
    return project / "site"


def page_text(site: Path, rel: str) -> str:
    """Visible text of a built page (tags stripped), as a reader sees it."""
    import html
    import re as _re

    raw = (site / rel).read_text(encoding="utf-8")
    for marker in ('<div class="md-content"', 'role="main"'):
        if marker in raw:
            raw = raw.split(marker, 1)[1]
            break
    body = raw
    body = _re.sub(r"<script.*?</script>", " ", body, flags=_re.S)
    text = html.unescape(_re.sub(r"<[^>]+>", " ", body))
    text = _re.sub(r"\s+([,.:;)])", r"\1", " ".join(text.split()))
    return text
