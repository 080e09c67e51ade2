"""The corpus: many articles' analyses linked across articles and queried together."""

from .build import BuildSummary, CorpusBuilder, default_workers, stored_rows
from .export import export_gdelt, export_tables
from .link import link_corpus
from .queries import Corpus, QueryError, UnknownActor

__all__ = ["BuildSummary", "Corpus", "CorpusBuilder", "QueryError", "UnknownActor", "default_workers",
           "export_gdelt", "export_tables", "link_corpus", "stored_rows"]
