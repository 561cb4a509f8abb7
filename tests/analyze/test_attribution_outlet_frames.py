"""Sentences the outlet frames itself stay the outlet's claims (attribution_outlet_frames)."""

from __future__ import annotations

import pytest

from counterclaim.analyze.attribution_outlet_frames import _existential_report, _media_depiction


@pytest.mark.parametrize("text,sentence", [
    ("Images shared alongside the post showed a column of black smoke.", "Images shared alongside"),
    ("There were reports of gunfire near the presidential palace in Ostgrad late on Tuesday.",
     "There were reports of gunfire"),
])
def test_outlet_framed_sentence_is_the_outlets_claim(analyze_text, text, sentence):
    report = analyze_text(text)
    (claim,) = report.claims
    assert claim.mode == "outlet" and claim.text.startswith(sentence)


@pytest.mark.parametrize("text", [
    "Footage released by the army shows soldiers raising the flag over Kessen.",
    "The FHF's photos show fighters in the centre of Dalmar.",
    "Osei said there were reports of shelling in Vorna.",
])
def test_pictures_a_party_put_out_and_reported_speech_are_not_outlet_frames(analyze_text, text):
    report = analyze_text(text)
    assert any(c.mode != "outlet" and c.source is not None and c.source.text for c in report.claims)


def _framed(nlp, text, cue):
    doc = nlp(text)
    word = next(w for w in doc if w.text == cue)
    return _media_depiction(word) or _existential_report(word)


def test_frames_are_told_apart_from_their_neighbours(nlp):
    assert _framed(nlp, "Images shared alongside the post showed smoke over Kessen.", "showed")
    assert not _framed(nlp, "Footage released by the army showed smoke over Kessen.", "showed")
    assert not _framed(nlp, "Osei showed reporters the crater in Kessen.", "showed")
    assert _framed(nlp, "There were reports of shelling in Vorna.", "reports")
    assert not _framed(nlp, "The reports of shelling in Vorna were denied by the army.", "reports")
