"""WARC archives: HTML 200 responses become articles; damaged records fail, the rest is read."""

from __future__ import annotations

import io

import pytest
from read_samples import BODY_PARAGRAPHS
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from counterclaim.read.records import Failed, Limits, Loaded
from counterclaim.read.warc import read_warc


def page(n: int, *, published: bool = False) -> bytes:
    meta = ('<meta property="article:published_time" content="2024-11-0{n}T09:00:00Z">'
            if published else "")
    paragraphs = "".join(f"<p>{p.replace('Monday', f'day {n}')}</p>" for p in BODY_PARAGRAPHS)
    return (f"<html><head><title>Dispatch {n}</title>{meta}</head><body><article>"
            f"{paragraphs}</article></body></html>").format(n=n).encode()


def write_warc(path, records, *, gzip: bool) -> list[int]:
    """Write (uri, status, content_type, body, rec_type) records; return their offsets."""
    offsets = []
    with open(path, "wb") as file:
        writer = WARCWriter(file, gzip=gzip)
        for uri, status, content_type, body, rec_type in records:
            offsets.append(file.tell())
            http = StatusAndHeaders(status, [("Content-Type", content_type)], protocol="HTTP/1.1")
            writer.write_record(writer.create_warc_record(
                uri, rec_type, payload=io.BytesIO(body), http_headers=http,
                warc_headers_dict={"WARC-Date": "2024-11-06T12:00:00Z"}))
    return offsets


def crawl(n: int = 3):
    html = "text/html; charset=utf-8"
    return [(f"https://herald.example/{i}", "200 OK", html, page(i), "response")
            for i in range(1, n + 1)]


@pytest.mark.parametrize("gzip, suffix", [(True, ".warc.gz"), (False, ".warc")])
def test_html_responses_become_articles_with_uri_and_crawl_date(tmp_path, gzip, suffix):
    path = tmp_path / f"crawl{suffix}"
    records = crawl(2) + [
        ("https://herald.example/logo.png", "200 OK", "image/png", b"\x89PNG....", "response"),
        ("https://herald.example/old", "301 Moved Permanently", "text/html", b"<p>moved</p>",
         "response"),
        ("https://herald.example/1", "200 OK", "text/html", page(1), "request"),
    ]
    records[1] = records[1][:3] + (page(2, published=True), "response")
    offsets = write_warc(path, records, gzip=gzip)
    items = list(read_warc(path))
    assert [type(i) for i in items] == [Loaded, Loaded]
    assert [i.location for i in items] == [f"{path}@{offsets[0]}", f"{path}@{offsets[1]}"]
    first, second = (i.article for i in items)
    assert first.url == "https://herald.example/1"
    assert first.published == "2024-11-06T12:00:00Z"  # the crawl date, for want of a better one
    assert second.published.startswith("2024-11-02")  # the page's own date wins
    assert "day 1" in first.text and "day 2" in second.text


def test_defaults_fill_in_after_the_crawl_date(tmp_path):
    path = tmp_path / "crawl.warc.gz"
    write_warc(path, crawl(1), gzip=True)
    [item] = read_warc(path, defaults={"published": "1999-01-01", "outlet": "Herald"})
    assert item.article.published == "2024-11-06T12:00:00Z" and item.article.outlet == "Herald"


@pytest.mark.parametrize("gzip, suffix", [(True, ".warc.gz"), (False, ".warc")])
def test_truncated_last_record_fails_at_its_offset(tmp_path, gzip, suffix):
    path = tmp_path / f"crawl{suffix}"
    offsets = write_warc(path, crawl(3), gzip=gzip)
    data = path.read_bytes()
    path.write_bytes(data[: offsets[2] + (len(data) - offsets[2]) // 2])
    items = list(read_warc(path))
    assert [type(i) for i in items] == [Loaded, Loaded, Failed]
    failure = items[2]
    assert failure.location == f"{path}@{offsets[2]}"
    assert "truncated" in str(failure.error) and "\n" not in str(failure.error)


@pytest.mark.parametrize("gzip, suffix", [(True, ".warc.gz"), (False, ".warc")])
def test_damage_in_the_middle_loses_only_that_record(tmp_path, gzip, suffix):
    path = tmp_path / f"crawl{suffix}"
    offsets = write_warc(path, crawl(3), gzip=gzip)
    data = path.read_bytes()
    cut = (offsets[1] + offsets[2]) // 2  # 40 bytes out of the middle of record 2
    path.write_bytes(data[:cut] + data[cut + 40:])
    items = list(read_warc(path))
    assert [type(i) for i in items] == [Loaded, Failed, Loaded]
    assert items[1].location == f"{path}@{offsets[1]}"
    assert "corrupt" in str(items[1].error)
    assert "day 3" in items[2].article.text


def test_a_page_over_the_size_limit_fails(tmp_path):
    path = tmp_path / "crawl.warc.gz"
    write_warc(path, crawl(2), gzip=True)
    items = list(read_warc(path, limits=Limits(max_file_bytes=100, max_article_chars=10_000)))
    assert all(isinstance(i, Failed) and "limit" in str(i.error) for i in items)
    assert len(items) == 2


def test_not_a_warc_is_a_failure_not_a_crash(tmp_path, capsys):
    path = tmp_path / "fake.warc"
    path.write_text("GET / HTTP/1.1\nthis is not an archive\n")
    items = list(read_warc(path))
    assert len(items) == 1 and isinstance(items[0], Failed)
    assert capsys.readouterr().err == ""  # warcio's warnings do not leak to the terminal
