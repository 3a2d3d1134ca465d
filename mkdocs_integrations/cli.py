"""`mkdocs-integrations`: the same pipeline as the plugin, for CI and other doc tools.

Kept thin on purpose: scanning is `pipeline.build_inventory`, formats live in `serialize`,
`render` and `exports`, drift logic in `drift`. This module only parses options, turns
bad input into usage errors (exit 2, one line, no traceback) and writes files.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import click
import pathspec

from . import __version__, drift
from .inventory import Inventory
from .overlay import OverlayError, load_overlay
from .pipeline import build_inventory
from .render.site import analysis_date
from .scan import Scanner
from .serialize import inventory_to_dict

FORMATS = ("json", "markdown", "cyclonedx", "backstage")


@click.group(context_settings={"help_option_names": ["-h", "--help"], "max_content_width": 100})
@click.version_option(__version__, prog_name="mkdocs-integrations")
def main() -> None:
    """Find the external services an application depends on.

    Exit codes: 0 success, 1 drift found by `check`, 2 usage error (bad path, format,
    overlay or baseline).
    """


def scan_options(func: Callable[..., Any]) -> Callable[..., Any]:
    """The options shared by `scan` and `check`: what to scan and how."""
    decorators = [
        click.argument("paths", nargs=-1, type=click.Path(exists=True, file_okay=False, path_type=Path)),
        click.option("--base", type=click.Path(exists=True, file_okay=False, path_type=Path), default=None,
                     help="Report paths relative to this folder (default: the current folder)."),
        click.option("--overlay", type=click.Path(dir_okay=False, path_type=Path), default=None,
                     help="An integrations.yml with human annotations to merge in (as the plugin's `overlay`)."),
        click.option("--exclude", "excludes", multiple=True, metavar="PATTERN",
                     help="gitignore-style pattern, relative to --base, to leave out of the scan; repeatable."),
        click.option("--cache", "cache_dir", type=click.Path(file_okay=False, path_type=Path), default=None,
                     help="Keep per-file results in this folder so the next scan re-reads only changed files "
                          "(default: no cache, every scan is cold)."),
    ]
    for decorator in reversed(decorators):
        func = decorator(func)
    return func


def _inventory(paths: tuple[Path, ...], base: Path | None, overlay: Path | None,
               excludes: tuple[str, ...], skip_files: tuple[Path, ...] = (),
               cache_dir: Path | None = None) -> Inventory:
    """Run the pipeline; `skip_files` (our own output, the baseline) are never scanned."""
    roots = [p.resolve() for p in paths] or [Path(".").resolve()]
    base_dir = (base or Path(".")).resolve()
    ov = None
    if overlay is not None:
        try:
            ov = load_overlay(overlay, str(overlay))
        except OverlayError as exc:
            raise click.UsageError(f"invalid overlay: {exc}") from None
    patterns = list(excludes)
    for f in skip_files:
        try:
            patterns.append("/" + f.resolve().relative_to(base_dir).as_posix())
        except ValueError:
            pass  # outside the base: no root under the base can reach it either
    exclude = pathspec.GitIgnoreSpec.from_lines(patterns) if patterns else None
    bar = _Progress() if sys.stderr.isatty() else None
    inv, _ = build_inventory(
        Scanner(cache_file=cache_dir / "scan.json" if cache_dir else None),
        roots, base_dir, exclude=exclude, analysis_date=analysis_date(base_dir), overlay=ov,
        progress=bar,
    )
    if bar is not None:
        bar.done()
    for warning in inv.warnings:
        click.echo(f"warning: {warning}", err=True)
    return inv


class _Progress:
    """A one-line progress bar on a terminal, shown only once a scan has taken a second."""

    def __init__(self) -> None:
        import time

        self._clock = time.monotonic
        self._start = self._clock()
        self._shown = False

    def __call__(self, done: int, total: int) -> None:
        if self._clock() - self._start < 1.0 or not total:
            return
        width = 30
        filled = width * done // total
        sys.stderr.write(f"\rscanning [{'#' * filled}{'.' * (width - filled)}] {done}/{total} files")
        sys.stderr.flush()
        self._shown = True

    def done(self) -> None:
        if self._shown:
            sys.stderr.write("\r" + " " * 70 + "\r")
            sys.stderr.flush()


def _render(inv: Inventory, fmt: str, system: str, owner: str) -> str:
    if fmt == "json":
        return json.dumps(inventory_to_dict(inv), indent=2, sort_keys=False) + "\n"
    if fmt == "markdown":
        from .render import Renderer

        return Renderer(standalone=True).render_index(inv)
    if fmt == "cyclonedx":
        from .exports.cyclonedx import to_json

        return to_json(inv, system)
    from .exports.backstage import to_yaml

    return to_yaml(inv, system, owner)


@main.command(short_help="Print the inventory as json, markdown, cyclonedx or backstage.")
@scan_options
@click.option("--format", "fmt", type=click.Choice(FORMATS), default="json", show_default=True,
              help="json: the inventory (schema: mkdocs_integrations/schema/inventory.schema.json); "
                   "markdown: a standalone INTEGRATIONS.md in the template's shape; "
                   "cyclonedx: a CycloneDX 1.6 BOM listing the services; "
                   "backstage: Backstage catalog entities (multi-document YAML).")
@click.option("-o", "--output", type=click.Path(dir_okay=False, path_type=Path), default=None,
              help="Write to this file instead of standard output.")
@click.option("--system-name", default=None,
              help="Name of the scanned system in cyclonedx and backstage output (default: the first PATH's folder name).")
@click.option("--owner", default="unknown", show_default=True,
              help="Backstage `spec.owner` of every entity (an entity ref such as group:payments).")
def scan(paths: tuple[Path, ...], base: Path | None, overlay: Path | None, excludes: tuple[str, ...],
         cache_dir: Path | None, fmt: str, output: Path | None, system_name: str | None, owner: str) -> None:
    """Scan PATH... (default: the current folder) and print the inventory in one format."""
    from .exports import system_name as default_system_name

    if output is not None and not output.resolve().parent.is_dir():
        raise click.BadParameter(f"folder '{output.parent}' does not exist", param_hint="'-o' / '--output'")
    inv = _inventory(paths, base, overlay, excludes, skip_files=(output,) if output else (), cache_dir=cache_dir)
    text = _render(inv, fmt, default_system_name(list(paths), system_name), owner)
    if output:
        output.write_text(text, encoding="utf-8")
    else:
        sys.stdout.write(text)


@main.command(short_help="Exit 1 when a scan drifts from the committed baseline.")
@scan_options
@click.option("--baseline", type=click.Path(dir_okay=False, path_type=Path), default=Path(drift.DEFAULT_BASELINE),
              show_default=True, help="The committed baseline to compare the scan with.")
@click.option("--update", is_flag=True, help="Write the scan as the new baseline and exit 0 (review and commit it).")
def check(paths: tuple[Path, ...], base: Path | None, overlay: Path | None, excludes: tuple[str, ...],
          cache_dir: Path | None, baseline: Path, update: bool) -> None:
    """Compare a scan of PATH... (default: the current folder) with the baseline.

    Exits 1 when services, env var names, incoming webhook routes or security findings
    differ from the baseline, printing each change (`+ service stripe (payment)`,
    `- env STRIPE_KEY`); exits 0 when they match. Line numbers are not compared, so
    unrelated edits never drift.
    """
    old = None
    if not update:
        if not baseline.is_file():
            raise click.UsageError(
                f"baseline '{baseline}' not found; create it with `mkdocs-integrations check --update` and commit it"
            )
        try:
            old = drift.loads(baseline.read_text(encoding="utf-8"), str(baseline))
        except (OSError, UnicodeDecodeError) as exc:
            raise click.UsageError(f"cannot read baseline '{baseline}': {exc}") from None
        except drift.BaselineError as exc:
            raise click.UsageError(f"invalid baseline: {exc}") from None
    elif not baseline.resolve().parent.is_dir():
        raise click.BadParameter(f"folder '{baseline.parent}' does not exist", param_hint="'--baseline'")
    new = drift.snapshot(_inventory(paths, base, overlay, excludes, skip_files=(baseline,), cache_dir=cache_dir))
    if old is None:
        baseline.write_text(drift.dumps(new), encoding="utf-8")
        click.echo(f"wrote {baseline}: {len(new['services'])} service(s), {len(new['env_vars'])} env var(s), "
                   f"{len(new['incoming_webhooks'])} incoming webhook(s), {len(new['findings'])} finding(s)")
        return
    changes = drift.diff(old, new)
    if not changes:
        click.echo(f"no drift: the scan matches {baseline}")
        return
    click.echo(f"integrations drift against {baseline} ({len(changes)} change(s)):")
    for line in changes:
        click.echo(f"  {line}")
    click.echo("Review the changes, then run `mkdocs-integrations check --update` and commit the baseline.")
    sys.exit(1)


if __name__ == "__main__":  # pragma: no cover
    main()
