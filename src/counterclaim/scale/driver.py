"""The driver of a Dask run: streams the inputs, sends batches to the cluster with a bounded
window of batches in flight, and takes the results back in input order.

Results are taken in input order (the oldest batch first) and added to the ledger in that
order, so a Dask ingest leaves the same ledger as a single-process one: syndication and
claim clusters depend on the order articles arrive in. The window gives backpressure: the
driver reads no further ahead than ``window`` batches, whatever the number of inputs.
"""

from __future__ import annotations

import itertools
import os
import time
from collections import deque
from dataclasses import asdict, dataclass, field
from typing import Callable, Iterable, Iterator

from ..ingest import IngestSummary, ingest, new_articles
from ..model import Article, Report
from .worker import analyze_task, as_items

DEFAULT_BATCH = 32
# Retries of a batch whose task raised; a batch on a worker that died is rescheduled by the
# scheduler itself (up to distributed.scheduler.allowed-failures times).
DEFAULT_RETRIES = 2


@dataclass
class ScaleSummary(IngestSummary):
    """An ingest summary plus what the cluster did: peak memory per worker and partitions."""

    workers: dict[str, dict] = field(default_factory=dict)  # address -> memory sample
    written: int = 0  # articles written to Parquet partitions (--out)
    partitions: int = 0
    skipped_partitions: int = 0  # already written by an earlier run over the same inputs

    def to_dict(self) -> dict:
        data = super().to_dict()
        data["workers"] = {address: {"peak_rss_mb": round(m["peak_rss"] / 2**20),
                                     "rss_mb": round(m["rss"] / 2**20), "tasks": m["tasks"],
                                     "cpu_s": round(m["cpu_s"], 1)}
                           for address, m in sorted(self.workers.items())}
        if self.partitions or self.skipped_partitions:
            data.update(written=self.written, partitions=self.partitions,
                        skipped_partitions=self.skipped_partitions)
        return data


class DaskAnalyzer:
    """An ``ingest`` analyzer that runs on a Dask cluster (see ``counterclaim.ingest``)."""

    def __init__(self, client, *, model: str | None = None, batch_size: int = DEFAULT_BATCH,
                 window: int | None = None, out: str | None = None,
                 retries: int = DEFAULT_RETRIES):
        self.client, self.model, self.out, self.retries = client, model, out, retries
        self.batch_size = max(1, batch_size)
        workers = max(1, len(client.scheduler_info().get("workers", {})))
        self.window = window or 2 * workers  # each worker busy, one more batch queued
        self.summary = ScaleSummary()

    def __call__(self, pairs: Iterable[tuple[Article, str]]) -> Iterator[tuple[str, Report | str]]:
        for rows in self.results(pairs):
            for row in rows:
                if row["report_json"] is None:
                    yield row["location"], row["error"]
                else:
                    yield row["location"], Report.model_validate_json(row["report_json"])

    def results(self, pairs: Iterable[tuple[Article, str]]) -> Iterator[list[dict]]:
        """Each batch's rows, in input order; a batch that failed for good has every row
        carrying the error instead of a report."""
        in_flight: deque = deque()
        items = as_items(pairs)
        while batch := list(itertools.islice(items, self.batch_size)):
            if self._already_written(batch):
                continue
            future = self.client.submit(analyze_task, batch, self.model, self.out,
                                        retries=self.retries, pure=False)
            in_flight.append((batch, future))
            if len(in_flight) >= self.window:
                yield self._collect(*in_flight.popleft())
        while in_flight:
            yield self._collect(*in_flight.popleft())

    def _already_written(self, batch) -> bool:
        if self.out is None:
            return False
        from .parquet import partition_name

        done = os.path.exists(os.path.join(self.out, partition_name(batch)))
        self.summary.skipped_partitions += done
        self.summary.present += len(batch) if done else 0
        return done

    def _collect(self, batch, future) -> list[dict]:
        try:
            result = future.result()
        except Exception as error:  # noqa: BLE001 - a batch lost for good fails its articles
            message = f"analysis failed on the cluster: {type(error).__name__}: {error}"
            return [{"seq": seq, "article_id": article.id, "report_json": None,
                     "location": location, "error": message} for seq, article, location in batch]
        finally:
            future.release()
        self._record(result)
        return result["rows"]

    def _record(self, result: dict) -> None:
        memory = result["memory"]
        seen = self.summary.workers.setdefault(memory["worker"], {**memory, "tasks": 0})
        seen.update(rss=memory["rss"], peak_rss=max(seen["peak_rss"], memory["peak_rss"]),
                    cpu_s=memory["cpu_s"], tasks=seen["tasks"] + 1)
        if result["partition"]:
            self.summary.partitions += 1
            self.summary.written += sum(row["error"] is None for row in result["rows"])


def ingest_dask(paths: Iterable[str], ledger, *, dask="local", out: str | None = None,
                model: str | None = None, batch_size: int = DEFAULT_BATCH,
                window: int | None = None, outlet: str | None = None,
                published: str | None = None, manifest: bool = True,
                memory_limit: str | None = "auto",
                progress: Callable[[IngestSummary], None] | None = None) -> ScaleSummary:
    """``counterclaim ingest PATH... --dask SPEC [--out DIR]``.

    dask: ``local``, ``local:N`` (a LocalCluster of N worker processes), a scheduler
        address such as ``tcp://scheduler:8786``, or an open ``distributed.Client``.
    out: write reports as Parquet partitions under this directory instead of adding them to
        ``ledger``; ``ledger`` may then be None, or a ledger whose articles are skipped.
    """
    from .cluster import open_client

    with open_client(dask, model=model, memory_limit=memory_limit) as client:
        analyzer = DaskAnalyzer(client, model=model, batch_size=batch_size, window=window,
                                out=out)
        options = dict(outlet=outlet, published=published, manifest=manifest)
        if out is None:
            done = ingest(paths, ledger, analyzer=analyzer, progress=progress, **options)
            summary = analyzer.summary
            for name, value in asdict(done).items():
                setattr(summary, name, value)
            return summary
        return _to_parquet(paths, ledger, analyzer, progress, options)


def _to_parquet(paths, ledger, analyzer: DaskAnalyzer, progress, options: dict) -> ScaleSummary:
    from ..read import iter_inputs

    summary, started = analyzer.summary, time.perf_counter()

    def tick() -> None:
        summary.seconds = time.perf_counter() - started
        if progress:
            progress(summary)

    items = iter_inputs(list(paths), **options)
    for rows in analyzer.results(new_articles(items, ledger, summary, tick)):
        summary.failed += [(row["location"], row["error"]) for row in rows if row["error"]]
        tick()
    summary.seconds = time.perf_counter() - started
    return summary
