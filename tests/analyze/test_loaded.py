"""Loaded language, hashtags and @handles (issue 4)."""

from __future__ import annotations

import pytest

from counterclaim.analyze.loaded import LEXICON, find_handles, hashtags


def terms(report, words):
    claim = next(c for c in report.claims if words in c.text)
    return {(t.text, t.category, t.voice) for t in claim.loaded_terms}


@pytest.mark.parametrize(("text", "category"), [
    ("the terrorists", "label"), ("a puppet regime", "label"), ("these thugs", "label"),
    ("a massacre", "atrocity"), ("ethnic  cleansing", "atrocity"), ("genocide", "atrocity"),
    ("were annihilated", "exaggeration"), ("wiped out", "exaggeration"),
])
def test_lexicon_categories(text, category):
    hits = [name for name, pattern in LEXICON.items() if pattern.search(text)]
    assert hits == [category]


def test_lexicon_does_not_match_inside_words():
    assert not any(p.search("the regimental band and a thuggery trial") for p in LEXICON.values())


def test_label_in_a_quote_is_the_speakers(analyze_text):
    report = analyze_text('"The terrorists will be crushed," Defence Minister Petra Halvorsen said.')
    assert ("terrorists", "label", "speaker") in terms(report, "will be crushed")


def test_label_in_the_outlets_own_sentence_is_the_outlets(analyze_text):
    report = analyze_text("Government thugs attacked peaceful marchers in central Sarn on Saturday.")
    assert terms(report, "attacked peaceful marchers") == {("thugs", "label", "outlet")}


def test_atrocity_term_in_indirect_speech_is_the_speakers(analyze_text):
    report = analyze_text("The FHF said the shelling of the Kessen market was a massacre.")
    assert ("massacre", "atrocity", "speaker") in terms(report, "massacre")


def test_label_in_the_source_phrase_is_the_outlets(analyze_text):
    report = analyze_text("A spokesman for the terrorists said the ceasefire had ended.")
    assert ("terrorists", "label", "outlet") in terms(report, "ceasefire had ended")


def test_capitals_and_exclamations_are_emphasis_but_acronyms_are_not(analyze_text):
    report = analyze_text('"This is a LIE and the FHF will NEVER surrender!!!" the NATO envoy '
                          'quoted the rebel leader as saying.')
    found = {t.text for c in report.claims for t in c.loaded_terms if t.category == "emphasis"}
    assert {"LIE", "NEVER", "!!!"} <= found
    assert not found & {"FHF", "NATO"}


def test_hashtags_go_to_the_article_and_handles_to_the_claim(analyze_text):
    report = analyze_text('"Kessen is free! #FreeHighlands #Kessen" the FHF wrote on its '
                          "@FHFMedia account on Friday.")
    assert report.article.hashtags == ["#FreeHighlands", "#Kessen"]
    claim = next(c for c in report.claims if "Kessen is free" in c.text)
    assert claim.handles == ["#FreeHighlands", "#Kessen", "@FHFMedia"]


@pytest.mark.parametrize(("text", "found"), [
    ("write to press@ostria.gov or #1 fan", []),
    ("see @OstrianArmy and #Dalmar2026, #Dalmar2026 again", ["@OstrianArmy", "#Dalmar2026",
                                                            "#Dalmar2026"]),
    ("a C# programmer", []),
])
def test_find_handles(text, found):
    assert [h for _, _, h in find_handles(text)] == found


def test_hashtags_are_listed_once_in_order():
    assert hashtags("#b then #a then #b") == ["#b", "#a"]


def test_lexicon_is_tried_where_its_words_start():
    from counterclaim.analyze.loaded import _finditer, _lexicon_starts

    text = ("The anti-regime TERRORISTS and regime's thugs massacred villagers in Dalmar; war-crimes "
            "courts call it ethnic\ncleansing, a bloodbath, an unprecedented, utterly humiliating "
            "total victory for the junta's paid  provocateurs. ſlaughter, the regimental band.")
    for category, pattern, starts in _lexicon_starts(text):
        expected = [m.span() for m in pattern.finditer(text)]
        assert [m.span() for m in _finditer(pattern, text, starts)] == expected, category
        assert expected, category  # each category has a term in the text


def test_known_words_may_be_any_iterable(nlp):
    from counterclaim.analyze.loaded import find_loaded_terms

    doc = nlp("Officials in Vorna said the convoy was ATTACKED near NATO lines.")
    words = ["attacked", "said"]
    as_list = find_loaded_terms(doc, words)
    assert as_list == find_loaded_terms(doc, frozenset(words)) == find_loaded_terms(doc, set(words))
    assert [m.text for m in as_list] == ["ATTACKED"]
