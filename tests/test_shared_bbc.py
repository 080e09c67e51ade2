"""The whole BBC politics folder: every article gives a valid record, offsets exact."""

import json
from pathlib import Path

import jsonschema

from newsgraph.ingest import read_inputs
from newsgraph.ingest.articles import normalise_text

SCHEMA = json.loads((Path(__file__).resolve().parent.parent / "schema" / "analysis.schema.json").read_text())


def test_bbc_politics_gives_417_valid_records(pipeline, shared):
    folder = shared / "corpora" / "bbc" / "politics"
    validator = jsonschema.Draft202012Validator(SCHEMA)
    records = list(pipeline.analyze_many(read_inputs([str(folder)])))
    assert len(records) == 417
    texts_by_id: dict[str, set[str]] = {}
    for analysis in records:
        texts_by_id.setdefault(analysis.id, set()).add(normalise_text(analysis.article.text))
    assert all(len(texts) == 1 for texts in texts_by_id.values()), "one id, one text: only exact repeats share"
    for analysis in records:
        record = json.loads(analysis.to_json())
        validator.validate(record)
        text = analysis.article.text
        assert analysis.layout.blocks[0].kind == "headline"
        for item in [*analysis.quotes, *analysis.mentions]:
            assert text[item.start:item.end] == item.text
        assert not [note for note in analysis.notes if "stage failed" in note]
