"""The actor gazetteer: countries with their names, adjectives and seats of government, regions,
organisations, and role words mapped to CAMEO-style sectors.

Everything is read once per process from the data files in ``newsgraph/data/gazetteer`` (plus pycountry
for official country names) into plain dictionaries; every lookup is a dictionary access.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections import defaultdict
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from typing import Literal

import pycountry
from spacy.tokens import Doc, Span

EntryType = Literal["country", "region", "organisation", "person"]
Form = Literal["name", "adjective", "people"]

APOSTROPHES = str.maketrans({"’": "'", "‘": "'"})
POSSESSIVE = re.compile(r"(?:'s|')$")
WORD = re.compile(r"\w+")
CAPITALS_WORD = re.compile(r"\b[A-Z]{4,}\b")
SECTOR_WORD = re.compile(r"[a-z][a-z'.-]*")
CLAUSE_BREAK = re.compile(r"\b(?:of|in|from|for|at|on|with|loyal to|based in)\b")
HITS_KEY = "newsgraph.gazetteer_hits"
# "anti-American protesters", "pro-Russian separatists", "non-EU workers": a stance, not a membership
STANCE_PREFIX = re.compile(r"\b(?:anti|pro|non)-$", re.IGNORECASE)
# "Israeli-occupied West Bank", "Iranian-backed militias", "Chinese-made drones": the country acts on the
# thing, is not it
STANCE_SUFFIX = re.compile(r"-(?:occupied|backed|controlled|sponsored|funded|held|allied|supported|friendly"
                           r"|made|built|manufactured|supplied|trained|armed|designed)\b")
# "ethnic Albanians in south Serbia", "Albanians of southern Serbia": the place, not the people, is coded
ETHNIC_BEFORE = re.compile(r"\bethnic\s+$", re.IGNORECASE)
OF_AFTER = re.compile(r"\s+of\b")
OFFICE_YEARS = re.compile(r"(.+?)\s+(\d{4})-(\d{4})?")
FORMER = re.compile(r"\b(?:former|ousted|deposed|exiled|ex-)", re.IGNORECASE)


@dataclass(frozen=True)
class Entry:
    """One thing the gazetteer knows: a country, a region, an organisation or a well-known leader."""

    name: str
    type: EntryType
    code: str | None
    country: str | None
    sector: str | None = None
    organisation: str | None = None
    parent: str | None = None
    offices: tuple[Office, ...] = ()

    def office_in(self, year: int) -> str | None:
        """The office the leader held in the year (a leader is news long after leaving office, so an
        article of no known date tells none)."""
        held = {o.title for o in self.offices if o.held_in(year)}
        return held.pop() if len(held) == 1 else None


@dataclass(frozen=True)
class Office:
    """An office a known leader held, and the years (an open end: still held)."""

    title: str
    start: int
    end: int | None

    def held_in(self, year: int) -> bool:
        return self.start <= year <= (self.end if self.end is not None else year)


@dataclass(frozen=True)
class Hit:
    """A gazetteer form found in a text: its exact characters and how it names the entry."""

    start: int
    end: int
    text: str
    entry: Entry
    form: Form


def normalise_form(text: str) -> str:
    """A name as the gazetteer stores it: straight apostrophes, no leading "the", no possessive."""
    text = " ".join(text.translate(APOSTROPHES).split()).strip(" ,;:")
    if text[:4].lower() == "the ":
        text = text[4:]
    return POSSESSIVE.sub("", text)


def is_acronym(form: str) -> bool:
    """Short all-capital forms (US, UN, WHO) are matched only in their own case."""
    letters = form.replace(".", "")
    return letters.isupper() and len(letters) <= 5


def split_field(value: str) -> list[str]:
    return [part.strip() for part in value.split("|") if part.strip()]


def read_rows(name: str, width: int) -> list[list[str]]:
    """Rows of a tab-separated data file, comments and blank lines skipped, padded to ``width``."""
    text = resources.files("newsgraph.data").joinpath("gazetteer", name).read_text("utf-8")
    rows = []
    for line in text.splitlines():
        if line.strip() and not line.startswith("#"):
            cells = [cell.strip() for cell in line.split("\t")]
            rows.append(cells + [""] * (width - len(cells)))
    return rows


FormIndex = defaultdict[str, list[tuple[str, Entry | None, Form]]]


def index_form(index: FormIndex, form: str, entry: Entry | None, kind: Form) -> None:
    """File a form under its first word, the key the scanner looks up at each word of a text."""
    first_word = WORD.match(form)
    if first_word and all(known != form for known, _, _ in index[first_word.group()]):
        index[first_word.group()].append((form, entry, kind))


class Gazetteer:
    """All gazetteer tables, built once (see ``gazetteer()``)."""

    def __init__(self) -> None:
        self.names: dict[str, Entry] = {}
        self.folded: dict[str, Entry] = {}
        self.adjectives: dict[str, Entry] = {}
        self.countries: dict[str, Entry] = {}
        self.forms: FormIndex = defaultdict(list)
        self.leader_forms: FormIndex = defaultdict(list)
        self.sectors: dict[str, tuple[str, bool]] = {}
        self.generic_heads: set[str] = set()
        self.cameo: dict[str, str] = {}
        self.load_countries()
        self.load_regions()
        self.load_peoples()
        self.load_organisations()
        self.load_seats()
        self.load_blocked()
        self.load_leaders()
        self.load_sectors()
        self.load_cameo_codes()
        for index in (self.forms, self.leader_forms):
            for candidates in index.values():
                candidates.sort(key=lambda candidate: -len(candidate[0]))
        self.longest_sector_phrase = max(len(phrase.split()) for phrase in self.sectors)

    def add(self, form: str, entry: Entry | None, kind: Form = "name") -> None:
        """Register a surface form; the first entry given a form keeps it."""
        form = normalise_form(form)
        if not form:
            return
        index_form(self.forms, form, entry, kind)
        if entry is None:
            return
        table = self.names if kind == "name" else self.adjectives
        table.setdefault(form, entry)
        if not is_acronym(form):
            (self.folded if kind == "name" else self.adjectives).setdefault(form.lower(), entry)

    def add_forms(self, entry: Entry, names: list[str], adjectives: list[str], people: list[str]) -> None:
        for name in names:
            self.add(name, entry, "name")
        for adjective in adjectives:
            self.add(adjective, entry, "adjective")
        for person in people:
            self.add(person, entry, "people")

    def load_countries(self) -> None:
        for code, name, others, adjectives, people in read_rows("countries.tsv", 5):
            entry = self.countries[code] = Entry(name, "country", code, code)
            self.add_forms(entry, [name, *split_field(others)], split_field(adjectives), split_field(people))
        for country in pycountry.countries:
            entry = self.countries.get(country.alpha_3)
            if entry is None:
                name = getattr(country, "common_name", country.name)
                entry = self.countries[country.alpha_3] = Entry(name, "country", country.alpha_3, country.alpha_3)
            official = [getattr(country, attr, "") for attr in ("name", "official_name", "common_name")]
            self.add_forms(entry, [name for name in official if name and ", " not in name], [], [])

    def load_regions(self) -> None:
        for name, others, parent, adjectives, people in read_rows("regions.tsv", 5):
            entry = Entry(name, "region", None, parent or None, parent=parent or None)
            self.add_forms(entry, [name, *split_field(others)], split_field(adjectives), split_field(people))

    def load_peoples(self) -> None:
        for code, adjectives, people in read_rows("peoples.tsv", 3):
            self.add_forms(self.countries[code], [], split_field(adjectives), split_field(people))

    def load_organisations(self) -> None:
        for name, code, others, sector, country in read_rows("organisations.tsv", 5):
            entry = Entry(name, "organisation", code, country or None, sector or None, name)
            self.add_forms(entry, [name, *split_field(others)], [], [])

    def load_seats(self) -> None:
        for name, code, sector in read_rows("seats.tsv", 3):
            country = self.countries[code]
            self.add(name, Entry(country.name, "country", code, code, sector or None), "name")

    def load_blocked(self) -> None:
        text = resources.files("newsgraph.data").joinpath("gazetteer", "not_actors.txt").read_text("utf-8")
        for line in text.splitlines():
            if line.strip() and not line.startswith("#"):
                self.add(line.strip(), None)

    def load_leaders(self) -> None:
        for name, others, country, organisation, sector, offices in read_rows("leaders.tsv", 6):
            entry = Entry(name, "person", None, country or None, sector or None, organisation or None,
                          offices=tuple(map(parse_office, split_field(offices))))
            for form in (name, *split_field(others)):
                index_form(self.leader_forms, normalise_form(form), entry, "name")

    def load_sectors(self) -> None:
        for phrase, sector, strength in read_rows("sectors.tsv", 3):
            if strength == "generic":
                self.generic_heads.add(phrase.lower())
            else:
                self.sectors[phrase.lower()] = (sector, strength == "head")

    def load_cameo_codes(self) -> None:
        for cameo, iso in read_rows("cameo_countries.tsv", 2):
            self.cameo[cameo] = iso


def parse_office(text: str) -> Office:
    """"prime minister 1997-2007", "president 2017-": the title and its years."""
    found = OFFICE_YEARS.fullmatch(text)
    if found is None:
        raise ValueError(f"leaders.tsv: office {text!r} has no years")
    return Office(found.group(1), int(found.group(2)), int(found.group(3)) if found.group(3) else None)


@lru_cache(maxsize=1)
def gazetteer() -> Gazetteer:
    """The process-wide gazetteer, built on first use."""
    return Gazetteer()


@lru_cache(maxsize=65536)
def lookup(text: str) -> Entry | None:
    """The entry a whole name denotes ("Nato", "the Kremlin", "South Ossetia"), or None."""
    tables = gazetteer()
    form = normalise_form(text)
    return tables.names.get(form) or (None if is_acronym(form) else tables.folded.get(form.lower()))


@lru_cache(maxsize=65536)
def adjective_of(text: str) -> Entry | None:
    """The country or region an adjective or demonym refers to ("Russian", "Palestinians")."""
    form = normalise_form(text)
    tables = gazetteer()
    return tables.adjectives.get(form) or tables.adjectives.get(form.lower())


@lru_cache(maxsize=1)
def national_titles() -> dict[str, str]:
    """Titles only one country's politics uses (``Rep.``, ``Gov.``), lower-cased, with that country."""
    return {title.lower(): country for title, country in read_rows("national_titles.tsv", 2)}


@lru_cache(maxsize=1)
def namesake_parties() -> frozenset[str]:
    """Party names many countries share (``Democratic Party``)."""
    return frozenset(row[0] for row in read_rows("namesake_parties.txt", 1))


def country_entry(code: str) -> Entry | None:
    """The country entry of an ISO alpha-3 code."""
    return gazetteer().countries.get(code)


def find_hits(text: str) -> list[Hit]:
    """Gazetteer forms in ``text``, case-sensitive, longest first, not overlapping, left to right; a word in
    capitals that is no form itself is read as capitalised ("RUSSIA WARNS GEORGIA" in a wire headline)."""
    return scan(lift_capitals(text, gazetteer().forms), gazetteer().forms)


def lift_capitals(text: str, forms: FormIndex) -> str:
    """``text`` with each all-capitals word of four letters or more that is no form of its own capitalised;
    offsets are kept, so hits still point into ``text``."""
    def lift(word: re.Match[str]) -> str:
        found, titled = word.group(), word.group().capitalize()
        return titled if found not in forms and len(titled) == len(found) else found
    return CAPITALS_WORD.sub(lift, text)


def leader_in(text: str) -> Entry | None:
    """The first well-known leader named in ``text`` ("President Bill Clinton", "Mr Putin")."""
    hits = scan(text, gazetteer().leader_forms)
    return hits[0].entry if hits else None


def scan(text: str, forms: FormIndex) -> list[Hit]:
    """Forms of ``forms`` in ``text``, skipping those with a stance prefix or suffix ("anti-", "-backed")."""
    hits: list[Hit] = []
    covered = 0
    for word in WORD.finditer(text):
        start = word.start()
        if start < covered or word.group() not in forms:
            continue
        for form, entry, kind in forms[word.group()]:
            end = start + len(form)
            if text.startswith(form, start) and not (end < len(text) and is_word_char(text[end], form)):
                covered = end
                if entry is not None and not STANCE_PREFIX.search(text, max(0, start - 6), start) \
                        and not STANCE_SUFFIX.match(text, end):
                    hits.append(Hit(start, end, form, entry, kind))
                break
    return hits


def is_word_char(char: str, form: str) -> bool:
    """Would ``char`` continue the word that ``form`` ends with? ("U.S." may be followed by anything.)"""
    return (char.isalnum() or char == "_") and form[-1].isalnum()


def doc_hits(doc: Doc, text: str) -> list[Hit]:
    """Gazetteer mentions in a parsed text, leaving out forms inside a longer named entity
    ("Jordan" in "Michael Jordan", "Russian" in "the Russian Foreign Ministry"). Cached on the Doc;
    ``text`` is the article text the Doc was parsed from (``Doc.text`` would rebuild it)."""
    cached = doc.user_data.get(HITS_KEY)
    if cached is not None:
        return cached
    entities = [ent for ent in doc.ents if len(ent.text) > 1]
    starts = [ent.start_char for ent in entities]
    hits = []
    for hit in find_hits(text):
        i = bisect_right(starts, hit.start) - 1
        if i < 0 or not inside_longer_name(hit, entities[i]):
            hits.append(hit)
    doc.user_data[HITS_KEY] = hits
    return hits


def inside_longer_name(hit: Hit, ent: Span) -> bool:
    """Is the hit part of a longer entity that names something else? ("the Kremlin" is still the Kremlin.)"""
    return (ent.start_char <= hit.start and hit.end <= ent.end_char
            and normalise_form(ent.text) != hit.text and lookup(ent.text) != hit.entry)


def country_of(text: str) -> str | None:
    """The ISO alpha-3 country a name, adjective, demonym or phrase refers to ("Russian foreign minister");
    None for a phrase an international organisation opens ("the UN envoy to Iraq")."""
    entry = lookup(text) or adjective_of(text)
    if entry is None:
        hits = phrase_hits(text)
        if hits and heads_phrase(text, hits[0]):
            return hits[0].entry.country
        located = [hit for hit in hits if hit.entry.country]
        if len(located) > 1 and names_people_of_a_place(text, located[0]):
            located = located[1:]
        entry = located[0].entry if located else leader_in(text)
    return entry.country if entry else None


def names_people_of_a_place(text: str, hit: Hit) -> bool:
    """Is the hit an ethnic group placed by what follows ("ethnic Albanians in Macedonia",
    "Albanians of southern Serbia")?"""
    return hit.form != "name" and (bool(ETHNIC_BEFORE.search(text[:hit.start])) or bool(OF_AFTER.match(text, hit.end)))


def heads_phrase(text: str, hit: Hit) -> bool:
    """Does an organisation open the phrase as its subject ("the Red Cross operating in Iraq"), rather
    than modify it ("NATO-member Norway")?"""
    return (hit.entry.type == "organisation" and text[:hit.start].strip().lower() in ("", "the")
            and not text[hit.end:].startswith("-"))


def organisation_of(text: str) -> Entry | None:
    """The first organisation named in a phrase ("the Nato spokesman" → NATO)."""
    entry = lookup(text)
    if entry and entry.type == "organisation":
        return entry
    return next((hit.entry for hit in phrase_hits(text) if hit.entry.type == "organisation"), None)


def phrase_hits(text: str) -> list[Hit]:
    """Gazetteer forms in a phrase, less organisation names ending a longer proper name
    ("Congress" in "Trades Union Congress", "Times" in "Sunday Times")."""
    return [hit for hit in find_hits(text) if not (hit.entry.type == "organisation" and continues_name(text, hit))]


def continues_name(text: str, hit: Hit) -> bool:
    before = text[:hit.start].split()
    return bool(before) and before[-1][:1].isupper() and before[-1].lower() != "the"


@lru_cache(maxsize=65536)
def sector_of(role: str) -> str | None:
    """The CAMEO-style sector of a role or group phrase ("foreign minister" → GOV, "rebel leader" → REB).

    The head of the phrase decides: the part before "of"/"in" when it names a sector, and within it the
    rightmost word that names a sector outright; vague words (official, leader) only when nothing else does.
    Names are not role words ("Bank" in "the West Bank"), and a former office holder is an elite (ELI).
    """
    text = without_names(role).lower().translate(APOSTROPHES)
    head_part = CLAUSE_BREAK.split(text, maxsplit=1)[0]
    sector = sector_in(head_part, strong_only=True) or sector_in(text, strong_only=False)
    if sector == "GOV" and FORMER.search(head_part):
        return "ELI"
    return sector


def without_names(text: str) -> str:
    """The text with gazetteer names blanked out, offsets kept."""
    for hit in find_hits(text):
        if hit.form == "name":
            text = text[:hit.start] + " " * (hit.end - hit.start) + text[hit.end:]
    return text


def sector_in(text: str, strong_only: bool) -> str | None:
    tables = gazetteer()
    words = SECTOR_WORD.findall(text)
    found: list[tuple[bool, int, str]] = []
    i = 0
    while i < len(words):
        for size in range(min(tables.longest_sector_phrase, len(words) - i), 0, -1):
            known = tables.sectors.get(" ".join(words[i:i + size]))
            if known:
                found.append((known[1], i, known[0]))
                i += size
                break
        else:
            i += 1
    candidates = [item for item in found if item[0]] or ([] if strong_only else found)
    return max(candidates)[2] if candidates else None


@lru_cache(maxsize=65536)
def head_sector(phrase: str) -> tuple[str, bool] | None:
    """The sector named by the head of a noun phrase, the longest known phrase ending at its last word,
    and whether the head names it outright: "Georgian security forces" → (COP, True), "Nato spokesman"
    → (GOV, False), "military ties" → None (a sector word only as a modifier). Generic heads pass the
    question to their modifier: "opposition candidates" → OPP, "rebel groups" → REB."""
    tables = gazetteer()
    words = SECTOR_WORD.findall(phrase.lower().translate(APOSTROPHES))
    while words:
        for size in range(min(tables.longest_sector_phrase, len(words)), 0, -1):
            known = tables.sectors.get(" ".join(words[-size:]))
            if known:
                return known
        if words[-1] not in tables.generic_heads:
            return None
        words.pop()
    return None


def normalise_country(code: str | None) -> str | None:
    """A country code as newsgraph emits it: CAMEO and retired codes (JAP, ITL, ROM, ZAR) become ISO alpha-3,
    alpha-2 codes become alpha-3; other CAMEO actor codes (IGO, IMG) pass through unchanged."""
    if not code:
        return None
    code = code.strip().upper()
    tables = gazetteer()
    if code in tables.cameo:
        return tables.cameo[code]
    if len(code) == 2:
        country = pycountry.countries.get(alpha_2=code)
        return country.alpha_3 if country else code
    return code
