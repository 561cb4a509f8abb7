"""Speech-act participles after a reported clause ("..., saying ..."), and the host claim they
follow: both claims are kept, each with the speaker (session 9 reviewers' cases)."""

from __future__ import annotations


def _claims(report):
    return {c.cue.text: c for c in report.claims if c.mode != "outlet" and c.cue is not None}


def test_participle_the_parse_hangs_inside_the_reported_clause_keeps_its_host(analyze_text):
    # The parse makes "saying" an adverbial of "hold": its subject would be "the front", and
    # the judge may keep it instead of "said", whose content holds it.
    claims = _claims(analyze_text("Osei said the front would hold Kessen, saying that the army had no reserves left."))
    assert claims["said"].text == "the front would hold Kessen"
    assert claims["said"].source.text == "Osei"
    assert claims["saying"].text == "that the army had no reserves left"
    assert claims["saying"].source.text == "Osei"


def test_host_cut_short_of_a_participle_loses_the_quote_it_no_longer_holds(analyze_text):
    claims = _claims(analyze_text('Marek said the front would hold Kessen through the winter, adding that '
                                  'reinforcements had reached "the whole Dalmar sector" by Monday.'))
    assert claims["said"].text == "the front would hold Kessen through the winter"
    assert claims["said"].mode == "indirect"
    assert claims["adding"].mode == "mixed" and claims["adding"].source.text == "Marek"
