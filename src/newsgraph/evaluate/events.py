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
from ..model import ActorRef, Event
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
