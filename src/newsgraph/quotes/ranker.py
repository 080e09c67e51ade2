"""A learned choice among the mentions that could have spoken a quotation.

The rules (``quoted``, ``reported``) give each quotation an attribution; the ranker then scores every
mention near the quotation, the rules' choice among them, with a logistic model over named features
(syntactic tie to a cue, distance, side, paragraph, kind of mention, the rules' choice) and keeps the
best. Its weights are fitted on PolNeAR train by ``scripts/train_speaker_ranker.py`` and shipped as
``data/quotes/speaker_ranker.json``.
"""

from __future__ import annotations

import json
import math
from bisect import bisect_left, bisect_right
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

from spacy.tokens import Token

from ..model import Mention
from .attribution import Attribution
from .context import QuoteContext
from .lexicon import cues

SENTENCES_BEFORE = 3
SENTENCES_AFTER = 1
SUBJECT_DEPS = ("nsubj", "nsubjpass")
Features = dict[str, float]


@dataclass
class Candidate:
    """A mention that may be the quotation's source, with its features."""

    mention: Mention
    head: Token
    features: Features


@dataclass(frozen=True)
class SpeakerRanker:
    weights: dict[str, float]
    bias: float
    threshold: float  # the least share for a speaker where the rules found none
    margin: float  # how much greater a share than the rules' choice's another candidate needs to replace it

    def score(self, features: Features) -> float:
        """The model's probability that the candidate is the source."""
        total = self.bias + sum(self.weights.get(name, 0.0) * value for name, value in features.items())
        return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, total))))

    def shares(self, candidates: list[Features]) -> list[float]:
        """Each candidate's share of the probabilities of one quotation's candidates: how sure the model
        is of it against the others."""
        scores = [self.score(features) for features in candidates]
        total = sum(scores)
        return [score / total for score in scores] if total else scores


@lru_cache(maxsize=1)
def speaker_ranker() -> SpeakerRanker:
    data = json.loads(resources.files("newsgraph.data").joinpath("quotes", "speaker_ranker.json").read_text("utf-8"))
    return SpeakerRanker(dict(data["weights"]), float(data["bias"]), float(data["threshold"]), float(data["margin"]))


class CandidateFinder:
    """Mentions around quotations, found by offset, with the sentence and paragraph of each."""

    def __init__(self, ctx: QuoteContext) -> None:
        self.ctx = ctx
        self.mentions = [m for m in ctx.actors.mentions if not m.in_quote and ctx.in_flow(m.start)]
        self.starts = [m.start for m in self.mentions]
        self.sentences = list(ctx.doc.sents)
        self.sentence_starts = [s.start_char for s in self.sentences]
        self.frequency = Counter(m.actor_id for m in ctx.actors.mentions)
        self.heads: dict[tuple[int, int], Token | None] = {}

    def sentence_index(self, offset: int) -> int:
        return max(0, bisect_right(self.sentence_starts, offset) - 1)

    def candidates(self, start: int, end: int, kind: str, rule: Attribution | None,
                   previous_actor: str | None) -> list[Candidate]:
        """Every mention from a few sentences before the quotation to the sentence after it, outside it."""
        first, last = self.sentence_index(start), self.sentence_index(max(start, end - 1))
        window_start = self.sentences[max(0, first - SENTENCES_BEFORE)].start_char
        window_end = self.sentences[min(len(self.sentences) - 1, last + SENTENCES_AFTER)].end_char
        inside = self.mentions[bisect_left(self.starts, window_start):bisect_left(self.starts, window_end)]
        nearby = [m for m in inside if m.end <= start or m.start >= end]
        rule_mention = rule.mention if rule is not None else None
        if rule_mention is not None and all(m is not rule_mention for m in nearby):
            nearby.append(rule_mention)
        before = sorted((m for m in nearby if m.end <= start), key=lambda m: -m.start)
        after = sorted((m for m in nearby if m.start >= end), key=lambda m: m.start)
        rank = {id(m): n for side in (before, after) for n, m in enumerate(side)}
        found = []
        for mention in nearby:
            head = self.head_of(mention)
            if head is None:
                continue
            features = self.features(mention, head, start, end, kind, rule, previous_actor, first, last,
                                     rank.get(id(mention), 9))
            found.append(Candidate(mention, head, features))
        return found

    def head_of(self, mention: Mention) -> Token | None:
        """The mention's syntactic head, found once per mention: the windows of quotations overlap."""
        key = (mention.start, mention.end)
        if key not in self.heads:
            span = self.ctx.doc.char_span(mention.start, mention.end, alignment_mode="expand")
            self.heads[key] = span.root if span is not None and len(span) else None
        return self.heads[key]

    def features(self, mention: Mention, head: Token, start: int, end: int, kind: str, rule: Attribution | None,
                 previous_actor: str | None, first: int, last: int, rank: int) -> Features:
        ctx = self.ctx
        actor = ctx.actors.actor(mention.actor_id)
        side = "before" if mention.end <= start else "after"
        sentence = self.sentence_index(mention.start)
        sentence_gap = first - sentence if side == "before" else sentence - last
        paragraph_gap = paragraph_distance(ctx.paragraph(mention.start), ctx.paragraph(start))
        distance = start - mention.end if side == "before" else mention.start - end
        chosen = rule is not None and rule.mention is not None
        names: list[str] = [
            f"kind={mention.kind}", f"type={actor.type}", f"side={side}", f"dep={head.dep_}",
            f"sentences_{side}={min(sentence_gap, 3)}", f"paragraphs={paragraph_gap}",
            f"rank_{side}={min(rank, 3)}", f"quote={kind}", f"quote={kind}&side={side}",
            f"quote={kind}&sentences={min(sentence_gap, 2)}",
            f"frequency={min(self.frequency[mention.actor_id], 4)}", f"type={actor.type}&side={side}",
            f"kind={mention.kind}&sentences_{side}={min(sentence_gap, 2)}",
        ]
        names += tie_to_cue(head, rule)
        if chosen and rule.mention is mention:  # type: ignore[union-attr]
            names += ["rule_choice", f"rule_choice&quote={kind}", f"rule_choice&kind={mention.kind}",
                      f"rule_choice&paragraphs={paragraph_gap}", f"rule_choice&sentences={min(sentence_gap, 2)}"]
        elif chosen and rule.mention.actor_id == mention.actor_id:  # type: ignore[union-attr]
            names.append("rule_actor")
        if rule is None or not rule.found:
            names.append(f"no_rule&side={side}")
        if previous_actor == mention.actor_id:
            names.append("previous_speaker")
        if actor.role:
            names.append("has_role")
        features: Features = {name: 1.0 for name in names}
        features["log_distance"] = math.log1p(max(distance, 0)) / 5
        return features


def tie_to_cue(head: Token, rule: Attribution | None) -> list[str]:
    """How the mention's head hangs on a cue: subject or agent of a speech verb, possessor of a speech
    noun, object of ``according to``; and whether that cue is the rules' cue for the quotation."""
    lexicon = cues()
    names = []
    parent = head.head
    if head.dep_ in SUBJECT_DEPS and lexicon.is_verb_cue(parent):
        names.append("subject_of_cue")
    elif head.dep_ == "pobj" and parent.dep_ == "agent" and lexicon.is_verb_cue(parent.head):
        names.append("agent_of_cue")
    elif head.dep_ == "poss" and lexicon.is_noun_cue(parent):
        names.append("possessor_of_cue")
    elif head.dep_ == "pobj" and parent.lower_ == "to" and parent.i > 0 and parent.nbor(-1).lower_ == "according":
        names.append("according_to")
    elif head.dep_ in ("dobj", "dative") and lexicon.is_verb_cue(parent) \
            or head.dep_ == "pobj" and parent.lower_ == "to" and lexicon.is_verb_cue(parent.head):
        names.append("hearer_of_cue")  # ``told the paper``, ``said to reporters``
    elif head.dep_ in SUBJECT_DEPS:
        names.append("subject_of_other")
    if rule is not None and rule.cue and any(t.i == parent.i or t.i == parent.head.i for t in rule.cue):
        names.append("on_rule_cue")
    return names


def paragraph_distance(mention: int | None, quote: int | None) -> str:
    if mention is None or quote is None:
        return "unknown"
    gap = quote - mention
    return str(max(-1, min(gap, 2)))


def reranked(candidates: list[Candidate], rule: Attribution | None,
             ranker: SpeakerRanker | None = None) -> Attribution | None:
    """The rules' attribution, or the candidate the model finds clearly likelier (where the rules found
    no speaker, likely enough): the same cue, the model's speaker."""
    ranker = ranker or speaker_ranker()
    shares = ranker.shares([candidate.features for candidate in candidates])
    scored = list(zip(candidates, shares))
    if not scored:
        return rule
    candidate, probability = max(scored, key=lambda item: item[1])
    chosen = rule.mention if rule is not None else None
    if chosen is candidate.mention or (chosen is None and rule is not None and rule.found):
        return rule  # the rules' own choice, or a speaker they found but could not resolve
    if chosen is None:
        needed = ranker.threshold
    else:
        needed = next((p for c, p in scored if c.mention is chosen), 0.0) + ranker.margin
    if probability < needed:
        return rule
    return Attribution(rule.cue if rule is not None else [], candidate.head, candidate.mention)
