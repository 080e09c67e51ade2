"""Near-duplicate articles (syndicated copies, updated versions) by word shingles and MinHash."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
from datasketch import LeanMinHash, MinHash, MinHashLSH

NUM_PERM = 128
SEED = 1
SHINGLE_WORDS = 5
# Unrelated articles share almost no five-word sequences; a syndicated copy with a new intro, house style
# and a trimmed ending keeps about 0.6 of them (Jaccard); an update reporting a new turn keeps about half.
THRESHOLD = 0.55
# LSH finds candidates only probably; asking it for looser ones lets the exact check decide near the line.
CANDIDATE_THRESHOLD = 0.4

_TEMPLATE = MinHash(num_perm=NUM_PERM, seed=SEED)


def shingles(text: str) -> set[bytes]:
    words = re.findall(r"\w+", text.casefold())
    if len(words) < SHINGLE_WORDS:
        return {" ".join(words).encode("utf-8")}
    return {" ".join(words[i:i + SHINGLE_WORDS]).encode("utf-8") for i in range(len(words) - SHINGLE_WORDS + 1)}


def signature(text: str) -> list[int]:
    """The MinHash signature of an article's text over its five-word shingles."""
    minhash = MinHash(num_perm=NUM_PERM, seed=SEED, permutations=_TEMPLATE.permutations,
                      scheme=_TEMPLATE.scheme)
    minhash.update_batch(list(shingles(text)))
    return minhash.hashvalues.tolist()


def minhash_of(values: Sequence[int]) -> LeanMinHash:
    """A stored signature as a MinHash that estimates Jaccard similarity."""
    return LeanMinHash(seed=SEED, hashvalues=np.asarray(values, dtype=np.uint32), scheme=_TEMPLATE.scheme)


def lsh_bands() -> list[tuple[int, int]]:
    """The signature slices that ``near_duplicates`` indexes: two articles are candidates when one is equal."""
    return MinHashLSH(threshold=CANDIDATE_THRESHOLD, num_perm=NUM_PERM).hashranges


@dataclass(frozen=True)
class Duplicate:
    article_id: str
    duplicate_of: str
    similarity: float


def near_duplicates(articles: Sequence[tuple[str, Sequence[int]]]) -> list[Duplicate]:
    """Each article whose text nearly equals an earlier one's, linked to the first of its group.

    ``articles`` are (article_id, signature) in canonical order: the first of a group is the one kept.
    """
    sketches = [minhash_of(values) for _, values in articles]
    index = MinHashLSH(threshold=CANDIDATE_THRESHOLD, num_perm=NUM_PERM)
    found = []
    for position, ((article_id, _), sketch) in enumerate(zip(articles, sketches)):
        similar = sorted(p for p in index.query(sketch) if sketches[p].jaccard(sketch) >= THRESHOLD)
        if similar:
            original = similar[0]
            found.append(Duplicate(article_id, articles[original][0], round(sketches[original].jaccard(sketch), 4)))
        else:
            index.insert(position, sketch)
    return found
