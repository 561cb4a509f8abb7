"""The per-article time limit stops a long analysis with a clear error, and only that one."""

from __future__ import annotations

import time

import pytest

from counterclaim.analyze.limits import AnalysisTimeout, time_limit
from counterclaim.errors import EXIT_INPUT


def test_work_past_the_limit_raises_a_located_input_error():
    with pytest.raises(AnalysisTimeout) as caught:
        with time_limit(0.2, what="slow.txt"):
            time.sleep(2)
    assert caught.value.exit_code == EXIT_INPUT
    assert "slow.txt" in str(caught.value) and "COUNTERCLAIM_MAX_SECONDS" in str(caught.value)


def test_work_within_the_limit_is_untouched_and_the_timer_is_cleared():
    with time_limit(5):
        value = sum(range(1000))
    time.sleep(0.01)
    assert value == 499500


def test_zero_turns_the_limit_off(monkeypatch):
    monkeypatch.setenv("COUNTERCLAIM_MAX_SECONDS", "0")
    with time_limit(None):
        time.sleep(0.05)


def test_ingest_reports_the_article_that_overruns_and_stores_the_rest(tmp_path, monkeypatch, nlp):
    from counterclaim.ingest import ingest
    from counterclaim.ledger import Ledger

    from counterclaim.analyze.claims import ClaimsComponent

    original = ClaimsComponent.__call__

    def slow_on_marker(self, doc):
        if "SLOWMARKER" in doc.text:
            time.sleep(5)
        return original(self, doc)

    monkeypatch.setattr(ClaimsComponent, "__call__", slow_on_marker)
    monkeypatch.setenv("COUNTERCLAIM_MAX_SECONDS", "1")
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a.txt").write_text("The army said on Monday that Dalmar had fallen to its troops.")
    (folder / "b.txt").write_text("The rebels said SLOWMARKER that they still held every ridge.")
    summary = ingest([str(folder)], Ledger(str(tmp_path / "l.db"), stance=None), model=None)
    assert summary.new == 1
    assert [loc for loc, msg in summary.failed if "longer than" in msg] == [str(folder / "b.txt")]
