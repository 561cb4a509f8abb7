"""Speakers the small parser mislabels: each sentence is one whose parse hides the speaker
(checked against the shipped model), so the test fails if the mend goes."""

from __future__ import annotations

import pytest


def _claims_with_cue(report, word):
    return [c for c in report.claims if c.mode != "outlet" and c.cue and word in c.cue.text]


@pytest.mark.parametrize("text,cue,speaker", [
    # "'s" read as a passive auxiliary: the perfect "she has said".
    ('She\'s said the same thing at every rally in Dalmar: "We stay."', "said", "She"),
    # A cue verb tagged as a noun, the name a compound of it.
    ("Sadeq talks about a lasting truce in Vorna.", "talks", "Sadeq"),
    # An attitude adjective set off after its clause: the clause's subject holds the view.
    ("The FHF held Vorna for a week, confident that the army would not return.", "confident", "The FHF"),
    # An attitude adjective after its noun ("worried" tagged as a participle).
    ("Officials were not the only ones worried about the convoy reaching Kessen.", "worried", "the only ones"),
    # A participle cue going on from a passive clause: the passive's subject acts.
    ("A lawsuit was filed last week challenging the curfew in Dalmar and alleging that the army "
     "had detained 40 people.", "alleging", "A lawsuit"),
])
def test_mislabelled_speaker_is_the_source(analyze_text, text, cue, speaker):
    claims = _claims_with_cue(analyze_text(text), cue)
    assert claims and claims[0].source.text is not None
    assert claims[0].source.text.startswith(speaker)


def test_a_true_passive_of_saying_names_no_speaker(analyze_text):
    for claim in _claims_with_cue(analyze_text("He's said to be hiding in Vorna."), "said"):
        assert claim.source.text is None


def test_inverted_tag_speaker_parsed_as_object():
    """'"Meh," wrote a soldier': the parse the small model gives some such tags, with the
    quote's word as the subject and the speaker as the object."""
    import spacy
    from spacy.tokens import Doc

    from counterclaim.analyze.attribution_misparsed_speakers import _inverted_object_speaker

    words = ['"', "Meh", ",", '"', "wrote", "a", "soldier", "in", "Kessen", "."]
    heads = [4, 4, 4, 4, 4, 6, 4, 6, 7, 4]
    deps = ["punct", "nsubj", "punct", "punct", "ROOT", "det", "dobj", "prep", "pobj", "punct"]
    pos = ["PUNCT", "PROPN", "PUNCT", "PUNCT", "VERB", "DET", "NOUN", "ADP", "PROPN", "PUNCT"]
    lemmas = ['"', "Meh", ",", '"', "write", "a", "soldier", "in", "Kessen", "."]
    doc = Doc(spacy.blank("en").vocab, words=words, heads=heads, deps=deps, pos=pos, lemmas=lemmas)
    speaker = _inverted_object_speaker(doc[4])
    assert speaker is not None and speaker.text == "soldier"
    thanked = Doc(doc.vocab, words=words, heads=heads, deps=deps, pos=pos,
                  lemmas=lemmas[:4] + ["thank"] + lemmas[5:])
    assert _inverted_object_speaker(thanked[4]) is None  # '"Scandal," thanked Obama': a title


def test_a_passive_justified_by_an_argument_is_not_its_subjects(analyze_text):
    report = analyze_text("The curfew in Dalmar is often justified by arguing that the FHF hides among civilians.")
    for claim in _claims_with_cue(report, "arguing"):
        assert claim.source.text is None or "curfew" not in claim.source.text


@pytest.mark.parametrize("text,cue,speaker", [
    ("Sadeq, asked whether the FHF would withdraw, said his fighters would stay.", "said", "Sadeq"),
    ("Capt Lena Osei, asked about the curfew, told reporters it would end on Friday.", "told", "Capt Lena Osei"),
    ("The spokesman, asked about the convoy, said it had reached Kessen.", "said", "The spokesman"),
])
def test_speaker_interrupted_by_what_they_were_asked(analyze_text, text, cue, speaker):
    report = analyze_text(text)
    (claim,) = _claims_with_cue(report, cue)
    assert claim.source.text == speaker
    for asked in _claims_with_cue(report, "asked"):
        assert asked.source.text is None


def _parsed(words, heads, deps, pos, lemmas=None):
    import spacy
    from spacy.tokens import Doc

    return Doc(spacy.blank("en").vocab, words=words, heads=heads, deps=deps, pos=pos, lemmas=lemmas or words)


def test_an_object_read_as_inverted_subject_gives_way_to_the_clause_subject():
    """"He will try to galvanize voters and paint her as a liar": with no subject for
    "galvanize", the rules read "voters" as an inverted one; the parse the small model gives
    such sentences is built by hand here."""
    from counterclaim.analyze.attribution_misparsed_speakers import _without_object_for_subject
    from counterclaim.analyze.attribution_types import Attribution

    words = "He will try to galvanize voters and paint her as a liar .".split()
    heads = [2, 2, 2, 4, 2, 4, 4, 4, 7, 7, 11, 9, 2]
    deps = ["nsubj", "aux", "ROOT", "aux", "xcomp", "dobj", "cc", "conj", "dobj", "prep", "det", "pobj", "punct"]
    pos = ["PRON", "AUX", "VERB", "PART", "VERB", "NOUN", "CCONJ", "VERB", "PRON", "ADP", "DET", "NOUN", "PUNCT"]
    doc = _parsed(words, heads, deps, pos)
    voters, paint, her = doc[5], doc[7], doc[8]
    claim = Attribution(content=(her.idx, len(doc.text) - 2), parts=(), cue=(paint.idx, paint.idx + 5),
                        cue_lemma="paint", cue_token=7, source=(voters.idx, voters.idx + 6), source_token=5,
                        mode="indirect", sentence=(0, len(doc.text)))
    mended = _without_object_for_subject(doc, claim)
    assert mended.source_token == 0 and doc.text[mended.source[0]:mended.source[1]] == "He"
