"""Rebuild the speaker ranker (src/newsgraph/data/quotes/speaker_ranker.json) from PolNeAR train.

    pip install -e '.[train]'
    nice python scripts/train_speaker_ranker.py                  # ../shared beside the repo
    python scripts/train_speaker_ranker.py --shared PATH --cache /tmp/ranker-rows.jsonl

Every PolNeAR train article runs through newsgraph's parse, actors and quotation rules; each rule
quotation that matches a gold attribution with a ``source_span`` gives one group of candidate mentions,
labelled by whether they overlap that span. A logistic regression (scikit-learn, fixed seed) is fitted
on the candidates' features and its weights written as JSON, which newsgraph reads without
scikit-learn. PolNeAR dev and the other check sets are never read here.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from newsgraph.actors import find_actors
from newsgraph.document import ParsedArticle
from newsgraph.evaluate.quotes import GoldDocument, gold_files, match, overlap, read_gold_file
from newsgraph.ingest import make_article
from newsgraph.layout import detect_layout
from newsgraph.nlp import load_model
from newsgraph.quotes import rule_drafts, speaker_candidates
from newsgraph.quotes.context import QuoteContext

REPO = Path(__file__).resolve().parents[1]
OUTPUT = REPO / "src" / "newsgraph" / "data" / "quotes" / "speaker_ranker.json"
SEED = 0
REGULARISATION = 1.0
THRESHOLDS = (0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 2.0)  # shares; 2.0: never where the rules found no one
MARGINS = (0.0, 0.1, 0.2, 0.3, 0.4, 0.5, 2.0)  # 2.0: never against the rules
MIN_FEATURE_COUNT = 5


def candidate_rows(documents: list[GoldDocument]):
    """One row per candidate mention: its group (a gold attribution), features and label."""
    nlp = load_model(None)
    articles = [make_article(d.article_path.read_text(encoding="utf-8"), path=str(d.article_path))
                for d in documents]
    for n, (gold, article, doc) in enumerate(zip(documents, articles, nlp.pipe(a.text for a in articles))):
        if n % 50 == 0:
            print(f"{n}/{len(documents)} articles", file=sys.stderr)
        parsed = ParsedArticle(article, detect_layout(article.text, article.title, doc), doc)
        ctx = QuoteContext(parsed, find_actors(parsed))
        drafts = rule_drafts(ctx)
        sourced = [g for g in gold.quotes if g.source_span is not None]
        gold_of = {id(d): g for d, g in match(drafts, sourced)}  # type: ignore[arg-type]
        for draft, candidates in speaker_candidates(ctx, drafts):
            wanted = gold_of.get(id(draft))
            if wanted is None or not candidates:
                continue
            group = f"{gold.name}:{draft.start}"
            for candidate in candidates:
                label = overlap(candidate.mention.start, candidate.mention.end, *wanted.source_span) > 0
                yield {"group": group, "features": candidate.features, "label": int(label)}


def load_rows(shared: Path, cache: Path | None) -> list[dict]:
    if cache is not None and cache.is_file():
        return [json.loads(line) for line in cache.read_text(encoding="utf-8").splitlines()]
    documents = [read_gold_file(path) for path in gold_files([shared / "eval" / "gold" / "polnear-train"])]
    rows = list(candidate_rows(documents))
    if cache is not None:
        cache.write_text("".join(json.dumps(row) + "\n" for row in rows), encoding="utf-8")
    return rows


def fit(rows: list[dict]) -> dict:
    """Logistic regression over the features seen at least ``MIN_FEATURE_COUNT`` times."""
    from sklearn.feature_extraction import DictVectorizer
    from sklearn.linear_model import LogisticRegression

    counts: dict[str, int] = {}
    for row in rows:
        for name in row["features"]:
            counts[name] = counts.get(name, 0) + 1
    kept = {name for name, count in counts.items() if count >= MIN_FEATURE_COUNT}
    vectorizer = DictVectorizer()
    matrix = vectorizer.fit_transform([{k: v for k, v in row["features"].items() if k in kept} for row in rows])
    model = LogisticRegression(C=REGULARISATION, max_iter=2000, random_state=SEED)
    model.fit(matrix, [row["label"] for row in rows])
    weights = {name: round(float(w), 5) for name, w in zip(vectorizer.get_feature_names_out(), model.coef_[0])}
    return {"about": "Speaker ranker weights (logistic regression over candidate-mention features), rebuilt by "
                     "scripts/train_speaker_ranker.py from PolNeAR train.",
            "bias": round(float(model.intercept_[0]), 5), "weights": dict(sorted(weights.items()))}


def answerable_groups(rows: list[dict]) -> list[list[dict]]:
    """Candidates grouped by gold attribution, for the attributions whose source is among them."""
    groups: dict[str, list[dict]] = {}
    for row in rows:
        groups.setdefault(row["group"], []).append(row)
    return [g for g in groups.values() if any(r["label"] for r in g)]


def chosen(group: list[dict], ranker) -> dict | None:
    """The candidate newsgraph keeps: the rules' choice unless the model's best is likelier by the
    margin (or, where the rules chose none, reaches the threshold)."""
    scores = ranker.shares([r["features"] for r in group])
    best = max(range(len(group)), key=scores.__getitem__)
    rule = next((n for n, r in enumerate(group) if "rule_choice" in r["features"]), None)
    if rule is None and not any(name.startswith("no_rule") for name in group[0]["features"]):
        return None  # the rules found a speaker they could not resolve, and keep it
    needed = ranker.threshold if rule is None else scores[rule] + ranker.margin
    if rule == best or scores[best] >= needed:
        return group[best]
    return group[rule] if rule is not None else None


def accuracy(groups: list[list[dict]], ranker) -> float:
    return sum(bool(c and c["label"]) for c in (chosen(g, ranker) for g in groups)) / len(groups)


def tuned(weights: dict, held: list[dict]) -> tuple[float, float]:
    """The threshold and margin that do best on the held-out articles, the rules alone among the choices."""
    from newsgraph.quotes.ranker import SpeakerRanker

    groups = answerable_groups(held)
    results = []
    for threshold in THRESHOLDS:
        for margin in MARGINS:
            ranker = SpeakerRanker(weights["weights"], weights["bias"], threshold, margin)
            results.append((accuracy(groups, ranker), -margin, -threshold))
            print(f"threshold {threshold:.2f} margin {margin:.2f}: {results[-1][0]:.4f}")
    best = max(results)
    return -best[2], -best[1]


def split_by_group(rows: list[dict]) -> tuple[list[dict], list[dict]]:
    """A fixed split by article (every fifth article held out) to report the fit's accuracy."""
    articles = sorted({row["group"].rsplit(":", 1)[0] for row in rows})
    held = set(articles[::5])
    return ([r for r in rows if r["group"].rsplit(":", 1)[0] not in held],
            [r for r in rows if r["group"].rsplit(":", 1)[0] in held])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--shared", type=Path, default=REPO.parent / "shared")
    parser.add_argument("--cache", type=Path, default=None, help="candidate rows, reused when present")
    parser.add_argument("--out", type=Path, default=OUTPUT)
    args = parser.parse_args()

    rows = load_rows(args.shared, args.cache)
    train, held = split_by_group(rows)
    threshold, margin = tuned(fit(train), held)
    final = fit(rows) | {"threshold": threshold, "margin": margin}
    args.out.write_text(json.dumps(final, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    print(f"{len(rows)} candidates; threshold {threshold}, margin {margin}; "
          f"{len(final['weights'])} weights written to {args.out}")


if __name__ == "__main__":
    main()
