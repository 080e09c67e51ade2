"""Pairing quotation marks into quoted stretches, one line (paragraph) at a time.

Works on the raw text before any parse, in one pass over the marks, so that the
resolver and the quotation stage share it. Rules, following the guidelines:

* a mark opens or closes according to what flanks it (space before and a word
  after opens; a word before and space or punctuation after closes);
* double marks (straight or curly), single marks (told apart from apostrophes),
  guillemets and low-9 marks each pair with their own family;
* a new opening mark of the outer family while one is still open ends the open
  one just before it (news style re-opens a continuing quotation);
* nothing crosses a line break: an unclosed quotation ends with its line.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

DOUBLE, SINGLE, ANGLE = "double", "single", "angle"
FAMILY = {'"': DOUBLE, "“": DOUBLE, "”": DOUBLE, "„": DOUBLE, "‟": DOUBLE,
          "'": SINGLE, "‘": SINGLE, "’": SINGLE, "‚": SINGLE, "‛": SINGLE,
          "«": ANGLE, "»": ANGLE, "‹": ANGLE, "›": ANGLE,
          "''": DOUBLE, "``": DOUBLE, "’’": DOUBLE, "‘‘": DOUBLE}
ALWAYS_OPENING = set("„‚«‹‟‛") | {"``"}
ALWAYS_CLOSING = set("»›")
OPENING_LEANING = set("“‘") | {"‘‘"}
CLOSING_LEANING = set("”’") | {"’’"}
BEFORE_OPENING = set("([{—–-/:;,") | {"\u00a0"}
AFTER_CLOSING = set(".,;:!?)]}—–-/…") | {"\u00a0"}
_MARK = re.compile("''|``|’’|‘‘|[" + "".join(mark for mark in FAMILY if len(mark) == 1) + "\n]")


@dataclass
class Quoted:
    """A stretch of text between an opening mark and its closing mark (or the end of its run)."""

    open_at: int
    start: int
    end: int
    closed: bool
    family: str
    depth: int = 0
    after: int = 0  # just past the closing mark, or ``end`` when unclosed

    def __post_init__(self) -> None:
        self.after = max(self.after, self.end)


def _word_char(char: str) -> bool:
    return char.isalnum()


def _flanks(text: str, i: int, length: int) -> tuple[bool, bool]:
    """(can open, can close) for the mark at ``i``, from its neighbours."""
    before = text[i - 1] if i > 0 else " "
    after = text[i + length] if i + length < len(text) else " "
    can_open = not after.isspace() and (before.isspace() or before in BEFORE_OPENING or before in FAMILY)
    can_close = not before.isspace() and (after.isspace() or after in AFTER_CLOSING or after in FAMILY)
    return can_open, can_close


def _orientation(text: str, i: int, mark: str) -> str | None:
    """'open', 'close', 'either', or None for an apostrophe inside a word."""
    if mark in ALWAYS_OPENING:
        return "open"
    if mark in ALWAYS_CLOSING:
        return "close"
    can_open, can_close = _flanks(text, i, len(mark))
    if FAMILY[mark] == SINGLE and i > 0 and i + 1 < len(text) \
            and _word_char(text[i - 1]) and _word_char(text[i + 1]):
        return None
    if can_open and not can_close:
        return "open"
    if can_close and not can_open:
        return "close"
    if mark in OPENING_LEANING:
        return "open"
    if mark in CLOSING_LEANING:
        return "close"
    return "either"


class _LinePairer:
    """Pairs the marks of one line with a stack; single marks stay tentative until closed."""

    def __init__(self, text: str, found: list[Quoted]) -> None:
        self.text = text
        self.found = found
        self.stack: list[tuple[int, str, str]] = []  # (offset, family, mark)

    def feed(self, i: int, mark: str) -> None:
        family = FAMILY[mark]
        orientation = _orientation(self.text, i, mark)
        if orientation is None:
            return
        open_index = self._open_index(family)
        if orientation == "either":
            orientation = "close" if open_index is not None else "open"
        if orientation == "close":
            if open_index is not None:
                self._close(open_index, i, closed=True, closing=mark)
            return
        if family != SINGLE and open_index is not None and open_index == 0:
            self._close(0, i, closed=False)
        self.stack.append((i, family, mark))

    def _open_index(self, family: str) -> int | None:
        for index in range(len(self.stack) - 1, -1, -1):
            if self.stack[index][1] == family:
                return index
        return None

    def _close(self, index: int, at: int, closed: bool, closing: str = "") -> None:
        """Close the mark at stack ``index``; tentative marks above it were apostrophes or strays."""
        for depth, (offset, family, mark) in enumerate(self.stack[index + 1:], start=index + 1):
            self._settle_unclosed(offset, family, mark, at, depth)
        offset, family, mark = self.stack[index]
        del self.stack[index:]
        start = offset + len(mark)
        end = at if closed else _trim_end(self.text, start, at)
        self.found.append(Quoted(offset, start, end, closed, family, depth=index, after=at + len(closing)))

    def _settle_unclosed(self, offset: int, family: str, mark: str, end: int, depth: int) -> None:
        """An unclosed mark becomes a quotation only if it cannot be an apostrophe."""
        if family == SINGLE and mark != "‘":
            return
        start = offset + len(mark)
        end = _trim_end(self.text, start, end)
        if end > start:
            self.found.append(Quoted(offset, start, end, False, family, depth))

    def finish(self, line_end: int) -> None:
        for depth, (offset, family, mark) in enumerate(self.stack):
            self._settle_unclosed(offset, family, mark, line_end, depth)
        self.stack.clear()


def _trim_end(text: str, start: int, end: int) -> int:
    while end > start and text[end - 1].isspace():
        end -= 1
    return end


def pair_marks(text: str) -> list[Quoted]:
    """Every quoted stretch of ``text``, in order of its opening mark, nested ones included."""
    found: list[Quoted] = []
    pairer = _LinePairer(text, found)
    for match in _MARK.finditer(text):
        i = match.start()
        if text[i] == "\n":
            pairer.finish(i)
            continue
        pairer.feed(i, match.group())
    pairer.finish(len(text))
    found.sort(key=lambda q: q.open_at)
    return found


def outermost(quoted: list[Quoted]) -> list[Quoted]:
    """The quoted stretches that no other stretch contains."""
    result: list[Quoted] = []
    for stretch in quoted:
        if result and stretch.open_at < result[-1].end:
            continue
        result.append(stretch)
    return result
