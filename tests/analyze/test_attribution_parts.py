"""Discontinuous contents and sources outside their contents (issue 3, session 5), on
sentences written for the test: a quote continued after its speech tag, a clause the source
and cue interrupt, a relative cue clause, raising participles, participle cues' sources.
"""

from __future__ import annotations

import pytest
from analyze.claim_pieces import pieces as _pieces


def _attributed(report):
    return [c for c in report.claims if c.mode != "outlet"]


def _claim_by_cue(report, cue_text):
    return next(c for c in _attributed(report) if c.cue and c.cue.text == cue_text)


@pytest.mark.parametrize("tag", ["Lena Osei said.", "Lena Osei said on Tuesday in Vorna."])
def test_quote_continued_after_its_tag_is_one_content(analyze_text, tag):
    report = analyze_text(f'"We will not withdraw," {tag} "The highlands belong to their people."')
    (claim,) = _attributed(report)
    assert _pieces(report, claim) == ["We will not withdraw", "The highlands belong to their people"]
    assert claim.source.text == "Lena Osei"


def test_continued_quote_is_not_taken_from_the_next_speaker(analyze_text):
    report = analyze_text('"We hold the pass," Lena Osei said. "No, you do not hold it," '
                          'Karim Sadeq replied.')
    osei = next(c for c in _attributed(report) if c.source.text == "Lena Osei")
    assert _pieces(report, osei) == ["We hold the pass"]


def test_speech_verb_across_a_paragraph_break_does_not_take_a_quote(analyze_text):
    report = analyze_text('"We will stay in the valley," Osei told reporters in Kessen. "If I had to '
                          'choose again, I would choose the same."\n\n"I have defended the council '
                          'for years," said Karim Sadeq, who added that the truce was fragile.')
    osei = next(c for c in _attributed(report) if c.source.text == "Osei")
    assert _pieces(report, osei) == ["We will stay in the valley",
                                     "If I had to choose again, I would choose the same"]
    sadeq = next(c for c in _attributed(report) if c.cue.text == "said")
    assert _pieces(report, sadeq) == ["I have defended the council for years"]


@pytest.mark.parametrize("text,pieces", [
    ("The convoy, according to army spokesperson Karim Sadeq, was carrying medical supplies to "
     "Dalmar.", ["The convoy", "was carrying medical supplies to Dalmar"]),
    ("The attack, the minister said, was unprovoked.", ["The attack", "was unprovoked"]),
    ("The depot, which rebels say was hit by artillery, burned for hours.",
     ["which", "was hit by artillery"]),
])
def test_words_of_the_content_before_the_source_and_cue_are_its_first_piece(analyze_text, text, pieces):
    report = analyze_text(text)
    (claim,) = _attributed(report)
    assert _pieces(report, claim) == pieces


@pytest.mark.parametrize("text,source,pieces", [
    # the tag parsed as the clause's parataxis, with the clause's subject hung on the tag
    ("Voters, Lena Osei suggested, don't have to worry about the FHF.", "Lena Osei",
     ["Voters", "don't have to worry about the FHF"]),
    # a subjectless conjunct after the tag; its subject was parsed into the first clause
    ("Osei had a rally scheduled for that night - and the permit, his aides said, had been "
     "hard to get.", "his aides", ["the permit", "had been hard to get"]),
])
def test_clause_interrupted_by_a_parataxis_tag_keeps_its_first_words(analyze_text, text, source, pieces):
    report = analyze_text(text)
    claim = _claim_by_cue(report, "suggested" if "suggested" in text else "said")
    assert claim.source.text == source
    assert _pieces(report, claim) == pieces


def test_content_after_its_cue_alone_stays_one_piece(analyze_text):
    report = analyze_text("On Tuesday, Lena Osei said the town of Dalmar was calm.")
    (claim,) = _attributed(report)
    assert claim.parts == [] and claim.text == "the town of Dalmar was calm"


@pytest.mark.parametrize("text,cue,pieces", [
    ("Lena Osei on Tuesday seemed to reject the truce.", "seemed", ["Lena Osei", "to reject the truce"]),
    ("The FHF, under growing pressure, is expected to leave Kessen.", "is expected",
     ["The FHF", "to leave Kessen"]),
    ("The FHF commander from Vorna seemed to reject the truce.", "seemed",
     ["The FHF commander from Vorna", "to reject the truce"]),
])
def test_raising_subject_piece_leaves_out_dated_or_set_off_phrases(analyze_text, text, cue, pieces):
    report = analyze_text(text)
    assert _pieces(report, _claim_by_cue(report, cue)) == pieces


@pytest.mark.parametrize("text,cue,pieces", [
    ("It was a vote expected to fail in the council.", "expected", ["a vote", "to fail in the council"]),
    ("Dalmar is a town known to be calm at night.", "known", ["a town", "to be calm at night"]),
    ("Lena Osei is not expected to attend the talks in Vorna.", "is not expected",
     ["Lena Osei", "to attend the talks in Vorna"]),
])
def test_raising_participles_and_negated_passives(analyze_text, text, cue, pieces):
    report = analyze_text(text)
    claim = _claim_by_cue(report, cue)
    assert _pieces(report, claim) == pieces
    assert claim.source.span is None


@pytest.mark.parametrize("text,cue,source", [
    ("A militia backing the Free Highlands Front shelled Kessen.", "backing", "A militia"),
    ("Lena Osei spoke in Vorna on Monday, criticizing the army's blockade of Dalmar.",
     "criticizing", "Lena Osei"),
])
def test_participle_cue_source_is_never_inside_its_content(analyze_text, text, cue, source):
    report = analyze_text(text)
    claim = _claim_by_cue(report, cue)
    assert claim.source.text == source
    assert source not in claim.text


def test_source_inside_content_without_a_host_is_dropped(nlp):
    from counterclaim.analyze.attribution_sources import source_outside_content
    from counterclaim.analyze.attribution_types import Attribution

    doc = nlp("The council approved the ceasefire plan for Kessen.")
    content = (doc[2].idx, doc[5].idx + len(doc[5].text))  # "approved the ceasefire plan"
    inside = (doc[3].idx, doc[5].idx + len(doc[5].text))
    a = Attribution(content=content, parts=(), cue=None, cue_lemma=None, cue_token=None,
                    source=inside, source_token=5, mode="indirect", sentence=(0, len(doc.text)))
    settled = source_outside_content(doc, a)
    assert settled.source is None and settled.source_token is None
    outside = a._replace(source=(doc[0].idx, doc[1].idx + len(doc[1].text)))
    assert source_outside_content(doc, outside) == outside


def test_kept_raising_cue_with_its_subject_as_source_becomes_the_frame(nlp):
    from counterclaim.analyze.attribution_raising import as_raising_frame
    from counterclaim.analyze.attribution_types import Attribution

    doc = nlp("The FHF is expected to leave Kessen this week.")
    text = doc.text
    cue = (text.index("is expected"), text.index(" to leave"))
    content = (text.index("to leave"), text.index("."))
    kept = Attribution(content=content, parts=(), cue=cue, cue_lemma="expect", cue_token=3,
                       source=(0, 7), source_token=1, mode="indirect", sentence=(0, len(text)))
    frame = as_raising_frame(doc, kept)
    assert [text[s:e] for s, e in frame.parts] == ["The FHF", "to leave Kessen this week"]
    assert frame.source is None and frame.source_token is None
    # a speech verb is no raising frame: its subject stays the source
    doc = nlp("The FHF said it would leave Kessen.")
    said = kept._replace(cue=(8, 12), cue_lemma="say", cue_token=2, content=(13, len(doc.text) - 1))
    assert as_raising_frame(doc, said) == said


# --- session 7: relative pronouns, connectives, reaction verbs, occasions -------------------


def test_relative_pronoun_parsed_as_the_cue_subject_opens_the_content(analyze_text):
    report = analyze_text("The army lifted the blockade of Dalmar, which rebels say left the city "
                          "without water for a month.")
    claim = _claim_by_cue(report, "say")
    assert _pieces(report, claim) == ["which", "left the city without water for a month"]
    assert claim.source.text == "rebels"


def test_relative_pronoun_that_speaks_stays_the_source(analyze_text):
    report = analyze_text("The refugees in Kessen, who fear the winter more than the army, want the "
                          "pass reopened.")
    claim = _claim_by_cue(report, "fear")
    assert claim.source.text == "who"
    assert "who" not in _pieces(report, claim)


def test_conjunction_before_a_parenthetical_tag_is_left_out(analyze_text):
    report = analyze_text("But, Osei said, the convoy never reached Vorna.")
    claim = _claim_by_cue(report, "said")
    assert _pieces(report, claim) == ["the convoy never reached Vorna"]


def test_reaction_verb_object_is_the_source_and_subject_the_content(analyze_text):
    report = analyze_text("The FHF's demand for a ceasefire infuriated army commanders in Dalmar.")
    claim = _claim_by_cue(report, "infuriated")
    assert _pieces(report, claim) == ["The FHF's demand for a ceasefire"]
    assert claim.source.text.startswith("army commanders")


def test_where_a_quote_was_said_is_not_its_content(analyze_text):
    report = analyze_text('"This is a choice between holding the pass and retreating," she said at a '
                          'security conference in Vorna.')
    (claim,) = _attributed(report)
    assert _pieces(report, claim) == ["This is a choice between holding the pass and retreating"]
    assert claim.cue.text == "said"


def test_reaction_drawn_from_a_giver_has_the_giver_as_source(analyze_text):
    report = analyze_text("The ministry's plan to close the Kessen crossing has drawn sharp criticism "
                          "from aid groups.")
    claim = next(c for c in _attributed(report) if c.cue and "drawn" in c.cue.text)
    assert _pieces(report, claim) == ["The ministry's plan to close the Kessen crossing"]
    assert claim.source.text == "aid groups"
    assert claim.cue.text.endswith("criticism")


@pytest.mark.parametrize("text, quote", [
    ('Osei had posted "We are not retreating, we are regrouping!" on the FHF\'s page.',
     "We are not retreating, we are regrouping!"),
    ('Osei tweeted "Thank you Kessen! #FreeHighlands" after the vote.', "Thank you Kessen! #FreeHighlands"),
])
def test_content_opening_a_quote_after_its_cue_is_the_whole_quote(analyze_text, text, quote):
    report = analyze_text(text)
    (claim,) = _attributed(report)
    assert _pieces(report, claim) == [quote.rstrip("!")]


@pytest.mark.parametrize("text,pieces", [
    ('Whether the talks in Dalmar fail or not, Capt Lena Osei added, "the pass above Kessen stays '
     'closed to the convoys."', ["Whether the talks in Dalmar fail or not",
                                 "the pass above Kessen stays closed to the convoys"]),
    ('On Monday, Capt Lena Osei said, "The pass above Kessen stays closed to the convoys."',
     ["The pass above Kessen stays closed to the convoys"]),
    ('Still, Capt Lena Osei said, "the pass above Kessen stays closed to the convoys."',
     ["the pass above Kessen stays closed to the convoys"]),
    ('But, Capt Lena Osei said, "the pass above Kessen stays closed to the convoys."',
     ["the pass above Kessen stays closed to the convoys"]),
])
def test_quote_going_on_with_the_sentence_its_tag_interrupts_takes_the_lead_in(analyze_text, text, pieces):
    report = analyze_text(text)
    (claim,) = _attributed(report)
    assert _pieces(report, claim) == pieces


@pytest.mark.parametrize("text,pieces", [
    ("Capt Lena Osei was accused of shelling the market in Dalmar.", ["Capt Lena Osei", "shelling the market in Dalmar"]),
    ("The Free Highlands Front is known for its raids on the Vorna road.",
     ["The Free Highlands Front", "its raids on the Vorna road"]),
])
def test_subject_of_a_passive_judgement_is_the_contents_first_piece(analyze_text, text, pieces):
    report = analyze_text(text)
    (claim,) = _attributed(report)
    assert _pieces(report, claim) == pieces
    assert claim.source is None or claim.source.text is None


@pytest.mark.parametrize("text", [
    "The FHF was accused by the army of shelling Dalmar.",  # the parse hangs "of ..." on the agent
    "The FHF was accused of shelling Dalmar by the army.",  # ... or the agent on the content
])
def test_accuser_of_a_passive_judgement_is_the_source_and_not_the_content(analyze_text, text):
    report = analyze_text(text)
    (claim,) = _attributed(report)
    assert _pieces(report, claim) == ["The FHF", "shelling Dalmar"]
    assert claim.source.text == "the army"


def test_by_phrase_of_time_or_means_stays_in_the_accusation(analyze_text):
    report = analyze_text("Osei was accused of shelling Dalmar by night.")
    (claim,) = _attributed(report)
    assert _pieces(report, claim) == ["Osei", "shelling Dalmar by night"]


@pytest.mark.parametrize("text,pieces,source", [
    ("Osei was accused of shelling Dalmar by mistake.", ["Osei", "shelling Dalmar by mistake"], None),
    ("Osei was accused of being shelled by the FHF.", ["Osei", "being shelled by the FHF"], None),
    ("Osei was accused by residents of Dalmar of shelling the market.", ["Osei", "shelling the market"],
     "residents of Dalmar"),
])
def test_a_by_of_means_or_of_another_verb_is_no_accuser(analyze_text, text, pieces, source):
    report = analyze_text(text)
    (claim,) = _attributed(report)
    assert _pieces(report, claim) == pieces
    assert (claim.source.text if claim.source else None) == source


def test_quote_lead_in_that_is_another_claim_stays_out(analyze_text):
    report = analyze_text('The FHF says Kessen has fallen, Osei said, "but the pass stays closed."')
    osei = next(c for c in _attributed(report) if c.cue.text == "said")
    assert "Kessen has fallen" not in osei.text


def test_relative_pronoun_is_no_piece_of_a_passive_judgement(analyze_text):
    report = analyze_text("Osei, who was accused of shelling Dalmar, denied the charge.")
    accused = next(c for c in _attributed(report) if c.cue.text.startswith("was accused"))
    assert "who" not in _pieces(report, accused)
