"""Event types in news prose that the trigger stage reads from the construction, not from one word:
acts done in protest, blockades by states, forces leaving, aid held back or put on hold, phrasal verbs.
Texts are invented (people and towns)."""

from __future__ import annotations

import pytest

DATE = "2024-03-05"


def countries(refs) -> set[str]:
    return {ref.country for ref in refs if ref.country}


def names(refs) -> set[str]:
    return {ref.name.lower() for ref in refs}


def coded(analysis) -> list[tuple[str, str, set[str], set[str]]]:
    return [(e.type, e.trigger.text, names(e.actor), names(e.recipient)) for e in analysis.events]


# (what the text shows, text, type, actor countries, recipient countries)
CASES = [
    ("leaving in protest is a protest", "Dozens of Moldovan lawmakers left the chamber in protest on Monday.",
     "PROTEST", {"MDA"}, set()),
    ("resigning in protest is still a resignation", "The Armenian envoy to Moldova resigned in protest on "
     "Friday.", "RETREAT", {"ARM"}, set()),
    ("recalling an envoy in protest still reduces relations", "Moldova recalled its ambassador to Armenia in "
     "protest on Friday.", "SANCTION", {"MDA"}, {"ARM"}),
    ("a state blocking a crossing imposes a blockade", "Moldova blocked the main crossing into Armenia on "
     "Tuesday.", "COERCE", {"MDA"}, {"ARM"}),
    ("police blocking access restrict movement", "Moldovan police blocked access to the Armenian embassy on "
     "Tuesday.", "COERCE", {"MDA"}, {"ARM"}),
    ("a state blocking a crossing point imposes a blockade", "Moldova blocked the Kessel crossing point into "
     "Armenia on Tuesday.", "COERCE", {"MDA"}, None),
    ("civilians blocking a crossing protest", "Moldovan farmers blocked the main crossing into Armenia on "
     "Tuesday.", "PROTEST", {"MDA"}, None),
    ("troops surrounding a town cordon it off", "Moldovan troops surrounded the Armenian town of Kessel on "
     "Sunday.", "COERCE", {"MDA"}, {"ARM"}),
    ("teachers surrounding a parliament protest", "Thousands of Moldovan teachers surrounded the parliament "
     "in Chisinau on Tuesday to demand higher pay.", "PROTEST", {"MDA"}, None),
    ("closing a border restricts movement", "Moldova closed its border with Armenia on Friday.", "COERCE",
     {"MDA"}, {"ARM"}),
    ("soldiers leaving a country withdraw", "The last Armenian soldiers left Moldova on Sunday.", "RETREAT",
     {"ARM"}, {"MDA"}),
    ("holding back loan guarantees sanctions", "The Moldovan government held back loan guarantees for "
     "Armenia.", "SANCTION", {"MDA"}, {"ARM"}),
    ("a hold put on aid sanctions", "The United States put a hold on military aid to Armenia.", "SANCTION",
     {"USA"}, {"ARM"}),
    ("a warm greeting supports", "A crowd of Moldovan farmers warmly greeted the Armenian president on "
     "Monday.", "SUPPORT", {"MDA"}, {"ARM"}),
    ("protesters' demand is their protest", "Crowds of Moldovan protesters called for the resignation of the "
     "Armenian envoy on Sunday.", "PROTEST", {"MDA"}, {"ARM"}),
    ("telling someone by telephone is a phone call", "The Moldovan president spoke by phone with the Armenian "
     "prime minister on Monday.", "CONSULT", {"MDA"}, {"ARM"}),
    ("an adjective after the described thing is a description", "The Moldovan president has called the "
     "Armenian rebate \"unjustified\".", "ACCUSE", {"MDA"}, {"ARM"}),
    ("touring a place visits it", "The Armenian president toured the streets of Chisinau on Monday.",
     "CONSULT", {"ARM"}, {"MDA"}),
    ("help received is aid", "Moldova received help from Armenia after the floods.", "AID", {"ARM"}, {"MDA"}),
    ("a coalition government with a party is cooperation", "Ion Rusu, the Moldovan Liberal leader, formed a "
     "coalition government with the Armenian Greens.", "COOPERATE", {"MDA"}, {"ARM"}),
    ("lauding praises", "The Moldovan president lauded Armenia for its help.", "SUPPORT", {"MDA"}, {"ARM"}),
    ("a fine is a penalty", "The Moldovan court fined the Armenian company on Monday.", "SANCTION", {"MDA"},
     {"ARM"}),
    ("an incursion is an assault", "Armenian troops made an incursion into Moldova on Sunday.", "ASSAULT",
     {"ARM"}, {"MDA"}),
    ("a snub rejects", "The Armenian president snubbed the Moldovan envoy.", "REJECT", {"ARM"}, {"MDA"}),
    ("attacking a state over something criticises it", "Moldova attacks Armenia over aid", "ACCUSE", {"MDA"},
     {"ARM"}),
    ("shrugging off fears dismisses them", "Moldova shrugs off Armenian fears", "REJECT", {"MDA"}, {"ARM"}),
    ("cutting supplies sanctions", "Moldova reduced food supplies to Armenia on Tuesday.", "SANCTION", {"MDA"},
     {"ARM"}),
    ("a pledge to take action against a state threatens it", "Moldova pledged to take action against "
     "Armenia.", "THREATEN", {"MDA"}, {"ARM"}),
    ("legal action is a legal accusation", "The Moldovan government took legal action against the Armenian "
     "broadcaster.", "ACCUSE", {"MDA"}, {"ARM"}),
    ("industrial action is a strike", "Moldovan teachers began industrial action on Monday.", "PROTEST", {"MDA"},
     set()),
    ("pressing charges accuses", "Moldova will press war crimes charges against Armenia.", "ACCUSE", {"MDA"},
     {"ARM"}),
    ("addressing a parliament meets it", "The Moldovan president addressed the Armenian parliament on Monday.",
     "CONSULT", {"MDA"}, {"ARM"}),
    ("workers striking stop work", "Armenian workers strike over pay", "PROTEST", {"ARM"}, set()),
    ("a formal protest to a government is a diplomatic accusation", "Armenia submitted a formal protest to "
     "Moldova.", "ACCUSE", {"ARM"}, {"MDA"}),
    ("speaking out against a state accuses it", "The Moldovan foreign minister spoke out against Armenia on "
     "Monday.", "ACCUSE", {"MDA"}, {"ARM"}),
]


@pytest.mark.parametrize("text, event_type, actor, recipient", [case[1:] for case in CASES],
                         ids=[case[0] for case in CASES])
def test_event_type_read_from_the_construction(analyze_text, text, event_type, actor, recipient):
    analysis = analyze_text(text, date=DATE)
    found = [e for e in analysis.events if e.type == event_type]
    assert len(found) == 1, coded(analysis)
    assert countries(found[0].actor) == actor
    if recipient is not None:
        assert countries(found[0].recipient) == recipient


def test_a_coalition_of_voters_is_no_cooperation(analyze_text):
    analysis = analyze_text("Ion Rusu hopes to win over a broad coalition of Moldovan voters. He toured Kessel "
                            "on Monday.", date=DATE)
    assert "COOPERATE" not in [e.type for e in analysis.events], coded(analysis)


def test_a_demand_by_others_stays_a_request(analyze_text):
    analysis = analyze_text("Moldovan lawmakers called for the resignation of the Armenian envoy on Sunday.",
                            date=DATE)
    assert "PROTEST" not in [e.type for e in analysis.events]
    assert "REQUEST" in [e.type for e in analysis.events]


def test_blocking_a_proposal_rejects_it(analyze_text):
    analysis = analyze_text("The Moldovan parliament blocked the Armenian proposal.", date=DATE)
    assert [e.type for e in analysis.events] == ["REJECT"], coded(analysis)


def test_addressing_concerns_meets_no_one(analyze_text):
    analysis = analyze_text("The Moldovan government must address the concerns of Armenia.", date=DATE)
    assert "CONSULT" not in [e.type for e in analysis.events], coded(analysis)


def test_troops_striking_attack(analyze_text):
    analysis = analyze_text("Moldovan troops struck Armenian positions on Monday.", date=DATE)
    assert [e.type for e in analysis.events] == ["ASSAULT"], coded(analysis)


def test_what_force_is_used_for_is_an_act_of_its_own(analyze_text):
    analysis = analyze_text("Moldovan police used tear gas to disperse Armenian protesters in Kessel. The "
                            "protesters had marched on the ministry.", date=DATE)
    types = [e.type for e in analysis.events]
    assert "ASSAULT" in types and "COERCE" in types, coded(analysis)
    coercion = next(e for e in analysis.events if e.type == "COERCE")
    assert countries(coercion.actor) == {"MDA"} and countries(coercion.recipient) == {"ARM"}


def test_an_act_in_protest_is_no_other_event(analyze_text):
    analysis = analyze_text("Dozens of Moldovan lawmakers left the chamber in protest on Monday.", date=DATE)
    assert [e.type for e in analysis.events] == ["PROTEST"]


def test_aid_put_on_hold_is_not_aid(analyze_text):
    analysis = analyze_text("The United States put a hold on military aid to Armenia.", date=DATE)
    assert [e.type for e in analysis.events] == ["SANCTION"]


def test_troops_left_behind_do_not_withdraw(analyze_text):
    analysis = analyze_text("The Moldovan army pulled most of its units out of Kessel, leaving 100 troops in "
                            "the town.", date=DATE)
    assert [e.type for e in analysis.events].count("RETREAT") == 1, coded(analysis)


def test_a_person_leaving_is_no_withdrawal(analyze_text):
    analysis = analyze_text("Ion Rusu left Moldova for Armenia on Sunday.", date=DATE)
    assert analysis.events == []


def test_hauled_out_by_police_is_an_arrest(analyze_text):
    analysis = analyze_text("The Armenian activist Ion Rusu was hauled out of a cafe in Kessel by Moldovan "
                            "police on Sunday.", date=DATE)
    assert [e.type for e in analysis.events] == ["COERCE"], coded(analysis)


# --- headline verbs in -s the tagger takes for a plural noun before a misread verb ---------------------

HEADLINES = [
    ("Armenia lifts ban on Moldovan wine", "CONCEDE", {"ARM"}, {"MDA"}),
    ("Moldova pledges support for Armenia", "AGREE", {"MDA"}, {"ARM"}),
    ("Moldova Pledges Support For Armenia", "AGREE", {"MDA"}, {"ARM"}),
    ("Armenia mobilizes reservists", "MOBILIZE", {"ARM"}, set()),
]


@pytest.mark.parametrize("text, event_type, actor, recipient", HEADLINES, ids=[h[0] for h in HEADLINES])
def test_a_headline_verb_read_as_a_plural_noun(analyze_text, text, event_type, actor, recipient):
    analysis = analyze_text(text, date=DATE)
    assert [e.type for e in analysis.events] == [event_type], coded(analysis)
    assert countries(analysis.events[0].actor) == actor
    assert countries(analysis.events[0].recipient) == recipient


def test_a_plural_doer_before_a_headline_verb_is_no_verb(analyze_text):
    analysis = analyze_text("Moldova troops arrest Armenian activists", date=DATE)
    assert [e.type for e in analysis.events] == ["COERCE"], coded(analysis)
    assert countries(analysis.events[0].recipient) == {"ARM"}
