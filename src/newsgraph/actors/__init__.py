"""Mentions and actors: who the article talks about, resolved to one actor per entity."""

from ..document import ParsedArticle
from .enrich import enrich
from .index import ActorIndex
from .resolve import find_actors as resolve_actors

__all__ = ["ActorIndex", "find_actors"]


def find_actors(parsed: ParsedArticle) -> ActorIndex:
    """The resolver's actors, enriched with gazetteer facts and merged per entity."""
    return enrich(resolve_actors(parsed), parsed)
