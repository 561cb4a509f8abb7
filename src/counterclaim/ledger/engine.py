"""Open a ledger database: a file path (SQLite) or a SQLAlchemy URL (PostgreSQL, SQLite)."""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import Engine, create_engine, event
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
    cursor.close()


def open_engine(db: str) -> Engine:
    """An engine for ``db`` with the per-connection settings the ledger relies on."""
    url = database_url(db)
    try:
        # pre_ping: a connection the server dropped (a restart) is replaced at checkout, so a
        # long ingest survives a database restart between two articles.
        engine = create_engine(url, future=True, pool_pre_ping=True)
    except (ArgumentError, ImportError) as error:
        raise DataError(f"cannot open ledger: {error}", location=db) from None
    if engine.dialect.name not in SUPPORTED:
        raise DataError(f"unsupported database {engine.dialect.name!r}; use SQLite or "
                        "PostgreSQL", location=db)
    if engine.dialect.name == "sqlite":
        event.listen(engine, "connect", _sqlite_pragmas)
    return engine


def insert_ignore(conn, table, rows: list[dict]) -> None:
    """Insert rows, silently skipping any whose primary key exists (both dialects)."""
    if not rows:
        return
    dialect = sqlite if conn.dialect.name == "sqlite" else postgresql
    conn.execute(dialect.insert(table).on_conflict_do_nothing(), rows)
