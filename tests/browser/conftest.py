"""Browser tests: a store built from the bundled samples, served on a free port, read by headless Chromium.

They skip, with the reason, when Playwright or a Chromium executable is missing. Playwright never
downloads a browser here: it drives the system's ``chromium`` (Debian's package) by its path.
"""

from __future__ import annotations

import os
import shutil
import socket
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from web_store import web_store  # noqa: F401  (a fixture)
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--no-first-run"]
WIDE, NARROW = 1400, 400


def chromium_path() -> str | None:
    for candidate in (os.environ.get("NEWSGRAPH_CHROMIUM"), shutil.which("chromium"), "/usr/bin/chromium"):
        if candidate and Path(candidate).is_file():
            return candidate
    return None


@pytest.fixture(scope="session")
def chromium() -> str:
    path = chromium_path()
    if path is None:
        pytest.skip("no Chromium found (install Debian's `chromium` package, or set NEWSGRAPH_CHROMIUM)")
    try:
        import playwright  # noqa: F401
    except ImportError:
        pytest.skip("Playwright for Python is not installed (pip install -e '.[test]')")
    return path


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@pytest.fixture(scope="session")
def site(web_store, chromium) -> Iterator[str]:
    """The base URL of `newsgraph serve` answering from the test store in a background thread."""
    import uvicorn

    from newsgraph.web import create_app

    port = free_port()
    server = uvicorn.Server(uvicorn.Config(create_app(web_store), host="127.0.0.1", port=port, log_level="warning"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 30
    while not server.started and time.monotonic() < deadline:
        time.sleep(0.05)
    yield f"http://127.0.0.1:{port}"
    server.should_exit = True
    thread.join(timeout=10)


@pytest.fixture(scope="session")
def browser(chromium):
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=chromium, args=CHROMIUM_ARGS)
        yield launched
        launched.close()


class Tab:
    """A browser page that records console errors and uncaught exceptions, with the site's base URL."""

    def __init__(self, page, base: str) -> None:
        self.page, self.base, self.errors = page, base, []
        page.on("console", lambda message: message.type == "error" and self.errors.append(message.text))
        page.on("pageerror", lambda error: self.errors.append(str(error)))

    def open(self, path: str):
        response = self.page.goto(self.base + path)
        return response


@pytest.fixture
def tab(browser, site) -> Iterator[Tab]:
    context = browser.new_context(viewport={"width": WIDE, "height": 900})
    opened = Tab(context.new_page(), site)
    yield opened
    context.close()
    assert opened.errors == [], f"browser console errors: {opened.errors}"


@pytest.fixture
def phone(browser, site) -> Iterator[Tab]:
    context = browser.new_context(viewport={"width": NARROW, "height": 800}, is_mobile=True, has_touch=True)
    opened = Tab(context.new_page(), site)
    yield opened
    context.close()
    assert opened.errors == [], f"browser console errors: {opened.errors}"


@pytest.fixture(scope="session")
def screenshots(tmp_path_factory) -> Path:
    """Where screenshots go: $NEWSGRAPH_SCREENSHOTS, else a temporary folder."""
    folder = Path(os.environ.get("NEWSGRAPH_SCREENSHOTS") or tmp_path_factory.mktemp("screenshots"))
    folder.mkdir(parents=True, exist_ok=True)
    return folder
