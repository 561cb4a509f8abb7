"""Cutting article text into highlight pieces."""

from __future__ import annotations

from counterclaim.serve.highlight import claim_views, pieces
from serve.builders import ostria_report


def test_pieces_rebuild_the_text_exactly():
    report = ostria_report()
    assert "".join(p.text for p in pieces(report.article.text, report.claims)) == \
        report.article.text


def test_claims_sources_and_cues_are_marked():
    report = ostria_report()
    marked = {p.text: p for p in pieces(report.article.text, report.claims)}
    assert marked["its troops had captured Dalmar"].claim == "c1"
    assert marked["The army"].role == "source" and marked["The army"].owner == "c1"
    assert marked["denied"].role == "cue" and marked["denied"].owner == "c2"
    assert marked[". "].claim is None and marked[". "].role is None


def test_nested_claims_take_the_innermost():
    report = ostria_report()
    outer = report.claims[1].model_copy(update={"id": "c9", "span": (0, len(report.article.text))})
    cut = pieces(report.article.text, [outer, *report.claims])
    inner = next(p for p in cut if p.text == "its troops had captured Dalmar")
    assert inner.claim == "c1" and inner.claims == ("c1", "c9")


def test_spans_past_the_end_are_clipped():
    report = ostria_report()
    wild = report.claims[0].model_copy(update={"span": (5, 10_000), "parts": []})
    cut = pieces(report.article.text, [wild])
    assert "".join(p.text for p in cut) == report.article.text


def test_relations_are_read_both_ways_and_colours_follow_sources():
    views = {v.claim.id: v for v in claim_views(ostria_report())}
    assert views["c2"].denies == ["c1"] and views["c1"].denied_by == ["c2"]
    assert views["c1"].colour != views["c2"].colour


def test_headline_claims_are_cut_from_the_title_not_the_body():
    report = ostria_report()
    body, headline = report.claims, report.headline_claims
    assert headline, "the builder has a headline claim"
    in_title = {p.text: p for p in pieces(report.article.title, headline)}
    assert in_title["Dalmar captured"].claim == "h1"
    assert in_title["Army"].role == "source" and in_title["says"].role == "cue"
    assert all("h1" not in p.claims for p in pieces(report.article.text, body))


def test_headline_claims_come_first_in_the_views():
    views = claim_views(ostria_report())
    assert views[0].claim.id == "h1"
    assert views[0].colour == next(v.colour for v in views if v.claim.id == "c1")  # same source
