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
- Source-mention accuracy (gold with ``source_span``, as PolNeAR's): over matched pairs whose gold
  names a source mention, right when the predicted speaker mention overlaps it.
- Each wrong speaker is given a kind (``SPEAKER_ERROR_KINDS``) so the remaining errors can be counted.
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
    source_span: tuple[int, int] | None = None

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
                            list(q.get("aliases") or []), bool(q.get("optional", False)),
                            source_span_of(q))
                  for q in data["quotes"]]
        return GoldDocument(path, article_path(path, data["doc"]), quotes)
    except (OSError, UnicodeDecodeError, json.JSONDecodeError, KeyError, TypeError, ValueError) as error:
        if isinstance(error, GoldError):
            raise
        raise GoldError(f"{path}: not a gold quotation file ({type(error).__name__}: {error})") from error


def source_span_of(quote: dict) -> tuple[int, int] | None:
    span = quote.get("source_span")
    return (int(span[0]), int(span[1])) if span else None


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


SPEAKER_ERROR_KINDS = {
    "none found": "no speaker given where the gold has one",
    "spurious speaker": "a speaker given where the gold has none",
    "pronoun unresolved": "a pronoun left without its antecedent",
    "title in name": "the gold name with more words around it (a role title, a possessor)",
    "name cut": "part of the gold name (a first name, a surname without its first names)",
    "description cut": "part of the gold description (its head noun)",
    "role word": "a description or role word where the gold gives a name",
    "state for official": "a country where the gold gives a person or body",
    "organisation for person": "an organisation (a relay, a party, a ministry) where the gold gives someone else",
    "wrong person": "another speaker altogether",
}


def speaker_error_kind(predicted: Quote, gold: GoldQuote) -> str:
    """Which of ``SPEAKER_ERROR_KINDS`` a wrong speaker is."""
    if gold.speaker is None:
        return "spurious speaker"
    if predicted.speaker is None:
        return "pronoun unresolved" if predicted.speaker_mention is not None else "none found"
    name = predicted.speaker.name
    given, wanted = set(normalise_name(name).split()), set(normalise_name(gold.speaker).split())
    gold_named, given_named = is_proper(gold.speaker), is_proper(name)
    if given & wanted and not gold_named and (given < wanted or given > wanted):
        return "description cut"
    if given_named and gold_named and given < wanted:
        return "name cut"
    if gold_named and given > wanted:
        return "title in name"
    if predicted.speaker.type == "country":
        return "state for official"
    if gold_named and not given_named:
        return "role word"
    if predicted.speaker.type == "organisation":
        return "organisation for person"
    return "wrong person"


def is_proper(name: str) -> bool:
    """A proper name (its last word capitalised), not a description."""
    words = name.split()
    return bool(words) and words[-1][:1].isupper()


def source_mention_right(predicted: Quote, gold: GoldQuote) -> bool:
    """The predicted speaker mention overlaps the gold source mention."""
    mention = predicted.speaker_mention
    return gold.source_span is not None and mention is not None \
        and overlap(mention.start, mention.end, *gold.source_span) > 0


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
    sourced: int = 0  # matched pairs whose gold gives a source mention
    source_right: int = 0

    def add(self, other: Counts) -> None:
        self.predicted += other.predicted
        self.gold += other.gold
        self.matched += other.matched
        self.speaker_right += other.speaker_right
        self.sourced += other.sourced
        self.source_right += other.source_right

    def measures(self) -> dict[str, float | int]:
        span = prf(self.matched, self.predicted, self.gold)
        end_to_end = prf(self.speaker_right, self.predicted, self.gold)
        return {"precision": span[0], "recall": span[1], "f1": span[2],
                "speaker_accuracy": self.speaker_right / self.matched if self.matched else 0.0,
                "end_to_end_f1": end_to_end[2],
                "source_mention_accuracy": self.source_right / self.sourced if self.sourced else None,
                "predicted": self.predicted, "gold": self.gold, "matched": self.matched}


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
    speaker_error: str | None = None  # a key of SPEAKER_ERROR_KINDS


@dataclass
class QuotesReport:
    documents: int = 0
    counts: dict[str, Counts] = field(default_factory=lambda: {"quoted": Counts(), "indirect": Counts()})
    errors: list[ScoreError] = field(default_factory=list)

    def summary(self) -> dict[str, Any]:
        return {"documents": self.documents, **{name: c.measures() for name, c in self.counts.items()}}

    def speaker_errors_by_kind(self) -> dict[str, dict[str, int]]:
        """Per category, how many wrong speakers of each kind, most frequent first."""
        grouped: dict[str, dict[str, int]] = {}
        for error in self.errors:
            if error.speaker_error is not None:
                kinds = grouped.setdefault(error.category, {})
                kinds[error.speaker_error] = kinds.get(error.speaker_error, 0) + 1
        return {category: dict(sorted(kinds.items(), key=lambda item: -item[1]))
                for category, kinds in grouped.items()}


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
        sourced = [(p, g) for p, g in scored if g.source_span is not None]
        counts.add(Counts(len(scored) + len(extra), len(scored) + len(missed), len(scored), len(right),
                          len(sourced), sum(source_mention_right(p, g) for p, g in sourced)))
        for p in extra:
            report.errors.append(ScoreError(gold.name, category, "false", p.text, context_of(text, p.start, p.end),
                                            None, speaker_label(p)))
        for g in missed:
            report.errors.append(ScoreError(gold.name, category, "miss", g.text, context_of(text, g.start, g.end),
                                            g.speaker))
        for p, g in scored:
            if (p, g) not in right:
                report.errors.append(ScoreError(gold.name, category, "speaker", g.text,
                                                context_of(text, g.start, g.end), g.speaker, speaker_label(p),
                                                speaker_error_kind(p, g)))


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
