"""The store: every article's Analysis as rows of an embedded DuckDB file."""

from .database import DEFAULT_PATH, RESUME_HINT, Store, StoreDamaged, StoreError, StoreInUse
from .rows import TableRows, analysis_of, analysis_rows, merge_rows
from .schema import ARTICLE_TABLES, DERIVED_TABLES, SCHEMA_VERSION, TABLES

__all__ = ["ARTICLE_TABLES", "DEFAULT_PATH", "DERIVED_TABLES", "RESUME_HINT", "SCHEMA_VERSION", "TABLES", "Store",
           "StoreDamaged", "StoreError", "StoreInUse", "TableRows", "analysis_of", "analysis_rows", "merge_rows"]
