#!/usr/bin/env python3
"""One cold scan in a fresh process: wall time and CPU time of the process plus its workers.

    python benchmarks/cold_cpu.py REPO TREE     # REPO: a checkout of this project (compare two commits)

Wall time on a shared 2-core machine moves with whatever else runs; CPU time (user + system,
parent and worker processes) moves much less, so this is the figure to compare two commits
with. Nothing here asserts timings.
"""

from __future__ import annotations

import resource
import sys
import time
from pathlib import Path


def _cpu() -> float:
    own, children = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + children.ru_utime + children.ru_stime


def main() -> int:
    repo, tree = sys.argv[1], Path(sys.argv[2])
    sys.path.insert(0, repo)
    from mkdocs_integrations.catalog import load_catalog
    from mkdocs_integrations.scan import Scanner, ScanOptions

    load_catalog()  # parsed once per process; timed apart, as in run.py
    cpu0, t0 = _cpu(), time.perf_counter()
    result = Scanner().scan(ScanOptions(roots=[tree], base=tree))
    print(f"{repo}: wall {time.perf_counter() - t0:.2f} s, cpu {_cpu() - cpu0:.2f} s, evidence {len(result.evidence)}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
