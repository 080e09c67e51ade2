"""The store: round trips, schema checks, bad files and locations, atomic writes."""

from __future__ import annotations

import re
import subprocess
import sys

import duckdb
import pytest
from corpus_records import ACCUSE, accuse, sample_corpus

from newsgraph.corpus import stored_rows
from newsgraph.model import ActorRef, Place, Span
from newsgraph.store import ARTICLE_TABLES, SCHEMA_VERSION, Store, StoreError, merge_rows


def store_with(path, records):
    store = Store(path)
    store.add_articles(merge_rows(stored_rows(r) for r in records))
    return store


def test_analysis_round_trips_through_the_store(tmp_path):
    analysis = accuse("accuse", "2025-01-09", "Meridian Wire")
    event = analysis.events[0]
    event.claimed_by, event.claimed_by_speaker = "q1", analysis.quotes[0].speaker
    event.context, event.mode, event.future = ["satellite navigation"], "electronic", True
    event.date_span = Span(ACCUSE.index("Thursday"), ACCUSE.index("Thursday") + 8, "Thursday")
    event.place = Place("Baltic Sea", "XXX", 58.0, 20.0, None)
    analysis.quotes[0].cue = Span(10, 14, "told")
    analysis.article.metadata = {"section": "world", "words": 48}
    analysis.article.warnings = ["unrecognised date 'soon' kept as given"]
    analysis.notes = ["events stage failed: ValueError: example"]
    with store_with(tmp_path / "s.duckdb", [analysis]):
        pass
    with Store(tmp_path / "s.duckdb", read_only=True) as store:
        assert store.analysis("accuse") == analysis
        assert store.analysis("absent") is None


def test_every_article_table_gets_rows(tmp_path):
    with store_with(tmp_path / "s.duckdb", sample_corpus()) as store:
        counts = {t: store.connection.execute(f"SELECT count(*) FROM {t}").fetchone()[0] for t in ARTICLE_TABLES}
    assert counts["articles"] == counts["signatures"] == 5
    assert counts["quotes"] == 6 and counts["events"] == 7 and counts["event_actors"] == 14
    assert all(counts.values())


def test_replacing_an_article_swaps_all_its_rows(tmp_path):
    analysis = accuse("accuse", "2025-01-09", "Meridian Wire")
    with store_with(tmp_path / "s.duckdb", [analysis]) as store:
        analysis.quotes = []
        analysis.events[0].recipient = [ActorRef("a9", "Latvia", "country", "LVA")]
        store.add_articles(merge_rows([stored_rows(analysis)]), replace=True)
        assert store.analysis("accuse") == analysis
        assert store.connection.execute("SELECT count(*) FROM articles").fetchone()[0] == 1


def test_schema_version_is_recorded_and_a_store_reopens(tmp_path):
    path = tmp_path / "s.duckdb"
    store_with(path, sample_corpus()).close()
    with Store(path) as store:
        assert store.connection.execute("SELECT version FROM schema_info").fetchone()[0] == SCHEMA_VERSION
        assert len(store.article_ids()) == 5


def test_a_file_that_is_not_duckdb_is_refused_and_left_untouched(tmp_path):
    path = tmp_path / "notes.duckdb"
    path.write_text("my notes, not a database\n" * 20)
    before = path.read_bytes()
    with pytest.raises(StoreError, match="not a newsgraph store .not a DuckDB database.*untouched"):
        Store(path)
    assert path.read_bytes() == before


def test_a_duckdb_file_of_another_application_is_refused(tmp_path):
    path = tmp_path / "other.duckdb"
    with duckdb.connect(str(path)) as connection:
        connection.execute("CREATE TABLE sales (amount INTEGER)")
    with pytest.raises(StoreError, match="DuckDB database but not a newsgraph store"):
        Store(path)
    with duckdb.connect(str(path)) as connection:
        assert connection.execute("SELECT table_name FROM information_schema.tables").fetchall() == [("sales",)]


def test_a_store_from_a_newer_schema_is_refused_and_left_untouched(tmp_path):
    path = tmp_path / "s.duckdb"
    with store_with(path, sample_corpus()[:1]) as store:
        store.connection.execute("UPDATE schema_info SET version = ?", [SCHEMA_VERSION + 1])
    for read_only in (False, True):
        with pytest.raises(StoreError, match=f"newer newsgraph .store schema {SCHEMA_VERSION + 1}"):
            Store(path, read_only=read_only)
    with duckdb.connect(str(path), read_only=True) as connection:
        assert connection.execute("SELECT count(*) FROM articles").fetchone()[0] == 1


def test_reading_a_missing_store_says_how_to_create_one(tmp_path):
    with pytest.raises(StoreError, match="no store at .*newsgraph ingest"):
        Store(tmp_path / "absent.duckdb", read_only=True)
    assert not (tmp_path / "absent.duckdb").exists()


def test_a_read_only_location_gives_a_clear_error():
    with pytest.raises(StoreError, match="cannot open the store /proc/newsgraph.duckdb"):
        Store("/proc/newsgraph.duckdb")


def test_a_write_error_rolls_back_the_whole_batch(tmp_path, monkeypatch):
    records = sample_corpus()
    store = store_with(tmp_path / "s.duckdb", records[:2])
    calls = []
    original = Store._insert_arrow

    def failing_insert(self, table, data):
        calls.append(table)
        if table == "quotes":
            raise duckdb.IOException("IO Error: No space left on device")
        original(self, table, data)

    monkeypatch.setattr(Store, "_insert_arrow", failing_insert)
    with pytest.raises(StoreError, match="No space left on device.*run the same command again to resume"):
        store.add_articles(merge_rows(stored_rows(r) for r in records[2:]))
    monkeypatch.undo()
    assert "articles" in calls
    assert store.article_ids() == {"accuse", "accuse-copy"}
    for table in ARTICLE_TABLES:
        ids = {i for (i,) in store.connection.execute(f"SELECT DISTINCT article_id FROM {table}").fetchall()}
        assert ids <= {"accuse", "accuse-copy"}, table
    store.add_articles(merge_rows(stored_rows(r) for r in records[2:]))
    assert len(store.article_ids()) == 5
    store.close()


def test_skipped_inputs_are_recorded_once(tmp_path):
    with Store(tmp_path / "s.duckdb") as store:
        store.add_errors([("a.txt", "empty file", None), ("b.html", "no article text found", None)])
        store.add_errors([("a.txt", "empty file", None)])
        assert store.connection.execute("SELECT count(*) FROM ingest_errors").fetchone()[0] == 2


def test_a_store_in_use_by_another_process_is_reported(tmp_path):
    path = tmp_path / "s.duckdb"
    probe = "import sys\nfrom newsgraph.store import Store, StoreError\ntry:\n    Store(sys.argv[1])\n" \
            "except StoreError as error:\n    print(error)"
    with Store(path):
        result = subprocess.run([sys.executable, "-c", probe, str(path)], capture_output=True, text=True, timeout=120)
    assert "is open in process" in result.stdout and "stop that process first" in result.stdout, result.stderr


@pytest.mark.parametrize("error, advice", [
    (OSError(28, "No space left on device"), "is full .* free some space, then run the same command again"),
    (duckdb.IOException('IO Error: Cannot open file "s.duckdb": Permission denied'), "make the file writable"),
    (duckdb.IOException("Corrupt database file: computed checksum 1 does not match stored checksum 2"),
     "is damaged .* Restore it from a copy"),
])
def test_a_failed_write_says_what_to_do_and_a_rerun_only_where_it_helps(tmp_path, error, advice):
    from newsgraph.store.database import write_failure

    message = write_failure(tmp_path / "s.duckdb", error)
    assert re.search(advice, message), message
    if "full" not in message:
        assert "run the same command again" not in message


def test_a_schema_1_store_is_upgraded_in_place(tmp_path):
    path = tmp_path / "old.duckdb"
    store_with(path, sample_corpus()[:1]).close()
    with duckdb.connect(str(path)) as old:  # the layout of schema 1
        old.execute("ALTER TABLE ingest_errors DROP COLUMN article_id")
        old.execute("ALTER TABLE schema_info DROP COLUMN links_stale")
        old.execute("UPDATE schema_info SET version = 1")
    with Store(path) as store:
        assert store.connection.execute("SELECT version FROM schema_info").fetchone()[0] == SCHEMA_VERSION
        assert store.links_stale and store.article_ids() == {"accuse"}  # its links were dropped: to be rebuilt
        store.add_errors([("a.txt", "analysis failed: MemoryError", "a1")])
        assert store.failed_articles() == {"a1": "analysis failed: MemoryError"}


def test_storing_an_article_clears_its_failure_and_marks_the_links_stale(tmp_path):
    with Store(tmp_path / "s.duckdb") as store:
        store.add_errors([("feed.jsonl: id accuse", "took longer than 60 s of CPU per article", "accuse")])
        store.add_articles(merge_rows(stored_rows(r) for r in sample_corpus()[:1]))
        assert store.failed_articles() == {} and store.links_stale
        store.release()  # closed between commits; reopened on the next use
        assert store.article_ids() == {"accuse"}
