"""Corpus linking and the questions, on hand-built articles with known answers."""

from __future__ import annotations

import pytest
from corpus_records import linked_store
from typer.testing import CliRunner

from newsgraph import Corpus
from newsgraph.cli import app
from newsgraph.corpus import UnknownActor, export_tables, link_corpus
from newsgraph.corpus.actors import ArticleActor, link_actors
from newsgraph.corpus.queries import QueryError
from newsgraph.store import Store


@pytest.fixture(scope="module")
def store_path(tmp_path_factory):
    return linked_store(tmp_path_factory.mktemp("corpus") / "newsgraph.duckdb")


@pytest.fixture()
def corpus(store_path):
    with Corpus(store_path) as opened:
        yield opened


def rows(table):
    return table.to_pylist()


def person(article_id, name, role=None, organisation=None, aliases=()):
    return ArticleActor(article_id, "a1", name, "person", None, None, organisation, role, tuple(aliases), 1)


def test_a_surname_joins_the_full_name_whose_role_agrees():
    actors = [person("x", "Gordon Brown", "chancellor", "Treasury"), person("y", "Brown", "chancellor"),
              person("z", "Brown", "chief executive", "BP"), person("w", "Jaap de Hoop Scheffer", "secretary general"),
              person("v", "Scheffer", organisation="NATO")]
    groups = {c.corpus_actor_id: sorted(m.article_id for m in c.members) for c in link_actors(actors)}
    assert groups["person:gordon brown"] == ["x", "y"]
    assert groups["person:jaap de hoop scheffer"] == ["v", "w"]
    assert groups["person:brown:chief executive:bp"] == ["z"]


def test_a_surname_shared_by_two_full_names_stays_apart():
    actors = [person("x", "Gordon Brown"), person("y", "Nick Brown"), person("z", "Brown")]
    assert len(link_actors(actors)) == 3


def test_a_mistaken_alias_does_not_chain_two_people_together():
    actors = [person("x", "Tony Blair"), person("y", "Tony Blair"),
              person("z", "Sir Ian Blair", "commissioner", aliases=["Tony Blair"])]
    names = sorted(c.row()["name"] for c in link_actors(actors))
    assert names == ["Sir Ian Blair", "Tony Blair"]


def test_organisations_join_by_alias():
    nato = [ArticleActor("x", "a1", "NATO", "organisation", None, "IGO", None, None, (), 3),
            ArticleActor("y", "a1", "North Atlantic Treaty Organization", "organisation", None, None, None, None,
                         ("NATO",), 1)]
    [linked] = link_actors(nato)
    assert linked.row()["name"] == "NATO" and linked.row()["mentions"] == 4


def test_descriptions_never_join_across_articles():
    spokesman = [ArticleActor(a, "a5", "a government spokesman", "description", None, None, None, None, (), 1)
                 for a in ("x", "y")]
    assert len(link_actors(spokesman)) == 2


def test_corpus_actors_merge_names_across_articles(corpus):
    actors = {row["name"]: row for row in rows(corpus.table("corpus_actors"))}
    assert set(actors) == {"NATO", "Russia", "Jens Stoltenberg", "Sergei Lavrov"}
    assert actors["Jens Stoltenberg"]["articles"] == 5 and "Stoltenberg" in actors["Jens Stoltenberg"]["aliases"]


def test_a_syndicated_copy_is_a_near_duplicate_counted_once(corpus):
    assert [(r["article_id"], r["duplicate_of"]) for r in rows(corpus.table("duplicates"))] == [
        ("accuse-copy", "accuse")]
    speakers = {row["speaker"]: row for row in rows(corpus.speakers())}
    assert speakers["Jens Stoltenberg"]["quotes"] == 4 and speakers["Sergei Lavrov"]["quotes"] == 1


def test_a_partial_quotation_joins_the_full_one_with_first_seen_date_and_outlet(corpus):
    [cluster] = [c for c in rows(corpus.table("quote_clusters")) if "reckless" in c["text"]]
    assert cluster["text"] == "This is reckless behaviour that puts civilian lives at risk"
    assert (str(cluster["first_date"]), cluster["first_source"]) == ("2025-01-09", "Meridian Wire")
    assert (cluster["articles"], cluster["sources"], cluster["variants"]) == (2, 3, 2)
    assert cluster["speaker_name"] == "Jens Stoltenberg"


def test_one_event_reported_twice_is_one_cluster_and_a_later_one_another(corpus):
    accusations = sorted((str(r["date"]), r["num_mentions"], r["num_articles"], r["num_sources"])
                         for r in rows(corpus.table("event_clusters")) if r["type"] == "ACCUSE")
    assert accusations == [("2025-01-09", 2, 1, 2), ("2025-01-29", 1, 1, 1)]


def test_relations_by_month_count_quad_classes_and_scores_both_ways(corpus):
    table = {(r["period"], r["direction"]): r for r in rows(corpus.relations("NATO", "RUS", "month"))}
    assert set(table) == {(month, direction) for month in ("2025-01", "2025-02", "2025-03")
                          for direction in ("NATO → RUS", "RUS → NATO")}
    assert (table[("2025-02", "NATO → RUS")]["events"], table[("2025-02", "NATO → RUS")]["score_mean"]) == (0, None)
    january = table[("2025-01", "RUS → NATO")]
    assert (january["events"], january["verbal_conflict"], january["material_conflict"]) == (2, 1, 1)
    assert (january["score_sum"], january["score_mean"]) == (-11.0, -5.5)
    assert table[("2025-03", "NATO → RUS")]["verbal_cooperation"] == 1


def test_actors_are_found_by_name_alias_or_country_code(corpus):
    nato = corpus.resolve("NATO")
    assert corpus.resolve("north atlantic treaty organization") == nato
    assert corpus.resolve("RUS") == sorted(corpus.resolve("Russia") + corpus.resolve("Lavrov"))
    assert rows(corpus.relations("Nato", "Russia", "quarter"))[0]["period"] == "2025-Q1"


def test_an_unknown_actor_gives_close_matches(corpus):
    with pytest.raises(UnknownActor, match="no actor matches 'Narnia'.*no close matches"):
        corpus.relations("Narnia", "RUS")
    with pytest.raises(UnknownActor, match="close matches: Russia"):
        corpus.relations("NATO", "Rusia")


def test_values_with_quotes_or_sql_are_only_values(corpus):
    assert rows(corpus.quotes(search="'; DROP TABLE quotes; --")) == []
    assert rows(corpus.speakers(outlet="x' OR '1'='1")) == []
    with pytest.raises(UnknownActor):
        corpus.speakers(about="NATO' OR 1=1 --")
    assert corpus.table("quotes").num_rows == 6


def test_quotes_filter_by_speaker_text_date_and_topic(corpus):
    texts = lambda table: [r["text"] for r in rows(table)]  # noqa: E731
    assert texts(corpus.quotes(speaker="Lavrov")) == ["baseless provocation"]
    assert texts(corpus.quotes(search="TALKING")) == ["We will talk, because talking is better than guessing"]
    assert len(texts(corpus.quotes(since="2025-01-12"))) == 2
    assert texts(corpus.quotes(about="Lavrov")) == ["This is reckless behaviour that puts civilian lives at risk"]
    with pytest.raises(QueryError, match="--since expects a date like 2024-03-01"):
        corpus.quotes(since="last week")


def test_speakers_about_an_actor_and_by_outlet(corpus):
    assert [r["speaker"] for r in rows(corpus.speakers(outlet="baltic"))] == ["Jens Stoltenberg", "Sergei Lavrov"]
    assert [r["speaker"] for r in rows(corpus.speakers(about="Lavrov"))] == ["Jens Stoltenberg"]


def test_actor_profile_and_filters(corpus):
    profile = corpus.actor("RUS")
    assert {r["name"] for r in rows(profile["actor"])} == {"Russia", "Sergei Lavrov"}
    assert {r["counterpart"]: r["events"] for r in rows(profile["counterparts"])} == {"NATO": 6}
    assert [r["name"] for r in rows(corpus.actors(country="rus", sector="GOV"))] == ["Russia", "Sergei Lavrov"]


def test_the_network_weights_links_by_events_and_scores(corpus):
    graph = corpus.network()
    edge = graph.edges["organisation:nato", "country:russia"]
    assert (edge["events"], edge["score_sum"]) == (3, -3.0)
    assert graph.nodes["country:russia"]["country"] == "RUS"


def test_the_parquet_export_answers_the_same_questions(corpus, tmp_path):
    export_tables(corpus.connection, tmp_path, "parquet")
    with Corpus(tmp_path) as exported:
        assert exported.relations("NATO", "RUS").equals(corpus.relations("NATO", "RUS"))
        assert exported.quotes().equals(corpus.quotes())
        assert exported.stats().equals(corpus.stats())


def test_relinking_gives_the_same_tables(store_path, corpus):
    before = {name: corpus.table(name) for name in ("corpus_actors", "quote_clusters", "event_clusters")}
    corpus.close()
    with Store(store_path) as store:
        link_corpus(store)
    with Corpus(store_path) as again:
        for name, table in before.items():
            assert again.table(name).equals(table), name


def test_relations_without_events_say_so_and_draw_nothing(store_path, tmp_path):
    plot = tmp_path / "none.png"
    result = CliRunner().invoke(app, ["relations", "Lavrov", "NATO", "--plot", str(plot), "--db", str(store_path)])
    assert result.exit_code == 0
    assert "no dated event clusters between Lavrov and NATO; no plot written" in result.output
    assert not plot.exists()


def test_a_stray_country_in_one_article_does_not_join_the_organisation_the_others_give():
    def member(article_id, country, sector, organisation):
        return ArticleActor(article_id, "a1", "Joris Vandermeulen", "person", country, sector, organisation,
                            "spokesperson", (), 1)

    members = [member(f"art{i}", None, "IGO", "NATO") for i in range(3)] + [member("art9", "EST", "GOV", None)]
    [actor] = link_actors(members)
    row = actor.row()
    assert (row["country"], row["sector"], row["organisation"]) == (None, "IGO", "NATO")
