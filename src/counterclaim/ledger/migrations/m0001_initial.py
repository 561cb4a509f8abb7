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
POSTGRES_FTS = (
    "CREATE INDEX IF NOT EXISTS ix_claims_fts ON claims "
    "USING gin (to_tsvector('english', text))",
    "CREATE INDEX IF NOT EXISTS ix_articles_fts ON articles "
    "USING gin (to_tsvector('english', coalesce(title, '') || ' ' || text))",
)


def upgrade(conn: Connection) -> None:
    metadata.create_all(conn)
    statements = SQLITE_FTS if conn.dialect.name == "sqlite" else POSTGRES_FTS
    for statement in statements:
        conn.execute(text(statement))
