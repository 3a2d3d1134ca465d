"""GoReleaser configs: where a release publishes (`.goreleaser.yaml` and its variants).

GoReleaser is how many Go projects (and CLIs written in other languages) release: the CI
workflow only runs `goreleaser release`, and the config says where the artifacts go. Its
publishers are sections of the config, not commands, so the catalog's `deploy_steps` never
see them:

- `dockers`, `dockers_v2`, `docker_manifests`, `kos`: container images pushed under the
  names in `image_templates` / `images` / `name_template` / `repositories`; the registry is
  the name's first segment when that is a host (`ghcr.io/acme/app`, `quay.io/acme/app`),
  Docker Hub when the name has none (`acme/app`);
- `npms`: the binaries published as an npm package (GoReleaser Pro);
- package-manager publishers, one section per channel: `brews` / `homebrew_casks` (a formula
  or cask pushed to a Homebrew tap), `scoops` (a Scoop bucket manifest), `winget` (a manifest
  pull request to winget-pkgs), `chocolateys` (a package pushed to the Chocolatey community
  feed), `snapcrafts` (a snap uploaded to the Snap Store), `aurs` / `aur_sources` (a PKGBUILD
  pushed to the AUR). An entry with `skip_upload: true` only writes the file locally;
- `release.github` (`owner` / `name`): the release itself, created on GitHub Releases through
  GitHub's API with the archives and checksums uploaded to it. Only the explicit section counts:
  a `release:` without it goes to whichever forge the git remote is on (GitHub, GitLab, Gitea),
  which the config does not say; `release.disable: true` publishes nothing.

Records: FEATURE "deploy:<host id>" and "deploy_from:<path>", as the CI detector and the
release recipes give for a publishing command.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from ...model import FEATURE, Evidence
from ...paths import is_test_path
from . import _infra as y
from .base import Context, Detector, Record, Source

# `.goreleaser.yml`, `.goreleaser.yaml`, `goreleaser.yaml`, `.goreleaser-nightly.yml`,
# `.goreleaser.service.yaml` (one config per release flavour).
_CONFIG_NAME = re.compile(r"^\.?goreleaser(?:[.-][\w.-]{1,60})?\.ya?ml$")
_IMAGE_SECTIONS = ("dockers", "dockers_v2", "docker_manifests", "kos")
_IMAGE_KEYS = ("image_templates", "images", "name_template", "repositories", "repository")
_DOCKER_HUB = "docker-hub"
# Publisher sections of a package-manager channel -> the channel's catalog id. Each is a list
# of entries (`scoop:` and `brew:` were GoReleaser's older single-entry mappings).
_CHANNEL_SECTIONS = {
    "brews": "homebrew", "brew": "homebrew", "homebrew_casks": "homebrew",
    "scoops": "scoop", "scoop": "scoop",
    "winget": "winget",
    "chocolateys": "chocolatey",
    "snapcrafts": "snapcraft",
    "aurs": "aur", "aur_sources": "aur",
}
_DOCKER_HUB_HOSTS = frozenset({"docker.io", "index.docker.io", "registry-1.docker.io"})


def _registry(ctx: Context, image: str) -> str | None:
    """The registry service an image name is pushed to, or None when the name does not say
    (a templated registry `{{ .Env.REGISTRY }}/app`, an unknown host)."""
    name = image.strip().strip("'\"")
    if not name or name.startswith("{{") or name.startswith("$"):
        return None
    first, sep, _rest = name.partition("/")
    if not sep:
        return None  # `app:tag`: an official-looking name no project pushes to
    if "." in first or ":" in first or first == "localhost":
        host = first.split(":", 1)[0].lower()
        if host in _DOCKER_HUB_HOSTS:
            return _DOCKER_HUB
        sid = ctx.index.host(host)
        service = ctx.catalog.services.get(sid) if sid else None
        return sid if service is not None and service.category == "hosting" else None
    if "{{" in first:
        return None  # `{{ .Env.ORG }}/app` may still be on Docker Hub, but the name does not say
    return _DOCKER_HUB  # `acme/app`: an account on Docker Hub


def _published(root, ctx: Context) -> Iterator[tuple[str, int]]:
    for section, key_node, value in y.pairs(root):
        if section == "npms" and y.items(value):
            yield "npm-registry", y.line(key_node)
        elif section in _CHANNEL_SECTIONS:
            entries = y.items(value) or ([value] if y.pairs(value) else [])
            if any((y.scalar(y.get(entry, "skip_upload")) or "").lower() != "true" for entry in entries):
                yield _CHANNEL_SECTIONS[section], y.line(key_node)
        elif section == "release" and (y.scalar(y.get(value, "disable")) or "").lower() != "true":
            # `github: {owner: acme, name: app}`: GitHub Releases, through GitHub's API
            if y.pairs(y.get(value, "github")):
                yield "github", y.line(y.key_node(value, "github"))
        elif section in _IMAGE_SECTIONS:
            for entry in y.items(value):
                for key in _IMAGE_KEYS:
                    for image, ln in y.strings(y.get(entry, key)):
                        target = _registry(ctx, image)
                        if target:
                            yield target, ln


def detect(src: Source, ctx: Context) -> Iterator[Record]:
    seen: set[str] = set()
    for root in y.yaml_docs(src):
        for target, ln in _published(root, ctx):
            if target in seen or target not in ctx.catalog.services:
                continue
            seen.add(target)
            yield Evidence(path=src.rel, line=ln, kind=FEATURE, name=f"deploy:{target}", service=target)
            yield Evidence(path=src.rel, line=ln, kind=FEATURE, name=f"deploy_from:{src.rel}", service=target)


DETECTOR = Detector(
    name="goreleaser",
    accepts=lambda rel, name, ctx: bool(_CONFIG_NAME.match(name)) and not is_test_path(rel),
    detect=detect,
)
