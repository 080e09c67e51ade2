"""Actors of real news prose, on invented sentences: blocs, "the country", and the state's groups."""

from __future__ import annotations

import pytest


def actor_named(analysis, text):
    """The actor of the mention with exactly this text."""
    [actor_id] = {m.actor_id for m in analysis.mentions if m.text == text}
    return next(actor for actor in analysis.actors if actor.id == actor_id)


def parties(event):
    return [(ref.name, ref.country) for ref in event.actor], [(ref.name, ref.country) for ref in event.recipient]


def test_the_west_is_a_party_of_no_state(analyze_text):
    analysis = analyze_text("The Bolivian president Anton Vell has long been reviled by the West.")
    west = actor_named(analysis, "West")
    assert (west.name, west.country) == ("West", None)
    [event] = [e for e in analysis.events if e.type == "ACCUSE"]
    assert parties(event) == ([("West", None)], [("Anton Vell", "BOL")])


def test_west_in_longer_names_is_no_bloc(analyze_text):
    analysis = analyze_text("West African leaders met in Accra while tourists filled the West End.")
    assert not any(actor.name == "West" for actor in analysis.actors)


def test_the_country_is_the_state_named_before_it_in_its_sentence(analyze_text):
    analysis = analyze_text("According to the Moroccan government, the country has sheltered 5,000 Malian refugees.")
    country = actor_named(analysis, "the country")
    assert (country.name, country.type, country.country) == ("Morocco", "country", "MAR")


def test_the_countrys_police_are_that_states_police(analyze_text):
    analysis = analyze_text("Peru hosted the summit. The country's police arrested two Bolivian activists.")
    police = actor_named(analysis, "The country's police")
    assert (police.type, police.country, police.sector) == ("group", "PER", "COP")
    [event] = [e for e in analysis.events if e.type == "COERCE"]
    assert parties(event) == ([("The country's police", "PER")], [("Bolivian activists", "BOL")])
    government = actor_named(analyze_text("Greenland held a vote last year. Protesters later marched against "
                                          "the territory's government."), "the territory's government")
    assert (government.country, government.sector) == ("GRL", "GOV")


def test_a_neighbouring_country_is_not_the_one_named_before(analyze_text):
    analysis = analyze_text("Chile closed the pass. The neighbouring country protested on Monday.")
    assert all(actor.country != "CHL" for actor in analysis.actors if actor.name != "Chile")


def test_a_bare_title_opening_a_headline_is_a_party(analyze_text):
    analysis = analyze_text("Minister quits over housing row\n\nA junior minister in Malawi, Tom Banda, resigned on Monday.")
    minister = actor_named(analysis, "Minister")
    assert (minister.country, minister.sector) == ("MWI", "GOV")
    assert any(e.type == "RETREAT" and parties(e)[0] == [("Minister", "MWI")] for e in analysis.events)


def test_police_with_no_plural_ending_are_a_party(analyze_text):
    analysis = analyze_text("Police arrest opposition leader in Togo\n\n"
                            "Police in Lome arrested the opposition leader Kofi Adade on Tuesday.")
    arrest = next(e for e in analysis.events if e.trigger.text.startswith("arrested"))
    assert parties(arrest) == ([("Police", "TGO")], [("Kofi Adade", "TGO")])


def test_states_joined_by_a_hyphen_are_each_a_party(analyze_text):
    analysis = analyze_text("Russian-Syrian airstrikes killed 20 civilians in Idlib.")
    assert (actor_named(analysis, "Russian").name, actor_named(analysis, "Syrian").name) == ("Russia", "Syria")
    assert not any(actor.name == "Russian-Syrian" for actor in analysis.actors)


def test_a_hyphenated_pair_keeps_a_state_named_on_its_own(analyze_text):
    analysis = analyze_text("Jordanian-U.S. joint border patrols protect the camp, said Tom Ander.")
    assert actor_named(analysis, "Jordanian").country == "JOR"
    assert actor_named(analysis, "U.S.").country == "USA"


AT_HOME = [  # "all sides" is of a story's home country only when it is well attested; a club, firm or charity
    # the gazetteer does not know is placed by nothing but its name (foreign firms fill business news)
    ("Scottish ministers met fans on Monday. The Scottish justice minister, Ann Dow, praised Dunmore Athletic "
     "for its work against bigotry. Scottish police said the derby passed off quietly.", "Dunmore Athletic", None),
    ("The Kilimo Trust urged Kenya to clean the river.", "Kilimo Trust", None),
    ("Protesters in Lome marched again on Monday. Togolese police fired tear gas at them. The Togolese "
     "government said order would be restored. The envoy urged all sides to talk.", "all sides", "TGO"),
    ("UN envoy urges all sides to halt fighting in Yemen", "all sides", None),
]


@pytest.mark.parametrize(("text", "name", "country"), AT_HOME)
def test_a_party_of_no_stated_country_is_of_a_story_at_home(analyze_text, text, name, country):
    assert actor_named(analyze_text(text), name).country == country


def test_a_clause_opening_verb_is_no_part_of_a_name(analyze_text):
    analysis = analyze_text("Praising Celtic and Rangers for their work, Ms Dow said the clubs had done well.")
    assert {"Celtic", "Rangers"} <= {actor.name for actor in analysis.actors}
    assert not any(actor.name.startswith("Praising") for actor in analysis.actors)


def test_a_persons_name_ends_at_its_possessive(analyze_text):
    analysis = analyze_text("Opposition leader Ann Dow has dismissed Mark Penn's Budget as a sham. Mr Penn's plans "
                            "would raise taxes, she said. Later the Budget was passed. \"It will fail,\" she said.")
    names = {actor.name for actor in analysis.actors if actor.type == "person"}
    assert "Mark Penn" in names and not any("Budget" in name for name in names)
    assert all(q.speaker is not None and q.speaker.name == "Ann Dow" for q in analysis.quotes)


LEADERS_TEXT = "Mr Brown visited Mr Blair on Monday. Later the prime minister told reporters: \"We have no deal.\""


def test_a_known_leader_holds_his_office_of_the_articles_year(analyze_text):
    analysis = analyze_text(LEADERS_TEXT, date="2005-03-01")
    [quote] = analysis.quotes
    assert quote.speaker.name == "Blair" and quote.speaker.role == "prime minister"


def test_a_leader_of_an_undated_article_is_given_no_office(analyze_text):
    analysis = analyze_text(LEADERS_TEXT)
    assert next(a for a in analysis.actors if a.name == "Blair").role is None


def test_a_leaders_office_is_the_one_held_that_year():
    from newsgraph.actors.gazetteer import leader_in

    brown = leader_in("Gordon Brown")
    assert (brown.office_in(2005), brown.office_in(2008), brown.office_in(2015)) == ("chancellor", "prime minister", None)


def test_the_regime_is_the_government_the_story_is_about(analyze_text):
    analysis = analyze_text("Syria denied the charge. Russia and Iran back the Syrian government in the war. "
                            "Turkish officials said the regime had bombed rebel fighters.")
    regime = actor_named(analysis, "the regime")
    assert (regime.country, regime.sector) == ("SYR", "GOV")
    assert any(e.type == "ASSAULT" and parties(e)[0] == [("the regime", "SYR")] for e in analysis.events)


def test_the_president_of_a_story_of_several_states_is_left_to_its_holder(analyze_text):
    analysis = analyze_text("Chile and Peru signed a deal. Bolivia objected. On Monday the president said the deal was void.")
    assert all(actor.country is None for actor in analysis.actors if actor.name.endswith("president"))


def test_all_sides_are_a_party_of_no_sector(analyze_text):
    analysis = analyze_text("UN envoy urges all sides to halt fighting in Yemen")
    assert actor_named(analysis, "all sides").sector is None
    assert any(e.type == "REQUEST" and ("all sides", None) in parties(e)[1] for e in analysis.events)


def test_the_first_word_of_a_headline_is_a_party_whatever_the_parse(analyze_text):
    analysis = analyze_text("Police fire tear gas at demonstrators in Nairobi")
    assert any(e.type == "ASSAULT" and parties(e)[0] == [("Police", "KEN")] for e in analysis.events)
