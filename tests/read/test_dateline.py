"""Datelines: parsed into place, date, agency and a span that stays inside the text."""

from __future__ import annotations

import re

import pytest

from counterclaim.read import find_dateline, read_text

SENTENCE = "The army said rebels had shelled the city overnight, a claim the FHF denied."

# (dateline as written, place, date_text, agency, ISO date given published 2024-11-05)
DATELINES = [
    ("Lagos, Sep 6 (NAN) -", "Lagos", "Sep 6", "NAN", "2024-09-06"),
    ("WASHINGTON (Reuters) -", "WASHINGTON", None, "Reuters", None),
    ("PARIS, March 3, 2024 /PRNewswire/ --", "PARIS", "March 3, 2024", "PRNewswire",
     "2024-03-03"),
    ("Gaza City, Oct 12 (AFP) --", "Gaza City", "Oct 12", "AFP", "2024-10-12"),
    ("KYIV, Ukraine (AP) \u2014", "KYIV, Ukraine", None, "AP", None),
    ("DALMAR, Ostria, Nov. 4 (Reuters) -", "DALMAR, Ostria", "Nov. 4", "Reuters",
     "2024-11-04"),
    ("LONDON, 3 March 2024 -", "LONDON", "3 March 2024", None, "2024-03-03"),
    ("NEW YORK \u2014", "NEW YORK", None, None, None),
    ("Nairobi, Kenya, May 2 (Xinhua) --", "Nairobi, Kenya", "May 2", "Xinhua", "2024-05-02"),
    ("Kessen, Ostria, Monday (AFP) \u2013", "Kessen, Ostria", "Monday", "AFP", "2024-11-04"),
    ("Rio de Janeiro, Dec. 1 (EFE) -", "Rio de Janeiro", "Dec. 1", "EFE", "2023-12-01"),
    ("VORNA, Ostria, 12th October (Thomson Reuters Foundation) -", "VORNA, Ostria",
     "12th October", "Thomson Reuters Foundation", "2024-10-12"),
]


@pytest.mark.parametrize("written, place, date_text, agency, iso", DATELINES)
def test_dateline_forms(written, place, date_text, agency, iso):
    text = f"{written} {SENTENCE}"
    dateline = find_dateline(text, published="2024-11-05")
    assert dateline is not None
    assert (dateline.place, dateline.date_text, dateline.agency) == (place, date_text, agency)
    assert dateline.date == iso
    start, end = dateline.span
    assert text[start:end] == written


@pytest.mark.parametrize("written, place, date_text, agency, iso", DATELINES)
def test_dateline_without_published_resolves_only_written_years(written, place, date_text,
                                                                agency, iso):
    dateline = find_dateline(f"{written} {SENTENCE}")
    has_year = re.search(r"\d{4}", date_text or "") is not None
    assert (dateline.date is not None) == has_year


@pytest.mark.parametrize("opening", [
    "By Jane Doe, Reuters - The army said",         # byline, not a dateline
    "Free Highlands Front (FHF) - the group said",  # organisation with its acronym
    "Kessen - the town fell quiet on Monday",       # a name and a dash, no other evidence
    "The army - and the rebels - said",             # a sentence
    "BREAKING - Rebels shell Dalmar",               # a label in capitals
    "Rebels shelled Dalmar, the army said.",
])
def test_not_a_dateline(opening):
    assert find_dateline(opening) is None


def test_byline_paragraph_before_dateline_is_skipped():
    text = f"By Jane Doe, Reuters\n\nDALMAR (Reuters) - {SENTENCE}"
    dateline = find_dateline(text)
    assert dateline.place == "DALMAR" and dateline.agency == "Reuters"
    assert text[slice(*dateline.span)] == "DALMAR (Reuters) -"


def test_year_rolls_back_across_new_year():
    dateline = find_dateline(f"DALMAR, Dec 31 (Reuters) - {SENTENCE}", published="2025-01-02")
    assert dateline.date == "2024-12-31"


def test_dateline_stays_in_article_text():
    article = read_text(f"Rebels shell Dalmar\n\nGaza City, Oct 12 (AFP) -- {SENTENCE}",
                        published="2024-10-12T08:00:00Z")
    assert article.text.startswith("Gaza City, Oct 12 (AFP) --")
    assert article.dateline.date == "2024-10-12"
    assert article.text[slice(*article.dateline.span)] == "Gaza City, Oct 12 (AFP) --"


def test_dateline_after_title_variant_is_offset_into_body():
    article = read_text(f"Rebels shell Dalmar\nREBELS SHELL DALMAR\n\nBy Jane Doe\n\n"
                        f"NEW YORK \u2014 {SENTENCE}")
    start, end = article.dateline.span
    assert article.text[start:end] == "NEW YORK \u2014"
    assert article.text.startswith("By Jane Doe")


def test_shouted_headline_is_not_a_dateline():
    assert find_dateline("REBELS SHELL NORTHERN DALMAR - army") is None
    assert find_dateline("RIO DE JANEIRO - The army said").place == "RIO DE JANEIRO"


@pytest.mark.parametrize("date_text, published, expected", [
    ("Feb 29", "2024-03-01", "2024-02-29"),
    ("Feb 29", "2023-03-01", None),           # no such day that year
    ("Sep 99", "2024-11-05", None),           # not a day; dateparser would read 1999
    ("2024-03-15", None, "2024-03-15"),
    ("Sep 6", "not a date", None),
])
def test_dateline_date_resolution_edge_cases(date_text, published, expected):
    dateline = find_dateline(f"DALMAR, {date_text} (Reuters) - {SENTENCE}", published=published)
    assert dateline is not None and dateline.date_text == date_text
    assert dateline.date == expected
