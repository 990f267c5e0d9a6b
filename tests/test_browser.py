"""The example site in a real browser: Debian's chromium, driven by Playwright.

Clicks through objective -> key result -> initiative and back, reads a glossary tooltip, finds
a page with Material's search, and saves screenshots into test-artifacts/ for people to look at.
"""

from __future__ import annotations

import functools
import http.server
import threading
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

from tests.test_site_pages import REPO, Site, example_site

if TYPE_CHECKING:
    from collections.abc import Iterator

    from playwright.sync_api import Browser, Page

__all__ = ["example_site"]  # the shared build, imported as a fixture

CHROMIUM = Path("/usr/bin/chromium")
ARTIFACTS = REPO / "test-artifacts"
OBJECTIVE = "2026-Q4/checkout/peak-proof-checkout/"
KR = OBJECTIVE + "key-results/auth-rate/"
INITIATIVE = OBJECTIVE + "initiatives/smart-retries/"

pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(
        not CHROMIUM.exists(),
        reason="needs Debian's chromium at /usr/bin/chromium (apt-get install chromium)",
    ),
]


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:
        pass


@pytest.fixture(scope="module")
def base_url(example_site: Site) -> Iterator[str]:
    """The example site served over HTTP on localhost."""
    handler = functools.partial(_QuietHandler, directory=str(example_site.root))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()
        server.server_close()


@pytest.fixture(scope="module")
def browser() -> Iterator[Browser]:
    """Headless chromium from the system (never a downloaded browser build)."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=str(CHROMIUM),
            args=[
                "--no-sandbox",
                "--disable-gpu",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--no-first-run",
            ],
        )
        try:
            yield browser
        finally:
            browser.close()


@pytest.fixture
def page(browser: Browser) -> Iterator[Page]:
    """A fresh light-mode page, 1280 pixels wide."""
    context = browser.new_context(viewport={"width": 1280, "height": 900}, color_scheme="light")
    page = context.new_page()
    try:
        yield page
    finally:
        context.close()


def test_click_from_objective_to_key_result_to_initiative_and_back(
    page: Page, base_url: str
) -> None:
    page.goto(base_url + OBJECTIVE)
    assert page.locator("h1").inner_text().startswith("Let every genuine shopper pay")
    page.locator(
        ".okrs-rows a", has_text="Raise first-attempt payment authorisation rate"
    ).first.click()
    page.wait_for_url(base_url + KR)
    assert (
        page.locator("h1").inner_text().startswith("Raise first-attempt payment authorisation rate")
    )
    page.locator(".okrs-rows a", has_text="Retry soft-declined payments").click()
    page.wait_for_url(base_url + INITIATIVE)
    assert (
        page.locator("h1").inner_text() == "Retry soft-declined payments through a second acquirer"
    )
    page.go_back()
    page.wait_for_url(base_url + KR)
    page.go_back()
    page.wait_for_url(base_url + OBJECTIVE)


def test_glossary_term_shows_its_definition_as_a_tooltip(page: Page, base_url: str) -> None:
    page.goto(base_url + KR)
    term = page.locator("abbr", has_text="Baseline").first
    term.hover()
    tooltip = page.get_by_role("tooltip").filter(has_text="metric at the start of the cycle")
    tooltip.first.wait_for(state="visible", timeout=5000)


def test_search_finds_a_key_result(page: Page, base_url: str) -> None:
    page.goto(base_url)
    search = page.locator("input.md-search__input")
    search.click()
    search.press_sequentially("authorisation rate")
    result = page.locator(".md-search-result__item", has_text="first-attempt payment authorisation")
    result.first.wait_for(state="visible", timeout=10000)


def test_pages_read_without_javascript(browser: Browser, base_url: str) -> None:
    context = browser.new_context(
        viewport={"width": 1280, "height": 900}, java_script_enabled=False
    )
    try:
        page = context.new_page()
        page.goto(base_url + KR)
        assert page.locator("svg.okrs-chart").is_visible()
        assert page.locator(".okrs-bar__fill").first.is_visible()
        assert "On track" in page.locator(".okrs-summary").inner_text()
        page.goto(base_url + "2026-Q4/")
        assert page.locator("ul.okrs-tree").is_visible()
    finally:
        context.close()


@pytest.mark.parametrize(
    ("name", "path"),
    [
        ("home", ""),
        ("objective", OBJECTIVE),
        ("key-result", KR),
        ("glossary", "glossary/"),
        ("cycle", "2026-Q4/"),
    ],
)
def test_screenshots_for_people_to_look_at(page: Page, base_url: str, name: str, path: str) -> None:
    ARTIFACTS.mkdir(exist_ok=True)
    page.goto(base_url + path)
    page.wait_for_load_state("networkidle")
    page.screenshot(path=str(ARTIFACTS / f"{name}.png"), full_page=True)
    assert (ARTIFACTS / f"{name}.png").stat().st_size > 10_000


def test_dark_mode_screenshot(browser: Browser, base_url: str) -> None:
    context = browser.new_context(viewport={"width": 1280, "height": 900}, color_scheme="dark")
    try:
        page = context.new_page()
        page.goto(base_url + KR)
        page.wait_for_load_state("networkidle")
        assert page.locator("body").get_attribute("data-md-color-scheme") == "slate"
        ARTIFACTS.mkdir(exist_ok=True)
        page.screenshot(path=str(ARTIFACTS / "key-result-dark.png"), full_page=True)
    finally:
        context.close()
