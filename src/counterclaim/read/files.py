"""Files and stdin: bytes from a path (or ``-``), decoded and read as one article."""

from __future__ import annotations

import sys
from pathlib import Path

from ..errors import InputError
from ..model import Article
from .decode import decode_bytes
from .text import read_text

STDIN = "-"


def read_bytes(data: bytes, *, name: str = "<bytes>", html: bool | None = None,
               **meta) -> Article:
    """Decode ``data`` (refusing binary files) and read it; ``meta`` as for ``read_text``."""
    return read_text(decode_bytes(data, name=name), name=name, html=html, **meta)


def read_path(path: str | Path, **meta) -> Article:
    """Read the article in ``path``, or from standard input when ``path`` is ``-``."""
    if str(path) == STDIN:
        return read_bytes(sys.stdin.buffer.read(), name="<stdin>", **meta)
    file = Path(path)
    if not file.exists():
        raise InputError("no such file", location=str(path))
    if not file.is_file():
        raise InputError("not a regular file", location=str(path))
    try:
        data = file.read_bytes()
    except OSError as exc:
        raise InputError(f"cannot read file ({exc.strerror or exc})", location=str(path)) from exc
    return read_bytes(data, name=str(path), **meta)
