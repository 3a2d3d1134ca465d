"""The inventory's records: what pages, exports and merges read.

Kept apart from the resolution rules so that readers of an inventory (renderers, exporters,
the merge of several repositories' inventories) depend on the records only.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from ..catalog import Service
from ..model import Evidence, Finding

# How sure we are that a service is used, strongest first.
STRENGTHS = ("used", "configured", "declared", "env", "host", "overlay")
STRENGTH_LABELS = {
    "overlay": "documented by hand in the overlay (not visible in the code)",
    "used": "imported and used in code",
    "configured": "configured in infrastructure files",
    "declared": "declared as a dependency, no use found in code",
    "env": "environment variables only",
    "host": "API hostname in code only",
}
MANIFESTS = frozenset({
    "package.json", "pyproject.toml", "requirements.txt", "Pipfile", "setup.cfg", "go.mod", "Gemfile",
    "Cargo.toml", "composer.json", "pom.xml", "build.gradle", "build.gradle.kts",
})


@dataclass
class PackageUse:
    name: str
    ecosystem: str
    declared: str  # version spec from the manifest
    resolved: str  # version from a lockfile, when there is one
    path: str
    line: int

    @property
    def version(self) -> str:
        return self.resolved or self.declared


@dataclass
class ServiceUse:
    service: Service
    strength: str
    evidence: list[Evidence] = field(default_factory=list)
    packages: list[PackageUse] = field(default_factory=list)
    env_vars: list[str] = field(default_factory=list)
    endpoints: list[str] = field(default_factory=list)
    hosts: list[str] = field(default_factory=list)
    buckets: list[str] = field(default_factory=list)
    templates: list[str] = field(default_factory=list)
    events: list[str] = field(default_factory=list)
    scopes: list[str] = field(default_factory=list)
    features: dict[str, list[str]] = field(default_factory=dict)
    clients: list[str] = field(default_factory=list)  # client names ("Prisma ORM 5.8.1")
    providers: list[str] = field(default_factory=list)  # service ids hosting this one (supabase)
    used_by: list[str] = field(default_factory=list)  # app folders in a monorepo
    purpose: str = ""
    annotations: dict[str, Any] = field(default_factory=dict)  # from the overlay
    repos: list[str] = field(default_factory=list)  # repositories using it, when several are merged
    migrations: list[str] = field(default_factory=list)

    @property
    def id(self) -> str:
        return self.service.id

    @property
    def name(self) -> str:
        return self.service.name

    @property
    def category(self) -> str:
        return self.service.category


@dataclass
class EnvVar:
    name: str
    services: list[str] = field(default_factory=list)
    declared_in: list[tuple[str, int, str]] = field(default_factory=list)  # path, line, environment
    read_in: list[tuple[str, int]] = field(default_factory=list)
    ci_in: list[tuple[str, int]] = field(default_factory=list)
    optional: bool = False

    @property
    def environments(self) -> list[str]:
        return sorted({env for _, _, env in self.declared_in})


@dataclass
class Webhook:
    direction: str  # incoming | outgoing
    name: str  # route for incoming; target for outgoing
    service: str  # service id or ""
    path: str
    line: int
    verification: str = ""
    events: list[str] = field(default_factory=list)
    trigger: str = ""
    retry: str = ""


@dataclass
class Inventory:
    analysis_date: str
    services: list[ServiceUse]
    env_vars: list[EnvVar]
    webhooks: list[Webhook]
    findings: list[Finding]
    env_files: list[tuple[str, str, str]]  # path, kind (template|real), environment
    ignored_env_files: list[str]
    other_hosts: list[tuple[str, str, int]]  # host, path, line: APIs outside the catalog
    files_scanned: int
    apps: list[str]
    warnings: list[str]
    planned: dict[str, str] = field(default_factory=dict)  # category → overlay words
    none_notes: dict[str, str] = field(default_factory=dict)  # category → overlay words
    environments: dict[str, dict[str, str]] = field(default_factory=dict)  # overlay notes
    repositories: list[str] = field(default_factory=list)  # set when other repos' inventories are merged

    def by_category(self, category: str) -> list[ServiceUse]:
        return [s for s in self.services if s.category == category]

    def get(self, sid: str) -> ServiceUse | None:
        for s in self.services:
            if s.id == sid:
                return s
        return None

