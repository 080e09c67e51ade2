"""Event coding measured against gold records ``{id, text, date, events: [{type, mode, actor, recipient}]}``.

Definitions (one gold event per record is the usual case; the first gold event is the record's):

- type found: the gold type is among the record's predicted events; type top: it is the type of
  the most confident predicted event.
- macro-F1: per-type F1 of the top prediction against the gold type, averaged over the PLOVER
  types that occur in the gold or the predictions.
- actor (recipient) country: over records whose gold actor (recipient) names a country, the
  predicted event of the gold type (else the top one) names exactly the same set of countries.
- triples: (type, actor country, recipient country) for every country pair of every event;
  precision over predicted triples, recall over gold triples, micro-averaged.

Country codes are normalised on both sides (CAMEO ``JAP`` is ``JPN``); in triples, codes that are
not a state (``IGO``, ``EUR``) count as no country, as the gold leaves international bodies blank.

Articles (gold files ``{doc, events: [{type, mode, actor, recipient, trigger, claimed_by}]}``) are scored
within the article: a gold event matches one predicted event of its type whose actor and recipient
match. Two sides match when they name the same states and every gold entity with no state (NATO,
"gunmen") shares a significant word with a predicted entity of no state; "countries only" drops that
second condition, leaving out the actors that have no country. Type found, actor and recipient are
shares of gold events with some predicted event of their type (and matching side); triple precision is
over predicted events, recall over gold events.
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import asdict, dataclass, field
from itertools import product
from pathlib import Path
from typing import Any

import pycountry

from ..actors.gazetteer import normalise_country
from ..ingest import make_article
from ..model import ActorRef, Analysis, Event
from ..pipeline import Pipeline
from .quotes import prf

PLOVER_TYPES = ("AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST", "ACCUSE",
                "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT")
NON_STATE_KEEP = frozenset({"KOS", "PSE"})

Triple = tuple[str, str | None, str | None]


def read_gold(path: str | Path) -> list[dict[str, Any]]:
    with open(path, encoding="utf-8") as handle:
        return [json.loads(line) for line in handle if line.strip()]


def countries(entities: Iterable[dict[str, Any] | ActorRef]) -> set[str]:
    """Normalised country codes of gold entities or predicted actor refs."""
    found = set()
    for entity in entities:
        code = entity.get("country") if isinstance(entity, dict) else entity.country
        code = normalise_country(code)
        if code:
            found.add(code)
    return found


def is_state(code: str) -> bool:
    return code in NON_STATE_KEEP or pycountry.countries.get(alpha_3=code) is not None


def triples(event_type: str, actor: set[str], recipient: set[str]) -> set[Triple]:
    actor_states = sorted(c for c in actor if is_state(c)) or [None]
    recipient_states = sorted(c for c in recipient if is_state(c)) or [None]
    return {(event_type, a, r) for a, r in product(actor_states, recipient_states)}


@dataclass
class RecordResult:
    id: str
    text: str
    gold_type: str
    gold_actor: list[str]
    gold_recipient: list[str]
    predicted: list[dict[str, Any]]
    type_found: bool
    type_top: bool
    actor_correct: bool | None
    recipient_correct: bool | None
    triples_gold: int
    triples_predicted: int
    triples_matched: int

    @property
    def is_error(self) -> bool:
        return not self.type_found or self.actor_correct is False or self.recipient_correct is False


@dataclass
class EventsReport:
    records: int = 0
    type_found: float = 0.0
    type_top: float = 0.0
    macro_f1: float = 0.0
    actor_country: float = 0.0
    recipient_country: float = 0.0
    triple_precision: float = 0.0
    triple_recall: float = 0.0
    triple_f1: float = 0.0
    per_type_f1: dict[str, float] = field(default_factory=dict)
    results: list[RecordResult] = field(default_factory=list, repr=False)

    def summary(self) -> dict[str, Any]:
        return {k: v for k, v in asdict(self).items() if k != "results"}


def ranked(events: list[Event]) -> list[Event]:
    """Predicted events, most confident first, text order among equals."""
    return sorted(events, key=lambda e: -e.confidence)


def describe(event: Event) -> dict[str, Any]:
    return {"type": event.type, "mode": event.mode, "trigger": event.trigger.text,
            "actor": [f"{a.name}/{a.country}" for a in event.actor],
            "recipient": [f"{a.name}/{a.country}" for a in event.recipient],
            "negated": event.negated, "future": event.future, "hypothetical": event.hypothetical}


def score_record(record: dict[str, Any], events: list[Event]) -> RecordResult:
    gold = record["events"][0]
    events = ranked(events)
    gold_actor, gold_recipient = countries(gold["actor"]), countries(gold["recipient"])
    matched = next((e for e in events if e.type == gold["type"]), events[0] if events else None)
    predicted_actor = countries(matched.actor) if matched else set()
    predicted_recipient = countries(matched.recipient) if matched else set()
    gold_triples = set().union(*(triples(g["type"], countries(g["actor"]), countries(g["recipient"]))
                                 for g in record["events"]))
    predicted_triples = set().union(*(triples(e.type, countries(e.actor), countries(e.recipient))
                                      for e in events)) if events else set()
    return RecordResult(
        id=record["id"], text=record["text"], gold_type=gold["type"],
        gold_actor=sorted(gold_actor), gold_recipient=sorted(gold_recipient),
        predicted=[describe(e) for e in events],
        type_found=any(e.type == gold["type"] for e in events),
        type_top=bool(events) and events[0].type == gold["type"],
        actor_correct=(predicted_actor == gold_actor) if gold_actor else None,
        recipient_correct=(predicted_recipient == gold_recipient) if gold_recipient else None,
        triples_gold=len(gold_triples), triples_predicted=len(predicted_triples),
        triples_matched=len(gold_triples & predicted_triples),
    )


def share(flags: list[bool | None]) -> float:
    counted = [f for f in flags if f is not None]
    return round(sum(counted) / len(counted), 4) if counted else 0.0


def per_type_f1(results: list[RecordResult]) -> dict[str, float]:
    """F1 of the top prediction for each PLOVER type seen in the gold or the predictions."""
    gold = Counter(r.gold_type for r in results)
    top = [(r.gold_type, r.predicted[0]["type"] if r.predicted else None) for r in results]
    predicted = Counter(p for _, p in top if p)
    hits = Counter(g for g, p in top if g == p)
    scores = {}
    for event_type in PLOVER_TYPES:
        if gold[event_type] or predicted[event_type]:
            scores[event_type] = round(prf(hits[event_type], predicted[event_type], gold[event_type])[2], 4)
    return scores


def summarise(results: list[RecordResult]) -> EventsReport:
    precision, recall, triple_f1 = prf(sum(r.triples_matched for r in results),
                                       sum(r.triples_predicted for r in results), sum(r.triples_gold for r in results))
    by_type = per_type_f1(results)
    return EventsReport(
        records=len(results),
        type_found=share([r.type_found for r in results]),
        type_top=share([r.type_top for r in results]),
        macro_f1=round(sum(by_type.values()) / len(by_type), 4) if by_type else 0.0,
        actor_country=share([r.actor_correct for r in results]),
        recipient_country=share([r.recipient_correct for r in results]),
        triple_precision=round(precision, 4), triple_recall=round(recall, 4),
        triple_f1=round(triple_f1, 4),
        per_type_f1=by_type, results=results,
    )


def analyse_gold(pipeline: Pipeline, records: list[dict[str, Any]]) -> Iterator[RecordResult]:
    articles = (make_article(r["text"], id=r.get("id"), date=r.get("date")) for r in records)
    for record, analysis in zip(records, pipeline.analyze_many(articles)):
        yield score_record(record, analysis.events)


def evaluate_events(pipeline: Pipeline, records: list[dict[str, Any]]) -> EventsReport:
    """Run the pipeline on every gold record and measure its events."""
    return summarise(list(analyse_gold(pipeline, records)))


# ---- Articles: every event an article reports, matched within the article ----

STOP_WORDS = frozenset({"the", "a", "an", "of", "and", "in", "on", "for", "to", "at", "by", "with", "its", "their",
                        "his", "her", "s", "'s", "’s", "some", "several", "two", "three", "four", "other", "unnamed",
                        "unidentified", "group", "people"})


class ArticleGoldError(ValueError):
    """A gold file that is missing, unreadable or not an events gold file."""


@dataclass
class ArticleGold:
    name: str
    article_path: Path
    date: str | None
    events: list[dict[str, Any]]


def article_gold_files(paths: Iterable[str | Path]) -> list[ArticleGold]:
    """The events gold of the article gold files named or held in the folders named, sorted by path."""
    files: list[Path] = []
    for given in map(Path, paths):
        if not given.exists():
            raise ArticleGoldError(f"no such gold file or folder: {given}")
        files += sorted(given.rglob("*.json")) if given.is_dir() else [given]
    return [read_article_gold(f) for f in files]


def read_article_gold(path: Path) -> ArticleGold:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        article = next((folder / data["doc"] for folder in path.resolve().parents
                        if (folder / data["doc"]).is_file()), None)
        events = list(data.get("events") or [])
    except (OSError, UnicodeDecodeError, json.JSONDecodeError, KeyError, TypeError) as error:
        raise ArticleGoldError(f"{path}: not an article gold file ({type(error).__name__}: {error})") from error
    if article is None:
        raise ArticleGoldError(f"{path}: article {data['doc']!r} not found above the gold file")
    return ArticleGold(path.stem, article, sidecar_date(article), events)


def sidecar_date(article: Path) -> str | None:
    """The publication date of ``NAME.meta.json`` beside an article, when there is one."""
    meta = article.with_suffix(".meta.json")
    try:
        return json.loads(meta.read_text(encoding="utf-8")).get("date") if meta.is_file() else None
    except (OSError, json.JSONDecodeError, AttributeError):
        return None


def significant_words(name: str) -> set[str]:
    """Lower-case content words of a name, plurals folded: ``the Police`` and ``police officers`` share one."""
    words = (w.strip(".,'’\"()") for w in name.lower().replace("-", " ").split())
    return {singular(w) for w in words if w and w not in STOP_WORDS}


def singular(word: str) -> str:
    if word.endswith("men"):
        return word[:-3] + "man"
    return word[:-1] if len(word) > 3 and word.endswith("s") and not word.endswith("ss") else word


@dataclass(frozen=True)
class Party:
    """One side's entity as the scorer sees it: a state code or, with no state, the words of its names."""

    country: str | None
    words: frozenset[str]


def gold_party(entity: dict[str, Any]) -> Party:
    code = normalise_country(entity.get("country"))
    return Party(code if code and is_state(code) else None, frozenset(significant_words(entity.get("text") or "")))


def predicted_party(ref: ActorRef, aliases: dict[str, list[str]]) -> Party:
    code = normalise_country(ref.country)
    names = [ref.name, *aliases.get(ref.id, [])]
    return Party(code if code and is_state(code) else None, frozenset().union(*map(significant_words, names)))


def side_matches(gold: list[Party], predicted: list[Party], countries_only: bool) -> bool:
    """The same states on both sides; each gold entity with no state named alike by some predicted one
    (unless only countries count)."""
    if {p.country for p in gold if p.country} != {p.country for p in predicted if p.country}:
        return False
    if countries_only:
        return True
    return all(any(g.words & p.words for p in predicted if not p.country) for g in gold if not g.country)


@dataclass
class ArticleEvent:
    """A gold or predicted event reduced to what the scorer compares, with where to show it."""

    type: str
    actor: list[Party]
    recipient: list[Party]
    label: str
    context: str


@dataclass
class ArticleCounts:
    gold: int = 0
    predicted: int = 0
    matched: int = 0
    type_found: int = 0
    actor_right: int = 0
    actor_gold: int = 0
    recipient_right: int = 0
    recipient_gold: int = 0

    def measures(self) -> dict[str, float | int]:
        precision, recall, f1 = prf(self.matched, self.predicted, self.gold)
        ratio = lambda right, total: round(right / total, 4) if total else 0.0  # noqa: E731
        return {"gold": self.gold, "predicted": self.predicted, "matched": self.matched,
                "type_found": ratio(self.type_found, self.gold), "actor": ratio(self.actor_right, self.actor_gold),
                "recipient": ratio(self.recipient_right, self.recipient_gold),
                "triple_precision": round(precision, 4), "triple_recall": round(recall, 4),
                "triple_f1": round(f1, 4)}


@dataclass
class ArticleError:
    article: str
    kind: str  # "missed" (a gold event no prediction matches) or "false" (a prediction no gold event matches)
    event: str
    context: str


@dataclass
class ArticleEventsReport:
    articles: int = 0
    all_parties: ArticleCounts = field(default_factory=ArticleCounts)
    countries_only: ArticleCounts = field(default_factory=ArticleCounts)
    errors: list[ArticleError] = field(default_factory=list)

    def summary(self) -> dict[str, Any]:
        return {"articles": self.articles, "all_parties": self.all_parties.measures(),
                "countries_only": self.countries_only.measures()}


def gold_event(event: dict[str, Any], text: str) -> ArticleEvent:
    actor, recipient = map(lambda side: [gold_party(e) for e in event.get(side) or []], ("actor", "recipient"))
    names = lambda side: ", ".join(f"{e.get('text')}/{e.get('country')}" for e in event.get(side) or [])  # noqa: E731
    mode = f" ({event['mode']})" if event.get("mode") else ""
    label = f"{event['type']}{mode} {names('actor')} → {names('recipient')} “{event.get('trigger', '')}”"
    return ArticleEvent(event["type"], actor, recipient, label, sentence_around(text, event.get("trigger") or ""))


def sentence_around(text: str, words: str) -> str:
    """The line of the article where ``words`` first occur, or '' when they do not."""
    at = text.find(words) if words else -1
    if at < 0:
        return ""
    return text[text.rfind("\n", 0, at) + 1:(text.find("\n", at) + 1 or len(text) + 1) - 1].strip()


def predicted_event(event: Event, aliases: dict[str, list[str]]) -> ArticleEvent:
    description = describe(event)
    mode = "".join(f" ({m})" for m in ("negated", "hypothetical", "future") if description[m])
    label = (f"{event.type}{mode} {', '.join(description['actor'])} → {', '.join(description['recipient'])} "
             f"“{event.trigger.text}” [{event.confidence}]")
    return ArticleEvent(event.type, [predicted_party(r, aliases) for r in event.actor],
                        [predicted_party(r, aliases) for r in event.recipient], label, event.sentence.text)


def event_matches(gold: ArticleEvent, predicted: ArticleEvent, countries_only: bool) -> bool:
    return (gold.type == predicted.type and side_matches(gold.actor, predicted.actor, countries_only)
            and side_matches(gold.recipient, predicted.recipient, countries_only))


def match_events(gold: list[ArticleEvent], predicted: list[ArticleEvent],
                 countries_only: bool) -> list[tuple[int, int]]:
    """A largest one-to-one set of (gold, predicted) index pairs that match, each gold event trying the
    predictions told in its own paragraph first, so that two calls between the same countries pair up
    with the calls they are."""
    candidates = [sorted((p for p, guess in enumerate(predicted) if event_matches(event, guess, countries_only)),
                         key=lambda p: predicted[p].context not in event.context) for event in gold]
    owner: dict[int, int] = {}

    def place(g: int, seen: set[int]) -> bool:
        for p in candidates[g]:
            if p not in seen:
                seen.add(p)
                if p not in owner or place(owner[p], seen):
                    owner[p] = g
                    return True
        return False

    for g in range(len(gold)):
        place(g, set())
    return sorted((g, p) for p, g in owner.items())


def count_article(gold: list[ArticleEvent], predicted: list[ArticleEvent], counts: ArticleCounts,
                  countries_only: bool) -> list[tuple[int, int]]:
    pairs = match_events(gold, predicted, countries_only)
    counts.gold += len(gold)
    counts.predicted += len(predicted)
    counts.matched += len(pairs)
    for event in gold:
        same_type = [p for p in predicted if p.type == event.type]
        counts.type_found += bool(same_type)
        if event.actor:
            counts.actor_gold += 1
            counts.actor_right += any(side_matches(event.actor, p.actor, countries_only) for p in same_type)
        if event.recipient:
            counts.recipient_gold += 1
            counts.recipient_right += any(side_matches(event.recipient, p.recipient, countries_only)
                                          for p in same_type)
    return pairs


def score_article(gold: ArticleGold, analysis: Analysis, report: ArticleEventsReport) -> None:
    aliases = {a.id: a.aliases for a in analysis.actors}
    golds = [gold_event(e, analysis.article.text) for e in gold.events]
    predicted = [predicted_event(e, aliases) for e in ranked(analysis.events)]
    report.articles += 1
    count_article(golds, predicted, report.countries_only, countries_only=True)
    pairs = count_article(golds, predicted, report.all_parties, countries_only=False)
    matched_gold, matched_predicted = {g for g, _ in pairs}, {p for _, p in pairs}
    report.errors += [ArticleError(gold.name, "missed", e.label, e.context)
                      for i, e in enumerate(golds) if i not in matched_gold]
    report.errors += [ArticleError(gold.name, "false", e.label, e.context)
                      for i, e in enumerate(predicted) if i not in matched_predicted]


def evaluate_article_events(pipeline: Pipeline, golds: list[ArticleGold]) -> ArticleEventsReport:
    """Run the pipeline on every gold article and match its events to the gold within the article."""
    report = ArticleEventsReport()
    articles = (make_article(g.article_path.read_text(encoding="utf-8"), path=str(g.article_path), date=g.date)
                for g in golds)
    for gold, analysis in zip(golds, pipeline.analyze_many(articles)):
        score_article(gold, analysis, report)
    return report
