"""Group claims that state the same proposition, across articles, into claim clusters.

Terms: a claim's *terms* are the Snowball-stemmed content words of its proposition (the claim
without its attribution wrapper and without polarity words: see :mod:`matching_text`), its
*anchors* the entities and places it mentions (``e:<id>``, ``p:<key>``). A denial has the
terms of the claim it denies, so it joins that claim's cluster, on the other side.

Blocking (no all-pairs comparison): every term and anchor of a stored claim is a key of an
inverted index (:mod:`matching_index`: key → claims, with their day). A new claim looks up
only its ``MAX_BLOCK`` rarest keys (by document frequency), each capped at the ``POSTING_CAP``
most recent postings within ``WINDOW_DAYS`` of its day: a bounded number of indexed reads per
article whatever the ledger's size, so ingest stays near-linear. The ``MAX_CANDIDATES``
stored claims with the most IDF weight in shared keys are scored.

Scoring: cosine of IDF-weighted term sets (anchors included), against each candidate claim;
a cluster scores as its best member (single link: "Nun gives birth" reaches the cluster
through whichever earlier headline shares most). A claim joins the best cluster scoring at
least ``THRESHOLD`` (cosine x 100) with ``MIN_SHARED`` terms in common, else starts its own.
Vetoes first: when both name places and share none, or both give figures and share none, the
claims are about different things ("12 killed in Dalmar" vs "12 killed in Kessen"; "3 killed"
vs "12 killed" are two claims, which ``contradicts`` relations can still link).

The constants were chosen on the "tune" half of Emergent's claims only (``eval/matching.py``;
threshold 25: pairwise F1 0.536 there, 0.535 at 22, 0.533 at 28; ``MAX_BLOCK`` 6: 0.536, 4:
0.512); the other half is held out.
Roles (:func:`role`) are in :mod:`matching_roles`.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from datetime import date, timedelta
from typing import NamedTuple

from sqlalchemy import Connection

from counterclaim.model import Claim

from . import matching_index as index
from .matching_roles import DENIAL_CUES, role  # noqa: F401 - role: ingest calls it here
from .matching_text import proposition_terms, stem

MAX_BLOCK = 6  # keys looked up per claim: its rarest
MAX_CANDIDATES = 12  # stored claims scored per claim: those sharing the most key weight
WINDOW_DAYS = 30
THRESHOLD = 25  # cosine x 100
ANCHOR_WEIGHT = 1.0
VETO_NUMBERS = True
MIN_SHARED = 2  # terms in common, at least
DENIAL_WORDS = re.compile(r"\b(hoax|fake|debunk\w*|myth|untrue|not true|false)\b", re.I)
BOILERPLATE = re.compile(r"^(reporting|writing|editing|additional reporting) by\b|"
                         r"could not (be )?(independently )?(verif|confirm)", re.I)


class ClaimFacts(NamedTuple):
    claim_id: str
    terms: list[str]  # stemmed content words of the proposition
    anchors: list[str]  # "e:<entity id>", "p:<place key>"
    against: bool  # the claim negates or denies its content
    day: str | None

    @property
    def signature(self) -> str:
        return " ".join(sorted(self.terms))


def is_against(claim: Claim) -> bool:
    """Does the claim deny its content ("X denied that ...", "X has not ...", "X is a hoax")?"""
    denial_cue = bool(claim.cue and claim.cue.lemma.lower() in DENIAL_CUES)
    worded = bool(DENIAL_WORDS.search(claim.text))
    return (claim.negated or worded) != denial_cue


def is_matchable_text(text: str, source_kind: str, terms: list[str]) -> bool:
    """Enough content words, and not a byline or verification boilerplate."""
    return len(terms) >= 2 and not (source_kind == "outlet" and BOILERPLATE.search(text))


def is_matchable(claim: Claim, terms: list[str]) -> bool:
    return is_matchable_text(claim.text, claim.source.kind, terms)


def facts_of(claim_id: str, claim: Claim, anchors: list[str], day: str | None) -> ClaimFacts:
    return ClaimFacts(claim_id, proposition_terms(claim.text), anchors, is_against(claim), day)


def all_keys(facts: ClaimFacts) -> dict[int, str]:
    """Every index key of a claim → the term or anchor it hashes."""
    return {index.term_key(t): t for t in (*facts.anchors, *facts.terms)}


def blocking_keys(facts: ClaimFacts) -> list[int]:
    """The keys a claim is indexed under (all of them; lookups use only the rarest)."""
    return sorted(all_keys(facts))


class Weights:
    """IDF weight of each term (anchors times ``ANCHOR_WEIGHT``), computed once per lookup."""

    def __init__(self, df: dict[int, int] | None = None):
        self.df, self.total = df, (df or {}).get(index.TOTAL_KEY, 0)
        self.cache: dict[str, float] = {}

    def __call__(self, term: str) -> float:
        found = self.cache.get(term)
        if found is None:
            if self.df is None:
                found = 1.0
            else:
                idf = math.log((self.total + 1) / (self.df.get(index.term_key(term), 0) + 1)) + 1
                found = idf * (ANCHOR_WEIGHT if ":" in term else 1.0)
            self.cache[term] = found
        return found

    def norm(self, terms: set[str]) -> float:
        return math.sqrt(sum(self(t) ** 2 for t in terms))


def _vetoed(a: set[str], b: set[str]) -> bool:
    mine, theirs = {x for x in a if x.startswith("p:")}, {x for x in b if x.startswith("p:")}
    if mine and theirs and not mine & theirs:
        return True
    if not VETO_NUMBERS:
        return False
    numbers, other_numbers = {t for t in a if t.isdigit()}, {t for t in b if t.isdigit()}
    return bool(numbers and other_numbers and not numbers & other_numbers)


def _n_content(shared: set[str]) -> int:
    """Shared terms that are neither anchors nor a shared place's own words: "families left
    Dalmar" and "troops withdrew from Dalmar" share only the place, and say different things."""
    places = {stem(w) for t in shared if t.startswith("p:") for w in t[2:].split()}
    return sum(1 for t in shared if ":" not in t and t not in places)


def cosine(a: set[str], b: set[str], weight: Weights | None = None) -> float:
    """IDF-weighted cosine x 100 of two term sets (unweighted without ``weight``); 0 when
    vetoed or sharing fewer than ``MIN_SHARED`` terms."""
    shared = a & b
    if _n_content(shared) < MIN_SHARED or _vetoed(a, b):
        return 0.0
    weight = weight or Weights()
    norm = weight.norm(a) * weight.norm(b)
    return 100 * sum(weight(t) ** 2 for t in shared) / norm if norm else 0.0


def similar(a: ClaimFacts, b_signature: str, b_anchors: str) -> float:
    """Unweighted similarity 0-100 of a claim to a cluster's representative (same article)."""
    return cosine({*a.terms, *a.anchors}, {*b_signature.split(), *b_anchors.split()})


def _window(days: list[str | None]) -> tuple[str, str] | None:
    if not days or not all(days):
        return None
    span = timedelta(days=WINDOW_DAYS)
    return ((date.fromisoformat(min(days)) - span).isoformat(),
            (date.fromisoformat(max(days)) + span).isoformat())


def _lookups(facts: list[ClaimFacts], df: dict[int, int]) -> dict[str, list[int]]:
    """claim id → its rarest keys that some stored claim already used."""
    found = {}
    for f in facts:
        known = [k for k in all_keys(f) if df.get(k, 0) > 0]
        found[f.claim_id] = sorted(known, key=lambda k: (df[k], k))[:MAX_BLOCK]
    return found


def _candidates(conn: Connection, facts: list[ClaimFacts], df: dict[int, int],
                weight: Weights) -> dict[str, list[str]]:
    """claim id → the stored claims sharing the most key weight with it."""
    lookups = _lookups(facts, df)
    wanted = sorted({k for keys in lookups.values() for k in keys})
    posted = index.postings(conn, wanted, _window([f.day for f in facts]))
    found = {}
    for f in facts:
        terms, shared = all_keys(f), Counter()
        for key in lookups[f.claim_id]:
            shared.update(dict.fromkeys(posted.get(key, ()), weight(terms[key])))
        best = sorted(shared.items(), key=lambda item: (-item[1], item[0]))  # ties: by id
        found[f.claim_id] = [claim for claim, _ in best[:MAX_CANDIDATES]]
    return found


def match_clusters(conn: Connection, facts: list[ClaimFacts]) -> dict[str, tuple[str, float]]:
    """claim id → (cluster id, score) for each claim that joins an existing cluster: the
    cluster of the most similar stored claim, when similar enough."""
    if not facts:
        return {}
    df = index.document_frequencies(conn, {k for f in facts for k in all_keys(f)})
    weight = Weights(df)
    candidates = _candidates(conn, facts, df, weight)
    stored = index.claim_terms(conn, sorted({c for found in candidates.values() for c in found}))
    missing = {index.term_key(t) for _, ts in stored.values() for t in ts} - df.keys()
    if missing:
        df.update(index.document_frequencies(conn, missing))
    matches = {}
    for f in facts:
        members: dict[str, list[set[str]]] = {}
        for c in candidates[f.claim_id]:
            if c in stored:
                members.setdefault(stored[c][0], []).append(stored[c][1])
        scored = sorted(((_cluster_score({*f.terms, *f.anchors}, sets, weight), cluster)
                         for cluster, sets in members.items()), reverse=True)
        if scored and scored[0][0] >= THRESHOLD:
            matches[f.claim_id] = (scored[0][1], scored[0][0])
    return matches


def _cluster_score(mine: set[str], members: list[set[str]], weight: Weights) -> float:
    """A cluster's similarity: its most similar retrieved member's (single link)."""
    return max(cosine(mine, other, weight) for other in members)


def key_rows(facts: ClaimFacts, cluster_id: str) -> list[dict]:
    """The index row of one stored claim, for :func:`store_keys`."""
    return [{"claim": facts.claim_id, "cluster_id": cluster_id, "day": facts.day or "",
             "terms": [*facts.terms, *facts.anchors], "keys": blocking_keys(facts)}]


def store_keys(conn: Connection, rows: list[dict]) -> None:
    """Index the claims of :func:`key_rows` (postings, terms, document frequencies)."""
    index.add_claims(conn, rows)
