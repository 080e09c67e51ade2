"""Spark against itself and against `ingest`: the BBC articles on local[1], local[2] and `ingest --workers 2`.

    .venv/bin/python benchmarks/spark.py [--limit N] [--json]

Each run is a fresh process into a new output. Reports the speed-up of local[2] over local[1] (target
>= 1.6) and the overhead of Spark on local[2] over `ingest --workers 2` (target <= 25 %), both on the whole
command's wall time (JVM start included) and on the job alone; and that the two outputs hold the same rows.
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
import time
from pathlib import Path

from subset import BBC, NEWSGRAPH, copy_subset, report, text_files, timed

from newsgraph import Corpus
from newsgraph.store import TABLES


def spark_phase(master: str, inputs: str, out: str) -> dict:
    """One Spark run, in this process: the session's start and the job timed apart."""
    from newsgraph.spark.job import spark_ingest
    from newsgraph.spark.session import spark_session

    started = time.perf_counter()
    session = spark_session(master, app_name="newsgraph-benchmark")
    ready = time.perf_counter()
    summary = spark_ingest([inputs], out, spark=session)
    session.stop()
    return {"articles": summary.added, "session_seconds": ready - started, "job_seconds": summary.seconds}


def row_counts(path: Path) -> dict[str, int]:
    with Corpus(path) as corpus:
        return {t: corpus.query(f"SELECT count(*) AS n FROM {t}").column("n")[0].as_py() for t in TABLES}


def measure(corpus: Path, limit: int | None) -> dict:
    files = text_files(corpus, limit)
    with tempfile.TemporaryDirectory() as scratch:
        folder = Path(scratch)
        texts = str(copy_subset(files, corpus, folder / "texts"))
        ingest = timed([*NEWSGRAPH, "ingest", texts, "--workers", "2", "--db", str(folder / "ingest.duckdb")])
        runs = {master: timed([sys.executable, __file__, "--phase", master, texts, str(folder / out)])
                for master, out in (("local[1]", "spark-1"), ("local[2]", "spark-2"))}  # no [ ]: Hadoop globs them
        same_rows = row_counts(folder / "ingest.duckdb") == row_counts(folder / "spark-2")
    one, two = runs["local[1]"], runs["local[2]"]
    return {
        "articles": len(files),
        "ingest_workers_2_seconds": round(ingest["seconds"], 1),
        "spark_local_1_seconds": round(one["seconds"], 1), "spark_local_2_seconds": round(two["seconds"], 1),
        "spark_local_2_session_seconds": round(two["session_seconds"], 1),
        "spark_local_1_job_seconds": round(one["job_seconds"], 1),
        "spark_local_2_job_seconds": round(two["job_seconds"], 1),
        "speedup_local_2_over_local_1": round(one["seconds"] / two["seconds"], 2),
        "speedup_local_2_over_local_1_job": round(one["job_seconds"] / two["job_seconds"], 2),
        "overhead_local_2_over_ingest_percent": round(100 * (two["seconds"] / ingest["seconds"] - 1), 1),
        "overhead_local_2_over_ingest_job_percent": round(100 * (two["job_seconds"] / ingest["seconds"] - 1), 1),
        "same_row_counts_as_ingest": same_rows,
        "targets": "speed-up >= 1.6, overhead <= 25 %",
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, default=BBC)
    parser.add_argument("--limit", type=int, help="only the first N articles (by path)")
    parser.add_argument("--json", action="store_true", help="print the figures as JSON")
    parser.add_argument("--phase", nargs=3, metavar=("MASTER", "INPUTS", "OUT"), help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.phase:
        print(json.dumps(spark_phase(*args.phase)))
        return
    report(measure(args.corpus, args.limit), args.json)


if __name__ == "__main__":
    main()
