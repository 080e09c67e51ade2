"""Fault injection: kill -9 at several phases, Ctrl-C, SIGTERM, a full disk, corrupt stores and a worker
killed mid-batch. Each ends in a store equal, table by table, to an uninterrupted run (or left untouched)."""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from newsgraph.store import TABLES, Store

SAMPLES = Path(__file__).resolve().parent.parent / "src" / "newsgraph" / "samples" / "articles.jsonl"
NEWSGRAPH = [sys.executable, "-c", "from newsgraph.cli import main; main()"]
LINUX = sys.platform.startswith("linux")


def table_contents(path: Path) -> dict[str, list[tuple]]:
    with Store(path, read_only=True) as store:
        return {t: sorted(store.connection.execute(f"SELECT * FROM {t}").fetchall(), key=repr) for t in TABLES}


def ingest(db: Path, *extra: str, inputs: Path = SAMPLES) -> list[str]:
    return [*NEWSGRAPH, "ingest", str(inputs), "--db", str(db), *extra]


def finish(command: list[str]) -> subprocess.CompletedProcess:
    return subprocess.run(command, capture_output=True, text=True, timeout=900)


@pytest.fixture(scope="module")
def clean(tmp_path_factory) -> dict[str, list[tuple]]:
    """The tables of an uninterrupted run over the samples."""
    path = tmp_path_factory.mktemp("clean") / "clean.duckdb"
    result = finish(ingest(path, "--workers", "1"))
    assert result.returncode == 0, result.stderr
    return table_contents(path)


def started(command: list[str]) -> subprocess.Popen:
    return subprocess.Popen(command, stderr=subprocess.PIPE, stdout=subprocess.DEVNULL, text=True,
                            start_new_session=True)


def wait_for_stored(process: subprocess.Popen) -> str:
    line = process.stderr.readline()
    assert "stored" in line, line
    assert process.poll() is None, "the run ended before the fault could be injected"
    return line


def children(pid: int) -> list[int]:
    found = []
    for task in Path(f"/proc/{pid}/task").iterdir():
        found += [int(child) for child in (task / "children").read_text().split()]
    return found


def gone(pids: list[int], seconds: float = 30.0) -> bool:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if not any(Path(f"/proc/{pid}").exists() and "Z" not in process_state(pid) for pid in pids):
            return True
        time.sleep(0.2)
    return False


def process_state(pid: int) -> str:
    try:
        return Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except OSError:
        return "Z"


def resumed_equals_clean(db: Path, clean: dict) -> None:
    result = finish(ingest(db, "--workers", "1"))
    assert result.returncode == 0, result.stderr
    assert table_contents(db) == clean


@pytest.mark.skipif(not LINUX, reason="reads worker processes from /proc")
def test_kill_9_of_the_main_process_leaves_no_workers_and_resumes(tmp_path, clean):
    db = tmp_path / "s.duckdb"
    process = started(ingest(db, "--workers", "2"))
    wait_for_stored(process)
    workers = children(process.pid)
    assert workers
    os.kill(process.pid, signal.SIGKILL)  # the main process only, as the OOM killer does
    process.wait()
    assert gone(workers), "workers outlived their parent"
    resumed_equals_clean(db, clean)


@pytest.mark.skipif(not LINUX, reason="reads worker processes from /proc")
def test_a_worker_killed_mid_batch_costs_nothing(tmp_path, clean):
    db = tmp_path / "s.duckdb"
    process = started(ingest(db, "--workers", "2"))
    wait_for_stored(process)
    os.kill(children(process.pid)[0], signal.SIGKILL)
    _, errors = process.communicate(timeout=900)
    assert process.returncode == 0, errors
    assert "Traceback" not in errors
    assert table_contents(db) == clean


def test_kill_9_while_linking_is_recorded_and_redone(tmp_path, clean):
    db = tmp_path / "s.duckdb"
    crash_in_linking = (
        "import os, signal, sys\n"
        "import newsgraph.corpus.build as build\n"
        "build.link_corpus = lambda store: os.kill(os.getpid(), signal.SIGKILL)\n"
        "from newsgraph.cli import main\n"
        "main()\n")
    result = subprocess.run([sys.executable, "-c", crash_in_linking, "ingest", str(SAMPLES), "--db", str(db),
                             "--workers", "1"], capture_output=True, text=True, timeout=900)
    assert result.returncode == -signal.SIGKILL
    stats = finish([*NEWSGRAPH, "stats", "--db", str(db)])
    assert "corpus links do not yet cover every stored article" in stats.stderr
    assert finish([*NEWSGRAPH, "check", "--db", str(db)]).returncode == 1
    relinked = finish([*NEWSGRAPH, "ingest", "--db", str(db)])
    assert relinked.returncode == 0 and "corpus links rebuilt" in relinked.stdout, relinked.stderr
    assert table_contents(db) == clean
    assert "corpus links" not in finish([*NEWSGRAPH, "stats", "--db", str(db)]).stderr


@pytest.mark.parametrize("how", [signal.SIGINT, signal.SIGTERM], ids=["SIGINT", "SIGTERM"])
def test_an_interrupt_stops_cleanly_and_resumes(tmp_path, clean, how):
    db = tmp_path / "s.duckdb"
    process = started(ingest(db, "--workers", "2"))
    wait_for_stored(process)
    if how == signal.SIGINT:
        os.killpg(process.pid, how)  # Ctrl-C reaches the whole foreground process group
    else:
        os.kill(process.pid, how)
    _, errors = process.communicate(timeout=300)
    assert process.returncode == 1, errors
    assert "Traceback" not in errors and "leaked semaphore" not in errors
    assert ("interrupted after storing" if how == signal.SIGINT else "stopped by SIGTERM after storing") in errors
    assert "run the same command again to resume" in errors
    resumed_equals_clean(db, clean)


@pytest.mark.skipif(not LINUX, reason="reads worker processes from /proc")
def test_ctrl_c_while_workers_start_prints_no_traceback(tmp_path):
    process = started(ingest(tmp_path / "s.duckdb", "--workers", "2"))
    while not children(process.pid) and process.poll() is None:
        time.sleep(0.05)
    time.sleep(0.3)  # the workers are importing spaCy
    os.killpg(process.pid, signal.SIGINT)
    _, errors = process.communicate(timeout=300)
    assert "Traceback" not in errors and "KeyboardInterrupt" not in errors, errors
    assert errors.strip().count("\n") <= 3, errors


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


@pytest.fixture(scope="module")
def small_store(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("small") / "small.duckdb"
    result = finish(ingest(path, "--workers", "1"))
    assert result.returncode == 0, result.stderr
    return path


def damage(path: Path, how: str) -> None:
    data = bytearray(path.read_bytes())
    if how == "truncated":
        data = data[:len(data) // 2]
    elif how == "flipped bytes in a data block":
        offset = 3 * 4096 + 262144 + 5000  # inside the second 256 KB block, after the three header blocks
        data[offset:offset + 64] = bytes(b ^ 0xFF for b in data[offset:offset + 64])
    else:  # both database headers
        data[4096:3 * 4096] = bytes(2 * 4096)
    path.write_bytes(bytes(data))


@pytest.mark.parametrize("how", ["truncated", "flipped bytes in a data block", "zeroed headers"])
def test_a_corrupt_store_is_reported_as_damaged_and_never_written(tmp_path, small_store, how):
    db = tmp_path / "damaged.duckdb"
    shutil.copy(small_store, db)
    damage(db, how)
    before = digest(db)
    result = finish(ingest(db, "--workers", "1"))
    assert result.returncode == 1
    assert "is damaged" in result.stderr and "in use" not in result.stderr, result.stderr
    assert "Traceback" not in result.stderr
    assert digest(db) == before
    check = finish([*NEWSGRAPH, "check", "--db", str(db)])
    assert check.returncode == 1 and "is damaged" in check.stderr


def test_check_passes_a_sound_store(small_store):
    result = finish([*NEWSGRAPH, "check", "--db", str(small_store)])
    assert result.returncode == 0 and "sound; 41 articles" in result.stdout


@pytest.fixture
def tiny_disk(tmp_path):
    """A 256 KB tmpfs: root only (CI runs as root), skipped otherwise."""
    if not LINUX or os.geteuid() != 0 or shutil.which("mount") is None:
        pytest.skip("a size-limited tmpfs needs root on Linux")
    mountpoint = tmp_path / "disk"
    mountpoint.mkdir()
    mounted = subprocess.run(["mount", "-t", "tmpfs", "-o", "size=256k", "tmpfs", str(mountpoint)], capture_output=True)
    if mounted.returncode != 0:
        pytest.skip(f"cannot mount a tmpfs here: {mounted.stderr.decode().strip()}")
    yield mountpoint
    subprocess.run(["umount", "-l", str(mountpoint)], check=False)


def test_a_full_disk_says_to_free_space_and_then_resumes(tmp_path, tiny_disk, clean):
    db = tiny_disk / "s.duckdb"
    result = finish(ingest(db, "--workers", "1"))
    assert result.returncode == 1
    assert "is full" in result.stderr and "free some space" in result.stderr, result.stderr
    assert "Traceback" not in result.stderr
    moved = tmp_path / "moved.duckdb"
    for name in os.listdir(tiny_disk):  # to a disk with room: the store and its write-ahead log
        shutil.copy(tiny_disk / name, tmp_path / name.replace("s.duckdb", "moved.duckdb"))
    resumed_equals_clean(moved, clean)


def test_an_article_that_overruns_its_time_is_named_recorded_and_not_retried(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    for number in range(3):
        (folder / f"short{number}.txt").write_text(f"Talks {number}\n\nThe minister of Zembla met envoys on "
                                                    f"Monday, officials said after meeting {number}.\n")
    (folder / "slow.txt").write_text("Talk\n\n" + "".join(f'"We have plan {n} ready," the envoy said.\n'
                                                         for n in range(4000)))
    db = tmp_path / "s.duckdb"
    first = finish(ingest(db, "--workers", "2", "--time-limit", "3", inputs=folder))
    assert first.returncode == 1
    assert f"skipped {folder / 'slow.txt'}: took longer than 3 s of CPU per article" in first.stderr, first.stderr
    assert "added 3 articles" in first.stdout
    listed = finish([*NEWSGRAPH, "errors", "--db", str(db), "--csv"])
    assert str(folder / "slow.txt") in listed.stdout and "took longer than 3 s of CPU" in listed.stdout
    again = finish(ingest(db, "--workers", "2", inputs=folder))
    assert again.returncode == 1 and "in an earlier run; --retry-failed tries it again" in again.stderr
    assert "already present: 3" in again.stdout


def test_questions_are_answered_while_an_ingest_runs(tmp_path, clean):
    db = tmp_path / "s.duckdb"
    process = started(ingest(db, "--workers", "1"))
    wait_for_stored(process)
    stats = finish([*NEWSGRAPH, "stats", "--db", str(db), "--json"])
    assert stats.returncode == 0, stats.stderr
    assert int(next(row["value"] for row in json.loads(stats.stdout) if row["measure"] == "articles")) > 0
    _, errors = process.communicate(timeout=900)
    assert process.returncode == 0, errors
    assert table_contents(db) == clean


def test_workers_are_replaced_after_their_share_of_articles(tmp_path, clean):
    from newsgraph.corpus import CorpusBuilder
    from newsgraph.corpus.workers import WorkerSettings
    from newsgraph.ingest import read_inputs

    db = tmp_path / "s.duckdb"
    with Store(db) as store:
        summary = CorpusBuilder(store, workers=2, settings=WorkerSettings(articles_per_process=16)).build(
            read_inputs([str(SAMPLES)]))
    assert summary.added == 41 and not summary.skipped
    assert len(summary.worker_peak_mb) >= 3  # 41 articles in batches of 8, a fresh process after 16
    assert table_contents(db) == clean
