"""One JSON error shape for every API error: ``{"error": {"code": ..., "message": ...}}``.

Bad input is a 4xx with a message naming what was wrong; only a bug is a 500, and its body
says nothing about the internals. Dashboard pages get the same information as HTML.
"""

from __future__ import annotations

import logging

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from starlette.exceptions import HTTPException as StarletteHTTPException

from counterclaim.errors import EXIT_USAGE, CounterclaimError

log = logging.getLogger(__name__)

STATUS_CODES = {400: "bad_request", 401: "unauthorized", 403: "forbidden", 404: "not_found",
                405: "method_not_allowed", 413: "too_large", 415: "unsupported_media_type",
                422: "invalid_request", 429: "too_many_requests"}


class ServeError(CounterclaimError):
    """The server cannot start as asked (e.g. a public address without a token)."""

    exit_code = EXIT_USAGE
    http_status = 500
    code = "serve_error"


class ApiError(CounterclaimError):
    """A request the API refuses, with its HTTP status and error code."""

    def __init__(self, status: int, code: str, message: str):
        super().__init__(message)
        self.http_status = status
        self.code = code


def error_body(code: str, message: str) -> dict:
    return {"error": {"code": code, "message": message}}


def _describe_validation(error: RequestValidationError) -> str:
    """'query.limit: Input should be less than or equal to 500; body.text: Field required'."""
    parts = []
    for item in error.errors()[:5]:
        where = ".".join(str(p) for p in item.get("loc", ()) if p != "body" or
                         len(item.get("loc", ())) == 1)
        parts.append(f"{where}: {item.get('msg', 'invalid')}" if where else item.get("msg", ""))
    return "; ".join(parts) or "invalid request"


def _respond(request: Request, status: int, code: str, message: str, headers=None):
    if request.url.path.startswith("/api/") or request.url.path == "/openapi.json" \
            or not _wants_html(request):
        return JSONResponse(error_body(code, message), status_code=status, headers=headers)
    templates = request.app.state.templates
    return templates.TemplateResponse(request, "error.html", {
        "status": status, "code": code, "message": message}, status_code=status,
        headers=headers)


def _wants_html(request: Request) -> bool:
    return "text/html" in request.headers.get("accept", "")


def install_error_handlers(app: FastAPI) -> None:
    @app.exception_handler(RequestValidationError)
    async def on_validation(request: Request, error: RequestValidationError):
        return _respond(request, 422, "invalid_request", _describe_validation(error))

    @app.exception_handler(StarletteHTTPException)
    async def on_http(request: Request, error: StarletteHTTPException):
        code = STATUS_CODES.get(error.status_code, "error")
        message = error.detail if isinstance(error.detail, str) else code.replace("_", " ")
        return _respond(request, error.status_code, code, message,
                        getattr(error, "headers", None))

    @app.exception_handler(CounterclaimError)
    async def on_counterclaim(request: Request, error: CounterclaimError):
        status = error.http_status
        if status >= 500:
            log.error("request %s failed: %s", request.url.path, error)
        headers = {"WWW-Authenticate": "Bearer"} if status == 401 else None
        return _respond(request, status, error.code, str(error), headers)

    @app.exception_handler(Exception)
    async def on_bug(request: Request, error: Exception):
        log.exception("unexpected error on %s", request.url.path)
        return _respond(request, 500, "internal_error", "internal server error")


__all__ = ["ApiError", "ServeError", "error_body", "install_error_handlers"]
