"""A read-only web view of a corpus store, each HTML page with a JSON twin."""

from .app import Page, create_app

__all__ = ["Page", "create_app"]
