"""The learned content-boundary step (issue 3, session 4), on sentences written for the test.

The rankers are replaced by hand-set ones where a test needs to know what they prefer; the
shipped model is checked only for properties any boundary must keep (inside its sentence, off
its cue), so that retraining it cannot break a test that holds.
"""

from __future__ import annotations

import numpy as np
import pytest

from counterclaim.analyze import attribution as at
from counterclaim.analyze.attribution_boundary import (BoundaryModel, Ranker, best_candidate,
                                                       load_boundary_model, refinable, refine_contents)
from counterclaim.analyze.quotes import find_quotes
from counterclaim.analyze.spans import text_of
from counterclaim.eval.common import Attribution as Gold

ACCUSED = "The FHF accused the army of shelling the market in Dalmar."


class _Weights:
    """A booster stand-in: a row's score is the sum of its columns' weights."""

    def __init__(self, weights):
        self.weights = np.array(weights, dtype=float)

    def predict(self, matrix, num_threads=1):
        return matrix @ self.weights


def _ranker(preferred: dict[str, float], margin: float = 0.0) -> Ranker:
    columns = {name: n for n, name in enumerate(preferred)}
    return Ranker(columns, len(columns), _Weights(list(preferred.values())), margin)


NEUTRAL = _ranker({"side=rule": 0.0})


@pytest.fixture(scope="module")
def parse():
    """Parse a text as the pipeline does before its own components run."""
    from counterclaim.analyze import make_doc
    from counterclaim.analyze.nlp import load_base
    from counterclaim.read import read_text

    nlp = load_base()
    return lambda text: nlp(make_doc(nlp, read_text(text, html=False)))


@pytest.fixture()
def accused(parse):
    doc = parse(ACCUSED)
    return doc, at.find_attributions(doc, refine=False, whole_cues=False)


def test_best_candidate_moves_only_past_the_margin():
    scored = {3: 0.2, 4: 1.0, 5: -1.0}
    assert best_candidate(scored, rule=3, margin=0.5) == 4
    assert best_candidate(scored, rule=3, margin=0.9) == 3  # 1.0 does not beat 0.2 by more than 0.9
    assert best_candidate({3: 1.0, 4: 1.0}, rule=3, margin=0.0) == 3  # a tie keeps the rule


def test_a_confident_start_ranker_moves_the_content_start(accused):
    doc, found = accused
    (a,) = found
    text = text_of(doc)
    assert text[a.content[0]:a.content[1]].startswith("the army")
    model = BoundaryModel(_ranker({"w=shelling|right": 5.0}), NEUTRAL)
    (moved,) = refine_contents(doc, found, find_quotes(text), model)
    assert text[moved.content[0]:moved.content[1]] == "shelling the market in Dalmar"
    assert moved.cue == a.cue and moved.source == a.source


def test_a_confident_end_ranker_moves_the_content_end(accused):
    doc, found = accused
    text = text_of(doc)
    model = BoundaryModel(NEUTRAL, _ranker({"w=market|left": 5.0}))
    (moved,) = refine_contents(doc, found, find_quotes(text), model)
    assert text[moved.content[0]:moved.content[1]].endswith("the market")


def test_an_unsure_ranker_leaves_the_rule_span(accused):
    doc, found = accused
    model = BoundaryModel(_ranker({"w=shelling|right": 5.0}, margin=10.0), NEUTRAL)
    assert refine_contents(doc, found, find_quotes(text_of(doc)), model) == found
    assert refine_contents(doc, found, find_quotes(text_of(doc)), None) == found


def test_the_content_never_reaches_over_its_cue(parse):
    doc = parse("Rebels had left Vorna by Sunday, the army said in Kessen.")
    found = at.find_attributions(doc, refine=False, whole_cues=False)
    (a,) = found
    # a ranker that would love to end the content on the cue's own sentence end
    model = BoundaryModel(NEUTRAL, _ranker({"w=kessen|right": 9.0, "w=said|right": 9.0}))
    (moved,) = refine_contents(doc, found, find_quotes(text_of(doc)), model)
    assert moved.content[1] <= a.cue[0]


CONTESTED = "Villagers heard artillery fire near the Kessen pass, which the FHF says it still controls " \
    "and the army says it has retaken."


@pytest.mark.parametrize("end_ranker", [NEUTRAL, _ranker({"w=retaken|right": 9.0})], ids=["rule", "moved"])
def test_a_content_ends_at_the_coordination_before_another_tag(parse, monkeypatch, end_ranker):
    # The parse hangs "and" on "controls" (the rule's content ends on it) and "the army says"
    # on the main verb; a ranker may carry the FHF's content on to the army's claim.
    doc = parse(CONTESTED)
    monkeypatch.setattr(at, "load_boundary_model", lambda: BoundaryModel(NEUTRAL, end_ranker))
    text = text_of(doc)
    claims = {text[a.source[0]:a.source[1]]: [text[s:e] for s, e in (a.parts or (a.content,))]
              for a in at.find_attributions(doc, whole_cues=False)}
    assert claims == {"the FHF": ["which", "it still controls"], "the army": ["it has retaken"]}


def test_split_quotes_are_left_to_their_marks(parse):
    doc = parse("\u201cThey took a few streets,\u201d Osei said, \u201cand now they call it a city.\u201d")
    found = at.find_attributions(doc, refine=False, whole_cues=False)
    assert found and not any(refinable(a) for a in found if a.parts)


@pytest.fixture
def shipped_model():
    model = load_boundary_model()
    if model is None:
        pytest.skip("boundary model not trained")
    return model


@pytest.mark.parametrize("text", [
    ACCUSED,
    "Karim Sadeq said on Tuesday that the bridge at Kessen had been destroyed, which the FHF denies.",
    "According to aid workers in Vorna, the road was closed for a week.",
    "Halvorsen warned that the talks would collapse if the FHF kept shelling Dalmar.",
])
def test_shipped_model_keeps_contents_in_their_sentence_and_off_their_cue(parse, shipped_model, text):
    model = shipped_model
    doc = parse(text)
    found = at.find_attributions(doc, refine=False, whole_cues=False)
    for before, after in zip(found, refine_contents(doc, found, find_quotes(text_of(doc)), model)):
        assert after.content[1] > after.content[0]
        assert before.sentence[0] <= after.content[0] and after.content[1] <= before.sentence[1]
        assert not (after.cue[0] < after.content[1] and after.content[0] < after.cue[1])


def test_training_labels_the_word_the_gold_content_opens_at(parse):
    from counterclaim.analyze.cue_train import boundary_groups

    doc = parse(ACCUSED)
    start = ACCUSED.index("shelling")
    gold = [Gold(source=((4, 7),), cue=((8, 15),), content=((start, len(ACCUSED) - 1),))]
    groups = {g.kind: g for g in boundary_groups([(ACCUSED, gold, doc)])}
    right = [i for i, _, label in groups["start"].candidates if label]
    assert [doc[i].text for i in right] == ["shelling"]
    assert doc[groups["start"].rule].text == "the"
    assert [doc[i].text for i, _, label in groups["end"].candidates if label] == ["Dalmar"]


def test_feature_keys_find_the_columns_their_names_have():
    from counterclaim.analyze.attribution_boundary import feature_name, key_columns

    # A word may hold "|", so a name can be cut into its parts more than one way.
    names = {"w=a|b|left": 0, "s=-2": 1, "open=True|rule": 2, "rw-w=same": 3, "rw-w=x|y|z": 4,
             "pp=NOUN|VERB|right": 5}
    keys = key_columns(names)
    for key in [("w", "a|b", "left"), ("s", -2), ("open", True, "rule"), ("rw-w", "same"),
                ("rw-w", "x|y", "z"), ("rw-w", "x", "y|z"), ("pp", "NOUN", "VERB", "right")]:
        assert keys[key] == names[feature_name(key)]
    assert ("open", False, "rule") not in keys and ("s", 2) not in keys


def _one_hot_booster(seed: int):
    import lightgbm

    rng = np.random.default_rng(seed)
    features = (rng.random((600, 40)) < 0.15).astype(float)
    target = features @ rng.normal(size=40) + (features[:, 0] * features[:, 1]) + rng.normal(scale=0.1, size=600)
    model = lightgbm.LGBMRegressor(n_estimators=30, num_leaves=15, min_child_samples=3, verbose=-1)
    return model.fit(features, target).booster_


def test_tree_tables_score_exactly_as_lightgbm():
    from scipy.sparse import csr_matrix

    from counterclaim.analyze.attribution_boundary_trees import tables_for

    booster = _one_hot_booster(3)
    tables = tables_for(booster, 40, list(range(40)))
    assert tables is not None
    rng = np.random.default_rng(4)
    rows = [sorted(set(rng.integers(0, 40, size=int(rng.integers(0, 12))).tolist())) for _ in range(300)] + [[]]
    flat = [c for row in rows for c in row]
    indptr = np.concatenate(([0], np.cumsum([len(row) for row in rows])))
    matrix = csr_matrix((np.ones(len(flat), dtype=np.float32), np.array(flat, dtype=np.int32), indptr),
                        shape=(len(rows), 40))
    assert np.array_equal(tables.scores(rows), booster.predict(matrix, num_threads=1))
    for k in range(0, 300, 60):  # a lone row and a pair are summed their own ways
        for rows_k in (rows[k:k + 1], rows[k:k + 2]):
            expected = booster.predict(matrix[k:k + len(rows_k)], num_threads=1)
            assert np.array_equal(tables.scores(rows_k), expected)
    assert tables.scores([]).shape == (0,)


def test_tree_tables_refuse_splits_that_are_not_one_hot():
    from counterclaim.analyze.attribution_boundary_trees import read_tables

    text = _one_hot_booster(5).model_to_string()
    assert read_tables(text) is not None
    assert read_tables(text.replace("threshold=", "threshold=2.5 ", 1)) is None
    assert read_tables(text.replace("decision_type=2", "decision_type=10", 1)) is None


def test_the_list_form_of_best_candidate_chooses_the_same_word():
    from counterclaim.analyze.attribution_boundary import _best_of

    rng = np.random.default_rng(7)
    for _ in range(2000):
        candidates = sorted(rng.choice(30, size=int(rng.integers(1, 8)), replace=False).tolist())
        scores = rng.integers(0, 4, size=len(candidates)).astype(float).tolist()  # many ties
        rule, margin = int(rng.integers(0, 30)), float(rng.choice([0.0, 0.25, 1.0, -0.5]))
        expected = best_candidate(dict(zip(candidates, scores)), rule, margin)
        assert _best_of(candidates, scores, rule, margin) == expected


@pytest.mark.parametrize("text", [
    ACCUSED,
    'The minister said on Tuesday that the talks, which began in May, "will not be rushed", '
    "and aides added that a deal was near. Rebels denied it, according to a statement.",
])
def test_column_rows_are_the_known_features_of_each_candidate(parse, shipped_model, text):
    """start_columns / end_columns give each candidate the columns of its named features."""
    from counterclaim.analyze import attribution_boundary as ab
    from counterclaim.analyze.spans import token_index_at

    model = shipped_model
    doc = parse(text)
    found = [a for a in at.find_attributions(doc, refine=False, whole_cues=False) if refinable(a)]
    assert found
    words = ab.words_of(doc)
    for a in found:
        first = token_index_at(doc, a.content[0])
        last = token_index_at(doc, max(a.content[0], a.content[1] - 1))
        allowed = ab._allowed_range(doc, a, first, last)
        for rows, ranker, fast in ((ab.start_rows(words, a, first, last, allowed), model.start,
                                    ab.start_columns(words, a, first, last, allowed, model.start.key_tables())),
                                   (ab.end_rows(words, a, first, last, allowed), model.end,
                                    ab.end_columns(words, a, first, last, allowed, model.end.key_tables()))):
            assert fast[0] == [i for i, _ in rows]
            named = [sorted(ranker.columns[ab.feature_name(key)] for key in keys
                            if ab.feature_name(key) in ranker.columns) for _, keys in rows]
            assert [sorted(columns) for columns in fast[1]] == named
