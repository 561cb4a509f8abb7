"""Group claims that state the same proposition, across articles, into claim clusters.

Blocking (no all-pairs comparison): a claim's *terms* are the entities and places it mentions
(``e:<id>``, ``p:<key>``) followed by its longest content words, at most ``MAX_TERMS``; each
unordered pair of terms is one integer key in ``claim_keys``, dated. Two claims can only be
compared if they share a pair, i.e. at least two terms, and their days are within
``WINDOW_DAYS`` of each other. The lookup is one indexed query per article whose result size
depends on how many claims a day brings, not on how many are stored, so ingest stays
near-linear as the ledger grows (undated claims skip the window).

Scoring: rapidfuzz ``token_set_ratio`` between the sorted content words of the claim and of
the cluster's representative; a claim joins the best cluster scoring at least ``THRESHOLD``
(80 of 100), else starts its own. Negation and denial words are not content words, so "the
army captured Dalmar" and "the army has not captured Dalmar" meet in one cluster, on opposite
sides. Claims made by an outlet in its own voice are matched like attributed ones (the same
proposition, whoever states it), except bylines and verification boilerplate.
"""

from __future__ import annotations

import re
from datetime import date, timedelta
from itertools import combinations
from typing import NamedTuple

from rapidfuzz import fuzz
from sqlalchemy import Connection, select

from counterclaim.model import Claim

from .tables import claim_keys, clusters
from .text import content_terms, key64

MAX_TERMS = 5
MAX_ANCHORS = 3
WINDOW_DAYS = 30
THRESHOLD = 80
DENIAL_CUES = frozenset("deny reject dismiss refute dispute contest rebut disown".split())
BOILERPLATE = re.compile(r"^(reporting|writing|editing|additional reporting) by\b|"
                         r"could not (be )?(independently )?(verif|confirm)", re.I)


class ClaimFacts(NamedTuple):
    claim_id: str
    terms: list[str]  # content words
    anchors: list[str]  # "e:<entity id>", "p:<place key>"
    against: bool  # the claim negates or denies its content
    day: str | None

    @property
    def signature(self) -> str:
        return " ".join(sorted(self.terms))


def is_against(claim: Claim) -> bool:
    """Does the claim deny its content ("X denied that ...", "X has not ...")?"""
    denial_cue = bool(claim.cue and claim.cue.lemma.lower() in DENIAL_CUES)
    return claim.negated != denial_cue


def is_matchable(claim: Claim, terms: list[str]) -> bool:
    if len(terms) < 2:
        return False
    return not (claim.source.kind == "outlet" and BOILERPLATE.search(claim.text))


def blocking_keys(facts: ClaimFacts) -> list[int]:
    words = sorted(facts.terms, key=lambda w: (-len(w), w))
    picked = facts.anchors[:MAX_ANCHORS] + words
    picked = sorted(dict.fromkeys(picked[:MAX_TERMS]))
    return [key64(a, b) for a, b in combinations(picked, 2)]


def _window(day: str | None) -> tuple[str, str] | None:
    if not day:
        return None
    middle = date.fromisoformat(day)
    span = timedelta(days=WINDOW_DAYS)
    return (middle - span).isoformat(), (middle + span).isoformat()


def _candidates(conn: Connection, facts: list[ClaimFacts]) -> dict[str, set[str]]:
    """claim id → ids of clusters sharing a blocking key within its window (one query)."""
    keys = {f.claim_id: blocking_keys(f) for f in facts}
    wanted = sorted({k for ks in keys.values() for k in ks})
    if not wanted:
        return {}
    days = [f.day for f in facts if f.day]
    query = select(claim_keys.c.key, claim_keys.c.day, claim_keys.c.cluster_id).where(
        claim_keys.c.key.in_(wanted))
    if days and len(days) == len(facts):
        query = query.where(claim_keys.c.day.between(_window(min(days))[0],
                                                     _window(max(days))[1]))
    postings: dict[int, list[tuple[str, str]]] = {}
    for key, day, cluster_id in conn.execute(query):
        postings.setdefault(key, []).append((day, cluster_id))
    found = {}
    for f in facts:
        window = _window(f.day)
        found[f.claim_id] = {cluster for key in keys[f.claim_id]
                             for day, cluster in postings.get(key, ())
                             if window is None or not day or window[0] <= day <= window[1]}
    return found


def match_clusters(conn: Connection, facts: list[ClaimFacts]) -> dict[str, tuple[str, float]]:
    """claim id → (cluster id, score) for each claim that joins an existing cluster."""
    candidates = _candidates(conn, facts)
    cluster_ids = sorted(set().union(*candidates.values())) if candidates else []
    terms = {}
    if cluster_ids:
        rows = conn.execute(select(clusters.c.id, clusters.c.terms)
                            .where(clusters.c.id.in_(cluster_ids)))
        terms = {cluster_id: value for cluster_id, value in rows}
    matches = {}
    for f in facts:
        scored = sorted(((fuzz.token_set_ratio(f.signature, terms[c]), c)
                         for c in candidates.get(f.claim_id, ()) if c in terms), reverse=True)
        if scored and scored[0][0] >= THRESHOLD:
            matches[f.claim_id] = (scored[0][1], scored[0][0])
    return matches


def key_rows(facts: ClaimFacts, cluster_id: str, article_id: str) -> list[dict]:
    return [{"key": key, "day": facts.day or "", "cluster_id": cluster_id,
             "article_id": article_id} for key in set(blocking_keys(facts))]


def facts_of(claim_id: str, claim: Claim, anchors: list[str], day: str | None) -> ClaimFacts:
    return ClaimFacts(claim_id, content_terms(claim.text), anchors, is_against(claim), day)
