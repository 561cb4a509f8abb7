"""Two claims joined by "and" that the parse runs together ("... holds Kessen and the army
says ...", "Kessen and the army" read as one subject)."""

from __future__ import annotations


def test_second_speakers_claim_is_not_swallowed_by_the_first(analyze_text):
    report = analyze_text("The FHF says it still holds Kessen and the army says it has captured the town.")
    claims = sorted(((c.source.text if c.source else None, c.text) for c in report.claims if c.mode != "outlet"))
    assert claims == [("The FHF", "it still holds Kessen"), ("the army", "it has captured the town")]


def test_second_speaker_read_as_part_of_the_first_claims_object_gets_its_claim(analyze_text):
    # The parse reads "the bridge and the FHF" as one object and leaves the second "says" without a subject.
    report = analyze_text("The army says it destroyed the bridge and the FHF says it was never there.")
    claims = sorted(((c.source.text if c.source else None, c.text) for c in report.claims if c.mode != "outlet"))
    assert claims == [("The army", "it destroyed the bridge"), ("the FHF", "it was never there")]


def test_coordinated_claim_the_judge_dropped_as_nested_comes_back(analyze_text):
    report = analyze_text("The FHF says it still controls Dalmar and Vorna and the army says it has captured both towns.")
    claims = sorted(((c.source.text if c.source else None, c.text) for c in report.claims if c.mode != "outlet"))
    assert claims == [("The FHF", "it still controls Dalmar and Vorna"), ("the army", "it has captured both towns")]


def _parsed(words, heads, deps, pos):
    import spacy
    from spacy.tokens import Doc

    return Doc(spacy.blank("en").vocab, words=words, heads=heads, deps=deps, pos=pos, lemmas=[{"says": "say", "holds": "hold"}.get(w, w.lower()) for w in words])


def test_a_coordinated_subject_after_a_verb_of_saying_stays_one_subject():
    from counterclaim.analyze.attribution_coordinated_claims import _object_and_subject

    # "Osei says Sadeq and the army say it is open": a report inside a report, its subject whole.
    doc = _parsed(["Osei", "says", "Sadeq", "and", "the", "army", "say", "it", "is", "open"],
                  [1, 1, 6, 2, 5, 2, 1, 8, 6, 8],
                  ["nsubj", "ROOT", "nsubj", "cc", "det", "conj", "ccomp", "nsubj", "ccomp", "acomp"],
                  ["PROPN", "VERB", "PROPN", "CCONJ", "DET", "NOUN", "VERB", "PRON", "AUX", "ADJ"])
    assert _object_and_subject(doc[6], set()) is None
    holds = _parsed(["Osei", "holds", "Sadeq", "and", "the", "army", "say", "it", "is", "open"],
                    [1, 1, 6, 2, 5, 2, 1, 8, 6, 8],
                    ["nsubj", "ROOT", "nsubj", "cc", "det", "conj", "ccomp", "nsubj", "ccomp", "acomp"],
                    ["PROPN", "VERB", "PROPN", "CCONJ", "DET", "NOUN", "VERB", "PRON", "AUX", "ADJ"])
    last_object_word, subject = _object_and_subject(holds[6], set())
    assert (last_object_word, subject.text) == (2, "army")


def test_boundary_model_does_not_run_the_first_claim_over_the_split(analyze_text):
    # The split ends the FHF's content at "Kessen"; the learned end must not take it back over
    # "and the army says ..." (it did for this wording, counting the army's claim twice).
    report = analyze_text("The FHF says it still holds Kessen and the army says the town has fallen.")
    claims = sorted(((c.source.text if c.source else None, c.text) for c in report.claims if c.mode != "outlet"))
    assert claims == [("The FHF", "it still holds Kessen"), ("the army", "the town has fallen")]
