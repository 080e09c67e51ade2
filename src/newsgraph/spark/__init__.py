"""newsgraph on Spark: ``spark_ingest(inputs, out)`` analyses and links a corpus past one machine.

Importing this package does not import pyspark; ``spark_ingest`` does, and says what to install when it is
missing.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from .session import SparkUnavailable, check_java

if TYPE_CHECKING:
    from ..corpus.build import BuildSummary


def spark_ingest(inputs, out: str, **options: Any) -> BuildSummary:
    """See ``newsgraph.spark.job.spark_ingest``."""
    try:
        from .job import spark_ingest as run
    except ImportError as error:
        raise SparkUnavailable(f"pyspark is not installed ({error}): pip install 'newsgraph[spark]'") from None
    return run(inputs, out, **options)


__all__ = ["SparkUnavailable", "check_java", "spark_ingest"]
