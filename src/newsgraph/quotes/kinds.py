"""Quotation or not, and which kind: a whole clause is direct, a fragment partial, a title or term neither."""

from __future__ import annotations

from spacy.tokens import Span as TokenSpan
from spacy.tokens import Token

from .context import QuoteContext
from .lexicon import cues
from .marks import Quoted

SUBJECT_DEPS = ("nsubj", "nsubjpass", "expl", "csubj")
MODIFIER_DEPS = ("compound", "amod", "nmod")
MINOR_TITLE_WORDS = {"a", "an", "the", "of", "in", "on", "and", "or", "for", "to", "at", "by", "with", "from"}
DETERMINERS = {"the", "this", "that", "these", "those"}
SENTENCE_OPENERS = {":", "\n", "—", "–"}
SPOKEN_ENDINGS = {",", "!", "?"}


def content_tokens(ctx: QuoteContext, stretch: Quoted) -> TokenSpan:
    return ctx.tokens_between(stretch.start, stretch.end)


def heads_of(tokens: TokenSpan) -> list[Token]:
    """Tokens whose head lies outside ``tokens``: the roots of the quoted words."""
    first, last = tokens.start, tokens.end
    return [t for t in tokens if not first <= t.head.i < last or t.head.i == t.i]


def is_clause(tokens: TokenSpan) -> bool:
    """At least a clause: a verb with its own subject heads the quoted words, or they hold sentences."""
    words = [t for t in tokens if not (t.is_punct or t.is_space)]
    if not words:
        return False
    first, last = tokens.start, tokens.end
    for head in heads_of(tokens):
        if head.pos_ in ("VERB", "AUX") and any(c.dep_ in SUBJECT_DEPS and first <= c.i < last for c in head.children):
            return True
        if head.pos_ == "VERB" and head.tag_ == "VB" and head.i == words[0].i and head.text[0].isupper():
            return True
    sentence_starts = sum(1 for t in words[1:] if t.is_sent_start)
    return sentence_starts >= 1 and len(words) >= 6


def opens_sentence(ctx: QuoteContext, stretch: Quoted) -> bool:
    """The mark starts a sentence or follows a colon: the quotation stands on its own."""
    i = stretch.open_at - 1
    while i >= 0 and ctx.text[i] in " \t":
        i -= 1
    return i < 0 or ctx.text[i] in SENTENCE_OPENERS or ctx.text[i] in ".!?"


def looks_like_title(tokens: TokenSpan) -> bool:
    """Every main word capitalised: a title or a name, not someone's words."""
    words = [t for t in tokens if t.is_alpha]
    if not words or len(words) > 8:
        return False
    main = [t for t in words if t.lower_ not in MINOR_TITLE_WORDS]
    return bool(main) and all(t.text[0].isupper() for t in main) and any(t.pos_ != "PRON" for t in main)


def is_term(ctx: QuoteContext, stretch: Quoted, tokens: TokenSpan) -> bool:
    """A mentioned word or scare quote: after a naming word, a noun modifying a noun (an adjective
    there is someone's judgement), or one noun after 'the'."""
    before = ctx.token_at(stretch.open_at)
    previous = ctx.doc[before.i - 1] if before is not None and before.i > 0 else None
    if previous is not None and previous.lower_ in cues().naming_words:
        return True
    heads = heads_of(tokens)
    if len(heads) == 1:
        head = heads[0]
        if head.dep_ in MODIFIER_DEPS and head.pos_ != "ADJ" and head.head.i >= tokens.end \
                and head.head.pos_ in ("NOUN", "PROPN"):
            return True
    words = [t for t in tokens if not (t.is_punct or t.is_space)]
    if len(words) == 1 and words[0].pos_ in ("NOUN", "PROPN") and previous is not None \
            and previous.lower_ in DETERMINERS:
        return True
    return False


def is_reply(ctx: QuoteContext, stretch: Quoted) -> bool:
    """Words ending in a comma, '!' or '?' inside closed marks with a verb of saying next, before or after
    its subject ("Yes," he said; "No!" said the minister): someone's words, however short."""
    inside = ctx.text[stretch.start:stretch.end].rstrip()
    if not stretch.closed or not inside or inside[-1] not in SPOKEN_ENDINGS:
        return False
    first = ctx.token_at(stretch.after)
    if first is None:
        return False
    following = [t for t in ctx.doc[first.i:first.i + 4] if not t.is_space][:2]
    return any(cues().is_verb_cue(t) for t in following)


def kind_of(ctx: QuoteContext, stretch: Quoted) -> str | None:
    """'direct', 'partial', or None when the marks enclose no one's words."""
    tokens = content_tokens(ctx, stretch)
    if not any(t.is_alpha or t.is_digit for t in tokens):
        return None
    if is_clause(tokens) or is_reply(ctx, stretch):
        return "direct"
    if opens_sentence(ctx, stretch) and tokens[0].text[:1].isupper() and len(tokens) >= 3 \
            and not looks_like_title(tokens):
        return "direct"
    if looks_like_title(tokens) or is_term(ctx, stretch, tokens):
        return None
    return "partial"
