"""The learned cue detector: features, scores and training labels, on invented sentences."""

from __future__ import annotations

import pytest

from counterclaim.analyze.cue_model import cue_scores, is_candidate, load_cue_model, token_features
from counterclaim.analyze.cue_train import cue_heads
from counterclaim.analyze.quotes import find_quotes
from counterclaim.eval.common import Attribution


@pytest.fixture(scope="module")
def parse(nlp):
    from counterclaim.analyze.nlp import load_base

    return load_base()


def test_shipped_model_loads():
    model = load_cue_model()
    assert model is not None and 0 < model.threshold < 1 and len(model.weights) > 1000


def test_speech_verbs_score_above_threshold_and_only_words_are_scored(parse):
    # Event verbs may score high too (PolNeAR's "attacked the senator" is a cue); the rules
    # keep them out unless they govern a clause (test_attribution).
    doc = parse("Rebels attacked the town on Sunday. The army said the town was calm.")
    scores = cue_scores(doc, find_quotes(doc.text))
    by_word = {doc[i].text: s for i, s in scores.items()}
    assert by_word["said"] >= load_cue_model().threshold
    assert "the" not in by_word and "." not in by_word


def test_features_see_the_clause_and_the_quote(parse):
    doc = parse('Osei argued that "the siege is over" in Vorna.')
    argued = doc[1]
    assert is_candidate(argued)
    features = token_features(argued, in_quote=False)
    assert "l=argue" in features and "lcd=argue|ccomp" in features and "q=False" in features


def test_training_labels_mark_the_head_of_each_cue(parse):
    text = "The ministry has strongly denied the report, and Osei wants a ceasefire."
    doc = parse(text)
    cue = text.index("has strongly denied")
    wants = text.index("wants")
    gold = [Attribution(source=None, cue=((cue, cue + len("has strongly denied")),), content=((0, 1),)),
            Attribution(source=None, cue=((wants, wants + 5),), content=((0, 1),))]
    heads = {doc[i].text for i in cue_heads(doc, text, gold)}
    assert heads == {"denied", "wants"}
