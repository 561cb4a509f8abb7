"""Version 5: a total order on the postings a claim lookup reads.

A lookup reads at most ``POSTING_CAP`` postings per term, newest day first. Many claims share
a day, and with ``day`` alone as the order, which of them made the cut was the backend's scan
order: SQLite and PostgreSQL grouped the same articles into different clusters. The lookup
now orders by ``(day, claim_id)`` and this index, replacing ``(key, day)``, serves that order
directly, so the scan still stops after ``POSTING_CAP`` rows. Clusters already stored are kept
as they are; the order applies to matching from now on.
"""

from __future__ import annotations

from sqlalchemy import Connection, text

STATEMENTS = (
    "DROP INDEX IF EXISTS ix_match_postings_key_day",
    "CREATE INDEX IF NOT EXISTS ix_match_postings_key_day_claim "
    "ON match_postings (key, day, claim_id)",
)


def upgrade(conn: Connection) -> None:
    for statement in STATEMENTS:
        conn.execute(text(statement))
