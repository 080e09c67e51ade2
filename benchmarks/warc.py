"""WARC against text files: the same BBC articles, wrapped in HTML pages in a WARC.gz (built here), ingested
at what share of the throughput of the text files?

    .venv/bin/python benchmarks/warc.py [--limit N] [--workers W] [--json]

Each ingest runs in a fresh process (`newsgraph ingest --workers W`) into a new store. The target is a ratio
of at least 0.9: reading pages out of an archive and extracting them must cost little next to analysis.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path

from subset import BBC, NEWSGRAPH, ROOT, copy_subset, report, text_files, timed

from newsgraph.store import Store

sys.path.insert(0, str(ROOT / "tests"))
from web_pages import article_page, write_warc  # noqa: E402  (the tests' page builder)


def bbc_pages(files: list[Path], corpus: Path) -> list[tuple[str, str]]:
    """Each article as a news page: its first line the headline, at a URL of its own."""
    pages = []
    for path in files:
        text = path.read_text("utf-8", errors="replace")
        title = next(line.strip() for line in text.splitlines() if line.strip())
        url = f"https://news.example.org/{path.relative_to(corpus).with_suffix('').as_posix()}"
        pages.append((url, article_page(title, text, site_name="BBC News")))
    return pages


def stored_articles(db: Path) -> int:
    with Store(db, read_only=True) as store:
        return store.connection.execute("SELECT count(*) FROM articles").fetchone()[0]


def measure(corpus: Path, limit: int | None, workers: int) -> dict:
    files = text_files(corpus, limit)
    with tempfile.TemporaryDirectory() as scratch:
        folder = Path(scratch)
        texts = copy_subset(files, corpus, folder / "texts")
        warc = write_warc(folder / "bbc.warc.gz", bbc_pages(files, corpus))
        ingest = [*NEWSGRAPH, "ingest", "--workers", str(workers)]
        text_run = timed([*ingest, str(texts), "--db", str(folder / "texts.duckdb")])
        warc_run = timed([*ingest, str(warc), "--db", str(folder / "warc.duckdb")])
        warc_mb = warc.stat().st_size / 1e6
        stored = {name: stored_articles(folder / f"{name}.duckdb") for name in ("texts", "warc")}
    text_rate, warc_rate = len(files) / text_run["seconds"], len(files) / warc_run["seconds"]
    return {
        "articles": len(files), "workers": workers, "warc_mb": round(warc_mb, 2),
        "text_articles_stored": stored["texts"], "warc_articles_stored": stored["warc"],
        "text_seconds": round(text_run["seconds"], 1), "warc_seconds": round(warc_run["seconds"], 1),
        "text_articles_per_second": round(text_rate, 2), "warc_articles_per_second": round(warc_rate, 2),
        "warc_to_text_throughput": round(warc_rate / text_rate, 3),
        "target": ">= 0.9",
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, default=BBC)
    parser.add_argument("--limit", type=int, help="only the first N articles (by path)")
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--json", action="store_true", help="print the figures as JSON")
    args = parser.parse_args()
    report(measure(args.corpus, args.limit, args.workers), args.json)


if __name__ == "__main__":
    main()
