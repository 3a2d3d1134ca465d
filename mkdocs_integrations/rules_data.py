"""The bundled rule files (`rules/*.yaml`): knowledge kept as data beside the catalog, read once
per process (imports stay cheap; `mkdocs serve` rebuilds reuse the parsed copy)."""

from __future__ import annotations

from functools import lru_cache
from importlib import resources
from typing import Any

import yaml


@lru_cache(maxsize=None)
def rules_text(name: str) -> str:
    return resources.files(__package__).joinpath(f"rules/{name}").read_text(encoding="utf-8")


@lru_cache(maxsize=None)
def rules_yaml(name: str) -> Any:
    """The parsed file; callers must not mutate it (it is shared)."""
    return yaml.safe_load(rules_text(name)) or {}
