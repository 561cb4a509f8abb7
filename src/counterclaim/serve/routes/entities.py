"""GET /api/entities and /api/entities/{name}: parties, and what each claimed and denied."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Path, Query

from counterclaim.ledger.results import EntityProfile
from counterclaim.model import EntityType

from .. import lookup
from ..deps import CacheDep, LedgerDep, PagingDep, TextQuery
from ..errors import ApiError
from ..schemas import EntityListRow, Page, json_page, json_response

router = APIRouter(prefix="/api", tags=["entities"])


@router.get("/entities", response_model=Page[EntityListRow])
def list_entities(ledger: LedgerDep, cache: CacheDep, paging: PagingDep, q: TextQuery = None,
                  type: Annotated[EntityType | None, Query()] = None):
    """Entities, most reported first. q: a name or alias (exact key) or a name substring.

    An aggregate over the whole ledger: answers are reused for up to 30 s (or until an ingest).
    """
    key = ("entities", q, type, paging.limit, paging.offset)
    rows = cache.get(key, lambda: lookup.entities_list(ledger.engine, q=q, type=type,
                                                       limit=paging.limit, offset=paging.offset))
    return json_page(rows, paging.limit, paging.offset, EntityListRow)


@router.get("/entities/{name}", response_model=EntityProfile)
def get_entity(ledger: LedgerDep, cache: CacheDep,
               name: Annotated[str, Path(min_length=1, max_length=200)]):
    """The best match for ``name`` (an id, name, alias or acronym): its claims, the claims
    about it, and the clusters it denied, newest first. Reused for up to 30 s (or until an
    ingest through this server), like the lists that aggregate the whole ledger."""
    profile = cache.get(("entity", name), lambda: ledger.entity(name))
    if profile is None:
        raise ApiError(404, "not_found", f"no entity matches {name!r}")
    return json_response(profile, EntityProfile)
