"""POST /api/ingest (one posted article) and /api/ingest/files (uploads): analyze and store."""

from __future__ import annotations

import threading

from fastapi import APIRouter, File, UploadFile
from starlette.concurrency import run_in_threadpool

from counterclaim.errors import CounterclaimError
from counterclaim.read import read_bytes

from ..deps import AnalyzerDep, CacheDep, LedgerDep, WriteAccess
from ..errors import ApiError, error_body
from ..schemas import ArticleIn, Ingested
from .analyze import read_article

router = APIRouter(prefix="/api/ingest", tags=["ingest"], dependencies=WriteAccess)
MAX_FILES = 50
_write_lock = threading.Lock()  # one writer at a time: SQLite has a single write lock


def _store(ledger, analyzer, cache, article, name: str) -> Ingested:
    report = analyzer(article)
    with _write_lock:
        added = ledger.add(report)
    cache.clear()
    return Ingested(name=name, ok=True, status=added.status, article_id=added.article_id,
                    story_id=added.story_id, title=report.article.title,
                    n_claims=len(report.claims))


@router.post("", response_model=Ingested, status_code=201)
async def ingest(body: ArticleIn, ledger: LedgerDep, analyzer: AnalyzerDep,
                 cache: CacheDep):
    """Analyze a posted article (text or HTML) and store its Report in the ledger."""
    article = read_article(body, name="pasted")
    return await run_in_threadpool(_store, ledger, analyzer, cache, article, "pasted")


@router.post("/files", response_model=list[Ingested])
async def ingest_files(ledger: LedgerDep, analyzer: AnalyzerDep, cache: CacheDep,
                       files: list[UploadFile] = File(..., description="Text or HTML files.")):
    """Analyze and store uploaded files; each file succeeds or fails on its own.

    The whole request is limited to the server's upload size (413 beyond it).
    """
    if len(files) > MAX_FILES:
        raise ApiError(422, "invalid_request", f"at most {MAX_FILES} files per request")
    results = []
    for upload in files:
        name = upload.filename or "upload"
        data = await upload.read()
        try:
            article = read_bytes(data, name=name)
            results.append(await run_in_threadpool(_store, ledger, analyzer, cache, article,
                                                    name))
        except CounterclaimError as error:
            results.append(Ingested(name=name, ok=False,
                                    error=error_body(error.code, str(error))["error"]))
    return results
