"""Any text gives a valid Analysis: random Unicode, stray marks, long lines, odd scripts."""

import json
from pathlib import Path

import jsonschema
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from newsgraph.ingest import make_article
from newsgraph.limits import ArticleLimits

SCHEMA = json.loads((Path(__file__).resolve().parent.parent / "schema" / "analysis.schema.json").read_text())
MARKS = "\"“”‘’'«»„ \n"

texts = st.one_of(
    st.text(max_size=400),
    st.text(alphabet=MARKS + "abc said X. ", max_size=600),
    st.lists(st.sampled_from(["“", "”", '"', "‘", "’", " said ", "Mr Smith", ".", "\n", "\n\n", "He"]),
             max_size=200).map("".join),
    st.text(alphabet="ab ", min_size=2000, max_size=6000),
)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture,
                                                                   HealthCheck.too_slow])
@given(text=texts)
def test_any_text_gives_a_valid_analysis(pipeline, text):
    analysis = pipeline.analyze(make_article(text))
    jsonschema.validate(json.loads(analysis.to_json()), SCHEMA)
    for item in [*analysis.quotes, *analysis.mentions, *analysis.layout.blocks]:
        assert text[item.start:item.end] == item.text


def check(pipeline, text):
    analysis = pipeline.analyze(make_article(text))
    jsonschema.validate(json.loads(analysis.to_json()), SCHEMA)
    return analysis


def test_never_closing_quotation(pipeline):
    check(pipeline, "Talks\n\n“This will go on and on, the minister said. " + "And on. " * 500)


def test_hundreds_of_stray_marks(pipeline):
    check(pipeline, "Marks\n\n" + " ”“ \" ‘ ’ « » „ " * 300 + " he said.")


def test_right_to_left_text(pipeline):
    analysis = check(pipeline, "مرحبا بالعالم\n\n" + "قال الوزير إن المحادثات كانت جيدة. " * 20)
    assert analysis.article.language == "ar"


def test_non_english_is_marked_and_not_coded(pipeline):
    text = ("La réunion\n\nLe ministre a déclaré que les discussions avec la Russie étaient dans une impasse "
            "et que les sanctions seraient maintenues pour le moment par les pays de l'Union.")
    analysis = check(pipeline, text)
    assert analysis.article.language == "fr"
    assert analysis.events == [] and analysis.quotes == []
    assert any("language detected as 'fr'" in note for note in analysis.notes)


def test_very_long_text_is_parsed_in_chunks_with_exact_offsets(pipeline):
    paragraph = "Officials in Rome said on Monday that the talks with Greece had gone well.\n"
    text = "Long read\n" + paragraph * 1700
    analysis = check(pipeline, text)
    assert len(text) > 100_000
    assert analysis.layout.blocks[-1].end == len(text) - 1


def test_empty_text_gives_an_empty_record_without_failures(pipeline):
    analysis = check(pipeline, "")
    assert analysis.notes == [] and analysis.quotes == [] and analysis.layout.blocks == []


HOSTILE = {
    "100,000 short paragraphs": ("Talk\n\n" + '"Yes," he said.\n\n' * 100_000, "characters"),
    "20,000 short paragraphs": ("Talk\n\n" + '"No."\n' * 20_000, "paragraphs"),
    "a 5 MB single line": ("Line\n\n" + "word " * 1_000_000, "characters"),
    "100,000 quotation marks": ("Marks\n\n" + '"' * 100_000, "characters in one word"),
    "100,000 spaced quotation marks": ("Marks\n\nShe said " + '" ' * 50_000, "quotation marks"),
    "5,000-deep nested quotations": ("Nested\n\nHe said " + "".join(f'"level {i} said ' for i in range(2500))
                                     + "".join(f"'level {i} said " for i in range(2500)) + "end.", "quotation marks in one paragraph"),
}


@pytest.mark.parametrize("name", HOSTILE)
def test_a_hostile_article_is_over_a_named_limit(name):
    text, limit = HOSTILE[name]
    reason = ArticleLimits().breach(text)
    assert reason is not None and reason.startswith("too large") and limit in reason, reason


def test_limits_are_configurable_and_news_articles_are_within_them():
    five_thousand = "Talk\n\n" + '"Yes," he said.\n\n' * 5000
    assert ArticleLimits().breach(five_thousand) is None
    assert "paragraphs (the limit is 100" in ArticleLimits(paragraphs=100).breach(five_thousand)
    assert ArticleLimits().breach("Talks\n\n" + "Officials in Rome said the talks with Greece went well. " * 300) is None


def test_a_long_line_of_another_language_is_tokenized_in_chunks(pipeline):
    text = "Zqx vrl\n\n" + "zqx vrlt kwp " * 100_000  # 1.3 MB on one line: over spaCy's max_length
    analysis = pipeline.analyze(make_article(text))
    assert analysis.article.language != "en" and analysis.quotes == []


def test_five_thousand_one_word_replies_are_five_thousand_quotations(pipeline):
    text = "Talk\n\n" + '"Yes," he said.\n\n' * 5000
    assert ArticleLimits().breach(text) is None
    analysis = pipeline.analyze(make_article(text))
    assert len(analysis.quotes) == 5000 and all(q.text == "Yes," and q.kind == "direct" for q in analysis.quotes)
