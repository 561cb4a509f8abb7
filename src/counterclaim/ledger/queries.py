"""Read-only queries over a ledger. Each opens one connection and returns ``results`` models.

Paging is ``limit``/``offset`` with a total order (date, then id), so pages never overlap.
Syndicated copies count once: claim lists show each story's lead article, with every outlet
that ran the story.
"""

from __future__ import annotations

from typing import NamedTuple

from sqlalchemy import Engine, and_, func, or_, select, union

from counterclaim.model import Report

from .entities import name_lookup_keys
from .disputes_view import disputes_for as _disputes_for
from .disputes_view import outlets_of
from .tables import AGAINST_ROLES
from .results import (
    ArticleRow, ClaimRow, Dispute, EntityProfile, EntityRow, Stats,
    TimelineItem, page_bounds,
)
from .tables import claims as claims_t
from .tables import (
    appearances, articles, claim_tags, cluster_members, cluster_tags, clusters,
    entities, entity_keys, events, places, stories,
)
from .search import search  # noqa: F401  (re-exported: Ledger.search calls queries.search)
from .summaries import entity_stats
from .text import name_key



def entity_ids(conn, name: str) -> list[str]:
    """Ids of the entities a user-typed name (or id) refers to, best match first."""
    if conn.execute(select(entities.c.id).where(entities.c.id == name)).first():
        return [name]
    keys = name_lookup_keys(name)
    rows = conn.execute(select(entity_keys.c.key, entity_keys.c.entity_id)
                        .where(entity_keys.c.key.in_(keys))).all()
    rank = {key: i for i, key in enumerate(keys)}
    return list(dict.fromkeys(e for k, e in sorted(rows, key=lambda r: (rank[r[0]], r[1]))))


def _clusters_tagged(tags: list[str]):
    return select(cluster_tags.c.cluster_id).where(cluster_tags.c.tag.in_(tags))


def disputes(engine: Engine, entity: str | None = None, place: str | None = None,
             since: str | None = None, limit: int = 20, offset: int = 0) -> list[Dispute]:
    """Disputed claim clusters, newest first (by last seen).

    entity: a name, alias or id; matches clusters where it takes a side or is mentioned.
    place: a place name mentioned in the clusters' claims. since: ISO date (last seen >=).
    """
    limit, offset = page_bounds(limit, offset)
    with engine.connect() as conn:
        query = select(clusters).where(clusters.c.disputed.is_(True))
        if since:
            query = query.where(clusters.c.last_seen >= since)
        if entity is not None:
            ids = entity_ids(conn, entity) or [""]  # no id is empty; PostgreSQL refuses NUL
            query = query.where(or_(
                clusters.c.id.in_(select(cluster_members.c.cluster_id)
                                  .where(cluster_members.c.entity_id.in_(ids))),
                clusters.c.id.in_(_clusters_tagged([f"e:{i}" for i in ids]))))
        if place is not None:
            query = query.where(clusters.c.id.in_(_clusters_tagged([f"p:{name_key(place)}"])))
        query = query.order_by(clusters.c.last_seen.desc(), clusters.c.id.desc())
        rows = conn.execute(query.limit(limit).offset(offset)).all()
        return _disputes_for(conn, rows)


def _claim_query():
    """Claims of each story's lead article (a syndicated copy's claims are the same claims)."""
    return (select(claims_t, articles.c.outlet, articles.c.story_id, articles.c.title)
            .join(articles, articles.c.id == claims_t.c.article_id)
            .where(claims_t.c.lead.is_(True)))


def claim_rows(conn, query) -> list[ClaimRow]:
    """Run a claim query (from ``claims_query``) and build its rows, outlets included."""
    rows = conn.execute(query).all()
    outlets = outlets_of(conn, [r.story_id for r in rows])
    return [ClaimRow(id=r.id, article_id=r.article_id, text=r.text, field=r.field,
                     source=r.source_text,
                     source_entity_id=r.source_entity_id, source_kind=r.source_kind,
                     cue=r.cue_lemma, channel=r.channel, mode=r.mode, status=r.status,
                     negated=bool(r.negated), day=r.day, cluster_id=r.cluster_id,
                     story_id=r.story_id, outlet=r.outlet, outlets=outlets[r.story_id],
                     title=r.title) for r in rows]


def _newest(query):
    # One direction for both keys, so the (lead, day, id) index yields the order directly.
    return query.order_by(claims_t.c.day.desc(), claims_t.c.id.desc())


def _among(query, candidates):
    """Only the claims whose ids ``candidates`` (a one-column select) yields. A join, not
    ``IN``: SQLite then reads the few candidates and looks each claim up, where with ``IN``
    it walked the (lead, day) index until enough matched, most of the ledger for a rare tag."""
    found = candidates.subquery()
    return query.join(found, list(found.c)[0] == claims_t.c.id)


def _tagged_claims(tags: list[str], limit: int, newest: bool = True):
    """Ids of the latest (or earliest) claims carrying any of ``tags``, by the tag index."""
    day = claim_tags.c.day.desc() if newest else claim_tags.c.day
    return select(claim_tags.c.claim_id).where(claim_tags.c.tag.in_(tags)) \
        .order_by(day).limit(limit)


def _has_tag(tags: list[str]):
    """The claim carries one of ``tags``. EXISTS, probed per claim on the (tag, claim) key
    while the newest-first scan runs, where ``IN (SELECT ...)`` first built the list of every
    claim so tagged: tens of thousands for a main party of a large ledger."""
    # An alias: the entity page query joins claim_tags itself, and SQLAlchemy would otherwise
    # correlate this subquery's only table away (no FROM left).
    tags_t = claim_tags.alias()
    return select(tags_t.c.claim_id).where(tags_t.c.tag.in_(tags),
                                           tags_t.c.claim_id == claims_t.c.id).exists()


def claims_query(conn, source=None, status=None, outlet=None, since=None, *, entity=None,
                 place=None, until=None, article_id=None, cluster_id=None):
    """The claims matching every filter given (see ``claims``), unordered."""
    query = _claim_query()
    if source is not None:
        ids = entity_ids(conn, source)
        query = query.where(claims_t.c.source_entity_id.in_(ids) if ids else
                            func.lower(claims_t.c.source_text).contains(source.lower()))
    if status is not None:
        query = query.where(claims_t.c.status == status)
    if outlet is not None:
        query = query.where(articles.c.story_id.in_(
            select(appearances.c.story_id).where(appearances.c.outlet == outlet)))
    if since is not None:
        query = query.where(claims_t.c.day >= since)
    if place is not None:
        query = query.where(_has_tag([f"p:{name_key(place)}"]))
    for value, condition in ((until, lambda v: claims_t.c.day <= v),
                             (article_id, lambda v: claims_t.c.article_id == v),
                             (cluster_id, lambda v: claims_t.c.cluster_id == v)):
        if value is not None:
            query = query.where(condition(value))
    if entity is not None:
        ids = entity_ids(conn, entity) or [""]  # no id is empty; PostgreSQL refuses NUL
        other_filters = query
        query = query.where(or_(claims_t.c.source_entity_id.in_(ids),
                                _has_tag([f"e:{i}" for i in ids])))
        query.by_entity = (other_filters, ids)  # for ``_newest_page``
    return query


def claims(engine: Engine, source: str | None = None, status: str | None = None,
           outlet: str | None = None, since: str | None = None, limit: int = 50,
           offset: int = 0, **filters) -> list[ClaimRow]:
    """Claims, newest first; one per story (syndicated copies count once).

    source: who made it (name, alias or entity id; else a substring of the source text).
    status: asserted, attributed, ...; outlet: any outlet that ran the story; since: ISO date.
    filters: entity (who made it or whom it names), place (a place it names), until (ISO
    date), article_id, cluster_id.
    """
    limit, offset = page_bounds(limit, offset)
    with engine.connect() as conn:
        query = claims_query(conn, source, status, outlet, since, **filters)
        return claim_rows(conn, _newest_page(query, limit, offset))


def _newest_page(query, limit: int, offset: int):
    """One page of ``query`` newest first. With an entity filter (said by it OR naming it),
    each side's own newest ``offset + limit`` claims are found first, by its own index (source
    entity; tag), and the page is cut from their union: exact, and neither side's scan walks
    the whole ledger looking for the rare rows of the other."""
    if not hasattr(query, "by_entity"):
        return _newest(query).limit(limit).offset(offset)
    query, ids = query.by_entity
    enough = limit + offset
    by_source = _newest(query.where(claims_t.c.source_entity_id.in_(ids))).limit(enough)
    # Ordered by the tag row's own (day, claim id) — equal to the claim's — so the planner
    # reads the (tag, day) index newest first instead of walking every claim probing for the
    # tag (380 ms for a person named in a few claims of a 100k ledger).
    by_tag = query.join(claim_tags, claim_tags.c.claim_id == claims_t.c.id).where(
        claim_tags.c.tag.in_([f"e:{i}" for i in ids])).order_by(
        claim_tags.c.day.desc(), claim_tags.c.claim_id.desc()).limit(enough)
    either = union(*(select(found.c.id) for found in (
        by_source.with_only_columns(claims_t.c.id).subquery(),
        by_tag.with_only_columns(claims_t.c.id).subquery())))
    return _newest(_among(query, either)).limit(limit).offset(offset)


def _entity_row(conn, entity_id: str) -> EntityRow:
    row = conn.execute(select(entities).where(entities.c.id == entity_id)).one()
    # Maintained by ingest (``summaries.py``): a distinct count over a main party's links
    # read tens of thousands of rows per request at 100k articles.
    n = conn.execute(select(entity_stats.c.n_articles)
                     .where(entity_stats.c.entity_id == entity_id)).scalar()
    return EntityRow(id=row.id, name=row.name, type=row.type, aliases=row.aliases,
                     roles=row.roles, first_seen=row.first_seen, n_articles=n or 0)


def entity(engine: Engine, name: str, limit: int = 50) -> EntityProfile | None:
    """The best-matching entity's claims, claims about it, and the clusters it denied."""
    with engine.connect() as conn:
        ids = entity_ids(conn, name)
        if not ids:
            return None
        best = ids[0]
        claimed = claim_rows(conn, _newest(_claim_query().where(
            claims_t.c.source_entity_id == best)).limit(limit))
        about = claim_rows(conn, _newest(_among(
            _claim_query(), _tagged_claims([f"e:{best}"], limit * 4))).limit(limit))
        denied_ids = select(cluster_members.c.cluster_id).where(
            cluster_members.c.entity_id == best, cluster_members.c.role.in_(AGAINST_ROLES))
        denied_rows = conn.execute(select(clusters).where(clusters.c.id.in_(denied_ids))
                                   .order_by(clusters.c.last_seen.desc(), clusters.c.id.desc())
                                   .limit(limit)).all()
        return EntityProfile(entity=_entity_row(conn, best),
                             others=[_entity_row(conn, i) for i in ids[1:5]],
                             claimed=claimed, about=about,
                             denied=_disputes_for(conn, denied_rows))


def timeline(engine: Engine, entity: str | None = None, place: str | None = None,
             since: str | None = None, limit: int = 200) -> list[TimelineItem]:
    """Claim clusters (first appearance) and events in date order, optionally filtered."""
    limit, _ = page_bounds(limit, 0)
    with engine.connect() as conn:
        query = _claim_query().add_columns(clusters.c.disputed.label("cluster_disputed")) \
            .join(clusters, clusters.c.id == claims_t.c.cluster_id).where(claims_t.c.day.isnot(None))
        if entity is not None:
            ids = entity_ids(conn, entity) or [""]  # no id is empty; PostgreSQL refuses NUL
            by_source = select(claims_t.c.id).where(claims_t.c.source_entity_id.in_(ids))
            if since is not None:
                by_source = by_source.where(claims_t.c.day >= since)
            first = by_source.order_by(claims_t.c.day).limit(limit * 3).subquery()
            tagged = _since(_tagged_claims([f"e:{i}" for i in ids], limit * 3, newest=False),
                            since).subquery()
            query = _among(query, union(select(first.c.id.label("claim_id")),
                                        select(tagged.c.claim_id)))
        if place is not None:
            query = _among(query, _since(_tagged_claims(
                [f"p:{name_key(place)}"], limit * 3, newest=False), since))
        if since is not None:
            query = query.where(claims_t.c.day >= since)
        rows = conn.execute(query.order_by(claims_t.c.day, claims_t.c.id).limit(limit * 3)).all()
        items, seen = [], set()
        for r in rows:
            if r.cluster_id in seen:
                continue
            seen.add(r.cluster_id)
            items.append(TimelineItem(day=r.day, kind="claim", text=r.text,
                                      cluster_id=r.cluster_id, disputed=bool(r.cluster_disputed),
                                      parties=[r.source_text] if r.source_text else [],
                                      outlet=r.outlet, article_id=r.article_id))
        if entity is None:
            items += _event_items(conn, place, since, limit)
        items.sort(key=lambda item: (item.day or "", item.kind))
        return items[:limit]


def _since(query, since: str | None):
    return query.where(claim_tags.c.day >= since) if since is not None else query


def _event_items(conn, place, since, limit) -> list[TimelineItem]:
    query = select(events, articles.c.outlet).join(articles, articles.c.id == events.c.article_id)
    if place is not None:
        query = query.join(places, and_(places.c.article_id == events.c.article_id,
                                        places.c.local_id == events.c.place_local_id)) \
            .where(places.c.key == name_key(place))
    if since is not None:
        query = query.where(events.c.day >= since)
    rows = conn.execute(query.order_by(events.c.day).limit(limit)).all()
    return [TimelineItem(day=r.day, kind="event", text=" ".join(filter(None, (r.type, r.subtype))),
                         disputed=r.status in ("denied", "disputed"), outlet=r.outlet,
                         article_id=r.article_id) for r in rows]


def articles_list(engine: Engine, outlet: str | None = None, since: str | None = None,
                  story_id: str | None = None, limit: int = 50, offset: int = 0,
                  until: str | None = None) -> list[ArticleRow]:
    """Stored articles, newest first."""
    limit, offset = page_bounds(limit, offset)
    with engine.connect() as conn:
        query = select(articles.c.id, articles.c.title, articles.c.outlet, articles.c.published,
                       articles.c.day, articles.c.url, articles.c.story_id)
        if outlet is not None:
            query = query.where(articles.c.outlet == outlet)
        if since is not None:
            query = query.where(articles.c.day >= since)
        if story_id is not None:
            query = query.where(articles.c.story_id == story_id)
        if until is not None:
            query = query.where(articles.c.day <= until)
        rows = conn.execute(query.order_by(articles.c.day.desc(), articles.c.id.desc())
                            .limit(limit).offset(offset)).all()
        outlets = outlets_of(conn, [r.story_id for r in rows])
        return [ArticleRow(**r._mapping, outlets=outlets[r.story_id]) for r in rows]


def article(engine: Engine, article_id: str) -> Report | None:
    """The stored Report of one article, or None."""
    with engine.connect() as conn:
        stored = conn.execute(select(articles.c.report).where(articles.c.id == article_id))
        value = stored.scalar()
        return Report.model_validate(value) if value is not None else None


def stats(engine: Engine) -> Stats:
    with engine.connect() as conn:
        def count(table, *where):
            return conn.execute(select(func.count()).select_from(table).where(*where)).scalar()
        return Stats(articles=count(articles), stories=count(stories), entities=count(entities),
                     claims=count(claims_t), clusters=count(clusters),
                     disputed=count(clusters, clusters.c.disputed.is_(True)))


class ClaimCluster(NamedTuple):
    claim_id: str
    cluster_id: str
    role: str


def article_clusters(engine: Engine, article_id: str) -> list[ClaimCluster]:
    """Where an article's parties stand: (claim id, cluster id, role) for each membership.

    Includes the clusters its claims joined and those it reaches through a relation (a denial
    of another claim); a syndicated copy's rows are its own party's, if any were new.
    """
    m = cluster_members
    with engine.connect() as conn:
        rows = conn.execute(select(m.c.claim_id, m.c.cluster_id, m.c.role)
                            .where(m.c.article_id == article_id)
                            .order_by(m.c.claim_id, m.c.cluster_id, m.c.role)).all()
    return [ClaimCluster(*row) for row in rows]
