"""The PolNeAR loader and the attribution runner, on an invented article in BRAT form."""

from pathlib import Path

import pytest

from counterclaim.errors import CounterclaimError, DataError
from counterclaim.eval import attribution
from counterclaim.eval.attribution import (
    System, evaluate_attribution, report_attributions, token_fragments,
)
from counterclaim.eval.polnear import load_split, parse_ann
from counterclaim.model import Article, Claim, Cue, Report, Source

from polnear_tiny import write_polnear_tiny


@pytest.fixture(scope="module")
def tiny(tmp_path_factory) -> Path:
    """The invented PolNeAR-layout fixture, written to a temporary folder."""
    return write_polnear_tiny(tmp_path_factory.mktemp("polnear_tiny"))


def words(text, span):
    return " ".join(text[start:end] for start, end in span) if span else None


@pytest.fixture(scope="module")
def article(tiny):
    (only,) = load_split(tiny, "dev")
    return only


def test_loader_uses_the_alphabetically_first_annotator(article):
    assert article.annotator == "a111"
    assert len(article.attributions) == 5  # annotator b222 has one


def test_loader_links_source_cue_and_content(article):
    first = article.attributions[0]
    assert words(article.text, first.source) == "Free Highlands Front (FHF) commanders"
    assert words(article.text, first.cue) == "said"
    assert words(article.text, first.content) == "that they would not withdraw from Kessen"


def test_loader_keeps_discontinuous_and_second_content(article):
    quote, according, passive, told = article.attributions[1:]
    assert words(article.text, quote.content) == (
        '"We will hold the bridge," "Nobody in Dalmar can make us leave."')
    assert words(article.text, according.cue) == "According to"
    assert words(article.text, told.content) == (
        "the road was open that aid trucks would arrive by Friday")


def test_loader_gives_passive_attribution_no_source(article):
    passive = article.attributions[3]
    assert passive.source is None
    assert words(article.text, passive.cue) == "It is said"


def test_loader_names_a_missing_split(tiny):
    with pytest.raises(DataError, match="train"):
        load_split(tiny, "train")


def test_loader_names_the_line_of_bad_offsets():
    with pytest.raises(DataError, match="x.ann:2"):
        parse_ann("T1\tCue 0 4\tsaid\nT2\tSource 9 x\tKessen\n", 40, "x.ann")


def _report(raw: str) -> Report:
    """What a reader that drops the title line and an analyzer might return."""
    body = raw.split("\n\n", 1)[1].strip()

    def at(phrase):
        start = body.index(phrase)
        return (start, start + len(phrase))

    claims = [
        Claim(id="c1", text="the rebels shelled Vorna overnight",
              span=at("the rebels shelled Vorna overnight"), mode="according_to",
              status="attributed", source=Source(span=at("the Ostrian army"), kind="named"),
              cue=Cue(text="According to", lemma="according to", span=at("According to"))),
        Claim(id="c2", text="the ceasefire has collapsed", span=at("the ceasefire has collapsed"),
              mode="indirect", status="reported", source=Source(kind="anonymous"),
              cue=Cue(text="said", lemma="say", span=at("said that the ceasefire"))),
        Claim(id="c3", text="Kessen", span=at("Kessen"), mode="outlet", status="asserted",
              source=Source(kind="outlet")),
    ]
    return Report(article=Article(id="x", text=body), claims=claims)


def test_report_claims_map_back_to_the_raw_text(article):
    found = report_attributions(_report(article.text), article.text)
    assert [words(article.text, a.content) for a in found] == [
        "the rebels shelled Vorna overnight", "the ceasefire has collapsed"]  # no outlet claim
    assert words(article.text, found[0].source) == "the Ostrian army"
    assert found[1].source is None and found[1].source_kind == "anonymous"


@pytest.mark.parametrize("raw_title", ["FHF camp: Kessen talks are a trap",
                                       "FHF  camp:   Kessen talks are a trap"])
def test_headline_claims_map_to_where_the_title_stands(raw_title):
    body = "VORNA - The army said the talks in Kessen were a trap."
    raw = f"\n{raw_title}\n\n{body}\n"
    title = "FHF camp: Kessen talks are a trap"  # as the reader normalises it

    def at(text, phrase):
        start = text.index(phrase)
        return (start, start + len(phrase))

    headline = Claim(id="h1", field="title", text="Kessen talks are a trap",
                     span=at(title, "Kessen talks are a trap"), mode="direct",
                     status="attributed", source=Source(text="FHF camp", span=at(title, "FHF camp"),
                                                        kind="named"),
                     cue=Cue(text=":", lemma=":", span=at(title, ":")))
    report = Report(article=Article(id="x", title=title, text=body), headline_claims=[headline])
    [found] = report_attributions(report, raw)
    assert words(raw, found.content) == "Kessen talks are a trap"
    assert words(raw, found.source).split() == ["FHF", "camp"]
    assert words(raw, found.cue) == ":"
    assert found.content[0][0] > raw.index("FHF") and found.content[0][1] < raw.index(body)


@pytest.fixture
def stub_systems(tiny, monkeypatch):
    """A perfect system (the gold itself) and the report stub, in place of real ones."""
    gold = {a.text: a.attributions for a in load_split(tiny, "dev")}
    monkeypatch.setitem(attribution.SYSTEMS, "gold", lambda: System(
        process=lambda text: gold.get(text, []), attributions=lambda found, _raw: found))
    monkeypatch.setitem(attribution.SYSTEMS, "stub", lambda: System(
        process=lambda text: _report(text) if text in gold else None,
        attributions=report_attributions, marks_status=True))


def test_evaluate_scores_the_gold_as_perfect(tiny, stub_systems):
    result = evaluate_attribution(tiny, "dev", systems=("gold",))
    scores = result["systems"]["gold"]
    assert result["gold_attributions"] == 5 and result["gold_without_source"] == 1
    for component in ("source", "cue", "content"):
        assert scores[component]["exact"]["f1"] == 1.0
    assert scores["triple"]["f1"] == 1.0
    assert scores["articles_per_second"] > 0


def test_evaluate_reports_the_stub_and_its_unsourced_share(tiny, stub_systems):
    scores = evaluate_attribution(tiny, "dev", systems=("stub",))["systems"]["stub"]
    assert scores["content"]["exact"] == {
        "precision": 1.0, "recall": 0.4, "f1": pytest.approx(4 / 7, abs=1e-4),
        "matched": 2, "predicted": 2, "gold": 5}
    assert scores["triple"]["matched"] == 1  # the "according to" claim; "said" != "It is said"
    share = scores["no_source_reported_share"]
    assert share["share"] == 1.0 and share["gold_without_source"] == 1


def test_evaluate_rejects_an_unknown_system(tiny):
    with pytest.raises(CounterclaimError, match="textacy"):
        evaluate_attribution(tiny, "dev", systems=("nonesuch",))


def test_evaluate_skips_a_system_that_cannot_be_imported(tiny, monkeypatch):
    def missing():
        raise ImportError("no module named 'quotebank'")

    monkeypatch.setitem(attribution.SYSTEMS, "missing", missing)
    result = evaluate_attribution(tiny, "dev", systems=("missing",))
    assert "quotebank" in result["skipped"]["missing"] and not result["systems"]


@pytest.mark.model
def test_textacy_finds_the_direct_quote(article):
    system = attribution.load_textacy()
    found = system.attributions(system.process(article.text), article.text)
    quotes = [a for a in found if "hold the bridge" in words(article.text, a.content)]
    assert len(quotes) == 1
    assert words(article.text, quotes[0].cue) == "said"
    assert "spokesman" in words(article.text, quotes[0].source)


def test_token_fragments_join_adjacent_tokens():
    spacy = pytest.importorskip("spacy")
    doc = spacy.blank("en")("Mayor Ada Brel of Vorna said")
    assert token_fragments([doc[2], doc[1], doc[4]]) == ((6, 14), (18, 23))


@pytest.mark.model
def test_counterclaim_claims_land_on_their_text_in_the_raw_file(article):
    import counterclaim.analyze  # noqa: F401 - the subpackage import must not break the run

    system = attribution.load_counterclaim()
    report = system.process(article.text)
    found = system.attributions(report, article.text)
    claims = [c for c in report.claims if c.mode != "outlet"]
    assert found and len(found) == len(claims)
    for claim, predicted in zip(claims, found):
        pieces = [article.text[start:end] for start, end in predicted.content]
        if claim.parts:
            assert [p.strip() for p in pieces] == [report.article.text[s:e].strip() for s, e in claim.parts]
        else:
            assert pieces == [claim.text]
