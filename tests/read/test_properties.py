"""Properties that must hold for any input, checked with Hypothesis."""

from __future__ import annotations

import os

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from counterclaim.errors import CounterclaimError
from counterclaim.read import read_bytes, read_text

# CC_HYPOTHESIS_EXAMPLES=5000 for a longer hunt.
EXAMPLES = int(os.environ.get("CC_HYPOTHESIS_EXAMPLES", "150"))
SETTINGS = settings(max_examples=EXAMPLES, deadline=None,
                    suppress_health_check=[HealthCheck.too_slow])

# Pieces that exercise the title, dateline, boilerplate and HTML paths when mixed.
PIECES = st.sampled_from([
    "DALMAR, Ostria, Nov. 4 (Reuters) - ", "NEW YORK \u2014 ", "Kessen, Monday (AFP) -- ",
    "Rebels shell Dalmar", "REBELS SHELL DALMAR", "By Jane Doe, Reuters", "Share this:",
    "Leave a Reply", "the army said the rebels had withdrawn.", "\n", "\n\n", "\r\n", " ",
    "<p>", "</p>", "<div class=\"share\">", "<html><body>", "\u2028", "\u00a0", "\u200b",
    "Vorna", "(FHF)", "--", "\u2014", "Sep 6", "2024", ":", ".",
])
MIXED_TEXT = st.lists(st.one_of(PIECES, st.text(max_size=20)), max_size=40).map("".join)


@SETTINGS
@given(st.text(max_size=400))
def test_read_text_raises_only_counterclaim_errors(text):
    try:
        read_text(text)
    except CounterclaimError:
        pass


@SETTINGS
@given(MIXED_TEXT)
def test_read_text_on_article_like_text_raises_only_counterclaim_errors(text):
    try:
        read_text(text)
    except CounterclaimError:
        pass


@SETTINGS
@given(st.binary(max_size=400))
def test_read_bytes_raises_only_counterclaim_errors(data):
    try:
        read_bytes(data, name="fuzz.bin")
    except CounterclaimError:
        pass


@SETTINGS
@given(MIXED_TEXT, st.sampled_from([None, "2024-11-05", "2025-01-02T10:00:00Z", "garbage"]))
def test_dateline_span_indexes_into_text(text, published):
    try:
        article = read_text(text, published=published)
    except CounterclaimError:
        return
    if article.dateline is not None:
        start, end = article.dateline.span
        assert 0 <= start < end <= len(article.text)
        written = article.text[start:end]
        assert article.dateline.place and written.startswith(article.dateline.place)
        if article.dateline.date_text:
            assert article.dateline.date_text in written


@SETTINGS
@given(MIXED_TEXT)
def test_text_is_normalised(text):
    try:
        article = read_text(text)
    except CounterclaimError:
        return
    assert article.text == article.text.strip()
    assert "\n\n\n" not in article.text and "\r" not in article.text
    assert article.title is None or article.title not in article.text.split("\n\n")[:1]
