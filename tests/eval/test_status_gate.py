"""Regression gate (trafilatura's eval_gate habit): status and relation scores on our own gold
set must stay above the floors pinned in ``tests/data/status/baseline.json``."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from counterclaim.eval.status import corpus_hash, evaluate_status

DATA = Path(__file__).parent.parent / "data" / "status"
BASELINE = json.loads((DATA / "baseline.json").read_text())


@pytest.fixture(scope="module")
def result(nlp):
    from counterclaim.analyze import analyze_article
    from counterclaim.read import read_text

    return evaluate_status(DATA, analyze=lambda text, name: analyze_article(
        read_text(text, html=False, name=name), nlp=nlp))


def test_corpus_is_the_one_the_floors_were_set_on():
    assert corpus_hash(DATA) == BASELINE["corpus_sha256"], (
        "tests/data/status changed: re-measure and update baseline.json in the same change")


@pytest.mark.parametrize("metric", sorted(BASELINE["floors"]))
def test_score_stays_above_its_floor(result, metric):
    values = {
        "status_accuracy": result["status_accuracy"],
        "relations_f1": result["relations"]["f1"],
        "negated_accuracy": result["negated_accuracy"],
        "hedges_recall": result["hedges"]["recall"],
    }
    assert values[metric] >= BASELINE["floors"][metric], result["misses"]
