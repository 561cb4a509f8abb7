"""Maintained counts that the API's whole-ledger lists read instead of aggregating per request.

At 100k articles, ranking places by mentions grouped 290k place rows and joined 700k claim
tags per request (~1 s); ranking entities grouped 460k article links. These tables hold the
same aggregates, kept up to date by ingest in the same transaction as the article's rows
(``Batch.flush``), so a rolled-back article leaves no count behind and a re-ingest (skipped as
"present") adds nothing. ``rebuild`` recounts them from the base tables (migration m0004);
the tests check that ingest keeps them equal to that recount.

- ``place_counts``: place rows (one per article-local place) per key, country and whether it
  has coordinates: the list's filters (country, located) are sums over these groups.
- ``place_summary``: per key, the place row shown for it (located first, then lowest article
  id, then local id).
- ``place_statuses``: per key, claims naming the place by status ('disputed' when their
  cluster is) and events there by status. A cluster that becomes disputed moves its claims'
  counts (``Batch.flush`` passes the clusters whose flag flipped).
- ``entity_stats``: per entity, article links (article-local entities merged into it) and
  distinct articles.
- ``dispute_summary``: per claim cluster, its Dispute as JSON (``disputes_view.py``), rebuilt
  when a batch adds members to the cluster or a syndicated copy adds an outlet to its stories.
"""

from __future__ import annotations

from collections import Counter
from functools import lru_cache

import orjson

from sqlalchemy import (
    Boolean, Column, Connection, Float, Integer, MetaData, String, Table, Text, and_, bindparam,
    case, delete, func, literal, select, text,
)
from sqlalchemy.dialects import postgresql, sqlite

from .disputes_view import build_disputes
from .tables import (
    article_entities, claim_tags, claims, cluster_members, clusters, events, places,
)

summary_metadata = MetaData()

place_counts = Table(
    "place_counts", summary_metadata,
    Column("key", Text, primary_key=True),
    Column("country", String(2), primary_key=True),  # '' when unknown (a key part)
    Column("located", Boolean, primary_key=True),
    Column("n_articles", Integer, nullable=False),
)

place_summary = Table(
    "place_summary", summary_metadata,
    Column("key", Text, primary_key=True),
    Column("article_id", String(40), nullable=False), Column("local_id", String(40)),
    Column("name", Text), Column("lat", Float), Column("lon", Float),
    Column("country", String(2)), Column("feature", String(20)),
)

place_statuses = Table(
    "place_statuses", summary_metadata,
    Column("key", Text, primary_key=True),
    Column("kind", String(10), primary_key=True),  # claim | event
    Column("status", String(20), primary_key=True),
    Column("n", Integer, nullable=False),
)

dispute_summary = Table(  # each cluster's Dispute (``disputes_view.py``), as JSON
    "dispute_summary", summary_metadata,
    Column("cluster_id", String(90), primary_key=True),
    Column("body", Text, nullable=False),
)

entity_stats = Table(
    "entity_stats", summary_metadata,
    Column("entity_id", String(40), primary_key=True),
    Column("n_links", Integer, nullable=False),
    Column("n_articles", Integer, nullable=False),
)

SUMMARY_TABLES = (place_counts, place_summary, place_statuses, entity_stats, dispute_summary)
PLACE_TAG = "p:"


def claim_class(status: str | None, disputed) -> str:
    """How a claim counts at a place: 'disputed' when its cluster is, else its status."""
    return "disputed" if disputed else (status or "asserted")


@lru_cache(maxsize=None)
def _add_to(dialect_name: str, table: Table, counters: tuple[str, ...]):
    """INSERT ... ON CONFLICT DO UPDATE SET c = c + excluded.c, for both dialects."""
    statement = (sqlite if dialect_name == "sqlite" else postgresql).insert(table)
    keys = [c for c in table.primary_key.columns]
    return statement.on_conflict_do_update(
        index_elements=keys, set_={c: table.c[c] + statement.excluded[c] for c in counters})


@lru_cache(maxsize=None)
def _replace(dialect_name: str, table: Table):
    statement = (sqlite if dialect_name == "sqlite" else postgresql).insert(table)
    keys = [c for c in table.primary_key.columns]
    return statement.on_conflict_do_update(
        index_elements=keys,
        set_={c.name: statement.excluded[c.name] for c in table.columns if not c.primary_key})


def _add(conn: Connection, table: Table, counts: dict[tuple, dict[str, int]]) -> None:
    """Add ``counts`` ({primary key tuple: {counter: n}}) to ``table``'s rows."""
    if not counts:
        return
    keys = [c.name for c in table.primary_key.columns]
    counters = tuple(sorted(next(iter(counts.values()))))
    rows = [{**dict(zip(keys, key)), **values} for key, values in sorted(counts.items())]
    conn.execute(_add_to(conn.dialect.name, table, counters), rows)


def _unique(rows: list[dict], *key: str) -> list[dict]:
    """Rows as the insert-or-ignore kept them: the first of each primary key."""
    seen: dict[tuple, dict] = {}
    for row in rows:
        seen.setdefault(tuple(row[k] for k in key), row)
    return list(seen.values())


def _place_rank(row) -> tuple:
    return (row["lat"] is None, row["article_id"], row["local_id"] or "")


def add_places(conn: Connection, place_rows: list[dict], event_rows: list[dict]) -> None:
    """Count a batch's new place and event rows (articles not stored before)."""
    place_rows = [r for r in _unique(place_rows, "article_id", "local_id") if r["key"] is not None]
    counts: Counter = Counter((r["key"], r["country"] or "", r["lat"] is not None)
                              for r in place_rows)
    _add(conn, place_counts, {k: {"n_articles": n} for k, n in counts.items()})
    _update_place_summary(conn, place_rows)
    key_of = {(r["article_id"], r["local_id"]): r["key"] for r in place_rows}
    statuses: Counter = Counter()
    for event in _unique(event_rows, "article_id", "local_id"):
        key = key_of.get((event["article_id"], event["place_local_id"]))
        if key is not None:
            statuses[(key, "event", event["status"] or "asserted")] += 1
    _add(conn, place_statuses, {k: {"n": n} for k, n in statuses.items()})


def _update_place_summary(conn: Connection, place_rows: list[dict]) -> None:
    best: dict[str, dict] = {}
    for row in place_rows:
        if row["key"] not in best or _place_rank(row) < _place_rank(best[row["key"]]):
            best[row["key"]] = row
    if not best:
        return
    stored = {r.key: r._mapping for r in conn.execute(
        select(place_summary).where(place_summary.c.key.in_(sorted(best))))}
    columns = [c.name for c in place_summary.columns]
    changed = [{c: row[c] for c in columns} for key, row in sorted(best.items())
               if key not in stored or _place_rank(row) < _place_rank(stored[key])]
    if changed:
        conn.execute(_replace(conn.dialect.name, place_summary), changed)


def add_claims(conn: Connection, claim_rows: list[dict], tag_rows: list[dict],
               disputed_before: dict[str, bool]) -> None:
    """Count a batch's new claims at the places they name, as their clusters stood before the
    batch (``disputed_before``); ``move_flipped`` then reclassifies flipped clusters."""
    claim_of = {r["id"]: r for r in claim_rows}
    statuses: Counter = Counter()
    for tag in _unique(tag_rows, "tag", "claim_id"):
        claim = claim_of.get(tag["claim_id"])
        if claim is not None and tag["tag"].startswith(PLACE_TAG):
            disputed = disputed_before.get(claim["cluster_id"], False)
            statuses[(tag["tag"][2:], "claim", claim_class(claim["status"], disputed))] += 1
    _add(conn, place_statuses, {k: {"n": n} for k, n in statuses.items()})


_FLIPPED_CLAIMS = select(
    claims.c.cluster_id, claim_tags.c.tag, claims.c.status, func.count()).join(
    claim_tags, claim_tags.c.claim_id == claims.c.id).where(
    claims.c.cluster_id.in_(bindparam("ids", expanding=True)),
    claim_tags.c.tag >= PLACE_TAG, claim_tags.c.tag < "p;").group_by(
    claims.c.cluster_id, claim_tags.c.tag, claims.c.status)


def move_flipped(conn: Connection, flipped: dict[str, bool]) -> None:
    """Clusters whose disputed flag changed ({id: new flag}): move their claims' counts."""
    if not flipped:
        return
    delta: Counter = Counter()
    for cluster_id, tag, status, n in conn.execute(_FLIPPED_CLAIMS, {"ids": sorted(flipped)}):
        now = flipped[cluster_id]
        delta[(tag[2:], "claim", claim_class(status, not now))] -= n
        delta[(tag[2:], "claim", claim_class(status, now))] += n
    delta = {k: {"n": n} for k, n in delta.items() if n}
    _add(conn, place_statuses, delta)
    keys = sorted({k[0] for k in delta})
    if keys:
        conn.execute(delete(place_statuses).where(place_statuses.c.key.in_(keys),
                                                  place_statuses.c.n <= 0))


def add_entity_links(conn: Connection, link_rows: list[dict]) -> None:
    """Count a batch's new article-entity links."""
    links = Counter(r["entity_id"] for r in link_rows)
    articles = Counter(e for e, _ in {(r["entity_id"], r["article_id"]) for r in link_rows})
    _add(conn, entity_stats, {(e,): {"n_links": n, "n_articles": articles[e]}
                              for e, n in links.items()})


_CLUSTERS_OF_STORIES = select(cluster_members.c.cluster_id).where(
    cluster_members.c.story_id.in_(bindparam("ids", expanding=True))).distinct()
DISPUTE_CHUNK = 500


def clusters_of_stories(conn: Connection, story_ids: set[str]) -> set[str]:
    """Clusters on which some party of these stories stands (their outlets show there)."""
    if not story_ids:
        return set()
    return set(conn.execute(_CLUSTERS_OF_STORIES, {"ids": sorted(story_ids)}).scalars())


def refresh_disputes(conn: Connection, cluster_ids: set[str]) -> None:
    """Rebuild the stored Dispute of each given cluster from its current rows."""
    ids = sorted(cluster_ids)
    for start in range(0, len(ids), DISPUTE_CHUNK):
        rows = conn.execute(select(clusters.c.id, clusters.c.text, clusters.c.first_seen,
                                   clusters.c.last_seen, clusters.c.disputed)
                            .where(clusters.c.id.in_(ids[start:start + DISPUTE_CHUNK]))).all()
        values = [{"cluster_id": d["cluster_id"], "body": orjson.dumps(d).decode()}
                  for d in build_disputes(conn, rows)]
        if values:
            conn.execute(_replace(conn.dialect.name, dispute_summary), values)


def stored_disputes(conn: Connection, cluster_ids: list[str]) -> dict[str, dict]:
    """Cluster id → its stored Dispute (a dict), for those that have one."""
    if not cluster_ids:
        return {}
    rows = conn.execute(select(dispute_summary.c.cluster_id, dispute_summary.c.body)
                        .where(dispute_summary.c.cluster_id.in_(cluster_ids)))
    return {cluster_id: orjson.loads(body) for cluster_id, body in rows}


# --- recount from scratch (migration m0004; tests compare ingest's counts with these) -------

def recount_queries() -> dict[Table, object]:
    """For each summary table, a select yielding its rows from the base tables."""
    p = places.c
    located = case((p.lat.isnot(None), True), else_=False)
    # Grouped by position: PostgreSQL cannot match an expression with bound constants (its
    # "" or 3) to the same expression in GROUP BY, each constant being its own parameter.
    counts = select(p.key, func.coalesce(p.country, ""), located, func.count()) \
        .where(p.key.isnot(None)).group_by(*_first(3))
    rank = func.row_number().over(partition_by=p.key, order_by=(
        case((p.lat.is_(None), 1), else_=0), p.article_id, p.local_id)).label("rank")
    ranked = select(p.key, p.article_id, p.local_id, p.name, p.lat, p.lon, p.country,
                    p.feature, rank).where(p.key.isnot(None)).subquery()
    summary = select(*[c for c in ranked.c if c.name != "rank"]).where(ranked.c.rank == 1)
    status = case((clusters.c.disputed.is_(True), "disputed"),
                  else_=func.coalesce(claims.c.status, "asserted"))
    tagged = select(func.substr(claim_tags.c.tag, 3).label("key"), literal("claim").label("kind"),
                    status.label("status"), func.count().label("n")) \
        .join(claims, claims.c.id == claim_tags.c.claim_id) \
        .outerjoin(clusters, clusters.c.id == claims.c.cluster_id) \
        .where(claim_tags.c.tag >= PLACE_TAG, claim_tags.c.tag < "p;").group_by(*_first(3))
    event_status = func.coalesce(events.c.status, "asserted")
    at_place = select(p.key, literal("event"), event_status, func.count()).join(
        places, and_(p.article_id == events.c.article_id, p.local_id == events.c.place_local_id)
    ).where(p.key.isnot(None)).group_by(*_first(3))
    links = select(article_entities.c.entity_id, func.count(),
                   func.count(func.distinct(article_entities.c.article_id))) \
        .group_by(article_entities.c.entity_id)
    return {place_counts: counts, place_summary: summary,
            place_statuses: tagged.union_all(at_place), entity_stats: links}


def _first(n: int) -> list:
    return [text(str(i)) for i in range(1, n + 1)]


def rebuild(conn: Connection) -> None:
    """Empty the summary tables and fill them from the base tables."""
    for table, query in recount_queries().items():
        conn.execute(delete(table))
        conn.execute(table.insert().from_select([c.name for c in table.columns], query))
    conn.execute(delete(dispute_summary))
    refresh_disputes(conn, set(conn.execute(select(clusters.c.id)).scalars()))
