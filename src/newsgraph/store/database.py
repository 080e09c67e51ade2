"""The store: one embedded DuckDB file holding every article's rows and the corpus links."""

from __future__ import annotations

import errno
import json
import os
import re
import time
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path

import duckdb
import pyarrow as pa

from ..model import Analysis, Article
from .rows import TableRows, analysis_of
from .schema import ARTICLE_TABLES, DERIVED_TABLES, SCHEMA_VERSION, TABLES, arrow_schema, create_statement

DEFAULT_PATH = "newsgraph.duckdb"
DUCKDB_MAGIC = b"DUCK"
RESUME_HINT = "the articles stored so far are complete; run the same command again to resume"
LOCKED = ("could not set lock", "conflicting lock")
DAMAGED = ("corrupt", "checksum", "could not read enough bytes", "not a valid duckdb database", "block")
RETRY_SECONDS = 10.0  # how long a reader waits for an ingest's commit to end, and a writer for a reader

# Upgrades of the article tables, from the version given to the next; derived tables are simply rebuilt.
MIGRATIONS: dict[int, list[str]] = {
    1: ["ALTER TABLE ingest_errors ADD COLUMN article_id VARCHAR",
        "ALTER TABLE schema_info ADD COLUMN links_stale BOOLEAN DEFAULT false"],
}


class StoreError(Exception):
    """The store cannot be opened or written; the message says why and what to do."""


class StoreInUse(StoreError):
    """Another process holds the store."""


class StoreDamaged(StoreError):
    """The store file is corrupt or truncated."""


def damaged_message(path: Path, detail: str) -> str:
    return (f"the store {path} is damaged ({detail}); it was left untouched. Restore it from a copy, or "
            f"ingest into a new store with --db NEW.duckdb (the articles can be read back from their files)")


def is_duckdb_file(path: Path) -> bool:
    with path.open("rb") as handle:
        return handle.read(12)[8:12] == DUCKDB_MAGIC


class Store:
    """A newsgraph store; ``Store(path)`` creates it when absent, ``read_only=True`` never writes."""

    def __init__(self, path: str | os.PathLike[str] = DEFAULT_PATH, *, read_only: bool = False) -> None:
        self.path = Path(path)
        self.read_only = read_only
        self._check_file()
        self._connection: duckdb.DuckDBPyConnection | None = self._connect()
        try:
            self._prepare()
        except BaseException:
            self.close()
            raise

    @property
    def connection(self) -> duckdb.DuckDBPyConnection:
        """The open connection; after ``release`` the file is opened again on first use."""
        if self._connection is None:
            self._connection = self._connect()
        return self._connection

    def release(self) -> None:
        """Close the file between writes, so that readers (queries, exports) can open it meanwhile."""
        self.close()

    def _check_file(self) -> None:
        if self.path.is_dir():
            raise StoreError(f"{self.path} is a directory, not a store file; give a file name with --db")
        if self.path.exists():
            if not is_duckdb_file(self.path):
                raise StoreError(f"{self.path} is not a newsgraph store (not a DuckDB database); "
                                 "it was left untouched: give another file with --db")
        elif self.read_only:
            raise StoreError(f"no store at {self.path}: create one with `newsgraph ingest PATH --db {self.path}`")

    def _connect(self) -> duckdb.DuckDBPyConnection:
        """A connection; while another process holds the store, retry for a few seconds (an ingest holds it only
        while it commits, a question only while it is answered)."""
        give_up = time.monotonic() + RETRY_SECONDS
        while True:
            try:
                return duckdb.connect(str(self.path), read_only=self.read_only)
            except duckdb.Error as error:
                failure = self._connect_failure(error)
            if not isinstance(failure, StoreInUse) or time.monotonic() >= give_up:
                raise failure from None
            time.sleep(0.2)

    def _connect_failure(self, error: duckdb.Error) -> StoreError:
        text = str(error)
        lowered = text.lower()
        if any(words in lowered for words in LOCKED):
            holder = re.search(r"PID (\d+)", text)
            who = f"process {holder.group(1)}" if holder else "another process"
            if self.read_only:
                return StoreInUse(f"the store {self.path} stayed busy for {RETRY_SECONDS:g} s: {who} is writing it "
                                  "(an ingest holds it only while it commits); ask again in a moment")
            return StoreInUse(f"the store {self.path} is open in {who} for {RETRY_SECONDS:g} s and more (questions, "
                              "exports and `newsgraph serve` hold it only while they read it; another ingest holds "
                              "it while it commits): stop that process first, or ingest into another store with --db")
        if "version" in lowered or "serializ" in lowered:
            return StoreError(f"{self.path} was written by another DuckDB version and cannot be read: "
                              f"{text.splitlines()[0]}")
        if any(words in lowered for words in DAMAGED):
            return StoreDamaged(damaged_message(self.path, text.splitlines()[0]))
        return StoreError(f"cannot open the store {self.path}: {text.splitlines()[0]} (choose another place with --db)")

    def _prepare(self) -> None:
        try:
            tables = self._table_names()
        except duckdb.Error as error:
            raise StoreDamaged(damaged_message(self.path, first_line(error))) from None
        if "schema_info" not in tables:
            if tables:
                raise StoreError(f"{self.path} is a DuckDB database but not a newsgraph store; "
                                 "it was left untouched: give another file with --db")
            if self.read_only:
                raise StoreError(f"{self.path} is an empty database, not a newsgraph store")
            self._create()
            return
        version = self._version()
        if version > SCHEMA_VERSION:
            raise StoreError(f"{self.path} was written by a newer newsgraph (store schema {version}; this "
                             f"version reads up to {SCHEMA_VERSION}); upgrade newsgraph. The file was left untouched")
        if version < SCHEMA_VERSION:
            if self.read_only:
                raise StoreError(f"{self.path} uses store schema {version}; open it once for writing "
                                 f"(e.g. `newsgraph ingest --db {self.path}`) to upgrade it to {SCHEMA_VERSION}")
            self._migrate(version)
        if not self.read_only:
            self.verify()

    def _version(self) -> int:
        try:
            [(version,)] = self.connection.execute("SELECT version FROM schema_info").fetchall()
        except (duckdb.Error, ValueError) as error:
            raise StoreDamaged(damaged_message(self.path, f"unreadable schema_info: {first_line(error)}")) from None
        return version

    def verify(self) -> None:
        """Read every column of every table, so that DuckDB checks each block's checksum: raise
        ``StoreDamaged`` on the first damaged one. Run before any write: never write into a damaged store."""
        for table in self._table_names():
            try:
                self.connection.execute(f'SELECT count(*), max(hash(COLUMNS(*))) FROM "{table}"').fetchall()
            except duckdb.Error as error:
                raise StoreDamaged(damaged_message(self.path, f"table {table}: {first_line(error)}")) from None

    @property
    def links_stale(self) -> bool:
        """Articles were stored since the corpus was last linked (an ingest is running or stopped early)."""
        [(stale,)] = self.connection.execute("SELECT links_stale FROM schema_info").fetchall()
        return bool(stale)

    def _table_names(self) -> set[str]:
        rows = self.connection.execute("SELECT table_name FROM information_schema.tables "
                                       "WHERE table_schema = 'main'").fetchall()
        return {name for (name,) in rows}

    def _create(self) -> None:
        with self.transaction():
            self.connection.execute("CREATE TABLE schema_info (version INTEGER, links_stale BOOLEAN)")
            self.connection.execute("INSERT INTO schema_info VALUES (?, false)", [SCHEMA_VERSION])
            for table in TABLES:
                self.connection.execute(create_statement(table))

    def _migrate(self, version: int) -> None:
        with self.transaction():
            for step in range(version, SCHEMA_VERSION):
                for statement in MIGRATIONS[step]:
                    self.connection.execute(statement)
            for table in DERIVED_TABLES:
                self.connection.execute(f"DROP TABLE IF EXISTS {table}")
            for table in TABLES:
                self.connection.execute(create_statement(table))
            # the links were dropped with the derived tables: the next ingest (or `ingest --db` alone) rebuilds them
            self.connection.execute("UPDATE schema_info SET version = ?, links_stale = true", [SCHEMA_VERSION])

    @contextmanager
    def transaction(self) -> Iterator[None]:
        """All statements inside commit together or not at all."""
        self.connection.begin()
        try:
            yield
        except BaseException:
            self.connection.rollback()
            raise
        self.connection.commit()

    def close(self) -> None:
        if self._connection is not None:
            self._connection.close()
            self._connection = None

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()

    def article_ids(self) -> set[str]:
        return {article_id for (article_id,) in self.connection.execute("SELECT article_id FROM articles").fetchall()}

    def add_articles(self, rows: TableRows, *, replace: bool = False) -> None:
        """Write the rows of whole articles in one transaction; ``replace`` first drops their old rows.
        The corpus links are marked stale until the next ``replace_derived``."""
        ids = [row["article_id"] for row in rows["articles"]]
        with self.writing():
            if replace:
                for table in ARTICLE_TABLES:
                    self.connection.execute(f"DELETE FROM {table} WHERE list_contains(?, article_id)", [ids])
            for table in ARTICLE_TABLES:
                self._insert(table, rows.get(table, []))
            self.connection.execute("DELETE FROM ingest_errors WHERE list_contains(?, article_id)", [ids])
            self.connection.execute("UPDATE schema_info SET links_stale = true")

    def add_errors(self, errors: Iterable[tuple[str, str, str | None]]) -> None:
        """Record skipped inputs as (source, reason, article id or None), each once."""
        rows = [{"source": source, "reason": reason, "article_id": article_id}
                for source, reason, article_id in dict.fromkeys(errors)]
        if not rows:
            return
        self.connection.register("incoming_errors", pa.Table.from_pylist(rows, schema=arrow_schema("ingest_errors")))
        try:
            with self.writing():
                self.connection.execute("INSERT INTO ingest_errors SELECT * FROM incoming_errors AS i WHERE NOT EXISTS "
                                        "(SELECT 1 FROM ingest_errors AS e WHERE e.source = i.source "
                                        "AND e.reason = i.reason)")
        finally:
            self.connection.unregister("incoming_errors")

    def failed_articles(self) -> dict[str, str]:
        """The articles whose analysis failed in an earlier run, with the reason."""
        return dict(self.connection.execute("SELECT article_id, reason FROM ingest_errors "
                                            "WHERE article_id IS NOT NULL").fetchall())

    def errors(self) -> pa.Table:
        return self.connection.sql("SELECT source, reason, article_id FROM ingest_errors ORDER BY rowid").to_arrow_table()

    def replace_derived(self, tables: dict[str, pa.Table]) -> None:
        """Replace the corpus-link tables as a whole, in one transaction; the links are then current."""
        with self.writing():
            for table, data in tables.items():
                self.connection.execute(f"DELETE FROM {table}")
                self._insert_arrow(table, data)
            self.connection.execute("UPDATE schema_info SET links_stale = false")

    @contextmanager
    def writing(self) -> Iterator[None]:
        """A transaction whose failure says what happened and what to do about it."""
        try:
            with self.transaction():
                yield
        except (duckdb.Error, OSError) as error:
            raise StoreError(write_failure(self.path, error)) from None

    def _insert(self, table: str, rows: list[dict]) -> None:
        if rows:
            self._insert_arrow(table, pa.Table.from_pylist(rows, schema=arrow_schema(table)))

    def _insert_arrow(self, table: str, data: pa.Table) -> None:
        self.connection.register("incoming", data)
        try:
            self.connection.execute(f"INSERT INTO {table} SELECT * FROM incoming")
        finally:
            self.connection.unregister("incoming")

    def table(self, name: str) -> pa.Table:
        if name not in TABLES:
            raise KeyError(f"no table {name!r}; the tables are {', '.join(TABLES)}")
        return self.connection.table(name).to_arrow_table()

    def articles(self, ids: Iterable[str] | None = None) -> Iterator[Article]:
        """Stored articles as read (for re-analysis), all of them or those with the given ids."""
        query = "SELECT article_id, text, title, date, source, url, path, author, metadata FROM articles"
        params: list = []
        if ids is not None:
            query += " WHERE list_contains(?, article_id)"
            params.append(list(ids))
        for article_id, text, title, date, source, url, path, author, metadata in \
                self.connection.execute(query + " ORDER BY rowid", params).fetchall():
            yield Article(id=article_id, text=text, title=title, date=date, source=source, url=url, path=path,
                          author=author, metadata=json.loads(metadata))

    def analysis(self, article_id: str) -> Analysis | None:
        """One article's Analysis rebuilt from its rows, or None when it is not stored."""
        rows: TableRows = {}
        for table in ARTICLE_TABLES:
            relation = self.connection.execute(f"SELECT * FROM {table} WHERE article_id = ? ORDER BY rowid",
                                               [article_id])
            names = [d[0] for d in relation.description]
            rows[table] = [dict(zip(names, values)) for values in relation.fetchall()]
        return analysis_of(rows) if rows["articles"] else None


def write_failure(path: Path, error: BaseException) -> str:
    """Why a write failed, and what to do: a rerun helps only when the cause has gone."""
    text = first_line(error)
    lowered = text.lower()
    if "no space" in lowered or getattr(error, "errno", None) == errno.ENOSPC:
        return (f"the disk holding {path} is full ({text}); the articles stored so far are complete: free some "
                "space, then run the same command again to resume")
    if "permission" in lowered or "read-only" in lowered or "read only" in lowered:
        return f"cannot write to the store {path} ({text}): make the file writable or choose another with --db"
    if any(words in lowered for words in DAMAGED):
        return damaged_message(path, text)
    return f"could not write to the store {path}: {text}; {RESUME_HINT}"


def first_line(error: BaseException) -> str:
    return (str(error).strip().splitlines() or [type(error).__name__])[0]
