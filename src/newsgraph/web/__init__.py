"""The corpus as a web workbench: server-rendered pages, each with a JSON twin and, for lists, CSV."""

from .app import create_app

__all__ = ["create_app"]
