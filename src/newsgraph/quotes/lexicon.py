"""The shipped word lists of speech: cue verbs, nouns and phrases, and the words that name speakers."""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

from spacy.tokens import Token


def _load(name: str) -> dict:
    return json.loads(resources.files("newsgraph.data").joinpath("quotes", name).read_text("utf-8"))


@dataclass(frozen=True)
class Cues:
    clause_verbs: frozenset[str]
    quote_verbs: frozenset[str]
    nouns: frozenset[str]
    phrases: tuple[tuple[str, ...], ...]
    not_speech: frozenset[str]
    forms: dict[str, str]
    naming_words: frozenset[str]
    non_speakers: frozenset[str]
    depicting_verbs: frozenset[str]
    documents: frozenset[str]

    def lemma(self, token: Token) -> str:
        return self.forms.get(token.lower_) or token.lemma_.lower()

    def is_verb_cue(self, token: Token) -> bool:
        """A verb of saying: it can attribute a quotation."""
        if token.pos_ not in ("VERB", "AUX") and token.lower_ not in self.forms:
            return False
        lemma = self.lemma(token)
        return lemma in self.clause_verbs or lemma in self.quote_verbs

    def takes_clause(self, token: Token) -> bool:
        """A verb of saying whose complement clause is reported speech."""
        return (token.pos_ in ("VERB", "AUX") or token.lower_ in self.forms) \
            and self.lemma(token) in self.clause_verbs

    def is_noun_cue(self, token: Token) -> bool:
        return token.pos_ == "NOUN" and token.lemma_.lower() in self.nouns


@dataclass(frozen=True)
class SpeakerWords:
    person_roles: frozenset[str]
    female_roles: frozenset[str]
    organisation_heads: frozenset[str]
    honorifics: dict[str, str | None]
    dropped_honorifics: frozenset[str]
    pronouns: dict[str, tuple[str, str]]
    first_name_gender: dict[str, str]
    name_prefixes: frozenset[str]
    role_family: dict[str, frozenset[str]]
    post_nominals: frozenset[str]


@lru_cache(maxsize=1)
def cues() -> Cues:
    data = _load("cues.json")
    return Cues(frozenset(data["clause_verbs"]), frozenset(data["quote_verbs"]), frozenset(data["nouns"]),
                tuple(tuple(p.split()) for p in data["phrases"]), frozenset(data["not_speech"]),
                dict(data["forms"]), frozenset(data["naming_words"]),
                frozenset(data["non_speakers"]), frozenset(data["depicting_verbs"]), frozenset(data["documents"]))


@lru_cache(maxsize=1)
def speaker_words() -> SpeakerWords:
    data = _load("speakers.json")
    genders = {name: "male" for name in data["male_first_names"]}
    genders.update({name: "female" for name in data["female_first_names"]})
    return SpeakerWords(frozenset(data["person_roles"]), frozenset(data["female_roles"]),
                        frozenset(data["organisation_heads"]), dict(data["honorifics"]),
                        frozenset(data["dropped_honorifics"]),
                        {word: (gender, role) for word, (gender, role) in data["pronouns"].items()}, genders,
                        frozenset(data["name_prefixes"]),
                        {word: frozenset(family) for family in data["role_families"] for word in family},
                        frozenset(data["post_nominals"]))
