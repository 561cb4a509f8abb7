"""RSS and Atom feed files: one article per entry that carries the full text.

feedparser does the parsing. An entry's article is its full content (RSS
``content:encoded``, Atom ``<content>``); the summary (``<description>``) stands in only
when it is long enough to be the article rather than a teaser. Per entry: title, link and
date; the feed's title is the outlet. Locations name the entry: ``feed.xml#2``.

Hostile XML: a feed declaring XML entities (``<!ENTITY``) is refused before feedparser sees
it. News feeds never need them, and entity expansion ("billion laughs", quadratic blowup)
is how a few kilobytes of XML exhaust memory. The check parses only the prolog with expat
and stops at the root element, so it costs nothing on large feeds.
"""

from __future__ import annotations

import codecs
import re
from collections.abc import Iterator
from datetime import datetime, timezone
from email.utils import parsedate_to_datetime
from pathlib import Path
from xml.parsers import expat

import feedparser

from ..errors import UnsupportedInput
from .records import DEFAULT_LIMITS, Failed, Item, Limits, Record, failed, load_record, one_line

FEED_SUFFIXES = {".rss", ".atom"}
FEED_ROOTS = {"rss", "feed", "rdf:rdf", "rdf"}
MIN_SUMMARY_CHARS = 600  # a summary shorter than this is a teaser, not the article
HTML_TYPES = {"text/html", "application/xhtml+xml", "html", "xhtml"}
TAG = re.compile(r"<[^>]*>")
COMMENT = re.compile(r"<!--.*?(?:-->|$)", re.S)
FIRST_ELEMENT = re.compile(r"<([A-Za-z][\w:.-]*)")
ENTITY_DECLARATION = re.compile(rb"<!\s*ENTITY", re.I)
SNIFF_BYTES = 4096


class EntitiesDeclared(Exception):
    pass


class RootReached(Exception):
    pass


def looks_like_feed(head: bytes) -> bool:
    """True when the document's root element is ``rss``, ``feed`` (Atom) or ``rdf:RDF``."""
    text = decode_head(head[:SNIFF_BYTES])
    match = FIRST_ELEMENT.search(COMMENT.sub("", text))
    return bool(match) and match.group(1).lower() in FEED_ROOTS


def decode_head(head: bytes) -> str:
    for bom, encoding in ((codecs.BOM_UTF16_LE, "utf-16-le"), (codecs.BOM_UTF16_BE, "utf-16-be")):
        if head.startswith(bom):
            return head[len(bom):].decode(encoding, "replace")
    return head.decode("utf-8", "replace")


def read_feed(path: str | Path, *, limits: Limits = DEFAULT_LIMITS, manifest: dict | None = None,
              defaults: dict | None = None, data: bytes | None = None) -> Iterator[Item]:
    """Each full-text entry of the feed file ``path`` (or of ``data``) as ``Loaded``/``Failed``."""
    for record in iter_feed_records(path, limits=limits, data=data):
        if isinstance(record, Failed):
            yield record
        else:
            yield load_record(record, manifest=manifest, defaults=defaults, limits=limits)


def iter_feed_records(path: str | Path, *, limits: Limits = DEFAULT_LIMITS,
                      data: bytes | None = None) -> Iterator[Record | Failed]:
    name = str(path)
    if data is None:
        try:
            size = Path(path).stat().st_size
            if size > limits.max_file_bytes:
                yield failed(name, f"feed is {size / 1e6:.1f} MB, over the "
                             f"{limits.max_file_bytes / 1e6:g} MB limit")
                return
            data = Path(path).read_bytes()
        except OSError as exc:
            yield failed(name, f"cannot read file ({exc.strerror or exc})")
            return
    problem = entity_problem(data)
    if problem:
        yield failed(name, problem, UnsupportedInput)
        return
    try:
        feed = feedparser.parse(data, sanitize_html=False, resolve_relative_uris=False)
    except (UnicodeError, LookupError, ValueError) as exc:
        # feedparser trips over a garbled encoding declaration (found by fuzzing)
        yield failed(name, f"unreadable feed ({type(exc).__name__}: {one_line(exc, 120)})")
        return
    if not feed.entries:
        reason = one_line(feed.get("bozo_exception") or "", 120) if feed.bozo else ""
        yield failed(name, f"not an RSS/Atom feed with entries{f' ({reason})' if reason else ''}")
        return
    outlet = feed.feed.get("title")
    for number, entry in enumerate(feed.entries, start=1):
        yield entry_record(entry, f"{name}#{number}", outlet)


def entity_problem(data: bytes) -> str | None:
    """Why the document must not be parsed (it declares entities), or None."""
    parser = expat.ParserCreate()

    def on_entity(*_args):
        raise EntitiesDeclared

    def on_root(*_args):
        raise RootReached

    parser.EntityDeclHandler = on_entity
    parser.StartElementHandler = on_root
    message = ("feed declares XML entities (<!ENTITY>), refused as a possible "
               "entity-expansion attack")
    try:
        parser.Parse(data, True)
    except EntitiesDeclared:
        return message
    except RootReached:
        return None
    except (expat.ExpatError, LookupError):
        # expat could not read the prolog (or its declared encoding: LookupError, found by
        # fuzzing); feedparser's lenient parser may still read the feed, so fall back to a
        # plain search for declarations.
        return message if ENTITY_DECLARATION.search(data) else None
    return None


def entry_record(entry, location: str, outlet: str | None) -> Record | Failed:
    """The record of one feed entry: its full content, or a long enough summary."""
    content, content_type = entry_content(entry)
    if content is None:
        summary = entry.get("summary") or ""
        if not summary.strip():
            return failed(location, "feed entry has no content")
        length = len(" ".join(TAG.sub(" ", summary).split()))
        if length < MIN_SUMMARY_CHARS:
            return failed(location, f"feed entry has only a {length}-character summary, "
                          f"not the full article (need {MIN_SUMMARY_CHARS}+)")
        content = summary
        content_type = (entry.get("summary_detail") or {}).get("type", "text/html")
    meta = {"title": entry.get("title"), "url": entry.get("link"),
            "published": entry_date(entry), "outlet": outlet}
    # RSS calls every description HTML; one without a single tag is plain text
    is_html = content_type in HTML_TYPES and TAG.search(content) is not None
    return Record(location, content, html=is_html,
                  meta={k: v for k, v in meta.items() if v})


def entry_content(entry) -> tuple[str | None, str]:
    """The longest full-content block of the entry and its MIME type."""
    blocks = [block for block in entry.get("content") or [] if (block.get("value") or "").strip()]
    if not blocks:
        return None, ""
    best = max(blocks, key=lambda block: len(block["value"]))
    return best["value"], best.get("type") or "text/html"


def entry_date(entry) -> str | None:
    """The entry's publication (else update) date as ISO 8601, keeping its time zone."""
    for field in ("published", "updated"):
        raw = entry.get(field)
        if not raw:
            continue
        parsed = parse_date(raw)
        if parsed is not None:
            return parsed.isoformat()
        struct = entry.get(f"{field}_parsed")
        if struct:
            return datetime(*struct[:6], tzinfo=timezone.utc).isoformat()
    return None


def parse_date(raw: str) -> datetime | None:
    """RFC 822 (RSS) or RFC 3339 (Atom); None for anything else."""
    try:
        return parsedate_to_datetime(raw)
    except (TypeError, ValueError, IndexError):
        pass
    try:
        return datetime.fromisoformat(raw.strip().replace("Z", "+00:00"))
    except ValueError:
        return None
