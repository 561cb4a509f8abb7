"""Version 7: ``claims.field``, the article field a claim's span indexes into.

A headline claim (``model.Claim.field`` "title") has its span in the article's title, not its
text. Claims stored before were all body claims, so the column defaults to 'text'. A ledger
created at this version already has the column (``tables.py`` declares it and version 1
creates every table from there), so it is added only when missing; SQLite has no ``ADD COLUMN
IF NOT EXISTS``.
"""

from __future__ import annotations

from sqlalchemy import Connection, inspect, text

ADD_COLUMN = "ALTER TABLE claims ADD COLUMN field VARCHAR(10) NOT NULL DEFAULT 'text'"


def upgrade(conn: Connection) -> None:
    columns = {column["name"] for column in inspect(conn).get_columns("claims")}
    if "field" not in columns:
        conn.execute(text(ADD_COLUMN))
