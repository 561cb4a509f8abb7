"""``bench_api``: the fill resumes, and a short run reports every endpoint without errors."""

from __future__ import annotations

import pytest

from counterclaim.eval.bench_api import bench_api, fill
from counterclaim.ledger import Ledger


def test_fill_resumes_where_it_stopped(tmp_path):
    db = str(tmp_path / "fill.db")
    with Ledger(db, stance=None) as ledger:
        assert fill(ledger, 30, batch_size=10) == 30
        assert fill(ledger, 30, batch_size=10) == 0
        assert fill(ledger, 45, batch_size=10) == 15
        once = ledger.stats()
    with Ledger(str(tmp_path / "once.db"), stance=None) as ledger:
        fill(ledger, 45, batch_size=45)
        assert ledger.stats() == once  # same reports as one uninterrupted fill


@pytest.mark.slow
def test_short_bench_reports_each_endpoint(tmp_path):
    result = bench_api(str(tmp_path / "bench.db"), articles=60, seconds=4, concurrency=2)
    assert result["articles"] > 0
    assert {"claims", "disputes", "entities", "articles/{id}", "search", "places"} <= set(
        result["endpoints"])
    for name, row in result["endpoints"].items():
        assert row["errors"] == 0, name
        assert 0 < row["p50_ms"] <= row["p95_ms"], name
