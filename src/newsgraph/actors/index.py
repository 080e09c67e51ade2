"""The actors of one article and the mentions that point at them."""

from __future__ import annotations

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
