"""Walk + detect: from source roots to evidence, with a per-file cache.

The `Scanner` object is meant to live as long as the process (the plugin keeps one across
`mkdocs serve` rebuilds), so a rebuild re-reads only the files whose size or mtime changed.
"""

from __future__ import annotations

import functools
import itertools
import logging
import multiprocessing as mp
import os
import stat
import sys
import time
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

import pathspec

from ..catalog import Catalog, load_catalog
from ..catalog.index import CatalogIndex
from ..model import Evidence, FileResult, Finding
from ..paths import is_model_snapshot_path, is_translation_path
from ..textsearch import LiteralIndex
from . import cache
from .detectors import DETECTORS, BadInput, Context, Detector, Source
from .generated import is_generated_api_page
from .journal import Changes, Journal
from .walk import Trust, WalkedFile, WalkResult, iter_walk

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


def read_text(path: str | Path) -> str | None:
    """Decoded text, or None for binary files; invalid UTF-8 is replaced, not fatal.
    Unbuffered: the whole file is read in one call, sized by the file."""
    with open(path, "rb", buffering=0) as fh:
        data = fh.readall()
    if b"\x00" in data[:8192]:
        return None
    return data.decode("utf-8", errors="replace")


# For "does any detector take this file": those that take most files first, so that the
# answer for a source file is one cheap test.
_BY_REACH = sorted(DETECTORS, key=lambda d: d.name not in ("code", "secrets"))


def _options_key(options: ScanOptions) -> tuple:
    """What decides a walk's answer besides the disk: the journal's shortcuts hold only while
    it is the same."""
    exclude = options.exclude
    patterns = tuple(getattr(p, "pattern", repr(p)) for p in exclude.patterns) if exclude is not None else ()
    return (
        tuple(str(r.resolve()) for r in options.roots), str(options.base.resolve()), patterns,
        options.max_file_size, tuple(str(p.resolve()) for p in options.extra_pruned),
    )


PARALLEL_MIN_FILES = 2000  # below this, starting workers costs more than it saves
MAX_WORKERS = 8
CHUNK = 64  # files per task sent to a worker: the total is unknown while the walk runs
_FORKED: Scanner | None = None


def _scan_in_worker(f: WalkedFile) -> FileResult:
    assert _FORKED is not None
    return _FORKED._scan_file(f)


class Scanner:
    """Scans source roots; keeps per-file results in memory, and on disk when given a file."""

    def __init__(
        self, catalog: Catalog | None = None, cache_file: Path | None = None, use_gate: bool = True,
        watch: bool = False,
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
        # `watch`: a long-lived Scanner (`mkdocs serve`) learns from the kernel what changed
        # between scans instead of re-checking every file (see journal.py).
        self._journal = Journal() if watch else None
        self._last: tuple[tuple, WalkResult, dict[str, WalkedFile]] | None = None  # options, walk, by path
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
            # a translation is read for committed secrets only: its strings are no use of anything
            keep = (lambda d: d.name == "secrets") if is_translation_path(rel) else (lambda d: True)
            found = self._accepting[rel] = [] if is_model_snapshot_path(rel) else [
                d for d in DETECTORS if keep(d) and d.accepts(rel, name, self.context)]
        return found

    def wanted(self, rel: str, name: str) -> bool:
        """Whether any detector takes the file. The walk asks this for every path, in one
        process; the first detector that accepts settles it, and the full list is made by
        whichever process reads the file (on a cold scan, the workers, in parallel)."""
        wanted = self._wanted.get(rel)
        if wanted is None:
            found = self._accepting.get(rel)
            if found is None and (is_translation_path(rel) or is_model_snapshot_path(rel)):
                found = self.detectors_for(rel, name)
            wanted = bool(found) if found is not None else any(d.accepts(rel, name, self.context) for d in _BY_REACH)
            self._wanted[rel] = wanted  # rebuilds ask again for every path
        return wanted

    def scan(self, options: ScanOptions) -> ScanResult:
        started = time.perf_counter()
        self._gate  # noqa: B018 - built here, in the parent, before any worker forks
        walked, stream = self._walk(options)
        entries = self._cache
        todo: list[WalkedFile] = []

        def unread(files: Iterable[WalkedFile]) -> Iterator[WalkedFile]:
            for f in files:
                hit = entries.get(f.rel)
                if hit is None or hit[0] != f.size or hit[1] != f.mtime_ns:
                    todo.append(f)
                    yield f

        # A cold scan reads files while the walk is still finding more (`stream`).
        file_results = self._scan_files(unread(walked.files if stream is None else stream), options.progress)
        for f, file_result in zip(todo, file_results):
            entries[f.rel] = (f.size, f.mtime_ns, file_result)
        if stream is not None and self._journal is not None and self._journal.active:
            self._last = (_options_key(options), walked, {f.abspath: f for f in walked.files})
        result = ScanResult(warnings=list(walked.warnings), ignored_env_files=list(walked.ignored_env_files))
        result.files_read = len(todo)
        # Every rebuild pays this part for the whole tree: plain list work, no per-file calls.
        results = [entries[f.rel][2] for f in walked.files]
        result.evidence = list(itertools.chain.from_iterable(r.evidence for r in results))
        findings = set(itertools.chain.from_iterable(r.findings for r in results))
        result.warnings.extend(itertools.chain.from_iterable(r.warnings for r in results))
        if len(entries) != len(walked.files):
            live = {f.rel for f in walked.files}
            for gone in [rel for rel in entries if rel not in live]:
                del entries[gone]
        if self.cache_file is not None and result.files_read:
            try:
                cache.save(self.cache_file, self._cache_key, self._cache)
            except OSError as exc:
                result.warnings.append(f"{self.cache_file}: cannot write the scan cache ({exc.strerror or exc})")
        result.files_scanned = len(walked.files)
        result.evidence.sort()  # files come sorted by path, so this is one pass over sorted runs
        result.findings = sorted(findings)
        result.seconds = time.perf_counter() - started
        return result

    def _walk(self, options: ScanOptions) -> tuple[WalkResult, Iterator[WalkedFile] | None]:
        """The files to consider: from the journal's changes when it vouches for the rest,
        else from a walk (which the journal still lets skip the folders it watched). A walk
        comes as a stream that fills the result as it is consumed."""
        journal = self._journal
        trust = None
        if journal is not None and journal.active:
            key = _options_key(options)
            changes = journal.drain()
            last = self._last if self._last is not None and self._last[0] == key else None
            if changes is not None and last is not None:
                for path in changes.files:  # written: read again even if size and mtime look the same
                    hit = last[2].get(path)
                    if hit is not None:
                        self._cache.pop(hit.rel, None)
                if not changes.folders:
                    patched = self._patched(last[1], last[2], changes, options)
                    if patched is not None:
                        if patched is not last[1]:
                            self._last = (key, patched, {f.abspath: f for f in patched.files})
                        return patched, None
            trust = Trust(journal, changes if last is not None else None, last[2] if last is not None else {})
        walked = WalkResult()
        stream = iter_walk(
            options.roots,
            options.base,
            options.exclude,
            walked,
            wanted=self.wanted,
            max_file_size=options.max_file_size,
            large_ok=lambda name: name in LARGE_OK,
            extra_pruned=options.extra_pruned,
            trust=trust,
        )
        return walked, stream

    def _patched(
        self, last: WalkResult, known: dict[str, WalkedFile], changes: Changes, options: ScanOptions
    ) -> WalkResult | None:
        """The last walk with the written files re-`stat`ed, or None when a change needs the
        walk's judgement (a file that grew past the size limit, vanished, or is new to it)."""
        if not changes:
            return last
        base_prefix = str(options.base.resolve()) + "/"
        restated: dict[str, WalkedFile] = {}
        for path in changes.files:
            old = known.get(path)
            if old is None:
                rel = path[len(base_prefix):] if path.startswith(base_prefix) else path
                if path.startswith(base_prefix) and self.wanted(rel, rel.rsplit("/", 1)[-1]):
                    return None  # skipped last time for its size, or ignored: the walk decides
                continue
            try:
                st = os.stat(path)
            except OSError:
                return None
            limit = options.max_file_size * 20 if old.name in LARGE_OK else options.max_file_size
            if not stat.S_ISREG(st.st_mode) or st.st_size > limit:
                return None
            restated[path] = WalkedFile(abspath=path, rel=old.rel, size=st.st_size, mtime_ns=st.st_mtime_ns)
        if not restated:
            return last
        return WalkResult(
            files=[restated.get(f.abspath, f) for f in last.files],
            ignored_env_files=last.ignored_env_files,
            warnings=last.warnings,
            skipped_large=last.skipped_large,
        )

    def close(self) -> None:
        """Release the change journal (a `mkdocs serve` session's end)."""
        if self._journal is not None:
            self._journal.close()

    def _scan_files(
        self, files: Iterator[WalkedFile], progress: Callable[[int, int], None] | None = None
    ) -> list[FileResult]:
        """Results in input order; large cold scans fan out over the cores (fork only:
        workers inherit the loaded catalog instead of parsing it again). `files` may still
        be walking: workers start once it has yielded enough to be worth them."""
        found = 0  # files yielded so far: the progress total while the walk runs

        def counted(it: Iterable[WalkedFile]) -> Iterator[WalkedFile]:
            nonlocal found
            for f in it:
                found += 1
                yield f

        files = counted(files)
        workers = min(os.cpu_count() or 1, MAX_WORKERS)
        # fork only where it is the platform's safe default (Linux); elsewhere one process.
        if workers < 2 or not sys.platform.startswith("linux"):
            return self._sequential(files, progress)
        first = list(itertools.islice(files, PARALLEL_MIN_FILES))
        if len(first) < PARALLEL_MIN_FILES:
            return self._sequential(first, progress)
        global _FORKED
        _FORKED = self
        try:
            try:
                pool = mp.get_context("fork").Pool(workers)
            except (OSError, RuntimeError) as exc:  # no fork allowed here: do it in-process
                log.debug("integrations: parallel scan unavailable (%s)", exc)
                return self._sequential(itertools.chain(first, files), progress)
            with pool:
                out = []
                for r in pool.imap(_scan_in_worker, itertools.chain(first, files), chunksize=CHUNK):
                    out.append(r)
                    if progress is not None and len(out) % CHUNK == 0:
                        progress(len(out), found)
                return out
        finally:
            _FORKED = None

    def _sequential(self, files: Iterable[WalkedFile], progress: Callable[[int, int], None] | None) -> list[FileResult]:
        files = list(files)
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
                decoded = read_text(f.abspath)
            except OSError as exc:
                return FileResult(warnings=(f"{f.rel}: cannot read ({exc.strerror or exc})",))
            if decoded is None:
                log.debug("integrations: skipped %s (binary)", f.rel)
                detectors = [d for d in detectors if not d.needs_text]
            else:
                text = decoded
                if is_generated_api_page(f.name, text):
                    log.debug("integrations: skipped %s (generated API documentation)", f.rel)
                    return FileResult()
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
            except Exception as exc:  # noqa: BLE001 - a detector's bug on one odd file must not stop the build
                # Only the exception's type: its message may quote the file's text (a value).
                # What the detector found before failing is kept; the other detectors still run.
                warnings.append(
                    f"{f.rel}: the {det.name} detector failed on this file ({type(exc).__name__}); "
                    "skipped by it, please report this"
                )
        return FileResult(evidence=tuple(evidence), findings=tuple(findings), warnings=tuple(warnings))
