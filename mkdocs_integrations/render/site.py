"""What the target site can display, and where source lines live on the repository host.

Pages use Material's admonitions, Mermaid, tags and icons only when the user's
configuration has them, and plain Markdown otherwise, so they read well on any theme.
"""

from __future__ import annotations

import os
import subprocess
from dataclasses import dataclass
from pathlib import Path

from .escape import url_path


@dataclass(frozen=True)
class Features:
    material: bool = False
    admonition: bool = False
    mermaid: bool = False
    tabs: bool = False
    emoji: bool = False
    tags: bool = False
    attr_list: bool = False

    @classmethod
    def from_mkdocs(cls, config) -> Features:
        exts = set(config.markdown_extensions or [])
        fences = (config.mdx_configs or {}).get("pymdownx.superfences", {}).get("custom_fences", []) or []
        mermaid = any(isinstance(f, dict) and f.get("name") == "mermaid" for f in fences)
        theme = getattr(config.theme, "name", None) or ""
        plugins = config.plugins or {}
        return cls(
            material=theme == "material",
            admonition="admonition" in exts,
            mermaid=mermaid,
            tabs="pymdownx.tabbed" in exts,
            emoji="pymdownx.emoji" in exts and theme == "material",
            tags="tags" in plugins or "material/tags" in plugins,
            attr_list="attr_list" in exts,
        )


@dataclass(frozen=True)
class SourceLinks:
    """Turns (path, line) into a URL on the repository host, or None when unknown."""

    blob_base: str = ""  # e.g. https://github.com/o/r/blob/main/
    prefix: str = ""  # path of the project root inside the repository ("" or "sub/dir/")

    def url(self, path: str, line: int = 0) -> str | None:
        if not self.blob_base:
            return None
        anchor = f"#L{line}" if line else ""
        return f"{self.blob_base}{url_path(self.prefix + path)}{anchor}"

    @classmethod
    def from_mkdocs(cls, config, explicit: str | None, project_root: Path) -> SourceLinks:
        repo_root = git_root(project_root) or project_root
        try:
            prefix = project_root.resolve().relative_to(repo_root.resolve()).as_posix()
        except ValueError:
            prefix = ""
        prefix = "" if prefix in ("", ".") else prefix + "/"
        if explicit:
            return cls(explicit.rstrip("/") + "/", prefix)
        repo_url = (config.repo_url or "").rstrip("/")
        if not repo_url:
            return cls("", prefix)
        edit_uri = config.edit_uri or ""
        docs_rel = ""
        try:
            docs_rel = Path(config.docs_dir).resolve().relative_to(repo_root.resolve()).as_posix()
        except ValueError:
            pass
        blob = blob_path(edit_uri, docs_rel)
        if blob is None:
            return cls("", prefix)
        return cls(f"{repo_url}/{blob}", prefix)


def blob_path(edit_uri: str, docs_rel: str) -> str | None:
    """'edit/main/docs/' → 'blob/main/'; '-/edit/main/docs/' → '-/blob/main/'.

    The branch is read from the user's edit_uri, so links point where their edit links do.
    """
    edit_uri = edit_uri.strip("/")
    if not edit_uri or edit_uri.startswith(("http://", "https://", "?")):
        return None
    parts = edit_uri.split("/")
    if docs_rel and edit_uri.endswith(docs_rel):
        parts = edit_uri[: -len(docs_rel)].strip("/").split("/")
    for i, part in enumerate(parts):
        if part in ("edit", "blob", "tree", "src"):
            action = "src" if part == "src" else "blob"
            branch = "/".join(parts[i + 1 :]) if docs_rel else "/".join(parts[i + 1 : i + 2])
            if not branch:
                return None
            return "/".join(parts[:i] + [action, branch]) + "/"
    return None


def git_root(start: Path) -> Path | None:
    for folder in [start.resolve(), *start.resolve().parents]:
        if (folder / ".git").exists():
            return folder
    return None


def analysis_date(project_root: Path) -> str:
    """SOURCE_DATE_EPOCH, else the last commit's date, else today: reproducible builds."""
    import datetime as dt

    epoch = os.environ.get("SOURCE_DATE_EPOCH", "").strip()
    if epoch.isdigit():
        return dt.datetime.fromtimestamp(int(epoch), tz=dt.timezone.utc).date().isoformat()
    if git_root(project_root):
        try:
            out = subprocess.run(
                ["git", "-C", str(project_root), "log", "-1", "--format=%cs"],
                capture_output=True, text=True, timeout=5, check=False,
            ).stdout.strip()
            if len(out) == 10:
                return out
        except (OSError, subprocess.SubprocessError):
            pass
    return dt.date.today().isoformat()
