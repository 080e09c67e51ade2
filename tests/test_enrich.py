"""Actor enrichment on small texts: countries, sectors, organisations, merged metonyms, groups."""

from __future__ import annotations

import pytest


def actors_by_name(analysis):
    return {actor.name: actor for actor in analysis.actors}


def actor_named(analysis, text):
    """The actor of the mention with exactly this text."""
    [actor_id] = {m.actor_id for m in analysis.mentions if m.text == text}
    return next(actor for actor in analysis.actors if actor.id == actor_id)


def test_metonyms_and_adjectives_merge_into_one_country(analyze_text):
    analysis = analyze_text("Moscow rejected the plan. Russia said the Kremlin would decide on Russian territory.")
    russia = [actor for actor in analysis.actors if actor.country == "RUS"]
    assert len(russia) == 1
    assert (russia[0].name, russia[0].type) == ("Russia", "country")
    assert {m.text for m in analysis.mentions if m.actor_id == russia[0].id} >= {"Moscow", "Russia", "Kremlin"}


def test_nato_spellings_are_one_igo(analyze_text):
    analysis = analyze_text("Nato ministers met in Brussels. NATO said the talks went well.")
    nato = [actor for actor in analysis.actors if actor.name == "NATO"]
    assert len(nato) == 1 and nato[0].sector == "IGO" and nato[0].type == "organisation"


def test_person_country_and_sector_from_apposition(analyze_text):
    analysis = analyze_text("Sergei Lavrov, the Russian foreign minister, said the talks were useful.")
    lavrov = actors_by_name(analysis)["Sergei Lavrov"]
    assert (lavrov.country, lavrov.sector) == ("RUS", "GOV")


def test_person_organisation_from_igo_apposition(analyze_text):
    analysis = analyze_text("James Appathurai, the Nato spokesman, said the relations had improved.")
    spokesman = actors_by_name(analysis)["James Appathurai"]
    assert (spokesman.organisation, spokesman.sector, spokesman.country) == ("NATO", "IGO", None)


def test_person_country_from_title_before_name(analyze_text):
    analysis = analyze_text("Egyptian President Hosni Mubarak met the envoy on Tuesday.")
    mubarak = actors_by_name(analysis)["Hosni Mubarak"]
    assert (mubarak.country, mubarak.sector) == ("EGY", "GOV")


def test_country_word_before_a_sector_noun_is_a_group(analyze_text):
    analysis = analyze_text("Georgian forces shelled the town. Later Georgian troops withdrew.")
    group = actor_named(analysis, "Georgian forces")
    assert (group.type, group.country, group.sector) == ("group", "GEO", "MIL")
    assert actor_named(analysis, "Georgian troops").id == group.id


def test_country_word_before_other_nouns_is_the_country(analyze_text):
    analysis = analyze_text("Nato nations discussed the route through Russian territory.")
    assert actor_named(analysis, "Russian").name == "Russia"
    assert actor_named(analysis, "Nato").name == "NATO"


def test_regions_are_actors_with_their_parent(analyze_text):
    analysis = analyze_text("Russia recognised South Ossetia and Abkhazia as independent states.")
    for name in ("South Ossetia", "Abkhazia"):
        region = actors_by_name(analysis)[name]
        assert (region.type, region.country) == ("region", "GEO")


def test_gazetteer_mentions_keep_exact_offsets(analyze_text):
    analysis = analyze_text("Talks with the Kremlin and the OSCE resumed after Nato-Russia Council meetings.")
    text = analysis.article.text
    assert all(text[m.start:m.end] == m.text for m in analysis.mentions)
    assert any(m.text == "Nato-Russia Council" for m in analysis.mentions)


def test_actor_ids_are_unique_and_every_mention_points_at_an_actor(analyze_text):
    analysis = analyze_text("Washington and Moscow disagreed. The Pentagon said US forces and UN peacekeepers "
                            "would help Iraqi civilians and Palestinians.")
    ids = [actor.id for actor in analysis.actors]
    assert len(ids) == len(set(ids))
    assert {m.actor_id for m in analysis.mentions} <= set(ids)
    assert actor_named(analysis, "US forces").sector == "MIL"
    assert actor_named(analysis, "Palestinians").country == "PSE"
    assert actor_named(analysis, "Washington").name == "United States"


def test_seed_actors(seed_analysis):
    actors = actors_by_name(seed_analysis)
    assert actors["Russia"].country == "RUS"
    assert actors["NATO"].sector == "IGO"
    assert actors["Georgia"].country == "GEO"
    assert actors["United States"].country == "USA"
    for region in ("South Ossetia", "Abkhazia"):
        assert (actors[region].type, actors[region].country) == ("region", "GEO")
    assert (actors["Sergei Lavrov"].country, actors["Sergei Lavrov"].sector) == ("RUS", "GOV")
    assert actors["James Appathurai"].organisation == "NATO"
    assert len([a for a in seed_analysis.actors if a.country == "RUS" and a.type == "country"]) == 1


def test_well_known_leader_gets_a_country_without_a_title(analyze_text):
    analysis = analyze_text("Mr Putin said the talks would go on.")
    assert actors_by_name(analysis)["Putin"].country == "RUS"


def test_person_country_from_of_phrase(analyze_text):
    analysis = analyze_text("King Hassan of Morocco received the delegation.")
    assert actors_by_name(analysis)["Hassan"].country == "MAR"


def test_people_word_read_as_a_name_stays_a_person_unless_it_heads_a_group(analyze_text):
    analysis = analyze_text("Karen said the Karen rebels had attacked the town.")
    assert actor_named(analysis, "Karen").type == "person"
    rebels = actor_named(analysis, "Karen rebels")
    assert (rebels.country, rebels.sector) == ("MMR", "REB")


def test_sector_word_as_modifier_does_not_make_a_group(analyze_text):
    analysis = analyze_text("Nato mends Russia military ties")
    assert actor_named(analysis, "Russia").type == "country"


def test_organisation_named_inside_a_longer_name_is_not_its_parent(analyze_text):
    analysis = analyze_text("The Trades Union Congress said BBC Radio 4 had misreported the strike.")
    assert actor_named(analysis, "Trades Union Congress").country is None
    assert actor_named(analysis, "BBC Radio 4").organisation == "BBC"


def test_places_below_the_state_are_regions(analyze_text):
    analysis = analyze_text("Officials in Basra said the water supply had failed.")
    basra = actor_named(analysis, "Basra")
    assert (basra.type, basra.country) == ("region", "IRQ")


def test_coordinated_country_words_make_one_group_each(analyze_text):
    analysis = analyze_text("Senior Hungarian and Romanian officials agreed on Wednesday to cooperate.")
    assert (actor_named(analysis, "Hungarian").name, actor_named(analysis, "Hungarian").country) == \
        ("Hungarian officials", "HUN")
    assert actor_named(analysis, "Romanian officials").country == "ROU"
    whole = [a for a in analysis.actors if a.name.endswith("Hungarian and Romanian officials")]
    assert all(actor.country is None for actor in whole)


def test_unnamed_spokesman_of_an_igo_takes_its_sector(analyze_text):
    analysis = analyze_text("The Nato spokesman said the talks had gone well.")
    spokesman = next(a for a in analysis.actors if a.name == "Nato spokesman")
    assert (spokesman.organisation, spokesman.sector, spokesman.country) == ("NATO", "IGO", None)


def test_gazetteer_mentions_inside_quotations_are_marked(analyze_text):
    analysis = analyze_text("“The Arab League will meet again in spring,” Karin Holm said.")
    [council] = [m for m in analysis.mentions if m.text == "Arab League"]
    assert council.in_quote


def test_a_capital_where_something_happens_is_a_place_not_the_state(analyze_text):
    analysis = analyze_text("Negotiators met in Cairo on Monday. Cairo said the talks had failed.")
    [where, who] = [actor_named_at(analysis, "Cairo", i) for i in (0, 1)]
    assert (where.type, where.country) == ("region", "EGY")
    assert (who.name, who.type) == ("Egypt", "country")


def actor_named_at(analysis, text, index):
    mention = [m for m in analysis.mentions if m.text == text][index]
    return next(actor for actor in analysis.actors if actor.id == mention.actor_id)


def test_country_words_the_tagger_calls_people_are_groups(analyze_text):
    analysis = analyze_text("President Yoweri Museveni has banned Ugandan opposition candidates from the elections. "
                            "Bosnian Serbs demanded a truce.")
    candidates = actor_named(analysis, "Ugandan opposition candidates")
    assert (candidates.type, candidates.country, candidates.sector) == ("group", "UGA", "OPP")
    serbs = actor_named(analysis, "Bosnian Serbs")
    assert (serbs.type, serbs.country) == ("group", "BIH")


def test_part_of_a_country_the_places_lack_is_a_region_of_it(analyze_text):
    analysis = analyze_text("Israeli jets bombed South Lebanon on Monday.")
    south = actor_named(analysis, "South Lebanon")
    assert (south.type, south.country) == ("region", "LBN")


def test_georgia_among_us_states_is_the_state(analyze_text):
    state = actor_named(analyze_text("Trump won Ohio, Florida and Georgia on Tuesday."), "Georgia")
    assert (state.type, state.country) == ("region", "USA")
    country = actor_named(analyze_text("Russia sent troops into Georgia."), "Georgia")
    assert (country.type, country.country) == ("country", "GEO")


def test_unplaced_institutions_take_the_country_the_article_is_about(analyze_text):
    analysis = analyze_text("The Senate voted on Tuesday. The US government disagreed. "
                            "The United States said the Supreme Court would rule soon, and America waited.")
    assert actor_named(analysis, "Senate").country == "USA"
    assert actor_named(analysis, "Supreme Court").country == "USA"


def test_no_home_country_when_no_country_dominates(analyze_text):
    analysis = analyze_text("Russia and Georgia met. The Senate voted.")
    assert actor_named(analysis, "Senate").country is None


def test_a_capital_reads_as_the_namesake_town_of_the_country_the_article_names(analyze_text):
    analysis = analyze_text("Syrian troops shelled militias in Tripoli, Lebanon's second city.")
    assert actor_named(analysis, "Tripoli").country == "LBN"
    analysis = analyze_text("Militias fought in Tripoli on Monday.")
    assert actor_named(analysis, "Tripoli").country == "LBY"


def test_a_description_and_a_group_of_the_same_words_are_one_actor(analyze_text):
    analysis = analyze_text("Libya's government said it would talk.")
    assert len({m.actor_id for m in analysis.mentions if m.text == "Libya's government"}) == 1


def test_an_organisation_takes_the_country_that_possesses_it(analyze_text):
    analysis = analyze_text("Israel's Cabinet met on Sunday and approved the plan.")
    cabinet = actor_named(analysis, "Cabinet")
    assert (cabinet.country, cabinet.sector) == ("ISR", "GOV")
    assert actor_named(analysis, "Israel's Cabinet").id == cabinet.id


def test_a_longer_gazetteer_name_around_a_tagged_name_wins(analyze_text):
    analysis = analyze_text("The Liberal Democrats said the plan was wrong.")
    party = actor_named(analysis, "Liberal Democrats")
    assert (party.name, party.country) == ("Liberal Democrats", "GBR")
    assert not any(actor.name == "Democratic Party" for actor in analysis.actors)


def test_a_party_leader_is_in_the_party_sector_and_an_mp_in_the_legislature(analyze_text):
    analysis = analyze_text("Liberal Democrat leader Charles Kennedy agreed. Labour MP Frank Field disagreed.")
    assert actors_by_name(analysis)["Charles Kennedy"].sector == "PTY"
    assert actors_by_name(analysis)["Frank Field"].sector == "LEG"


def test_unnamed_groups_with_a_sector_are_actors_of_the_home_country(analyze_text):
    analysis = analyze_text("CHISINAU, Moldova (AP) — Protesters marched on the parliament on Monday. "
                            "Gunmen fired at a crowd of teachers, and prosecutors opened an inquiry.")
    found = {a.name.lower(): a for a in analysis.actors}
    assert found["protesters"].sector == "CVL" and found["protesters"].country == "MDA"
    assert found["prosecutors"].sector == "JUD" and found["prosecutors"].country == "MDA"
    assert found["gunmen"].sector == "REB" and found["gunmen"].country is None


def test_mass_nouns_and_kinds_of_tie_are_not_groups(analyze_text):
    analysis = analyze_text("Norway provided military intelligence to Estonia and agreed to restart the "
                            "military to military contacts.")
    assert not any(a.name.lower() in ("military intelligence", "the military") for a in analysis.actors)


def test_the_ministry_is_the_one_named_before(analyze_text):
    analysis = analyze_text("Moldova's Foreign Ministry summoned the Georgian ambassador. The ministry said "
                            "he had lied.")
    ministry = [m for m in analysis.mentions if m.text == "The ministry"]
    assert ministry and actor_named(analysis, "Foreign Ministry").id == ministry[0].actor_id


def test_a_posting_abroad_does_not_give_a_persons_country(analyze_text):
    analysis = analyze_text("WASHINGTON (AP) — Carl Brenner, the special envoy to Ukraine, testified on Tuesday. "
                            "Brenner said he had no knowledge of the plan.")
    assert actor_named(analysis, "Carl Brenner").country == "USA"


def test_a_known_leader_keeps_his_state_beside_a_foreign_title(analyze_text):
    analysis = analyze_text("President Obama met the new Kenyan president on Friday. Obama said the Kenyan "
                            "president, Obama's host, was a friend.")
    assert actor_named(analysis, "Obama").country == "USA"


def test_a_title_case_headline_is_no_actor_name(analyze_text):
    analysis = analyze_text("Ruritania Drops Its Inquiry Into Claims Against Karl Mertz Over Loans\n"
                            "Ruritania dropped its inquiry into claims against Karl Mertz on Tuesday. Mertz "
                            "welcomed the decision.")
    assert not any(len(a.name.split()) >= 5 for a in analysis.actors)


@pytest.mark.parametrize("text, name, posted", [
    ("Energy Secretary Tom Haverly and U.S. Ambassador to the European Union Walter Brisk opened a back "
     "channel. Brisk denied it.", "Walter Brisk", (None, "European Union")),
    ("Another diplomat, former special envoy to Georgia Kurt Hallmann, revised his account. Hallmann said the talks "
     "had stalled.", "Kurt Hallmann", ("GEO", "Georgia")),
])
def test_where_an_envoy_is_posted_is_neither_his_country_nor_his_body(analyze_text, text, name, posted):
    envoy = actors_by_name(analyze_text(text))[name]
    assert envoy.type == "person" and envoy.country != posted[0] and envoy.organisation != posted[1]


def test_a_place_before_a_description_counts_only_in_a_country_the_article_names(analyze_text):
    analysis = analyze_text("Scotland's first minister visited Inverness. A Highland councillor defended him.")
    assert actor_named(analysis, "A Highland councillor").country != "USA"


def test_an_unknown_party_of_a_story_filed_abroad_is_of_that_country(analyze_text):
    analysis = analyze_text("SEOUL, South Korea (AP) — The Civic Renewal Party opposed the bill on Monday. "
                            "Party leaders said they would vote against it.")
    assert actor_named(analysis, "Civic Renewal Party").country == "KOR"


def test_a_definite_nationality_description_gives_the_person_country(analyze_text):
    analysis = analyze_text("Sweden has dropped its investigation into Marten Kollberg. The case was dropped "
                            "because prosecutors could not proceed while the Australian national remained in London.")
    assert actor_named(analysis, "the Australian national").name == "Marten Kollberg"
    assert actors_by_name(analysis)["Marten Kollberg"].country == "AUS"


def test_a_people_of_several_states_names_no_state(analyze_text):
    analysis = analyze_text("Ruritanian artillery shelled Kurdish positions near the border on Sunday.")
    kurds = actor_named(analysis, "Kurdish")
    assert kurds.country is None


def test_a_name_after_a_capitalised_title_is_a_person_of_that_title(analyze_text):
    analysis = analyze_text("Ukraine President Petro Valenko thanked the envoy.")
    valenko = actors_by_name(analysis)["Petro Valenko"]
    assert (valenko.type, valenko.country) == ("person", "UKR")
    assert "Ukraine President" not in actors_by_name(analysis)


def test_titles_of_one_country_place_people_when_the_story_has_no_home(analyze_text):
    analysis = analyze_text("Rep. Jane Holloway criticized Gov. Mark Denton over the budget.")
    people = actors_by_name(analysis)
    assert (people["Jane Holloway"].country, people["Mark Denton"].country) == ("USA", "USA")


def test_a_dateline_abroad_does_not_make_a_described_president_of_that_country(analyze_text):
    analysis = analyze_text("GENEVA (Reuters) - The Peruvian president met his Chilean counterpart on Monday. "
                            "The president said the talks were useful.")
    assert actor_named(analysis, "The president").country != "CHE"


def test_a_faith_word_before_people_is_no_party_of_its_own(analyze_text):
    analysis = analyze_text("A Christian missionary from Toronto was arrested in Lebanon on Friday.")
    assert "Christian" not in {mention.text for mention in analysis.mentions}


def test_a_group_adjective_before_states_stays_a_party(analyze_text):
    analysis = analyze_text("The envoy criticised Arab states on Monday.")
    assert "Arab" in {mention.text for mention in analysis.mentions}


def test_a_community_is_of_the_story_home_country(analyze_text):
    analysis = analyze_text("LONDON - The minister defended his attitude towards the Jewish community on Monday.")
    assert actor_named(analysis, "the Jewish community").country == "GBR"


def test_a_people_is_coded_by_the_state_the_text_says_it_lives_in(analyze_text):
    analysis = analyze_text("The Albanians of southern Serbia are demanding autonomy. Ethnic Albanian guerrillas "
                            "operating in Macedonia have been demobilized. Russian troops in Syria withdrew.")
    assert actor_named(analysis, "Albanians").country == "SRB"
    assert actor_named(analysis, "Albanian guerrillas").country == "MKD"
    assert actor_named(analysis, "Russian troops").country == "RUS"
