"""newsgraph: who said what, and who did what to whom, in news articles."""

from .corpus import Corpus
from .model import Actor, ActorRef, Analysis, Article, Event, Mention, Quote, Span, analysis_from_dict
from .pipeline import Pipeline

__version__ = "0.1.0"


def analyze(text: str, *, title: str | None = None, date: str | None = None, source: str | None = None,
            url: str | None = None, model: str | None = None) -> Analysis:
    """Analyse one article's text with a pipeline loaded once per process."""
    from .ingest import make_article

    article = make_article(text, title=title, date=date, source=source, url=url)
    return _pipeline(model).analyze(article)


_PIPELINES: dict[str | None, Pipeline] = {}


def _pipeline(model: str | None) -> Pipeline:
    if model not in _PIPELINES:
        _PIPELINES[model] = Pipeline(model)
    return _PIPELINES[model]


__all__ = ["Actor", "Corpus", "ActorRef", "Analysis", "Article", "Event", "Mention", "Pipeline", "Quote", "Span",
           "analysis_from_dict", "analyze"]
