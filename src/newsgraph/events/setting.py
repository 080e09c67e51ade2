"""Where an event happens, and the domestic reading of the parties the text leaves unplaced.

Event coders code a party whose nationality the text never gives by the country the event
happens in (``Leaders of the opposition agreed to postpone the demonstration in Baku``: AZE), as
they code an ethnic group by the state it lives in (``ethnic Albanians demonstrated in Serbia``:
SRB); a party that faces only the article's home country is of that country. Repression,
protest, violence and concessions that name no recipient act on the place where they happen
(``lifted the state of emergency in Darfur``, ``a rally in Lagos``).
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, replace

from spacy.tokens import Span as SpacySpan
from spacy.tokens import Token

from ..actors import ActorIndex
from ..model import ActorRef, Place
from .arguments import OTHER_CLAUSE_DEPS, clause_tokens, prep_objects, subjects

PLACE_LABELS = frozenset({"GPE", "LOC", "FAC"})
PLACE_PREPOSITIONS = frozenset({"in", "at", "on", "near", "outside", "inside"})
PLACEABLE_TYPES = frozenset({"person", "group", "description", "organisation"})
INTERNATIONAL_SECTORS = frozenset({"IGO", "NGO", "IMG"})
HOME_SHARE = 0.5
# A place inside a complement clause (``accused them of sitting idle in Brussels``) is not the event's.
VERBAL_DEPS = OTHER_CLAUSE_DEPS | {"pcomp", "acl", "xcomp"}


@dataclass(frozen=True)
class Setting:
    """The named place an event happens in: its country, and the actor the place's name is, if any."""

    country: str
    place: Place
    actor_id: str | None


def place_entity(head: Token, entities: list[SpacySpan]) -> SpacySpan | None:
    """The place entity a prepositional object names, looking through ``the island of``."""
    for token in (head, *(o for p in head.children if p.dep_ == "prep" and p.lower_ == "of"
                          for o in p.children if o.dep_ == "pobj")):
        if token.ent_type_ in PLACE_LABELS:
            return next((e for e in entities if e.start <= token.i < e.end), None)
    return None


def located_objects(tokens: list[Token], entities: list[SpacySpan]) -> list[tuple[Token, SpacySpan]]:
    """``in Corfu``, ``near the town of Samarra``: prepositional objects among the tokens that name a place."""
    found = []
    for prep in tokens:
        if prep.dep_ == "prep" and prep.lower_ in PLACE_PREPOSITIONS:
            for head in prep_objects(prep):
                entity = place_entity(head, entities)
                if entity is not None:
                    found.append((head, entity))
    return found


def setting_tokens(anchor: Token) -> list[Token]:
    """The anchor's clause without its complement clauses, nearest words first, then its subject's phrase
    (``Demonstrators in Baghdad``)."""
    clause = sorted(clause_tokens(anchor, VERBAL_DEPS), key=lambda t: abs(t.i - anchor.i))
    return clause + [t for s in subjects(anchor) for t in s.subtree]


def is_unplaced(ref: ActorRef, ethnic: set[str], affiliated: set[str]) -> bool:
    """A person or group the text gives no state (or only an ethnicity), of no international or named body.
    Anything but a person counts only when a role word makes it a party (``militants``, ``Forces for
    Defence of Democracy``; not ``war``, nor a ``European`` or ``Jewish`` identity, which spans states)."""
    if ref.sector in INTERNATIONAL_SECTORS or ref.type not in PLACEABLE_TYPES or ref.id in affiliated:
        return False
    return ref.id in ethnic or ref.country is None and (ref.type == "person" or ref.sector is not None)


def placed(refs: list[ActorRef], country: str | None, ethnic: set[str], affiliated: set[str]) -> list[ActorRef]:
    """The refs given the country when none is placed (``a missionary from Calgary`` is placed); the
    actors themselves are left as the text has them."""
    if country is None or any(r.country and r.id not in ethnic for r in refs):
        return refs
    return [replace(r, country=country) if is_unplaced(r, ethnic, affiliated) else r for r in refs]


def single_country(refs: list[ActorRef]) -> str | None:
    found = {r.country for r in refs if r.country}
    return found.pop() if len(found) == 1 else None


def home_country(actors: ActorIndex) -> str | None:
    """The country the article is mostly about: the one holding at least half of the placed mentions."""
    counts = Counter(c for m in actors.mentions if (c := actors.actor(m.actor_id).country))
    if not counts:
        return None
    country, count = counts.most_common(1)[0]
    return country if count >= HOME_SHARE * sum(counts.values()) else None
