"""What "the ledger equals a clean ingest" means, checked with SQL on either database."""

from __future__ import annotations

import json
import os

from sqlalchemy import create_engine, select, text

from counterclaim.ledger.engine import database_url
from counterclaim.ledger.tables import metadata

# Columns that record when a row was written, not what it says.
CLOCK_COLUMNS = {"added_at", "applied_at"}

# Rows that must point at a parent row: (child table, column, parent table, parent column).
PARENTS = [
    *[(table, "article_id", "articles", "id") for table in (
        "claims", "relations", "article_entities", "places", "events", "times", "lsh_bands",
        "appearances", "cluster_members")],
    ("claim_tags", "claim_id", "claims", "id"),
    ("relations", "from_claim", "claims", "id"),
    ("relations", "to_claim", "claims", "id"),
    ("article_entities", "entity_id", "entities", "id"),
    ("entity_keys", "entity_id", "entities", "id"),
    ("claims", "cluster_id", "clusters", "id"),
    ("articles", "story_id", "stories", "id"),
]
# Rows that exist only for the sake of an article: (table, column, referrer, its column).
CHILDREN = [
    ("entities", "id", "article_entities", "entity_id"),
    ("clusters", "id", "claims", "cluster_id"),
    ("stories", "id", "articles", "story_id"),
]


def _engine(db: str):
    return create_engine(database_url(db))


def fingerprint(db: str) -> dict[str, list[str]]:
    """Every row of every table, clock columns left out, sorted: equal ledgers, equal prints."""
    engine = _engine(db)
    tables = {}
    with engine.connect() as conn:
        for table in metadata.sorted_tables:
            columns = [c for c in table.columns if c.name not in CLOCK_COLUMNS]
            rows = conn.execute(select(*columns)).all()
            tables[table.name] = sorted(json.dumps([_plain(v) for v in row], default=str)
                                        for row in rows)
    engine.dispose()
    return tables


def _plain(value):
    return value.hex() if isinstance(value, (bytes, memoryview)) else value


def orphans(db: str) -> dict[str, int]:
    """Rows whose parent is missing, and parentless rows nothing refers to; all should be 0."""
    found = {}
    engine = _engine(db)
    with engine.connect() as conn:
        for child, column, parent, key in PARENTS:
            found[f"{child}.{column} without {parent}"] = conn.execute(text(
                f"SELECT count(*) FROM {child} c WHERE c.{column} IS NOT NULL AND NOT EXISTS "
                f"(SELECT 1 FROM {parent} p WHERE p.{key} = c.{column})")).scalar_one()
        for table, column, referrer, ref_column in CHILDREN:
            found[f"{table} unreferenced by {referrer}"] = conn.execute(text(
                f"SELECT count(*) FROM {table} t WHERE NOT EXISTS "
                f"(SELECT 1 FROM {referrer} r WHERE r.{ref_column} = t.{column})")).scalar_one()
        found["duplicate article texts"] = conn.execute(text(
            "SELECT count(*) - count(DISTINCT text) FROM articles")).scalar_one()
    engine.dispose()
    return found


def article_count(db: str) -> int:
    """Articles committed so far, or 0 when the ledger does not exist yet."""
    if "://" not in db and not os.path.exists(db):
        return 0  # connecting would create the file
    try:
        engine = _engine(db)
        with engine.connect() as conn:
            count = conn.execute(text("SELECT count(*) FROM articles")).scalar_one()
        engine.dispose()
        return count
    except Exception:  # noqa: BLE001 - not created yet, or locked mid-migration: not yet
        return 0


def differences(got: dict[str, list[str]], want: dict[str, list[str]]) -> dict[str, str]:
    """Per table, a short account of how two fingerprints differ (empty when equal)."""
    out = {}
    for name in sorted(set(got) | set(want)):
        extra = set(got.get(name, [])) - set(want.get(name, []))
        missing = set(want.get(name, [])) - set(got.get(name, []))
        if extra or missing or len(got.get(name, [])) != len(want.get(name, [])):
            out[name] = (f"{len(got.get(name, []))} rows vs {len(want.get(name, []))}; "
                         f"{len(extra)} unexpected, {len(missing)} missing")
    return out
