"""A crawl from `/` reaches every article, actor, event cluster and quotation cluster, with no broken link."""

from __future__ import annotations

import re
import warnings
from collections import deque
from urllib.parse import parse_qsl, unquote, urljoin, urlsplit

import duckdb
import pytest
from web_store import web_store  # noqa: F401  (a fixture)

with warnings.catch_warnings():
    warnings.simplefilter("ignore")
    from fastapi.testclient import TestClient

from newsgraph.web import create_app

HREF = re.compile(r"""(?:href|src)="([^"]+)\"""")
FOLLOWED_QUERY = {"page"}  # pages of a list are followed; facet and sort links are checked, not followed


def links(html: str, base: str) -> list[str]:
    found = []
    for href in HREF.findall(html):
        href = href.replace("&amp;", "&")
        if href.startswith(("http://", "https://", "data:", "#")):
            continue
        found.append(urljoin(base, href).split("#")[0])
    return found


def followed(url: str) -> bool:
    parts = urlsplit(url)
    return not parts.path.endswith((".json", ".csv", ".css", ".js")) and \
        {k for k, _ in parse_qsl(parts.query)} <= FOLLOWED_QUERY


@pytest.fixture(scope="module")
def crawl(web_store):
    client = TestClient(create_app(web_store))
    seen, broken, pages = {"/"}, [], set()
    queue = deque(["/"])
    while queue:
        url = queue.popleft()
        answer = client.get(url)
        if answer.status_code != 200:
            broken.append((url, answer.status_code))
            continue
        if not followed(url) or not answer.headers["content-type"].startswith("text/html"):
            continue
        pages.add(unquote(urlsplit(url).path))
        for link in links(answer.text, url):
            if link not in seen:
                seen.add(link)
                queue.append(link)
    return pages, broken, len(seen)


def test_no_broken_link(crawl):
    pages, broken, checked = crawl
    assert checked > 500
    assert broken == []


@pytest.mark.parametrize("kind, prefix, sql", [
    ("article", "/articles/", "SELECT article_id FROM articles"),
    ("actor", "/actors/", "SELECT corpus_actor_id FROM corpus_actors"),
    ("event cluster", "/event-clusters/", "SELECT cluster_id FROM event_clusters"),
    ("quotation cluster", "/quote-clusters/", "SELECT cluster_id FROM quote_clusters"),
])
def test_crawl_reaches_every_item(crawl, web_store, kind, prefix, sql):
    pages = crawl[0]
    with duckdb.connect(str(web_store), read_only=True) as connection:
        ids = [str(row[0]) for row in connection.execute(sql).fetchall()]
    missing = [i for i in ids if prefix + i not in pages]
    assert ids and missing == [], f"{len(missing)} of {len(ids)} {kind} pages not reached: {missing[:5]}"


def test_article_ids_with_slashes_open(web_store):
    client = TestClient(create_app(web_store))
    for path in ("/articles/wire/2025/07/harbour-talks", "/articles/wire%2F2025%2F07%2Fharbour-talks"):
        assert client.get(path).status_code == 200
        assert client.get(f"{path}.json").json()["id"] == "wire/2025/07/harbour-talks"


def test_relation_errors_keep_the_picker(web_store):
    answer = TestClient(create_app(web_store)).get("/relations", params={"a": "Narnia", "b": "RUS"})
    assert answer.status_code == 404
    assert 'name="a" value="Narnia"' in answer.text and 'name="b" value="RUS"' in answer.text
