"""Version 6: a covering, ordered index for the syndication candidate read.

The story lookup used to take any 50 distinct articles sharing a band with the new one, in
the backend's scan order, so on a large ledger SQLite and PostgreSQL could compare a new
article against different earlier copies and file it under different stories. The lookup
now ranks candidates by the number of bands they share (the more bands, the more similar),
then by article id; ``(band_key, article_id)`` lets both backends answer it from the index
alone. It replaces ``(band_key)``, its prefix.
"""

from __future__ import annotations

from sqlalchemy import Connection, text

STATEMENTS = (
    "CREATE INDEX IF NOT EXISTS ix_lsh_bands_key_article ON lsh_bands (band_key, article_id)",
    "DROP INDEX IF EXISTS ix_lsh_bands_key",
)


def upgrade(conn: Connection) -> None:
    for statement in STATEMENTS:
        conn.execute(text(statement))
