"""A noun compound the parse reads as a verb and its object ("Aid workers ... say", "Aid"
a clausal subject) still gives the claim its source."""

from __future__ import annotations

import pytest


@pytest.mark.parametrize("text, source", [
    ("Aid workers running the clinic in Vorna say the road is closed.", "Aid workers running the clinic in Vorna"),
    ("Aid workers in general say the road is closed.", "Aid workers"),
])
def test_compound_read_as_a_verb_and_its_object_is_the_source(analyze_text, text, source):
    (claim,) = [c for c in analyze_text(text).claims if c.mode != "outlet"]
    assert claim.text == "the road is closed"
    assert claim.source is not None and claim.source.text == source


def test_a_clausal_subject_with_a_subject_of_its_own_is_left_alone():
    from counterclaim.analyze.attribution_compound_sources import _misread_compound_head
    from spacy.tokens import Doc
    from spacy.vocab import Vocab

    # "Whoever holds Kessen says ...": a real clausal subject, not a compound.
    doc = Doc(Vocab(), words=["Whoever", "holds", "Kessen", "says", "it", "won"],
              heads=[1, 3, 1, 3, 5, 3], deps=["nsubj", "csubj", "dobj", "ROOT", "nsubj", "ccomp"],
              pos=["PRON", "VERB", "PROPN", "VERB", "PRON", "VERB"], tags=["WP", "VBZ", "NNP", "VBZ", "PRP", "VBD"])
    assert _misread_compound_head(doc[3]) is None


@pytest.mark.parametrize("text", [
    "Aid workers in Vorna say the wounded are dying.",
    "Hospital workers in Kessen say the army fired on the clinic. Aid workers in Dalmar say the rebels did it.",
])
def test_compound_read_as_a_verb_stays_in_the_entity_name(analyze_text, text):
    report = analyze_text(text)
    names = {e.id: e.name for e in report.entities}
    claim = next(c for c in report.claims if c.source is not None and c.source.text.startswith("Aid"))
    assert names[claim.source.entity] == "Aid workers"
