"""The one direction of flow: Article → parsed document → actors → quotations → events → Analysis."""

from __future__ import annotations

import logging
from collections.abc import Iterable, Iterator

from spacy.language import Language
from spacy.tokens import Doc

from .actors import ActorIndex, find_actors
from .document import ParsedArticle
from .events import extract_events
from .language import detect_language
from .layout import detect_layout
from .model import Analysis, Article
from .nlp import describe, load_model
from .quotes import extract_quotes
from .recase import sentence_cased_lines, with_text

log = logging.getLogger(__name__)

CHUNK_CHARS = 100_000
BATCH_SIZE = 64


class Pipeline:
    """Loads the spaCy model once and turns articles into Analysis records."""

    def __init__(self, model: str | None = None, *, debug: bool = False) -> None:
        self.nlp: Language = load_model(model)
        self.model = describe(self.nlp)
        self.debug = debug

    def analyze(self, article: Article) -> Analysis:
        return next(self.analyze_many([article]))

    def analyze_many(self, articles: Iterable[Article], batch_size: int = BATCH_SIZE) -> Iterator[Analysis]:
        """Analyse a stream of articles, parsing them in batches with ``nlp.pipe``."""
        batch: list[Article] = []
        for article in articles:
            batch.append(article)
            if len(batch) >= batch_size:
                yield from self._analyze_batch(batch)
                batch = []
        if batch:
            yield from self._analyze_batch(batch)

    def _analyze_batch(self, batch: list[Article]) -> Iterator[Analysis]:
        for article in batch:
            article.language = detect_language(article.text)
        english = [a for a in batch if a.language == "en" and len(a.text) <= CHUNK_CHARS]
        docs = dict(zip((id(a) for a in english), self.nlp.pipe(sentence_cased_lines(a.text) for a in english)))
        for article in batch:
            doc = docs[id(article)] if id(article) in docs else self.parse_alone(article)
            yield self.analyze_parsed(article, with_text(doc, article.text))

    def parse_alone(self, article: Article) -> Doc:
        """Parse an over-long or non-English article, long texts in line-aligned chunks (non-English ones
        only tokenized): no text reaches spaCy above its length limit."""
        if not article.text:
            return self.nlp.make_doc(article.text)
        text = sentence_cased_lines(article.text) if article.language == "en" else article.text
        chunks = list(line_chunks(text, CHUNK_CHARS))
        docs = self.nlp.pipe(chunks) if article.language == "en" else map(self.nlp.make_doc, chunks)
        return Doc.from_docs(list(docs), ensure_whitespace=False)

    def analyze_parsed(self, article: Article, doc: Doc) -> Analysis:
        layout = detect_layout(article.text, article.title, doc)
        analysis = Analysis(id=article.id, article=article, layout=layout, model=self.model)
        if article.language != "en":
            analysis.notes.append(f"language detected as {article.language!r}: quotations and events "
                                  "are extracted from English text only")
            return analysis
        parsed = ParsedArticle(article, layout, doc)
        actors = self._stage("actors", analysis, find_actors, parsed) or ActorIndex()
        analysis.actors, analysis.mentions = actors.actors, actors.mentions
        analysis.quotes = self._stage("quotations", analysis, extract_quotes, parsed, actors) or []
        analysis.events = self._stage("events", analysis, extract_events, parsed, actors, analysis.quotes) or []
        return analysis

    def _stage(self, name, analysis, function, *args):
        """Run one stage; a failure becomes a note on the record instead of losing the article."""
        try:
            return function(*args)
        except Exception as error:  # a bug in one stage must not lose the whole corpus run
            if self.debug:
                raise
            log.warning("%s stage failed on %s: %r", name, analysis.id, error)
            analysis.notes.append(f"{name} stage failed: {type(error).__name__}: {error}")
            return None


def line_chunks(text: str, size: int) -> Iterator[str]:
    """Consecutive pieces of ``text`` of at most about ``size`` characters, cut after line breaks."""
    start = 0
    while start < len(text):
        end = min(start + size, len(text))
        if end < len(text):
            cut = text.rfind("\n", start, end)
            if cut <= start:
                cut = text.rfind(" ", start, end)
            end = cut + 1 if cut > start else end
        yield text[start:end]
        start = end
