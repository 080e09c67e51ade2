"""Actor enrichment: gazetteer facts on every actor, one actor per entity, and the mentions NER missed.

After the resolver has grouped names into actors, this step
- gives each actor its country (ISO alpha-3), sector and organisation from the gazetteer;
- merges names of one entity into one actor: "Moscow", "Russia" and "the Kremlin" become "Russia";
- reads people's country and sector from their titles and appositions ("Sergei Lavrov, the Russian
  foreign minister" → RUS, GOV; "James Appathurai, the Nato spokesman" → NATO, IGO);
- turns a country word before a sector noun into a group actor ("Georgian forces" → GEO, MIL);
- adds a "gazetteer" mention for every gazetteer name the NER missed ("Nato nations", "Russian territory").
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field, replace

from spacy.tokens import Doc, Span, Token

from ..document import ParsedArticle
from ..model import Actor, Mention
from ..places import city_country_among, find_dateline, resolve_place, us_states
from ..quotes.lexicon import speaker_words
from ..quotes.marks import outermost, pair_marks
from .gazetteer import ETHNIC_BEFORE, Entry, Hit, adjective_of, country_entry, country_of, doc_hits, find_hits, \
    head_sector, leader_in, lookup, namesake_parties, national_titles, normalise_form, organisation_of, sector_of
from .index import ActorIndex

MODIFIER_DEPS = {"amod", "compound", "nmod", "poss"}
US_STATES_FOR_CONTEXT = 2
NATIONAL_SECTORS = {"GOV", "LEG", "JUD", "COP", "MIL", "SPY", "OPP", "PTY"}
# Where a party may stand in a clause: subject, object, object of a preposition, conjunct, apposition.
ARGUMENT_DEPS = {"nsubj", "nsubjpass", "dobj", "pobj", "conj", "appos", "dative", "poss"}
# Unnamed armed groups (``gunmen``, ``suicide bombers``) and aid or rights groups are of no country
# unless the text says so.
STATELESS_SECTORS = {"REB", "NGO", "IGO"}
# Refugees are coded by the place they flee or reach, not as a party of their own.
UNPLACED_SECTORS = {"REF"}
HEADLINE_WORDS = 5
HEADLINE_SHARE = 0.8
HOME_MIN_MENTIONS = 3
HOME_MIN_SHARE = 0.5
LOCATIVE_PREPOSITIONS = {"in", "at", "near", "outside", "inside", "around", "across", "throughout"}
COORDINATION = re.compile(r"\s*(?:,|,?\s*and|,?\s*or)\s*")
# "ambassador to the EU", "special envoy to Ukraine": where a person is posted, not whose they are
POSTING = re.compile(r"\b((?:ambassador|envoy|emissary|representative|minister|consul)s?)\s+(?:to|in)\s+([^;,]*)",
                     re.IGNORECASE)
TITLE_REACH = 8  # tokens before a name that may hold its title
TITLE_CHARS = 12  # characters before a name where a national title ("Lt. Gov.") may stand
# Nouns that "the" turns into the state or territory the article has named ("the country had admitted",
# "the territory's government"); "the neighbouring country" or "a country" name another.
PLACE_NOUNS = frozenset({"country", "nation", "kingdom", "territory"})
PLACE_NOUN_DEPS = {"det", "case"}
ANTECEDENT_SENTENCES = 2
HYPHENS = ("-", "–")
REGIME_NOUNS = frozenset({"regime", "junta"})
NO_SECTOR = (None, True)  # a party that names no sector: "all sides"
# Nouns that name a body in the plural with no plural ending ("Police in Lome arrested")
PLURAL_ONLY = frozenset({"police", "personnel"})  # sentences before the one of "the country" where its state may be named

ActorKey = tuple[str, ...]


@dataclass
class Facts:
    """What the gazetteer says about one actor: the key it merges under and its fields."""

    key: ActorKey | None = None
    name: str | None = None
    type: str | None = None
    country: str | None = None
    sector: str | None = None
    organisation: str | None = None


@dataclass
class Enricher:
    index: ActorIndex
    parsed: ParsedArticle
    actors: dict[str, Actor] = field(default_factory=dict)
    by_key: dict[ActorKey, Actor] = field(default_factory=dict)
    redirect: dict[str, str] = field(default_factory=dict)
    seat_sectors: dict[str, set[str | None]] = field(default_factory=dict)
    hit_at: dict[int, Hit] = field(default_factory=dict)
    mentions_of: dict[str, list[Mention]] = field(default_factory=dict)
    organisation_names: set[str] = field(default_factory=set)
    taken_ids: set[str] = field(default_factory=set)
    quoted: list[tuple[int, int]] = field(default_factory=list)
    about_us_states: bool = False
    named_countries: set[str] = field(default_factory=set)
    filed_in: str | None = None
    place_hits: list[Hit] = field(default_factory=list)

    def run(self) -> ActorIndex:
        dateline = find_dateline(self.parsed.text, self.parsed.layout)
        self.filed_in = dateline.place.country if dateline and dateline.place else None
        hits = doc_hits(self.parsed.doc, self.parsed.text)
        self.hit_at = {offset: hit for hit in hits for offset in range(hit.start, hit.end)}
        self.named_countries = {hit.entry.country for hit in hits
                                if hit.entry.type in ("country", "region") and not hit.entry.sector}
        self.place_hits = [hit for hit in hits if hit.entry.type in ("country", "region") and hit.entry.country]
        for mention in self.index.mentions:
            self.mentions_of.setdefault(mention.actor_id, []).append(mention)
        # a person's affiliation text is kept only when it names one of the article's organisations
        self.organisation_names = {name for actor in self.index.actors if actor.type == "organisation"
                                   for name in (actor.name, *actor.aliases)}
        self.taken_ids = {actor.id for actor in self.index.actors}
        self.quoted = [(q.start, q.end) for q in outermost(pair_marks(self.parsed.text))]
        states = {ent.text for ent in self.parsed.doc.ents if ent.label_ == "GPE" and ent.text in us_states()}
        self.about_us_states = len(states - {entry.name for entry in map(lookup, states) if entry}) >= US_STATES_FOR_CONTEXT
        for actor in self.index.actors:
            self.place_actor(actor, self.facts_of(actor))
        headlines = [mention for mention in self.index.mentions if self.is_headline(mention)]
        mentions = [self.retarget(mention) for mention in self.index.mentions if mention not in headlines]
        mentions = [self.place_noun_mention(mention) for mention in mentions if mention is not None]
        mentions = [m for mention in mentions for m in self.pair_mentions(mention)]
        rename_headline_actors(self.actors.values(), {m.text for m in headlines}, mentions)
        mentions.extend(self.gazetteer_mentions(mentions))
        mentions.extend(self.collective_mentions(mentions))
        mentions.extend(self.uncovered_place_nouns(mentions))
        self.settle_country_sectors()
        used = {mention.actor_id for mention in mentions}
        actors = [actor for actor in self.actors.values() if actor.id in used]
        give_home_country(actors, mentions, self.filed_in)
        self.place_definite_bodies(actors, mentions)
        self.place_by_national_titles(actors, mentions)
        return ActorIndex(actors, mentions)

    # actors -----------------------------------------------------------------------------------

    def facts_of(self, actor: Actor) -> Facts:
        if actor.type == "person":
            people = people_named(actor.name)
            if people is None:
                return self.person_facts(actor)
            return Facts(group_key(people.country, None, None), actor.name, "group", people.country)
        for name in (actor.name, *actor.aliases):
            entry = lookup(name)
            if entry:
                return facts_of_entry(self.in_context(entry, name))
        adjective = adjective_of(actor.name) if actor.type == "group" else None
        return facts_of_entry(adjective) if adjective else self.phrase_facts(actor)

    def in_context(self, entry: Entry, text: str) -> Entry:
        """The reading the article supports: Georgia among US states is the state; a capital the article
        names no country of, but a town of the same name in a country it does name, is that town
        ("Tripoli" in an article about Lebanon)."""
        if self.about_us_states and entry.type == "country" and entry.name in us_states():
            return Entry(entry.name, "region", None, "USA", parent="USA")
        if entry.type == "country" and entry.sector and entry.country not in self.named_countries:
            country = city_country_among(normalise_form(text), self.named_countries)
            if country:
                return Entry(normalise_form(text), "region", None, country, parent=country)
        return self.at_home(entry)

    def at_home(self, entry: Entry | None) -> Entry | None:
        """A party name many countries share means the party of the country the story was filed from."""
        if entry is None or entry.name not in namesake_parties() or self.filed_in is None:
            return entry
        return replace(entry, country=self.filed_in)

    def person_facts(self, actor: Actor) -> Facts:
        """A person's country, sector and organisation from role, affiliation, titles and appositions."""
        titles = self.titles_of(actor)
        posted = " ".join(found.group(2) for text in (actor.role, *titles) if text for found in POSTING.finditer(text))
        affiliation = actor.organisation if actor.organisation and actor.organisation not in posted else None
        context = " ; ".join(text for text in (affiliation, actor.role, *titles) if text)
        context = POSTING.sub(r"\1", context)
        facts = Facts(sector=sector_of(actor.role or "") or sector_of(context))
        organisation = self.at_home(organisation_of(context))
        if organisation:
            facts.organisation = organisation.name
            if organisation.country is None:
                facts.sector = organisation.sector
            else:  # "Labour MP" is LEG, but a party's "leader" is PTY
                facts.sector = group_sector(organisation, actor.role or "") or facts.sector or organisation.sector
        facts.country = country_of(context) if (organisation is None or organisation.country) else None
        if organisation is not None and organisation.name in namesake_parties():
            facts.country = organisation.country
        if organisation is None and actor.organisation in self.organisation_names:
            facts.organisation = actor.organisation
        if not (facts.country or facts.organisation):
            return self.leader_facts(actor, facts)
        leader = known_leader(actor)
        if leader is not None and leader.country:  # "Trump ... the new Ukrainian president": a leader keeps his state
            facts.country = leader.country
        return facts

    @staticmethod
    def leader_facts(actor: Actor, facts: Facts) -> Facts:
        """A well-known leader's country and organisation when the text gives none ("Mr Putin")."""
        leader = known_leader(actor)
        if leader is None:
            return facts
        return Facts(country=leader.country, organisation=leader.organisation,
                     sector=facts.sector or leader.sector)

    def titles_of(self, actor: Actor) -> list[str]:
        """Descriptions tied to the actor, and the title words and "of" phrase around each of its names."""
        doc = self.parsed.doc
        texts = []
        for mention in self.mentions_of.get(actor.id, ()):
            if mention.kind == "description":
                texts.append(mention.text)
            elif mention.kind == "name":
                span = doc.char_span(mention.start, mention.end, alignment_mode="expand")
                if span is not None:
                    before = phrase_before(span)
                    texts.extend((before if POSTING.search(before) else title_before(span), of_phrase_after(span)))
        return [text for text in texts if text]

    def phrase_facts(self, actor: Actor) -> Facts:
        """Facts of a name the gazetteer lacks: a group ("Georgian forces"), an organisation whose name
        or possessor carries its country ("Russian Foreign Ministry", "Israel's Cabinet"), or a place below
        the state ("Corfu", "New Jersey"), which is a region: every country is in the gazetteer."""
        name = actor.name
        facts = Facts(country=None if names_several_countries(name) else country_of(name), sector=sector_of(name))
        organisation = parent_organisation(name)
        if organisation:
            facts.organisation = organisation.name
            facts.country = facts.country or organisation.country
            facts.sector = group_sector(organisation, name) or facts.sector or organisation.sector
        if facts.country is None and actor.type == "organisation":
            context = " ; ".join(self.titles_of(actor))
            facts.country = None if names_several_countries(context) else country_of(context)
            if facts.country and facts.sector:  # one actor with "Israel's Cabinet" read as a group
                facts.key = group_key(facts.country, facts.organisation, facts.sector)
        if facts.country is None and actor.type == "description":
            facts.country = home_place_country(name, self.named_countries)
        if actor.type == "country":
            place = resolve_place(name)
            country = place.country if place else facts.country
            if country not in self.named_countries:
                country = city_country_among(name, self.named_countries) or country
            facts.type, facts.country = "region", country
        elif actor.type in ("organisation", "description") and facts.country and facts.sector \
                and is_group_phrase(name):
            facts.type = "group" if actor.type == "organisation" else actor.type
            facts.key = group_key(facts.country, facts.organisation, facts.sector)
        return facts

    def place_actor(self, actor: Actor, facts: Facts) -> None:
        """Apply the facts; an actor whose key an earlier actor holds merges into that one."""
        if facts.key and facts.key in self.by_key:
            survivor = self.by_key[facts.key]
            self.redirect[actor.id] = survivor.id
            add_aliases(survivor, [actor.name, *actor.aliases])
            self.note_sector(survivor, facts)
            return
        original = actor.name
        actor.name = facts.name or actor.name
        actor.type = facts.type or actor.type  # type: ignore[assignment]
        actor.country = facts.country or actor.country
        actor.sector = facts.sector or actor.sector
        actor.organisation = facts.organisation
        add_aliases(actor, [original])
        self.actors[actor.id] = actor
        if facts.key:
            self.by_key[facts.key] = actor
            self.note_sector(actor, facts)

    def note_sector(self, actor: Actor, facts: Facts) -> None:
        if actor.type == "country":
            self.seat_sectors.setdefault(actor.id, set()).add(facts.sector)

    def settle_country_sectors(self) -> None:
        """A country named only by one kind of seat keeps its sector ("the Pentagon": MIL); else none."""
        for actor_id, sectors in self.seat_sectors.items():
            self.actors[actor_id].sector = next(iter(sectors)) if len(sectors) == 1 else None

    def actor_for(self, facts: Facts, text: str) -> Actor:
        """The actor holding ``facts.key``, created when the text first names it."""
        assert facts.key is not None
        actor = self.by_key.get(facts.key)
        if actor is None:
            actor = Actor(self.new_id(), facts.name or text, facts.type or "group",  # type: ignore[arg-type]
                          facts.country, facts.sector, facts.organisation)
            self.actors[actor.id] = actor
            self.by_key[facts.key] = actor
        elif actor.name != text:
            add_aliases(actor, [text])
        self.note_sector(actor, facts)
        return actor

    def new_id(self) -> str:
        """An id no actor of the record has had, in the resolver's "a<n>" style."""
        number = len(self.taken_ids) + 1
        while f"a{number}" in self.taken_ids:
            number += 1
        self.taken_ids.add(f"a{number}")
        return f"a{number}"

    def place_definite_bodies(self, actors: list[Actor], mentions: list[Mention]) -> None:
        """"The regime", "the junta" in a story of several states are the government of the state the text
        has just named, as "the country" is. ("The president" or "the administration" may be any state's:
        their holder is a person, not a place.)"""
        unplaced = {actor.id: actor for actor in actors if actor.country is None and actor.type == "description"
                    and actor.sector in NATIONAL_SECTORS}
        for mention in mentions:
            actor = unplaced.pop(mention.actor_id, None)
            span = self.parsed.doc.char_span(mention.start, mention.end, alignment_mode="expand")
            if actor is not None and span is not None and span.root.lower_ in REGIME_NOUNS \
                    and is_definite_noun(span.root):
                entry = self.state_meant(span.root, nearest_first=False)
                actor.country = entry.country if entry else None

    def place_by_national_titles(self, actors: list[Actor], mentions: list[Mention]) -> None:
        """A person still of no country whose name follows a title of one country's politics ("Rep.")."""
        titles = national_titles()
        unplaced = {actor.id: actor for actor in actors if actor.type == "person" and actor.country is None}
        for mention in mentions:
            actor = unplaced.get(mention.actor_id)
            if actor is None or mention.kind != "name":
                continue
            before = self.parsed.text[max(0, mention.start - TITLE_CHARS):mention.start].split()
            country = next((titles[" ".join(before[-n:]).lower()] for n in (2, 1)
                            if len(before) >= n and " ".join(before[-n:]).lower() in titles), None)
            if country is not None:
                actor.country = country

    # mentions ---------------------------------------------------------------------------------

    def retarget(self, mention: Mention) -> Mention | None:
        """Point a mention at its merged actor; a gazetteer name before a sector noun, or a longer
        gazetteer form around it ("UN peacekeepers", "Liberal Democrats" where the tagger saw "Democrats"),
        makes it a mention of that actor instead."""
        if mention.kind == "name":
            hit = self.hit_at.get(mention.start)
            if hit is not None and hit.end >= mention.end:
                retargeted = self.mention_of_hit(hit, mention.kind, mention.in_quote)
                if retargeted is not None:
                    return retargeted
        mention.actor_id = self.redirect.get(mention.actor_id, mention.actor_id)
        return mention

    def gazetteer_mentions(self, mentions: list[Mention]) -> list[Mention]:
        """Mentions for gazetteer names no existing mention covers."""
        covered = {offset for m in mentions for offset in range(m.start, m.end)}
        added = []
        for hit in doc_hits(self.parsed.doc, self.parsed.text):
            if not any(offset in covered for offset in range(hit.start, hit.end)):
                mention = self.mention_of_hit(hit, "gazetteer", self.in_quote(hit.start))
                if mention is not None:
                    added.append(mention)
        return added

    def is_headline(self, mention: Mention) -> bool:
        """A title-case headline the tagger read as one name ("Sweden Drops Its Inquiry Into ...")."""
        block = self.parsed.block_at(mention.start)
        return (block is not None and block.kind == "headline" and len(mention.text.split()) >= HEADLINE_WORDS
                and len(mention.text) >= HEADLINE_SHARE * len(block.text.strip()))

    def collective_mentions(self, mentions: list[Mention]) -> list[Mention]:
        """Unnamed bodies and groups with a sector are parties too: ``gunmen``, ``police``, ``a grand jury``,
        ``the opposition-controlled parliament``; ``the ministry`` is the ministry the article has named."""
        covered = {offset for m in mentions for offset in range(m.start, m.end)}
        added = []
        for token in self.parsed.doc:
            if token.pos_ not in ("NOUN", "PROPN") or token.ent_type_ \
                    or not (token.dep_ in ARGUMENT_DEPS or self.opens_headline(token)):
                continue
            span = self.parsed.doc[token.left_edge.i:token.i + 1]
            if any(offset in covered for offset in range(span.start_char, span.end_char)):
                continue
            sector = head_sector(span.text) or (NO_SECTOR if is_all_sides(token) else None)
            if sector is None or not sector[1] or sector[0] in UNPLACED_SECTORS \
                    or not (is_collective(token) or self.is_headline_subject(token)) \
                    or is_reciprocal_modifier(token) or has_of_phrase(token):
                continue
            country = self.located_in(token, mentions)
            actor = self.named_body(token, mentions) or self.actor_for(
                Facts(("collective", token.lemma_.lower(), country or ""), span.text, "description", country,
                      sector[0]), span.text)
            block = self.parsed.block_at(span.start_char)
            added.append(Mention(span.start_char, span.end_char, span.text, actor.id, "description",
                                 block.index if block else None, self.in_quote(span.start_char)))
        return added

    def pair_mentions(self, mention: Mention) -> list[Mention]:
        """"Russian-Syrian airstrikes", "Jordanian-U.S. patrols": a name of states joined by hyphens is
        a mention of each of them, not a group of the first."""
        hits = find_hits(mention.text)
        if mention.kind != "name" or len(hits) < 2 or hits[0].start or hits[-1].end != len(mention.text) \
                or any(hit.entry.type not in ("country", "region") for hit in hits) \
                or any(mention.text[a.end:b.start] not in HYPHENS for a, b in zip(hits, hits[1:])):
            return [mention]
        found = (self.mention_of_hit(replace(hit, start=mention.start + hit.start, end=mention.start + hit.end),
                                     mention.kind, mention.in_quote) for hit in hits)
        named = {m.start for m in self.index.mentions if m is not mention}
        return [m for m in found if m is not None and m.start not in named]

    def place_noun_mention(self, mention: Mention) -> Mention:
        """A mention of "the country" or of "the country's police" as a mention of the state the article
        has named, or of that state's group."""
        span = self.parsed.doc.char_span(mention.start, mention.end, alignment_mode="expand")
        actor = self.place_noun_actor(span.root) if span is not None else None
        return mention if actor is None else replace(mention, actor_id=actor.id)

    def uncovered_place_nouns(self, mentions: list[Mention]) -> list[Mention]:
        """Mentions for "the country" and "the territory's government" no mention covers."""
        covered = {offset for m in mentions for offset in range(m.start, m.end)}
        added = []
        for token in self.parsed.doc:
            if token.dep_ in ARGUMENT_DEPS - {"poss"} and token.idx not in covered:
                actor = self.place_noun_actor(token)
                if actor is not None:
                    span = self.parsed.doc[token.left_edge.i:token.i + 1]
                    block = self.parsed.block_at(span.start_char)
                    added.append(Mention(span.start_char, span.end_char, span.text, actor.id, "description",
                                         block.index if block else None, self.in_quote(span.start_char)))
        return added

    def place_noun_actor(self, head: Token) -> Actor | None:
        """The state "the country" stands for, or its group when the head noun names a sector and "the
        country's" owns it."""
        if is_place_noun(head):
            entry = self.state_meant(head)
            return self.actor_for(facts_of_entry(entry), entry.name) if entry else None
        owner = next((c for c in head.children if c.dep_ == "poss" and is_place_noun(c)), None)
        sector = head_sector(head.doc[head.left_edge.i:head.i + 1].text) if owner is not None else None
        entry = self.state_meant(owner) if owner is not None and sector is not None and sector[1] else None
        if entry is None or sector is None:
            return None
        name = head.doc[head.left_edge.i:head.i + 1].text
        return self.actor_for(Facts(group_key(entry.country, None, sector[0]), name, "group", entry.country,
                                    sector[0]), name)

    def state_meant(self, noun: Token, nearest_first: bool = True) -> Entry | None:
        """The state or territory "the country" refers to: the last one named earlier in its sentence; else,
        of those named in the sentences just before, the one the article names most, the first on a tie.
        Without ``nearest_first`` the article's count decides in its sentence too ("Turkish officials
        said the regime ...")."""
        before = [hit for hit in self.place_hits if hit.end <= noun.idx]
        here = [hit for hit in before if hit.start >= noun.sent.start_char]
        if here and nearest_first:
            return state_entry(here[-1].entry)
        first = noun.sent.start
        for _ in range(ANTECEDENT_SENTENCES):
            first = self.parsed.doc[max(first - 1, 0)].sent.start
        recent = [hit for hit in before if hit.start >= self.parsed.doc[first].idx]
        if not recent:
            return None
        counts = Counter(hit.entry.country for hit in self.place_hits)
        return state_entry(max(recent, key=lambda hit: (counts[hit.entry.country], -hit.start)).entry)

    def is_headline_subject(self, head: Token) -> bool:
        """Headlines drop the article: "Minister quits over ..." names the minister of the story."""
        return self.in_headline(head) and head.dep_ in ("nsubj", "nsubjpass") or self.opens_headline(head)

    def opens_headline(self, word: Token) -> bool:
        """The headline's first word, whatever the parse made of the verb after it ("Police fire tear gas")."""
        return self.in_headline(word) and self.parsed.block_at(word.idx).start == word.idx  # type: ignore[union-attr]

    def in_headline(self, word: Token) -> bool:
        block = self.parsed.block_at(word.idx)
        return block is not None and block.kind == "headline"

    def located_in(self, head: Token, mentions: list[Mention]) -> str | None:
        """``security forces in Guinea``: the country of the place the group is said to be in."""
        places = [o for c in head.children if c.dep_ == "prep" and c.lower_ in LOCATIVE_PREPOSITIONS
                  for o in c.children if o.dep_ == "pobj"]
        for place in places:
            found = next((m for m in mentions if m.start <= place.idx < m.end), None)
            actor = self.actors.get(self.redirect.get(found.actor_id, found.actor_id)) if found else None
            if actor is not None and actor.country:
                return actor.country
        return None

    def named_body(self, head: Token, mentions: list[Mention]) -> Actor | None:
        """The named organisation a definite ``the ministry`` or ``the office`` stands for: the last one
        before it whose name holds the word."""
        if not any(c.lower_ == "the" for c in head.children):
            return None
        word = head.lower_
        named = {a.id: a for a in self.actors.values() if a.type in ("organisation", "group")
                 and word in a.name.lower().split()}
        earlier = [m for m in mentions if m.actor_id in named and m.start < head.idx]
        return named[max(earlier, key=lambda m: m.start).actor_id] if earlier else None

    def in_quote(self, offset: int) -> bool:
        i = bisect_right(self.quoted, (offset, len(self.parsed.text))) - 1
        return i >= 0 and offset < self.quoted[i][1]

    def mention_of_hit(self, hit: Hit, kind: str, in_quote: bool) -> Mention | None:
        """A gazetteer form as a mention: of a group when it modifies a sector noun, else of its entity."""
        doc = self.parsed.doc
        span = doc.char_span(hit.start, hit.end, alignment_mode="expand")
        if span is None:
            return None
        entry = self.in_context(hit.entry, hit.text)
        facts = facts_of_entry(entry)
        start, end, text = hit.start, hit.end, hit.text
        phrase = group_phrase(span)
        sector = group_sector(entry, phrase.head_words) if phrase else None
        if phrase is not None and sector is not None:
            organisation = entry.name if entry.type == "organisation" else None
            if sector != entry.sector:
                country = self.home_of_people(hit, phrase.span.root) or entry.country
                facts = Facts(group_key(country or entry.name, organisation, sector), phrase.name, "group",
                              country, sector, organisation)
                start, end, text = phrase.span.start_char, phrase.span.end_char, phrase.span.text
        elif is_seat(hit.form, entry) and is_locative(span):
            facts = Facts(("place", hit.text), hit.text, "region", entry.country)
        elif hit.form != "name" and any(token.ent_type_ == "PERSON" for token in span):
            return None  # the tagger reads it as a name: "Karen said", unlike "Karen rebels"
        elif hit.form == "people":  # a people of no one state keeps its own name (the Kurds)
            country = self.home_of_people(hit, span.root) or entry.country
            facts = Facts(group_key(country or entry.name, None, None), hit.text, "group", country)
        actor = self.actor_for(facts, text)
        block = self.parsed.block_at(start)
        return Mention(start, end, text, actor.id, kind, block.index if block else None, in_quote)  # type: ignore[arg-type]


    def home_of_people(self, hit: Hit, head: Token) -> str | None:
        """Where a people named by its origin lives, when the text says so: "the Albanians of southern
        Serbia", "ethnic Albanian guerrillas operating in Macedonia" are coded by the state they live in."""
        ethnic = bool(ETHNIC_BEFORE.search(self.parsed.text, max(0, hit.start - 10), hit.start))
        prepositions = ("of", "in") if ethnic else ("of",)
        phrases = [c for c in head.children if c.dep_ == "prep" and c.lower_ in prepositions]
        if ethnic:  # "operating in", "living in"
            phrases += [p for c in head.children if c.dep_ == "acl" for p in c.children
                        if p.dep_ == "prep" and p.lower_ == "in"]
        for place in (o for phrase in phrases for o in phrase.children if o.dep_ == "pobj"):
            text = self.parsed.doc[place.left_edge.i:place.right_edge.i + 1].text
            states = [hit.entry.country for hit in find_hits(text)
                      if hit.entry.type in ("country", "region") and hit.entry.country]
            if states:
                return states[0]
        return None


def give_home_country(actors: list[Actor], mentions: list[Mention], filed_in: str | None = None) -> None:
    """Unplaced state institutions ("the Senate", "police", "the Supreme Court"), unnamed groups
    ("protesters", "teachers") and people of no named body belong to the article's home country: news
    names its own country's people without saying where they are from. A dateline's country
    (``SEOUL, South Korea —``) is the home country before any count (see ``counted_home``)."""
    home = filed_in or counted_home(actors, mentions)
    if home is None:
        return
    settled = filed_in is not None or is_well_attested(home, actors, mentions)
    for actor in actors:
        if actor.country is None and actor.type != "country" and not is_stateless_member(actor) and (
                actor.sector in NATIONAL_SECTORS or actor.type == "person"
                or actor.type == "description" and actor.sector and actor.sector not in STATELESS_SECTORS
                or settled and names_all_sides(actor)):
            actor.country = home


def is_well_attested(home: str, actors: list[Actor], mentions: list[Mention]) -> bool:
    """Does the article name its home country's people and bodies often enough to place "all sides" without
    saying whose they are? (One sentence naming one state does not.)"""
    of_home = {actor.id for actor in actors if actor.country == home}
    return sum(mention.actor_id in of_home for mention in mentions) >= HOME_MIN_MENTIONS


def home_place_country(description: str, named_countries: set[str]) -> str | None:
    """``a New York man``, ``two Nairobi traders``: the country of the place named before the head noun,
    when the article names that country (a "Highland councillor" in a Scottish story is no American)."""
    words = description.split()[:-1]
    place_words = [w for w in words if w[:1].isupper() and w.lower() not in ("a", "an", "the")]
    place = resolve_place(" ".join(place_words)) if place_words else None
    return place.country if place and place.country in named_countries else None


def is_stateless_member(actor: Actor) -> bool:
    """A member of a body the gazetteer knows and gives no country (the UN, an NGO); a member of a
    body it does not know (a local party) is as much of the home country as anyone unplaced."""
    return bool(actor.organisation) and (actor.type != "person" or lookup(actor.organisation) is not None)


def rename_headline_actors(actors: Iterable[Actor], headlines: set[str], mentions: list[Mention]) -> None:
    """An actor the resolver named after a headline takes the name its other mentions use most."""
    for actor in actors:
        if actor.name in headlines:
            names = Counter(m.text for m in mentions if m.actor_id == actor.id and m.kind == "name")
            if names:
                actor.aliases = [a for a in actor.aliases if a not in headlines]
                actor.name = names.most_common(1)[0][0]


def known_leader(actor: Actor) -> Entry | None:
    return next(filter(None, (leader_in(name) for name in (actor.name, *actor.aliases))), None)


def counted_home(actors: list[Actor], mentions: list[Mention]) -> str | None:
    """The country of most placed mentions of people and bodies (the places a story is about are often
    abroad: a hearing in Washington about Ukraine), when it holds enough of them; or the only country named."""
    country_of_actor = {actor.id: actor.country for actor in actors}
    parties = {actor.id for actor in actors if actor.type not in ("country", "region")}
    placed = [m for m in mentions if country_of_actor.get(m.actor_id)]
    named = Counter(country_of_actor[m.actor_id] for m in placed)
    if len(named) == 1:
        return next(iter(named))
    counts = Counter(country_of_actor[m.actor_id] for m in placed if m.actor_id in parties) or named
    if not counts:
        return None
    home, count = counts.most_common(1)[0]
    return None if count < HOME_MIN_MENTIONS or count < HOME_MIN_SHARE * sum(counts.values()) else home


def is_place_noun(token: Token) -> bool:
    """"the country", "the territory" with nothing but the article (and a possessive ending) on it."""
    return token.lower_ in PLACE_NOUNS and token.pos_ == "NOUN" and token.tag_ == "NN" and is_definite_noun(token)


def is_all_sides(head: Token) -> bool:
    """"urged all sides to talk": every party to a conflict, of no sector and of no one state unless the
    text places them or the story is at home in one (see ``names_all_sides``)."""
    return head.lower_ == "sides" and any(c.lower_ == "all" for c in head.children)


def names_all_sides(actor: Actor) -> bool:
    """"All sides" in a story at home in one country are that country's sides."""
    return actor.type == "description" and actor.sector is None and actor.name.lower().split()[-2:] == ["all", "sides"]


def is_definite_noun(token: Token) -> bool:
    """A noun with "the" and nothing else before it: "the regime", "the country's"."""
    return any(c.lower_ == "the" for c in token.children) and all(
        c.dep_ in PLACE_NOUN_DEPS for c in token.children if c.i < token.i)


def state_entry(entry: Entry) -> Entry:
    """A country named by an adjective or a seat as its own entry; a region as itself."""
    return (country_entry(entry.country or "") or entry) if entry.type == "country" else entry


def is_reciprocal_modifier(word: Token) -> bool:
    """``military to military contacts``, ``government-to-government talks``: the word names a kind of tie."""
    doc = word.doc
    return word.i + 2 < len(doc) and doc[word.i + 1].lower_ in ("to", "-") and doc[word.i + 2].lower_ == word.lower_


def has_of_phrase(head: Token) -> bool:
    """``the president of Armenia``, ``the leader of the opposition``: an "of" phrase naming a party tells
    whose the body is, better than a group would; one naming none (``accused the governor of fraud``,
    a parse slip) leaves the group a party."""
    return any(o.ent_type_ or head_sector(o.text) for c in head.children if c.dep_ == "prep" and c.lower_ == "of"
               for o in c.children if o.dep_ == "pobj")


def is_collective(head: Token) -> bool:
    """A plural (``gunmen``, ``protesters``) or a body named with an article (``the ministry``, ``a grand
    jury``), not a mass noun (``military intelligence``, ``police custody``)."""
    return head.tag_ in ("NNS", "NNPS") or head.lower_ in PLURAL_ONLY or any(c.dep_ == "det" and c.lower_ in ("the", "a", "an")
                                                 for c in head.children)


def facts_of_entry(entry: Entry) -> Facts:
    """The facts of a gazetteer entry; a seat or an adjective stands for its country's actor."""
    if entry.type == "country":
        country = country_entry(entry.code or "") or entry
        return Facts(("country", country.code or country.name), country.name, "country", country.code,
                     entry.sector)
    if entry.type == "region":
        return Facts(("region", entry.name), entry.name, "region", entry.country)
    return Facts(("organisation", entry.code or entry.name), entry.name, "organisation", entry.country,
                 entry.sector, entry.name)


def is_seat(form: str, entry: Entry) -> bool:
    """A capital or seat of government: a country entry named by a form other than its own names."""
    return form == "name" and entry.type == "country" and entry.sector is not None


def is_locative(span: Span) -> bool:
    """Is the name where something happens ("talks in Moscow", "at the White House")?"""
    head = span.root.head
    return span.root.dep_ == "pobj" and head.lower_ in LOCATIVE_PREPOSITIONS


def group_sector(entry: Entry, head_words: str) -> str | None:
    """The sector of "<entry> <head words>": the head's when it names one outright ("Hamas gunmen"),
    else the organisation's own ("an MI6 officer" is SPY, "a Nato spokesman" IGO)."""
    known = head_sector(head_words)
    if known is None:
        return None
    sector, outright = known
    if not outright and entry.type == "organisation" and entry.sector:
        return entry.sector
    return sector


def group_key(country: str | None, organisation: str | None, sector: str | None) -> ActorKey:
    return ("group", country or "", organisation or "", sector or "")


@dataclass
class GroupPhrase:
    """A country word's group: the mention's span, the group's name, the words that name its sector."""

    span: Span
    name: str
    head_words: str


def group_phrase(span: Span) -> GroupPhrase | None:
    """The common-noun phrase a country word modifies ("Georgian forces"), each conjunct its own group
    ("Hungarian and Romanian officials": "Hungarian" for Hungarian officials, "Romanian officials"), unless
    the noun is a person's title ("Russian Foreign Minister Andrei Kozyrev", "Lavrov, the Russian foreign
    minister")."""
    doc = span.doc
    first = span[-1]
    while first.dep_ == "conj" and first.head.i < first.i:
        first = first.head
    head = first.head
    if first.dep_ not in MODIFIER_DEPS or head.i <= span[-1].i or head.pos_ not in ("NOUN", "PROPN"):
        return None
    if head.ent_type_ == "PERSON" or is_title(head):
        return None
    last_conjunct = max((t.i for t in first.subtree if t.dep_ == "conj" and t.i < head.i), default=first.i)
    rest = doc[max(last_conjunct, span[-1].i) + 1:head.i + 1]
    if any(token.is_punct or token.is_space for token in rest):
        return None
    if span[-1].i >= last_conjunct:
        whole = doc[span.start:head.i + 1]
        return GroupPhrase(whole, whole.text, rest.text)
    return GroupPhrase(span, f"{span.text} {rest.text}", rest.text)


def is_title(token: Token) -> bool:
    """Is this noun a title of a named person, before the name or in apposition to it? A capitalised role
    word right before a proper name is one whatever the tagger made of the name (``President Jan Novak``)."""
    if token.dep_ == "compound" and token.head.ent_type_ == "PERSON":
        return True
    following = token.nbor(1) if token.i + 1 < len(token.doc) else None
    if token.is_title and token.lower_ in speaker_words().person_roles and following is not None \
            and following.pos_ == "PROPN" and following.is_title and following.head.i > token.i:
        return True
    if token.dep_ == "appos" and token.head.ent_type_ == "PERSON":
        return True
    return any(child.dep_ == "appos" and child.ent_type_ == "PERSON" for child in token.children)


def title_before(span: Span) -> str:
    """The words before a name in its own phrase: "Russian Foreign Minister" in front of "Andrei Kozyrev",
    "Israel's" in front of "Cabinet"; never across a comma, a line, a conjunction or another person's name."""
    doc: Doc = span.doc
    start = span.start
    while start > span.root.left_edge.i and not doc[start - 1].is_space \
            and (doc[start - 1].dep_ == "case" or not doc[start - 1].is_punct) \
            and doc[start - 1].pos_ != "CCONJ" and doc[start - 1].ent_type_ != "PERSON":
        start -= 1
    return doc[start:span.start].text.strip()


def phrase_before(span: Span) -> str:
    """The words before a name back to a clause break, a verb or a conjunction, whatever the parse made
    of them: "U.S. Ambassador to the European Union" in front of "Gordon Sondland"."""
    doc: Doc = span.doc
    start = span.start
    while start > max(span.sent.start, span.start - TITLE_REACH) and not doc[start - 1].is_space \
            and not (doc[start - 1].is_punct and doc[start - 1].dep_ != "case") \
            and doc[start - 1].pos_ not in ("VERB", "AUX", "CCONJ", "PRON"):
        start -= 1
    return doc[start:span.start].text.strip()


def parent_organisation(name: str) -> Entry | None:
    """The known organisation a longer name starts with: "BBC Radio 4" → BBC, but not "Congress" in
    "Trades Union Congress" nor "Times" in "Sunday Times"."""
    hits = find_hits(name)
    if hits and hits[0].start == 0 and hits[0].entry.type == "organisation":
        return hits[0].entry
    return None


def of_phrase_after(span: Span) -> str:
    """The "of" phrase a name governs: "of Morocco" in "King Hassan of Morocco"."""
    for child in span.root.rights:
        if child.dep_ == "prep" and child.lower_ == "of":
            return span.doc[child.i:child.right_edge.i + 1].text
    return ""


def people_named(name: str) -> Entry | None:
    """The country of a "person" the tagger found that is only country words ("Bosnian Serbs", "Ugandan"),
    unless it is also a first name ("Karen")."""
    hits = find_hits(name)
    covered = sum(hit.end - hit.start for hit in hits) + len(hits) - 1
    if not hits or covered != len(name) or any(hit.form == "name" for hit in hits):
        return None
    return None if name.split()[0].lower() in speaker_words().first_name_gender else hits[0].entry


def names_several_countries(name: str) -> bool:
    """"Israeli and Palestinian negotiators": coordinated countries, so no one country is the actor's."""
    hits = [hit for hit in find_hits(name) if hit.entry.country]
    return any(first.entry.country != second.entry.country and COORDINATION.fullmatch(name[first.end:second.start])
               for first, second in zip(hits, hits[1:]))


def is_group_phrase(name: str) -> bool:
    """Country words then common nouns only: "Georgian forces", "Libya's government", not "Russian Foreign
    Ministry"."""
    hits = find_hits(name)
    if not hits or hits[0].start != 0:
        return False
    rest = [word for word in name[hits[-1].end:].split() if word not in ("'s", "’s")]
    return bool(rest) and all(word[:1].islower() for word in rest)


def add_aliases(actor: Actor, names: list[str]) -> None:
    for name in names:
        if name and name != actor.name and name not in actor.aliases:
            actor.aliases.append(name)


def enrich(index: ActorIndex, parsed: ParsedArticle) -> ActorIndex:
    """The resolver's actors with countries, sectors and organisations, merged per entity, plus
    group actors and the gazetteer mentions NER missed."""
    return Enricher(index, parsed).run()
