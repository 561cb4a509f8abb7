"""Contradictions: pairs of claims by different parties that cannot both hold, though
neither names the other: different casualty figures, opposite states (captured / still hold,
killed / alive) of a shared subject, or one negating what the other asserts.
"""

from __future__ import annotations

from typing import NamedTuple

from .relations_facts import ClaimFacts
from .relations_stances import Stance
from .relations_words import GENERIC, overlap, text_words

# Opposite states of one subject: (one side, the other side).
OPPOSITE_STATES = (
    (frozenset("capture seize take recapture overrun storm fall enter liberate liberation".split()),
     frozenset("hold repel repulse retain".split())),
    (frozenset("kill die dead wound injure hurt execute shoot destroy".split()),
     frozenset("alive safe safely unhurt unharmed health healthy intact".split())),
)
# Shared content weight above which a negated and an affirmed claim are about one thing.
NEGATION_OVERLAP = 1.0
STATE_WORDS = frozenset().union(*(one | other for one, other in OPPOSITE_STATES))
FIRST_PERSON = frozenset({"i", "we", "our", "us", "my", "me"})


class _Contrast(NamedTuple):
    """A claim's facts as the contradiction tests use them, computed once per claim rather
    than once per pair of claims."""

    facts: ClaimFacts
    sentence_start: int
    strong: frozenset[str]  # content lemmas of weight >= 1 that say what the claim is about
    first_person: bool
    state_sides: tuple[tuple[frozenset[str], frozenset[str]], ...]  # per OPPOSITE_STATES row


def _contrast(facts: ClaimFacts) -> _Contrast:
    lemmas = facts.lemmas
    return _Contrast(
        facts, facts.sentence.start,
        frozenset([k for k, weight in lemmas.items() if weight >= 1.0]) - GENERIC,
        bool(facts.states & FIRST_PERSON),
        tuple((facts.states & one, facts.states & other) for one, other in OPPOSITE_STATES))


def find_contradictions(facts: list[ClaimFacts], stances: dict[int, Stance],
                        linked: set[frozenset[int]]):
    """Pairs (earlier, later, evidence) of claims by different parties that cannot both hold."""
    eligible = [_contrast(f) for f in facts if f.claim.mode != "outlet" or f.claim.status in (
        "reported", "alleged", "purported", "hedged")]
    claim_words: dict[int, set[str]] = {}
    # the linked pairs as ordered tuples: a frozenset built per pair of claims cost more
    pairs = {(min(p), max(p)) for p in linked if len(p) == 2}
    for i, ca in enumerate(eligible):
        a = ca.facts
        for cb in eligible[i + 1:]:
            b = cb.facts
            if ca.sentence_start == cb.sentence_start or (a.party is not None and a.party == b.party):
                continue
            if (min(a.index, b.index), max(a.index, b.index)) in pairs:
                continue
            if not (a.tolls and b.tolls) and not (ca.first_person or cb.first_person) \
                    and ca.strong.isdisjoint(b.lemmas):
                continue  # _incompatible's first refusal, without the call: most pairs
            evidence = _incompatible(ca, cb, a.index in stances or b.index in stances, claim_words)
            if evidence:
                yield a.index, b.index, evidence


def _incompatible(ca: _Contrast, cb: _Contrast, either_is_stance: bool,
                  claim_words: dict[int, set[str]]) -> str | None:
    a, b = ca.facts, cb.facts
    if a.tolls and b.tolls:
        for kind in set(a.tolls) & set(b.tolls):
            if not a.tolls[kind] & b.tolls[kind]:
                return (f"{kind} figures {'/'.join(map(str, sorted(a.tolls[kind])))} vs "
                        f"{'/'.join(map(str, sorted(b.tolls[kind])))}")
    shared = ca.strong & b.lemmas.keys()
    if not shared and not (ca.first_person or cb.first_person):
        return None  # nothing in common, and neither speaks of itself
    about_same = bool(shared - STATE_WORDS) or _self_reference(ca, cb, claim_words)
    if about_same:
        for row in range(len(OPPOSITE_STATES)):
            for x, y in ((ca, cb), (cb, ca)):
                if x.state_sides[row][0] and y.state_sides[row][1]:
                    return f"{sorted(x.state_sides[row][0])[0]} vs {sorted(y.state_sides[row][1])[0]}"
    if not either_is_stance and shared and a.claim.negated != b.claim.negated and overlap(
            a.lemmas, b.lemmas) >= NEGATION_OVERLAP:
        return "negated: " + ", ".join(sorted(k for k in a.lemmas if k in b.lemmas))
    return None


def _self_reference(ca: _Contrast, cb: _Contrast, claim_words: dict[int, set[str]]) -> bool:
    """``I am alive`` said by Mensah is about the Mensah named in the other claim."""
    for x, y in ((ca, cb), (cb, ca)):
        if x.first_person:
            words = claim_words.get(y.facts.index)
            if words is None:
                words = claim_words[y.facts.index] = text_words(y.facts.claim.text)
            if x.facts.party_words & words:
                return True
    return False
