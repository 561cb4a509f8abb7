"""Text in, ``model.Article`` out: normalise, extract HTML, split off title and dateline.

The steps, in order: normalise characters and whitespace; if the text is HTML, let
``html.extract_html`` find the body and metadata; drop boilerplate lines; take the title and
its variants off the top; rejoin hard-wrapped lines into paragraphs separated by one blank
line; refuse non-English text; find the dateline. ``Article.text`` is the body after these
steps, and every span downstream indexes into it.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata

from ..errors import EmptyInput, UnsupportedInput
from ..model import Article
from .boilerplate import drop_boilerplate_lines
from .dateline import find_dateline
from .html import extract_html, looks_like_html
from .language import ensure_english
from .title import split_title

# Line breaks Python's str.splitlines() knows besides "\n"; we keep only "\n" so that
# offsets computed on one view of the text hold on every other.
LINE_BREAKS = re.compile(r"\r\n|[\r\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029]")
INVISIBLE = re.compile(r"[\u200b-\u200d\u2060\ufeff\u00ad]")  # zero-width chars, soft hyphen
CONTROL = re.compile(r"[\x00-\x08\x0e-\x1f\x7f-\x84\x86-\x9f]")
SURROGATE = re.compile(r"[\ud800-\udfff]")
HORIZONTAL_SPACE = re.compile(r"[^\S\n]+")  # any whitespace but the newline, incl. NBSP
BLANK_LINES = re.compile(r"\n{2,}")
LIST_ITEM = re.compile(r"^(?:[-*\u2022\u2013]\s|\d{1,2}[.)]\s)")
# spaCy's tokenizer takes time quadratic in a run of quotes or brackets (16,000 '"' take over
# a minute), so one garbled article could stall a batch. No prose has a 1,000-character word.
MAX_WORD_CHARS = 1_000
LONG_WORD = re.compile(rf"(?<!\S)\S{{{MAX_WORD_CHARS + 1}}}")  # tried at word starts only


def article_id(text: str) -> str:
    """A stable id: the hash of the text after Unicode and whitespace normalisation."""
    normalised = re.sub(r"\s+", " ", unicodedata.normalize("NFKC", text)).strip().lower()
    return hashlib.sha256(normalised.encode("utf-8", "replace")).hexdigest()[:16]


def read_text(text: str, *, html: bool | None = None, title: str | None = None,
              published: str | None = None, outlet: str | None = None,
              url: str | None = None, name: str = "<text>") -> Article:
    """Read one article from ``text``, plain or HTML.

    html (bool | None): force HTML or plain reading; None sniffs the content and ``name``.
    title, published, outlet, url: metadata the caller knows; HTML metadata fills the rest.
    name (str): the file name, used in error messages and to recognise ``.html`` files.
    """
    # Metadata is as untrusted as the text: PostgreSQL refuses NUL in text (schemathesis).
    title, published, outlet, url = (clean_field(v) for v in (title, published, outlet, url))
    text = normalise_text(text)
    if not text:
        raise EmptyInput("the article is empty", location=name)
    is_html = looks_like_html(text, name) if html is None else html
    if is_html:
        page = extract_html(text, name=name)
        text = normalise_text(page.text)
        title, published = title or page.title, published or page.published
        outlet, url = outlet or page.outlet, url or page.url
    head = split_title(drop_boilerplate_lines(text).strip(), known_title=title)
    body = join_paragraphs(head.body)
    if not body:
        raise EmptyInput("the article has no body text", location=name)
    refuse_long_words(body, name)
    ensure_english(body, name=name)
    return Article(
        id=article_id(body), title=head.title, title_variants=head.variants,
        dateline=find_dateline(body, published=published), published=published,
        outlet=outlet, url=url, language="en", text=body,
    )


def clean_field(value: str | None) -> str | None:
    """A metadata string without control or invisible characters; None when nothing is left."""
    if value is None:
        return None
    value = CONTROL.sub("", INVISIBLE.sub("", SURROGATE.sub("", value))).strip()
    return value or None


def refuse_long_words(text: str, name: str) -> None:
    found = LONG_WORD.search(text)
    if found:
        raise UnsupportedInput(f"a word of over {MAX_WORD_CHARS:,} characters at character "
                               f"{found.start():,}; not prose, refused", location=name)


def normalise_text(text: str) -> str:
    """NFC, "\\n" line breaks, no control or invisible characters, single spaces."""
    text = SURROGATE.sub("", text)
    text = unicodedata.normalize("NFC", LINE_BREAKS.sub("\n", text))
    text = CONTROL.sub("", INVISIBLE.sub("", text))
    lines = (HORIZONTAL_SPACE.sub(" ", line).strip() for line in text.split("\n"))
    return BLANK_LINES.sub("\n\n", "\n".join(lines)).strip()


def join_paragraphs(text: str) -> str:
    """Paragraphs separated by one blank line; hard-wrapped lines rejoined.

    A text without any blank line has one paragraph per line. Otherwise blank lines end
    paragraphs and the lines between them are joined with a space, except list items.
    """
    text = text.strip()
    if "\n\n" not in text:
        return "\n\n".join(line for line in text.split("\n") if line)
    paragraphs = []
    for block in text.split("\n\n"):
        paragraphs.extend(unwrap_block(block.split("\n")))
    return "\n\n".join(p for p in paragraphs if p)


def unwrap_block(lines: list[str]) -> list[str]:
    paragraphs: list[str] = []
    for line in lines:
        if paragraphs and not LIST_ITEM.match(line) and not LIST_ITEM.match(paragraphs[-1]):
            paragraphs[-1] = f"{paragraphs[-1]} {line}"
        elif line:
            paragraphs.append(line)
    return paragraphs
