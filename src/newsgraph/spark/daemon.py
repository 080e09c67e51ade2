"""The Python daemon of a Spark executor, run in place of pyspark's own (``spark.python.daemon.module``).

pyspark's daemon forks a worker process for each concurrent task. Forked from this one, every worker starts
with newsgraph imported and the spaCy model loaded, instead of importing and loading them itself: the model
loads once per executor, however many workers Spark starts.
"""

from pyspark import daemon

from .analyse import executor_pipeline

if __name__ == "__main__":
    executor_pipeline(None)  # the model tasks ask for unless told another; any other loads in its worker
    daemon.manager()
