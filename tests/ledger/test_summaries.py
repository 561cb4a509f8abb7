"""The maintained summary tables (``ledger/summaries.py``) always equal a recount from scratch:
after batched ingest with syndicated copies and clusters turning disputed, after re-ingest,
after a failed batch, and when migration m0004 back-fills an older ledger (SQLite and
PostgreSQL). The API's place and entity lists read them and must equal the aggregates they
replaced."""

from __future__ import annotations

from collections import Counter, defaultdict

import orjson
import pytest
from sqlalchemy import delete, func, select, text

from counterclaim.ledger import Ledger, summaries
from counterclaim.ledger.disputes_view import build_disputes
from counterclaim.ledger.synthetic import generate
from counterclaim.ledger.tables import (
    article_entities, claim_tags, claims, clusters, events, places, schema_migrations,
)
from counterclaim.serve import lookup

from builders import ARMY, REBEL, build, event_report


def recount(conn) -> dict[str, object]:
    """Every summary recomputed in Python from the base tables (independent of the SQL that
    ``summaries.rebuild`` uses); each cluster's Dispute built live from its rows."""
    place_rows = [r._mapping for r in conn.execute(select(places)) if r.key is not None]
    counts = Counter((r["key"], r["country"] or "", r["lat"] is not None) for r in place_rows)
    best: dict[str, dict] = {}
    rank = lambda r: (r["lat"] is None, r["article_id"], r["local_id"])  # noqa: E731
    for row in place_rows:
        if row["key"] not in best or rank(row) < rank(best[row["key"]]):
            best[row["key"]] = row
    disputed = dict(conn.execute(select(clusters.c.id, clusters.c.disputed)).all())
    claim_of = {cid: (status, cluster) for cid, status, cluster in conn.execute(
        select(claims.c.id, claims.c.status, claims.c.cluster_id))}
    statuses: Counter = Counter()
    for tag, claim_id in conn.execute(select(claim_tags.c.tag, claim_tags.c.claim_id)):
        if tag.startswith("p:"):
            status, cluster = claim_of[claim_id]
            label = "disputed" if disputed.get(cluster) else (status or "asserted")
            statuses[(tag[2:], "claim", label)] += 1
    key_of = {(r["article_id"], r["local_id"]): r["key"] for r in place_rows}
    for article_id, place_id, status in conn.execute(
            select(events.c.article_id, events.c.place_local_id, events.c.status)):
        if (article_id, place_id) in key_of:
            statuses[(key_of[(article_id, place_id)], "event", status or "asserted")] += 1
    links, articles = Counter(), defaultdict(set)
    for entity_id, article_id in conn.execute(select(article_entities.c.entity_id,
                                                     article_entities.c.article_id)):
        links[entity_id] += 1
        articles[entity_id].add(article_id)
    columns = ("key", "article_id", "local_id", "name", "lat", "lon", "country", "feature")
    every_cluster = conn.execute(select(clusters).order_by(clusters.c.id)).all()
    return {
        "disputes": {d["cluster_id"]: d for d in build_disputes(conn, every_cluster)},
        "place_counts": {k: n for k, n in counts.items()},
        "place_summary": {k: tuple(r[c] for c in columns) for k, r in best.items()},
        "place_statuses": dict(statuses),
        "entity_stats": {e: (n, len(articles[e])) for e, n in links.items()},
    }


def stored(conn) -> dict[str, object]:
    """The summary tables as ingest left them (rows counting zero are no rows)."""
    st = summaries.place_statuses.c
    columns = ("key", "article_id", "local_id", "name", "lat", "lon", "country", "feature")
    return {
        "disputes": {r.cluster_id: orjson.loads(r.body)
                     for r in conn.execute(select(summaries.dispute_summary))},
        "place_counts": {(r.key, r.country, bool(r.located)): r.n_articles
                         for r in conn.execute(select(summaries.place_counts))},
        "place_summary": {r.key: tuple(getattr(r, c) for c in columns)
                          for r in conn.execute(select(summaries.place_summary))},
        "place_statuses": {(r.key, r.kind, r.status): r.n for r in conn.execute(
            select(summaries.place_statuses).where(st.n != 0))},
        "entity_stats": {r.entity_id: (r.n_links, r.n_articles)
                         for r in conn.execute(select(summaries.entity_stats))},
    }


def assert_summaries_exact(ledger) -> dict:
    with ledger.engine.connect() as conn:
        now, expected = stored(conn), recount(conn)
    assert now == expected
    return now


def sample_reports():
    """Synthetic reports (syndicated copies, parties who deny, clusters that turn disputed)
    plus a hand-built event at a place."""
    return [*generate(240, seed=3, per_day=40), event_report()]


@pytest.fixture
def filled(ledger):
    ledger.add_many(sample_reports(), batch_size=25)
    return ledger


def test_ingest_keeps_summaries_equal_to_a_recount(filled):
    now = assert_summaries_exact(filled)
    with filled.engine.connect() as conn:
        n_copies = conn.execute(text("SELECT count(*) FROM articles a JOIN stories s "
                                     "ON s.id = a.story_id WHERE s.lead_article_id <> a.id"))
        n_disputed = conn.execute(select(func.count()).where(clusters.c.disputed.is_(True)))
        assert n_copies.scalar() > 0 and n_disputed.scalar() > 0  # what the test is about
    assert any(kind == "event" for _, kind, _ in now["place_statuses"])
    assert any(status == "disputed" for *_, status in now["place_statuses"])


def test_rebuild_equals_what_ingest_kept(filled):
    with filled.engine.begin() as conn:
        kept = stored(conn)
        summaries.rebuild(conn)
        assert stored(conn) == kept


def test_reingest_changes_no_count(filled):
    with filled.engine.connect() as conn:
        before = stored(conn)
    results = filled.add_many(sample_reports(), batch_size=25)
    assert {r.status for r in results} == {"present"}
    with filled.engine.connect() as conn:
        assert stored(conn) == before


def test_a_failed_batch_leaves_the_counts_as_they_were(ledger, monkeypatch):
    ledger.add(build([(ARMY, "OAF fighters captured Dalmar after three days", "said")]))
    with ledger.engine.connect() as conn:
        before = stored(conn)

    def explode(*args):
        raise RuntimeError("disk on fire")

    monkeypatch.setattr(summaries, "move_flipped", explode)  # after the other counts moved
    denial = build([(REBEL, "OAF fighters had captured Dalmar after three days", "denied", True)],
                   outlet="Highland Courier", day="2026-03-03")
    with pytest.raises(RuntimeError):
        ledger.add(denial)
    with ledger.engine.connect() as conn:
        assert stored(conn) == before
    monkeypatch.undo()
    assert ledger.add(denial).status == "new"
    assert_summaries_exact(ledger)


def test_migration_backfills_an_older_ledger(db_url):
    with Ledger(db_url, stance=None) as ledger:
        ledger.add_many(sample_reports(), batch_size=50)
        with ledger.engine.begin() as conn:  # back to version 3: no summaries, no counts
            for table in summaries.SUMMARY_TABLES:
                table.drop(conn)
            conn.execute(text("DROP INDEX ix_claim_tags_claim"))
            conn.execute(text("DROP INDEX ix_cluster_members_story"))
            conn.execute(delete(schema_migrations).where(schema_migrations.c.version >= 4))
    with Ledger(db_url, stance=None) as ledger:
        kept = assert_summaries_exact(ledger)
        assert kept["place_counts"] and kept["entity_stats"] and kept["disputes"]


def old_places(conn, located=False, country=None, limit=50):
    """The per-request aggregate the places list used before the summaries (reference)."""
    n = func.count().label("n")
    query = select(places.c.key, n).where(places.c.key.isnot(None)).group_by(places.c.key)
    if located:
        query = query.where(places.c.lat.isnot(None))
    if country:
        query = query.where(places.c.country == country)
    return conn.execute(query.order_by(n.desc(), places.c.key).limit(limit)).all()


def test_place_list_ranks_and_counts_as_the_full_aggregate(filled):
    with filled.engine.connect() as conn:
        countries = [c for (c,) in conn.execute(select(places.c.country).distinct()) if c]
        expected = recount(conn)["place_statuses"]
        for kw in ({}, {"located": True}, *({"country": c} for c in countries[:2])):
            listed = lookup.places_list(filled.engine, limit=200, **kw)
            assert [(p.key, p.n_articles) for p in listed] == \
                [tuple(r) for r in old_places(conn, limit=201, **kw)]
            for place in listed:
                mine = Counter()
                for (key, _, status), n in expected.items():
                    mine[status] += n if key == place.key else 0
                assert place.statuses == {s: n for s, n in mine.items() if n}
                assert place.n_claims == sum(n for (k, kind, _), n in expected.items()
                                             if k == place.key and kind == "claim")
    assert listed


def test_entity_list_ranks_by_article_links(filled):
    with filled.engine.connect() as conn:
        n = func.count().label("n")
        counts = dict(conn.execute(select(article_entities.c.entity_id, n)
                                   .group_by(article_entities.c.entity_id)).all())
    listed = lookup.entities_list(filled.engine, limit=500)
    assert [e.n_articles for e in listed] == sorted((counts.get(e.id, 0) for e in listed),
                                                    reverse=True)
    assert {e.id: e.n_articles for e in listed if e.id in counts} == counts
    top = filled.entity(listed[0].id).entity
    with filled.engine.connect() as conn:
        distinct = conn.execute(select(func.count(func.distinct(article_entities.c.article_id)))
                                .where(article_entities.c.entity_id == top.id)).scalar()
    assert top.n_articles == distinct


def test_a_syndicated_copy_adds_its_outlet_to_the_stored_dispute(ledger):
    from builders import capture_story

    ledger.add(capture_story())
    [before] = ledger.disputes()
    copy = ledger.add(capture_story(outlet="Ostgrad Times", day="2026-03-03",
                                    prefix="Updated. "))
    assert copy.status == "syndicated"
    [after] = ledger.disputes()
    assert "Ostgrad Times" not in before.outlets and "Ostgrad Times" in after.outlets
    assert_summaries_exact(ledger)
