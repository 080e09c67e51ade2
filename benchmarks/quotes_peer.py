"""newsgraph's quotations beside textacy's ``direct_quotations`` on the same gold, scored the same way.

    .venv/bin/pip install textacy==0.13.0     # the `bench` extra, not a runtime dependency
    .venv/bin/python benchmarks/quotes_peer.py [GOLD ...] [--json]

Both systems read the same spaCy parse of each article. textacy finds quotations in marks only
(no reported speech), gives up on an article with an odd number of marks, and names its speaker
by the words of the text (``he``): its quotations count as quoted, its speaker as the mention
text; the scorer is ``newsgraph eval quotes``'s.
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path

from newsgraph.evaluate.quotes import (GoldDocument, QuotesReport, gold_files, read_gold_file,
                                       score_document)
from newsgraph.ingest import make_article
from newsgraph.model import ActorRef, Analysis, Quote, Span
from newsgraph.pipeline import Pipeline

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_GOLD = [ROOT.parent / "shared" / "eval" / "gold" / "dev", ROOT.parent / "shared" / "eval" / "gold" / "polnear-dev"]
MARKS = "\"'“”‘’«»„ \n"
MEASURES = ("precision", "recall", "f1", "speaker_accuracy", "end_to_end_f1")


def textacy_quotes(doc) -> list[Quote]:
    """textacy's direct quotations as Quote records: the content without its marks, the speaker's words."""
    from textacy.extract.triples import direct_quotations

    try:
        triples = list(direct_quotations(doc))
    except ValueError:  # textacy gives up on an odd number of marks: it finds nothing in that article
        return []
    quotes = []
    for n, triple in enumerate(triples, start=1):
        if not triple.content:
            continue
        start = triple.content[0].idx
        end = triple.content[-1].idx + len(triple.content[-1])
        text = doc.text
        while start < end and text[start] in MARKS:
            start += 1
        while end > start and text[end - 1] in MARKS:
            end -= 1
        speaker_text = " ".join(t.text for t in triple.speaker) if triple.speaker else None
        speaker = ActorRef(f"t{n}", speaker_text, "person") if speaker_text else None
        mention = Span(triple.speaker[0].idx, triple.speaker[-1].idx + len(triple.speaker[-1]),
                       speaker_text) if speaker_text else None
        quotes.append(Quote(f"t{n}", text[start:end], start, end, "direct", speaker, mention))
    return quotes


def compare(pipeline: Pipeline, documents: list[GoldDocument]) -> dict[str, QuotesReport]:
    reports = {"newsgraph": QuotesReport(), "textacy": QuotesReport()}
    articles = [make_article(d.article_path.read_text(encoding="utf-8"), path=str(d.article_path))
                for d in documents]
    for gold, article in zip(documents, articles):
        doc = pipeline.nlp(article.text)
        ours = pipeline.analyze_parsed(article, doc)
        theirs = Analysis(article.id, article, ours.layout, quotes=textacy_quotes(doc))
        for name, analysis in (("newsgraph", ours), ("textacy", theirs)):
            reports[name].documents += 1
            score_document(analysis, gold, reports[name])
    return reports


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("gold", nargs="*", type=Path, default=DEFAULT_GOLD)
    parser.add_argument("--model", default=None)
    parser.add_argument("--json", action="store_true", help="print the figures as JSON")
    args = parser.parse_args()
    try:
        import textacy  # noqa: F401
    except ImportError:
        raise SystemExit("textacy is not installed: .venv/bin/pip install textacy==0.13.0")
    pipeline = Pipeline(args.model)
    figures = {}
    for gold in args.gold:
        documents = [read_gold_file(path) for path in gold_files([gold])]
        reports = compare(pipeline, documents)
        figures[str(gold)] = {name: report.summary() for name, report in reports.items()}
    if args.json:
        print(json.dumps(figures, indent=2))
        return
    for gold, systems in figures.items():
        print(f"\n{gold} ({systems['newsgraph']['documents']} articles)")
        print(f"{'':<28}{'newsgraph':>12}{'textacy':>12}")
        for category in ("quoted", "indirect"):
            for measure in MEASURES:
                values = [systems[name][category][measure] for name in ("newsgraph", "textacy")]
                print(f"{category + ' ' + measure.replace('_', ' '):<28}" + "".join(f"{v:>12.3f}" for v in values))


if __name__ == "__main__":
    main()
