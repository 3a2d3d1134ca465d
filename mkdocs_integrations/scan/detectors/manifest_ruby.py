"""Ruby gems: Gemfile (declared gems, version constraints, groups) and Gemfile.lock.

A Gemfile is Ruby code, so it is read line by line with the few shapes Bundler documents
(`gem`, `group ... do`, `group:` options) rather than evaluated.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from ...model import PACKAGE, Evidence
from ..lexing import HASH, strip_comments
from .base import BadInput, Context, Detector, Record, Source

_GEM = re.compile(r"""^\s*gem[\s(]+(['"])([^'"\n]*)(\1?)""")
_QUOTED = re.compile(r"""\s*,\s*(['"])([^'"\n]*)\1""")
_VERSIONS = re.compile(r"""(?:\s*,\s*(['"])[^'"\n]*\1)*""")
_GROUP_OPT = re.compile(r"""\b(?:group|groups)\s*(?::|=>)\s*(\[[^\]]*\]|:\w+|['"]\w+['"])""")
_GROUP_BLOCK = re.compile(r"^\s*group\s*\(?\s*([^)]*?)\s*\)?\s*do\s*(?:\|[^|]*\|)?\s*$")
_OPENS_BLOCK = re.compile(r"(?:\bdo\s*(?:\|[^|]*\|)?|^\s*(?:if|unless|case|begin|def|while|until)\b.*)\s*$")
_END = re.compile(r"^\s*end\b")
_SYMBOLS = re.compile(r""":(\w+)|['"](\w+)['"]""")


def _symbols(text: str) -> list[str]:
    return [a or b for a, b in _SYMBOLS.findall(text)]


def detect_gemfile(src: Source, ctx: Context) -> Iterator[Record]:
    text = strip_comments(src.text, HASH)
    stack: list[list[str]] = []  # one entry per open block: the groups it adds
    for lineno, line in enumerate(text.splitlines(), start=1):
        group = _GROUP_BLOCK.match(line)
        if group:
            stack.append(_symbols(group.group(1)))
            continue
        gem = _GEM.match(line)
        if gem:
            if not gem.group(3):
                raise BadInput("unterminated string in gem declaration", lineno)
            name = gem.group(2).strip()
            if not name:
                raise BadInput("gem declaration without a name", lineno)
            rest = line[gem.end():]
            # Version constraints are the strings right after the name, before any option.
            versions = [q.group(2) for q in _QUOTED.finditer(_VERSIONS.match(rest).group(0))]
            groups = [g for level in stack for g in level]
            opt = _GROUP_OPT.search(rest)
            if opt:
                groups += _symbols(opt.group(1))
            detail = (("group", ",".join(dict.fromkeys(groups))),) if groups else ()
            yield Evidence(
                path=src.rel, line=lineno, kind=PACKAGE, name=name,
                version=", ".join(versions)[:60], ecosystem="rubygems", detail=detail,
            )
            if _OPENS_BLOCK.search(line):
                stack.append([])
            continue
        if _END.match(line):
            if stack:
                stack.pop()
            continue
        if _OPENS_BLOCK.search(line):
            stack.append([])


# A resolved spec is indented four spaces under `specs:`: `    stripe (10.1.0)`.
_SPEC = re.compile(r"^    (\S+) \(([^)\s]+)\)\s*$")
_SPEC_SHAPE = re.compile(r"^    \S")


# A spec's own dependency, indented six spaces under it: `      redis-client (>= 0.11.0)`.
_SPEC_DEP = re.compile(r"^      (\S+)(?: \([^)]*\))?\s*$")
# A gem the app declares, in the DEPENDENCIES section: `  sidekiq`, `  sidekiq (~> 7.0)!`.
_DIRECT = re.compile(r"^  ([^\s(!]+)")
# A job queue's backing store: the categories of a queue gem's dependency that hold its jobs.
_STORE_CATEGORIES = frozenset({"cache", "database"})


def _service_category(name: str, ctx: Context) -> str | None:
    hits = ctx.index.package("rubygems", name)
    return ctx.catalog.services[hits[0][0]].category if hits else None


def detect_gemfile_lock(src: Source, ctx: Context) -> Iterator[Record]:
    """Resolved versions of the gems the catalog knows: a lockfile names hundreds of gems.

    Also the backing store of a job queue the app declares: Sidekiq and Resque keep their
    jobs in Redis and depend on its client gem (`sidekiq (7.0.2)` → `redis-client`), so an app
    that runs them runs Redis even with no Redis setting of its own (the default connection).
    That store's gem is reported as the app's own (not `locked`), since the queue needs it."""
    spec: str | None = None
    deps: dict[str, list[tuple[int, str]]] = {}  # spec → its dependencies' (line, name)
    direct: set[str] = set()
    section = ""
    for lineno, line in enumerate(src.text.splitlines(), start=1):
        if line and not line[0].isspace():
            section = line.strip()
            continue
        if section == "DEPENDENCIES":
            d = _DIRECT.match(line)
            if d:
                direct.add(d.group(1))
            continue
        dep = _SPEC_DEP.match(line)
        if dep and spec is not None:
            deps.setdefault(spec, []).append((lineno, dep.group(1)))
            continue
        if not _SPEC_SHAPE.match(line):
            continue
        m = _SPEC.match(line)
        if not m:
            if re.match(r"^    [^\s(]+ \(", line):
                raise BadInput("malformed spec line (expected 'name (version)')", lineno)
            continue
        name, version = m.group(1), m.group(2)
        spec = name
        if ctx.index.package("rubygems", name) or ctx.index.client_package("rubygems", name):
            yield Evidence(
                path=src.rel, line=lineno, kind=PACKAGE, name=name, version=version,
                ecosystem="rubygems", detail=(("locked", "1"),),
            )
    for queue in sorted(direct):
        if _service_category(queue, ctx) != "queue":
            continue
        for lineno, name in deps.get(queue, ()):
            if _service_category(name, ctx) in _STORE_CATEGORIES:
                yield Evidence(
                    path=src.rel, line=lineno, kind=PACKAGE, name=name, ecosystem="rubygems",
                    detail=(("required_by", queue),),
                )


# A Gemfile variant beside the main one, selected with Bundler's `BUNDLE_GEMFILE`
# (`Gemfile.next` for the next Rails, `Gemfile.saas` for a hosted build that `eval_gemfile`s the
# base one and adds its own gems), with its own lockfile `Gemfile.<variant>.lock`.
# Not a generator's template of one (`Gemfile.tt`, `Gemfile.erb`) nor an example.
_VARIANT = re.compile(r"^Gemfile\.(?!(?:tt|erb|template|example|sample|dist|orig|bak)(?:\.|$))[A-Za-z][\w-]*(\.lock)?$")


def _is_lock(name: str) -> bool:
    return name in ("Gemfile.lock", "gems.locked") or (name.endswith(".lock") and bool(_VARIANT.match(name)))


def _dispatch(src: Source, ctx: Context) -> Iterator[Record]:
    if _is_lock(src.name):
        return detect_gemfile_lock(src, ctx)
    return detect_gemfile(src, ctx)


DETECTOR = Detector(
    name="ruby-gems",
    accepts=lambda rel, name, ctx: name in ("Gemfile", "Gemfile.lock", "gems.rb", "gems.locked") or bool(_VARIANT.match(name)),
    detect=_dispatch,
)
