"""The store's tables as Spark DataFrames: one schema definition (``store.schema``) serves here too."""

from __future__ import annotations

from pyspark.sql import DataFrame, SparkSession
from pyspark.sql import types as T

from ..store.schema import column_names, columns

DAY = "day"  # the partition column of the article tables: the article's date, or "unknown"
UNKNOWN_DAY = "unknown"

SPARK_TYPES = {
    "VARCHAR": T.StringType(), "INTEGER": T.IntegerType(), "BIGINT": T.LongType(), "DOUBLE": T.DoubleType(),
    "BOOLEAN": T.BooleanType(), "DATE": T.DateType(), "VARCHAR[]": T.ArrayType(T.StringType()),
    "UINTEGER[]": T.ArrayType(T.LongType()),  # Spark reads unsigned 32-bit integers as 64-bit
}


def spark_schema(table: str) -> T.StructType:
    return T.StructType([T.StructField(name, SPARK_TYPES[kind]) for name, kind in columns(table)])


def day_of(date: str | None) -> str:
    """The partition of an article: its ISO date's day, else UNKNOWN_DAY."""
    if date and len(date) >= 10 and date[4] == "-" and date[7] == "-" and date[:4].isdigit():
        return date[:10]
    return UNKNOWN_DAY


def read_table(spark: SparkSession, path: str, table: str, exists: bool) -> DataFrame:
    """A stored table, without its partition column; empty when nothing was written yet."""
    if not exists:
        return spark.createDataFrame([], spark_schema(table))
    return spark.read.schema(spark_schema(table)).parquet(path).select(*column_names(table))
