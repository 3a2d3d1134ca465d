"""The registry of detectors. Adding a detector: a module with a `DETECTOR`, listed here."""

from __future__ import annotations

from . import code, config_files, env_files, manifest_npm, manifest_python
from .base import BadInput, Context, Detector, Source

DETECTORS: tuple[Detector, ...] = (
    manifest_npm.DETECTOR,
    manifest_python.DETECTOR,
    env_files.DETECTOR,
    code.DETECTOR,
    config_files.DETECTOR,
)

__all__ = ["DETECTORS", "BadInput", "Context", "Detector", "Source"]
