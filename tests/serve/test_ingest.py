"""Analyze and ingest through HTTP with the real pipeline: analyze stores nothing, ingest does."""

from __future__ import annotations

import pytest
from fastapi.testclient import TestClient

from counterclaim.ledger import Ledger
from counterclaim.serve import create_app

pytestmark = pytest.mark.model

TEXT = ("KESSEN, March 9 -- The Free Highlands Front said on Monday that its fighters had "
        "shot down an army drone over Kessen. The army denied that any drone had been lost.")


@pytest.fixture()
def fresh(tmp_path):
    ledger = Ledger(str(tmp_path / "fresh.db"), stance=None)
    with TestClient(create_app(ledger)) as client:
        yield client, ledger
    ledger.close()


def test_analyze_returns_a_report_and_stores_nothing(fresh):
    client, ledger = fresh
    response = client.post("/api/analyze", json={"text": TEXT, "published": "2026-03-09"})
    assert response.status_code == 200
    report = response.json()
    assert report["schema"] == "counterclaim/1" and report["claims"]
    assert any("drone" in claim["text"] for claim in report["claims"])
    assert ledger.stats().articles == 0


def test_ingest_stores_once_and_refreshes_cached_lists(fresh):
    client, ledger = fresh
    assert client.get("/api/entities", params={"q": "Free Highlands"}).json()["items"] == []
    first = client.post("/api/ingest", json={"text": TEXT, "outlet": "Kessen Radio"})
    assert first.status_code == 201 and first.json()["status"] == "new"
    assert first.json()["n_claims"] >= 1
    again = client.post("/api/ingest", json={"text": TEXT, "outlet": "Kessen Radio"})
    assert again.json()["status"] == "present"
    assert ledger.stats().articles == 1
    article_id = first.json()["article_id"]
    assert client.get(f"/api/articles/{article_id}").json()["article"]["outlet"] == "Kessen Radio"
    names = [e["name"] for e in client.get("/api/entities", params={"q": "Free Highlands"})
             .json()["items"]]
    assert any("Free Highlands Front" in name for name in names)  # the cache was cleared


def test_uploaded_files_succeed_or_fail_one_by_one(fresh):
    client, ledger = fresh
    files = [("files", ("kessen.html", f"<html><body><p>{TEXT}</p></body></html>".encode(),
                        "text/html")),
             ("files", ("photo.jpg", b"\xff\xd8\xff\xe0\x00\x10JFIF\x00" + bytes(300),
                        "image/jpeg"))]
    results = client.post("/api/ingest/files", files=files).json()
    assert [r["ok"] for r in results] == [True, False]
    assert results[1]["error"]["code"] and "photo.jpg" in results[1]["error"]["message"]
    assert ledger.stats().articles == 1
