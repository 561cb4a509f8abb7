"""Group claims that state the same proposition, across articles, into claim clusters.

Blocking (no all-pairs comparison): a claim's *anchors* are the entities and places it
mentions (``e:<id>``, ``p:<key>``), its *words* its longest content words. Its blocking keys
are hashed pairs: each anchor with each other anchor and word (or, without anchors, pairs of
words), at most ``MAX_TERMS`` terms in all, so generic pairs like "civilians"+"killed" never
form a block on their own. ``claim_keys`` holds one row per (key, cluster) with the day the
cluster last used it. A claim is compared only with clusters sharing a key (so at least two
terms) and seen within ``WINDOW_DAYS`` of its day: one indexed query per article whose result
size depends on how many stories a month brings, not on how many are stored, so ingest stays
near-linear as the ledger grows (undated claims skip the window). Only the
``MAX_CANDIDATES`` clusters sharing the most keys are scored.

Scoring: rapidfuzz ``token_set_ratio`` between the sorted content words of the claim and of
the cluster's representative; a claim joins the best cluster scoring at least ``THRESHOLD``
(80 of 100), else starts its own. Vetoes first: when both name places, or both name entities
(inside the claim, not its source), or both give figures, and they share none, the claims are
about different things ("12 killed in Dalmar" vs "12 killed in Kessen"; "3 killed" vs "12
killed" are two claims, which ``contradicts`` relations can still link). Negation and denial words are not content words, so "the
army captured Dalmar" and "the army has not captured Dalmar" meet in one cluster, on opposite
sides. Claims made by an outlet in its own voice are matched like attributed ones (the same
proposition, whoever states it), except bylines and verification boilerplate.
"""

from __future__ import annotations

import re
from datetime import date, timedelta
from collections import Counter
from itertools import combinations
from typing import NamedTuple

from rapidfuzz import fuzz
from sqlalchemy import Connection, case, select
from sqlalchemy.dialects import postgresql, sqlite

from counterclaim.model import Claim

from .tables import claim_keys, clusters
from .text import content_terms, key64

MAX_TERMS = 5
MAX_ANCHORS = 3
WINDOW_DAYS = 30
MAX_CANDIDATES = 12  # scored per claim: those sharing the most blocking keys
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
    anchors = facts.anchors[:MAX_ANCHORS]
    words = sorted(facts.terms, key=lambda w: (-len(w), w))[:MAX_TERMS - len(anchors)]
    if not anchors:
        return [key64(*sorted(pair)) for pair in combinations(words, 2)]
    terms = anchors + words
    return sorted({key64(*sorted((a, b))) for a in anchors for b in terms if a != b})


def _vetoed(a_anchors: set[str], a_terms: set[str], b_anchors: set[str],
            b_terms: set[str]) -> bool:
    for prefix in ("p:", "e:"):
        mine = {x for x in a_anchors if x.startswith(prefix)}
        theirs = {x for x in b_anchors if x.startswith(prefix)}
        if mine and theirs and not mine & theirs:
            return True
    numbers, other_numbers = {t for t in a_terms if t.isdigit()}, {t for t in b_terms if t.isdigit()}
    return bool(numbers and other_numbers and not numbers & other_numbers)


def similar(a: ClaimFacts, b_signature: str, b_anchors: str) -> float:
    """Lexical similarity 0-100 of a claim to a cluster's representative; 0 when vetoed."""
    if _vetoed(set(a.anchors), set(a.terms), set(b_anchors.split()), set(b_signature.split())):
        return 0.0
    return fuzz.token_set_ratio(a.signature, b_signature)


def _window(day: str | None) -> tuple[str, str] | None:
    if not day:
        return None
    middle = date.fromisoformat(day)
    span = timedelta(days=WINDOW_DAYS)
    return (middle - span).isoformat(), (middle + span).isoformat()


def _candidates(conn: Connection, facts: list[ClaimFacts]) -> dict[str, set[str]]:
    """claim id → the clusters sharing most blocking keys with it within its window."""
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
        shared: Counter = Counter()
        for key in keys[f.claim_id]:
            shared.update({cluster for day, cluster in postings.get(key, ())
                           if window is None or not day or window[0] <= day <= window[1]})
        best = sorted(shared.items(), key=lambda item: (-item[1], item[0]))  # ties: by id
        found[f.claim_id] = {cluster for cluster, _ in best[:MAX_CANDIDATES]}
    return found


def match_clusters(conn: Connection, facts: list[ClaimFacts]) -> dict[str, tuple[str, float]]:
    """claim id → (cluster id, score) for each claim that joins an existing cluster."""
    candidates = _candidates(conn, facts)
    cluster_ids = sorted(set().union(*candidates.values())) if candidates else []
    terms = {}
    if cluster_ids:
        rows = conn.execute(select(clusters.c.id, clusters.c.terms, clusters.c.anchors)
                            .where(clusters.c.id.in_(cluster_ids)))
        terms = {cluster_id: (value, anchors) for cluster_id, value, anchors in rows}
    matches = {}
    for f in facts:
        scored = sorted(((similar(f, *terms[c]), c)
                         for c in candidates.get(f.claim_id, ()) if c in terms), reverse=True)
        if scored and scored[0][0] >= THRESHOLD:
            matches[f.claim_id] = (scored[0][1], scored[0][0])
    return matches


def key_rows(facts: ClaimFacts, cluster_id: str) -> list[dict]:
    return [{"key": key, "day": facts.day or "", "cluster_id": cluster_id}
            for key in set(blocking_keys(facts))]


def store_keys(conn: Connection, rows: list[dict]) -> None:
    """Upsert (key, cluster) rows, keeping the latest day seen."""
    if not rows:
        return
    unique = {}
    for row in rows:
        old = unique.get((row["key"], row["cluster_id"]))
        if old is None or row["day"] > old["day"]:
            unique[(row["key"], row["cluster_id"])] = row
    dialect = sqlite if conn.dialect.name == "sqlite" else postgresql
    statement = dialect.insert(claim_keys)
    latest = case((statement.excluded.day > claim_keys.c.day, statement.excluded.day),
                  else_=claim_keys.c.day)
    conn.execute(statement.on_conflict_do_update(index_elements=["key", "cluster_id"],
                                                 set_={"day": latest}), list(unique.values()))


def facts_of(claim_id: str, claim: Claim, anchors: list[str], day: str | None) -> ClaimFacts:
    return ClaimFacts(claim_id, content_terms(claim.text), anchors, is_against(claim), day)
