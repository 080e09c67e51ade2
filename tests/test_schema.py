"""The Analysis JSON: valid against the checked-in schema, and a faithful round trip."""

import dataclasses
import json
from pathlib import Path

import jsonschema
import pytest

from newsgraph import model
from newsgraph.model import analysis_from_dict

SCHEMA = json.loads((Path(__file__).resolve().parent.parent / "schema" / "analysis.schema.json").read_text())


def validate(record: dict) -> None:
    jsonschema.validate(record, SCHEMA)


def test_seed_output_validates(seed_analysis):
    validate(json.loads(seed_analysis.to_json()))


def test_round_trip(seed_analysis):
    record = seed_analysis.to_dict()
    assert analysis_from_dict(json.loads(json.dumps(record))).to_dict() == record


def test_offsets_index_the_article_text(seed_analysis):
    text = seed_analysis.article.text
    for item in [*seed_analysis.layout.blocks, *seed_analysis.mentions, *seed_analysis.quotes]:
        assert text[item.start:item.end] == item.text
    for event in seed_analysis.events:
        assert text[event.trigger.start:event.trigger.end] == event.trigger.text


@pytest.mark.parametrize("name, cls", [("article", model.Article), ("block", model.Block), ("actor", model.Actor),
                                       ("actor_ref", model.ActorRef), ("mention", model.Mention),
                                       ("quote", model.Quote), ("event", model.Event), ("place", model.Place)])
def test_schema_lists_every_field_of_the_model(name, cls):
    fields = {f.name for f in dataclasses.fields(cls)}
    definition = SCHEMA["$defs"][name]
    assert set(definition["properties"]) == fields
    assert set(definition["required"]) == fields
