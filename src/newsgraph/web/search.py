"""Word and phrase search over quotations and article text.

DuckDB's ``fts`` extension is not bundled with the duckdb wheel and cannot be downloaded here, so the
web view keeps its own word index: tables of the distinct lower-cased words of each quotation and
each article, built in each in-memory snapshot of the corpus (see ``snapshot``). A query's words
narrow the candidates through the index; each phrase is then checked on the text with word
boundaries, so "war" never matches "forward".
"""

from __future__ import annotations

import re
from dataclasses import dataclass

import duckdb

from ..corpus import QueryError

WORD = r"[\pL\pN]+"
PHRASE = re.compile(r'"([^"]*)"|(\S+)')
TOKEN = re.compile(r"[^\W_]+")
GAP = r"[^\pL\pN]+"
INDEXES = {
    "web_quote_words": "SELECT DISTINCT article_id || chr(31) || quote_id AS key, "
                       f"unnest(regexp_extract_all(lower(text), '{WORD}')) AS word FROM quotes",
    "web_article_words": "SELECT DISTINCT article_id AS key, "
                         f"unnest(regexp_extract_all(lower(text), '{WORD}')) AS word FROM articles",
}


def build_word_index(connection: duckdb.DuckDBPyConnection) -> None:
    for table, select in INDEXES.items():
        connection.execute(f"CREATE OR REPLACE TEMP TABLE {table} AS {select}")


@dataclass(frozen=True)
class Search:
    words: list[str]
    patterns: list[str]


def parse_search(text: str) -> Search:
    """The distinct words of a query and one boundary-checked pattern per phrase or word."""
    words: list[str] = []
    patterns: list[str] = []
    for quoted, bare in PHRASE.findall(text):
        tokens = TOKEN.findall((quoted or bare).lower())
        if tokens:
            patterns.append(rf"(^|[^\pL\pN]){GAP.join(tokens)}($|[^\pL\pN])")
            words.extend(t for t in tokens if t not in words)
    if not words:
        raise QueryError(f"search needs at least one word, not {text!r}")
    return Search(words, patterns)


def matching_keys(connection: duckdb.DuckDBPyConnection, table: str, index: str, key: str, text: str,
                  query: str) -> list[str]:
    """The keys of the rows of ``table`` that have every searched word and every phrase in ``text``.

    The index narrows the rows to those with every word; each phrase is then a parameter of its own, so
    DuckDB compiles its pattern once, not once a row. Found once per request, the keys then serve the
    page, its total and its facets alike."""
    search = parse_search(query)
    phrases = " AND ".join(f"regexp_matches({text}, ?, 'i')" for _ in search.patterns)
    return [found for (found,) in connection.execute(
        f"SELECT {key} FROM {table} WHERE {key} IN (SELECT key FROM {index} WHERE word IN (SELECT unnest(?)) "
        f"GROUP BY key HAVING count(DISTINCT word) = ?) AND {phrases}",
        [search.words, len(search.words), *search.patterns]).fetchall()]
