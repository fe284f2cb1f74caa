"""The dataset page in a real browser (Debian's chromium, driven by Playwright): no console errors,
every image loads, every relative link resolves, the headline figures are visible.

The page is the one the build publishes into the session's `built_root` (conftest), served over
HTTP from the package root exactly as a reader would get it.
"""
from __future__ import annotations

import functools
import http.server
import threading
import time
from pathlib import Path
from urllib.parse import urljoin, urlparse

import pytest

CHROMIUM = Path("/usr/bin/chromium")
ARTIFACTS = Path(__file__).resolve().parent / "artifacts"
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--disable-quic"]

pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(not CHROMIUM.exists(), reason="Debian chromium is not installed at /usr/bin/chromium (run `make browser`)"),
]


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args) -> None:  # the test reports failures itself
        pass


@pytest.fixture(scope="module")
def server(built_root):
    handler = functools.partial(_QuietHandler, directory=str(built_root))
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)  # port 0: any free port
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}/"
    httpd.shutdown()
    httpd.server_close()


@pytest.fixture(scope="module")
def page(server, tmp_path_factory):
    sync_api = pytest.importorskip("playwright.sync_api")
    errors: list[str] = []
    failed: list[str] = []
    with sync_api.sync_playwright() as pw:
        # A fresh profile: no state from earlier runs, nothing written to the user's home.
        context = pw.chromium.launch_persistent_context(
            str(tmp_path_factory.mktemp("chromium-profile")), executable_path=str(CHROMIUM), headless=True,
            args=CHROMIUM_ARGS, viewport={"width": 1280, "height": 900})
        try:
            pg = context.new_page()
            pg.on("console", lambda msg: errors.append(msg.text) if msg.type == "error" else None)
            pg.on("pageerror", lambda exc: errors.append(str(exc)))
            pg.on("requestfailed", lambda req: failed.append(req.url))
            # Offline means offline: every request must go to the local server (or be inline data).
            pg.on("request", lambda req: None if req.url.startswith((server, "data:")) else failed.append(req.url))
            started = time.perf_counter()
            response = pg.goto(urljoin(server, "site/index.html"), wait_until="load")
            # Charts are lazy-loaded: scroll through the page so every image is fetched.
            pg.evaluate("""async () => {
                for (const img of document.images) { img.loading = 'eager'; }
                await Promise.all([...document.images].map(img => img.complete ? null : img.decode().catch(() => null)));
            }""")
            yield {"page": pg, "response": response, "errors": errors, "failed": failed, "base": server,
                   "load_s": time.perf_counter() - started, "request": context.request}
        finally:
            context.close()


def test_page_loads_without_console_errors(page):
    assert page["response"].status == 200
    assert page["errors"] == []
    assert page["failed"] == []


def test_every_image_loaded(page):
    images = page["page"].evaluate(
        "() => [...document.images].map(i => ({src: i.getAttribute('src'), w: i.naturalWidth, alt: i.alt}))")
    assert len(images) >= 3
    for img in images:
        assert img["w"] > 0, f"image did not load: {img['src']}"
        assert img["alt"].strip(), f"image without alt text: {img['src']}"


def test_every_relative_link_resolves(page):
    pg, base = page["page"], page["base"]
    hrefs = pg.evaluate("() => [...document.querySelectorAll('a[href]')].map(a => a.getAttribute('href'))")
    relative = sorted({h for h in hrefs if not urlparse(h).scheme and not h.startswith("#")})
    assert any(h.endswith(".csv") for h in relative) and any(h.endswith(".parquet") for h in relative)
    assert "../datapackage.json" in relative
    page_url = urljoin(base, "site/index.html")
    for href in relative:
        response = page["request"].get(urljoin(page_url, href))
        assert response.status == 200, f"{href} -> HTTP {response.status}"
    # In-page anchors point at existing ids.
    anchors = {h[1:] for h in hrefs if h.startswith("#")}
    ids = set(pg.evaluate("() => [...document.querySelectorAll('[id]')].map(e => e.id)"))
    assert anchors <= ids, anchors - ids


def test_headline_figures_visible_and_screenshot(page):
    pg = page["page"]
    for figure in ("27,941", "40,000"):
        locator = pg.locator(".figure-card .value", has_text=figure).first
        assert locator.is_visible(), figure
    assert pg.locator("script").count() == 0
    ARTIFACTS.mkdir(exist_ok=True)
    pg.set_viewport_size({"width": 1280, "height": 900})
    pg.screenshot(path=str(ARTIFACTS / "site.png"), full_page=True)
    assert (ARTIFACTS / "site.png").stat().st_size > 50_000


def test_series_discrepancy_anomaly_and_contested_sections_visible(page):
    pg = page["page"]
    for section in ("series", "discrepancies", "anomalies", "contested"):
        assert pg.locator(f"section#{section} h2").is_visible(), section
    anomaly = pg.locator("section#anomalies tr", has_text="cumulative_decrease").first
    assert anomaly.is_visible() and "557,702" in anomaly.inner_text()
    # the charts drawn from the series view load like the others
    for stem in ("returns_since_2024_12_08_over_time", "syrians_under_temporary_protection_over_time"):
        img = pg.locator(f"img[src$='{stem}.png']").first
        assert img.evaluate("i => i.naturalWidth") > 0, stem


def test_arabic_quotes_read_right_to_left(page):
    pg = page["page"]
    directions = pg.evaluate("() => [...document.querySelectorAll('blockquote[lang=ar]')].map(q => getComputedStyle(q).direction)")
    assert directions and set(directions) == {"rtl"}
    latin = pg.evaluate("() => [...document.querySelectorAll('blockquote[lang=en]')].map(q => getComputedStyle(q).direction)")
    assert latin and set(latin) == {"ltr"}
