"""The web tests' store: the bundled samples, two hand-written articles and (when ../shared is there) the seed.

The hand-written articles (invented people) add what the samples lack: an article id with slashes,
an undated article whose events between states have no date, and two people sharing a surname.
"""

from __future__ import annotations

from importlib import resources
from pathlib import Path

import pytest

from newsgraph.corpus import link_corpus, stored_rows
from newsgraph.ingest import read_inputs
from newsgraph.store import Store, merge_rows

HERE = Path(__file__).parent
EXTRA = HERE / "browser" / "articles.jsonl"
SEED = HERE.parent.parent / "shared" / "seeds" / "000_cd5ff3ffd53ef1c3.txt"


def build_web_store(path: Path, pipeline) -> Path:
    samples = resources.files("newsgraph.samples").joinpath("articles.jsonl")
    with resources.as_file(samples) as sample_path:
        inputs = [str(sample_path), str(EXTRA)] + ([str(SEED)] if SEED.is_file() else [])
        articles = [item for item in read_inputs(inputs) if not isinstance(item, Exception)]
    with Store(path) as store:
        store.add_articles(merge_rows(stored_rows(a) for a in pipeline.analyze_many(articles)))
        link_corpus(store)
    return path


@pytest.fixture(scope="session")
def web_store(tmp_path_factory, pipeline) -> Path:
    return build_web_store(tmp_path_factory.mktemp("web") / "newsgraph.duckdb", pipeline)
