"""Actors and recipients of events in news prose: objects that are things owned by a party, reciprocal
objects, passive agents, pronouns, relative clauses, infinitives, recipients from the context, and which
events an article keeps. Texts are invented (people and towns)."""

from __future__ import annotations

import pytest
from test_events_articles import DATE, countries, events_of, names, only_event

# (what the text shows, text, type, actor countries, recipient countries; None: not checked)
CASES = [
    ("a threat that may come is kept", "Moldova said on Monday it could impose sanctions on Armenia. Armenia "
     "accused Moldova of lying on Tuesday.", "SANCTION", {"MDA"}, {"ARM"}),
    ("backing a thing is reported with no one receiving it", "The Moldovan governor touted the new school plan "
     "on Tuesday. Armenia accused Georgia of lying.", "SUPPORT", {"MDA"}, None),
    ("it after a state body as subject is that body", "Armenia accused Georgia of hiding weapons. The Moldovan "
     "ministry banned all rallies in Kessel. It also ordered the striking nurses to return to work.",
     "REQUEST", {"MDA"}, None),
    ("a party named after a thing rejected receives the rejection", "Moldova rejected recent calls by "
     "Armenia's rulers.", "REJECT", {"MDA"}, {"ARM"}),
    ("the relative pronoun stands for the noun before it", "Armenian police, who worked with the Moldovan "
     "border guards, arrested two smugglers on Friday. The smugglers were taken to Yerevan.",
     "COOPERATE", {"ARM"}, {"MDA"}),
    ("rejecting what another raised answers the one who raised it", "Moldova's president raised, and "
     "Armenia's president rejected, the proposal for a new border.", "REJECT", {"ARM"}, {"MDA"}),
    ("a call for parties to act beside its object asks those parties", "Britain urged an end to the violence "
     "and for Moldova and Armenia to engage in dialogue.", "REQUEST", {"GBR"}, {"MDA", "ARM"}),
    ("criticising a party's appearance criticises the party", "An appearance by the Moldovan prime minister "
     "was criticized by the Armenian government.", "ACCUSE", {"ARM"}, {"MDA"}),
    ("both sides urged by a third party are the two others", "Moldova met Armenia in Geneva. The United States "
     "urged both sides to stand down.", "REQUEST", {"USA"}, {"MDA", "ARM"}),
    ("the city an accord is named after is no party to it", "Moldova rejected the Oslo accords on Monday.",
     "REJECT", {"MDA"}, set()),
    ("a capital's proposal is its state's", "Moldova rejected the Moscow proposal on Monday.", "REJECT",
     {"MDA"}, {"RUS"}),
    ("the trained fight, not the trainer", "The Georgian army has been training the Moldovan rebels to fight "
     "against Armenia.", "ASSAULT", {"MDA"}, {"ARM"}),
    ("slamming a thing of one's own country is aimed at the country", "WASHINGTON (AP) — President Carl "
     "Vessey slammed the ongoing hearings as a disgrace on Monday. The United States Senate will vote next "
     "week, and Vessey met Moldova's president.", "ACCUSE", {"USA"}, {"USA"}),
    ("an undirected act on a thing keeps no recipient", "WASHINGTON (AP) — President Carl Vessey dismissed "
     "the reports on Monday. The United States Senate will vote next week, and Vessey met Moldova's "
     "president.", "REJECT", {"USA"}, set()),
]


@pytest.mark.parametrize("text, event_type, actor, recipient", [case[1:] for case in CASES],
                         ids=[case[0] for case in CASES])
def test_parties_in_news_prose(analyze_text, text, event_type, actor, recipient):
    event = only_event(analyze_text(text, date=DATE), event_type)
    assert countries(event.actor) == actor
    if recipient is not None:
        assert countries(event.recipient) == recipient


# --- modes and reciprocity -----------------------------------------------------------------------------

def test_a_threat_that_may_come_keeps_its_mode(analyze_text):
    text = "Moldova said on Monday it could impose sanctions on Armenia. Armenia accused Moldova of lying."
    assert only_event(analyze_text(text, date=DATE), "SANCTION").hypothetical


def test_an_undirected_act_that_may_come_stays_out(analyze_text):
    text = "The Moldovan minister might withdraw his remarks, aides said. Armenia accused Moldova of lying."
    assert not [e for e in analyze_text(text, date=DATE).events if e.type in ("CONCEDE", "RETREAT", "REJECT")]


@pytest.mark.parametrize("text", [
    "Moldova and Armenia attacked each other's plans for the border on Monday.",
    "Moldova and Armenia accused one another of breaking the truce.",
])
def test_parties_acting_on_each_other_give_one_event_from_each_side(analyze_text, text):
    found = events_of(analyze_text(text, date=DATE), "ACCUSE")
    assert sorted((e.actor[0].country, e.recipient[0].country) for e in found) == [("ARM", "MDA"), ("MDA", "ARM")]


# --- no party where the text names none ------------------------------------------------------------------

def test_it_after_a_thing_as_subject_is_that_thing_not_an_earlier_state(analyze_text):
    text = ("Moldova accused Armenia of hiding weapons. A decree issued on Monday banned all rallies in Kessel. "
            "It also ordered the striking nurses to return to work.")
    assert not [e for e in analyze_text(text, date=DATE).events if e.type == "REQUEST" and e.actor]


@pytest.mark.parametrize("text", [
    "Moldova's president accused his rivals of siding with Armenia during the vote.",
    "Moldova's president accused his rivals of siding with Armenia, its old enemy that the army still fears.",
])
def test_the_party_in_what_rivals_are_accused_of_is_not_accused(analyze_text, text):
    assert not [e for e in events_of(analyze_text(text, date=DATE), "ACCUSE") if countries(e.recipient) == {"ARM"}]


def test_what_one_promises_to_do_one_does_oneself(analyze_text):
    text = "Moldova promised on Monday to withdraw its troops from Armenia."
    assert {e.actor[0].country for e in analyze_text(text, date=DATE).events if e.actor} == {"MDA"}


# --- people named without a state ------------------------------------------------------------------------

def test_their_after_two_people_named_together_is_both(analyze_text):
    text = ("Senator Tomas Brandt and Governor Peter Koval fled to Kessel after their homes were attacked by "
            "troops on Tuesday.")
    event = only_event(analyze_text(text, date=DATE), "ASSAULT")
    assert names(event.recipient) == {"tomas brandt", "peter koval"}


def test_their_after_a_group_is_the_group(analyze_text):
    text = ("Tomas Brandt and Peter Koval said the Moldovan rebels fled after their base was attacked by Armenian "
            "troops.")
    assert countries(only_event(analyze_text(text, date=DATE), "ASSAULT").recipient) == {"MDA"}


def test_his_in_a_relative_clause_is_the_antecedents(analyze_text):
    text = ("Armenian President Ivo Dran spoke in Yerevan on Monday. Georgia has a defence minister who declared "
            "his intention to resist Moldova on both fronts.")
    event = only_event(analyze_text(text, date=DATE), "REJECT")
    assert "ivo dran" not in names(event.actor) and countries(event.recipient) == {"MDA"}


def test_a_thing_owned_by_a_party_names_the_party(analyze_text):
    text = "Foreign Minister Lena Dorff defended the Liberal Party's actions on Tuesday."
    assert names(only_event(analyze_text(text, date=DATE), "SUPPORT").recipient) == {"liberal party"}


def test_accused_by_critics_has_the_critics_as_doer(analyze_text):
    text = "The Moldovan president is accused by critics of hiding the budget."
    event = only_event(analyze_text(text, date=DATE), "ACCUSE")
    assert names(event.actor) == {"critics"} and countries(event.recipient) == {"MDA"}


def test_a_state_acting_on_a_thing_of_its_own_acts_on_no_one(analyze_text):
    text = ("CHISINAU, Moldova — Moldova contributed 2bn euros to the fund last year, the Moldovan finance "
            "ministry said. Moldova's parliament will vote on the plan next week.")
    analysis = analyze_text(text, date=DATE)
    assert not [e for e in analysis.events if {r.id for r in e.actor} & {r.id for r in e.recipient}]


@pytest.mark.parametrize("denial", ["denied the allegations", "denied the reports", "denied responsibility"])
def test_denying_charges_rejects_them_and_answers_the_accuser(analyze_text, denial):
    text = f"Armenia accused Moldova of shelling the village of Lorin. Moldova {denial} on Tuesday."
    event = only_event(analyze_text(text, date=DATE), "REJECT")
    assert countries(event.actor) == {"MDA"} and countries(event.recipient) == {"ARM"}
