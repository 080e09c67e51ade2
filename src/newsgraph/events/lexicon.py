"""The event coder's data files, read once: triggers, PLOVER types, scores, Goldstein values, grammar words."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources

DATA = resources.files("newsgraph") / "data" / "events"
POS_CODES = {"V": "VERB", "N": "NOUN", "A": "ADJ"}


@dataclass(frozen=True)
class TriggerEntry:
    """What one trigger word (with its optional dependent word) means in PLOVER."""

    type: str
    mode: str | None = None
    context: str | None = None


@dataclass(frozen=True)
class TypeFacts:
    quad: int
    requires_recipient: bool
    cameo: str
    future: str
    domestic: bool = False
    as_object: dict[str, str] = field(default_factory=dict)
    cameo_by_mode: dict[str, str] = field(default_factory=dict)
    threaten_mode_by_mode: dict[str, str] = field(default_factory=dict)


@dataclass(frozen=True)
class Lexicon:
    triggers: dict[tuple[str, str], dict[str | None, TriggerEntry]]
    types: dict[str, TypeFacts]
    quad_labels: dict[int, str]
    scores: dict[tuple[str, str | None], float]
    goldstein: dict[str, float]
    contexts: dict[str, str]
    words: dict[str, frozenset[str]]

    def entries(self, lemma: str, pos: str) -> dict[str | None, TriggerEntry]:
        """Trigger entries for a lemma and coarse POS, keyed by the dependent lemma they need (None: none)."""
        return self.triggers.get((lemma, pos), {})

    def has(self, word_class: str, lemma: str) -> bool:
        return lemma in self.words[word_class]


def data_rows(name: str) -> list[list[str]]:
    """The tab-separated rows of a data file, comments and blank lines skipped."""
    text = (DATA / name).read_text(encoding="utf-8")
    return [line.split("\t") for line in text.splitlines() if line.strip() and not line.startswith("#")]


def british_variants(lemma: str) -> list[str]:
    """The lemma and its -ise spelling, so both spellings of -ize verbs and -ization nouns match."""
    variants = [lemma]
    for american, british in (("ization", "isation"), ("ize", "ise")):
        if american in lemma:
            variants.append(lemma.replace(american, british))
            break
    return variants


def read_triggers() -> dict[tuple[str, str], dict[str | None, TriggerEntry]]:
    triggers: dict[tuple[str, str], dict[str | None, TriggerEntry]] = {}
    for row in data_rows("triggers.tsv"):
        phrase, pos, event_type, *rest = row + ["", ""]
        head, _, dependent = phrase.partition(" ")
        entry = TriggerEntry(event_type, rest[0] or None, rest[1] or None)
        for lemma in british_variants(head):
            triggers.setdefault((lemma, POS_CODES[pos]), {})[dependent or None] = entry
    return triggers


def read_types() -> tuple[dict[str, TypeFacts], dict[int, str]]:
    data = json.loads((DATA / "types.json").read_text(encoding="utf-8"))
    types = {name: TypeFacts(**facts) for name, facts in data["types"].items()}
    return types, {int(quad): label for quad, label in data["quad_labels"].items()}


@lru_cache(maxsize=1)
def lexicon() -> Lexicon:
    types, quad_labels = read_types()
    scores = {(row[0], row[1] or None): float(row[2]) for row in data_rows("scores.tsv")}
    goldstein = {row[0]: float(row[2]) for row in data_rows("goldstein.tsv")}
    contexts = {row[0]: row[1] for row in data_rows("contexts.tsv")}
    grammar = json.loads((DATA / "grammar.json").read_text(encoding="utf-8"))
    words = {name: frozenset(values) for name, values in grammar.items() if isinstance(values, list)}
    return Lexicon(read_triggers(), types, quad_labels, scores, goldstein, contexts, words)
