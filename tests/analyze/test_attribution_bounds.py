"""Where an indirect or mixed content ends (attribution_bounds), on sentences written for the
test: a content that opens a quotation runs to the quotation's end."""

from __future__ import annotations

from spacy.tokens import Doc

from counterclaim.analyze.attribution_bounds import through_opened_quotes
from counterclaim.analyze.attribution_types import Attribution
from counterclaim.analyze.quotes import find_quotes

STEADY = ("Capt Lena Osei praised the army's care for families and children, saying she had ''steady "
          "hands, but most of all, she has a good heart.'' And she presented the general as suited to "
          "defeat the rebels.")


def _attribution(text: str, content: str, mode: str = "mixed") -> Attribution:
    start = text.index(content)
    return Attribution((start, start + len(content)), (), None, None, None, None, None, mode, (0, len(text)))


def _doc(nlp, text: str) -> Doc:
    return nlp.make_doc(text)


def test_a_content_cut_inside_the_quotation_it_opens_runs_to_the_quotations_end(nlp):
    text = "Karim Sadeq said the rebels were \u201cfinished in Dalmar, and we will take Kessen by Friday.\u201d"
    a = _attribution(text, "the rebels were \u201cfinished in Dalmar")
    (moved,) = through_opened_quotes(_doc(nlp, text), [a], find_quotes(text))
    assert text[slice(*moved.content)] == ("the rebels were \u201cfinished in Dalmar, and we will take "
                                           "Kessen by Friday")
    assert moved.mode == "mixed"


def test_a_quotation_the_content_opens_with_may_run_over_sentences(nlp):
    text = "Osei told reporters: \u201cThe road is open. The convoy leaves at dawn.\u201d"
    a = _attribution(text, "The road is open", mode="direct")
    (moved,) = through_opened_quotes(_doc(nlp, text), [a], find_quotes(text))
    assert text[slice(*moved.content)] == "The road is open. The convoy leaves at dawn"


def test_contents_that_close_their_quotation_or_open_none_stay(nlp):
    text = ("Osei called the truce \u201ca farce\u201d and said the FHF had left Kessen, "
            "and Karim Sadeq denied it.")
    whole = _attribution(text, "the truce \u201ca farce")
    plain = _attribution(text, "the FHF had left Kessen", mode="indirect")
    assert through_opened_quotes(_doc(nlp, text), [whole, plain], find_quotes(text)) == [whole, plain]


def test_the_pipeline_keeps_the_rest_of_a_quotation_the_parse_cut_off(analyze_text):
    claims = [c for c in analyze_text(STEADY).claims if c.cue and c.cue.lemma == "say"]
    assert claims and claims[0].text.endswith("she has a good heart"), [c.text for c in claims]


VOWED = ("And in a move that called to mind, for some, the old 1990 refrain of the FHF during the long "
         "war, Capt Lena Osei pledged to oppose any truce with the rebels \u201ctoday, tomorrow, forever.\u201d")


def test_a_quotation_that_goes_straight_on_from_a_content_joins_it(nlp):
    text = 'Karim Sadeq urged the council to make the rebels pay "their fair share" of the damage.'
    a = _attribution(text, "the council to make the rebels pay", mode="indirect")
    (moved,) = through_opened_quotes(_doc(nlp, text), [a], find_quotes(text))
    assert text[slice(*moved.content)] == 'the council to make the rebels pay "their fair share'
    assert moved.mode == "mixed"


def test_a_quotation_after_a_comma_or_colon_stays_apart(nlp):
    text = 'Karim Sadeq said the council met in Vorna, "and nothing came of it."'
    a = _attribution(text, "the council met in Vorna", mode="indirect")
    assert through_opened_quotes(_doc(nlp, text), [a], find_quotes(text)) == [a]


def test_the_pipeline_keeps_a_quotation_the_parse_left_after_the_content(analyze_text):
    claims = [c for c in analyze_text(VOWED).claims if c.cue and c.cue.lemma == "pledge"]
    assert claims and claims[0].text.endswith("today, tomorrow, forever"), [c.text for c in claims]


def test_a_content_that_runs_to_a_quotations_end_starts_with_it(nlp):
    text = "\u201cWe hold Kessen. We will hold Vorna too,\u201d Capt Lena Osei said."
    cue = text.index("said")
    a = _attribution(text, "We will hold Vorna too", mode="direct")._replace(cue=(cue, cue + 4))
    (moved,) = through_opened_quotes(_doc(nlp, text), [a], find_quotes(text))
    assert text[slice(*moved.content)] == "We hold Kessen. We will hold Vorna too"


def test_a_claim_inside_a_quotation_keeps_its_start_before_its_own_cue(nlp):
    text = "\u201cKessen is calm, and the FHF claims the army has fled,\u201d Osei said."
    cue = text.index("claims")
    a = _attribution(text, "the army has fled", mode="direct")._replace(cue=(cue, cue + 6))
    assert through_opened_quotes(_doc(nlp, text), [a], find_quotes(text)) == [a]
