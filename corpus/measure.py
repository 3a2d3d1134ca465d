"""Recall and precision of the scanner on hand-labelled real applications.

Labels (corpus/labels/*.yaml) were written by reading each application's code; the
applications themselves are not in this repository. Fetch each one at the labelled commit
and unpack it to CORPUS_DIR/<app> (default /tmp/corpus), then run:

    python corpus/measure.py [--corpus-dir /tmp/corpus] [--app NAME] [--details]

A label's `services` must be found (recall); a detected service that is neither labelled
nor listed under `optional` is a false positive (precision). Env vars of every labelled
.env.example-style file must be listed.
"""

from __future__ import annotations

import argparse
import sys
from collections import defaultdict
from pathlib import Path

import yaml

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))

from mkdocs_integrations.pipeline import build_inventory  # noqa: E402
from mkdocs_integrations.scan import Scanner  # noqa: E402


def load_aliases() -> dict[str, str]:
    path = HERE / "aliases.yaml"
    return yaml.safe_load(path.read_text()) or {} if path.exists() else {}


def spelling_key(aliases: dict[str, str], catalog_ids: set[str]):
    """Labels and the scanner compare ids after aliases and without hyphens: `dash-dot` and
    `dashdot`, `rotten-tomatoes` and `rottentomatoes` spell one vendor's name. Catalog ids that
    differ only by a hyphen (ip-api.com and ipapi.co) are two vendors and keep their hyphens."""
    squashed: dict[str, set[str]] = defaultdict(set)
    for cid in catalog_ids:
        squashed[cid.replace("-", "")].add(cid)
    distinct = {cid for ids in squashed.values() if len(ids) > 1 for cid in ids}

    def key(raw: str) -> str:
        name = aliases.get(raw, raw)
        return name if name in distinct else name.replace("-", "")

    return key


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus-dir", default="/tmp/corpus", type=Path)
    parser.add_argument("--app", action="append", help="only these apps")
    parser.add_argument("--details", action="store_true", help="list misses and false positives")
    parser.add_argument("--held-out", action="store_true", help="only the apps labelled held_out: true")
    parser.add_argument("--tuning", action="store_true", help="only the apps not held out")
    args = parser.parse_args()
    scanner = Scanner()
    key = spelling_key(load_aliases(), set(scanner.catalog.services))
    per_cat = defaultdict(lambda: [0, 0, 0])  # tp, fn, fp
    env_total = env_found = 0
    rows = []
    for label_file in sorted((HERE / "labels").glob("*.yaml")):
        label = yaml.safe_load(label_file.read_text())
        app = label["app"]
        if args.app and app not in args.app:
            continue
        if (args.held_out and not label.get("held_out")) or (args.tuning and label.get("held_out")):
            continue
        root = args.corpus_dir / app
        if not root.is_dir():
            print(f"skip {app}: {root} not found (fetch {label['repo']} at {label['commit']})", file=sys.stderr)
            continue
        inv, seconds = build_inventory(scanner, [root], root, analysis_date="2000-01-01")
        found = {key(u.id): u.category for u in inv.services}
        want = {key(s["id"]): s["category"] for s in label.get("services", [])}
        spelt = {key(u.id): u.id for u in inv.services} | {key(s["id"]): s["id"] for s in label.get("services", [])}
        optional = {key(s["id"]) for s in label.get("optional", []) or []}
        tp = [s for s in want if s in found]
        fn = [s for s in want if s not in found]
        fp = [s for s in found if s not in want and s not in optional]
        for s in tp:
            per_cat[want[s]][0] += 1
        for s in fn:
            per_cat[want[s]][1] += 1
        for s in fp:
            per_cat[found[s]][2] += 1
        declared = {v.name for v in inv.env_vars if v.declared_in}
        for f in label.get("env_files", []) or []:
            names = set(f.get("vars") or [])
            env_total += len(names)
            env_found += len(names & declared)
            if args.details and names - declared:
                print(f"\n{app}: env vars of {f.get('path')} not listed {sorted(names - declared)}")
        rows.append((app + (" (held out)" if label.get("held_out") else ""), len(tp), len(fn), len(fp), inv.files_scanned, seconds))
        if args.details:
            print(f"\n{app}: missed {sorted(spelt[s] for s in fn)}\n{app}: false positives {sorted(spelt[s] for s in fp)}")
    print(f"\n{'app':<27}{'TP':>5}{'FN':>5}{'FP':>5}{'recall':>9}{'precision':>11}{'files':>8}{'sec':>7}")
    for app, tp, fn, fp, files, sec in rows:
        r = tp / (tp + fn) if tp + fn else 1.0
        p = tp / (tp + fp) if tp + fp else 1.0
        print(f"{app:<27}{tp:>5}{fn:>5}{fp:>5}{r:>9.0%}{p:>11.0%}{files:>8}{sec:>7.2f}")
    print(f"\n{'category':<16}{'TP':>5}{'FN':>5}{'FP':>5}{'recall':>9}{'precision':>11}")
    totals = [0, 0, 0]
    for cat in sorted(per_cat):
        tp, fn, fp = per_cat[cat]
        totals = [a + b for a, b in zip(totals, (tp, fn, fp))]
        r = tp / (tp + fn) if tp + fn else 1.0
        p = tp / (tp + fp) if tp + fp else 1.0
        print(f"{cat:<16}{tp:>5}{fn:>5}{fp:>5}{r:>9.0%}{p:>11.0%}")
    tp, fn, fp = totals
    print(f"{'ALL':<16}{tp:>5}{fn:>5}{fp:>5}{tp / max(tp + fn, 1):>9.0%}{tp / max(tp + fp, 1):>11.0%}")
    if env_total:
        print(f"\nenv vars of .env.example-style files listed: {env_found}/{env_total} ({env_found / env_total:.0%})")
    # Real apps hide costs a synthetic tree cannot show (one app's 552 generated migration
    # snapshots): the slowest scans per file are where to profile next.
    slow = sorted(rows, key=lambda r: (-r[5] / max(r[4], 1), r[0]))[:5]
    print("\nslowest scans (ms per file): " + ", ".join(
        f"{app} {1000 * sec / max(files, 1):.1f} ({files} files, {sec:.1f} s)" for app, _, _, _, files, sec in slow))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
