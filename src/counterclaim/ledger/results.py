"""What ledger queries return: pydantic models that print as JSON for the CLI and HTTP."""

from __future__ import annotations

from typing import Literal, Optional

from pydantic import BaseModel, Field

MAX_LIMIT = 1000  # rows per page of any query


def page_bounds(limit: int, offset: int = 0) -> tuple[int, int]:
    """``limit`` clamped to 0..MAX_LIMIT and ``offset`` to >= 0, as every query pages."""
    return max(0, min(int(limit), MAX_LIMIT)), max(0, int(offset))


class Party(BaseModel):
    """Someone taking a side on a claim cluster."""

    id: str = Field(..., description="Entity id, or 'outlet:<name>' / 'source:<text>'.")
    name: str
    kind: str = Field(..., description="entity, outlet, or the source kind (unnamed, ...).")
    roles: list[str]
    outlets: list[str] = Field(default_factory=list)
    first_seen: Optional[str] = None
    claims: list[str] = Field(default_factory=list, description="Global claim ids.")


class Dispute(BaseModel):
    """A claim cluster that parties disagree about."""

    cluster_id: str
    text: str
    first_seen: Optional[str] = None
    last_seen: Optional[str] = None
    claimants: list[Party]
    deniers: list[Party]
    outlets: list[str]
    statuses: list[str]
    n_stories: int
    disputed: bool = True


class ClaimRow(BaseModel):
    id: str
    article_id: str
    text: str
    field: Literal["text", "title"] = Field(
        "text", description="'title' for a headline claim, else 'text'.")
    source: Optional[str] = None
    source_entity_id: Optional[str] = None
    source_kind: str
    cue: Optional[str] = None
    channel: Optional[str] = None
    mode: Optional[str] = None
    status: Optional[str] = None
    negated: bool = False
    day: Optional[str] = None
    cluster_id: Optional[str] = None
    story_id: str
    outlet: Optional[str] = None
    outlets: list[str] = Field(default_factory=list, description="Every outlet of the story.")
    title: Optional[str] = None


class EntityRow(BaseModel):
    id: str
    name: str
    type: str
    aliases: list[str]
    roles: list[str]
    first_seen: Optional[str] = None
    n_articles: int = 0


class EntityProfile(BaseModel):
    """What an entity claimed, what was claimed about it, and what it denied."""

    entity: EntityRow
    others: list[EntityRow] = Field(default_factory=list, description="Other matches.")
    claimed: list[ClaimRow]
    about: list[ClaimRow]
    denied: list[Dispute]


class TimelineItem(BaseModel):
    day: Optional[str] = None
    kind: str = Field(..., description="claim or event")
    text: str
    cluster_id: Optional[str] = None
    disputed: bool = False
    parties: list[str] = Field(default_factory=list)
    outlet: Optional[str] = None
    article_id: str


class ArticleRow(BaseModel):
    id: str
    title: Optional[str] = None
    outlet: Optional[str] = None
    published: Optional[str] = None
    day: Optional[str] = None
    url: Optional[str] = None
    story_id: str
    outlets: list[str] = Field(default_factory=list)


class SearchHit(BaseModel):
    kind: str = Field(..., description="claim or article")
    id: str
    article_id: str
    text: str
    score: float


class Stats(BaseModel):
    articles: int
    stories: int
    entities: int
    claims: int
    clusters: int
    disputed: int
