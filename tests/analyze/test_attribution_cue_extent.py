"""How far a cue reaches (PolNeAR's cues cover the predicate that introduces the content),
on sentences written for the test."""

from __future__ import annotations

import pytest


def _cue_text(report) -> str:
    (claim,) = [c for c in report.claims if c.mode != "outlet"]
    return claim.cue.text


@pytest.mark.parametrize("text,cue", [
    # the verb's own words before the content join the cue
    ("Osei showed no sign of retreating from his demand for talks in Vorna.", "showed no sign of"),
    # a governing verb the cue is the infinitive, gerund or participle of
    ("The FHF went on to say that the army had shelled Kessen.", "went on to say"),
    ("Halvorsen erred in saying that the FHF had withdrawn from Dalmar.", "erred in saying"),
    ("The ministry issued a statement saying the bridge at Dalmar had reopened.",
     "issued a statement saying"),
    # when it was said and whom it was told stay out
    ("Osei said on Tuesday that the army had left Vorna.", "said"),
    ("Halvorsen told reporters on Monday that the talks would resume in Kessen.", "told"),
])
def test_cue_reaches_its_content(analyze_text, text, cue):
    assert _cue_text(analyze_text(text)) == cue


def test_lemma_stays_the_speech_verb(analyze_text):
    report = analyze_text("The FHF went on to say that the army had shelled Kessen.")
    (claim,) = [c for c in report.claims if c.mode != "outlet"]
    assert claim.cue.lemma == "say" and claim.source.text == "The FHF"

