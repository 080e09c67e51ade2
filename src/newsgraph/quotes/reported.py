"""Reported speech: the complement clause of a verb of saying, as the guidelines cut it."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass

from spacy.tokens import Token

from .attribution import Attribution, attribution_at
from .context import QuoteContext
from .lexicon import cues

TRIMMED_AT_END = set(" \t\n.,;:—–-")
IsQuoted = Callable[[Token], bool]
MIN_WORDS = 2
RELATIVE_WORDS = {"which", "who", "whom", "whose"}
SUBJECT_DEPS = ("nsubj", "nsubjpass", "expl", "csubj")
CLAUSE_BREAKS = {",", ";", "-", "—", "–"}
DASHES = {"-", "—", "–"}
CONTINUING_VERBS = {"go", "continue", "begin", "start", "proceed"}
MIN_WORDS_OUTSIDE_MARKS = 3
FINITE_TAGS = ("VBD", "VBZ", "VBP")
FRAMING_MARKS = {"as", "while", "whereas"}
FRAMING_PREPOSITIONS = {"amid", "amidst", "with", "despite"}


@dataclass
class Reported:
    start: int
    end: int
    attribution: Attribution


def complement(verb: Token, quoted: IsQuoted) -> list[tuple[int, int]]:
    """Token bounds [first, last] of the clause a verb of saying reports: its complement clause (with a
    following coordinated clause of its own subject), or the clause it interrupts or follows."""
    clauses = [child for child in verb.children if child.dep_ == "ccomp"]
    # two complements (``It is unlikely; his team says she will go on``): the one after the verb
    clause = next((c for c in clauses if c.i > verb.i), clauses[0]) if clauses else misattached_clause(verb)
    if clause is not None:
        first = clause.left_edge.i
        if clause.left_edge.lower_ in RELATIVE_WORDS:
            if clause.left_edge.dep_ in SUBJECT_DEPS:
                return []  # ``posters which critics claimed were offensive``: no clause of its own
            first += 1  # ``which Mr Clarke says he is doing``: the clause after the relative word
        last = min(clause_end(clause, quoted), clause.right_edge.i)
        following = [c for c in verb.children if c.dep_ == "conj" and c.i > clause.i and has_subject(c)
                     and not cues().is_verb_cue(c)]
        if following and all(t.dep_ in ("cc", "punct") for t in verb.doc[last + 1:following[0].left_edge.i]):
            last = clause_end(following[0], quoted)
        return around(verb, first, last)
    if verb.dep_ != "parataxis":
        return []
    head = verb.head
    if head.i > verb.i:
        return around(verb, head.left_edge.i, clause_end(head, quoted))
    if verb.left_edge.i > 0 and verb.doc[verb.left_edge.i - 1].text == ",":
        return [(head.left_edge.i, verb.left_edge.i - 1)]
    return []


def misattached_clause(verb: Token) -> Token | None:
    """``told a meeting of leaders that ...``, ``told the paper in a statement that ...``: a that-clause the
    parser hung on the hearer or a phrase after it, not the verb; ``said more than 100 people came``: a
    clause whose subject the parser took for the verb's object."""
    for child in verb.rights:
        if child.dep_ not in ("dobj", "dative", "npadvmod", "prep"):
            continue
        for token in child.subtree:
            if token.dep_ in ("ccomp", "acl", "relcl", "advcl") and any(
                    c.lower_ == "that" and c.dep_ == "mark" and c.i == token.left_edge.i for c in token.children):
                return token
        if child.dep_ == "dobj" and any(c.dep_ == "acl" and c.tag_ in FINITE_TAGS for c in child.rights):
            return child
    return None


def around(verb: Token, first: int, last: int) -> list[tuple[int, int]]:
    """A clause the attribution interrupts (``Acts of protest, he said, are acts of patriotism``) is
    two pieces when the part before it is long enough to stand alone, else one span across it."""
    start, end = verb.left_edge.i, verb.right_edge.i
    if not first < start <= end < last:
        return [(first, last)]
    words_before = sum(1 for t in verb.doc[first:start] if t.is_alpha)
    if words_before < MIN_WORDS_OUTSIDE_MARKS:
        return [(first, last)]
    return [(first, start - 1), (end + 1, last)]


def has_subject(verb: Token) -> bool:
    return any(child.dep_ in SUBJECT_DEPS for child in verb.children)


def clause_end(head: Token, quoted: IsQuoted) -> int:
    """The clause's last token, leaving out what the reporter adds (see ``is_addition``); breaks inside
    quotation marks are the speaker's."""
    doc = head.doc
    last = head.right_edge.i
    for i in range(head.i + 1, last):
        if (doc[i].text not in CLAUSE_BREAKS and doc[i].dep_ != "cc") or quoted(doc[i]):
            continue
        added = constituent_at(doc[i + 1], last)
        if added is not None and is_addition(added, doc[i].text):
            end = i - 1
            while end > head.i and (doc[end].is_punct or doc[end].dep_ == "cc"):
                end -= 1
            return end
    return last


def constituent_at(token: Token, last: int) -> Token | None:
    """The head of the largest phrase that starts at ``token`` and ends by ``last``."""
    node = token
    while node.head.i != node.i and node.head.left_edge.i == token.i and node.head.right_edge.i <= last:
        node = node.head
    return node if node.left_edge.i == token.i else None


def is_addition(phrase: Token, mark: str) -> bool:
    """Words after ``mark`` that are the reporter's: a new attribution (``and Democrats accused``), a new
    clause after a semicolon, after a comma or dash a relative clause or a verb phrase, after a dash
    an aside."""
    is_verb = phrase.pos_ in ("VERB", "AUX")
    if phrase.dep_ in ("conj", "parataxis") and is_verb and (cues().is_verb_cue(phrase) or mark == ";"):
        # ``and added``, ``and slammed``: a finite speech verb sharing the reporter's subject
        return has_subject(phrase) or (cues().is_verb_cue(phrase) and phrase.tag_ in ("VBD", "VBZ"))
    if mark not in CLAUSE_BREAKS:
        return False
    if mark == "," and is_reporters_aside(phrase):
        return True
    if phrase.dep_ == "appos":
        return mark in DASHES
    if phrase.dep_ == "acl":
        return phrase.tag_ == "VBG"
    if phrase.dep_ in ("conj", "advcl") and is_verb and not has_subject(phrase):
        return mark not in DASHES
    return mark in DASHES and phrase.dep_ in ("npadvmod", "dep")


def is_reporters_aside(phrase: Token) -> bool:
    """After a comma, what frames the words rather than continues them: ``, as he deflected attacks``,
    ``, amid public anger``, ``, with the vote days away``, ``, a concern others share``."""
    if phrase.dep_ == "advcl":
        return has_subject(phrase) and any(c.dep_ == "mark" and c.lower_ in FRAMING_MARKS for c in phrase.children)
    if phrase.dep_ == "prep":
        return phrase.lower_ in FRAMING_PREPOSITIONS
    return phrase.dep_ == "appos" and phrase.pos_ == "NOUN" and any(c.dep_ == "relcl" for c in phrase.children)


def has_source(verb: Token, attribution: Attribution) -> bool:
    """Not an imperative (``now tell us``) or an idiom on an empty ``it`` (``it goes without saying``)."""
    if attribution.speaker is None:
        return not (verb.tag_ == "VB" and verb.dep_ == "ROOT")
    return not (verb.tag_ == "VBG" and attribution.speaker.lower_ == "it")


def is_blocked(verb: Token) -> bool:
    """Speech that reports nothing: denied or refused (``did not say``, ``declined to say``), only urged
    (``urged him to admit``), or the finding of a survey rather than anyone's words."""
    lexicon = cues()
    if any(child.dep_ == "neg" for child in verb.children):
        return True
    if verb.dep_ == "xcomp" and (lexicon.lemma(verb.head) in lexicon.not_speech
                                 or verb.tag_ == "VB" and lexicon.lemma(verb.head) not in CONTINUING_VERBS):
        return True
    subject = next((c for c in verb.children if c.dep_ in SUBJECT_DEPS), None)
    return subject is not None and subject.lemma_.lower() in lexicon.non_speakers


def clause_bounds(ctx: QuoteContext, first: int, last: int) -> tuple[int, int] | None:
    """Character bounds from the first word after 'that' to the clause's end, final punctuation off, and
    marks off the end unless they close a quotation opened inside."""
    doc = ctx.doc
    while first <= last and (doc[first].is_punct or doc[first].is_space
                             or (doc[first].lower_ == "that" and doc[first].dep_ == "mark")):
        first += 1
    if first > last:
        return None
    start, end = doc[first].idx, doc[last].idx + len(doc[last])
    text = ctx.text
    while end > start:
        if text[end - 1] in TRIMMED_AT_END:
            end -= 1
            continue
        stretch = ctx.stretch_of(end - 1)
        if stretch is not None and (stretch.open_at < start or stretch.open_at == end - 1) \
                and not text[end - 1].isalnum():
            end -= 1
            continue
        break
    return (start, end) if end > start else None


def words_outside_marks(ctx: QuoteContext, start: int, end: int) -> tuple[int, bool]:
    """How many words of [start, end) lie outside quotation marks, and whether any lie inside."""
    outside, inside = 0, False
    for token in ctx.tokens_between(start, end):
        if not token.is_alpha:
            continue
        if ctx.quoted(token):
            inside = True
        else:
            outside += 1
    return outside, inside


def according_to_clause(token: Token, quoted: IsQuoted) -> tuple[int, int] | None:
    """``X, according to Y.`` or ``According to Y, X.``: the rest of the sentence, when the source phrase
    opens or closes it and hangs on no speech verb of its own."""
    doc = token.doc
    if token.lower_ != "according" or token.i + 1 >= len(doc) or doc[token.i + 1].lower_ != "to" \
            or cues().is_verb_cue(token.head):
        return None
    sentence = token.sent
    first, last = sentence.start, sentence.end - 1
    while last > first and (doc[last].is_punct or doc[last].is_space):
        last -= 1
    source_end = token.right_edge.i
    if all(t.is_punct or t.dep_ == "cc" for t in doc[first:token.i]):
        return source_end + 1, last
    if source_end >= last and not quoted(token):
        return first, token.i - 1
    return None


def reported_speech(ctx: QuoteContext) -> Iterator[Reported]:
    """Each indirect quotation of the text flow with the attribution of its verb or source phrase."""
    lexicon = cues()
    for token in ctx.parsed.tokens:
        if ctx.quoted(token) or not ctx.in_flow(token.idx):
            continue
        if lexicon.takes_clause(token) and not is_blocked(token):
            pieces = complement(token, ctx.quoted)
        else:
            bounds = according_to_clause(token, ctx.quoted)
            pieces = [bounds] if bounds else []
        for bounds in pieces:
            span = clause_bounds(ctx, *bounds)
            if span is None:
                continue
            outside, inside = words_outside_marks(ctx, *span)
            if outside < (MIN_WORDS_OUTSIDE_MARKS if inside else MIN_WORDS):
                continue
            attribution = attribution_at(ctx, token)
            if attribution is not None and has_source(token, attribution):
                yield Reported(span[0], span[1], attribution)
