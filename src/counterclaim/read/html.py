"""HTML pages: sniff them, prune site furniture, let trafilatura find the article body.

trafilatura runs with ``favor_recall`` so that short body paragraphs (a one-line quote, a
dateline paragraph) are kept; the furniture that recall lets in is removed beforehand by
``boilerplate.prune_tree``. Title, publication date, outlet and canonical URL come from
trafilatura's metadata (meta tags, JSON-LD, ``<title>``).
"""

from __future__ import annotations

import copy
import re
from itertools import islice
from pathlib import PurePath
from typing import NamedTuple

import trafilatura
from trafilatura.metadata import extract_metadata
from trafilatura.settings import set_date_params
from trafilatura.utils import load_html

from ..errors import InputError
from .boilerplate import prune_tree

HTML_SUFFIXES = {".html", ".htm", ".xhtml", ".shtml"}

# A page starts with a doctype or a structural tag (possibly after an XML prolog or comment).
HTML_START = re.compile(
    r"^\s*(?:<\?xml[^>]*>\s*)?(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html|head|body)\b",
    re.I | re.S,
)
# Or it is a fragment: count block tags in the first few kilobytes.
BLOCK_TAG = re.compile(r"</?(?:p|div|br|article|section|h[1-6]|span|a\s+href)\b[^>]*>", re.I)
MIN_BLOCK_TAGS = 3
SNIFF_CHARS = 4096
# trafilatura spends 0.2-0.3 ms per element whatever it holds, so 1 MB of bare "<p>" tags
# (333,000 elements) would take minutes; article pages have a few thousand elements.
START_TAG = re.compile(r"<[A-Za-z]")
MAX_ELEMENTS = 100_000


class HtmlArticle(NamedTuple):
    """What the page yields: body lines joined by blank lines, plus metadata or None."""

    text: str
    title: str | None
    published: str | None
    outlet: str | None
    url: str | None


def looks_like_html(text: str, name: str | None = None) -> bool:
    """True for a name ending in .html/.htm, or content that starts or reads like markup."""
    if name and PurePath(name).suffix.lower() in HTML_SUFFIXES:
        return True
    head = text[:SNIFF_CHARS]
    return bool(HTML_START.match(head)) or len(BLOCK_TAG.findall(head)) >= MIN_BLOCK_TAGS


def extract_html(markup: str, *, name: str = "<html>") -> HtmlArticle:
    """The article in ``markup``: body text with paragraphs separated by blank lines."""
    tree = parse_html(markup, name)
    metadata = extract_metadata(tree, date_config=set_date_params(extensive=False))
    pruned = prune_tree(tree)
    document = trafilatura.bare_extraction(
        copy.deepcopy(pruned),  # trafilatura edits the tree it gets; keep ours for the fallback
        favor_recall=True,
        include_comments=False,
        include_tables=True,
        with_metadata=False,
        deduplicate=False,
    )
    text = document.text if document is not None and document.text else fallback_text(pruned)
    return HtmlArticle(
        text="\n\n".join(line.strip() for line in text.split("\n") if line.strip()),
        title=_clean(metadata.title),
        published=_clean(metadata.date),
        outlet=_clean(metadata.sitename),
        url=_clean(metadata.url),
    )


def parse_html(markup: str, name: str):
    if markup.count("<") > MAX_ELEMENTS and count_start_tags(markup) > MAX_ELEMENTS:
        raise InputError(f"page has over {MAX_ELEMENTS:,} HTML elements; refused as too "
                         "costly to extract", location=name)
    try:
        tree = load_html(markup)
    except Exception as exc:  # lxml raises many types on hostile markup
        raise InputError(f"cannot parse HTML ({type(exc).__name__})", location=name) from exc
    if tree is None:
        raise InputError("cannot parse HTML", location=name)
    return tree


def count_start_tags(markup: str) -> int:
    """Start tags in ``markup``, counted up to one past the limit."""
    return sum(1 for _ in islice(START_TAG.finditer(markup), MAX_ELEMENTS + 1))


def fallback_text(tree) -> str:
    """trafilatura's naive extractor, for pages too small for the main one."""
    try:
        _, text, _ = trafilatura.baseline(tree)
    except Exception:  # noqa: BLE001 - the fallback must not turn a page into a crash
        return ""
    return text or ""


def _clean(value: str | None) -> str | None:
    value = (value or "").strip()
    return value or None
