"""Attribution families found in the session-9 recall analysis of PolNeAR train (gold
attributions with no predicted content near them), each on an invented sentence."""

from __future__ import annotations

import pytest


def _attributed(report):
    return [c for c in report.claims if c.mode != "outlet"]


@pytest.mark.parametrize("text, source, cue, content", [
    ("The army, Capt Lena Osei noted, has not entered Dalmar.", "Capt Lena Osei", "noted",
     "has not entered Dalmar"),
    ("As Karim Sadeq pointed out, the road to Kessen is closed.", "Karim Sadeq", "pointed out",
     "the road to Kessen is closed"),
    ("As reported by the Ostria Times, the FHF withdrew from Vorna.", "the Ostria Times", "reported",
     "the FHF withdrew from Vorna"),
])
def test_reporting_verb_set_into_its_clause_is_a_cue(analyze_text, text, source, cue, content):
    (claim,) = _attributed(analyze_text(text))
    assert claim.source.text == source and claim.cue.text == cue
    assert claim.text.endswith(content)


@pytest.mark.parametrize("text", [
    "As we know, the FHF withdrew from Vorna.",
    "As expected, the FHF withdrew from Vorna on Monday.",
])
def test_other_clause_only_verbs_set_into_a_clause_are_not_cues(analyze_text, text):
    assert _attributed(analyze_text(text)) == []


@pytest.mark.parametrize("text, source, cue, content", [
    ("The Free Highlands Front is eager to resume talks in Vorna.", "The Free Highlands Front", "is eager",
     "to resume talks in Vorna"),
    ("Residents were reluctant to leave Dalmar.", "Residents", "were reluctant", "to leave Dalmar"),
    ("Capt Lena Osei is mindful of the risks in Vorna.", "Capt Lena Osei", "is mindful of",
     "the risks in Vorna"),
    ("Karim Sadeq has been vague about the ceasefire terms.", "Karim Sadeq", "has been vague about",
     "the ceasefire terms"),
])
def test_attitude_adjectives_of_wish_and_reaction_are_cues(analyze_text, text, source, cue, content):
    (claim,) = _attributed(analyze_text(text))
    assert (claim.source.text, claim.cue.text, claim.text) == (source, cue, content)


@pytest.mark.parametrize("text", [
    "Troops were quick to seize the bridge at Kessen.",  # how fast they moved, not a view
    "The FHF is willing to talk.",
    "The convoy was ready to leave Dalmar.",
    "Residents were so worried that they left Dalmar.",  # what came of the worry, not its object
])
def test_adjectives_of_speed_readiness_and_result_are_not_cues(analyze_text, text):
    assert _attributed(analyze_text(text)) == []


def test_tag_after_a_question_in_doubled_apostrophes_is_found(analyze_text):
    (claim,) = _attributed(analyze_text("''Can we hold Vorna?'' Karim Sadeq asked."))
    assert (claim.mode, claim.source.text, claim.cue.text) == ("direct", "Karim Sadeq", "asked")
    assert claim.text.startswith("Can we hold Vorna")


def test_bare_tag_after_a_quote_closed_by_a_full_stop_is_found(analyze_text):
    claims = _attributed(analyze_text(
        "The army shelled Dalmar on Monday.\n\n\u201cWe will never leave Kessen, whatever it costs us.\u201d Osei said."))
    assert [(c.mode, c.source.text, c.cue.text) for c in claims] == [("direct", "Osei", "said")]
    assert claims[0].text.startswith("We will never leave Kessen")


@pytest.mark.parametrize("text", [
    "\u201cWe will never leave Kessen, whatever it costs us.\u201d Residents fled the town.",
    "\u201cWe will never leave Kessen, whatever it costs us.\u201d Troops shelled Vorna.",
])
def test_event_after_a_quote_closed_by_a_full_stop_is_no_tag(analyze_text, text):
    assert _attributed(analyze_text(text)) == []


@pytest.mark.parametrize("text, source, cue, content", [
    ("Capt Lena Osei took issue with the ceasefire plan.", "Capt Lena Osei", "took issue with",
     "the ceasefire plan"),
    ("The FHF had harsh words for the mediators in Vorna.", "The FHF", "had harsh words for",
     "the mediators in Vorna"),
    ("Karim Sadeq had no doubts about the ceasefire.", "Karim Sadeq", "had no doubts about",
     "the ceasefire"),
    ("Karim Sadeq is one of the fiercest critics of the army.", "Karim Sadeq",
     "is one of the fiercest critics of", "the army"),
])
def test_set_phrases_of_stance_are_cues(analyze_text, text, source, cue, content):
    (claim,) = _attributed(analyze_text(text))
    assert (claim.source.text, claim.cue.text, claim.text) == (source, cue, content)


@pytest.mark.parametrize("text", [
    "A sniper took a shot at the patrol near Kessen.",  # an attack, not a criticism
    "Soldiers took a swing at the crowd in Vorna.",
    "The army has been making the case for weeks.",  # how long, not what
    "The FHF took the issue with them to Dalmar.",
])
def test_physical_and_temporal_readings_of_the_phrases_are_not_cues(analyze_text, text):
    assert _attributed(analyze_text(text)) == []


@pytest.mark.parametrize("text", [
    "Sadeq is a longtime FHF supporter.",  # the boundary rankers made it 'Sadeq is a longtime FHF'
    "Sadeq was a Dalmar defender during the siege.",
    "Sadeq is a FHF and Vorna supporter.",
])
def test_partisan_noun_after_a_name_is_no_cue(analyze_text, text):
    assert _attributed(analyze_text(text)) == []


@pytest.mark.parametrize("text", [
    "Snipers took potshots at aid trucks near Kessen.",
    "Capt Osei was one of the defenders of Dalmar.",
    "The FHF remains the main opponent of the government in the highlands.",
    "Valdoria is the main backer of the FHF.",
    "The delegation had reservations for the Hotel Vorna.",
    "The wounded had words with the guards at the checkpoint.",
])
def test_phrases_with_a_physical_or_material_sense_are_not_cues(analyze_text, text):
    assert _attributed(analyze_text(text)) == []


def test_partisan_noun_in_a_conjunct_takes_the_first_verbs_subject(analyze_text):
    claims = _attributed(analyze_text(
        "Lena Osei has not endorsed the truce and has been a pointed critic of its terms."))
    critic = [c for c in claims if "critic" in c.cue.text]
    assert [(c.source.text, c.text) for c in critic] == [("Lena Osei", "its terms")]


def test_as_someone_put_it_tags_the_clause_it_is_set_into(analyze_text):
    (claim,) = _attributed(analyze_text("As Capt Lena Osei put it, the road to Dalmar is closed."))
    assert (claim.source.text, claim.cue.text, claim.text) == ("Capt Lena Osei", "put it",
                                                               "the road to Dalmar is closed")


def test_as_someone_put_something_else_is_no_cue(analyze_text):
    assert _attributed(analyze_text("As the army put pressure on Vorna, residents fled.")) == []


@pytest.mark.parametrize("text", [
    '"We will never leave." Osei said nothing.',
    '"We will never leave." Osei denied it.',
    '"We will never leave." Osei never said it.',
    '"We will never leave." Osei did not say so.',
    '"We will never leave." Osei said it twice.',
])
def test_sentence_denying_or_saying_something_after_a_quote_is_no_tag(analyze_text, text):
    claims = analyze_text("Sadeq was defiant. " + text).claims
    assert not any(c.mode == "direct" for c in claims)


def test_bare_tag_with_a_medium_is_still_a_tag(analyze_text):
    (claim,) = _attributed(analyze_text('"Dalmar is ours." the FHF said on Twitter.'))
    assert (claim.mode, claim.source.text, claim.text) == ("direct", "the FHF", "Dalmar is ours")


@pytest.mark.parametrize("text", [
    "As the army added more troops to the front, the FHF withdrew from Kessen.",
    "As promised by Varnov, troops withdrew from Kessen on Friday.",
    "As demanded by the FHF, the army released forty prisoners.",
    "As agreed by both sides, the ceasefire took effect at noon.",
    "As threatened by the FHF, the bridge at Vorna was blown up.",
    "Did the army, as Osei pointed out, shell the market?",
])
def test_as_clauses_of_events_wishes_and_questions_are_no_asides(analyze_text, text):
    assert _attributed(analyze_text(text)) == []


def test_aside_before_a_speech_act_leaves_the_speech_act_its_claim(analyze_text):
    (claim,) = _attributed(analyze_text("Osei, as she noted, had warned of the attack."))
    assert (claim.source.text, claim.cue.text, claim.text) == ("Osei", "had warned of", "the attack")


def test_aside_content_leaves_out_the_writers_connective(analyze_text):
    claims = _attributed(analyze_text(
        "The FHF said the road was open. As Osei pointed out, however, the bridge is mined."))
    assert [(c.source.text, c.text) for c in claims if c.cue.text == "pointed out"] == [
        ("Osei", "the bridge is mined")]


@pytest.mark.parametrize("text", [
    "The army was still five kilometres shy of Kessen on Friday.",
    "The high ground is favourable to the defenders.",
    "Conditions on the front are favourable to a spring offensive.",
    "The ground was sensitive to heavy vehicles.",
])
def test_adjectives_of_distance_and_terrain_are_not_cues(analyze_text, text):
    assert _attributed(analyze_text(text)) == []


def test_not_so_sure_that_is_a_doubt_about_the_clause(analyze_text):
    (claim,) = _attributed(analyze_text("Residents are not so sure that the army will protect them."))
    assert (claim.source.text, claim.cue.text, claim.text) == (
        "Residents", "are not so sure", "that the army will protect them")



@pytest.mark.parametrize("text", [
    "As the medics put it on the truck, the wounded man died.",
    "As Sadeq put it down, the phone rang.",
    "As Sadeq put it back in its holster, the gun went off.",
    "The town, as Osei put it, is lost.",  # gave the content 'The town'
])
def test_physical_put_it_and_an_aside_inside_its_host_are_no_cue(analyze_text, text):
    assert _attributed(analyze_text(text)) == []


def test_as_someone_put_it_after_its_host_tags_the_host(analyze_text):
    (claim,) = _attributed(analyze_text("The town is lost, as Osei put it."))
    assert (claim.source.text, claim.cue.text, claim.text) == ("Osei", "put it", "The town is lost")
