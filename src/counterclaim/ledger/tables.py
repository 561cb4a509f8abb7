"""The ledger's tables, as SQLAlchemy Core objects shared by SQLite and PostgreSQL.

Dates are ISO 8601 strings (``YYYY-MM-DD``): they sort and compare as text on both
databases, and a report's dates are often only a day. Lists (aliases, roles, statuses) are
JSON columns; anything a query filters on has its own column and index.
"""

from __future__ import annotations

from sqlalchemy import (
    JSON, BigInteger, Boolean, Column, Float, ForeignKey, Index, Integer, LargeBinary, MetaData,
    String, Table, Text,
)

metadata = MetaData()

ArticleRef = lambda: ForeignKey("articles.id", ondelete="CASCADE")  # noqa: E731

schema_migrations = Table(
    "schema_migrations", metadata,
    Column("version", Integer, primary_key=True),
    Column("name", String(100), nullable=False),
    Column("applied_at", String(32), nullable=False),
)

stories = Table(
    "stories", metadata,
    Column("id", String(40), primary_key=True),  # = id of the first article seen
    Column("lead_article_id", String(40), nullable=False),
    Column("title", Text),
    Column("first_seen", String(10), index=True),
    Column("n_articles", Integer, nullable=False, default=1),
)

articles = Table(
    "articles", metadata,
    Column("id", String(40), primary_key=True),
    Column("title", Text),
    Column("outlet", Text, index=True),
    Column("url", Text),
    Column("published", String(32)),
    Column("day", String(10)),  # published, else dateline date
    Column("dateline_date", String(10)),
    Column("text", Text, nullable=False),
    Column("story_id", String(40), ForeignKey("stories.id"), nullable=False, index=True),
    Column("minhash", LargeBinary),  # uint32 MinHash signature, for syndication checks
    Column("report", JSON, nullable=False),
    Column("added_at", String(32), nullable=False),
    Index("ix_articles_day_id", "day", "id"),
)

appearances = Table(
    "appearances", metadata,
    Column("story_id", String(40), ForeignKey("stories.id"), primary_key=True),
    Column("article_id", String(40), ArticleRef(), primary_key=True),
    Column("outlet", Text),
    Column("day", String(10)),
    Column("similarity", Integer),  # estimated Jaccard x 100 to the story's lead article
)

lsh_bands = Table(  # one row per MinHash band of an article: lookup is an indexed equality
    "lsh_bands", metadata,
    Column("band_key", BigInteger, nullable=False),
    Column("article_id", String(40), ArticleRef(), nullable=False),
    Index("ix_lsh_bands_key", "band_key"),
)

entities = Table(
    "entities", metadata,
    Column("id", String(40), primary_key=True),  # hash of type class + canonical key
    Column("name", Text, nullable=False),
    Column("type", String(20), nullable=False),
    Column("aliases", JSON, nullable=False),
    Column("roles", JSON, nullable=False),
    Column("first_seen", String(10)),
)

entity_keys = Table(  # every normalised name, alias, acronym and surname that finds an entity
    "entity_keys", metadata,
    Column("key", Text, primary_key=True),
    Column("entity_id", String(40), ForeignKey("entities.id"), primary_key=True),
)

article_entities = Table(
    "article_entities", metadata,
    Column("article_id", String(40), ArticleRef(), primary_key=True),
    Column("local_id", String(40), primary_key=True),
    Column("entity_id", String(40), ForeignKey("entities.id"), nullable=False, index=True),
    Column("name", Text),
    Column("n_mentions", Integer),
)

clusters = Table(
    "clusters", metadata,
    Column("id", String(90), primary_key=True),  # = global id of its first claim
    Column("text", Text, nullable=False),  # representative: the first claim's text
    Column("terms", Text, nullable=False),  # its content words, for lexical matching
    Column("anchors", Text, nullable=False),  # entities/places it mentions, space-separated
    Column("negated", Boolean, nullable=False),  # polarity of the representative
    Column("first_seen", String(10)),
    Column("last_seen", String(10)),
    Column("n_for", Integer, nullable=False, default=0),
    Column("n_against", Integer, nullable=False, default=0),
    Column("disputed", Boolean, nullable=False, default=False),
    Index("ix_clusters_disputed_last", "disputed", "last_seen", "id"),
)

cluster_tags = Table(  # entities and places the claims of a cluster mention, for filters
    "cluster_tags", metadata,
    Column("tag", Text, primary_key=True),
    Column("cluster_id", String(90), ForeignKey("clusters.id"), primary_key=True),
)

claims = Table(
    "claims", metadata,
    Column("id", String(90), primary_key=True),  # article id + ":" + local id
    Column("article_id", String(40), ArticleRef(), nullable=False, index=True),
    Column("local_id", String(40), nullable=False),
    Column("text", Text, nullable=False),
    # "title" for a headline claim, whose span indexes into the title (migration 7)
    Column("field", String(10), nullable=False, server_default="text"),
    Column("span_start", Integer), Column("span_end", Integer),
    Column("source_entity_id", String(40), ForeignKey("entities.id"), index=True),
    Column("source_text", Text),
    Column("source_kind", String(20), nullable=False),
    Column("cue_lemma", Text),
    Column("channel", String(30)),
    Column("mode", String(20)),
    Column("status", String(20), index=True),
    Column("negated", Boolean, nullable=False),
    Column("day", String(10), index=True),
    Column("cluster_id", String(90), ForeignKey("clusters.id"), index=True),
    Column("lead", Boolean, nullable=False),  # from its story's first article (not a copy)
    Index("ix_claims_lead_day", "lead", "day", "id"),
)

claim_tags = Table(  # entities and places a claim mentions ("e:<entity id>", "p:<place key>")
    "claim_tags", metadata,
    Column("tag", Text, primary_key=True),
    Column("claim_id", String(90), ForeignKey("claims.id", ondelete="CASCADE"), primary_key=True),
    Column("day", String(10)),
    Index("ix_claim_tags_tag_day", "tag", "day"),
)

claim_keys = Table(  # blocking keys: hashed pairs of claim terms → cluster, with last day seen
    "claim_keys", metadata,
    Column("key", BigInteger, primary_key=True),
    Column("cluster_id", String(90), ForeignKey("clusters.id"), primary_key=True),
    Column("day", String(10), nullable=False),
    Index("ix_claim_keys_key_day", "key", "day"),
)

relations = Table(
    "relations", metadata,
    Column("article_id", String(40), ArticleRef(), primary_key=True),
    Column("from_claim", String(90), primary_key=True),
    Column("to_claim", String(90), primary_key=True),
    Column("type", String(20), primary_key=True),
    Column("evidence", Text),
)

FOR_ROLES = ("asserts", "reports", "supports")  # cluster_members.role, by side
AGAINST_ROLES = ("denies", "contradicts")

cluster_members = Table(  # who stands where on a cluster; one row per story, party and role
    "cluster_members", metadata,
    Column("cluster_id", String(90), ForeignKey("clusters.id"), primary_key=True),
    Column("story_id", String(40), ForeignKey("stories.id"), primary_key=True),
    Column("party", Text, primary_key=True),  # entity id, else "outlet:"/"source:" text
    Column("role", String(20), primary_key=True),
    Column("party_name", Text),
    Column("party_kind", String(20)),
    Column("entity_id", String(40), index=True),
    Column("claim_id", String(90), nullable=False),
    Column("article_id", String(40), ArticleRef(), nullable=False, index=True),
    Column("outlet", Text),
    Column("status", String(20)),
    Column("day", String(10)),
)

places = Table(
    "places", metadata,
    Column("article_id", String(40), ArticleRef(), primary_key=True),
    Column("local_id", String(40), primary_key=True),
    Column("key", Text, index=True),
    Column("name", Text), Column("lat", Float), Column("lon", Float),
    Column("country", String(2)), Column("admin1", Text), Column("feature", String(20)),
    Column("geonames_id", BigInteger), Column("precision", Integer),
)

events = Table(
    "events", metadata,
    Column("article_id", String(40), ArticleRef(), primary_key=True),
    Column("local_id", String(40), primary_key=True),
    Column("type", String(60), index=True), Column("subtype", String(60)),
    Column("day", String(10), index=True), Column("place_local_id", String(40)),
    Column("status", String(20)), Column("data", JSON, nullable=False),
)

times = Table(
    "times", metadata,
    Column("article_id", String(40), ArticleRef(), primary_key=True),
    Column("local_id", String(40), primary_key=True),
    Column("text", Text), Column("value", String(60), index=True), Column("grain", String(10)),
)

# Rows that belong to one article, children first: what a delete or a rollback test checks.
ARTICLE_TABLES = (claim_tags, cluster_members, relations, places, events, times,
                  article_entities, lsh_bands, appearances, claims, articles)
