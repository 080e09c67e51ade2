"""Browsable lists in the manner of datasette: filters, facets with counts, sorting, totals, pages.

A ``Listing`` names a SQL source (one row per item), the columns it shows, the filters a query string
may set and the facets counted beside the rows. ``browse`` answers one request with plain data that
the HTML template, the JSON twin and the CSV download all share.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import urlencode

import io

import duckdb
import pyarrow.csv as pa_csv

from ..corpus import QueryError
from .params import page_size, whole_number

PAGE_SIZE = 50
FACET_VALUES = 12
CSV_ROWS = 100_000


@dataclass(frozen=True)
class Column:
    """A shown column; ``link`` names how the template links it (article, actor, actors, cluster...)."""

    name: str
    label: str
    link: str | None = None
    sortable: bool = True
    numeric: bool = False


@dataclass(frozen=True)
class Filter:
    """A query-string parameter and the SQL condition it sets; ``convert`` checks and turns the value."""

    param: str
    label: str
    condition: str
    convert: Callable[[str], list[Any]] = lambda value: [value]
    actor: bool = False  # the value names an actor (an id, a name or a country code): bound as its ids
    # rows found once by their own query (a word search): bound as the list of their keys
    search: Callable[[duckdb.DuckDBPyConnection, str], list[str]] | None = None


@dataclass(frozen=True)
class Facet:
    """Counts of the values of ``column`` (a list column when ``many``), each a link setting ``param``."""

    param: str
    label: str
    column: str
    label_column: str | None = None
    many: bool = False


@dataclass(frozen=True)
class Listing:
    name: str
    title: str
    source: str
    key: tuple[str, ...]
    columns: tuple[Column, ...]
    filters: tuple[Filter, ...]
    facets: tuple[Facet, ...] = ()
    default_sort: str = ""
    default_order: str = "desc"
    extra: tuple[str, ...] = field(default_factory=tuple)  # columns kept for links, not shown

    @property
    def table(self) -> str:
        return f"web_{self.name}"


def materialize(connection: duckdb.DuckDBPyConnection, tables: dict[str, str]) -> None:
    """Each listing's rows as a table of the in-memory snapshot, so a page, its totals and
    its facets scan one narrow table instead of joining the store's tables again for each."""
    for table, source in tables.items():
        connection.execute(f"CREATE OR REPLACE TEMP TABLE {table} AS {source}")


@dataclass
class Conditions:
    by_param: dict[str, tuple[str, list[Any]]] = field(default_factory=dict)

    def where(self, skip: str | None = None) -> tuple[str, list[Any]]:
        chosen = [(sql, params) for param, (sql, params) in self.by_param.items() if param != skip]
        return (" AND ".join(sql for sql, _ in chosen) or "TRUE"), [p for _, params in chosen for p in params]


Resolver = Callable[[str], list[str]]


def conditions_of(connection: duckdb.DuckDBPyConnection, listing: Listing, query: dict[str, str],
                  resolve: Resolver) -> Conditions:
    found = Conditions()
    for item in listing.filters:
        value = query.get(item.param, "").strip()
        if not value:
            continue
        if item.search:
            params = [item.search(connection, value)]
        else:
            params = [resolve(value)] if item.actor else item.convert(value)
        found.by_param[item.param] = (f"({item.condition})", params)
    return found


def sort_of(listing: Listing, query: dict[str, str]) -> tuple[str, str]:
    sortable = [c.name for c in listing.columns if c.sortable]
    sort = query.get("sort") or listing.default_sort
    if sort not in sortable:
        raise QueryError(f"sort must be one of {', '.join(sortable)}, not {sort!r}")
    order = query.get("order") or (listing.default_order if sort == listing.default_sort else "asc")
    if order not in ("asc", "desc"):
        raise QueryError(f"order must be asc or desc, not {order!r}")
    return sort, order


def browse(connection: duckdb.DuckDBPyConnection, listing: Listing, query: dict[str, str], path: str,
           resolve: Resolver, with_facets: bool = True) -> dict[str, Any]:
    """One page of ``listing`` for the request's query string, with totals, facets and links."""
    conditions = conditions_of(connection, listing, query, resolve)
    sort, order = sort_of(listing, query)
    size_name = "top" if query.get("top") and not query.get("size") else "size"  # top: the older name
    size = page_size(query.get(size_name, ""), PAGE_SIZE, size_name)
    page = whole_number(query.get("page") or "1", "page")
    where, params = conditions.where()
    [(total,)] = connection.execute(f"SELECT count(*) FROM {listing.table} WHERE {where}", params).fetchall()
    offset = (page - 1) * size
    if offset > max(total - 1, 0):
        raise QueryError(f"page {page} is past the last page ({max(1, -(-total // size))})")
    rows = rows_of(connection, listing, where, params, sort, order, size, offset)
    kept = {k: v for k, v in query.items() if v}
    return {
        "kind": listing.name, "title": listing.title, "total": total, "page": page, "size": size,
        "pages": max(1, -(-total // size)), "sort": sort, "order": order, "query": kept,
        "columns": [{"name": c.name, "label": c.label, "link": c.link, "sortable": c.sortable,
                     "numeric": c.numeric, "sort_href": sort_href(path, kept, c.name, sort, order)}
                    for c in listing.columns],
        "kept": {k: kept[k] for k in ("sort", "order", "size") if k in kept},
        "filters": [{"param": f.param, "label": f.label, "value": kept.get(f.param, "")} for f in listing.filters],
        "facets": [facet_counts(connection, listing, facet, conditions, path, kept)
                   for facet in (listing.facets if with_facets else ())],
        "rows": rows,
        "next": href(path, {**kept, "page": str(page + 1)}) if offset + size < total else None,
        "previous": href(path, {**kept, "page": str(page - 1)}) if page > 1 else None,
        "csv": href(f"{path}.csv", {k: v for k, v in kept.items() if k not in ("page", "size")}),
        "json": href(f"{path}.json", kept),
    }


def csv_bytes(connection: duckdb.DuckDBPyConnection, listing: Listing, query: dict[str, str],
              resolve: Resolver) -> bytes:
    """Every matching row (up to CSV_ROWS) as CSV, list values joined by "; "."""
    where, params = conditions_of(connection, listing, query, resolve).where()
    lists = {name for name, kind in connection.execute(
        "SELECT column_name, data_type FROM duckdb_columns() WHERE table_name = ?", [listing.table]).fetchall()
        if kind.endswith("[]")}
    columns = ", ".join(f"array_to_string({quoted(n)}, '; ') AS {quoted(n)}" if n in lists else quoted(n)
                        for n in shown_names(listing))
    table = connection.sql(f"SELECT {columns} FROM {listing.table} WHERE {where} "
                           f"{ordering(listing, *sort_of(listing, query))} LIMIT ?",
                           params=[*params, CSV_ROWS]).to_arrow_table()
    out = io.BytesIO()
    pa_csv.write_csv(table, out)
    return out.getvalue()


def shown_names(listing: Listing) -> list[str]:
    shown = [c.name for c in listing.columns]
    return shown + [e for e in listing.extra if e not in shown]


def quoted(name: str) -> str:
    return f'"{name}"'


def ordering(listing: Listing, sort: str, order: str) -> str:
    """The ORDER BY clause: the chosen column, then the key so that pages never overlap."""
    return f"ORDER BY {quoted(sort)} {order.upper()} NULLS LAST, {', '.join(map(quoted, listing.key))}"


def rows_of(connection, listing: Listing, where: str, params: list, sort: str, order: str, limit: int,
            offset: int) -> list[dict]:
    names = shown_names(listing)
    cursor = connection.execute(f"SELECT {', '.join(map(quoted, names))} FROM {listing.table} WHERE {where} "
                                f"{ordering(listing, sort, order)} LIMIT ? OFFSET ?", [*params, limit, offset])
    return [dict(zip(names, row)) for row in cursor.fetchall()]


def facet_counts(connection, listing: Listing, facet: Facet, conditions: Conditions, path: str,
                 kept: dict[str, str]) -> dict[str, Any]:
    where, params = conditions.where(skip=facet.param)
    label = facet.label_column or facet.column
    value = f"unnest({facet.column})" if facet.many else facet.column
    shown = f"unnest({label})" if facet.many else label
    rows = connection.execute(
        f"SELECT value, any_value(shown), count(*) AS n FROM (SELECT {value} AS value, {shown} AS shown "
        f"FROM {listing.table} WHERE {where}) WHERE value IS NOT NULL GROUP BY value "
        "ORDER BY n DESC, value LIMIT ?", [*params, FACET_VALUES]).fetchall()
    selected = kept.get(facet.param)
    without = {k: v for k, v in kept.items() if k not in (facet.param, "page")}
    return {"param": facet.param, "label": facet.label, "selected": selected,
            "clear_href": href(path, without) if selected else None,
            "values": [{"value": str(v), "label": str(shown if shown is not None else v), "count": n,
                        "selected": str(v) == selected, "href": href(path, {**without, facet.param: str(v)})}
                       for v, shown, n in rows]}


def sort_href(path: str, kept: dict[str, str], column: str, sort: str, order: str) -> str:
    flipped = "asc" if (column == sort and order == "desc") else "desc"
    return href(path, {**{k: v for k, v in kept.items() if k != "page"}, "sort": column, "order": flipped})


def href(path: str, query: dict[str, str]) -> str:
    return f"{path}?{urlencode(query)}" if query else path
