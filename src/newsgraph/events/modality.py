"""The auxiliary modes of an event: negated, hypothetical, future."""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Token

from .headlines import is_headline_clause
from .lexicon import Lexicon

CLAUSE_CLIMB_DEPS = frozenset({"xcomp", "acl", "acomp"})
MAX_CLIMB = 4


@dataclass(frozen=True)
class Modality:
    negated: bool = False
    hypothetical: bool = False
    future: bool = False
    ultimatum: bool = False


def clause_chain(anchor: Token, lexicon: Lexicon) -> list[Token]:
    """The anchor and the words it is the content of: ``plans to base``, ``attempt to restore``."""
    chain = [anchor]
    token = anchor
    while token.dep_ in CLAUSE_CLIMB_DEPS and len(chain) < MAX_CLIMB:
        token = token.head
        chain.append(token)
        if token.pos_ == "NOUN":
            if lexicon.has("frame_nouns", token.lemma_.lower()) and token.dep_ in ("nsubj", "nsubjpass", "dobj"):
                chain.append(token.head)  # "an attempt to restore ties faltered"
            break
    return chain


def is_negated(token: Token, lexicon: Lexicon) -> bool:
    return any(c.dep_ in ("neg", "det") and lexicon.has("negators", c.lower_) for c in token.children)


def auxiliaries(token: Token) -> list[str]:
    return [c.lower_ for c in token.children if c.dep_ in ("aux", "auxpass")]


def in_condition(token: Token, lexicon: Lexicon) -> bool:
    """Inside an ``if``/``unless`` clause."""
    for ancestor in [token, *token.ancestors]:
        if any(c.dep_ == "mark" and lexicon.has("conditional_markers", c.lower_) for c in ancestor.children):
            return True
        if ancestor.dep_ in ("ROOT", "ccomp"):
            return False
    return False


def read_modality(trigger: Token, anchor: Token, lexicon: Lexicon, reported: bool) -> Modality:
    """Negation, hypothesis and future read from the trigger's clause and the words above it.

    ``would`` in reported speech (``said it would withdraw``) is the future of the past, not a
    hypothesis.
    """
    chain = clause_chain(anchor, lexicon)
    negated = is_negated(trigger, lexicon) or any(is_negated(t, lexicon) for t in chain)
    negated = negated or any(lexicon.has("failure_verbs", t.lemma_.lower()) for t in chain[1:])
    aux = [a for t in chain for a in auxiliaries(t)]
    future = any(lexicon.has("future_auxiliaries", a) for a in aux)
    future = future or any(lexicon.has("intention_verbs", t.lemma_.lower()) for t in chain[1:])
    future = future or any(is_headline_infinitive(t) for t in chain)
    modal = [a for a in aux if lexicon.has("hypothetical_auxiliaries", a)]
    ultimatum = has_ultimatum(chain, lexicon)
    if reported and modal == ["would"]:
        return Modality(negated, in_condition(anchor, lexicon), True, ultimatum)
    hypothetical = bool(modal) or in_condition(anchor, lexicon)
    return Modality(negated, hypothetical, future, ultimatum)


def is_headline_infinitive(verb: Token) -> bool:
    """``Germany to send aid to Pakistan``, ``President to visit Chad``: a headline's main verb in the
    infinitive tells what is to come."""
    if not any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children):
        return False
    if verb.dep_ == "ROOT":
        return any(c.dep_ in ("nsubj", "nsubjpass") for c in verb.children)
    return is_headline_clause(verb)


def has_ultimatum(chain: list[Token], lexicon: Lexicon) -> bool:
    """``will withdraw its force unless ...``: an act made to hang on another's compliance."""
    return any(c.dep_ == "advcl" and any(m.dep_ == "mark" and lexicon.has("ultimatum_markers", m.lower_)
                                         for m in c.children)
               for token in chain for c in token.children)
