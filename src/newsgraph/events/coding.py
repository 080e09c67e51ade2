"""From a trigger's meaning to the coded event: type after tense and governing words, mode, scores."""

from __future__ import annotations

from dataclasses import dataclass

from .lexicon import Lexicon, TriggerEntry
from .modality import Modality

THREAT = "THREATEN"
MATERIAL_CONFLICT = 4


@dataclass(frozen=True)
class Coding:
    type: str
    mode: str | None
    refusal: bool = False


def object_mode(lexicon: Lexicon, head_type: str, content: TriggerEntry) -> str | None:
    """The mode a REQUEST, REJECT or THREATEN takes from what is requested, rejected or threatened."""
    facts = lexicon.types[content.type]
    if head_type == THREAT and content.mode in facts.threaten_mode_by_mode:
        return facts.threaten_mode_by_mode[content.mode]
    return facts.as_object.get(head_type)


def is_material_conflict(lexicon: Lexicon, event_type: str) -> bool:
    return lexicon.types[event_type].quad == MATERIAL_CONFLICT


def code(lexicon: Lexicon, entry: TriggerEntry, contents: list[TriggerEntry], modality: Modality) -> Coding:
    """The event's type and mode.

    A governing trigger keeps its type (``threatened to shell`` is THREATEN, ``refused to meet``
    REJECT) and takes its mode from its content, except that a promise of material conflict is
    coded as that conflict's future (``vowed to attack`` is THREATEN, ``vowed to march`` PROTEST).
    A future report recodes as the manual says: future cooperation is AGREE, a future retreat
    CONCEDE, a future use of force THREATEN. Cooperation that will not or would not happen
    (``will not accept refugees``) is a refusal: REJECT; an act promised ``unless`` another
    complies is a threat.
    """
    event_type, mode = entry.type, entry.mode
    content = contents[0] if contents else None
    if content is not None:
        if event_type == "AGREE" and is_material_conflict(lexicon, content.type):
            event_type = lexicon.types[content.type].future
            mode = content.mode if event_type == content.type else None
        if mode is None:
            mode = object_mode(lexicon, event_type, content)
    if modality.ultimatum and not modality.negated and event_type != THREAT:
        return Coding(THREAT, object_mode(lexicon, THREAT, TriggerEntry(event_type, mode)))
    if modality.negated and (modality.future or modality.hypothetical) and lexicon.has("refusable_types", event_type):
        return Coding("REJECT", object_mode(lexicon, "REJECT", TriggerEntry(event_type, mode)), refusal=True)
    if modality.future and not modality.negated:
        future_type = lexicon.types[event_type].future
        if future_type != event_type:
            mode = object_mode(lexicon, future_type, TriggerEntry(event_type, mode))
            event_type = future_type
    return Coding(event_type, mode)


@dataclass(frozen=True)
class Scores:
    score: float | None
    quad_class: int
    quad_label: str
    cameo: str
    goldstein: float | None


def scores(lexicon: Lexicon, event_type: str, mode: str | None) -> Scores:
    """PLOVER score by type and mode, quad class, nearest CAMEO root and its Goldstein value."""
    facts = lexicon.types[event_type]
    score = lexicon.scores.get((event_type, mode), lexicon.scores.get((event_type, None)))
    cameo = facts.cameo_by_mode.get(mode or "", facts.cameo)
    return Scores(score, facts.quad, lexicon.quad_labels[facts.quad], cameo, lexicon.goldstein.get(cameo))
