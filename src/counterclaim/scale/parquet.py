"""Analysis results as partitioned Parquet: one file per batch, written by the worker that
analyzed it, imported into a ledger by ``counterclaim load DIR``.

Columns: ``seq`` (position in the run's input order), ``article_id``, ``report_json`` (a
``model.Report`` as JSON, null when the analysis failed), ``location``, ``error``.
File names start with the batch's first ``seq``, so sorted names are input order, and end
with a hash of the batch's article ids, so a re-run over the same inputs recreates (and
skips) the same files.
"""

from __future__ import annotations

import hashlib
import os
import time
from pathlib import Path
from typing import Callable, Iterator

from ..errors import DataError
from ..ingest import IngestSummary, _store

SUFFIX = ".parquet"


def _schema():
    import pyarrow as pa

    return pa.schema([("seq", pa.int64()), ("article_id", pa.string()),
                      ("report_json", pa.large_string()), ("location", pa.string()),
                      ("error", pa.string())])


def partition_name(batch) -> str:
    """``part-<first seq>-<hash of the article ids>.parquet`` for a batch of (seq, article,
    location)."""
    digest = hashlib.sha1("\n".join(article.id for _, article, _ in batch).encode()).hexdigest()
    return f"part-{batch[0][0]:09d}-{digest[:12]}{SUFFIX}"


def write_partition(directory: str, name: str, rows: list[dict]) -> str:
    """Write ``rows`` to ``directory/name`` atomically (a reader never sees half a file)."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    os.makedirs(directory, exist_ok=True)
    path = os.path.join(directory, name)
    partial = f"{path}.{os.getpid()}.tmp"
    table = pa.Table.from_pylist(rows, schema=_schema())
    pq.write_table(table, partial, compression="zstd")
    os.replace(partial, path)
    return path


def partitions(directory: str | Path) -> list[Path]:
    """The partition files under ``directory``, in input order."""
    root = Path(directory)
    if not root.is_dir():
        raise DataError("no such directory of Parquet partitions", location=str(root))
    return sorted(p for p in root.glob(f"*{SUFFIX}") if p.is_file())


def read_rows(path: Path) -> Iterator[dict]:
    import pyarrow.parquet as pq

    try:
        table = pq.read_table(path, schema=_schema())
    except Exception as error:  # noqa: BLE001 - pyarrow raises several types for bad files
        raise DataError(f"not a counterclaim partition: {str(error).splitlines()[0]}",
                        location=str(path)) from None
    yield from table.to_pylist()


def load_parquet(directory: str | Path, ledger, *,
                 progress: Callable[[IngestSummary], None] | None = None) -> IngestSummary:
    """Add every report in the partitions under ``directory`` to ``ledger``, in input order.

    Idempotent: reports already in the ledger count as present. Rows whose analysis failed
    are reported in ``failed`` again, with their original location.
    """
    from ..model import Report

    summary = IngestSummary()
    started = time.perf_counter()
    for path in partitions(directory):
        for row in read_rows(path):
            if row["report_json"] is None:
                summary.failed.append((row["location"], row["error"] or "analysis failed"))
            else:
                report = Report.model_validate_json(row["report_json"])
                _store(ledger, report, row["location"], summary)
            summary.seconds = time.perf_counter() - started
            if progress:
                progress(summary)
    summary.seconds = time.perf_counter() - started
    return summary
