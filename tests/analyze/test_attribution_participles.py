"""Speech-act participles after a reported clause ("..., saying ..."), and the host claim they
follow: both claims are kept, each with the speaker (session 9 reviewers' cases)."""

from __future__ import annotations


def _claims(report):
    return {c.cue.text: c for c in report.claims if c.mode != "outlet" and c.cue is not None}


def test_participle_the_parse_hangs_inside_the_reported_clause_keeps_its_host(analyze_text):
    # The parse makes "saying" an adverbial of "hold": its subject would be "the front", and
    # the judge may keep it instead of "said", whose content holds it.
    claims = _claims(analyze_text("Osei said the front would hold Kessen, saying that the army had no reserves left."))
    assert claims["said"].text == "the front would hold Kessen"
    assert claims["said"].source.text == "Osei"
    assert claims["saying"].text == "that the army had no reserves left"
    assert claims["saying"].source.text == "Osei"


def test_host_cut_short_of_a_participle_loses_the_quote_it_no_longer_holds(analyze_text):
    claims = _claims(analyze_text('Marek said the front would hold Kessen through the winter, adding that '
                                  'reinforcements had reached "the whole Dalmar sector" by Monday.'))
    assert claims["said"].text == "the front would hold Kessen through the winter"
    assert claims["said"].mode == "indirect"
    assert claims["adding"].mode == "mixed" and claims["adding"].source.text == "Marek"


def _sourced(report):
    return sorted(((c.source.text if c.source else None, c.cue.text, c.text)
                   for c in report.claims if c.mode != "outlet" and c.cue is not None))


def test_participle_of_the_reported_partys_own_act_stays_theirs(analyze_text):
    # The commander acknowledges, not the army: the participle hangs on "surrendered", a
    # finished act of a subject that can speak (unlike "the front would hold Kessen").
    report = analyze_text("The army said a rebel commander surrendered on Monday, acknowledging that the FHF had lost Dalmar.")
    assert _sourced(report) == [("The army", "said", "a rebel commander surrendered on Monday"),
                                ("a rebel commander", "acknowledging", "that the FHF had lost Dalmar")]


def test_confession_reported_by_another_is_the_prisoners(analyze_text):
    report = analyze_text("Osei said the prisoner confessed, admitting that he had planted the bomb.")
    assert ("the prisoner", "admitting", "that he had planted the bomb") in _sourced(report)
    assert not any(source == "Osei" and cue == "admitting" for source, cue, _ in _sourced(report))


def test_participle_after_a_relative_clause_goes_to_the_noun_it_describes(analyze_text):
    # participle_splits: "who confessed, admitting ..." is the fighter's admission, not the general's.
    report = analyze_text("The general said his men had captured an FHF fighter, who confessed, "
                          "admitting that he had shelled Vorna.")
    assert ("an FHF fighter", "admitting", "that he had shelled Vorna") in _sourced(report)


def test_participle_after_the_reported_partys_flight_stays_the_reporters(analyze_text):
    # The rebels do not claim victory as they flee: the army does.
    report = analyze_text("The army said the rebels fled Kessen on Monday, claiming victory.")
    assert ("The army", "claiming", "victory") in _sourced(report)


def test_participle_after_a_towns_fall_stays_the_reporters(analyze_text):
    report = analyze_text("Osei said Kessen fell on Monday, saying the army had no reserves.")
    assert ("Osei", "saying", "the army had no reserves") in _sourced(report)


def test_participle_after_a_pronoun_subject_stays_the_speakers(analyze_text):
    # "she" is as often the speaker herself: the named speaker is the safer source.
    report = analyze_text("Osei announced on Tuesday that she filed the report with the council, "
                          "saying it set a new standard.")
    assert ("Osei", "saying", "it set a new standard") in _sourced(report)
