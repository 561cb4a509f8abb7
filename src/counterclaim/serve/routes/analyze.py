"""POST /api/analyze: analyze one posted article without storing it."""

from __future__ import annotations

from fastapi import APIRouter
from starlette.concurrency import run_in_threadpool

from counterclaim.model import Report
from counterclaim.read import read_text

from ..deps import AnalyzerDep, WriteAccess
from ..schemas import ArticleIn

router = APIRouter(prefix="/api", tags=["analyze"])


def read_article(body: ArticleIn, name: str = "<posted>"):
    return read_text(body.text, html=body.html, title=body.title, published=body.published,
                     outlet=body.outlet, url=body.url, name=name)


@router.post("/analyze", response_model=Report, dependencies=WriteAccess,
             response_model_by_alias=True)
async def analyze(body: ArticleIn, analyzer: AnalyzerDep):
    """The Report (schema counterclaim/1) of a posted article; nothing is stored.

    Needs the bearer token when the server has one (analysis is the costly operation).
    """
    article = read_article(body)
    return await run_in_threadpool(analyzer, article)
