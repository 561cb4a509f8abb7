"""Events (issue 5): ACLED types from triggers, actors and targets, fatalities per claimant,
status from the claim, ACLED date precision. Every text is invented (Ostria, the FHF)."""

from __future__ import annotations

import pytest

from counterclaim.analyze import make_doc
from counterclaim.analyze.eventtypes import TAXONOMY
from counterclaim.analyze.events import main_event
from counterclaim.analyze.report import to_report
from counterclaim.read import read_text
from counterclaim import model


@pytest.fixture(scope="session")
def analyze_doc(nlp):
    """The Doc and Report of a text; the Doc is kept for ``main_event``."""

    def run(text: str, published: str = "2026-05-12"):
        doc = make_doc(nlp, read_text(text, published=published))
        for _, proc in nlp.pipeline:
            doc = proc(doc)
        return doc, to_report(doc)

    return run


def only_event(report: model.Report, subtype: str | None = None) -> model.Event:
    events = [e for e in report.events if subtype is None or e.subtype == subtype]
    assert len(events) == 1, [(e.type, e.subtype, report.article.text[e.span[0]:e.span[1]])
                              for e in report.events]
    return events[0]


def entity_named(report: model.Report, name: str) -> str:
    for entity in report.entities:
        if name in (entity.name, *entity.aliases):
            return entity.id
    raise AssertionError(f"no entity {name!r}: {[e.name for e in report.entities]}")


@pytest.mark.parametrize("text, type_, subtype", [
    ("Government troops and FHF fighters clashed near the village of Ardo on Sunday.",
     "Battles", "Armed clash"),
    ("The Ostrian army recaptured the town of Vorna from the rebels on Sunday.",
     "Battles", "Government regains territory"),
    ("FHF rebels overran the town of Tarn after a night of heavy fighting.",
     "Battles", "Non-state actor overtakes territory"),
    ("A drone strike hit a fuel depot outside Kessen on Tuesday.",
     "Explosions/Remote violence", "Air/drone strike"),
    ("Ostrian warplanes bombed rebel positions in the hills above Dalmar.",
     "Explosions/Remote violence", "Air/drone strike"),
    ("Rebel artillery shelled the outskirts of Dalmar overnight.",
     "Explosions/Remote violence", "Shelling/artillery/missile attack"),
    ("A roadside bomb exploded beside an army convoy near Vorna.",
     "Explosions/Remote violence", "Remote explosive/landmine/IED"),
    ("A suicide bomber blew himself up at a checkpoint in Ostgrad.",
     "Explosions/Remote violence", "Suicide bomb"),
    ("A man threw a grenade into a police post in Ostgrad on Friday.",
     "Explosions/Remote violence", "Grenade"),
    ("Gunmen attacked a crowded market in Kessen, killing four civilians.",
     "Violence against civilians", "Attack"),
    ("Rebels abducted six aid workers near Kessen last week.",
     "Violence against civilians", "Abduction/forced disappearance"),
    ("Hundreds of students held a peaceful protest in Dalmar against the war.",
     "Protests", "Peaceful protest"),
    ("Thousands rallied in Ostgrad on Monday. Police fired tear gas to disperse them.",
     "Protests", "Protest with intervention"),
    ("Protesters torched cars and smashed shop windows in Ostgrad after the vote.",
     "Riots", "Violent demonstration"),
    ("The army and the FHF signed a ceasefire agreement in Geneva on May 10.",
     "Strategic developments", "Agreement"),
    ("Police arrested twelve opposition activists in Ostgrad on Thursday.",
     "Strategic developments", "Arrests"),
    ("The FHF set up a new headquarters in the town of Tarn.",
     "Strategic developments", "Headquarters or base established"),
    ("Militiamen looted shops in the market of Vorna.",
     "Strategic developments", "Looting/property destruction"),
    ("The rebels handed over the town of Tarn to government forces under the deal.",
     "Strategic developments", "Non-violent transfer of territory"),
    ("The government imposed a curfew in Dalmar on Wednesday.",
     "Strategic developments", "Other"),
])
def test_event_type_and_subtype(analyze_doc, text, type_, subtype):
    _, report = analyze_doc(text)
    assert subtype in TAXONOMY[type_]
    types = [(e.type, e.subtype) for e in report.events]
    assert types == [(type_, subtype)]


def test_no_event_in_a_sentence_without_one(analyze_doc):
    _, report = analyze_doc("The minister met farmers in Dalmar to discuss grain prices.")
    assert report.events == []


@pytest.mark.parametrize("text", [
    "The FHF threatened to shell Dalmar if the army advanced.",
    "The army will attack Vorna next week, a commander said.",
    "Mediators are pushing for a ceasefire between the army and the FHF.",
    "Rebels hold the Ostrian-occupied hills above Tarn.",
])
def test_no_event_for_what_has_not_happened(analyze_doc, text):
    _assert_no_event(analyze_doc, text)


def _assert_no_event(analyze_doc, text):
    _, report = analyze_doc(text)
    assert report.events == [], [(e.subtype, e.span) for e in report.events]


@pytest.mark.parametrize("text", [
    "Two Ostrian supermarket chains clashed over bread prices last month.",
    "The senator attacked her rival over the budget in a speech in Dalmar.",
    "A woman was killed when a tram derailed in Dalmar on Monday.",
    "Sales of radios saw an explosion of interest in Vorna.",
])
def test_figurative_words_are_no_events(analyze_doc, text):
    _assert_no_event(analyze_doc, text)


def test_clash_with_rioters_is_a_riot(analyze_doc):
    _, report = analyze_doc("Police clashed with rioters in central Ostgrad on Friday.")
    assert [e.type for e in report.events] == ["Riots"]


def test_attack_on_soldiers_is_a_battle_not_violence_against_civilians(analyze_doc):
    _, report = analyze_doc("FHF fighters attacked an army checkpoint near Vorna.")
    assert [(e.type, e.subtype) for e in report.events] == [("Battles", "Armed clash")]


def test_actors_and_targets_resolve_to_entities(analyze_doc):
    _, report = analyze_doc(
        "The Free Highlands Front (FHF) attacked the Ostrian Army at Vorna on Sunday.")
    event = only_event(report)
    assert entity_named(report, "Free Highlands Front") in event.actors
    assert event.targets and event.targets[0] not in event.actors


def test_civilian_target_has_no_entity_and_place_is_not_a_target(analyze_doc):
    _, report = analyze_doc("Ostrian jets bombed the central market of Kessen on Tuesday.")
    event = only_event(report)
    assert event.subtype == "Air/drone strike"
    assert event.targets == []
    place_ids = {p.id for p in report.places}
    assert event.place in place_ids
    assert "Kessen" in next(p.name for p in report.places if p.id == event.place) or \
        any(report.article.text[s:e] == "Kessen" for p in report.places if p.id == event.place
            for s, e in p.mentions)


def test_pronoun_in_reported_speech_is_the_speakers_organisation(analyze_doc):
    _, report = analyze_doc(
        "FHF spokeswoman Lena Osei said on Monday that it had captured the town of Vorna.")
    event = only_event(report)
    assert event.subtype == "Non-state actor overtakes territory"
    assert event.actors == [entity_named(report, "FHF")] or event.actors == [
        entity_named(report, "Lena Osei")]


def test_fatalities_keep_each_claimants_figure(analyze_doc):
    _, report = analyze_doc(
        "Government troops retook the town of Vorna from the Free Highlands Front on Sunday, "
        "the army said. Army spokesman Karim Sadeq said 14 rebels were killed. The FHF said "
        "only three of its fighters had died.")
    event = only_event(report)
    figures = {f.count: f for f in event.fatalities}
    assert set(figures) == {14, 3}
    assert figures[14].claimant == entity_named(report, "Karim Sadeq")
    assert figures[3].claimant == entity_named(report, "Free Highlands Front")
    assert figures[14].claim != figures[3].claim


def test_wounded_and_distances_are_not_fatalities(analyze_doc):
    _, report = analyze_doc(
        "A drone strike hit a depot 300 metres from the market in Kessen, killing at least "
        "nine people, and 40 people were treated for wounds.")
    event = only_event(report)
    assert [f.count for f in event.fatalities] == [9]
    assert event.fatalities[0].text == "at least nine people"


def test_later_mention_joins_the_first_event(analyze_doc):
    _, report = analyze_doc(
        "An air strike hit the market in Kessen on Tuesday, killing 17 civilians, the FHF "
        "said. Army spokesman Karim Sadeq said the strike had killed eight fighters.")
    event = only_event(report)
    assert sorted(f.count for f in event.fatalities) == [8, 17]


def test_status_comes_from_the_claim(analyze_doc):
    _, report = analyze_doc(
        "Rebels allegedly shelled the village of Ardo on Monday, residents said.")
    event = only_event(report)
    claim = next(c for c in report.claims if c.id == event.claim)
    assert claim.source.kind != "outlet"
    assert event.status == claim.status


def test_denial_makes_the_event_denied(analyze_doc):
    _, report = analyze_doc(
        "The army said on Monday that it did not shell the village of Ardo.")
    event = only_event(report)
    assert event.subtype == "Shelling/artillery/missile attack"
    assert event.status == "denied"


def test_denied_by_a_later_claim(analyze_doc):
    _, report = analyze_doc(
        "The army said its troops had captured the town of Vorna on Sunday. The FHF denied "
        "the army's claim, saying its fighters still held the town.")
    event = next(e for e in report.events if e.type == "Battles")
    assert event.status == "denied", report.relations


def test_negated_fact_in_the_outlets_voice_is_no_event(analyze_doc):
    _, report = analyze_doc("Government forces did not shell the village of Ardo on Monday.")
    assert report.events == []


@pytest.mark.parametrize("text, precision", [
    ("Rebels shelled the village of Ardo on Monday, residents said.", 1),
    ("Rebels shelled the village of Ardo last week, residents said.", 2),
    ("Rebels shelled the village of Ardo in March, residents said.", 3),
])
def test_date_precision_follows_acled(analyze_doc, text, precision):
    _, report = analyze_doc(text, published="2026-05-14")
    event = only_event(report)
    assert event.date_precision == precision
    assert event.date and event.date.startswith("2026")


def test_date_from_the_claim_when_the_clause_names_none(analyze_doc):
    _, report = analyze_doc("Rebels shelled the village of Ardo, residents said.",
                            published="2026-05-14")
    event = only_event(report)
    claim = next(c for c in report.claims if c.id == event.claim)
    assert event.date == claim.date and event.date_precision == 2


def test_main_event_is_the_first_sentences_head_event(analyze_doc):
    doc, report = analyze_doc(
        "Rebels ambushed an army convoy near Vorna on Sunday after shelling the town. "
        "Police later arrested two suspects.")
    event = main_event(doc)
    assert event is not None and event.type == "Battles"


def test_one_event_per_predicate(analyze_doc):
    _, report = analyze_doc("A rocket attack on the army base in Dalmar killed three soldiers.")
    assert [(e.subtype) for e in report.events] == ["Shelling/artillery/missile attack"]


def test_only_lexicon_words_can_be_triggers(nlp):
    """The trigger search skips tokens outside ``TRIGGER_WORDS``: none of them has a kind."""
    from counterclaim.analyze import eventtypes as et
    from counterclaim.analyze.eventtriggers import _kind_in_context, _weak_kind

    text = ("FHF fighters retook Vorna after heavy fighting and shelling; gunmen shot five villagers "
            "and torched shops. Jets struck a convoy. Police arrested 20 protesters at a rally in "
            "Kessen, firing tear gas. The army set up a base and signed a truce. A landmine killed "
            "two children; the strike was condemned. They pulled out of Dalmar.")
    doc = nlp(text)
    words = {et.lemma(t) for t in doc}
    lemmas, lowers = et.doc_lemmas(doc)
    assert lemmas == [et.lemma(t) for t in doc] and lowers == [t.lower_ for t in doc]
    kinds = 0
    for token in doc:
        if _kind_in_context(token, words) is not None or _weak_kind(token) is not None:
            kinds += 1
            assert et.lemma(token) in et.TRIGGER_WORDS or token.lower_ in et.NOUNS, token.text
    assert kinds >= 5
