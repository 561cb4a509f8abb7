"""Attribution rules from the session-10 precision analysis of PolNeAR train (kept claims
that match no annotation, grouped by rule and syntactic context), each on an invented
sentence; parse-dependent cases are also written out as hand-built parses."""

from __future__ import annotations


def _attributed(report):
    return [c for c in report.claims if c.mode != "outlet"]


def _parsed(words, heads, deps, pos, tags):
    from spacy.tokens import Doc
    from spacy.vocab import Vocab

    return Doc(Vocab(), words=words, heads=heads, deps=deps, pos=pos, tags=tags)


def _attribution(doc, content, cue_token, source=None):
    from counterclaim.analyze.attribution_types import Attribution

    cue = doc[cue_token]
    return Attribution(content=content, parts=(), cue=(cue.idx, cue.idx + len(cue.text)), cue_lemma=cue.text,
                       cue_token=cue_token, source=source, source_token=None, mode="indirect",
                       sentence=(0, len(doc.text)))


def test_a_content_holding_its_own_cue_is_no_claim(analyze_text):
    # The parse takes the clause "what Osei is talking about" as the object of "about": source
    # and cue sit inside their own content. Cut to its question word, the claim said "what".
    for text in ("Look, what Osei is talking about now is mainstream in Vorna.",
                 "That is not what Osei is talking about.",
                 "It is not clear what the army is referring to.",
                 "Capt Lena Osei, whom Karim Sadeq referred to in his speech, was not in Vorna."):
        assert _attributed(analyze_text(text)) == [], text


def test_a_content_of_a_lone_relative_word_is_dropped():
    from counterclaim.analyze.attribution_misreads import without_own_cues

    # "The army 's claim , which the FHF denies , is false ." with "which" as what is denied.
    words = ["The", "army", "'s", "claim", ",", "which", "the", "FHF", "denies", ",", "is", "false", "."]
    doc = _parsed(words, heads=[1, 3, 1, 10, 3, 8, 7, 8, 3, 3, 10, 10, 10],
                  deps=["det", "poss", "case", "nsubj", "punct", "dobj", "det", "nsubj", "relcl", "punct", "ROOT",
                        "acomp", "punct"],
                  pos=["DET", "NOUN", "PART", "NOUN", "PUNCT", "PRON", "DET", "PROPN", "VERB", "PUNCT", "AUX", "ADJ",
                       "PUNCT"],
                  tags=["DT", "NN", "POS", "NN", ",", "WDT", "DT", "NNP", "VBZ", ",", "VBZ", "JJ", "."])
    which = doc[5]
    lone = _attribution(doc, (which.idx, which.idx + len(which.text)), 8)
    assert without_own_cues(doc, [lone]) == []


def test_a_content_holding_its_cue_without_a_relative_word_is_dropped():
    from counterclaim.analyze.attribution_misreads import without_own_cues

    # "Sadeq previously reported the FHF left ." with a content that runs back over the cue.
    words = ["Sadeq", "previously", "reported", "the", "FHF", "left", "."]
    doc = _parsed(words, heads=[2, 2, 2, 4, 5, 2, 2], deps=["nsubj", "advmod", "ROOT", "det", "nsubj", "ccomp", "punct"],
                  pos=["PROPN", "ADV", "VERB", "DET", "PROPN", "VERB", "PUNCT"],
                  tags=["NNP", "RB", "VBD", "DT", "NNP", "VBD", "."])
    reported = doc[2]
    own = _attribution(doc, (0, reported.idx + len(reported.text)), 2)
    kept = _attribution(doc, (doc[3].idx, doc[5].idx + len(doc[5].text)), 2)
    assert without_own_cues(doc, [own, kept]) == [kept]


def test_an_imperative_opening_its_sentence_is_the_outlet_s_own(analyze_text):
    report = analyze_text("Call it a victory for the Free Highlands Front. But consider the turnout in Vorna this year.")
    assert _attributed(report) == []


def test_a_claim_taking_in_the_writer_s_imperative_is_no_claim(analyze_text):
    # Dropping the imperative let through the clause nested in it, with "Consider what" as the
    # first piece of its content; and with it the claim of "what" alone.
    for text in ("Consider what Sadeq said: the FHF is finished.",
                 "Consider what Osei said on Monday: the army will not retreat.",
                 "Imagine what the FHF says when nobody listens."):
        assert _attributed(analyze_text(text)) == [], text


def test_an_aside_cue_in_an_imperative_keeps_its_claim(analyze_text):
    (claim,) = _attributed(analyze_text("Take action before the election, they said, and you risk being seen as partisan."))
    assert claim.source.text == "they" and claim.text.startswith("Take action")


def test_a_quoted_imperative_keeps_its_speaker(analyze_text):
    (claim,) = _attributed(analyze_text('"Follow us," Osei said, and the boys trailed behind.'))
    assert claim.source.text == "Osei" and claim.text.startswith("Follow us")


def test_a_speech_verb_with_its_subject_is_no_imperative(analyze_text):
    (claim,) = _attributed(analyze_text("Osei said the Free Highlands Front would hold Kessen."))
    assert claim.source.text == "Osei"


def test_an_imperative_after_a_conjunction_on_a_hand_built_parse():
    from counterclaim.analyze.attribution_misreads import is_imperative

    # "Or support Osei ." and "They support Osei ."
    doc = _parsed(["Or", "support", "Osei", "."], heads=[1, 1, 1, 1], deps=["cc", "ROOT", "dobj", "punct"],
                  pos=["CCONJ", "VERB", "PROPN", "PUNCT"], tags=["CC", "VB", "NNP", "."])
    assert is_imperative(doc, _attribution(doc, (doc[2].idx, doc[2].idx + 4), 1))
    doc = _parsed(["They", "support", "Osei", "."], heads=[1, 1, 1, 1], deps=["nsubj", "ROOT", "dobj", "punct"],
                  pos=["PRON", "VERB", "PROPN", "PUNCT"], tags=["PRP", "VBP", "NNP", "."])
    assert not is_imperative(doc, _attribution(doc, (doc[2].idx, doc[2].idx + 4), 1))


def test_bylines_and_kickers_are_no_speakers(analyze_text):
    report = analyze_text("BYLINE: Karim Sadeq\n\nRemember: the army also ignored the shelling of Dalmar.")
    assert [c.source.text for c in _attributed(report)] == []


def test_a_relative_clause_on_the_speaker_between_quotes_is_no_claim(analyze_text):
    # The gap between the two quotes held "who backs the truce" as a claim of "who", which
    # the judge scores under its bar; the gap rule used to keep it all the same.
    report = analyze_text('"The road to Kessen is open," said Capt Lena Osei, who backs the truce. '
                          '"We will rebuild the bridge."')
    (claim,) = _attributed(report)
    assert claim.mode == "direct" and claim.cue.text == "said"


def test_the_outlet_a_quote_is_credited_to_between_quotes_is_no_content(analyze_text):
    report = analyze_text('"We will hold Kessen," Osei said, according to the Vorna Herald. "The FHF will not pass."')
    assert [c.cue.text for c in _attributed(report)] == ["said"]


def test_a_speech_act_between_quotes_is_still_a_claim(analyze_text):
    report = analyze_text('"The road to Kessen is open," Osei said, adding that the FHF had withdrawn from Dalmar. '
                          '"We will rebuild the bridge."')
    assert sorted(c.cue.text for c in _attributed(report)) == ["adding", "said"]
