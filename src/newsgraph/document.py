"""The parsed document: an article, its layout and its spaCy parse, read by every later stage."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property

from spacy.tokens import Doc, Token

from .model import Article, Block, Layout


@dataclass
class ParsedArticle:
    article: Article
    layout: Layout
    doc: Doc

    @property
    def text(self) -> str:
        return self.article.text

    @cached_property
    def tokens(self) -> list[Token]:
        """The Doc's tokens, made once: each pass over a Doc builds every Token object anew."""
        return list(self.doc)

    def block_at(self, offset: int) -> Block | None:
        return self.layout.block_at(offset)

    def in_text_flow(self, offset: int) -> bool:
        """False inside a pull quote: a layout repeat, not a new statement."""
        block = self.block_at(offset)
        return block is None or block.kind != "pullquote"
