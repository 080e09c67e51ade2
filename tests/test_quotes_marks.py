"""Quotation-mark pairing on raw text: families, apostrophes, nesting, re-opening, unbalanced marks."""

from newsgraph.quotes.marks import outermost, pair_marks


def contents(text: str, nested: bool = False) -> list[str]:
    stretches = pair_marks(text) if nested else outermost(pair_marks(text))
    return [text[q.start:q.end] for q in stretches]


def test_straight_and_curly_double_marks():
    assert contents('He said "we will win," and left.') == ["we will win,"]
    assert contents("He said “we will win,” and left.") == ["we will win,"]


def test_british_single_marks_are_told_from_apostrophes():
    text = "Scotland's workers' union called it 'a disgrace', didn't it?"
    assert contents(text) == ["a disgrace"]


def test_curly_apostrophes_inside_words_are_not_marks():
    assert contents("Russia’s view of “new reality” isn’t Nato’s.") == ["new reality"]


def test_guillemets_and_low_nine_marks():
    assert contents("„Guten Tag“ und «bonjour»") == ["Guten Tag", "bonjour"]


def test_nested_single_inside_double():
    text = "He said: \"It is wrong that I 'should resign', as they claim.\""
    assert contents(text) == ["It is wrong that I 'should resign', as they claim."]
    assert "should resign" in contents(text, nested=True)


def test_reopened_quotation_in_the_same_paragraph_ends_before_the_new_mark():
    text = 'She said: "We lost. "But we will be back." Then she left.'
    assert contents(text) == ["We lost.", "But we will be back."]


def test_paragraph_convention_unclosed_quotation_ends_with_its_line():
    text = "“First paragraph of the quotation.\n“Second paragraph,” he said."
    assert contents(text) == ["First paragraph of the quotation.", "Second paragraph,"]


def test_never_closing_quotation_does_not_swallow_the_next_paragraphs():
    text = 'He said "this never closes\nA new paragraph with no marks at all.\nAnother one.'
    assert contents(text) == ["this never closes"]


def test_marks_only_and_stray_marks_give_no_exception():
    for text in ['"', '""', "' ' '", '" " " """', "“”‘’«»„", "'" * 500, '"' * 501]:
        for stretch in pair_marks(text):
            assert 0 <= stretch.start <= stretch.end <= len(text)


def test_right_to_left_text_pairs_marks():
    assert contents("قال \"مرحبا بكم\" اليوم") == ["مرحبا بكم"]


def test_doubled_apostrophes_and_backticks_are_double_marks():
    text = "''It's a tax increase,'' said Mr. Cole, known for the ''Buffett rule'' and ``plain talk''."
    assert contents(text) == ["It's a tax increase,", "Buffett rule", "plain talk"]
