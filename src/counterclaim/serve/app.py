"""The FastAPI application: JSON API under ``/api``, dashboard pages, static assets.

    create_app(ledger, token=None, max_upload_bytes=5_000_000) -> FastAPI
    run(db, host="127.0.0.1", port=8000, token=None)   # `counterclaim serve`

Binding to anything but loopback needs a token (``COUNTERCLAIM_TOKEN``); with a token set,
endpoints that write or analyze need ``Authorization: Bearer <token>``. Reads stay open.
"""

from __future__ import annotations

import ipaddress
import os
from collections.abc import Callable
from pathlib import Path
from urllib.parse import urlencode

from fastapi import FastAPI
from fastapi.staticfiles import StaticFiles
from fastapi.templating import Jinja2Templates

from counterclaim import __version__
from counterclaim.model import Article, Report

from .cache import QueryCache
from .deps import Analyzer
from .errors import ServeError, install_error_handlers
from .pages import router as pages_router
from .routes import ROUTERS
from .security import SecurityMiddleware

HERE = Path(__file__).parent
DEFAULT_MAX_UPLOAD = 5_000_000
TOKEN_ENV = "COUNTERCLAIM_TOKEN"

DESCRIPTION = """Who claims what, and who disputes it: the counterclaim ledger over HTTP.

Every Report is schema `counterclaim/1`. Lists are pages (`limit`, `offset`, `next_offset`).
Errors are `{"error": {"code": ..., "message": ...}}`. With a server token, `POST` endpoints
need `Authorization: Bearer <token>`."""


def create_app(ledger, *, token: str | None = None,
               max_upload_bytes: int = DEFAULT_MAX_UPLOAD,
               analyzer: Callable[[Article], Report] | None = None,
               cache_seconds: float = 30.0) -> FastAPI:
    """The app over ``ledger`` (a ``counterclaim.ledger.Ledger``).

    token (str): bearer token that write and analyze endpoints require; None: no check.
    max_upload_bytes (int): largest request body accepted (413 beyond).
    analyzer (callable): Article -> Report; default ``counterclaim.analyze.analyze_article``.
    cache_seconds (float): how long the aggregate lists (places, entities), dispute pages
        and entity profiles are reused; an ingest through this app clears them; 0: never.
    """
    app = FastAPI(title="counterclaim", version=__version__, description=DESCRIPTION,
                  docs_url=None, redoc_url=None)  # the Swagger/ReDoc pages load from a CDN
    app.state.ledger = ledger
    app.state.token = token or None
    app.state.analyzer = Analyzer(analyzer)
    app.state.max_upload_bytes = max_upload_bytes
    app.state.cache = QueryCache(ttl=cache_seconds)
    app.state.templates = _templates()
    app.add_middleware(SecurityMiddleware, max_body_bytes=max_upload_bytes)
    install_error_handlers(app)
    for router in ROUTERS:
        app.include_router(router)
    app.include_router(pages_router)
    app.mount("/static", StaticFiles(directory=str(HERE / "static")), name="static")
    return app


def _query_with(params, **updates) -> str:
    """The query string ``params`` with ``updates`` applied (for pager links)."""
    merged = {k: v for k, v in params.items() if v not in ("", None)}
    merged.update({k: str(v) for k, v in updates.items()})
    return urlencode(merged)


def _templates() -> Jinja2Templates:
    templates = Jinja2Templates(directory=str(HERE / "templates"))  # autoescapes .html
    templates.env.filters["query_with"] = _query_with
    return templates


def is_loopback(host: str) -> bool:
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False


def check_binding(host: str, token: str | None) -> None:
    """Refuse a non-loopback address without a token: the ledger would be writable by anyone."""
    if not is_loopback(host) and not token:
        raise ServeError(f"serving on {host} (not loopback) needs an API token: set "
                         f"{TOKEN_ENV} or pass --token", location="serve")


def run(db: str, host: str = "127.0.0.1", port: int = 8000, token: str | None = None,
        max_upload_bytes: int = DEFAULT_MAX_UPLOAD) -> None:
    """Serve the ledger ``db`` until interrupted (``counterclaim serve``)."""
    import uvicorn

    from counterclaim.ledger import Ledger

    token = token or os.environ.get(TOKEN_ENV) or None
    check_binding(host, token)
    with Ledger(db) as ledger:
        app = create_app(ledger, token=token, max_upload_bytes=max_upload_bytes)
        uvicorn.run(app, host=host, port=port, log_level="info", server_header=False)
