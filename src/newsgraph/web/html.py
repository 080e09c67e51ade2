"""HTML for a Page: plain, readable tables with links between actors, quotations and articles."""

from __future__ import annotations

from html import escape
from typing import TYPE_CHECKING, Any
from urllib.parse import quote, urlencode

if TYPE_CHECKING:
    from .app import Page

ACTOR_COLUMNS = {"speaker", "name", "actor", "recipient", "counterpart", "speaker_name"}
NAVIGATION = [("/", "Corpus"), ("/speakers", "Speakers"), ("/quotes", "Quotations"), ("/actors", "Actors")]
STYLE = """
body { font: 15px/1.45 system-ui, sans-serif; margin: 2rem auto; max-width: 72rem; padding: 0 1rem; color: #222; }
nav a { margin-right: 1rem; } h1 { font-size: 1.5rem; } h2 { font-size: 1.1rem; margin-top: 2rem; }
table { border-collapse: collapse; width: 100%; } th, td { text-align: left; padding: .3rem .5rem; vertical-align: top; }
th { border-bottom: 2px solid #999; } td { border-bottom: 1px solid #ddd; } td.number { text-align: right; }
form input { margin-right: .5rem; } .twin { float: right; font-size: .9rem; } pre { white-space: pre-wrap; }
.message { color: #a00; }
"""


def render_html(page: Page, path: str, query: dict[str, str]) -> str:
    twin = ("/index.json" if path == "/" else f"{path}.json") + (f"?{urlencode(query)}" if query else "")
    parts = [f"<!doctype html><html lang='en'><head><meta charset='utf-8'><title>{escape(page.title)} · newsgraph"
             f"</title><style>{STYLE}</style></head><body>",
             "<nav>" + "".join(f"<a href='{href}'>{label}</a>" for href, label in NAVIGATION) + "</nav>",
             f"<a class='twin' href='{escape(twin)}'>JSON</a><h1>{escape(page.title)}</h1>"]
    if page.filters:
        parts.append(filter_form(page.filters, query))
    if page.image:
        parts.append(f"<p><img src='{escape(page.image)}' alt='chart of {escape(page.title)}' width='720'></p>")
    for name, table in page.tables.items():
        parts.append(f"<h2>{escape(name)}</h2>{table_html(table.to_pylist(), table.column_names)}")
    if page.text and page.tables:
        parts.append(f"<h2>Text</h2><pre>{escape(page.text)}</pre>")
    elif page.text:
        parts.append(f"<p class='message'>{escape(page.text)}</p>")
    return "".join(parts) + "</body></html>"


def filter_form(filters: tuple[str, ...], query: dict[str, str]) -> str:
    fields = "".join(f"<label>{name} <input name='{name}' value='{escape(query.get(name, ''))}'></label>"
                     for name in filters)
    return f"<form method='get'>{fields}<button type='submit'>Filter</button></form>"


def table_html(rows: list[dict[str, Any]], columns: list[str]) -> str:
    if not rows:
        return "<p>Nothing yet.</p>"
    head = "".join(f"<th>{escape(c)}</th>" for c in columns)
    body = "".join("<tr>" + "".join(cell(c, row[c]) for c in columns) + "</tr>" for row in rows)
    return f"<table><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>"


def cell(column: str, value: Any) -> str:
    if value is None:
        return "<td></td>"
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return f"<td class='number'>{value}</td>"
    text = ", ".join(map(str, value)) if isinstance(value, list) else str(value)
    if column in ACTOR_COLUMNS and text:
        return f"<td><a href='/actors/{quote(text, safe='')}'>{escape(text)}</a></td>"
    if column == "article_id":
        return f"<td><a href='/articles/{quote(text, safe='')}'>{escape(text)}</a></td>"
    return f"<td>{escape(text)}</td>"
