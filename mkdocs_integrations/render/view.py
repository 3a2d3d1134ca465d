"""The main page's content, field by field, as the template asks for it.

Each template subsection has its own fields ("SDK/Client", "Auth", "Endpoints used" for
payment…). Values are built here from the inventory as `Markup` (already escaped), and a
human's words from the overlay win over what the scanner inferred.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from markupsafe import Markup

from ..inventory import Inventory, ServiceUse
from .escape import code, md

# Section → subsections, in the template's order, with the template's headings.
SECTIONS: tuple[tuple[str, tuple[tuple[str, str], ...]], ...] = (
    ("APIs & External Services", (
        ("payment", "Payment Processing"),
        ("email_sms", "Email/SMS"),
        ("external_api", "External APIs"),
    )),
    ("Data Storage", (
        ("database", "Databases"),
        ("file_storage", "File Storage"),
        ("cache", "Caching"),
        ("queue", "Queues & Background Jobs"),
    )),
    ("Authentication & Identity", (
        ("auth_provider", "Auth Provider"),
        ("oauth", "OAuth Integrations"),
    )),
    ("Monitoring & Observability", (
        ("error_tracking", "Error Tracking"),
        ("analytics", "Analytics"),
        ("logs", "Logs"),
    )),
    ("CI/CD & Deployment", (
        ("hosting", "Hosting"),
        ("ci", "CI Pipeline"),
    )),
)

CATEGORY_TITLES = {cat: title for _, subs in SECTIONS for cat, title in subs}

# The template's fields per subsection.
FIELDS: dict[str, tuple[str, ...]] = {
    "payment": ("SDK/Client", "Auth", "Endpoints used"),
    "email_sms": ("SDK/Client", "Auth", "Templates"),
    "external_api": ("Integration method", "Auth", "Rate limits"),
    "database": ("Connection", "Client", "Migrations"),
    "file_storage": ("SDK/Client", "Auth", "Buckets"),
    "cache": ("Connection", "Client"),
    "queue": ("Connection", "Client"),
    "auth_provider": ("Implementation", "Token storage", "Session management"),
    "oauth": ("Credentials", "Scopes"),
    "error_tracking": ("DSN", "Release tracking"),
    "analytics": ("Token", "Events tracked"),
    "logs": ("Integration",),
    "hosting": ("Deployment", "Environment vars"),
    "ci": ("Workflows", "Secrets"),
}

_CREDENTIAL_NAME = re.compile(r"(KEY|SECRET|TOKEN|PASSWORD|PASS|DSN|SID|CREDENTIALS?|AUTH)(_|$)")
_URL_NAME = re.compile(r"(URL|URI|HOST|DSN|CONNECTION|CONN)(_|$)")


@dataclass
class Entry:
    use: ServiceUse | None
    title: Markup
    purpose: Markup
    fields: list[tuple[str, Markup]] = field(default_factory=list)


def _codes(names: list[str]) -> Markup:
    return Markup(", ").join(code(n) for n in names)


def _env_phrase(names: list[str]) -> Markup:
    if not names:
        return Markup("")
    suffix = " env var" if len(names) == 1 else " env vars"
    return Markup("in ") + _codes(names) + Markup(suffix)


def credential_vars(use: ServiceUse, inv: Inventory | None = None) -> list[str]:
    own = [n for n in use.env_vars if _CREDENTIAL_NAME.search(n.upper())]
    shared = []
    if inv is not None and use.service.auth_env:
        known = {v.name for v in inv.env_vars}
        shared = [n for n in use.service.auth_env if n in known and n not in own]
    return own + shared


def connection_vars(use: ServiceUse) -> list[str]:
    return [n for n in use.env_vars if _URL_NAME.search(n.upper())]


def webhook_vars(use: ServiceUse) -> list[str]:
    return sorted({e.name.removeprefix("URL in ") for e in use.evidence if e.kind == "webhook_out"})


def sdk_line(use: ServiceUse) -> Markup:
    if not use.packages:
        return Markup("")
    parts = []
    for p in use.packages[:3]:
        eco = {"npm": "npm package", "pypi": "PyPI package", "go": "Go module", "rubygems": "gem",
               "maven": "Maven artifact", "nuget": "NuGet package", "packagist": "Composer package",
               "crates": "crate", "hex": "Hex package", "shards": "shard"}.get(p.ecosystem, "package")
        version = _short_version(p.version)
        parts.append(code(p.name) + Markup(f" {eco}") + (Markup(" v") + md(version) if version else Markup("")))
    return Markup(", ").join(parts)


def _short_version(spec: str) -> str:
    m = re.search(r"\d+(?:\.\d+){0,2}", spec or "")
    return m.group(0) if m else ""


def auth_line(use: ServiceUse, inv: Inventory | None = None) -> Markup:
    creds = credential_vars(use, inv)
    if creds:
        kind = use.service.credential or "Credentials"
        return md(kind) + Markup(" ") + _env_phrase(creds)
    hooks = webhook_vars(use)
    if hooks:
        return md("Secret webhook URL ") + _env_phrase(hooks)
    return Markup("")


def integration_method(use: ServiceUse) -> Markup:
    sdk = sdk_line(use)
    methods = use.features.get("http_client", [])
    if sdk:
        return Markup("SDK: ") + sdk
    if webhook_vars(use):
        return md("Outgoing webhook (HTTP POST") + (md(f" via {', '.join(sorted(methods))}") if methods else Markup("")) + md(")")
    if use.hosts:
        via = f" via {', '.join(sorted(methods))}" if methods else ""
        return md(f"REST API{via}") + Markup(" to ") + _codes(use.hosts)
    return Markup("")


def _field_value(use: ServiceUse, label: str, inv: Inventory) -> Markup:
    """Scanner-inferred value of one template field, empty when the code does not show it."""
    f = use.features
    if label in ("SDK/Client",):
        return sdk_line(use) or integration_method(use)
    if label == "Auth":
        return auth_line(use, inv)
    if label == "Endpoints used":
        endpoints = list(use.endpoints)
        if any(w.service == use.id and w.direction == "incoming" for w in inv.webhooks) and "webhooks" not in endpoints:
            endpoints.append("webhooks")
        return md(", ".join(endpoints))
    if label == "Templates":
        if use.templates:
            return md(f"{len(use.templates)} template ID(s) in code; content managed in the {use.name} dashboard")
        return Markup("")
    if label == "Integration method":
        return integration_method(use)
    if label == "Connection":
        names = connection_vars(use)
        return Markup("via ") + _codes(names) + Markup(" env var" if len(names) == 1 else " env vars") if names else Markup("")
    if label == "Client":
        if use.clients:
            return md(", ".join(use.clients))
        return sdk_line(use)
    if label == "Migrations":
        return md(", ".join(use.migrations))
    if label == "Buckets":
        return md(", ".join(use.buckets))
    if label == "Implementation":
        impl = sdk_line(use)
        return md(", ".join(f.get("implementation", []))) if f.get("implementation") else (
            Markup(f"{use.name} SDK: ") + impl if impl else Markup(""))
    if label == "Token storage":
        return md(", ".join(f.get("token_storage", [])))
    if label == "Session management":
        return md(", ".join(f.get("session", [])))
    if label == "Credentials":
        return _codes(use.env_vars)
    if label == "Scopes":
        return md(", ".join(use.scopes))
    if label == "DSN":
        dsn = [n for n in use.env_vars if "DSN" in n.upper()]
        return (_codes(dsn) + Markup(" env var" if len(dsn) == 1 else " env vars")) if dsn else Markup("")
    if label == "Release tracking":
        rel = [n for n in use.env_vars if "RELEASE" in n.upper()]
        if rel:
            return Markup("via ") + _codes(rel)
        return md(", ".join(f.get("release", [])))
    if label == "Token":
        creds = credential_vars(use, inv)
        return (_codes(creds) + Markup(" env var" if len(creds) == 1 else " env vars")) if creds else Markup("")
    if label == "Events tracked":
        return md(", ".join(use.events))
    if label == "Integration":
        return sdk_line(use) or md(", ".join(f.get("integration", [])))
    if label == "Deployment":
        return deployment_line(use)
    if label == "Environment vars":
        return hosting_env_line(use)
    if label == "Workflows":
        return md(", ".join(f.get("workflow", [])))
    if label == "Secrets":
        files = set(f.get("workflow", []))
        names = sorted({v.name for v in inv.env_vars if any(p in files for p, _ in v.ci_in)})
        if not names:
            return Markup("none referenced")
        return _codes(names) + md(f" (stored in {use.name} secrets)")
    return Markup("")


def deployment_line(use: ServiceUse) -> Markup:
    """'automatic on git push; CI deploy step in .github/workflows/deploy.yml'."""
    f = use.features
    bits: list[str] = []
    for d in f.get("deploy", []):
        if d == "git push":
            bits.append("automatic on git push")
        elif d != use.id:
            bits.append(d)
    if f.get("deploy_from"):
        bits.append("deploy step in " + ", ".join(f["deploy_from"]))
    for key, words in (("process", "processes"), ("cron", "cron jobs"), ("framework", "framework"),
                       ("region", "region"), ("function", "functions"), ("manifest", "manifests"),
                       ("helm", "Helm chart"), ("image", "base image")):
        if f.get(key):
            bits.append(f"{words}: {', '.join(f[key][:4])}")
    if f.get("compose") and not bits:
        bits.append("docker-compose (" + ", ".join(f["compose"]) + ")")
    return md("; ".join(bits))


def hosting_env_line(use: ServiceUse) -> Markup:
    declared = sorted({e.name for e in use.evidence if e.kind == "env_decl" and e.get("file") == "platform"})
    if declared:
        shown = declared[:8]
        more = f" and {len(declared) - 8} more" if len(declared) > 8 else ""
        return md("declared in the platform config: ") + _codes(shown) + md(more) + md(f"; secrets set in {use.name}")
    env_files = use.features.get("env_file", [])
    if env_files:
        return md("from env files: ") + _codes(env_files)
    return md(f"set outside the repository (e.g. the {use.name} settings)")


# Overlay keys that fill a template field of the same meaning.
ANNOTATION_FIELDS = {"rate_limits": "Rate limits"}

NOT_FOUND = {
    "Rate limits": Markup("not recorded (add <code>rate_limits</code> in the overlay)"),
}


def entry_for(use: ServiceUse, inv: Inventory, page_link: str) -> Entry:
    title = Markup(f"[{md(display_name(use, inv))}]({page_link})")
    purpose = md(use.purpose or use.service.purpose)
    fields = []
    overrides = dict(use.annotations.get("fields", {}))
    for key, label in ANNOTATION_FIELDS.items():
        if use.annotations.get(key) and label not in overrides:
            overrides[label] = use.annotations[key]
    for label in FIELDS[use.category]:
        if label in overrides:
            value = md(overrides[label])
        else:
            value = _field_value(use, label, inv)
        if not value:
            value = NOT_FOUND.get(label) or md("not found in code")
        fields.append((label, value))
    if inv.repositories:
        fields.append(("Repositories", md(", ".join(use.repos)) if use.repos else md("—")))
    return Entry(use=use, title=title, purpose=purpose, fields=fields)


def display_name(use: ServiceUse, inv: Inventory) -> str:
    """'PostgreSQL on Supabase' when a detected provider hosts this database."""
    if use.providers:
        names = [inv.get(p).name for p in use.providers if inv.get(p)]
        return f"{use.name} on {' and '.join(names)}"
    return use.name


def merged_into_other(use: ServiceUse, inv: Inventory) -> bool:
    """A provider (Supabase) shown as 'PostgreSQL on Supabase' needs no line of its own."""
    return any(inv.get(p) and use.id in inv.get(p).providers for p in use.service.provides)


SECRET_STORES = {
    # hosting/CI service category → where its env vars are kept, in the reader's words
    "hosting": "{name} environment variables",
    "ci": "{name} secrets",
}


def environment_view(inv: Inventory) -> dict[str, Markup]:
    """The Environment Configuration section: from env files, containers, hosting and CI."""
    notes = getattr(inv, "environments", {}) or {}
    templates = [p for p, kind, _ in inv.env_files if kind == "template"]
    declared = sorted({v.name for v in inv.env_vars if not v.optional and any(
        p in templates for p, _, _ in v.declared_in)})
    required_names = declared or sorted({v.name for v in inv.env_vars if v.read_in})
    if required_names:
        shown = required_names[:15]
        required = _codes(shown)
        if len(required_names) > len(shown):
            required += Markup(f" and {len(required_names) - len(shown)} more (see [Environment variables](env-vars.md))")
    else:
        required = Markup("none found")

    locations = [code(p) + Markup(" (gitignored)") for p in inv.ignored_env_files]
    locations += [code(p) + Markup(" (committed template)") for p in templates]
    real = [p for p, kind, _ in inv.env_files if kind == "real"]
    locations += [code(p) + Markup(" (committed, not gitignored)") for p in real]
    secrets_location = Markup(", ").join(locations) if locations else Markup("no env files found")

    mocks: list[Markup] = []
    for use in inv.services:
        local = [e for e in use.evidence if e.kind == "image" and e.get("local") == "1"]
        if local:
            mocks.append(md(f"local {use.name} container ({local[0].path})"))
        if "test_mode" in use.features:
            mocks.append(md(f"{use.name} test mode"))
    staging_files = [p for p, _, env in inv.env_files if env == "staging"]
    stores = []
    for use in inv.services:
        if use.category in SECRET_STORES and use.strength in ("used", "configured"):
            stores.append(SECRET_STORES[use.category].format(name=use.name))

    def pick(env: str, key: str, fallback: Markup) -> Markup:
        value = notes.get(env, {}).get(key) if isinstance(notes.get(env), dict) else None
        return md(value) if value else fallback

    return {
        "required": required,
        "secrets_location": pick("development", "secrets_location", secrets_location),
        "mocks": pick("development", "mocks", Markup(", ").join(mocks) if mocks else Markup("none found")),
        "staging": pick("staging", "differences", (Markup("configured in ") + _codes(staging_files)) if staging_files
                        else Markup("no staging configuration found in the repository")),
        "staging_data": pick("staging", "data", md("not recorded")),
        "production": pick("production", "secrets_management", md(", ".join(stores)) if stores else md("not found in the repository")),
        "failover": pick("production", "failover", md("not recorded")),
    }
