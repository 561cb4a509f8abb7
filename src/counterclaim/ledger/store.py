"""``Ledger``: the store of analysed reports, and the entry point for its queries.

    >>> ledger = Ledger("counterclaim.db")        # or "postgresql+psycopg://user@host/db"
    >>> ledger.add(report).status                  # "new", "present" or "syndicated"
    >>> ledger.disputes(entity="FHF", limit=10)

Every ``add`` runs in one transaction: an error part-way leaves no row of that article.
"""

from __future__ import annotations

import inspect
import logging
from collections.abc import Iterable
from typing import Literal

from pydantic import BaseModel
from sqlalchemy.exc import SQLAlchemyError

from counterclaim.errors import DataError, InputError
from counterclaim.model import Report

from . import queries
from .engine import open_engine
from .ingest import StanceFn, add_reports
from .migrations import migrate

log = logging.getLogger(__name__)


class AddResult(BaseModel):
    status: Literal["new", "present", "syndicated"]
    article_id: str
    story_id: str


def default_stance() -> StanceFn | None:
    """The stance model as ``(claim, text) -> label``, or None when it cannot be loaded."""
    try:
        from counterclaim.analyze.stance import load_stance_model, stance

        load_stance_model()
    except Exception as error:  # optional: any import or model problem turns it off
        log.info("stance disabled in the ledger: %s", error)
        return None
    return lambda claim, text, source=None: stance(claim, text, source=source).stance


def accepting_source(stance_fn: StanceFn | None) -> StanceFn | None:
    """``stance_fn`` as a ``(claim, text, source=None)`` callable: a two-argument judge (the
    older plug-in form) is wrapped, so the ledger can always pass the article's outlet."""
    if stance_fn is None:
        return None
    try:
        params = inspect.signature(stance_fn).parameters.values()
    except (TypeError, ValueError):  # builtins without a signature: call as before
        params = ()
    if any(p.name == "source" or p.kind is p.VAR_KEYWORD for p in params):
        return stance_fn
    return lambda claim, text, source=None: stance_fn(claim, text)


class Ledger:
    """A ledger database.

    db (str): a file path (SQLite, created if missing) or a SQLAlchemy URL such as
        ``postgresql+psycopg://user@host/dbname``.
    stance ("auto" | None | callable): judges whether an article disagrees with a claim
        cluster it joins; "auto" uses ``counterclaim.analyze.stance`` when it loads. A callable
        is ``(claim, text)`` or ``(claim, text, source=None)``; ``source`` gets the article's
        URL, else its outlet (the stance model has learned how some outlets hedge).
    """

    def __init__(self, db: str = "counterclaim.db", *, stance: str | StanceFn | None = "auto"):
        self.db = db
        self.engine = open_engine(db)
        try:
            migrate(self.engine, db)
        except SQLAlchemyError as error:
            raise DataError(f"cannot open ledger: {error.__class__.__name__}: "
                            f"{str(error).splitlines()[0]}", location=db) from None
        self.stance_fn = accepting_source(default_stance() if stance == "auto" else stance)

    def add(self, report: Report) -> AddResult:
        """Store one report, idempotently, in one transaction."""
        if not isinstance(report, Report):
            raise InputError(f"Ledger.add expects a Report, not {type(report).__name__}")
        try:
            with self.engine.begin() as conn:
                [(status, story_id)] = add_reports(conn, [report], self.stance_fn)
        except SQLAlchemyError as error:
            raise DataError(f"cannot store article {report.article.id}: "
                            f"{str(error).splitlines()[0]}", location=self.db) from error
        return AddResult(status=status, article_id=report.article.id, story_id=story_id)

    def add_many(self, reports: Iterable[Report], batch_size: int = 50) -> list[AddResult]:
        """Store many reports, ``batch_size`` per transaction (fewer commits, faster).

        A batch commits all or nothing. When one fails, it is replayed one report per
        transaction, so only the bad report is lost; its error is then raised.
        """
        results, batch = [], []
        for report in reports:
            batch.append(report)
            if len(batch) >= batch_size:
                results += self._add_batch(batch)
                batch = []
        return results + (self._add_batch(batch) if batch else [])

    def _add_batch(self, batch: list[Report]) -> list[AddResult]:
        try:
            with self.engine.begin() as conn:
                done = add_reports(conn, batch, self.stance_fn)
        except Exception:
            return [self.add(report) for report in batch]
        return [AddResult(status=status, article_id=r.article.id, story_id=story)
                for r, (status, story) in zip(batch, done)]

    def close(self) -> None:
        self.engine.dispose()

    def __enter__(self) -> Ledger:
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    # Queries: see ledger/queries.py for what each returns.
    def disputes(self, **kw): return queries.disputes(self.engine, **kw)  # noqa: E704
    def claims(self, **kw): return queries.claims(self.engine, **kw)  # noqa: E704
    def entity(self, name: str): return queries.entity(self.engine, name)  # noqa: E704
    def timeline(self, **kw): return queries.timeline(self.engine, **kw)  # noqa: E704
    def articles(self, **kw): return queries.articles_list(self.engine, **kw)  # noqa: E704

    def article(self, article_id: str):
        """The stored Report of one article, or None; a lost database is one clear line (the
        presence check of an ingest meets it first when the server restarts)."""
        try:
            return queries.article(self.engine, article_id)
        except SQLAlchemyError as error:
            raise DataError(f"cannot read the ledger database: {str(error).splitlines()[0]}",
                            location=self.db) from error

    def search(self, q: str, **kw): return queries.search(self.engine, q, **kw)  # noqa: E704
    def stats(self): return queries.stats(self.engine)  # noqa: E704
