"""The example site as a reader meets it: headless Chromium (Debian's), driven by Playwright.

Needs /usr/bin/chromium (`.ci/run` installs it) and Mermaid's bundle for the offline
diagram check (`MERMAID_JS`, fetched by `.ci/run` from the npm registry; the real site loads
it from a CDN, which this machine cannot reach, so the test serves the same file locally).
"""

from __future__ import annotations

import functools
import http.server
import os
import re
import shutil
import threading
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")
MERMAID_JS = os.environ.get("MERMAID_JS", str(ROOT / ".ci-cache" / "mermaid.min.js"))
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync"]

playwright_api = pytest.importorskip("playwright.sync_api", reason="playwright is installed by .ci/run")


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    if not Path(CHROMIUM).exists():
        pytest.fail(f"{CHROMIUM} is missing: install Debian's chromium package (.ci/run does)")
    work = tmp_path_factory.mktemp("browser")
    shutil.copytree(ROOT / "example-site", work / "example-site", ignore=shutil.ignore_patterns("site"))
    cfg = load_config(config_file=str(work / "example-site" / "mkdocs.yml"), site_dir=str(work / "site"))
    cfg.plugins.on_startup(command="build", dirty=False)
    build(cfg)
    handler = functools.partial(http.server.SimpleHTTPRequestHandler, directory=str(work / "site"))
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}/", work / "site"
    httpd.shutdown()


@pytest.fixture(scope="module")
def page(server):
    with playwright_api.sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        context = browser.new_context(viewport={"width": 1280, "height": 1000})
        pg = context.new_page()

        def offline(route):
            url = route.request.url
            if url.startswith(server[0]):
                return route.continue_()
            if "mermaid" in url and Path(MERMAID_JS).exists():
                return route.fulfill(path=MERMAID_JS, content_type="application/javascript")
            return route.abort()

        pg.route("**/*", offline)
        yield pg
        browser.close()


def test_navigation_reaches_the_integrations_pages(server, page):
    base, _ = server
    page.goto(base)
    page.locator("nav.md-nav--primary a.md-nav__link", has_text="Integrations").first.click()
    page.wait_for_url(re.compile(r".*/integrations/$"))
    assert page.locator("h1").first.inner_text().rstrip("¶ ") == "External Integrations"
    page.get_by_role("link", name="Stripe", exact=True).first.click()
    page.wait_for_url(re.compile(r".*/integrations/stripe/$"))
    assert "Stripe" in page.locator("h1").first.inner_text()


def test_every_link_between_generated_pages_resolves(server, page):
    base, site = server
    pages = [p.relative_to(site).as_posix() for p in (site / "integrations").rglob("index.html")]
    assert len(pages) >= 10
    checked = 0
    for rel in pages:
        page.goto(base + rel)
        hrefs = page.eval_on_selector_all("article a[href]", "els => els.map(e => e.href)")
        for href in hrefs:
            if not href.startswith(base):
                continue
            response = page.request.get(href.split("#")[0])
            assert response.ok, f"{rel} links to {href}"
            checked += 1
    assert checked > 30


def test_search_finds_a_service_by_name(server, page):
    base, _ = server
    page.goto(base + "integrations/")
    box = page.locator("input[data-md-component='search-query']")
    box.click()
    box.press_sequentially("SendGrid", delay=40)  # Material listens to key events, not fill()
    results = page.locator(".md-search-result__item")
    results.first.wait_for(timeout=30000)
    assert "SendGrid" in page.locator(".md-search-result").inner_text()


def test_diagram_renders(server, page):
    if not Path(MERMAID_JS).exists():
        pytest.fail(f"{MERMAID_JS} is missing: .ci/run fetches it with `npm pack mermaid@11`")
    base, _ = server
    page.goto(base + "integrations/")
    # Material swaps <pre class="mermaid"> for a <div class="mermaid"> whose closed shadow
    # root holds the SVG: a rendered diagram is a div with a real size.
    diagram = page.locator("div.mermaid").first
    diagram.wait_for(timeout=20000)
    page.wait_for_function("() => { const d = document.querySelector('div.mermaid'); return d && d.getBoundingClientRect().height > 200 }", timeout=20000)
    assert page.locator("pre.mermaid").count() == 0
    shot = os.environ.get("SCREENSHOT")
    if shot:
        page.screenshot(path=shot, full_page=False)
