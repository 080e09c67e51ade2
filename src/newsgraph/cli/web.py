"""`newsgraph serve`: the corpus as web pages, each with a JSON twin."""

from __future__ import annotations

from typing import Annotated

import typer

from ..store import StoreError
from .common import EXIT_ERROR, fail, stderr
from .corpus import STORE_DEFAULT, DbOption


def serve_command(
    db: DbOption = STORE_DEFAULT,
    host: Annotated[str, typer.Option(help="Address to listen on.")] = "127.0.0.1",
    port: Annotated[int, typer.Option(help="Port to listen on.")] = 8000,
) -> None:
    """Serve a store as web pages (from a copy refreshed as the store changes); add .json to a path for its data."""
    import uvicorn

    from ..web import create_app

    try:
        app = create_app(db)
    except StoreError as error:
        fail(str(error), EXIT_ERROR)
    stderr.print(f"newsgraph: serving a snapshot of {db} at http://{host}:{port}/ (JSON: add .json to a path); "
                 "it is refreshed when the store changes, and an ingest may write the store meanwhile", markup=False)
    uvicorn.run(app, host=host, port=port, log_level="warning")
