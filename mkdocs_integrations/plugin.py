"""MkDocs hooks only: configuration, generated files, navigation, placeholders, serve.

The work is done by the pipeline (scan → inventory → render); this module decides *when*.
"""

from __future__ import annotations

import posixpath
import time
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, event_priority, get_plugin_logger
from mkdocs.structure.files import File, Files
from mkdocs.structure.nav import Navigation, Section
from mkdocs.structure.pages import Page

from .config import IntegrationsConfig
from . import drift
from .inventory import Inventory
from .merge import InventoryFileError, merge_files
from .overlay import Overlay, OverlayError, load_overlay
from .pipeline import build_inventory
from .render import Renderer
from .render.site import Features, SourceLinks, analysis_date
from .scan import Scanner

log = get_plugin_logger(__name__)


class IntegrationsPlugin(BasePlugin[IntegrationsConfig]):
    supports_multiple_instances = False

    def __init__(self) -> None:
        self.scanner: Scanner | None = None  # lives across serve rebuilds: the file cache
        self.inventory: Inventory | None = None
        self.renderer: Renderer | None = None
        self.roots: list[Path] = []
        self.overlay: Overlay | None = None
        self.overlay_path: Path | None = None
        self.baseline_path: Path | None = None
        self.project_root = Path(".")
        self.is_serve = False

    def on_startup(self, *, command: str, dirty: bool) -> None:
        self.is_serve = command == "serve"

    def on_config(self, config: MkDocsConfig) -> MkDocsConfig | None:
        if not self.config.enabled:
            return config
        self.project_root = Path(config.config_file_path or ".").resolve().parent
        roots = []
        for raw in self.config.source_roots:
            root = (self.project_root / raw).resolve()
            if not root.is_dir():
                raise PluginError(
                    f"integrations: source_roots: '{raw}' is not an existing folder (looked for {root})"
                )
            roots.append(root)
        self.roots = roots
        if self.config.max_file_size <= 0:
            raise PluginError("integrations: max_file_size: must be a positive number of bytes")
        templates_dir = None
        if self.config.templates_dir:
            templates_dir = (self.project_root / self.config.templates_dir).resolve()
            if not templates_dir.is_dir():
                raise PluginError(
                    f"integrations: templates_dir: '{self.config.templates_dir}' is not an existing folder"
                )
        self.overlay_path = None
        if self.config.overlay:
            self.overlay_path = (self.project_root / self.config.overlay).resolve()
            if not self.overlay_path.is_file():
                raise PluginError(f"integrations: overlay: '{self.config.overlay}' does not exist")
        for repo, path in self.config.extra_inventories.items():
            if not isinstance(repo, str) or not isinstance(path, str):
                raise PluginError("integrations: extra_inventories: expected a mapping of repository name to a JSON file")
        self.baseline_path = None
        if self.config.baseline:
            self.baseline_path = (self.project_root / self.config.baseline).resolve()
            if not self.baseline_path.is_file():
                raise PluginError(
                    f"integrations: baseline: '{self.config.baseline}' does not exist "
                    "(create it with `mkdocs-integrations check --update`)"
                )
        self.renderer = Renderer(
            features=Features.from_mkdocs(config),
            links=SourceLinks.from_mkdocs(config, self.config.repo_blob_url, self.project_root),
            templates_dir=templates_dir,
        )
        return config

    @event_priority(50)  # before nav rewriters (literate-nav, awesome-nav run at -100 and later)
    def on_files(self, files: Files, *, config: MkDocsConfig) -> Files | None:
        if not self.config.enabled or self.renderer is None:
            return files
        started = time.perf_counter()
        if self.scanner is None:
            # `mkdocs serve` keeps this object across rebuilds, so memory is its cache; a disk
            # cache is only for `mkdocs build` (writing under a watched root would loop serve).
            cache_file = None
            if self.config.cache and not self.is_serve:
                cache_file = self.project_root / ".cache" / "plugin" / "integrations" / "scan.json"
            # In serve, the kernel tells the Scanner what changed between rebuilds.
            self.scanner = Scanner(cache_file=cache_file, watch=self.is_serve)
        overlay = None
        if self.overlay_path is not None:
            try:  # read on every build: in serve, editing the overlay refreshes the preview
                overlay = load_overlay(self.overlay_path, self.config.overlay)
            except OverlayError as exc:
                raise PluginError(f"integrations: overlay: {exc}") from None
        inv, _ = build_inventory(
            self.scanner,
            self.roots,
            self.project_root,
            exclude=self.config.exclude,
            max_file_size=self.config.max_file_size,
            extra_pruned=(Path(config.site_dir), Path(config.docs_dir), self.project_root / ".cache"),
            analysis_date=analysis_date(self.project_root),
            overlay=overlay,
        )
        if self.config.extra_inventories:
            local = self.config.repository_name or self.project_root.name
            try:
                merge_files(inv, local, self.config.extra_inventories, self.project_root, self.scanner.catalog)
            except InventoryFileError as exc:
                raise PluginError(f"integrations: extra_inventories: {exc}") from None
        self.inventory = inv
        for warning in inv.warnings:
            log.warning(warning)
        self._report_drift(inv)
        out = self.config.output_dir
        pages = self.renderer.render_all(inv)
        for name, content in sorted(pages.items()):
            uri = f"{out}/{name}"
            existing = files.get_file_from_path(uri)
            if existing is not None:
                log.info("keeping the hand-written %s instead of the generated page", uri)
                continue
            files.append(File.generated(config, uri, content=content))
        if config.nav is not None and not _nav_mentions(config.nav, out):
            config.nav.append({self.config.nav_title: _nav_entries(out, pages, inv)})
        log.info(
            "scanned %d files, found %d services in %.2fs",
            inv.files_scanned, len(inv.services), time.perf_counter() - started,
        )
        return files

    def _report_drift(self, inv: Inventory) -> None:
        """Undocumented changes against the committed baseline: warnings, so --strict fails."""
        if self.baseline_path is None:
            return
        try:
            changes = drift.baseline_drift(self.baseline_path, self.config.baseline, inv)
        except drift.BaselineError as exc:
            raise PluginError(f"integrations: baseline: {exc}") from None
        if changes:
            log.warning(
                "%s is out of date (%d change(s)): %s; review them and run `mkdocs-integrations check --update`",
                self.config.baseline, len(changes), "; ".join(changes),
            )

    def on_nav(self, nav: Navigation, *, config: MkDocsConfig, files: Files) -> Navigation | None:
        """With automatic navigation, put the overview and indexes before the service pages."""
        if not self.config.enabled or config.nav is not None:
            return nav
        out = self.config.output_dir
        for section in _sections(nav.items):
            uris = [getattr(getattr(c, "file", None), "src_uri", "") for c in section.children]
            if f"{out}/index.md" in uris:
                order = {f"{out}/index.md": 0, f"{out}/env-vars.md": 1, f"{out}/webhooks.md": 2}
                section.children.sort(
                    key=lambda c: (order.get(getattr(getattr(c, "file", None), "src_uri", ""), 3),
                                   (c.title or "").lower())
                )
        return nav

    def on_page_markdown(self, markdown: str, *, page: Page, config: MkDocsConfig, files: Files) -> str | None:
        if not self.config.enabled or self.inventory is None or self.renderer is None or "integrations:" not in markdown:
            return markdown
        page_dir = posixpath.dirname(page.file.src_uri)
        base = posixpath.relpath(self.config.output_dir, page_dir or ".") + "/"
        if base.startswith("./"):
            base = base[2:]
        return self.renderer.expand_placeholders(markdown, self.inventory, base)

    def on_shutdown(self) -> None:
        # MkDocs keeps this object for the whole process (it has on_startup); a serve
        # session's change journal ends with the session.
        if self.scanner is not None and self.is_serve:
            self.scanner.close()
            self.scanner = None

    def on_serve(self, server, *, config: MkDocsConfig, builder):
        # Watching the roots makes code edits rebuild the preview. Nothing is ever written
        # into them or into docs_dir, so the rebuild cannot trigger itself.
        for root in self.roots:
            server.watch(str(root))
        if self.overlay_path is not None:
            server.watch(str(self.overlay_path))
        return server


def _nav_mentions(nav: list, out: str) -> bool:
    def walk(item) -> bool:
        if isinstance(item, str):
            return item.startswith(out + "/") or item == out
        if isinstance(item, dict):
            return any(walk(v) for v in item.values())
        if isinstance(item, list):
            return any(walk(v) for v in item)
        return False

    return walk(nav)


def _nav_entries(out: str, pages: dict[str, str], inv: Inventory) -> list:
    entries: list = [
        {"Overview": f"{out}/index.md"},
        {"Environment variables": f"{out}/env-vars.md"},
        {"Webhooks": f"{out}/webhooks.md"},
    ]
    services = [{u.name: f"{out}/{u.id}.md"} for u in sorted(inv.services, key=lambda u: u.name.lower())
                if f"{u.id}.md" in pages]
    if services:
        entries.append({"Services": services})
    return entries


def _sections(items) -> list[Section]:
    found = []
    for item in items:
        if isinstance(item, Section):
            found.append(item)
            found.extend(_sections(item.children))
    return found
