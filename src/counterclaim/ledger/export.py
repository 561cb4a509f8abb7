"""Exports of a whole ledger: jsonl (reports), csv (claims), geojson (places, events),
acled-csv (events in ACLED's column layout). Each streams rows to a text file object.

ACLED mapping notes: ACLED's ``iso`` is a numeric ISO 3166 code and ``inter1``/``inter2`` are
its own actor-type codes; the reports carry neither, so those columns stay empty. ``source``
lists every outlet that ran the story; ``tags`` carries the event's status when it is denied
or disputed. Until the events module fills ``Report.events`` the export has a header only.
"""

from __future__ import annotations

import csv
import json
from collections.abc import Iterator
from datetime import datetime
from typing import TextIO

from sqlalchemy import Engine, and_, select

from counterclaim.errors import InputError

from .queries import outlets_of
from .tables import articles, claims, clusters, events, places

FORMATS = ("jsonl", "csv", "geojson", "acled-csv")
CLAIM_COLUMNS = ["id", "article_id", "story_id", "outlet", "day", "source", "source_entity_id",
                 "source_kind", "cue", "channel", "mode", "status", "negated", "text",
                 "cluster_id", "disputed", "field"]
ACLED_COLUMNS = [
    "event_id_cnty", "event_date", "year", "time_precision", "disorder_type", "event_type",
    "sub_event_type", "actor1", "assoc_actor_1", "inter1", "actor2", "assoc_actor_2", "inter2",
    "interaction", "civilian_targeting", "iso", "region", "country", "admin1", "admin2",
    "admin3", "location", "latitude", "longitude", "geo_precision", "source", "source_scale",
    "notes", "fatalities", "tags", "timestamp",
]
DISORDER = {"Battles": "Political violence", "Violence against civilians": "Political violence",
            "Explosions/Remote violence": "Political violence",
            "Protests": "Demonstrations", "Riots": "Political violence; Demonstrations",
            "Strategic developments": "Strategic developments"}
BATCH = 1000


def export(engine: Engine, fmt: str, out: TextIO) -> int:
    """Write the whole ledger to ``out`` in ``fmt``; returns the number of records."""
    writers = {"jsonl": export_jsonl, "csv": export_claims_csv, "geojson": export_geojson,
               "acled-csv": export_acled_csv}
    if fmt not in writers:
        raise InputError(f"unknown export format {fmt!r}; use one of {', '.join(FORMATS)}")
    return writers[fmt](engine, out)


def _stream(conn, query) -> Iterator:
    yield from conn.execution_options(yield_per=BATCH).execute(query)


def export_jsonl(engine: Engine, out: TextIO) -> int:
    n = 0
    with engine.connect() as conn:
        for (report,) in _stream(conn, select(articles.c.report).order_by(articles.c.day,
                                                                          articles.c.id)):
            out.write(json.dumps(report, ensure_ascii=False) + "\n")
            n += 1
    return n


def export_claims_csv(engine: Engine, out: TextIO) -> int:
    writer = csv.writer(out)
    writer.writerow(CLAIM_COLUMNS)
    query = (select(claims, articles.c.story_id, articles.c.outlet, clusters.c.disputed)
             .join(articles, articles.c.id == claims.c.article_id)
             .outerjoin(clusters, clusters.c.id == claims.c.cluster_id)
             .order_by(claims.c.day, claims.c.id))
    n = 0
    with engine.connect() as conn:
        for r in _stream(conn, query):
            writer.writerow([r.id, r.article_id, r.story_id, r.outlet, r.day, r.source_text,
                             r.source_entity_id, r.source_kind, r.cue_lemma, r.channel, r.mode,
                             r.status, int(bool(r.negated)), r.text, r.cluster_id,
                             int(bool(r.disputed)), r.field])
            n += 1
    return n


def _place_feature(r, kind: str, props: dict) -> dict:
    return {"type": "Feature", "geometry": {"type": "Point", "coordinates": [r.lon, r.lat]},
            "properties": {"kind": kind, "name": r.name, "country": r.country,
                           "admin1": r.admin1, "precision": r.precision,
                           "article_id": r.article_id, **props}}


def _event_rows(conn):
    query = (select(events, articles.c.outlet, articles.c.story_id, articles.c.title,
                    articles.c.added_at, places.c.name, places.c.lat, places.c.lon,
                    places.c.country, places.c.admin1, places.c.precision)
             .join(articles, articles.c.id == events.c.article_id)
             .outerjoin(places, and_(places.c.article_id == events.c.article_id,
                                     places.c.local_id == events.c.place_local_id))
             .order_by(events.c.day, events.c.article_id, events.c.local_id))
    return _stream(conn, query)


def export_geojson(engine: Engine, out: TextIO) -> int:
    """Places (one feature per place and article) and events with coordinates."""
    out.write('{"type": "FeatureCollection", "features": [')
    n = 0
    with engine.connect() as conn:
        query = (select(places, articles.c.outlet, articles.c.day)
                 .join(articles, articles.c.id == places.c.article_id)
                 .where(places.c.lat.isnot(None), places.c.lon.isnot(None))
                 .order_by(articles.c.day, places.c.article_id, places.c.local_id))
        for r in _stream(conn, query):
            feature = _place_feature(r, "place", {"place_id": r.local_id, "outlet": r.outlet,
                                                  "day": r.day})
            out.write(("," if n else "") + "\n" + json.dumps(feature, ensure_ascii=False))
            n += 1
        for r in _event_rows(conn):
            if r.lat is None or r.lon is None:
                continue
            feature = _place_feature(r, "event", {"event_id": r.local_id, "type": r.type,
                                                  "subtype": r.subtype, "day": r.day,
                                                  "status": r.status, "outlet": r.outlet})
            out.write(("," if n else "") + "\n" + json.dumps(feature, ensure_ascii=False))
            n += 1
    out.write("\n]}\n")
    return n


def _acled_row(r, number: int, outlets: list[str], names: dict[str, str]) -> dict:
    data = r.data or {}
    actors = [names.get(a, a) for a in data.get("actors", [])]
    targets = [names.get(t, t) for t in data.get("targets", [])]
    counts = [f["count"] for f in data.get("fatalities", [])]
    stamp = datetime.fromisoformat(r.added_at).timestamp() if r.added_at else ""
    return {
        "event_id_cnty": f"{r.country or 'XX'}{number}", "event_date": r.day or "",
        "year": (r.day or "")[:4], "time_precision": data.get("date_precision") or 3,
        "disorder_type": DISORDER.get(r.type, ""), "event_type": r.type,
        "sub_event_type": r.subtype or "", "actor1": actors[0] if actors else "",
        "assoc_actor_1": "; ".join(actors[1:]), "actor2": targets[0] if targets else "",
        "assoc_actor_2": "; ".join(targets[1:]),
        "civilian_targeting": "Civilian targeting" if any("civilian" in t.lower()
                                                          for t in targets) else "",
        "country": r.country or "", "admin1": r.admin1 or "", "location": r.name or "",
        "latitude": r.lat if r.lat is not None else "", "geo_precision": r.precision or "",
        "longitude": r.lon if r.lon is not None else "", "source": "; ".join(outlets),
        "notes": r.title or "", "fatalities": min(counts) if counts else 0,
        "tags": r.status if r.status in ("denied", "disputed", "alleged") else "",
        "timestamp": int(stamp) if stamp != "" else ""}


def export_acled_csv(engine: Engine, out: TextIO) -> int:
    """Events in ACLED's columns; fatalities is the lowest figure any claimant gave."""
    writer = csv.DictWriter(out, fieldnames=ACLED_COLUMNS, restval="")
    writer.writeheader()
    n = 0
    with engine.connect() as conn:
        names_of: dict[str, dict[str, str]] = {}
        for r in list(_event_rows(conn)):
            if r.article_id not in names_of:  # entity names, to show actors by name
                report = conn.execute(select(articles.c.report)
                                      .where(articles.c.id == r.article_id)).scalar()
                names_of = {r.article_id: {e["id"]: e["name"] for e in report["entities"]}}
            n += 1
            outlets = outlets_of(conn, [r.story_id])[r.story_id]
            writer.writerow(_acled_row(r, n, outlets, names_of[r.article_id]))
    return n

