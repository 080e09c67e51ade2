"""Headline grammar: the telegraphic lines that drop articles, auxiliaries and ``and``."""

from __future__ import annotations

from spacy.tokens import Span, Token

HEADLINE_MAX_TOKENS = 20
HEADLINE_SUBJECT_DEPS = frozenset({"nsubj", "compound", "nummod"})


def is_headline(sentence: Span) -> bool:
    """A line with no closing punctuation, as headlines are written."""
    last = sentence[-1]
    while last.i > sentence.start and (last.is_space or last.is_quote or last.is_bracket):
        last = last.doc[last.i - 1]
    return not (last.is_punct and last.text in ".!?:;") and len(sentence) <= HEADLINE_MAX_TOKENS


def is_headline_clause(verb: Token) -> bool:
    """``Three soldiers killed in border clash``, ``President to visit Chad``: a headline with a noun for
    its root tells its event in the clause hung on the noun; a headline verb misread as the root's subject
    (``Armenia lifts ban on wine``) is the headline's main verb."""
    return verb.dep_ in ("acl", "relcl") and verb.head.dep_ == "ROOT" and verb.head.pos_ in ("NOUN", "PROPN") \
        and is_headline(verb.sent) or is_misread_headline_verb(verb)


def is_misread_headline_verb(token: Token) -> bool:
    """``Armenia lifts ban on Moldovan wine``, ``Blair dismisses quit claim report``: the tagger may take a
    headline's verb in -s for a plural noun right after the name of its doer, and the noun after it for
    the verb whose subject it is; that "verb" in its base form, with words hung on it, is the object."""
    head = token.head
    return token.tag_ == "NNS" and token.lower_.endswith("s") and token.dep_ == "nsubj" and head.dep_ == "ROOT" and head.tag_ in ("VBP", "VB") \
        and head.i == token.i + 1 and token.i > token.sent.start and token.doc[token.i - 1].pos_ == "PROPN" \
        and any(c.dep_ in ("dobj", "prep", "compound") and c.i > head.i for c in head.children) \
        and is_headline(token.sent)


def misread_headline_verb_of(token: Token) -> Token | None:
    """The misread headline verb whose object the parse made the root (``ban`` in ``Armenia lifts ban on
    wine``), if any."""
    if token.dep_ != "ROOT":
        return None
    return next((c for c in token.children if c.dep_ == "nsubj" and is_misread_headline_verb(c)), None)


def is_headline_state(noun: Token) -> bool:
    """``Armenia, Moldova in talks``, ``Chad on alert``: a verbless headline puts its subject in the state."""
    prep = noun.head
    return noun.dep_ == "pobj" and prep.dep_ == "prep" and prep.head.dep_ == "ROOT" \
        and prep.head.pos_ in ("NOUN", "PROPN") and prep.i > prep.head.i and is_headline(noun.sent)


def is_headline_verb(token: Token) -> bool:
    """``Armenia apologises to Moldova``, ``Thousands march in Lome``: with no article to tell them apart,
    the tagger takes a headline's verb for a noun; a root noun in a verb's form with its subject before it
    is the verb."""
    inflected = token.tag_ == "NNS" and token.lower_.endswith("s") or token.tag_ == "NN" and token.lower_ == token.lemma_
    return inflected and token.dep_ == "ROOT" and is_headline(token.sent) \
        and any(c.dep_ in HEADLINE_SUBJECT_DEPS and c.i < token.i for c in token.children)


def headline_verb_subjects(verb: Token) -> list[Token]:
    """The subject of a headline verb the tagger took for a noun: the words before it it governs."""
    return [c for c in verb.children if c.dep_ in HEADLINE_SUBJECT_DEPS and c.i < verb.i] if is_headline_verb(verb) else []


def is_title_verb(token: Token) -> bool:
    """``Moldova Accuses Armenia of Spying``: in a headline with every word capitalised the tagger takes the
    verb for a name; a capitalised word heading the line's clause, with a subject or object of its own, or
    strung in a chain of names, may be the verb (the lexicon decides)."""
    if token.pos_ != "PROPN" or not (token.dep_ in ("ROOT", "compound")
                                     or any(c.dep_ in ("nsubj", "dobj") for c in token.children)):
        return False
    return is_title_case(token.sent)


def is_title_chain(token: Token) -> bool:
    """A word the parser strung into a chain of names in a capitalised headline (``Armenia Rejects Moldovan
    Peace Plan``): its parse tells nothing of its arguments, so word order must."""
    return token.dep_ == "compound" and is_title_case(token.sent)


def is_title_case(sentence: Span) -> bool:
    """A headline with every longer word capitalised."""
    words = [t for t in sentence if t.is_alpha and len(t) > 3]
    return len(words) > 1 and all(t.text[:1].isupper() for t in words) and is_headline(sentence)


def is_compound_verb(token: Token) -> bool:
    """``Russia and Ukraine sign gas deal``, ``Armenia mobilizes reservists``: a headline's verb the parser
    hangs on its object as a modifier, right after the names of its doers; the base form agrees only with
    several (``Woolf murder sentence`` is a noun), the form in -s with one name heading a verbless line."""
    if not (token.dep_ == "compound" and token.i > token.sent.start and token.head.i > token.i
            and is_headline(token.sent)):
        return False
    doer = token.doc[token.i - 1]
    if token.tag_ == "NN" and token.lower_ == token.lemma_:
        return doer.pos_ == "PROPN" and is_listed(doer)
    return token.tag_ == "NNS" and token.lower_.endswith("s") and doer.pos_ == "PROPN" and doer.i == token.sent.start \
        and token.head.dep_ == "ROOT" and token.head.pos_ == "NOUN"


def is_listed(name: Token) -> bool:
    """A name joined to others by ``and`` or a headline's comma."""
    before = name.left_edge.i - 1
    return name.dep_ == "conj" or any(c.dep_ == "conj" for c in name.children) \
        or before >= name.sent.start and name.doc[before].text == ","


def is_word_order_verb(token: Token) -> bool:
    """A verb whose parse tells nothing of its arguments, so word order must."""
    return is_title_chain(token) or is_compound_verb(token) or is_misread_headline_verb(token)
