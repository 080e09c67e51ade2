"""Exports: every table as Parquet, CSV or JSON Lines, and events in the GDELT 2.0 event table layout."""

from __future__ import annotations

import csv
import json
import os
from datetime import date
from pathlib import Path

import duckdb

from ..store.schema import TABLES

GDELT_FILE = "events.export.CSV"

ACTOR_FIELDS = ["Code", "Name", "CountryCode", "KnownGroupCode", "EthnicCode", "Religion1Code", "Religion2Code",
                "Type1Code", "Type2Code", "Type3Code"]
GEO_FIELDS = ["Type", "FullName", "CountryCode", "ADM1Code", "ADM2Code", "Lat", "Long", "FeatureID"]
GDELT_COLUMNS = [
    "GlobalEventID", "SQLDATE", "MonthYear", "Year", "FractionDate",
    *[f"Actor1{f}" for f in ACTOR_FIELDS], *[f"Actor2{f}" for f in ACTOR_FIELDS],
    "IsRootEvent", "EventCode", "EventBaseCode", "EventRootCode", "QuadClass", "GoldsteinScale", "NumMentions",
    "NumSources", "NumArticles", "AvgTone",
    *[f"Actor1Geo_{f}" for f in GEO_FIELDS], *[f"Actor2Geo_{f}" for f in GEO_FIELDS],
    *[f"ActionGeo_{f}" for f in GEO_FIELDS], "DATEADDED", "SOURCEURL",
]


class Staging:
    """Files written under temporary names and renamed into place only when every one is complete,
    so that a failed export (a full disk, an interrupt) leaves no partial file behind."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self.files: dict[Path, Path] = {}

    def path(self, name: str) -> Path:
        final = self.folder / name
        self.files[final] = self.folder / f".{name}.partial"
        return self.files[final]

    def __enter__(self) -> Staging:
        self.folder.mkdir(parents=True, exist_ok=True)
        return self

    def __exit__(self, error_type, *rest: object) -> None:
        if error_type is None:
            for final, partial in self.files.items():
                os.replace(partial, final)
            return
        for partial in self.files.values():
            partial.unlink(missing_ok=True)


def export_tables(connection: duckdb.DuckDBPyConnection, folder: Path, format: str) -> list[Path]:
    """Write every table to ``folder/<table>.<format>``; the Parquet files reopen with ``Corpus(folder)``."""
    with Staging(folder) as staging:
        for name in TABLES:
            path = staging.path(f"{name}.{format}")
            relation = connection.table(name)
            if format == "parquet":
                relation.write_parquet(str(path))
            elif format == "csv":
                relation.write_csv(str(path), header=True)
            else:
                write_jsonl(relation, path)
    return list(staging.files)


def write_jsonl(relation: duckdb.DuckDBPyRelation, path: Path) -> None:
    with path.open("w", encoding="utf-8") as handle:
        for batch in relation.to_arrow_reader(10_000):
            for row in batch.to_pylist():
                handle.write(json.dumps(row, ensure_ascii=False, default=str) + "\n")


def export_gdelt(connection: duckdb.DuckDBPyConnection, folder: Path) -> Path:
    """Event clusters as a GDELT 2.0 event file: tab-separated, no header, 61 columns in GDELT's order."""
    with Staging(folder) as staging:
        write_gdelt(connection, staging.path(GDELT_FILE))
    return folder / GDELT_FILE


def write_gdelt(connection: duckdb.DuckDBPyConnection, path: Path) -> None:
    query = connection.execute(
        "SELECT e.*, s.sector AS source_sector, t.sector AS target_sector FROM event_clusters AS e "
        "LEFT JOIN corpus_actors AS s ON s.corpus_actor_id = e.source_id "
        "LEFT JOIN corpus_actors AS t ON t.corpus_actor_id = e.target_id ORDER BY e.date NULLS LAST, e.cluster_id")
    names = [d[0] for d in query.description]
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle, delimiter="\t", lineterminator="\n")
        for values in query.fetchall():
            writer.writerow(gdelt_row(dict(zip(names, values))))


def gdelt_row(event: dict) -> list:
    """One GDELT event row; codes GDELT has and newsgraph does not (religion, ethnicity, tone) stay empty."""
    day: date | None = event["date"]
    cameo = event["cameo"] or ""
    row = {
        "GlobalEventID": event["cluster_id"],
        "SQLDATE": day.strftime("%Y%m%d") if day else "",
        "MonthYear": day.strftime("%Y%m") if day else "",
        "Year": day.year if day else "",
        "FractionDate": f"{day.year + (day.timetuple().tm_yday - 1) / 365:.4f}" if day else "",
        **actor_columns("Actor1", event["source_name"], event["source_country"], event["source_sector"]),
        **actor_columns("Actor2", event["target_name"], event["target_country"], event["target_sector"]),
        "IsRootEvent": int(bool(event["root_event"])),
        "EventCode": cameo, "EventBaseCode": cameo[:3], "EventRootCode": cameo[:2],
        "QuadClass": event["quad_class"] if event["quad_class"] is not None else "",
        "GoldsteinScale": event["goldstein"] if event["goldstein"] is not None else "",
        "NumMentions": event["num_mentions"], "NumSources": event["num_sources"],
        "NumArticles": event["num_articles"],
        **action_geo(event),
        "DATEADDED": day.strftime("%Y%m%d000000") if day else "",
        "SOURCEURL": event["source_url"] or event["first_article_id"],
    }
    return [row.get(column, "") for column in GDELT_COLUMNS]


def actor_columns(prefix: str, name: str | None, country: str | None, sector: str | None) -> dict:
    if not name:
        return {}
    return {f"{prefix}Code": (country or "") + (sector or ""), f"{prefix}Name": name.upper(),
            f"{prefix}CountryCode": country or "", f"{prefix}Type1Code": sector or ""}


def action_geo(event: dict) -> dict:
    if not event["place_name"] and not event["place_country"]:
        return {}
    is_country = event["latitude"] is None
    return {"ActionGeo_Type": 1 if is_country else 4, "ActionGeo_FullName": event["place_name"] or "",
            "ActionGeo_CountryCode": event["place_country"] or "",
            "ActionGeo_Lat": "" if event["latitude"] is None else event["latitude"],
            "ActionGeo_Long": "" if event["longitude"] is None else event["longitude"]}
