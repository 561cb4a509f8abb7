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


def test_judge_keeps_the_likelier_of_two_nested_candidates(parse):
    from counterclaim.analyze.attribution import candidate_attributions
    from counterclaim.analyze.attribution_filter import select
    from counterclaim.analyze.cue_model import CueModel

    doc = parse("The ministry said the rebels claimed that the bridge was destroyed.")
    candidates = candidate_attributions(doc, [])
    lemmas = {c.attribution.cue_lemma for c in candidates}
    assert {"say", "claim"} <= lemmas  # the rules propose both; PolNeAR never nests them
    for favoured, other in (("say", "claim"), ("claim", "say")):
        judge = CueModel({f"l={favoured}": 3.0, f"l={other}": -1.0}, 0.0, 0.1)
        kept = [a.cue_lemma for a in select(doc, candidates, judge)]
        assert kept == [favoured]


def _by_hand(doc, text: str, finder: str, cue: str, content: str, *pieces: str):
    """A candidate from the words of an invented sentence (each span found by its text)."""
    from counterclaim.analyze.attribution_filter import Candidate
    from counterclaim.analyze.attribution_types import Attribution as Found

    def span(words: str) -> tuple[int, int]:
        return text.index(words), text.index(words) + len(words)

    cue_span, parts = span(cue), tuple(span(p) for p in pieces)
    head = next(t.i for t in doc if t.idx == cue_span[0])
    return Candidate(Found(span(content), parts, cue_span, doc[head].lemma_, head, None, None,
                           "direct" if parts else "indirect", (0, len(text))), finder)


def test_judge_keeps_a_cue_between_the_pieces_of_an_interrupted_quote(parse):
    # The quote's content is its two pieces; the relative clause between them is Osei's own
    # claim, not part of what the quote says, so it does not nest in the quote.
    from counterclaim.analyze.attribution_filter import select
    from counterclaim.analyze.cue_model import CueModel

    text = ('"The bridge at Dalmar is gone," said Capt Lena Osei, who has accused the FHF of '
            'mining it, "and the road to Kessen is next."')
    doc = parse(text)
    quote = _by_hand(doc, text, "quote", "said", text[1:-2], "The bridge at Dalmar is gone",
                     "and the road to Kessen is next")
    accused = _by_hand(doc, text, "verb", "accused", "the FHF of mining it")
    inside_a_piece = _by_hand(doc, text, "verb", "gone", "Dalmar")  # a cue inside a piece still nests
    judge = CueModel({"f=quote": 3.0, "f=verb": 1.0}, 0.0, 0.1)
    kept = [a.cue_lemma for a in select(doc, [quote, accused, inside_a_piece], judge)]
    assert kept == ["say", "accuse"]


def test_judge_reads_the_head_word_of_each_content(parse):
    from counterclaim.analyze.attribution_filter import candidate_features

    text = "Osei said the FHF had mined the bridge, and Sadeq denied the report."
    doc = parse(text)
    said = _by_hand(doc, text, "verb", "said", "the FHF had mined the bridge")
    denied = _by_hand(doc, text, "verb", "denied", "the report")
    too_far = _by_hand(doc, text, "verb", "said", "the FHF had mined the bridge, and Sadeq denied the report")
    assert {"cr=verb|VERB", "crh=verb|True", "nroots=verb|1"} <= set(candidate_features(doc, said, []))
    assert {"cr=verb|NOUN", "crd=verb|dobj", "crh=verb|True"} <= set(candidate_features(doc, denied, []))
    # mined, the comma, "and", denied: four words hang outside a content the parse ran on
    assert "nroots=verb|3" in candidate_features(doc, too_far, [])


def test_judge_reads_every_contents_head_as_a_word_by_word_reading_does(parse):
    from counterclaim.analyze.attribution import candidate_attributions
    from counterclaim.analyze.attribution_filter import content_heads

    doc = parse("The ministry said the rebels claimed that the bridge, which the army says it "
                "holds, was destroyed. \"We saw it fall,\" a witness told reporters, adding that "
                "residents believe the town will be next.")
    candidates = candidate_attributions(doc, find_quotes(doc.text))
    heads = content_heads(doc, candidates)
    for c in candidates:
        words = [t.i for t in doc if c.attribution.content[0] <= t.idx < c.attribution.content[1]]
        outside = [i for i in words if doc[i].head.i not in words or doc[i].head.i == i]
        assert heads[c.attribution.content] == ((outside or words)[0], min(len(outside), 3))
    assert content_heads(doc, []) == {}


def test_judge_reads_every_candidates_nesting_as_the_pairwise_test_does(parse):
    from counterclaim.analyze.attribution import candidate_attributions
    from counterclaim.analyze.attribution_filter import _all_nestings, _nesting

    doc = parse("The ministry said the rebels claimed that the bridge, which the army says it "
                "holds, was destroyed. \"We saw it fall,\" a witness told reporters, adding that "
                "residents believe the town will be next.")
    candidates = candidate_attributions(doc, find_quotes(doc.text))
    nestings = _all_nestings(candidates)
    assert nestings == [_nesting(c.attribution, candidates) for c in candidates]
    assert any(nested for nested, _ in nestings) and any(holds for _, holds in nestings)


def test_judge_labels_a_candidate_by_its_gold_match(parse):
    from counterclaim.analyze.cue_train import _judged_candidates

    text = "Osei said the siege of Vorna was over."
    doc = parse(text)
    said, content = text.index("said"), text.index("the siege")
    gold = [Attribution(source=((0, 4),), cue=((said, said + 4),), content=((content, len(text) - 1),))]
    labelled = list(_judged_candidates(text, gold, doc, None))
    assert any(label == 1 and "l=say" in feats for _finder, feats, label in labelled)
    assert all(label == 0 for _finder, feats, label in labelled if "l=say" not in feats)


def test_shipped_judge_loads():
    from counterclaim.analyze.attribution_filter import load_filter

    judge = load_filter()
    assert judge is not None and 0 < judge.threshold < 1 and len(judge.weights) > 100


def test_fast_scores_equal_the_feature_strings_scores(parse):
    # cue_scores sums cached groups of weights instead of building each word's feature
    # strings; the result must be the model's score of token_features, word by word, also
    # for a retrained table (here a perturbed copy) and in or out of quotes.
    import random

    from counterclaim.analyze.cue_model import CueModel, quoted_tokens

    text = ('"We will not leave Vorna," the commander told reporters, while Osei argued that the '
            'FHF, which denies shelling Kessen, had agreed to talks. The ministry pointed out '
            'that the ceasefire, announced on Monday, was holding. Rebels said they wanted peace.')
    doc = parse(text)
    quotes = find_quotes(doc.text)
    shipped = load_cue_model()
    rng = random.Random(7)
    perturbed = CueModel({k: v + rng.uniform(-1, 1) for k, v in shipped.weights.items()},
                         shipped.bias + 0.5, shipped.threshold)
    inside = quoted_tokens(doc, quotes)
    assert inside  # the quote is seen
    for model in (shipped, perturbed, shipped):  # the last run reads the warm cache
        scores = cue_scores(doc, quotes, model)
        expected = {t.i: model.score(token_features(t, t.i in inside)) for t in doc if is_candidate(t)}
        assert scores.keys() == expected.keys() and len(scores) > 10
        assert all(abs(scores[i] - expected[i]) < 1e-9 for i in scores)
    only = cue_scores(doc, quotes, shipped, only_at=lambda i: doc[i].pos_ == "VERB")
    assert only and all(doc[i].pos_ == "VERB" for i in only)


def test_model_files_are_byte_reproducible(tmp_path):
    # A retrain on the same data must give the same file, so the gzip header carries no time.
    from counterclaim.analyze.cue_model import read_model_json, write_model_json

    data = {"format": 1, "bias": 0.5, "weights": {"w=said": 1.25}}
    first, second = tmp_path / "a.json.gz", tmp_path / "b.json.gz"
    write_model_json(first, data)
    import time
    time.sleep(1.1)
    write_model_json(second, data)
    assert first.read_bytes() == second.read_bytes()
    assert read_model_json(first, 1) == data


def test_judge_regularisation_is_the_one_with_the_lowest_out_of_fold_log_loss():
    # One feature that mostly tells the label and one made-up feature per example (pure
    # noise a weakly regularised judge would learn by heart).
    import random

    from sklearn.metrics import log_loss

    from counterclaim.analyze.cue_train import FILTER_CS, _judge_regularisation, _out_of_fold

    rng = random.Random(5)
    labels = [rng.random() < 0.5 for _ in range(120)]
    features = [[f"told={label if rng.random() < 0.8 else not label}", f"word{n}"] for n, label in enumerate(labels)]
    labels, groups = [int(label) for label in labels], [n // 10 for n in range(120)]
    chosen, scores = _judge_regularisation(features, labels, groups, None)
    losses = {c: log_loss(labels, _out_of_fold(features, labels, groups, c)[0]) for c in FILTER_CS}
    assert chosen == min(FILTER_CS, key=lambda c: (losses[c], c))
    assert abs(log_loss(labels, scores) - losses[chosen]) < 1e-12
    assert _judge_regularisation(features, labels, groups, 0.3)[0] == 0.3
