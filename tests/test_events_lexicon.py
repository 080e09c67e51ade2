"""The event coder's data files agree with each other and with the PLOVER manual's inventory."""

from __future__ import annotations

from collections import Counter

from newsgraph.events.lexicon import data_rows, lexicon

PLOVER_TYPES = {"AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST", "ACCUSE",
                "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT"}
PLOVER_CONTEXTS = {
    "military", "intelligence", "executive", "legislative", "election", "political_institutions", "pro_democracy",
    "pro_autocracy", "economic", "legal", "reparations", "human_rights", "rights_freedoms", "repression",
    "human_security", "gender", "lgbt", "religion_ethnicity", "inequality", "diplomatic", "territory",
    "peacekeeping", "health", "asylum", "migration", "disasters", "natural_resource", "environment", "technology",
    "terrorism", "cbrn", "cyber", "misinformation", "crime", "corruption", "illegal_drugs", "trafficking",
    "humanitarian",
}


def test_the_sixteen_types_each_with_quad_score_and_goldstein():
    words = lexicon()
    assert set(words.types) == PLOVER_TYPES
    for name, facts in words.types.items():
        assert facts.quad in (1, 2, 3, 4)
        assert (name, None) in words.scores
        assert facts.cameo in words.goldstein
        assert facts.future in PLOVER_TYPES


def test_every_trigger_names_a_known_type_mode_and_context():
    words = lexicon()
    modes = {mode for (_, mode) in words.scores if mode}
    for (lemma, pos), entries in words.triggers.items():
        for entry in entries.values():
            assert entry.type in PLOVER_TYPES | {"-"}, (lemma, entry)
            assert entry.mode is None or entry.mode in modes, (lemma, entry)
            assert entry.context is None or entry.context in PLOVER_CONTEXTS, (lemma, entry)
    assert set(words.contexts.values()) <= PLOVER_CONTEXTS


def test_every_type_has_a_broad_set_of_triggers_and_none_is_listed_twice():
    rows = data_rows("triggers.tsv")
    assert len(rows) > 500
    keys = Counter((row[0], row[1]) for row in rows)
    assert [key for key, n in keys.items() if n > 1] == []
    per_type = Counter(row[2] for row in rows)
    assert all(per_type[t] >= 5 for t in PLOVER_TYPES), per_type


def test_british_spellings_match():
    words = lexicon()
    assert words.entries("criticise", "VERB") == words.entries("criticize", "VERB")
    assert words.entries("mobilisation", "NOUN") == words.entries("mobilization", "NOUN")
