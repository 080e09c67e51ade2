"""The events evaluation: measures on hand-made records, and the command on the PLOVER gold file."""

from __future__ import annotations

import json

from typer.testing import CliRunner

from newsgraph.cli import app
from newsgraph.evaluate.events import (Party, article_gold_files, evaluate_article_events, evaluate_events, gold_party,
                                       side_matches, triples)

RECORDS = [
    {"id": "r1", "text": "Iran threatened to shell Iraqi towns.", "date": "2000-01-01",
     "events": [{"type": "THREATEN", "mode": None, "actor": [{"text": "Iran", "country": "IRN", "sector": None}],
                 "recipient": [{"text": "Iraqi towns", "country": "IRQ", "sector": None}]}]},
    {"id": "r2", "text": "Tokyo praised Germany.", "date": "2000-01-01",
     "events": [{"type": "SUPPORT", "mode": None, "actor": [{"text": "Tokyo", "country": "JAP", "sector": None}],
                 "recipient": [{"text": "Germany", "country": "DEU", "sector": None}]}]},
    {"id": "r3", "text": "The weather was fine in Lisbon.", "date": "2000-01-01",
     "events": [{"type": "CONSULT", "mode": None, "actor": [{"text": "Portugal", "country": "PRT", "sector": None}],
                 "recipient": []}]},
]


def test_triples_pair_every_actor_with_every_recipient_and_drop_non_states():
    assert triples("AGREE", {"USA", "JOR"}, set()) == {("AGREE", "JOR", None), ("AGREE", "USA", None)}
    assert triples("AID", {"IGO"}, {"CIV"}) == {("AID", None, "CIV")}


def test_measures_on_hand_made_records(pipeline):
    report = evaluate_events(pipeline, RECORDS)
    assert report.records == 3
    assert report.type_found == round(2 / 3, 4)
    assert report.actor_country == round(2 / 3, 4)  # CAMEO's JAP is normalised to JPN
    assert report.recipient_country == 1.0
    assert report.triple_recall == round(2 / 3, 4)
    assert report.results[2].predicted == []


def test_eval_events_command_on_gold_records(shared, tmp_path):
    gold = shared / "eval" / "gold" / "plover-gsr.jsonl"
    sample = tmp_path / "sample.jsonl"
    sample.write_text("\n".join(gold.read_text(encoding="utf-8").splitlines()[:20]) + "\n", encoding="utf-8")
    runner = CliRunner()
    result = runner.invoke(app, ["eval", "events", str(sample), "--json", "--errors"])
    assert result.exit_code == 0, result.output
    measures = json.loads(result.output)
    assert measures["records"] == 20
    assert 0.0 <= measures["triple_f1"] <= 1.0 and "AGREE" in measures["per_type_f1"]
    assert all(error["id"].startswith("PLOVER") for error in measures["errors"])
    table = runner.invoke(app, ["eval", "events", str(sample)])
    assert table.exit_code == 0 and "type found" in table.output


ARTICLE = ("Moldova expels Georgian diplomats\n"
           "Moldova expelled two Georgian diplomats on Monday.\n"
           "Gunmen attacked a police station in Kessel on Tuesday.\n")
ARTICLE_EVENTS = [
    {"type": "SANCTION", "mode": None, "actor": [{"text": "Moldova", "country": "MDA", "sector": "GOV"}],
     "recipient": [{"text": "Georgian diplomats", "country": "GEO", "sector": "GOV"}],
     "trigger": "expelled two Georgian diplomats", "claimed_by": None},
    {"type": "ASSAULT", "mode": None, "actor": [{"text": "gunmen", "country": None, "sector": "REB"}],
     "recipient": [{"text": "police station", "country": "MDA", "sector": "COP"}],
     "trigger": "attacked a police station", "claimed_by": None},
    {"type": "PROTEST", "mode": None, "actor": [{"text": "teachers", "country": "MDA", "sector": "CVL"}],
     "recipient": [], "trigger": "went on strike", "claimed_by": None},
]


def article_gold(tmp_path, events=ARTICLE_EVENTS):
    (tmp_path / "corpora").mkdir()
    (tmp_path / "corpora" / "a1.txt").write_text(ARTICLE, encoding="utf-8")
    (tmp_path / "corpora" / "a1.meta.json").write_text('{"date": "2024-03-05"}', encoding="utf-8")
    gold = tmp_path / "gold"
    gold.mkdir()
    (gold / "a1.json").write_text(json.dumps({"doc": "corpora/a1.txt", "quotes": [], "events": events}),
                                  encoding="utf-8")
    return gold


def test_side_matching_by_country_or_by_the_words_of_countryless_names():
    gunmen = gold_party({"text": "the gunmen", "country": None})
    assert side_matches([gunmen], [Party(None, frozenset({"gunman"}))], countries_only=False)
    assert not side_matches([gunmen], [Party(None, frozenset({"police"}))], countries_only=False)
    assert side_matches([gunmen], [Party(None, frozenset({"police"}))], countries_only=True)
    assert side_matches([gold_party({"text": "Kyiv", "country": "UKR"})], [Party("UKR", frozenset({"ukraine"}))],
                        countries_only=False)
    assert not side_matches([], [Party("UKR", frozenset())], countries_only=True)


def test_article_gold_is_read_with_its_article_and_date(tmp_path):
    [gold] = article_gold_files([article_gold(tmp_path)])
    assert gold.name == "a1" and gold.date == "2024-03-05" and len(gold.events) == 3
    assert gold.article_path.read_text(encoding="utf-8") == ARTICLE


def test_article_measures_and_errors(pipeline, tmp_path):
    report = evaluate_article_events(pipeline, article_gold_files([article_gold(tmp_path)]))
    every = report.all_parties.measures()
    assert report.articles == 1 and every["gold"] == 3
    assert every["matched"] >= 1 and every["predicted"] >= every["matched"]
    assert every["triple_recall"] == round(every["matched"] / 3, 4)
    missed = [e for e in report.errors if e.kind == "missed"]
    assert any("PROTEST" in e.event for e in missed)
    assert len(missed) == 3 - every["matched"]
    assert report.countries_only.measures()["matched"] >= every["matched"]


def test_eval_events_command_on_article_gold(tmp_path):
    gold = article_gold(tmp_path)
    runner = CliRunner()
    result = runner.invoke(app, ["eval", "events", str(gold), "--json", "--errors"])
    assert result.exit_code == 0, result.output
    body = json.loads(result.output)
    assert body["articles"] == 1 and {"all_parties", "countries_only", "errors"} <= set(body)
    table = runner.invoke(app, ["eval", "events", str(gold), "--errors"])
    assert table.exit_code == 0 and "countries only" in table.output and "MISSED" in table.output
    bad = runner.invoke(app, ["eval", "events", str(tmp_path / "nowhere")])
    assert bad.exit_code != 0 and "no such gold file or folder" in bad.output


def test_eval_events_on_news_dev_gold(pipeline, shared):
    report = evaluate_article_events(pipeline, article_gold_files([shared / "eval" / "gold" / "news-dev"]))
    assert report.articles == 14 and report.all_parties.gold == 182
    assert report.all_parties.measures()["triple_f1"] > 0.2
