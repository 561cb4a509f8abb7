"""Every read endpoint over a small ledger: shapes, paging, filters, and schema counterclaim/1."""

from __future__ import annotations

import csv
import io
import json

import pytest

from serve.builders import ostria_report
from serve.conftest import N_EVENT_REPORTS
from counterclaim.model import Report, json_schema

READ_ENDPOINTS = ["/api/claims", "/api/disputes", "/api/entities", "/api/events",
                  "/api/places", "/api/articles"]


def test_openapi_lists_every_endpoint(client):
    paths = client.get("/openapi.json").json()["paths"]
    expected = {"/api/analyze", "/api/ingest", "/api/ingest/files", "/api/claims",
                "/api/disputes", "/api/entities", "/api/entities/{name}", "/api/events",
                "/api/timeline", "/api/places", "/api/articles", "/api/articles/{article_id}",
                "/api/search", "/api/export"}
    assert expected <= set(paths)
    assert not any(p.startswith("/disputes") or p == "/map" for p in paths)  # pages stay out


def _walk(client, endpoint, size):
    items, offset = [], 0
    while offset is not None:
        page = client.get(endpoint, params={"limit": size, "offset": offset}).json()
        assert page["limit"] == size and page["offset"] == offset
        assert len(page["items"]) <= size
        items += page["items"]
        offset = page["next_offset"]
    return items


@pytest.mark.parametrize("endpoint", READ_ENDPOINTS)
def test_pages_are_disjoint_and_cover_the_list(client, endpoint):
    small, large = _walk(client, endpoint, 7), _walk(client, endpoint, 200)
    assert len(small) >= 3, "the fixture ledger should fill every list"
    assert small == large  # a total order: page size changes nothing
    keys = [json.dumps(item, sort_keys=True) for item in small]
    assert len(set(keys)) == len(keys)


def test_claims_filter_by_status_outlet_and_dates(client):
    asserted = client.get("/api/claims", params={"status": "asserted", "limit": 200}).json()
    assert asserted["items"] and {c["status"] for c in asserted["items"]} == {"asserted"}
    outlet = asserted["items"][0]["outlet"]
    by_outlet = client.get("/api/claims", params={"outlet": outlet, "limit": 200}).json()
    assert by_outlet["items"] and all(outlet in c["outlets"] for c in by_outlet["items"])
    window = client.get("/api/claims", params={"since": "2026-01-02", "until": "2026-01-03",
                                               "limit": 200}).json()["items"]
    assert window and all("2026-01-02" <= c["day"] <= "2026-01-03" for c in window)
    days = [c["day"] for c in window]
    assert days == sorted(days, reverse=True)  # newest first


def test_claims_filter_by_entity_and_place(client):
    by_fhf = client.get("/api/claims", params={"entity": "FHF"}).json()["items"]
    assert [c["text"] for c in by_fhf] == ["the army had captured Dalmar"]
    at_dalmar = client.get("/api/claims", params={"place": "dalmar"}).json()["items"]
    assert {"feedc0de00000001:c1", "feedc0de00000001:c2"} <= {c["id"] for c in at_dalmar}
    for article_id in {c["article_id"] for c in at_dalmar}:
        assert "Dalmar" in client.get(f"/api/articles/{article_id}").json()["article"]["text"]
    at_nowhere = client.get("/api/claims", params={"place": "Nowhere Atall"}).json()
    assert at_nowhere["items"] == [] and at_nowhere["next_offset"] is None
    by_source = client.get("/api/claims", params={"source": "Free Highlands Front"}).json()
    assert by_source["items"] == by_fhf


def test_disputes_newest_first_and_filtered_by_entity(client):
    items = client.get("/api/disputes", params={"limit": 200}).json()["items"]
    assert items and all(d["deniers"] for d in items)
    last = [d["last_seen"] for d in items]
    assert last == sorted(last, reverse=True)
    fhf = client.get("/api/disputes", params={"entity": "FHF"}).json()["items"]
    assert len(fhf) == 1 and "Free Highlands Front" in fhf[0]["deniers"][0]["name"]
    assert any("army" in p["name"] for p in fhf[0]["claimants"])


def test_entity_profile_and_missing_entity(client):
    profile = client.get("/api/entities/FHF").json()
    assert profile["entity"]["name"] == "Free Highlands Front"
    assert [d["text"] for d in profile["denied"]] == ["its troops had captured Dalmar"]
    missing = client.get("/api/entities/Nobody%20At%20All")
    assert missing.status_code == 404 and missing.json()["error"]["code"] == "not_found"


def test_entities_list_searches_names(client):
    rows = client.get("/api/entities", params={"q": "highlands"}).json()["items"]
    assert [r["name"] for r in rows] == ["Free Highlands Front"]
    groups = client.get("/api/entities", params={"type": "group", "limit": 200}).json()
    assert groups["items"] and {r["type"] for r in groups["items"]} == {"group"}


def test_events_carry_their_place_and_filter_by_status(client):
    rows = client.get("/api/events", params={"status": "disputed"}).json()["items"]
    assert len(rows) == 1
    assert rows[0]["place"] == {"name": "Dalmar", "lat": 42.1, "lon": 21.3, "country": "XO"}
    assert rows[0]["event"]["type"] == "Battles"
    assert client.get("/api/events", params={"place": "Nowhere"}).json()["items"] == []
    kessen = client.get("/api/events", params={"place": "Kessen"}).json()["items"]
    assert kessen and {row["place"]["name"] for row in kessen} == {"Kessen"}


def test_places_are_coloured_disputed_where_claims_are_disputed(client):
    rows = client.get("/api/places", params={"located": "true", "limit": 200}).json()["items"]
    assert rows and all(r["lat"] is not None for r in rows)
    dalmar = next(r for r in rows if r["name"] == "Dalmar")
    assert dalmar["status"] == "disputed" and dalmar["n_events"] == 1


def test_article_is_the_stored_report_and_matches_the_schema(client):
    jsonschema = pytest.importorskip("jsonschema")
    body = client.get("/api/articles/feedc0de00000001").json()
    jsonschema.validate(body, json_schema())
    assert body["schema"] == "counterclaim/1"
    assert Report.model_validate(body) == ostria_report()
    assert body["relations"][0]["from"] == "c2"  # aliases, as in the schema


def test_claims_say_which_field_their_span_indexes(client):
    rows = client.get("/api/claims", params={"article_id": "feedc0de00000001"}).json()["items"]
    fields = {row["id"].split(":")[1]: row["field"] for row in rows}
    assert fields == {"c1": "text", "c2": "text", "h1": "title"}
    body = client.get("/api/articles/feedc0de00000001").json()
    assert all(c["field"] == "text" for c in body["claims"])
    [headline] = body["headline_claims"]
    start, end = headline["span"]
    assert body["article"]["title"][start:end] == headline["text"]


def test_articles_filter_by_outlet_and_dates(client):
    rows = client.get("/api/articles", params={"outlet": "Ostgrad Times"}).json()["items"]
    assert [r["id"] for r in rows] == ["feedc0de00000001"]
    rows = client.get("/api/articles", params={"until": "2026-01-01", "limit": 200}).json()
    assert rows["items"] and all(r["day"] <= "2026-01-01" for r in rows["items"])


def test_search_finds_claims_and_articles(client):
    hits = client.get("/api/search", params={"q": "propaganda"}).json()
    assert {h["article_id"] for h in hits} == {"feedc0de00000001"}
    assert client.get("/api/search", params={"q": "zzzqqq"}).json() == []


def test_timeline_is_in_date_order(client):
    items = client.get("/api/timeline", params={"limit": 100}).json()
    days = [i["day"] for i in items]
    assert items and days == sorted(days)


def test_export_formats_parse(client, api_ledger):
    lines = client.get("/api/export", params={"format": "jsonl"}).text.splitlines()
    assert len(lines) == api_ledger.stats().articles
    assert all(Report.model_validate(json.loads(line)) for line in lines[:5])
    rows = list(csv.DictReader(io.StringIO(client.get("/api/export?format=csv").text)))
    assert len(rows) == api_ledger.stats().claims and {"id", "status", "text"} <= set(rows[0])
    geo = client.get("/api/export", params={"format": "geojson"}).json()
    assert geo["type"] == "FeatureCollection"
    events = [f for f in geo["features"] if f["properties"]["kind"] == "event"]
    assert len(events) == 1 + N_EVENT_REPORTS
    dalmar = next(f for f in events if f["properties"]["name"] == "Dalmar")
    assert dalmar["geometry"]["coordinates"] == [21.3, 42.1]
    acled = list(csv.DictReader(io.StringIO(client.get("/api/export?format=acled-csv").text)))
    dalmar = next(row for row in acled if row["location"] == "Dalmar")
    assert dalmar["latitude"] == "42.1" and dalmar["tags"] == "disputed"


def test_export_streams_a_ledger_larger_than_one_chunk(client, monkeypatch):
    from counterclaim.serve.routes import export
    monkeypatch.setattr(export, "CHUNK_CHARS", 100)
    lines = client.get("/api/export", params={"format": "jsonl"}).text.splitlines()
    assert len(lines) > 10 and all(json.loads(line)["schema"] == "counterclaim/1"
                                   for line in lines)
