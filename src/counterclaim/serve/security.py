"""Headers every response carries, and the request-body size limit.

Article text is untrusted: pages are rendered with autoescaping and the Content-Security-Policy
below forbids inline scripts and styles, plugins, framing and foreign origins, so even markup
that slipped through could neither run nor phone home.
"""

from __future__ import annotations

import json

from starlette.exceptions import HTTPException

CSP = ("default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
       "connect-src 'self'; font-src 'self'; object-src 'none'; base-uri 'none'; "
       "form-action 'self'; frame-ancestors 'none'")

SECURITY_HEADERS = [
    (b"content-security-policy", CSP.encode()),
    (b"x-content-type-options", b"nosniff"),
    (b"referrer-policy", b"no-referrer"),
    (b"x-frame-options", b"DENY"),
    (b"cross-origin-opener-policy", b"same-origin"),
]


class SecurityMiddleware:
    """ASGI middleware: adds SECURITY_HEADERS and refuses bodies over ``max_body_bytes`` (413).

    The limit is checked on Content-Length first and again while the body streams in, so a
    chunked upload cannot get past it either.
    """

    def __init__(self, app, max_body_bytes: int):
        self.app = app
        self.max_body_bytes = max_body_bytes

    async def __call__(self, scope, receive, send):
        if scope["type"] != "http":
            return await self.app(scope, receive, send)
        if b"%00" in scope.get("query_string", b"") or "\x00" in scope.get("path", ""):
            # PostgreSQL refuses NUL in text and SQLite's FTS5 ends a string at it: a 500
            # either way (found by schemathesis), so no URL may carry one.
            return await self._send_error(send, 400, "invalid_request",
                                          "NUL characters are not allowed in URLs")
        headers = dict(scope.get("headers") or [])
        length = headers.get(b"content-length")
        if length is not None and (not length.isdigit() or int(length) > self.max_body_bytes):
            return await self._too_large(send)
        received = 0
        started = False

        async def limited_receive():
            nonlocal received
            message = await receive()
            if message["type"] == "http.request":
                received += len(message.get("body", b""))
                if received > self.max_body_bytes:
                    raise BodyTooLarge(self.max_body_bytes)
            return message

        async def send_with_headers(message):
            nonlocal started
            if message["type"] == "http.response.start":
                started = True
                message["headers"] = list(message.get("headers", [])) + SECURITY_HEADERS
            await send(message)

        try:
            await self.app(scope, limited_receive, send_with_headers)
        except BodyTooLarge:
            if not started:
                await self._too_large(send)

    async def _too_large(self, send):
        await self._send_error(send, 413, "too_large",
                               f"request body over the limit of {self.max_body_bytes} bytes")

    async def _send_error(self, send, status: int, code: str, message: str):
        body = json.dumps({"error": {"code": code, "message": message}}).encode()
        await send({"type": "http.response.start", "status": status, "headers": [
            (b"content-type", b"application/json"),
            (b"content-length", str(len(body)).encode())] + SECURITY_HEADERS})
        await send({"type": "http.response.body", "body": body})


class BodyTooLarge(HTTPException):
    """An HTTPException, so FastAPI's body parsing re-raises it and the 413 handler answers."""

    def __init__(self, limit: int):
        super().__init__(413, f"request body over the limit of {limit} bytes")
