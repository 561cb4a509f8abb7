"""Adding reports: idempotence, atomicity, syndication, migrations (SQLite and PostgreSQL)."""

from __future__ import annotations

import pytest
from sqlalchemy import func, select

from counterclaim.errors import DataError
from counterclaim.ledger import Ledger, ingest
from counterclaim.ledger.migrations import LATEST
from counterclaim.ledger.tables import (
    ARTICLE_TABLES, appearances, claim_keys, cluster_members, cluster_tags, clusters, entities,
    schema_migrations, stories,
)

from builders import ARMY, REBEL, build, capture_story

COUNTED = (*ARTICLE_TABLES, stories, clusters, cluster_tags, entities, claim_keys)


def row_counts(ledger) -> dict[str, int]:
    with ledger.engine.connect() as conn:
        return {t.name: conn.execute(select(func.count()).select_from(t)).scalar()
                for t in COUNTED}


def test_readding_an_article_changes_nothing(ledger):
    report = capture_story()
    first = ledger.add(report)
    before = row_counts(ledger)
    again = ledger.add(report)
    assert (first.status, again.status) == ("new", "present")
    assert again.story_id == first.story_id
    assert row_counts(ledger) == before
    assert before["claims"] == len(report.claims)


def test_failure_mid_add_leaves_no_rows_of_that_article(ledger, monkeypatch):
    kept = ledger.add(build([(ARMY, "OAF troops withdrew from Vorna overnight", "said")]))
    before = row_counts(ledger)

    def explode(*args, **kwargs):
        raise RuntimeError("disk on fire")

    monkeypatch.setattr(ingest, "_store_claims", explode)
    report = capture_story()
    with pytest.raises(RuntimeError):
        ledger.add(report)
    assert row_counts(ledger) == before
    assert ledger.article(report.article.id) is None
    assert ledger.article(kept.article_id) is not None
    monkeypatch.undo()
    assert ledger.add(report).status == "new"


def test_add_many_replays_a_failed_batch_one_by_one(ledger, monkeypatch):
    good = [build([(ARMY, f"OAF troops withdrew from Vorna after {n} days", "said")],
                  day=f"2026-03-0{n}") for n in range(1, 5)]
    bad = capture_story()
    real = ingest._store_claims

    def fail_on_bad(conn, ctx, *rest):
        if ctx.report.article.id == bad.article.id:
            raise ValueError("bad report")
        return real(conn, ctx, *rest)

    monkeypatch.setattr(ingest, "_store_claims", fail_on_bad)
    with pytest.raises(ValueError):
        ledger.add_many([*good[:2], bad, *good[2:]], batch_size=10)
    stored = {a.id for a in ledger.articles(limit=100)}
    assert {r.article.id for r in good[:2]} <= stored
    assert bad.article.id not in stored


def test_add_many_matches_add(ledger):
    reports = [capture_story(), build([(REBEL, "FHF fighters hold every ridge above Dalmar",
                                        "said")])]
    results = ledger.add_many(reports + reports[:1], batch_size=2)
    assert [r.status for r in results] == ["new", "new", "present"]


def test_three_near_copies_form_one_story(ledger):
    original = ledger.add(capture_story())
    copy1 = ledger.add(capture_story(outlet="Ostgrad Times", prefix="By Ostgrad Times staff. "))
    copy2 = ledger.add(capture_story(outlet="The Coastal Post", cut=True,
                                     prefix="(Meridian Wire) - ", day="2026-03-03"))
    assert [original.status, copy1.status, copy2.status] == ["new", "syndicated", "syndicated"]
    assert original.story_id == copy1.story_id == copy2.story_id == original.article_id
    with ledger.engine.connect() as conn:
        rows = conn.execute(select(appearances.c.outlet)
                            .where(appearances.c.story_id == original.story_id)).scalars()
        assert sorted(rows) == ["Meridian Wire", "Ostgrad Times", "The Coastal Post"]
        assert conn.execute(select(stories.c.n_articles)).scalar() == 3
        # claims count once per story: one membership row per party and role, not three
        per_story = conn.execute(select(func.count()).select_from(cluster_members)
                                 .group_by(cluster_members.c.cluster_id,
                                           cluster_members.c.party,
                                           cluster_members.c.role)).scalars().all()
        assert per_story and set(per_story) == {1}
    listed = ledger.claims(limit=100)
    assert len(listed) == len(capture_story().claims)
    assert all(set(c.outlets) == {"Meridian Wire", "Ostgrad Times", "The Coastal Post"}
               for c in listed)


def test_different_stories_stay_apart(ledger):
    a = ledger.add(capture_story())
    b = ledger.add(build([(REBEL, "FHF fighters hold every ridge above Dalmar and the army "
                                  "has not entered the old town", "said"),
                          (None, "Aid convoys reached Vorna on Tuesday for the first time "
                                 "since the ceasefire collapsed in January", "")]))
    assert b.status == "new" and b.story_id != a.story_id


def test_migrations_are_recorded_once(db_url):
    with Ledger(db_url, stance=None):
        pass
    with Ledger(db_url, stance=None) as reopened:
        with reopened.engine.connect() as conn:
            versions = conn.execute(select(schema_migrations.c.version)).scalars().all()
    assert versions == list(range(1, LATEST + 1))


def test_newer_schema_is_refused(db_url):
    with Ledger(db_url, stance=None) as ledger:
        with ledger.engine.begin() as conn:
            conn.execute(schema_migrations.insert().values(version=LATEST + 1, name="future",
                                                           applied_at="2030-01-01"))
    with pytest.raises(DataError, match="newer"):
        Ledger(db_url, stance=None)


def test_bad_url_is_a_data_error():
    with pytest.raises(DataError):
        Ledger("nosuchdb://x/y", stance=None)


def _rows(ledger) -> dict[str, list]:
    """Every row of the merged tables, as comparable tuples (no clock columns)."""
    from counterclaim.ledger.tables import metadata

    with ledger.engine.connect() as conn:
        return {t.name: sorted(map(repr, conn.execute(select(*[
            c for c in t.columns if c.name not in ("added_at", "applied_at")])).all()))
            for t in metadata.sorted_tables}


def _sibling(db_url: str, tmp_path) -> str:
    """Another empty database on the same backend as ``db_url``."""
    if "://" not in db_url:
        return str(tmp_path / "sibling.db")
    from ledger.conftest import fresh_pg_database

    return fresh_pg_database(db_url)  # any database of the server can create another


def test_batched_ingest_equals_one_transaction_per_article(db_url, tmp_path):
    """Rows deferred to the end of a batch (claims, members, counts) come out as if each
    article had been added alone, including syndicated copies and re-sent duplicates."""
    from counterclaim.ledger.synthetic import generate

    reports = list(generate(150, seed=11, per_day=15))
    reports += reports[40:45]  # duplicates inside the last batch and of earlier ones
    with Ledger(db_url, stance=None) as batched:
        statuses = [r.status for r in batched.add_many(reports, batch_size=40)]
        expected = _rows(batched)
    with Ledger(_sibling(db_url, tmp_path), stance=None) as single:  # same backend
        single_statuses = [single.add(r).status for r in reports]
        assert _rows(single) == expected
    assert statuses == single_statuses
    assert "syndicated" in statuses and statuses[-5:] == ["present"] * 5


def test_an_article_twice_in_one_batch_is_stored_once(ledger):
    report = capture_story()
    results = ledger.add_many([report, report], batch_size=10)
    assert [r.status for r in results] == ["new", "present"]
    assert results[0].story_id == results[1].story_id
    assert ledger.stats().articles == 1
