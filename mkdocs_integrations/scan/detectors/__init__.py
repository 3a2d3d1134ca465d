"""The registry of detectors: every module in this package that defines `DETECTOR`.

Adding a detector is adding a module; the order is the module names' order, so runs are
deterministic.
"""

from __future__ import annotations

import importlib
import pkgutil

from .base import BadInput, Context, Detector, Source


def _discover() -> tuple[Detector, ...]:
    found: list[Detector] = []
    for info in sorted(pkgutil.iter_modules(__path__), key=lambda i: i.name):
        if info.name == "base" or info.name.startswith("_"):
            continue
        module = importlib.import_module(f"{__name__}.{info.name}")
        detector = getattr(module, "DETECTOR", None)
        if isinstance(detector, Detector):
            found.append(detector)
    return tuple(found)


DETECTORS: tuple[Detector, ...] = _discover()

__all__ = ["DETECTORS", "BadInput", "Context", "Detector", "Source"]
