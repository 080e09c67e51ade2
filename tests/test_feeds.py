"""Feeds, sitemaps, URL lists and single URLs, fetched from a local HTTP server (never the internet)."""

from __future__ import annotations

import threading
import time
from collections import Counter
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest
from web_pages import article_page, sample_records

from newsgraph.ingest import InputError, read_inputs
from newsgraph.ingest.fetch import Fetcher

SLOW_SECONDS = 3.0


def feed(base: str, entries: list[tuple[str, str]]) -> str:
    items = "".join(f"<item><title>{title}</title><link>{base}{path}</link>"
                    f"<pubDate>Tue, 04 Mar 2025 09:00:00 GMT</pubDate></item>" for path, title in entries)
    return f'<?xml version="1.0"?><rss version="2.0"><channel><title>Wire</title>{items}</channel></rss>'


def sitemap(base: str, paths: list[str]) -> str:
    urls = "".join(f"<url><loc>{base}{path}</loc></url>" for path in paths)
    return f'<?xml version="1.0"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">{urls}</urlset>'


class Site:
    """What the local server serves, and what it was asked for."""

    def __init__(self) -> None:
        self.records = sample_records()[:3]
        self.pages = {f"/news/{i}": article_page(r["title"], r["text"], site_name=r["source"])
                      for i, r in enumerate(self.records)}
        self.hits: Counter[str] = Counter()
        self.agents: set[str] = set()
        self.base = ""

    def documents(self) -> dict[str, tuple[str, str]]:
        base, pages = self.base, list(self.pages)
        broken = ["/missing", "/error", "/loop", "/slow"]
        return {
            **{path: ("text/html", page) for path, page in self.pages.items()},
            "/feed.xml": ("application/rss+xml", feed(base, [(p, f"Story {i}") for i, p in enumerate(pages)])),
            "/sitemap.xml": ("application/xml", sitemap(base, pages + broken)),
            "/index.xml": ("application/xml", '<?xml version="1.0"?><sitemapindex><sitemap>'
                                              f"<loc>{base}/sitemap.xml</loc></sitemap></sitemapindex>"),
            "/broken-feed.xml": ("application/rss+xml", '<?xml version="1.0"?><rss><channel><title>Wire<item>'),
        }


@pytest.fixture(scope="module")
def site():
    state = Site()

    class Handler(BaseHTTPRequestHandler):
        def do_GET(self) -> None:  # noqa: N802 (the http.server name)
            state.hits[self.path] += 1
            state.agents.add(self.headers.get("User-Agent", ""))
            if self.path == "/slow":
                time.sleep(SLOW_SECONDS)
            if self.path == "/loop":
                self.send_response(302)
                self.send_header("Location", "/loop")
                self.end_headers()
                return
            if self.path == "/error":
                self.send_error(500)
                return
            found = state.documents().get(self.path)
            if found is None:
                self.send_error(404)
                return
            body = found[1].encode("utf-8")
            self.send_response(200)
            self.send_header("Content-Type", f"{found[0]}; charset=utf-8")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, *args) -> None:
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    server.daemon_threads = True
    state.base = f"http://127.0.0.1:{server.server_address[1]}"
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield state
    server.shutdown()
    server.server_close()


@pytest.fixture
def fetcher(tmp_path) -> Fetcher:
    return Fetcher(user_agent="newsgraph-tests", delay=0.0, timeout=0.5, retries=1, backoff=0.0,
                   cache=tmp_path / "cache")


def split(items) -> tuple[list, list[InputError]]:
    items = list(items)
    return [i for i in items if not isinstance(i, InputError)], [i for i in items if isinstance(i, InputError)]


def test_a_feed_url_gives_its_entries_pages(site, fetcher):
    articles, errors = split(read_inputs([f"{site.base}/feed.xml"], fetcher=fetcher))
    assert errors == []
    assert [a.title for a in articles] == [r["title"] for r in site.records]
    assert articles[0].url == f"{site.base}/news/0"
    assert articles[0].source == site.records[0]["source"]
    assert articles[0].date == "2025-03-04"  # the page has no date: the feed entry's
    assert site.agents == {"newsgraph-tests"}


def test_a_feed_file_with_full_content_needs_no_fetch(tmp_path, fetcher):
    record = sample_records()[5]
    paragraphs = "".join(f"&lt;p&gt;{line}&lt;/p&gt;" for line in record["text"].splitlines()[1:])
    path = tmp_path / "wire.rss"
    path.write_text(f'<?xml version="1.0"?><rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/'
                    f'content/"><channel><title>Wire</title><item><title>{record["title"]}</title>'
                    f'<link>https://example.org/wire/1</link><content:encoded>{paragraphs}</content:encoded>'
                    f'<pubDate>Wed, 05 Mar 2025 10:00:00 GMT</pubDate></item></channel></rss>', encoding="utf-8")
    [article] = list(read_inputs([str(path)], fetcher=fetcher))
    assert article.title == record["title"] and article.date == "2025-03-05"
    assert article.url == "https://example.org/wire/1" and article.source == "example.org"


def test_a_sitemap_reads_every_page_and_names_each_failure(site, fetcher):
    articles, errors = split(read_inputs([f"{site.base}/index.xml"], fetcher=fetcher))
    assert len(articles) == len(site.pages)
    reasons = {error.source.rsplit("/", 1)[1]: error.reason for error in errors}
    assert reasons["missing"] == "HTTP 404"
    assert reasons["error"].startswith("HTTP 500")
    assert reasons["loop"].startswith("too many redirects")
    assert reasons["slow"].startswith("no answer within 0.5 s")
    assert site.hits["/error"] == 2  # one retry


def test_a_url_list_file_and_the_cache(site, fetcher, tmp_path):
    path = tmp_path / "today.urls"
    path.write_text(f"# morning\n{site.base}/news/0\n{site.base}/news/1\nnot a url\n", encoding="utf-8")
    before = site.hits["/news/1"]
    articles, errors = split(read_inputs([str(path)], fetcher=fetcher))
    assert [a.url for a in articles] == [f"{site.base}/news/0", f"{site.base}/news/1"]
    assert [(e.source, e.reason) for e in errors] == [(f"{path}: line 4", "not an http(s) URL")]
    again, _ = split(read_inputs([str(path)], fetcher=fetcher))
    assert [a.id for a in again] == [a.id for a in articles]
    assert site.hits["/news/1"] == before + 1  # the second read came from the on-disk cache


def test_a_broken_feed_gives_one_line(site, fetcher):
    [error] = list(read_inputs([f"{site.base}/broken-feed.xml"], fetcher=fetcher))
    assert isinstance(error, InputError) and error.reason.startswith("broken feed XML")


def test_a_url_that_never_answers_gives_one_line_and_the_others_are_read(site, fetcher):
    articles, errors = split(read_inputs([f"{site.base}/slow", f"{site.base}/news/2"], fetcher=fetcher))
    assert [a.url for a in articles] == [f"{site.base}/news/2"]
    [error] = errors
    assert error.source == f"{site.base}/slow" and "no answer" in error.reason
