"""Exports: every table in each format, and events in the GDELT 2.0 event layout."""

from __future__ import annotations

import csv
import json

import pyarrow.parquet as pq
import pytest
from corpus_records import linked_store
from typer.testing import CliRunner

from newsgraph.cli import app
from newsgraph.corpus.export import GDELT_COLUMNS, GDELT_FILE
from newsgraph.store import TABLES, Store


@pytest.fixture(scope="module")
def store_path(tmp_path_factory):
    return linked_store(tmp_path_factory.mktemp("export") / "newsgraph.duckdb")


def table_sizes(store_path):
    with Store(store_path, read_only=True) as store:
        return {t: store.connection.execute(f"SELECT count(*) FROM {t}").fetchone()[0] for t in TABLES}


def export(store_path, out, format):
    result = CliRunner().invoke(app, ["export", "--format", format, "--out", str(out), "--db", str(store_path)])
    assert result.exit_code == 0, result.output
    return result.output


@pytest.mark.parametrize("format", ["parquet", "csv", "jsonl"])
def test_every_table_is_exported_with_all_its_rows(store_path, tmp_path, format):
    assert f"wrote {len(TABLES)} files" in export(store_path, tmp_path, format)
    for table, size in table_sizes(store_path).items():
        path = tmp_path / f"{table}.{format}"
        if format == "parquet":
            assert pq.read_table(path).num_rows == size, table
        elif format == "csv":
            with path.open(newline="", encoding="utf-8") as handle:
                assert len(list(csv.DictReader(handle))) == size, table
        else:
            lines = path.read_text(encoding="utf-8").splitlines()
            assert len(lines) == size and all(isinstance(json.loads(line), dict) for line in lines), table


def test_parquet_columns_are_the_store_columns(store_path, tmp_path):
    export(store_path, tmp_path, "parquet")
    with Store(store_path, read_only=True) as store:
        for table in TABLES:
            assert pq.read_schema(tmp_path / f"{table}.parquet").names == store.table(table).column_names


def test_gdelt_export_has_the_61_event_columns(store_path, tmp_path):
    export(store_path, tmp_path, "gdelt")
    with (tmp_path / GDELT_FILE).open(newline="", encoding="utf-8") as handle:
        rows = [dict(zip(GDELT_COLUMNS, row)) for row in csv.reader(handle, delimiter="\t")]
    assert len(GDELT_COLUMNS) == 61 and len(rows) == table_sizes(store_path)["event_clusters"]
    first = rows[0]
    assert (first["SQLDATE"], first["MonthYear"], first["Year"]) == ("20250109", "202501", "2025")
    assert (first["Actor1Name"], first["Actor1Type1Code"], first["Actor2Code"]) == ("NATO", "IGO", "RUSGOV")
    assert (first["EventCode"], first["EventBaseCode"], first["EventRootCode"]) == ("112", "112", "11")
    assert (first["QuadClass"], first["GoldsteinScale"]) == ("3", "-4.0")
    assert (first["NumMentions"], first["NumArticles"], first["NumSources"]) == ("2", "1", "2")
    assert (first["ActionGeo_FullName"], first["ActionGeo_Lat"]) == ("Baltic Sea", "58.0")
    assert first["SOURCEURL"] == "https://example.org/meridian-wire/accuse"


def test_an_export_to_an_unwritable_place_fails_cleanly(store_path):
    result = CliRunner().invoke(app, ["export", "--format", "csv", "--out", "/proc/newsgraph-export",
                                      "--db", str(store_path)])
    assert result.exit_code == 1
    assert "cannot write to /proc/newsgraph-export" in result.output
