"""JSON Lines batches: one article per line, bad lines reported by file and line number."""

from __future__ import annotations

import json

import pytest
from read_samples import BODY, TITLE, html_article, plain_article

from counterclaim.errors import InputError, NotEnglish
from counterclaim.read.jsonl import read_jsonl
from counterclaim.read.records import Failed, Limits, Loaded

GERMAN = ("Die Armee erklärte am Montag, ihre Truppen hätten die Stadt Dalmar eingenommen. "
          "Die Rebellen wiesen diese Darstellung zurück und sagten, ihre Kämpfer hielten "
          "weiterhin alle Stellungen in den Bergen rund um die Stadt.")


def write_lines(path, lines):
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def test_each_line_is_an_article_with_its_metadata(tmp_path):
    path = write_lines(tmp_path / "batch.jsonl", [
        json.dumps({"text": plain_article(), "outlet": "Ostria Herald",
                    "published": "2024-11-04", "url": "https://herald.example/a"}),
        json.dumps({"html": html_article(), "outlet": "Kessen Daily"}),
    ])
    items = list(read_jsonl(path))
    assert [type(i) for i in items] == [Loaded, Loaded]
    first, second = (i.article for i in items)
    assert [i.location for i in items] == [f"{path}:1", f"{path}:2"]
    assert (first.outlet, first.published, first.url) == (
        "Ostria Herald", "2024-11-04", "https://herald.example/a")
    assert first.title == TITLE and first.text.startswith("DALMAR, Ostria")
    assert first.dateline.date == "2024-11-04"
    # an HTML line: the record's outlet beats og:site_name, the page's date fills the rest
    assert second.outlet == "Kessen Daily" and second.published.startswith("2024-11-04")
    assert "Share this" not in second.text


@pytest.mark.parametrize("line, message", [
    ('{"text": "unterminated', "not valid JSON"),
    ('["a list"]', "expected a JSON object, got an array"),
    ('{"title": "no body"}', 'no "text" or "html" field'),
    ('{"text": 12}', 'field "text" should be a string, got a number'),
    (json.dumps({"text": BODY, "outlet": {"name": "x"}}), 'field "outlet" should be a string'),
    ('{"text": "   "}', "empty"),
    ("[" * 50_000 + "]" * 50_000, "nested too deeply"),
])
def test_a_bad_line_fails_with_its_line_number_and_the_rest_goes_on(tmp_path, line, message):
    good = json.dumps({"text": plain_article()})
    path = write_lines(tmp_path / "b.jsonl", [good, line, good])
    items = list(read_jsonl(path))
    assert [type(i) for i in items] == [Loaded, Failed, Loaded]
    failure = items[1]
    assert failure.location == f"{path}:2"
    assert isinstance(failure.error, InputError)
    assert str(failure.error).startswith(f"{path}:2: ") and message in str(failure.error)
    assert "\n" not in str(failure.error)


def test_non_english_line_is_refused(tmp_path):
    path = write_lines(tmp_path / "b.jsonl", [json.dumps({"text": GERMAN})])
    [item] = read_jsonl(path)
    assert isinstance(item, Failed) and isinstance(item.error, NotEnglish)
    assert item.location.endswith("b.jsonl:1")


def test_blank_lines_are_skipped_but_counted(tmp_path):
    path = write_lines(tmp_path / "b.jsonl", ["", json.dumps({"text": plain_article()}), "  "])
    items = list(read_jsonl(path))
    assert [i.location for i in items] == [f"{path}:2"]


def test_text_is_preferred_to_html_when_both_are_given(tmp_path):
    line = json.dumps({"text": plain_article(), "html": "<p>Other words entirely here.</p>"})
    [item] = read_jsonl(write_lines(tmp_path / "b.jsonl", [line]))
    assert isinstance(item, Loaded) and item.article.text.startswith("DALMAR")


def test_an_overlong_line_is_skipped_without_reading_it(tmp_path):
    limits = Limits(max_file_bytes=2_000, max_article_chars=10_000)
    long_line = json.dumps({"text": BODY * 20})
    path = write_lines(tmp_path / "b.jsonl", [long_line, json.dumps({"text": plain_article()})])
    items = list(read_jsonl(path, limits=limits))
    assert [type(i) for i in items] == [Failed, Loaded]
    assert "2,000-byte limit" in str(items[0].error) and items[1].location.endswith(":2")


def test_an_article_over_the_character_limit_fails(tmp_path):
    limits = Limits(max_file_bytes=1_000_000, max_article_chars=len(BODY) // 2)
    [item] = read_jsonl(write_lines(tmp_path / "b.jsonl", [json.dumps({"text": BODY})]),
                        limits=limits)
    assert isinstance(item, Failed) and "character limit" in str(item.error)


def test_missing_file_is_one_failure(tmp_path):
    [item] = read_jsonl(tmp_path / "absent.jsonl")
    assert isinstance(item, Failed) and "cannot read file" in str(item.error)


def test_an_html_field_without_tags_is_read_as_text(tmp_path):
    [item] = read_jsonl(write_lines(tmp_path / "b.jsonl", [json.dumps({"html": plain_article()})]))
    assert isinstance(item, Loaded) and item.article.title == TITLE


def test_invalid_utf8_line_fails_alone(tmp_path):
    path = tmp_path / "b.jsonl"
    good = json.dumps({"text": plain_article()}).encode()
    path.write_bytes(good + b'\n{"text": "caf\xe9 \xff"}\n' + good + b"\n")
    items = list(read_jsonl(path))
    assert [type(i) for i in items] == [Loaded, Failed, Loaded]
    assert "UTF-8" in str(items[1].error)
