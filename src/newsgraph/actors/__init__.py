"""Mentions and actors: who the article talks about, resolved to one actor per entity."""

from .index import ActorIndex
from .resolve import find_actors

__all__ = ["ActorIndex", "find_actors"]
