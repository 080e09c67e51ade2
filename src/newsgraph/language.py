"""Telling English articles from others, so English-only stages can step aside."""

from __future__ import annotations

import json
import re
import unicodedata
from functools import lru_cache
from importlib import resources

_WORD = re.compile(r"[^\W\d_]+", re.UNICODE)
SCRIPT_LANGUAGES = {"CYRILLIC": "ru", "ARABIC": "ar", "HEBREW": "he", "CJK": "zh", "HIRAGANA": "ja",
                    "KATAKANA": "ja", "HANGUL": "ko", "GREEK": "el", "DEVANAGARI": "hi", "THAI": "th"}
MIN_WORDS = 12


@lru_cache(maxsize=1)
def function_words() -> dict[str, frozenset[str]]:
    data = json.loads(resources.files("newsgraph.data").joinpath("languages.json").read_text("utf-8"))
    return {lang: frozenset(words) for lang, words in data.items() if not lang.startswith("_")}


def detect_language(text: str, sample_chars: int = 20_000) -> str:
    """ISO 639-1 code of the text's language; 'en' when too short to tell."""
    words = _WORD.findall(text[:sample_chars].lower())
    if len(words) < MIN_WORDS:
        return "en"
    latin = [w for w in words if w.isascii() or unicodedata.name(w[0], "").startswith("LATIN")]
    if len(latin) < len(words) / 2:
        return script_language(words)
    counts = {lang: sum(w in vocab for w in latin) for lang, vocab in function_words().items()}
    best = max(counts, key=counts.get)
    if counts["en"] >= 0.6 * counts[best] and counts["en"] >= 0.05 * len(latin):
        return "en"
    return best if counts[best] >= 0.05 * len(latin) else "und"


def script_language(words: list[str]) -> str:
    scripts: dict[str, int] = {}
    for word in words[:500]:
        name = unicodedata.name(word[0], "")
        for script, lang in SCRIPT_LANGUAGES.items():
            if name.startswith(script):
                scripts[lang] = scripts.get(lang, 0) + 1
    return max(scripts, key=scripts.get) if scripts else "und"
