"""The second-stage cue recall: doubtful cue words proposed to the judge, on invented sentences."""

from __future__ import annotations

import numpy as np
import pytest

from counterclaim.analyze.attribution import _outermost, candidate_attributions, recall_candidates
from counterclaim.analyze.attribution_filter import Candidate, select
from counterclaim.analyze.attribution_learned import second_stage_attributions, second_stage_test_at
from counterclaim.analyze.attribution_types import Attribution
from counterclaim.analyze.cue_model import CueModel, cue_scores, load_cue_model
from counterclaim.analyze.cue_train import _break_even_threshold
from counterclaim.analyze.quotes import find_quotes


@pytest.fixture(scope="module")
def parse(nlp):
    from counterclaim.analyze.nlp import load_base

    return load_base()


def _second_stage(doc):
    model = load_cue_model()
    scored = cue_scores(doc, find_quotes(doc.text), model, only_at=second_stage_test_at(doc))
    found = second_stage_attributions(doc[:], [], recall_candidates(scored, model), model.threshold)
    return [(doc.text[a.content[0]:a.content[1]], a.cue_lemma,
             doc.text[a.source[0]:a.source[1]] if a.source else None) for a in found]


def test_shipped_cue_model_has_a_recall_floor_under_its_threshold():
    model = load_cue_model()
    assert model.recall_floor is not None and 0 < model.recall_floor < model.threshold


def test_recall_candidates_are_the_words_over_the_floor():
    scored = {1: 0.1, 2: 0.3, 3: 0.7}
    assert set(recall_candidates(scored, CueModel({}, 0.0, 0.4, 0.25))) == {2, 3}
    assert recall_candidates(scored, CueModel({}, 0.0, 0.4)) == {}  # no floor: no second stage


def test_relative_pronoun_object_is_the_content(parse):
    doc = parse("It is a deal which the FHF commander mentioned twice in his speech.")
    assert ("which", "mention", "the FHF commander") in _second_stage(doc)


def test_passive_subject_is_the_content_and_the_agent_the_source(parse):
    doc = parse("The blockade is opposed by most residents of Dalmar.")
    assert ("The blockade", "oppose", "most residents of Dalmar") in _second_stage(doc)


def test_negated_and_citing_cues_stay_out_of_the_second_stage(parse):
    # PolNeAR counts "did not mention X" and "citing Y"; the product reads a silence and a
    # cited source as no claim of their own (test_attribution), so the judge never sees them.
    doc = parse("The FHF commander did not mention the prisoners in Vorna.")
    assert all(lemma != "mention" for _, lemma, _ in _second_stage(doc))
    doc = parse("The Free Highlands Front, citing local doctors, said nine civilians had died.")
    assert all(lemma != "cite" for _, lemma, _ in _second_stage(doc))


@pytest.mark.parametrize("text", [
    "The army has not answered the request from Vorna.",
    "Neither the army nor the rebels have answered the request from Vorna.",
    "No official has answered the request from Vorna.",
    "Nobody has answered the request from Vorna.",
])
def test_a_denied_cue_stays_out_of_the_second_stage(parse, text):
    # "Neither side has answered the request" reports a silence, as "has not answered" does.
    doc = parse(text)
    assert all(lemma != "answer" for _, lemma, _ in _second_stage(doc))


def test_the_same_cue_with_a_plain_subject_is_a_second_stage_candidate(parse):
    doc = parse("The army has answered the request from Vorna.")
    assert any(lemma == "answer" for _, lemma, _ in _second_stage(doc))


def test_event_verbs_stay_out_of_the_second_stage_too(parse):
    doc = parse("Rebels attacked the town of Kessen on Sunday.")
    assert all(lemma != "attack" for _, lemma, _ in _second_stage(doc))


def test_second_stage_candidates_are_marked_and_left_out_without_the_judge(parse):
    doc = parse("It is a deal which the FHF commander mentioned twice in his speech.")
    candidates = candidate_attributions(doc, find_quotes(doc.text))
    recall = [c for c in candidates if c.finder == "recall"]
    assert recall and all(c.score is not None for c in recall)
    assert all(a.cue_lemma != "mention" for a in _outermost(candidates))


def _candidate(doc, finder: str, cue_word: int, content: tuple[int, int]) -> Candidate:
    word = doc[cue_word]
    a = Attribution(content=content, parts=(), cue=(word.idx, word.idx + len(word.text)),
                    cue_lemma=word.lemma_, cue_token=word.i, source=None, source_token=None,
                    mode="indirect", sentence=(0, len(doc.text)))
    return Candidate(a, finder, 0.3)


def test_judge_holds_second_stage_candidates_to_their_own_bar(parse):
    doc = parse("Osei said the bridge was open. Sadeq doubted the road was safe.")
    first = _candidate(doc, "verb", 1, (doc[2].idx, doc[5].idx + 4))
    second = _candidate(doc, "recall", 8, (doc[9].idx, doc[13].idx + 4))
    weights = {"f=verb": 2.0, "f=recall": 0.0}  # p = 0.88 and 0.5
    strict = CueModel(weights, 0.0, 0.2, None, 0.6)
    lenient = CueModel(weights, 0.0, 0.2, None, 0.4)
    assert select(doc, [first, second], strict) == [first.attribution]
    assert select(doc, [first, second], lenient) == [first.attribution, second.attribution]


def test_break_even_threshold_keeps_candidates_likelier_right_than_the_break_even():
    scores = np.array([0.9, 0.8, 0.7, 0.6, 0.5, 0.3, 0.2])
    labels = np.array([1, 1, 1, 0, 0, 0, 0])
    threshold = _break_even_threshold(scores, labels, 0.1)
    assert 0.6 < threshold <= 0.7
    assert _break_even_threshold(scores, np.zeros(7, dtype=int), 0.1) >= 0.9  # none worth keeping
