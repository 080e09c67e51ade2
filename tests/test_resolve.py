"""The in-document resolver: names, honorifics, appositions, descriptions and pronouns."""

import pytest
from spacy.tokens import Span

from newsgraph.actors.resolve import find_actors, is_title_of_next_name
from newsgraph.document import ParsedArticle
from newsgraph.ingest import make_article
from newsgraph.layout import detect_layout


@pytest.fixture(scope="module")
def resolve(pipeline):
    def run(text):
        article = make_article(text)
        return find_actors(ParsedArticle(article, detect_layout(text, article.title), pipeline.nlp(text)))
    return run


def actor_named(index, name):
    return next(a for a in index.actors if a.name == name)


def pointed(index, text):
    """The names of the actors the mentions with this text point at."""
    return [index.actor(m.actor_id).name for m in index.mentions if m.text == text]


def test_honorific_and_short_name_join_the_full_name(resolve):
    index = resolve("Patricia Hewitt set out the plan. Later Ms Hewitt defended it.")
    hewitt = actor_named(index, "Patricia Hewitt")
    assert hewitt.gender == "female"
    assert "Hewitt" in hewitt.aliases
    assert pointed(index, "Ms Hewitt") == ["Patricia Hewitt"]


def test_apposition_gives_role_and_affiliation_and_ties_the_description(resolve):
    index = resolve("Sergei Lavrov, the Russian foreign minister, was more reserved about the talks.")
    lavrov = actor_named(index, "Sergei Lavrov")
    assert (lavrov.role, lavrov.organisation) == ("foreign minister", "Russian")
    [description] = [m for m in index.mentions if m.kind == "description"]
    assert description.text == "the Russian foreign minister"
    assert index.actor(description.actor_id).name == "Sergei Lavrov"


def test_role_words_before_a_name(resolve):
    index = resolve("Pensions officer Paul Woolstenholmes said the pensions were under threat.")
    assert actor_named(index, "Paul Woolstenholmes").role == "officer"


def test_tied_description_used_later_points_at_the_person(resolve):
    index = resolve("James Appathurai, the Nato spokesman, spoke on Friday. "
                    "The Nato spokesman said the talks would resume.")
    assert pointed(index, "The Nato spokesman") == ["James Appathurai"]


def test_untied_description_stays_a_description(resolve):
    index = resolve("A Downing Street spokesman said the prime minister had confidence in him.")
    assert pointed(index, "A Downing Street spokesman") == ["Downing Street spokesman"]


def test_party_words_and_hyphenated_surnames(resolve):
    index = resolve("Lib Dem Norman Baker met Robert Kilroy-Silk. Mr Kilroy-Silk was angry.")
    names = {a.name for a in index.actors if a.type == "person"}
    assert {"Norman Baker", "Robert Kilroy-Silk"} <= names
    assert pointed(index, "Mr Kilroy-Silk") == ["Robert Kilroy-Silk"]


def test_pronoun_takes_gender_from_honorifics(resolve):
    index = resolve("Mr Tom Price praised Ms Anna Field. She thanked him.")
    assert pointed(index, "She") == ["Anna Field"]
    assert pointed(index, "him") == ["Tom Price"]


def test_pronouns_inside_quotations_are_not_resolved_and_quoted_names_are_no_antecedents(resolve):
    index = resolve('Jaap Scheffer spoke first. "I told John Smith he was wrong," he said.')
    assert pointed(index, "he") == ["Jaap Scheffer"]
    assert all(not m.in_quote for m in index.mentions if m.kind == "pronoun")


def test_definite_role_description_in_the_lead_is_the_person_named_next(resolve):
    index = resolve("Scotland's justice minister has warned football fans over bigotry.\n"
                    "Cathy Jamieson said exclusion orders were being considered.")
    assert pointed(index, "Scotland's justice minister") == ["Cathy Jamieson"]


def test_possessor_description_is_another_person(resolve):
    index = resolve("Tony Blair's official spokesman declined to comment on the reports.")
    assert pointed(index, "Tony Blair's official spokesman") == ["Tony Blair's official spokesman"]


def test_it_speaking_is_the_organisation_that_spoke_before(resolve):
    index = resolve("The Cabinet Office said the scheme was under review. It added that unions would be consulted.")
    assert pointed(index, "It") == ["Cabinet Office"]


def test_titles_before_a_full_name_are_dropped(resolve):
    index = resolve("Prime Minister Justin Trudeau spoke to Sen. Claire McCaskill on Monday.")
    names = {a.name for a in index.actors if a.type == "person"}
    assert {"Justin Trudeau", "Claire McCaskill"} <= names


def test_pull_quote_credit_names_the_person_but_adds_no_mention(resolve):
    index = resolve("Nato mends ties\n"
                    "“The challenge is to find the areas of co-operation and invest in them” James Appathurai, |\n"
                    "Talks resumed on Saturday in Corfu after a long break.\n"
                    "“The challenge is to find the areas of co-operation and invest in them,” Appathurai said.\n")
    assert pointed(index, "Appathurai") == ["James Appathurai"]
    assert pointed(index, "James Appathurai") == []


def test_place_fused_with_the_name_after_it_leaves_the_person(resolve):
    index = resolve("Another diplomat, former special envoy to Georgia Kurt Hallmann, revised his account. "
                    "Hallmann said the talks had stalled.")
    hallmann = actor_named(index, "Kurt Hallmann")
    assert hallmann.type == "person"
    assert pointed(index, "Hallmann") == ["Kurt Hallmann"]


def test_soft_hyphen_inside_a_name_joins_the_full_name(resolve):
    index = resolve("Officials said Ramal\u00adlah\u00adovic’s plan had failed. Dragan Ramallahovic denied it.")
    assert {a.name for a in index.actors if a.type == "person"} == {"Dragan Ramallahovic"}


def test_party_name_with_a_role_word_is_no_person(resolve):
    index = resolve("Lawmakers from the People Power Party left the chamber on Saturday.")
    assert {a.name for a in index.actors if a.type == "person"} == set()


def test_definite_role_anywhere_is_the_person_of_that_role(resolve):
    index = resolve("President Tomas Valdor met Prime Minister Ilse Maranka on Monday. "
                    "Later the prime minister criticized the president over the deal.")
    assert pointed(index, "the prime minister") == ["Ilse Maranka"]
    assert pointed(index, "the president") == ["Tomas Valdor"]


def test_the_mayor_is_not_the_deputy_mayor(resolve):
    index = resolve("Deputy mayor Nicola Gerrard apologised on Monday. The mayor refused to comment.")
    assert pointed(index, "The mayor") != ["Nicola Gerrard"]


def test_a_known_body_the_tagger_takes_for_a_person_is_an_organisation(resolve):
    index = resolve("Officials said Twitter removed the account. The councillor defended Mr McTavish.")
    assert actor_named(index, "Twitter").type == "organisation"
    assert pointed(index, "The councillor") != ["Twitter"]


def test_initials_name_the_organisation_they_abbreviate(resolve):
    index = resolve("Lawmakers from the Civic Renewal Party (CRP) left the chamber. The CRP later apologised.")
    assert pointed(index, "CRP") == ["Civic Renewal Party", "Civic Renewal Party"]


def test_a_name_after_a_word_for_a_body_is_an_organisation(resolve):
    index = resolve("The minister received support from the Catholic movement Via Lucis. She said Via Lucis helped.")
    assert {a.type for a in index.actors if a.name == "Via Lucis"} == {"organisation"}


@pytest.mark.parametrize("text, word", [
    ("Maria Lunde, the group's Research and Advocacy Director for Europe, said the police must stop.", "Advocacy"),
    ("Iran's Supreme Leader Khamenei warned the envoy.", "Supreme"),
])
def test_a_capitalised_word_of_a_title_is_no_actor(resolve, text, word):
    assert word not in {a.name for a in resolve(text).actors}


def test_country_adjectives_and_bodies_before_a_role_stay_actors(resolve):
    names = {a.name for a in resolve("Senior Hungarian and Romanian officials met a career Army officer.").actors}
    assert {"Romanian", "Army"} <= names


def test_a_shorter_definite_description_is_the_fuller_one_before_it(resolve):
    index = resolve("The Ruritanian president met his Borduvian counterpart on Monday. "
                    "The president said the talks were useful.")
    [fuller] = {m.actor_id for m in index.mentions if m.text == "The Ruritanian president"}
    assert {m.actor_id for m in index.mentions if m.text == "The president"} == {fuller}


def test_a_bare_surname_is_the_principal_not_the_relative_named_later(resolve):
    index = resolve("Senator Joan Keller criticised the plan on Monday. Her son, Hunter Keller, sat on the board of "
                    "a firm. Keller said the firm had done nothing wrong.")
    assert pointed(index, "Keller") == ["Joan Keller"]


def test_a_name_after_a_body_word_it_does_not_hang_on_is_still_a_person(resolve):
    index = resolve("He said the gas company on whose board Hunter Pellow had a seat was corrupt.")
    assert actor_named(index, "Hunter Pellow").type == "person"


def test_an_entity_ending_in_a_role_before_a_name_is_that_persons_title(pipeline):
    doc = pipeline.nlp("Labour MP Janet Brisby said the plan was wrong.")
    doc.ents = [Span(doc, 0, 2, label="ORG"), Span(doc, 2, 4, label="PERSON")]
    assert is_title_of_next_name(doc.ents[0])
    assert not is_title_of_next_name(doc.ents[1])


def test_unnamed_groups_of_every_walk_of_life_are_parties(analyze_text):
    analysis = analyze_text("Mayor Tomas Brenner said on Monday that police had arrested 40 rioters and that "
                            "politicians have vilified educators. Rioters attacked the city council in March.")
    parties = {(event.type, actor.name, recipient.name)
               for event in analysis.events for actor in event.actor for recipient in event.recipient}
    assert ("COERCE", "police", "40 rioters") in parties
    assert ("ACCUSE", "politicians", "educators") in parties
    assert ("ACCUSE", "Rioters", "the city council") in parties  # attacked in words: no weapon is named
