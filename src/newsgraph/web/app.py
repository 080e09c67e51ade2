"""The corpus on the web: every HTML page has a JSON twin at the same path with ``.json``.

Pages are built once as a ``Page`` (a title and named Arrow tables); ``render_html`` and
``render_json`` turn the same Page into either form, so the two can never disagree.
"""

from __future__ import annotations

import inspect
import tempfile
import threading
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pyarrow as pa
from fastapi import FastAPI, Request
from fastapi.encoders import jsonable_encoder
from fastapi.responses import HTMLResponse, JSONResponse, Response

from ..corpus import Corpus, QueryError, UnknownActor
from ..corpus.plot import plot_relations
from .html import render_html


@dataclass
class Page:
    title: str
    tables: dict[str, pa.Table] = field(default_factory=dict)
    filters: tuple[str, ...] = ()
    image: str | None = None
    text: str | None = None
    record: dict[str, Any] | None = None


class NotFound(LookupError):
    """A page whose subject is not in the corpus."""


Builder = Callable[..., Page]


def render_json(page: Page, request: Request) -> JSONResponse:
    if page.record is not None:
        return JSONResponse(page.record)
    return JSONResponse(jsonable_encoder({
        "title": page.title, "query": dict(request.query_params),
        "tables": {name: table.to_pylist() for name, table in page.tables.items()}}))


def create_app(db: str | Path) -> FastAPI:
    """A FastAPI app answering from the store (or Parquet export) at ``db``."""
    corpus = Corpus(db)
    lock = threading.Lock()  # one DuckDB connection: requests take turns
    app = FastAPI(title="newsgraph", description="Quotations and events of a news corpus.")

    def route(path: str, builder: Builder) -> None:
        accepted = set(inspect.signature(builder).parameters) - {"corpus"}

        def respond(request: Request, as_json: bool) -> Response:
            options = {k: v for k, v in request.query_params.items() if k in accepted}
            try:
                with lock:
                    page = builder(corpus, **request.path_params, **options)
            except (UnknownActor, NotFound) as error:
                return error_response(request, 404, str(error), as_json)
            except (QueryError, ValueError) as error:
                return error_response(request, 400, str(error), as_json)
            if as_json:
                return render_json(page, request)
            return HTMLResponse(render_html(page, request.url.path, dict(request.query_params)))

        def json_twin(request: Request) -> Response:
            return respond(request, True)

        def html_page(request: Request) -> Response:
            return respond(request, False)

        app.add_api_route(f"{path}.json" if path != "/" else "/index.json", json_twin, methods=["GET"])
        app.add_api_route(path, html_page, methods=["GET"], response_class=HTMLResponse)

    @app.get("/relations/{first}/{second}.png")
    def relations_chart(first: str, second: str, by: str = "month") -> Response:
        try:
            with lock:
                table = corpus.relations(first, second, by)
        except UnknownActor as error:
            return JSONResponse({"error": str(error)}, status_code=404)
        except QueryError as error:
            return JSONResponse({"error": str(error)}, status_code=400)
        with tempfile.TemporaryDirectory() as folder:
            path = Path(folder) / "relations.png"
            plot_relations(table, first, second, by, path)
            return Response(path.read_bytes(), media_type="image/png")

    route("/", index_page)
    route("/speakers", speakers_page)
    route("/quotes", quotes_page)
    route("/actors/{name}", actor_page)
    route("/actors", actors_page)
    route("/relations/{first}/{second}", relations_page)
    route("/articles/{article_id}", article_page)

    app.state.corpus = corpus
    return app


def error_response(request: Request, status: int, message: str, as_json: bool) -> Response:
    if as_json:
        return JSONResponse({"error": message}, status_code=status)
    page = Page(title="Not found" if status == 404 else "Bad request", text=message)
    return HTMLResponse(render_html(page, request.url.path, {}), status_code=status)


def whole_number(value: str | int, name: str) -> int:
    try:
        number = int(value)
    except ValueError:
        raise QueryError(f"{name} must be a whole number, not {value!r}") from None
    if number < 1:
        raise QueryError(f"{name} must be at least 1")
    return number


def index_page(corpus: Corpus) -> Page:
    states = corpus.most_active_states(2)
    page = Page(title="Corpus", tables={"stats": corpus.stats(), "top speakers": corpus.speakers(top=10)})
    if len(states) == 2:
        page.tables["relation between the two most active states"] = corpus.relations(*states)
        page.image = f"/relations/{states[0]}/{states[1]}.png"
    return page


def speakers_page(corpus: Corpus, top: str = "50", about: str | None = None, outlet: str | None = None) -> Page:
    table = corpus.speakers(top=whole_number(top, "top"), about=about or None, outlet=outlet or None)
    return Page(title="Speakers", tables={"speakers": table}, filters=("top", "about", "outlet"))


def quotes_page(corpus: Corpus, speaker: str | None = None, about: str | None = None, search: str | None = None,
                since: str | None = None, limit: str = "50") -> Page:
    table = corpus.quotes(speaker=speaker or None, about=about or None, search=search or None,
                          since=since or None, limit=whole_number(limit, "limit"))
    return Page(title="Quotations", tables={"quotation clusters": table},
                filters=("speaker", "about", "search", "since"))


def actors_page(corpus: Corpus, country: str | None = None, sector: str | None = None, limit: str = "100") -> Page:
    table = corpus.actors(country=country or None, sector=sector or None, limit=whole_number(limit, "limit"))
    return Page(title="Actors", tables={"actors": table}, filters=("country", "sector"))


def actor_page(corpus: Corpus, name: str) -> Page:
    return Page(title=name, tables=corpus.actor(name))


def relations_page(corpus: Corpus, first: str, second: str, by: str = "month") -> Page:
    table = corpus.relations(first, second, by)
    return Page(title=f"{first} and {second}, by {by}", tables={"relations": table}, filters=("by",),
                image=f"/relations/{first}/{second}.png?by={by}")


def article_page(corpus: Corpus, article_id: str) -> Page:
    analysis = corpus.store.analysis(article_id) if corpus.store is not None else None
    if analysis is None:
        raise NotFound(f"no article {article_id!r} in this store")
    quotes = pa.Table.from_pylist([{"speaker": q.speaker.name if q.speaker else None, "kind": q.kind,
                                    "text": q.text} for q in analysis.quotes])
    events = pa.Table.from_pylist([{"actor": ", ".join(a.name for a in e.actor), "type": e.type,
                                    "recipient": ", ".join(a.name for a in e.recipient), "score": e.score,
                                    "trigger": e.trigger.text, "date": e.date} for e in analysis.events])
    article = analysis.article
    return Page(title=article.title or article_id, tables={"quotations": quotes, "events": events},
                text=article.text, record=analysis.to_dict())
