"""Relations between claims (issue 4): denials found by reference, contradictions, support."""

from __future__ import annotations

import pytest

from counterclaim.analyze.relations_targets import owner_matches as _owner_matches
from counterclaim.analyze.relations_words import overlap


def claim_with(report, words):
    matches = [c for c in report.claims if words in c.text]
    assert matches, f"no claim contains {words!r}: {[c.text for c in report.claims]}"
    return matches[0]


def relation(report, type_, source_words, target_words):
    """The relation of that type from a claim of the source's sentence to the target claim."""
    target = claim_with(report, target_words).id
    by_id = {c.id: c for c in report.claims}
    return next((r for r in report.relations if r.type == type_ and r.to == target
                 and source_words in report.article.text[
                     by_id[r.from_].span[0] - 200:by_id[r.from_].span[1] + 1]), None)


def test_denial_found_by_reference_paragraphs_later_not_by_adjacency(analyze_text):
    report = analyze_text(
        "KESSEN, Ostria, May 2 (Meridian Wire) - The army said on Monday that its engineers had "
        "rebuilt the Kessen grain bridge.\n\n"
        "Residents said the market had reopened. A teacher said schools would stay shut.\n\n"
        "Aid workers said fuel was running low.\n\n"
        "The FHF rejected the army's account of the bridge, saying the span was still broken.")
    found = relation(report, "denies", "rejected", "rebuilt the Kessen grain bridge")
    assert found is not None, report.relations
    assert "reject" in found.evidence
    fuel = claim_with(report, "fuel was running low").id
    assert not any(r.type == "denies" and r.to == fuel for r in report.relations)


def test_denial_of_a_denial_points_at_the_denial(analyze_text):
    report = analyze_text(
        "The rebels said army drones had struck a wedding in Telmo. The army denied that its "
        "drones had flown over Telmo. The rebels dismissed the army's denial as a lie.")
    first = relation(report, "denies", "army denied", "struck a wedding")
    second = relation(report, "denies", "dismissed", "drones had flown over Telmo")
    assert first is not None and second is not None, report.relations


@pytest.mark.parametrize("denial", [
    "The FHF erred in denying that its fighters had shelled the market.",
    "The FHF went on to deny that its fighters had shelled the market.",
    "The FHF issued a statement denying that its fighters had shelled the market.",
])
def test_a_denial_whose_cue_reaches_back_to_its_host_verb_still_denies(analyze_text, denial):
    report = analyze_text(
        f"The army said on Monday that rebels had shelled the market in Dalmar. {denial}")
    found = claim_with(report, "its fighters had shelled")
    cue = denial[denial.index("FHF") + 4:denial.index(" that")]
    assert found.cue.text == cue and found.cue.lemma == "deny"
    assert relation(report, "denies", cue, "rebels had shelled") is not None


def test_confirmation_supports_the_earlier_claim(analyze_text):
    report = analyze_text(
        "Student leaders said 40 protesters had been detained in Sarn. The public defender "
        "confirmed that at least 40 people were being held at the police station.")
    assert relation(report, "supports", "confirmed", "40 protesters had been detained")


def test_differing_death_tolls_contradict(analyze_text):
    report = analyze_text(
        "The health ministry said 23 civilians were killed in the blast. The rebels said "
        "41 people died in the attack.")
    kinds = {(r.type, r.evidence.split()[0]) for r in report.relations}
    assert ("contradicts", "death") in kinds


def test_captured_and_still_held_contradict(analyze_text):
    report = analyze_text(
        '"Vorna has been fully captured," the army spokesman said. "Our fighters still hold '
        'every street of Vorna," the rebel commander said.')
    assert [r.type for r in report.relations] == ["contradicts"]


def test_a_hypothetical_does_not_contradict(analyze_text):
    report = analyze_text(
        "The general said that taking Vorna would end the war. The rebels said their fighters "
        "hold every street of Vorna.")
    assert report.relations == []


def test_withholding_is_not_a_denial(analyze_text):
    report = analyze_text(
        "Two detainees said guards had beaten prisoners. The guards allegedly denied the men "
        "food for three days.")
    assert not any(r.type == "denies" for r in report.relations)


def test_same_party_does_not_deny_itself(analyze_text):
    report = analyze_text(
        "The army said its troops had entered Kessen. The army later rejected reports that "
        "its troops had left the city.")
    entered = claim_with(report, "troops had entered Kessen").id
    assert not any(r.to == entered for r in report.relations)


def test_overlap_and_owner_matching():
    assert overlap({"bridge": 1.0, "kessen": 2.0}, {"kessen": 2.0, "army": 1.0}) == 2.0
    assert _owner_matches(frozenset({"ostrian"}), frozenset({"ostria", "ministry"}))
    assert not _owner_matches(frozenset({"colonel"}), frozenset({"commander", "lukas"}))


def test_modal_scope_matches_walking_each_tokens_ancestors(nlp):
    from counterclaim.analyze.relations_words import modal_scope

    doc = nlp("Taking Dalmar would break the insurgency, the army said, but the FHF can hold "
              "the ridges. Officials in Kessen might say the rebels will retreat. Nobody moved.")

    def under_modal(token):
        return any(c.tag_ == "MD" and c.lower_ != "can"
                   for ancestor in [token, *token.ancestors] for c in ancestor.children)

    scope = modal_scope(doc)
    assert scope == [under_modal(t) for t in doc]
    assert any(scope) and not all(scope)
