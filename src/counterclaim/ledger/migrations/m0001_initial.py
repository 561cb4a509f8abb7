"""Version 1: every table in ``tables.py`` plus full-text search for claims and articles."""

from __future__ import annotations

from sqlalchemy import Connection, text

from ..tables import metadata

SQLITE_FTS = (
    "CREATE VIRTUAL TABLE IF NOT EXISTS fts_claims USING fts5("
    "text, claim_id UNINDEXED, article_id UNINDEXED, tokenize='porter unicode61')",
    "CREATE VIRTUAL TABLE IF NOT EXISTS fts_articles USING fts5("
    "title, text, article_id UNINDEXED, tokenize='porter unicode61')",
)
POSTGRES_FTS = (  # stored tsvectors: ranking reads them instead of re-parsing every match
    "ALTER TABLE claims ADD COLUMN tsv tsvector "
    "GENERATED ALWAYS AS (to_tsvector('english', text)) STORED",
    "CREATE INDEX ix_claims_tsv ON claims USING gin (tsv)",
    "ALTER TABLE articles ADD COLUMN tsv tsvector "
    "GENERATED ALWAYS AS (to_tsvector('english', coalesce(title, '') || ' ' || text)) STORED",
    "CREATE INDEX ix_articles_tsv ON articles USING gin (tsv)",
)


def upgrade(conn: Connection) -> None:
    metadata.create_all(conn)
    statements = SQLITE_FTS if conn.dialect.name == "sqlite" else POSTGRES_FTS
    for statement in statements:
        conn.execute(text(statement))
