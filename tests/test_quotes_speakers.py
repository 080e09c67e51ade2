"""Who said it, on short invented texts: one test per kind of speaker error seen on unseen news."""

import pytest


def quotes_of(analyze_text, text, kind=None):
    return [q for q in analyze_text(text).quotes if kind is None or q.kind == kind]


def speakers(quotes):
    return [q.speaker.name if q.speaker else None for q in quotes]


# no speaker at all ---------------------------------------------------------------------------------

def test_question_then_asker_in_what_the_parser_calls_the_next_sentence(analyze_text):
    text = ('Mr Dorsey answered questions for an hour. "So you never met the contractor?" Kemp asked. '
            '"That is correct," Dorsey said.')
    assert speakers(quotes_of(analyze_text, text, "direct")) == ["Kemp", "Dorsey"]


def test_quotation_opening_a_paragraph_continues_the_previous_paragraphs_speaker(analyze_text):
    text = ('Harbour official Nadia Fenwick said the pier would close in May.\n\n'
            '"The repairs cannot wait another winter."')
    assert speakers(quotes_of(analyze_text, text, "direct")) == ["Nadia Fenwick"]


def test_speaker_named_only_after_a_run_of_quoted_paragraphs(analyze_text):
    text = ('The meeting went on past midnight.\n\n'
            '"We have waited long enough for the new bridge.\n\n'
            '"The council has ignored this village for years.\n\n'
            '"Nobody here will vote for them again," said Tomas Arden, a farmer.')
    assert speakers(quotes_of(analyze_text, text, "direct")) == ["Tomas Arden"] * 3


# the wrong person ----------------------------------------------------------------------------------

def test_interviewer_and_interviewee_alternate(analyze_text):
    text = ('"Will you resign?" asked the presenter, Ben Cole. "No, I will not," said Mayor Rita Vance. '
            '"Are you sure?" Cole asked.')
    assert speakers(quotes_of(analyze_text, text, "direct")) == ["Ben Cole", "Rita Vance", "Ben Cole"]


# descriptions, role words and names ------------------------------------------------------------------

def test_role_title_is_not_part_of_the_name(analyze_text):
    text = ("Republican state schools Superintendent Lena Marsh said the budget was too small. "
            '"We need more teachers," Marsh said.')
    assert set(speakers(quotes_of(analyze_text, text))) == {"Lena Marsh"}


def test_role_word_before_a_name_without_comma_joins_the_name(analyze_text):
    text = ("Freedonia's ambassador to Britain John Marek has said that the border would stay open. "
            "The ambassador said trade would grow.")
    quotes = quotes_of(analyze_text, text, "indirect")
    assert set(speakers(quotes)) == {"John Marek"}


def test_description_then_name_in_apposition(analyze_text):
    text = ('"The minister knew everything," said another witness in the inquiry, former aide Clara Voss.')
    assert speakers(quotes_of(analyze_text, text, "direct")) == ["Clara Voss"]


def test_name_the_tagger_cut_short_is_made_whole(analyze_text):
    text = ("President Moon Tae Hyun apologised on Saturday. "
            '"I deeply regret this," Moon said.')
    assert speakers(quotes_of(analyze_text, text, "direct")) == ["Moon Tae Hyun"]


# the wrong source ----------------------------------------------------------------------------------

def test_organisation_statement_and_its_pronoun(analyze_text):
    text = ('The Electoral Board issued a statement warning that "voters deserve honest campaigns." '
            "However, it pointed out that it has no power over campaign content.")
    assert set(speakers(quotes_of(analyze_text, text))) == {"Electoral Board"}


# spans around the attribution ------------------------------------------------------------------------

def test_doubled_single_marks_close_a_quotation(analyze_text):
    text = "“It was an attempt to mislead voters,’’ Ravi Patel, head of the fact-checking group, said."
    [quote] = quotes_of(analyze_text, text, "direct")
    assert (quote.text, speakers([quote])) == ("It was an attempt to mislead voters,", ["Ravi Patel"])


def test_reported_clause_stops_before_the_reporters_additions(analyze_text):
    text = ("Tom Reed said he had read the report and slammed the plan as a disgrace. "
            "Anna Vale told lawmakers it was her duty to report the call, as she deflected attacks. "
            "Sara Lint told the Courier in a statement that her client meant no harm.")
    quotes = quotes_of(analyze_text, text, "indirect")
    assert [q.text for q in quotes] == ["he had read the report", "it was her duty to report the call",
                                        "her client meant no harm"]
    assert speakers(quotes) == ["Tom Reed", "Anna Vale", "Sara Lint"]


def test_relay_is_no_speaker_when_it_names_the_source(analyze_text):
    text = "According to the Daily Courier, ministry spokesman Otto Brandt said the talks had failed."
    quotes = quotes_of(analyze_text, text, "indirect")
    assert [(q.text, q.speaker.name) for q in quotes] == [("the talks had failed", "Otto Brandt")]


def test_officials_organisation_is_an_affiliation_not_the_speaker(analyze_text):
    analysis = analyze_text("The Harbour Authority closed the port on Monday. "
                            "Harbour Authority Spokesperson Jane Doe said the port would reopen soon.")
    [quote] = [q for q in analysis.quotes if q.kind == "indirect"]
    assert quote.speaker.name == "Jane Doe"
    [actor] = [a for a in analysis.actors if a.id == quote.speaker.id]
    assert (actor.role, actor.organisation) == ("spokesperson", "Harbour Authority")


def test_role_word_resolves_to_the_name_the_article_gives(analyze_text):
    text = ("Lucia Ortiz was freed on Monday, her uncle, Samuel Ortiz, told reporters. "
            "Her uncle said the family had waited two years.")
    quotes = quotes_of(analyze_text, text, "indirect")
    assert speakers(quotes) == ["Samuel Ortiz", "Samuel Ortiz"]


def test_transcript_labels_alternate_interviewer_and_interviewee(analyze_text):
    text = ('Host Dana Price questioned Governor Walter Greer on Sunday. A partial transcript follows.\n\n'
            '"PRICE: Will you sign the budget this week?\n\n'
            '"GREER: I will sign it when the schools get what they were promised.\n\n'
            '"PRICE: And if they do not?')
    assert speakers(quotes_of(analyze_text, text, "direct")) == ["Dana Price", "Walter Greer", "Dana Price"]


def test_name_credited_after_a_dash(analyze_text):
    text = ('Readers wrote in about the new tram line.\n\n'
            '"It is the best thing to happen to this town in years." ― Imogen Hale')
    assert speakers(quotes_of(analyze_text, text, "direct")) == ["Imogen Hale"]


def test_it_after_a_statement_speaks_for_the_statements_source(analyze_text):
    text = ('Mr Hollis denied the report. Mr Hollis\'s statement said: "I never had that conversation." '
            'It added: "The claims are a distraction from the issues."')
    assert speakers(quotes_of(analyze_text, text, "direct")) == ["Hollis", "Hollis"]


ONE_REPORTED_SPEAKER = {  # what it shows: (text, the speaker of its one indirect quotation)
    "family_name_first_goes_to_the_nearest_full_name": (
        "Opposition leader Park Jin-ho called the plan reckless. Park said the vote must wait. "
        "Interior Minister Park Sung-min was questioned later.", "Park Jin-ho"),
    "unnamed_source_keeps_its_whole_description": (
        "People briefed on the talks said the deal was close.", "People briefed on the talks"),
    "officials_of_a_named_administration_are_the_officials": (
        "Marlow administration officials said they were not told in advance.", "Marlow administration officials"),
    "documents_speak_for_who_made_them": (
        "At least forty people were hurt, according to reports received by Greenwatch.", "Greenwatch"),
    "relay_speaking_for_itself_is_the_speaker": (
        "The harbour will close next month, according to the Daily Courier.", "Daily Courier"),
    "spokeswoman_is_not_the_party_she_mentions": (
        "The Health Ministry rejected the claim on Tuesday. A ministry spokeswoman said the Green Party "
        "had misread the figures.", "ministry spokeswoman"),
    "committee_speaking_through_its_report": (
        "The Transport Committee said in its report that the new line was badly planned.", "Transport Committee"),
    "book_speaks_for_its_author": (
        "The book, by former aide Harriet Lamb, said the two ministers had not spoken for a year.", "Harriet Lamb"),
    "news_agency_holding_a_document_only_relays_it": (
        "Intelligence reports seen by Reuters suggest that the general fled the capital.", "Intelligence reports"),
    "post_nominal_title_is_not_part_of_the_name": (
        "Imran Sadiq QC, for the defence, said the evidence had been planted.", "Imran Sadiq"),
}


@pytest.mark.parametrize(("text", "speaker"), ONE_REPORTED_SPEAKER.values(), ids=ONE_REPORTED_SPEAKER.keys())
def test_one_reported_speaker(analyze_text, text, speaker):
    [quote] = quotes_of(analyze_text, text, "indirect")
    assert speakers([quote]) == [speaker]
