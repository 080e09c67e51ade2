"""The questions users ask of a corpus, answered from a store or from its Parquet export.

``Corpus(path)`` opens a store file read-only, or a folder of Parquet files written by
``newsgraph export --format parquet`` (or by a cluster run with the same schema); the same SQL
answers both. Every value from the user is a bound parameter.
"""

from __future__ import annotations

import difflib
from datetime import date
from pathlib import Path

import duckdb
import networkx as nx
import pyarrow as pa

from ..store import Store, StoreError
from ..store.schema import TABLES, create_statement
from .link import parse_day

PERIODS = {  # label and step of each period, for the period starting at ``start``
    "day": ("strftime(start, '%Y-%m-%d')", "INTERVAL 1 DAY"),
    "week": ("strftime(start, '%G-W%V')", "INTERVAL 7 DAY"),
    "month": ("strftime(start, '%Y-%m')", "INTERVAL 1 MONTH"),
    "quarter": ("strftime(start, '%Y') || '-Q' || quarter(start)", "INTERVAL 3 MONTH"),
    "year": ("strftime(start, '%Y')", "INTERVAL 1 YEAR"),
}
QUAD_CLASSES = {1: "verbal_cooperation", 2: "material_cooperation", 3: "verbal_conflict", 4: "material_conflict"}
KEPT_ARTICLES = "article_id NOT IN (SELECT article_id FROM duplicates)"
SPEAKER_LINK = "actor_links AS l ON l.article_id = q.article_id AND l.actor_id = q.speaker_id"
# About an actor: it is named inside the quotation, or in the same paragraph when it is not the speaker.
ABOUT = ("EXISTS (SELECT 1 FROM mentions AS m JOIN actor_links AS ml ON ml.article_id = m.article_id "
         "AND ml.actor_id = m.actor_id WHERE m.article_id = q.article_id AND list_contains(?, ml.corpus_actor_id) "
         "AND ((m.start >= q.start AND m.\"end\" <= q.\"end\") OR (m.paragraph = q.paragraph "
         "AND ml.corpus_actor_id IS DISTINCT FROM l.corpus_actor_id)))")


class UnknownActor(LookupError):
    """A name that matches no corpus actor; ``close`` holds the nearest names."""

    def __init__(self, name: str, close: list[str]) -> None:
        self.name, self.close = name, close
        hint = f"; close matches: {', '.join(close)}" if close else "; no close matches either"
        super().__init__(f"no actor matches {name!r} (by name, alias or country code){hint}")


class QueryError(ValueError):
    """A query option with a value the query cannot use."""


class Filters:
    """WHERE conditions, each with its bound parameters."""

    def __init__(self) -> None:
        self.conditions: list[str] = []
        self.params: list = []

    def add(self, condition: str, *params) -> None:
        self.conditions.append(condition)
        self.params.extend(params)

    def sql(self) -> str:
        return " AND ".join(self.conditions) or "TRUE"


class Corpus:
    """Read-only questions over a store file or a folder of Parquet tables; answers are Arrow tables."""

    def __init__(self, path: str | Path, connection: duckdb.DuckDBPyConnection | None = None) -> None:
        """``connection``, when given, already holds the tables of ``path`` (an in-memory copy)."""
        self.path = Path(path)
        if connection is not None:
            self.connection = connection
            self.store = None
        elif self.path.is_dir():
            self.connection = parquet_connection(self.path)
            self.store = None
        else:
            self.store = Store(self.path, read_only=True)
            self.connection = self.store.connection

    def close(self) -> None:
        self.connection.close()

    def __enter__(self) -> Corpus:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()

    def query(self, sql: str, params: list | None = None) -> pa.Table:
        return self.connection.sql(sql, params=params or []).to_arrow_table()

    def table(self, name: str) -> pa.Table:
        if name not in TABLES:
            raise QueryError(f"no table {name!r}; the tables are {', '.join(TABLES)}")
        return self.query(f"SELECT * FROM {name}")

    def resolve(self, name: str) -> list[str]:
        """Corpus actor ids named ``name``: canonical name, alias, or (for three letters) country code."""
        rows = self.connection.execute(
            "SELECT corpus_actor_id FROM corpus_actors WHERE lower(name) = lower(?) "
            "OR list_contains(list_transform(aliases, lambda a: lower(a)), lower(?)) "
            "OR (length(?) = 3 AND country = upper(?)) ORDER BY corpus_actor_id", [name] * 4).fetchall()
        if not rows:
            raise UnknownActor(name, self.close_matches(name))
        return [actor_id for (actor_id,) in rows]

    def close_matches(self, name: str) -> list[str]:
        names = [n for (n,) in self.connection.execute(
            "SELECT DISTINCT name FROM corpus_actors UNION SELECT DISTINCT country FROM corpus_actors "
            "WHERE country IS NOT NULL").fetchall()]
        by_lower = {n.lower(): n for n in names}
        return [by_lower[m] for m in difflib.get_close_matches(name.lower(), list(by_lower), n=5, cutoff=0.6)]

    def relations(self, first: str, second: str, by: str = "month") -> pa.Table:
        """Event clusters between two actors per period, both directions: counts by quad class, scores."""
        if by not in PERIODS:
            raise QueryError(f"--by must be one of {', '.join(PERIODS)}, not {by!r}")
        a, b = self.resolve(first), self.resolve(second)
        label, step = PERIODS[by]
        quads = ", ".join(f"count(*) FILTER (WHERE p.quad_class = {n}) AS {name}" for n, name in QUAD_CLASSES.items())
        direction = ("SELECT ? AS direction, *, date_trunc(?, date)::TIMESTAMP AS start FROM event_clusters "
                     "WHERE list_contains(?, source_id) AND list_contains(?, target_id) AND date IS NOT NULL")
        forward, backward = f"{first} → {second}", f"{second} → {first}"
        return self.query(
            f"WITH pairs AS ({direction} UNION ALL {direction}), "
            "periods AS (SELECT unnest(generate_series(min(start), max(start), "
            f"{step})) AS start FROM pairs) "
            f"SELECT {label} AS period, d.direction, count(p.cluster_id) AS events, {quads}, "
            "round(coalesce(sum(p.score), 0), 2) AS score_sum, round(avg(p.score), 2) AS score_mean, "
            "CAST(coalesce(sum(p.num_articles), 0) AS INTEGER) "
            "AS articles FROM periods CROSS JOIN (SELECT unnest([?, ?]) AS direction) AS d "
            "LEFT JOIN pairs AS p USING (start, direction) GROUP BY ALL ORDER BY period, d.direction",
            [forward, by, a, b, backward, by, b, a, forward, backward])

    def speakers(self, top: int = 20, about: str | None = None, outlet: str | None = None) -> pa.Table:
        """Who is quoted most (near-duplicate articles counted once)."""
        filters = Filters()
        filters.add(f"q.{KEPT_ARTICLES}")
        if outlet:
            filters.add("contains(lower(a.source), lower(?))", outlet)
        if about:
            filters.add(ABOUT, self.resolve(about))
        return self.query(
            "SELECT c.name AS speaker, c.type, c.country, c.role, count(*) AS quotes, "
            "count(DISTINCT q.article_id) AS articles, count(DISTINCT a.source) AS outlets, "
            "min(a.date) AS first, max(a.date) AS last FROM quotes AS q JOIN articles AS a USING (article_id) "
            f"JOIN {SPEAKER_LINK} JOIN corpus_actors AS c USING (corpus_actor_id) WHERE {filters.sql()} "
            "GROUP BY ALL ORDER BY quotes DESC, speaker LIMIT ?", [*filters.params, top])

    def quotes(self, speaker: str | None = None, about: str | None = None, search: str | None = None,
               since: str | None = None, limit: int = 50) -> pa.Table:
        """Quotation clusters with a member matching every filter, most widely carried first."""
        filters = Filters()
        if speaker:
            filters.add("list_contains(?, l.corpus_actor_id)", self.resolve(speaker))
        if about:
            filters.add(ABOUT, self.resolve(about))
        if search:
            filters.add("contains(lower(q.text), lower(?))", search)
        if since:
            filters.add("TRY_CAST(a.date AS DATE) >= ?", checked_day(since, "--since"))
        return self.query(
            "SELECT c.first_date, c.first_source, c.speaker_name AS speaker, c.text, c.articles, c.sources, "
            "c.variants, c.cluster_id FROM quote_clusters AS c WHERE c.cluster_id IN (SELECT ql.cluster_id "
            "FROM quotes AS q JOIN quote_links AS ql USING (article_id, quote_id) JOIN articles AS a "
            f"USING (article_id) LEFT JOIN {SPEAKER_LINK} WHERE {filters.sql()}) "
            "ORDER BY c.articles DESC, c.sources DESC, c.first_date, c.cluster_id LIMIT ?", [*filters.params, limit])

    def actors(self, country: str | None = None, sector: str | None = None, limit: int = 50) -> pa.Table:
        """Corpus actors, most mentioned first."""
        filters = Filters()
        if country:
            filters.add("upper(c.country) = upper(?)", country)
        if sector:
            filters.add("upper(c.sector) = upper(?)", sector)
        return self.query(
            "SELECT c.name, c.type, c.country, c.sector, c.role, c.articles, c.mentions, "
            f"(SELECT count(*) FROM quotes AS q JOIN {SPEAKER_LINK} WHERE l.corpus_actor_id = c.corpus_actor_id "
            f"AND q.{KEPT_ARTICLES}) AS quotes, "
            "(SELECT count(*) FROM event_clusters AS e WHERE c.corpus_actor_id IN (e.source_id, e.target_id)) "
            f"AS events FROM corpus_actors AS c WHERE {filters.sql()} "
            "ORDER BY c.mentions DESC, c.name LIMIT ?", [*filters.params, limit])

    def actor(self, name: str, limit: int = 20) -> dict[str, pa.Table]:
        """One actor's profile: who it is, its roles, quotations, events and counterparts."""
        ids = self.resolve(name)
        return {
            "actor": self.query("SELECT name, type, country, sector, organisation, role, aliases, articles, "
                                "mentions FROM corpus_actors WHERE list_contains(?, corpus_actor_id) "
                                "ORDER BY mentions DESC", [ids]),
            "roles": self.query(
                "SELECT a.role, a.organisation, count(*) AS articles FROM actors AS a JOIN actor_links AS l "
                "USING (article_id, actor_id) WHERE list_contains(?, l.corpus_actor_id) "
                "AND (a.role IS NOT NULL OR a.organisation IS NOT NULL) GROUP BY ALL ORDER BY articles DESC", [ids]),
            "quotations": self.query(
                f"SELECT a.date, a.source, q.text FROM quotes AS q JOIN articles AS a USING (article_id) "
                f"JOIN {SPEAKER_LINK} WHERE list_contains(?, l.corpus_actor_id) AND q.{KEPT_ARTICLES} "
                "ORDER BY a.date DESC NULLS LAST, q.article_id, q.quote_id LIMIT ?", [ids, limit]),
            "events": self.query(
                "SELECT date, source_name AS actor, type, mode, target_name AS recipient, score, num_articles "
                "FROM event_clusters WHERE list_contains(?, source_id) OR list_contains(?, target_id) "
                "ORDER BY date DESC NULLS LAST, cluster_id LIMIT ?", [ids, ids, limit]),
            "counterparts": self.query(
                "SELECT other AS counterpart, count(*) AS events, count(*) FILTER (WHERE outgoing) AS as_recipient, "
                "count(*) FILTER (WHERE NOT outgoing) AS as_actor, round(avg(score), 2) AS score_mean FROM "
                "(SELECT target_name AS other, TRUE AS outgoing, score FROM event_clusters "
                "WHERE list_contains(?, source_id) AND target_name IS NOT NULL UNION ALL "
                "SELECT source_name, FALSE, score FROM event_clusters "
                "WHERE list_contains(?, target_id) AND source_name IS NOT NULL) "
                "GROUP BY ALL ORDER BY events DESC, counterpart LIMIT ?", [ids, ids, limit]),
        }

    def network(self) -> nx.DiGraph:
        """Actors linked by the event clusters between them, weighted by count and scores."""
        graph = nx.DiGraph()
        for actor_id, name, kind, country, sector in self.connection.execute(
                "SELECT corpus_actor_id, name, type, country, sector FROM corpus_actors WHERE corpus_actor_id IN "
                "(SELECT source_id FROM event_clusters UNION SELECT target_id FROM event_clusters)").fetchall():
            graph.add_node(actor_id, name=name, type=kind, country=country or "", sector=sector or "")
        for source, target, events, score_sum, score_mean, goldstein in self.connection.execute(
                "SELECT source_id, target_id, count(*), coalesce(sum(score), 0), coalesce(avg(score), 0), "
                "coalesce(avg(goldstein), 0) FROM event_clusters WHERE source_id IS NOT NULL "
                "AND target_id IS NOT NULL GROUP BY ALL ORDER BY ALL").fetchall():
            graph.add_edge(source, target, weight=events, events=events, score_sum=round(score_sum, 3),
                           score_mean=round(score_mean, 3), goldstein_mean=round(goldstein, 3))
        return graph

    def most_active_states(self, count: int = 2) -> list[str]:
        """The country codes taking part in the most event clusters between two different states."""
        rows = self.connection.execute(
            "SELECT code, count(*) AS n FROM (SELECT source_country AS code FROM event_clusters "
            "WHERE source_country IS NOT NULL AND target_country IS NOT NULL AND source_country <> target_country "
            "UNION ALL SELECT target_country FROM event_clusters WHERE source_country IS NOT NULL "
            "AND target_country IS NOT NULL AND source_country <> target_country) "
            "GROUP BY code ORDER BY n DESC, code LIMIT ?", [count]).fetchall()
        return [code for code, _ in rows]

    def stats(self) -> pa.Table:
        """What the corpus holds, one measure per row."""
        [(articles, outlets, first, last)] = self.connection.execute(
            "SELECT count(*), count(DISTINCT source), min(TRY_CAST(date AS DATE)), max(TRY_CAST(date AS DATE)) "
            "FROM articles").fetchall()
        counts = {name: self.connection.execute(f"SELECT count(*) FROM {name}").fetchall()[0][0]
                  for name in ("duplicates", "corpus_actors", "mentions", "quotes", "quote_clusters", "events",
                               "event_clusters", "ingest_errors")}
        measures = [("articles", articles), ("outlets", outlets), ("first date", first), ("last date", last),
                    ("near-duplicate articles", counts["duplicates"]), ("actors", counts["corpus_actors"]),
                    ("mentions", counts["mentions"]), ("quotations", counts["quotes"]),
                    ("quotation clusters", counts["quote_clusters"]), ("events", counts["events"]),
                    ("event clusters", counts["event_clusters"]), ("skipped inputs", counts["ingest_errors"])]
        return pa.table({"measure": [m for m, _ in measures],
                         "value": ["" if v is None else str(v) for _, v in measures]})


def checked_day(value: str, option: str) -> date:
    day = parse_day(value)
    if day is None or len(value) != 10:
        raise QueryError(f"{option} expects a date like 2024-03-01, not {value!r}")
    return day


def parquet_connection(folder: Path) -> duckdb.DuckDBPyConnection:
    """An in-memory database whose tables are views over ``folder/<table>.parquet`` (an export), or over the
    Parquet files under ``folder/<table>/`` (a Spark run's, partitioned by date)."""
    missing = [name for name in TABLES if not (folder / f"{name}.parquet").is_file() and not (folder / name).is_dir()]
    if missing:
        raise StoreError(f"{folder} is not a newsgraph Parquet export: missing {', '.join(m + '.parquet' for m in missing)}")
    connection = duckdb.connect()
    for name in TABLES:
        if (folder / f"{name}.parquet").is_file():
            connection.read_parquet(str(folder / f"{name}.parquet")).create_view(name)
        elif any((folder / name).rglob("*.parquet")):
            # The partition folders (day=...) are not columns: each file holds the table's own columns.
            connection.read_parquet(str(folder / name / "**" / "*.parquet"), hive_partitioning=False,
                                    union_by_name=True).create_view(name)
        else:
            connection.execute(create_statement(name))  # no rows yet
    return connection
