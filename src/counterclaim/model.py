"""The output schema ``counterclaim/1``, defined once.

Every JSON document counterclaim prints, stores or serves is one of these models; the JSON
Schema shipped in ``schema/counterclaim-1.schema.json`` is generated from them
(``counterclaim schema``). Spans are code-point offsets ``[start, end)`` into
``Article.text``, the cleaned body the analysis ran on, except a headline claim's
(``Claim.field`` "title"), whose spans index into ``Article.title``.
"""

from __future__ import annotations

import json
from typing import Literal, Optional

from pydantic import BaseModel, ConfigDict, Field

SCHEMA_VERSION = "counterclaim/1"

Span = tuple[int, int]

EntityType = Literal["person", "organization", "group", "place", "other"]
SourceKind = Literal["named", "unnamed", "anonymous", "unverified", "outlet"]
Channel = Literal[
    "tweet",
    "social_media",
    "statement",
    "message",
    "interview",
    "press_conference",
    "speech",
    "broadcast",
    "photo",
    "video",
    "document",
    "report",
]
Mode = Literal["direct", "indirect", "mixed", "according_to", "outlet"]
Status = Literal["asserted", "attributed", "reported", "alleged", "purported", "hedged"]
RelationType = Literal["denies", "contradicts", "supports"]
Voice = Literal["outlet", "speaker"]
Feature = Literal["country", "admin1", "admin2", "city", "locality", "region", "natural"]
Grain = Literal["day", "week", "month", "year", "range"]
EventStatus = Literal[
    "asserted", "attributed", "reported", "alleged", "purported", "hedged", "denied", "disputed"
]


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid", populate_by_name=True)


class Dateline(_Model):
    """The wire dateline opening an article: ``GAZA CITY, Oct 12 (AFP) --``."""

    place: Optional[str] = Field(None, description="The place named in the dateline.")
    date: Optional[str] = Field(None, description="ISO 8601 date, or null when unresolved.")
    date_text: Optional[str] = Field(None, description="The date as written.")
    agency: Optional[str] = Field(None, description="News agency, e.g. Reuters, AFP, NAN.")
    span: Span = Field(..., description="Where the dateline stands in article.text.")


class Article(_Model):
    id: str = Field(..., description="Hash of the normalised text; equal texts share an id.")
    title: Optional[str] = None
    title_variants: list[str] = Field(default_factory=list)
    dateline: Optional[Dateline] = None
    published: Optional[str] = Field(None, description="ISO 8601 date or datetime.")
    outlet: Optional[str] = None
    url: Optional[str] = None
    language: str = "en"
    text: str = Field(..., description="The cleaned body; every span indexes into it, but "
                      "a headline claim's (Claim.field \"title\"), which index into title.")
    hashtags: list[str] = Field(default_factory=list)


class Entity(_Model):
    id: str
    name: str
    type: EntityType
    aliases: list[str] = Field(default_factory=list)
    roles: list[str] = Field(default_factory=list)
    affiliation: Optional[str] = Field(None, description="Id of the entity this one belongs to.")
    mentions: list[Span] = Field(default_factory=list)


class Source(_Model):
    text: Optional[str] = None
    span: Optional[Span] = None
    entity: Optional[str] = Field(None, description="Id of the resolved entity.")
    kind: SourceKind


class Cue(_Model):
    text: str
    lemma: str
    span: Span


class LoadedTerm(_Model):
    text: str
    span: Span
    category: Literal["label", "atrocity", "exaggeration", "emphasis"]
    voice: Voice


class Claim(_Model):
    id: str
    text: str
    field: Literal["text", "title"] = Field(
        "text",
        description="The article field the claim's spans index into: span, parts, source.span, "
        "cue.span and loaded_terms spans index into article.text, or into article.title for a "
        "headline claim.",
    )
    span: Span
    parts: list[Span] = Field(
        default_factory=list,
        description="The pieces of a discontinuous content span (a split quote); empty when "
        "the content is the whole span.",
    )
    source: Source
    cue: Optional[Cue] = None
    channel: Optional[Channel] = None
    mode: Mode
    status: Status
    hedges: list[str] = Field(default_factory=list)
    negated: bool = False
    date: Optional[str] = Field(None, description="When the claim was made (ISO 8601).")
    loaded_terms: list[LoadedTerm] = Field(default_factory=list)
    handles: list[str] = Field(default_factory=list, description="@handles and hashtags in it.")


class Relation(_Model):
    type: RelationType
    from_: str = Field(..., alias="from", description="Id of the claim that relates.")
    to: str = Field(..., description="Id of the claim related to.")
    evidence: str = ""


class Place(_Model):
    id: str
    name: str
    lat: Optional[float] = None
    lon: Optional[float] = None
    country: Optional[str] = Field(None, description="ISO 3166-1 alpha-2.")
    admin1: Optional[str] = None
    feature: Optional[Feature] = None
    geonames_id: Optional[int] = None
    precision: Literal[1, 2, 3] = 3
    mentions: list[Span] = Field(default_factory=list)


class Time(_Model):
    id: str
    text: str
    span: Span
    value: Optional[str] = Field(None, description="ISO 8601 value, or a range start/end.")
    grain: Grain


class Fatalities(_Model):
    count: int
    text: str
    claimant: Optional[str] = Field(None, description="Entity id of who gives the figure.")
    claim: Optional[str] = None


class Event(_Model):
    id: str
    type: str
    subtype: Optional[str] = None
    actors: list[str] = Field(default_factory=list)
    targets: list[str] = Field(default_factory=list)
    place: Optional[str] = None
    date: Optional[str] = None
    date_precision: Optional[Literal[1, 2, 3]] = None
    claim: Optional[str] = None
    status: EventStatus = "asserted"
    fatalities: list[Fatalities] = Field(default_factory=list)
    span: Optional[Span] = None


class Report(_Model):
    """Everything counterclaim found in one article."""

    schema_: Literal["counterclaim/1"] = Field(SCHEMA_VERSION, alias="schema")
    article: Article
    entities: list[Entity] = Field(default_factory=list)
    claims: list[Claim] = Field(default_factory=list)
    headline_claims: list[Claim] = Field(
        default_factory=list,
        description="Claims read in the article's title (field \"title\"): their spans index "
        "into article.title, not article.text.",
    )
    relations: list[Relation] = Field(default_factory=list)
    events: list[Event] = Field(default_factory=list)
    places: list[Place] = Field(default_factory=list)
    times: list[Time] = Field(default_factory=list)

    def all_claims(self) -> list[Claim]:
        """The body's claims, then the headline's."""
        return [*self.claims, *self.headline_claims]

    def to_json(self, indent: int | None = None) -> str:
        return self.model_dump_json(by_alias=True, indent=indent)

    def to_dict(self) -> dict:
        return self.model_dump(mode="json", by_alias=True)


def json_schema() -> dict:
    """The JSON Schema of a ``Report``, as shipped."""
    schema = Report.model_json_schema(by_alias=True, mode="serialization")
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    schema["$id"] = "https://counterclaim.invalid/schema/counterclaim-1.schema.json"
    schema["title"] = SCHEMA_VERSION
    return schema


def json_schema_text() -> str:
    return json.dumps(json_schema(), indent=2, sort_keys=True) + "\n"
