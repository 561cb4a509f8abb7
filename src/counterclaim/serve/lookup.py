"""The API's list queries: claims and articles come from ``ledger.queries`` (its public
functions); entities, events and places, which only the API lists, are read here.

Everything here reads the ledger's tables through SQLAlchemy Core, read-only, with the same
paging rule as the ledger (a total order, ``limit + 1`` rows to detect a next page).
"""

from __future__ import annotations

from collections import Counter, defaultdict

from sqlalchemy import Engine, and_, func, or_, select

from counterclaim.ledger import queries
from counterclaim.ledger.results import ArticleRow, ClaimRow
from counterclaim.ledger.summaries import entity_stats, place_counts, place_statuses, place_summary
from counterclaim.ledger.tables import articles, entities, events, places
from counterclaim.ledger.text import name_key
from counterclaim.model import Event

from .schemas import EntityListRow, EventRow, PlaceRef, PlaceRow

DISPUTED = ("denied", "disputed")


def _where(query, filters):
    """Apply ``condition(value)`` for every (value, condition) whose value was given."""
    for value, condition in filters:
        if value is not None:
            query = query.where(condition(value))
    return query


def claims(engine: Engine, *, limit=50, offset=0, **filters) -> list[ClaimRow]:
    """Claims newest first, one per story; ``limit + 1`` rows (the extra one says "more")."""
    return queries.claims(engine, limit=limit + 1, offset=offset, **filters)


def articles_list(engine: Engine, *, limit=50, offset=0, **filters) -> list[ArticleRow]:
    """Articles newest first; ``limit + 1`` rows (the extra one says "more")."""
    return queries.articles_list(engine, limit=limit + 1, offset=offset, **filters)


def entities_list(engine: Engine, *, q=None, type=None, limit=50,
                  offset=0) -> list[EntityListRow]:
    """Entities, most reported first; ``q`` matches a name or alias key, or a name substring.

    n_articles counts article links (one per article-local entity the ledger merged into it),
    read from the maintained ``entity_stats`` (counting 460k links per request took ~80 ms at
    100k articles).
    """
    with engine.connect() as conn:
        n = func.coalesce(entity_stats.c.n_links, 0).label("n_articles")
        query = select(entities, n).outerjoin(entity_stats,
                                              entity_stats.c.entity_id == entities.c.id)
        if q is not None:
            ids = queries.entity_ids(conn, q)
            query = query.where(or_(entities.c.id.in_(ids),
                                    func.lower(entities.c.name).contains(q.lower())))
        if type is not None:
            query = query.where(entities.c.type == type)
        rows = conn.execute(query.order_by(n.desc(), entities.c.name, entities.c.id)
                            .limit(limit + 1).offset(offset)).all()
        return [EntityListRow(id=r.id, name=r.name, type=r.type, aliases=r.aliases or [],
                              roles=r.roles or [], first_seen=r.first_seen,
                              n_articles=r.n_articles) for r in rows]


def events_list(engine: Engine, *, type=None, status=None, place=None, outlet=None, since=None,
                until=None, article_id=None, limit=50, offset=0) -> list[EventRow]:
    """Events as reported, newest first, each with its place's coordinates when known."""
    with engine.connect() as conn:
        where_place = and_(places.c.article_id == events.c.article_id,
                           places.c.local_id == events.c.place_local_id)
        query = select(events, articles.c.outlet, places.c.name.label("place_name"),
                       places.c.lat, places.c.lon, places.c.country) \
            .join(articles, articles.c.id == events.c.article_id).outerjoin(places, where_place)
        query = _where(query, [(type, lambda v: events.c.type == v),
                               (status, lambda v: events.c.status == v),
                               (place, lambda v: places.c.key == name_key(v)),
                               (outlet, lambda v: articles.c.outlet == v),
                               (since, lambda v: events.c.day >= v),
                               (until, lambda v: events.c.day <= v),
                               (article_id, lambda v: events.c.article_id == v)])
        rows = conn.execute(query.order_by(events.c.day.desc(), events.c.article_id,
                                           events.c.local_id).limit(limit + 1).offset(offset))
        return [EventRow(id=f"{r.article_id}:{r.local_id}", article_id=r.article_id,
                         outlet=r.outlet, day=r.day, event=Event.model_validate(r.data),
                         place=PlaceRef(name=r.place_name, lat=r.lat, lon=r.lon,
                                        country=r.country) if r.place_name else None)
                for r in rows]


def places_list(engine: Engine, *, q=None, country=None, located=False, limit=50,
                offset=0) -> list[PlaceRow]:
    """Places by number of articles naming them, with claim and event statuses there.

    Reads the maintained summaries (``ledger/summaries.py``): counts per key, country and
    located (the filters sum these groups), the row shown per key, and statuses per key.
    Aggregating the place rows and claim tags per request took ~1 s at 100k articles.
    """
    with engine.connect() as conn:
        pc = place_counts.c
        n = func.sum(pc.n_articles).label("n_articles")
        query = select(pc.key, n).group_by(pc.key)
        query = _where(query, [(q, lambda v: pc.key.contains(name_key(v))),
                               (country, lambda v: pc.country == v.upper()),
                               (True if located else None, lambda _: pc.located.is_(True))])
        ranked = conn.execute(query.order_by(n.desc(), pc.key)
                              .limit(limit + 1).offset(offset)).all()
        keys = [r.key for r in ranked]
        shown = {r.key: r for r in conn.execute(
            select(place_summary).where(place_summary.c.key.in_(keys)))} if keys else {}
        claim_status, event_status = _statuses_at(conn, keys)
        return [_place_row(key, int(n_articles), shown[key], claim_status[key],
                           event_status[key]) for key, n_articles in ranked]


def _place_row(key: str, n_articles: int, best, claim_status: Counter,
               event_status: Counter) -> PlaceRow:
    counts = claim_status + event_status
    disputed = any(counts[s] for s in DISPUTED)
    return PlaceRow(
        key=key, name=best.name or key, lat=best.lat, lon=best.lon, country=best.country,
        feature=best.feature, n_articles=n_articles, n_claims=sum(claim_status.values()),
        n_events=sum(event_status.values()), statuses=dict(counts),
        status="disputed" if disputed else (counts.most_common(1)[0][0] if counts else None))


def _statuses_at(conn, keys: list[str]) -> tuple[dict, dict]:
    """Per place key: Counter of claim statuses (disputed clusters count as 'disputed') and
    of event statuses."""
    found: dict[str, dict[str, Counter]] = {"claim": defaultdict(Counter),
                                            "event": defaultdict(Counter)}
    if keys:
        ps = place_statuses.c
        rows = conn.execute(select(ps.key, ps.kind, ps.status, ps.n)
                            .where(ps.key.in_(keys), ps.n > 0))
        for key, kind, status, n in rows:
            found[kind][key][status] += n
    return found["claim"], found["event"]
