"""In-document resolution of people, organisations, groups and descriptions.

One pass over the parse collects name, description and pronoun mentions; names
group into one actor per person (short names and honorifics join the fullest
name), appositions tie descriptions to names and give roles, and pronouns take
the nearest fitting antecedent in the text flow: names said only inside a
quotation or a pull quote are never antecedents.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Iterable
from dataclasses import dataclass, field

from spacy.tokens import Span, Token

from ..document import ParsedArticle
from ..model import Actor, Mention
from ..quotes.lexicon import cues, speaker_words
from ..quotes.marks import outermost, pair_marks
from .index import ActorIndex

ENTITY_TYPES = {"PERSON": "person", "ORG": "organisation", "GPE": "country", "NORP": "group"}
SUBJECTS = ("nsubj", "nsubjpass")
POSSESSIVE = ("'s", "’s", "'", "’")
CLAUSE_BREAKS = {",", ";", ":", "(", ")", "—", "–", "\n"}
PREPOSITIONS_OF_AFFILIATION = {"of", "at", "for", "from", "with", "in"}
ANTECEDENT_WINDOW = 30
MAX_PARAGRAPHS_BACK = 3


def clean_name(text: str) -> str:
    """A name without honorifics, possessive ending or surrounding marks: "Ms Hewitt's" → "Hewitt"."""
    text = text.strip().strip("\"“”‘’'«»„")
    for ending in POSSESSIVE:
        if text.endswith(ending):
            text = text[: -len(ending)]
            break
    parts = text.split()
    while parts and parts[0].lower() in speaker_words().dropped_honorifics:
        parts = parts[1:]
    if parts and parts[0].lower() == "the":
        parts = parts[1:]
    return " ".join(parts)


@dataclass
class _Found:
    """A mention found in the parse, before it points at an actor."""

    start: int  # token index
    end: int
    type: str
    name: str
    kind: str = "name"
    gender: str | None = None
    actor_key: tuple[str, str] | None = None


@dataclass
class _Resolver:
    parsed: ParsedArticle
    found: list[_Found] = field(default_factory=list)
    actors: dict[tuple[str, str], Actor] = field(default_factory=dict)
    roles: dict[tuple[str, str], tuple[str, str | None]] = field(default_factory=dict)
    tied: dict[str, tuple[str, str]] = field(default_factory=dict)
    genders: dict[tuple[str, str], str] = field(default_factory=dict)

    def __post_init__(self) -> None:
        quoted = outermost(pair_marks(self.parsed.text))
        self._quote_starts = [q.start for q in quoted]
        self._quote_ends = [q.end for q in quoted]

    def in_quote(self, offset: int) -> bool:
        i = bisect_right(self._quote_starts, offset) - 1
        return i >= 0 and offset < self._quote_ends[i]

    def in_flow(self, token: Token) -> bool:
        """Outside quotations and pull quotes: where an antecedent may stand."""
        return not self.in_quote(token.idx) and self.parsed.in_text_flow(token.idx)

    def run(self) -> ActorIndex:
        doc = self.parsed.doc
        names = self.collect_names()
        self.group_people(names)
        self.found.extend(names)
        taken = {i for f in names for i in range(f.start, f.end)}
        self.tie_descriptions(names, taken)
        self.describe_speakers(taken)
        self.found.sort(key=lambda f: f.start)
        self.genders = self.known_genders()
        self.found.extend(self.resolve_pronouns(taken))
        return self.index(doc)

    # names ------------------------------------------------------------------------------------

    def collect_names(self) -> list[_Found]:
        """Entity names, with honorific-led names the tagger missed and people it called places."""
        doc = self.parsed.doc
        words = speaker_words()
        spans: dict[int, _Found] = {}
        for ent in doc.ents:
            if ent.label_ in ENTITY_TYPES:
                found = self.name_of(ent, ENTITY_TYPES[ent.label_])
                if found:
                    spans[found.start] = found
        for token in doc:
            if token.lower_ in words.honorifics and token.i + 1 < len(doc) and doc[token.i + 1].is_title:
                end = token.i + 1
                while end < len(doc) and doc[end].is_title and doc[end].pos_ == "PROPN":
                    end += 1
                found = self.name_of(doc[token.i:max(end, token.i + 2)], "person")
                if found:
                    for i in range(token.i, end):
                        spans.pop(i, None)
                    spans[token.i] = found
        return self.recover_people(sorted(spans.values(), key=lambda f: f.start))

    def name_of(self, span: Span, kind: str) -> _Found | None:
        words = speaker_words()
        tokens = [t for t in span if not t.is_space]
        gender = None
        while tokens and tokens[0].lower_ in words.honorifics:
            gender = gender or words.honorifics[tokens[0].lower_]
            kind = "person"
            if tokens[0].lower_ not in words.dropped_honorifics:
                break
            tokens = tokens[1:]
        while tokens and (tokens[-1].lower_ in POSSESSIVE or tokens[-1].is_punct):
            tokens = tokens[:-1]
        if tokens and tokens[0].lower_ == "the":
            tokens = tokens[1:]
        if not tokens or "\n" in span.text or not tokens[0].text[:1].isupper():
            return None
        name = self.parsed.text[tokens[0].idx:tokens[-1].idx + len(tokens[-1])]
        start = span.start if gender else tokens[0].i
        return _Found(start, tokens[-1].i + 1, kind, name, gender=gender)

    def recover_people(self, names: list[_Found]) -> list[_Found]:
        """Organisation or place names that are a known person's surname, or first name + surname."""
        words = speaker_words()
        surnames = {f.name.split()[-1].lower() for f in names if f.type == "person"}
        for found in names:
            parts = found.name.split()
            if found.type == "person":
                continue
            if parts[-1].lower() in surnames or (len(parts) >= 2 and parts[0].lower() in words.first_name_gender
                                                   and found.type == "organisation"):
                found.type = "person"
        return names

    def group_people(self, names: list[_Found]) -> None:
        """Give every person name the key of the fullest name it shortens, and a gender when known."""
        fullest: dict[str, list[_Found]] = {}
        for found in names:
            if found.type == "person" and len(found.name.split()) > 1:
                fullest.setdefault(found.name.split()[-1].lower(), []).append(found)
        by_first = {f.name.split()[0].lower(): f for group in fullest.values() for f in group}
        for found in names:
            if found.type != "person":
                found.actor_key = (found.type, found.name.lower())
                continue
            parts = found.name.split()
            group = fullest.get(parts[-1].lower())
            full = self.nearest_fuller(found, group) if group else None
            if full is None and len(parts) == 1 and parts[0].lower() in by_first:
                full = by_first[parts[0].lower()]
            canonical = max((f.name for f in fullest.get(full.name.split()[-1].lower(), [full])),
                            key=lambda n: len(n.split())) if full else found.name
            found.actor_key = ("person", canonical.lower())
            found.name = canonical

    @staticmethod
    def nearest_fuller(found: _Found, group: list[_Found]) -> _Found | None:
        """The full name that ``found`` shortens: the nearest one before it, else the first after."""
        fits = [f for f in group if f.name.split()[-len(found.name.split()):] == found.name.split()]
        before = [f for f in fits if f.start <= found.start]
        return before[-1] if before else (fits[0] if fits else None)

    # descriptions and roles -------------------------------------------------------------------

    def tie_descriptions(self, names: list[_Found], taken: set[int]) -> None:
        """Appositions and role words before a name: the description joins the person, the role is kept."""
        doc = self.parsed.doc
        for found in names:
            if found.type != "person":
                continue
            after = self.apposition_after(found)
            if after is not None:
                self.add_tied(found, after, taken)
            before = self.role_before(found, taken)
            if before is not None:
                self.roles.setdefault(found.actor_key, role_and_affiliation(doc[before[0]:before[1]]))

    def apposition_after(self, found: _Found) -> tuple[int, int] | None:
        """``Name, the Nato spokesman,``: the description after the comma, if it has a role word."""
        doc = self.parsed.doc
        if found.end + 1 >= len(doc) or doc[found.end].text != ",":
            return None
        end = found.end + 1
        while end < len(doc) and doc[end].text not in CLAUSE_BREAKS and not doc[end].is_sent_start \
                and not _is_verb(doc[end]):
            end += 1
        span = doc[found.end + 1:end]
        if not span or span[0].ent_type_ == "PERSON" or not self.has_role_word(span):
            return None
        return found.end + 1, end

    def role_before(self, found: _Found, taken: set[int]) -> tuple[int, int] | None:
        """``Foreign Secretary Jack Straw``: role words directly before the name, in its phrase."""
        doc = self.parsed.doc
        start = found.start
        while start > 0 and start - 1 not in taken and doc[start - 1].head.i in range(start, found.end) \
                and doc[start - 1].dep_ in ("compound", "amod", "nmod", "poss", "case"):
            start -= 1
        span = doc[start:found.start]
        return (start, found.start) if span and self.has_role_word(span) else None

    def has_role_word(self, span: Span) -> bool:
        roles = speaker_words().person_roles
        return any(t.lower_ in roles or t.lemma_.lower() in roles for t in span if t.pos_ in ("NOUN", "PROPN"))

    def add_tied(self, person: _Found, bounds: tuple[int, int], taken: set[int]) -> None:
        doc = self.parsed.doc
        span = doc[bounds[0]:bounds[1]]
        text = description_name(span)
        self.found.append(_Found(span.start, span.end, "person", person.name, "description",
                                 actor_key=person.actor_key))
        taken.update(range(span.start, span.end))
        self.tied.setdefault(text.lower(), person.actor_key)
        self.roles.setdefault(person.actor_key, role_and_affiliation(span))

    def describe_speakers(self, taken: set[int]) -> None:
        """Unnamed sources of speech (``a Downing Street spokesman said``) become description mentions."""
        for head in self.speaker_heads():
            if head.i in taken:
                continue
            span = noun_phrase(head)
            if not span or any(i in taken for i in range(span.start, span.end)):
                continue
            name = description_name(span)
            if not name or head.pos_ == "PRON":
                continue
            key = self.tied.get(name.lower()) or self.organisation_for(head) or ("description", name.lower())
            gender = "female" if head.lower_ in speaker_words().female_roles else None
            self.found.append(_Found(span.start, span.end, key[0], name, "description", gender, key))
            taken.update(range(span.start, span.end))

    def speaker_heads(self) -> Iterable[Token]:
        """Subjects of speech verbs and objects of ``according to``: where unnamed speakers stand."""
        lexicon = cues()
        for token in self.parsed.doc:
            if lexicon.is_verb_cue(token):
                yield from (child for child in token.children if child.dep_ == "nsubj")
            elif token.lower_ == "to" and token.i > 0 and token.nbor(-1).lower_ == "according":
                yield from (child for child in token.children if child.dep_ == "pobj")

    def organisation_for(self, head: Token) -> tuple[str, str] | None:
        """``the executive`` → the organisation named before whose name ends in that word."""
        if head.lower_ not in speaker_words().organisation_heads:
            return None
        if not any(t.lower_ == "the" for t in head.lefts):
            return None
        for found in reversed(self.found):
            if found.start < head.i and found.type == "organisation" and found.kind == "name" \
                    and head.lower_ in found.name.lower().split():
                return found.actor_key
        return None

    # pronouns ---------------------------------------------------------------------------------

    def resolve_pronouns(self, taken: set[int]) -> list[_Found]:
        """He, she and their forms, each pointed at the nearest fitting person in the text flow."""
        doc = self.parsed.doc
        pronouns = speaker_words().pronouns
        candidates = [f for f in self.found if self.is_person(f) and self.in_flow(doc[f.start])]
        starts = [f.start for f in candidates]
        resolved = []
        for token in doc:
            gender = pronouns.get(token.lower_, (None,))[0]
            if gender not in ("male", "female") or token.i in taken or not self.in_flow(token):
                continue
            before = candidates[max(0, bisect_right(starts, token.i - 1) - ANTECEDENT_WINDOW):
                                bisect_right(starts, token.i - 1)]
            antecedent = self.antecedent(token, gender, before)
            if antecedent is not None:
                resolved.append(_Found(token.i, token.i + 1, "person", antecedent.name, "pronoun",
                                       gender, antecedent.actor_key))
        return resolved

    def is_person(self, found: _Found) -> bool:
        return found.actor_key is not None and found.actor_key[0] in ("person", "description") \
            and (found.type == "person" or self.has_role_word(self.parsed.doc[found.start:found.end]))

    def antecedent(self, pronoun: Token, gender: str, before: list[_Found]) -> _Found | None:
        """The subject of the nearest sentence with a fitting person, else that sentence's first person."""
        doc = self.parsed.doc
        fitting = [f for f in before if self.gender_of(f) in (None, gender)]
        if not fitting:
            return None
        paragraph = self.parsed.block_at(pronoun.idx)
        sentence = doc[fitting[-1].start].sent
        if paragraph is not None and self.paragraphs_between(doc[fitting[-1].start], paragraph.index) \
                > MAX_PARAGRAPHS_BACK:
            return None
        same = [f for f in fitting if doc[f.start].sent.start == sentence.start]
        subjects = [f for f in same if _is_subject_phrase(doc[f.start:f.end])]
        return (subjects or same)[0] if sentence.start != pronoun.sent.start else (subjects or same)[-1]

    def paragraphs_between(self, token: Token, paragraph: int) -> int:
        block = self.parsed.block_at(token.idx)
        return paragraph - block.index if block is not None else 0

    def gender_of(self, found: _Found) -> str | None:
        return self.genders.get(found.actor_key) if found.actor_key else None

    def known_genders(self) -> dict[tuple[str, str], str]:
        """Gender per person: honorifics and gendered role words first, else the first name's usual gender."""
        words = speaker_words()
        genders: dict[tuple[str, str], str] = {}
        for found in self.found:
            if found.gender and found.actor_key:
                genders.setdefault(found.actor_key, found.gender)
        for found in self.found:
            if found.actor_key and found.actor_key not in genders and found.type == "person" \
                    and found.kind == "name":
                first = found.name.split()[0].lower()
                if first in words.first_name_gender:
                    genders[found.actor_key] = words.first_name_gender[first]
        return genders

    # output -----------------------------------------------------------------------------------

    def index(self, doc) -> ActorIndex:
        mentions = []
        for found in self.found:
            actor = self.actor_for(found)
            if found.kind == "name" and found.name != doc[found.start:found.end].text:
                alias = clean_name(doc[found.start:found.end].text)
                if alias and alias != actor.name and alias not in actor.aliases:
                    actor.aliases.append(alias)
            start, end = doc[found.start].idx, doc[found.end - 1].idx + len(doc[found.end - 1])
            block = self.parsed.block_at(start)
            mentions.append(Mention(start, end, self.parsed.text[start:end], actor.id, found.kind,  # type: ignore[arg-type]
                                    block.index if block else None, self.in_quote(start)))
        return ActorIndex(list(self.actors.values()), mentions)

    def actor_for(self, found: _Found) -> Actor:
        key = found.actor_key or (found.type, found.name.lower())
        actor = self.actors.get(key)
        if actor is None:
            role, affiliation = self.roles.get(key, (None, None))
            actor = Actor(id=f"a{len(self.actors) + 1}", name=found.name, type=key[0],  # type: ignore[arg-type]
                          role=role, organisation=affiliation, gender=self.genders.get(key))
            self.actors[key] = actor
        return actor


def _is_verb(token: Token) -> bool:
    return token.pos_ in ("VERB", "AUX") and token.tag_ not in ("VBN", "VBG")


def _is_subject_phrase(span: Span) -> bool:
    return any(t.dep_ in SUBJECTS for t in span) or span.root.dep_ in SUBJECTS


def noun_phrase(head: Token) -> Span | None:
    """The phrase a subject heads, up to its head noun (no relative clauses or trailing asides)."""
    doc = head.doc
    start = head.left_edge.i
    for i in range(head.i - 1, start - 1, -1):
        if doc[i].text in CLAUSE_BREAKS or doc[i].is_space:
            start = i + 1
            break
    end = head.i + 1
    for child in head.rights:
        if child.dep_ == "prep" and child.lower_ in PREPOSITIONS_OF_AFFILIATION and \
                all(t.text not in CLAUSE_BREAKS for t in doc[end:child.right_edge.i + 1]):
            end = child.right_edge.i + 1
        break
    return doc[start:end] if end > start else None


def description_name(span: Span) -> str:
    """A description without its article or quantifier: "a Downing Street spokesman" → "Downing Street spokesman"."""
    tokens = [t for t in span if not t.is_space]
    while tokens and (tokens[0].pos_ == "DET" or tokens[0].is_punct):
        tokens = tokens[1:]
    while tokens and tokens[-1].is_punct:
        tokens = tokens[:-1]
    if not tokens:
        return ""
    return span.doc.text[tokens[0].idx:tokens[-1].idx + len(tokens[-1])]


def role_and_affiliation(span: Span) -> tuple[str | None, str | None]:
    """Split a description into role words and affiliation text: "the Russian foreign minister" → ("foreign minister", "Russian")."""
    role: list[str] = []
    affiliation: list[str] = []
    after_preposition = False
    for token in span:
        if token.is_space or token.pos_ == "DET" or token.is_punct:
            continue
        if token.lower_ in PREPOSITIONS_OF_AFFILIATION and role:
            after_preposition = True
            continue
        if after_preposition or (token.text[:1].isupper() and not role and token.lower_ not in speaker_words().person_roles):
            if token.lower_ not in POSSESSIVE:
                affiliation.append(token.text)
        elif token.lower_ not in POSSESSIVE:
            role.append(token.lower_ if not token.is_upper else token.text)
    return (" ".join(role) or None), (" ".join(affiliation) or None)


def find_actors(parsed: ParsedArticle) -> ActorIndex:
    """People, organisations, groups and described sources of the article, with their mentions."""
    return _Resolver(parsed).run()
