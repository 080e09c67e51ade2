"""`newsgraph analyze`: formats, exit codes and one-line messages for every kind of bad input."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from newsgraph.cli import app

ARTICLE = ("Ministers agree new border deal\n\n"
           "Officials from both countries met in Vienna on Tuesday to sign the agreement.\n")


@pytest.fixture(scope="module")
def runner() -> CliRunner:
    return CliRunner()


def run(runner: CliRunner, *args: str, input: bytes | None = None):
    return runner.invoke(app, ["analyze", *args], input=input)


@pytest.fixture
def good(tmp_path: Path) -> Path:
    path = tmp_path / "good.txt"
    path.write_text(ARTICLE, encoding="utf-8")
    return path


def records(output: str) -> list[dict]:
    return [json.loads(line) for line in output.splitlines() if line.strip()]


def test_jsonl_record_carries_path_and_stable_id(runner, good):
    first = run(runner, str(good), "--format", "jsonl")
    second = run(runner, str(good), "--format", "jsonl")
    assert first.exit_code == 0, first.output
    [record] = records(first.stdout)
    assert record["path"] == str(good)
    assert record["article"]["title"] == "Ministers agree new border deal"
    assert record["id"] == records(second.stdout)[0]["id"]


def test_json_is_one_object_for_one_article_and_an_array_for_two(runner, good, tmp_path):
    other = tmp_path / "other.txt"
    other.write_text("Second story\n\nIt rained in Oslo on Monday.\n", encoding="utf-8")
    one = run(runner, str(good), "--format", "json")
    two = run(runner, str(good), str(other), "--format", "json")
    assert isinstance(json.loads(one.stdout), dict)
    assert [r["path"] for r in json.loads(two.stdout)] == [str(good), str(other)]


def test_piped_output_defaults_to_jsonl(runner, good):
    result = run(runner, str(good))
    assert len(records(result.stdout)) == 1


def test_table_report_shows_headline(runner, good):
    result = run(runner, str(good), "--format", "table")
    assert result.exit_code == 0
    assert "Ministers agree new border deal" in result.stdout
    assert "Layout:" in result.stdout


def test_stdin(runner):
    result = run(runner, "-", "--format", "jsonl", input=ARTICLE.encode())
    assert result.exit_code == 0
    [record] = records(result.stdout)
    assert record["path"] is None and record["article"]["title"].startswith("Ministers")


def test_jsonl_records_keep_their_own_ids_and_metadata(runner, tmp_path):
    path = tmp_path / "feed.jsonl"
    lines = [json.dumps({"id": f"r{i}", "text": ARTICLE, "source": "Wire", "desk": "world"}) for i in range(3)]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    result = run(runner, str(path), "--format", "jsonl")
    out = records(result.stdout)
    assert [r["id"] for r in out] == ["r0", "r1", "r2"]
    assert out[0]["article"]["metadata"] == {"desk": "world"}
    assert out[0]["article"]["source"] == "Wire"


def test_csv_with_custom_text_column(runner, tmp_path):
    path = tmp_path / "feed.csv"
    path.write_text('key,body,headline\nk1,"' + ARTICLE.replace('"', '""') + '",Deal\n', encoding="utf-8")
    result = run(runner, str(path), "--text-col", "body", "--id-col", "key", "--title-col", "headline")
    [record] = records(result.stdout)
    assert (record["id"], record["article"]["title"]) == ("k1", "Deal")


def test_parquet(runner, tmp_path):
    import pyarrow as pa
    import pyarrow.parquet as pq

    path = tmp_path / "feed.parquet"
    pq.write_table(pa.table({"id": ["p1", "p2"], "text": [ARTICLE, ARTICLE], "date": ["2025-03-01", None]}), path)
    result = run(runner, str(path))
    out = records(result.stdout)
    assert [(r["id"], r["article"]["date"]) for r in out] == [("p1", "2025-03-01"), ("p2", None)]


def test_html_page(runner, tmp_path):
    path = tmp_path / "page.html"
    body = "".join(f"<p>Paragraph {i} says the talks in Geneva went well for everyone involved.</p>" for i in range(6))
    path.write_text(f"<html><head><title>Talks go well</title></head><body><article><h1>Talks go well</h1>"
                    f"{body}</article></body></html>", encoding="utf-8")
    result = run(runner, str(path))
    [record] = records(result.stdout)
    assert record["article"]["title"] == "Talks go well"
    assert "Paragraph 5" in record["article"]["text"]


def test_folder_is_read_recursively(runner, tmp_path, good):
    nested = tmp_path / "a" / "b"
    nested.mkdir(parents=True)
    (nested / "deep.txt").write_text(ARTICLE, encoding="utf-8")
    (tmp_path / "notes.bin").write_bytes(b"\x00\x01")
    result = run(runner, str(tmp_path))
    assert result.exit_code == 0
    assert sorted(Path(r["path"]).name for r in records(result.stdout)) == ["deep.txt", "good.txt"]


def test_cp1252_file_is_decoded_with_a_warning(runner, tmp_path):
    path = tmp_path / "latin.txt"
    path.write_bytes("Caf\u00e9 talks\n\nThe minister said the caf\u00e9 was closed \u2013 for now.\n".encode("cp1252"))
    result = run(runner, str(path))
    assert result.exit_code == 0
    assert records(result.stdout)[0]["article"]["text"].startswith("Café talks")
    assert "decoded as cp1252" in result.stderr


BAD_INPUTS = {
    "missing": (None, "no such file or directory"),
    "empty.txt": (b"", "empty file"),
    "binary.dat.txt": (bytes(range(256)) * 40, "binary file"),
    "undecodable.txt": (b"caf\xc3 \x81\x8d\x90 text " * 20, "not valid text in UTF-8 or cp1252"),
    "nobody.html": (b"<html><head><title>x</title></head><body><nav>menu</nav></body></html>",
                    "HTML page has no article body"),
}


@pytest.mark.parametrize("name", sorted(BAD_INPUTS))
def test_bad_input_is_skipped_with_a_message_and_the_run_goes_on(runner, tmp_path, good, name):
    content, reason = BAD_INPUTS[name]
    bad = tmp_path / name
    if content is not None:
        bad.write_bytes(content)
    result = run(runner, str(bad), str(good))
    assert result.exit_code == 1
    assert f"newsgraph: skipped {bad}: {reason}" in result.stderr
    assert [r["path"] for r in records(result.stdout)] == [str(good)]


def test_huge_file_is_refused_without_reading_it(runner, tmp_path, good):
    huge = tmp_path / "huge.txt"
    with huge.open("wb") as handle:
        handle.truncate(50_000_000)
    result = run(runner, str(huge), str(good))
    assert result.exit_code == 1
    assert f"skipped {huge}: file too large for one article (50.0 MB" in result.stderr
    assert len(records(result.stdout)) == 1


def test_folder_without_articles(runner, tmp_path):
    (tmp_path / "image.png").write_bytes(b"\x89PNG")
    result = run(runner, str(tmp_path))
    assert result.exit_code == 1
    assert f"skipped {tmp_path}: no readable articles in this directory" in result.stderr


def test_invalid_json_on_line_7_of_jsonl(runner, tmp_path):
    path = tmp_path / "feed.jsonl"
    lines = [json.dumps({"id": f"r{i}", "text": ARTICLE}) for i in range(1, 10)]
    lines[6] = '{"id": "r7", "text": "broken'
    path.write_text("\n".join(lines), encoding="utf-8")
    result = run(runner, str(path))
    assert result.exit_code == 1
    assert f"skipped {path}: line 7: invalid JSON" in result.stderr
    assert [r["id"] for r in records(result.stdout)] == [f"r{i}" for i in (1, 2, 3, 4, 5, 6, 8, 9)]


def test_usage_error_exits_2(runner):
    result = runner.invoke(app, ["analyze", "x.txt", "--format", "yaml"])
    assert result.exit_code == 2


def test_no_traceback_reaches_the_user(tmp_path):
    """A real process: unreadable input gives one line on stderr and exit 1, no traceback."""
    missing = tmp_path / "missing.txt"
    done = subprocess.run([sys.executable, "-m", "newsgraph", "analyze", str(missing)],
                          capture_output=True, text=True, timeout=300)
    assert done.returncode == 1
    assert done.stderr.strip() == f"newsgraph: skipped {missing}: no such file or directory"
    assert "Traceback" not in done.stderr


def test_unknown_model_is_a_clear_error(runner, good):
    result = run(runner, str(good), "--model", "no_such_pipeline_xyz")
    assert result.exit_code == 1
    assert "spaCy model 'no_such_pipeline_xyz' is not installed" in result.stderr
