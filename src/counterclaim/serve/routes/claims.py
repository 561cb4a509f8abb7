"""GET /api/claims: claims across the ledger, filtered and paged."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query

from counterclaim.ledger.results import ClaimRow
from counterclaim.model import Status

from .. import lookup
from ..deps import DateQuery, LedgerDep, PagingDep, TextQuery
from ..schemas import Page, json_page

router = APIRouter(prefix="/api", tags=["claims"])


@router.get("/claims", response_model=Page[ClaimRow])
def list_claims(ledger: LedgerDep, paging: PagingDep, source: TextQuery = None,
                entity: TextQuery = None, place: TextQuery = None,
                status: Annotated[Status | None, Query()] = None, outlet: TextQuery = None,
                since: DateQuery = None, until: DateQuery = None,
                article_id: TextQuery = None, cluster_id: TextQuery = None):
    """Claims newest first, one per story (syndicated copies count once).

    source: who made it (name, alias, entity id, else a substring of the source text).
    entity: who made it or whom it names. place: a place it names.
    """
    rows = lookup.claims(ledger.engine, source=source, entity=entity, place=place,
                         status=status, outlet=outlet, since=since, until=until,
                         article_id=article_id, cluster_id=cluster_id,
                         limit=paging.limit, offset=paging.offset)
    return json_page(rows, paging.limit, paging.offset, ClaimRow)
