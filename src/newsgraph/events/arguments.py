"""Who did it and to whom: actor and recipient lists read off the dependency parse."""

from __future__ import annotations

from spacy.tokens import Doc, Token

from ..actors import ActorIndex
from ..model import ActorRef, Quote
from .lexicon import Lexicon
from .triggers import Trigger

MODIFIER_DEPS = frozenset({"compound", "amod", "poss", "nmod", "npadvmod", "appos"})
SUBJECT_INHERITING_DEPS = frozenset({"xcomp", "conj", "advcl", "acomp", "ccomp"})
STATE_TYPES = frozenset({"country", "organisation", "region"})
GROUP_TYPES = STATE_TYPES | {"group"}
# Objects, with the labels a headline's telegraphic grammar gets (``Nato mends Russia military ties``).
OBJECT_DEPS = frozenset({"dobj", "dative", "iobj", "attr", "oprd", "appos", "dep"})
MAX_DEPTH = 4
ANTECEDENT_SENTENCES = 2


class ArgumentReader:
    """Reads the actors and recipients of triggers in one parsed document."""

    def __init__(self, doc: Doc, actors: ActorIndex, quotes: list[Quote], lexicon: Lexicon) -> None:
        self.doc = doc
        self.actors = actors
        self.quotes = [q for q in quotes if not q.pullquote]
        self.words = lexicon
        self.actor_at = self.token_actors(doc, actors)

    @staticmethod
    def token_actors(doc: Doc, actors: ActorIndex) -> dict[int, str]:
        """The actor id of every token inside a mention."""
        found: dict[int, str] = {}
        for mention in actors.mentions:
            span = doc.char_span(mention.start, mention.end, alignment_mode="expand")
            for token in span or ():
                found.setdefault(token.i, mention.actor_id)
        return found

    # --- phrases --------------------------------------------------------------------------

    def phrase_actors(self, head: Token, depth: int = 0) -> list[str]:
        """Actor ids a noun phrase names: its head (and conjuncts), else its modifiers."""
        found: list[str] = []
        for conjunct in conjuncts(head):
            for actor_id in self.conjunct_actors(conjunct, depth):
                if actor_id not in found:
                    found.append(actor_id)
        return found

    def conjunct_actors(self, token: Token, depth: int) -> list[str]:
        if token.i in self.actor_at:
            return [self.actor_at[token.i]]
        if token.pos_ == "PRON":
            return self.pronoun_actors(token)
        if depth >= MAX_DEPTH:
            return []
        found: list[str] = []
        for child in token.children:
            if child.dep_ in MODIFIER_DEPS:
                found += self.phrase_actors(child, depth + 1)
            elif child.dep_ == "prep" and self.words.has("phrase_prepositions", child.lower_):
                found += [a for obj in prep_objects(child) for a in self.phrase_actors(obj, depth + 1)]
        return found

    # --- pronouns -------------------------------------------------------------------------

    def pronoun_actors(self, pronoun: Token) -> list[str]:
        lower = pronoun.lower_
        if self.words.has("first_person_plural", lower):
            quote = self.quote_at(pronoun.idx)
            return [quote.speaker.id] if quote and quote.speaker else []
        if not self.words.has("referring_pronouns", lower):
            return []
        if lower == "it" and pronoun.head.lemma_ == "be":
            return []  # "it was time to ...": no one is meant
        kinds = STATE_TYPES if lower.startswith("it") else GROUP_TYPES
        antecedent = self.speaker_before(pronoun, kinds) or self.antecedent(pronoun, kinds)
        return [antecedent] if antecedent else []

    def speaker_before(self, pronoun: Token, kinds: frozenset[str]) -> str | None:
        """``Syria says it is willing``: the subject of the verb of saying that governs the pronoun."""
        verb = self.speech_verb_over(pronoun)
        if verb is None:
            return None
        return next((a for s in subjects(verb) for a in self.named_actors(s) if self.is_kind(a, kinds)), None)

    def antecedent(self, pronoun: Token, kinds: frozenset[str]) -> str | None:
        """The subject, else the first mention, of that kind earlier in the sentence or the two before it."""
        sentence = pronoun.sent
        candidates = [t for t in sentence if t.i < pronoun.i]
        found = self.first_of_kind(reversed(candidates), kinds)
        start = sentence.start
        for _ in range(ANTECEDENT_SENTENCES):
            if found or start == 0:
                break
            previous = self.doc[start - 1].sent
            found = self.first_of_kind(previous, kinds)
            start = previous.start
        return found

    def first_of_kind(self, tokens, kinds: frozenset[str]) -> str | None:
        tokens = list(tokens)
        for wanted in (lambda t: t.dep_ in ("nsubj", "nsubjpass"), lambda t: True):
            for token in tokens:
                actor_id = self.actor_at.get(token.i)
                if actor_id and wanted(token) and self.is_kind(actor_id, kinds):
                    return actor_id
        return None

    def is_kind(self, actor_id: str, kinds: frozenset[str]) -> bool:
        return self.actors.actor(actor_id).type in kinds

    def named_actors(self, head: Token) -> list[str]:
        return [a for c in conjuncts(head) if (a := self.actor_at.get(c.i))]

    # --- speech and quotations --------------------------------------------------------------

    def speech_verb_over(self, token: Token) -> Token | None:
        """The verb of saying whose reported clause holds the token, if any."""
        for ancestor in token.ancestors:
            if ancestor.dep_ == "ccomp" and self.words.has("speech_verbs", ancestor.head.lemma_.lower()):
                return ancestor.head
            if ancestor.dep_ == "ROOT":
                break
        return None

    def quote_at(self, offset: int) -> Quote | None:
        return next((q for q in self.quotes if q.start <= offset < q.end), None)

    def speaker_of_report(self, token: Token) -> list[str]:
        """Actors of the verb of saying that reports the token's clause."""
        verb = self.speech_verb_over(token)
        return [a for s in subjects(verb) for a in self.phrase_actors(s)] if verb is not None else []

    # --- roles ---------------------------------------------------------------------------

    def roles(self, trigger: Trigger) -> tuple[list[str], list[str]]:
        """Actor ids and recipient ids of a trigger."""
        if trigger.is_noun:
            actor, recipient = self.noun_roles(trigger)
        else:
            actor, recipient = self.verb_roles(trigger.anchor)
        if not recipient:
            recipient = next((r for g in trigger.governed for r in [self.roles(g)[1]] if r), [])
        recipient = [r for r in recipient if r not in actor]
        return actor, recipient

    def verb_roles(self, verb: Token) -> tuple[list[str], list[str]]:
        agent = passive_agent(verb)
        patient = child(verb, "nsubjpass")
        if patient is not None or agent is not None:
            actor = self.phrase_actors(agent) if agent is not None else []
            recipient = self.phrase_actors(patient) if patient is not None else self.object_actors(verb)
            return actor, recipient
        actor = [a for s in subjects(verb) for a in self.phrase_actors(s)]
        return actor, self.object_actors(verb)

    def object_actors(self, verb: Token) -> list[str]:
        """The first object phrase naming a located actor (else any actor): objects, then prepositions."""
        phrases = [c for c in verb.children if c.dep_ in OBJECT_DEPS and c.i > verb.i]
        phrases += [o for c in verb.children if c.dep_ == "prep"
                    and self.words.has("recipient_prepositions", c.lower_) for o in prep_objects(c)]
        phrases += [s for c in verb.children if c.dep_ in ("ccomp", "xcomp") for s in subjects_here(c)]
        return self.best_phrase(phrases)

    def best_phrase(self, phrases: list[Token]) -> list[str]:
        fallback: list[str] = []
        for phrase in sorted(phrases, key=lambda t: t.i):
            found = self.phrase_actors(phrase)
            if any(self.actors.actor(a).country for a in found):
                return found
            fallback = fallback or found
        return fallback

    def noun_roles(self, trigger: Trigger) -> tuple[list[str], list[str]]:
        noun, verb = trigger.token, trigger.anchor
        actor: list[str] = []
        actor = [a for c in noun.children if c.dep_ in ("poss", "compound", "amod", "nmod")
                 for a in self.phrase_actors(c)] + self.prepositional_actors(noun)
        recipient = self.best_phrase([o for c in noun.children if c.dep_ == "prep"
                                      and self.words.has("recipient_prepositions", c.lower_)
                                      and not self.words.has("actor_prepositions", c.lower_)
                                      for o in prep_objects(c)])
        if trigger.has_light_verb:
            verb_actor, verb_recipient = self.verb_roles(verb)
            verb_recipient = [r for r in verb_recipient if r not in actor]
            if self.words.has("receiving_verbs", verb.lemma_.lower()):
                recipient = recipient or verb_actor
                actor = actor or self.prepositional_actors(verb)
            else:
                actor = actor or verb_actor
                recipient = recipient or verb_recipient
        return unique(actor), recipient

    def prepositional_actors(self, head: Token) -> list[str]:
        """Actors named after ``by``, ``from``, ``between``: ``support from Russia``, ``talks between ...``."""
        return [a for c in head.children if c.dep_ in ("prep", "agent") and self.words.has("actor_prepositions", c.lower_)
                for o in prep_objects(c) for a in self.phrase_actors(o)]

    def refs(self, actor_ids: list[str]) -> list[ActorRef]:
        return [self.actors.ref(a) for a in unique(actor_ids)]


def unique(items: list[str]) -> list[str]:
    return list(dict.fromkeys(items))


def conjuncts(head: Token) -> list[Token]:
    found = [head]
    for token in head.children:
        if token.dep_ == "conj":
            found += conjuncts(token)
    return found


def child(token: Token, dep: str) -> Token | None:
    return next((c for c in token.children if c.dep_ == dep), None)


def prep_objects(prep: Token) -> list[Token]:
    return [c for c in prep.children if c.dep_ in ("pobj", "pcomp")]


def passive_agent(verb: Token) -> Token | None:
    agent = child(verb, "agent")
    return next(iter(prep_objects(agent)), None) if agent is not None else None


def subjects_here(verb: Token) -> list[Token]:
    return [c for c in verb.children if c.dep_ in ("nsubj", "csubj")]


def subjects(verb: Token) -> list[Token]:
    """The subject of a verb, climbing to the verb it shares its subject with when it has none."""
    seen = 0
    while verb is not None and seen < MAX_DEPTH + 4:
        found = subjects_here(verb)
        if found:
            return [relative_antecedent(s) for s in found]
        if verb.dep_ in ("acl", "relcl") and verb.head.pos_ in ("NOUN", "PROPN", "PRON"):
            return [verb.head]
        if verb.dep_ not in SUBJECT_INHERITING_DEPS or verb.head.i == verb.i:
            return []
        verb, seen = verb.head, seen + 1
    return []


def relative_antecedent(subject: Token) -> Token:
    """``South Ossetia, which receives support``: a relative pronoun stands for the noun it follows."""
    if subject.tag_ in ("WDT", "WP") and subject.head.dep_ == "relcl":
        return subject.head.head
    return subject
