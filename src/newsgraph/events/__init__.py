"""Events: who did what to whom, coded in PLOVER with CAMEO and Goldstein mappings."""

from __future__ import annotations

from bisect import bisect_left
from itertools import islice

from dataclasses import dataclass, replace

from spacy.tokens import Span as SpacySpan
from spacy.tokens import Token

from ..actors import ActorIndex
from ..dates import resolve_date
from ..document import ParsedArticle
from ..model import ActorRef, Event, Place, Quote, Span
from ..places import find_dateline, resolve_place
from .arguments import ArgumentReader, is_reciprocal
from .headlines import is_headline_clause
from .coding import Coding, code, scores
from .lexicon import Lexicon, lexicon
from .modality import Modality, read_modality
from .setting import Setting, home_country, located_objects, placed, setting_tokens, single_country
from .triggers import Trigger, find_triggers

# A meeting whose parties are all named together (``talks between A and B``) has them all as actor; one
# with a subject (``A met B``, ``A's call with B``) is told from the subject's side, as news coders read it.
RECIPROCAL_TYPES = frozenset({"CONSULT"})
# Acts an article reports with no one on the receiving end (``rebels rejected the plan``, ``teachers went
# on strike``); a promise, threat, plea or accusation aimed at no one is talk, not a reported event.
UNDIRECTED_TYPES = frozenset({"REJECT", "CONCEDE", "PROTEST", "MOBILIZE", "RETREAT"})
# Backing a thing (``touted the budget``) is reported as its rejection is, when no one it helps is named;
# unlike a rejection, it still reaches the owner of the thing when the text lets one be read.
ENDORSING_TYPES = frozenset({"SUPPORT"})
JOINT_TYPES = frozenset({"AGREE", "CONSULT", "COOPERATE"})
# ``Troops were deployed along the border``: forces deployed by no one named are their own side's move.
SELF_DEPLOYING_TYPES = frozenset({"MOBILIZE"})
# Force is news with or without its doer named; talk with no speaker is not.
AGENTLESS_TYPES = frozenset({"COERCE", "ASSAULT"})
DIRECTED_MODES = frozenset({"visit"})
# CAMEO's mediation: the mediator acts, the parties it mediates between receive.
MEDIATION_MODES = frozenset({"third-party"})
FULL_CONFIDENCE = 1.0
NOUN_CONFIDENCE = 0.8
# A main verb whose doer goes unnamed is still more surely the reported event than a bare noun.
NO_ACTOR_CONFIDENCE = 0.85
EMBEDDED_CONFIDENCE = 0.9
NOUN_CONFIDENCES = frozenset({NOUN_CONFIDENCE, round(NOUN_CONFIDENCE * EMBEDDED_CONFIDENCE, 3)})
# Below this a trigger is a bare noun, or a verb whose doer the text leaves unnamed (see ``confidence``).
REPORTED_CONFIDENCE = 0.9
MAIN_CLAUSE_DEPS = frozenset({"ROOT", "ccomp"})


@dataclass(frozen=True)
class SentenceFacts:
    """What every event of a sentence shares, read once: its span, contexts, dates and entities."""

    span: Span
    contexts: list[str]
    dates: list[SpacySpan]
    entities: list[SpacySpan]


@dataclass(frozen=True)
class Reading:
    actor_ids: list[str]
    recipient_ids: list[str]
    reporter: list[str]
    modality: Modality
    coding: Coding


class EventCoder:
    """Codes the events of one parsed article."""

    def __init__(self, parsed: ParsedArticle, actors: ActorIndex, quotes: list[Quote]) -> None:
        self.parsed = parsed
        self.words: Lexicon = lexicon()
        dateline = find_dateline(parsed.text, parsed.layout)
        self.arguments = ArgumentReader(parsed.doc, actors, quotes, self.words, dateline)
        self.home = home_country(actors)
        self.ethnic = self.ethnic_actors()
        self.entities = list(parsed.doc.ents)
        self.several_sentences = next(islice(parsed.doc.sents, 1, None), None) is not None
        self.entity_starts = [e.start_char for e in self.entities]

    def ethnic_actors(self) -> set[str]:
        """Actors named as an ethnicity (``ethnic Albanians``): a people, not the state of that name."""
        text = self.parsed.text.lower()
        if not any(marker in text for marker in self.words.words["ethnic_markers"]):
            return set()  # the parse is walked only for articles that use the word
        actor_at = self.arguments.actor_at
        return {a for t in self.parsed.doc if t.dep_ == "amod" and self.words.has("ethnic_markers", t.lower_)
                for a in (actor_at.get(t.head.i), actor_at.get(t.i + 1)) if a}

    def events(self) -> list[Event]:
        events: list[Event] = []
        for sentence in self.parsed.doc.sents:
            if self.parsed.in_text_flow(sentence.start_char):
                events += self.sentence_events(sentence)
        give_counterparts(events)
        answer_accusations(events, self.words)
        if len({e.sentence.start for e in events}) > 1:  # a lone sentence's mention is all it reports
            events = [e for e in events if is_reported(e)]
        events = one_per_happening(events)
        for number, event in enumerate(events, 1):
            event.id = f"e{number}"
        return events

    def sentence_events(self, sentence: SpacySpan) -> list[Event]:
        """Events of one sentence: each governing trigger codes its content, and content whose
        governor names no actor or recipient is coded on its own."""
        triggers = [t for t in find_triggers(sentence, self.words)
                    if not t.obligation or self.arguments.roles(t)[1]]
        if not triggers:
            return []
        governed = {id(g) for t in triggers for g in t.governed}
        facts = self.sentence_facts(sentence)
        events: list[Event] = []
        pending = [t for t in triggers if id(t) not in governed]
        while pending:
            trigger = pending.pop(0)
            found = self.trigger_events(trigger, facts)
            if found:
                events += found
            else:
                pending = trigger.governed + pending
        return sorted(main_events(events, nominals=self.several_sentences), key=lambda e: e.trigger.start)

    def sentence_facts(self, sentence: SpacySpan) -> SentenceFacts:
        lemmas = (t.lemma_.lower() for t in sentence)
        contexts = list(dict.fromkeys(self.words.contexts[lemma] for lemma in lemmas if lemma in self.words.contexts))
        entities = self.entities_between(sentence.start_char, sentence.end_char)
        return SentenceFacts(Span(sentence.start_char, sentence.end_char, sentence.text), contexts,
                             [e for e in entities if e.label_ == "DATE"], entities)

    def entities_between(self, start: int, end: int) -> list[SpacySpan]:
        """Named entities inside [start, end): ``Span.ents`` would scan the whole document each time."""
        first = bisect_left(self.entity_starts, start)
        return [e for e in self.entities[first:bisect_left(self.entity_starts, end)] if e.end_char <= end]

    def trigger_events(self, trigger: Trigger, facts: SentenceFacts) -> list[Event]:
        """The coded events of a trigger (none when it names neither actor nor recipient): one, or for
        parties acting on one another (``A and B attacked each other's plans``) one from each side."""
        reading = self.read(trigger)
        if reading is None:
            return []
        if len(reading.actor_ids) > 1 and is_reciprocal(trigger.anchor):
            return [self.build(trigger, facts, replace(reading, actor_ids=[side], recipient_ids=[
                other for other in reading.actor_ids if other != side])) for side in reading.actor_ids]
        return [self.build(trigger, facts, reading)]

    def read(self, trigger: Trigger) -> Reading | None:
        """Who, to whom, how (modality) and what (PLOVER type and mode) a trigger says."""
        actor_ids, recipient_ids = self.arguments.roles(trigger)
        if not actor_ids and (not recipient_ids or not trigger.has_light_verb and trigger.is_noun):
            return None
        reporter = self.arguments.speaker_of_report(trigger.anchor)
        word = trigger.anchor if trigger.obligation else trigger.token  # "must not attack" is still a demand
        modality = read_modality(word, trigger.anchor, self.words, reported=bool(reporter))
        coding = code(self.words, trigger.entry, [g.entry for g in trigger.governed], modality)
        if self.is_verbal_attack(trigger, coding, actor_ids, recipient_ids):
            coding = Coding("ACCUSE", "disapprove")
        if not recipient_ids and len(actor_ids) == 1 and coding.type not in UNDIRECTED_TYPES | JOINT_TYPES:
            recipient_ids = self.home_state_of_thing(trigger, actor_ids[0])
        if coding.mode in DIRECTED_MODES and self.words.has("hosting_verbs", trigger.token.lemma_.lower()):
            actor_ids, recipient_ids = recipient_ids, actor_ids  # the manual: the visitor acts, the host receives
        if coding.mode in MEDIATION_MODES:
            actor_ids, recipient_ids = self.arguments.mediation_roles(trigger, actor_ids, recipient_ids)
        elif (coding.type in RECIPROCAL_TYPES and coding.mode not in DIRECTED_MODES or coding.type
              in SELF_DEPLOYING_TYPES and self.arguments.is_passive(trigger.anchor)) and not actor_ids:
            actor_ids, recipient_ids = recipient_ids, []
        if self.words.types[coding.type].requires_recipient and not recipient_ids and len(actor_ids) < 2:
            return None
        return Reading(actor_ids, recipient_ids, reporter, modality, coding)

    def home_state_of_thing(self, trigger: Trigger, actor_id: str) -> list[str]:
        """``The senator slammed the hearings``: an act on a thing of the article's own country, by one of
        its own, is aimed at that country (as coders of domestic news code it)."""
        if trigger.is_noun or self.home is None or not self.several_sentences:
            return []
        things = [c for c in trigger.anchor.children if c.dep_ == "dobj" and c.pos_ == "NOUN"]
        actors = self.arguments.actors
        if not things or actors.actor(actor_id).country != self.home:
            return []
        states = [a.id for a in actors.actors if a.type == "country" and a.country == self.home]
        return [s for s in states[:1] if s != actor_id]  # a state acting on its own budget does so to no one

    def build(self, trigger: Trigger, facts: SentenceFacts, reading: Reading) -> Event:
        coding, modality = reading.coding, reading.modality
        quote = self.arguments.quote_at(trigger.token.idx)
        block = self.parsed.block_at(trigger.token.idx)
        score = scores(self.words, coding.type, coding.mode)
        setting = self.setting(trigger, facts.entities)
        actor, recipient = self.domestic(setting, reading)
        event = Event(
            id="", type=coding.type, mode=coding.mode,
            trigger=self.span(*trigger.wording()),
            sentence=facts.span,
            actor=actor, recipient=recipient,
            context=self.contexts(trigger, facts),
            negated=modality.negated and not coding.refusal, hypothetical=modality.hypothetical,
            future=modality.future,
            claimed_by=quote.id if quote else None,
            claimed_by_speaker=quote.speaker if quote else self.reporter_ref(reading.reporter),
            place=self.place(trigger.anchor, facts.entities) or (setting.place if setting else None),
            score=score.score, quad_class=score.quad_class, quad_label=score.quad_label,
            cameo=score.cameo, goldstein=score.goldstein,
            paragraph=block.index if block else None,
            confidence=self.confidence(trigger, reading.actor_ids),
        )
        self.date(event, trigger.anchor, facts.dates)
        return event

    def domestic(self, setting: Setting | None, reading: Reading) -> tuple[list[ActorRef], list[ActorRef]]:
        """Actor and recipient refs, parties the text leaves unplaced read as of the country the event
        happens in. A domestic act (repression, protest, violence, concession) with no named doer is
        the state's where it happens (``was arrested in Lebanon``); with no recipient it acts on its
        place, even its doer's own (``opposition parties in Nepal called a strike``: Nepal's); an
        unplaced recipient is of the place, else of the actor's country."""
        actor, recipient = self.arguments.refs(reading.actor_ids), self.arguments.refs(reading.recipient_ids)
        home = setting.country if setting else self.home_if_involved(actor + recipient)
        if not self.words.types[reading.coding.type].domestic:
            return self.placed(actor, home), self.placed(recipient, home)
        place_actor = self.arguments.refs([setting.actor_id]) if setting and setting.actor_id else []
        if not actor and place_actor:
            return place_actor, self.placed(recipient, home)
        actor = self.placed(actor, home)
        if not recipient and place_actor:
            return actor, place_actor
        return actor, self.placed(recipient, home or single_country(actor))

    def placed(self, refs: list[ActorRef], country: str | None) -> list[ActorRef]:
        """The refs, unplaced ones given the country; a member of a named body (``European Community
        foreign ministers``) is placed by the body, not by where it acts."""
        affiliated = {r.id for r in refs if self.arguments.actors.actor(r.id).organisation}
        return placed(refs, country, self.ethnic, affiliated)

    def home_if_involved(self, refs: list[ActorRef]) -> str | None:
        """The article's home country when it is the one country the event's placed parties name:
        ``Vice-President Moody Awori declined to resign despite pressure by the Kenya Anti-Corruption
        Commission``."""
        involved = {r.country for r in refs if r.country and r.id not in self.ethnic}
        return self.home if involved == {self.home} else None

    def setting(self, trigger: Trigger, entities: list[SpacySpan]) -> Setting | None:
        """The first named place with a known country in the event's clause or its content's clauses."""
        for anchor in (trigger.anchor, *(g.anchor for g in trigger.governed)):
            for head, entity in located_objects(setting_tokens(anchor), entities):
                place = located(entity, phrase_text(head))
                if place.country:
                    return Setting(place.country, place, self.place_actor(head, place.country))
        return None

    def place_actor(self, head: Token, country: str) -> str | None:
        """The actor a place phrase names (``Lagos``, ``the Iraqi city of Basra``) of the place's country."""
        found = (self.arguments.actor_at.get(t.i) for t in head.subtree)
        return next((a for a in found if a and self.arguments.actors.actor(a).country == country), None)

    def is_verbal_attack(self, trigger: Trigger, coding: Coding, actor_ids: list[str],
                         recipient_ids: list[str]) -> bool:
        """``The Tories attacked Labour's plans``: an attack by and on no armed party, on no physical
        target and on no country or region, is criticism (ACCUSE), as it mostly is in political news; so
        is one told with what was said (``fired back at Moldova, calling its claims absurd``)."""
        if coding.type != "ASSAULT" or not actor_ids or not self.words.has("verbal_attack_verbs", trigger.token.lemma_):
            return False
        if any(c.dep_ == "advcl" and self.words.has("speech_adjuncts", c.lemma_) for c in trigger.anchor.children):
            return True  # "fired back at Moldova, calling its claims absurd"
        parties = [self.arguments.actors.actor(a) for a in actor_ids + recipient_ids]
        armed = any(self.words.has("armed_sectors", a.sector or "") for a in parties)
        armed = armed or any(c.dep_ in ("dobj", "nsubjpass") and self.words.has("physical_targets", c.lemma_.lower())
                             for c in trigger.anchor.children)
        places = any(self.words.has("place_actor_types", self.arguments.actors.actor(a).type) for a in recipient_ids)
        return not armed and not places

    def span(self, start: int, end: int) -> Span:
        return Span(start, end, self.parsed.text[start:end])

    def reporter_ref(self, reporter: list[str]) -> ActorRef | None:
        return self.arguments.refs(reporter[:1])[0] if reporter else None

    def confidence(self, trigger: Trigger, actor_ids: list[str]) -> float:
        confidence = NOUN_CONFIDENCE if trigger.is_noun and not trigger.has_light_verb else FULL_CONFIDENCE
        if not actor_ids:
            confidence *= NO_ACTOR_CONFIDENCE
        if not is_main_verb(trigger.anchor):
            confidence *= EMBEDDED_CONFIDENCE
        return round(confidence, 3)

    def contexts(self, trigger: Trigger, facts: SentenceFacts) -> list[str]:
        found = [trigger.entry.context] if trigger.entry.context else []
        found += [g.entry.context for g in trigger.governed if g.entry.context]
        return list(dict.fromkeys(found + facts.contexts))

    def date(self, event: Event, anchor: Token, dates: list[SpacySpan]) -> None:
        """The date the text gives in the event's clause, else the article's date."""
        article_date = self.parsed.article.date
        for entity in dates:
            if anchor.is_ancestor(entity.root):
                resolved = resolve_date(entity.text, article_date, future=event.future)
                if resolved:
                    event.date, event.date_source = resolved, "text"
                    event.date_span = Span(entity.start_char, entity.end_char, entity.text)
                    return
        if article_date:
            event.date, event.date_source = article_date, "article"

    def place(self, anchor: Token, entities: list[SpacySpan]) -> Place | None:
        """``in Corfu``, ``on the Greek island of Corfu``: a named place the event's clause is located in."""
        found = located_objects(list(anchor.children), entities)
        return located(found[0][1], phrase_text(found[0][0])) if found else None


def is_main_verb(anchor: Token) -> bool:
    """The verb of a main or reported clause, or one coordinated with it (``killed two and wounded five``),
    not of an adjunct (``killing one person``, ``to discuss the plan``), a relative clause or a complement."""
    while anchor.dep_ == "conj" and anchor.head.i != anchor.i:
        anchor = anchor.head
    return anchor.dep_ in MAIN_CLAUSE_DEPS or is_headline_clause(anchor)


def main_events(events: list[Event], nominals: bool = False) -> list[Event]:
    """The events the sentence reports: a bare noun (``in the wake of the execution``), an embedded clause
    or an event with no doer beside a main verb's event is background the sentence mentions, not reports.
    A condition (``if Israel attacks Gaza``) stays, marked hypothetical. In an article (``nominals``), a noun
    or clause naming both its parties stays too: article sentences often tell a second happening that way;
    a lone wire sentence tells one."""
    if not any(e.confidence == FULL_CONFIDENCE for e in events):
        return events
    return [e for e in events if e.confidence == FULL_CONFIDENCE or e.hypothetical
            or nominals and names_both_parties(e)]


def names_both_parties(event: Event) -> bool:
    """``Trump's call with Zelensky``, ``Russian airstrikes on Aleppo``, ``charges he threatened to kill
    the senator``: a noun or embedded clause that names both its doer and whom it is done to tells a
    happening of its own."""
    return event.confidence in NOUN_CONFIDENCES | {EMBEDDED_CONFIDENCE} and bool(event.actor and event.recipient)


def give_counterparts(events: list[Event]) -> None:
    """``We also agreed to restart contacts``: a joint act (agreeing, meeting, working together) done by
    one named party alone is done with the party it last dealt with in the article."""
    for number, event in enumerate(events):
        if event.type not in JOINT_TYPES or len(event.actor) != 1 or event.recipient:
            continue
        party = event.actor[0].id
        for earlier in reversed(events[:number]):
            sides = [earlier.actor, earlier.recipient]
            if any(r.id == party for r in sides[0]) and sides[1] or any(r.id == party for r in sides[1]) and sides[0]:
                other = sides[1] if any(r.id == party for r in sides[0]) else sides[0]
                event.recipient = [r for r in other if r.id != party]
                break


def answer_accusations(events: list[Event], words: Lexicon) -> None:
    """``The Pentagon rejected these accusations``, ``That is untrue``: a denial of charges with no one named
    is addressed to whoever last accused the denier in the article."""
    denials = words.words["accusation_nouns"] | words.words["denied_nouns"] | words.words["denial_predicates"]
    for number, event in enumerate(events):
        said = {w.strip(".,;:\"'“”").rstrip("s") for w in event.trigger.text.lower().split()}
        if event.type != "REJECT" or event.recipient or not said & denials:
            continue
        denier = {r.id for r in event.actor} | {r.country for r in event.actor if r.country}
        accusation = next((e for e in reversed(events[:number]) if e.type == "ACCUSE" and e.actor
                           and denier & ({r.id for r in e.recipient} | {r.country for r in e.recipient})), None)
        if accusation is not None:
            event.recipient = [r for r in accusation.actor if r.id not in denier]


def is_reported(event: Event) -> bool:
    """An event the article reports rather than mentions: not a bare noun nor a clause with no named doer,
    and, when no one receives it, the undirected act of a main clause (``they discussed a need`` inside a
    relative clause is talk about the event, not the event). What did not or might not happen is reported
    with its mode when it is aimed at someone (``could impose sanctions on Armenia``); undirected, only a
    deployment is (``troops could be deployed``), while ``might resign`` is talk."""
    if event.confidence < REPORTED_CONFIDENCE:
        return names_both_parties(event) or is_agentless_force(event)
    if event.recipient or len(event.actor) > 1:
        return True
    undirected = SELF_DEPLOYING_TYPES if event.negated or event.hypothetical else UNDIRECTED_TYPES | ENDORSING_TYPES
    return event.confidence == FULL_CONFIDENCE and event.type in undirected


def is_agentless_force(event: Event) -> bool:
    """``Two activists were arrested on Monday``: an arrest or a killing told in a main clause is reported
    even when the text leaves its doer unnamed."""
    return event.confidence == NO_ACTOR_CONFIDENCE and bool(event.recipient) and event.type in AGENTLESS_TYPES


def happening(event: Event) -> tuple[str, frozenset[str], frozenset[str], bool]:
    return (event.type, frozenset(r.id for r in event.actor), frozenset(r.id for r in event.recipient),
            event.negated)


def one_per_happening(events: list[Event]) -> list[Event]:
    """Each happening once: a later mention of the same act by the same parties (a headline retold in
    the lead, a claim repeated in a quotation) is the same event; the most confident, first told, stays."""
    kept: dict[tuple[str, frozenset[str], frozenset[str], bool], Event] = {}
    for event in events:
        key = happening(event)
        if key not in kept or event.confidence > kept[key].confidence:
            kept[key] = event
    survivors = {id(e) for e in kept.values()}
    return [e for e in events if id(e) in survivors]


def phrase_text(head: Token) -> str:
    return head.doc[head.left_edge.i:head.right_edge.i + 1].text


def located(entity: SpacySpan, phrase: str) -> Place:
    """The place an entity names, with country and coordinates when the gazetteer knows it."""
    span = Span(entity.start_char, entity.end_char, entity.text)
    resolved = resolve_place(phrase) or resolve_place(entity.text)
    if resolved is None:
        return Place(name=entity.text, span=span)
    return Place(resolved.name, resolved.country, resolved.latitude, resolved.longitude, span)


def extract_events(parsed: ParsedArticle, actors: ActorIndex, quotes: list[Quote]) -> list[Event]:
    """Every political event in the article, in text order, never resting on a pull quote alone."""
    return EventCoder(parsed, actors, quotes).events()
