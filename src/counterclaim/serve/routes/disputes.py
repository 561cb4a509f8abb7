"""GET /api/disputes: disputed claim clusters with their claimants and deniers."""

from __future__ import annotations

from fastapi import APIRouter

from counterclaim.ledger.results import Dispute

from ..deps import DateQuery, LedgerDep, PagingDep, TextQuery
from ..schemas import Page, page_of

router = APIRouter(prefix="/api", tags=["disputes"])


@router.get("/disputes", response_model=Page[Dispute])
def list_disputes(ledger: LedgerDep, paging: PagingDep, entity: TextQuery = None,
                  place: TextQuery = None, since: DateQuery = None):
    """Disputed claim clusters, newest first (by last seen).

    entity: a party (name, alias or id) taking a side or named in the claims.
    place: a place named in the claims. since: last seen on or after this date.
    """
    rows = ledger.disputes(entity=entity, place=place, since=since, limit=paging.limit + 1,
                           offset=paging.offset)
    return page_of(rows, paging.limit, paging.offset)
