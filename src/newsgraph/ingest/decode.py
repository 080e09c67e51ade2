"""Turning raw bytes into article text: encodings, binary detection, mojibake repair."""

from __future__ import annotations

import codecs
from dataclasses import dataclass, field

import ftfy
from ftfy.badness import is_bad

MAX_ARTICLE_BYTES = 10_000_000
_CONTROL_OK = {"\t", "\n", "\r", "\f", "\v"}
_REPAIR_ONLY_ENCODING = ftfy.TextFixerConfig(
    unescape_html=False, remove_terminal_escapes=False, fix_latin_ligatures=False,
    fix_character_width=False, uncurl_quotes=False, fix_line_breaks=False,
    fix_surrogates=False, remove_control_chars=False, normalization=None,
)


class UnreadableInput(ValueError):
    """The bytes cannot be read as article text; the message says why."""


@dataclass
class DecodedText:
    text: str
    warnings: list[str] = field(default_factory=list)


def looks_binary(data: bytes) -> bool:
    sample = data[:8192]
    if b"\x00" in sample:
        return True
    controls = sum(1 for b in sample if b < 32 and chr(b) not in _CONTROL_OK)
    return bool(sample) and controls / len(sample) > 0.05


def decode_bytes(data: bytes) -> DecodedText:
    """Decode as UTF-8 (BOM-aware), else cp1252 with a warning; repair mojibake."""
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        try:
            return repair_mojibake(data.decode("utf-16"))
        except UnicodeDecodeError as error:
            raise UnreadableInput(f"invalid UTF-16 text ({error.reason})") from None
    if looks_binary(data):
        raise UnreadableInput("binary file, not text")
    try:
        return repair_mojibake(data.decode("utf-8-sig"))
    except UnicodeDecodeError:
        pass
    try:
        decoded = repair_mojibake(data.decode("cp1252"))
    except UnicodeDecodeError:
        raise UnreadableInput("not valid text in UTF-8 or cp1252") from None
    decoded.warnings.insert(0, "not valid UTF-8; decoded as cp1252")
    return decoded


def repair_mojibake(text: str) -> DecodedText:
    """Undo UTF-8-read-as-cp1252 damage; the repaired text is the one offsets index."""
    if not is_bad(text):
        return DecodedText(text)
    fixed = ftfy.fix_and_explain(text, config=_REPAIR_ONLY_ENCODING)
    if fixed.text == text:
        return DecodedText(text)
    steps = ", ".join(f"{action} {detail}" for action, detail in fixed.explanation or [])
    return DecodedText(fixed.text, [f"repaired mojibake ({steps}); {len(text) - len(fixed.text)} characters fewer"])
