"""Starting Spark: Java is checked first, so that a missing one gives one clear line instead of a Java trace."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from pyspark.sql import SparkSession

MIN_JAVA = 17
JAVA_HINT = (f"Spark needs Java {MIN_JAVA} or newer: install it (Debian: apt-get install openjdk-{MIN_JAVA}-jre-headless) "
             "or point JAVA_HOME at one")
DAEMON_MODULE = "newsgraph.spark.daemon"  # forks workers with the model loaded: see its docstring


class SparkUnavailable(RuntimeError):
    """Spark cannot start here; the message says what to install."""


def java_command() -> str:
    home = os.environ.get("JAVA_HOME")
    if home and os.access(os.path.join(home, "bin", "java"), os.X_OK):
        return os.path.join(home, "bin", "java")
    found = shutil.which("java")
    if not found:
        raise SparkUnavailable(f"no java found; {JAVA_HINT}")
    return found


def check_java() -> None:
    """Raise SparkUnavailable unless a Java of MIN_JAVA or newer is installed."""
    command = java_command()
    try:
        shown = subprocess.run([command, "-version"], capture_output=True, text=True, timeout=60).stderr
    except (OSError, subprocess.SubprocessError) as error:
        raise SparkUnavailable(f"{command} does not run ({error}); {JAVA_HINT}") from None
    match = re.search(r'version "(\d+)(?:\.(\d+))?', shown)
    major = int(match.group(1)) if match else 0
    if major == 1 and match and match.group(2):  # "1.8.0" is Java 8
        major = int(match.group(2))
    if major < MIN_JAVA:
        raise SparkUnavailable(f"{command} is Java {major or 'of an unknown version'}; {JAVA_HINT}")


def spark_session(master: str | None = None, app_name: str = "newsgraph") -> SparkSession:
    """The running SparkSession (under spark-submit), or a new one on ``master`` (e.g. ``local[2]``)."""
    try:
        from pyspark.sql import SparkSession
    except ImportError:
        raise SparkUnavailable("pyspark is not installed: pip install 'newsgraph[spark]'") from None
    active = SparkSession.getActiveSession()
    if active is not None and master is None:
        return active
    check_java()
    if master is None and "PYSPARK_GATEWAY_PORT" not in os.environ:  # not started by spark-submit
        master = "local[*]"
    builder = (SparkSession.builder.appName(app_name).config("spark.ui.showConsoleProgress", "false")
               .config("spark.python.daemon.module", DAEMON_MODULE))
    if master:
        builder = builder.master(master).config("spark.ui.enabled", "false")
        if master.startswith("local"):  # the workers run this very Python, with newsgraph installed
            os.environ.setdefault("PYSPARK_PYTHON", sys.executable)
        cores = local_cores(master)
        if cores:  # Spark's default of 200 shuffle partitions is for clusters: here, one per core
            builder = builder.config("spark.sql.shuffle.partitions", str(cores)) \
                .config("spark.default.parallelism", str(cores))
    return builder.getOrCreate()


def local_cores(master: str) -> int | None:
    match = re.fullmatch(r"local\[(\d+|\*)\]", master)
    if master == "local":
        return 1
    if not match:
        return None
    return os.cpu_count() or 1 if match.group(1) == "*" else int(match.group(1))
