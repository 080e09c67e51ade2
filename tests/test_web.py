"""The web view: each HTML page and its JSON twin answer the same question from the store."""

from __future__ import annotations

import warnings

import pytest
from corpus_records import sample_corpus

from newsgraph.corpus import link_corpus, stored_rows
from newsgraph.store import Store, merge_rows

with warnings.catch_warnings():
    warnings.simplefilter("ignore")
    from fastapi.testclient import TestClient

from newsgraph.web import create_app


@pytest.fixture(scope="module")
def client(tmp_path_factory):
    path = tmp_path_factory.mktemp("web") / "newsgraph.duckdb"
    with Store(path) as store:
        store.add_articles(merge_rows(stored_rows(r) for r in sample_corpus()))
        link_corpus(store)
    return TestClient(create_app(path))


@pytest.mark.parametrize("path", ["/", "/speakers", "/quotes", "/actors", "/actors/NATO", "/relations/NATO/RUS"])
def test_every_page_has_a_json_twin(client, path):
    page = client.get(path)
    twin = client.get("/index.json" if path == "/" else f"{path}.json")
    assert page.status_code == 200 and page.headers["content-type"].startswith("text/html")
    assert twin.status_code == 200 and twin.headers["content-type"] == "application/json"
    assert twin.json()["tables"]
    assert ">JSON</a>" in page.text


def test_speakers_json_matches_the_corpus_query(client):
    speakers = client.get("/speakers.json", params={"top": "2"}).json()["tables"]["speakers"]
    assert len(speakers) <= 2
    assert {"speaker", "quotes", "articles"} <= set(speakers[0])


def test_names_link_to_actor_pages(client):
    assert "href='/actors/" in client.get("/speakers").text


def test_unknown_actor_is_404_with_close_matches(client):
    answer = client.get("/actors/Nato.json")
    assert answer.status_code == 200
    missing = client.get("/relations/Narnia/RUS.json")
    assert missing.status_code == 404
    assert "no actor matches 'Narnia'" in missing.json()["error"]
    assert client.get("/relations/Narnia/RUS").status_code == 404


def test_bad_query_values_are_400_not_500(client):
    assert client.get("/speakers.json", params={"top": "lots"}).status_code == 400
    assert client.get("/quotes.json", params={"since": "yesterday"}).status_code == 400
    injected = client.get("/quotes.json", params={"search": "'; DROP TABLE quotes; --"})
    assert injected.status_code == 200 and injected.json()["tables"]["quotation clusters"] == []


def test_relations_chart_is_a_png(client):
    chart = client.get("/relations/NATO/RUS.png")
    assert chart.status_code == 200 and chart.content.startswith(b"\x89PNG")


def test_article_page_twin_is_the_analysis_record(client):
    record = client.get("/articles/reply.json").json()
    assert (record["id"], record["article"]["date"], record["article"]["source"]) == ("reply", "2025-01-11",
                                                                                    "Baltic Times")
    page = client.get("/articles/reply")
    assert page.status_code == 200 and record["article"]["title"] in page.text
    assert client.get("/articles/no-such-article.json").status_code == 404
