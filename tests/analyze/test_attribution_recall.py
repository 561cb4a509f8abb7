"""Attribution rules from the session-8 recall analysis of PolNeAR train, each on an
invented sentence; parse errors are written out as hand-built parses so that the test does
not depend on the parser making the same mistake."""

from __future__ import annotations

import pytest


def _parsed(words, heads, deps, pos, lemmas):
    from spacy.tokens import Doc
    from spacy.vocab import Vocab

    return Doc(Vocab(), words=words, heads=heads, deps=deps, pos=pos, lemmas=lemmas)


def test_quote_after_a_tag_the_parse_hung_on_it_stays_a_direct_quote():
    from counterclaim.analyze.attribution_quotes import quote_attributions
    from counterclaim.analyze.quotes import find_quotes
    from counterclaim.analyze.spans import text_of

    # 'Asked what he wants, Marek said, "They must win" today.' with "said" a parataxis of
    # the quote's own verb: the host clause around the tag is no clause of "said" holding
    # the quote, so the quote is not left to the verb rules as part of it.
    words = ["Asked", "what", "he", "wants", ",", "Marek", "said", ",", "\u201c", "They", "must", "win",
             "\u201d", "today", "."]
    heads = [11, 3, 3, 0, 11, 6, 11, 6, 11, 11, 11, 11, 11, 11, 11]
    deps = ["advcl", "dobj", "nsubj", "ccomp", "punct", "nsubj", "parataxis", "punct", "punct",
            "nsubj", "aux", "ROOT", "punct", "npadvmod", "punct"]
    pos = ["VERB", "PRON", "PRON", "VERB", "PUNCT", "PROPN", "VERB", "PUNCT", "PUNCT", "PRON", "AUX",
           "VERB", "PUNCT", "NOUN", "PUNCT"]
    lemmas = ["ask", "what", "he", "want", ",", "Marek", "say", ",", "\u201c", "they", "must", "win",
              "\u201d", "today", "."]
    doc = _parsed(words, heads, deps, pos, lemmas)
    text = text_of(doc)
    (found,) = quote_attributions(doc, find_quotes(text))
    assert found.mode == "direct" and found.cue_lemma == "say"
    assert text[slice(*found.content)].startswith("They must win")
    assert text[slice(*found.source)] == "Marek"


def _attributed(report):
    return [c for c in report.claims if c.mode != "outlet"]


def test_attitude_adjective_with_a_preposition_is_a_cue(analyze_text):
    (claim,) = _attributed(analyze_text("The Free Highlands Front is deeply critical of the ceasefire talks in Dalmar."))
    assert claim.source.text == "The Free Highlands Front"
    assert claim.cue.text == "is deeply critical of"
    assert claim.text == "the ceasefire talks in Dalmar"


def test_attitude_adjective_with_a_clause_is_a_cue(analyze_text):
    (claim,) = _attributed(analyze_text("Commander Lena Osei was confident that Kessen would hold through the winter."))
    assert claim.source.text == "Commander Lena Osei"
    assert claim.cue.text == "was confident"
    assert claim.text.startswith("that Kessen would hold")


def test_attitude_inside_a_reported_clause_is_not_a_second_claim(analyze_text):
    (claim,) = _attributed(analyze_text("The army said residents of Vorna were sceptical about the truce."))
    assert claim.cue.lemma == "say"
    assert "sceptical about the truce" in claim.text


def test_call_for_someone_to_act_is_a_cue_with_that_clause(analyze_text):
    report = analyze_text("Osei is calling for all foreign fighters to leave Dalmar before the truce.")
    (claim,) = _attributed(report)
    assert claim.source.text == "Osei"
    assert claim.cue.text == "is calling for"
    assert claim.text == "all foreign fighters to leave Dalmar before the truce"


def test_second_speech_act_hung_on_the_reported_clause_is_the_speakers(analyze_text):
    report = analyze_text("FHF spokesman Ivo Marek said the road to Kessen was open again, and urged residents "
                          "to return before the winter.")
    said, urged = sorted(_attributed(report), key=lambda c: c.cue.span[0])
    assert (said.cue.lemma, said.text) == ("say", "the road to Kessen was open again")
    assert urged.cue.lemma == "urge" and urged.text == "residents to return before the winter"
    assert urged.source.text == "FHF spokesman Ivo Marek"


def test_belief_conjunct_stays_in_the_reported_clause(analyze_text):
    (claim,) = _attributed(analyze_text("Osei said the army had lost Vorna and thought the reinforcements "
                                        "would never come."))
    assert claim.cue.lemma == "say" and claim.text.endswith("would never come")


def test_reporting_relative_clause_stays_out_of_the_source(analyze_text):
    report = analyze_text("Ivo Marek, a commander of the Free Highlands Front who has long argued that the truce "
                          "is a trap, told reporters the front would hold Kessen.")
    told = next(c for c in _attributed(report) if c.cue.lemma == "tell")
    assert told.source.text == "Ivo Marek, a commander of the Free Highlands Front"
    assert any(c.cue.lemma == "argue" and c.text == "that the truce is a trap" for c in _attributed(report))


def test_descriptive_relative_clause_stays_in_the_source(analyze_text):
    report = analyze_text("Ivo Marek, who commands the Free Highlands Front in Vorna, told reporters the front "
                          "would hold Kessen.")
    (told,) = _attributed(report)
    assert told.source.text.startswith("Ivo Marek, who commands the Free Highlands Front")


def test_speech_act_between_two_quotes_is_a_claim_of_its_own(analyze_text):
    report = analyze_text('"We will not leave Kessen," Osei said, adding that reinforcements had reached Dalmar '
                          'overnight. "The front is stronger than ever."')
    claims = {c.cue.lemma: c for c in _attributed(report)}
    assert claims["say"].mode == "direct" and "stronger than ever" in claims["say"].text
    assert claims["add"].text == "that reinforcements had reached Dalmar overnight"
    assert claims["add"].source.text == "Osei"


def test_participle_speech_act_ending_a_reported_clause_is_split_off(analyze_text):
    report = analyze_text("Marek said the front would hold Kessen through the winter, saying that reinforcements "
                          "had reached Dalmar.")
    said = next(c for c in _attributed(report) if c.cue.text == "said")
    assert said.text == "the front would hold Kessen through the winter"
    participle = next(c for c in _attributed(report) if c.cue.text == "saying")
    assert participle.text == "that reinforcements had reached Dalmar"
    assert participle.source.text == "Marek"


def test_quote_wins_over_the_manner_of_saying_it(analyze_text):
    (claim,) = _attributed(analyze_text('"What do you know, it is our old friends from Vorna," Marek said with an '
                                        'eye roll.'))
    assert claim.mode == "direct" and claim.text == "What do you know, it is our old friends from Vorna"


def test_quoted_label_does_not_replace_a_labelling_verbs_object(analyze_text):
    (claim,) = _attributed(analyze_text('Osei described the Free Highlands Front as "a gang of bandits" in Kessen.'))
    assert "Free Highlands Front" in claim.text


def test_credit_lines_and_handles_are_not_speaker_lines(analyze_text):
    report = analyze_text("The army said it had retaken the bridge at Vorna.\n\nContributing: Ilan Varo, Lena Osei\n\n"
                          "Twitter: @kessenwire\n\nBreaking: Airport in Dalmar Closed Again")
    assert [c.cue.lemma for c in _attributed(report)] == ["say"]


def test_quote_after_a_colon_belongs_to_the_verb_the_colon_closes(analyze_text):
    (claim,) = _attributed(analyze_text("The commander demurred: \u201cWhichever road is open at the moment.\u201d"))
    assert claim.mode == "direct" and claim.cue.text == "demurred"
    assert claim.source.text == "The commander"
    assert claim.text == "Whichever road is open at the moment"


def test_according_to_inside_a_reported_clause_is_not_split_off(analyze_text):
    report = analyze_text("The aid convoy reached Vorna late on Friday. The army said on Monday it had captured "
                          "the city, or Kessen, where a drone strike on Wednesday killed at least 11 civilians, "
                          "according to hospital staff.")
    assert not any(c.text == "hospital staff" for c in _attributed(report))
    said = next(c for c in _attributed(report) if c.cue.lemma == "say")
    assert said.text.endswith("according to hospital staff")


def test_relative_clause_asking_for_anonymity_stays_in_the_source(analyze_text):
    report = analyze_text('"We have no more blood and no more beds," said the doctor, who asked not to be named '
                          "because he feared for his safety.")
    said = next(c for c in _attributed(report) if c.cue.lemma == "say")
    assert "asked not to be named" in said.source.text


# Review of the session-8 rules: uses each rule must leave alone.

@pytest.mark.parametrize("text", [
    "Most critical of the truce were the commanders of the FHF.",  # inverted: no span for the cue
    "Is the army confident that Dalmar will hold?",
    "Supplies of fuel are critical to the defence of Dalmar.",  # a need, not a view
    "Residents were angry on Monday after the shelling of Dalmar.",  # a time, not a topic
    "Roads are critical in winter for the army in the north of Ostria.",
])
def test_attitude_adjective_rule_leaves_other_uses_alone(analyze_text, text):
    assert _attributed(analyze_text(text)) == []


@pytest.mark.parametrize("text", [
    "Troops entered Kessen on Monday: \u201cThe town is ours now and forever.\u201d",
    "The convoy reached Vorna at noon: \u201cDeath to the army of Ostria and to all its generals.\u201d",
])
def test_an_act_before_a_colon_does_not_introduce_the_quote(analyze_text, text):
    assert _attributed(analyze_text(text)) == []


@pytest.mark.parametrize("text", [
    "The ministry said FHF leaders met in Vorna and demanded a ceasefire.",
    "The army said FHF fighters attacked a checkpoint near Kessen and called for reinforcements.",
])
def test_a_conjunct_without_a_comma_stays_the_reported_subjects(analyze_text, text):
    (claim,) = _attributed(analyze_text(text))
    assert claim.cue.lemma == "say" and claim.text.endswith(text.split(" and ")[-1].rstrip("."))


@pytest.mark.parametrize("text", [
    "Osei said a soldier shouted at the crowd in Vorna, telling them to go home.",
    "The army said its troops stopped a bus near Dalmar, asking the driver to turn back.",
])
def test_a_participle_of_the_reported_subject_is_not_split_off(analyze_text, text):
    (claim,) = _attributed(analyze_text(text))
    assert claim.cue.lemma == "say" and claim.text.endswith(text.split(", ")[-1].rstrip("."))


def test_a_call_with_an_object_before_for_is_a_purpose_not_a_call_for(analyze_text):
    assert _attributed(analyze_text("The army called in reinforcements for the troops to hold Kessen.")) == []
