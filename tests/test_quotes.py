"""Quotations on small hand-written texts: every attribution pattern, kinds, spans, speakers."""

import pytest


def quotes_of(analyze_text, text):
    return analyze_text(text).quotes


def only(quotes, kind):
    return [q for q in quotes if q.kind == kind]


def speaker(quote):
    return quote.speaker.name if quote.speaker else None


def test_quote_then_name_said(analyze_text):
    [quote] = quotes_of(analyze_text, '"We will cut taxes for every family," Margaret Hodge said.')
    assert (quote.kind, quote.text, speaker(quote)) == ("direct", "We will cut taxes for every family,",
                                                       "Margaret Hodge")
    assert quote.cue.text == "said"


def test_quote_then_said_name(analyze_text):
    [quote] = quotes_of(analyze_text, '"The plan will fail in the end," said Peter Walsh.')
    assert speaker(quote) == "Peter Walsh"


def test_name_said_colon_quote(analyze_text):
    [quote] = quotes_of(analyze_text, 'Peter Walsh said: "The plan will fail in the end."')
    assert quote.text == "The plan will fail in the end."
    assert speaker(quote) == "Peter Walsh"


def test_colon_without_verb(analyze_text):
    text = 'The debate ended late.\nPeter Walsh: "The plan will fail in the end."'
    [quote] = only(quotes_of(analyze_text, text), "direct")
    assert speaker(quote) == "Peter Walsh"


def test_apposition_between_quote_and_verb(analyze_text):
    text = ('"The alliance is back in business," James Appathurai, the Nato spokesman, said on Friday. '
            'The Nato spokesman said that talks would resume in May.')
    analysis = analyze_text(text)
    direct = only(analysis.quotes, "direct")[0]
    assert speaker(direct) == "James Appathurai"
    indirect = only(analysis.quotes, "indirect")[0]
    assert indirect.text == "talks would resume in May"
    assert speaker(indirect) == "James Appathurai"
    actor = next(a for a in analysis.actors if a.name == "James Appathurai")
    assert actor.role == "spokesman"


def test_interrupted_quotation_is_two_quotations_with_one_speaker(analyze_text):
    text = '"We have restarted our relations," Jaap Scheffer said. "Russia needs Nato and Nato needs Russia."'
    quotes = quotes_of(analyze_text, text)
    assert [q.text for q in quotes] == ["We have restarted our relations,", "Russia needs Nato and Nato needs Russia."]
    assert {speaker(q) for q in quotes} == {"Jaap Scheffer"}


def test_saying_quote_takes_the_subject_of_the_main_verb(analyze_text):
    text = ('Sergei Lavrov, the Russian foreign minister, was more reserved about the deal, saying it was '
            '"to a certain extent a positive development".')
    analysis = analyze_text(text)
    [partial] = only(analysis.quotes, "partial")
    assert partial.text == "to a certain extent a positive development"
    assert speaker(partial) == "Sergei Lavrov"
    assert next(a for a in analysis.actors if a.name == "Sergei Lavrov").role == "foreign minister"


def test_according_to(analyze_text):
    text = "The talks will resume next week, according to Jane Porter."
    [quote] = quotes_of(analyze_text, text)
    assert (quote.kind, quote.text, speaker(quote)) == ("indirect", "The talks will resume next week", "Jane Porter")


def test_reported_speech_after_that(analyze_text):
    text = "Jaap Scheffer said that the two sides had recognised the need to work together."
    [quote] = quotes_of(analyze_text, text)
    assert quote.kind == "indirect"
    assert quote.text == "the two sides had recognised the need to work together"
    assert speaker(quote) == "Jaap Scheffer"


def test_reported_speech_before_the_verb(analyze_text):
    text = "The media attention had moved the focus from the real problems, Mr Law said."
    [quote] = quotes_of(analyze_text, text)
    assert quote.text == "The media attention had moved the focus from the real problems"
    assert speaker(quote) == "Law"


def test_partial_quote_inside_reported_speech(analyze_text):
    text = ("Sergei Lavrov said on Saturday that the recognition of the two regions was an irreversible "
            "“new reality” and the West should get used to it.")
    quotes = quotes_of(analyze_text, text)
    [indirect] = only(quotes, "indirect")
    [partial] = only(quotes, "partial")
    assert indirect.text.startswith("the recognition of the two regions")
    assert indirect.text.endswith("the West should get used to it")
    assert partial.text == "new reality"
    assert speaker(indirect) == speaker(partial) == "Sergei Lavrov"


def test_scare_quotes_titles_and_terms_are_not_quotations(analyze_text):
    text = ("Ministers discussed the “independence” of the two regions. The book \"War And Peace\" sold well. "
            'Harbour fees may follow a "sliding scale" formula. The plan was dubbed "Project Fear".')
    assert quotes_of(analyze_text, text) == []


def test_speaker_in_the_sentence_before(analyze_text):
    text = ('Dr Julia Brown said the figures were worrying and called for action. '
            '"We cannot wait another year for this."')
    direct = only(quotes_of(analyze_text, text), "direct")[0]
    assert speaker(direct) == "Julia Brown"


def test_speaker_two_sentences_away(analyze_text):
    text = ("Dr Julia Brown said the figures were worrying. The hospital has lost twelve nurses this year. "
            '"We cannot wait another year for this."')
    direct = only(quotes_of(analyze_text, text), "direct")[0]
    assert speaker(direct) == "Julia Brown"


def test_floating_paragraph_continues_the_previous_speaker(analyze_text):
    text = ('Mr Prentis said workers were angry.\n'
            '"They will not accept this and they will fight it."\n'
            '"We are ready to strike," he said.')
    quotes = only(quotes_of(analyze_text, text), "direct")
    assert [speaker(q) for q in quotes] == ["Prentis", "Prentis"]


def test_pronoun_after_a_second_person_is_mentioned(analyze_text):
    text = ('Ms Ruth Kelly criticised Mr David Davis over the plans. '
            '"This is not the way to run a country," she said.')
    [quote] = only(quotes_of(analyze_text, text), "direct")
    assert speaker(quote) == "Ruth Kelly"


def test_pronoun_prefers_the_subject_of_the_previous_sentence(analyze_text):
    text = ('Michael Howard met Tony Blair at Westminster on Monday. '
            '"The talks were useful and we will meet again," he said.')
    [quote] = only(quotes_of(analyze_text, text), "direct")
    assert speaker(quote) == "Michael Howard"


def test_pronoun_skips_a_person_named_only_inside_a_quotation(analyze_text):
    text = ('Tomas Berglund said the fisheries talks were on track again.\n'
            '"Nobody agrees with Peter Olsen on this," he said.\n'
            '"The Arctic is plainly an area where we can work together," he said.')
    quotes = only(quotes_of(analyze_text, text), "direct")
    assert [speaker(q) for q in quotes] == ["Tomas Berglund", "Tomas Berglund"]


def test_short_name_and_honorific_resolve_to_the_full_name(analyze_text):
    text = ('Patricia Hewitt announced the plan on Monday. '
            '"Mothers will gain a great deal," Ms Hewitt said.')
    [quote] = only(quotes_of(analyze_text, text), "direct")
    assert speaker(quote) == "Patricia Hewitt"


def test_description_stays_a_description(analyze_text):
    text = 'A Downing Street spokesman said the prime minister had full confidence in the chancellor.'
    [quote] = quotes_of(analyze_text, text)
    assert speaker(quote) == "Downing Street spokesman"


def test_organisation_speaker(analyze_text):
    text = 'In a statement, the Cabinet Office said it was reviewing the pension scheme.'
    [quote] = quotes_of(analyze_text, text)
    assert quote.text == "it was reviewing the pension scheme"
    assert speaker(quote) == "Cabinet Office"


def test_pull_quote_links_to_its_body_twin_and_adds_no_speaker(analyze_text):
    text = ("Nato mends Russia military ties\n"
            "“Georgia is the big one and we will talk about it” James Appathurai, |\n"
            "Jaap Scheffer spoke first at the meeting in Corfu on Saturday.\n"
            "“Georgia is the big one and we will talk about it,” Appathurai said on Saturday.\n")
    quotes = quotes_of(analyze_text, text)
    pull = [q for q in quotes if q.pullquote]
    body = [q for q in quotes if not q.pullquote and q.kind == "direct"]
    assert len(pull) == 1 and len(body) == 1
    assert pull[0].twin == body[0].id
    assert speaker(body[0]) == "James Appathurai"


def test_quote_record_fields(analyze_text):
    text = 'Ministers met on Monday.\n"We will win this vote," Jane Porter said.'
    [quote] = quotes_of(analyze_text, text)
    assert text[quote.start:quote.end] == quote.text
    assert quote.paragraph == 1
    assert quote.speaker_mention.text == "Jane Porter"
    assert quote.id == "q1"


@pytest.mark.parametrize("text", [
    '"' * 400,
    "“" * 300 + " words " + "”" * 7,
    'He said "this quotation never closes and goes on ' + "and on " * 3000,
    '"' + "word " * 20000 + '"',
    "قال الوزير \"إننا سنفوز\" في المؤتمر",
    "' \" ‘ ’ « » „ “ ” " * 100,
])
def test_bad_input_gives_a_valid_analysis(analyze_text, text):
    analysis = analyze_text(text)
    assert not [n for n in analysis.notes if "failed" in n]
    for quote in analysis.quotes:
        assert 0 <= quote.start <= quote.end <= len(text)
        assert text[quote.start:quote.end] == quote.text


def test_a_one_word_reply_before_a_verb_of_saying_is_a_quotation(analyze_text):
    analysis = analyze_text('Harbour vote\n\nMayor Ilse Varga was asked if the harbour would reopen.\n\n'
                            '"Yes," she said. "Never," said Tomas Brel.\n\nThe film "Harbour" opens on Friday.')
    direct = [q for q in analysis.quotes if q.kind == "direct"]
    assert [q.text for q in direct] == ["Yes,", "Never,"]
    assert direct[1].speaker.name == "Tomas Brel"
