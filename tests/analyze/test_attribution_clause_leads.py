"""A tag set in after a whole clause (issue 3, session 10), on sentences written for the test."""

from __future__ import annotations

import pytest
from analyze.claim_pieces import claim_by_source as _claim_by_source
from analyze.claim_pieces import pieces as _pieces


@pytest.mark.parametrize("sentence, pieces", [
    ("It is no surprise, Capt Lena Osei said, that the FHF fell back from Dalmar.",
     ["It is no surprise", "that the FHF fell back from Dalmar"]),
    ('The pass is lost, Capt Lena Osei said: "We cannot hold Vorna."',
     ["The pass is lost", "We cannot hold Vorna"]),
    ('But the pass is lost, Capt Lena Osei said: "We cannot hold Vorna."',
     ["the pass is lost", "We cannot hold Vorna"]),
])
def test_clause_before_the_tag_is_the_first_piece(analyze_text, sentence, pieces):
    report = analyze_text(sentence)
    assert _pieces(report, _claim_by_source(report, "Capt Lena Osei")) == pieces


@pytest.mark.parametrize("opening", ["In a statement", "Asked about the pass"])
def test_a_frame_before_the_tag_stays_out(analyze_text, opening):
    report = analyze_text(f'{opening}, Capt Lena Osei said: "We cannot hold Vorna."')
    assert _pieces(report, _claim_by_source(report, "Capt Lena Osei")) == ["We cannot hold Vorna"]


def test_clause_of_a_said_claim_is_not_the_participle_content(analyze_text):
    report = analyze_text('The FHF left Dalmar on Monday, Capt Lena Osei said, adding that "the war is not over."')
    adding = next(c for c in report.claims if c.cue and c.cue.text == "adding")
    assert _pieces(report, adding) == ["that \"the war is not over"]


def test_unfinished_clause_before_the_tag_stays_out(analyze_text):
    # "... and also, Sadeq said, to ...": the clause goes on after the tag; it is not one of its own
    report = analyze_text('There was no statement from the FHF, in keeping with its custom and also, '
                          'Karim Sadeq said, to keep its options open.')
    # (which of the two contents the judge keeps is the learned model's call)
    pieces = _pieces(report, _claim_by_source(report, "Karim Sadeq"))
    assert len(pieces) == 1 and pieces[0] in ("to keep its options open",
                                              "There was no statement from the FHF, in keeping with its custom and also")
