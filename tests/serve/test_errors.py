"""One error shape for every 4xx, bad input never a 500, and the body-size limit."""

from __future__ import annotations

import pytest
from fastapi.testclient import TestClient

from counterclaim.serve import create_app

BAD_REQUESTS = [
    ("get", "/api/claims?limit=0", None),
    ("get", "/api/claims?limit=100000", None),
    ("get", "/api/claims?offset=-1", None),
    ("get", "/api/claims?limit=ten", None),
    ("get", "/api/claims?status=rumoured", None),
    ("get", "/api/claims?since=yesterday", None),
    ("get", "/api/disputes?since=2026-13", None),
    ("get", "/api/events?status=maybe", None),
    ("get", "/api/entities?type=robot", None),
    ("get", "/api/places?country=Ostria", None),
    ("get", "/api/search", None),
    ("get", "/api/search?q=", None),
    ("get", "/api/export?format=xlsx", None),
    ("get", "/api/timeline?limit=0", None),
    ("post", "/api/analyze", {"json": {}}),
    ("post", "/api/analyze", {"json": {"text": ""}}),
    ("post", "/api/analyze", {"json": {"text": 5}}),
    ("post", "/api/analyze", {"json": {"text": "x", "published": "last week"}}),
    ("post", "/api/analyze", {"json": {"text": "x", "colour": "red"}}),
    ("post", "/api/analyze", {"content": b"{not json", "headers": {
        "content-type": "application/json"}}),
    ("post", "/api/analyze", {"json": ["a", "list"]}),
    ("post", "/api/analyze", {"json": {"text": "   \n  "}}),
    ("post", "/api/ingest", {"json": {"text": "<html><body></body></html>", "html": True}}),
    ("post", "/api/ingest/files", {"data": {"x": "no files"}}),
]


def assert_error_shape(response, status: int) -> None:
    assert response.status_code == status, response.text
    body = response.json()
    assert set(body) == {"error"} and set(body["error"]) == {"code", "message"}
    assert body["error"]["code"] and body["error"]["message"]
    assert "Traceback" not in body["error"]["message"]


@pytest.mark.parametrize("method,url,kwargs", BAD_REQUESTS)
def test_bad_input_is_422_with_a_message(client, method, url, kwargs):
    response = getattr(client, method)(url, **(kwargs or {}))
    assert_error_shape(response, 422)


def test_validation_message_names_the_parameter(client):
    message = client.get("/api/claims?limit=0").json()["error"]["message"]
    assert "limit" in message


@pytest.mark.parametrize("url,status", [
    ("/api/articles/0000nothere", 404), ("/api/entities/Nobody%20Here", 404),
    ("/api/no-such-endpoint", 404)])
def test_missing_things_are_404_in_the_error_shape(client, url, status):
    assert_error_shape(client.get(url), status)


def test_wrong_method_is_405_in_the_error_shape(client):
    assert_error_shape(client.delete("/api/claims"), 405)


def test_pages_answer_errors_as_html(client):
    response = client.get("/articles/0000nothere", headers={"accept": "text/html"})
    assert response.status_code == 404 and "text/html" in response.headers["content-type"]
    assert "no article with id" in response.text


def test_a_bug_is_a_500_without_internals(api_ledger):
    def broken(article):
        raise RuntimeError("secret internal detail")
    with TestClient(create_app(api_ledger, analyzer=broken),
                    raise_server_exceptions=False) as client:
        response = client.post("/api/analyze", json={"text": "The army said it was calm."})
    assert_error_shape(response, 500)
    assert "secret" not in response.text


def test_body_over_the_limit_is_413(api_ledger):
    with TestClient(create_app(api_ledger, max_upload_bytes=1000)) as client:
        big = client.post("/api/analyze", json={"text": "word " * 1000})
        assert_error_shape(big, 413)
        files = {"files": ("big.txt", b"The army said so. " * 200, "text/plain")}
        assert_error_shape(client.post("/api/ingest/files", files=files), 413)


def test_streamed_body_over_the_limit_is_413(api_ledger):
    def chunks():  # no Content-Length: the limit must hold while the body streams in
        for _ in range(20):
            yield b"x" * 100
    with TestClient(create_app(api_ledger, max_upload_bytes=1000)) as client:
        response = client.post("/api/ingest", content=chunks(),
                               headers={"content-type": "application/json"})
    assert_error_shape(response, 413)
