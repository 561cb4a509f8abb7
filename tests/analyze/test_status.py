"""Claim status, hedges and negation (issue 4): the pure classifier, then whole sentences."""

from __future__ import annotations

import pytest

from counterclaim.analyze.status import STATUS_ORDER, classify, find_hedges, is_negated


def outlet(text: str):
    return classify(text=text, context="", mode="outlet", source_kind="outlet", cue_lemma=None)


@pytest.mark.parametrize(("text", "status"), [
    ("Shelling resumed in the northern suburbs on Sunday.", "asserted"),
    ("The bridge was apparently destroyed overnight.", "hedged"),
    ("The fire may have spread to a warehouse.", "hedged"),
    ("The commander was reportedly wounded near Vorna.", "reported"),
    ("There were reports of gunfire near the palace.", "reported"),
    ("Soldiers allegedly looted shops in Harn.", "alleged"),
    ("The two detainees accused the guards of beating them.", "alleged"),
    ("A video purportedly shows fighters raising a flag.", "purported"),
    ("Images circulating on social media show a burning truck.", "purported"),
])
def test_outlet_voice_status(text, status):
    assert outlet(text).status == status


def test_strongest_status_wins_and_all_hedges_are_kept():
    result = outlet("Soldiers reportedly and allegedly burned the depot, which apparently exploded.")
    assert result.status == "alleged"
    assert result.hedges == ["reportedly", "allegedly", "apparently"]
    assert STATUS_ORDER.index("alleged") < STATUS_ORDER.index("reported")


def test_hedge_inside_a_direct_quote_belongs_to_the_speaker():
    text = "They may have lost forty men."
    result = classify(text=text, context=" the commander said ", mode="direct",
                      source_kind="named", cue_lemma="say", quoted=[(0, len(text))])
    assert result.status == "attributed"
    assert result.hedges == ["may have"]


def test_outlet_sentence_wholly_in_quote_marks_is_not_the_outlets_assertion(analyze_text):
    # a quote with no tag after a speaker's indirect claim: no speaker is found for it, but its
    # words are somebody's, not the outlet's
    report = analyze_text("Capt Lena Osei said the announcement was meant for Ostgrad. \u201cThey "
                          "need a victory before the minister speaks.\u201d The army has not commented.")
    statuses = {c.text: c.status for c in report.claims if c.mode == "outlet"}
    assert statuses == {"They need a victory before the minister speaks": "attributed",
                        "The army has not commented": "asserted"}


def test_reportedly_inside_a_quote_does_not_make_the_claim_reported():
    text = "Our men were reportedly pushed off the deck"
    result = classify(text=text, context=" the owner said ", mode="direct",
                      source_kind="named", cue_lemma="say", quoted=[(0, len(text))])
    assert (result.status, result.hedges) == ("attributed", ["reportedly"])


def test_anonymous_source_makes_an_attributed_claim_reported():
    result = classify(text="troops crossed the border", context=" sources said ", mode="indirect",
                      source_kind="anonymous", cue_lemma="say")
    assert result.status == "reported"


@pytest.mark.parametrize(("text", "cue", "negated"), [
    ("the government will not accept a ceasefire", "say", True),
    ("No tear gas was used", "say", True),
    ("his movement had never asked for talks", "say", True),
    ("its troops had entered Lors", "deny", True),  # X denied that ... = X says not ...
    ("it had not fired on the boat", "deny", False),
    ("the convoy reached Vorna", "say", False),
    ("not only the army but also the police were there", "say", False),
])
def test_negation(text, cue, negated):
    assert is_negated(text, cue) is negated


def test_find_hedges_lists_each_hedge_once_in_order():
    assert find_hedges("It appears the army probably left", "it appears") == ["it appears", "probably"]


# --- whole sentences through the pipeline -------------------------------------------------


def status_of(report, words):
    claim = next(c for c in report.claims if words in c.text)
    return claim


@pytest.mark.parametrize(("text", "words", "status"), [
    ("The FHF is believed to have moved its guns to the ridges above Kessen.",
     "moved its guns", "hedged"),
    ("A senior officer, speaking on condition of anonymity, said the commander had been "
     "dismissed.", "commander had been dismissed", "reported"),
    ("A clip claiming to show soldiers burning a house in Vorna spread on Telegram.",
     "soldiers burning a house", "purported"),
    ("The document, shared online by activists, could not be independently verified.",
     "could not be independently verified", "asserted"),
    ("The interior ministry rejected the accusation on Monday.", "accusation", "attributed"),
    ("Neither the army nor the rebels have answered the request.", "answered the request",
     "asserted"),
    ("Police declined to comment on the arrests.", "comment", "asserted"),
])
def test_sentence_status(analyze_text, text, words, status):
    assert status_of(analyze_text(text), words).status == status


def test_reportedly_in_another_clause_does_not_touch_the_cued_claim(analyze_text):
    report = analyze_text("Rebels reportedly blew up the bridge at dawn, but the army said "
                          "engineers had closed it for repairs.")
    claim = status_of(report, "engineers had closed it")
    assert claim.status == "attributed"
    assert "reportedly" not in claim.hedges


def test_passive_belief_keeps_its_hedge(analyze_text):
    claim = status_of(analyze_text("The commander is thought to have fled to Valdoria."),
                      "fled to Valdoria")
    assert claim.status == "hedged"
    assert any(h.startswith("is thought") for h in claim.hedges)


def test_marker_prefilter_finds_every_match_the_patterns_find():
    """The literal prefilter only skips texts that cannot match: same matches in any case,
    in typographic quotes and dashes, and with the characters re.I folds to ASCII letters
    where lower() does not (those texts always go to the regex)."""
    from counterclaim.analyze import status

    texts = ["Officials ALLEGEDLY hid the toll.", "He was Accused of Lying About Vorna.",
             "Footage Claiming To Show the raid", "It Could Not Be Independently Verified.",
             "there had been unconfirmed reports of shelling", "The FHF is widely Rumoured to",
             "speaking on condition of anonymity", "not authorised to talk to the press",
             "The depot was Apparently hit and May Have burned.",
             "The ſhelling reportedly ſtopped.",  # long s: only the regex knows it folds to s
             "The FHF is SAİD TO hold Lors.", "It was reportedly ıntact, a ſource ſaid to us",
             "\u201cWe held,\u201d said Osei \u2014 REPORTEDLY, speaking on condition of anonymity.",
             "Asked not to be Named \u2014 \u201cfootage circulating online\u201d", "told reporters \u2014 no report",
             "Nothing here names a source.", ""]
    for text in texts:
        for pattern in status._LITERALS:
            expected = pattern.search(text)
            found = status._search(pattern, text)
            assert (found and found.span()) == (expected and expected.span()), (pattern, text)


def test_prefilter_knows_every_character_the_patterns_fold_to_ascii():
    """Every code point that re.I matches to an ASCII letter either lower-cases to that letter
    (the prefilter sees it) or is one the prefilter sends straight to the regex; a future
    Unicode version that adds a fold would fail here rather than lose a marker."""
    import re
    import sys

    from counterclaim.analyze import status

    letter = re.compile("[a-z]", re.I)
    folds = {chr(code) for code in range(sys.maxunicode + 1)
             if not 0xD800 <= code <= 0xDFFF and letter.fullmatch(chr(code))
             and not (len(chr(code).lower()) == 1 and chr(code).lower().isascii())}
    assert folds, "re.I folds some non-ASCII letters onto ASCII ones"
    assert all(status._FOLDS_TO_ASCII.search(c) for c in folds), sorted(folds)
