"""Acts whose type hangs on who does them: a state's blockade or protesters' obstruction, a request or a
protest, an assault or a strike, troops leaving or anyone else."""

from __future__ import annotations

from spacy.tokens import Token

from ..actors.gazetteer import lookup
from .lexicon import Lexicon, TriggerEntry


def recoded_by_doer(verb: Token, entry: TriggerEntry, lexicon: Lexicon) -> TriggerEntry:
    """What some acts are hangs on who does them.

    A state or its forces barring passage (``Jordan blocked the crossing``, ``troops surrounded the town``)
    impose a blockade and restrict movement (CAMEO 191, COERCE); civilians doing it protest (CAMEO 144).
    What protesters demand (``crowds of protesters called for his ouster``) is their protest's topic, and
    the manual codes the protest, not a request of its own. Workers who strike stop work.
    """
    if verb.pos_ != "VERB":
        return entry
    if entry.type == "PROTEST" and entry.mode == "obstruct" \
            and any(is_state_word(word, lexicon) for word in doers(verb)):
        return TriggerEntry("COERCE", "restrict", entry.context)
    if entry.type == "REQUEST" and any(lexicon.has("protester_nouns", word.lemma_.lower())
                                       for word in doers_and_members(verb)):
        return TriggerEntry("PROTEST", "demo", entry.context)
    if entry.type == "ASSAULT" and is_walkout(verb, lexicon):
        return TriggerEntry("PROTEST", "strike", entry.context)
    return entry


def is_walkout(verb: Token, lexicon: Lexicon) -> bool:
    """``Armenian workers strike over pay``: working people who strike stop work."""
    return lexicon.has("walkout_verbs", verb.lemma_.lower()) \
        and any(lexicon.has("worker_nouns", word.lemma_.lower()) for word in doers_and_members(verb))


def is_state_word(word: Token, lexicon: Lexicon) -> bool:
    """``Jordan``, ``Washington``, ``the police``, ``troops``: a state, its government or its forces."""
    if word.pos_ != "PROPN":
        return lexicon.has("state_force_nouns", word.lemma_.lower())
    first = min((c.i for c in word.children if c.dep_ == "compound"), default=word.i)
    entry = lookup(word.doc[first:word.i + 1].text)
    return entry is not None and (entry.type == "country" or lexicon.has("state_sectors", entry.sector or ""))


def doers_and_members(verb: Token) -> list[Token]:
    """The doers and the members they are made of: ``crowds of protesters``."""
    words = doers(verb)
    return words + [o for word in words for c in word.children if c.dep_ == "prep" and c.lower_ == "of"
                    for o in c.children if o.dep_ == "pobj"]


def is_forces_departure(verb: Token, lexicon: Lexicon) -> bool:
    """``Foreign troops will leave the country``, ``the last soldiers left the base``: forces leaving a place
    withdraw from it (RETREAT); troops left behind are not withdrawn."""
    return verb.pos_ == "VERB" and lexicon.has("departure_verbs", verb.lemma_.lower()) \
        and any(lexicon.has("military_nouns", word.lemma_.lower()) for word in doers(verb))


def doers(verb: Token) -> list[Token]:
    """The words naming who does a verb: its subjects and their conjuncts, the passive agent, or for a
    verb coordinated with or completing another (``moved to block``) that verb's subject."""
    while verb.dep_ in ("conj", "xcomp") and not any(c.dep_ == "nsubj" for c in verb.children):
        verb = verb.head
    found = [c for c in verb.children if c.dep_ == "nsubj"]
    found += [o for c in verb.children if c.dep_ == "agent" for o in c.children if o.dep_ == "pobj"]
    return found + [c for word in found for c in word.children if c.dep_ == "conj"]
