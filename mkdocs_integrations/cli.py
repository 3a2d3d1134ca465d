"""`mkdocs-integrations`: the same pipeline as the plugin, for CI and other doc tools."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import click

from . import __version__
from .overlay import OverlayError, load_overlay
from .pipeline import build_inventory
from .render.site import analysis_date
from .scan import Scanner
from .serialize import inventory_to_dict


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="mkdocs-integrations")
def main() -> None:
    """Find the external services an application depends on."""


@main.command()
@click.argument("paths", nargs=-1, type=click.Path(exists=True, file_okay=False, path_type=Path))
@click.option("--format", "fmt", type=click.Choice(["json", "markdown"]), default="json", show_default=True,
              help="json: the inventory; markdown: a standalone INTEGRATIONS.md in the template's shape.")
@click.option("-o", "--output", type=click.Path(dir_okay=False, path_type=Path), default=None,
              help="Write to this file instead of standard output.")
@click.option("--base", type=click.Path(exists=True, file_okay=False, path_type=Path), default=None,
              help="Report paths relative to this folder (default: the current folder).")
@click.option("--overlay", type=click.Path(dir_okay=False, path_type=Path), default=None,
              help="An integrations.yml with human annotations to merge in.")
def scan(paths: tuple[Path, ...], fmt: str, output: Path | None, base: Path | None, overlay: Path | None) -> None:
    """Scan PATH... (default: the current folder) and print the inventory."""
    roots = list(paths) or [Path(".")]
    base = (base or Path(".")).resolve()
    ov = None
    if overlay is not None:
        try:
            ov = load_overlay(overlay, str(overlay))
        except OverlayError as exc:
            raise click.UsageError(str(exc)) from None
    inv, _ = build_inventory(
        Scanner(), [r.resolve() for r in roots], base, analysis_date=analysis_date(base), overlay=ov
    )
    for warning in inv.warnings:
        click.echo(f"warning: {warning}", err=True)
    if fmt == "json":
        text = json.dumps(inventory_to_dict(inv), indent=2, sort_keys=False) + "\n"
    else:
        from .render import Renderer

        text = Renderer().render_index(inv)
    if output:
        output.write_text(text, encoding="utf-8")
    else:
        sys.stdout.write(text)


if __name__ == "__main__":  # pragma: no cover
    main()
