"""A quote that opens after its clause's subject, its tag after it (issue 3, session 10), on
sentences written for the test."""

from __future__ import annotations

import pytest
from analyze.claim_pieces import claim_by_source as _claim_by_source
from analyze.claim_pieces import pieces as _pieces


@pytest.mark.parametrize("opening, quoted", [
    ("The gunners of the FHF", "have run out of shells"),
    ("Residents of Dalmar", "are not safe in their homes"),
    ("The road to Kessen is", "closed to every convoy"),
])
def test_subject_before_a_continued_quote_opens_the_content(analyze_text, opening, quoted):
    report = analyze_text(f'{opening} "{quoted}," Capt Lena Osei said. "They are pulling back to Vorna."')
    claim = _claim_by_source(report, "Capt Lena Osei")
    assert _pieces(report, claim) == [f'{opening} "{quoted}', "They are pulling back to Vorna"]
    assert claim.mode == "mixed"


def test_opening_that_is_another_claim_stays_out_of_the_quote(analyze_text):
    # "According to Osei, the FHF ...": the opening is Osei's claim, not Sadeq's words
    report = analyze_text('According to Lena Osei, the FHF "has run out of shells," Karim Sadeq said. '
                          '"We saw it."')
    claim = _claim_by_source(report, "Karim Sadeq")
    assert _pieces(report, claim)[0] == "has run out of shells"


def test_participle_frame_before_the_subject_stays_out(analyze_text):
    report = analyze_text('Emerging from the talks, the envoy "looked ashen," Karim Sadeq said, from "the blow he took."')
    claim = _claim_by_source(report, "Karim Sadeq")
    assert _pieces(report, claim)[0] == 'the envoy "looked ashen'
