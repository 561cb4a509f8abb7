"""One report into the ledger's rows; called inside the caller's transaction."""

from __future__ import annotations

from datetime import datetime, timezone
from typing import Callable

from sqlalchemy import Connection, and_, func, insert, select, text, update

from counterclaim.model import Claim, Report

from . import matching, syndication
from .engine import insert_ignore
from .tables import (
    appearances, article_entities, articles, claim_keys, claim_tags, claims, cluster_members,
    clusters, events, lsh_bands, places, relations, stories, times,
)
from .text import day_of, name_key

FOR_ROLES = ("asserts", "reports", "supports")
AGAINST_ROLES = ("denies", "contradicts")
RELATION_ROLE = {"denies": "denies", "contradicts": "contradicts", "supports": "supports"}
StanceFn = Callable[[str, str], str]  # (claim text, article text) -> agree|disagree|...


def article_day(report: Report) -> str | None:
    a = report.article
    return day_of(a.published) or day_of(a.dateline.date if a.dateline else None)


def _store_article(conn: Connection, report: Report, day: str | None):
    """Story lookup, then the article, its appearance and its LSH bands. → (story id, status)"""
    a = report.article
    sig = syndication.signature(a.text)
    match = syndication.find_story(conn, sig)
    if match:
        story_id, status = match.story_id, "syndicated"
        conn.execute(update(stories).where(stories.c.id == story_id)
                     .values(n_articles=stories.c.n_articles + 1))
    else:
        story_id, status = a.id, "new"
        conn.execute(insert(stories).values(id=story_id, lead_article_id=a.id, title=a.title,
                                            first_seen=day, n_articles=1))
    conn.execute(insert(articles).values(
        id=a.id, title=a.title, outlet=a.outlet, url=a.url, published=a.published, day=day,
        dateline_date=day_of(a.dateline.date) if a.dateline else None, text=a.text,
        story_id=story_id, minhash=sig.tobytes(), report=report.to_dict(),
        added_at=datetime.now(timezone.utc).isoformat(timespec="seconds")))
    conn.execute(insert(appearances).values(
        story_id=story_id, article_id=a.id, outlet=a.outlet, day=day,
        similarity=round(100 * match.similarity) if match else 100))
    conn.execute(insert(lsh_bands), syndication.band_rows(a.id, sig))
    if conn.dialect.name == "sqlite":
        conn.execute(text("INSERT INTO fts_articles (title, text, article_id) VALUES "
                          "(:title, :text, :id)"), {"title": a.title or "", "text": a.text,
                                                    "id": a.id})
    return story_id, status


def _store_geo(conn: Connection, report: Report, day: str | None) -> None:
    aid = report.article.id
    rows = [{"article_id": aid, "local_id": p.id, "key": name_key(p.name), "name": p.name,
             "lat": p.lat, "lon": p.lon, "country": p.country, "admin1": p.admin1,
             "feature": p.feature, "geonames_id": p.geonames_id, "precision": p.precision}
            for p in report.places]
    insert_ignore(conn, places, rows)
    insert_ignore(conn, events, [
        {"article_id": aid, "local_id": e.id, "type": e.type, "subtype": e.subtype,
         "day": day_of(e.date) or day, "place_local_id": e.place, "status": e.status,
         "data": e.model_dump(mode="json")} for e in report.events])
    insert_ignore(conn, times, [
        {"article_id": aid, "local_id": t.id, "text": t.text, "value": t.value,
         "grain": t.grain} for t in report.times])


def _anchors(report: Report, claim: Claim, links: dict[str, str]) -> list[str]:
    """Tags of the entities and places mentioned inside the claim's span, in order."""
    start, end = claim.span
    found: list[tuple[int, str]] = []
    for entity in report.entities:
        for m_start, m_end in entity.mentions:
            if start <= m_start and m_end <= end:
                tag = (f"p:{name_key(entity.name)}" if entity.type == "place"
                       else f"e:{links[entity.id]}")
                found.append((m_start, tag))
    for place in report.places:
        found += [(m[0], f"p:{name_key(place.name)}") for m in place.mentions
                  if start <= m[0] and m[1] <= end]
    return list(dict.fromkeys(tag for _, tag in sorted(found)))


def _party(claim: Claim, links: dict[str, str], outlet: str | None) -> dict:
    source = claim.source
    if source.entity and source.entity in links:
        return {"party": links[source.entity], "party_name": source.text,
                "party_kind": "entity", "entity_id": links[source.entity]}
    if source.kind == "outlet":
        return {"party": f"outlet:{outlet or 'unknown'}", "party_name": outlet or "(outlet)",
                "party_kind": "outlet", "entity_id": None}
    label = name_key(source.text or "") or source.kind
    return {"party": f"source:{label}", "party_name": source.text or source.kind,
            "party_kind": source.kind, "entity_id": None}
