"""Attribution constructions (issue 3), each on a sentence written for the test.

Each case names the source (a substring of the source phrase, or None when there is none),
the cue lemma, a substring that the content must contain, one it must not, and the mode.
"""

from __future__ import annotations

import pytest

CASES = [
    # direct quotes
    ('"Dalmar has been fully captured," said army spokesperson Karim Sadeq in a tweet.',
     "Karim Sadeq", "say", "fully captured", "Sadeq", "direct"),
    ('Karim Sadeq said: "The city is calm and under our control."',
     "Karim Sadeq", "say", "under our control", "Sadeq", "direct"),
    ("\u201cThey took a few streets,\u201d Osei said, \u201cand now they call it a city.\u201d",
     "Osei", "say", "a few streets", "Osei said", "direct"),
    ('The minister gave an assurance that "no civilian will be harmed in the operation".',
     "minister", "assurance", "no civilian will be harmed", "minister", "mixed"),
    # indirect and mixed speech
    ("The army said that rebels had fled the city overnight.",
     "army", "say", "rebels had fled", "army said", "indirect"),
    ("The rebels claimed they had shot down a drone near Vorna.",
     "rebels", "claim", "shot down a drone", "rebels", "indirect"),
    ("Valdoria denied that its troops had crossed the border.",
     "Valdoria", "deny", "troops had crossed", "denied", "indirect"),
    ("The FHF alleged that Valdorian soldiers were fighting in Kessen.",
     "FHF", "allege", "Valdorian soldiers", "alleged", "indirect"),
    ("Residents told reporters the market had been hit twice.",
     "Residents", "tell", "market had been hit", "reporters", "indirect"),
    ("The FHF termed the shelling a massacre.",
     "FHF", "term", "the shelling a massacre", "termed", "indirect"),
    ('Maj Gen Ilya Varnov said taking Dalmar would "break the back" of the insurgency.',
     "Ilya Varnov", "say", "break the back", "Varnov", "mixed"),
    # sourceless, anonymous and nominal forms
    ("Troops crossed the border on Sunday, sources said.",
     "sources", "say", "Troops crossed the border", "sources", "indirect"),
    ("It was reported that dozens of families had fled the valley.",
     None, "report", "dozens of families", "reported", "indirect"),
    ("There were reports of looting in the old town of Kessen.",
     None, "report", "looting", "There were", "indirect"),
    ("According to reports, Valdorian troops crossed the border.",
     "reports", "according to", "Valdorian troops crossed", "According", "according_to"),
    ("Mobile networks were down for most of the week, according to aid groups.",
     "aid groups", "according to", "Mobile networks were down", "aid groups", "according_to"),
    ("The Free Highlands Front, citing local doctors, said nine civilians had died.",
     "Free Highlands Front", "say", "nine civilians had died", "citing", "indirect"),
    ("A tweet from the FHF said the army had shelled the market.",
     "FHF", "say", "army had shelled", "tweet", "indirect"),
    ("In an interview with state TV, Defence Minister Petra Halvorsen accused the FHF of "
     "using civilians as shields.",
     "Petra Halvorsen", "accuse", "using civilians as shields", "interview", "indirect"),
    # cues set into their content, passives with an agent, evaluations
    ("As the army reported, the road to Vorna is closed.",
     "army", "report", "road to Vorna is closed", "As", "indirect"),
    ("The strike on the market was first reported by Radio Kessen.",
     "Radio Kessen", "report", "strike on the market", "Radio", "indirect"),
    ("The FHF blasted the ceasefire as a trick.",
     "FHF", "blast", "the ceasefire as a trick", "FHF", "indirect"),
    ("Osei ridiculed the army's account of the battle.",
     "Osei", "ridicule", "account of the battle", "Osei", "indirect"),
    ("Halvorsen agreed that the talks should resume in Vorna.",
     "Halvorsen", "agree", "talks should resume", "agreed", "indirect"),
]


@pytest.mark.parametrize("text,source,cue,inside,outside,mode", CASES, ids=[c[2] + ":" + c[0][:30] for c in CASES])
def test_attribution_construction(analyze_text, text, source, cue, inside, outside, mode):
    report = analyze_text(text)
    claims = [c for c in report.claims if c.mode != "outlet"]
    assert len(claims) == 1, [c.text for c in report.claims]
    claim = claims[0]
    assert claim.cue is not None and claim.cue.lemma == cue
    if source is None:
        assert claim.source.text is None
    else:
        assert source in (claim.source.text or "")
    assert inside in claim.text
    assert outside not in claim.text
    assert claim.mode == mode


def test_split_quote_keeps_both_parts(analyze_text):
    report = analyze_text("\u201cThey took a few streets,\u201d Osei said, \u201cand now they call it a city.\u201d")
    (claim,) = [c for c in report.claims if c.mode == "direct"]
    assert len(claim.parts) == 2
    text = report.article.text
    assert [text[s:e] for s, e in claim.parts][1].startswith("and now")


def test_quote_over_two_paragraphs_is_one_claim(analyze_text):
    report = analyze_text('Sadeq spoke after the strike.\n\n"We did not target civilians.\n\n'
                          '"Every strike was aimed at military positions," Sadeq said.')
    (claim,) = [c for c in report.claims if c.mode == "direct"]
    assert "did not target civilians" in claim.text and "military positions" in claim.text


def test_outlet_voice_sentences_are_claims_of_the_outlet(analyze_text):
    report = analyze_text("Shelling continued in Kessen overnight. The army said it had taken the bridge.")
    outlet = [c for c in report.claims if c.mode == "outlet"]
    assert [c.text for c in outlet] == ["Shelling continued in Kessen overnight"]
    assert outlet[0].source.kind == "outlet" and outlet[0].status == "asserted"


def test_beliefs_are_attributions(analyze_text):
    report = analyze_text("Western diplomats believe the offensive will stall before winter.")
    (claim,) = [c for c in report.claims if c.mode != "outlet"]
    assert claim.cue.lemma == "believe" and "offensive will stall" in claim.text


def test_nested_speech_keeps_only_the_outer_attribution(analyze_text):
    report = analyze_text("The ministry said the rebels claimed that the bridge was destroyed.")
    claims = [c for c in report.claims if c.mode != "outlet"]
    assert len(claims) == 1 and claims[0].cue.lemma == "say"


@pytest.mark.parametrize("text", [
    "Rebels attacked the town of Dalmar on Sunday.",
    "The FHF fighters shelled Kessen and seized the bridge.",
    "Troops took the airport after heavy fighting.",
    "The army has not commented on the ambush near Vorna.",
    "Protests are planned for Saturday in Dalmar.",
    "The governor imposed a night curfew on Kessen.",
])
def test_event_verbs_are_not_attributions(analyze_text, text):
    report = analyze_text(text)
    assert [c.mode for c in report.claims] == ["outlet"]


def test_participle_cue_does_not_swallow_the_quote(analyze_text):
    report = analyze_text("\u201cThe bridge is gone,\u201d Sadeq said, citing field commanders.")
    claims = [c for c in report.claims if c.mode != "outlet"]
    assert [c.cue.lemma for c in claims] == ["say"]
    assert claims[0].text == "The bridge is gone" and claims[0].source.text == "Sadeq"


def test_wire_dateline_stays_out_of_source(analyze_text):
    report = analyze_text("KESSEN, Ostria, March 3 (Reuters) \u2014 Army spokesperson Karim Sadeq said "
                          "the bridge was destroyed.")
    (claim,) = [c for c in report.claims if c.mode != "outlet"]
    assert claim.source.text.endswith("Karim Sadeq") and "Reuters" not in claim.source.text


def test_relative_pronoun_source_resolves_to_its_antecedent(analyze_text):
    report = analyze_text("Reporters met Karim Sadeq, an army commander who said the bridge was destroyed.")
    (claim,) = [c for c in report.claims if c.mode != "outlet"]
    assert "bridge was destroyed" in claim.text
    entity = next(e for e in report.entities if e.id == claim.source.entity)
    assert entity.name == "Karim Sadeq"


def test_object_content_runs_over_the_verbs_later_modifiers(analyze_text):
    report = analyze_text("The spokesperson likened the blockade of Vorna to a siege.")
    (claim,) = [c for c in report.claims if c.mode != "outlet"]
    assert claim.text == "the blockade of Vorna to a siege"


def test_doubled_apostrophe_quote_is_direct_speech(analyze_text):
    report = analyze_text("''The bridge at Kessen is gone,'' Karim Sadeq said on Monday.")
    (claim,) = [c for c in report.claims if c.mode != "outlet"]
    assert claim.mode == "direct" and claim.text == "The bridge at Kessen is gone"
    assert claim.source.text == "Karim Sadeq"


def test_quote_opening_a_paragraph_keeps_its_speaker(analyze_text):
    # Left to itself the parser runs the first paragraph's sentence on into the quote, hangs
    # the quote on "added", and the quote is nobody's.
    report = analyze_text(
        "Capt Lena Osei added that the army was better prepared than the rebels.\n\n"
        "''I don't know why he is doing that, but we will hold Dalmar anyway,'' she said.")
    (claim,) = [c for c in report.claims if c.mode == "direct"]
    assert claim.text.startswith("I don't know why") and claim.source.text == "she"


def test_blank_line_starts_a_sentence(nlp):
    from counterclaim.analyze import make_doc
    from counterclaim.read import read_text

    doc = make_doc(nlp, read_text("The army said the road was open.\n\n''We stay,'' she said."))
    assert next(t for t in doc if t.text == "''").is_sent_start
    # a wrapped line (the reader makes each line of a text without blank lines a paragraph)
    # is left to the parser
    doc = make_doc(nlp, read_text("The army said the road\nwas open."))
    assert not any(t.is_sent_start for t in doc[1:])


@pytest.mark.parametrize("text,source,content", [
    ("Capt Lena Osei told reporters:\n\nThe FHF is finished. We will hold Kessen.",
     "Capt Lena Osei", "The FHF is finished"),
    ("The army said\n\nKessen had fallen to the FHF.", "The army", "Kessen had fallen to the FHF"),
    ("The army said:\n\n- the FHF had fled Kessen;\n- Vorna was safe.", "The army", "the FHF had fled Kessen"),
])
def test_paragraph_that_continues_a_sentence_keeps_its_claim(analyze_text, text, source, content):
    # A colon, a list item or a line broken mid-sentence: the blank line ends no sentence.
    report = analyze_text(text)
    claims = [c for c in report.claims if c.mode != "outlet" and c.source.text == source]
    assert any(c.text.startswith(content) for c in claims)
    assert not [c for c in report.claims if c.mode == "outlet" and c.text.startswith(content)]


@pytest.mark.parametrize("text,source", [
    ("\u201cThey keep asking, \u2018Where is the army?\u2019\u201d said Capt Lena Osei.", "Capt Lena Osei"),
    ("\u201cResidents ask us, \u2018What can we do?\u2019\u201d Karim Sadeq said.", "Karim Sadeq"),
])
def test_quote_ending_on_a_quoted_question_keeps_its_tag(analyze_text, text, source):
    report = analyze_text(text)
    (claim,) = [c for c in report.claims if c.mode != "outlet"]
    assert claim.mode == "direct" and claim.source.text == source


@pytest.mark.parametrize("text,content", [
    ("There were reports of gunfire near the presidential palace in Ostgrad late on Tuesday.",
     "gunfire near the presidential palace in Ostgrad late on Tuesday"),
    ("There were reports of gunfire, but the army denied them.", "gunfire"),
])
def test_existential_reports_cover_what_runs_on_after_of(analyze_text, text, content):
    # The parse hangs "near the palace" on "reports" and "late on Tuesday" on "were"; they
    # are what is reported. A comma ends it.
    report = analyze_text(text)
    claim = next(c for c in report.claims if c.cue is not None and c.cue.lemma == "report")
    assert claim.text == content and claim.source.text is None


def test_quote_after_a_long_speech_tag_continues_the_speakers_quote(analyze_text):
    report = analyze_text(
        '"The clinic in Vorna has run out of insulin," said Lena Osei, a coordinator for the aid '
        'group that runs the clinic, speaking on condition of anonymity because she was not '
        'authorised to talk to the press. "We need a corridor now."')
    (claim,) = [c for c in report.claims if c.mode == "direct"]
    text = report.article.text
    assert [text[s:e] for s, e in claim.parts][-1].startswith("We need a corridor")


@pytest.mark.parametrize("text,source,cue", [
    ('"Go back to Kessen," the captain barked.', "captain", "bark"),
    ('"No," replied Lena Osei.', "Lena Osei", "reply"),
])
def test_any_verb_in_a_speech_tag_reports_the_quote(analyze_text, text, source, cue):
    report = analyze_text(text)
    (claim,) = [c for c in report.claims if c.mode != "outlet"]
    assert claim.cue.lemma == cue and source in claim.source.text and claim.mode == "direct"


def test_short_quoted_label_without_speech_tag_is_no_attribution(analyze_text):
    report = analyze_text('The FHF called the raid "a crime" and left Dalmar.')
    assert not [c for c in report.claims if c.mode == "direct"]


def test_raising_verb_content_is_subject_and_complement(analyze_text):
    report = analyze_text("The ceasefire in Dalmar seems to hold despite sporadic shelling.")
    (claim,) = [c for c in report.claims if c.mode != "outlet"]
    text = report.article.text
    assert claim.cue.lemma == "seem" and claim.source.text is None
    pieces = [text[s:e] for s, e in claim.parts]
    assert pieces[0] == "The ceasefire in Dalmar" and pieces[1].startswith("to hold")


def test_passive_raising_takes_its_agent_as_source(analyze_text):
    report = analyze_text("The FHF is expected by analysts to withdraw from Vorna before winter.")
    (claim,) = [c for c in report.claims if c.mode != "outlet"]
    assert claim.cue.lemma == "expect" and "analysts" in claim.source.text
    assert "withdraw from Vorna" in claim.text and "FHF" in claim.text


def test_trailing_aside_of_the_outlet_leaves_the_content(analyze_text):
    report = analyze_text("The army said the bridge to Kessen was destroyed, which cut the town off "
                          "from the coast.")
    claim = next(c for c in report.claims if c.cue and c.cue.lemma == "say")
    assert claim.text == "the bridge to Kessen was destroyed"


def test_opening_time_phrase_is_not_the_reason_of_a_praise(analyze_text):
    # "For months" is a preposition of the verb too; the reason must follow the object.
    report = analyze_text("For months, Osei had praised the FHF, calling its fighters disciplined.")
    claims = [c for c in report.claims if c.cue and c.cue.lemma == "praise"]
    assert all(c.span[1] > c.span[0] for c in report.claims)
    assert [c.text for c in claims] == ["the FHF"] or not claims
