"""The seed article (Nato and Russia, 2009) yields the events a reader finds in it."""

from __future__ import annotations


def countries(refs) -> set[str]:
    return {ref.country for ref in refs if ref.country}


def names(refs) -> set[str]:
    return {ref.name.lower() for ref in refs}


def events_of(analysis, *types: str):
    return [e for e in analysis.events if e.type in types]


def test_headline_nato_cooperates_with_russia(seed_analysis):
    headline = seed_analysis.layout.blocks[0]
    found = [e for e in events_of(seed_analysis, "SUPPORT", "COOPERATE")
             if headline.start <= e.trigger.start < headline.end]
    assert any("nato" in names(e.actor) and "RUS" in countries(e.recipient) for e in found)


def test_agreement_to_restart_contacts_is_claimed_by_scheffer(seed_analysis):
    quotes = {q.id: q for q in seed_analysis.quotes}
    agreed = [e for e in events_of(seed_analysis, "AGREE") if e.trigger.text == "agreed" and e.claimed_by]
    assert any("scheffer" in (quotes[e.claimed_by].speaker.name.lower() if quotes[e.claimed_by].speaker else "")
               for e in agreed)


def test_nato_and_russia_are_both_parties_to_the_agreement(seed_analysis):
    """"We also agreed to restart the military to military contacts": Scheffer's "we" is Nato, and what
    Nato agreed it agreed with the party the article has it mending ties with."""
    agreed = [e for e in events_of(seed_analysis, "AGREE") if e.trigger.text == "agreed"]
    assert len(agreed) == 1
    event = agreed[0]
    assert "nato" in names(event.actor) and countries(event.recipient) == {"RUS"}
    assert event.claimed_by_speaker is not None and "scheffer" in event.claimed_by_speaker.name.lower()
    assert not (event.negated or event.hypothetical or event.future)


def test_nato_consults_moscow_on_transit(seed_analysis):
    """Nato nations discussing with Moscow: Nato meets Russia."""
    assert any("nato" in names(e.actor) and "RUS" in countries(e.actor) | countries(e.recipient)
               for e in events_of(seed_analysis, "CONSULT"))


def test_moscow_objects_to_us_missile_defence(seed_analysis):
    assert any("RUS" in countries(e.actor) and "USA" in countries(e.recipient)
               for e in events_of(seed_analysis, "ACCUSE"))


def test_russia_sends_troops_into_georgia(seed_analysis):
    assert any("RUS" in countries(e.actor) and "GEO" in countries(e.recipient)
               for e in events_of(seed_analysis, "ASSAULT", "MOBILIZE"))


def test_russia_recognises_south_ossetia_and_abkhazia(seed_analysis):
    assert any("RUS" in countries(e.actor) and {"south ossetia", "abkhazia"} <= names(e.recipient)
               for e in events_of(seed_analysis, "SUPPORT"))


def test_no_event_rests_only_on_a_pull_quote(seed_analysis):
    pullquotes = [b for b in seed_analysis.layout.blocks if b.kind == "pullquote"]
    assert pullquotes
    for event in seed_analysis.events:
        assert not any(b.start <= event.trigger.start < b.end for b in pullquotes)
