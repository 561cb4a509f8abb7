"""GET /api/disputes: disputed claim clusters with their claimants and deniers."""

from __future__ import annotations

from fastapi import APIRouter, Response

from counterclaim.ledger.results import Dispute

from ..deps import CacheDep, DateQuery, LedgerDep, PagingDep, TextQuery
from ..schemas import Page, json_page

router = APIRouter(prefix="/api", tags=["disputes"])


@router.get("/disputes", response_model=Page[Dispute])
def list_disputes(ledger: LedgerDep, cache: CacheDep, paging: PagingDep,
                  entity: TextQuery = None,
                  place: TextQuery = None, since: DateQuery = None):
    """Disputed claim clusters, newest first (by last seen).

    entity: a party (name, alias or id) taking a side or named in the claims.
    place: a place named in the claims. since: last seen on or after this date.
    A page gathers every party of 20 clusters (thousands of rows on a large ledger): answers
    are reused for up to 30 s (or until an ingest through this server).
    """
    key = ("disputes", entity, place, since, paging.limit, paging.offset)
    body = cache.get(key, lambda: json_page(ledger.disputes(
        entity=entity, place=place, since=since, limit=paging.limit + 1, offset=paging.offset),
        paging.limit, paging.offset, Dispute).body)  # bytes: a Response is sent once
    return Response(body, media_type="application/json")
