"""The status/relations scorer, on tiny hand-made gold and hand-made reports (no model)."""

from __future__ import annotations

import json

import pytest

from counterclaim.errors import DataError
from counterclaim.eval.status import (
    GoldArticle, GoldClaim, GoldRelation, evaluate_status, load_gold, match_claims,
    score_article, summarise,
)
from counterclaim.model import Article, Claim, Cue, Relation, Report, Source

TEXT = ("The army said the town had fallen. The rebels denied it, saying they held the town. "
        "Shops stayed shut.")


def claim(id_, words, status, *, source=None, cue=None, negated=False, hedges=()):
    start = TEXT.index(words)
    cue_span = (TEXT.index(cue), TEXT.index(cue) + len(cue)) if cue else None
    return Claim(
        id=id_, text=words, span=(start, start + len(words)),
        source=Source(kind="named", text=source) if source else Source(kind="outlet"),
        cue=Cue(text=cue, lemma=cue, span=cue_span) if cue else None,
        mode="indirect" if source else "outlet", status=status, negated=negated,
        hedges=list(hedges))


def report(claims, relations=()):
    return Report(article=Article(id="x", text=TEXT), claims=claims,
                  relations=[Relation(type=t, **{"from": f}, to=to) for t, f, to in relations])


GOLD = GoldArticle("tiny", TEXT, [
    GoldClaim("the town had fallen", "attributed", False),
    GoldClaim("they held the town", "attributed", None, ("reportedly",)),
    GoldClaim("Shops stayed shut", "asserted"),
], [GoldRelation("denies", "they held the town", "the town had fallen")])


def test_matching_prefers_covering_spans_then_overlap_then_sentence():
    predicted = report([
        claim("c1", "The army said the town had fallen", "attributed", source="x"),
        claim("c2", "the town had fallen", "attributed", source="The army", cue="said"),
        claim("c3", "Shops stayed", "asserted"),
    ])
    assert match_claims(GOLD.claims, predicted) == [1, None, 2]


def test_sentence_fallback_is_one_to_one():
    predicted = report([claim("c1", "The rebels denied it", "attributed", source="The rebels",
                              cue="denied")])
    assert match_claims(GOLD.claims, predicted) == [None, 0, None]


def test_a_headline_claim_is_never_matched_by_its_title_offsets():
    # Its span (0, 19) lies in the title; in the text the same offsets are a gold claim's.
    headline = claim("h1", "the town had fallen", "attributed", source="Army", cue="said")
    headline = headline.model_copy(update={"field": "title", "span": (0, 19)})
    assert TEXT[0:19] != "the town had fallen" and TEXT.index("the town had fallen") < 19
    assert match_claims(GOLD.claims, report([headline])) == [None, None, None]


def test_score_counts_status_negation_hedges_and_relations():
    predicted = report([
        claim("c1", "the town had fallen", "attributed", source="The army", cue="said"),
        claim("c2", "they held the town", "reported", source="The rebels", cue="saying",
              hedges=["apparently"]),
        claim("c3", "Shops stayed shut", "asserted"),
    ], [("denies", "c2", "c1"), ("supports", "c3", "c1")])
    score = score_article(GOLD, predicted)
    assert score.statuses == [("attributed", "attributed"), ("attributed", "reported"),
                              ("asserted", "asserted")]
    assert score.negations == [(False, False)]
    assert score.hedges == (0, 1, 1)
    assert score.relations == (1, 2, 1)
    result = summarise([score])
    assert result["status_accuracy"] == pytest.approx(2 / 3)
    assert result["per_status"]["attributed"]["recall"] == pytest.approx(0.5)
    assert result["per_status"]["reported"]["precision"] == 0.0
    assert result["relations"]["f1"] == pytest.approx(2 / 3)


def test_a_denial_through_another_claim_of_the_same_act_counts():
    predicted = report([
        claim("c1", "the town had fallen", "attributed", source="The army", cue="said"),
        claim("c2", "it", "attributed", source="The rebels", cue="denied"),
        claim("c3", "they held the town", "attributed", source="The rebels", cue="saying"),
    ], [("denies", "c2", "c1")])
    assert score_article(GOLD, predicted).relations == (1, 1, 1)


def test_contradicts_ignores_direction():
    gold = GOLD._replace(relations=[GoldRelation("contradicts", "the town had fallen",
                                                 "they held the town")])
    predicted = report([
        claim("c1", "the town had fallen", "attributed", source="The army", cue="said"),
        claim("c2", "they held the town", "attributed", source="The rebels", cue="saying"),
    ], [("contradicts", "c2", "c1")])
    assert score_article(gold, predicted).relations == (1, 1, 1)


def write(tmp_path, name, text, gold):
    (tmp_path / f"{name}.txt").write_text(text)
    if gold is not None:
        (tmp_path / f"{name}.json").write_text(json.dumps(gold))


@pytest.mark.parametrize(("gold", "message"), [
    (None, "annotation file is missing"),
    ({"claims": [{"contains": "x", "status": "rumoured"}]}, "unknown status"),
    ({"claims": [{"contains": "x", "status": "asserted"}],
      "relations": [{"type": "denies", "from": "x", "to": "y"}]}, "not a gold claim"),
    ({"claims": [{"status": "asserted"}]}, "malformed annotation"),
])
def test_bad_gold_is_a_data_error_naming_the_file(tmp_path, gold, message):
    write(tmp_path, "01-a", "Some text.", gold)
    with pytest.raises(DataError, match=message) as error:
        load_gold(tmp_path)
    assert "01-a.json" in str(error.value)


def test_empty_or_missing_directory_is_a_data_error(tmp_path):
    with pytest.raises(DataError, match="no .txt articles"):
        load_gold(tmp_path)
    with pytest.raises(DataError, match="not a directory"):
        load_gold(tmp_path / "nowhere")


def test_evaluate_status_runs_the_given_analyzer(tmp_path):
    write(tmp_path, "01-a", TEXT, {"claims": [{"contains": "Shops stayed shut",
                                                "status": "asserted"}]})
    seen = []

    def analyze(text, name):
        seen.append(name)
        return report([claim("c1", "Shops stayed shut", "hedged")])

    result = evaluate_status(tmp_path, analyze=analyze)
    assert seen == ["01-a"]
    assert result["status_accuracy"] == 0.0
    assert result["misses"][0]["predicted"] == "hedged"
