"""Headline and subhead speakers (``NAME role at PLACE: ...``, ``NAME to AUDIENCE: ...``)
and sources kept clear of the quote a parse hangs under the speaker's name (issue 3,
session 5), on lines written for the test."""

from __future__ import annotations

import pytest

from counterclaim.analyze.attribution_quotes import transcript_attributions


def _speakers(nlp, text):
    doc = nlp(text)
    return [(text[a.source[0]:a.source[1]], text[a.content[0]:a.content[1]])
            for a in transcript_attributions(doc)]


@pytest.mark.parametrize("line,source,content", [
    ("FHF camp: Kessen talks are a trap for the highlands.", "FHF camp",
     "Kessen talks are a trap for the highlands"),
    ("Former General Osei at Vorna: Dalmar will fall by spring.", "Former General Osei at Vorna",
     "Dalmar will fall by spring"),
    ("Osei to Kessen voters: We will rebuild the bridge.", "Osei", "We will rebuild the bridge"),
    ("Varo on the Highland Ceasefire Talks: \u2018We Will Not Sign\u2019", "Varo",
     "We Will Not Sign"),
    ("Ostria Times editorial: Leave Vorna now.", "Ostria Times editorial", "Leave Vorna now"),
])
def test_headline_speaker_line_is_attributed_to_the_speaker(nlp, line, source, content):
    text = line + "\n\nThe army said on Monday that the road to Dalmar was open."
    assert _speakers(nlp, text) == [(source, content)]


@pytest.mark.parametrize("line", [
    "The result: a long wait at the Kessen crossing.",
    "Wait, it gets better: the convoy never left.",
    "From the report: the river had risen overnight.",
    "He listed what the Front wants: land, schools and a vote.",
    "The Front's fighters moved to the hills at dawn: nobody saw them.",
    "Osei Praises Brave Vorna Hill Militia: They Saved Kessen.",
    "According to the Dalmar Herald: the dam is cracked.",
])
def test_ordinary_colon_lines_are_not_speakers(nlp, line):
    assert _speakers(nlp, line + "\n\nResidents of Vorna said the shelling stopped.") == []


@pytest.mark.parametrize("line", [
    "KESSEN \u2014 The army said on Monday that the road to Dalmar was open.",
    "DALMAR, Ostria \u2015 Residents of Vorna said the shelling stopped at dawn.",
    "Editor's Note: This article was updated to correct the name of the bridge.",
    "Lena Osei: 1,769.",
    "Online: https://example.org/ostria",
])
def test_datelines_labels_and_tallies_are_not_speakers(nlp, line):
    assert _speakers(nlp, line) == []


def test_vox_pop_dash_line_keeps_its_speaker(nlp):
    assert _speakers(nlp, "Maria Lopez \u2015 I voted for the truce because my son is in Vorna.") == [
        ("Maria Lopez", "I voted for the truce because my son is in Vorna")]


def test_quote_hung_under_the_speaker_stays_out_of_the_source(analyze_text):
    report = analyze_text("\u201cWe will never leave the highlands,\u201d Ilan Varo, 58, "
                          "told reporters in Dalmar on Monday.")
    (claim,) = [c for c in report.claims if c.mode != "outlet"]
    assert claim.source is not None and claim.source.text.startswith("Ilan Varo")
    assert "highlands" not in claim.source.text


def _parsed(words, heads, deps, pos):
    from spacy.tokens import Doc
    from spacy.vocab import Vocab

    return Doc(Vocab(), words=words, heads=heads, deps=deps, pos=pos)


def test_speaker_between_quote_and_a_tag_hung_on_the_quote_verb():
    from counterclaim.analyze.attribution_quotes import _tag_subject

    # '"We stay," Varo, 49, told reporters.' with "told" parsed as a conjunct of "stay" and
    # "Varo" as a loose dependent of it: the subject of "stay" is not the speaker.
    words = ["\u201c", "We", "stay", ",", "\u201d", "Varo", ",", "49", ",", "told", "reporters", "."]
    heads = [2, 2, 2, 2, 2, 2, 5, 5, 5, 2, 9, 2]
    deps = ["punct", "nsubj", "ROOT", "punct", "punct", "dep", "punct", "appos", "punct", "conj",
            "dobj", "punct"]
    pos = ["PUNCT", "PRON", "VERB", "PUNCT", "PUNCT", "PROPN", "PUNCT", "NUM", "PUNCT", "VERB",
           "NOUN", "PUNCT"]
    doc = _parsed(words, heads, deps, pos)
    quote = (doc[1].idx, doc[3].idx + 1)
    assert _tag_subject(doc[9], (quote,)).text == "Varo"


def test_tag_with_its_own_subject_keeps_it():
    from counterclaim.analyze.attribution_quotes import _tag_subject

    words = ["\u201c", "We", "stay", ",", "\u201d", "Varo", "told", "reporters", "."]
    heads = [6, 2, 6, 2, 6, 6, 6, 6, 6]
    deps = ["punct", "nsubj", "ccomp", "punct", "punct", "nsubj", "ROOT", "dobj", "punct"]
    pos = ["PUNCT", "PRON", "VERB", "PUNCT", "PUNCT", "PROPN", "VERB", "NOUN", "PUNCT"]
    doc = _parsed(words, heads, deps, pos)
    assert _tag_subject(doc[6], ((doc[1].idx, doc[3].idx + 1),)).text == "Varo"


def _conjunct_tag(cc_before_verb: bool):
    # "The bridge is closed, but the road is open, said Osei." with "said" a conjunct of
    # "closed"; with cc_before_verb, "..., and said Osei" (a real second predicate).
    words = ["The", "bridge", "is", "closed", ",", "but", "the", "road", "is", "open", ","]
    words += (["and"] if cc_before_verb else []) + ["said", "Osei", "."]
    said = len(words) - 3
    heads = [1, 3, 3, 3, 3, 3, 7, 8, 3, 8, 3] + ([3] if cc_before_verb else []) + [3, said, 3]
    deps = ["det", "nsubjpass", "auxpass", "ROOT", "punct", "cc", "det", "nsubj", "conj", "acomp",
            "punct"] + (["cc"] if cc_before_verb else []) + ["conj", "nsubj", "punct"]
    return _parsed(words, heads, deps, ["X"] * len(words))[said]


def test_comma_tag_read_as_a_conjunct_is_inverted_but_a_coordinated_verb_is_not():
    from counterclaim.analyze.attribution_verbs import _inverted_conjunct

    assert _inverted_conjunct(_conjunct_tag(cc_before_verb=False))
    assert not _inverted_conjunct(_conjunct_tag(cc_before_verb=True))


def test_of_two_subjects_the_one_outside_the_quote_speaks():
    from counterclaim.analyze.attribution_verbs import _unquoted_subject
    from counterclaim.analyze.quotes import Quote

    # '"My men held," Varo said.' with both "men" and "Varo" parsed as subjects of "said".
    words = ["\u201c", "My", "men", "held", ",", "\u201d", "Varo", "said", "."]
    heads = [7, 2, 7, 2, 7, 7, 7, 7, 7]
    deps = ["punct", "poss", "nsubj", "relcl", "punct", "punct", "nsubj", "ROOT", "punct"]
    doc = _parsed(words, heads, deps, ["X"] * len(words))
    quote = Quote(doc[1].idx, doc[4].idx + 1, 3)
    assert _unquoted_subject(doc[7], doc[2], [quote]).text == "Varo"
    assert _unquoted_subject(doc[7], doc[6], [quote]).text == "Varo"
