"""In-document resolution of people, organisations, groups and descriptions.

One pass over the parse collects name, description and pronoun mentions; names
group into one actor per person (short names and honorifics join the fullest
name), appositions tie descriptions to names and give roles, and pronouns take
the nearest fitting antecedent in the text flow: names said only inside a
quotation or a pull quote are never antecedents.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Iterable
from dataclasses import dataclass, field

from spacy.tokens import Span, Token

from ..document import ParsedArticle
from ..model import Actor, Mention
from ..quotes.lexicon import cues, speaker_words
from ..quotes.marks import outermost, pair_marks
from .gazetteer import adjective_of, head_sector, leader_in, lookup
from .index import ActorIndex

ENTITY_TYPES = {"PERSON": "person", "ORG": "organisation", "GPE": "country", "NORP": "group"}
SUBJECTS = ("nsubj", "nsubjpass")
POSSESSIVE = ("'s", "’s", "'", "’")
CLAUSE_BREAKS = {",", ";", ":", "(", ")", "—", "–", "\n"}
PREPOSITIONS_OF_AFFILIATION = {"of", "at", "for", "from", "with", "in"}
PREPOSITIONS_OF_CIRCLE = {"within", "inside", "close", "near", "among", "on", "around", "to"}
QUANTIFIERS = {"many", "some", "several", "few", "one", "another", "other", "both", "all", "most", "each",
               "every", "various", "numerous"}
NAME_MODIFIER_DEPS = ("poss", "compound", "amod", "nmod")
# a rank that makes another office: "the mayor" is not the deputy mayor
RANKS = frozenset({"deputy", "vice", "assistant", "acting", "interim", "former", "shadow", "junior", "associate",
                   "under", "sub"})
POLITY_NOUNS = frozenset({"state", "country", "nation", "government", "world", "league", "bloc", "region", "land"})
NATIONAL_NOUNS = frozenset({"national", "citizen", "native", "man", "woman", "dissident", "exile"})
ANTECEDENT_WINDOW = 30
SOFT_HYPHEN = "\u00ad"  # a line-breaking hint inside a word ("Netan\u00adyahu"), never part of a name
SPEAKING_BODY_REACH = 80  # tokens: about two sentences
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
        join_acronyms(names)
        self.found.extend(names)
        taken = {i for f in names for i in range(f.start, f.end)}
        self.tie_descriptions(names, taken)
        self.add_known_offices(names)
        self.genders = self.known_genders()
        self.describe_speakers(taken)
        self.found.sort(key=lambda f: f.start)
        self.found.extend(self.resolve_pronouns(taken))
        self.refer_roles(taken)
        self.refer_nationals(taken)
        return self.index(doc)

    # names ------------------------------------------------------------------------------------

    def collect_names(self) -> list[_Found]:
        """Entity names, with honorific-led names the tagger missed and people it called places."""
        doc = self.parsed.doc
        words = speaker_words()
        spans: dict[int, _Found] = {}
        for ent in doc.ents:
            kind = ENTITY_TYPES.get(ent.label_, "other")
            if kind == "organisation" and titled_person(ent) is not None:
                ent, kind = titled_person(ent), "person"  # type: ignore[assignment]
            elif kind in ("organisation", "country") and person_after_place(ent) is not None:
                ent, kind = person_after_place(ent), "person"  # type: ignore[assignment]
            elif kind in ("organisation", "country") and follows_a_title(ent):
                kind = "person"
            if (kind != "person" and is_title_of_next_name(ent)) or is_faith_or_kind_word(ent):
                continue
            found = self.name_of(whole_name(ent), kind)
            if found and not is_title_word(doc[found.start:found.end]):
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
        people = self.recover_people(sorted(spans.values(), key=lambda f: f.start))
        bodies = {f.name for f in people if f.type == "person" and f.gender is None
                  and (is_known_body(f.name) or names_a_body(doc[f.start:f.end]))}
        for found in people:
            if found.name in bodies and found.gender is None:
                found.type = "organisation"  # the tagger's person is a body: "Twitter said", "the movement X"
        return [f for f in people if f.type != "other"]

    def name_of(self, span: Span, kind: str) -> _Found | None:
        """The name in an entity span: honorifics noted, possessive and party or role words before a
        first name dropped, hyphenated surnames (``Butler-Sloss``) made whole."""
        words = speaker_words()
        tokens = [t for t in span if not t.is_space]
        gender = None
        while tokens and tokens[0].lower_ in words.honorifics:
            gender = gender or words.honorifics[tokens[0].lower_]
            kind = "person"
            if tokens[0].lower_ not in words.dropped_honorifics:
                break
            tokens = tokens[1:]
        owner_end = next((n for n, t in enumerate(tokens) if n and t.lower_ in POSSESSIVE), None)
        if kind == "person" and owner_end is not None:
            tokens = tokens[:owner_end]  # "Gordon Brown's Budget": the name ends at its owner
        while tokens and (tokens[-1].lower_ in POSSESSIVE or tokens[-1].is_punct):
            tokens = tokens[:-1]
        if tokens and tokens[0].lower_ == "the":
            tokens = tokens[1:]
        while len(tokens) > 1 and tokens[0].pos_ == "VERB" and tokens[0].dep_ != "compound":
            tokens = tokens[1:]  # a clause's first verb the tagger took in: "Praising Celtic" is Celtic
        if kind == "person" and not gender:
            tokens = without_leading_titles(tokens)
        while kind == "person" and len(tokens) > 2 and tokens[-1].lower_ in words.post_nominals:
            tokens = tokens[:-1]  # ``Jane Roe QC``, ``John Doe MP``
        if not tokens or "\n" in span.text or not tokens[0].text[:1].isupper():
            return None
        last = hyphenated_end(tokens[-1])
        name = self.parsed.text[tokens[0].idx:last.idx + len(last)].replace(SOFT_HYPHEN, "")
        start = span.start if gender else tokens[0].i
        return _Found(start, last.i + 1, kind, name, gender=gender)

    def recover_people(self, names: list[_Found]) -> list[_Found]:
        """Organisation, place or other names (a product, a work) that are a known person's surname, or
        first name + surname."""
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
        by_first: dict[str, list[_Found]] = {}
        for group in fullest.values():
            for f in group:
                by_first.setdefault(f.name.split()[0].lower(), []).append(f)
        for found in names:
            if found.type != "person":
                found.actor_key = (found.type, found.name.lower())
                continue
            parts = found.name.split()
            group = fullest.get(parts[-1].lower())
            full = self.nearest_fuller(found, group) if group else None
            if full is None and len(parts) == 1 and parts[0].lower() in by_first:
                # a family name written first (``Lee`` for ``Lee Jae-myung``): the nearest such name
                full = nearest(found, sorted(by_first[parts[0].lower()], key=lambda f: f.start))
            canonical = fullest_form(full, fullest.get(full.name.split()[-1].lower(), [full])) if full else found.name
            found.actor_key = ("person", canonical.lower())
            found.name = canonical

    @staticmethod
    def nearest_fuller(found: _Found, group: list[_Found]) -> _Found | None:
        """The full name that ``found`` shortens: of those named before it, the first introduced (a bare
        ``Biden`` after ``Joe Biden`` and his son ``Hunter Biden`` is the principal), else the first after."""
        fits = [f for f in group if f.name.split()[-len(found.name.split()):] == found.name.split()]
        before = [f for f in fits if f.start <= found.start]
        return before[0] if before else (fits[0] if fits else None)

    # descriptions and roles -------------------------------------------------------------------

    def tie_descriptions(self, names: list[_Found], taken: set[int]) -> None:
        """Appositions and role words before a name: the description joins the person, the role is kept."""
        doc = self.parsed.doc
        for found in names:
            if found.type != "person":
                continue
            for apposition in (self.apposition_after(found), self.apposition_before(found)):
                if apposition is not None:
                    self.add_tied(found, apposition, taken)
            before = self.role_before(found, taken)
            if before is not None:
                self.roles.setdefault(found.actor_key, role_and_affiliation(doc[before[0]:before[1]]))

    def add_known_offices(self, names: list[_Found]) -> None:
        """A well-known leader the text gives no role holds the office the gazetteer lists for the
        article's year ("Mr Blair" in 2005 is the prime minister), so "the prime minister" finds him."""
        year = article_year(self.parsed.article.date)
        if year is None:
            return
        for found in names:
            if found.type == "person" and found.actor_key is not None and found.actor_key not in self.roles:
                leader = leader_in(found.name)
                office = leader.office_in(year) if leader is not None else None
                if office is not None:
                    self.roles[found.actor_key] = (office, None)

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

    def apposition_before(self, found: _Found) -> tuple[int, int] | None:
        """``Another peer, Lord Skidelsky,``: the description the name stands in apposition to."""
        doc = self.parsed.doc
        root = doc[found.start:found.end].root
        head = root.head
        if root.dep_ != "appos" or head.i >= found.start or found.start == 0:
            return None
        span = noun_phrase(head)
        if span is None or span.end > found.start or not self.has_role_word(span):
            return None
        between = doc[span.end:found.start]
        if between and between[0].text == ",":  # ``another witness, former aide Jane Roe``
            if any(t.i < root.left_edge.i for t in between[1:]):
                return None
        elif any(t.text in CLAUSE_BREAKS or t.is_space for t in between):
            return None
        return span.start, span.end

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
        """Unnamed sources of speech (``a Downing Street spokesman said``) become description mentions;
        a definite one (``the minister said``) joins the person the article has been talking about."""
        people = _Pool([f for f in self.found if f.type == "person" and f.kind == "name"
                        and self.in_flow(self.parsed.doc[f.start])])
        named = {i: f for f in people.found for i in range(f.start, f.end)}
        with_roles = [(f, set(self.role_words(f.actor_key))) for f in people.found if self.role_words(f.actor_key)]
        described: set[tuple[str, str]] = set()
        for head in self.speaker_heads():
            if head.i in taken or head.pos_ == "PRON":
                continue
            span = noun_phrase(head)
            name = description_name(span) if span else ""
            if not name or self.names_a_person(span, named):
                continue
            own = ("description", name.lower())
            key = self.tied.get(name.lower()) or self.organisation_for(head) \
                or (own if own in described else None) or self.anaphor(head, people, with_roles) \
                or self.earlier_description(head) or own
            described.add(key)
            gender = "female" if head.lower_ in speaker_words().female_roles else None
            self.found.append(_Found(span.start, span.end, key[0], name, "description", gender, key))
            taken.update(range(span.start, span.end))

    def refer_roles(self, taken: set[int]) -> None:
        """``the president``, ``the prime minister`` as a party anywhere in a sentence: the person named
        before whose role holds every word of the description, and no rank it leaves out."""
        doc = self.parsed.doc
        people = [f for f in self.found if f.type == "person" and f.kind == "name" and self.in_flow(doc[f.start])]
        roles = {f.actor_key: self.role_and_affiliation_words(f.actor_key) for f in people}
        for head, lefts in self.definite_person_words(taken, speaker_words().person_roles):
            if any(c.dep_ == "prep" and c.lower_ == "of" for c in head.children):
                continue
            said = {t.lower_ for t in lefts[1:]} | {head.lower_}
            fitting = [f for f in people if f.start < head.i and said <= roles[f.actor_key]
                       and not (roles[f.actor_key] & RANKS) - said]
            key = fitting[-1].actor_key if fitting else self.earlier_description(head)
            if key is not None:
                self.found.append(_Found(lefts[0].i, head.i + 1, key[0], key[1], "description", actor_key=key))
                taken.update(range(lefts[0].i, head.i + 1))

    def definite_person_words(self, taken: set[int], nouns: Iterable[str]) -> Iterable[tuple[Token, list[Token]]]:
        """Singular person nouns after ``the`` and their modifiers (``the prime minister``), in the text
        flow and not yet part of a mention, with the words before them from ``the`` on."""
        bodies = speaker_words().organisation_heads
        for head in self.parsed.tokens:
            if head.i in taken or head.tag_ != "NN" or head.lower_ not in nouns or head.lower_ in bodies \
                    or not self.in_flow(head):
                continue
            lefts = list(head.lefts)
            if lefts and lefts[0].lower_ == "the" and head.i - lefts[0].i == len(lefts):
                yield head, lefts

    def earlier_description(self, head: Token) -> tuple[str, str] | None:
        """``the president`` after ``the Brazilian president``: the last description before it with the same
        head word, every word said here and no rank left out."""
        said = {t.lower_ for t in head.lefts if t.pos_ != "DET"} | {head.lower_}
        for found in reversed(self.found):
            words = set(found.name.lower().split())
            if found.kind == "description" and found.start < head.i and found.actor_key is not None \
                    and found.actor_key[0] == "description" and found.name.lower().split()[-1:] == [head.lower_] \
                    and said <= words and not (words & RANKS) - said:
                return found.actor_key
        return None

    def refer_nationals(self, taken: set[int]) -> None:
        """``the Australian national``, ``the Iranian-born journalist``: a definite person word with a
        nationality is the person the text has been talking about, and tells that person's country."""
        doc = self.parsed.doc
        pool = _Pool([f for f in self.found if self.is_person(f) and self.in_flow(doc[f.start])])
        for head, lefts in self.definite_person_words(taken, speaker_words().person_roles | NATIONAL_NOUNS):
            if not any(adjective_of(t.text.split("-")[0]) for t in lefts[1:] if t.text[:1].isupper()):
                continue
            found = self.antecedent(head, None, pool)
            if found is not None and found.type == "person":
                self.found = [f for f in self.found if not lefts[0].i <= f.start < head.i]  # the demonym's own mention
                self.found.append(_Found(lefts[0].i, head.i + 1, "person", found.name, "description",
                                         actor_key=found.actor_key))
                taken.update(range(lefts[0].i, head.i + 1))

    def role_and_affiliation_words(self, key: tuple[str, str] | None) -> set[str]:
        role, affiliation = self.roles.get(key, (None, None)) if key else (None, None)
        return {word.lower() for text in (role, affiliation) if text for word in text.split()}

    def names_a_person(self, span: Span, named: dict[int, _Found]) -> bool:
        """The phrase holds a person's name that is not just a possessor or modifier (``Tony Blair's
        spokesman``, ``Biden administration officials``)."""
        doc = self.parsed.doc
        return any(i in named and doc[named[i].start:named[i].end].root.dep_ not in NAME_MODIFIER_DEPS
                   for i in range(span.start, span.end))

    def role_words(self, key: tuple[str, str] | None) -> list[str]:
        role = self.roles.get(key, (None, None))[0] if key else None
        return role.split() if role else []

    def anaphor(self, head: Token, people: _Pool,
                with_roles: list[tuple[_Found, set[str]]]) -> tuple[str, str] | None:
        """``the minister``, ``Scotland's first minister``: the person of that role named nearby."""
        words = speaker_words()
        definite = any(t.lower_ == "the" or (t.dep_ == "poss" and t.ent_type_ != "PERSON") for t in head.lefts)
        if not definite or head.tag_ not in ("NN", "NNP") or head.lower_ not in words.person_roles \
                or head.lower_ in words.organisation_heads:
            return None
        family = words.role_family.get(head.lower_, frozenset({head.lower_}))
        said = {t.lower_ for t in head.lefts}
        before = [f for f, role in with_roles if head.lower_ in role and not (role & RANKS) - said and f.start < head.i]
        if before:
            return before[-1].actor_key
        # a person the article gives a role of another kind is not meant by this one
        unlike = {f.actor_key for f, role in with_roles if not family & role or (role & RANKS) - said}
        found = self.antecedent(head, None, people, unlike)
        if found is None and self.in_lead(head):
            found = people.first_after(head.i, self.parsed)
        return found.actor_key if found else None

    def in_lead(self, token: Token) -> bool:
        """In the headline, deck or first paragraph, where a description may come before the name."""
        block = self.parsed.block_at(token.idx)
        blocks = self.parsed.layout.blocks
        first_paragraph = next((b.index for b in blocks if b.kind == "paragraph"), None)
        return block is not None and first_paragraph is not None and block.index <= first_paragraph

    def speaker_heads(self) -> Iterable[Token]:
        """Subjects of speech verbs, role words as subjects (``the spokesman declined``) and objects of
        ``according to``: where unnamed speakers stand."""
        lexicon = cues()
        roles = speaker_words().person_roles
        for token in self.parsed.tokens:
            if token.dep_ == "nsubj" and token.lower_ in roles and token.tag_ in ("NN", "NNS"):
                yield token
            elif lexicon.is_verb_cue(token):
                yield from (child for child in token.children if child.dep_ == "nsubj" and child.lower_ not in roles
                            and not lexicon.is_noun_cue(child))
            elif token.lower_ == "to" and token.i > 0 and token.nbor(-1).lower_ == "according":
                yield from (child for child in token.children
                            if child.dep_ == "pobj" and lexicon.lemma(child) not in lexicon.documents)

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
        """He, she and their forms, each pointed at the nearest fitting person in the text flow, and
        ``it`` or ``they`` speaking, at the body that spoke just before; a resolved pronoun is itself an
        antecedent for the next."""
        doc = self.parsed.doc
        pronouns = speaker_words().pronouns
        pool = _Pool([f for f in self.found if self.is_person(f) and self.in_flow(doc[f.start])])
        sources = _Pool([f for f in self.found if not self.is_person(f) and f.type != "country"
                         and (self.is_speaker(f) or self.is_acting_body(f)) and self.in_flow(doc[f.start])])
        resolved = []
        for token in self.parsed.tokens:
            gender = pronouns.get(token.lower_, (None,))[0]
            if gender not in ("male", "female", "neuter", "plural") or token.i in taken or not self.in_flow(token):
                continue
            if gender in ("male", "female"):
                antecedent = self.antecedent(token, gender, pool)
            else:
                antecedent = self.speaking_body(token, sources)
            if antecedent is not None:
                found = _Found(token.i, token.i + 1, antecedent.type, antecedent.name, "pronoun",
                               gender if gender in ("male", "female") else None, antecedent.actor_key)
                resolved.append(found)
                (pool if found.gender else sources).add(found)
        return resolved

    def speaking_body(self, token: Token, sources: _Pool) -> _Found | None:
        """``It added``, ``they said``: the organisation or group that spoke in the sentences just before."""
        if token.dep_ != "nsubj" or not cues().is_verb_cue(token.head):
            return None
        before = sources.before(token.i)
        if not before or token.sent.start - self.parsed.doc[before[-1].start].sent.start > SPEAKING_BODY_REACH:
            return None
        return before[-1]

    def is_person(self, found: _Found) -> bool:
        """A person, or a description of one (a singular role word that is no organisation's)."""
        if found.actor_key is None or found.actor_key[0] not in ("person", "description"):
            return False
        if found.type == "person":
            return True
        head = self.parsed.doc[found.start:found.end].root
        words = speaker_words()
        return head.tag_ in ("NN", "NNP") and head.lower_ in words.person_roles \
            and head.lower_ not in words.organisation_heads

    def antecedent(self, token: Token, gender: str | None, pool: _Pool,
                   excluded: set[tuple[str, str] | None] = frozenset()) -> _Found | None:
        """A subject before ``token`` in its own sentence, else, in the nearest earlier sentence with a
        fitting person, its speaker, its main subject, any subject or its first person not named as a
        possessor, in that order. A subject's
        antecedent never lies inside its own clause, and a speaker's never in the words reported
        (``Blair has failed, he claimed``)."""
        doc = self.parsed.doc
        fitting = [f for f in pool.before(token.i) if (gender is None or self.gender_of(f) in (None, gender))
                   and f.actor_key not in excluded]
        own = token.sent.start
        if token.dep_ in SUBJECTS:
            clause = token.head.head if token.head.dep_ == "parataxis" else token.head
            fitting = [f for f in fitting if not clause.left_edge.i <= f.start <= clause.right_edge.i
                       or self.is_speaker(f)]
        same = [f for f in fitting if f.start >= own and _is_subject_phrase(doc[f.start:f.end])]
        if same:
            return same[-1]
        earlier = [f for f in fitting if f.start < own]
        if not earlier or self.paragraphs_between(doc[earlier[-1].start], token) > MAX_PARAGRAPHS_BACK:
            return None
        sentence = doc[earlier[-1].start].sent.start
        in_sentence = [f for f in earlier if doc[f.start].sent.start == sentence]
        speakers = [f for f in in_sentence if self.is_speaker(f)]
        main = [f for f in in_sentence if doc[f.start:f.end].root.head.dep_ == "ROOT"
                and _is_subject_phrase(doc[f.start:f.end])]
        subjects = [f for f in in_sentence if _is_subject_phrase(doc[f.start:f.end])]
        unowned = [f for f in in_sentence if doc[f.start:f.end].root.dep_ != "poss"]
        return (speakers or main or subjects or unowned or in_sentence)[0]

    def is_acting_body(self, found: _Found) -> bool:
        """An organisation as the subject of any verb (``the commission issued a statement``): what a
        following ``it said`` may point back at."""
        return found.type == "organisation" and _is_subject_phrase(self.parsed.doc[found.start:found.end])

    def is_speaker(self, found: _Found) -> bool:
        """The subject of a verb of saying."""
        root = self.parsed.doc[found.start:found.end].root
        return root.dep_ == "nsubj" and cues().is_verb_cue(root.head)

    def paragraphs_between(self, earlier: Token, later: Token) -> int:
        first, second = self.parsed.block_at(earlier.idx), self.parsed.block_at(later.idx)
        return second.index - first.index if first is not None and second is not None else 0

    def gender_of(self, found: _Found) -> str | None:
        return found.gender or (self.genders.get(found.actor_key) if found.actor_key else None)

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
        """Actors named by their names first, so a description joining a person never names it; a pull
        quote, a layout repeat, lends its names to the grouping but adds no mention."""
        shown = [f for f in self.found if self.parsed.in_text_flow(doc[f.start].idx)]
        for found in shown:
            if found.kind == "name":
                self.actor_for(found)
        mentions = []
        for found in shown:
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


def article_year(date: str | None) -> int | None:
    return int(date[:4]) if date and date[:4].isdigit() else None


def join_acronyms(names: list[_Found]) -> None:
    """An organisation's initials (``PPP`` after ``the People Power Party``) name the same actor."""
    by_initials: dict[str, tuple[str, str]] = {}
    for found in names:
        if found.type == "organisation" and found.actor_key is not None and len(found.name.split()) > 1:
            by_initials.setdefault(initials(found.name), found.actor_key)
    for found in names:
        if found.type == "organisation" and found.name.isupper() and found.name.isalpha() \
                and found.name in by_initials:
            found.actor_key = by_initials[found.name]
            found.name = by_initials[found.name][1]


def initials(name: str) -> str:
    """``People Power Party`` → ``PPP``; small words (of, the, and) give no letter."""
    return "".join(word[0] for word in name.split() if word[:1].isupper())


def fullest_form(full: _Found, group: list[_Found]) -> str:
    """The longest name that ends with ``full``'s words (``John Robert Smith`` for ``Robert Smith``); two
    people who share only a surname (``Lucia Ortiz`` and her uncle ``Samuel Ortiz``) stay apart."""
    words = full.name.split()
    longer = [f.name for f in group if f.name.split()[-len(words):] == words]
    return max(longer, key=lambda n: len(n.split()), default=full.name)


def nearest(found: _Found, fits: list[_Found]) -> _Found | None:
    """Of names in text order, the nearest one before ``found``, else the first after."""
    before = [f for f in fits if f.start <= found.start]
    return before[-1] if before else (fits[0] if fits else None)


def whole_name(ent: Span) -> Span:
    """A person's name with the capitalised words the tagger left out after it but the parse puts in the
    same name (``Yoon Suk`` + ``Yeol``)."""
    doc = ent.doc
    end = ent.end
    if ent.label_ != "PERSON":
        return ent
    while end < len(doc) and doc[end].pos_ == "PROPN" and doc[end].is_title and not doc[end].ent_type_ \
            and any(t.head.i == end for t in doc[ent.start:end]):
        end += 1
    return doc[ent.start:end]


def without_leading_titles(tokens: list[Token]) -> list[Token]:
    """``Tory Liam Fox`` → ``Liam Fox``, ``Chancellor Gordon Brown`` → ``Gordon Brown``, ``Foreign Office
    Spokesperson Jane Doe`` → ``Jane Doe``: everything up to the last role word, two names left at least."""
    words = speaker_words()
    last_role = max((n for n, t in enumerate(tokens[:-2]) if t.lower_ in words.person_roles), default=None)
    if last_role is not None:
        tokens = tokens[last_role + 1:]
    while len(tokens) > 2 and (tokens[0].lower_ in words.name_prefixes or tokens[0].lower_ in words.person_roles):
        tokens = tokens[1:]
    return tokens


def titled_person(ent: Span) -> Span | None:
    """An organisation name that is a role title and a person's name (``Harbour Superintendent Jane Doe``,
    ``Jane Doe QC``): the two or three capitalised names beside the role word."""
    roles = speaker_words().person_roles
    if ent[-1].lower_ in speaker_words().post_nominals and 3 <= len(ent) <= 4 and all(t.pos_ == "PROPN" and t.is_title for t in ent[:-1]):
        return ent[:-1]  # ``Jane Roe QC``
    positions = [t.i for t in ent if t.lower_ in roles]
    if not positions or ent[-1].lower_ in speaker_words().organisation_heads:  # ``People Power Party``
        return None
    rest = ent.doc[positions[-1] + 1:ent.end]
    if len(rest) in (2, 3) and all(t.pos_ == "PROPN" and t.is_title for t in rest):
        return rest
    return None


def is_known_body(name: str) -> bool:
    entry = lookup(name)
    return entry is not None and entry.type == "organisation"


def names_a_body(name: Span) -> bool:
    """A name set after a word for a body (``the Catholic movement Opus Dei``, ``the group Hamas``)."""
    before = name.doc[name.start - 1] if name.start > 0 else None
    return before is not None and before.lower_ in speaker_words().organisation_heads and before.pos_ == "NOUN" \
        and (name.root.head == before or before.head == name.root)


def is_faith_or_kind_word(ent: Span) -> bool:
    """``a Christian missionary``, ``Jewish settlers``: a one-word group adjective of no state, before the
    people it qualifies, describes them and is no party of its own (``Arab states`` are states, a party)."""
    word = ent[0]
    return ent.label_ == "NORP" and len(ent) == 1 and word.dep_ in ("amod", "compound", "nmod") \
        and word.head.pos_ == "NOUN" and word.head.i > word.i and word.head.lemma_.lower() not in POLITY_NOUNS \
        and lookup(word.text) is None and adjective_of(word.text) is None


def follows_a_title(ent: Span) -> bool:
    """``President Jan Novak`` where the tagger took the name for a place or a body: two or three
    capitalised words no gazetteer knows, right after a capitalised role word."""
    doc = ent.doc
    before = doc[ent.start - 1] if ent.start > 0 else None
    return before is not None and before.is_title and before.lower_ in speaker_words().person_roles \
        and 2 <= len(ent) <= 3 and all(t.pos_ == "PROPN" and t.is_title for t in ent) and lookup(ent.text) is None


def is_title_of_next_name(ent: Span) -> bool:
    """``Ruritania President`` right before ``Jan Novak``: an entity ending in a role word that titles the
    person named next, no actor of its own."""
    doc = ent.doc
    return ent[-1].lower_ in speaker_words().person_roles and ent.end < len(doc) \
        and doc[ent.end].ent_type_ == "PERSON" and doc[ent.end].ent_iob_ == "B"


def is_title_word(name: Span) -> bool:
    """One capitalised word that qualifies the role word after it and names no known body or sector
    (``Research and Advocacy Director``, ``Supreme Leader``, unlike ``Army officer``): part of a title."""
    after = name.doc[name.end] if name.end < len(name.doc) else None
    return len(name) == 1 and after is not None and after.lower_ in speaker_words().person_roles \
        and after.is_ancestor(name[0]) and not (lookup(name.text) or adjective_of(name.text) or head_sector(name.text))


def person_after_place(ent: Span) -> Span | None:
    """A place or body the tagger fused with the name after it (``envoy to Ruritania Jan Novak``,
    ``ambassador to the European Union Jan Novak``): the first name and surname, when the first name is
    a known one or the surname stands alone elsewhere in the article."""
    words = speaker_words()
    rest = ent[len(ent) - 2:]
    if len(ent) < 3 or lookup(ent[:len(ent) - 2].text) is None \
            or not all(t.pos_ == "PROPN" and t.is_title and t.lower_ not in words.organisation_heads
                       and t.lower_ not in words.person_roles and lookup(t.text) is None for t in rest):
        return None
    surname = rest[-1]
    alone = any(t.text == surname.text and t.i not in range(ent.start, ent.end) and t.pos_ == "PROPN"
                and not (t.i > 0 and t.nbor(-1).is_title and t.nbor(-1).pos_ == "PROPN") for t in ent.doc)
    return rest if alone or rest[0].lower_ in words.first_name_gender else None


def hyphenated_end(token: Token) -> Token:
    """The last token of a hyphenated name that ``token`` starts: ``Kilroy`` → the ``Silk`` of ``Kilroy-Silk``."""
    doc = token.doc
    while token.i + 2 < len(doc) and not token.whitespace_ and doc[token.i + 1].text == "-" \
            and not doc[token.i + 1].whitespace_ and doc[token.i + 2].is_title:
        token = doc[token.i + 2]
    return token


class _Pool:
    """Mentions in text order, searchable by position; new ones may be added as they resolve."""

    def __init__(self, found: list[_Found]) -> None:
        self.found = sorted(found, key=lambda f: f.start)
        self.starts = [f.start for f in self.found]

    def before(self, i: int) -> list[_Found]:
        end = bisect_left(self.starts, i)
        return self.found[max(0, end - ANTECEDENT_WINDOW):end]

    def first_after(self, i: int, parsed: ParsedArticle) -> _Found | None:
        """The first person named after token ``i`` within the next paragraphs: a lead's cataphora."""
        index = bisect_right(self.starts, i)
        if index >= len(self.found):
            return None
        found = self.found[index]
        doc = parsed.doc
        here, there = parsed.block_at(doc[i].idx), parsed.block_at(doc[found.start].idx)
        close = here is None or there is None or there.index - here.index <= MAX_PARAGRAPHS_BACK
        return found if close else None

    def add(self, found: _Found) -> None:
        index = bisect_right(self.starts, found.start)
        self.found.insert(index, found)
        self.starts.insert(index, found.start)


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
    person = head.lower_ in speaker_words().person_roles
    for child in head.rights:
        if not is_describing(child, person) or any(t.text in CLAUSE_BREAKS for t in doc[end:child.right_edge.i + 1]):
            break
        end = child.right_edge.i + 1
    return doc[start:end] if end > start else None


def is_describing(modifier: Token, person: bool) -> bool:
    """A modifier after a head noun that says which one is meant: ``of the party``, and for people
    ``within the ruling party``, ``briefed on the talks``, ``familiar with the plan`` (not ``reports seen by
    the agency``: a relay is no part of a document's name)."""
    if modifier.dep_ == "prep":
        return modifier.lower_ in PREPOSITIONS_OF_AFFILIATION or (person and modifier.lower_ in PREPOSITIONS_OF_CIRCLE)
    if not person:
        return False
    if modifier.dep_ == "acl":  # a participle, though the tagger may call it a past tense
        return modifier.tag_ in ("VBN", "VBG", "VBD") and not any(c.dep_ in SUBJECTS for c in modifier.children)
    return modifier.dep_ == "amod" and any(c.dep_ == "prep" for c in modifier.children)


def description_name(span: Span) -> str:
    """A description without its article or quantifier: "a Downing Street spokesman" → "Downing Street spokesman"."""
    tokens = [t for t in span if not t.is_space]
    while tokens and (tokens[0].pos_ in ("DET", "NUM") or tokens[0].is_punct or tokens[0].lower_ in QUANTIFIERS):
        tokens = tokens[1:]
    while tokens and tokens[-1].is_punct:
        tokens = tokens[:-1]
    if not tokens:
        return ""
    return span.doc[tokens[0].i:tokens[-1].i + 1].text


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
