"""The cost of the store and the gain of parallel workers, measured on a corpus (BBC by default).

    .venv/bin/python benchmarks/ingest.py [PATH ...] [--json]

On a machine shared with other work, wall times measure the other work as much as newsgraph: run it
as ``nice -n -15 .venv/bin/python benchmarks/ingest.py`` (as root), and read the CPU seconds too.

Each phase runs in a fresh process on the same articles (each id once): `analyze` (the pipeline alone),
`ingest --workers 1` and `ingest --workers 2` (analysis, store and corpus linking). Reports the
store overhead over analysis alone, the speed-up of two workers, peak memory per worker, that
re-ingesting adds no rows, and the latency of each query on the finished store.
"""

from __future__ import annotations

import argparse
import json
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from newsgraph.corpus import Corpus, CorpusBuilder
from newsgraph.corpus.build import peak_memory_mb
from newsgraph.ingest import read_inputs
from newsgraph.model import Article
from newsgraph.pipeline import Pipeline
from newsgraph.store import TABLES, Store

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_CORPUS = ROOT.parent / "shared" / "corpora" / "bbc"
QUERY_REPEATS = 3


def cpu_seconds() -> float:
    """CPU time of this process and its finished children: unlike wall time, immune to other load."""
    own, children = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + children.ru_utime + children.ru_stime


def articles_of(paths: list[str]) -> list[Article]:
    """The articles to analyse, each id once: what ingest analyses too."""
    return list({item.id: item for item in read_inputs(paths) if isinstance(item, Article)}.values())


def phase_analyze(paths: list[str]) -> dict:
    articles = articles_of(paths)
    started, cpu = time.perf_counter(), cpu_seconds()
    analyses = sum(1 for _ in Pipeline().analyze_many(articles))
    return {"articles": analyses, "seconds": time.perf_counter() - started, "cpu_seconds": cpu_seconds() - cpu,
            "peak_mb": peak_memory_mb()}


def phase_ingest(paths: list[str], db: str, workers: int) -> dict:
    articles = articles_of(paths)
    started, cpu = time.perf_counter(), cpu_seconds()
    with Store(db) as store:
        summary = CorpusBuilder(store, workers=workers).build(articles)
    return {"articles": summary.added, "present": summary.present, "seconds": time.perf_counter() - started,
            "cpu_seconds": cpu_seconds() - cpu,
            "main_peak_mb": peak_memory_mb(), "worker_peak_mb": sorted(summary.worker_peak_mb.values())}


def in_fresh_process(*args: str) -> dict:
    result = subprocess.run([sys.executable, __file__, "--phase", *args], capture_output=True, text=True, check=True)
    return json.loads(result.stdout.splitlines()[-1])


def row_counts(db: str) -> dict[str, int]:
    with Store(db, read_only=True) as store:
        return {t: store.connection.execute(f"SELECT count(*) FROM {t}").fetchone()[0] for t in TABLES}


def query_latencies(db: str) -> dict[str, float]:
    """Median wall time of each question over QUERY_REPEATS runs, in milliseconds."""
    with Corpus(db) as corpus:
        states = corpus.most_active_states(2) or ["GBR", "USA"]
        speaker = corpus.speakers(top=1).column("speaker").to_pylist() or ["Blair"]
        questions = {
            f"relations {states[0]} {states[-1]} --by month": lambda: corpus.relations(states[0], states[-1], "month"),
            "speakers --top 20": lambda: corpus.speakers(20),
            f"speakers --about {states[0]}": lambda: corpus.speakers(20, about=states[0]),
            f"quotes --speaker {speaker[0]!r}": lambda: corpus.quotes(speaker=speaker[0]),
            "quotes --search election --since 2004-01-01": lambda: corpus.quotes(search="election", since="2004-01-01"),
            f"actors --country {states[0]}": lambda: corpus.actors(country=states[0]),
            f"actor {states[0]}": lambda: corpus.actor(states[0]),
            "network": corpus.network,
            "stats": corpus.stats,
        }
        latencies = {}
        for name, question in questions.items():
            times = []
            for _ in range(QUERY_REPEATS):
                started = time.perf_counter()
                question()
                times.append(time.perf_counter() - started)
            latencies[name] = round(statistics.median(times) * 1000, 1)
        return latencies


def measure(paths: list[str]) -> dict:
    with tempfile.TemporaryDirectory() as folder:
        one, two = str(Path(folder) / "w1.duckdb"), str(Path(folder) / "w2.duckdb")
        analyze = in_fresh_process("analyze", *paths)
        ingest_one = in_fresh_process("ingest", "--db", one, "--workers", "1", *paths)
        ingest_two = in_fresh_process("ingest", "--db", two, "--workers", "2", *paths)
        counts = row_counts(two)
        again = in_fresh_process("ingest", "--db", two, "--workers", "2", *paths)
        return {
            "articles": analyze["articles"],
            "analyze_seconds": round(analyze["seconds"], 1),
            "ingest_workers_1_seconds": round(ingest_one["seconds"], 1),
            "ingest_workers_2_seconds": round(ingest_two["seconds"], 1),
            "analyze_cpu_seconds": round(analyze["cpu_seconds"], 1),
            "ingest_workers_1_cpu_seconds": round(ingest_one["cpu_seconds"], 1),
            "ingest_workers_2_cpu_seconds": round(ingest_two["cpu_seconds"], 1),
            "store_overhead_percent": round(100 * (ingest_one["seconds"] / analyze["seconds"] - 1), 1),
            "store_overhead_cpu_percent": round(100 * (ingest_one["cpu_seconds"] / analyze["cpu_seconds"] - 1), 1),
            "speedup_workers_2": round(ingest_one["seconds"] / ingest_two["seconds"], 2),
            "articles_per_second_workers_2": round(ingest_two["articles"] / ingest_two["seconds"], 2),
            "peak_mb_analyze_process": round(analyze["peak_mb"]),
            "peak_mb_per_worker_workers_2": [round(mb) for mb in ingest_two["worker_peak_mb"]],
            "peak_mb_main_process_workers_2": round(ingest_two["main_peak_mb"]),
            "reingest_added": again["articles"], "reingest_present": again["present"],
            "reingest_rows_unchanged": row_counts(two) == counts,
            "rows": counts,
            "query_ms": query_latencies(two),
        }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("paths", nargs="*", default=[str(DEFAULT_CORPUS)])
    parser.add_argument("--json", action="store_true", help="print the figures as JSON")
    parser.add_argument("--phase", nargs=argparse.REMAINDER, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.phase:
        print(json.dumps(run_phase(args.phase)))
        return
    missing = [p for p in args.paths if not Path(p).exists()]
    if missing:
        raise SystemExit(f"no such corpus: {', '.join(missing)} (the BBC corpus lives in ../shared/corpora/bbc)")
    figures = measure(args.paths)
    if args.json:
        print(json.dumps(figures, indent=2))
        return
    for name, value in figures.items():
        print(f"{name:34} {value}")


def run_phase(arguments: list[str]) -> dict:
    phase = argparse.ArgumentParser(prog="phase")
    phase.add_argument("name", choices=["analyze", "ingest"])
    phase.add_argument("--db")
    phase.add_argument("--workers", type=int, default=1)
    phase.add_argument("paths", nargs="+")
    given = phase.parse_args(arguments)
    if given.name == "analyze":
        return phase_analyze(given.paths)
    return phase_ingest(given.paths, given.db, given.workers)


if __name__ == "__main__":
    main()
