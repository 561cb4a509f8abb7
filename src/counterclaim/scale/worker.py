"""What runs on a Dask worker: the pipeline plugin and the batch task.

Results leave the worker as plain rows (``article_id, report_json, location, error``), the
same columns as a Parquet partition, so the driver and ``counterclaim load`` read one shape.
"""

from __future__ import annotations

import os
from typing import Iterable

from distributed.diagnostics.plugin import WorkerPlugin

from ..model import Article

PLUGIN_NAME = "counterclaim-pipeline"


class PipelinePlugin(WorkerPlugin):
    """Loads the counterclaim pipeline when a worker starts (or restarts), so no task pays
    for it and a worker loads it once."""

    name = PLUGIN_NAME

    def __init__(self, model: str | None = None):
        self.model = model

    def setup(self, worker=None) -> None:
        from ..analyze.nlp import load_nlp

        load_nlp(self.model)  # cached per process: the tasks' load_nlp calls find it loaded


def analyze_rows(batch: list[tuple[int, Article, str]], model: str | None = None) -> list[dict]:
    """One row per article of ``batch`` (sequence number, article, location), in order; an
    article the analysis fails on gets its error message instead of a report."""
    from ..ingest import analyze_batch
    from ..model import Report

    pairs = [(article, location) for _, article, location in batch]
    rows = []
    for (seq, article, _), (location, outcome) in zip(batch, analyze_batch(pairs, model=model)):
        ok = isinstance(outcome, Report)
        rows.append({"seq": seq, "article_id": article.id,
                     "report_json": outcome.to_json() if ok else None,
                     "location": location, "error": None if ok else outcome})
    return rows


def peak_rss() -> int:
    """Peak resident memory of this process, in bytes.

    Linux's VmHWM belongs to the process's own address space; ``ru_maxrss`` is not used
    because it carries over the peak of the process a worker was forked from.
    """
    try:
        with open("/proc/self/status") as status:
            for line in status:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1]) * 1024
    except OSError:
        pass
    import psutil

    return psutil.Process().memory_info().rss  # no peak outside Linux: the current RSS


def memory_sample() -> dict:
    """This worker's address, its memory now and at its peak, and the CPU time it used."""
    import psutil
    from distributed import get_worker

    process = psutil.Process()
    cpu = process.cpu_times()
    return {"worker": get_worker().address, "pid": os.getpid(),
            "rss": process.memory_info().rss, "peak_rss": peak_rss(),
            "cpu_s": cpu.user + cpu.system}


def analyze_task(batch: list[tuple[int, Article, str]], model: str | None = None,
                 out: str | None = None) -> dict:
    """The Dask task: analyze ``batch``; with ``out``, write its rows as one Parquet partition
    there and send back only ids, locations and errors."""
    rows = analyze_rows(batch, model)
    result = {"memory": memory_sample(), "partition": None}
    if out is not None:
        from .parquet import partition_name, write_partition

        result["partition"] = write_partition(out, partition_name(batch), rows)
        rows = [{**row, "report_json": None} for row in rows]
    result["rows"] = rows
    return result


def as_items(pairs: Iterable[tuple[Article, str]], start: int = 0):
    """Number (article, location) pairs in input order."""
    return ((seq, article, location) for seq, (article, location) in enumerate(pairs, start))
