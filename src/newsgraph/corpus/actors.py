"""Corpus actors: one actor per real entity across all articles.

Within an article the actor stage already joins "Scheffer" to "Jaap de Hoop Scheffer". Across
articles, actors of the same type join when their names are equal (organisations, countries and
groups also by alias: NATO, North Atlantic Treaty Organization); a one-word person name joins the only
full name ending in it whose role and organisation do not disagree with its own; descriptions
("a spokesman") never join across articles.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field


@dataclass(frozen=True)
class ArticleActor:
    article_id: str
    actor_id: str
    name: str
    type: str
    country: str | None
    sector: str | None
    organisation: str | None
    role: str | None
    aliases: tuple[str, ...]
    mentions: int


@dataclass
class CorpusActor:
    corpus_actor_id: str
    members: list[ArticleActor] = field(default_factory=list)

    def row(self) -> dict:
        weights: Counter[str] = Counter()
        for member in self.members:
            weights[member.name] += max(member.mentions, 1)
        is_full = (lambda n: len(n.split()) > 1) if self.members[0].type == "person" else (lambda n: True)
        name = max(weights, key=lambda n: (is_full(n), weights[n], len(n), n))
        aliases = sorted({n for m in self.members for n in (m.name, *m.aliases)} - {name})
        return {"corpus_actor_id": self.corpus_actor_id, "name": name,
                "type": most_common(m.type for m in self.members),
                **self.affiliation(), "role": most_common(m.role for m in self.members),
                "aliases": aliases, "articles": len({m.article_id for m in self.members}),
                "mentions": sum(m.mentions for m in self.members)}


    def affiliation(self) -> dict[str, str | None]:
        """Country, sector and organisation taken together from the articles that agree most.

        Taken one by one, a stray country from one article would join the organisation that the other
        articles give, and describe nobody.
        """
        profiles = Counter((m.country, m.sector, m.organisation) for m in self.members
                           if m.country or m.sector or m.organisation)
        country, sector, organisation = (min(profiles, key=lambda p: (-profiles[p], tuple(v or "" for v in p)))
                                         if profiles else (None, None, None))
        return {"country": country, "sector": sector, "organisation": organisation}


def most_common(values: Iterable[str | None]) -> str | None:
    counts = Counter(v for v in values if v)
    return min(counts, key=lambda v: (-counts[v], v)) if counts else None


def normalise(name: str) -> str:
    name = re.sub(r"[^\w\s-]", "", name.casefold())
    name = re.sub(r"^the\s+", "", name.strip())
    return " ".join(name.split())


def agree(a: str | None, b: str | None) -> bool:
    """Two facts agree unless both are known and differ."""
    return not a or not b or normalise(a) == normalise(b)


class _Groups:
    """Union-find over keys; each group is named by its smallest key."""

    def __init__(self) -> None:
        self.parent: dict[str, str] = {}

    def add(self, key: str) -> None:
        self.parent.setdefault(key, key)

    def find(self, key: str) -> str:
        while self.parent[key] != key:
            self.parent[key] = self.parent[self.parent[key]]
            key = self.parent[key]
        return key

    def join(self, a: str, b: str) -> None:
        first, second = sorted((self.find(a), self.find(b)))
        self.parent[second] = first


def name_key(actor: ArticleActor) -> str:
    if actor.type == "description":
        return f"description:{actor.article_id}:{actor.actor_id}"
    return f"{actor.type}:{normalise(actor.name)}"


def link_group(actor: ArticleActor) -> str:
    """A key that splits the actors into groups that never link across: ``link_actors`` on each group alone
    gives the same corpus actors as on all of them (people join only within a surname, others within a type)."""
    if actor.type == "person":
        return "person:" + (normalise(actor.name).split() or [""])[-1]
    if actor.type == "description":
        return f"description:{actor.article_id}"
    return actor.type


def link_actors(actors: list[ArticleActor]) -> list[CorpusActor]:
    """Group article actors into corpus actors, in a deterministic order."""
    groups = _Groups()
    full_names = [a for a in actors if not is_short_person(a)]
    for actor in full_names:
        groups.add(name_key(actor))
    # People join by full name only: one article's mistaken alias would otherwise chain two people together.
    by_alias = {f"{a.type}:{normalise(alias)}": name_key(a) for a in full_names
                if a.type not in ("description", "person") for alias in a.aliases if normalise(alias)}
    for alias_key, key in by_alias.items():
        if alias_key in groups.parent:
            groups.join(alias_key, key)
    keys = {(a.article_id, a.actor_id): groups.find(name_key(a)) for a in full_names}
    by_surname: dict[str, list[ArticleActor]] = defaultdict(list)
    for full in full_names:
        if full.type == "person":
            by_surname[normalise(full.name).split()[-1]].append(full)
    for actor in actors:
        if is_short_person(actor):
            keys[(actor.article_id, actor.actor_id)] = short_name_key(actor, by_surname, groups)
    linked: dict[str, CorpusActor] = {}
    for actor in actors:
        key = keys[(actor.article_id, actor.actor_id)]
        linked.setdefault(key, CorpusActor(key)).members.append(actor)
    return sorted(linked.values(), key=lambda c: c.corpus_actor_id)


def is_short_person(actor: ArticleActor) -> bool:
    return actor.type == "person" and len(normalise(actor.name).split()) == 1


def short_name_key(actor: ArticleActor, by_surname: dict[str, list[ArticleActor]], groups: _Groups) -> str:
    """A one-word person name: the only compatible full name ending in it, else a key of its own."""
    surname = normalise(actor.name)
    candidates = {groups.find(name_key(full)) for full in by_surname.get(surname, [])
                  if agree(full.role, actor.role) and agree(full.organisation, actor.organisation)}
    if len(candidates) == 1:
        return candidates.pop()
    facts = ":".join(normalise(fact or "") for fact in (actor.role, actor.organisation))
    return f"person:{surname}" + (f":{facts}" if facts != ":" else "")
