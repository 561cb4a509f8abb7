"""Find quotations in a text by their marks, before any parsing.

Written by hand because no library pairs news quotation marks well: straight quotes must be
told apart as opening or closing by their context, and the news convention of a quote that
runs over several paragraphs (each paragraph reopens the quote, only the last one closes it)
is unknown to generic tokenizers.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Iterator, NamedTuple

OPENING = "\u201c\u00ab\u201e"  # “ « „
CLOSING = "\u201d\u00bb"  # ” »
STRAIGHT = '"'
# Archive text (the New York Times' feeds among others) writes quotation marks as two
# apostrophes: ''We will stay,'' she said. They pair like a straight quote mark.
DOUBLED = "''"
_PARAGRAPH_BREAK = re.compile(r"\n\s*\n")
# Any quote mark; a doubled apostrophe counts only whole (the scan resumes after it).
_MARK = re.compile("[" + re.escape(OPENING + CLOSING + STRAIGHT) + "]|" + re.escape(DOUBLED))


class Quote(NamedTuple):
    start: int  # first character inside the marks
    end: int  # one past the last character inside the marks
    words: int

    @property
    def outer(self) -> tuple[int, int]:
        """The span including one-character quote marks (a doubled '' mark has two)."""
        return self.start - 1, self.end + 1


def _paragraphs(text: str) -> Iterator[tuple[int, int]]:
    start = 0
    for match in _PARAGRAPH_BREAK.finditer(text):
        yield start, match.start()
        start = match.end()
    yield start, len(text)


def _is_opening_straight(text: str, i: int, width: int = 1) -> bool:
    before = text[i - 1] if i > 0 else " "
    after = text[i + width] if i + width < len(text) else " "
    if before.isspace() or before in "([{\u2014\u2013-/:" or i == 0:
        return not after.isspace()
    return False


def _marks(text: str, start: int, end: int) -> list[tuple[int, str, int]]:
    """Quote marks in a paragraph as (position, 'open'|'close', width)."""
    marks = []
    for match in _MARK.finditer(text, start, end):  # one regex scan, not a loop per character
        i, ch = match.start(), match.group()
        if ch in OPENING:
            marks.append((i, "open", 1))
        elif ch in CLOSING:
            marks.append((i, "close", 1))
        elif ch == STRAIGHT:
            marks.append((i, "open" if _is_opening_straight(text, i) else "close", 1))
        else:
            marks.append((i, "open" if _is_opening_straight(text, i, 2) else "close", 2))
    return marks


def find_quotes(text: str) -> list[Quote]:
    """Pair quote marks into quotations, joining quotes continued over paragraphs.

    A quote left open at a paragraph's end continues when the next paragraph opens with a
    quote mark; otherwise it ends with its paragraph.
    """
    return list(_quotes_of(text))


# The claims and loaded-terms components both need the quotes of the same article text;
# remembering the last few texts' quotes saves the second pass.
@lru_cache(maxsize=8)
def _quotes_of(text: str) -> tuple[Quote, ...]:
    quotes: list[Quote] = []
    pending: int | None = None  # content start of a quote left open by an earlier paragraph
    pending_end = 0  # where that earlier paragraph ended
    for p_start, p_end in _paragraphs(text):
        marks = _marks(text, p_start, p_end)
        continued = bool(marks) and marks[0][1] == "open" and marks[0][0] - p_start <= 1
        if pending is not None and not continued:
            quotes.append(_make(text, pending, _trim_end(text, pending, pending_end)))
            pending = None
        if pending is not None:
            marks = marks[1:]
        open_at = pending  # content start of the quote open now
        for pos, kind, width in marks:
            if kind == "open" and open_at is None:
                open_at = pos + width
            elif kind == "close" and open_at is not None:
                quotes.append(_make(text, open_at, pos))
                open_at = None
        pending, pending_end = open_at, p_end
    if pending is not None:
        quotes.append(_make(text, pending, _trim_end(text, pending, pending_end)))
    return tuple(q for q in quotes if q.end > q.start)


def _trim_end(text: str, start: int, end: int) -> int:
    while end > start and text[end - 1].isspace():
        end -= 1
    return end


def _make(text: str, start: int, end: int) -> Quote:
    return Quote(start, end, len(text[start:end].split()))


def inside(quotes: list[Quote], start: int, end: int) -> Quote | None:
    """The quote containing the character span, if any."""
    for quote in quotes:
        if quote.start <= start and end <= quote.end:
            return quote
    return None
