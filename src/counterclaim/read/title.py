"""The headline at the top of a plain-text article, and its near-duplicates.

Wire copy and scraped pages often repeat the headline: once as written, once in capitals,
or once with a word changed ("Rebels shell Dalmar" / "Rebels shell northern Dalmar"). We
keep the first as the title, the others as ``title_variants``, and remove them all from the
body so that the analysis does not read the headline twice.
"""

from __future__ import annotations

import re
from typing import NamedTuple

from rapidfuzz import fuzz
from rapidfuzz.utils import default_process

from .dateline import starts_with_dateline

MAX_TITLE_WORDS = 25
MAX_TITLE_CHARS = 200
VARIANT_MIN_SIMILARITY = 75  # rapidfuzz ratio 0-100 after lowercasing and punctuation removal
KNOWN_TITLE_MIN_SIMILARITY = 85
# Longer first lines count as titles only in Title Case (or when repeated as a variant).
MAX_SENTENCE_CASE_TITLE_WORDS = 12
MIN_TITLE_CASE_SHARE = 0.75
MINOR_WORDS = {"a", "an", "the", "of", "and", "or", "but", "to", "in", "on", "at", "by",
               "for", "with", "from", "as", "vs", "via", "into", "over", "after"}
MAX_VARIANT_LOOKAHEAD = 4  # lines after the title that may still repeat it

# A headline ends with a word, a number, a quote mark, "?" or "!" - not a sentence period,
# comma, colon or semicolon.
SENTENCE_TAIL = re.compile(r"(?:[.,;:]['\"\u2019\u201d)]?|[-\u2013\u2014|/])$")
BYLINE = re.compile(r"^by\s", re.I)
# Headlines name their subject and report in the present ("says"); a first line opening
# with a pronoun, or ending in "said", is the article's first sentence.
PRONOUN_START = re.compile(r"^(?:he|she|they|his|her|their|him|them)\b", re.I)
TIMESTAMP_START = re.compile(r"^(?:updated|published|posted|last modified)\b", re.I)
# A hard-wrapped sentence often breaks after one of these; a headline almost never ends so.
DANGLING_WORDS = {"a", "an", "the", "of", "and", "or", "to", "in", "for", "with", "by", "at",
                  "from", "that", "which", "who", "its", "their", "his", "her", "was", "were",
                  "said"}
CAPTION = re.compile(r"\b(?:photo|picture|image|credit|file)\s*:", re.I)
TITLE_START = re.compile(r"^[\"'\u2018\u201c(]?[A-Z0-9\u00c0-\u024f]")


class TitleSplit(NamedTuple):
    title: str | None
    variants: list[str]
    body: str


def split_title(text: str, *, known_title: str | None = None) -> TitleSplit:
    """Take the title (and repeated variants) off the top of ``text``.

    text (str): normalised text, lines separated by "\\n", no leading blank line.
    known_title (str | None): a title given by the caller or the HTML metadata; a first
        line resembling it is removed and, if it differs, kept as a variant.
    """
    lines = text.split("\n")
    first = lines[0].strip()
    if known_title:
        if not resembles_known_title(first, known_title) or len(lines) < 2:
            return TitleSplit(known_title, [], text)
        title, variants = known_title, [] if first == known_title else [first]
    elif opens_with_title(lines):
        title, variants = first, []
    else:
        return TitleSplit(None, [], text)
    rest = consume_variants(title, lines[1:], variants)
    return TitleSplit(title, variants, "\n".join(rest).strip())


RELATIVE_CLAUSE = re.compile(r",\s+(?:who|which|whose|whom)\b", re.IGNORECASE)


def looks_like_title(line: str) -> bool:
    """Short, starts like a headline, ends without sentence punctuation, not a byline."""
    line = line.strip()
    words = line.split()
    return (
        0 < len(words) <= MAX_TITLE_WORDS
        and len(line) <= MAX_TITLE_CHARS
        and bool(TITLE_START.match(line))
        and not SENTENCE_TAIL.search(line)
        and not BYLINE.match(line)
        and not CAPTION.search(line)
        and not PRONOUN_START.match(line)
        and not TIMESTAMP_START.match(line)
        and words[-1].lower() not in DANGLING_WORDS
        and not starts_with_dateline(line)
    )


def opens_with_title(lines: list[str]) -> bool:
    """The first line is a title when it looks like one and something body-like follows."""
    if len(lines) < 2 or not looks_like_title(lines[0]):
        return False
    following = next((line.strip() for line in lines[1:] if line.strip()), "")
    if not following:
        return False
    if is_variant(lines[0], lines[1]):
        return True  # a repeated headline is the strongest evidence there is
    if not lines[1].strip() and starts_with_dateline(following) and not RELATIVE_CLAUSE.search(lines[0]):
        # A line set apart above a dateline is the headline whatever its case, unless it
        # reads like a standfirst sentence ("The woman, who fled ..., was taken ...").
        return True
    if not is_headline_shaped(lines[0]):
        return False  # a long sentence-case line is more likely a standfirst: keep it
    if not lines[1].strip():
        return True
    # A headline and a deck line ("Army says three soldiers wounded"), then a blank line.
    if looks_like_title(lines[1]) and len(lines) > 2 and not lines[2].strip():
        return True
    # No blank line: accept only when a dateline or a longer sentence follows directly;
    # a line starting in lower case continues a hard-wrapped paragraph.
    ends_sentence = following.rstrip("\"'\u201d\u2019)").endswith((".", "?", "!"))
    if starts_with_dateline(following):
        return True
    return bool(TITLE_START.match(following)) and len(following) > len(lines[0]) and ends_sentence


def is_headline_shaped(line: str) -> bool:
    """Title Case, or short. Standfirsts ("The woman, who ..., was rushed to hospital")
    are sentence case and longer; taking one as the title would cut it from the body."""
    words = line.split()
    if len(words) <= MAX_SENTENCE_CASE_TITLE_WORDS:
        return True
    content = [w for w in words if w[:1].isalpha() and w.lower() not in MINOR_WORDS]
    capitalised = sum(w[0].isupper() for w in content)
    return bool(content) and capitalised / len(content) >= MIN_TITLE_CASE_SHARE


def is_variant(title: str, line: str) -> bool:
    line = line.strip()
    if not looks_like_title(line):
        return False
    return fuzz.ratio(title, line, processor=default_process) >= VARIANT_MIN_SIMILARITY


def resembles_known_title(line: str, known_title: str) -> bool:
    if not looks_like_title(line):
        return False
    if fuzz.ratio(line, known_title, processor=default_process) >= KNOWN_TITLE_MIN_SIMILARITY:
        return True
    # A page <title> often carries the outlet: "Rebels shell Dalmar | Ostria Herald".
    shorter, longer = sorted((default_process(line), default_process(known_title)), key=len)
    return len(shorter) >= 0.5 * len(longer) and longer.startswith(shorter)


def consume_variants(title: str, lines: list[str], variants: list[str]) -> list[str]:
    """Drop the lines right after the title that repeat it; collect the distinct ones."""
    index, seen = 0, 0
    while index < len(lines) and seen < MAX_VARIANT_LOOKAHEAD:
        line = lines[index].strip()
        if line and not is_variant(title, line):
            break
        if line:
            if line != title and line not in variants:
                variants.append(line)
            seen += 1
        index += 1
    # Keep a blank line after the last variant out of the body.
    return lines[index:] if seen else lines
