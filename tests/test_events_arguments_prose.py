"""Actors and recipients of events in news prose: objects that are things owned by a party, reciprocal
objects, passive agents, relative clauses, recipients from the context, and which events an article keeps.
Texts are invented (people and towns)."""

from __future__ import annotations

from newsgraph.model import Event

DATE = "2024-03-05"


def countries(refs) -> set[str]:
    return {ref.country for ref in refs if ref.country}


def names(refs) -> set[str]:
    return {ref.name.lower() for ref in refs}


def events_of(analysis, event_type: str) -> list[Event]:
    return [e for e in analysis.events if e.type == event_type]


def only_event(analysis, event_type: str) -> Event:
    found = events_of(analysis, event_type)
    assert len(found) == 1, [(e.type, e.trigger.text, names(e.actor), names(e.recipient)) for e in analysis.events]
    return found[0]


# --- which events an article keeps ---------------------------------------------------------------------

def test_a_threat_that_may_come_is_kept_with_its_mode(analyze_text):
    text = ("Moldova said on Monday it could impose sanctions on Armenia. "
            "Armenia accused Moldova of lying on Tuesday.")
    event = only_event(analyze_text(text, date=DATE), "SANCTION")
    assert countries(event.actor) == {"MDA"} and countries(event.recipient) == {"ARM"}
    assert event.hypothetical


def test_an_undirected_act_that_may_come_stays_out(analyze_text):
    text = ("The Moldovan minister might withdraw his remarks, aides said. "
            "Armenia accused Moldova of lying on Tuesday.")
    assert not [e for e in analyze_text(text, date=DATE).events if e.type in ("CONCEDE", "RETREAT", "REJECT")]


def test_backing_a_thing_is_reported_with_no_one_receiving(analyze_text):
    text = "The Moldovan governor touted the new school plan on Tuesday. Armenia accused Georgia of lying."
    event = only_event(analyze_text(text, date=DATE), "SUPPORT")
    assert countries(event.actor) == {"MDA"}


# --- reciprocal objects -------------------------------------------------------------------------------

def test_parties_attacking_each_others_plans_accuse_one_another(analyze_text):
    text = "Moldova and Armenia attacked each other's plans for the border on Monday."
    sides = {(frozenset(countries(e.actor)), frozenset(countries(e.recipient)))
             for e in events_of(analyze_text(text, date=DATE), "ACCUSE")}
    assert sides == {(frozenset({"MDA"}), frozenset({"ARM"})), (frozenset({"ARM"}), frozenset({"MDA"}))}


def test_one_another_is_reciprocal_too(analyze_text):
    text = "Georgia and Moldova accused one another of breaking the truce."
    found = events_of(analyze_text(text, date=DATE), "ACCUSE")
    assert sorted((e.actor[0].country, e.recipient[0].country) for e in found) == [("GEO", "MDA"), ("MDA", "GEO")]


# --- pronouns -----------------------------------------------------------------------------------------

def test_it_after_a_thing_as_subject_is_that_thing_not_an_earlier_state(analyze_text):
    text = ("Moldova accused Armenia of hiding weapons. A decree issued on Monday banned all rallies in Kessel. "
            "It also ordered the striking nurses to return to work.")
    assert not [e for e in analyze_text(text, date=DATE).events if e.type == "REQUEST" and e.actor]


def test_it_after_a_body_as_subject_is_that_body(analyze_text):
    text = ("Armenia accused Georgia of hiding weapons. The Moldovan ministry banned all rallies in Kessel. "
            "It also ordered the striking nurses to return to work.")
    event = only_event(analyze_text(text, date=DATE), "REQUEST")
    assert countries(event.actor) == {"MDA"}


# --- what an accusation is of is not whom it accuses ----------------------------------------------------

def test_the_party_in_what_rivals_are_accused_of_is_not_accused(analyze_text):
    text = "Moldova's president accused his rivals of siding with Armenia during the vote."
    assert not [e for e in events_of(analyze_text(text, date=DATE), "ACCUSE") if countries(e.recipient) == {"ARM"}]


def test_an_apposition_after_the_comma_is_not_a_second_accused(analyze_text):
    text = ("Moldova's president accused his rivals of siding with Armenia, its old enemy that the army still "
            "fears.")
    assert not [e for e in events_of(analyze_text(text, date=DATE), "ACCUSE") if countries(e.recipient) == {"ARM"}]


def test_a_party_named_after_a_thing_rejected_is_the_recipient(analyze_text):
    event = only_event(analyze_text("Moldova rejected recent calls by Armenia's rulers.", date=DATE), "REJECT")
    assert countries(event.recipient) == {"ARM"}


# --- objects that are things ---------------------------------------------------------------------------

def test_a_thing_owned_by_a_party_names_the_party(analyze_text):
    text = "Foreign Minister Lena Dorff defended the Liberal Party's actions on Tuesday."
    event = only_event(analyze_text(text, date=DATE), "SUPPORT")
    assert names(event.recipient) == {"liberal party"}


def test_slamming_a_thing_of_ones_own_country_is_aimed_at_the_country(analyze_text):
    text = ("WASHINGTON (AP) — President Carl Vessey slammed the ongoing hearings as a disgrace on Monday. "
            "The United States Senate will vote next week, and Vessey met Moldova's president.")
    event = only_event(analyze_text(text, date=DATE), "ACCUSE")
    assert countries(event.actor) == {"USA"} and countries(event.recipient) == {"USA"}


def test_an_undirected_act_on_a_thing_keeps_no_recipient(analyze_text):
    text = ("WASHINGTON (AP) — President Carl Vessey dismissed the reports on Monday. "
            "The United States Senate will vote next week, and Vessey met Moldova's president.")
    event = only_event(analyze_text(text, date=DATE), "REJECT")
    assert not event.recipient


def test_their_after_two_people_named_together_is_both(analyze_text):
    text = ("Senator Tomas Brandt and Governor Peter Koval fled to Kessel after their homes were attacked by "
            "troops on Tuesday.")
    event = only_event(analyze_text(text, date=DATE), "ASSAULT")
    assert names(event.recipient) == {"tomas brandt", "peter koval"}


def test_their_after_a_group_is_the_group(analyze_text):
    text = ("Tomas Brandt and Peter Koval said the Moldovan rebels fled after their base was attacked by Armenian "
            "troops.")
    event = only_event(analyze_text(text, date=DATE), "ASSAULT")
    assert countries(event.recipient) == {"MDA"}


# --- relative clauses -------------------------------------------------------------------------------------

def test_his_in_a_relative_clause_is_the_antecedents(analyze_text):
    text = ("Armenian President Ivo Dran spoke in Yerevan on Monday. Georgia has a defence minister who declared "
            "his intention to resist Moldova on both fronts.")
    event = only_event(analyze_text(text, date=DATE), "REJECT")
    assert "ivo dran" not in names(event.actor) and countries(event.recipient) == {"MDA"}


def test_the_relative_pronoun_stands_for_the_noun_before_it(analyze_text):
    text = ("Armenian police, who worked with the Moldovan border guards, arrested two smugglers on Friday. "
            "The smugglers were taken to Yerevan.")
    event = only_event(analyze_text(text, date=DATE), "COOPERATE")
    assert countries(event.actor) == {"ARM"} and countries(event.recipient) == {"MDA"}


# --- recipients from the context ------------------------------------------------------------------------

def test_rejecting_what_another_raised_answers_the_one_who_raised_it(analyze_text):
    text = "Moldova's president raised, and Armenia's president rejected, the proposal for a new border."
    event = only_event(analyze_text(text, date=DATE), "REJECT")
    assert countries(event.actor) == {"ARM"} and countries(event.recipient) == {"MDA"}


def test_a_call_for_parties_to_act_beside_its_object_asks_those_parties(analyze_text):
    text = "Britain urged an end to the violence and for Moldova and Armenia to engage in dialogue."
    event = only_event(analyze_text(text, date=DATE), "REQUEST")
    assert countries(event.recipient) == {"MDA", "ARM"}


# --- passive agents ------------------------------------------------------------------------------------

def test_criticising_a_partys_appearance_criticises_the_party(analyze_text):
    text = "An appearance by the Moldovan prime minister was criticized by the Armenian government."
    event = only_event(analyze_text(text, date=DATE), "ACCUSE")
    assert countries(event.actor) == {"ARM"} and countries(event.recipient) == {"MDA"}


def test_accused_by_critics_has_the_critics_as_doer(analyze_text):
    text = "The Moldovan president is accused by critics of hiding the budget."
    event = only_event(analyze_text(text, date=DATE), "ACCUSE")
    assert names(event.actor) == {"critics"} and countries(event.recipient) == {"MDA"}


def test_both_sides_urged_by_a_third_party_are_the_two_others(analyze_text):
    text = "Moldova met Armenia in Geneva. The United States urged both sides to stand down."
    event = only_event(analyze_text(text, date=DATE), "REQUEST")
    assert countries(event.actor) == {"USA"} and countries(event.recipient) == {"MDA", "ARM"}


# --- places -------------------------------------------------------------------------------------------

def test_the_city_talks_were_held_in_is_no_party_to_them(analyze_text):
    event = only_event(analyze_text("Moldova rejected the Oslo accords on Monday.", date=DATE), "REJECT")
    assert countries(event.actor) == {"MDA"} and not event.recipient


def test_a_capitals_proposal_is_its_states(analyze_text):
    event = only_event(analyze_text("Moldova rejected the Moscow proposal on Monday.", date=DATE), "REJECT")
    assert countries(event.recipient) == {"RUS"}


# --- who does what an infinitive says ------------------------------------------------------------------

def test_the_trained_fight_not_the_trainer(analyze_text):
    text = "The Georgian army has been training the Moldovan rebels to fight against Armenia."
    event = only_event(analyze_text(text, date=DATE), "ASSAULT")
    assert countries(event.actor) == {"MDA"} and countries(event.recipient) == {"ARM"}


def test_what_one_promises_to_do_one_does_oneself(analyze_text):
    text = "Moldova promised on Monday to withdraw its troops from Armenia."
    assert {e.actor[0].country for e in analyze_text(text, date=DATE).events if e.actor} == {"MDA"}
