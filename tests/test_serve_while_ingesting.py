"""Browsing while ingesting: the web view answers from an in-memory snapshot, so an ingest into the same
store runs to its end while the view is alive, the view shows the new articles once it refreshes, and a
view started while an ingest holds the store serves as soon as the store is released."""

from __future__ import annotations

import json
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
import warnings
from pathlib import Path

import duckdb
from corpus_records import linked_store

from newsgraph.store import database
from newsgraph.web import create_app

with warnings.catch_warnings():
    warnings.simplefilter("ignore")
    from fastapi.testclient import TestClient

NEWSGRAPH = [sys.executable, "-c", "from newsgraph.cli import main; main()"]
ARTICLE = {"id": "valdoria/ferry-strike", "title": "Ferry crews in Valdoria end their strike",
           "date": "2025-09-02", "source": "Lakeside Courier",
           "text": "Ferry crews in Valdoria ended a week-long strike on Tuesday. \"We have a fair offer at last,\" "
                   "said Mirela Kostadin, who leads the crews' union. The transport minister, Tobiah Varga, "
                   "said the boats would sail again on Wednesday."}
WAIT_SECONDS = 120.0  # an upper bound for slow machines, not a timing requirement


def eventually(condition, seconds: float = WAIT_SECONDS) -> bool:
    give_up = time.monotonic() + seconds
    while time.monotonic() < give_up:
        if condition():
            return True
        time.sleep(0.2)
    return False


def holding(db: Path, seconds: float) -> subprocess.Popen:
    """Another process holding the store for writing, as an ingest does while it commits."""
    holder = subprocess.Popen(
        [sys.executable, "-c", "import duckdb, sys, time; c = duckdb.connect(sys.argv[1]); print('held', flush=True); "
                               "time.sleep(float(sys.argv[2])); c.close()", str(db), str(seconds)],
        stdout=subprocess.PIPE, text=True)
    assert holder.stdout.readline().strip() == "held"
    return holder


def test_an_ingest_runs_while_the_view_is_alive_and_its_article_then_appears(tmp_path):
    db = linked_store(tmp_path / "newsgraph.duckdb")
    client = TestClient(create_app(db, check_seconds=0))
    before = client.get("/index.json").json()["counts"]["articles"]
    assert client.get("/articles/valdoria/ferry-strike.json").status_code == 404
    inputs = tmp_path / "new.jsonl"
    inputs.write_text(json.dumps(ARTICLE) + "\n")
    ingest = subprocess.Popen([*NEWSGRAPH, "ingest", str(inputs), "--db", str(db), "--workers", "1"],
                              stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    while ingest.poll() is None:  # browse all along: each change of the file starts a new snapshot
        assert client.get("/articles.json").status_code == 200
        time.sleep(0.1)
    _, errors = ingest.communicate()
    assert ingest.returncode == 0, errors
    assert eventually(lambda: client.get("/articles/valdoria/ferry-strike.json").status_code == 200)
    assert eventually(lambda: not client.get("/index.json").json()["snapshot"]["updating"])
    home = client.get("/index.json").json()
    assert home["counts"]["articles"] == before + 1
    assert "Mirela Kostadin" in {s["speaker"] for s in client.get("/speakers.json").json()["rows"]}


def test_a_view_started_while_an_ingest_commits_serves_once_the_store_is_released(tmp_path):
    db = linked_store(tmp_path / "newsgraph.duckdb")
    holder = holding(db, 2.0)
    client = TestClient(create_app(db))  # waits for the store, as any reader does
    assert client.get("/").status_code == 200
    holder.wait()


def test_a_view_started_during_a_long_hold_says_so_and_serves_after_it(tmp_path, monkeypatch):
    db = linked_store(tmp_path / "newsgraph.duckdb")
    monkeypatch.setattr(database, "RETRY_SECONDS", 0.5)
    holder = holding(db, 4.0)
    client = TestClient(create_app(db))
    waiting = client.get("/")
    if waiting.status_code == 503:  # the usual case; a very slow start may already find the store free
        assert "an ingest is writing the store" in waiting.text and waiting.headers["Retry-After"]
        assert client.get("/index.json").json()["status"] == 503
    holder.wait()
    assert eventually(lambda: client.get("/").status_code == 200)
    assert "Snapshot of the corpus taken" in client.get("/").text


def test_the_view_answers_from_its_snapshot_between_checks(tmp_path):
    db = linked_store(tmp_path / "newsgraph.duckdb")
    client = TestClient(create_app(db, check_seconds=3600))
    taken = client.get("/index.json").json()["snapshot"]["taken"]
    with duckdb.connect(str(db)) as writer:  # possible at all only because the view holds no connection
        writer.execute("DELETE FROM quotes")
    assert client.get("/quotes.json").json()["total"] == 6
    assert client.get("/index.json").json()["snapshot"]["taken"] == taken


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def fetch(url: str) -> int:
    try:
        with urllib.request.urlopen(url, timeout=10) as answer:
            return answer.status
    except urllib.error.HTTPError as failure:
        return failure.code
    except OSError:
        return 0  # not listening yet


def test_a_running_serve_process_lets_an_ingest_write_the_store(tmp_path):
    db = linked_store(tmp_path / "newsgraph.duckdb")
    base = f"http://127.0.0.1:{free_port()}"
    server = subprocess.Popen([*NEWSGRAPH, "serve", "--db", str(db), "--port", base.rsplit(":", 1)[1]],
                              stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    try:
        assert eventually(lambda: fetch(f"{base}/index.json") == 200), "serve did not start"
        inputs = tmp_path / "new.jsonl"
        inputs.write_text(json.dumps(ARTICLE) + "\n")
        ingest = subprocess.run([*NEWSGRAPH, "ingest", str(inputs), "--db", str(db), "--workers", "1"],
                                capture_output=True, text=True, timeout=900)
        assert ingest.returncode == 0, ingest.stderr
        assert eventually(lambda: fetch(f"{base}/articles/valdoria%2Fferry-strike.json") == 200)
    finally:
        server.terminate()
        server.wait(timeout=30)
