"""GET /api/articles and /api/articles/{id}: stored articles, and one with its analysis."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Path

from counterclaim.ledger.results import ArticleRow
from counterclaim.model import Report

from .. import lookup
from ..deps import DateQuery, LedgerDep, PagingDep, TextQuery
from ..errors import ApiError
from ..schemas import Page, json_page, json_response

router = APIRouter(prefix="/api", tags=["articles"])


@router.get("/articles", response_model=Page[ArticleRow])
def list_articles(ledger: LedgerDep, paging: PagingDep, outlet: TextQuery = None,
                  since: DateQuery = None, until: DateQuery = None, story_id: TextQuery = None):
    """Stored articles, newest first; ``outlets`` lists every outlet that ran the story."""
    rows = lookup.articles_list(ledger.engine, outlet=outlet, since=since, until=until,
                                story_id=story_id, limit=paging.limit, offset=paging.offset)
    return json_page(rows, paging.limit, paging.offset, ArticleRow)


@router.get("/articles/{article_id}", response_model=Report, response_model_by_alias=True)
def get_article(ledger: LedgerDep,
                article_id: Annotated[str, Path(min_length=1, max_length=100)]):
    """One article's Report (schema counterclaim/1): its text and everything found in it."""
    report = ledger.article(article_id)
    if report is None:
        raise ApiError(404, "not_found", f"no article with id {article_id!r}")
    return json_response(report, Report)
