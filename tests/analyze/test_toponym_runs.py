"""Candidate toponym runs (analyze/toponym_runs.py): capitalised runs the gazetteer knows,
read from tags alone (no parser, no NER)."""

from __future__ import annotations

import pytest
import spacy
from spacy.tokens import Doc

from counterclaim.analyze import gazetteer
from counterclaim.analyze.toponym_runs import gazetteer_runs, strip_span

pytestmark = pytest.mark.model


def _runs(words: list[str], tags: list[str]) -> list[str]:
    doc = Doc(spacy.blank("en").vocab, words=words, tags=tags)
    return [span.text for span in gazetteer_runs(doc, gazetteer.load())]


def test_gazetteer_runs_find_a_parish_the_model_missed():
    words = ["Deputies", "from", "Rapides", "Parish", "arrived", "."]
    assert _runs(words, ["NNS", "IN", "NNP", "NNP", "VBD", "."]) == ["Rapides Parish"]


def test_a_run_continues_through_of_but_stops_at_other_words():
    words = ["Ferries", "to", "the", "Isle", "of", "Man", "resumed", "."]
    tags = ["NNS", "IN", "DT", "NNP", "IN", "NNP", "VBD", "."]
    assert _runs(words, tags) == ["Isle of Man"]
    words = ["Paris", "police", "said", "Isle", "of", "Man", "ferries", "resumed"]
    tags = ["NNP", "NNS", "VBD", "NNP", "IN", "NNP", "NNS", "VBD"]
    assert _runs(words, tags) == ["Paris", "Isle of Man"]


def test_strip_span_drops_the_article_and_the_possessive():
    doc = Doc(spacy.blank("en").vocab, words=["the", "Ostria", "'s", "army"])
    assert strip_span(doc[0:3]).text == "Ostria"
    assert strip_span(doc[0:1]) is None
