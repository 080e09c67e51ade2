"""The four browsers (articles, quotations, events, actors) and the speaker board, as Listings."""

from __future__ import annotations

from ..corpus import QueryError
from .listing import Column, Facet, Filter, Listing
from .params import day
from .search import matching_keys

QUAD_LABELS = {1: "verbal cooperation", 2: "material cooperation", 3: "verbal conflict", 4: "material conflict"}
KEPT = "article_id NOT IN (SELECT article_id FROM duplicates)"


def since(column: str) -> Filter:
    return Filter("since", "from", f"{column} >= ?", lambda v: [day(v, "from")])


def until(column: str) -> Filter:
    return Filter("until", "to", f"{column} <= ?", lambda v: [day(v, "to")])


def searched(table: str, index: str, key: str, text: str) -> Filter:
    return Filter("q", "words", f"{key} IN (SELECT unnest(?))",
                  search=lambda connection, value: matching_keys(connection, table, index, key, text, value))


def cluster_number(value: str) -> int | None:
    """An event cluster id (a BIGINT), or None for anything that cannot be one."""
    return int(value) if value.isdigit() and int(value) < 2**63 else None


def whole(value: str) -> list[int]:
    number = cluster_number(value)
    if number is None:
        raise QueryError(f"expected an event cluster number, not {value!r}")
    return [number]


ARTICLE_DATE = "TRY_CAST(left(a.date, 10) AS DATE)"
EVENT_DATE = f"coalesce(TRY_CAST(left(e.date, 10) AS DATE), {ARTICLE_DATE})"  # as corpus linking dates them

ARTICLES = Listing(
    name="articles", title="Articles",
    source=f"""SELECT a.article_id, {ARTICLE_DATE} AS date, a.title, a.source AS outlet, a.url, a.text,
        coalesce(q.n, 0) AS quotes, coalesce(e.n, 0) AS events, d.duplicate_of,
        CASE WHEN {ARTICLE_DATE} IS NULL THEN 'no' ELSE 'yes' END AS dated
        FROM articles AS a LEFT JOIN (SELECT article_id, count(*) AS n FROM quotes GROUP BY 1) AS q USING (article_id)
        LEFT JOIN (SELECT article_id, count(*) AS n FROM events GROUP BY 1) AS e USING (article_id)
        LEFT JOIN duplicates AS d USING (article_id)""",
    key=("article_id",),
    columns=(Column("date", "date"), Column("title", "title", link="article"), Column("outlet", "outlet"),
             Column("quotes", "quotations", numeric=True), Column("events", "events", numeric=True)),
    filters=(searched("web_articles", "web_article_words", "article_id", "text"),
             Filter("outlet", "outlet", "outlet = ?"),
             since("date"), until("date"), Filter("dated", "dated", "dated = ?")),
    facets=(Facet("outlet", "outlet", "outlet"), Facet("dated", "dated", "dated")),
    default_sort="date", extra=("article_id", "url", "duplicate_of"))

QUOTES = Listing(
    name="quotes", title="Quotations",
    source=f"""SELECT q.article_id, q.quote_id, q.article_id || chr(31) || q.quote_id AS key, {ARTICLE_DATE} AS date,
        a.source AS outlet, a.title AS article_title, q.kind, q.text, q.pullquote,
        l.corpus_actor_id AS speaker_id, coalesce(c.name, q.speaker_name) AS speaker, c.country AS speaker_country,
        c.type AS speaker_type, ql.cluster_id
        FROM quotes AS q JOIN articles AS a USING (article_id)
        LEFT JOIN actor_links AS l ON l.article_id = q.article_id AND l.actor_id = q.speaker_id
        LEFT JOIN corpus_actors AS c ON c.corpus_actor_id = l.corpus_actor_id
        LEFT JOIN quote_links AS ql ON ql.article_id = q.article_id AND ql.quote_id = q.quote_id""",
    key=("article_id", "quote_id"),
    columns=(Column("date", "date"), Column("speaker", "speaker", link="speaker"), Column("kind", "kind"),
             Column("text", "quotation", link="quote"), Column("outlet", "outlet"),
             Column("article_title", "article", link="article")),
    filters=(searched("web_quotes", "web_quote_words", "key", "text"),
             Filter("speaker", "speaker", "speaker_id IN (SELECT unnest(?))", actor=True),
             Filter("kind", "kind", "kind = ?"), Filter("outlet", "outlet", "outlet = ?"),
             Filter("country", "speaker country", "speaker_country = ?"),
             Filter("cluster", "cluster", "cluster_id = ?"), since("date"), until("date")),
    facets=(Facet("speaker", "speaker", "speaker_id", "speaker"), Facet("kind", "kind", "kind"),
            Facet("country", "speaker country", "speaker_country"), Facet("outlet", "outlet", "outlet")),
    default_sort="date", extra=("article_id", "quote_id", "speaker_id", "cluster_id"))

EVENT_SIDES = """SELECT ea.article_id, ea.event_id,
        list(l.corpus_actor_id ORDER BY ea.position) FILTER (WHERE ea.side = 'actor') AS actor_ids,
        list(coalesce(c.name, ea.actor_name) ORDER BY ea.position) FILTER (WHERE ea.side = 'actor') AS actor_names,
        list(l.corpus_actor_id ORDER BY ea.position) FILTER (WHERE ea.side = 'recipient') AS recipient_ids,
        list(coalesce(c.name, ea.actor_name) ORDER BY ea.position) FILTER (WHERE ea.side = 'recipient')
            AS recipient_names,
        list(DISTINCT coalesce(c.country, ea.actor_country)) FILTER (WHERE coalesce(c.country, ea.actor_country)
            IS NOT NULL) AS countries
        FROM event_actors AS ea LEFT JOIN actor_links AS l ON l.article_id = ea.article_id AND l.actor_id = ea.actor_id
        LEFT JOIN corpus_actors AS c ON c.corpus_actor_id = l.corpus_actor_id GROUP BY ea.article_id, ea.event_id"""

EVENT_OF_ACTORS = "key IN (SELECT key FROM web_event_actors WHERE actor_id IN (SELECT unnest(?)))"
SUPPORT_TABLES = {  # the actors of each event, one row each, for the actor filters of the events list
    "web_event_actors": "SELECT DISTINCT ea.article_id || chr(31) || ea.event_id AS key, l.corpus_actor_id AS actor_id "
                        "FROM event_actors AS ea JOIN actor_links AS l ON l.article_id = ea.article_id "
                        "AND l.actor_id = ea.actor_id",
}

EVENTS = Listing(
    name="events", title="Events",
    source=f"""SELECT e.article_id, e.event_id, e.article_id || chr(31) || e.event_id AS key, {EVENT_DATE} AS date,
        e.type, e.mode, e.trigger_text AS trigger, e.sentence_text AS sentence, e.quad_class,
        CASE e.quad_class {' '.join(f"WHEN {n} THEN '{label}'" for n, label in QUAD_LABELS.items())} END AS quad,
        e.cameo, e.score, e.negated, e.hypothetical, e.place_name AS place, a.source AS outlet,
        a.title AS article_title, coalesce(s.actor_ids, []) AS actor_ids, coalesce(s.actor_names, []) AS actor_names,
        coalesce(s.recipient_ids, []) AS recipient_ids, coalesce(s.recipient_names, []) AS recipient_names,
        coalesce(s.countries, []) AS countries, k.cluster_id,
        CASE WHEN {EVENT_DATE} IS NULL THEN 'no' ELSE 'yes' END AS dated
        FROM events AS e JOIN articles AS a USING (article_id)
        LEFT JOIN ({EVENT_SIDES}) AS s ON s.article_id = e.article_id AND s.event_id = e.event_id
        LEFT JOIN (SELECT article_id, event_id, min(cluster_id) AS cluster_id FROM event_links GROUP BY ALL) AS k
            ON k.article_id = e.article_id AND k.event_id = e.event_id""",
    key=("article_id", "event_id"),
    columns=(Column("date", "date"), Column("actor_names", "actor", link="actors:actor_ids", sortable=False),
             Column("type", "type", link="event"), Column("mode", "mode"),
             Column("recipient_names", "recipient", link="actors:recipient_ids", sortable=False),
             Column("quad", "quad class"), Column("cameo", "CAMEO"), Column("score", "score", numeric=True),
             Column("trigger", "trigger"), Column("article_title", "article", link="article")),
    filters=(Filter("actor", "actor", EVENT_OF_ACTORS, actor=True), Filter("with", "with", EVENT_OF_ACTORS, actor=True),
             Filter("type", "type", "type = ?"), Filter("quad", "quad class", "quad = ?"),
             Filter("mode", "mode", "mode = ?"), Filter("country", "country", "list_contains(countries, ?)"),
             Filter("outlet", "outlet", "outlet = ?"), Filter("dated", "dated", "dated = ?"),
             Filter("cluster", "cluster", "cluster_id = ?", whole), since("date"), until("date")),
    facets=(Facet("type", "type", "type"), Facet("quad", "quad class", "quad"), Facet("mode", "mode", "mode"),
            Facet("country", "country", "countries", many=True), Facet("outlet", "outlet", "outlet"),
            Facet("dated", "dated", "dated")),
    default_sort="date",
    extra=("article_id", "event_id", "actor_ids", "recipient_ids", "cluster_id", "negated", "hypothetical"))

ACTORS = Listing(
    name="actors", title="Actors",
    source=f"""SELECT c.corpus_actor_id AS actor_id, c.name, c.type, c.country, c.sector, c.role, c.aliases,
        c.articles, c.mentions, coalesce(q.n, 0) AS quotes, coalesce(e.n, 0) AS events,
        lower(c.name || ' ' || array_to_string(c.aliases, ' ')) AS names
        FROM corpus_actors AS c
        LEFT JOIN (SELECT l.corpus_actor_id, count(*) AS n FROM quotes AS q JOIN actor_links AS l
            ON l.article_id = q.article_id AND l.actor_id = q.speaker_id WHERE q.{KEPT} GROUP BY 1) AS q
            ON q.corpus_actor_id = c.corpus_actor_id
        LEFT JOIN (SELECT id, count(*) AS n FROM (SELECT source_id AS id FROM event_clusters UNION ALL
            SELECT target_id FROM event_clusters WHERE target_id IS DISTINCT FROM source_id) GROUP BY 1) AS e
            ON e.id = c.corpus_actor_id""",
    key=("actor_id",),
    columns=(Column("name", "name", link="actor"), Column("type", "type"), Column("country", "country"),
             Column("sector", "sector"), Column("role", "role"), Column("articles", "articles", numeric=True),
             Column("mentions", "mentions", numeric=True), Column("quotes", "quotations", numeric=True),
             Column("events", "events", numeric=True)),
    filters=(Filter("q", "name", "contains(names, lower(?))"), Filter("type", "type", "type = ?"),
             Filter("country", "country", "country = ?"), Filter("sector", "sector", "sector = ?")),
    facets=(Facet("type", "type", "type"), Facet("country", "country", "country"),
            Facet("sector", "sector", "sector")),
    default_sort="mentions", extra=("actor_id",))

SPEAKERS = Listing(
    name="speakers", title="Speakers",
    source=f"""SELECT l.corpus_actor_id AS actor_id, any_value(c.name) AS speaker, any_value(c.type) AS type,
        any_value(c.country) AS country, any_value(c.role) AS role, count(*) AS quotes,
        count(DISTINCT q.article_id) AS articles, count(DISTINCT a.source) AS outlets,
        min({ARTICLE_DATE}) AS first, max({ARTICLE_DATE}) AS last, list(DISTINCT a.source) AS outlet_list
        FROM quotes AS q JOIN articles AS a USING (article_id)
        JOIN actor_links AS l ON l.article_id = q.article_id AND l.actor_id = q.speaker_id
        JOIN corpus_actors AS c ON c.corpus_actor_id = l.corpus_actor_id WHERE q.{KEPT} GROUP BY 1""",
    key=("actor_id",),
    columns=(Column("speaker", "speaker", link="actor"), Column("type", "type"), Column("country", "country"),
             Column("role", "role"), Column("quotes", "quotations", numeric=True),
             Column("articles", "articles", numeric=True), Column("outlets", "outlets", numeric=True),
             Column("first", "first"), Column("last", "last")),
    filters=(Filter("q", "name", "contains(lower(speaker), lower(?))"), Filter("type", "type", "type = ?"),
             Filter("country", "country", "country = ?"),
             Filter("outlet", "outlet", "list_contains(outlet_list, ?)")),
    facets=(Facet("type", "type", "type"), Facet("country", "country", "country"),
            Facet("outlet", "outlet", "outlet_list", many=True)),
    default_sort="quotes", extra=("actor_id",))

LISTINGS = {listing.name: listing for listing in (ARTICLES, QUOTES, EVENTS, ACTORS, SPEAKERS)}
