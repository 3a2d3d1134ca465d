"""Make each unpacked corpus copy hold its labelled env files as git would.

A snapshot unpacked from an archive has no `.git`, so a committed `.env` that a `.gitignore`
rule matches (`.env` committed with `git add -f`, `translate/.env` under a `.*` rule) looks
like a developer's local secrets file, and the scanner rightly never reads those. In the real
checkout git tracks it and the scanner reads it. This gives each copy a git index holding just
those files, so the measure sees what a user's build sees. Idempotent; prints what it tracked.

    python corpus/track_env_files.py [--corpus-dir /tmp/corpus]
"""

from __future__ import annotations

import argparse
import subprocess
from pathlib import Path

import yaml

LABELS = Path(__file__).parent / "labels"


def track(corpus_dir: Path) -> None:
    for label in sorted(LABELS.glob("*.yaml")):
        data = yaml.safe_load(label.read_text(encoding="utf-8"))
        root = corpus_dir / data["app"]
        paths = [e["path"] for e in data.get("env_files") or () if (root / e["path"]).is_file()]
        if not paths:
            continue
        fresh = not (root / ".git").exists()
        if fresh:
            subprocess.run(["git", "init", "-q", str(root)], check=True)
        ignored = [p for p in paths if subprocess.run(["git", "-C", str(root), "check-ignore", "-q", "--", p]).returncode == 0]
        if ignored:
            subprocess.run(["git", "-C", str(root), "add", "-f", "--", *ignored], check=True)
            print(data["app"], " ".join(ignored))
        elif fresh:
            subprocess.run(["rm", "-rf", str(root / ".git")], check=True)


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus-dir", type=Path, default=Path("/tmp/corpus"))
    track(parser.parse_args().corpus_dir)
