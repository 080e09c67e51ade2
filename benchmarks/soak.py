"""Soak: the BBC corpus with 20 hostile inputs mixed in, ingested with 2 workers.

    nice .venv/bin/python benchmarks/soak.py [--limit N] [--workers 2] [--time-limit 2] [--json]

The run must finish, name exactly the 20 hostile inputs as skipped, store every good article, and keep each
worker's memory bounded; it reports peak memory per worker process (workers are replaced every
``articles_per_process`` articles, so each process is listed). ``--limit N`` takes N articles spread evenly
over the corpus, for a quick check on a shared machine.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import tempfile
import time
from pathlib import Path

from newsgraph.corpus import CorpusBuilder
from newsgraph.corpus.workers import WorkerSettings, peak_memory_mb
from newsgraph.ingest import read_inputs
from newsgraph.model import Article
from newsgraph.store import Store

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_CORPUS = ROOT.parent / "shared" / "corpora" / "bbc"
SENTENCE = "Officials in the capital said the talks with their neighbours had gone well on Monday. "


def hostile_inputs(folder: Path) -> list[Path]:
    """Twenty inputs that once hung, crashed or stopped a run, or that no reader can use."""
    texts = {
        "short-paragraphs.txt": "Talk\n\n" + '"Yes," he said.\n\n' * 100_000,
        "five-mb-line.txt": "Line\n\n" + "word " * 1_000_000,
        "four-mb-line.txt": "Line\n\n" + "word " * 800_000,
        "quotation-marks.txt": "Marks\n\n" + '"' * 100_000,
        "spaced-marks.txt": "Marks\n\nShe said " + '" ' * 20_000,
        "nested-quotations.txt": "Nested\n\nHe said " + "".join(f'"level {i} said ' for i in range(2500)) + "end.",
        "many-paragraphs.txt": "Lines\n\n" + '"No."\n' * 20_000,
        "punctuation.txt": "Commas\n\n" + ", " * 70_000,
        "long-word.txt": "Blob\n\n" + SENTENCE + "QUJD" * 1000 + " " + SENTENCE,
        "marks-in-one-paragraph.txt": "Marks\n\n" + SENTENCE + '"a" ' * 150,
        "slow.txt": "Replies\n\n" + '"Yes, we will see about that," he said.\n' * 4500,  # within every limit
        "empty.txt": "",
        "binary.txt": bytes(range(256)) * 64,
        "invalid.json": '{"text": "unterminated',
        "no-body.html": "<html><body><nav>Home | News</nav></body></html>",
        "no-text-column.csv": "title,body\nTalks,The talks went well.\n",
        "too-big.txt": "x " * 6_000_000,
    }
    made = []
    for name, content in texts.items():
        path = folder / name
        path.write_bytes(content if isinstance(content, bytes) else content.encode("utf-8"))
        made.append(path)
    os.mkfifo(folder / "fifo.txt")
    (folder / "dangling.txt").symlink_to(folder / "nowhere.txt")
    (folder / "loop.txt").symlink_to(folder / "loop.txt")
    return [*made, folder / "fifo.txt", folder / "dangling.txt", folder / "loop.txt"]


def good_inputs(corpus: Path, limit: int | None, folder: Path) -> list[Path]:
    """The corpus files (or ``limit`` of them, spread evenly), linked into ``folder``."""
    files = sorted(corpus.rglob("*.txt"))
    if limit is not None and limit < len(files):
        files = [files[i * len(files) // limit] for i in range(limit)]
    linked = []
    for number, path in enumerate(files):
        link = folder / f"{number:05d}-{path.parent.name}-{path.name}"
        link.symlink_to(path.resolve())
        linked.append(link)
    return linked


def soak(corpus: Path, limit: int | None, workers: int, time_limit: float) -> dict:
    with tempfile.TemporaryDirectory() as scratch:
        inputs = Path(scratch) / "inputs"
        inputs.mkdir()
        good = good_inputs(corpus, limit, inputs)
        hostile = hostile_inputs(inputs)
        good_ids = {item.id for item in read_inputs(map(str, good)) if isinstance(item, Article)}
        skipped: list[str] = []
        started = time.perf_counter()
        with Store(Path(scratch) / "soak.duckdb") as store:
            builder = CorpusBuilder(store, workers=workers, settings=WorkerSettings(time_limit),
                                    on_skip=lambda source, reason: skipped.append(f"{Path(source).name}: {reason}"))
            summary = builder.build(read_inputs([str(inputs)]))
            stored = store.article_ids()
        seconds = time.perf_counter() - started
    named = {line.split(":", 1)[0] for line in skipped}
    return {
        "good_articles": len(good_ids), "stored": len(stored), "every_good_article_stored": good_ids <= stored,
        "hostile": len(hostile), "skipped": len(skipped),
        "all_hostile_named": named == {path.name for path in hostile},
        "seconds": round(seconds, 1), "workers": workers, "time_limit_seconds": time_limit,
        "peak_mb_per_worker_process": sorted(round(mb) for mb in summary.worker_peak_mb.values()),
        "peak_mb_main_process": round(peak_memory_mb()),
        "skipped_inputs": sorted(skipped),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("corpus", nargs="?", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("--limit", type=int, help="Only this many corpus articles, spread evenly.")
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--time-limit", type=float, default=2.0, help="CPU seconds per article (slow.txt overruns even "
                        "eight times that).")
    parser.add_argument("--json", action="store_true")
    given = parser.parse_args()
    if not given.corpus.is_dir():
        sys.exit(f"no corpus at {given.corpus}")
    report = soak(given.corpus, given.limit, given.workers, given.time_limit)
    if given.json:
        print(json.dumps(report, indent=2))
        return
    for key, value in report.items():
        if key != "skipped_inputs":
            print(f"{key}: {value}")
    print("skipped inputs:")
    for line in report["skipped_inputs"]:
        print(f"  {line}")
    ok = report["every_good_article_stored"] and report["all_hostile_named"] and report["skipped"] == report["hostile"]
    sys.exit(0 if ok else 1)


if __name__ == "__main__":
    main()
