"""Trigger words in a parsed sentence: verbs, nouns and adjectives that name a PLOVER event."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

from spacy.tokens import Span, Token

from .lexicon import Lexicon, TriggerEntry

NOT_AN_EVENT = "-"
TRIGGER_POS = frozenset({"VERB", "NOUN", "ADJ"})
# How a trigger hangs under the word that governs it when that word takes it as its content:
# "threatened to shell", "accused X of attacking", "condemned the attack", "agreed that ... cooperate".
COMPLEMENT_DEPS = frozenset({"xcomp", "ccomp", "dobj", "attr", "oprd", "pcomp", "pobj", "acl"})
OBJECT_DEPS = frozenset({"dobj", "attr", "oprd"})


@dataclass
class Trigger:
    """One trigger: its token, its meaning, and the anchor that carries its clause.

    For a noun under a light verb (``held talks``, ``carried out air strikes``) the anchor is
    the verb: the verb's subject, negation and tense belong to the event.
    """

    token: Token
    entry: TriggerEntry
    anchor: Token
    governed: list[Trigger] = field(default_factory=list)

    @property
    def has_light_verb(self) -> bool:
        return self.anchor.i != self.token.i

    @property
    def is_noun(self) -> bool:
        return self.token.pos_ == "NOUN"


def dependent_lemmas(token: Token) -> set[str]:
    """Lemmas of a token's dependents, looking through prepositions to their objects, and ``dep:LABEL`` of each."""
    lemmas = set()
    for child in token.children:
        lemmas.update((child.lemma_.lower(), f"dep:{child.dep_}"))
        if child.dep_ in ("prep", "agent", "prt"):
            lemmas.update(grandchild.lemma_.lower() for grandchild in child.children)
    return lemmas


def match_entry(token: Token, lexicon: Lexicon) -> tuple[TriggerEntry | None, bool]:
    """The entry a token matches, and whether it matched through a dependent word."""
    entries = lexicon.entries(token.lemma_.lower(), token.pos_)
    if not entries:
        return None, False
    if len(entries) > 1 or None not in entries:
        found = dependent_lemmas(token)
        for dependent, entry in entries.items():
            if dependent is not None and dependent in found:
                return entry, True
    return entries.get(None), False


def light_verb_of(noun: Token, lexicon: Lexicon) -> Token | None:
    """The light verb a noun trigger is the object of (``hold talks``, ``went on strike``), if any."""
    head = noun.head
    if noun.dep_ == "pobj" and head.dep_ == "prep":
        head = head.head
    elif noun.dep_ not in OBJECT_DEPS and noun.dep_ != "nsubjpass":
        return None
    if head.pos_ in ("VERB", "AUX") and (lexicon.has("light_verbs", head.lemma_.lower())
                                         or lexicon.has("receiving_verbs", head.lemma_.lower())):
        return head
    return None


def find_triggers(sentence: Span, lexicon: Lexicon) -> list[Trigger]:
    """Every trigger of a sentence, each linked to the triggers it governs.

    A light verb matched only by its own entry gives way to a noun trigger it takes as object.
    """
    matched: dict[int, tuple[TriggerEntry, bool]] = {}
    for token in sentence:
        if token.pos_ in TRIGGER_POS:
            entry, by_dependent = match_entry(token, lexicon)
            if entry is not None and entry.type != NOT_AN_EVENT:
                matched[token.i] = (entry, by_dependent)
    anchors: dict[int, Token] = {}
    for i in matched:
        token = sentence.doc[i]
        verb = light_verb_of(token, lexicon) if token.pos_ == "NOUN" else None
        if verb is not None and not matched.get(verb.i, (None, False))[1]:
            anchors[i] = verb
    light = {verb.i for verb in anchors.values()}
    triggers = {i: Trigger(sentence.doc[i], entry, anchors.get(i, sentence.doc[i]))
                for i, (entry, _) in matched.items() if i not in light}
    link_governors(triggers.values(), triggers)
    return list(triggers.values())


def governor_of(trigger: Trigger, by_index: dict[int, Trigger]) -> Trigger | None:
    """The trigger whose content this one is (``threatened`` for ``to shell``), if any."""
    anchor = trigger.anchor
    if anchor.dep_ not in COMPLEMENT_DEPS:
        return None
    head = anchor.head
    if anchor.dep_ in ("pobj", "pcomp") and head.dep_ in ("prep", "agent"):
        head = head.head
    governor = by_index.get(head.i) or next((t for t in by_index.values() if t.anchor.i == head.i), None)
    return governor if governor is not trigger else None


def link_governors(triggers: Iterable[Trigger], by_index: dict[int, Trigger]) -> None:
    for trigger in triggers:
        governor = governor_of(trigger, by_index)
        if governor is not None:
            governor.governed.append(trigger)
