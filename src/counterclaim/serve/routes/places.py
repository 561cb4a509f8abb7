"""GET /api/places: places named in the ledger, with coordinates and claim statuses."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query

from .. import lookup
from ..deps import CacheDep, LedgerDep, PagingDep, TextQuery
from ..schemas import Page, PlaceRow, json_page

router = APIRouter(prefix="/api", tags=["places"])


@router.get("/places", response_model=Page[PlaceRow])
def list_places(ledger: LedgerDep, cache: CacheDep, paging: PagingDep, q: TextQuery = None,
                country: Annotated[str | None, Query(pattern=r"^[A-Za-z]{2}$")] = None,
                located: bool = False):
    """Places by number of articles naming them. located: only places with coordinates.

    An aggregate over the whole ledger: answers are reused for up to 30 s (or until an ingest).
    """
    key = ("places", q, country, located, paging.limit, paging.offset)
    rows = cache.get(key, lambda: lookup.places_list(
        ledger.engine, q=q, country=country, located=located, limit=paging.limit,
        offset=paging.offset))
    return json_page(rows, paging.limit, paging.offset, PlaceRow)
