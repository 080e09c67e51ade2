"""The store's tables: one definition serves DuckDB, Arrow and the Parquet export.

Article tables hold what ``ingest`` wrote for each article, keyed by ``article_id``, and change only
article by article. Derived tables are rebuilt as a whole by corpus linking.
"""

from __future__ import annotations

import pyarrow as pa

SCHEMA_VERSION = 2

ACTOR_REF = ["id VARCHAR", "name VARCHAR", "type VARCHAR", "country VARCHAR", "sector VARCHAR", "role VARCHAR"]


def span(prefix: str) -> list[str]:
    return [f"{prefix}_start INTEGER", f"{prefix}_end INTEGER", f"{prefix}_text VARCHAR"]


def actor_ref(prefix: str) -> list[str]:
    return [f"{prefix}_{column}" for column in ACTOR_REF]


ARTICLE_TABLES: dict[str, list[str]] = {
    "articles": [
        "article_id VARCHAR", "title VARCHAR", "date VARCHAR", "source VARCHAR", "url VARCHAR", "path VARCHAR",
        "author VARCHAR", "language VARCHAR", "text VARCHAR", "metadata VARCHAR", "warnings VARCHAR[]",
        "notes VARCHAR[]", "model VARCHAR", "analysis_schema VARCHAR",
    ],
    "blocks": [
        "article_id VARCHAR", "block_index INTEGER", "kind VARCHAR", "start INTEGER", "end INTEGER",
        "text VARCHAR", "credit VARCHAR", "twin INTEGER",
    ],
    "actors": [
        "article_id VARCHAR", "actor_id VARCHAR", "name VARCHAR", "type VARCHAR", "country VARCHAR",
        "sector VARCHAR", "organisation VARCHAR", "role VARCHAR", "aliases VARCHAR[]", "gender VARCHAR",
    ],
    "mentions": [
        "article_id VARCHAR", "mention_index INTEGER", "start INTEGER", "end INTEGER", "text VARCHAR",
        "actor_id VARCHAR", "kind VARCHAR", "paragraph INTEGER", "in_quote BOOLEAN",
    ],
    "quotes": [
        "article_id VARCHAR", "quote_id VARCHAR", "text VARCHAR", "start INTEGER", "end INTEGER", "kind VARCHAR",
        *actor_ref("speaker"), *span("speaker_mention"), *span("cue"), "paragraph INTEGER", "pullquote BOOLEAN",
        "twin VARCHAR", "confidence DOUBLE",
    ],
    "events": [
        "article_id VARCHAR", "event_id VARCHAR", "type VARCHAR", *span("trigger"), *span("sentence"),
        "mode VARCHAR", "context VARCHAR[]", "negated BOOLEAN", "hypothetical BOOLEAN", "future BOOLEAN",
        "claimed_by VARCHAR", *actor_ref("claimed_by_speaker"), "date VARCHAR", "date_source VARCHAR",
        *span("date_span"), "place_name VARCHAR", "place_country VARCHAR", "place_latitude DOUBLE",
        "place_longitude DOUBLE", *span("place_span"), "score DOUBLE", "quad_class INTEGER", "quad_label VARCHAR",
        "cameo VARCHAR", "goldstein DOUBLE", "paragraph INTEGER", "confidence DOUBLE",
    ],
    "event_actors": [
        "article_id VARCHAR", "event_id VARCHAR", "side VARCHAR", "position INTEGER", *actor_ref("actor"),
    ],
    "signatures": ["article_id VARCHAR", "minhash UINTEGER[]"],
}

RUN_TABLES: dict[str, list[str]] = {
    "ingest_errors": ["source VARCHAR", "reason VARCHAR", "article_id VARCHAR"],  # an article id: analysis failed
}

DERIVED_TABLES: dict[str, list[str]] = {
    "duplicates": ["article_id VARCHAR", "duplicate_of VARCHAR", "similarity DOUBLE"],
    "corpus_actors": [
        "corpus_actor_id VARCHAR", "name VARCHAR", "type VARCHAR", "country VARCHAR", "sector VARCHAR",
        "organisation VARCHAR", "role VARCHAR", "aliases VARCHAR[]", "articles INTEGER", "mentions INTEGER",
    ],
    "actor_links": ["article_id VARCHAR", "actor_id VARCHAR", "corpus_actor_id VARCHAR"],
    "quote_clusters": [
        "cluster_id VARCHAR", "text VARCHAR", "speaker_id VARCHAR", "speaker_name VARCHAR", "first_date DATE",
        "first_source VARCHAR", "first_article_id VARCHAR", "first_url VARCHAR", "quotes INTEGER",
        "articles INTEGER", "sources INTEGER", "variants INTEGER",
    ],
    "quote_links": ["article_id VARCHAR", "quote_id VARCHAR", "cluster_id VARCHAR"],
    "event_clusters": [
        "cluster_id BIGINT", "date DATE", "root_event BOOLEAN", "type VARCHAR", "mode VARCHAR", "cameo VARCHAR", "quad_class INTEGER",
        "goldstein DOUBLE", "score DOUBLE", "source_id VARCHAR", "source_name VARCHAR", "source_country VARCHAR",
        "target_id VARCHAR", "target_name VARCHAR", "target_country VARCHAR", "place_name VARCHAR",
        "place_country VARCHAR", "latitude DOUBLE", "longitude DOUBLE", "num_mentions INTEGER",
        "num_articles INTEGER", "num_sources INTEGER", "first_article_id VARCHAR", "source_url VARCHAR",
    ],
    "event_links": [
        "article_id VARCHAR", "event_id VARCHAR", "source_id VARCHAR", "target_id VARCHAR", "cluster_id BIGINT",
    ],
}

TABLES = {**ARTICLE_TABLES, **RUN_TABLES, **DERIVED_TABLES}

ARROW_TYPES = {
    "VARCHAR": pa.string(), "INTEGER": pa.int32(), "BIGINT": pa.int64(), "DOUBLE": pa.float64(),
    "BOOLEAN": pa.bool_(), "DATE": pa.date32(), "VARCHAR[]": pa.list_(pa.string()),
    "UINTEGER[]": pa.list_(pa.uint32()),
}


def columns(table: str) -> list[tuple[str, str]]:
    """(name, DuckDB type) of each column of ``table``."""
    return [tuple(definition.split(" ", 1)) for definition in TABLES[table]]  # type: ignore[misc]


def column_names(table: str) -> list[str]:
    return [name for name, _ in columns(table)]


def arrow_schema(table: str) -> pa.Schema:
    return pa.schema([(name, ARROW_TYPES[kind]) for name, kind in columns(table)])


def create_statement(table: str) -> str:
    body = ", ".join(f'"{name}" {kind}' for name, kind in columns(table))
    return f"CREATE TABLE IF NOT EXISTS {table} ({body})"
