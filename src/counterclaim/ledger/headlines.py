"""Headline claims in the ledger: what they mention, and which restate a body claim.

A headline claim (``Claim.field`` "title") has its span in the title, so the entity and place
mentions of the report (spans in the body) cannot say what it names; its anchors are the
report's entities and places whose names occur in its words instead.

A headline usually restates a claim of the same source in the body ("FHF camp: Kessen talks
are a trap" over "The FHF said the talks in Kessen were a trap"). Counted apart, one article
would stand twice on the proposition, so such a headline claim *echoes* its body claim: it
joins the body claim's cluster and adds neither a party there (ingest stores no member row
for it) nor a count at the places it names (no tag rows), while the claim itself is kept,
marked by its field.
"""

from __future__ import annotations

import re
from typing import Callable

from counterclaim.model import Claim, Report

from . import matching
from .text import name_key


def title_anchors(report: Report, claim: Claim, links: dict[str, str]) -> list[str]:
    """Tags ("e:<entity id>", "p:<place key>") of what a headline claim names, in the order
    its words name them."""
    text = claim.text
    found: list[tuple[int, str]] = []
    for entity in report.entities:
        tag = f"p:{name_key(entity.name)}" if entity.type == "place" else f"e:{links[entity.id]}"
        found += [(at, tag) for at in _occurrences(text, [entity.name, *entity.aliases])]
    for place in report.places:
        found += [(at, f"p:{name_key(place.name)}") for at in _occurrences(text, [place.name])]
    return list(dict.fromkeys(tag for _, tag in sorted(found)))


def _occurrences(text: str, names: list[str]) -> list[int]:
    """Where the names occur as words. Case is ignored ("ARMY SAYS ...") except for short
    names and acronyms, which as lower-case words are other words ("US" / "us")."""
    found = []
    for name in (n.strip() for n in names):
        if name:
            flags = 0 if len(name) <= 4 or name.isupper() else re.IGNORECASE
            pattern = rf"(?<!\w){re.escape(name)}(?!\w)"
            found += [m.start() for m in re.finditer(pattern, text, flags)]
    return found


def echoes(claims: list[Claim], facts: dict[str, matching.ClaimFacts],
           party_of: Callable[[Claim], str]) -> dict[str, str]:
    """Headline claim id → the id of the body claim of the same party that it restates (the
    most similar at or above the matching threshold), for the headline claims that do."""
    body = [c for c in claims if c.field != "title"]
    found = {}
    for claim in claims:
        if claim.field != "title" or not matching.is_matchable(claim, facts[claim.id].terms):
            continue
        party = party_of(claim)
        scored = [(matching.similar(facts[claim.id], facts[b.id].signature,
                                    " ".join(facts[b.id].anchors)), b.id)
                  for b in body if party_of(b) == party]
        best = max(scored, default=None)
        if best is not None and best[0] >= matching.THRESHOLD:
            found[claim.id] = best[1]
    return found


def echoes_by_cluster(claims: list[Claim], assigned: dict[str, tuple[str, bool]],
                      known: dict[str, str], party_of: Callable[[Claim], str]) -> dict[str, str]:
    """Headline claims that ended up in a cluster holding a body claim of the same article and
    party without being compared by terms (too short for that: "FHF: talks a trap"): they
    echo that claim too. Another party's headline in the cluster stands on its own."""
    body_in = {}
    for claim in claims:
        if claim.field != "title":
            body_in.setdefault((assigned[claim.id][0], party_of(claim)), claim.id)
    found = {}
    for claim in claims:
        key = (assigned[claim.id][0], party_of(claim))
        if claim.field == "title" and claim.id not in known and key in body_in:
            found[claim.id] = body_in[key]
    return found
