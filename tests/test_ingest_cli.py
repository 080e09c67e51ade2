"""`newsgraph ingest` and the question commands, end to end with the real pipeline on the bundled samples."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
from pathlib import Path

import networkx as nx
import pytest
from typer.testing import CliRunner

from newsgraph.cli import app
from newsgraph.store import TABLES, Store

SAMPLES = Path(__file__).resolve().parent.parent / "src" / "newsgraph" / "samples" / "articles.jsonl"
NEWSGRAPH = [sys.executable, "-c", "from newsgraph.cli import main; main()"]


def run(*args: str):
    return CliRunner().invoke(app, [str(a) for a in args])


def table_contents(path: Path) -> dict[str, list[tuple]]:
    """Every table's rows in a fixed order, for comparing two stores."""
    with Store(path, read_only=True) as store:
        return {t: sorted(store.connection.execute(f"SELECT * FROM {t}").fetchall(), key=repr) for t in TABLES}


def sample_lines(count: int, folder: Path) -> Path:
    path = folder / "some.jsonl"
    path.write_text("".join(SAMPLES.read_text(encoding="utf-8").splitlines(keepends=True)[:count]), encoding="utf-8")
    return path


@pytest.fixture(scope="module")
def store(tmp_path_factory, pipeline):
    path = tmp_path_factory.mktemp("ingest") / "newsgraph.duckdb"
    result = run("ingest", SAMPLES, "--db", path, "--workers", 1)
    assert result.exit_code == 0, result.output
    assert "added 41 articles" in result.output and "stored 41 of 41 articles" in result.output
    return path


def test_re_ingesting_adds_nothing(store):
    before = table_contents(store)
    result = run("ingest", SAMPLES, "--db", store)
    assert result.exit_code == 0, result.output
    assert "added 0 articles" in result.output and "already present: 41" in result.output
    assert table_contents(store) == before


def ingest_command(path: Path) -> list[str]:
    return [*NEWSGRAPH, "ingest", str(SAMPLES), "--db", str(path), "--workers", "1"]


def test_a_run_killed_midway_resumes_to_the_same_store(tmp_path):
    path = tmp_path / "killed.duckdb"
    command = ingest_command(path)
    process = subprocess.Popen(command, stderr=subprocess.PIPE, stdout=subprocess.DEVNULL, text=True,
                               start_new_session=True)
    line = process.stderr.readline()
    assert "stored" in line and "of 41 articles" in line, line
    assert process.poll() is None, "the run ended before it could be killed"
    os.killpg(process.pid, signal.SIGKILL)
    process.wait()
    stored = int(line.split()[2])
    assert 0 < stored < 41
    resumed = subprocess.run(command, capture_output=True, text=True, timeout=600)
    assert resumed.returncode == 0, resumed.stderr
    assert f"added {41 - stored} articles" in resumed.stdout and f"already present: {stored}" in resumed.stdout
    uninterrupted = subprocess.run(ingest_command(tmp_path / "whole.duckdb"), capture_output=True, timeout=600)
    assert uninterrupted.returncode == 0
    assert table_contents(path) == table_contents(tmp_path / "whole.duckdb")


def test_two_workers_store_the_same_rows_as_one(tmp_path):
    inputs = sample_lines(12, tmp_path)
    stores = {}
    for workers in (1, 2):
        stores[workers] = tmp_path / f"w{workers}.duckdb"
        result = run("ingest", inputs, "--db", stores[workers], "--workers", workers)
        assert result.exit_code == 0, result.output
        assert "peak memory per worker" in result.output
    assert table_contents(stores[1]) == table_contents(stores[2])


def test_reanalyze_replaces_the_stored_rows(tmp_path, pipeline):
    path = tmp_path / "s.duckdb"
    assert run("ingest", sample_lines(3, tmp_path), "--db", path, "--workers", 1).exit_code == 0
    before = table_contents(path)
    result = run("ingest", "--reanalyze", "--db", path, "--workers", 1)
    assert result.exit_code == 0, result.output
    assert "re-analysed 3 stored articles" in result.output
    assert table_contents(path) == before


def test_unreadable_inputs_are_summarised_and_recorded(tmp_path):
    path = tmp_path / "s.duckdb"
    (tmp_path / "empty.txt").write_text("")
    result = run("ingest", tmp_path / "absent.txt", tmp_path / "empty.txt", "--db", path)
    assert result.exit_code == 1
    assert "skipped: 2" in result.output and "1 × no such file or directory" in result.output
    assert run("stats", "--db", path).output.count("skipped inputs") == 1


def test_a_file_that_is_not_a_store_is_left_untouched(tmp_path):
    notes = tmp_path / "notes.duckdb"
    notes.write_text("not a database")
    result = run("ingest", SAMPLES, "--db", notes)
    assert result.exit_code == 1
    assert "not a newsgraph store (not a DuckDB database)" in result.output
    assert notes.read_text() == "not a database"


def test_an_unknown_actor_names_close_matches(store):
    result = run("relations", "Narnia", "RUS", "--db", store)
    assert result.exit_code == 2
    assert "no actor matches 'Narnia'" in result.output and "close matches:" in result.output
    assert "Traceback" not in result.output


def test_questions_without_a_store_or_with_bad_values(tmp_path, store):
    result = run("stats", "--db", tmp_path / "absent.duckdb")
    assert result.exit_code == 1 and "no store at" in result.output
    assert not (tmp_path / "absent.duckdb").exists()
    result = run("quotes", "--since", "yesterday", "--db", store)
    assert result.exit_code == 2 and "--since expects a date like 2024-03-01" in result.output
    result = run("speakers", "--json", "--csv", "--db", store)
    assert result.exit_code == 2 and "not both" in result.output


def test_relations_as_json_csv_and_a_plot(store, tmp_path):
    as_json = json.loads(run("relations", "NATO", "RUS", "--json", "--db", store).stdout)
    assert {row["direction"] for row in as_json} == {"NATO → RUS", "RUS → NATO"}
    assert sum(row["events"] for row in as_json) > 0
    as_csv = run("relations", "NATO", "Russia", "--by", "quarter", "--csv", "--db", store).stdout.splitlines()
    assert as_csv[0].startswith("period,direction,events,verbal_cooperation")
    plot = tmp_path / "nato-rus.png"
    result = run("relations", "NATO", "RUS", "--plot", plot, "--db", store)
    assert result.exit_code == 0 and plot.read_bytes().startswith(b"\x89PNG")


def test_speakers_quotes_actors_and_actor(store):
    speakers = json.loads(run("speakers", "--top", 3, "--json", "--db", store).stdout)
    assert len(speakers) == 3 and speakers[0]["quotes"] >= speakers[-1]["quotes"]
    quotes = json.loads(run("quotes", "--search", "the", "--since", "2025-03-01", "--json", "--db", store).stdout)
    assert quotes and all(str(q["first_date"]) >= "2025-03-01" or q["articles"] > 1 for q in quotes)
    actors = json.loads(run("actors", "--country", "RUS", "--json", "--db", store).stdout)
    assert actors and all(a["country"] == "RUS" for a in actors)
    profile = json.loads(run("actor", "NATO", "--json", "--db", store).stdout)
    assert set(profile) == {"actor", "roles", "quotations", "events", "counterparts"}
    assert profile["actor"][0]["name"] == "NATO" and profile["counterparts"]


def test_network_graphml_and_json(store, tmp_path):
    result = run("network", "--out", tmp_path / "net.graphml", "--db", store)
    assert result.exit_code == 0, result.output
    graph = nx.read_graphml(tmp_path / "net.graphml")
    assert graph.number_of_edges() > 0 and all("weight" in data for *_, data in graph.edges(data=True))
    assert run("network", "--out", tmp_path / "net.json", "--db", store).exit_code == 0
    assert json.loads((tmp_path / "net.json").read_text())["edges"]
    assert run("network", "--out", tmp_path / "net.txt", "--db", store).exit_code == 2


def test_the_demo_prints_a_corpus_report(tmp_path, pipeline):
    result = run("demo", "--db", tmp_path / "demo.duckdb")
    assert result.exit_code == 0, result.output
    for heading in ("added 41 articles", "Top speakers", "Top quotation clusters", "Relations", "by month"):
        assert heading in result.output


def test_oversized_numbers_are_usage_errors(store):
    for args in (["speakers", "--top", "99999999999999999999999"], ["quotes", "--limit", "99999999999999999999999"]):
        result = run(*args, "--db", store)
        assert result.exit_code == 2 and "Traceback" not in result.output, result.output


def test_a_failed_export_leaves_no_partial_files(store, tmp_path, monkeypatch):
    from newsgraph.corpus import export

    written = []

    def failing_jsonl(relation, path):
        if written:
            raise OSError(28, "No space left on device")
        written.append(path)
        path.write_text("{}\n")
    monkeypatch.setattr(export, "write_jsonl", failing_jsonl)
    result = run("export", "--format", "jsonl", "--out", tmp_path / "out", "--db", store)
    assert result.exit_code == 1 and "No space left on device; no file was written" in result.output
    assert list((tmp_path / "out").iterdir()) == []


def test_ingest_names_each_skipped_input_exits_1_and_errors_lists_them(tmp_path):
    path = tmp_path / "s.duckdb"
    (tmp_path / "huge.txt").write_text("Huge\n\n" + "Officials said the talks went well. " * 200)
    result = run("ingest", sample_lines(2, tmp_path), tmp_path / "huge.txt", tmp_path / "absent.txt", "--db", path,
                 "--workers", 1, "--max-characters", 5000)
    assert result.exit_code == 1
    assert f"skipped {tmp_path / 'huge.txt'}: too large: 7,206 characters (the limit is 5,000" in result.output
    assert f"skipped {tmp_path / 'absent.txt'}: no such file or directory" in result.output
    assert "added 2 articles" in result.output
    listed = json.loads(run("errors", "--db", path, "--json").stdout)
    assert {row["source"] for row in listed} == {str(tmp_path / "huge.txt"), str(tmp_path / "absent.txt")}


def test_ctrl_c_inside_a_query_gives_one_line(store, monkeypatch):
    from newsgraph.corpus.queries import Corpus

    def interrupted_query(self):
        raise RuntimeError("Query interrupted")  # what DuckDB raises when Ctrl-C lands inside a statement
    monkeypatch.setattr(Corpus, "stats", interrupted_query)
    result = run("stats", "--db", store)
    assert result.exit_code == 1 and result.output.strip() == "newsgraph: interrupted"
