"""Anchoring events (analyze/eventanchors.py): ACLED time precision and event status from
the claim. Every text is invented."""

from __future__ import annotations

from types import SimpleNamespace

from counterclaim import model
from counterclaim.analyze.eventanchors import event_status, precision_of


def _time(value: str, grain: str) -> model.Time:
    return model.Time(id="t1", text="", span=(0, 1), value=value, grain=grain)


def test_precision_of_ranges():
    assert precision_of(_time("2026-05-04/2026-05-10", "range")) == 2
    assert precision_of(_time("2026-06-01/2026-08-31", "range")) == 3


def test_precision_of_day_week_and_month():
    assert precision_of(_time("2026-05-04", "day")) == 1
    assert precision_of(_time("2026-W19", "week")) == 2
    assert precision_of(_time("2026-05", "month")) == 3


def test_a_negated_event_in_the_outlets_voice_is_no_event():
    facts = SimpleNamespace(denied=set(), disputed=set())
    outlet = SimpleNamespace(id="c1", cue=None, source=SimpleNamespace(kind="outlet"),
                             status="asserted")
    assert event_status(facts, outlet, negated=True) is None
    assert event_status(facts, None, negated=False) == "asserted"
    assert event_status(SimpleNamespace(denied={"c1"}, disputed=set()), outlet,
                        negated=False) == "denied"
