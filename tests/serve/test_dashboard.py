"""End-to-end: the dashboard in headless Chromium against a live server on a loopback port.

The ledger holds the sample corpus (examples/, analysed with the real pipeline), a few
hand-written reports with located events, and synthetic reports with located places. Every
test also checks that the page raised no Content-Security-Policy violation. Every page is
also screenshotted; the pictures go to a temporary directory, or to the directory named by
``CC_SCREENSHOTS`` (``CC_SCREENSHOTS=docs/screenshots`` refreshes the README's pictures), so a
test run leaves the working tree unchanged.
"""

from __future__ import annotations

import os
import socket
import tempfile
import threading
import time
from pathlib import Path

import pytest

from serve.builders import HOSTILE, event_report, hostile_report, ostria_report

CHROMIUM = Path("/usr/bin/chromium")
SCREENSHOTS = Path(os.environ.get("CC_SCREENSHOTS") or tempfile.mkdtemp(prefix="cc-screens-"))
STATUSES = {"asserted", "attributed", "reported", "alleged", "purported", "hedged"}

pytestmark = [
    pytest.mark.model, pytest.mark.slow,
    pytest.mark.skipif(not CHROMIUM.exists(), reason="needs /usr/bin/chromium "
                       "(apt-get install chromium); Playwright's own browsers are not used"),
]
sync_api = pytest.importorskip("playwright.sync_api", reason="pip install playwright")


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    import uvicorn

    from counterclaim.ledger.synthetic import generate
    from counterclaim.serve import create_app
    from serve.corpus import build_sample_ledger

    ledger = build_sample_ledger(str(tmp_path_factory.mktemp("e2e") / "sample.db"))
    ledger.stance_fn = None
    ledger.add(ostria_report())
    ledger.add(hostile_report())
    for i in range(6):
        ledger.add(event_report(i))
    ledger.add_many(generate(40, seed=11, start="2026-02-01", per_day=10))
    port = _free_port()
    config = uvicorn.Config(create_app(ledger), host="127.0.0.1", port=port,
                            log_level="warning")
    uv = uvicorn.Server(config)
    thread = threading.Thread(target=uv.run, daemon=True)
    thread.start()
    deadline = time.time() + 30
    while not uv.started and time.time() < deadline:
        time.sleep(0.05)
    assert uv.started, "the server did not start"
    yield f"http://127.0.0.1:{port}", ledger
    uv.should_exit = True
    thread.join(timeout=10)
    ledger.close()


@pytest.fixture(scope="module")
def browser():
    with sync_api.sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=str(CHROMIUM), headless=True, args=[
            "--no-sandbox", "--disable-gpu", "--disable-background-networking",
            "--disable-component-update", "--disable-sync", "--no-first-run"])
        yield chromium
        chromium.close()


class Watched:
    """A page that records dialogs, requests and CSP violations while a test drives it."""

    def __init__(self, browser, base: str):
        self.context = browser.new_context(viewport={"width": 1280, "height": 900})
        self.page = self.context.new_page()
        self.base = base
        self.dialogs, self.requests, self.csp = [], [], []
        self.page.on("dialog", lambda d: (self.dialogs.append(d.message), d.dismiss()))
        self.page.on("request", lambda r: self.requests.append(r.url))
        self.page.on("console", lambda m: "Content Security Policy" in m.text
                     and self.csp.append(m.text))

    def go(self, path: str):
        self.page.goto(self.base + path)
        return self.page

    def shot(self, name: str) -> None:
        SCREENSHOTS.mkdir(parents=True, exist_ok=True)
        self.page.screenshot(path=str(SCREENSHOTS / f"{name}.png"), full_page=False)

    def close(self):
        self.context.close()


@pytest.fixture()
def watched(browser, server):
    view = Watched(browser, server[0])
    yield view
    assert view.csp == [], "CSP violations: " + "; ".join(view.csp)
    assert all(url.startswith(server[0]) or url.startswith("data:")
               for url in view.requests), "requests left the server"
    view.close()


def test_disputes_board_to_article_with_highlighted_claims(watched, server):
    page = watched.go("/disputes")
    cards = page.locator("li.dispute")
    assert cards.count() >= 3
    watched.shot("disputes")
    last_seen = [t for t in page.locator("li.dispute time.last-seen").all_inner_texts()]
    assert last_seen == sorted(last_seen, reverse=True)
    link = page.locator("li.dispute a.claim-link").first
    claim_id = link.get_attribute("href").split("#claim-")[1]
    with page.expect_navigation():
        link.click()
    assert "/articles/" in page.url
    article_id = page.url.split("/articles/")[1].split("#")[0]
    report = server[1].article(article_id)
    # The claim followed from the board is pinned and its details are shown.
    detail = page.locator(f"#claim-{claim_id}")
    assert detail.is_visible()
    assert page.locator(f"mark.cc-active[data-claim='{claim_id}']").count() >= 1
    # Every claim of the stored report is highlighted with its status.
    for claim in report.claims:
        marks = page.locator(f"#article-text mark.cc-claim[data-claim='{claim.id}']")
        if marks.count():
            assert marks.first.get_attribute("data-status") == claim.status
    shown = set(page.locator("#article-text mark.cc-claim").evaluate_all(
        "els => els.map(e => e.dataset.status)"))
    assert shown and shown <= STATUSES
    watched.shot("article")


def test_hovering_a_claim_shows_source_cue_and_denials(watched, server):
    page = watched.go("/articles/feedc0de00000001")
    page.locator("#article-text mark.cc-claim[data-claim='c2']").first.hover()
    detail = page.locator("#claim-c2")
    assert detail.is_visible()
    assert "Free Highlands Front" in detail.locator(".d-source").inner_text()
    assert "denied" in detail.locator(".d-cue").inner_text()
    assert "statement" in detail.locator(".d-channel").inner_text()
    assert "2026-03-02" in detail.locator(".d-date").inner_text()
    assert "captured Dalmar" in detail.locator(".d-denies").inner_text()
    page.locator("#article-text mark.cc-claim[data-claim='c1']").first.click()
    assert page.locator("#claim-c1 .d-denied-by").is_visible()
    assert not detail.is_visible()


def test_headline_claim_is_marked_in_the_title(watched, server):
    page = watched.go("/articles/feedc0de00000001")
    assert page.locator("#article-text mark[data-claim='h1']").count() == 0
    mark = page.locator("#article-title mark.cc-claim[data-claim='h1']")
    assert mark.inner_text() == "Dalmar captured"
    mark.hover()
    detail = page.locator("#claim-h1")
    assert detail.is_visible() and "headline" in detail.locator("h2").inner_text()
    assert "Army" in detail.locator(".d-source").inner_text()


def test_filter_disputes_by_entity_then_entity_page(watched, server):
    page = watched.go("/disputes")
    page.fill("form.filters input[name=entity]", "FHF")
    with page.expect_navigation():
        page.click("form.filters button[type=submit]")
    assert "entity=FHF" in page.url
    shown = page.locator("li.dispute").evaluate_all("els => els.map(e => e.dataset.cluster)")
    expected = [d.cluster_id for d in server[1].disputes(entity="FHF", limit=25)]
    assert shown == expected and shown
    watched.shot("disputes-filtered")
    page = watched.go("/entities/FHF")
    assert "Free Highlands Front" in page.locator("h1.entity-name").inner_text()
    assert page.locator("li.history-item").count() >= 1
    assert page.locator("svg.activity rect").count() >= 1
    watched.shot("entity")


def test_map_shows_places_and_leads_to_claims(watched, server):
    page = watched.go("/map")
    page.wait_for_selector("#map-status[data-ready=true]", timeout=60000)
    assert page.locator("path.leaflet-interactive.place-marker").count() >= 3
    assert page.locator("path.status-disputed").count() >= 1  # Dalmar's event and claims
    assert page.locator(".leaflet-overlay-pane path").count() > 100  # the countries drawn
    watched.shot("map")
    # A place's events are small dots drawn over its circle, so a click at the circle's centre
    # opens an event's popup; send the click to the place's own path instead.
    page.locator("path.place-marker.status-disputed").first.dispatch_event("click")
    # The marker sits near the map's corner, so its popup opens off-screen and Leaflet pans it
    # into view over a quarter second (the pane carries leaflet-pan-anim meanwhile). A click
    # made during the pan lands where the link was, on the map, and nothing navigates.
    page.wait_for_selector(".leaflet-map-pane.leaflet-pan-anim", state="detached")
    link = page.locator(".leaflet-popup a", has_text="Claims about")
    link.wait_for()
    with page.expect_navigation():
        link.click()
    assert "/claims?place=" in page.url
    assert page.locator("tr.claim-item").count() >= 1


def test_timeline_and_claims_pages(watched, server):
    page = watched.go("/timeline?since=2026-03-01")
    days = page.locator("ol.timeline > li.day time").all_inner_texts()
    assert days and days == sorted(days)
    watched.shot("timeline")
    page = watched.go("/claims?status=attributed")
    statuses = page.locator("tr.claim-item").evaluate_all("els => els.map(e => e.dataset.status)")
    assert statuses and set(statuses) == {"attributed"}
    watched.shot("claims")
    page = watched.go("/search?q=Dalmar")
    assert page.locator("li.hit").count() >= 1
    watched.shot("search")


def test_ingest_a_pasted_article_and_see_it(watched, server):
    page = watched.go("/ingest")
    page.fill("#ingest-title", "Kessen bridge reopened, council says")
    page.fill("#ingest-outlet", "Vorna Radio")
    page.fill("#ingest-text", "KESSEN -- The town council said on Tuesday that the Kessen "
              "bridge had reopened to traffic. The FHF denied that the army controlled it.")
    page.click("#ingest-submit")
    page.wait_for_selector("#ingest-status[data-done=true]", timeout=60000)
    assert page.locator("#ingest-progress").evaluate("p => p.value") == 1
    watched.shot("ingest")
    link = page.locator("#ingest-results a.ingested-link")
    assert link.inner_text() == "Kessen bridge reopened, council says"
    with page.expect_navigation():
        link.click()
    assert page.locator("h1.article-title").inner_text() == "Kessen bridge reopened, council says"
    assert page.locator("#article-text mark.cc-claim").count() >= 1
    page = watched.go("/articles?outlet=Vorna+Radio")
    assert "Kessen bridge reopened" in page.locator("table.articles-list").inner_text()


def test_hostile_article_runs_nothing(watched, server):
    page = watched.go("/ingest")
    page.fill("#ingest-title", '<img src=x onerror="alert(5)">')
    page.fill("#ingest-text", HOSTILE + "\n\nThe army said the FHF had fled Vorna.")
    page.click("#ingest-submit")
    page.wait_for_selector("#ingest-status[data-done=true]", timeout=60000)
    with page.expect_navigation():
        page.locator("#ingest-results a.ingested-link").click()
    for mark in page.locator("#article-text mark").all()[:10]:
        mark.hover()
        mark.click()
    stored = watched.go("/articles/" + hostile_report().article.id)
    assert '<script>alert("xss")</script>' in stored.locator("#article-text").inner_text()
    for mark in stored.locator("#article-text mark").all():
        mark.hover()
        mark.click()
    for path in ["/articles", "/claims", "/search?q=fighting", "/timeline"]:
        watched.go(path)
    for selector in ["script:not([src])", "#article-text a", "#article-text img", "[onerror]",
                     "[onmouseover]", "a[href^='javascript:']"]:
        assert stored.locator(selector).count() == 0, selector
    time.sleep(0.5)
    assert watched.dialogs == []
    assert not [url for url in watched.requests if url.rstrip("/").endswith("/x")]
