"""Headline claims: the title analysed as its own Doc, its claims indexing into the title."""

from __future__ import annotations

import pytest

from counterclaim.analyze import analyze_article, analyze_articles
from counterclaim.analyze.headline import body_entity_id
from counterclaim.model import Entity
from counterclaim.read import read_text

BODY = ("VORNA, March 3 - The Free Highlands Front (FHF) said on Monday that the talks in Kessen "
        "were a trap. Army spokesman Amara Osei said troops had not shelled houses in Dalmar.\n\n"
        "The Vorna council said the army had shelled Dalmar overnight.")


def article(title: str | None):
    text = f"{title}\n\n{BODY}" if title else BODY
    return read_text(text, published="2026-03-03")


def headline_claims(report):
    assert all(c.field == "text" for c in report.claims)
    return report.headline_claims


def assert_indexes_the_title(report, claim):
    title = report.article.title
    assert title[claim.span[0]:claim.span[1]] == claim.text
    assert title[claim.source.span[0]:claim.source.span[1]] == claim.source.text
    assert title[claim.cue.span[0]:claim.cue.span[1]] == claim.cue.text


@pytest.mark.parametrize("title, source, content", [
    ("FHF camp: Kessen talks are a trap", "FHF camp", "Kessen talks are a trap"),
    ("Vorna Council Says Army Shelled Dalmar", "Vorna Council", "Army Shelled Dalmar"),
])
def test_speaker_and_says_headlines_are_claims_in_the_title(nlp, title, source, content):
    report = analyze_article(article(title), nlp=nlp)
    [claim] = headline_claims(report)
    assert (claim.source.text, claim.text) == (source, content)
    assert claim.mode != "outlet" and claim.id.startswith("h")
    assert claim.id not in {c.id for c in report.claims if c is not claim}
    assert_indexes_the_title(report, claim)


def test_outlet_headline_adds_nothing(nlp):
    report = analyze_article(article("Rebels shell Dalmar as Kessen talks stall"), nlp=nlp)
    assert report.article.title == "Rebels shell Dalmar as Kessen talks stall"
    assert headline_claims(report) == []


@pytest.mark.parametrize("title", [
    "Ostrian army claims Dalmar after three-day assault",  # a capture, not speech
    "Kessen mourns market dead",  # not a speech verb
])
def test_headlines_whose_verb_is_not_speech_add_nothing(nlp, title):
    assert headline_claims(analyze_article(article(title), nlp=nlp)) == []


def test_claims_with_a_clause_is_a_headline_claim(nlp):
    report = analyze_article(article("Ostrian army claims it has taken Dalmar"), nlp=nlp)
    [claim] = headline_claims(report)
    assert claim.cue.lemma == "claim" and claim.text == "it has taken Dalmar"


def test_a_clause_misparsed_as_the_source_is_dropped(nlp):
    title = "Three medics abducted in Kessen valley; army blames rebels, FHF denies"
    report = analyze_article(article(title), nlp=nlp)
    assert all("abducted" not in (c.source.text or "") for c in headline_claims(report))


def test_headline_claim_takes_the_body_entity_and_the_article_date(nlp):
    report = analyze_article(article("FHF camp: Kessen talks are a trap"), nlp=nlp)
    [claim] = headline_claims(report)
    entity = next(e for e in report.entities if e.id == claim.source.entity)
    assert entity.name == "Free Highlands Front"
    assert claim.date == "2026-03-03"


def test_body_analysis_is_the_same_with_or_without_a_title(nlp):
    titled = analyze_article(article("FHF camp: Kessen talks are a trap"), nlp=nlp)
    untitled = analyze_article(article(None), nlp=nlp)
    assert untitled.article.title is None and headline_claims(untitled) == []
    assert [c.model_dump() for c in titled.claims] == [c.model_dump() for c in untitled.claims]
    assert (titled.entities, titled.places, titled.events) == \
        (untitled.entities, untitled.places, untitled.events)


def test_batched_and_worker_paths_match_one_at_a_time(nlp, monkeypatch):
    import importlib

    analyze = importlib.import_module("counterclaim.analyze")  # the package, not the function

    articles = [article("FHF camp: Kessen talks are a trap"), article(None),
                article("Rebels shell Dalmar as Kessen talks stall"),
                article("Vorna Council Says Army Shelled Dalmar")]
    one_by_one = [analyze_article(a, nlp=nlp) for a in articles]
    assert list(analyze_articles(articles, nlp=nlp, batch_size=3)) == one_by_one
    monkeypatch.setattr(analyze, "_WORKER_NLP", nlp)  # what a worker process runs
    assert analyze._analyze_chunk(articles) == one_by_one
    assert sum(len(headline_claims(r)) for r in one_by_one) == 2


def test_a_batch_is_analysed_with_the_collector_paused_then_restored(nlp, monkeypatch):
    """The cyclic collector is off while a batch (or one article) is analysed (titles, bodies,
    reports), and as the caller had it afterwards, also when the batch fails."""
    import gc
    import importlib

    analyze = importlib.import_module("counterclaim.analyze")
    seen = []
    add = analyze.add_headline_claims

    def watched_add(report, title_doc, body_doc):
        seen.append(gc.isenabled())
        return add(report, title_doc, body_doc)

    monkeypatch.setattr(analyze, "add_headline_claims", watched_add)
    was = gc.isenabled()
    try:
        gc.enable()
        reports = list(analyze_articles([article("FHF camp: Kessen talks are a trap")], nlp=nlp))
        assert seen == [False] and gc.isenabled() and len(headline_claims(reports[0])) == 1
        analyze_article(article("FHF camp: Kessen talks are a trap"), nlp=nlp)
        assert seen == [False, False] and gc.isenabled()
        monkeypatch.setattr(analyze, "to_report", lambda doc: 1 / 0)
        with pytest.raises(ZeroDivisionError):
            list(analyze_articles([article(None)], nlp=nlp))
        assert gc.isenabled()
    finally:
        (gc.enable if was else gc.disable)()


def test_headline_source_links_by_name_acronym_or_surname():
    body = [Entity(id="e1", name="Free Highlands Front", type="group"),
            Entity(id="e2", name="Amara Osei", type="person"),
            Entity(id="e3", name="Dalmar", type="place")]
    assert body_entity_id(None, "FHF camp", body) == "e1"
    assert body_entity_id(None, "Free Highlands Front", body) == "e1"
    assert body_entity_id(None, "Osei aides", body) == "e2"
    assert body_entity_id(None, "Poll", body) is None
    assert body_entity_id(None, "Kessen council", body) is None


@pytest.mark.parametrize("title, may", [
    ("Rebels shell Dalmar as Kessen talks stall", False),
    ("Ostrians fleeing Highlands fighting reach the border", False),
    ("Vorna Council Says Army Shelled Dalmar", True),
    ("ARMY SAYS DALMAR CAPTURED", True),
    ("Osei told parliament the operation is over", True),  # irregular form
    ("Ministry admitted strike on Kessen market", True),  # doubled consonant
    ("FHF camp: Kessen talks are a trap", True),
    ("Army 'regrets' Kessen deaths", True),
])
def test_titles_without_quote_colon_or_speech_verb_are_not_parsed(nlp, title, may):
    from counterclaim.analyze.headline import may_hold_a_claim, parse_titles

    assert may_hold_a_claim(nlp, title) is may
    [doc] = parse_titles(nlp, [article(title).model_copy(update={"title": title})])
    assert (doc is not None) is may
