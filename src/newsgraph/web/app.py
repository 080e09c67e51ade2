"""The corpus as a web workbench: server-rendered pages, each with a JSON twin (``.json``) and, for
lists, a CSV download (``.csv``).

Pages are built once as a ``Page`` (a template name and plain data); the HTML and the JSON twin render
the same data, so the two never disagree. Every error, from a bad query value to an unknown path,
gets the same clean page (or a JSON body for ``.json`` paths).
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from pathlib import Path
from typing import Any
from urllib.parse import quote

from fastapi import FastAPI, Request
from fastapi.encoders import jsonable_encoder
from fastapi.responses import HTMLResponse, JSONResponse, RedirectResponse, Response
from fastapi.staticfiles import StaticFiles
from jinja2 import Environment, PackageLoader, select_autoescape
from starlette.exceptions import HTTPException

from ..corpus import QueryError, UnknownActor
from .listing import csv_bytes
from .listings import LISTINGS
from .pages import NotFound, Page, Workbench
from .snapshot import CHECK_SECONDS, LiveCorpus, NotReady

STATIC = Path(__file__).parent / "static"
NAVIGATION = [("/", "Corpus"), ("/articles", "Articles"), ("/quotes", "Quotations"), ("/speakers", "Speakers"),
              ("/events", "Events"), ("/actors", "Actors"), ("/relations", "Relations"), ("/search", "Search")]
log = logging.getLogger(__name__)


def templates() -> Environment:
    environment = Environment(loader=PackageLoader("newsgraph.web", "templates"),
                              autoescape=select_autoescape(default=True), trim_blocks=True, lstrip_blocks=True)
    environment.filters["part"] = lambda value: quote(str(value), safe="")
    environment.globals["navigation"] = NAVIGATION
    return environment


PAGE_FAILURES = (NotReady, UnknownActor, NotFound, QueryError, ValueError)


def create_app(db: str | Path, check_seconds: float = CHECK_SECONDS) -> FastAPI:
    """A FastAPI app answering from an in-memory snapshot of the store (or Parquet export) at ``db``,
    refreshed when the store changes; the store itself stays free for an ingest."""
    lock = threading.Lock()  # one DuckDB connection per snapshot: requests take turns
    live = LiveCorpus(db, lock, check_seconds)
    environment = templates()
    app = FastAPI(title="newsgraph", description="Quotations and events of a news corpus.", docs_url=None,
                  redoc_url=None)
    app.mount("/static", StaticFiles(directory=STATIC), name="static")

    def html(request: Request, template: str, status_code: int = 200, **context: Any) -> HTMLResponse:
        twin = twin_path(request)
        page = environment.get_template(template).render(request=request, twin=twin, path=request.url.path,
                                                         query=dict(request.query_params), **context)
        return HTMLResponse(page, status_code=status_code)

    def error(request: Request, status: int, message: str) -> Response:
        if request.url.path.endswith(".json"):
            return JSONResponse({"error": message, "status": status}, status_code=status)
        action = request.url.path.removesuffix(".csv")
        listing = LISTINGS.get(action.strip("/"))
        named = [(f.param, f.label) for f in listing.filters] if listing else FORMS.get(action, [])
        fields = [{"param": param, "label": label, "value": request.query_params.get(param, "")}
                  for param, label in named]
        return html(request, "error.html", status, title=TITLES.get(status, "Error"), status=status,
                    message=message, fields=fields, action=action)

    def not_ready(request: Request, failure: NotReady) -> Response:
        response = error(request, 503, str(failure))
        response.headers["Retry-After"] = str(RETRY_AFTER_SECONDS)
        return response

    def failure_response(request: Request, failure: Exception) -> Response:
        if isinstance(failure, NotReady):
            return not_ready(request, failure)
        if isinstance(failure, (UnknownActor, NotFound)):
            return error(request, 404, str(failure))
        return error(request, 400, str(failure))

    def answer(request: Request, build: Callable[[Workbench], Page], as_json: bool) -> Response:
        try:
            with lock:
                page = build(live.current().workbench)
                status = live.status()
        except PAGE_FAILURES as failure:
            return failure_response(request, failure)
        if as_json:
            body = page.record if page.record is not None else {"title": page.title, **page.data}
            return JSONResponse(jsonable_encoder(body))
        return html(request, page.template, title=page.title, page=page.data, snapshot=status)

    def page(path: str, build: Callable[[Workbench, Request], Page], csv_listing: str | None = None) -> None:
        def json_twin(request: Request) -> Response:
            return answer(request, lambda workbench: build(workbench, request), True)

        def html_page(request: Request) -> Response:
            return answer(request, lambda workbench: build(workbench, request), False)

        twin = "/index.json" if path == "/" else f"{path}.json"
        app.add_api_route(twin, json_twin, methods=["GET"], include_in_schema=False)

        def csv_file(request: Request) -> Response:
            return csv_download(request, csv_listing or "")

        if csv_listing:
            app.add_api_route(f"{path}.csv", csv_file, methods=["GET"], include_in_schema=False)
        app.add_api_route(path, html_page, methods=["GET"], include_in_schema=False)

    def csv_download(request: Request, name: str) -> Response:
        try:
            with lock:
                workbench = live.current().workbench
                body = csv_bytes(workbench.connection, LISTINGS[name], dict(request.query_params), workbench.actor_ids)
        except PAGE_FAILURES as failure:
            return failure_response(request, failure)
        return Response(body, media_type="text/csv; charset=utf-8",
                        headers={"Content-Disposition": f'attachment; filename="{name}.csv"'})

    def options(request: Request) -> dict[str, str]:
        return {k: v for k, v in request.query_params.items()}

    page("/", lambda w, r: home(w, live))
    for name in LISTINGS:
        page(f"/{name}", lambda w, r, name=name: w.listing(name, options(r)), csv_listing=name)
    page("/articles/{article_id:path}", lambda w, r: w.article(r.path_params["article_id"]))
    page("/actors/{actor_id:path}", lambda w, r: w.actor(r.path_params["actor_id"]))
    page("/network/{actor_id:path}", lambda w, r: w.network(r.path_params["actor_id"]))
    page("/names/{name:path}", lambda w, r: w.names(r.path_params["name"]))
    page("/quote-clusters/{cluster_id}", lambda w, r: w.quote_cluster(r.path_params["cluster_id"]))
    page("/event-clusters/{cluster_id}", lambda w, r: w.event_cluster(r.path_params["cluster_id"]))
    page("/relations", lambda w, r: w.relations(**pick(options(r), "a", "b", "by")))
    page("/search", lambda w, r: w.search(**pick(options(r), "q")))
    @app.get("/suggest.json", include_in_schema=False)
    def suggestions(request: Request) -> Response:
        return answer(request, lambda w: w.suggest(**pick(options(request), "q", "kind")), True)

    @app.get("/relations/{first}/{second}", include_in_schema=False)
    def relations_by_names(first: str, second: str) -> Response:
        return RedirectResponse(f"/relations?a={quote(first, safe='')}&b={quote(second, safe='')}", status_code=308)

    @app.exception_handler(HTTPException)
    def http_error(request: Request, failure: HTTPException) -> Response:
        message = "There is no page at this address." if failure.status_code == 404 else str(failure.detail)
        return error(request, failure.status_code, message)

    @app.exception_handler(Exception)
    def server_error(request: Request, failure: Exception) -> Response:
        log.exception("error answering %s", request.url.path)
        return error(request, 500, "Something went wrong on the server while answering this page.")

    app.state.live = live
    return app


def home(workbench: Workbench, live: LiveCorpus) -> Page:
    """The home page, saying when the snapshot was taken and whether the store is being updated."""
    page = workbench.home()
    page.data["snapshot"] = live.status()
    return page


FORMS = {"/relations": [("a", "actor"), ("b", "with"), ("by", "period")], "/search": [("q", "words")]}
RETRY_AFTER_SECONDS = 5
TITLES = {400: "Bad request", 404: "Not found", 405: "Not allowed", 500: "Server error", 503: "Not ready yet"}


def pick(query: dict[str, str], *names: str) -> dict[str, str]:
    return {name: query[name] for name in names if name in query}


def twin_path(request: Request) -> str:
    path = request.url.path
    twin = "/index.json" if path == "/" else f"{path.removesuffix('/')}.json"
    return quote(twin, safe="/:%") + (f"?{request.url.query}" if request.url.query else "")
