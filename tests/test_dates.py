"""Date expressions resolved against the article's date (2009-06-27 is a Saturday)."""

from __future__ import annotations

import pytest

from newsgraph.dates import resolve_date

TODAY = "2009-06-27"


@pytest.mark.parametrize("text, past, future", [
    ("on Saturday", "2009-06-27", "2009-06-27"),
    ("Friday", "2009-06-26", "2009-07-03"),
    ("last August", "2008-08", "2008-08"),
    ("in May", "2009-05", "2010-05"),
    ("next month", "2009-07", "2009-07"),
    ("last week", "2009-06-20", "2009-06-20"),
    ("yesterday", "2009-06-26", "2009-06-26"),
    ("tomorrow", "2009-06-28", "2009-06-28"),
    ("two days ago", "2009-06-25", "2009-06-25"),
    ("this year", "2009", "2009"),
    ("August 13", "2008-08-13", "2009-08-13"),
    ("13 August 2008", "2008-08-13", "2008-08-13"),
    ("March 2009", "2009-03", "2009-03"),
    ("in 1988", "1988", "1988"),
    ("next Tuesday", "2009-06-30", "2009-06-30"),
])
def test_resolves_against_the_article_date(text, past, future):
    assert resolve_date(text, TODAY) == past
    assert resolve_date(text, TODAY, future=True) == future


def test_without_an_article_date_only_absolute_dates_resolve():
    assert resolve_date("on Saturday", None) is None
    assert resolve_date("13 August 2008", None) == "2008-08-13"


@pytest.mark.parametrize("text", ["", "the weekend of discontent", "recently", "12345", "30 February"])
def test_unresolvable_text_gives_none_or_a_date(text):
    resolved = resolve_date(text, TODAY)
    assert resolved is None or resolved[:4].isdigit()
