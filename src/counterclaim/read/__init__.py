"""Reading: bytes and files in, ``model.Article`` out. Knows nothing of spaCy.

Public functions:
- ``read_text(text, *, html=None, title=None, published=None, outlet=None, url=None)``
- ``read_bytes(data, *, name, html=None, ...)``: decodes, sniffs binary and HTML.
- ``read_path(path, ...)``: a file path, or ``-`` for stdin.
- ``article_id(text)``: the hash of the normalised text.

Modules: ``decode`` (bytes -> str), ``html`` (page -> body and metadata), ``boilerplate``
(comment forms, share bars), ``title``, ``dateline``, ``language``, ``text`` (the steps in
order) and ``files`` (paths and stdin).
"""

from __future__ import annotations

from .dateline import find_dateline
from .decode import decode_bytes
from .files import read_bytes, read_path
from .text import article_id, read_text

__all__ = ["article_id", "decode_bytes", "find_dateline", "read_bytes", "read_path",
           "read_text"]

# Batch input (``counterclaim ingest``): files, directories, globs, stdin, JSONL, feeds, WARC.
from .records import Failed, Item, Limits, Loaded  # noqa: E402
from .sources import iter_inputs  # noqa: E402

__all__ += ["Failed", "Item", "Limits", "Loaded", "iter_inputs"]
