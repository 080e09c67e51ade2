"""Reading articles from files, folders, records and standard input."""

from .articles import article_id, make_article
from .readers import Columns, InputError, read_inputs

__all__ = ["Columns", "InputError", "article_id", "make_article", "read_inputs"]
