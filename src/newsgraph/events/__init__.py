"""Events: who did what to whom, coded in PLOVER with CAMEO and Goldstein mappings."""

from __future__ import annotations

from ..actors import ActorIndex
from ..document import ParsedArticle
from ..model import Event, Quote


def extract_events(parsed: ParsedArticle, actors: ActorIndex, quotes: list[Quote]) -> list[Event]:
    """Every political event in the article (built in the events issue)."""
    return []
