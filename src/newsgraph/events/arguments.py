"""Who did it and to whom: actor and recipient lists read off the dependency parse."""

from __future__ import annotations

from collections.abc import Iterable

from spacy.tokens import Doc, Span, Token

from ..actors import ActorIndex
from ..model import Actor, ActorRef, Quote
from ..places import Dateline, resolve_place
from .headlines import headline_verb_subjects, is_headline, is_headline_state, is_word_order_verb
from .lexicon import Lexicon
from .triggers import Trigger, is_denial_predicate, is_for_clause

MODIFIER_DEPS = frozenset({"compound", "amod", "poss", "nmod", "npadvmod", "appos"})
NATIONALITY_DEPS = frozenset({"compound", "amod"})
SUBJECT_INHERITING_DEPS = frozenset({"xcomp", "conj", "advcl", "acomp", "ccomp"})
STATE_TYPES = frozenset({"country", "organisation", "region"})
GROUP_TYPES = STATE_TYPES | {"group", "description"}
# "Iraq's interim government ... it": a described body of a state is as much an "it" as the state.
STATE_SECTORS = frozenset({"GOV", "MIL", "LEG", "JUD", "COP", "IGO", "SPY"})
# Objects, with the labels a headline's telegraphic grammar gets (``Nato mends Russia military ties``).
OBJECT_DEPS = frozenset({"dobj", "dative", "iobj", "attr", "oprd", "appos", "dep"})
OTHER_CLAUSE_DEPS = frozenset({"advcl", "relcl", "conj", "ccomp", "parataxis", "nsubj", "nsubjpass", "csubj",
                               "mark", "cc", "punct"})
MAX_DEPTH = 4
INDEFINITE_WORDS = frozenset({"a", "an", "another", "one", "former", "other", "some"})
ANTECEDENT_SENTENCES = 2
HEADLINE_LIST_DEPS = frozenset({"npadvmod", "dep", "nsubj", "appos"})
PARTY_TAGS = frozenset({"NNS", "NNP", "NNPS"})
# ``used tear gas to disperse them``: what these verbs take is a means; their subject does what follows.
MEANS_VERBS = frozenset({"use", "employ", "utilise", "utilize"})
MEETING_TYPES = frozenset({"CONSULT", "AGREE"})
ANSWERING_TYPES = frozenset({"REJECT", "ACCUSE"})
RECIPROCAL_PRONOUNS = frozenset({("each", "other"), ("one", "another")})


class ArgumentReader:
    """Reads the actors and recipients of triggers in one parsed document."""

    def __init__(self, doc: Doc, actors: ActorIndex, quotes: list[Quote], lexicon: Lexicon,
                 dateline: Dateline | None = None) -> None:
        self.doc = doc
        self.actors = actors
        self.quotes = [q for q in quotes if not q.pullquote]
        self.words = lexicon
        holders = title_holders(actors)
        self.actor_at = {i: holders.get(a, a) for i, a in self.token_actors(doc, actors).items()}
        if dateline is not None:  # where the story was filed from is no party to it
            self.actor_at = {i: a for i, a in self.actor_at.items()
                             if not dateline.start <= doc[i].idx < dateline.end}

    @staticmethod
    def token_actors(doc: Doc, actors: ActorIndex) -> dict[int, str]:
        """The actor id of every token inside a mention: the narrowest mention holding it, a located
        one first (``Romanian officials`` inside ``Hungarian and Romanian officials``)."""
        best: dict[int, tuple[int, bool, str]] = {}
        for mention in actors.mentions:
            span = doc.char_span(mention.start, mention.end, alignment_mode="expand")
            if span is not None and is_wire_label(span, actors.actor(mention.actor_id)):
                continue
            rank = (mention.end - mention.start, actors.actor(mention.actor_id).country is None)
            for token in span or ():
                if token.i not in best or rank < best[token.i][:2]:
                    best[token.i] = (*rank, mention.actor_id)
        return {i: actor_id for i, (_, _, actor_id) in best.items()}

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
        """The actor the word names; for an actor with no known country, the located actors that
        describe it too (``U.S. Secretary of State Warren Christopher``, ``King Hassan of Morocco``)."""
        if (bound := self.bound_possessor(token, depth)) is not None:
            return bound
        if token.pos_ == "PRON" and self.words.has("referring_pronouns", token.lower_) \
                and not token.lower_.startswith("it") and (named := self.named_pair_before(token, GROUP_TYPES)):
            return named
        if token.i in self.actor_at:
            actor_id = self.actor_at[token.i]
            if depth >= MAX_DEPTH:
                return [actor_id]
            if self.actors.actor(actor_id).country:
                return unique([actor_id, *self.coordinated_modifier_actors(token, depth)])
            located = [a for a in self.modifier_actors(token, depth) if a != actor_id and self.actors.actor(a).country]
            return [actor_id, *located]
        if token.pos_ == "PRON":
            return self.pronoun_actors(token)
        if is_pair_phrase(token, self.words):
            return self.last_pair(token)
        if depth >= MAX_DEPTH:
            return []
        return self.modifier_actors(token, depth)

    def bound_possessor(self, token: Token, depth: int) -> list[str] | None:
        """``a minister who declared his intention to resist``: "his" on the object of a verb with a noun
        as its own subject is that noun's (None: not such a "his")."""
        if token.dep_ != "poss" or token.lower_ not in ("his", "her") or token.head.dep_ != "dobj":
            return None
        nouns = [relative_antecedent(s) for s in subjects_here(token.head.head)]
        if len(nouns) != 1 or nouns[0].pos_ not in ("NOUN", "PROPN"):
            return None
        return self.phrase_actors(nouns[0], depth + 1)

    def coordinated_modifier_actors(self, token: Token, depth: int) -> list[str]:
        """``Hungarian and Romanian officials``: coordinated modifiers name one group each."""
        return [a for c in token.children if c.dep_ in ("amod", "compound") and any(g.dep_ == "conj" for g in c.children)
                for a in self.phrase_actors(c, depth + 1) if self.actors.actor(a).country]

    def modifier_actors(self, token: Token, depth: int) -> list[str]:
        """Actors a phrase's modifiers name; a place after ``of``/``in`` only when no modifier word names
        a state or an organisation (``the Turkish and Greek sides of Cyprus`` are Turkey's and Greece's,
        ``EU counterparts in Luxembourg`` the EU's; ``Israel's ally in Lebanon`` is Israel's and Lebanon's).
        A thing done ``by`` a party is that party's (``an appearance by the prime minister``)."""
        named = [(c, self.phrase_actors(c, depth + 1)) for c in token.children if c.dep_ in MODIFIER_DEPS
                 and not self.is_meeting_venue(c)]
        found = [a for _, actors in named for a in actors]
        if any(self.actors.actor(a).country or self.actors.actor(a).type == "organisation"
               for c, actors in named if c.dep_ in NATIONALITY_DEPS for a in actors):
            return found
        places = [o for c in token.children if c.dep_ == "prep" and (self.words.has("phrase_prepositions", c.lower_)
                                                                  or c.lower_ == "by" and token.pos_ == "NOUN")
                  for o in prep_objects(c)]
        return found + [a for obj in places for a in self.phrase_actors(obj, depth + 1)]

    def is_meeting_venue(self, modifier: Token) -> bool:
        """``the Madrid peace talks``, ``the Oslo accords``: a city named on talks or an accord is where
        they were held, not a party to them (``the Moscow proposal`` is Moscow's)."""
        noun = modifier.head
        if modifier.dep_ != "compound" or noun.pos_ != "NOUN" or not any(
                e.type in MEETING_TYPES for e in self.words.entries(noun.lemma_.lower(), "NOUN").values()):
            return False
        place = resolve_place(modifier.text)
        actor_id = self.actor_at.get(modifier.i)
        return place is not None and place.name == modifier.text and actor_id is not None \
            and self.actors.actor(actor_id).name != modifier.text

    # --- pronouns -------------------------------------------------------------------------

    def pronoun_actors(self, pronoun: Token) -> list[str]:
        lower = pronoun.lower_
        plural = self.words.has("first_person_plural", lower)
        if plural or self.words.has("first_person_singular", lower):
            quote = self.quote_at(pronoun.idx)
            if quote is None or quote.speaker is None:
                return []
            return [self.institution_of(quote.speaker.id) if plural else quote.speaker.id]
        if not self.words.has("referring_pronouns", lower):
            return []
        if lower == "it" and is_expletive(pronoun):
            return []
        kinds = STATE_TYPES if lower.startswith("it") else GROUP_TYPES
        antecedent = self.speaker_before(pronoun, kinds) or self.antecedent(pronoun, kinds)
        return [antecedent] if antecedent else []

    def named_pair_before(self, pronoun: Token, kinds: frozenset[str]) -> list[str]:
        """``ministers Ana Vell and Ivo Dran, whose homes were attacked``: a plural pronoun after people
        named together in its sentence, with no group named between, stands for all of them."""
        for token in reversed(pronoun.sent[:pronoun.i - pronoun.sent.start]):
            actor_id = self.actor_at.get(token.i)
            if actor_id is None:
                continue
            if self.is_kind(actor_id, kinds):
                return []
            listed = [a for c in conjuncts(token.head if token.dep_ == "conj" else token)
                      if (a := self.actor_at.get(c.i)) and self.actors.actor(a).type == "person"]
            if len(unique(listed)) > 1:
                return unique(listed)
        return []

    def institution_of(self, speaker_id: str) -> str:
        """Who a person's "we" stands for: their organisation, or the state a government member serves."""
        speaker = self.actors.actor(speaker_id)
        if speaker.type != "person":
            return speaker_id
        for actor in self.actors.actors:
            if actor.type != "person" and speaker.organisation and actor.name == speaker.organisation:
                return actor.id
        if speaker.sector == "GOV" and speaker.country:
            states = [a.id for a in self.actors.actors if a.type == "country" and a.country == speaker.country]
            if states:
                return states[0]
        return speaker_id

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
            if pronoun.dep_ in ("nsubj", "nsubjpass") and self.is_thing_subject(previous, pronoun):
                return None  # "A decree banned rallies. It also ordered ...": the decree did, no party
            found = self.first_of_kind(previous, kinds)
            start = previous.start
        return found

    def is_thing_subject(self, sentence: Span, pronoun: Token) -> bool:
        """The sentence's subject is a common noun of the pronoun's number that names no actor: a subject
        pronoun opening the next sentence goes on telling of it."""
        plural = pronoun.lower_ != "it"
        return any(t.dep_ in ("nsubj", "nsubjpass") and t.head.dep_ == "ROOT" and t.pos_ == "NOUN"
                   and (t.tag_ == "NNS") == plural and not self.phrase_actors(t) for t in sentence)

    def first_of_kind(self, tokens: Iterable[Token], kinds: frozenset[str]) -> str | None:
        """The first actor of the kind among the tokens, subjects before other words."""
        tokens = list(tokens)
        for wanted in (lambda t: t.dep_ in ("nsubj", "nsubjpass"), lambda t: True):
            for token in tokens:
                actor_id = self.actor_at.get(token.i)
                if actor_id and wanted(token) and self.is_kind(actor_id, kinds):
                    return actor_id
        return None

    def is_kind(self, actor_id: str, kinds: frozenset[str]) -> bool:
        actor = self.actors.actor(actor_id)
        return actor.type in kinds or actor.sector in STATE_SECTORS and actor.type != "person"

    def named_actors(self, head: Token) -> list[str]:
        return [a for c in conjuncts(head) if (a := self.actor_at.get(c.i))]

    def last_pair(self, phrase: Token) -> list[str]:
        """``the two sides``, ``both countries``: the last two parties of different countries named before
        the phrase in its sentence or the two before it."""
        first = self.doc[max(phrase.sent.start - 1, 0)].sent.start if phrase.sent.start else 0
        first = self.doc[max(first - 1, 0)].sent.start if first else 0
        pair: dict[str, str] = {}
        own = self.urging_countries(phrase)
        for i in range(phrase.i - 1, first - 1, -1):
            actor_id = self.actor_at.get(i)
            actor = self.actors.actor(actor_id) if actor_id else None
            if actor is not None and actor.country and actor.type not in ("region",) and actor.country not in pair \
                    and actor.country not in own:
                pair[actor.country] = actor_id
                if len(pair) == 2:
                    return list(reversed(pair.values()))
        return []

    def urging_countries(self, phrase: Token) -> set[str]:
        """``The US urged both sides to stand down``: the countries of whoever acts on the two sides, who are
        not one of them."""
        verb = phrase.head
        if phrase.dep_ in ("nsubj", "nsubjpass") and verb.dep_ in ("xcomp", "ccomp"):
            verb = verb.head  # "urged [both sides to stand down]"
        elif phrase.dep_ in ("nsubj", "nsubjpass"):
            return set()
        if verb.pos_ not in ("VERB", "AUX"):
            return set()
        return {self.actors.actor(a).country for s in subjects(verb) for a in self.phrase_actors(s)} - {None}

    # --- speech and quotations --------------------------------------------------------------

    def speech_verb_over(self, token: Token) -> Token | None:
        """The verb of saying whose reported clause holds the token, if any."""
        for ancestor in (token, *token.ancestors):
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
        """Actor ids and recipient ids of a trigger; a governing trigger borrows its content's recipient.

        A reported obligation is asked of the obliged clause's subject, and of no one else."""
        if is_word_order_verb(trigger.token):
            return self.word_order_roles(trigger.token)
        actor = self.actor_of(trigger)
        if trigger.obligation:
            return actor, self.best_phrase(subjects_here(trigger.token), set(actor))
        recipient = self.recipient_of(trigger, set(actor))
        for content in trigger.governed:
            recipient = recipient or self.recipient_of(content, set(actor))
        return actor, recipient

    def word_order_roles(self, verb: Token) -> tuple[list[str], list[str]]:
        """Subject before the verb, object after it: the parties named on each side of a verb the parse
        could not place."""
        own = self.actor_at.get(verb.i)  # a name the parser ran over the verb names no party
        named = [(t.i, a) for t in verb.sent if (a := self.actor_at.get(t.i)) and a != own]
        actor = unique([a for i, a in named if i < verb.i])
        return actor, unique([a for i, a in named if i > verb.i and a not in actor])

    def actor_of(self, trigger: Trigger) -> list[str]:
        if is_denial_predicate(trigger.token, self.words):
            return self.claimant(trigger.token)
        if not trigger.is_noun:
            return self.verb_actor(trigger.anchor)
        noun, verb = trigger.phrase, trigger.anchor
        own = [a for c in noun.children if c.dep_ in ("poss", "compound", "amod", "nmod")
               for a in self.phrase_actors(c)] + self.prepositional_actors(noun)
        if trigger.dependent is not None and trigger.dependent.head.head == noun:  # "a war of words between A and B"
            own += self.prepositional_actors(trigger.dependent)
        if not own and not trigger.has_light_verb and is_headline_state(noun):
            holder = noun.head.head  # with the parties a comma lists beside it: "Armenia, Moldova in talks"
            listed = [c for c in holder.children if c.dep_ == "appos" and c.pos_ == "PROPN"]
            return unique([a for party in (holder, *listed) for a in self.phrase_actors(party)])
        if own and trigger.has_light_verb and self.names_object_compound(noun, own):
            own = self.verb_actor(verb) or own
        if own or not trigger.has_light_verb:
            return unique(own)
        if self.words.has("receiving_verbs", verb.lemma_.lower()):
            return self.prepositional_actors(verb)
        return self.verb_actor(verb)

    def names_object_compound(self, noun: Token, own: list[str]) -> bool:
        """``Norway gives Ethiopia aid``, ``US lifts Iran sanctions``: when all the noun's own parties are
        names compounded on the object of a verb with a subject, they are who receives it, not who acts."""
        compounds = [a for c in noun.children if c.dep_ == "compound" for a in self.phrase_actors(c)]
        return noun.dep_ == "dobj" and set(own) <= set(compounds) and any(c.dep_ == "nsubj" for c in noun.head.children)

    def claimant(self, word: Token) -> list[str]:
        """Who says what the word says: the speaker of its quotation, else the subject of its verb of saying."""
        quote = self.quote_at(word.idx)
        if quote is not None and quote.speaker is not None:
            return [quote.speaker.id]
        return self.speaker_of_report(word)

    def verb_actor(self, verb: Token) -> list[str]:
        """The doer: the subject, the passive agent, or for ``issued a statement condemning X`` the issuer.

        ``is opposed to``, ``is committed to``: a stative participle's subject is its actor.
        """
        if self.is_passive(verb) and not self.words.has("stative_participles", verb.lemma_.lower()):
            agent = passive_agent(verb)
            return self.phrase_actors(agent) if agent is not None else []
        subject = subjects(verb) or [c for c in verb.children if c.dep_ == "nsubjpass"]
        found = unique([a for s in subject for a in self.phrase_actors(s)])
        if not found and verb.dep_ == "acl" and verb.head.dep_ in ("dobj", "attr"):
            return self.verb_actor(verb.head.head)
        if not found and any(s.pos_ == "NOUN" for s in subject):
            return self.place_actor(verb)
        return found

    def place_actor(self, verb: Token) -> list[str]:
        """``Demonstrators in Baghdad blocked a road``: an unnamed group is coded by the state it acts in,
        as CAMEO coders do (the place after ``in``/``at`` on the verb or its subject)."""
        holders = [verb, *(s for s in subjects(verb) if s.pos_ == "NOUN")]
        for holder in holders:
            for prep in holder.children:
                if prep.dep_ == "prep" and self.words.has("location_prepositions", prep.lower_):
                    for obj in prep_objects(prep):
                        located = [a for a in self.phrase_actors(obj) if self.actors.actor(a).country]
                        if located:
                            return located[:1]
        return []

    def recipient_of(self, trigger: Trigger, exclude: set[str]) -> list[str]:
        """The recipient from the likely phrases, else whoever must comply with the condition
        (``will boycott unless the president resigns``), else the first located actor further on."""
        named_by_trigger = self.actor_at.get(trigger.dependent.i) if trigger.dependent is not None else None
        if named_by_trigger and not self.words.types[trigger.entry.type].domestic \
                and self.actors.actor(named_by_trigger).country in {
                self.actors.actor(a).country for a in exclude}:
            # "Russia sent troops": its own troops are the act; police beating their own protesters strike them
            exclude = exclude | {named_by_trigger}
        places = not self.meets_at_venue(trigger)
        return (self.likely_recipient(trigger, exclude) or self.condition_subject(trigger, exclude)
                or self.later_actor(trigger.anchor, exclude, places) or self.answered_doer(trigger, exclude))

    def answered_doer(self, trigger: Trigger, exclude: set[str]) -> list[str]:
        """``Giuliani raised, and I rejected, the theory``: a rejection or criticism coordinated after
        another doer's verb, the two sharing the object that follows, answers that doer."""
        verb = trigger.anchor
        if trigger.entry.type not in ANSWERING_TYPES or verb.dep_ != "conj" or not subjects_here(verb):
            return []
        first = verb.head
        if first.pos_ not in ("VERB", "AUX") or any(c.dep_ in OBJECT_DEPS and c.i < verb.i for c in first.children):
            return []
        return [a for s in subjects_here(first) for a in self.phrase_actors(s) if a not in exclude]

    def condition_subject(self, trigger: Trigger, exclude: set[str]) -> list[str]:
        clauses = [c for t in (trigger, *trigger.governed) for c in t.anchor.children if c.dep_ == "advcl"
                   and any(m.dep_ == "mark" and self.words.has("conditional_markers", m.lower_) for m in c.children)]
        return self.best_phrase([s for c in clauses for s in subjects_here(c)], exclude)

    def later_actor(self, anchor: Token, exclude: set[str], places: bool = True) -> list[str]:
        """``rejected recent calls by Belarus's rulers``: the first located actor after the trigger in its
        own clause (not in a clause of time, condition or reason hung on it), not a venue (``in Geneva``)
        unless ``places``; with an object of its own, not in the clause telling what of or why (``accused
        his rivals of siding with Ruritania``: the rivals are accused, not Ruritania)."""
        clause = clause_tokens(anchor)
        if child(anchor, "dobj") is not None:
            told = {t.i for g in clause if g.dep_ == "pcomp" or g.dep_ == "pobj" and g.tag_ == "VBG"
                    for t in g.subtree}
            clause = [t for t in clause if t.i not in told]
        for token in sorted(clause, key=lambda t: t.i):
            if not places and self.is_venue(token) or self.is_meeting_venue(token):
                continue
            actor_id = self.actor_at.get(token.i)
            if token.i > anchor.i and actor_id and actor_id not in exclude and self.actors.actor(actor_id).country:
                listed = unique([a for c in conjuncts(token) if (a := self.actor_at.get(c.i)) and a not in exclude])
                return listed or [actor_id]
        return []

    def meets_at_venue(self, trigger: Trigger) -> bool:
        """Where leaders meet or agree is not whom they meet; where one visits is whom one visits."""
        return self.words.has("venue_types", trigger.entry.type) and trigger.entry.mode != "visit"

    def is_venue(self, token: Token) -> bool:
        """A place after ``in``/``at`` (or a word of its name): where something happens."""
        place = token if token.dep_ == "pobj" else token.head
        return place.dep_ == "pobj" and self.words.has("location_prepositions", place.head.lower_)

    def likely_recipient(self, trigger: Trigger, exclude: set[str]) -> list[str]:
        places = not self.meets_at_venue(trigger)
        if not trigger.is_noun:
            verb = trigger.anchor
            return self.best_phrase(self.object_phrases(verb, places=False), exclude) \
                or (self.best_phrase(self.location_objects(verb), exclude) if places else [])
        noun, verb = trigger.phrase, trigger.anchor
        phrases = [o for c in noun.children if c.dep_ == "prep" and self.is_recipient_prep(c)
                   and not self.words.has("actor_prepositions", c.lower_) for o in prep_objects(c)]
        phrases += [s for c in noun.children if c.dep_ in ("acl", "ccomp") for s in subjects_here(c)]
        if trigger.has_light_verb:
            if self.words.has("receiving_verbs", verb.lemma_.lower()):
                phrases += subjects(verb)
            phrases += self.object_phrases(verb, places)
        if places:
            phrases += self.location_objects(noun)
        return self.best_phrase(phrases, exclude)

    def is_recipient_prep(self, prep: Token) -> bool:
        return self.words.has("recipient_prepositions", prep.lower_)

    def object_phrases(self, verb: Token, places: bool = True) -> list[Token]:
        """Where a verb's recipient may be, most likely first: passive subject, objects, prepositions,
        the subject of its complement clause (``demanded that Israel ease``), and last a place (``in Juba``)
        unless ``places`` is False."""
        patients = self.patients(verb)
        objects = [c for c in verb.children if c.dep_ in OBJECT_DEPS and c.i > verb.i]
        objects = [o for n, o in enumerate(objects) if n == 0 or not is_after_comma(o)]
        phrases = patients + objects
        phrases += [o for c in verb.children if c.dep_ == "prep" and self.is_recipient_prep(c) for o in prep_objects(c)]
        phrases += [o for obj in patients + objects for c in obj.children if c.dep_ == "prep" and self.is_recipient_prep(c)
                    and c.lower_ != "of" for o in prep_objects(c)]
        phrases += [s for c in verb.children if c.dep_ in ("ccomp", "xcomp") or is_for_clause(c)
                    for s in subjects_here(c)]
        if places:
            phrases += self.location_objects(verb)
        return phrases or [p for c in shared_argument_verbs(verb) for p in self.object_phrases(c, places)]

    def is_passive(self, verb: Token) -> bool:
        return is_passive(verb) or is_reduced_passive(verb) or self.is_headline_passive(verb)

    def is_headline_passive(self, verb: Token) -> bool:
        """``Opposition leader arrested``, ``Parties warned over vote``: a headline tells what happened in
        the present and drops the passive's auxiliary, so a main verb in the past with a subject and no
        object or clause after it is passive."""
        return verb.dep_ == "ROOT" and verb.tag_ in ("VBD", "VBN") and is_headline(verb.sent) and not any(
            c.dep_ in ("aux", "auxpass", "neg") or c.dep_ in OBJECT_DEPS | {"ccomp", "xcomp"} for c in verb.children)

    def patients(self, verb: Token) -> list[Token]:
        """Who a passive verb is done to: its passive subject, the noun a participle describes (``envoy
        expelled from``), or a headline passive's subject."""
        if is_reduced_passive(verb):
            return [verb.head]
        if self.is_headline_passive(verb):
            return [c for c in verb.children if c.dep_ == "nsubj"]
        return [c for c in verb.children if c.dep_ in ("nsubjpass", "csubjpass")]

    def location_objects(self, head: Token) -> list[Token]:
        """The places after ``in``/``at`` hung on the word."""
        return [o for c in head.children if c.dep_ == "prep" and self.words.has("location_prepositions", c.lower_)
                for o in prep_objects(c)]

    def best_phrase(self, phrases: list[Token], exclude: set[str]) -> list[str]:
        """The first phrase naming a located actor not in ``exclude``, else the first naming any."""
        fallback: list[str] = []
        for phrase in phrases:
            found = [a for a in self.phrase_actors(phrase) if a not in exclude]
            if any(self.actors.actor(a).country for a in found):
                return found
            fallback = fallback or found
        return fallback

    def mediation_roles(self, trigger: Trigger, actor: list[str],
                        recipient: list[str]) -> tuple[list[str], list[str]]:
        """``launched a mediation effort between the Emirates and Saudi Arabia``: the doer of the verb
        mediates, the parties after ``between`` receive; without such parties the roles stand."""
        parties = unique([a for head in dict.fromkeys((trigger.phrase, trigger.anchor)) for c in head.children
                          if c.dep_ == "prep" and self.words.has("party_prepositions", c.lower_)
                          for o in prep_objects(c) for a in self.phrase_actors(o)])
        if not parties:
            return actor, recipient
        mediator = self.verb_actor(trigger.anchor) if trigger.anchor.pos_ in ("VERB", "AUX") else []
        return [a for a in mediator if a not in parties], parties

    def prepositional_actors(self, head: Token) -> list[str]:
        """Actors named after ``by``, ``from``, ``between``: ``support from Russia``, ``talks between ...``."""
        return [a for c in head.children if c.dep_ in ("prep", "agent") and self.words.has("actor_prepositions", c.lower_)
                for o in prep_objects(c) for a in self.phrase_actors(o)]

    def refs(self, actor_ids: list[str]) -> list[ActorRef]:
        return [self.actors.ref(a) for a in unique(actor_ids)]


def is_wire_label(span: Span, actor: Actor) -> bool:
    """``UPDATE 2-``, ``WRAPUP``, ``BRIEF-``: a common word in capitals in a line that is not all in
    capitals is an agency's label on the story, not a group of people."""
    return actor.type == "description" and span.text.isupper() and any(t.is_lower for t in span.sent)


def title_holders(actors: ActorIndex) -> dict[str, str]:
    """An office named without a name (``the president``, ``the South Korean president``) stands for
    the one named person of the article who holds it, when their countries agree."""
    people: dict[str, list[Actor]] = {}
    for actor in actors.actors:
        if actor.type == "person" and actor.role:
            people.setdefault(actor.role.lower().split()[-1], []).append(actor)
    holders = {}
    for office in actors.actors:
        words = office.name.lower().split()
        if office.type not in ("group", "description") or not words or words[0] in INDEFINITE_WORDS:
            continue
        holding = [p for p in people.get(words[-1], []) if None in (p.country, office.country) or p.country == office.country]
        if len(holding) == 1:
            holders[office.id] = holding[0].id
    return holders


def is_pair_phrase(head: Token, words: Lexicon) -> bool:
    """``the two sides``, ``both governments``: a noun for parties, counted as two."""
    return words.has("pair_nouns", head.lemma_.lower()) and any(
        c.lower_ in ("two", "both") and c.dep_ in ("nummod", "det", "predet", "amod") for c in head.children)


def clause_tokens(anchor: Token, skipped: frozenset[str] = OTHER_CLAUSE_DEPS) -> list[Token]:
    """The words of the anchor's own clause: its subtree without other clauses and its subject."""
    found, stack = [], list(anchor.children)
    while stack:
        token = stack.pop()
        if token.dep_ in skipped:
            continue
        found.append(token)
        stack.extend(token.children)
    return found


def is_after_comma(phrase: Token) -> bool:
    """``accused his rivals of siding with Ruritania, its old ally``: a second object after a comma is an
    apposition the parser hung on the verb, not a second party."""
    start = phrase.left_edge.i
    return start > 0 and phrase.doc[start - 1].text == ","


def is_reciprocal(anchor: Token) -> bool:
    """``attacked each other's policies``, ``accused one another``: the parties act on one another."""
    doc = anchor.doc
    return any(t.i > anchor.i and t.i + 1 < len(doc) and (t.lower_, doc[t.i + 1].lower_) in RECIPROCAL_PRONOUNS
               for t in clause_tokens(anchor))


def shared_argument_verbs(verb: Token) -> list[Token]:
    """``donated and delivered goods to the school``: a verb with no arguments of its own after it shares
    those of the verb coordinated with it, when that verb has no subject of its own."""
    return [c for c in verb.children if c.dep_ == "conj" and c.pos_ == "VERB"
            and not any(g.dep_ in ("nsubj", "nsubjpass") for g in c.children)]


def is_expletive(pronoun: Token) -> bool:
    """``it was time to``, ``it is clear that``: an ``it`` that stands for no one."""
    verb = pronoun.head
    return verb.lemma_ == "be" and any(c.dep_ in ("attr", "ccomp", "xcomp", "csubj") for c in verb.children)


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


def is_passive(verb: Token) -> bool:
    return any(c.dep_ in ("nsubjpass", "auxpass", "agent") for c in verb.children)


def is_reduced_passive(verb: Token) -> bool:
    """``three activists detained by police``: a past participle describing a noun is done to the noun;
    not one with an object or a coordinated verb of its own, nor the only verb of a sentence the parser
    rooted in a noun (misread active verbs), nor a closing
    ``..., a rights group charged on Saturday`` (a report misread as a participle)."""
    if not (verb.dep_ == "acl" and verb.tag_ == "VBN" and verb.head.pos_ in ("NOUN", "PROPN")):
        return False
    if any(c.dep_ in ("dobj", "ccomp", "xcomp", "conj") for c in verb.children):
        return False
    noun = verb.head
    if noun.dep_ == "ROOT" and not is_headline(verb.sent):
        return False  # a sentence whose root is a noun: the parser missed its main verb, this one
    after = verb.doc[verb.right_edge.i + 1] if verb.right_edge.i + 1 < len(verb.doc) else None
    closing = after is None or after.is_punct and after.text in ".!?"
    return not (closing and noun.left_edge.i > 0 and verb.doc[noun.left_edge.i - 1].text == ",")


def passive_agent(verb: Token) -> Token | None:
    agent = child(verb, "agent")
    return next(iter(prep_objects(agent)), None) if agent is not None else None


def subjects_here(verb: Token, passive: bool = False) -> list[Token]:
    """The verb's own subject; a passive subject too when it controls a clause below (``is prepared to``)."""
    deps = ("nsubj", "csubj", "nsubjpass") if passive else ("nsubj", "csubj")
    found = [c for c in verb.children if c.dep_ in deps] or headline_verb_subjects(verb)
    return [*listed_before(found[0]), *found, *listed_after(found[0])] if found and is_headline(verb.sent) else found


def listed_before(subject: Token) -> list[Token]:
    """``Peru, Chile agree to resume talks``: a headline lists joint subjects with a comma for ``and``,
    which the parser hangs on the verb as a loose modifier."""
    comma = subject.left_edge.i - 1
    if comma < 1 or subject.doc[comma].text != ",":
        return []
    listed = subject.doc[comma - 1]
    while listed.head.i != subject.head.i and listed.head.i < comma and listed.head.i != listed.i:
        listed = listed.head
    if listed.head.i == subject.head.i and listed.dep_ in HEADLINE_LIST_DEPS and listed.pos_ == "PROPN" \
            and listed.ent_type_ not in ("DATE", "TIME"):
        return [listed]
    return []


def listed_after(subject: Token) -> list[Token]:
    """``Japan, South Korea agree ...``: the parser may hang a headline's second listed country on the
    first as its apposition; two places are never one in apposition."""
    return [c for c in subject.children if c.dep_ == "appos" and c.ent_type_ == "GPE" == subject.ent_type_
            and subject.doc[c.left_edge.i - 1].text == ","]


def subjects(verb: Token) -> list[Token]:
    """The subject of a verb, climbing to the verb it shares its subject with when it has none."""
    seen = 0
    while verb is not None and seen < MAX_DEPTH + 4:
        found = subjects_here(verb, passive=seen > 0)
        if found:
            return [relative_antecedent(s) for s in found]
        if verb.dep_ in ("acl", "relcl") and verb.head.pos_ in ("NOUN", "PROPN", "PRON"):
            return [verb.head]
        if verb.dep_ not in SUBJECT_INHERITING_DEPS or verb.head.i == verb.i:
            return []
        controller = object_controller(verb)
        if controller is not None:
            return [controller]
        verb, seen = verb.head, seen + 1
    return []


def object_controller(clause: Token) -> Token | None:
    """``urged Moldova to withdraw``, ``trained the rebels to fight``: the object of the verb above an
    infinitive clause is the one who does what the clause says; for a clause of purpose only when the
    object is people or a name (``closed the border to stop smugglers`` is the closer's aim), and never for
    a means (``used tear gas to disperse the crowd``)."""
    if clause.tag_ != "VB" or not any(c.lower_ == "to" for c in clause.children) or clause.head.lemma_ in MEANS_VERBS:
        return None
    found = next((c for c in clause.head.children if c.dep_ == "dobj" and c.i < clause.i), None)
    if clause.dep_ == "xcomp" or clause.dep_ == "advcl" and found is not None and found.tag_ in PARTY_TAGS:
        return found
    return None


def relative_antecedent(subject: Token) -> Token:
    """``South Ossetia, which receives support``: a relative pronoun stands for the noun it follows."""
    if subject.tag_ in ("WDT", "WP") and subject.head.dep_ == "relcl":
        return subject.head.head
    return subject
