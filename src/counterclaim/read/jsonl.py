"""JSON Lines: one article per line, ``{"text" | "html", "title", "url", "outlet", "published"}``.

The file is streamed line by line, so its size does not matter; one line longer than
``Limits.max_file_bytes`` is skipped unread. A line that is not a JSON object, lacks both
``text`` and ``html``, or has a field of the wrong type becomes a ``Failed`` item naming
``file:line``; the other lines are read.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import BinaryIO

from .records import (DEFAULT_LIMITS, META_FIELDS, Failed, Item, Limits, Record, failed,
                      load_record, one_line)

CONTENT_FIELDS = ("text", "html")
CHUNK_BYTES = 1 << 20


def read_jsonl(path: str | Path, *, limits: Limits = DEFAULT_LIMITS, manifest: dict | None = None,
               defaults: dict | None = None) -> Iterator[Item]:
    """Each line of the JSONL file ``path`` as ``Loaded`` or ``Failed``, in file order."""
    for record in iter_jsonl_records(path, limits=limits):
        if isinstance(record, Failed):
            yield record
        else:
            yield load_record(record, manifest=manifest, defaults=defaults, limits=limits)


def iter_jsonl_records(path: str | Path, *, limits: Limits = DEFAULT_LIMITS,
                       stream: BinaryIO | None = None) -> Iterator[Record | Failed]:
    """The records of a JSONL file (or of ``stream``, named ``path``), unread."""
    name = str(path)
    try:
        file = stream if stream is not None else open(path, "rb")  # noqa: SIM115
    except OSError as exc:
        yield failed(name, f"cannot read file ({exc.strerror or exc})")
        return
    with file:
        for number, line in enumerate(bounded_lines(file, limits.max_file_bytes), start=1):
            if line is None:
                yield failed(f"{name}:{number}", "line longer than the "
                             f"{limits.max_file_bytes:,}-byte limit; skipped")
            elif line.strip():
                yield parse_line(line, f"{name}:{number}")


def bounded_lines(file: BinaryIO, max_bytes: int) -> Iterator[bytes | None]:
    """The file's lines, or None for a line longer than ``max_bytes`` (read past, not kept)."""
    while True:
        line = file.readline(max_bytes + 1)
        if not line:
            return
        if len(line) > max_bytes and not line.endswith(b"\n"):
            while line and not line.endswith(b"\n"):  # skip the rest of the line in chunks
                line = file.readline(CHUNK_BYTES)
            yield None
        else:
            yield line


def parse_line(line: bytes, location: str) -> Record | Failed:
    """One JSONL line as a ``Record``, or ``Failed`` naming what is wrong with it."""
    try:
        data = json.loads(line)
    except UnicodeDecodeError:
        return failed(location, "line is not valid UTF-8 (JSON Lines must be UTF-8)")
    except RecursionError:
        return failed(location, "not valid JSON (nested too deeply)")
    except json.JSONDecodeError as exc:
        reason = one_line(exc.msg.removesuffix(" at"), 80)  # "Invalid control character at"
        return failed(location, f"not valid JSON at column {exc.colno}: {reason}")
    if not isinstance(data, dict):
        return failed(location, f"expected a JSON object, got {json_type(data)}")
    problem = field_problem(data)
    if problem:
        return failed(location, problem)
    is_html = not data.get("text") and bool(data.get("html"))  # prefer a non-empty text
    content = data["html"] if is_html else data.get("text") or ""
    # an "html" field without a single tag is plain text; let the reader sniff it
    return Record(location, content, html=None if is_html and "<" not in content else is_html,
                  meta={field: data[field] for field in META_FIELDS if data.get(field)})


def field_problem(data: dict) -> str | None:
    if all(data.get(field) is None for field in CONTENT_FIELDS):
        return 'no "text" or "html" field'
    for field in (*CONTENT_FIELDS, *META_FIELDS):
        value = data.get(field)
        if value is not None and not isinstance(value, str):
            return f'field "{field}" should be a string, got {json_type(value)}'
    return None


def json_type(value) -> str:
    names = {dict: "an object", list: "an array", str: "a string", bool: "a boolean",
             int: "a number", float: "a number", type(None): "null"}
    return names.get(type(value), type(value).__name__)


__all__ = ["iter_jsonl_records", "read_jsonl"]
