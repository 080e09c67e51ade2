"""Analysis on the executors: the spaCy model loads once per executor process and serves all its tasks."""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from ..corpus.build import stored_rows
from ..model import Article
from ..pipeline import Pipeline
from ..store import TableRows

_pipelines: dict[str | None, Pipeline] = {}  # Spark reuses its Python workers, so this outlives a task


def executor_pipeline(model: str | None) -> Pipeline:
    if model not in _pipelines:
        _pipelines[model] = Pipeline(model)
    return _pipelines[model]


def analyse_partition(articles: Iterable[Article], model: str | None) -> Iterator[TableRows]:
    """Each article's rows for every article table, its MinHash signature included."""
    for analysis in executor_pipeline(model).analyze_many(articles):
        yield stored_rows(analysis)
