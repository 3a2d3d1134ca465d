"""Walk + detect: from source roots to evidence, with a per-file cache.

The `Scanner` object is meant to live as long as the process (the plugin keeps one across
`mkdocs serve` rebuilds), so a rebuild re-reads only the files whose size or mtime changed.
"""

from __future__ import annotations

import functools
import logging
import multiprocessing as mp
import os
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

import pathspec

from ..catalog import Catalog, load_catalog
from ..catalog.index import CatalogIndex
from ..model import Evidence, FileResult, Finding
from ..textsearch import LiteralIndex
from . import cache
from .detectors import DETECTORS, BadInput, Context, Detector, Source
from .walk import WalkedFile, walk

log = logging.getLogger("mkdocs.plugins.integrations")

LARGE_OK = frozenset({
    "package-lock.json", "npm-shrinkwrap.json", "yarn.lock", "pnpm-lock.yaml", "poetry.lock",
    "uv.lock", "pdm.lock", "Gemfile.lock", "composer.lock", "Cargo.lock", "go.sum",
})


@dataclass
class ScanResult:
    files_scanned: int = 0
    files_read: int = 0
    evidence: list[Evidence] = field(default_factory=list)
    findings: list[Finding] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    ignored_env_files: list[str] = field(default_factory=list)
    seconds: float = 0.0


@dataclass
class ScanOptions:
    roots: list[Path]
    base: Path
    exclude: pathspec.PathSpec | None = None
    max_file_size: int = 1_000_000
    extra_pruned: tuple[Path, ...] = ()
    progress: Callable[[int, int], None] | None = None  # (files done, files to read)


def read_text(path: Path) -> str | None:
    """Decoded text, or None for binary files; invalid UTF-8 is replaced, not fatal."""
    with open(path, "rb") as fh:
        data = fh.read()
    if b"\x00" in data[:8192]:
        return None
    return data.decode("utf-8", errors="replace")


PARALLEL_MIN_FILES = 2000  # below this, starting workers costs more than it saves
MAX_WORKERS = 8
_FORKED: Scanner | None = None


def _scan_in_worker(f: WalkedFile) -> FileResult:
    assert _FORKED is not None
    return _FORKED._scan_file(f)


class Scanner:
    """Scans source roots; keeps per-file results in memory, and on disk when given a file."""

    def __init__(
        self, catalog: Catalog | None = None, cache_file: Path | None = None, use_gate: bool = True
    ) -> None:
        # use_gate=False runs every accepted detector on every file: the reference the
        # gate is tested against (tests/scan/test_gate.py), and the benchmark's baseline.
        self.use_gate = use_gate
        self.catalog = catalog or load_catalog()
        self.context = Context(catalog=self.catalog, index=CatalogIndex(self.catalog))
        self._cache: dict[str, tuple[int, int, FileResult]] = {}
        self._accepting: dict[str, list[Detector]] = {}
        self._wanted: dict[str, bool] = {}  # the walk's question, per path, for the Scanner's lifetime
        self.cache_file = cache_file
        self._cache_key = ""
        if cache_file is not None:
            self._cache_key = cache.cache_key()
            self._cache = cache.load(cache_file, self._cache_key)

    @functools.cached_property
    def _gate(self) -> tuple[LiteralIndex, dict[str, Callable[[frozenset[str]], bool]]]:
        """One literal index over every detector's declared literals, and per gated
        detector the test of whether a file's literals can let it find anything. Built at
        the first scan, before workers fork, so they share it."""
        wanted: set[str] = set()
        gated: dict[str, Callable[[frozenset[str]], bool]] = {}
        for det in DETECTORS:
            declared = det.literals(self.context) if det.literals is not None else None
            if declared is None:
                continue
            lits = frozenset(lit.lower() for lit in declared)
            wanted |= lits
            if det.triggered is not None:
                gated[det.name] = functools.partial(det.triggered, ctx=self.context)
            else:
                gated[det.name] = lambda present, lits=lits: not lits.isdisjoint(present)
        return LiteralIndex(wanted), gated

    def detectors_for(self, rel: str, name: str) -> list[Detector]:
        """The detectors for a file, decided once per path for the Scanner's lifetime (the
        walk asks on every rebuild; the accept tests include regexes over the path)."""
        found = self._accepting.get(rel)
        if found is None:
            found = self._accepting[rel] = [d for d in DETECTORS if d.accepts(rel, name, self.context)]
        return found

    def wanted(self, rel: str, name: str) -> bool:
        """Whether any detector takes the file. The walk asks this for every path, in one
        process; the first detector that accepts settles it, and the full list is made by
        whichever process reads the file (on a cold scan, the workers, in parallel)."""
        wanted = self._wanted.get(rel)
        if wanted is None:
            found = self._accepting.get(rel)
            wanted = bool(found) if found is not None else any(d.accepts(rel, name, self.context) for d in DETECTORS)
            self._wanted[rel] = wanted  # rebuilds ask again for every path
        return wanted

    def scan(self, options: ScanOptions) -> ScanResult:
        started = time.perf_counter()
        self._gate  # noqa: B018 - built here, in the parent, before any worker forks
        walked = walk(
            options.roots,
            options.base,
            options.exclude,
            wanted=self.wanted,
            max_file_size=options.max_file_size,
            large_ok=lambda name: name in LARGE_OK,
            extra_pruned=options.extra_pruned,
        )
        result = ScanResult(warnings=list(walked.warnings), ignored_env_files=walked.ignored_env_files)
        live: set[str] = set()
        todo = [f for f in walked.files if not self._fresh(f)]
        for f, file_result in zip(todo, self._scan_files(todo, options.progress)):
            self._cache[f.rel] = (f.size, f.mtime_ns, file_result)
        result.files_read = len(todo)
        for f in walked.files:
            live.add(f.rel)
            file_result = self._cache[f.rel][2]
            result.evidence.extend(file_result.evidence)
            result.findings.extend(file_result.findings)
            result.warnings.extend(file_result.warnings)
        for gone in set(self._cache) - live:
            del self._cache[gone]
        if self.cache_file is not None and result.files_read:
            try:
                cache.save(self.cache_file, self._cache_key, self._cache)
            except OSError as exc:
                result.warnings.append(f"{self.cache_file}: cannot write the scan cache ({exc.strerror or exc})")
        result.files_scanned = len(walked.files)
        result.evidence.sort()
        result.findings = sorted(set(result.findings))
        result.seconds = time.perf_counter() - started
        return result

    def _fresh(self, f: WalkedFile) -> bool:
        cached = self._cache.get(f.rel)
        return cached is not None and cached[0] == f.size and cached[1] == f.mtime_ns

    def _scan_files(
        self, files: list[WalkedFile], progress: Callable[[int, int], None] | None = None
    ) -> list[FileResult]:
        """Results in input order; large cold scans fan out over the cores (fork only:
        workers inherit the loaded catalog instead of parsing it again)."""
        workers = min(os.cpu_count() or 1, MAX_WORKERS)
        # fork only where it is the platform's safe default (Linux); elsewhere one process.
        if len(files) < PARALLEL_MIN_FILES or workers < 2 or not sys.platform.startswith("linux"):
            return self._sequential(files, progress)
        global _FORKED
        _FORKED = self
        try:
            ctx = mp.get_context("fork")
            chunk = max(50, len(files) // (workers * 8))
            with ctx.Pool(workers) as pool:
                out = []
                for r in pool.imap(_scan_in_worker, files, chunksize=chunk):
                    out.append(r)
                    if progress is not None and len(out) % chunk == 0:
                        progress(len(out), len(files))
                return out
        except (OSError, RuntimeError) as exc:  # no fork allowed here: do it in-process
            log.debug("integrations: parallel scan unavailable (%s)", exc)
            return self._sequential(files, progress)
        finally:
            _FORKED = None

    def _sequential(self, files: list[WalkedFile], progress: Callable[[int, int], None] | None) -> list[FileResult]:
        out = []
        for i, f in enumerate(files, 1):
            out.append(self._scan_file(f))
            if progress is not None and i % 50 == 0:
                progress(i, len(files))
        return out

    def _scan_file(self, f: WalkedFile) -> FileResult:
        detectors = self.detectors_for(f.rel, f.name)
        text = ""
        if any(d.needs_text for d in detectors):
            try:
                decoded = read_text(f.path)
            except OSError as exc:
                return FileResult(warnings=(f"{f.rel}: cannot read ({exc.strerror or exc})",))
            if decoded is None:
                log.debug("integrations: skipped %s (binary)", f.rel)
                detectors = [d for d in detectors if not d.needs_text]
            else:
                text = decoded
        src = Source(rel=f.rel, text=text)
        if text and self.use_gate:
            index, gated = self._gate
            lowered = src.lowered
            src.present = index.present("\n" + f.rel.lower() + "\n" + lowered)
            detectors = [d for d in detectors if d.name not in gated or gated[d.name](src.present)]
        evidence: list[Evidence] = []
        findings: list[Finding] = []
        warnings: list[str] = []
        for det in detectors:
            try:
                for rec in det.detect(src, self.context):
                    (findings if isinstance(rec, Finding) else evidence).append(rec)
            except BadInput as exc:
                where = f"{f.rel}:{exc.line}" if exc.line else f.rel
                warnings.append(f"{where}: {exc.message}; skipped by the {det.name} detector")
            except RecursionError:
                warnings.append(f"{f.rel}: too deeply nested; skipped by the {det.name} detector")
        return FileResult(evidence=tuple(evidence), findings=tuple(findings), warnings=tuple(warnings))
