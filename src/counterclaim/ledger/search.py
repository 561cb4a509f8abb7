"""Full-text search over claims and articles, on both backends.

SQLite uses FTS5 tables kept beside ``claims`` and ``articles``; PostgreSQL stored, GIN-indexed
``tsvector`` columns (migration 1). Both rank only the newest ``SEARCH_POOL`` matches: ranking
every match of a common word is what made search the slowest query at 100k articles.
"""

from __future__ import annotations

from datetime import date, timedelta

from sqlalchemy import Engine, text

from .results import SearchHit, page_bounds


def _fts5_query(q: str) -> str:
    # Quote every word: user text never reaches FTS5's query syntax (AND of the words).
    return " ".join('"' + word.replace('"', '""') + '"' for word in q.split())


SEARCH_POOL = 1000  # matches ranked per search (the newest ones)
# PostgreSQL reads the newest matches window by window (days back from the newest day): a
# common word's GIN bitmap ANDed with the day index reads a month of rows, not the whole
# table (its planner underestimates multi-word matches, so a plain top-N read them all).
SEARCH_WINDOWS_DAYS = (30, 365, None)


def _postgres_search(conn, table: str, shown: str, q: str, limit: int) -> list:
    """ts_rank over the newest ``SEARCH_POOL`` matches of ``q`` in ``table`` (claims or
    articles; ``shown`` is the text column returned)."""
    kind, article = ("claim", "article_id") if table == "claims" else ("article", "id")
    newest = _as_date(conn.execute(text(f"SELECT max(day) FROM {table}")).scalar())
    for days in SEARCH_WINDOWS_DAYS:
        last = days is None or newest is None
        since = None if last else (newest - timedelta(days=days)).isoformat()
        rows = conn.execute(text(
            f"SELECT '{kind}', id, owner, shown, ts_rank(tsv, query) AS score, "
            f"count(*) OVER () AS pooled FROM "
            f"(SELECT id, {article} AS owner, {shown} AS shown, tsv FROM {table} WHERE tsv @@ "
            f"websearch_to_tsquery('english', :q) {'' if last else 'AND day >= :since'} "
            f"ORDER BY day DESC NULLS LAST, id DESC LIMIT :pool) pool, "
            f"websearch_to_tsquery('english', :q) query ORDER BY score DESC, id LIMIT :n"),
            {"q": q, "n": limit, "pool": SEARCH_POOL, "since": since}).all()
        if last or (rows and rows[0].pooled >= SEARCH_POOL):
            return [tuple(row)[:5] for row in rows]
    return []


def _as_date(day: str | None) -> date | None:
    """A stored day as a date; None when absent or not a real date (then no windows)."""
    try:
        return date.fromisoformat(day) if day else None
    except ValueError:
        return None


def search(engine: Engine, q: str, limit: int = 20) -> list[SearchHit]:
    """Full-text search: up to ``limit`` claims, then up to ``limit`` articles, best first.

    SQLite: FTS5 (porter stemming), every word required, bm25 over the newest ``SEARCH_POOL``
    matches. PostgreSQL: ``websearch_to_tsquery`` over stored, GIN-indexed
    ``to_tsvector('english', ...)`` columns, ts_rank over the newest ``SEARCH_POOL`` matches.
    """
    limit, _ = page_bounds(limit)
    q = q.replace("\x00", " ")  # FTS5 reads NUL as the end of a string ("unterminated string")
    if not q.strip():
        return []
    with engine.connect() as conn:
        if conn.dialect.name == "sqlite":
            # bm25 over every match of a common word costs ~140 ms at 100k articles; ranking
            # the newest SEARCH_POOL matches (FTS5 walks them by rowid, i.e. ingest order)
            # bounds it (~14 ms): the best of the latest, which is what a news desk asks for.
            params = {"q": _fts5_query(q), "n": limit, "pool": SEARCH_POOL}
            rows = conn.execute(text(
                "SELECT 'claim', claim_id, article_id, text, score FROM (SELECT claim_id, "
                "article_id, text, -bm25(fts_claims) AS score FROM fts_claims WHERE fts_claims "
                "MATCH :q ORDER BY rowid DESC LIMIT :pool) ORDER BY score DESC LIMIT :n"),
                params).all()
            rows += conn.execute(text(
                "SELECT 'article', article_id, article_id, title, score FROM (SELECT "
                "article_id, title, -bm25(fts_articles) AS score FROM fts_articles WHERE "
                "fts_articles MATCH :q ORDER BY rowid DESC LIMIT :pool) "
                "ORDER BY score DESC LIMIT :n"), params).all()
        else:
            rows = _postgres_search(conn, "claims", "text", q, limit)
            rows += _postgres_search(conn, "articles", "coalesce(title, '')", q, limit)
        hits = [SearchHit(kind=k, id=i, article_id=a, text=t or "", score=float(s))
                for k, i, a, t, s in rows]
        return hits
