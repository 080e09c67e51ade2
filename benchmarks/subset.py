"""What the scale benchmarks share: the first N articles of a corpus in a folder of their own, and commands
timed in fresh processes."""

from __future__ import annotations

import json
import resource
import shutil
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BBC = ROOT.parent / "shared" / "corpora" / "bbc"
NEWSGRAPH = [sys.executable, "-m", "newsgraph"]


def text_files(corpus: Path, limit: int | None) -> list[Path]:
    """The corpus's text articles in a fixed order (by path), at most ``limit`` of them."""
    if not corpus.is_dir():
        raise SystemExit(f"no such corpus: {corpus} (the BBC corpus lives in ../shared/corpora/bbc)")
    files = sorted(p for p in corpus.rglob("*.txt") if p.name.upper() != "README.TXT")
    return files[:limit] if limit else files


def copy_subset(files: list[Path], corpus: Path, folder: Path) -> Path:
    """The chosen files under ``folder``, in the corpus's own sub-folders."""
    for path in files:
        target = folder / path.relative_to(corpus)
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(path, target)
    return folder


def children_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def timed(command: list[str]) -> dict:
    """Wall and CPU seconds of a command in a fresh process, and the JSON it printed last (if any)."""
    started, cpu = time.perf_counter(), children_cpu()
    result = subprocess.run(command, capture_output=True, text=True)
    if result.returncode not in (0, 1):
        raise SystemExit(f"{' '.join(command)} failed:\n{result.stderr[-2000:]}")
    figures = {"seconds": time.perf_counter() - started, "cpu_seconds": children_cpu() - cpu}
    last = (result.stdout.strip().splitlines() or [""])[-1]
    if last.startswith("{"):
        figures.update(json.loads(last))
    return figures


def report(figures: dict, as_json: bool) -> None:
    if as_json:
        print(json.dumps(figures, indent=2))
        return
    for name, value in figures.items():
        print(f"{name:40} {value}")
