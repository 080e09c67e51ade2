"""The output folder of a Spark run, on any file system Hadoop knows (local, HDFS, S3).

Each table is a folder of Parquet files (article tables in ``day=YYYY-MM-DD`` partitions). A run writes its
article tables under ``_staging/<run>/`` and marks them complete; only then are its files moved into the
tables, the ``articles`` table last. A run that was killed before its mark is dropped; one killed while
moving is finished by the next run. So the articles table names exactly the articles whose rows are whole.
"""

from __future__ import annotations

from collections.abc import Iterator

from pyspark.sql import SparkSession

STAGING = "_staging"
COMPLETE = "_COMPLETE"


class OutputFolder:
    def __init__(self, spark: SparkSession, root: str) -> None:
        jvm = spark.sparkContext._jvm  # type: ignore[attr-defined]
        self.Path = jvm.org.apache.hadoop.fs.Path
        self.root = root.rstrip("/")
        self.fs = self.Path(self.root).getFileSystem(spark.sparkContext._jsc.hadoopConfiguration())  # type: ignore[attr-defined]

    def path(self, *parts: str) -> str:
        return "/".join([self.root, *parts])

    def qualified(self, path: str) -> str:
        """The full URI of a path (``file:/abs/out`` for ``out``), as the executors must be given it."""
        return self.fs.makeQualified(self.Path(path)).toString()

    def exists(self, path: str) -> bool:
        return bool(self.fs.exists(self.Path(path)))

    def has_files(self, path: str) -> bool:
        return self.exists(path) and any(self.files(path))

    def files(self, path: str) -> Iterator[str]:
        listing = self.fs.listFiles(self.Path(path), True)
        while listing.hasNext():
            name = listing.next().getPath().toString()
            if name.endswith(".parquet"):
                yield name

    def table_files(self, table: str) -> list[str]:
        """The Parquet files of one table (none when nothing was written to it yet)."""
        path = self.path(table)
        return list(self.files(path)) if self.exists(path) else []

    def children(self, path: str) -> list[str]:
        if not self.exists(path):
            return []
        return [status.getPath().getName() for status in self.fs.listStatus(self.Path(path))]

    def delete(self, path: str) -> None:
        self.fs.delete(self.Path(path), True)

    def mark(self, path: str) -> None:
        self.fs.create(self.Path(path), True).close()

    def staging(self, run: str, *parts: str) -> str:
        return self.path(STAGING, run, *parts)

    def recover(self, tables: list[str]) -> None:
        """Finish moving the runs that were marked complete; drop those that were not."""
        for run in self.children(self.path(STAGING)):
            if self.exists(self.staging(run, COMPLETE)):
                self.publish(run, tables)
            else:
                self.delete(self.staging(run))
        self.delete(self.path(STAGING))

    def publish(self, run: str, tables: list[str]) -> None:
        """Move a complete run's files into the tables, ``articles`` last, then forget the run."""
        for table in sorted(tables, key=lambda t: t == "articles"):
            self.move_table(run, table)
        self.delete(self.staging(run))
        if not self.children(self.path(STAGING)):
            self.delete(self.path(STAGING))

    def move_table(self, run: str, table: str) -> None:
        """Move the files of one table that a run staged (those still there) into the table."""
        source = self.staging(run, table)
        if not self.exists(source):
            return
        base = self.qualified(source)
        for name in list(self.files(source)):
            target = self.Path(self.path(table, name[len(base):].lstrip("/")))
            self.fs.mkdirs(target.getParent())
            self.fs.rename(self.Path(name), target)

    def replace(self, table: str, written: str) -> None:
        """Put a freshly written derived table (an empty one when no rows were written) in place of the old one."""
        self.fs.mkdirs(self.Path(written))
        self.delete(self.path(table))
        self.fs.mkdirs(self.Path(self.path(table)).getParent())
        self.fs.rename(self.Path(written), self.Path(self.path(table)))
