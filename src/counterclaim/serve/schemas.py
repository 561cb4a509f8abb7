"""Request and response shapes the API adds around the ``counterclaim/1`` models.

Reports, claims and disputes are served as ``model`` and ``ledger.results`` types; this module
only wraps them in pages and adds the rows the ledger has no model for yet (events, places).
"""

from __future__ import annotations

from functools import lru_cache
from typing import Generic, Literal, Optional, TypeVar

from fastapi import Response
from pydantic import BaseModel, ConfigDict, Field, TypeAdapter

from counterclaim.ledger.results import EntityRow
from counterclaim.model import Event, Place

T = TypeVar("T")

MAX_TEXT_CHARS = 1_000_000


class Page(BaseModel, Generic[T]):
    """One page of a list, newest first unless stated; ask again with ``next_offset``."""

    items: list[T]
    limit: int
    offset: int
    next_offset: Optional[int] = Field(None, description="Offset of the next page, or null.")


def page_of(rows: list, limit: int, offset: int) -> dict:
    """A Page from ``limit + 1`` fetched rows: the extra row only says a next page exists."""
    more = len(rows) > limit
    return {"items": rows[:limit], "limit": limit, "offset": offset,
            "next_offset": offset + limit if more else None}


@lru_cache(maxsize=None)
def _adapter(kind) -> TypeAdapter:
    return TypeAdapter(kind)


def json_response(value, kind) -> Response:
    """``value`` (already of type ``kind``) as JSON bytes, serialised once by pydantic-core.

    FastAPI would dump a returned model to dicts, validate them again into ``response_model``
    and encode the result with ``json``: three passes, 60 % of a page of disputes' time. The
    route keeps ``response_model`` for the OpenAPI spec; the JSON is the same (by alias).
    """
    return Response(_adapter(kind).dump_json(value, by_alias=True),
                    media_type="application/json")


def json_page(rows: list, limit: int, offset: int, item) -> Response:
    """``page_of`` as a ``Page[item]`` JSON response."""
    return json_response(Page[item](**page_of(rows, limit, offset)), Page[item])


class ArticleIn(BaseModel):
    """An article to analyze or ingest: plain text or HTML, with what the caller knows."""

    model_config = ConfigDict(extra="forbid")

    text: str = Field(..., min_length=1, max_length=MAX_TEXT_CHARS,
                      description="The article as plain text or HTML.")
    html: Optional[bool] = Field(None, description="Force HTML (true) or text (false).")
    title: Optional[str] = Field(None, max_length=1000)
    published: Optional[str] = Field(None, pattern=r"^\d{4}-\d{2}-\d{2}([T ][0-9:.+\-Z]+)?$",
                                     description="ISO 8601 date or datetime.")
    outlet: Optional[str] = Field(None, max_length=200)
    url: Optional[str] = Field(None, max_length=2000)


class Ingested(BaseModel):
    """What happened to one ingested article (or file)."""

    name: str = Field(..., description="The file name, or 'pasted'.")
    ok: bool
    status: Optional[Literal["new", "present", "syndicated"]] = None
    article_id: Optional[str] = None
    story_id: Optional[str] = None
    title: Optional[str] = None
    n_claims: int = 0
    error: Optional[dict] = Field(None, description="The error shape, when ok is false.")


class PlaceRef(BaseModel):
    name: Optional[str] = None
    lat: Optional[float] = None
    lon: Optional[float] = None
    country: Optional[str] = None


class EventRow(BaseModel):
    """An event as reported in one article, with where it happened."""

    id: str = Field(..., description="<article id>:<event id>")
    article_id: str
    outlet: Optional[str] = None
    day: Optional[str] = None
    event: Event
    place: Optional[PlaceRef] = None


class PlaceRow(BaseModel):
    """A place mentioned across the ledger, with what was claimed there."""

    key: str
    name: str
    lat: Optional[float] = None
    lon: Optional[float] = None
    country: Optional[str] = None
    feature: Optional[str] = None
    n_articles: int
    n_claims: int = 0
    n_events: int = 0
    statuses: dict[str, int] = Field(default_factory=dict, description="Claims/events by status.")
    status: Optional[str] = Field(None, description="'disputed' when any claim or event there "
                                  "is denied or disputed, else the most frequent status.")


class EntityListRow(EntityRow):
    """The ledger's entity row; in lists the article count is always present."""

    n_articles: int


__all__ = ["ArticleIn", "EntityListRow", "EventRow", "Ingested", "Page", "PlaceRef", "PlaceRow",
           "Place", "json_page", "json_response", "page_of"]
