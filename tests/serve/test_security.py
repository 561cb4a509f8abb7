"""Auth (bearer token for writes, token required off loopback) and the response headers."""

from __future__ import annotations

import pytest
from fastapi.testclient import TestClient

from counterclaim.errors import CounterclaimError
from counterclaim.serve import create_app
from counterclaim.serve.app import check_binding, run
from serve.builders import hostile_report
from serve.conftest import fake_analyzer

ARTICLE = {"text": "The army said on Monday that Vorna was calm."}


@pytest.fixture()
def locked(api_ledger):
    with TestClient(create_app(api_ledger, token="s3cret", analyzer=fake_analyzer)) as client:
        yield client


@pytest.mark.parametrize("url", ["/api/analyze", "/api/ingest"])
@pytest.mark.parametrize("header", [None, "Bearer wrong", "Basic s3cret", "s3cret"])
def test_writes_need_the_token(locked, url, header):
    headers = {"authorization": header} if header else {}
    response = locked.post(url, json=ARTICLE, headers=headers)
    assert response.status_code == 401
    assert response.json()["error"]["code"] == "unauthorized"
    assert response.headers["www-authenticate"] == "Bearer"


def test_upload_needs_the_token(locked):
    files = {"files": ("a.txt", b"The army said so.", "text/plain")}
    assert locked.post("/api/ingest/files", files=files).status_code == 401


def test_the_right_token_writes_and_reads_stay_open(locked):
    ok = locked.post("/api/analyze", json=ARTICLE, headers={"authorization": "Bearer s3cret"})
    assert ok.status_code == 200 and ok.json()["schema"] == "counterclaim/1"
    assert locked.get("/api/claims").status_code == 200
    assert locked.get("/disputes").status_code == 200


def test_no_token_means_open_writes_on_loopback(client):
    assert client.post("/api/analyze", json=ARTICLE).status_code == 200


@pytest.mark.parametrize("host", ["0.0.0.0", "192.168.1.20", "::", "example.org"])
def test_public_binding_without_token_is_refused(host):
    with pytest.raises(CounterclaimError, match="needs an API token"):
        check_binding(host, None)
    check_binding(host, "s3cret")


@pytest.mark.parametrize("host", ["127.0.0.1", "localhost", "::1", "127.0.0.2"])
def test_loopback_needs_no_token(host):
    check_binding(host, None)


def test_run_refuses_before_opening_anything(tmp_path, monkeypatch):
    monkeypatch.delenv("COUNTERCLAIM_TOKEN", raising=False)
    with pytest.raises(CounterclaimError):
        run(str(tmp_path / "never.db"), host="0.0.0.0", port=9)
    assert not (tmp_path / "never.db").exists()


@pytest.mark.parametrize("url", ["/disputes", "/api/claims", "/static/css/style.css",
                                 "/api/nothing"])
def test_every_response_carries_a_strict_csp(client, url):
    csp = client.get(url).headers["content-security-policy"]
    assert "default-src 'self'" in csp and "script-src 'self'" in csp
    assert "unsafe-inline" not in csp and "object-src 'none'" in csp
    assert client.get(url).headers["x-content-type-options"] == "nosniff"


def test_article_markup_is_escaped_in_every_page(client):
    report = hostile_report()
    page = client.get(f"/articles/{report.article.id}").text
    assert "<script>alert" not in page and "onerror=\"alert" not in page
    assert '<a href="javascript:' not in page and "href=\"javascript:" not in page
    assert "&lt;script&gt;alert(&#34;xss&#34;)&lt;/script&gt;" in page
    assert "<b onmouseover" not in page
    for url in ["/articles", "/claims", "/search?q=fighting", "/timeline"]:
        text = client.get(url).text
        assert "<script>alert" not in text and 'href="javascript:' not in text, url


def test_pages_have_no_inline_script_or_style(client):
    for url in ["/disputes", "/articles", "/claims", "/entities", "/map", "/timeline",
                "/ingest", "/entities/FHF", "/articles/feedc0de00000001"]:
        html = client.get(url).text
        assert "<script>" not in html and "style=" not in html and "<style" not in html, url
        assert " on" + "click=" not in html, url
