"""Fetching web pages politely: a user agent, a delay per host, retries with backoff, a timeout and a cache.

Settings come from the arguments, else from the environment (``NEWSGRAPH_USER_AGENT``,
``NEWSGRAPH_FETCH_DELAY``, ``NEWSGRAPH_FETCH_TIMEOUT``, ``NEWSGRAPH_FETCH_RETRIES``, ``NEWSGRAPH_CACHE``).
Only pages that were fetched whole with status 200 are cached.
"""

from __future__ import annotations

import hashlib
import json
import os
import threading
import time
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urljoin, urlsplit

import urllib3
from urllib3.exceptions import ConnectTimeoutError, HTTPError, MaxRetryError, ProtocolError, ReadTimeoutError
from urllib3.util import Retry, Timeout

USER_AGENT = "newsgraph (news research; set NEWSGRAPH_USER_AGENT to name yourself)"
DELAY_SECONDS = 1.0
TIMEOUT_SECONDS = 20.0
RETRIES = 3
BACKOFF_SECONDS = 0.5
MAX_REDIRECTS = 10
MAX_PAGE_BYTES = 20_000_000
RETRY_STATUSES = frozenset({429, 500, 502, 503, 504})


class FetchError(Exception):
    """A page that could not be fetched; the message says why in one line."""


@dataclass(frozen=True)
class Page:
    url: str  # after redirects
    body: bytes
    content_type: str


def default_cache() -> Path:
    base = os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache"
    return Path(os.environ.get("NEWSGRAPH_CACHE") or Path(base) / "newsgraph" / "pages")


class Fetcher:
    """Fetches pages one host at a time, at most one request per ``delay`` seconds to each host."""

    def __init__(self, *, user_agent: str | None = None, delay: float | None = None, timeout: float | None = None,
                 retries: int | None = None, backoff: float = BACKOFF_SECONDS,
                 cache: Path | str | None = None) -> None:
        env = os.environ.get
        self.user_agent = user_agent or env("NEWSGRAPH_USER_AGENT") or USER_AGENT
        self.delay = float(delay if delay is not None else env("NEWSGRAPH_FETCH_DELAY", DELAY_SECONDS))
        self.timeout = float(timeout if timeout is not None else env("NEWSGRAPH_FETCH_TIMEOUT", TIMEOUT_SECONDS))
        self.retries = int(retries if retries is not None else env("NEWSGRAPH_FETCH_RETRIES", RETRIES))
        self.cache = Path(cache) if cache is not None else default_cache()
        self.pool = urllib3.PoolManager(headers={"User-Agent": self.user_agent}, retries=Retry(
            total=self.retries, connect=self.retries, read=self.retries, status=self.retries,
            redirect=MAX_REDIRECTS, backoff_factor=backoff, status_forcelist=RETRY_STATUSES,
            raise_on_status=False, raise_on_redirect=True))
        self.last_request: dict[str, float] = {}
        self.lock = threading.Lock()

    def fetch(self, url: str) -> Page:
        """The page at ``url`` (from the cache when there), or FetchError."""
        cached = self.cached(url)
        if cached:
            return cached
        self.wait_for_host(url)
        try:
            response = self.pool.request("GET", url, timeout=Timeout(connect=self.timeout, read=self.timeout),
                                         preload_content=False)
        except MaxRetryError as error:
            raise FetchError(self.failure(error.reason)) from None
        except HTTPError as error:
            raise FetchError(self.failure(error)) from None
        try:
            if response.status != 200:
                tries = " after retries" if response.status in RETRY_STATUSES and self.retries else ""
                raise FetchError(f"HTTP {response.status}{tries}")
            body = response.read(MAX_PAGE_BYTES + 1)
        except (ProtocolError, ReadTimeoutError) as error:
            raise FetchError(self.failure(error)) from None
        finally:
            response.release_conn()
        if len(body) > MAX_PAGE_BYTES:
            raise FetchError(f"page larger than {MAX_PAGE_BYTES // 1_000_000} MB")
        final_url = urljoin(url, response.geturl() or url)  # urllib3 may give only the path
        page = Page(final_url, body, response.headers.get("Content-Type", ""))
        self.store(url, page)
        return page

    def failure(self, error: BaseException | None) -> str:
        if isinstance(error, (ReadTimeoutError, ConnectTimeoutError)):
            return f"no answer within {self.timeout:g} s (tried {self.retries + 1} times)"
        text = str(error or "")
        if "redirect" in text.lower():
            return f"too many redirects (more than {MAX_REDIRECTS})"
        if "refused" in text.lower():
            return "connection refused"
        return f"cannot fetch: {type(error).__name__}"

    def wait_for_host(self, url: str) -> None:
        host = urlsplit(url).netloc.lower()
        with self.lock:
            ready = self.last_request.get(host, 0.0) + self.delay
            now = time.monotonic()
            if ready > now:
                time.sleep(ready - now)
            self.last_request[host] = time.monotonic()

    def cache_path(self, url: str) -> Path:
        digest = hashlib.sha256(url.encode("utf-8")).hexdigest()
        return self.cache / digest[:2] / digest

    def cached(self, url: str) -> Page | None:
        path = self.cache_path(url)
        try:
            meta = json.loads(path.with_suffix(".json").read_text("utf-8"))
            return Page(meta["url"], path.with_suffix(".body").read_bytes(), meta["content_type"])
        except (OSError, ValueError, KeyError):
            return None

    def store(self, url: str, page: Page) -> None:
        path = self.cache_path(url)
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            path.with_suffix(".body").write_bytes(page.body)
            # The metadata is written last: a page is in the cache only once both files are whole.
            path.with_suffix(".json").write_text(json.dumps({"url": page.url, "content_type": page.content_type}))
        except OSError:
            pass  # an unwritable cache only costs a fetch next time
