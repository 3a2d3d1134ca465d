"""Render the inventory as Markdown pages with Jinja2 templates the user may override.

Escaping is enforced by the environment (`finalize`), not left to each template: every
`{{ value }}` that is not `Markup` built by our own helpers goes through `escape.md`.
Scanned text is only ever passed as data, never compiled as a template.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

import jinja2
from markupsafe import Markup

from ..inventory import STRENGTH_LABELS, Inventory, ServiceUse, Webhook
from ..model import BUCKET, CALL, CI_SECRET, CONFIG, ENV_DECL, ENV_READ, EVENT, HOST, IMAGE, IMPORT, PACKAGE, SCOPE, TEMPLATE, TERRAFORM
from .escape import code, link, md
from .site import Features, SourceLinks
from .view import CATEGORY_TITLES, SECTIONS, display_name, entry_for, environment_view, merged_into_other

TEMPLATES = Path(__file__).parent / "templates"
PLACEHOLDER = re.compile(r"<!--\s*integrations:([a-z-]+)((?:\s+[a-z_]+=[A-Za-z0-9_,-]+)*)\s*-->")


def _finalize(value: object) -> object:
    return md(value) if not isinstance(value, Markup) else value


@dataclass
class PageSet:
    """Generated pages: src_uri (inside output_dir) → Markdown."""

    pages: dict[str, str]


class Renderer:
    def __init__(
        self,
        features: Features | None = None,
        links: SourceLinks | None = None,
        templates_dir: Path | None = None,
        standalone: bool = False,
    ) -> None:
        # standalone: the index page alone (INTEGRATIONS.md from the CLI), with no sibling
        # service pages, so links to them would be dead: names are plain text instead.
        self.standalone = standalone
        self.features = features or Features()
        self.links = links or SourceLinks()
        loaders: list[jinja2.BaseLoader] = []
        if templates_dir is not None:
            loaders.append(jinja2.FileSystemLoader(str(templates_dir)))
        loaders.append(jinja2.FileSystemLoader(str(TEMPLATES)))
        self.env = jinja2.Environment(
            loader=jinja2.ChoiceLoader(loaders),
            autoescape=False,
            finalize=_finalize,
            trim_blocks=True,
            lstrip_blocks=True,
            keep_trailing_newline=True,
            undefined=jinja2.StrictUndefined,
        )
        self.env.globals.update(
            code=code,
            source=self.source,
            anchor=anchor,
            md=md,
        )

    # -- helpers exposed to templates ------------------------------------------------------
    def source(self, path: str, line: int = 0, prefix: str = "") -> Markup:
        label = f"{path}:{line}" if line else path
        url = self.links.url(path, line)
        return link(label, url) if url else md(label)

    def page_link(self, text: object, page: str) -> Markup:
        """A link to a generated sibling page, or plain text when rendering standalone."""
        return md(text) if self.standalone else link(text, page)

    def _places(self, items: list) -> Markup:
        if not items:
            return Markup("—")
        shown = [self.source(i[0], i[1]) for i in items[:4]]
        more = Markup(f" and {len(items) - 4} more") if len(items) > 4 else Markup("")
        return Markup(", ").join(shown) + more

    # -- pages -------------------------------------------------------------------------------
    def render_all(self, inv: Inventory) -> dict[str, str]:
        pages = {"index.md": self.render_index(inv)}
        for use in inv.services:
            pages[f"{use.id}.md"] = self.render_service(use, inv)
        pages["env-vars.md"] = self.render_env_vars(inv)
        pages["webhooks.md"] = self.render_webhooks(inv)
        return pages

    def render_index(self, inv: Inventory) -> str:
        entries: dict[str, list] = {cat: [] for _, subs in SECTIONS for cat, _ in subs}
        for use in inv.services:
            if merged_into_other(use, inv):
                continue
            entry = entry_for(use, inv, f"{use.id}.md")
            if self.standalone:
                entry.title = md(display_name(use, inv))
            entries[use.category].append(entry)
        none_text = {cat: md(inv_none(inv, cat)) for cat in entries}
        return self.env.get_template("index.md.j2").render(
            inv=inv,
            standalone=self.standalone,
            features=self.features,
            sections=SECTIONS,
            entries=entries,
            none_text=none_text,
            env=environment_view(inv),
            incoming=[self._webhook_view(w, inv) for w in inv.webhooks if w.direction == "incoming"],
            outgoing=[self._webhook_view(w, inv) for w in inv.webhooks if w.direction == "outgoing"],
            diagram=self.diagram(inv),
        )

    def render_service(self, use: ServiceUse, inv: Inventory) -> str:
        entry = entry_for(use, inv, f"{use.id}.md")
        related = [
            u for u in inv.services
            if u.id != use.id and (u.category == use.category or u.id in use.providers or use.id in u.providers)
        ]
        summary_bits = [f"{display_name(use, inv)} is a {CATEGORY_TITLES[use.category].lower()} service"]
        if use.packages:
            summary_bits.append(f"used through {', '.join(p.name for p in use.packages[:3])}")
        summary = md(", ".join(summary_bits) + f" ({STRENGTH_LABELS[use.strength]}).")
        annotations = [
            (k.replace("_", " ").capitalize(), link(_domain(v), v) if str(v).startswith("https://") else v)
            for k, v in sorted(use.annotations.items())
            if k not in ("fields", "purpose", "id", "name", "category", "docs", "rate_limits")
            and isinstance(v, (str, int, float))
        ]
        reach = "through its API hosts" if use.hosts else "through configuration and environment variables"
        return self.env.get_template("service.md.j2").render(
            use=use,
            name=display_name(use, inv),
            summary=summary,
            purpose=entry.purpose or "—",
            category_title=CATEGORY_TITLES[use.category],
            strength=STRENGTH_LABELS[use.strength],
            docs_link=link(_domain(use.service.docs), use.service.docs) if use.service.docs else "",
            fields=entry.fields,
            annotations=annotations,
            reach=reach,
            hosts=Markup(", ").join(code(h) for h in use.hosts),
            webhooks=[w for w in inv.webhooks if w.service == use.id],
            evidence=[_EvidenceRow(e) for e in use.evidence],
            related=related[:12],
            features=self.features,
        )

    def render_env_vars(self, inv: Inventory) -> str:
        def service_links(ids: list[str]) -> Markup:
            uses = [inv.get(i) for i in ids]
            return Markup(", ").join(link(u.name, f"{u.id}.md") for u in uses if u) or Markup("—")

        unused = [v for v in inv.env_vars if v.declared_in and not v.read_in and not v.ci_in]
        undeclared = [v for v in inv.env_vars if v.read_in and not v.declared_in]
        return self.env.get_template("env-vars.md.j2").render(
            inv=inv,
            unused=unused,
            undeclared=undeclared,
            service_links=service_links,
            places=self._places,
        )

    def render_webhooks(self, inv: Inventory) -> str:
        return self.env.get_template("webhooks.md.j2").render(
            inv=inv,
            incoming=[self._webhook_view(w, inv) for w in inv.webhooks if w.direction == "incoming"],
            outgoing=[self._webhook_view(w, inv) for w in inv.webhooks if w.direction == "outgoing"],
        )

    def _webhook_view(self, w: Webhook, inv: Inventory) -> dict[str, Markup]:
        use = inv.get(w.service) if w.service else None
        who = self.page_link(use.name, f"{use.id}.md") if use else md("Unknown sender" if w.direction == "incoming" else "External endpoint")
        return {
            "who": who,
            "endpoint": code(w.name) if w.direction == "incoming" else md(w.name),
            "where": self.source(w.path, w.line),
            "verification": md(w.verification or "no verification found"),
            "events": md(", ".join(w.events) or "not found in code"),
            "trigger": md(w.trigger or "not found in code"),
            "retry": md(w.retry or "none found"),
        }

    def diagram(self, inv: Inventory) -> Markup:
        shown = [u for u in inv.services if not merged_into_other(u, inv)]
        if not shown:
            return Markup("")
        if self.features.mermaid:
            # One compact node per category, the system in the middle: readable at page width.
            lines = ["```mermaid", "flowchart LR", '  app(["This system"])']
            cats = [(c, t) for _, subs in SECTIONS for c, t in subs]
            members_by_cat = [(c, t, [u for u in shown if u.category == c]) for c, t in cats]
            members_by_cat = [m for m in members_by_cat if m[2]]
            half = (len(members_by_cat) + 1) // 2
            for i, (cat, title, members) in enumerate(members_by_cat):
                names = "<br/>".join(_mermaid_text(display_name(u, inv)) for u in members[:6])
                more = f"<br/>+{len(members) - 6} more" if len(members) > 6 else ""
                lines.append(f'  {cat}["<b>{_mermaid_text(title)}</b><br/>{names}{more}"]')
                lines.append(f"  {cat} --- app" if i < half else f"  app --- {cat}")
            lines.append("```")
            return Markup("\n".join(lines) + "\n")
        bits = []
        for cat, title in ((c, t) for _, subs in SECTIONS for c, t in subs):
            members = [u for u in shown if u.category == cat]
            if members:
                bits.append(Markup(f"**{title}:** ") + Markup(", ").join(self.page_link(display_name(u, inv), f"{u.id}.md") for u in members))
        return Markup("This system depends on:\n\n") + Markup("\n").join(Markup("- ") + b for b in bits) + Markup("\n")

    # -- placeholders in hand-written pages --------------------------------------------------
    def expand_placeholders(self, markdown: str, inv: Inventory, base_url: str) -> str:
        """Replace `<!-- integrations:services category=payment -->` and friends."""

        def replace(m: re.Match[str]) -> str:
            what = m.group(1)
            args = dict(a.split("=", 1) for a in m.group(2).split())
            if what == "services":
                cats = args.get("category", "").split(",") if args.get("category") else None
                rows = [u for u in inv.services if cats is None or u.category in cats]
                if not rows:
                    return "*No services found.*"
                multi = bool(inv.repositories)
                out = ["| Service | Category | Purpose | Found by |" + (" Repositories |" if multi else ""),
                       "|---|---|---|---|" + ("---|" if multi else "")]
                for u in rows:
                    out.append(
                        f"| {link(display_name(u, inv), base_url + u.id + '.md')} | {CATEGORY_TITLES[u.category]} | "
                        f"{md(u.purpose or u.service.purpose or '—')} | {STRENGTH_LABELS[u.strength]} |"
                        + (f" {md(', '.join(u.repos))} |" if multi else "")
                    )
                return "\n".join(out)
            if what == "count":
                return str(len(inv.services))
            if what == "env-vars":
                out = ["| Name | Services |", "|---|---|"]
                for v in inv.env_vars:
                    out.append(f"| {code(v.name)} | {', '.join(v.services) or '—'} |")
                return "\n".join(out)
            return m.group(0)

        return PLACEHOLDER.sub(replace, markdown)


def _domain(url: str) -> str:
    """'https://docs.stripe.com/api' → 'docs.stripe.com/api': a link text people can read."""
    return url.split("://", 1)[-1].rstrip("/")


def _mermaid_text(text: str) -> str:
    return re.sub(r"[^A-Za-z0-9 ./()+-]", " ", text).strip()


def _mermaid_id(sid: str) -> str:
    return "svc_" + re.sub(r"[^a-z0-9]", "_", sid)


def anchor(name: str) -> Markup:
    """HTML id of an env var's row: only [a-z0-9_-], so it is safe as Markup."""
    return Markup("env-" + re.sub(r"[^a-z0-9_-]", "-", name.lower()))


def inv_none(inv: Inventory, category: str) -> str:
    """'None', or the overlay's words: 'None currently (no Redis)', 'None (planned: Mixpanel)'."""
    text = inv.none_notes.get(category, "None")
    if category in inv.planned:
        text = f"{text} (planned: {inv.planned[category]})"
    return text


# How each kind of evidence reads in a row: (words before the name, how the name is shown).
# Identifiers (env vars, packages, hosts) are code; free names (events, buckets) stay whole
# text, so an event called "javascript:x" is one escaped name, not a "key: value" fact.
_ROW = {
    IMPORT: ("imports ", code), CALL: ("calls: ", md), ENV_READ: ("reads ", code),
    ENV_DECL: ("declares env var ", code), CI_SECRET: ("CI secret ", code), HOST: ("API host ", code),
    CONFIG: ("config file ", code), IMAGE: ("container image ", code),
    TERRAFORM: ("infrastructure as code ", code), EVENT: ("analytics event ", md),
    BUCKET: ("storage bucket ", md), SCOPE: ("OAuth scope ", md), TEMPLATE: ("email template ", md),
}


class _EvidenceRow:
    """One evidence line in reader's words: 'imports `stripe`', 'declares `stripe` ^14.8.0'."""

    def __init__(self, ev) -> None:
        self.path = ev.path
        self.line = ev.line
        if ev.kind == PACKAGE:
            what = Markup("locks " if ev.get("locked") == "1" else "declares ") + code(ev.name)
            if ev.version:
                what += Markup(" ") + md(ev.version)
        elif ev.kind in _ROW:
            words, show = _ROW[ev.kind]
            what = Markup(words) + show(ev.name)
        elif ev.kind == "feature" and ev.name.startswith("test_mode:"):
            what = md("test-mode credential in the env template")
        else:
            key, _, value = ev.name.partition(":")
            what = md(f"{key.replace('_', ' ')}: {value}" if value else key.replace("_", " "))
        self.what = what
