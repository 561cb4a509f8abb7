"""Version 3: indexes for the queries of a large ledger (found with EXPLAIN QUERY PLAN at 10k).

Each serves a filtered list read newest first, so the index yields the page in order and the
scan stops after ``limit`` rows, however large the ledger:

- claims by source entity (``claims --source``, an entity's profile, its timeline) and by
  status (``claims --status``): without them a rare source or status scanned every lead claim.
- articles by outlet, newest first (``/api/articles?outlet=``), and the stories an outlet
  ran (``claims --outlet``; was a scan of every appearance).

No ``ANALYZE``: on a new, empty ledger it would record empty tables and mislead SQLite's
planner once they fill; PostgreSQL's autovacuum keeps its own statistics.
"""

from __future__ import annotations

from sqlalchemy import Connection, text

INDEXES = (
    "CREATE INDEX IF NOT EXISTS ix_claims_source_lead_day "
    "ON claims (source_entity_id, lead, day, id)",
    "CREATE INDEX IF NOT EXISTS ix_claims_status_lead_day ON claims (status, lead, day, id)",
    "CREATE INDEX IF NOT EXISTS ix_articles_outlet_day ON articles (outlet, day, id)",
    "CREATE INDEX IF NOT EXISTS ix_appearances_outlet ON appearances (outlet, story_id)",
)


def upgrade(conn: Connection) -> None:
    for statement in INDEXES:
        conn.execute(text(statement))
