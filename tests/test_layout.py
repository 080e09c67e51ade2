"""Layout: headline, standfirst, subheadings, paragraphs and pull quotes."""

from newsgraph.layout import detect_layout

ARTICLE = """Leaders agree to revive trade pact
Tariff cuts to resume after months of deadlock over farm subsidies.
“We have turned a page,” said Anna Berg, the trade commissioner.
Open questions
Officials said several disputes remained unresolved after the meeting in Oslo.
“We have turned a page and intend to keep going” Anna Berg, |
The two delegations will meet again in March, Ms Berg added.
"""


def kinds(text, title=None):
    return [(b.kind, b.text) for b in detect_layout(text, title).blocks]


def test_blocks_cover_lines_with_exact_offsets():
    layout = detect_layout(ARTICLE)
    for block in layout.blocks:
        assert ARTICLE[block.start:block.end] == block.text
    assert len(layout.blocks) == 7


def test_headline_standfirst_subheading_pullquote():
    layout = detect_layout(ARTICLE)
    labels = [b.kind for b in layout.blocks]
    assert labels == ["headline", "standfirst", "paragraph", "subheading", "paragraph", "pullquote", "paragraph"]
    pull = layout.blocks[5]
    assert pull.credit == "Anna Berg"
    assert pull.twin == 2


def test_lede_sentence_is_not_a_standfirst():
    text = "Budget row deepens\n\nThe finance minister has rejected calls to resign, it was reported.\n\nMore follows."
    assert [k for k, _ in kinds(text)] == ["headline", "paragraph", "paragraph"]


def test_quoted_paragraph_without_credit_or_repeat_is_a_paragraph():
    text = "Headline here\n\n“This is new,” she said.\n\n“And so is this.”\n"
    assert [k for k, _ in kinds(text)] == ["headline", "paragraph", "paragraph"]


def test_pull_quote_repeating_body_without_credit():
    text = ("Storm warning\n\n“Nobody should travel tonight unless it is essential,” the mayor said.\n\n"
            "“Nobody should travel tonight unless it is essential”\n\nRoads were closed.\n")
    blocks = detect_layout(text).blocks
    assert blocks[2].kind == "pullquote" and blocks[2].twin == 1


def test_title_that_differs_from_first_line_means_no_headline():
    text = "Officials met in Vienna on Tuesday.\nThey agreed on a timetable."
    assert kinds(text, title="Vienna talks")[0][0] == "paragraph"


def test_empty_and_blank_text():
    assert detect_layout("").blocks == []
    assert detect_layout(" \n\n \t\n").blocks == []


def test_seed_layout(seed_analysis):
    blocks = seed_analysis.layout.blocks
    by_kind = {}
    for block in blocks:
        by_kind.setdefault(block.kind, []).append(block.text)
    assert by_kind["headline"] == ["Nato mends Russia military ties"]
    assert by_kind["standfirst"][0].startswith("Security co-operation to resume")
    assert by_kind["subheading"] == ["Common concerns", "Differences remain"]
    [pull] = [b for b in blocks if b.kind == "pullquote"]
    assert pull.credit == "James Appathurai"
    assert blocks[pull.twin].text.startswith("“Georgia is the big one.")


def test_credit_with_organisation_and_no_bar():
    text = ("Talks resume\n\n“We will not be rushed, and we will not be naive,” said Ingrid Solheim, the envoy.\n\n"
            "Officials met for six hours.\n\n“We will not be rushed, and we will not be naive” Ingrid Solheim, Nato\n\n"
            "The next round is in May.\n")
    pull = detect_layout(text).blocks[3]
    assert (pull.kind, pull.credit, pull.twin) == ("pullquote", "Ingrid Solheim", 1)


def test_attributed_body_quotation_is_not_a_credit():
    text = "Talks resume\n\n“We will not be rushed,” Ingrid Solheim told reporters.\n\nMore later.\n"
    assert detect_layout(text).blocks[1].kind == "paragraph"
