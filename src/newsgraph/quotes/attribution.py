"""Who said it: cue words and their speakers, read off the dependency parse."""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Token

from ..model import Mention
from .context import QuoteContext
from .lexicon import cues

RELATIVE_PRONOUNS = {"who", "that", "which"}
CLIMBING_DEPS = ("conj", "xcomp", "advcl", "acl", "pcomp")
INVERTED_SUBJECT_DEPS = ("dobj", "attr", "npadvmod", "appos", "oprd", "nsubj")
MAX_CLIMB = 3
MEDIA_SECTOR = "MED"


@dataclass
class Attribution:
    cue: list[Token]
    speaker: Token | None
    mention: Mention | None

    @property
    def found(self) -> bool:
        return self.speaker is not None


def subject_of(verb: Token) -> Token | None:
    """The speaker of a verb of saying: its subject, a passive's agent, the subject of the verb it hangs on."""
    node = verb
    for _ in range(MAX_CLIMB):
        subjects = [child for child in node.children if child.dep_ == "nsubj"]
        if subjects:
            if subjects[-1].lower_ in RELATIVE_PRONOUNS and node.dep_ == "relcl":
                return node.head
            return author_of(subjects[-1])
        for child in node.children:
            if child.dep_ == "agent":
                return next((c for c in child.children if c.dep_ == "pobj"), None)
        if any(child.dep_ in ("nsubjpass", "expl") for child in node.children):
            return None
        if node.head.i == node.i or not (node.dep_ in CLIMBING_DEPS or issued_statement(node)):
            break
        depicted = depicted_speaker(node)
        if depicted is not None:
            return depicted
        node = node.head
    return inverted_subject(verb)


def issued_statement(node: Token) -> bool:
    """``X issued a statement saying``: the statement's issuer speaks."""
    return node.dep_ == "dobj" and cues().is_noun_cue(node)


def depicted_speaker(participle: Token) -> Token | None:
    """``The documentary showed Mr Nattrass telling the meeting``: the one shown speaking."""
    head = participle.head
    if participle.tag_ != "VBG" or participle.dep_ != "advcl" or cues().lemma(head) not in cues().depicting_verbs:
        return None
    return next((c for c in head.children if c.dep_ == "dobj" and c.i < participle.i), None)


def author_of(subject: Token) -> Token:
    """``Mr Crosby's statement said``: the statement's possessor speaks through it; ``the book, by Jane Roe,
    says``: its author."""
    if cues().is_noun_cue(subject):
        return next((c for c in subject.children if c.dep_ == "poss"), subject)
    return author_of_document(subject)


def inverted_subject(verb: Token) -> Token | None:
    """``"...," said Mr Smith``: the name after the verb when the parser took it for an object."""
    if cues().lemma(verb) == "tell":
        return None
    for child in verb.rights:
        if child.dep_ in INVERTED_SUBJECT_DEPS and child.pos_ in ("PROPN", "NOUN", "PRON"):
            return child
    return None


def according_to(token: Token) -> Token | None:
    """The source after ``according to``."""
    if token.lower_ != "according" or token.i + 1 >= len(token.doc) or token.nbor(1).lower_ != "to":
        return None
    to = token.nbor(1)
    source = next((c for c in to.children if c.dep_ == "pobj"), None)
    if source is None and to.i + 1 < len(token.doc):
        following = [t for t in token.doc[to.i + 1:min(to.i + 6, len(token.doc))] if t.pos_ in ("PROPN", "NOUN")]
        source = following[-1] if following else None
    return author_of_document(source) if source is not None else None


def author_of_document(source: Token) -> Token:
    """``according to reports received by Amnesty``, ``according to the ministry's figures``: a document
    speaks for whoever made or holds it, when the article names them."""
    if source.pos_ != "NOUN" or cues().lemma(source) not in cues().documents:
        return source
    for token in source.subtree:
        if token.pos_ == "PROPN" and (token.dep_ == "poss" or token.head.dep_ == "agent"
                                      or (token.dep_ == "pobj" and token.head.lower_ in ("from", "by"))):
            return token
    return source


def attribution_at(ctx: QuoteContext, token: Token) -> Attribution | None:
    """The attribution a cue token gives, or None when ``token`` is no cue."""
    lexicon = cues()
    if lexicon.is_verb_cue(token):
        speaker = subject_of(token)
        cue = [token] + [c for c in token.children if c.dep_ == "prt"]
    elif token.lower_ == "according":
        speaker = according_to(token)
        cue = [token, token.nbor(1)] if speaker is not None else []
    elif lexicon.is_noun_cue(token):
        speaker = next((c for c in token.children if c.dep_ == "poss"), None)
        cue = [token]
    else:
        return None
    if not cue:
        return None
    speaker = unrelayed(ctx, speaker) if speaker is not None else None
    return Attribution(sorted(cue, key=lambda t: t.i), speaker, ctx.mention_in(speaker) if speaker else None)


def unrelayed(ctx: QuoteContext, speaker: Token) -> Token:
    """A document's holder that is a news outlet (``reports seen by the agency``) only relays it: the
    document is the source."""
    document = next((node for node in speaker.ancestors if node.pos_ == "NOUN"
                     and cues().lemma(node) in cues().documents), None)
    if document is None or document.i > speaker.i:
        return speaker
    mention = ctx.mention_in(speaker)
    holder = ctx.actors.actor(mention.actor_id) if mention is not None else None
    is_outlet = holder is not None and holder.type == "organisation" and holder.sector == MEDIA_SECTOR
    return document if is_outlet else speaker


def attributions_in(ctx: QuoteContext, tokens: list[Token]) -> list[Attribution]:
    """Every cue among ``tokens`` (outside quotation marks), in text order."""
    found = []
    for token in tokens:
        if ctx.quoted(token):
            continue
        attribution = attribution_at(ctx, token)
        if attribution is not None:
            found.append(attribution)
    return found


def colon_speaker(ctx: QuoteContext, before: list[Token]) -> Attribution | None:
    """``Mr Smith: "..."``: a name or phrase right before a colon that opens the quotation."""
    words = [t for t in before if not t.is_space]
    if len(words) < 2 or words[-1].text != ":":
        return None
    for token in reversed(words[:-1]):
        mention = ctx.mention_of(token)
        if mention is not None:
            return Attribution([words[-1]], token, mention)
        if token.pos_ not in ("PROPN", "NOUN", "ADJ", "DET", "PART"):
            return None
    return None


def ancestor_attribution(ctx: QuoteContext, token: Token) -> Attribution | None:
    """The nearest cue above ``token`` in the parse that names a speaker."""
    node = token
    while node.head.i != node.i:
        node = node.head
        if ctx.quoted(node):
            continue
        attribution = attribution_at(ctx, node)
        if attribution is not None and attribution.found:
            return attribution
    return None
