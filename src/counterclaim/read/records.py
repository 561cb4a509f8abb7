"""Batch reading's common parts: what a reader yields, the size limits, and one record read.

The batch readers (``jsonl``, ``feeds``, ``warc``) split a container file into ``Record``s,
each the raw content of one article plus the metadata the container gives for it;
``load_record`` turns a record into ``Loaded`` or ``Failed`` so that one bad article never
stops a batch. Metadata is applied in this order, strongest first:

1. the record's own fields (a JSONL line's ``title``/``url``/``outlet``/``published``, a feed
   entry's title, link, date and the feed's title, a WARC record's target URI);
2. the directory's ``manifest.jsonl`` entry for the file;
3. what the page itself declares (HTML meta tags, JSON-LD);
4. weak fallbacks from the container (a WARC record's crawl date);
5. the caller's defaults (``counterclaim ingest --outlet/--published``).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import NamedTuple, Union

from ..errors import CounterclaimError, InputError
from ..model import Article
from .dateline import find_dateline
from .decode import decode_bytes
from .html import looks_like_html
from .text import read_text

META_FIELDS = ("title", "url", "outlet", "published")

MEGABYTE = 1_000_000


@dataclass(frozen=True)
class Limits:
    """Bounds that keep one hostile input from eating the memory or the hours of a batch.

    max_file_bytes (int): a single-article file (.txt/.html) or a feed file larger than this
        is refused unread; also the cap on one JSONL line and one WARC payload. JSONL and
        WARC files themselves are streamed and may be any size. 10 MB because trafilatura
        needs about 1.5 s per MB of page (more on repetitive markup: 23 s for 10 MB), and
        real article pages, scripts and inline images included, stay well below it.
    max_article_chars (int): an article whose text, after HTML extraction, is longer than
        this is refused. 500,000 characters is some 80,000 words, ten times a long feature,
        and half of spaCy's ``nlp.max_length`` (1,000,000), beyond which analysis fails.
        Plain text is measured before normalisation, so a huge text file is refused before
        the costly steps.
    """

    max_file_bytes: int = 10 * MEGABYTE
    max_article_chars: int = 500_000


DEFAULT_LIMITS = Limits()


class Record(NamedTuple):
    """One article's raw content inside a container, before reading.

    content (str | bytes): text or HTML; bytes are decoded (and binary refused) on reading.
    html (bool | None): True for HTML, False for plain text, None to sniff.
    meta (dict): title/url/outlet/published the container gives for this record.
    fallback (dict): weak metadata used only when nothing better is known (a crawl date).
    """

    location: str
    content: Union[str, bytes]
    html: bool | None = None
    meta: dict = {}
    fallback: dict = {}


class Loaded(NamedTuple):
    """An article read from ``location`` (``file``, ``file:line``, ``file@offset``, ``file#n``)."""

    article: Article
    location: str


class Failed(NamedTuple):
    """An input that could not be read; ``str(error)`` is a one-line message naming it."""

    location: str
    error: CounterclaimError


Item = Union[Loaded, Failed]


def failed(location: str, message: str, error_type: type[CounterclaimError] = InputError) -> Failed:
    return Failed(location, error_type(one_line(message), location=location))


def one_line(message: str, max_chars: int = 300) -> str:
    """Messages from parsers can span lines or quote raw input; keep one short printable line."""
    message = " ".join(str(message).split())
    message = "".join(ch if ch.isprintable() else "?" for ch in message)
    return message if len(message) <= max_chars else message[: max_chars - 3] + "..."


def known(meta: dict | None) -> dict:
    """The metadata fields that are present and non-empty strings."""
    return {k: v.strip() for k, v in (meta or {}).items()
            if k in META_FIELDS and isinstance(v, str) and v.strip()}


def load_record(record: Record, *, manifest: dict | None = None, defaults: dict | None = None,
                limits: Limits = DEFAULT_LIMITS) -> Item:
    """Read ``record`` into an article, or say why not; never raises for bad input."""
    try:
        article = read_record(record, manifest=manifest, limits=limits)
        article = fill_missing(article, known(record.fallback))
        return Loaded(fill_missing(article, known(defaults)), record.location)
    except CounterclaimError as exc:
        if not exc.location:
            exc = type(exc)(exc.message, location=record.location)
        return Failed(record.location, exc)
    except RecursionError:
        return failed(record.location, "input nested too deeply to read")
    except MemoryError:
        return failed(record.location, "input too large to read in memory")
    except Exception as exc:  # noqa: BLE001 - a parser bug on one input must not end the batch
        return failed(record.location,
                      f"cannot read ({type(exc).__name__}: {one_line(exc, 120)})")


def read_record(record: Record, *, manifest: dict | None, limits: Limits) -> Article:
    location = record.location
    content = record.content
    if isinstance(content, bytes):
        check_bytes(len(content), location, limits)
        if record.html is not True and len(content) > 4 * limits.max_article_chars:
            refuse_long_plain_bytes(content, location, limits)
        content = decode_bytes(content, name=location)
    is_html = looks_like_html(content, location) if record.html is None else record.html
    if not is_html:
        check_chars(len(content), location, limits)  # plain text: refuse before normalising
    elif len(content) > limits.max_file_bytes:
        check_bytes(len(content), location, limits)
    meta = {**known(manifest), **known(record.meta)}
    article = read_text(content, html=is_html, name=location, **meta)
    check_chars(len(article.text), location, limits)
    return article


def refuse_long_plain_bytes(content: bytes, location: str, limits: Limits) -> None:
    """Plain text of this many bytes has too many characters in any encoding (<= 4 bytes
    each): refuse it before decoding, which costs seconds on tens of megabytes."""
    head = content[:4096].decode("utf-8", "replace")
    if not looks_like_html(head, location):
        check_chars(len(content) // 4, location, limits)


def check_bytes(size: int, location: str, limits: Limits) -> None:
    if size > limits.max_file_bytes:
        raise InputError(f"input is {size / MEGABYTE:.1f} MB, over the "
                         f"{limits.max_file_bytes / MEGABYTE:g} MB limit", location=location)


def check_chars(size: int, location: str, limits: Limits) -> None:
    if size > limits.max_article_chars:
        raise InputError(f"article text is {size:,} characters, over the "
                         f"{limits.max_article_chars:,}-character limit", location=location)


def fill_missing(article: Article, meta: dict) -> Article:
    """Set outlet/url/title/published where the article has none; re-anchor the dateline."""
    updates = {field: value for field, value in meta.items() if getattr(article, field) is None}
    if "published" in updates:
        updates["dateline"] = find_dateline(article.text, published=updates["published"])
    return article.model_copy(update=updates) if updates else article
