"""Version 2: claim matching by single terms with IDF weights (``ledger/matching.py``).

Adds ``match_postings``, ``match_claims`` and ``term_stats`` (``ledger/matching_index.py``)
and fills them from the claims already stored (lead copies only, as ingest indexes them), so
a ledger made before keeps matching new articles to its old clusters. Version 1's
``claim_keys`` (hashed pairs of words, one row per cluster) is emptied: nothing reads it now.
"""

from __future__ import annotations

from collections import defaultdict

from sqlalchemy import Connection, delete, select

from ..matching_index import match_metadata
from ..tables import claim_keys, claim_tags, claims

BATCH = 2000


def _anchors(conn: Connection) -> dict[str, list[str]]:
    found = defaultdict(list)
    for tag, claim_id in conn.execute(select(claim_tags.c.tag, claim_tags.c.claim_id)):
        found[claim_id].append(tag)
    return found


def _reindex_claims(conn: Connection) -> None:
    from ..matching import ClaimFacts, is_matchable_text, key_rows, store_keys
    from ..matching_text import proposition_terms

    anchors = _anchors(conn)
    rows = []
    query = select(claims.c.id, claims.c.text, claims.c.source_kind, claims.c.day,
                   claims.c.cluster_id).where(claims.c.lead.is_(True)).order_by(claims.c.id)
    for claim_id, text, kind, day, cluster_id in conn.execute(query).all():
        terms = proposition_terms(text)
        if cluster_id and is_matchable_text(text, kind, terms):
            facts = ClaimFacts(claim_id, terms, anchors.get(claim_id, []), False, day)
            rows += key_rows(facts, cluster_id)
        if len(rows) >= BATCH:
            store_keys(conn, rows)
            rows = []
    store_keys(conn, rows)


def upgrade(conn: Connection) -> None:
    match_metadata.create_all(conn)
    conn.execute(delete(claim_keys))
    _reindex_claims(conn)
