"""Quote pairing needs no model: straight and curly marks, paragraphs, split quotes."""

from __future__ import annotations

import pytest

from counterclaim.analyze.quotes import find_quotes


def quoted(text):
    return [text[q.start:q.end] for q in find_quotes(text)]


@pytest.mark.parametrize("text,expected", [
    ('He said: "We will fight."', ["We will fight."]),
    ("\u201cThey left,\u201d she said, \u201cand never came back.\u201d",
     ["They left,", "and never came back."]),
    ('The group called it "a lie".', ["a lie"]),
    ('It is 5" long and "quoted" here.', ["quoted"]),
])
def test_pairs_quote_marks(text, expected):
    assert quoted(text) == expected


def test_quote_open_at_paragraph_end_continues_when_next_paragraph_reopens():
    text = '"We did not target civilians.\n\n"Every strike was aimed at positions," he said.'
    (quote,) = find_quotes(text)
    assert text[quote.start:quote.end].endswith("aimed at positions,")
    assert quote.start == 1


def test_unclosed_quote_ends_with_its_paragraph():
    text = '"We will never leave this city.\n\nThe army did not comment.'
    (quote,) = find_quotes(text)
    assert text[quote.start:quote.end] == "We will never leave this city."


def test_doubled_apostrophes_pair_as_quote_marks():
    # Archive feeds write quotation marks as two apostrophes; a lone apostrophe stays one.
    text = "''We will stay,'' Osei said. ''The bridge at Kessen won't fall.''"
    assert quoted(text) == ["We will stay,", "The bridge at Kessen won't fall."]
