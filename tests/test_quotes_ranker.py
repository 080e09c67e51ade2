"""The speaker ranker: shipped weights, candidates around a quotation, and when it overrules the rules."""

import importlib.util
import sys
from pathlib import Path

import pytest

from newsgraph.quotes.ranker import SpeakerRanker, speaker_ranker

SCRIPTS = Path(__file__).resolve().parent.parent / "scripts"


def test_shipped_weights_load_once_and_score_as_probabilities():
    ranker = speaker_ranker()
    assert ranker is speaker_ranker()
    assert ranker.weights and 0.0 <= ranker.threshold <= 1.0 and ranker.margin >= 0.0
    assert 0.0 < ranker.score({"subject_of_cue": 1.0, "rule_choice": 1.0}) < 1.0
    assert ranker.score({"subject_of_cue": 1.0, "on_rule_cue": 1.0}) > ranker.score({"dep=dobj": 1.0})


def test_model_fills_a_quotation_the_rules_leave_without_speaker(analyze_text):
    text = ('Olga Brenn leads the farmers in the valley. She travelled to the capital on Friday. '
            '"We came away with nothing at all."')
    [quote] = [q for q in analyze_text(text).quotes if q.kind == "direct"]
    assert quote.speaker is not None and quote.speaker.name == "Olga Brenn"


def test_rules_choice_stands_when_the_model_is_not_clearly_surer():
    from newsgraph.quotes.ranker import Candidate, reranked
    from newsgraph.quotes.attribution import Attribution
    from newsgraph.model import Mention

    ruled, other = Mention(0, 4, "Anna", "a1"), Mention(10, 14, "Bert", "a2")
    rule = Attribution([], None, ruled)
    rule_features, other_features = {"rule_choice": 1.0}, {"x": 1.0}
    close = SpeakerRanker({"rule_choice": 1.0, "x": 1.2}, 0.0, threshold=0.5, margin=0.2)
    sure = SpeakerRanker({"rule_choice": -2.0, "x": 5.0}, 0.0, threshold=0.5, margin=0.2)
    candidates = [Candidate(ruled, None, rule_features), Candidate(other, None, other_features)]  # type: ignore[arg-type]
    assert reranked(candidates, rule, close) is rule
    assert reranked(candidates, rule, sure).mention is other


def test_training_script_fits_weights_from_rows():
    pytest.importorskip("sklearn", reason="scikit-learn is installed with the 'train' extra")
    spec = importlib.util.spec_from_file_location("train_speaker_ranker", SCRIPTS / "train_speaker_ranker.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules["train_speaker_ranker"] = module
    spec.loader.exec_module(module)
    rows = [{"group": f"doc{n}:{n}", "features": {"subject_of_cue": 1.0}, "label": 1} for n in range(20)]
    rows += [{"group": f"doc{n}:{n}", "features": {"dep=dobj": 1.0}, "label": 0} for n in range(20)]
    fitted = module.fit(rows)
    assert fitted["weights"]["subject_of_cue"] > fitted["weights"]["dep=dobj"]
    assert module.fit(rows) == fitted
