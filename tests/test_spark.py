"""Spark: the same corpus as ``ingest`` on the same inputs, resumable, opened by every question."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from typer.testing import CliRunner
from web_pages import sample_pages, sample_records, write_warc

from newsgraph import Corpus
from newsgraph.cli import app
from newsgraph.spark import SparkUnavailable, check_java
from newsgraph.store.schema import TABLES

pyspark = pytest.importorskip("pyspark", reason="pyspark is not installed")

MEMBERSHIPS = {
    "duplicates": "article_id, duplicate_of",
    "actor_links": "article_id, actor_id, corpus_actor_id",
    "corpus_actors": "corpus_actor_id, name, country, articles, mentions",
    "quote_links": "article_id, quote_id, cluster_id",
    "quote_clusters": "cluster_id, speaker_id, first_article_id, quotes, articles, sources",
    "event_links": "article_id, event_id, source_id, target_id, cluster_id",
    "event_clusters": "cluster_id, source_name, target_name, num_mentions, num_articles, num_sources",
}


def test_a_missing_java_is_one_clear_message(monkeypatch, tmp_path):
    monkeypatch.setenv("PATH", str(tmp_path))
    monkeypatch.delenv("JAVA_HOME", raising=False)
    with pytest.raises(SparkUnavailable, match="Spark needs Java 17 or newer"):
        check_java()


def test_spark_ingest_without_java_says_so_in_one_line(monkeypatch, tmp_path):
    monkeypatch.setenv("PATH", str(tmp_path))
    monkeypatch.delenv("JAVA_HOME", raising=False)
    result = CliRunner().invoke(app, ["spark-ingest", str(tmp_path), "--out", str(tmp_path / "out"),
                                      "--master", "local[2]"])
    assert result.exit_code == 1
    assert "no java found; Spark needs Java 17 or newer" in result.output


@pytest.fixture(scope="module")
def spark():
    try:
        check_java()
    except SparkUnavailable as error:
        pytest.skip(str(error))
    from newsgraph.spark.session import spark_session

    session = spark_session("local[2]", app_name="newsgraph-tests")
    yield session
    session.stop()


@pytest.fixture(scope="module")
def inputs(tmp_path_factory) -> list[str]:
    """The bundled samples in two JSON Lines files, and two of them again as crawled pages in a WARC."""
    folder = tmp_path_factory.mktemp("inputs")
    records = sample_records()
    for name, part in (("first.jsonl", records[:25]), ("second.jsonl", records[25:])):
        (folder / name).write_text("".join(json.dumps(r) + "\n" for r in part), encoding="utf-8")
    write_warc(folder / "crawl.warc.gz", sample_pages(records[3:5]))
    return [str(folder / "first.jsonl"), str(folder / "second.jsonl"), str(folder / "crawl.warc.gz")]


@pytest.fixture(scope="module")
def ingested(inputs, tmp_path_factory) -> Path:
    db = tmp_path_factory.mktemp("store") / "corpus.duckdb"
    result = CliRunner().invoke(app, ["ingest", *inputs, "--db", str(db), "--workers", "2"])
    assert result.exit_code == 0, result.output
    return db


@pytest.fixture(scope="module")
def spark_out(spark, inputs, tmp_path_factory) -> Path:
    """A Spark run killed while publishing its tables, and the same run again."""
    from newsgraph.spark.files import OutputFolder
    from newsgraph.spark.job import spark_ingest

    out = tmp_path_factory.mktemp("spark") / "corpus"
    publish = OutputFolder.publish

    def killed(self, run, tables):
        for table in ("blocks", "actors", "mentions"):
            self.move_table(run, table)
        raise KeyboardInterrupt("killed while moving the run's files")

    OutputFolder.publish = killed
    try:
        with pytest.raises(KeyboardInterrupt):
            spark_ingest(inputs, str(out), spark=spark)
    finally:
        OutputFolder.publish = publish
    abandoned = out / "_staging" / "abandoned" / "blocks"
    abandoned.mkdir(parents=True)
    shutil.copy(next((out / "blocks").rglob("*.parquet")), abandoned / "part-0.parquet")
    summary = spark_ingest(inputs, str(out), spark=spark)
    assert summary.added == 0  # the killed run had analysed everything: its files are published, not redone
    assert not (out / "_staging").exists()
    return out


def rows(corpus: Corpus, table: str, columns: str = "*") -> list[tuple]:
    return sorted((tuple(r.values()) for r in corpus.query(f"SELECT {columns} FROM {table}").to_pylist()), key=repr)


def test_spark_answers_as_ingest_does(ingested, spark_out):
    with Corpus(ingested) as store, Corpus(spark_out) as folder:
        for table in TABLES:
            assert len(rows(folder, table)) == len(rows(store, table)), table
        for table, columns in MEMBERSHIPS.items():
            assert rows(folder, table, columns) == rows(store, table, columns), table
        assert rows(folder, "duplicates")  # the crawled copies were found across the two kinds of input
        assert folder.relations("NATO", "RUS").to_pylist() == store.relations("NATO", "RUS").to_pylist()


def test_a_run_on_more_inputs_adds_them_beside_the_first_runs(spark, inputs, ingested, tmp_path):
    """Two runs' files never take each other's names: the second run's articles join the first run's."""
    from newsgraph.spark.job import spark_ingest

    out = tmp_path / "corpus"
    first = spark_ingest(inputs[:1], str(out), spark=spark)
    second = spark_ingest(inputs, str(out), spark=spark)
    assert first.added and second.added and second.present == first.added
    with Corpus(ingested) as store, Corpus(out) as folder:
        for table in TABLES:
            assert len(rows(folder, table)) == len(rows(store, table)), table
        for table, columns in MEMBERSHIPS.items():
            assert rows(folder, table, columns) == rows(store, table, columns), table


def test_article_tables_are_partitioned_by_day(spark_out):
    days = {p.name for p in (spark_out / "articles").iterdir() if p.is_dir()}
    assert "day=2025-01-09" in days


def test_rerunning_adds_nothing(spark, inputs, spark_out):
    from newsgraph.spark.job import spark_ingest

    with Corpus(spark_out) as before:
        counts = {t: len(rows(before, t)) for t in TABLES}
    summary = spark_ingest(inputs, str(spark_out), spark=spark)
    assert summary.added == 0 and summary.present == 43
    with Corpus(spark_out) as after:
        assert {t: len(rows(after, t)) for t in TABLES} == counts


def test_every_question_opens_the_folder(spark_out):
    for question in (["stats"], ["speakers", "--top", "3"], ["relations", "NATO", "RUS", "--by", "year"],
                     ["actor", "NATO"], ["quotes", "--limit", "2"]):
        result = CliRunner().invoke(app, [*question, "--db", str(spark_out)])
        assert result.exit_code == 0, (question, result.output)


def test_task_workers_start_with_the_model_loaded(spark):
    """Workers fork from newsgraph's daemon, which loaded the model: no task loads it again."""
    from newsgraph.spark import analyse

    loaded = spark.sparkContext.parallelize(range(2), 2).mapPartitions(lambda _: [bool(analyse._pipelines)])
    assert loaded.collect() == [True, True]
