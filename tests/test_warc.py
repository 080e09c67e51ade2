"""Web archives and compressed inputs: WARC records as articles, language filtering, bad archives."""

from __future__ import annotations

import bz2
import gzip
import json
import lzma

import pytest
import zstandard
from typer.testing import CliRunner
from web_pages import CRAWL_DATE, article_page, sample_pages, sample_records, write_warc

from newsgraph.cli import app
from newsgraph.ingest import InputError, read_inputs
from newsgraph.store import Store

GERMAN_PAGE = article_page(
    "Sturm trifft die Küste von Valdora",
    "Der Sturm hat am Dienstag die Küste von Valdora getroffen. Die Bürgermeisterin sagte, dass die Schäden "
    "in der Stadt und auf dem Land sehr groß seien und dass die Hilfe noch in dieser Woche kommen werde. "
    "Die Regierung hat nicht gesagt, wie viel Geld sie für den Wiederaufbau der Häfen ausgeben will.",
    site_name="Valdora Zeitung")


def split(items) -> tuple[list, list[InputError]]:
    items = list(items)
    return [i for i in items if not isinstance(i, InputError)], [i for i in items if isinstance(i, InputError)]


@pytest.fixture(scope="module")
def records() -> list[dict]:
    return sample_records()[:4]


def test_warc_responses_become_articles_with_provenance(tmp_path, records):
    path = write_warc(tmp_path / "crawl.warc.gz", sample_pages(records))
    articles, errors = split(read_inputs([str(path)]))
    assert errors == []
    assert [a.url for a in articles] == [r["url"] for r in records]
    first = articles[0]
    assert first.source == records[0]["source"]  # the page's own site name
    assert first.date == records[0]["date"]
    assert first.title == records[0]["title"]
    assert first.metadata["warc_record_id"].startswith("<urn:uuid:")
    assert len({a.metadata["warc_record_id"] for a in articles}) == len(articles)
    assert records[0]["text"].splitlines()[1][:60] in first.text


def test_warc_date_and_registered_domain_when_the_page_gives_neither(tmp_path, records):
    page = article_page(records[0]["title"], records[0]["text"])
    path = write_warc(tmp_path / "plain.warc", [("https://news.example.co.uk/world/story", page)], gzip=False)
    [article] = list(read_inputs([str(path)]))
    assert article.date == CRAWL_DATE[:10]
    assert article.source == "example.co.uk"


def test_non_english_pages_are_counted_and_skipped(tmp_path, records):
    pages = [*sample_pages(records[:2]), ("https://zeitung.example.de/sturm", GERMAN_PAGE)]
    articles, errors = split(read_inputs([str(write_warc(tmp_path / "mixed.warc.gz", pages))]))
    assert len(articles) == 2
    [error] = errors
    assert "not English (language de)" in error.reason


def test_a_truncated_warc_keeps_the_whole_records_before_the_cut(tmp_path, records):
    whole = write_warc(tmp_path / "whole.warc.gz", sample_pages(records)).read_bytes()
    cut = tmp_path / "cut.warc.gz"
    cut.write_bytes(whole[: len(whole) * 3 // 5])
    articles, errors = split(read_inputs([str(cut)]))
    assert 1 <= len(articles) < len(records)
    [error] = errors
    assert "truncated WARC record" in error.reason and error.source.startswith(str(cut))


def test_garbage_named_warc_gz_gives_one_line(tmp_path):
    path = tmp_path / "junk.warc.gz"
    path.write_bytes(b"this is not an archive\r\n\r\n" * 20)
    [error] = list(read_inputs([str(path)]))
    assert isinstance(error, InputError) and "not a WARC record" in error.reason


COMPRESSORS = {".gz": gzip.compress, ".bz2": bz2.compress, ".xz": lzma.compress,
               ".zst": lambda data: zstandard.ZstdCompressor().compress(data)}


@pytest.mark.parametrize("suffix", sorted(COMPRESSORS))
def test_every_format_reads_compressed(tmp_path, records, suffix):
    lines = "".join(json.dumps(r) + "\n" for r in records).encode("utf-8")
    (tmp_path / f"feed.jsonl{suffix}").write_bytes(COMPRESSORS[suffix](lines))
    (tmp_path / f"page.html{suffix}").write_bytes(COMPRESSORS[suffix](sample_pages(records[:1])[0][1].encode()))
    (tmp_path / f"note.txt{suffix}").write_bytes(COMPRESSORS[suffix](records[1]["text"].encode()))
    articles, errors = split(read_inputs([str(tmp_path)]))
    assert errors == []
    assert sorted(a.id for a in articles if a.path.endswith(f".jsonl{suffix}")) == sorted(r["id"] for r in records)
    assert len(articles) == len(records) + 2


def test_gzip_garbage_gives_one_line_and_the_other_files_are_read(tmp_path, records):
    (tmp_path / "bad.jsonl.gz").write_bytes(b"\x1f\x8b\x08\x00garbage that is not deflate data" * 3)
    (tmp_path / "good.jsonl").write_text(json.dumps(records[0]) + "\n", encoding="utf-8")
    articles, errors = split(read_inputs([str(tmp_path)]))
    assert [a.id for a in articles] == [records[0]["id"]]
    [error] = errors
    assert error.source.endswith("bad.jsonl.gz") and error.reason.startswith("not valid gzip data")


def test_ingest_a_warc_and_drop_its_syndicated_copy(tmp_path, records):
    """The same story in a WARC and in a JSON Lines file from another outlet is one article, one duplicate."""
    story = records[0]
    warc = write_warc(tmp_path / "crawl.warc.gz", sample_pages([story]))
    copy = {**story, "id": "copy-1", "source": "Another Outlet", "url": "https://example.org/another/copy"}
    feed = tmp_path / "copies.jsonl"
    feed.write_text(json.dumps(copy) + "\n", encoding="utf-8")
    db = tmp_path / "store.duckdb"
    result = CliRunner().invoke(app, ["ingest", str(warc), str(feed), "--db", str(db), "--workers", "1"])
    assert result.exit_code == 0, result.output
    with Store(db, read_only=True) as store:
        [(url, metadata)] = store.connection.execute(
            "SELECT url, metadata FROM articles WHERE url = ?", [story["url"]]).fetchall()
        assert json.loads(metadata)["warc_record_id"]
        duplicates = store.connection.execute("SELECT article_id, duplicate_of FROM duplicates").fetchall()
    assert len(duplicates) == 1


def test_gzip_garbage_inside_a_warc_gz_keeps_the_records_before_it(tmp_path, records):
    whole = write_warc(tmp_path / "whole.warc.gz", sample_pages(records[:2])).read_bytes()
    path = tmp_path / "spoiled.warc.gz"
    path.write_bytes(whole + b"\x1f\x8b\x08\x00\x00\x00\x00\x00\x00\x03" + b"\xff\x00garbage" * 40)
    articles, errors = split(read_inputs([str(path)]))
    assert len(articles) == 2
    [error] = errors
    assert error.source.startswith(str(path))


def test_workers_read_crawled_pages_as_this_process_does_in_input_order(tmp_path, records):
    """Pages go to the ingest workers to be read, many at a time; what comes back is in the inputs' order."""
    from newsgraph.corpus.build import stored_rows
    from newsgraph.corpus.workers import WorkerPool, WorkerSettings

    pages = [*sample_pages(records), ("https://zeitung.example.de/sturm", GERMAN_PAGE)] * 5
    (tmp_path / "a.warc.gz").write_bytes(write_warc(tmp_path / "crawl.warc.gz", pages).read_bytes())
    (tmp_path / "b.jsonl").write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    inputs = read_inputs([str(tmp_path / "a.warc.gz"), str(tmp_path / "b.jsonl")])
    with WorkerPool(2, None, WorkerSettings(), stored_rows) as pool:
        read = list(pool.read(inputs.with_pages()))
    assert read == list(inputs)
    assert len(read) == len(pages) + len(records) and sum(isinstance(item, InputError) for item in read) == 5
