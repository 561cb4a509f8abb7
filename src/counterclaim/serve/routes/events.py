"""GET /api/events and /api/timeline: reported events, and claims and events by date."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query

from counterclaim.ledger.results import TimelineItem
from counterclaim.model import EventStatus

from .. import lookup
from ..deps import DateQuery, LedgerDep, PagingDep, TextQuery
from ..schemas import EventRow, Page, json_page, json_response

router = APIRouter(prefix="/api", tags=["events"])


@router.get("/events", response_model=Page[EventRow])
def list_events(ledger: LedgerDep, paging: PagingDep, type: TextQuery = None,
                status: Annotated[EventStatus | None, Query()] = None, place: TextQuery = None,
                outlet: TextQuery = None, since: DateQuery = None, until: DateQuery = None,
                article_id: TextQuery = None):
    """Events as each article reported them, newest first, with their place's coordinates."""
    rows = lookup.events_list(ledger.engine, type=type, status=status, place=place,
                              outlet=outlet, since=since, until=until, article_id=article_id,
                              limit=paging.limit, offset=paging.offset)
    return json_page(rows, paging.limit, paging.offset, EventRow)


@router.get("/timeline", response_model=list[TimelineItem])
def timeline(ledger: LedgerDep, entity: TextQuery = None, place: TextQuery = None,
             since: DateQuery = None,
             limit: Annotated[int, Query(ge=1, le=1000)] = 200):
    """Claim clusters (first appearance) and events in date order, oldest first."""
    return json_response(ledger.timeline(entity=entity, place=place, since=since, limit=limit),
                         list[TimelineItem])
