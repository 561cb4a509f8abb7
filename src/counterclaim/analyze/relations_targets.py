"""Targets by reference, not adjacency: which claims a denial or backing points at.

Candidates from other parties are scored by the content lemmas they share with the stance's
reference, by the owner it names (``army's`` matches the army spokesperson's claims) and by the
kind it names (a *denial*, *reports*, *allegations*); only when nothing matches does the nearest
earlier claim of another party stand in.
"""

from __future__ import annotations

from .relations_facts import OUTLET, ClaimFacts
from .relations_stances import Stance
from .relations_words import overlap

def resolve_targets(stancer: ClaimFacts, stance: Stance, facts: list[ClaimFacts],
                    stances: dict[int, Stance]) -> list[int]:
    scored = []
    for candidate in facts:
        if not _may_target(stancer, candidate):
            continue
        kind = _kind_matches(stance.kind, candidate, stances)
        lexical = overlap(stance.reference, candidate.lemmas)
        owner = 2.0 if owner_matches(stance.owner_words, candidate.party_words) else 0.0
        if lexical == 0 and owner == 0 and not kind:
            continue
        order = 0.0 if candidate.index < stancer.index else 1.0
        distance = abs(stancer.index - candidate.index)
        scored.append((lexical + owner + 2.0 * kind - order - 0.02 * distance, kind, candidate.index))
    if stance.plural and stance.kind:
        kinds = [index for _, kind, index in scored if kind]
        if kinds:
            return kinds
    if scored:
        return [max(scored)[2]]
    earlier = [c for c in facts[:stancer.index] if _may_target(stancer, c)]
    return [earlier[-1].index] if earlier else []


def _may_target(stancer: ClaimFacts, candidate: ClaimFacts) -> bool:
    if candidate.index == stancer.index or candidate.sentence.start == stancer.sentence.start:
        return False
    if candidate.party == OUTLET and candidate.claim.status == "asserted":
        return False
    return stancer.party is None or candidate.party != stancer.party


def _kind_matches(kind: str | None, candidate: ClaimFacts, stances: dict[int, Stance]) -> bool:
    if kind == "denial":
        stance = stances.get(candidate.index)
        return stance is not None and stance.type == "denies"
    if kind == "report":
        return candidate.claim.status == "reported"
    if kind == "allegation":
        return candidate.claim.status == "alleged"
    return False


def owner_matches(owner: frozenset[str], party: frozenset[str]) -> bool:
    """``army's`` names the army spokesperson; ``Ostrian`` names Ostria's ministry."""
    return any(o == p or (min(len(o), len(p)) >= 5 and o[:6] == p[:6]) for o in owner for p in party)
