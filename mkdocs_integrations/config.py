"""The plugin's typed configuration (the `integrations:` block of mkdocs.yml)."""

from __future__ import annotations

import re

import pathspec
from mkdocs.config import base
from mkdocs.config import config_options as c


class PatternList(c.BaseConfigOption[pathspec.PathSpec]):
    """gitignore-style patterns, as a YAML list or a multi-line string."""

    def __init__(self) -> None:
        super().__init__()
        self.default = []

    def run_validation(self, value: object) -> pathspec.PathSpec:
        if value is None:
            value = []
        if isinstance(value, str):
            lines = value.splitlines()
        elif isinstance(value, list) and all(isinstance(v, str) for v in value):
            lines = value
        else:
            raise base.ValidationError("expected a list of gitignore-style patterns")
        try:
            return pathspec.GitIgnoreSpec.from_lines(lines)
        except Exception as exc:  # pathspec raises several types for bad patterns
            raise base.ValidationError(f"invalid pattern: {exc}") from None


class OutputDir(c.Type):
    """A folder inside the site: relative, no '..', posix separators."""

    def __init__(self, default: str) -> None:
        super().__init__(str, default=default)

    def run_validation(self, value: object) -> str:
        value = super().run_validation(value)
        cleaned = value.strip().strip("/")
        if not cleaned or cleaned.startswith(".") or ".." in cleaned.split("/") or "\\" in cleaned:
            raise base.ValidationError("must be a relative folder inside the site, such as 'integrations'")
        if not re.fullmatch(r"[A-Za-z0-9_./-]+", cleaned):
            raise base.ValidationError("may only contain letters, digits, '_', '-', '.' and '/'")
        return cleaned


class IntegrationsConfig(base.Config):
    enabled = c.Type(bool, default=True)
    source_roots = c.ListOfItems(c.Type(str), default=["."])
    exclude = PatternList()
    output_dir = OutputDir(default="integrations")
    overlay = c.Optional(c.Type(str))
    nav_title = c.Type(str, default="Integrations")
    max_file_size = c.Type(int, default=1_000_000)
    templates_dir = c.Optional(c.Type(str))
    repo_blob_url = c.Optional(c.Type(str))
    baseline = c.Optional(c.Type(str))  # drift against this `check` baseline is a warning (strict: failure)
    extra_inventories = c.Type(dict, default={})  # repository name → `scan --format json` file
    repository_name = c.Optional(c.Type(str))  # this repository's name beside the extra ones
    cache = c.Type(bool, default=False)  # keep per-file results in .cache/plugin/integrations/ between builds
