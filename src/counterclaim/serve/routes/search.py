"""GET /api/search: full-text search over claims and articles."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query

from counterclaim.ledger.results import SearchHit

from ..deps import LedgerDep
from ..schemas import json_response

router = APIRouter(prefix="/api", tags=["search"])


@router.get("/search", response_model=list[SearchHit])
def search(ledger: LedgerDep, q: Annotated[str, Query(min_length=1, max_length=500)],
           limit: Annotated[int, Query(ge=1, le=200)] = 20):
    """Up to ``limit`` claims, then up to ``limit`` articles, best first; every word required."""
    return json_response(ledger.search(q, limit=limit), list[SearchHit])
