"""The article reader: each layout block cut into runs of text, each run marked by what covers it.

Quotations, event triggers and actor mentions may nest (a trigger inside a quotation), so a block is
cut at every boundary; each run is rendered as one element (a trigger before a mention before a
quotation) and keeps the colour of the quotation around it, so nothing is nested in the HTML.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

PALETTE_SIZE = 8


@dataclass(frozen=True)
class Mark:
    start: int
    end: int
    kind: str  # quote, trigger or mention
    ref: str  # the id of the quotation, event or mention in this article
    href: str | None
    colour: int | None = None


PRIORITY = {"trigger": 0, "mention": 1, "quote": 2}


def runs(text: str, start: int, end: int, marks: list[Mark]) -> list[dict[str, Any]]:
    """The runs of ``text[start:end]``, each with the innermost quotation and the leading mark covering it."""
    inside = [m for m in marks if m.start < end and m.end > start]
    cuts = sorted({start, end, *(max(m.start, start) for m in inside), *(min(m.end, end) for m in inside)})
    found = []
    for left, right in zip(cuts, cuts[1:]):
        covering = [m for m in inside if m.start <= left and m.end >= right]
        quote = min((m for m in covering if m.kind == "quote"), key=lambda m: m.end - m.start, default=None)
        lead = min(covering, key=lambda m: (PRIORITY[m.kind], m.end - m.start), default=None)
        found.append({"text": text[left:right], "kind": lead.kind if lead else None,
                      "ref": lead.ref if lead else None, "href": lead.href if lead else None,
                      "quote": quote.ref if quote else None, "colour": quote.colour if quote else None})
    return found


def speaker_colours(speakers: list[str | None]) -> dict[str | None, int]:
    """A palette index per speaker, in order of first appearance (unattributed quotations share one)."""
    colours: dict[str | None, int] = {}
    for speaker in speakers:
        if speaker not in colours:
            colours[speaker] = len(colours) % PALETTE_SIZE
    return colours
