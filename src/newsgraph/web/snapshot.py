"""The web view's copy of the corpus: an in-memory DuckDB database, refreshed when the store changes.

The store file is opened read-only only while its tables are copied (a fraction of a second), so an
ingest can commit while the web view runs, and the web view can start while an ingest runs (opening
waits for the ingest's commit to end). The word index and the listing tables are built in memory.
"""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path

import duckdb

from ..corpus import Corpus
from ..store import TABLES, StoreError, StoreInUse
from ..store.schema import create_statement
from .listing import materialize
from .listings import LISTINGS, SUPPORT_TABLES
from .pages import Workbench
from .search import build_word_index

CHECK_SECONDS = 3.0  # how often a request may look whether the store file changed
log = logging.getLogger(__name__)

Stamp = tuple[tuple[int, int], ...]


class NotReady(StoreError):
    """No snapshot yet: the store was busy at start; the message says what is happening."""


@dataclass
class Snapshot:
    """The corpus as it was at ``taken``: an open in-memory copy and the workbench over it."""

    workbench: Workbench
    stamp: Stamp
    taken: datetime
    links_stale: bool  # taken between an ingest's commits: the corpus links predate some articles

    def close(self) -> None:
        self.workbench.corpus.close()


def stamp(path: Path) -> Stamp:
    """What changes when the store (its file and write-ahead log) or a Parquet export is written."""
    files = sorted(path.glob("*.parquet")) if path.is_dir() else [path, path.with_name(path.name + ".wal")]
    return tuple((s.st_mtime_ns, s.st_size) for s in (f.stat() for f in files if f.exists()))


def take_snapshot(path: Path) -> Snapshot:
    """Copy every table of the store (or Parquet export) at ``path`` into memory, then let go of it."""
    memory = duckdb.connect()
    try:
        with Corpus(path) as source:
            taken_stamp = stamp(path)  # the store is held read-only: no commit can come between
            links_stale = source.store.links_stale if source.store is not None else False
            for table in TABLES:
                memory.execute(create_statement(table))
                memory.register("copied", source.table(table))
                memory.execute(f"INSERT INTO {table} SELECT * FROM copied")
                memory.unregister("copied")
        build_word_index(memory)
        materialize(memory, {**SUPPORT_TABLES, **{item.table: item.source for item in LISTINGS.values()}})
    except BaseException:
        memory.close()
        raise
    return Snapshot(Workbench(Corpus(path, connection=memory)), taken_stamp, datetime.now(timezone.utc),
                    links_stale)


class LiveCorpus:
    """The latest snapshot of a store; a request that finds the file changed starts a refresh in the
    background, and requests keep being answered from the old snapshot until the new one is ready."""

    def __init__(self, path: str | Path, lock: threading.Lock, check_seconds: float = CHECK_SECONDS,
                 take: Callable[[Path], Snapshot] = take_snapshot) -> None:
        self.path = Path(path)
        self.lock = lock  # held by each request, and to swap snapshots
        self.check_seconds = check_seconds
        self.take = take
        self.snapshot: Snapshot | None = None
        self.failure: str | None = None  # why the store could not be copied, when it could not
        self.refreshing: threading.Thread | None = None
        self.last_check = time.monotonic()
        try:
            self.snapshot = take(self.path)
        except StoreInUse as busy:
            log.warning("%s; serving once it is released", busy)
            self.refresh()

    def current(self) -> Snapshot:
        """The snapshot to answer from (call under ``lock``); starts a refresh when the store changed."""
        now = time.monotonic()
        if now - self.last_check >= self.check_seconds:
            self.last_check = now
            if self.changed():
                self.refresh()
        if self.snapshot is None:
            if self.failure:
                raise NotReady(f"the corpus cannot be served: {self.failure}")
            raise NotReady(f"an ingest is writing the store {self.path}; the corpus will be served as soon as "
                           "the ingest commits its next articles. Reload this page in a few seconds.")
        return self.snapshot

    @property
    def updating(self) -> bool:
        return self.refreshing is not None and self.refreshing.is_alive()

    def changed(self) -> bool:
        try:
            return self.snapshot is None or stamp(self.path) != self.snapshot.stamp
        except OSError:
            return False  # the file is being replaced: look again at the next check

    def refresh(self) -> None:
        if not self.updating:
            self.refreshing = threading.Thread(target=self._refresh, name="newsgraph-snapshot", daemon=True)
            self.refreshing.start()

    def _refresh(self) -> None:
        while True:
            try:
                fresh = self.take(self.path)
                break
            except StoreInUse:
                if self.snapshot is not None:
                    return  # still busy after the wait: the next check tries again
            except StoreError as failure:
                log.warning("the store %s could not be read (%s); the snapshot taken before, if any, is served",
                            self.path, failure)
                self.failure = str(failure)
                return
        with self.lock:
            old, self.snapshot, self.failure = self.snapshot, fresh, None
            if old is not None:
                old.close()

    def close(self) -> None:
        if self.snapshot is not None:
            self.snapshot.close()

    def status(self) -> dict[str, object]:
        """When the snapshot was taken and whether the store is being updated, for the pages to say."""
        snapshot = self.snapshot
        assert snapshot is not None
        updating = self.updating or snapshot.links_stale
        note = ("the corpus is being updated (an ingest is running or stopped early): this view shows it as "
                "of the snapshot and refreshes when the store changes" if updating else
                "this view refreshes when the store changes")
        return {"taken": snapshot.taken.isoformat(timespec="seconds"), "updating": updating, "note": note}
