"""Title Case headlines are parsed as sentences, with their text and offsets untouched."""

from __future__ import annotations

import pytest

from newsgraph.recase import is_title_cased, sentence_cased, written_names


@pytest.mark.parametrize("line, title_cased", [
    ("Moldova Expels Armenian Diplomats", True),
    ("Iran Accuses Israel of Backing Rebels", True),
    ("Moldova expels two Armenian diplomats", False),
    ("RUSSIA WARNS GEORGIA", False),
    ("Talks End", False),  # too short to tell a headline from a name
])
def test_title_case_lines_are_recognised(line, title_cased):
    assert is_title_cased(line) is title_cased


def test_common_words_are_lowered_and_names_kept():
    line = "Moldova Expels Armenian Diplomats After Talks With NATO And Vera Lindqvist"
    cased = sentence_cased(line, names={"Vera", "Lindqvist"})
    assert cased == "Moldova expels Armenian diplomats after talks with NATO and Vera Lindqvist"
    assert len(cased) == len(line)


def test_a_title_case_headline_gives_its_event_and_keeps_its_text(analyze_text):
    text = "Moldova Expels Armenian Diplomats After Spying Row"
    event = only(analyze_text(text).events)
    assert (event.type, [a.country for a in event.actor], [r.country for r in event.recipient]) == \
        ("SANCTION", ["MDA"], ["ARM"])
    assert text[event.trigger.start:event.trigger.end] == event.trigger.text == "Expels Armenian Diplomats"


def test_names_are_the_words_an_article_capitalises_mid_sentence():
    text = ("Ruritania Drops Its Case Against Jan Novak\n\n"
            "Prosecutors in Ruritania said on Friday that Jan Novak would not be charged.")
    assert written_names(text) == {"Ruritania", "Friday", "Jan", "Novak"}


def only(events):
    assert len(events) == 1, events
    return events[0]


def test_a_title_case_headline_over_an_article_is_parsed_as_a_sentence(analyze_text):
    text = ("Moldova Expels Armenian Diplomats After Spying Row\n\n"
            "The ministry said on Monday that the two men had been told to leave.")
    event = only(analyze_text(text).events)
    assert (event.type, event.trigger.text) == ("SANCTION", "Expels Armenian Diplomats")
