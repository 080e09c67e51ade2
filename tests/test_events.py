"""Event coding on small hand-written texts: the 16 PLOVER types, roles, modality, dates, places, scores."""

from __future__ import annotations

import pytest

from newsgraph.model import Event

DATE = "2010-03-10"  # a Wednesday

TYPE_CASES = {
    "AGREE": ("Japan and South Korea agreed on Monday to expand their trade ties.", {"JPN", "KOR"}, set()),
    "CONSULT": ("The French foreign minister met his German counterpart in Berlin on Tuesday.", {"FRA"}, {"DEU"}),
    "SUPPORT": ("Brazil praised Argentina for its handling of the crisis.", {"BRA"}, {"ARG"}),
    "CONCEDE": ("The Egyptian government lifted the curfew in Cairo on Friday.", {"EGY"}, None),
    "COOPERATE": ("Kenya extradited three suspects to Tanzania last week.", {"KEN"}, {"TZA"}),
    "AID": ("Norway gave Ethiopia 20 million dollars in emergency aid.", {"NOR"}, {"ETH"}),
    "RETREAT": ("Israeli troops withdrew from the Gaza Strip on Sunday.", {"ISR"}, None),
    "REQUEST": ("The Indian prime minister urged Pakistan to release the fishermen.", {"IND"}, {"PAK"}),
    "ACCUSE": ("China accused Japan of distorting history.", {"CHN"}, {"JPN"}),
    "REJECT": ("Iran rejected the European proposal on Wednesday.", {"IRN"}, None),
    "THREATEN": ("North Korea threatened to attack South Korea.", {"PRK"}, {"KOR"}),
    "PROTEST": ("Thousands of Chilean students demonstrated in Santiago against the education reform.", {"CHL"}, None),
    "SANCTION": ("The European Union imposed sanctions on Belarus.", None, {"BLR"}),
    "MOBILIZE": ("Turkey deployed troops along its border with Syria.", {"TUR"}, None),
    "COERCE": ("Russian police arrested dozens of opposition activists in Moscow.", {"RUS"}, None),
    "ASSAULT": ("Nigerian troops attacked a rebel camp in the Niger Delta.", {"NGA"}, None),
}


def countries(refs) -> set[str]:
    return {ref.country for ref in refs if ref.country}


def only_event(analysis, event_type: str) -> Event:
    found = [e for e in analysis.events if e.type == event_type]
    assert found, f"no {event_type} event in {[(e.type, e.trigger.text) for e in analysis.events]}"
    return found[0]


@pytest.mark.parametrize("event_type", list(TYPE_CASES))
def test_each_plover_type(analyze_text, event_type):
    text, actor, recipient = TYPE_CASES[event_type]
    event = only_event(analyze_text(text, date=DATE), event_type)
    if actor is not None:
        assert countries(event.actor) == actor
    if recipient is not None:
        assert countries(event.recipient) == recipient


def test_scores_quad_cameo_and_goldstein(analyze_text):
    support = only_event(analyze_text("Brazil praised Argentina.", date=DATE), "SUPPORT")
    assert (support.score, support.quad_class, support.quad_label) == (5.0, 1, "verbal cooperation")
    assert (support.cameo, support.goldstein) == ("05", 3.5)
    assault = only_event(analyze_text("Israeli aircraft carried out air strikes on Gaza.", date=DATE), "ASSAULT")
    assert assault.mode == "aerial" and assault.score == -9.5 and assault.quad_class == 4
    assert assault.cameo == "19" and assault.goldstein == -10.0
    assert countries(assault.actor) == {"ISR"} and countries(assault.recipient) == {"PSE"}


def test_passive_voice_puts_the_agent_first(analyze_text):
    event = only_event(analyze_text("Georgian forces were attacked by Russian troops.", date=DATE), "ASSAULT")
    assert countries(event.actor) == {"RUS"} and countries(event.recipient) == {"GEO"}


def test_reciprocal_actors_share_the_actor_list(analyze_text):
    event = only_event(analyze_text("Russia and Georgia signed a peace agreement.", date=DATE), "SUPPORT")
    assert countries(event.actor) == {"RUS", "GEO"} and event.recipient == []


def test_a_visit_keeps_visitor_and_host_apart(analyze_text):
    event = only_event(analyze_text("The Indian prime minister visited Japan on Monday.", date=DATE), "CONSULT")
    assert event.mode == "visit" and countries(event.actor) == {"IND"} and countries(event.recipient) == {"JPN"}


def test_negation(analyze_text):
    event = only_event(analyze_text("Turkey did not attack Syria on Monday.", date=DATE), "ASSAULT")
    assert event.negated and not event.hypothetical


def test_failed_attempt_is_negated(analyze_text):
    event = only_event(analyze_text("France's attempt to restore ties with Rwanda faltered.", date=DATE), "SUPPORT")
    assert event.negated and countries(event.actor) == {"FRA"}


def test_modal_is_hypothetical(analyze_text):
    event = only_event(analyze_text("Iran could attack Israel.", date=DATE), "ASSAULT")
    assert event.hypothetical and not event.negated


def test_condition_is_hypothetical(analyze_text):
    analysis = analyze_text("Egypt will close the border if Israel attacks Gaza.", date=DATE)
    assert only_event(analysis, "ASSAULT").hypothetical


def test_future_cooperation_is_agree_with_its_date(analyze_text):
    event = only_event(analyze_text("The Chinese president will visit Pakistan next month.", date=DATE), "AGREE")
    assert event.future and countries(event.recipient) == {"PAK"}
    assert (event.date, event.date_source) == ("2010-04", "text")


def test_plans_to_is_future(analyze_text):
    analysis = analyze_text("The United States plans to base missiles in Poland.", date=DATE)
    assert any(e.future for e in analysis.events)


def test_refusing_future_cooperation_is_reject(analyze_text):
    event = only_event(analyze_text("Syria says it will not accept any more Iraqi refugees.", date=DATE), "REJECT")
    assert countries(event.actor) == {"SYR"} and not event.negated


def test_reported_obligation_is_a_request_by_the_speaker(analyze_text):
    event = only_event(analyze_text("Russia said on Tuesday that Sudan must return the helicopter.", date=DATE),
                       "REQUEST")
    assert countries(event.actor) == {"RUS"} and countries(event.recipient) == {"SDN"}


def test_ending_cooperation_is_sanction(analyze_text):
    event = only_event(analyze_text("The United States suspended military aid to Bosnia.", date=DATE), "SANCTION")
    assert countries(event.actor) == {"USA"} and countries(event.recipient) == {"BIH"}


def test_pronoun_refers_back_to_a_state(analyze_text):
    analysis = analyze_text("Russia sent troops into Georgia.\nIt later recognised the independence of Abkhazia.",
                            date=DATE)
    event = only_event(analysis, "SUPPORT")
    assert countries(event.actor) == {"RUS"}
    assert "Abkhazia" in {ref.name for ref in event.recipient}


def test_quoted_event_is_claimed_by_its_speaker(analyze_text):
    analysis = analyze_text('"Russia attacked our villages," the Georgian president said on Sunday.', date=DATE)
    event = only_event(analysis, "ASSAULT")
    quote = next(q for q in analysis.quotes if q.id == event.claimed_by)
    assert quote.start <= event.trigger.start < quote.end
    assert event.claimed_by_speaker is not None


def test_reported_speech_is_claimed_by_the_reporter(analyze_text):
    event = only_event(analyze_text("Ukraine said that Russian troops had attacked Crimea.", date=DATE), "ASSAULT")
    assert event.claimed_by_speaker is not None and event.claimed_by_speaker.country == "UKR"


def test_weekday_date_and_place(analyze_text):
    analysis = analyze_text("Greek and Turkish officials met on Saturday on the Greek island of Corfu.", date=DATE)
    event = only_event(analysis, "CONSULT")
    assert (event.date, event.date_source, event.date_span.text) == ("2010-03-06", "text", "Saturday")
    assert event.place is not None and (event.place.name, event.place.country) == ("Corfu", "GRC")
    assert event.place.latitude is not None and event.place.span.text == "Corfu"


def test_article_date_when_the_text_gives_none(analyze_text):
    event = only_event(analyze_text("Brazil praised Argentina.", date=DATE), "SUPPORT")
    assert (event.date, event.date_source, event.date_span) == (DATE, "article", None)


def test_no_event_rests_on_a_pull_quote(analyze_text):
    text = ("Peace talks resume\n"
            "Serbia and Kosovo resumed talks in Brussels on Monday, officials said.\n"
            "“Serbia will attack Kosovo if the talks fail” Hashim Thaci, |\n"
            "The negotiators met for six hours.")
    analysis = analyze_text(text, date=DATE)
    pullquotes = [b for b in analysis.layout.blocks if b.kind == "pullquote"]
    assert pullquotes and analysis.events
    assert not [e for e in analysis.events if e.type in ("ASSAULT", "THREATEN")]
    for event in analysis.events:
        assert not any(b.start <= event.trigger.start < b.end for b in pullquotes)


@pytest.mark.parametrize("text", [
    " ".join(["Russia attacked Georgia and"] * 400) + " stopped.",
    "Country | Aid | Troops\nNorway | 20 | 300\nSweden | 15 | 0\nFrance | 40 | 1200\n",
    "John Smith, Mary Jones, Ahmed Ali, Li Wei, Olga Petrova, Juan Garcia, Kofi Mensah, Anna Berg.",
    "\n\n\n",
])
def test_bad_input_gives_valid_events(analyze_text, text):
    analysis = analyze_text(text, date=DATE)
    assert not [n for n in analysis.notes if "events stage failed" in n]
    for event in analysis.events:
        assert analysis.article.text[event.trigger.start:event.trigger.end] == event.trigger.text
        assert event.score is not None and event.quad_class in (1, 2, 3, 4)


def test_political_attack_is_criticism_and_armed_attack_is_assault(analyze_text):
    verbal = analyze_text("The Conservative Party attacked Labour's plans for higher taxes.", date=DATE)
    assert [e.type for e in verbal.events] == ["ACCUSE"]
    armed = analyze_text("Russian troops attacked the Georgian army near Gori.", date=DATE)
    assert "ASSAULT" in [e.type for e in armed.events]


def test_help_to_do_something_is_not_aid(analyze_text):
    analysis = analyze_text("The media attention helped to move the focus from Scotland's drinking problems.",
                            date=DATE)
    assert not [e for e in analysis.events if e.type == "AID"]


def test_trigger_covers_the_words_that_name_the_event(analyze_text):
    from newsgraph.cli.report import event_line
    analysis = analyze_text("Nato mends Russia military ties\nIsraeli aircraft carried out air strikes on Gaza.",
                            date=DATE)
    support = only_event(analysis, "SUPPORT")
    assert support.trigger.text == "mends Russia military ties"
    who, kind, score, words = event_line(support)
    assert who.startswith("NATO →") and kind == "SUPPORT" and score == "+5.0" and words == "“mends ... ties”"
    assert only_event(analysis, "ASSAULT").trigger.text == "carried out air strikes"


def test_an_act_promised_unless_another_complies_is_a_threat(analyze_text):
    event = only_event(analyze_text("Nigeria will withdraw its troops from Chad unless Chad holds elections.",
                                    date=DATE), "THREATEN")
    assert countries(event.actor) == {"NGA"} and "TCD" in countries(event.recipient)


def test_governing_words_keep_their_type_and_take_a_mode(analyze_text):
    refused = only_event(analyze_text("Israel refused to meet the Jordanian king.", date=DATE), "REJECT")
    assert refused.mode == "meet"
    vowed = only_event(analyze_text("Hamas vowed to attack Israel.", date=DATE), "THREATEN")
    assert vowed.mode == "violence" and countries(vowed.recipient) == {"ISR"}


def test_self_obligation_is_no_request(analyze_text):
    analysis = analyze_text('Britain said it must cut its spending.', date=DATE)
    assert not [e for e in analysis.events if e.type == "REQUEST"]


def test_coordinated_nationalities_are_a_compound_actor(analyze_text):
    event = only_event(analyze_text("Senior Hungarian and Romanian officials agreed on Wednesday to cooperate.",
                                    date=DATE), "AGREE")
    assert countries(event.actor) == {"HUN", "ROU"}
    assert (event.date, event.date_source) == ("2010-03-10", "text")


def test_the_visitor_is_the_actor_and_the_host_the_recipient(analyze_text):
    event = only_event(analyze_text("China hosted the Kenyan president in Beijing on Monday.", date=DATE), "CONSULT")
    assert countries(event.actor) == {"KEN"} and countries(event.recipient) == {"CHN"}


def test_an_unplaced_party_takes_the_country_the_event_happens_in(analyze_text):
    event = only_event(analyze_text("Opposition leaders agreed on Monday to postpone the rally in Baku.", date=DATE),
                       "AGREE")
    assert countries(event.actor) == {"AZE"}


def test_an_ethnic_group_is_coded_by_the_state_it_lives_in(analyze_text):
    event = only_event(analyze_text("Ethnic Albanians demonstrated in Serbia on Tuesday.", date=DATE), "PROTEST")
    assert countries(event.actor) == {"SRB"}
    assert countries(event.recipient) == {"SRB"}


def test_an_agentless_arrest_is_by_the_state_where_it_happens(analyze_text):
    event = only_event(analyze_text("A missionary from Calgary was arrested in Lebanon on Monday.", date=DATE),
                       "COERCE")
    assert countries(event.actor) == {"LBN"}
    assert countries(event.recipient) == {"CAN"}  # a placed party keeps its own country


def test_a_domestic_act_with_no_recipient_acts_on_its_place(analyze_text):
    event = only_event(analyze_text("The president lifted the state of emergency in Darfur.", date=DATE), "CONCEDE")
    assert countries(event.recipient) == {"SDN"}


def test_an_unplaced_recipient_of_a_domestic_act_is_of_the_actors_country(analyze_text):
    event = only_event(analyze_text("Burmese troops captured a Karen guerrilla stronghold on Monday.", date=DATE),
                       "COERCE")
    assert countries(event.recipient) == {"MMR"}


def test_background_events_give_way_to_the_reported_one(analyze_text):
    analysis = analyze_text("Archbishop Desmond Tutu called for sanctions against Nigeria in the wake of the execution "
                            "of the activists.", date=DATE)
    assert "execution" not in {e.trigger.text for e in analysis.events}
    assert only_event(analysis, "REQUEST")


def test_an_unplaced_party_facing_the_articles_one_country_is_of_it(analyze_text):
    event = only_event(analyze_text("Judge Maria Lopez opened an investigation against three Peruvian ministers on "
                                    "Monday.", date=DATE), "ACCUSE")
    assert countries(event.actor) == {"PER"}


def test_an_unplaced_party_facing_several_countries_stays_unplaced(analyze_text):
    event = only_event(analyze_text("Opposition leader Juan Perez criticised France and Germany on Monday.",
                                    date=DATE), "ACCUSE")
    assert countries(event.actor) == set()


def test_members_of_a_named_body_are_not_placed_by_whom_they_face(analyze_text):
    event = only_event(analyze_text("European Union foreign ministers demanded the release of Serbian prisoners "
                                    "on Monday.", date=DATE), "REQUEST")
    assert countries(event.actor) == set()


def test_a_participle_adjunct_gives_way_to_the_main_verb_even_in_reported_speech(analyze_text):
    analysis = analyze_text("Rebels shelled the town of Gulu on Sunday, killing ten people, Ugandan officials said.",
                            date=DATE)
    assert [e.trigger.text for e in analysis.events if e.type == "ASSAULT"] == ["shelled the town"]


def test_coordinated_main_verbs_are_each_reported(analyze_text):
    analysis = analyze_text("Pakistan refused to deploy troops in Iraq and urged its citizens to leave.", date=DATE)
    assert {"REJECT", "REQUEST"} <= {e.type for e in analysis.events}


def test_a_domestic_protest_acts_on_its_own_state(analyze_text):
    event = only_event(analyze_text("Opposition parties in Nepal organized a general strike on Monday.", date=DATE),
                       "PROTEST")
    assert countries(event.actor) == {"NPL"}
    assert countries(event.recipient) == {"NPL"}


@pytest.mark.parametrize("text", ["Egypt mediated between Israel and Jordan on Monday.",
                                  "Egypt launched a mediation effort between Israel and Jordan."])
def test_a_mediator_acts_on_the_parties_it_mediates_between(analyze_text, text):
    event = only_event(analyze_text(text, date=DATE), "CONSULT")
    assert countries(event.actor) == {"EGY"}
    assert countries(event.recipient) == {"ISR", "JOR"}


def test_a_place_inside_a_complement_clause_does_not_place_the_event(analyze_text):
    event = only_event(analyze_text("Mr Smith accused the ministers of sitting idle in Brussels.", date=DATE),
                       "ACCUSE")
    assert countries(event.actor) == set()


def test_an_identity_spanning_states_is_not_placed(analyze_text):
    event = only_event(analyze_text("Britain urged European leaders to act on Monday.", date=DATE), "REQUEST")
    assert countries(event.recipient) == set()


def test_a_state_named_by_an_ethnic_adjective_keeps_its_country(analyze_text):
    event = only_event(analyze_text("Albania denounced Serbia's suppression of ethnic Albanian unrest in Montenegro.",
                                    date=DATE), "ACCUSE")
    assert countries(event.actor) == {"ALB"}


def test_the_place_of_the_doers_is_the_events_when_the_verb_names_none(analyze_text):
    event = only_event(analyze_text("Demonstrators in Baghdad blocked a road on Tuesday.", date=DATE), "PROTEST")
    assert event.place is not None and event.place.name == "Baghdad" and event.place.country == "IRQ"


def test_a_repeated_demand_is_the_repeaters_demand(analyze_text):
    event = only_event(analyze_text("China reiterated its demand that Japan apologise for the war.", date=DATE),
                       "REQUEST")
    assert countries(event.actor) == {"CHN"}
    assert countries(event.recipient) == {"JPN"}
    assert event.confidence == 1.0


def test_a_main_verb_with_no_named_doer_ranks_above_a_bare_noun(analyze_text):
    analysis = analyze_text("Kenyan refugees were attacked on Monday during talks between Ethiopia and Eritrea.",
                            date=DATE)
    top = max(analysis.events, key=lambda e: e.confidence)
    assert top.type == "ASSAULT"


def test_coordinated_verbs_share_the_arguments_after_them(analyze_text):
    event = only_event(analyze_text("Japan donated and shipped rice to North Korea on Monday.", date=DATE), "AID")
    assert countries(event.actor) == {"JPN"}
    assert countries(event.recipient) == {"PRK"}


def test_a_coordinated_clause_with_its_own_subject_shares_nothing(analyze_text):
    analysis = analyze_text("Russian troops withdrew and Georgian troops shelled Tskhinvali.", date=DATE)
    assert only_event(analysis, "RETREAT").recipient == []


def test_an_unplaced_armed_organisation_facing_one_state_is_of_it(analyze_text):
    event = only_event(analyze_text("The People's Defence Forces demanded that the Burundian government release "
                                    "its fighters.", date=DATE), "REQUEST")
    assert countries(event.actor) == {"BDI"}


def test_nationality_words_outrank_the_place_a_phrase_names(analyze_text):
    event = only_event(analyze_text("The Turkish and Greek sides of the island of Cyprus agreed to share information.",
                                    date=DATE), "AGREE")
    assert countries(event.actor) == {"TUR", "GRC"}


def test_a_place_for_a_people_is_theirs(analyze_text):
    event = only_event(analyze_text("A camp for Sudanese refugees was attacked by Chadian rebels on Monday.",
                                    date=DATE), "ASSAULT")
    assert countries(event.actor) == {"TCD"}
    assert countries(event.recipient) == {"SDN"}


def test_we_in_a_spokesperson_quotation_is_their_organisation(analyze_text):
    text = ("Anna Voss, the NATO spokeswoman, spoke in Brussels.\n"
            "“We agreed to resume the joint patrols,” Ms Voss said.")
    agreed = [e for e in analyze_text(text).events if e.trigger.text == "agreed"]
    assert agreed and [a.name for a in agreed[0].actor] == ["NATO"]
    assert agreed[0].claimed_by_speaker.name == "Anna Voss"


def test_we_in_a_minister_quotation_is_their_state(analyze_text):
    text = ("Sergei Orlov, Russia's defence minister, spoke on Monday.\n"
            "“We will send more troops to the border,” Mr Orlov said.")
    sent = [e for e in analyze_text(text).events if e.type == "MOBILIZE"]
    assert sent and [a.country for a in sent[0].actor] == ["RUS"]
