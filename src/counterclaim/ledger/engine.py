"""Open a ledger database: a file path (SQLite) or a SQLAlchemy URL (PostgreSQL, SQLite)."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

import orjson
from sqlalchemy import Engine, create_engine, event, insert
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.exc import ArgumentError

from counterclaim.errors import DataError

SUPPORTED = ("sqlite", "postgresql")


def database_url(db: str) -> str:
    """``db`` as a SQLAlchemy URL: anything with ``://`` is a URL, else a file path."""
    if "://" in db:
        return db
    return f"sqlite:///{Path(db).expanduser()}"


def _sqlite_pragmas(dbapi_conn, _record) -> None:
    # WAL lets readers run while one writer adds; foreign keys are off by default in SQLite.
    cursor = dbapi_conn.cursor()
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute("PRAGMA synchronous=NORMAL")  # durable at checkpoints; WAL keeps it atomic
    cursor.execute("PRAGMA busy_timeout=30000")
    # 64 MiB page cache (default 2 MiB): at 100k articles the lookup indexes an ingest probes
    # (claim keys, LSH bands, entity keys) outgrow 2 MiB and every probe would hit the disk.
    cursor.execute("PRAGMA cache_size=-65536")
    cursor.execute("PRAGMA temp_store=MEMORY")
    cursor.close()


def open_engine(db: str) -> Engine:
    """An engine for ``db`` with the per-connection settings the ledger relies on."""
    url = database_url(db)
    try:
        # pre_ping: a connection the server dropped (a restart) is replaced at checkout, so a
        # long ingest survives a database restart between two articles.
        # orjson: the stored Report (a JSON column) is the largest value written and read.
        # SQLite needs no ping (a file does not drop connections) and would pay one query
        # per checkout, which is per API request.
        engine = create_engine(url, future=True, pool_pre_ping=not url.startswith("sqlite"),
                               json_serializer=_dumps, json_deserializer=orjson.loads)
    except (ArgumentError, ImportError) as error:
        raise DataError(f"cannot open ledger: {error}", location=db) from None
    if engine.dialect.name not in SUPPORTED:
        raise DataError(f"unsupported database {engine.dialect.name!r}; use SQLite or "
                        "PostgreSQL", location=db)
    if engine.dialect.name == "sqlite":
        event.listen(engine, "connect", _sqlite_pragmas)
    return engine


def _dumps(value) -> str:
    return orjson.dumps(value).decode()


# Statements are built once per table: building one costs more than running it on SQLite
# (SQLAlchemy derives a cache key per new statement object, then reuses the compiled SQL).
@lru_cache(maxsize=None)
def _insert(table):
    return insert(table)


@lru_cache(maxsize=None)
def _insert_ignore(dialect_name: str, table):
    dialect = sqlite if dialect_name == "sqlite" else postgresql
    return dialect.insert(table).on_conflict_do_nothing()


def insert_rows(conn, table, rows: list[dict]) -> None:
    """Insert rows (one ``executemany``); nothing to do for none."""
    if rows:
        conn.execute(_insert(table), rows)


def insert_ignore(conn, table, rows: list[dict]) -> None:
    """Insert rows, silently skipping any whose primary key exists (both dialects)."""
    if rows:
        conn.execute(_insert_ignore(conn.dialect.name, table), rows)
