"""A hostile repository: injection everywhere, malformed manifests, odd files and folders.

The site must build (non-strict) with a warning naming each malformed file, show every
planted string as inert text, evaluate no template, print no traceback, and fail a strict
build. Invalid plugin options are one clear error each.
"""

from __future__ import annotations

import html
from html.parser import HTMLParser
import logging
import os
import re
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
from mkdocs.exceptions import Abort

from helpers import build_site, page_text, write_tree

XSS = "<script>alert(1)</script>"
IMG = "<img src=x onerror=alert(1)>"
JINJA = "{{ 7*7 }}"
MD_LINK = "[x](javascript:alert(1))"
MD_IMAGE = "![](http://evil/x.png)"
RTL = "\u202egnp.exe"
MARKUP_MIX = ":warning: $x$ `tick` a|b {% raw %} *em* __u__ ~~s~~ ==m== ^^i^^ [^1] <!-- c --> &amp; \\ ##"

HOSTILE_JS = f"""\
// {XSS} {IMG} {JINJA} {MD_LINK} {MD_IMAGE} {RTL} {MARKUP_MIX}
/* {{% raw %}} {{% endraw %}} {{#}} */
import Stripe from "stripe";
import posthog from "posthog-js";
const stripe = new Stripe(process.env.STRIPE_SECRET_KEY);
const note = "{XSS}{IMG}{JINJA}";
posthog.capture("order:warning: $x$ |pipe|");
posthog.capture("{JINJA}");
posthog.capture("order :warning: done");
posthog.capture("javascript:alert/x");
stripe.checkout.sessions.create({{ mode: "payment" }});
app.post("/webhooks/<script>alert</script>", (req, res) => res.send("ok"));
app.post("/webhooks/{{{{config}}}}/{{{{self}}}}", (req, res) => res.send("ok"));
app.post("/webhooks/<img_src_onerror>/:warning:/$x$/[x]", (req, res) => res.send("ok"));
const bucket = s3.getObject({{ Bucket: "evil-{{7*7}}-bucket" }});
fetch("https://api.stripe.com/v1/{XSS}");
const long = "{'A' * 5000}";
"""

PACKAGE_JSON = f"""\
{{
  "name": "{XSS}",
  "description": "{JINJA} {MD_LINK}",
  "dependencies": {{
    "stripe": "{IMG}",
    "{XSS}": "1.0.0",
    "{JINJA}": "^1.0.0",
    "{MD_LINK.replace('(', '%28')}": "1.0.0",
    "posthog-js": "{JINJA}",
    "@sendgrid/mail": "| a | b |"
  }}
}}
"""

MALFORMED = {
    "bad-npm/package.json": ('{\n  "name": "x",\n  "dependencies": {\n    "stripe": "^1"\n    "oops": 1\n}\n', 5),
    "bad-py/pyproject.toml": ('[project]\nname = "x"\ndependencies = [\n  "stripe",\n  = broken\n', 5),
    "bad-php/composer.json": ('{\n  "require": {\n    "stripe/stripe-php": \n  }\n}\n', 4),
    "bad-jvm/pom.xml": ("<project>\n  <dependencies>\n    <dependency>\n  </dependencies>\n</project>\n", 4),
    "docker-compose.yml": ("services:\n  web:\n    image: shop/web\n    environment:\n      - A=1\n     B: [\n", 6),
    ".github/workflows/ci.yml": ("name: ci\non:\n  push:\n    branches: [main\njobs: {}\n", 5),
}
# MkDocs users expect a warning to name the file and, when the parser knows it, the line.


def _article(raw: str) -> str:
    m = re.search(r"<article\b.*?</article>", raw, flags=re.S)
    assert m, "no <article> in the page"
    return m.group(0)


def hostile_tree(root: Path, *, big_limit: int) -> None:
    app = root / "app"
    files = {
        "app/src/pay.js": HOSTILE_JS,
        "app/package.json": PACKAGE_JSON,
        "app/.env.example": textwrap.dedent(f"""\
            STRIPE_SECRET_KEY={XSS}
            POSTHOG_KEY={JINJA}
            {XSS}=1
            "{IMG}"=2
            {JINJA}=3
            SENDGRID_API_KEY=| a | b | {MD_LINK}
            # OPTIONAL_{RTL}=x
            """),
        "app/.github/workflows/deploy.yml": textwrap.dedent(f"""\
            name: "{XSS}"
            on:
              push:
                branches: ["{XSS}", "{JINJA}", "{MD_LINK}"]
            jobs:
              deploy:
                runs-on: ubuntu-latest
                steps:
                  - run: echo ${{{{ secrets.STRIPE_SECRET_KEY }}}}
            """),
        "app/wrangler.toml": textwrap.dedent(f"""\
            name = "{XSS}"
            [[r2_buckets]]
            binding = "FILES"
            bucket_name = "{IMG}{JINJA}"
            """),
        "app/src/my file ünïcødé.py": "import stripe\nstripe.api_key = None\n",
        f"app/src/{IMG}.js": 'import Stripe from "stripe";\n',
        f"app/src/{JINJA}.js": 'import Stripe from "stripe";\n',
        f"app/src/{MD_LINK}.js": 'import Stripe from "stripe";\n',
        "app/src/pipe|tick`star*.js": 'import Stripe from "stripe";\n',
    }
    for rel, (text, _line) in MALFORMED.items():
        files[f"app/{rel}"] = text
    write_tree(root, files)
    # NUL bytes after the binary sniff window, invalid UTF-8, binaries with code extensions.
    (app / "src/nul.js").write_bytes(b'import Stripe from "stripe";\n' + b"x" * 9000 + b'\n"\x00\x00<script>"\n')
    (app / "src/latin1.py").write_bytes(b"# caf\xe9 \xff\xfe\nimport stripe\nname = '\xc3\x28'\n")
    (app / "src/blob.py").write_bytes(bytes(range(256)) * 40)
    (app / "src/image.js").write_bytes(b"\x89PNG\r\n\x1a\n" + os.urandom(2048))
    (app / "src/huge.js").write_text('import Stripe from "stripe";\n' + "// pad\n" * (big_limit // 7 + 10))
    # Symlinks: a loop back to the root, a link out of the root, a dangling link.
    outside = root / "outside"
    outside.mkdir()
    (outside / "leak.js").write_text('import Stripe from "stripe";\n')
    os.symlink(app, app / "src/loop", target_is_directory=True)
    os.symlink(outside, app / "src/out", target_is_directory=True)
    os.symlink(root / "nowhere", app / "src/dangling.js")
    # Unreadable file and folder.
    (app / "secret-dir").mkdir()
    (app / "secret-dir/inner.js").write_text('import Stripe from "stripe";\n')
    (app / "src/unreadable.js").write_text('import Stripe from "stripe";\n')
    os.chmod(app / "src/unreadable.js", 0)
    os.chmod(app / "secret-dir", 0)
    (root / "empty").mkdir()
    # A folder name with a terminal escape and a newline, holding a malformed manifest: the
    # warning names it, but must not colour the terminal or forge a second log line.
    (app / "esc\x1b[31mred\nINFO - fake").mkdir()
    (app / "esc\x1b[31mred\nINFO - fake/package.json").write_text("{\n  oops\n}\n")


def _restore(root: Path) -> None:
    for p in (root / "app/secret-dir", root / "app/src/unreadable.js"):
        if p.exists():
            os.chmod(p, 0o755)


YML = """\
site_name: Hostile
site_url: https://docs.example.org/
repo_url: https://github.com/acme/shop
edit_uri: edit/main/docs/
theme:
  name: material
markdown_extensions:
  - admonition
  - attr_list
  - md_in_html
  - pymdownx.emoji
  - pymdownx.arithmatex:
      generic: true
  - pymdownx.superfences:
      custom_fences:
        - name: mermaid
          class: mermaid
          format: !!python/name:pymdownx.superfences.fence_code_format
  - pymdownx.tasklist
  - pymdownx.mark
  - pymdownx.tilde
  - pymdownx.caret
  - footnotes
  - tables
plugins:
  - search
  - integrations:
      source_roots: [app, empty]
      max_file_size: {limit}
"""
LIMIT = 50_000


@pytest.fixture(scope="module")
def hostile(tmp_path_factory):
    root = tmp_path_factory.mktemp("hostile")
    hostile_tree(root, big_limit=LIMIT)
    records: list[logging.LogRecord] = []

    class Grab(logging.Handler):
        def emit(self, record: logging.LogRecord) -> None:
            records.append(record)

    handler = Grab(level=logging.DEBUG)
    logger = logging.getLogger("mkdocs")
    old = logger.level
    logger.addHandler(handler)
    logger.setLevel(logging.DEBUG)
    try:
        site = build_site(root, YML.format(limit=LIMIT))
    finally:
        logger.removeHandler(handler)
        logger.setLevel(old)
        _restore(root)
    return root, site, records


def _generated(site: Path) -> dict[str, str]:
    pages = {p.relative_to(site).as_posix(): p.read_text(encoding="utf-8") for p in (site / "integrations").rglob("*.html")}
    assert "integrations/index.html" in {f"integrations/{k}" for k in pages} or pages
    return pages


class _Tags(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, list[tuple[str, str | None]]]] = []

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, attrs))


def test_no_markup_from_the_fixture_in_any_generated_page(hostile):
    """Inside the page content, the fixture's text is text: no tag, attribute or URL of it."""
    root, site, records = hostile
    pages = _generated(site)
    assert len(pages) >= 4
    bad = []
    for rel, raw in pages.items():
        article = _article(raw)
        low = article.lower()
        for needle in ("<script", "<img", "<iframe", "javascript:", "onerror=", "evil/x.png"):
            if needle in low:
                i = low.index(needle)
                bad.append(f"{rel}: {needle!r} in …{article[max(0, i - 80):i + 80]}…")
        parser = _Tags()
        parser.feed(article)
        for tag, attrs in parser.tags:
            if tag in ("script", "img", "iframe", "object", "embed", "style", "form", "input", "svg"):
                bad.append(f"{rel}: <{tag}> {attrs}")
            for name, value in attrs:
                v = (value or "").strip().lower()
                if name.startswith("on") or v.startswith(("javascript:", "data:", "vbscript:")) or "evil" in v:
                    bad.append(f"{rel}: <{tag} {name}={value!r}>")
    assert not bad, "\n".join(bad)


def test_hostile_text_is_shown_as_text(hostile):
    root, site, records = hostile
    stripe = page_text(site, "integrations/stripe/index.html")
    # The hostile file names are evidence of the Stripe import, shown literally.
    assert f"app/src/{IMG}.js:1" in stripe
    assert f"app/src/{JINJA}.js:1" in stripe
    assert f"app/src/{MD_LINK}.js:1" in stripe
    assert "app/src/my file ünïcødé.py:1" in stripe
    for page in ("integrations/index.html", "integrations/posthog/index.html"):
        text = html.unescape(re.sub(r"<[^>]+>", " ", _article((site / page).read_text(encoding="utf-8"))))
        assert "order :warning: done" in text and "javascript:alert/x" in text, page  # analytics event names
    hooks = page_text(site, "integrations/webhooks/index.html")
    assert "/webhooks/<script>alert</script>" in hooks
    assert "/webhooks/{{config}}/{{self}}" in hooks
    assert "/webhooks/<img_src_onerror>/:warning:/$x$/[x]" in hooks


def test_templates_are_never_evaluated(hostile):
    root, site, records = hostile
    for rel, raw in _generated(site).items():
        text = html.unescape(re.sub(r"<[^>]+>", " ", _article(raw)))
        assert "49" not in text, rel
    # …and the planted expressions are there, as written.
    assert "{{ 7*7 }}" in page_text(site, "integrations/stripe/index.html")


def test_malformed_manifests_warn_with_file_and_line(hostile):
    root, site, records = hostile
    warnings = [r.getMessage() for r in records if r.levelno == logging.WARNING]
    missing = [f"app/{rel}:{line}" for rel, (_t, line) in MALFORMED.items()
               if not any(f"app/{rel}:{line}:" in w for w in warnings)]
    assert not missing, (missing, warnings)


def test_no_traceback_in_any_log_record(hostile):
    root, site, records = hostile
    for r in records:
        assert r.exc_info is None, r.getMessage()
        assert "Traceback" not in r.getMessage()


def test_log_lines_carry_no_control_characters(hostile):
    root, site, records = hostile
    ours = [r.getMessage() for r in records if "integrations" in r.name]
    assert any("red" in m and "package.json:2" in m for m in ours), ours
    for m in ours:
        assert not re.search("[\x00-\x08\x0a-\x1f\x7f\u202a-\u202e\u2066-\u2069]", m), repr(m)


def test_odd_files_and_folders(hostile):
    root, site, records = hostile
    messages = [r.getMessage() for r in records]
    stripe = page_text(site, "integrations/stripe/index.html")
    assert "app/src/huge.js" not in stripe  # over max_file_size
    assert any("huge.js" in m and "size limit" in m for m in messages)
    assert "outside" not in stripe and "leak.js" not in stripe  # out of the root
    assert "app/src/loop/" not in stripe  # the loop is not walked twice
    assert "app/src/nul.js:1" in stripe  # a NUL after the binary sniff window is just text
    assert "app/src/latin1.py:2" in stripe  # invalid UTF-8 is replaced, not fatal
    if os.geteuid() != 0:  # root reads a chmod 000 file anyway: then only "the build goes on"
        warnings = [r.getMessage() for r in records if r.levelno == logging.WARNING]
        assert any("unreadable.js" in w for w in warnings), warnings
        assert any("secret-dir" in w for w in warnings), warnings


def test_strict_build_fails_on_those_warnings(tmp_path):
    hostile_tree(tmp_path, big_limit=LIMIT)
    try:
        with pytest.raises(Abort):
            build_site(tmp_path, YML.format(limit=LIMIT) + "strict: true\n")
    finally:
        _restore(tmp_path)


# --- invalid plugin configuration ------------------------------------------------------------


@pytest.mark.parametrize(
    "options, option",
    [
        ("source_roots: 5", "source_roots"),
        ('output_dir: "../x"', "output_dir"),
        ("max_file_size: -1", "max_file_size"),
        ("overlay: missing.yml", "overlay"),
        ("source_roots: [nope]", "source_roots"),
        ('exclude: 7', "exclude"),
    ],
)
def test_invalid_option_is_one_clear_error(tmp_path, options, option):
    write_tree(tmp_path, {
        "mkdocs.yml": f"site_name: T\nplugins:\n  - integrations:\n      {options}\n",
        "docs/index.md": "# Home\n",
    })
    proc = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "-f", str(tmp_path / "mkdocs.yml")],
        capture_output=True, text=True, timeout=120, cwd=tmp_path,
    )
    assert proc.returncode != 0
    assert "Traceback" not in proc.stderr, proc.stderr
    errors = [line for line in proc.stderr.splitlines() if line.startswith("ERROR")]
    assert len(errors) == 1, proc.stderr
    assert f"'{option}'" in errors[0] or f"{option}:" in errors[0], errors
