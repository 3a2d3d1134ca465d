"""Find the files worth reading under the source roots.

Pruning happens before any read: ignored and vendored folders are never entered, so a
100k-file monorepo costs what its own code costs, not what `node_modules` costs.
"""

from __future__ import annotations

import itertools
import logging
import operator
import os
import re
import stat
import subprocess
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

import pathspec

from ..model import printable
from .detectors.env_files import env_file_kind
from .journal import Changes, Journal

log = logging.getLogger("mkdocs.plugins.integrations")


class _PrintableFilter(logging.Filter):
    """Debug lines name files; a file name must not colour the terminal or forge a line."""

    def filter(self, record: logging.LogRecord) -> bool:
        message = record.getMessage()
        clean = printable(message)
        if clean != message:
            record.msg, record.args = clean, ()
        return True


if not any(isinstance(f, _PrintableFilter) for f in log.filters):
    log.addFilter(_PrintableFilter())

# Folders that hold third-party code, build output or tool state: never the app's own code.
PRUNED_DIRS = frozenset({
    ".git", ".hg", ".svn", "node_modules", "bower_components", "jspm_packages", "vendor", "vendored",
    ".venv", "venv", "virtualenv", "site-packages", "__pycache__", ".tox", ".nox", ".mypy_cache",
    ".pytest_cache", ".ruff_cache", ".next", ".nuxt", ".svelte-kit", ".turbo", ".parcel-cache",
    ".cache", ".yarn", ".pnpm-store", "coverage", ".nyc_output", "target", ".gradle", "Pods",
    ".terraform", ".serverless", ".vercel", ".netlify", ".expo", ".idea", ".vscode", "dist",
    ".output", ".docusaurus", "storybook-static", ".angular", "DerivedData",
    # react-email's preview app, which its `email dev` command writes into the emails package
    # (a Next.js app of its own, with the tool's "send a test" request to react.email)
    ".react-email",
})

# A PHP framework copied into the repository, as its manual install has it: the folder is the
# framework's own code (CodeIgniter's `system/` with every database, cache and session driver it
# ships), not the app's, whose choice is in its own config. Known by a file only that framework
# has. (Decided when the parent folder is listed: adding the marker later shows on the next
# change of the parent.)
VENDORED_FRAMEWORKS = {
    "system": ("core/CodeIgniter.php", "CodeIgniter.php", "classes/Kohana/Core.php"),  # CodeIgniter 3, 4; Kohana
    "framework": ("YiiBase.php",),  # Yii 1.1
}

# A whole repository copied into the project's tooling folder (`tools/daux.io/` with its own
# `.github/`, LICENSE, composer.json and tests): a third-party tool the maintainers run (a docs
# generator, a linter), not the application. Its own `.github/` is what tells: GitHub reads only
# the root's, so a nested one came along with a copy of another repository. Only directly inside
# a folder of tooling or third-party code; elsewhere a nested `.github/` may sit in the app's own
# part (a frontend folder that was a repository of its own before a merge).
TOOL_COPY_PARENTS = frozenset({"tools", "tool", "scripts", "third_party", "third-party", "thirdparty"})

# A `vendor/` folder among a front end's UI components (Nuxt's `components/vendor/Clarity.vue`,
# auto-imported as `<VendorClarity>`) holds the app's own components that wrap vendors' widgets:
# no package manager installs into `components/` (Composer, Bundler and Go vendor beside their
# manifest), so that one `vendor/` is not pruned.
OWN_VENDOR_PARENTS = frozenset({"components"})

# Packages installed into the repository (`pip install --target libs/`, how desktop-style Python
# apps ship their dependencies): each installed distribution leaves a `<name>-<version>.dist-info`
# folder beside its package. A folder holding several is a site-packages under another name, every
# package in it third-party (apprise with its 100 notification targets, an HTTP library's sample
# hosts). (One alone may be a build's leftover beside the app's own code.)
SITE_PACKAGES_MIN_DIST_INFO = 2
DIST_INFO_SUFFIX = ".dist-info"

ENV_FILE_PREFIX = ".env"


@dataclass(frozen=True)
class WalkedFile:
    abspath: str  # a string: every rebuild walks the whole tree, and Path objects cost more than the stat
    rel: str  # posix, relative to the project root
    size: int
    mtime_ns: int

    @property
    def path(self) -> Path:
        return Path(self.abspath)

    @property
    def name(self) -> str:
        return self.rel.rsplit("/", 1)[-1]


@dataclass
class WalkResult:
    files: list[WalkedFile] = field(default_factory=list)
    ignored_env_files: list[str] = field(default_factory=list)  # names only, never read
    warnings: list[str] = field(default_factory=list)
    skipped_large: int = 0


@dataclass
class Trust:
    """What a change journal lets a walk skip. A folder the journal has watched since before
    the last walk, and that reported no change of entries, keeps its listing without a
    `stat`; a file in such a folder that reported no write keeps its last `stat` (`known`).
    `changes` None means the journal cannot vouch this time: everything is checked, and
    every folder entered is watched from now on."""

    journal: Journal
    changes: Changes | None
    known: dict[str, WalkedFile]  # by absolute path, from the previous walk


# Every `mkdocs serve` rebuild walks the whole tree again; gitignore files rarely change, so
# their parsed specs are kept (keyed by path, size and mtime), and so are the decisions made
# with them: a rescan then costs the stat calls, not a pathspec match per entry.
_SPECS: dict[str, tuple[int, int, "_Spec | None", str | None]] = {}
_DECISIONS: dict[tuple[str, bool, tuple[int, ...]], bool] = {}
_MAX_DECISIONS = 1_000_000
_serial = itertools.count(1)


@dataclass(frozen=True)
class _Spec:
    serial: int  # identifies this parse of this file, for the decision cache
    spec: pathspec.PathSpec
    # One regex that matches wherever any rule of the file could have an opinion: most
    # paths match none, and then pathspec's per-rule loop (its exact precedence rules
    # included) is not needed. None when the rules cannot be combined.
    any_rule: re.Pattern[str] | None = None


def _any_rule(spec: pathspec.PathSpec) -> re.Pattern[str] | None:
    parts = []
    for pattern in spec.patterns:
        if pattern.include is None:
            continue  # a comment or a blank line
        regex = getattr(pattern, "regex", None)
        if regex is None:
            return None
        parts.append("(?:" + _NAMED_GROUP.sub("(?:", regex.pattern) + ")")
    try:
        return re.compile("|".join(parts) or "(?!)")
    except re.error:
        return None


_NAMED_GROUP = re.compile(r"\(\?P<\w+>")


def _load_gitignore(path: Path, result: WalkResult, rel_label: str) -> _Spec | None:
    key = str(path)
    try:
        st = os.stat(key)
    except OSError as exc:
        result.warnings.append(f"{rel_label}: cannot read ({exc.strerror or exc})")
        return None
    cached = _SPECS.get(key)
    if cached is not None and cached[0] == st.st_size and cached[1] == st.st_mtime_ns:
        if cached[3]:
            result.warnings.append(cached[3])
        return cached[2]
    spec, warning = _parse_gitignore(path, rel_label)
    if warning:
        result.warnings.append(warning)
    _SPECS[key] = (st.st_size, st.st_mtime_ns, spec, warning)
    return spec


def _parse_gitignore(path: Path, rel_label: str) -> tuple[_Spec | None, str | None]:
    try:
        lines = path.read_text(encoding="utf-8", errors="replace").splitlines()
    except OSError as exc:
        return None, f"{rel_label}: cannot read ({exc.strerror or exc})"
    try:
        spec = pathspec.GitIgnoreSpec.from_lines(lines)
        return _Spec(next(_serial), spec, _any_rule(spec)), None
    except Exception as exc:  # pathspec raises several types for bad patterns
        return None, f"{rel_label}: invalid pattern ignored ({exc})"


def walk(
    roots: list[Path],
    base: Path,
    exclude: pathspec.PathSpec | None = None,
    *,
    wanted: Callable[[str, str], bool] = lambda rel, name: True,
    max_file_size: int = 1_000_000,
    large_ok: Callable[[str], bool] = lambda name: False,
    extra_pruned: tuple[Path, ...] = (),
    trust: Trust | None = None,
) -> WalkResult:
    """Files under `roots` that `wanted(rel, name)` accepts, in sorted order.

    `base` is the project root that paths are reported relative to (the folder of
    mkdocs.yml); `exclude` patterns match those relative paths. Files over `max_file_size`
    are skipped, except those `large_ok(name)` accepts (lockfiles), which get 20x more.
    """
    result = WalkResult()
    for _ in iter_walk(roots, base, exclude, result, wanted=wanted, max_file_size=max_file_size,
                       large_ok=large_ok, extra_pruned=extra_pruned, trust=trust):
        pass
    return result


def iter_walk(
    roots: list[Path],
    base: Path,
    exclude: pathspec.PathSpec | None,
    result: WalkResult,
    *,
    wanted: Callable[[str, str], bool] = lambda rel, name: True,
    max_file_size: int = 1_000_000,
    large_ok: Callable[[str], bool] = lambda name: False,
    extra_pruned: tuple[Path, ...] = (),
    trust: Trust | None = None,
) -> Iterator[WalkedFile]:
    """`walk`, yielding each file as it is found, so that reading can start before the walk
    ends (a cold scan feeds its workers from here). `result` is complete, and its files
    sorted, once the iterator is exhausted."""
    seen_dirs: set[tuple[int, int]] = set()
    seen_files: set[str] = set()
    base = base.resolve()
    pruned_abs = {str(p.resolve()) for p in extra_pruned} | {os.path.abspath(p) for p in extra_pruned}
    for root in roots:
        root = root.resolve()
        if not root.is_dir():
            result.warnings.append(f"{_rel(root, base)}: source root is not a folder")
            continue
        # .gitignore files above the root (up to the project base) still apply.
        specs: list[tuple[str, _Spec]] = []
        for parent in reversed(root.parents):
            if parent == base or base in parent.parents:
                gi = parent / ".gitignore"
                if gi.is_file():
                    spec = _load_gitignore(gi, result, _rel(gi, base))
                    if spec:
                        specs.append((str(parent).rstrip("/") + "/", spec))
        for f in _walk_dir(str(root), str(root), str(base), specs, exclude, result, seen_dirs, pruned_abs, wanted, trust):
            if f.rel in seen_files:
                continue
            name = f.name
            limit = max_file_size * 20 if large_ok(name) else max_file_size
            if f.size > limit:
                result.skipped_large += 1
                log.debug("integrations: skipped %s (%d bytes, over the size limit)", f.rel, f.size)
                continue
            seen_files.add(f.rel)
            result.files.append(f)
            yield f
    result.files.sort(key=lambda f: f.rel)
    result.ignored_env_files.sort()


def _is_site_packages(found: list[os.DirEntry[str]]) -> bool:
    """Whether a folder's entries are installed distributions (their `.dist-info` folders)."""
    count = 0
    for entry in found:
        if entry.name.endswith(DIST_INFO_SUFFIX):
            count += 1
            if count >= SITE_PACKAGES_MIN_DIST_INFO:
                return True
    return False


def _rel(path: Path, base: Path) -> str:
    try:
        return path.relative_to(base).as_posix()
    except ValueError:
        return path.as_posix()


def _ignored(path: str, is_dir: bool, specs: list[tuple[str, _Spec]]) -> bool:
    """gitignore semantics: the deepest file that has an opinion wins (negations included)."""
    key = (path, is_dir, tuple(s.serial for _, s in specs))
    found = _DECISIONS.get(key)
    if found is not None:
        return found
    ignored = False
    for folder, spec in specs:
        if not path.startswith(folder):
            continue
        rel = path[len(folder):]
        if is_dir:
            rel += "/"
        if spec.any_rule is not None and spec.any_rule.match(rel) is None:
            continue  # no rule of this file is about this path
        res = spec.spec.check_file(rel)
        if res.include is not None:
            ignored = bool(res.include)
    if len(_DECISIONS) >= _MAX_DECISIONS:
        _DECISIONS.clear()
    _DECISIONS[key] = ignored
    return ignored


@dataclass(frozen=True)
class _Listing:
    """What one folder holds, as decided last walk: kept while the folder's mtime and the
    rules that applied (gitignore parses, exclude patterns, root) stay the same, since only
    adding, removing or renaming entries changes a folder's mtime. Files are still stat'ed
    on every walk: an edited file changes its own mtime, not its folder's."""

    mtime_ns: int
    identity: tuple[int, int]  # (st_dev, st_ino): a folder replaced by another is not fresh
    rules: tuple
    entries: tuple[tuple[str, bool], ...]  # (absolute path, is a folder to descend), by name
    ignored_env: tuple[str, ...]
    has_gitignore: bool


_LISTINGS: dict[str, _Listing] = {}


def forget_walks() -> None:
    """Drop every walk's kept listings, gitignore parses and decisions: the next walk starts
    as a new process's would (the benchmark's cold scan)."""
    _LISTINGS.clear()
    _SPECS.clear()
    _DECISIONS.clear()

_entry_name = operator.attrgetter("name")
_MAX_LISTINGS = 200_000
_RACY_NS = 2_000_000_000  # a folder changed in the last 2 s may change again within its mtime tick


def _exclude_key(exclude: pathspec.PathSpec | None) -> tuple:
    if exclude is None:
        return ()
    try:
        return tuple((type(p).__name__, p.include, p.regex.pattern if p.regex else None) for p in exclude.patterns)
    except AttributeError:
        return (id(exclude),)  # an unusual spec: no reuse across walks


def _walk_dir(
    folder: str,
    root: str,
    base: str,
    specs: list[tuple[str, _Spec]],
    exclude: pathspec.PathSpec | None,
    result: WalkResult,
    seen_dirs: set[tuple[int, int]],
    pruned_abs: set[str],
    wanted: Callable[[str, str], bool],
    trust: Trust | None,
) -> Iterator[WalkedFile]:
    """Depth-first, sorted, on plain strings, with an explicit stack: this loop runs once per
    entry of the tree on every rebuild, so it avoids pathlib objects and a generator per
    folder level (each file would pass through all of them). A file is only `stat`ed once
    some detector wants it, and not at all when the journal vouches for its last `stat`."""
    base_prefix = base + "/"
    walk = _Walk(root, base_prefix, exclude, result, seen_dirs, pruned_abs, trust)
    changes = trust.changes if trust is not None else None
    known = trust.known if trust is not None and changes is not None else None
    written = changes.files if changes is not None else set()
    stack: list[tuple[Iterator[tuple[str, bool]], list[tuple[str, _Spec]], bool]] = []
    opened = walk.open(folder, specs)
    if opened is not None:
        stack.append(opened)
    while stack:
        entries, folder_specs, trusted = stack[-1]
        for path, is_dir in entries:
            if is_dir:
                opened = walk.open(path, folder_specs)
                if opened is not None:
                    stack.append(opened)
                    break  # go down; this folder's iterator resumes after the child is done
                continue
            rel = path[len(base_prefix):] if path.startswith(base_prefix) else path
            if not wanted(rel, rel.rsplit("/", 1)[-1]):
                continue
            if trusted and known is not None and path not in written:
                last = known.get(path)
                if last is not None:
                    yield last
                    continue
            try:
                st_file = os.stat(path)
            except OSError:
                continue  # removed since the folder was listed
            if stat.S_ISREG(st_file.st_mode):
                yield WalkedFile(abspath=path, rel=rel, size=st_file.st_size, mtime_ns=st_file.st_mtime_ns)
        else:
            stack.pop()


# Git applies .gitignore to untracked files only: a committed file that a rule matches (a
# `.github` line over committed workflows, a `.env` committed with `git add -f`) is still part
# of the repository, and the walk keeps it. Asked of git once per index state: the answer (a
# few paths, usually none) changes only when the index does.
_TRACKED_IGNORED: dict[tuple[str, int], frozenset[str]] = {}


def _git_index(root: str) -> str | None:
    """The index file of the git work tree holding `root`, or None outside one."""
    folder = root
    while True:
        dot_git = os.path.join(folder, ".git")
        if os.path.isdir(dot_git):
            return os.path.join(dot_git, "index")
        if os.path.isfile(dot_git):  # a worktree or submodule: `gitdir: <path>`
            try:
                with open(dot_git, encoding="utf-8") as fh:
                    line = fh.readline().strip()
            except OSError:
                return None
            if line.startswith("gitdir:"):
                return os.path.join(os.path.join(folder, line[len("gitdir:"):].strip()), "index")
            return None
        parent = os.path.dirname(folder)
        if parent == folder:
            return None
        folder = parent


def tracked_but_ignored(root: str) -> frozenset[str]:
    """Absolute paths of the files under `root` that git tracks although an ignore rule
    matches them, and of the folders holding them; empty outside a git work tree or when git
    cannot answer (the walk then follows the ignore files alone)."""
    index = _git_index(root)
    if index is None:
        return frozenset()
    try:
        key = (root, os.stat(index).st_mtime_ns)
    except OSError:
        return frozenset()
    found = _TRACKED_IGNORED.get(key)
    if found is not None:
        return found
    try:
        out = subprocess.run(
            ["git", "-C", root, "ls-files", "-z", "--cached", "--ignored", "--exclude-standard"],
            capture_output=True, timeout=30, check=True,
        ).stdout
    except (OSError, subprocess.SubprocessError) as exc:
        log.debug("integrations: git ls-files in %s failed (%s); .gitignore rules alone apply", root, exc)
        out = b""
    paths: set[str] = set()
    for raw in out.split(b"\0"):
        if not raw:
            continue
        path = os.path.join(root, os.fsdecode(raw))
        while path != root and path not in paths and path.startswith(root + "/"):
            paths.add(path)
            path = os.path.dirname(path)
    found = frozenset(paths)
    if len(_TRACKED_IGNORED) > 64:
        _TRACKED_IGNORED.clear()
    _TRACKED_IGNORED[key] = found
    return found


class _Walk:
    """What stays the same for every folder of one walk of one root."""

    def __init__(
        self, root: str, base_prefix: str, exclude: pathspec.PathSpec | None, result: WalkResult,
        seen_dirs: set[tuple[int, int]], pruned_abs: set[str], trust: Trust | None,
    ) -> None:
        self.root, self.base_prefix, self.exclude, self.result = root, base_prefix, exclude, result
        self.seen_dirs, self.pruned_abs = seen_dirs, pruned_abs
        self.tracked = tracked_but_ignored(root)
        self.fixed_rules = (root, _exclude_key(exclude), tuple(sorted(pruned_abs)), self.tracked)
        self.journal = trust.journal if trust is not None and trust.journal.active else None
        self.changed = trust.changes.folders if trust is not None and trust.changes is not None else None

    def open(
        self, folder: str, specs: list[tuple[str, _Spec]]
    ) -> tuple[Iterator[tuple[str, bool]], list[tuple[str, _Spec]], bool] | None:
        """The folder's entries, the gitignore rules inside it, and whether the journal vouches
        for its files' last `stat`; or None to skip the folder."""
        base_prefix, result = self.base_prefix, self.result
        journal = self.journal
        trusted = (
            journal is not None and self.changed is not None and folder not in self.changed
            and journal.watching(folder)
        )
        listing = _LISTINGS.get(folder)
        if trusted and listing is not None:
            identity, mtime_ns, fresh = listing.identity, listing.mtime_ns, True
        else:
            if journal is not None:
                journal.watch(folder)  # before the listing is read: no change falls in between
            try:
                st = os.stat(folder)
            except OSError as exc:
                folder_rel = folder[len(base_prefix):] if folder.startswith(base_prefix) else folder
                result.warnings.append(f"{folder_rel}: cannot open folder ({exc.strerror or exc})")
                return None
            identity, mtime_ns = (st.st_dev, st.st_ino), st.st_mtime_ns
            fresh = listing is not None and listing.mtime_ns == mtime_ns and listing.identity == identity
        if identity in self.seen_dirs:
            return None  # a symlink loop or a second path to the same folder
        self.seen_dirs.add(identity)
        # An unchanged folder that had no .gitignore still has none (creating one changes
        # the folder's mtime); a changed one is read first, and its entries say.
        found = None
        if fresh and listing is not None:
            has_gitignore = listing.has_gitignore
        else:
            found = self.read(folder)
            if found is None:
                return None
            has_gitignore = any(e.name == ".gitignore" and e.is_file() for e in found)
        if has_gitignore:
            gi = folder + "/.gitignore"
            spec = _load_gitignore(Path(gi), result, gi[len(base_prefix):] if gi.startswith(base_prefix) else gi)
            if spec:
                specs = specs + [(folder + "/", spec)]
        rules = (self.fixed_rules, tuple(s.serial for _, s in specs))
        if not fresh or listing is None or listing.rules != rules:
            listing = self.list(folder, specs, mtime_ns, identity, rules, has_gitignore, found)
            if listing is None:
                return None
        result.ignored_env_files.extend(listing.ignored_env)
        return iter(listing.entries), specs, trusted

    def read(self, folder: str) -> list[os.DirEntry[str]] | None:
        """The folder's entries by name, or None (with a warning) when it cannot be listed."""
        try:
            with os.scandir(folder) as it:
                return sorted(it, key=_entry_name)
        except OSError as exc:
            base_prefix = self.base_prefix
            folder_rel = folder[len(base_prefix):] if folder.startswith(base_prefix) else folder
            self.result.warnings.append(f"{folder_rel}: cannot list folder ({exc.strerror or exc})")
            return None

    def list(
        self, folder: str, specs: list[tuple[str, _Spec]], mtime_ns: int, identity: tuple[int, int], rules: tuple,
        has_gitignore: bool, found: list[os.DirEntry[str]] | None,
    ) -> _Listing | None:
        """Decide each entry of a folder (pruned, excluded, gitignored, outside the root)."""
        root, base_prefix, exclude, result, pruned_abs, tracked = (
            self.root, self.base_prefix, self.exclude, self.result, self.pruned_abs, self.tracked
        )
        if found is None:
            found = self.read(folder)
            if found is None:
                return None
        warned = len(result.warnings)
        root_prefix = root + "/"
        if folder != root and _is_site_packages(found):
            found = []  # a vendored site-packages (SITE_PACKAGES_MIN_DIST_INFO): none of it is the app's
        parent_is_tooling = folder.rsplit("/", 1)[-1] in TOOL_COPY_PARENTS and folder != root
        parent_is_components = folder.rsplit("/", 1)[-1] in OWN_VENDOR_PARENTS and folder != root
        entries: list[tuple[str, bool]] = []
        ignored_env: list[str] = []
        for entry in found:
            path = entry.path
            rel = path[len(base_prefix):] if path.startswith(base_prefix) else path
            try:
                if entry.is_symlink():
                    target = os.path.realpath(path)
                    if target != root and not target.startswith(root_prefix):
                        log.debug("integrations: not following %s (points outside the source root)", rel)
                        continue
                    mode = entry.stat(follow_symlinks=True).st_mode
                    is_dir, is_file = stat.S_ISDIR(mode), stat.S_ISREG(mode)
                else:  # the folder listing's own file type: no stat per entry
                    is_dir = entry.is_dir(follow_symlinks=False)
                    is_file = not is_dir and entry.is_file(follow_symlinks=False)
            except (OSError, RuntimeError) as exc:
                if isinstance(exc, OSError) and exc.errno is not None and exc.errno not in (2, 40):
                    result.warnings.append(f"{rel}: cannot read ({exc.strerror or exc})")
                continue
            if is_dir:
                if path in pruned_abs or (
                    entry.name in PRUNED_DIRS and not (parent_is_components and entry.name == "vendor")
                ):
                    continue  # (a components folder's `vendor/` is the app's: OWN_VENDOR_PARENTS)
                markers = VENDORED_FRAMEWORKS.get(entry.name)
                if markers and any(os.path.isfile(path + "/" + m) for m in markers):
                    continue
                if parent_is_tooling and os.path.isdir(path + "/.github"):
                    continue  # a copied-in tool's repository (TOOL_COPY_PARENTS)
                if exclude is not None and (exclude.match_file(rel + "/") or exclude.match_file(rel)):
                    continue
                if _ignored(path, True, specs) and path not in tracked:
                    continue
                entries.append((path, True))
                continue
            if not is_file:
                continue
            if exclude is not None and exclude.match_file(rel):
                continue
            if _ignored(path, False, specs) and path not in tracked:
                # `.env*` then `!.env.example` in the wrong order ignores the template too,
                # yet it is committed (git ignores only untracked files): its names are read.
                if env_file_kind(entry.name) != "template":
                    if entry.name.startswith(ENV_FILE_PREFIX):
                        ignored_env.append(rel)
                    continue
            entries.append((path, False))
        listing = _Listing(mtime_ns, identity, rules, tuple(entries), tuple(ignored_env), has_gitignore)
        # Keep it unless reading it warned (warn again next time) or the folder just changed.
        if len(result.warnings) == warned and time.time_ns() - mtime_ns > _RACY_NS:
            if len(_LISTINGS) >= _MAX_LISTINGS:
                _LISTINGS.clear()
            _LISTINGS[folder] = listing
        else:
            _LISTINGS.pop(folder, None)  # the last one is out of date: never trust it again
        return listing
