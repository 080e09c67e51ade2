"""Trigger words in a parsed sentence: verbs, nouns and adjectives that name a PLOVER event."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

from spacy.tokens import Span, Token

from .doers import is_forces_departure, recoded_by_doer
from .headlines import (is_compound_verb, is_headline_verb, is_misread_headline_verb, misread_headline_verb_of,
                        is_title_verb, is_word_order_verb)
from .lexicon import Lexicon, TriggerEntry

NOT_AN_EVENT = "-"
OBSTRUCTION = TriggerEntry("PROTEST", "obstruct")
MAX_WORDING = 6
WORDING_OBJECT_DEPS = frozenset({"dobj", "appos", "dep", "oprd"})  # with a headline's parse labels
CONFLICT_QUAD = 3
TRIGGER_POS = frozenset({"VERB", "NOUN", "ADJ"})
# How a trigger hangs under the word that governs it when that word takes it as its content:
# "threatened to shell", "accused X of attacking", "condemned the attack", "agreed that ... cooperate".
COMPLEMENT_DEPS = frozenset({"xcomp", "ccomp", "dobj", "attr", "oprd", "pcomp", "pobj", "acl"})
PURPOSE_DEPS = frozenset({"xcomp", "acl"})
FORCE_TYPES = frozenset({"ASSAULT", "COERCE"})


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
    obligation: bool = False
    frame: Token | None = None
    dependent: Token | None = None

    def wording(self) -> tuple[int, int]:
        """Character offsets of the words that name the event: ``carried out ... strikes``,
        ``called off``, ``mends ... ties`` (a verb with its object)."""
        words = [self.token, *(w for w in (self.dependent, self.frame) if w is not None)]
        if self.is_noun:
            words.append(self.anchor)
        else:
            words += [c for c in self.anchor.children
                      if c.dep_ in WORDING_OBJECT_DEPS and 0 < c.i - self.anchor.i <= MAX_WORDING]
        first, last = min(words, key=lambda w: w.i), max(words, key=lambda w: w.i)
        return first.idx, last.idx + len(last.text)

    @property
    def phrase(self) -> Token:
        """The noun whose phrase holds the trigger's arguments: ``effort`` in ``a mediation effort between``."""
        return self.frame if self.frame is not None else self.token

    @property
    def has_light_verb(self) -> bool:
        return self.anchor.i != self.token.i

    @property
    def is_noun(self) -> bool:
        return self.token.pos_ == "NOUN" and not (is_headline_verb(self.token) or is_word_order_verb(self.token))


# "fired back at": an adverb particle says more than the preposition after it
PARTICLE_FIRST = {"prt": 0, "advmod": 0, "prep": 1, "agent": 1}
# "legal action against": a noun's own modifier says more about its sense than the phrase it governs
NOUN_MODIFIERS = frozenset({"amod", "compound"})


def dependent_keys(token: Token) -> list[tuple[str, Token]]:
    """What a token's dependents offer to match, particles and a noun's modifiers first (``called off a
    strike``, ``legal action against``): their lemmas, the objects of prepositions, and ``dep:LABEL`` and
    ``ent:LABEL`` of each, with the word."""
    keys: list[tuple[str, Token]] = []
    for child in sorted(token.children, key=lambda c: dependent_rank(token, c)):
        keys.append((child.lemma_.lower(), child))
        if child.dep_ in PARTICLE_FIRST:
            keys += [(grandchild.lemma_.lower(), grandchild) for grandchild in child.children]
        keys += [(f"dep:{child.dep_}", child), (f"ent:{child.ent_type_}", child)]
        keys += [(mark.lemma_.lower(), mark) for mark in for_clause_marks(child)]
    if token.pos_ == "NOUN" and token.dep_ == "dobj":  # "took action against": the parser hangs it on the verb
        keys += [(prep.lemma_.lower(), prep) for prep in token.head.children if prep.dep_ == "prep" and prep.i > token.i]
    if is_misread_headline_verb(token):  # "lifts ban on wine": the object is the root the parse made of it
        keys += [(token.head.lemma_.lower(), token.head)]
        keys += [(key, word) for key, word in dependent_keys(token.head) if word.i > token.i]
    return keys


def dependent_rank(token: Token, child: Token) -> int:
    if token.pos_ == "NOUN" and child.dep_ in NOUN_MODIFIERS:
        return 0
    return PARTICLE_FIRST.get(child.dep_, 2)


def for_clause_marks(clause: Token) -> list[Token]:
    """The ``for`` of a for-to clause (``called for the minister to resign``): the parser hangs it on the
    clause, though it belongs to the verb the clause completes."""
    return [c for c in clause.children if c.dep_ == "mark" and c.lower_ == "for"] if clause.dep_ == "advcl" else []


def is_for_clause(clause: Token) -> bool:
    return bool(for_clause_marks(clause))


def match_entry(token: Token, lexicon: Lexicon) -> tuple[TriggerEntry | None, Token | None]:
    """The entry a token matches, and the dependent word it matched through, if any."""
    entries = lexicon.entries(token.lemma_.lower(), token.pos_) or headline_verb_entries(token, lexicon)
    if not entries:
        return None, None
    if len(entries) > 1 or None not in entries:
        for key, dependent in dependent_keys(token):
            if key in entries:
                return entries[key], dependent
    return entries.get(None), None


def is_misread_object(token: Token, lexicon: Lexicon) -> bool:
    """The object of a headline verb in -s the parse made the root (``ban`` in ``Armenia lifts ban on
    wine``): no event of its own when that verb is an event verb (``Moldova police arrest activists`` is
    not misread)."""
    verb = misread_headline_verb_of(token)
    return verb is not None and bool(headline_verb_entries(verb, lexicon))


def headline_verb_entries(token: Token, lexicon: Lexicon) -> dict[str | None, TriggerEntry]:
    """``Armenia apologises to Moldova``: with no article to tell them apart, the tagger takes a headline's
    verb in -s for a plural noun; a root plural that is no event noun but whose stem is an event verb is
    that verb."""
    if not (is_headline_verb(token) or is_title_verb(token) or is_compound_verb(token) or is_misread_headline_verb(token)):
        return {}
    word = token.lower_
    for stem in (word, word[:-3] + "y" if word.endswith("ies") else None, word[:-2], word[:-1]):
        entries = lexicon.entries(stem, "VERB") if stem else {}
        if entries:
            return entries
    return {}


def reversal_entry(token: Token, matched: dict[int, tuple[TriggerEntry, Token | None]],
                   lexicon: Lexicon) -> TriggerEntry | None:
    """Ending an act: ``lifted the curfew``, ``withdrew its demands``, ``suspended aid``, ``halted talks``.

    Ending force or a military measure is a material RETREAT, ending another conflictual act a verbal
    CONCEDE (the manual: easing restrictions, removing curfews, withdrawing demands), and ending
    cooperation reduces relations: SANCTION.
    """
    lemma = token.lemma_.lower()
    if token.pos_ == "NOUN" and lexicon.has("discontinue_nouns", lemma):
        return discontinued(ended_objects(token), matched, lexicon)
    if token.pos_ != "VERB":
        return None
    objects = [o for o in token.children if o.dep_ in ("dobj", "nsubjpass", "csubjpass")]
    objects += [c for o in objects for c in o.children if is_framed(c, lexicon)]
    for obj in objects:
        if obj.i not in matched:
            continue
        ended = matched[obj.i][0]
        conflict = lexicon.types[ended.type].quad >= CONFLICT_QUAD
        if conflict and lexicon.has("reversal_verbs", lemma):
            if ended.type in ("ASSAULT", "MOBILIZE") or ended.context == "military":
                return TriggerEntry("RETREAT", "withdraw", "military")
            return TriggerEntry("CONCEDE", context=ended.context)
        if not conflict and (lexicon.has("discontinue_verbs", lemma)
                             or lexicon.has("discontinue_verbs", phrasal_lemma(token))):
            return TriggerEntry("SANCTION", "discontinue", ended.context)
    return None


def phrasal_lemma(verb: Token) -> str:
    """The verb with its particle where it has one: ``hold back`` means stopping, ``hold`` does not."""
    particle = next((c for c in verb.children if c.dep_ == "prt"), None)
    return f"{verb.lemma_.lower()} {particle.lower_}" if particle is not None else verb.lemma_.lower()


def ended_objects(noun: Token) -> list[Token]:
    """What a noun of stopping stops: ``the hold on aid``, ``a suspension of talks``, ``a halt to trade``,
    also where the parser hangs the preposition on the verb (``put a hold on aid``)."""
    holders = [noun, noun.head] if noun.dep_ == "dobj" else [noun]
    return [o for holder in holders for c in holder.children if c.dep_ == "prep" and c.i > noun.i
            and c.lower_ in ("on", "of", "to", "in") for o in c.children if o.dep_ == "pobj"]


def discontinued(objects: list[Token], matched: dict[int, tuple[TriggerEntry, Token | None]],
                 lexicon: Lexicon) -> TriggerEntry | None:
    """Stopping cooperation (``the freeze on aid``) reduces relations: SANCTION."""
    for obj in objects:
        ended = matched[obj.i][0] if obj.i in matched else None
        if ended is not None and lexicon.types[ended.type].quad < CONFLICT_QUAD:
            return TriggerEntry("SANCTION", "discontinue", ended.context)
    return None


def is_framed(token: Token, lexicon: Lexicon) -> bool:
    """A trigger noun modifying a noun that only frames it: ``mediation effort``, ``peace mission``."""
    return token.dep_ == "compound" and token.pos_ == "NOUN" and lexicon.has("frame_nouns", token.head.lemma_.lower())


def light_verb_of(noun: Token, lexicon: Lexicon) -> Token | None:
    """The light verb a noun trigger is the object of (``hold talks``, ``went on strike``), if any."""
    head = noun.head
    if is_manner_adjunct(noun, lexicon):
        return manner_verb(head)
    if noun.dep_ == "pobj" and head.dep_ == "prep":
        if not lexicon.has("light_verb_prepositions", head.lower_) or head.i < head.head.i:
            return None  # "went on strike", not "under the agreement, Turkey must ..."
        head = head.head
    elif noun.dep_ not in ("dobj", "nsubjpass"):
        return None
    if head.pos_ in ("VERB", "AUX") and (lexicon.has("light_verbs", head.lemma_.lower())
                                         or lexicon.has("receiving_verbs", head.lemma_.lower())):
        return head
    return None


def is_manner_adjunct(noun: Token, lexicon: Lexicon) -> bool:
    """``left the chamber in protest``, ``marched to the square in protest at the ruling``: an adjunct
    telling that an act is done in protest."""
    prep = noun.head
    return noun.dep_ == "pobj" and prep.dep_ == "prep" and prep.lower_ == "in" \
        and lexicon.has("manner_event_nouns", noun.lemma_.lower()) and manner_verb(prep) is not None


def manner_verb(prep: Token) -> Token | None:
    """The verb an adjunct phrase qualifies, where the parser hangs it on the verb's object or the
    object of its preposition (``walked out of the chamber in protest``)."""
    head = prep.head
    while head.pos_ != "VERB" and head.dep_ in ("dobj", "pobj", "prep") and head.head.i != head.i:
        head = head.head
    return head if head.pos_ == "VERB" else None


def find_triggers(sentence: Span, lexicon: Lexicon) -> list[Trigger]:
    """Every trigger of a sentence, each linked to the triggers it governs."""
    matched = matched_words(sentence, lexicon)
    frames = {i: sentence.doc[i].head for i in matched if is_framed(sentence.doc[i], lexicon)}
    for i in [i for i in matched if sentence.doc[i].dep_ == "compound" and i not in frames
              and not is_word_order_verb(sentence.doc[i])]:
        del matched[i]  # a modifier (``aid groups``, ``war games``), not an event
    anchors = light_verb_anchors(sentence, matched, frames, lexicon)
    light = {verb.i for verb in anchors.values()}
    anchors |= {i: sentence.doc[i].head for i in matched if is_denial_predicate(sentence.doc[i], lexicon)}
    triggers = {i: Trigger(sentence.doc[i], entry, anchors.get(i, frames.get(i, sentence.doc[i])),
                           frame=frames.get(i), dependent=dependent)
                for i, (entry, dependent) in matched.items() if i not in light}
    link_governors(triggers.values(), triggers, lexicon)
    found = list(triggers.values())
    return found + obligation_triggers(sentence, lexicon, found)


def matched_words(sentence: Span, lexicon: Lexicon) -> dict[int, tuple[TriggerEntry, Token | None]]:
    """Each trigger word's entry and the dependent it matched through, by token index."""
    matched: dict[int, tuple[TriggerEntry, Token | None]] = {}
    for token in sentence:
        if (token.pos_ in TRIGGER_POS or is_title_verb(token)) and not is_reception(token, lexicon) \
                and not is_misread_object(token, lexicon):
            entry, dependent = match_entry(token, lexicon)
            if entry is not None and entry.type != NOT_AN_EVENT:
                matched[token.i] = (entry, dependent)
    for token in sentence:
        reversal = reversal_entry(token, matched, lexicon)
        if reversal is not None and token.pos_ == "NOUN":
            for ended in ended_objects(token):
                matched.pop(ended.i, None)  # what the hold is on is the hold's content, no event of its own
        if token.i in matched:
            matched[token.i] = (recoded_by_doer(token, matched[token.i][0], lexicon), matched[token.i][1])
        if reversal is not None:
            matched[token.i] = (reversal, token)
        elif is_passage_blocked(token, lexicon):
            matched[token.i] = (recoded_by_doer(token, OBSTRUCTION, lexicon), None)
        elif is_forces_departure(token, lexicon):
            matched[token.i] = (TriggerEntry("RETREAT", "withdraw", "military"), None)
        elif is_disparaging_description(token, lexicon):
            matched[token.i] = (TriggerEntry("ACCUSE", "disapprove"), None)
        elif is_denial_predicate(token, lexicon):
            matched[token.i] = (TriggerEntry("REJECT"), None)
    return matched


def is_passage_blocked(verb: Token, lexicon: Lexicon) -> bool:
    """``blocked the crossing point``, ``blocking them from access to food``: a way in or through barred."""
    if not (verb.pos_ == "VERB" and lexicon.has("blocking_verbs", verb.lemma_.lower())):
        return False
    words = [word for _, word in dependent_keys(verb)]
    words += [c for obj in verb.children if obj.dep_ == "dobj" for c in obj.children if c.dep_ == "compound"]
    return any(lexicon.has("passage_nouns", word.lemma_.lower()) for word in words)


def is_denial_predicate(word: Token, lexicon: Lexicon) -> bool:
    """``That is completely untrue``, ``It's nonsense``: what was just said called false is a rebuttal its
    speaker makes; the copula carries the clause."""
    return word.dep_ in ("acomp", "attr") and word.head.lemma_ == "be" \
        and lexicon.has("denial_predicates", word.lemma_.lower()) \
        and any(c.dep_ == "nsubj" and c.pos_ in ("PRON", "DET") for c in word.head.children)


def is_reception(token: Token, lexicon: Lexicon) -> bool:
    """``The plan was met with laughter``, ``was greeted with protests``: how something was received, not
    a meeting."""
    return lexicon.has("reception_verbs", token.lemma_.lower()) and any(c.dep_ == "auxpass" for c in token.children) \
        and any(c.dep_ == "prep" and c.lower_ == "with" for c in token.children)


def is_disparaging_description(token: Token, lexicon: Lexicon) -> bool:
    """Criticism framed as description: ``described the plan as improper``, ``called the vote a disgrace``,
    ``declared the ban illegal`` (the described thing the subject of a small clause, or its adjective
    hung after it: ``called the rebate "unjustified"``)."""
    if not (token.pos_ == "VERB" and lexicon.has("describing_verbs", token.lemma_.lower())):
        return False
    if not any(c.dep_ == "dobj" or is_small_clause(c) for c in token.children):
        return False
    descriptions = [c for c in token.children if c.dep_ in ("oprd", "ccomp", "xcomp")]
    descriptions += [c for c in token.children if c.dep_ == "prep" and c.lower_ == "as"]
    descriptions += [a for o in token.children if o.dep_ == "dobj" for a in o.children if a.dep_ == "amod" and a.i > o.i]
    return any(lexicon.has("disapproval_words", word.lemma_.lower())
               for description in descriptions for word in description.subtree)


def is_small_clause(clause: Token) -> bool:
    """``the ban illegal`` in ``declared the ban illegal``: a subject and a verbless predicate."""
    return clause.dep_ in ("ccomp", "xcomp") and clause.pos_ in ("ADJ", "NOUN") \
        and any(c.dep_ == "nsubj" for c in clause.children)


def light_verb_anchors(sentence: Span, matched: dict[int, tuple[TriggerEntry, Token | None]],
                       frames: dict[int, Token], lexicon: Lexicon) -> dict[int, Token]:
    """Noun triggers and the light verbs that carry them: a light verb matched only by its own
    entry gives way to the noun it takes as object (``held talks``); an act that is no event of its own
    is the manner it is done in (``left the chamber in protest``), while one that is keeps its meaning
    (``recalled its ambassador in protest`` reduces relations; the manual codes a diplomatic protest as
    no PROTEST)."""
    anchors = {}
    for i in matched:
        noun = frames.get(i, sentence.doc[i])
        verb = light_verb_of(noun, lexicon) if noun.pos_ == "NOUN" else None
        if verb is None:
            continue
        if verb.i not in matched if is_manner_adjunct(noun, lexicon) else matched.get(verb.i, (None, None))[1] is None:
            anchors[i] = verb
    return anchors


def obligation_triggers(sentence: Span, lexicon: Lexicon, triggers: list[Trigger]) -> list[Trigger]:
    """``Russia said Sudan must return the helicopter``: a reported obligation is a REQUEST by the reporter.

    The request's word is the obliged verb, its anchor the verb of saying (whose subject asks), and
    it governs whatever trigger the clause holds.
    """
    found = []
    for clause in sentence:
        if not (clause.dep_ == "ccomp" and lexicon.has("speech_verbs", clause.head.lemma_.lower())
                and any(c.dep_ == "aux" and lexicon.has("obligation_auxiliaries", c.lower_) for c in clause.children)):
            continue
        content = [t for t in triggers if t.anchor.i == clause.i
                   or (t.anchor.head.i == clause.i and t.anchor.dep_ in ("acomp", "xcomp", "dobj", "attr"))]
        if not content and lexicon.has("stative_verbs", clause.lemma_.lower()):
            continue  # "he should know by now": a judgement of a state, not a demand to act
        found.append(Trigger(clause, TriggerEntry("REQUEST"), clause.head, content, obligation=True))
    return found


def governor_of(trigger: Trigger, by_index: dict[int, Trigger], lexicon: Lexicon) -> Trigger | None:
    """The trigger whose content this one is (``threatened`` for ``to shell``), if any.

    The purpose of a protest (``marched to demand reforms``) is part of the protest, as the manual
    codes it, not an event of its own; the purpose force is used for (``used tear gas to disperse the
    crowd``) is.
    """
    anchor = trigger.anchor
    if is_for_clause(anchor):
        return trigger_at(anchor.head, by_index)
    if anchor.dep_ == "advcl":
        protest = trigger_at(anchor.head, by_index)
        return protest if protest is not None and protest.entry.type == "PROTEST" else None
    if anchor.dep_ not in COMPLEMENT_DEPS:
        return None
    head = anchor.head
    if anchor.dep_ in ("pobj", "pcomp") and head.dep_ in ("prep", "agent"):
        if not lexicon.has("content_prepositions", head.lower_):
            return None  # "frozen over Russia's war": a reason or a time, not what was done
        head = head.head
    governor = trigger_at(head, by_index)
    if governor is not None and anchor.dep_ in PURPOSE_DEPS and governor.entry.type in FORCE_TYPES:
        return None  # "used force to crush the protests": what force is used for is an act of its own
    return governor if governor is not trigger else None


def trigger_at(token: Token, by_index: dict[int, Trigger]) -> Trigger | None:
    """The trigger that is the token, or that the token anchors as its light verb."""
    return by_index.get(token.i) or next((t for t in by_index.values() if t.anchor.i == token.i), None)


def link_governors(triggers: Iterable[Trigger], by_index: dict[int, Trigger], lexicon: Lexicon) -> None:
    for trigger in triggers:
        governor = governor_of(trigger, by_index, lexicon)
        if governor is not None:
            governor.governed.append(trigger)
