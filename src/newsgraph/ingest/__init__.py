"""Reading articles from files, folders, records and standard input."""

from .articles import article_id, make_article
from .readers import Columns, InputError, Inputs, read_inputs
from .pages import Page  # noqa: I001 - after readers, which it builds on

__all__ = ["Columns", "InputError", "Inputs", "Page", "article_id", "make_article", "read_inputs"]
