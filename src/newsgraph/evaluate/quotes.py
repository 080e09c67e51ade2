"""Quotations measured against gold files in the guidelines' format (``shared/eval/GUIDELINES.md``).

Definitions:

- Two categories are scored apart: quoted (direct + partial) and indirect.
- A predicted and a gold quotation match when their overlap covers at least half of
  each; matching is one to one, largest overlaps first.
- ``optional`` gold quotations neither reward nor penalise: a prediction matching one is
  set aside, and missing one is no miss. Predicted pull quotes are scored only when they
  match a gold quotation, since they repeat a body quotation.
- Speaker accuracy is over matched pairs: right when the predicted canonical name, or
  the text of the speaker's mention, is the gold speaker or one of its aliases, compared
  case-insensitively without honorifics or a leading article; a null gold speaker wants
  no predicted speaker.
- End-to-end F1 counts a match as right only when its speaker is right too.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..ingest import make_article
from ..model import Analysis, Quote
from ..pipeline import Pipeline

CATEGORIES = {"direct": "quoted", "partial": "quoted", "indirect": "indirect"}
HONORIFICS = {"mr", "mrs", "ms", "miss", "dr", "mr.", "mrs.", "ms.", "dr."}
LEADING_WORDS = {"the", "a", "an"}
CONTEXT_CHARS = 60


class GoldError(ValueError):
    """A gold file that cannot be read or whose article cannot be found."""


@dataclass
class GoldQuote:
    text: str
    start: int
    end: int
    kind: str
    speaker: str | None
    aliases: list[str] = field(default_factory=list)
    optional: bool = False

    @property
    def category(self) -> str:
        return CATEGORIES.get(self.kind, "quoted")


@dataclass
class GoldDocument:
    gold_path: Path
    article_path: Path
    quotes: list[GoldQuote]

    @property
    def name(self) -> str:
        return self.gold_path.stem


def gold_files(paths: Iterable[str | Path]) -> list[Path]:
    """Gold JSON files named or held (recursively) in the folders named, in sorted order."""
    found: list[Path] = []
    for given in paths:
        path = Path(given)
        if path.is_dir():
            found.extend(sorted(p for p in path.rglob("*.json") if p.is_file()))
        elif path.is_file():
            found.append(path)
        else:
            raise GoldError(f"no such gold file or folder: {given}")
    return found


def article_path(gold_path: Path, doc: str) -> Path:
    """The article a gold file names, relative to the shared folder that holds the gold file."""
    for folder in gold_path.resolve().parents:
        candidate = folder / doc
        if candidate.is_file():
            return candidate
    raise GoldError(f"{gold_path}: article {doc!r} not found above the gold file")


def read_gold_file(path: Path) -> GoldDocument:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        quotes = [GoldQuote(q["text"], int(q["start"]), int(q["end"]), q.get("kind", "direct"), q.get("speaker"),
                            list(q.get("aliases") or []), bool(q.get("optional", False)))
                  for q in data["quotes"]]
        return GoldDocument(path, article_path(path, data["doc"]), quotes)
    except (OSError, UnicodeDecodeError, json.JSONDecodeError, KeyError, TypeError, ValueError) as error:
        if isinstance(error, GoldError):
            raise
        raise GoldError(f"{path}: not a gold quotation file ({type(error).__name__}: {error})") from error


def normalise_name(name: str | None) -> str:
    """Case-folded name without honorifics, a leading article or a possessive ending."""
    if not name:
        return ""
    words = re.sub(r"['’]s\b", "", name).replace("’", "'").casefold().split()
    while words and (words[0] in HONORIFICS or words[0] in LEADING_WORDS):
        words = words[1:]
    return " ".join(w.strip(".,;:\"“”") for w in words)


def speaker_right(predicted: Quote, gold: GoldQuote) -> bool:
    if gold.speaker is None:
        return predicted.speaker is None
    wanted = {normalise_name(gold.speaker)} | {normalise_name(a) for a in gold.aliases}
    given = {normalise_name(predicted.speaker.name) if predicted.speaker else "",
             normalise_name(predicted.speaker_mention.text) if predicted.speaker_mention else ""}
    return bool((given - {""}) & wanted)


def overlap(a_start: int, a_end: int, b_start: int, b_end: int) -> int:
    return max(0, min(a_end, b_end) - max(a_start, b_start))


def match(predicted: list[Quote], gold: list[GoldQuote]) -> list[tuple[Quote, GoldQuote]]:
    """One-to-one pairs whose overlap covers at least half of both spans, largest overlaps first."""
    pairs = []
    for p in predicted:
        for g in gold:
            shared = overlap(p.start, p.end, g.start, g.end)
            if shared and 2 * shared >= p.end - p.start and 2 * shared >= g.end - g.start:
                pairs.append((shared, p, g))
    pairs.sort(key=lambda item: -item[0])
    used_p: set[int] = set()
    used_g: set[int] = set()
    matched = []
    for _, p, g in pairs:
        if id(p) not in used_p and id(g) not in used_g:
            used_p.add(id(p))
            used_g.add(id(g))
            matched.append((p, g))
    return matched


@dataclass
class Counts:
    predicted: int = 0
    gold: int = 0
    matched: int = 0
    speaker_right: int = 0

    def add(self, other: Counts) -> None:
        self.predicted += other.predicted
        self.gold += other.gold
        self.matched += other.matched
        self.speaker_right += other.speaker_right

    def measures(self) -> dict[str, float | int]:
        span = prf(self.matched, self.predicted, self.gold)
        end_to_end = prf(self.speaker_right, self.predicted, self.gold)
        return {"precision": span[0], "recall": span[1], "f1": span[2],
                "speaker_accuracy": self.speaker_right / self.matched if self.matched else 0.0,
                "end_to_end_f1": end_to_end[2], "predicted": self.predicted, "gold": self.gold,
                "matched": self.matched}


def prf(right: int, predicted: int, gold: int) -> tuple[float, float, float]:
    precision = right / predicted if predicted else 0.0
    recall = right / gold if gold else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return precision, recall, f1


@dataclass
class ScoreError:
    doc: str
    category: str
    error: str  # "miss", "false", "speaker"
    text: str
    context: str
    gold_speaker: str | None = None
    predicted_speaker: str | None = None


@dataclass
class QuotesReport:
    documents: int = 0
    counts: dict[str, Counts] = field(default_factory=lambda: {"quoted": Counts(), "indirect": Counts()})
    errors: list[ScoreError] = field(default_factory=list)

    def summary(self) -> dict[str, Any]:
        return {"documents": self.documents, **{name: c.measures() for name, c in self.counts.items()}}


def context_of(text: str, start: int, end: int) -> str:
    before = text[max(0, start - CONTEXT_CHARS):start]
    after = text[end:end + CONTEXT_CHARS]
    return " ".join(f"{before}[[{text[start:end]}]]{after}".split())


def speaker_label(quote: Quote) -> str | None:
    if quote.speaker is not None:
        return quote.speaker.name
    return f"({quote.speaker_mention.text})" if quote.speaker_mention else None


def score_document(analysis: Analysis, gold: GoldDocument, report: QuotesReport) -> None:
    """Add one article's counts and errors to the report."""
    text = analysis.article.text
    for category, counts in report.counts.items():
        predicted = [q for q in analysis.quotes if CATEGORIES[q.kind] == category]
        golden = [g for g in gold.quotes if g.category == category]
        pairs = match(predicted, golden)
        matched_p = {id(p) for p, _ in pairs}
        matched_g = {id(g) for _, g in pairs}
        scored = [(p, g) for p, g in pairs if not g.optional]
        right = [(p, g) for p, g in scored if speaker_right(p, g)]
        extra = [p for p in predicted if id(p) not in matched_p and not p.pullquote]
        missed = [g for g in golden if id(g) not in matched_g and not g.optional]
        counts.add(Counts(len(scored) + len(extra), len(scored) + len(missed), len(scored), len(right)))
        for p in extra:
            report.errors.append(ScoreError(gold.name, category, "false", p.text, context_of(text, p.start, p.end),
                                            None, speaker_label(p)))
        for g in missed:
            report.errors.append(ScoreError(gold.name, category, "miss", g.text, context_of(text, g.start, g.end),
                                            g.speaker))
        for p, g in scored:
            if (p, g) not in right:
                report.errors.append(ScoreError(gold.name, category, "speaker", g.text,
                                                context_of(text, g.start, g.end), g.speaker, speaker_label(p)))


def analyses(pipeline: Pipeline, documents: list[GoldDocument]) -> Iterator[tuple[GoldDocument, Analysis]]:
    """Each gold document with the pipeline's analysis of its article, parsed in batches."""
    articles = [make_article(d.article_path.read_text(encoding="utf-8"), path=str(d.article_path))
                for d in documents]
    yield from zip(documents, pipeline.analyze_many(articles))


def evaluate_quotes(pipeline: Pipeline, documents: list[GoldDocument]) -> QuotesReport:
    report = QuotesReport()
    for gold, analysis in analyses(pipeline, documents):
        report.documents += 1
        score_document(analysis, gold, report)
    return report
