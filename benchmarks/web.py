"""How fast every kind of page of `newsgraph serve` answers on a real store (the BBC corpus by default).

    nice .venv/bin/newsgraph ingest ../shared/corpora/bbc --db /tmp/bbc_web.duckdb --workers 1   # once
    .venv/bin/python benchmarks/web.py --db /tmp/bbc_web.duckdb [--runs 5] [--json]

Each page is asked ``--runs`` times in process (no network) after one warm-up; the report gives the
median and the slowest answer per page, the time to open the store and build the app's tables, and
whether every page is under the 0.5 s goal. Pages with subjects (an article, an actor, clusters, a
relation) use the most mentioned or most reported ones, so they are the largest pages of their kind.
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import time
import warnings
from urllib.parse import quote

import duckdb

with warnings.catch_warnings():
    warnings.simplefilter("ignore")
    from fastapi.testclient import TestClient

from newsgraph.web import create_app

GOAL_SECONDS = 0.5


def subjects(db: str) -> dict[str, str]:
    """The biggest subject of each page kind in the store."""
    with duckdb.connect(db, read_only=True) as connection:
        def one(sql: str) -> str:
            return str(connection.execute(sql).fetchone()[0])
        actor = one("SELECT corpus_actor_id FROM corpus_actors ORDER BY mentions DESC LIMIT 1")
        speaker = one("SELECT l.corpus_actor_id FROM quotes AS q JOIN actor_links AS l ON l.article_id = q.article_id "
                      "AND l.actor_id = q.speaker_id GROUP BY 1 ORDER BY count(*) DESC LIMIT 1")
        article = one("SELECT article_id FROM quotes GROUP BY 1 ORDER BY count(*) DESC LIMIT 1")
        quote_cluster = one("SELECT cluster_id FROM quote_clusters ORDER BY articles DESC, quotes DESC LIMIT 1")
        event_cluster = one("SELECT cluster_id FROM event_clusters ORDER BY num_mentions DESC LIMIT 1")
        a, b = connection.execute(
            "SELECT least(source_country, target_country), greatest(source_country, target_country) "
            "FROM event_clusters WHERE source_country <> target_country GROUP BY ALL ORDER BY count(*) DESC "
            "LIMIT 1").fetchone()
        name = one("SELECT split_part(name, ' ', -1) FROM corpus_actors WHERE type = 'person' "
                   "ORDER BY mentions DESC LIMIT 1")
    part = lambda value: quote(value, safe="")  # noqa: E731
    return {
        "home": "/", "articles": "/articles", "articles page 5 by title": "/articles?sort=title&page=5",
        "article": f"/articles/{part(article)}", "article JSON": f"/articles/{part(article)}.json",
        "quotes": "/quotes", "quotes of a speaker": f"/quotes?speaker={part(speaker)}",
        "quotes CSV": "/quotes.csv", "speakers": "/speakers", "events": "/events",
        "events undated": "/events?dated=no", "events of a pair": f"/events?actor={a}&with={b}",
        "actors": "/actors", "actors by country": "/actors?country=GBR", "actor": f"/actors/{part(actor)}",
        "actor JSON": f"/actors/{part(actor)}.json", "names": f"/names/{part(name)}",
        "network": f"/network/{part(actor)}", "quote cluster": f"/quote-clusters/{quote_cluster}",
        "event cluster": f"/event-clusters/{event_cluster}", "relations": f"/relations?a={a}&b={b}",
        "relations by day": f"/relations?a={a}&b={b}&by=day", "search a word": "/search?q=government",
        "search a phrase": "/search?q=%22prime+minister%22", "quotes search": "/quotes?q=war",
        "suggest": "/suggest.json?q=bl&kind=speaker", "not found": "/no/such/page",
    }


def measure(client: TestClient, path: str, runs: int) -> dict:
    status = client.get(path).status_code
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        client.get(path)
        times.append(time.perf_counter() - started)
    return {"path": path, "status": status, "median": statistics.median(times), "max": max(times)}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", default="/tmp/bbc_web.duckdb")
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--json", action="store_true")
    options = parser.parse_args()
    started = time.perf_counter()
    client = TestClient(create_app(options.db))
    opened = time.perf_counter() - started
    results = {kind: measure(client, path, options.runs) for kind, path in subjects(options.db).items()}
    slowest = max(r["max"] for r in results.values())
    if options.json:
        print(json.dumps({"open_seconds": opened, "pages": results, "slowest": slowest}, indent=2))
    else:
        print(f"store opened and app tables built in {opened:.2f} s")
        print(f"{'page':28} {'status':>6} {'median s':>9} {'max s':>7}  path")
        for kind, r in results.items():
            print(f"{kind:28} {r['status']:>6} {r['median']:9.3f} {r['max']:7.3f}  {r['path']}")
        print(f"slowest answer {slowest:.3f} s: {'under' if slowest < GOAL_SECONDS else 'OVER'} "
              f"the {GOAL_SECONDS} s goal")
    return 0 if slowest < GOAL_SECONDS else 1


if __name__ == "__main__":
    sys.exit(main())
