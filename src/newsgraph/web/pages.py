"""Each page of the workbench as plain data: the HTML template and the JSON twin render the same dict."""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import urlencode

from ..corpus import Corpus, QueryError
from ..model import Analysis
from ..store import analysis_of
from ..store.schema import ARTICLE_TABLES
from .charts import MAX_BARS, bars, choose_period, geometry
from .listing import Listing, browse
from .listings import ACTORS, ARTICLES, EVENTS, LISTINGS, QUAD_LABELS, QUOTES, SPEAKERS, cluster_number
from .reader import ArticleLinks, reader_data
from .search import parse_search

SUGGESTIONS = 12
NETWORK_SIZE = 24


class NotFound(LookupError):
    """A page whose subject is not in the corpus."""


@dataclass
class Page:
    template: str
    title: str
    data: dict[str, Any] = field(default_factory=dict)
    record: dict[str, Any] | None = None  # the JSON twin when it is not ``data`` (an article's Analysis)


class Workbench:
    """The questions the pages ask, over one open corpus."""

    def __init__(self, corpus: Corpus) -> None:
        self.corpus = corpus
        self.connection = corpus.connection

    def rows(self, sql: str, params: list | None = None) -> list[dict[str, Any]]:
        cursor = self.connection.execute(sql, params or [])
        names = [d[0] for d in cursor.description]
        return [dict(zip(names, row)) for row in cursor.fetchall()]

    def actor_ids(self, value: str) -> list[str]:
        """An actor id as it is, or every actor a name, alias or country code stands for."""
        if self.rows("SELECT 1 FROM corpus_actors WHERE corpus_actor_id = ?", [value]):
            return [value]
        return self.corpus.resolve(value)

    def listing(self, name: str, query: dict[str, str]) -> Page:
        listing = LISTINGS[name]
        data = browse(self.connection, listing, query, f"/{name}", self.actor_ids)
        return Page("listing.html", listing.title, data)

    def embedded(self, listing: Listing, **query: str) -> dict[str, Any]:
        """A few rows of a list shown inside another page: no facets."""
        return browse(self.connection, listing, query, f"/{listing.name}", self.actor_ids, with_facets=False)

    # -- home, search and names

    def home(self) -> Page:
        counts = self.rows(
            "SELECT (SELECT count(*) FROM articles) AS articles, (SELECT count(DISTINCT source) FROM articles) "
            "AS outlets, (SELECT count(*) FROM quotes) AS quotations, (SELECT count(*) FROM events) AS events, "
            "(SELECT count(*) FROM corpus_actors) AS actors, (SELECT count(*) FROM quote_clusters) AS "
            "quote_clusters, (SELECT count(*) FROM event_clusters) AS event_clusters, "
            "(SELECT count(*) FROM event_clusters WHERE date IS NULL) AS undated_event_clusters, "
            "(SELECT min(TRY_CAST(left(date, 10) AS DATE)) FROM articles) AS first_date, "
            "(SELECT max(TRY_CAST(left(date, 10) AS DATE)) FROM articles) AS last_date")[0]
        data = {"counts": counts,
                "speakers": self.embedded(SPEAKERS, size="10")["rows"],
                "actors": self.embedded(ACTORS, size="10")["rows"],
                "articles": self.embedded(ARTICLES, size="8")["rows"],
                "relation": None}  # the pair of states with the most events between them
        pair = self.rows(
            "SELECT least(source_country, target_country) AS a, greatest(source_country, target_country) AS b "
            "FROM event_clusters WHERE source_country <> target_country GROUP BY ALL ORDER BY count(*) DESC, a, b "
            "LIMIT 1")
        if pair:
            data["relation"] = self.relation_data(pair[0]["a"], pair[0]["b"], None)
        return Page("home.html", "Corpus", data)

    def search(self, q: str = "") -> Page:
        data: dict[str, Any] = {"q": q, "quotes": None, "articles": None}
        if q.strip():
            parse_search(q)
            data["quotes"] = self.embedded(QUOTES, q=q, size="20")
            data["articles"] = self.embedded(ARTICLES, q=q, size="20")
        return Page("search.html", f"Search: {q}" if q else "Search", data)

    def suggest(self, q: str = "", kind: str = "actor") -> Page:
        """Actors (or, with kind=speaker, quoted actors) whose name starts or has a word starting with ``q``."""
        if kind not in ("actor", "speaker"):
            raise QueryError(f"kind must be actor or speaker, not {kind!r}")
        quoted = "AND c.corpus_actor_id IN (SELECT corpus_actor_id FROM actor_links AS l JOIN quotes AS q " \
                 "ON q.article_id = l.article_id AND q.speaker_id = l.actor_id)" if kind == "speaker" else ""
        found = self.rows(
            "SELECT c.corpus_actor_id AS id, c.name, c.type, c.country, c.mentions FROM corpus_actors AS c "
            f"WHERE (starts_with(lower(c.name), lower(?)) OR contains(lower(c.name), ' ' || lower(?))) {quoted} "
            "ORDER BY c.mentions DESC, c.name LIMIT ?", [q.strip(), q.strip(), SUGGESTIONS]) if q.strip() else []
        return Page("", "Suggestions", {"q": q, "suggestions": found})  # served as JSON only

    def names(self, name: str) -> Page:
        """Every actor a typed name could mean: by name, alias, country code, or a word of the name."""
        found = self.rows(
            "SELECT corpus_actor_id AS actor_id, name, type, country, sector, role, organisation, articles, "
            "mentions FROM corpus_actors WHERE lower(name) = lower(?) OR list_contains(list_transform(aliases, "
            "lambda a: lower(a)), lower(?)) OR (length(?) = 3 AND country = upper(?)) OR list_contains("
            "string_split(lower(name), ' '), lower(?)) ORDER BY mentions DESC, name", [name] * 5)
        close = [] if found else self.corpus.close_matches(name)
        return Page("names.html", f"Actors named {name}", {"name": name, "actors": found, "close": close})

    # -- one article

    def article(self, article_id: str) -> Page:
        analysis = self.stored_analysis(article_id)
        if analysis is None:
            raise NotFound(f"There is no article {article_id!r} in this corpus.")
        links = ArticleLinks(
            actors={r["actor_id"]: {"id": r["corpus_actor_id"], "name": r["name"]} for r in self.rows(
                "SELECT l.actor_id, l.corpus_actor_id, c.name FROM actor_links AS l JOIN corpus_actors AS c "
                "USING (corpus_actor_id) WHERE l.article_id = ?", [article_id])},
            quote_clusters={r["quote_id"]: r["cluster_id"] for r in self.rows(
                "SELECT quote_id, cluster_id FROM quote_links WHERE article_id = ?", [article_id])},
            event_clusters={r["event_id"]: sorted(r["ids"]) for r in self.rows(
                "SELECT event_id, list(DISTINCT cluster_id) AS ids FROM event_links WHERE article_id = ? "
                "GROUP BY 1", [article_id])})
        data = reader_data(analysis, links)
        duplicate = self.rows("SELECT duplicate_of FROM duplicates WHERE article_id = ?", [article_id])
        data["article"]["duplicate_of"] = duplicate[0]["duplicate_of"] if duplicate else None
        return Page("article.html", analysis.article.title or article_id, data, record=analysis.to_dict())

    def stored_analysis(self, article_id: str) -> Analysis | None:
        """An article's Analysis rebuilt from its rows, in the order they were stored."""
        rows = {table: self.rows(f"SELECT * FROM {table} WHERE article_id = ? ORDER BY rowid", [article_id])
                for table in ARTICLE_TABLES}
        return analysis_of(rows) if rows["articles"] else None

    # -- actors

    def actor(self, actor_id: str) -> Page:
        found = self.rows("SELECT corpus_actor_id AS actor_id, name, type, country, sector, organisation, role, "
                          "aliases, articles, mentions FROM corpus_actors WHERE corpus_actor_id = ?", [actor_id])
        if not found:
            raise NotFound(f"There is no actor with the id {actor_id!r}.")
        actor = found[0]
        ids = [actor_id]
        namesakes = self.rows(
            "SELECT corpus_actor_id AS actor_id, name, type, country, mentions FROM corpus_actors "
            "WHERE corpus_actor_id <> ? AND (lower(name) = lower(?) OR list_contains(list_transform(aliases, "
            "lambda a: lower(a)), lower(?))) ORDER BY mentions DESC LIMIT 10", [actor_id, actor["name"], actor["name"]])
        data = {
            "actor": actor, "namesakes": namesakes,
            "roles": self.rows(
                "SELECT a.role, a.organisation, count(*) AS articles FROM actors AS a JOIN actor_links AS l "
                "USING (article_id, actor_id) WHERE l.corpus_actor_id = ? AND (a.role IS NOT NULL OR "
                "a.organisation IS NOT NULL) GROUP BY ALL ORDER BY articles DESC LIMIT 10", ids),
            "quotes": self.embedded(QUOTES, speaker=actor_id, size="10"),
            "events": self.embedded(EVENTS, actor=actor_id, size="10"),
            "counterparts": self.counterparts(actor_id, 20),
        }
        return Page("actor.html", actor["name"], data)

    def counterparts(self, actor_id: str, limit: int) -> list[dict[str, Any]]:
        return self.rows(
            "SELECT other AS actor_id, any_value(c.name) AS name, count(*) AS events, "
            "count(*) FILTER (WHERE outgoing) AS as_recipient, count(*) FILTER (WHERE NOT outgoing) AS as_actor, "
            "round(avg(score), 2) AS score_mean FROM (SELECT target_id AS other, TRUE AS outgoing, score "
            "FROM event_clusters WHERE source_id = ? AND target_id IS NOT NULL AND target_id <> ? UNION ALL "
            "SELECT source_id, FALSE, score FROM event_clusters WHERE target_id = ? AND source_id IS NOT NULL "
            "AND source_id <> ?) JOIN corpus_actors AS c ON c.corpus_actor_id = other "
            "GROUP BY other ORDER BY events DESC, name LIMIT ?", [actor_id, actor_id, actor_id, actor_id, limit])

    def network(self, actor_id: str) -> Page:
        """The actor in the middle, its counterparts around it, and the events among them all."""
        centre = self.actor(actor_id).data["actor"]
        around = self.counterparts(actor_id, NETWORK_SIZE)
        nodes = [{"id": actor_id, "name": centre["name"], "x": 400.0, "y": 300.0, "centre": True, "events": 0}]
        for index, other in enumerate(around):
            angle = 2 * math.pi * index / max(len(around), 1) - math.pi / 2
            nodes.append({"id": other["actor_id"], "name": other["name"], "events": other["events"],
                          "x": round(400 + 250 * math.cos(angle), 1), "y": round(300 + 230 * math.sin(angle), 1),
                          "centre": False, "anchor": "start" if math.cos(angle) > 0.1 else
                          ("end" if math.cos(angle) < -0.1 else "middle")})
        ids = [n["id"] for n in nodes]
        edges = self.rows(
            "SELECT source_id AS source, target_id AS target, count(*) AS events, round(avg(score), 2) AS score "
            "FROM event_clusters WHERE list_contains(?, source_id) AND list_contains(?, target_id) "
            "AND source_id <> target_id GROUP BY ALL ORDER BY events DESC", [ids, ids])
        where = {n["id"]: n for n in nodes}
        top = max((e["events"] for e in edges), default=1)
        for edge in edges:
            a, b = where[edge["source"]], where[edge["target"]]
            edge.update(x1=a["x"], y1=a["y"], x2=b["x"], y2=b["y"], width=round(1 + 5 * edge["events"] / top, 1),
                        tone=tone(edge["score"]))
        return Page("network.html", f"Network of {centre['name']}",
                    {"actor": centre, "nodes": nodes, "edges": edges, "counterparts": around})

    # -- clusters

    def quote_cluster(self, cluster_id: str) -> Page:
        found = self.rows("SELECT * FROM quote_clusters WHERE cluster_id = ?", [cluster_id])
        if not found:
            raise NotFound(f"There is no quotation cluster {cluster_id!r}.")
        members = self.embedded(QUOTES, cluster=cluster_id, size="200", sort="date", order="asc")
        return Page("quote_cluster.html", f"Quotation by {found[0]['speaker_name'] or 'an unknown speaker'}",
                    {"cluster": found[0], "members": members})

    def event_cluster(self, cluster_id: str) -> Page:
        number = cluster_number(cluster_id)
        found = self.rows("SELECT * FROM event_clusters WHERE cluster_id = ?", [number]) if number is not None else []
        if not found:
            raise NotFound(f"There is no event cluster {cluster_id!r}.")
        cluster = found[0]
        cluster["quad"] = QUAD_LABELS.get(cluster["quad_class"] or 0)
        members = self.embedded(EVENTS, cluster=cluster_id, size="200", sort="date", order="asc")
        title = " ".join(filter(None, [cluster["source_name"], cluster["type"], cluster["target_name"]]))
        return Page("event_cluster.html", title, {"cluster": cluster, "members": members})

    # -- relations

    def relations(self, a: str = "", b: str = "", by: str = "") -> Page:
        if by and by not in ("day", "week", "month", "quarter", "year"):
            raise QueryError(f"period must be day, week, month, quarter or year, not {by!r}")
        data = {"a": a, "b": b, "by": by, "relation": None}
        if a.strip() and b.strip():
            data["relation"] = self.relation_data(a.strip(), b.strip(), by or None)
            title = f"{data['relation']['a']['label']} and {data['relation']['b']['label']}"
        else:
            title = "Relations"
        return Page("relations.html", title, data)

    def relation_data(self, a: str, b: str, by: str | None) -> dict[str, Any]:
        first, second = self.side(a), self.side(b)
        clusters = self.rows(
            "SELECT date, quad_class, source_id, target_id, score FROM event_clusters WHERE "
            "(source_id IN (SELECT unnest(?)) AND target_id IN (SELECT unnest(?))) OR "
            "(source_id IN (SELECT unnest(?)) AND target_id IN (SELECT unnest(?)))",
            [first["ids"], second["ids"], second["ids"], first["ids"]])
        dated = [(c["date"], c["quad_class"]) for c in clusters if c["date"] is not None]
        undated: dict[int, int] = {}
        for c in clusters:
            if c["date"] is None:
                undated[c["quad_class"] or 0] = undated.get(c["quad_class"] or 0, 0) + 1
        period, note = (choose_period(min(d for d, _ in dated), max(d for d, _ in dated), by)
                        if dated else (by or "month", None))
        chart = geometry(bars(dated, undated, period))
        for bar in chart["bars"]:
            window = ({"since": bar["since"].isoformat(), "until": bar["until"].isoformat()} if bar["since"]
                      else {"dated": "no"})
            bar["href"] = events_href(first["query"], second["query"], window)
        forward = sum(1 for c in clusters if c["source_id"] in first["ids"])
        return {"a": first, "b": second, "by": period, "note": note, "max_bars": MAX_BARS, "chart": chart,
                "total": len(clusters), "dated": len(dated), "undated": sum(undated.values()),
                "forward": forward, "backward": len(clusters) - forward,
                "score_mean": round(sum(c["score"] or 0 for c in clusters) / len(clusters), 2) if clusters else None,
                "undated_href": events_href(first["query"], second["query"], {"dated": "no"}),
                "all_href": events_href(first["query"], second["query"], {}),
                "quads": QUAD_LABELS}

    def side(self, value: str) -> dict[str, Any]:
        ids = self.actor_ids(value)
        if ids == [value]:
            [(name,)] = self.connection.execute(
                "SELECT name FROM corpus_actors WHERE corpus_actor_id = ?", [value]).fetchall()
            return {"query": value, "ids": ids, "label": name, "actor_id": value}
        return {"query": value, "ids": ids, "label": f"{value} ({len(ids)} actors)" if len(ids) > 1 else value,
                "actor_id": ids[0] if len(ids) == 1 else None}


def tone(score: float | None) -> str:
    if score is None or abs(score) < 0.5:
        return "neutral"
    return "cooperation" if score > 0 else "conflict"


def events_href(a: str, b: str, extra: dict[str, str]) -> str:
    return "/events?" + urlencode({"actor": a, "with": b, **extra})
