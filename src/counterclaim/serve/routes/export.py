"""GET /api/export: the whole ledger as JSON Lines, CSV, GeoJSON or ACLED-style CSV, streamed.

The formats are ``ledger.export``'s, so the CLI and the API write the same files. That
function writes to a file object; here a worker thread writes into a small bounded queue and
the response streams the queue, so memory stays flat whatever the ledger's size.
"""

from __future__ import annotations

import queue
import threading
from collections.abc import Iterator
from typing import Annotated, Literal

from fastapi import APIRouter, Query
from fastapi.responses import StreamingResponse

from counterclaim.ledger.export import export as export_ledger

from ..deps import LedgerDep

router = APIRouter(prefix="/api", tags=["export"])

MEDIA = {"jsonl": ("application/x-ndjson", "counterclaim-reports.jsonl"),
         "csv": ("text/csv; charset=utf-8", "counterclaim-claims.csv"),
         "geojson": ("application/geo+json", "counterclaim.geojson"),
         "acled-csv": ("text/csv; charset=utf-8", "counterclaim-acled.csv")}
CHUNK_CHARS = 64_000
_DONE = object()


class _Cancelled(Exception):
    pass


class _QueueWriter:
    """A text file object whose writes go, in chunks, to a bounded queue."""

    def __init__(self, chunks: queue.Queue, cancelled: threading.Event):
        self.chunks, self.cancelled, self.buffer = chunks, cancelled, []
        self.size = 0

    def write(self, text: str) -> int:
        if self.cancelled.is_set():
            raise _Cancelled()
        self.buffer.append(text)
        self.size += len(text)
        if self.size >= CHUNK_CHARS:
            self.flush()
        return len(text)

    def flush(self) -> None:
        if self.buffer:
            self._put("".join(self.buffer))
            self.buffer, self.size = [], 0

    def _put(self, item) -> None:
        while not self.cancelled.is_set():
            try:
                return self.chunks.put(item, timeout=0.5)
            except queue.Full:
                continue
        raise _Cancelled()


def stream_export(engine, fmt: str) -> Iterator[str]:
    """Chunks of ``ledger.export(engine, fmt, ...)`` as a worker thread writes them."""
    chunks: queue.Queue = queue.Queue(maxsize=8)
    cancelled = threading.Event()
    writer = _QueueWriter(chunks, cancelled)
    failure: list[BaseException] = []

    def work():
        try:
            export_ledger(engine, fmt, writer)
            writer.flush()
        except _Cancelled:
            return
        except Exception as error:  # reported to the reader below
            failure.append(error)
        try:
            writer._put(_DONE)
        except _Cancelled:
            pass

    threading.Thread(target=work, daemon=True, name=f"export-{fmt}").start()
    try:
        while (item := chunks.get()) is not _DONE:
            yield item
        if failure:
            raise failure[0]
    finally:
        cancelled.set()  # the client went away, or we are done: stop the writer


@router.get("/export", response_class=StreamingResponse, responses={200: {"content": {
    "application/x-ndjson": {}, "text/csv": {}, "application/geo+json": {}}}})
def export(ledger: LedgerDep,
           format: Annotated[Literal["jsonl", "csv", "geojson", "acled-csv"], Query()] = "jsonl"):
    """The whole ledger. jsonl: one Report per line; csv: one claim per row; geojson: located
    places and events; acled-csv: events in ACLED's column layout."""
    media_type, filename = MEDIA[format]
    return StreamingResponse(stream_export(ledger.engine, format), media_type=media_type,
                             headers={"Content-Disposition": f'attachment; filename="{filename}"'})
