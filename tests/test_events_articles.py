"""Event coding on article prose: datelines, places, nationality words, passive agents, nominal events,
unnamed groups, idioms, coreference and one event per happening. Texts are invented (people and towns)."""

from __future__ import annotations

import pytest

from newsgraph.model import Event

DATE = "2024-03-05"


def countries(refs) -> set[str]:
    return {ref.country for ref in refs if ref.country}


def names(refs) -> set[str]:
    return {ref.name.lower() for ref in refs}


def events_of(analysis, event_type: str) -> list[Event]:
    return [e for e in analysis.events if e.type == event_type]


def triggered_by(analysis, event_type: str, word: str) -> Event:
    return next(e for e in events_of(analysis, event_type) if e.trigger.text.startswith(word))


def only_event(analysis, event_type: str) -> Event:
    found = events_of(analysis, event_type)
    assert len(found) == 1, [(e.type, e.trigger.text, names(e.actor), names(e.recipient)) for e in analysis.events]
    return found[0]


# --- datelines, places, nationality words, passive agents, nominal events -------------------------------

# (what the text shows, text, type, actor countries, recipient countries)
CASES = [
    ("a dateline is no party", "TBILISI, Georgia (AP) — Moldova's foreign minister accused Armenia of lying "
     "on Monday.", "ACCUSE", {"MDA"}, {"ARM"}),
    ("an agency dateline with a date is no party", "VALDORA, April 9 (Reuters) -- Moldovan troops shelled "
     "Armenian positions on Tuesday.", "ASSAULT", {"MDA"}, {"ARM"}),
    ("a dateline's country is the home of unplaced people", "SEOUL, South Korea (AP) — Park Min-jae urged "
     "Lee Soo-bin to resign on Saturday.\nLee said he would stay in office.", "REQUEST", {"KOR"}, {"KOR"}),
    ("the place where leaders met is not whom they met", "The Moldovan president met the Armenian prime "
     "minister in Georgia on Monday.", "CONSULT", {"MDA"}, {"ARM"}),
    ("the town of an arrest is not the arrested", "Georgian police arrested two Armenian activists in the "
     "town of Kessel on Saturday.", "COERCE", {"GEO"}, {"ARM"}),
    ("a nationality word names the doer", "Four civilians were killed by Moldovan artillery near the border, "
     "Georgian officials said.", "ASSAULT", {"MDA"}, None),
    ("a passive agent is the doer", "A Georgian journalist was detained by Moldovan border police on "
     "Tuesday.", "COERCE", {"MDA"}, {"GEO"}),
    ("a nominal decision names its doer by the possessive", "The Moldovan ministry's decision to expel the "
     "Georgian ambassador angered officials.", "SANCTION", {"MDA"}, {"GEO"}),
    ("talks between two parties have both as actors, not the venue", "Talks between Moldova and Georgia in "
     "Geneva ended on Monday.", "CONSULT", {"MDA", "GEO"}, set()),
    ("criticism framed as description is an accusation", "Ion Rusu, the Moldovan opposition leader, called the "
     "Georgian vote a disgrace on Monday. He spoke in Chisinau.", "ACCUSE", {"MDA"}, {"GEO"}),
    ("a party name many countries share is the party of the country filed from", "CHISINAU, Moldova (AP) — "
     "Petra Lind, the leader of the Democratic Party, criticized President Ion Rusu on Tuesday. Rusu met "
     "Georgian envoys on Monday.", "ACCUSE", {"MDA"}, {"MDA"}),
    ("a leader of a party the gazetteer lacks is of the home country", "CHISINAU, Moldova (AP) — Petra Lind, "
     "the leader of the PNR, urged President Ion Rusu to resign on Tuesday. Rusu met Georgian envoys on "
     "Monday.", "REQUEST", {"MDA"}, {"MDA"}),
    ("a person described by a town is of its country", "A Chisinau man threatened to kill Petra Lind, a "
     "Georgian lawmaker, on Monday. He was arrested on Tuesday.", "THREATEN", {"MDA"}, {"GEO"}),
    # criticism, requests and sanctions the lexicon reads through their construction
    ("wanting another to act is a request", "The Moldovan government wants the Armenian army to withdraw from "
     "the border.", "REQUEST", {"MDA"}, {"ARM"}),
    ("deflecting attacks receives them", "The Moldovan president deflected attacks from Armenian officials on "
     "Monday.", "ACCUSE", {"ARM"}, {"MDA"}),
    ("laying siege is a light verb's noun", "Moldovan troops laid siege to an Armenian village on Monday.",
     "COERCE", {"MDA"}, {"ARM"}),
    ("stripping a party of a status sanctions it", "The Armenian government stripped the Moldovan ambassador "
     "of his accreditation.", "SANCTION", {"ARM"}, {"MDA"}),
    ("stalling aid in the passive sanctions its recipient", "Aid to Armenia was being stalled by the Moldovan "
     "government.", "SANCTION", {"MDA"}, {"ARM"}),
    ("a noun of stopping cooperation is a sanction", "Moldova's suspension of talks with Armenia angered "
     "Yerevan.", "SANCTION", {"MDA"}, {"ARM"}),
    ("a court declaring a ban illegal disapproves of it", "The Moldovan court declared the Armenian ban "
     "illegal on Monday.", "ACCUSE", {"MDA"}, {"ARM"}),
    ("fighting an extradition rejects it", "The Moldovan activist fought his extradition to Armenia for two "
     "years.", "REJECT", {"MDA"}, {"ARM"}),
]


@pytest.mark.parametrize("text, event_type, actor, recipient", [case[1:] for case in CASES],
                         ids=[case[0] for case in CASES])
def test_parties_in_article_prose(analyze_text, text, event_type, actor, recipient):
    event = only_event(analyze_text(text, date=DATE), event_type)
    assert countries(event.actor) == actor
    if recipient is not None:
        assert countries(event.recipient) == recipient
    assert not names(event.actor) & {"tbilisi", "valdora", "seoul"}


def test_a_posting_abroad_is_not_a_nationality(analyze_text):
    text = ("WASHINGTON (AP) — Ambassador Carl Brenner, the envoy to Ukraine, criticized Senator Ada Holm on "
            "Monday. Holm had attacked his testimony. Brenner said he would testify again.")
    event = triggered_by(analyze_text(text, date=DATE), "ACCUSE", "criticized")
    assert countries(event.actor) == {"USA"}


# --- unnamed groups ---------------------------------------------------------------------------------

def test_gunmen_are_a_doer(analyze_text):
    text = "Gunmen attacked a police station in northern Moldova on Monday, killing three officers."
    event = only_event(analyze_text(text, date=DATE), "ASSAULT")
    assert "gunmen" in names(event.actor)


def test_a_grand_jury_is_a_doer(analyze_text):
    text = "A grand jury indicted the former Moldovan defence minister on Friday."
    event = only_event(analyze_text(text, date=DATE), "ACCUSE")
    assert any("jury" in name for name in names(event.actor))
    assert countries(event.recipient) == {"MDA"}


def test_protesters_and_police_are_parties(analyze_text):
    text = "Protesters clashed with police outside the parliament in Kessel on Sunday."
    [event] = [e for e in analyze_text(text, date=DATE).events if e.type in ("ASSAULT", "PROTEST")]
    assert "protesters" in names(event.actor) and "police" in names(event.recipient)


def test_an_unnamed_body_is_of_the_articles_country(analyze_text):
    text = ("CHISINAU, Moldova (AP) — The opposition leader Ion Vartic accused the parliament of hiding the "
            "budget on Monday.\nVartic spoke to reporters after the vote.")
    event = only_event(analyze_text(text, date=DATE), "ACCUSE")
    assert "the parliament" in names(event.recipient) and countries(event.recipient) == {"MDA"}


# --- idioms ---------------------------------------------------------------------------------------

def test_a_parting_shot_is_an_accusation(analyze_text):
    text = "The Moldovan president took a parting shot at Georgia, saying its leaders had lied."
    event = only_event(analyze_text(text, date=DATE), "ACCUSE")
    assert countries(event.actor) == {"MDA"} and countries(event.recipient) == {"GEO"}
    assert not events_of(analyze_text(text, date=DATE), "ASSAULT")


def test_firing_back_with_words_is_an_accusation_and_with_guns_an_assault(analyze_text):
    said = analyze_text("Georgia fired back at Moldova on Tuesday, calling its claims absurd.", date=DATE)
    assert only_event(said, "ACCUSE") and not events_of(said, "ASSAULT")
    shot = analyze_text("Georgian troops fired back at Moldovan soldiers after an ambush on Monday.", date=DATE)
    assert only_event(shot, "ASSAULT") and not events_of(shot, "ACCUSE")


def test_a_war_of_words_is_an_accusation_between_both(analyze_text):
    event = only_event(analyze_text("The war of words between Moldova and Georgia escalated on Monday.", date=DATE),
                       "ACCUSE")
    assert countries(event.actor) == {"MDA", "GEO"}


def test_slamming_a_body_is_an_accusation(analyze_text):
    event = only_event(analyze_text("The Moldovan opposition leader slammed the government over the deal.",
                                    date=DATE), "ACCUSE")
    assert countries(event.actor) == {"MDA"} and "the government" in names(event.recipient)



# (what the text shows, text, type, actor names, recipient names)
SPEECH_CASES = [
    ("politicians are a doer", "Joel Tamm, a teacher in Varnsby, said politicians have vilified teachers.",
     "ACCUSE", {"politicians"}, {"teachers"}),
    ("concerns raised about someone accuse them", "Bram Osk said that Kell Vance had raised concerns about "
     "Dita Moor.", "ACCUSE", {"kell vance"}, {"dita moor"}),
    ("brushing aside questions rejects their asker", "Senator Ada Wren brushed aside questions from Kell "
     "Vance on Monday.", "REJECT", {"ada wren"}, {"kell vance"}),
    ("a role word with a charge after it is still a party", "Ada Wren accused the governor of corruption.",
     "ACCUSE", {"ada wren"}, {"the governor"}),
    ("praising a party's plan supports the party", "Ada Wren praised the governor's plan on Monday.",
     "SUPPORT", {"ada wren"}, {"the governor"}),
    ("calling for someone to act asks them", "Ms Wren has called for Mr Vance to resign.", "REQUEST",
     {"wren"}, {"vance"}),
    ("critics are a doer", "Mr Vance spoke on Monday. Mr Vance has been accused by critics of lying.",
     "ACCUSE", {"critics"}, {"vance"}),
    ("a quoted 'I' is the speaker", "Mr Vance spoke on Monday. \"I opposed the plan of Ms Wren from the "
     "start,\" Mr Vance said.", "REJECT", {"vance"}, {"wren"}),
]


@pytest.mark.parametrize("text, event_type, actor, recipient", [case[1:] for case in SPEECH_CASES],
                         ids=[case[0] for case in SPEECH_CASES])
def test_speech_acts_in_article_prose(analyze_text, text, event_type, actor, recipient):
    event = only_event(analyze_text(text, date=DATE), event_type)
    assert names(event.actor) == actor and names(event.recipient) == recipient

# --- coreference ----------------------------------------------------------------------------------

def test_the_ministry_is_the_ministry_named_before(analyze_text):
    text = ("Moldova's Foreign Ministry summoned the Georgian ambassador on Monday. "
            "The ministry also accused Georgia of spying.")
    accusation = triggered_by(analyze_text(text, date=DATE), "ACCUSE", "accused")
    assert names(accusation.actor) == {"foreign ministry"} and countries(accusation.recipient) == {"GEO"}


def test_the_two_sides_are_the_parties_named_before(analyze_text):
    text = "Moldova and Georgia held talks in Kessel on Monday. The two sides agreed to reopen the border."
    event = only_event(analyze_text(text, date=DATE), "AGREE")
    assert countries(event.actor) | countries(event.recipient) == {"MDA", "GEO"}


def test_a_capital_stands_for_its_state(analyze_text):
    event = only_event(analyze_text("Washington accused Beijing of hacking on Monday.", date=DATE), "ACCUSE")
    assert countries(event.actor) == {"USA"} and countries(event.recipient) == {"CHN"}


def test_a_lone_party_agreeing_agrees_with_the_party_it_last_dealt_with(analyze_text):
    text = ("Georgia restores ties with Armenia\n"
            "Georgia restored diplomatic ties with Armenia on Monday.\n"
            '"We also agreed to reopen the border crossings," said Dora Lenk, the Georgian foreign minister.')
    analysis = analyze_text(text, date=DATE)
    event = only_event(analysis, "AGREE")
    assert countries(event.actor) == {"GEO"} and countries(event.recipient) == {"ARM"}
    assert event.claimed_by_speaker is not None and event.claimed_by_speaker.name == "Dora Lenk"


# --- one event per happening ----------------------------------------------------------------------

def test_a_happening_told_three_times_is_one_event(analyze_text):
    text = ("Moldova expels Georgian diplomats\n"
            "CHISINAU, Moldova (AP) — Moldova expelled two Georgian diplomats on Monday, accusing them of spying.\n"
            "The expulsion came after weeks of tension. Moldova expelled the diplomats after a court hearing, "
            "the foreign ministry said.")
    event = only_event(analyze_text(text, date=DATE), "SANCTION")
    assert countries(event.actor) == {"MDA"} and countries(event.recipient) == {"GEO"}


def test_a_passing_mention_beside_reported_events_is_not_an_event(analyze_text):
    text = ("Moldova recalled its ambassador to Georgia on Monday.\n"
            "The recall follows last year's dispute over the talks, which collapsed.")
    analysis = analyze_text(text, date=DATE)
    assert [e.type for e in analysis.events] == ["SANCTION"] or not events_of(analysis, "CONSULT")


@pytest.mark.parametrize("text, actor, recipient", [
    ("Moldova accused Georgia of spying on its army on Monday.\nGeorgia rejected the accusations as absurd on "
     "Tuesday.", {"GEO"}, {"MDA"}),
    # calling what was said untrue rebuts it
    ("Petra Lind, the Armenian opposition leader, accused the Moldovan president Ion Rusu of lying on Monday.\n"
     "\"That is completely untrue,\" Rusu said on Tuesday.", {"MDA"}, {"ARM"}),
], ids=["rejected accusations", "that is untrue"])
def test_a_denial_of_charges_answers_the_accuser(analyze_text, text, actor, recipient):
    event = only_event(analyze_text(text, date=DATE), "REJECT")
    assert countries(event.actor) == actor and countries(event.recipient) == recipient


def test_an_obligation_to_be_in_a_state_is_no_request(analyze_text):
    analysis = analyze_text("Mr Vance said Ms Wren should know by now that the plan was wrong.", date=DATE)
    assert not events_of(analysis, "REQUEST")
    assert only_event(analyze_text("Mr Vance said Ms Wren should resign.", date=DATE), "REQUEST")


def test_describing_a_party_kindly_is_no_event(analyze_text):
    text = "Ion Rusu described Petra Lind as a good friend on Monday. He spoke in Chisinau."
    assert not events_of(analyze_text(text), "ACCUSE")


def test_the_office_named_without_a_name_is_its_named_holder(analyze_text):
    text = ("CHISINAU, Moldova (AP) — President Ion Rusu met Georgian envoys on Monday. "
            "Petra Lind, the leader of the opposition, criticized the president on Tuesday.")
    event = only_event(analyze_text(text), "ACCUSE")
    assert names(event.recipient) == {"ion rusu"}


# --- headlines: no articles, no auxiliaries, commas for "and", "to" for the future ---------------------

# (what the headline shows, headline, type, actor countries, recipient countries, future)
HEADLINES = [
    ("a comma lists joint subjects", "Peru, Chile agree to resume talks", "AGREE", {"PER", "CHL"}, set(), False),
    ("a comma lists the parties to talks", "Moldova, Armenia hold talks on border", "CONSULT", {"MDA", "ARM"},
     set(), False),
    ("a past participle without its auxiliary is passive", "Moldovan opposition leader arrested", "COERCE",
     set(), {"MDA"}, False),
    ("a participle on the headline's noun is done to it", "Three Armenian soldiers killed by Moldovan troops",
     "ASSAULT", {"MDA"}, {"ARM"}, False),
    ("an infinitive main verb is the future", "Moldova to expel Armenian diplomats", "THREATEN", {"MDA"}, {"ARM"},
     True),
    ("a cooperative act to come is an agreement", "Germany to send aid to Pakistan", "AGREE", {"DEU"}, {"PAK"},
     True),
    ("a verb in -s the tagger takes for a noun", "Armenia apologises to Moldova", "CONCEDE", {"ARM"}, {"MDA"},
     False),
    ("a verb in -s before its object", "Moldova denounces Armenian vote", "ACCUSE", {"MDA"}, {"ARM"}, False),
    ("a verb the tagger takes for a singular noun", "Thousands march against Armenian deal in Moldova",
     "PROTEST", {"MDA"}, {"ARM"}, False),
    ("a capitalised headline's verb the tagger takes for a name", "Moldova Accuses Armenia Of Spying", "ACCUSE",
     {"MDA"}, {"ARM"}, False),
    ("a capitalised headline strung into names is read in word order", "Armenia Rejects Moldovan Peace Plan",
     "REJECT", {"ARM"}, {"MDA"}, False),
    ("a verbless headline's subject is in the state", "Armenia, Moldova in talks", "CONSULT", {"ARM", "MDA"},
     set(), False),
    ("an infinitive on the headline's noun is the future", "Armenian president to visit Moldova", "AGREE",
     {"ARM"}, {"MDA"}, True),
]


@pytest.mark.parametrize("text, event_type, actor, recipient, future", [case[1:] for case in HEADLINES],
                         ids=[case[0] for case in HEADLINES])
def test_headline_grammar(analyze_text, text, event_type, actor, recipient, future):
    event = only_event(analyze_text(text, date=DATE), event_type)
    assert countries(event.actor) == actor and countries(event.recipient) == recipient
    assert event.future is future


def test_a_past_verb_ending_a_sentence_with_a_period_stays_active(analyze_text):
    event = only_event(analyze_text("Moldovan police arrested two Armenian activists.", date=DATE), "COERCE")
    assert countries(event.actor) == {"MDA"} and countries(event.recipient) == {"ARM"}


def test_a_closing_report_is_no_passive_participle(analyze_text):
    text = "Moldovan guards tortured Armenian migrants at the border, a rights group charged on Saturday."
    event = only_event(analyze_text(text, date=DATE), "ASSAULT")
    assert countries(event.actor) == {"MDA"} and countries(event.recipient) == {"ARM"}



def test_wanting_to_act_oneself_is_no_request(analyze_text):
    assert not events_of(analyze_text("Moldova wants to join the European Union.", date=DATE), "REQUEST")


def test_a_plan_met_with_laughter_is_no_meeting(analyze_text):
    assert not events_of(analyze_text("His plan was met with laughter in Chisinau.", date=DATE), "CONSULT")
    event = only_event(analyze_text("The Moldovan president met with Armenian leaders on Monday.", date=DATE),
                       "CONSULT")
    assert countries(event.recipient) == {"ARM"}


def test_battling_to_win_is_no_assault(analyze_text):
    assert not events_of(analyze_text("Moldovan parties battle to win the election.", date=DATE), "ASSAULT")


def test_a_claim_called_false_in_passing_is_no_rejection_by_its_maker(analyze_text):
    text = "Moldovan officials said the Armenian claims were false. Armenia recalled its envoy on Monday."
    assert not [e for e in events_of(analyze_text(text, date=DATE), "REJECT") if countries(e.actor) == {"ARM"}]


def test_an_arrest_with_no_named_doer_is_reported(analyze_text):
    text = ("Two Armenian activists were arrested in the town of Kessel on Monday.\n"
            "Their lawyer said they would appeal.")
    event = only_event(analyze_text(text, date=DATE), "COERCE")
    assert countries(event.recipient) == {"ARM"}


def test_where_counterparts_met_is_not_one_of_them(analyze_text):
    text = "The Moldovan interior minister met EU counterparts in Luxembourg on Monday."
    event = only_event(analyze_text(text, date=DATE), "CONSULT")
    assert names(event.recipient) == {"european union"}


def test_troops_deployed_by_no_one_named_are_their_sides_move(analyze_text):
    text = "Moldovan troops have been deployed along the border, the defence ministry said."
    event = only_event(analyze_text(text, date=DATE), "MOBILIZE")
    assert countries(event.actor) == {"MDA"} and not event.recipient
