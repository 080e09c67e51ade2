"""News on the web: RSS and Atom feeds, sitemaps, lists of URLs and single URLs, fetched politely.

Each page is fetched with the given Fetcher and read like a crawled page (``pages.page_article``);
each URL that fails is one skipped input with its reason, and the others go on.
"""

from __future__ import annotations

import html
import re
import xml.etree.ElementTree as ElementTree
from collections.abc import Iterable, Iterator

import feedparser

from ..model import Article
from .fetch import Fetcher, FetchError
from .pages import page_article
from .readers import MIN_BODY_WORDS, InputError

MAX_SITEMAP_DEPTH = 3  # a sitemap index of sitemap indexes of sitemaps
FEED_MARKERS = (b"<rss", b"<feed", b"<rdf:rdf")
SITEMAP_MARKERS = (b"<urlset", b"<sitemapindex")
URL_LINE = re.compile(r"^https?://\S+$", re.IGNORECASE)


def is_url(text: str) -> bool:
    return bool(URL_LINE.match(text))


def web_kind(data: bytes) -> str | None:
    """'feed', 'sitemap' or None (a page), from the first bytes of an XML document."""
    head = data.lstrip()[:2048].lower()
    if any(marker in head for marker in FEED_MARKERS):
        return "feed"
    if any(marker in head for marker in SITEMAP_MARKERS):
        return "sitemap"
    return None


def read_url(url: str, fetcher: Fetcher) -> Iterator[Article | InputError]:
    """The article at a URL, or every article of the feed or sitemap found there."""
    try:
        page = fetcher.fetch(url)
    except FetchError as error:
        yield InputError(url, str(error))
        return
    kind = web_kind(page.body)
    if kind == "feed":
        yield from read_feed(page.body, url, fetcher)
    elif kind == "sitemap":
        yield from read_sitemap(page.body, url, fetcher)
    else:
        yield page_article(page.body, page.url, url)


def read_urls(urls: Iterable[str], fetcher: Fetcher) -> Iterator[Article | InputError]:
    for url in dict.fromkeys(urls):
        yield from read_page(url, fetcher)


def read_page(url: str, fetcher: Fetcher, **fields) -> Iterator[Article | InputError]:
    try:
        page = fetcher.fetch(url)
    except FetchError as error:
        yield InputError(url, str(error))
        return
    yield page_article(page.body, page.url, url, **fields)


def read_url_list(text: str, origin: str, fetcher: Fetcher) -> Iterator[Article | InputError]:
    """One URL a line; blank lines and lines starting with # are skipped, anything else is an error."""
    urls = []
    for number, line in enumerate(text.splitlines(), 1):
        line = line.strip()
        if not line or line.startswith("#"):
            continue
        if is_url(line):
            urls.append(line)
        else:
            yield InputError(f"{origin}: line {number}", "not an http(s) URL")
    yield from read_urls(urls, fetcher)


def read_sitemap(data: bytes, origin: str, fetcher: Fetcher, depth: int = 0) -> Iterator[Article | InputError]:
    """Every page a sitemap lists; a sitemap index's sitemaps are fetched in turn."""
    try:
        root = ElementTree.fromstring(data)
    except ElementTree.ParseError as error:
        yield InputError(origin, f"broken sitemap XML ({error})")
        return
    locations = [element.text.strip() for element in root.iter() if element.tag.endswith("loc") and element.text]
    if not root.tag.endswith("sitemapindex"):
        yield from read_urls(locations, fetcher)
        return
    if depth >= MAX_SITEMAP_DEPTH:
        yield InputError(origin, f"sitemap indexes nested deeper than {MAX_SITEMAP_DEPTH}")
        return
    for location in locations:
        try:
            page = fetcher.fetch(location)
        except FetchError as error:
            yield InputError(location, str(error))
            continue
        yield from read_sitemap(page.body, location, fetcher, depth + 1)


def read_feed(data: bytes, origin: str, fetcher: Fetcher) -> Iterator[Article | InputError]:
    """Each entry of an RSS or Atom feed: its full content when the feed carries it, else its page."""
    feed = feedparser.parse(data)
    if feed.bozo and not feed.entries:
        reason = str(feed.get("bozo_exception", "")).strip().splitlines()[:1] or ["unknown error"]
        yield InputError(origin, f"broken feed XML ({reason[0]})")
        return
    if feed.bozo:
        yield InputError(origin, f"feed XML partly broken; read the {len(feed.entries)} entries before the break")
    for number, entry in enumerate(feed.entries, 1):
        yield from feed_entry(entry, f"{origin}: entry {number}", fetcher)


def feed_entry(entry, where: str, fetcher: Fetcher) -> Iterator[Article | InputError]:
    link = entry.get("link")
    date = entry.get("published") or entry.get("updated")
    content = "".join(part.get("value", "") for part in entry.get("content", []))
    if len(re.sub(r"<[^>]+>", " ", content).split()) >= MIN_BODY_WORDS:
        title = entry.get("title") or ""
        page = f"<html><head><title>{html.escape(title)}</title></head><body><article>{content}</article></body></html>"
        yield page_article(page.encode("utf-8"), link, where, date=date)
    elif link:
        yield from read_page(link, fetcher, date=date)
    else:
        yield InputError(where, "feed entry has neither content nor a link")
