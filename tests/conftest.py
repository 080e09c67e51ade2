"""Shared fixtures: one spaCy pipeline per test session, and the path to ../shared."""

from __future__ import annotations

from pathlib import Path

import pytest

from newsgraph.ingest import make_article
from newsgraph.pipeline import Pipeline

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
SEED = SHARED / "seeds" / "000_cd5ff3ffd53ef1c3.txt"


@pytest.fixture(scope="session")
def pipeline() -> Pipeline:
    return Pipeline()


@pytest.fixture(scope="session")
def analyze_text(pipeline):
    """Analyse a small hand-written text: ``analyze_text(text, date=...)``."""
    def run(text: str, **fields):
        return pipeline.analyze(make_article(text, **fields))
    return run


@pytest.fixture(scope="session")
def shared() -> Path:
    if not SHARED.is_dir():
        pytest.skip(f"../shared is absent ({SHARED}): evaluation data not available")
    return SHARED


@pytest.fixture(scope="session")
def seed_analysis(pipeline, shared):
    from newsgraph.ingest import read_inputs
    [article] = list(read_inputs([str(SEED)]))
    return pipeline.analyze(article)
