"""The web workbench without a browser: every page and its JSON twin answer from the store, lists give CSV,
bad values are a 400 with the form kept, and searches match whole words only."""

from __future__ import annotations

import csv
import io
import warnings
from datetime import date

import pytest
from corpus_records import linked_store

with warnings.catch_warnings():
    warnings.simplefilter("ignore")
    from fastapi.testclient import TestClient

from newsgraph.web import create_app
from newsgraph.web.charts import MAX_BARS, bars, choose_period
from newsgraph.web.reader import Mark, runs
from newsgraph.web.search import parse_search

NATO = "/actors/org:nato"


@pytest.fixture(scope="module")
def client(tmp_path_factory):
    return TestClient(create_app(linked_store(tmp_path_factory.mktemp("web") / "newsgraph.duckdb")))


def actor_path(client, name: str) -> str:
    [found] = [a for a in client.get("/actors.json", params={"q": name}).json()["rows"] if a["name"] == name]
    return f"/actors/{found['actor_id']}"


@pytest.mark.parametrize("path", ["/", "/articles", "/quotes", "/events", "/actors", "/speakers", "/relations",
                                  "/search", "/articles/reply", "/names/NATO"])
def test_every_page_has_a_json_twin(client, path):
    page = client.get(path)
    twin = client.get("/index.json" if path == "/" else f"{path}.json")
    assert page.status_code == 200 and page.headers["content-type"].startswith("text/html")
    assert twin.status_code == 200 and twin.headers["content-type"] == "application/json"
    assert 'class="twin"' in page.text and '<meta name="viewport"' in page.text


def test_list_pages_have_totals_facets_sorting_and_csv(client):
    listing = client.get("/quotes.json", params={"sort": "date", "order": "asc"}).json()
    assert listing["total"] == 6 and len(listing["rows"]) == 6
    assert [r["date"] for r in listing["rows"]] == sorted(r["date"] for r in listing["rows"])
    assert {f["param"] for f in listing["facets"]} >= {"speaker", "kind", "outlet"}
    one_page = client.get("/quotes.json", params={"size": "2"}).json()
    assert one_page["pages"] == 3 and one_page["next"] == "/quotes?size=2&page=2"
    rows = list(csv.DictReader(io.StringIO(client.get("/quotes.csv", params={"kind": "partial"}).text)))
    assert len(rows) == 2 and {r["kind"] for r in rows} == {"partial"}


def test_speakers_are_linked_by_id_and_names_lead_to_a_choice(client):
    speakers = client.get("/speakers.json").json()["rows"]
    assert all(s["actor_id"] for s in speakers)
    stoltenberg = actor_path(client, "Jens Stoltenberg")
    assert client.get(stoltenberg).status_code == 200
    choices = client.get("/names/Stoltenberg.json").json()["actors"]
    assert "Jens Stoltenberg" in {a["name"] for a in choices}


def test_oversized_and_wrong_values_are_400_and_keep_the_form(client):
    for path, params in (("/speakers", {"top": "99999999999999999999999"}),
                         ("/speakers", {"size": "99999999999999999999999"}), ("/events", {"page": "0"}),
                         ("/quotes", {"since": "yesterday"}), ("/actors", {"sort": "nonsense"})):
        answer = client.get(path, params=params)
        assert answer.status_code == 400, params
        assert "--" not in answer.text and f'<form class="filters" action="{path}"' in answer.text
        [(name, value)] = params.items()
        if name == "since":
            assert f'name="{name}" value="{value}"' in answer.text
    assert client.get("/speakers.json", params={"top": "99999999999999999999999"}).status_code == 400
    assert client.get("/events", params={"cluster": "9" * 30}).status_code == 400


def test_empty_filters_use_the_defaults(client):
    answer = client.get("/speakers", params={"q": "", "type": "", "country": "", "outlet": ""})
    assert answer.status_code == 200
    assert client.get("/relations", params={"a": "NATO", "b": "RUS", "by": ""}).status_code == 200


def test_unknown_paths_and_actors_get_the_error_page(client):
    for path in ("/no/such/page", "/actors/nobody", "/articles/no-such-article", "/event-clusters/12"):
        answer = client.get(path)
        assert answer.status_code == 404 and answer.headers["content-type"].startswith("text/html")
        assert 'role="alert"' in answer.text
    assert client.get("/articles/no-such-article.json").json()["status"] == 404
    missing = client.get("/relations.json", params={"a": "Narnia", "b": "RUS"})
    assert missing.status_code == 404 and "no actor matches 'Narnia'" in missing.json()["error"]


def test_injection_is_only_a_value(client):
    injected = client.get("/quotes.json", params={"q": "'; DROP TABLE quotes; --"})
    assert injected.status_code == 200 and injected.json()["total"] == 0
    assert client.get("/quotes.json").json()["total"] == 6


def test_search_matches_whole_words_and_phrases(client):
    def texts(q):
        return {r["text"] for r in client.get("/quotes.json", params={"q": q}).json()["rows"]}
    assert texts("talk") == {"We will talk, because talking is better than guessing"}
    assert texts("talki") == set()
    total = client.get("/quotes.json", params={"q": '"civilian lives" reckless'}).json()["total"]
    assert len(texts("reckless")) == 2 and total == 3
    assert texts('"lives civilian"') == set()
    articles = client.get("/articles.json", params={"q": "Brussels"}).json()["rows"]
    assert {a["article_id"] for a in articles} == {"accuse", "accuse-copy"}


def test_old_relation_addresses_redirect(client):
    answer = client.get("/relations/NATO/RUS", follow_redirects=False)
    assert answer.status_code == 308 and answer.headers["location"] == "/relations?a=NATO&b=RUS"


def test_relation_bars_link_to_their_events(client):
    relation = client.get("/relations.json", params={"a": "NATO", "b": "RUS"}).json()["relation"]
    assert relation["by"] == "day" and relation["undated"] == 0
    bar = next(b for b in relation["chart"]["bars"] if b["total"])
    events = client.get(bar["href"].replace("/events?", "/events.json?")).json()
    assert events["total"] >= bar["total"]


def test_article_twin_is_the_analysis_record(client):
    record = client.get("/articles/reply.json").json()
    assert (record["id"], record["article"]["date"], record["article"]["source"]) == ("reply", "2025-01-11",
                                                                                    "Baltic Times")


def test_suggestions_offer_speakers_by_any_word_of_their_name(client):
    found = client.get("/suggest.json", params={"q": "stol", "kind": "speaker"}).json()["suggestions"]
    assert "Jens Stoltenberg" in {s["name"] for s in found}


def test_runs_cut_nested_marks_without_nesting():
    text = "He said the talks failed."
    marks = [Mark(8, 24, "quote", "q1", "/actors/x", 0), Mark(12, 17, "trigger", "e1", "/event-clusters/1")]
    cut = runs(text, 0, len(text), marks)
    assert "".join(r["text"] for r in cut) == text
    assert [(r["text"], r["kind"], r["quote"]) for r in cut] == [
        ("He said ", None, None), ("the ", "quote", "q1"), ("talks", "trigger", "q1"), (" failed", "quote", "q1"),
        (".", None, None)]


def test_charts_never_have_more_bars_than_fit():
    first, last = date(2001, 1, 1), date(2024, 12, 31)
    by, note = choose_period(first, last, "day")
    assert by == "year" and "8,766 bars" in note
    assert len(bars([(first, 1), (last, 4)], {3: 2}, by)) == 25  # 24 years and the undated bar
    assert choose_period(date(2025, 1, 1), date(2025, 1, 20), None) == ("day", None)
    assert len(bars([(date(2025, 1, d), 1) for d in range(1, 21)], {}, "day")) <= MAX_BARS


def test_search_terms_are_words_and_phrases():
    search = parse_search('"prime minister" war')
    assert search.words == ["prime", "minister", "war"] and len(search.patterns) == 2


def test_a_parquet_export_is_served_too(tmp_path):
    import duckdb

    from newsgraph.corpus.export import export_tables

    store = linked_store(tmp_path / "newsgraph.duckdb")
    with duckdb.connect(str(store), read_only=True) as connection:
        export_tables(connection, tmp_path / "export", "parquet")
    client = TestClient(create_app(tmp_path / "export"))
    page = client.get("/articles/reply")
    assert page.status_code == 200 and 'class="quote' in page.text
    assert client.get("/articles/reply.json").json()["article"]["source"] == "Baltic Times"
    assert client.get("/quotes.json", params={"q": "talk"}).json()["total"] == 1
