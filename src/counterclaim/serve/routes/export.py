"""GET /api/export: the ledger as JSON Lines, CSV, GeoJSON or ACLED-style CSV, streamed."""

from __future__ import annotations

from typing import Annotated, Literal

from fastapi import APIRouter, Query
from fastapi.responses import StreamingResponse

from ..deps import DateQuery, LedgerDep, TextQuery
from ..exporting import FORMATS

router = APIRouter(prefix="/api", tags=["export"])


@router.get("/export", response_class=StreamingResponse, responses={200: {"content": {
    "application/x-ndjson": {}, "text/csv": {}, "application/geo+json": {}}}})
def export(ledger: LedgerDep,
           format: Annotated[Literal["jsonl", "csv", "geojson", "acled-csv"], Query()] = "jsonl",
           since: DateQuery = None, until: DateQuery = None, outlet: TextQuery = None):
    """jsonl: one Report per line; csv: one claim per row; geojson: located events;
    acled-csv: events in ACLED-like columns. Filters: since/until (ISO dates), outlet."""
    produce, media_type, filename = FORMATS[format]
    chunks = produce(ledger.engine, since=since, until=until, outlet=outlet)
    return StreamingResponse(chunks, media_type=media_type, headers={
        "Content-Disposition": f'attachment; filename="{filename}"'})
