"""Server fixtures: a small ledger without spaCy (synthetic + hand-written reports) for API
tests, and a TestClient over it."""

from __future__ import annotations

import pytest
from fastapi.testclient import TestClient

from serve.builders import event_report, hostile_report, ostria_report
from counterclaim.ledger import Ledger
from counterclaim.ledger.synthetic import generate
from counterclaim.serve import create_app

N_SYNTHETIC = 120
N_EVENT_REPORTS = 6


@pytest.fixture(scope="session")
def api_ledger(tmp_path_factory):
    ledger = Ledger(str(tmp_path_factory.mktemp("serve") / "api.db"), stance=None)
    ledger.add_many(generate(N_SYNTHETIC, seed=7, start="2026-01-01", per_day=20))
    ledger.add(ostria_report())
    for i in range(N_EVENT_REPORTS):
        ledger.add(event_report(i))
    ledger.add(hostile_report())
    yield ledger
    ledger.close()


def fake_analyzer(article):
    """Stands in for the spaCy pipeline where a test is about HTTP, not analysis."""
    from counterclaim.model import Report
    return Report(article=article)


@pytest.fixture(scope="session")
def client(api_ledger):
    with TestClient(create_app(api_ledger, analyzer=fake_analyzer)) as test_client:
        yield test_client
