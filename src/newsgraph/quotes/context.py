"""Indexes over one parsed article that every quotation rule reads: tokens by offset, mentions, quoted stretches."""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from spacy.tokens import Span as TokenSpan
from spacy.tokens import Token

from ..document import ParsedArticle
from ..model import Mention, Span
from .marks import Quoted, outermost, pair_marks

if TYPE_CHECKING:
    from ..actors import ActorIndex

MENTION_LOOKBACK = 4
KIND_PREFERENCE = {"pronoun": 0, "description": 0, "name": 1}


@dataclass
class QuoteContext:
    parsed: ParsedArticle
    actors: ActorIndex
    stretches: list[Quoted] = field(default_factory=list)
    _token_starts: list[int] = field(default_factory=list, repr=False)
    _stretch_starts: list[int] = field(default_factory=list, repr=False)
    _mention_starts: list[int] = field(default_factory=list, repr=False)

    def __post_init__(self) -> None:
        self.stretches = [q for q in outermost(pair_marks(self.parsed.text)) if q.end > q.start]
        self._token_starts = [t.idx for t in self.parsed.tokens]
        self._stretch_starts = [q.open_at for q in self.stretches]
        self._mention_starts = [m.start for m in self.actors.mentions]

    @property
    def doc(self):
        return self.parsed.doc

    @property
    def text(self) -> str:
        return self.parsed.text

    def token_at(self, offset: int) -> Token | None:
        """The token holding or starting after ``offset``."""
        i = bisect_right(self._token_starts, offset) - 1
        if i < 0:
            i = 0
        if i >= len(self.doc):
            return None
        token = self.doc[i]
        if offset >= token.idx + len(token) and i + 1 < len(self.doc):
            return self.doc[i + 1]
        return token

    def tokens_between(self, start: int, end: int) -> TokenSpan:
        """The tokens starting in [start, end)."""
        return self.doc[bisect_left(self._token_starts, start):bisect_left(self._token_starts, end)]

    def stretch_of(self, offset: int) -> Quoted | None:
        """The outermost quoted stretch holding ``offset``, marks included."""
        i = bisect_right(self._stretch_starts, offset) - 1
        if i < 0:
            return None
        stretch = self.stretches[i]
        return stretch if offset < stretch.after else None

    def quoted(self, token: Token) -> bool:
        """True for a token inside quotation marks, or a mark itself."""
        return self.stretch_of(token.idx) is not None

    def mention_of(self, token: Token) -> Mention | None:
        """The mention holding ``token``: the resolver's description or pronoun, which says who the phrase
        is, before a name or gazetteer reading of the same words; the innermost among equals."""
        last = bisect_right(self._mention_starts, token.idx)
        holding = [m for m in self.actors.mentions[max(0, last - MENTION_LOOKBACK):last]
                   if m.start <= token.idx < m.end]
        return min(holding, key=lambda m: (KIND_PREFERENCE.get(m.kind, 2), m.end - m.start), default=None)

    def mention_in(self, phrase_head: Token) -> Mention | None:
        """The mention for a phrase: its head's own, else a name in apposition to it, else the last inside
        it before any comma, possessors aside."""
        mention = self.mention_of(phrase_head)
        if mention is not None:
            return mention
        for child in phrase_head.rights:  # ``another witness, former adviser Jane Roe``: the name in apposition
            mention = self.mention_of(child) if child.dep_ == "appos" else None
            if mention is not None and mention.kind == "name":
                return mention
        inside = []
        for token in phrase_head.subtree:
            if token.text == "," and token.i > phrase_head.i:
                break
            mention = self.mention_of(token)
            if mention is not None and token.dep_ != "poss":
                inside.append(mention)
        return inside[-1] if inside else None

    def in_flow(self, offset: int) -> bool:
        return self.parsed.in_text_flow(offset)

    def paragraph(self, offset: int) -> int | None:
        block = self.parsed.block_at(offset)
        return block.index if block else None


def token_span(tokens: TokenSpan | list[Token]) -> Span:
    """A model Span over tokens, from the first's start to the last's end."""
    first, last = tokens[0], tokens[-1]
    # Doc.text joins the whole document on every call: slice a span of the doc instead.
    return Span(first.idx, last.idx + len(last), first.doc[first.i:last.i + 1].text)
