"""Which phrase the rules take as a claim's source when the parse hangs the speaker on the
wrong word: of two subjects the one next to the verb, a subject hung on an earlier word, the
reporter of a second speech act hung on the reported clause."""

from __future__ import annotations

import pytest


def _claim_with_cue(report, lemma):
    return next(c for c in report.claims if c.cue is not None and c.cue.lemma == lemma)


@pytest.mark.parametrize("text,lemma,source", [
    # The parser takes the opening phrase for a second subject of "found".
    ("Cross-checking casualty lists from Kessen and Vorna, the monitors found that most "
     "victims were civilians.", "find", "the monitors"),
    # ... and a dateline's "Capt." for a subject beside "Lena Osei"; the participle follows.
    ("WASHINGTON — Capt. Lena Osei (FHF) defended the truce, saying the army had left Vorna.",
     "say", "Lena Osei"),
])
def test_of_two_subjects_the_one_next_to_the_verb_speaks(analyze_text, text, lemma, source):
    claim = _claim_with_cue(analyze_text(text), lemma)
    assert source in (claim.source.text or "")


def test_a_word_of_the_quote_is_no_subject_of_its_speech_tag(analyze_text):
    # The parser makes "road" a subject of "said" beside "Osei".
    claim = _claim_with_cue(analyze_text('"Every single road," said Osei, who had negotiated the truce.'), "say")
    assert claim.source.text.startswith("Osei")


@pytest.mark.parametrize("text,lemma,source", [
    # "Osei" an apposition of "Vorna": the speaker named after an opening phrase.
    ("Speaking in Vorna, Lena Osei, without naming him, also accused Sadeq of lying.",
     "accuse", "Lena Osei"),
    # "Osei" a conjunct of the towns listed before her, which are no part of the source.
    ("Speaking at a rally in Vorna, Dalmar, Lena Osei said the army would leave Kessen.",
     "say", "Lena Osei"),
    # A clause the parse made the complement of "said" (a missing "and") holds its subject.
    ("Lena Osei criticized the truce said the FHF would never leave Kessen.", "say", "Lena Osei"),
    # "boomed" a conjunct of "leaned", which the parse hung on "gestured" without a subject.
    ('Osei gestured at the crowd, then leaned in and boomed: "We stay in Kessen."', "boom", "Osei"),
    # "called" a modifier of "newspaper" (an apposition of "Kessen").
    ("Almost a week after the army shelled Kessen, a Vorna newspaper called on the rebels to "
     "leave Dalmar.", "call", "a Vorna newspaper"),
])
def test_a_subject_the_parse_hung_on_an_earlier_word_speaks(analyze_text, text, lemma, source):
    claim = _claim_with_cue(analyze_text(text), lemma)
    assert claim.source.text == source


def test_what_a_place_is_called_is_no_speaker(analyze_text):
    claim = _claim_with_cue(analyze_text("Before the vote in Kessen, a market town, said the army would leave."), "say")
    assert claim.source.text is None


@pytest.mark.parametrize("text,lemma,speaker,said", [
    # "urged" hangs on "hold" without a comma, but the tenses part them: the speaker urges.
    ("Capt. Lena Osei said the truce would hold and urged residents to return.",
     "urge", "Lena Osei", "the truce would hold"),
    # "had" carries on to "called for", but the reported subject is the speaker itself.
    ("The FHF said it had received reports of looting in Kessen and called for an inquiry.",
     "call", "The FHF", "it had received reports of looting in Kessen"),
    # A praise is a speech act like an urging.
    ("Osei forecast that the fighting would soon end and praised the mediators.",
     "praise", "Osei", None),
])
def test_a_second_speech_act_in_another_tense_is_the_speakers(analyze_text, text, lemma, speaker, said):
    report = analyze_text(text)
    claim = _claim_with_cue(report, lemma)
    assert speaker in (claim.source.text or "")
    if said is not None:
        assert _claim_with_cue(report, "say").text == said


@pytest.mark.parametrize("text,said", [
    ("The witnesses said the fighters had entered the village and demanded food.",
     "the fighters had entered the village and demanded food"),
    ("Residents said soldiers had stopped the bus and demanded money.",
     "soldiers had stopped the bus and demanded money"),
    ("The army said the rebels had seized the mayor and accused him of spying.",
     "the rebels had seized the mayor and accused him of spying"),
    ("Osei said the general had visited Kessen and promised to rebuild the bridge.",
     "the general had visited Kessen and promised to rebuild the bridge"),
    ("Sadeq said Varnov had flown to Vorna and announced a ceasefire.",
     "Varnov had flown to Vorna and announced a ceasefire"),
    ("Osei said the prisoners had confessed and denied that they were tortured.",
     "the prisoners had confessed and denied that they were tortured"),
])
def test_a_past_perfect_shares_its_had_with_the_conjunct(analyze_text, text, said):
    # "said the fighters had entered ... and demanded food": the fighters demanded; no second
    # claim of the speaker's beside the one that holds the whole report.
    report = analyze_text(text)
    assert _claim_with_cue(report, "say").text == said
    speaker = _claim_with_cue(report, "say").source.text
    assert all(c.source is None or c.source.text != speaker for c in report.claims if c.cue.lemma != "say")


@pytest.mark.parametrize("text,lemma,source", [
    ("Capt. Lena Osei was joined on stage by Karim Sadeq and joked that the truce would hold.",
     "joke", "Lena Osei"),
    ("FHF commanders were angered by the offer and predicted it would collapse.", "predict", "FHF commanders"),
])
def test_the_agent_of_a_passive_does_not_speak_its_active_conjunct(analyze_text, text, lemma, source):
    claim = _claim_with_cue(analyze_text(text), lemma)
    assert source in (claim.source.text or "")


def test_a_participle_describing_a_noun_is_spoken_by_the_noun(analyze_text):
    # Not "schools", the word after "telling" (read as an inverted subject before).
    report = analyze_text("Guidelines issued by the ministry, telling schools to close early, have angered "
                          "parents in Vorna.")
    claim = _claim_with_cue(report, "tell")
    assert claim.source.text.startswith("Guidelines")


@pytest.mark.parametrize("text,source", [
    # "led" puts Osei up to declaring: its object speaks, not the defeat.
    ("The defeat at Kessen led Lena Osei to declare that the truce was over.", "Lena Osei"),
    # "used" does not: its subject speaks.
    ("Osei used her speech in Vorna to declare that the truce was over.", "Osei"),
])
def test_the_object_a_verb_puts_up_to_speaking_speaks(analyze_text, text, source):
    assert _claim_with_cue(analyze_text(text), "declare").source.text == source


@pytest.mark.parametrize("text,source", [
    ("Lena Osei is still persuaded of the need for talks with the FHF.", "Lena Osei"),
    ("FHF commanders were thrilled with the offer from Vorna.", "FHF commanders"),
    ("Osei was convinced that the truce would hold.", "Osei"),
])
def test_the_subject_of_a_passive_feeling_holds_it(nlp, text, source):
    # The rule mends kept attributions; whether the judge keeps these sourceless second-stage
    # candidates is the learned model's call (0.42-0.43 against its 0.44 bar after the
    # session-10 retraining), so the rule is tested on the candidate itself.
    from counterclaim.analyze import make_doc
    from counterclaim.analyze.attribution_sources import passive_feeling_holder
    from counterclaim.analyze.attribution_types import Attribution
    from counterclaim.read import read_text

    doc = nlp(make_doc(nlp, read_text(text)))
    cue = next(t for t in doc if t.tag_ == "VBN")
    after = doc[cue.i + 1:len(doc) - 1]
    candidate = Attribution(
        content=(after.start_char, after.end_char), parts=(), cue=(cue.idx, cue.idx + len(cue.text)),
        cue_lemma=cue.lemma_, cue_token=cue.i, source=None, source_token=None, mode="indirect",
        sentence=(0, len(doc.text)))
    mended = passive_feeling_holder(doc, candidate)
    assert doc.text[mended.source[0]:mended.source[1]] == source


@pytest.mark.parametrize("text", [
    "Officials were assured that the convoy would pass.",
    "The soldiers were assured that they would be paid.",
    "Officials were reassured that the convoy would pass.",
])
def test_who_was_assured_does_not_hold_what_they_were_told(analyze_text, text):
    (claim,) = [c for c in analyze_text(text).claims if c.cue is not None]
    source = claim.source.text if claim.source is not None else None
    assert source is None or not text.startswith(source)


@pytest.mark.parametrize("text,lemma,source,not_source", [
    ("A source close to Maj Gen Ilya Varnov said the general would resign.", "say", "A source", "Varnov"),
    ("An official speaking for Maj Gen Ilya Varnov said the general had no comment.",
     "say", "An official", "Varnov"),
    ("A caller who said he was FHF commander Lena Osei told the radio the rebels had taken Vorna.",
     "tell", "A caller", "Osei"),
    ("A man who said he was Maj Gen Ilya Varnov told the radio the army had won.", "tell", "A man", "Varnov"),
    ("A man claiming to be Maj Gen Ilya Varnov's son said the general was dead.", "say", "A man", "son"),
    ("A man describing himself as Maj Gen Ilya Varnov's driver said the general had fled.",
     "say", "A man", "driver"),
])
def test_a_name_inside_the_speakers_description_does_not_speak(analyze_text, text, lemma, source,
                                                               not_source):
    # The parser makes the named person a second subject of the verb; the one described speaks.
    claim = next(c for c in analyze_text(text).claims
                 if c.cue is not None and c.cue.lemma == lemma and c.cue.span[0] > text.index(not_source))
    assert claim.source.text.startswith(source)
    assert not claim.source.text.endswith(not_source)


def test_a_subject_after_a_conjunction_opening_its_clause_stands_apart(analyze_text):
    # "as" opens the columnist's own clause inside the relative one: not "which".
    report = analyze_text("The statements match the tone of her new radio ad, which — as columnist Karim "
                          "Sadeq noted recently in the Vorna Times — promises to “keep the rebels from "
                          "burning our fields”.")
    assert _claim_with_cue(report, "note").source.text == "columnist Karim Sadeq"


def test_a_subject_after_a_line_break_stands_apart(nlp):
    # A live blog's time line the parser takes for a second subject: a break sets it apart
    # like punctuation (the parse varies, so the rule is checked on its own).
    from counterclaim.analyze.cue_parse import _set_apart

    doc = nlp("At 12:15 p.m.  Ilya Varnov says he will stay.")
    assert _set_apart(doc, 2, 4)  # "p.m." and "Ilya Varnov", with the break between


def test_a_prepositions_object_is_no_second_subject(analyze_text):
    # The parser makes "Sadeq" a second subject of "posted"; the account posts.
    report = analyze_text("An account purporting to be that of FHF commander Karim Sadeq posted a photograph on "
                          "Tuesday that it said showed a truck with army plates.")
    assert _claim_with_cue(report, "post").source.text.startswith("An account")


def test_no_subject_is_taken_from_the_paragraph_before(analyze_text):
    # The parse runs the quote's paragraph on into the next; its "they" is not Sadeq's.
    report = analyze_text("Osei said the army wanted a win in Vorna. “They need a victory before the minister "
                          "speaks. So they tweet one.”\n\nFHF commander Karim Sadeq, in a short audio message "
                          "circulated to journalists on Monday evening, said the movement had “withdrawn from "
                          "nothing”.")
    claim = next(c for c in report.claims if c.text.startswith("the movement"))
    assert claim.source.text != "they"
