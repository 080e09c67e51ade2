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

    def person_named(self, label: str) -> Actor | None:
        """The one person whose name, or its last word, is ``label`` whatever the case (``PENCE``)."""
        wanted = label.casefold()
        found = {actor.id: actor for actor in self.actors if actor.type == "person"
                 and wanted in (actor.name.casefold(), actor.name.split()[-1].casefold())}
        return next(iter(found.values())) if len(found) == 1 else None
