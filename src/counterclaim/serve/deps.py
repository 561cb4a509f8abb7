"""Typed dependencies, so a route's signature says what it needs (ledger, write access, paging)."""

from __future__ import annotations

import hmac
import threading
from collections.abc import Callable
from typing import Annotated

from fastapi import Depends, Query, Request

from counterclaim.ledger import Ledger
from counterclaim.model import Article, Report

from .cache import QueryCache
from .errors import ApiError

ISO_DATE = r"^\d{4}-\d{2}-\d{2}$"
MAX_PAGE = 200


def get_ledger(request: Request) -> Ledger:
    return request.app.state.ledger


def require_token(request: Request) -> None:
    """With a token configured, only ``Authorization: Bearer <token>`` may write or analyze."""
    token: str | None = request.app.state.token
    if token is None:
        return
    scheme, _, given = request.headers.get("authorization", "").partition(" ")
    if scheme.lower() != "bearer" or not hmac.compare_digest(given.strip().encode(),
                                                             token.encode()):
        raise ApiError(401, "unauthorized", "this endpoint needs 'Authorization: Bearer "
                       "<token>' with the server's COUNTERCLAIM_TOKEN")


class Paging:
    """``limit`` (1..200) and ``offset`` query parameters."""

    def __init__(self, limit: Annotated[int, Query(ge=1, le=MAX_PAGE)] = 50,
                 offset: Annotated[int, Query(ge=0, le=10_000_000)] = 0):
        self.limit = limit
        self.offset = offset


class Analyzer:
    """Runs the analysis pipeline, one article at a time (the spaCy pipeline is shared)."""

    def __init__(self, analyze: Callable[[Article], Report] | None = None):
        self._analyze = analyze
        self._lock = threading.Lock()

    def __call__(self, article: Article) -> Report:
        with self._lock:
            if self._analyze is None:
                from counterclaim.analyze import analyze_article
                self._analyze = analyze_article
            return self._analyze(article)


def get_cache(request: Request) -> QueryCache:
    return request.app.state.cache


def get_analyzer(request: Request) -> Analyzer:
    return request.app.state.analyzer


LedgerDep = Annotated[Ledger, Depends(get_ledger)]
AnalyzerDep = Annotated[Analyzer, Depends(get_analyzer)]
CacheDep = Annotated[QueryCache, Depends(get_cache)]
PagingDep = Annotated[Paging, Depends()]
WriteAccess = [Depends(require_token)]
DateQuery = Annotated[str | None, Query(pattern=ISO_DATE, description="ISO date YYYY-MM-DD")]
TextQuery = Annotated[str | None, Query(min_length=1, max_length=200)]
