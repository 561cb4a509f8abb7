"""The inverted index claim matching reads: postings, claim terms, document frequencies.

Tables (migration 0002; they replace version 1's ``claim_keys``, which stays empty):

- ``match_postings``: one row per hashed term and indexed claim, with the claim's day. A
  lookup reads at most ``POSTING_CAP`` postings per term, the most recent first within the
  claim's window, so a common term ("killed") costs the same at 1k and at 1M claims: one
  indexed range scan of ``(key, day)`` each.
- ``match_claims``: each indexed claim's cluster and terms, to score candidates against.
- ``term_stats``: per hashed term, how many indexed claims used it: the document frequency
  behind the IDF weights, and how blocking picks a claim's rarest terms. The row keyed
  ``TOTAL_KEY`` holds the number of claims counted.

Only lead copies are indexed (ingest skips syndicated copies), so a wire story counts once.
"""

from __future__ import annotations

from collections import Counter
from functools import lru_cache

from sqlalchemy import (
    BigInteger, Column, Connection, Index, Integer, MetaData, String, Table, Text, bindparam,
    insert, select, union_all,
)
from sqlalchemy.dialects import postgresql, sqlite

from .text import key64

POSTING_CAP = 20

match_metadata = MetaData()  # not in tables.metadata: created by migration 0002, not 0001
term_stats = Table(
    "term_stats", match_metadata,
    Column("key", BigInteger, primary_key=True),
    Column("df", Integer, nullable=False),
)
match_claims = Table(
    "match_claims", match_metadata,
    Column("claim_id", String(90), primary_key=True),
    Column("cluster_id", String(90), nullable=False),
    Column("terms", Text, nullable=False),  # its terms and anchors, space-separated
)
match_postings = Table(
    "match_postings", match_metadata,
    Column("key", BigInteger, primary_key=True),
    Column("claim_id", String(90), primary_key=True),
    Column("day", String(10), nullable=False),
    # claim_id breaks ties between postings of the same day, so which POSTING_CAP postings a
    # lookup reads does not depend on the backend's scan order (m0005).
    Index("ix_match_postings_key_day_claim", "key", "day", "claim_id"),
)
TOTAL_KEY = key64("\x00total-claims")


@lru_cache(maxsize=1 << 16)
def term_key(term: str) -> int:
    return key64("t", term)


def document_frequencies(conn: Connection, keys: set[int]) -> dict[int, int]:
    """key → df for the keys stored (absent keys: df 0), plus ``TOTAL_KEY``."""
    wanted = sorted(keys | {TOTAL_KEY})
    rows = conn.execute(_DF, {"keys": wanted})
    return dict(rows.all())


_DF = select(term_stats.c.key, term_stats.c.df).where(
    term_stats.c.key.in_(bindparam("keys", expanding=True)))


def count_terms(conn: Connection, claim_keys_seen: list[set[int]]) -> None:
    """Add one claim's worth of document frequency per key set (one set per claim)."""
    counts = Counter(k for keys in claim_keys_seen for k in keys)
    if not counts:
        return
    counts[TOTAL_KEY] += len(claim_keys_seen)
    dialect = sqlite if conn.dialect.name == "sqlite" else postgresql
    statement = dialect.insert(term_stats)
    upsert = statement.on_conflict_do_update(
        index_elements=["key"], set_={"df": term_stats.c.df + statement.excluded.df})
    conn.execute(upsert, [{"key": k, "df": n} for k, n in sorted(counts.items())])


def postings(conn: Connection, keys: list[int], window: tuple[str, str] | None
             ) -> dict[int, list[str]]:
    """key → ids of claims using it, the ``POSTING_CAP`` most recent within the window."""
    if not keys:
        return {}
    params = {f"k{i}": key for i, key in enumerate(keys)}
    if window:
        params.update(lo=window[0], hi=window[1])
    found: dict[int, list[str]] = {}
    for key, claim_id in conn.execute(_postings_query(len(keys), bool(window), POSTING_CAP),
                                      params):
        found.setdefault(key, []).append(claim_id)
    return found


@lru_cache(maxsize=256)
def _postings_query(n_keys: int, windowed: bool, cap: int):
    """One UNION ALL of per-key capped range scans (built once per shape: building it is
    slower than running it)."""
    p, parts = match_postings, []
    for i in range(n_keys):
        query = select(p.c.key, p.c.claim_id).where(p.c.key == bindparam(f"k{i}"))
        if windowed:
            query = query.where(p.c.day.between(bindparam("lo"), bindparam("hi")))
        query = query.order_by(p.c.day.desc(), p.c.claim_id.desc()).limit(cap).subquery()
        parts.append(select(query.c.key, query.c.claim_id))
    return union_all(*parts) if len(parts) > 1 else parts[0]


def claim_terms(conn: Connection, claim_ids: list[str]) -> dict[str, tuple[str, set[str]]]:
    """claim id → (its cluster id, its terms and anchors)."""
    if not claim_ids:
        return {}
    rows = conn.execute(_TERMS, {"ids": claim_ids})
    return {claim_id: (cluster_id, set(terms.split())) for claim_id, cluster_id, terms in rows}


_TERMS = select(match_claims.c.claim_id, match_claims.c.cluster_id, match_claims.c.terms).where(
    match_claims.c.claim_id.in_(bindparam("ids", expanding=True)))


def add_claims(conn: Connection, rows: list[dict]) -> None:
    """Index claims: rows of claim id, cluster id, day, terms (with anchors) and keys."""
    if not rows:
        return
    conn.execute(insert(match_claims), [
        {"claim_id": r["claim"], "cluster_id": r["cluster_id"], "terms": " ".join(r["terms"])}
        for r in rows])
    conn.execute(insert(match_postings), [
        {"key": key, "claim_id": r["claim"], "day": r["day"]} for r in rows for key in r["keys"]])
    count_terms(conn, [set(r["keys"]) for r in rows])
