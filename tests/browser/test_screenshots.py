"""A screenshot of every kind of page at 1400 px and at 400 px, each checked for a clean console and, on
the phone, for no sideways scrolling. Set NEWSGRAPH_SCREENSHOTS to keep them in a folder."""

from __future__ import annotations

from urllib.parse import quote

import pytest
from conftest import NARROW, WIDE

PAGES = {  # kind: path on the test store
    "home": "/",
    "articles": "/articles",
    "article": "/articles/" + quote("wire/2025/07/harbour-talks", safe=""),
    "quotes": "/quotes",
    "speakers": "/speakers",
    "events": "/events",
    "actors": "/actors",
    "actor": "/actors/country%3Arussia",
    "names": "/names/Varga",
    "network": "/network/country%3Arussia",
    "relations": "/relations?a=RUS&b=NATO",
    "search": "/search?q=talks",
    "error": "/quotes?since=yesterday",
    "quote_cluster": None,  # the first cluster, found at run time
    "event_cluster": None,
}


def first_link(tab, path: str, selector: str) -> str:
    tab.open(path)
    return tab.page.locator(selector).first.get_attribute("href")


@pytest.fixture(scope="module")
def page_paths(browser, site):
    context = browser.new_context()
    page = context.new_page()
    page.goto(site + "/quotes?sort=date&order=asc")
    quote_cluster = page.locator("a[href^='/quote-clusters/']").first.get_attribute("href")
    page.goto(site + "/events")
    event_cluster = page.locator("a[href^='/event-clusters/']").first.get_attribute("href")
    context.close()
    return {**PAGES, "quote_cluster": quote_cluster, "event_cluster": event_cluster}


@pytest.mark.parametrize("kind", list(PAGES))
@pytest.mark.parametrize("width", [WIDE, NARROW])
def test_every_kind_of_page_renders(browser, site, page_paths, screenshots, kind, width):
    context = browser.new_context(viewport={"width": width, "height": 900})
    page = context.new_page()
    errors = []
    page.on("console", lambda message: message.type == "error" and errors.append(message.text))
    page.on("pageerror", lambda error: errors.append(str(error)))
    response = page.goto(site + page_paths[kind])
    assert response.status == (400 if kind == "error" else 200)
    assert page.locator("meta[name=viewport]").count() == 1
    assert page.locator("h1").inner_text().strip()
    overflow = page.evaluate("document.documentElement.scrollWidth - document.documentElement.clientWidth")
    assert overflow <= 1, f"{kind} scrolls sideways by {overflow} px at {width} px"
    page.screenshot(path=str(screenshots / f"{kind}-{width}.png"), full_page=width == NARROW)
    context.close()
    expected = ["Failed to load resource: the server responded with a status of 400 (Bad Request)"] \
        if kind == "error" else []
    assert errors == expected, f"console errors on {kind}: {errors}"
