"""Versioned schema changes, applied in order when a ledger is opened.

Why not alembic: alembic wants a script directory and an ``env.py`` (or a config file) next
to the database, and its strength, autogenerate, buys little for a dozen tables; the parts
that differ between databases (FTS5 virtual tables, GIN indexes) are raw DDL either way. So a
migration here is a function ``upgrade(conn)`` in ``m<NNNN>_<name>.py``, listed in
``MIGRATIONS``; ``schema_migrations`` records which have run. Each runs in its own
transaction (both SQLite and PostgreSQL have transactional DDL), so a failed migration
leaves the previous version intact.

Rule for new migrations: never edit an applied one; add ``m0002_...`` with explicit DDL.
"""

from __future__ import annotations

from datetime import datetime, timezone

from sqlalchemy import Connection, Engine, inspect, select

from counterclaim.errors import DataError

from ..tables import schema_migrations
from . import m0001_initial, m0002_match_terms, m0003_query_indexes, m0004_summaries, \
    m0005_posting_order, m0006_band_order, m0007_claim_field

MIGRATIONS = [(1, "initial", m0001_initial.upgrade),
              (2, "match_terms", m0002_match_terms.upgrade),
              (3, "query_indexes", m0003_query_indexes.upgrade),
              (4, "summaries", m0004_summaries.upgrade),
              (5, "posting_order", m0005_posting_order.upgrade),
              (6, "band_order", m0006_band_order.upgrade),
              (7, "claim_field", m0007_claim_field.upgrade)]
LATEST = MIGRATIONS[-1][0]


def current_version(conn: Connection) -> int:
    """The highest applied migration, 0 for an empty database."""
    if not inspect(conn).has_table("schema_migrations"):
        return 0
    versions = conn.execute(select(schema_migrations.c.version)).scalars().all()
    return max(versions, default=0)


def migrate(engine: Engine, where: str) -> int:
    """Bring the database at ``engine`` to ``LATEST``; returns the version it was at."""
    with engine.begin() as conn:
        schema_migrations.create(conn, checkfirst=True)
        start = current_version(conn)
    if start > LATEST:
        raise DataError(f"ledger schema version {start} is newer than this counterclaim "
                        f"understands ({LATEST}); upgrade counterclaim", location=where)
    for version, name, upgrade in MIGRATIONS:
        if version <= start:
            continue
        with engine.begin() as conn:
            upgrade(conn)
            stamp = datetime.now(timezone.utc).isoformat(timespec="seconds")
            conn.execute(schema_migrations.insert().values(version=version, name=name,
                                                           applied_at=stamp))
    return start
