"""Files and stdin: bytes from a path (or ``-``), decoded and read as one article."""

from __future__ import annotations

import sys
from pathlib import Path

from ..errors import InputError
from ..model import Article
from .decode import decode_bytes
from .records import DEFAULT_LIMITS, check_bytes, check_chars
from .text import read_text

STDIN = "-"


def read_bytes(data: bytes, *, name: str = "<bytes>", html: bool | None = None,
               **meta) -> Article:
    """Decode ``data`` (refusing binary files) and read it; ``meta`` as for ``read_text``."""
    return read_text(decode_bytes(data, name=name), name=name, html=html, **meta)


def read_path(path: str | Path, **meta) -> Article:
    """Read the article in ``path``, or from standard input when ``path`` is ``-``.

    The batch reader's default limits apply (``Limits``): a file too large is refused unread,
    an article too long is refused before analysis, and the message names the file.
    """
    limits = DEFAULT_LIMITS
    if str(path) == STDIN:
        data = sys.stdin.buffer.read(limits.max_file_bytes + 1)
        check_bytes(len(data), "<stdin>", limits)
        return _within_limits(read_bytes(data, name="<stdin>", **meta), "<stdin>")
    file = Path(path)
    if not file.exists():
        raise InputError("no such file", location=str(path))
    if not file.is_file():
        raise InputError("not a regular file", location=str(path))
    try:
        check_bytes(file.stat().st_size, str(path), limits)
        data = file.read_bytes()
    except OSError as exc:
        raise InputError(f"cannot read file ({exc.strerror or exc})", location=str(path)) from exc
    return _within_limits(read_bytes(data, name=str(path), **meta), str(path))


def _within_limits(article: Article, location: str) -> Article:
    check_chars(len(article.text), location, DEFAULT_LIMITS)
    return article
