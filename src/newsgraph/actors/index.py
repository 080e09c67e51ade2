"""The actors of one article and the mentions that point at them."""

from __future__ import annotations

from bisect import bisect_left
from dataclasses import dataclass, field

from ..model import Actor, ActorRef, Mention


@dataclass
class ActorIndex:
    actors: list[Actor] = field(default_factory=list)
    mentions: list[Mention] = field(default_factory=list)
    _by_id: dict[str, Actor] = field(default_factory=dict, repr=False)

    def __post_init__(self) -> None:
        self.mentions.sort(key=lambda m: (m.start, m.end))
        self._by_id = {actor.id: actor for actor in self.actors}

    def actor(self, actor_id: str) -> Actor:
        return self._by_id[actor_id]

    def ref(self, actor_id: str) -> ActorRef:
        return ActorRef.of(self._by_id[actor_id])

    def mentions_between(self, start: int, end: int) -> list[Mention]:
        """Mentions lying wholly inside [start, end)."""
        i = bisect_left([m.start for m in self.mentions], start)
        found = []
        for mention in self.mentions[i:]:
            if mention.start >= end:
                break
            if mention.end <= end:
                found.append(mention)
        return found

    def mention_covering(self, start: int, end: int) -> Mention | None:
        """The mention overlapping [start, end) the most, if any."""
        best, best_overlap = None, 0
        for mention in self.mentions:
            overlap = min(end, mention.end) - max(start, mention.start)
            if overlap > best_overlap:
                best, best_overlap = mention, overlap
        return best
