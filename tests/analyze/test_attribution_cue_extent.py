"""How far a cue reaches (PolNeAR's cues cover the predicate that introduces the content),
on sentences written for the test."""

from __future__ import annotations

import pytest


def _cue_text(report) -> str:
    (claim,) = [c for c in report.claims if c.mode != "outlet"]
    return claim.cue.text


@pytest.mark.parametrize("text,cue", [
    # the verb's own words before the content join the cue
    ("Osei showed no sign of retreating from his demand for talks in Vorna.", "showed no sign of"),
    # a governing verb the cue is the infinitive, gerund or participle of
    ("The FHF went on to say that the army had shelled Kessen.", "went on to say"),
    ("Halvorsen erred in saying that the FHF had withdrawn from Dalmar.", "erred in saying"),
    ("The ministry issued a statement saying the bridge at Dalmar had reopened.",
     "issued a statement saying"),
    # a message the gerund describes, an adjective the infinitive completes
    ("The FHF sent out a press release saying that the army had shelled Kessen.",
     "sent out a press release saying"),
    ("Osei was quick to add that the convoy had reached Vorna.", "was quick to add"),
    ("The FHF were more likely to say that the army had shelled Kessen.",
     "were more likely to say"),
    # but an adjective judging the saying is the writer's, not part of the cue
    ("Osei was wrong to claim that Kessen was safe.", "claim"),
    ("The army was right to warn that the FHF would attack.", "warn"),
    # when it was said and whom it was told stay out
    ("Osei said on Tuesday that the army had left Vorna.", "said"),
    ("Halvorsen told reporters on Monday that the talks would resume in Kessen.", "told"),
    # nor the listener or partner of other verbs of saying
    ("Osei admitted to reporters in Dalmar that the convoy had been hit.", "admitted"),
    ("The FHF agreed with the army that the road to Kessen must reopen.", "agreed"),
    # "it" of "made it clear" is part of the predicate, not a subject that ends it
    ("Osei, the army spokeswoman, made it clear that talks in Vorna were over.", "made it clear"),
    # "went on to" whichever way the parse hangs the infinitive
    ("Osei went on to explain that the bridge at Dalmar had been mined.", "went on to explain"),
    # an auxiliary before "both" / "since"
    ("The FHF and the army have both argued that the ceasefire in Dalmar is holding.",
     "have both argued"),
    ("Capt Lena Osei has since said that the FHF shelled Kessen.", "has since said"),
    # "now" and "then" right before the verb
    ("The FHF now says that the army shelled the market in Kessen.", "now says"),
    # what the source did before or after saying is not the cue
    ("Osei paused before adding that the convoy had reached Vorna.", "adding"),
    # after a content, the statement it came in and the face it was said with join the cue;
    # other occasions do not
    ('"The road to Kessen is open," Osei said in a statement.', "said in a statement"),
    ('"We will not leave Vorna," Sadeq said with a grin.', "said with a grin"),
    ('"The road to Kessen is open," Osei said in an interview.', "said"),
    ('"The convoy never reached Vorna," Osei said dryly.', "said dryly"),
    ('"We hold Dalmar," Sadeq shot back with a laugh.', "shot back with a laugh"),
    # when, where and how often it was said are no part of the cue, after it as before it
    ('"We won in Dalmar," Osei said later.', "said"),
    ('"We won in Dalmar," Osei said earlier.', "said"),
    ('"We won in Dalmar," Osei said afterwards.', "said"),
    ('"We won in Dalmar," Osei said recently.', "said"),
    ('"We won in Dalmar," Osei said again.', "said"),
    ('"We won in Dalmar," Osei said here.', "said"),
    ('"We won in Dalmar," Osei said too.', "said"),
    ('"We won in Dalmar," Osei said quietly.', "said quietly"),
    # the statement piece ends at its noun: when, to whom, from where stay out
    ('"The road to Kessen is open," Sadeq said in a statement on Tuesday.', "said in a statement"),
    ('"The road to Kessen is open," Sadeq said in a statement to Reuters.', "said in a statement"),
    ('"The road to Kessen is open," Sadeq said in a statement from Dalmar.',
     "said in a statement"),
    ('"The road to Kessen is open," Sadeq said in a statement and a video.',
     "said in a statement"),
    ('"We will not leave Vorna," Sadeq said with a laugh in Dalmar.', "said with a laugh"),
    # a host the gerund cannot do without stays ("refrained from" turns "endorsing" round)
    ("Capt Lena Osei has refrained from endorsing the FHF's claim that Kessen fell.",
     "has refrained from endorsing"),
])
def test_cue_reaches_its_content(analyze_text, text, cue):
    assert _cue_text(analyze_text(text)) == cue


def test_lemma_stays_the_speech_verb(analyze_text):
    report = analyze_text("The FHF went on to say that the army had shelled Kessen.")
    (claim,) = [c for c in report.claims if c.mode != "outlet"]
    assert claim.cue.lemma == "say" and claim.source.text == "The FHF"



def test_lemma_and_channel_stay_with_a_statement_in_the_cue(analyze_text):
    report = analyze_text('"The road to Kessen is open," Osei said in a statement.')
    (claim,) = [c for c in report.claims if c.mode != "outlet"]
    assert claim.cue.text == "said in a statement"
    assert claim.cue.lemma == "say" and claim.channel == "statement"


def test_lemma_stays_the_speech_verb_after_went_on(analyze_text):
    report = analyze_text("Osei went on to explain that the bridge at Dalmar had been mined.")
    (claim,) = [c for c in report.claims if c.mode != "outlet"]
    assert claim.cue.lemma == "explain"
