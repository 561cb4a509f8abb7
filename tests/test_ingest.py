"""Ingest end to end: idempotent, failures located and survived. Kills at random points and
resuming are tested in tests/reliability/test_crash_safety.py on SQLite and PostgreSQL."""

from __future__ import annotations


import pytest

from counterclaim.ingest import ingest
from counterclaim.ledger import Ledger
from samples import SMALL_CORPUS, copy_corpus

FILES = SMALL_CORPUS


@pytest.fixture()
def corpus(tmp_path):
    return copy_corpus(tmp_path / "corpus", FILES)


def snapshot(db: str) -> dict:
    ledger = Ledger(db, stance=None)
    stats = ledger.stats().model_dump()
    ids = sorted(a.id for a in ledger.articles(limit=1000))
    ledger.close()
    return {"stats": stats, "articles": ids}


def test_reingest_changes_nothing(corpus, tmp_path, nlp):
    db = str(tmp_path / "ledger.db")
    first = ingest([str(corpus)], Ledger(db, stance=None))
    assert first.new + first.syndicated == len(FILES) and not first.failed
    assert first.syndicated >= 1  # the wire copies are recognised
    before = snapshot(db)
    second = ingest([str(corpus)], Ledger(db, stance=None))
    assert second.present == len(FILES) and second.new == second.syndicated == 0
    assert snapshot(db) == before


def test_bad_inputs_are_reported_with_location_and_the_rest_goes_on(corpus, tmp_path, nlp):
    (corpus / "empty.txt").write_text("   \n")
    (corpus / "batch.jsonl").write_text('{"text": "The army said Dalmar had fallen to its troops on Monday."}\n'
                                        "{not json\n")
    summary = ingest([str(corpus)], Ledger(str(tmp_path / "l.db"), stance=None))
    locations = " ".join(loc for loc, _ in summary.failed)
    assert "empty.txt" in locations and "batch.jsonl:2" in locations
    assert summary.new + summary.syndicated == len(FILES) + 1
