"""Throughput of the whole `analyze` pipeline as a ratio to spaCy's own `nlp.pipe`, same texts, same run.

    .venv/bin/python benchmarks/throughput.py [--corpus ../shared/corpora/bbc/politics] [--repeat 2]

Absolute times on a shared 2-core machine are noise; the ratio is the figure that counts.
Runs alternate (spaCy, spaCy at newsgraph's batch size, newsgraph, ...) and the best time of each is kept.
Ratios are taken on this process's CPU time, which other processes on the machine disturb far less than
wall time. `throughput_ratio` compares with `nlp.pipe` as spaCy ships it; `same_batch_ratio` compares with
`nlp.pipe` at the batch size newsgraph uses, so it isolates what newsgraph's own stages cost.
"""

from __future__ import annotations

import argparse
import json
import time
from pathlib import Path

import spacy

from newsgraph.ingest import read_inputs
from newsgraph.model import Article
from newsgraph.nlp import model_name
from newsgraph.pipeline import BATCH_SIZE, Pipeline

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_CORPUS = ROOT.parent / "shared" / "corpora" / "bbc" / "politics"


def load_articles(corpus: Path, limit: int | None) -> list[Article]:
    articles = [item for item in read_inputs([str(corpus)]) if isinstance(item, Article)]
    return articles[:limit] if limit else articles


def clocks() -> tuple[float, float]:
    return time.perf_counter(), time.process_time()


def since(start: tuple[float, float]) -> tuple[float, float]:
    wall, cpu = clocks()
    return wall - start[0], cpu - start[1]


def time_spacy(nlp, texts: list[str], batch_size: int | None = None) -> tuple[float, float]:
    start = clocks()
    for _ in nlp.pipe(texts, batch_size=batch_size):
        pass
    return since(start)


def time_newsgraph(pipeline: Pipeline, articles: list[Article]) -> tuple[tuple[float, float], dict[str, int]]:
    start = clocks()
    counts = {"quotes": 0, "events": 0, "actors": 0}
    for analysis in pipeline.analyze_many(articles):
        counts["quotes"] += len(analysis.quotes)
        counts["events"] += len(analysis.events)
        counts["actors"] += len(analysis.actors)
    return since(start), counts


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("--model", default=None)
    parser.add_argument("--limit", type=int, default=None)
    parser.add_argument("--repeat", type=int, default=2)
    parser.add_argument("--json", action="store_true", help="print the figures as JSON")
    args = parser.parse_args()

    articles = load_articles(args.corpus, args.limit)
    texts = [a.text for a in articles]
    baseline_nlp = spacy.load(model_name(args.model))
    pipeline = Pipeline(args.model)
    time_spacy(baseline_nlp, texts[:20])  # warm both up: first calls allocate
    time_newsgraph(pipeline, articles[:20])
    spacy_times, same_batch_times, newsgraph_times, counts = [], [], [], {}
    for _ in range(args.repeat):
        spacy_times.append(time_spacy(baseline_nlp, texts))
        same_batch_times.append(time_spacy(baseline_nlp, texts, BATCH_SIZE))
        elapsed, counts = time_newsgraph(pipeline, articles)
        newsgraph_times.append(elapsed)
    spacy_wall, spacy_cpu = (min(times) for times in zip(*spacy_times))
    same_batch_wall, same_batch_cpu = (min(times) for times in zip(*same_batch_times))
    newsgraph_wall, newsgraph_cpu = (min(times) for times in zip(*newsgraph_times))
    figures = {
        "corpus": str(args.corpus), "articles": len(articles), "model": pipeline.model,
        "spacy_cpu_seconds": round(spacy_cpu, 2), "spacy_same_batch_cpu_seconds": round(same_batch_cpu, 2),
        "newsgraph_cpu_seconds": round(newsgraph_cpu, 2),
        "throughput_ratio": round(spacy_cpu / newsgraph_cpu, 3),
        "same_batch_ratio": round(same_batch_cpu / newsgraph_cpu, 3),
        "wall_ratio": round(spacy_wall / newsgraph_wall, 3),
        "same_batch_wall_ratio": round(same_batch_wall / newsgraph_wall, 3), "runs": args.repeat, **counts,
    }
    if args.json:
        print(json.dumps(figures))
    else:
        for key, value in figures.items():
            print(f"{key:>18}: {value}")


if __name__ == "__main__":
    main()
