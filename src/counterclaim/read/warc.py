"""WARC web archives (``.warc``, ``.warc.gz``): each HTML page fetched with HTTP 200 is an article.

warcio streams the records, so an archive of any size is read one record at a time. Only
``response`` records with status 200 and an HTML content type are articles; other records
(requests, metadata, images, redirects) are skipped silently. The article's ``url`` is the
record's ``WARC-Target-URI``; its publication date is the page's own, else the crawl date
(``WARC-Date``). Locations give the record's byte offset: ``crawl.warc.gz@12345``.

A truncated or corrupt record is reported as ``Failed`` at its offset; reading then resumes
at the next record boundary found in the file (the next gzip member, or the next
``WARC/1.`` header line), so one damaged record does not lose the rest of the archive.
"""

from __future__ import annotations

import codecs
import io
from collections.abc import Iterator
from pathlib import Path
from contextlib import contextmanager, redirect_stderr
from typing import BinaryIO

from warcio.archiveiterator import ArchiveIterator

from .records import DEFAULT_LIMITS, Failed, Item, Limits, Record, failed, load_record, one_line

WARC_SUFFIXES = (".warc", ".warc.gz")
HTML_CONTENT_TYPES = ("text/html", "application/xhtml+xml")
GZIP_MEMBER = b"\x1f\x8b\x08"
WARC_HEADER = b"\nWARC/1."
SCAN_CHUNK = 1 << 20


class TruncatedRecord(Exception):
    pass


def is_warc_name(name: str) -> bool:
    return name.lower().endswith(WARC_SUFFIXES)


def read_warc(path: str | Path, *, limits: Limits = DEFAULT_LIMITS, manifest: dict | None = None,
              defaults: dict | None = None) -> Iterator[Item]:
    """Each HTML page in the WARC file ``path`` as ``Loaded``/``Failed``, in archive order."""
    for record in iter_warc_records(path, limits=limits):
        if isinstance(record, Failed):
            yield record
        else:
            yield load_record(record, manifest=manifest, defaults=defaults, limits=limits)


def iter_warc_records(path: str | Path, *, limits: Limits = DEFAULT_LIMITS
                      ) -> Iterator[Record | Failed]:
    name = str(path)
    try:
        file = open(path, "rb")  # noqa: SIM115 - closed below
    except OSError as exc:
        yield failed(name, f"cannot read file ({exc.strerror or exc})")
        return
    with file:
        gzipped = file.read(2) == GZIP_MEMBER[:2]
        start, resyncing = 0, False
        while start is not None:
            start = yield from records_from(file, start, name, gzipped, limits, resyncing)
            resyncing = True


def records_from(file: BinaryIO, start: int, name: str, gzipped: bool, limits: Limits,
                 resyncing: bool = False) -> Iterator[Record | Failed]:
    """The records from byte ``start`` on; returns where to resume after damage, or None.

    resyncing (bool): ``start`` is a guessed boundary after damage already reported, so a
        failure at the first record is the same damage and is not reported again.
    """
    file.seek(start)
    archive = ArchiveIterator(file, check_digests="raise")  # a wrong length fails the digest
    records = iter(archive)
    first = True
    while True:
        offset = archive.offset
        try:
            with quiet_warcio():
                warc_record = next(records, None)
                offset = archive.offset  # where the record just parsed starts
                if warc_record is None:
                    return trailing_damage(file, offset)
                record = page_record(warc_record, f"{name}@{offset}", limits)
        except Exception as exc:  # noqa: BLE001 - warcio, zlib and gzip raise many kinds
            offset = max(offset, archive.offset)  # next() may have moved on to a new record
            if not (resyncing and first):
                yield failed(f"{name}@{offset}", f"{damage(exc)}; record skipped")
            return next_boundary(file, offset + 1, GZIP_MEMBER if gzipped else WARC_HEADER)
        first = False
        if record is not None:
            yield record


def damage(exc: Exception) -> str:
    if isinstance(exc, TruncatedRecord):
        return f"truncated WARC record ({exc})"
    return f"corrupt WARC record ({type(exc).__name__}: {one_line(exc, 100)})"


@contextmanager
def quiet_warcio():
    """warcio prints warnings to stderr; the damage they describe is reported as Failed."""
    with redirect_stderr(io.StringIO()):
        yield


def trailing_damage(file: BinaryIO, offset: int) -> None:
    """A gzip member cut short ends warcio's iteration quietly: look for unread bytes."""
    file.seek(0, io.SEEK_END)
    if file.tell() > offset:
        raise TruncatedRecord("the archive ends inside a record")


def page_record(warc_record, location: str, limits: Limits) -> Record | Failed | None:
    """The article record of an HTML 200 response, None for any other record."""
    if warc_record.rec_type != "response" or warc_record.http_headers is None:
        return None
    http = warc_record.http_headers
    content_type = (http.get_header("Content-Type") or "").lower()
    if http.get_statuscode() != "200" or not content_type.startswith(HTML_CONTENT_TYPES):
        return None
    body = warc_record.content_stream().read(limits.max_file_bytes + 1)
    if len(body) > limits.max_file_bytes:
        return failed(location, f"page is over the {limits.max_file_bytes / 1e6:g} MB limit")
    if warc_record.raw_stream.limit > 0:  # the file ended before the record's Content-Length
        raise TruncatedRecord("the archive ends inside the record")
    headers = warc_record.rec_headers
    return Record(location, decode_declared(body, content_type), html=True,
                  meta={"url": headers.get_header("WARC-Target-URI")},
                  fallback={"published": headers.get_header("WARC-Date")})


def decode_declared(body: bytes, content_type: str) -> str | bytes:
    """The body decoded with the HTTP charset when it is declared and fits, else the bytes."""
    for param in content_type.split(";")[1:]:
        key, _, value = param.partition("=")
        if key.strip() == "charset":
            try:
                return body.decode(codecs.lookup(value.strip(" \"'")).name)
            except (LookupError, UnicodeDecodeError):
                return body
    return body


def next_boundary(file: BinaryIO, start: int, marker: bytes) -> int | None:
    """The offset of the first ``marker`` at or after ``start``, or None at the end of file."""
    file.seek(start)
    position, tail = start, b""
    while chunk := file.read(SCAN_CHUNK):
        window = tail + chunk
        found = window.find(marker)
        if found >= 0:
            boundary = position - len(tail) + found
            return boundary + 1 if marker.startswith(b"\n") else boundary
        tail = window[-(len(marker) - 1):]
        position += len(chunk)
    return None
