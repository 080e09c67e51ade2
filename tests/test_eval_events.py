"""The events evaluation: measures on hand-made records, and the command on the PLOVER gold file."""

from __future__ import annotations

import json

from typer.testing import CliRunner

from newsgraph.cli import app
from newsgraph.evaluate.events import evaluate_events, triples

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
