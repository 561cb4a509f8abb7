"""Streamed exports of the ledger (adapter until ``ledger/export.py`` offers them).

Each format is a generator of text chunks, read in keyset pages so memory stays flat on a
large ledger: JSON Lines of Reports, CSV of claims, GeoJSON and ACLED-style CSV of events.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterator

from sqlalchemy import Engine, and_, select

from counterclaim.ledger.tables import articles, events, places
from counterclaim.ledger.tables import claims as claims_t

BATCH = 500
CLAIM_COLUMNS = ["id", "article_id", "day", "outlet", "source_text", "source_entity_id",
                 "source_kind", "cue_lemma", "channel", "mode", "status", "negated",
                 "cluster_id", "text"]
ACLED_COLUMNS = ["event_id_cnty", "event_date", "event_type", "sub_event_type", "actor1",
                 "actor2", "country", "location", "latitude", "longitude", "geo_precision",
                 "source", "notes", "fatalities", "status"]


def _keyset(engine: Engine, query, key_columns) -> Iterator:
    """Rows of ``query`` in key order, BATCH at a time, resuming after the last key seen."""
    last = None
    while True:
        page = query
        if last is not None:
            page = page.where(_after(key_columns, last))
        with engine.connect() as conn:
            rows = conn.execute(page.order_by(*key_columns).limit(BATCH)).all()
        yield from rows
        if len(rows) < BATCH:
            return
        last = tuple(getattr(rows[-1], c.name) for c in key_columns)


def _after(columns, values):
    # (a, b) > (x, y)  ==  a > x OR (a = x AND b > y); tuple comparison is not portable.
    head, *rest = columns
    if not rest:
        return head > values[0]
    return (head > values[0]) | and_(head == values[0], _after(rest, values[1:]))


def _filtered(query, day_column, outlet_column, since, until, outlet):
    if since:
        query = query.where(day_column >= since)
    if until:
        query = query.where(day_column <= until)
    if outlet:
        query = query.where(outlet_column == outlet)
    return query


def reports_jsonl(engine: Engine, since=None, until=None, outlet=None) -> Iterator[str]:
    query = _filtered(select(articles.c.id, articles.c.report), articles.c.day,
                      articles.c.outlet, since, until, outlet)
    for row in _keyset(engine, query, [articles.c.id]):
        yield json.dumps(row.report, ensure_ascii=False, sort_keys=True) + "\n"


def _csv_line(values) -> str:
    buffer = io.StringIO()
    csv.writer(buffer).writerow(values)
    return buffer.getvalue()


def claims_csv(engine: Engine, since=None, until=None, outlet=None) -> Iterator[str]:
    yield _csv_line(CLAIM_COLUMNS)
    query = _filtered(select(claims_t, articles.c.outlet)
                      .join(articles, articles.c.id == claims_t.c.article_id),
                      claims_t.c.day, articles.c.outlet, since, until, outlet)
    for row in _keyset(engine, query, [claims_t.c.id]):
        yield _csv_line([getattr(row, c) for c in CLAIM_COLUMNS])


def _event_rows(engine: Engine, since, until, outlet) -> Iterator:
    located = and_(places.c.article_id == events.c.article_id,
                   places.c.local_id == events.c.place_local_id)
    query = select(events, articles.c.outlet, places.c.name.label("place_name"), places.c.lat,
                   places.c.lon, places.c.country, places.c.precision) \
        .join(articles, articles.c.id == events.c.article_id).outerjoin(places, located)
    query = _filtered(query, events.c.day, articles.c.outlet, since, until, outlet)
    return _keyset(engine, query, [events.c.article_id, events.c.local_id])


def events_geojson(engine: Engine, since=None, until=None, outlet=None) -> Iterator[str]:
    yield '{"type": "FeatureCollection", "features": ['
    first = True
    for row in _event_rows(engine, since, until, outlet):
        if row.lat is None or row.lon is None:
            continue
        feature = {"type": "Feature", "geometry": {"type": "Point",
                                                   "coordinates": [row.lon, row.lat]},
                   "properties": {"id": f"{row.article_id}:{row.local_id}", "type": row.type,
                                  "subtype": row.subtype, "date": row.day, "status": row.status,
                                  "place": row.place_name, "outlet": row.outlet,
                                  "article_id": row.article_id}}
        yield ("" if first else ",\n") + json.dumps(feature, ensure_ascii=False)
        first = False
    yield "]}\n"


def events_acled_csv(engine: Engine, since=None, until=None, outlet=None) -> Iterator[str]:
    yield _csv_line(ACLED_COLUMNS)
    for row in _event_rows(engine, since, until, outlet):
        data = row.data or {}
        deaths = [f.get("count", 0) for f in data.get("fatalities", [])]
        yield _csv_line([f"{row.article_id}:{row.local_id}", row.day, row.type, row.subtype,
                         ";".join(data.get("actors", [])), ";".join(data.get("targets", [])),
                         row.country, row.place_name, row.lat, row.lon, row.precision,
                         row.outlet, "", max(deaths) if deaths else 0, row.status])


FORMATS = {
    "jsonl": (reports_jsonl, "application/x-ndjson", "counterclaim-reports.jsonl"),
    "csv": (claims_csv, "text/csv; charset=utf-8", "counterclaim-claims.csv"),
    "geojson": (events_geojson, "application/geo+json", "counterclaim-events.geojson"),
    "acled-csv": (events_acled_csv, "text/csv; charset=utf-8", "counterclaim-acled.csv"),
}
