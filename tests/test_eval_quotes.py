"""The quotation scorer: matching rules, optional gold, speaker comparison, the CLI and the dev floors."""

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from newsgraph.cli import app
from newsgraph.evaluate.quotes import (GoldDocument, GoldQuote, QuotesReport, evaluate_quotes, gold_files, match,
                                       normalise_name, read_gold_file, score_document, speaker_error_kind,
                                       speaker_right)
from newsgraph.ingest import make_article
from newsgraph.model import ActorRef, Analysis, Layout, Quote, Span

TEXT = 'Mr Smith said the plan would fail. "We will fight it," he said. The "grey vote" matters.'


def quote(start, end, kind="direct", name="John Smith", mention=None):
    ref = ActorRef("a1", name, "person") if name else None
    return Quote(f"q{start}", TEXT[start:end], start, end, kind, ref,
                 Span(0, len(mention), mention) if mention else None)


def gold(start, end, kind="direct", speaker="John Smith", aliases=(), optional=False):
    return GoldQuote(TEXT[start:end], start, end, kind, speaker, list(aliases), optional)


def test_names_compare_without_case_honorifics_or_article():
    assert normalise_name("Mr John Smith") == normalise_name("john smith")
    assert normalise_name("the Downing Street spokesman") == "downing street spokesman"


def test_speaker_right_by_name_alias_or_mention_text():
    assert speaker_right(quote(36, 51), gold(36, 51, speaker="John Smith"))
    assert speaker_right(quote(36, 51, name="Smith"), gold(36, 51, speaker="John Smith", aliases=["Smith"]))
    assert speaker_right(quote(36, 51, name=None, mention="he"), gold(36, 51, speaker="he"))
    assert not speaker_right(quote(36, 51, name="Jones"), gold(36, 51))
    assert speaker_right(quote(36, 51, name=None), gold(36, 51, speaker=None))


def test_match_needs_half_of_both_spans_and_is_one_to_one():
    predicted = [quote(36, 51), quote(36, 45)]
    golden = [gold(36, 51)]
    assert [(p.start, p.end) for p, _ in match(predicted, golden)] == [(36, 51)]
    assert match([quote(14, 51)], [gold(36, 51)]) == []


def analysis_with(quotes):
    return Analysis("x", make_article(TEXT), Layout(), quotes=quotes)


def document(quotes):
    return GoldDocument(Path("x.json"), Path("x.txt"), quotes)


def test_optional_gold_neither_rewards_nor_penalises():
    report = QuotesReport()
    score_document(analysis_with([quote(36, 51), quote(68, 77, "partial")]),
                   document([gold(36, 51), gold(68, 77, "partial", optional=True)]), report)
    counts = report.counts["quoted"]
    assert (counts.predicted, counts.gold, counts.matched, counts.speaker_right) == (1, 1, 1, 1)


def test_misses_false_hits_and_wrong_speakers_are_listed():
    report = QuotesReport()
    score_document(analysis_with([quote(36, 51, name="Jones"), quote(68, 77, "partial")]),
                   document([gold(36, 51), gold(14, 33, "indirect")]), report)
    kinds = sorted((e.category, e.error) for e in report.errors)
    assert kinds == [("indirect", "miss"), ("quoted", "false"), ("quoted", "speaker")]
    assert report.summary()["quoted"]["speaker_accuracy"] == 0.0


def write_gold(folder, text, quotes):
    (folder / "texts").mkdir()
    (folder / "texts" / "a.txt").write_text(text, encoding="utf-8")
    (folder / "gold").mkdir()
    path = folder / "gold" / "a.json"
    path.write_text(json.dumps({"doc": "texts/a.txt", "quotes": quotes}), encoding="utf-8")
    return path


def test_gold_reader_finds_the_article_above_the_gold_file(tmp_path):
    path = write_gold(tmp_path, TEXT, [{"text": "We will fight it,", "start": 36, "end": 53, "kind": "direct",
                                        "speaker": "John Smith"}])
    [found] = gold_files([tmp_path / "gold"])
    document = read_gold_file(found)
    assert document.article_path == (tmp_path / "texts" / "a.txt").resolve()
    assert document.quotes[0].speaker == "John Smith"
    assert path == found


def test_eval_quotes_command_json_and_errors(tmp_path):
    text = '"We will fight this plan," Jane Porter said.'
    write_gold(tmp_path, text, [{"text": "We will fight this plan,", "start": 1, "end": 25, "kind": "direct",
                                 "speaker": "Jane Porter"}])
    result = CliRunner().invoke(app, ["eval", "quotes", str(tmp_path / "gold"), "--json", "--errors"])
    assert result.exit_code == 0, result.output
    body = json.loads(result.stdout)
    assert body["quoted"]["f1"] == 1.0 and body["quoted"]["speaker_accuracy"] == 1.0
    assert body["errors"] == []


def test_eval_quotes_command_table(tmp_path):
    text = '"We will fight this plan," Jane Porter said.'
    write_gold(tmp_path, text, [{"text": "We will fight this plan,", "start": 1, "end": 25, "kind": "direct",
                                 "speaker": "Jane Porter"}])
    result = CliRunner().invoke(app, ["eval", "quotes", str(tmp_path / "gold")])
    assert result.exit_code == 0
    assert "speaker accuracy" in result.stdout


def test_eval_quotes_command_reports_bad_paths(tmp_path):
    result = CliRunner().invoke(app, ["eval", "quotes", str(tmp_path / "absent")])
    assert result.exit_code == 2
    assert "no such gold file or folder" in result.stderr
    (tmp_path / "broken.json").write_text("{not json", encoding="utf-8")
    result = CliRunner().invoke(app, ["eval", "quotes", str(tmp_path / "broken.json")])
    assert result.exit_code == 2
    assert "not a gold quotation file" in result.stderr


@pytest.fixture(scope="module")
def dev_report(pipeline, shared):
    documents = [read_gold_file(p) for p in gold_files([shared / "eval" / "gold" / "dev"])]
    return evaluate_quotes(pipeline, documents).summary()


def test_dev_gold_floors(dev_report):
    quoted, indirect = dev_report["quoted"], dev_report["indirect"]
    assert quoted["f1"] >= 0.95
    assert quoted["speaker_accuracy"] >= 0.93
    assert indirect["f1"] >= 0.75
    assert indirect["speaker_accuracy"] >= 0.85


def test_seed_every_quotation_with_its_speaker(pipeline, shared):
    [document] = [read_gold_file(shared / "eval" / "gold" / "dev" / "seed-000.json")]
    report = evaluate_quotes(pipeline, [document])
    assert [e for e in report.errors if e.error in ("miss", "speaker")] == []


def test_wrong_speakers_get_a_kind():
    def kind(name, gold_speaker, speaker_type="person", mention=None):
        predicted = quote(36, 51, name=name, mention=mention)
        if predicted.speaker is not None:
            predicted.speaker.type = speaker_type
        return speaker_error_kind(predicted, gold(36, 51, speaker=gold_speaker))

    assert kind(None, "John Smith") == "none found"
    assert kind(None, "John Smith", mention="he") == "pronoun unresolved"
    assert kind("John Smith", None) == "spurious speaker"
    assert kind("Home Secretary John Smith", "John Smith") == "title in name"
    assert kind("John Robert", "John Robert Smith") == "name cut"
    assert kind("people", "people close to the minister") == "description cut"
    assert kind("trade minister", "John Smith") == "role word"
    assert kind("Freedonia", "John Smith", "country") == "state for official"
    assert kind("Daily Courier", "John Smith", "organisation") == "organisation for person"
    assert kind("Peter Jones", "John Smith") == "wrong person"


def test_source_mention_accuracy_counts_overlap_with_the_gold_source_span():
    report = QuotesReport()
    golden = [GoldQuote(TEXT[36:51], 36, 51, "direct", "he", source_span=(54, 56)),
              GoldQuote(TEXT[14:33], 14, 33, "indirect", "Mr Smith", source_span=(0, 8))]
    predicted = [Quote("q1", TEXT[36:51], 36, 51, "direct", None, Span(54, 56, "he")),
                 Quote("q2", TEXT[14:33], 14, 33, "indirect", None, Span(54, 56, "he"))]
    score_document(analysis_with(predicted), document(golden), report)
    assert report.summary()["quoted"]["source_mention_accuracy"] == 1.0
    assert report.summary()["indirect"]["source_mention_accuracy"] == 0.0
    assert report.summary()["quoted"]["source_mention_accuracy"] is not None
    assert QuotesReport().summary()["quoted"]["source_mention_accuracy"] is None
