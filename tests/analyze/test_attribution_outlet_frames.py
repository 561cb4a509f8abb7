"""Sentences the outlet frames itself stay the outlet's claims (attribution_outlet_frames)."""

from __future__ import annotations

import pytest

from counterclaim.analyze.attribution_outlet_frames import _media_depiction


def test_what_unattributed_pictures_show_is_the_outlets_claim(analyze_text):
    report = analyze_text("Images shared alongside the post showed a column of black smoke.")
    (claim,) = report.claims
    assert claim.mode == "outlet" and claim.text.startswith("Images shared alongside")


@pytest.mark.parametrize("text", [
    "Footage released by the army shows soldiers raising the flag over Kessen.",
    "The FHF's photos show fighters in the centre of Dalmar.",
])
def test_what_pictures_a_party_put_out_show_is_its_claim(analyze_text, text):
    report = analyze_text(text)
    assert any(c.mode != "outlet" and c.source is not None and c.source.text for c in report.claims)


def _framed(nlp, text, cue):
    doc = nlp(text)
    word = next(w for w in doc if w.text == cue)
    return _media_depiction(word)


def test_frames_are_told_apart_from_their_neighbours(nlp):
    assert _framed(nlp, "Images shared alongside the post showed smoke over Kessen.", "showed")
    assert not _framed(nlp, "Footage released by the army showed smoke over Kessen.", "showed")
    assert not _framed(nlp, "Osei showed reporters the crater in Kessen.", "showed")


def test_pictures_beside_another_claim_keep_their_content_claimed(analyze_text):
    # The outlet's own claim is only made for a sentence with no other claim: dropping the
    # depiction here would leave "fighters entering Dalmar" nobody's, and the rebuttal
    # nothing to answer.
    report = analyze_text("Images shared alongside the post showed fighters entering Dalmar, "
                          "but the army said they were fake.")
    assert any("fighters entering Dalmar" in c.text for c in report.claims)
