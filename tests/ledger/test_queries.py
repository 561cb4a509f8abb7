"""Queries and exports over a small synthetic ledger plus hand-built reports."""

from __future__ import annotations

import csv
import io
import json

import pytest

from counterclaim.ledger import Ledger
from counterclaim.ledger.export import ACLED_COLUMNS, FORMATS, export
from counterclaim.ledger.synthetic import generate
from counterclaim.model import Report

from builders import ARMY, build, capture_story, event_report

REPORTS = list(generate(120, seed=7, per_day=20))


@pytest.fixture(scope="module")
def filled(module_db_url):
    """A ledger of 120 synthetic reports, shared by the read-only tests below."""
    with Ledger(module_db_url, stance=None) as ledger:
        ledger.add_many(REPORTS, batch_size=25)
        yield ledger


def test_claims_pages_do_not_overlap_and_are_newest_first(filled):
    first, second = filled.claims(limit=15), filled.claims(limit=15, offset=15)
    assert len(first) == len(second) == 15
    assert not {c.id for c in first} & {c.id for c in second}
    days = [c.day for c in first + second]
    assert days == sorted(days, reverse=True)


def test_claims_filters(filled):
    outlet = REPORTS[0].article.outlet
    by_outlet = filled.claims(outlet=outlet, limit=500)
    assert by_outlet and all(outlet in c.outlets for c in by_outlet)
    assert all(c.status == "asserted" for c in filled.claims(status="asserted", limit=50))
    assert all(c.day >= "2026-01-04" for c in filled.claims(since="2026-01-04", limit=500))
    speaker = next(c.source.text for r in REPORTS for c in r.claims if c.source.kind == "named")
    mine = filled.claims(source=speaker, limit=500)
    assert mine and all(c.source == speaker for c in mine)


def test_disputes_are_newest_first_and_paged(filled):
    disputes = filled.disputes(limit=500)
    assert disputes, "the synthetic corpus has denials"
    assert all(d.claimants and d.deniers for d in disputes)
    lasts = [d.last_seen for d in disputes]
    assert lasts == sorted(lasts, reverse=True)
    assert filled.disputes(limit=3, offset=3) == disputes[3:6]


def test_timeline_is_in_date_order(filled):
    place = REPORTS[0].places[0].name
    items = filled.timeline(place=place)
    assert items and [i.day for i in items] == sorted(i.day for i in items)
    assert all(place in i.text for i in items)


def test_search_finds_claims_and_articles(ledger):
    report = capture_story()
    ledger.add(report)
    hits = ledger.search("gunfire old town")
    assert hits[0].kind == "claim" and "gunfire" in hits[0].text
    assert ledger.search("no such words anywhere") == []
    assert ledger.search('"unbalanced quote -(') == []  # user text never breaks the query


def test_article_returns_the_stored_report(ledger):
    report = capture_story()
    ledger.add(report)
    assert ledger.article(report.article.id) == report
    assert ledger.article("nope") is None
    assert [a.id for a in ledger.articles()] == [report.article.id]


def test_results_serialise_to_json(filled):
    for result in (filled.disputes(limit=2), filled.claims(limit=2), filled.timeline(limit=2)):
        assert json.loads(json.dumps([r.model_dump(mode="json") for r in result]))


def test_exports_cover_every_record(ledger):
    reports = [capture_story(), event_report(),
               build([(ARMY, "OAF troops withdrew from Vorna", "said")], day="2026-03-05")]
    ledger.add_many(reports)
    outputs = {}
    for fmt in FORMATS:
        buffer = io.StringIO()
        outputs[fmt] = (export(ledger.engine, fmt, buffer), buffer.getvalue())
    count, text = outputs["jsonl"]
    assert count == 3 and {Report.model_validate_json(line).article.id
                           for line in text.splitlines()} == {r.article.id for r in reports}
    count, text = outputs["csv"]
    rows = list(csv.DictReader(io.StringIO(text)))
    assert count == len(rows) == sum(len(r.claims) for r in reports)
    count, text = outputs["geojson"]
    features = json.loads(text)["features"]
    assert count == len(features) == sum(len(r.places) for r in reports) + 1
    kessen = [f for f in features if f["properties"]["kind"] == "event"][0]
    assert kessen["geometry"]["coordinates"] == [35.5, 1.75]
    count, text = outputs["acled-csv"]
    [row] = list(csv.DictReader(io.StringIO(text)))
    assert text.splitlines()[0].split(",") == ACLED_COLUMNS
    assert (row["event_date"], row["location"], row["actor1"], row["fatalities"],
            row["source"], row["tags"]) == ("2026-03-04", "Kessen", "Ostrian Armed Forces",
                                            "11", "Highland Courier", "disputed")


def test_acled_export_without_events_is_a_header(ledger):
    ledger.add(capture_story())
    buffer = io.StringIO()
    assert export(ledger.engine, "acled-csv", buffer) == 0
    assert buffer.getvalue().strip().split(",") == ACLED_COLUMNS


def test_claims_by_entity_place_and_range_are_exactly_the_matching_ones(filled):
    """The public filters the HTTP API uses, checked against the stored reports."""
    group = next(e for r in REPORTS for e in r.entities if e.aliases)
    place = next(p.name for r in REPORTS for p in r.places)
    everything = filled.claims(limit=1000)
    named = filled.claims(entity=group.aliases[0], limit=1000)
    assert named and len(named) < len(everything)
    assert all(group.aliases[0] in c.text or c.source_entity_id for c in named)
    at_place = filled.claims(place=place, limit=1000)
    assert at_place and all(place in c.text for c in at_place)
    assert {c.id for c in at_place} == {c.id for c in everything if place in c.text}
    days = sorted({c.day for c in everything})
    middle = [c for c in filled.claims(since=days[1], until=days[-2], limit=1000)]
    assert middle and all(days[1] <= c.day <= days[-2] for c in middle)
    one = everything[0]
    assert {c.id for c in filled.claims(article_id=one.article_id, limit=1000)} == {
        c.id for c in everything if c.article_id == one.article_id}
    assert one.id in {c.id for c in filled.claims(cluster_id=one.cluster_id, limit=1000)}


def test_entity_and_place_filters_combine(filled):
    """Both filters at once (the API allows it): exactly the claims each filter keeps."""
    group = next(e for r in REPORTS for e in r.entities if e.aliases)
    named = {c.id for c in filled.claims(entity=group.aliases[0], limit=1000)}
    for place in {p.name for r in REPORTS for p in r.places}:
        at_place = {c.id for c in filled.claims(place=place, limit=1000)}
        both = {c.id for c in filled.claims(entity=group.aliases[0], place=place, limit=1000)}
        assert both == named & at_place


def test_sqlite_search_ranks_the_newest_matches_when_there_are_many(tmp_path, monkeypatch):
    """Above SEARCH_POOL matches only the newest ones (in ingest order) are ranked, best
    first; below it, every match is found."""
    from collections import Counter

    from sqlalchemy import text

    from counterclaim.ledger import search as search_module

    reports = REPORTS[:40]
    word = Counter(w for r in reports for c in r.claims for w in c.text.lower().split()
                   if w.isalpha() and len(w) > 4).most_common(1)[0][0]
    with Ledger(str(tmp_path / "pool.db"), stance=None) as ledger:
        ledger.add_many(reports, batch_size=10)
        everything = [h for h in ledger.search(word, limit=100) if h.kind == "claim"]
        assert len(everything) > 4
        with ledger.engine.connect() as conn:
            newest = [row[0] for row in conn.execute(text(
                "SELECT claim_id FROM fts_claims WHERE fts_claims MATCH :w "
                "ORDER BY rowid DESC LIMIT 3"), {"w": word})]
        monkeypatch.setattr(search_module, "SEARCH_POOL", 3)
        pooled = [h for h in ledger.search(word, limit=100) if h.kind == "claim"]
        assert sorted(h.id for h in pooled) == sorted(newest)
        assert [h.score for h in pooled] == sorted((h.score for h in pooled), reverse=True)
