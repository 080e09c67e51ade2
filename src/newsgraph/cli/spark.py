"""``newsgraph spark-ingest``: the corpus built on Spark, into a folder that every question opens with --db."""

from __future__ import annotations

from typing import Annotated, Optional

import typer

from ..ingest import Columns
from ..nlp import ModelNotFound
from ..spark import SparkUnavailable, spark_ingest
from .analyze import DateField, IdField, ModelOption, SourceField, TextField, TitleField, UrlField
from .common import EXIT_ERROR, fail, warn
from .corpus import print_summary


def spark_ingest_command(
    inputs: Annotated[list[str], typer.Argument(help="Files, folders or globs Spark can list: local, hdfs://, s3a://.")],
    out: Annotated[str, typer.Option("--out", help="The output folder of Parquet tables (local, hdfs://, s3a://).")],
    master: Annotated[Optional[str], typer.Option(
        "--master", help="Spark master, e.g. local[2] (default: the session of spark-submit, else local[*]).")] = None,
    model: ModelOption = None,
    text_col: TextField = "text", title_col: TitleField = "title", id_col: IdField = "id",
    date_col: DateField = "date", source_col: SourceField = "source", url_col: UrlField = "url",
) -> None:
    """Analyse and link a corpus on Spark; resumable: run it again after a failure, and only new articles are added."""
    columns = Columns(text_col, title_col, id_col, date_col, source_col, url_col)
    try:
        summary = spark_ingest(inputs, out, master=master, model=model, columns=columns, on_stage=warn)
    except (SparkUnavailable, ModelNotFound) as error:
        fail(str(error), EXIT_ERROR)
    print_summary(summary, out)
    if summary.skipped and not (summary.added or summary.present):
        raise SystemExit(EXIT_ERROR)
