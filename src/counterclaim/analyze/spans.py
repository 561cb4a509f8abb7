"""Span bookkeeping shared by the analyzers: token subtrees to trimmed character spans."""

from __future__ import annotations

from typing import Iterable

from spacy.tokens import Doc, Span, Token

CharSpan = tuple[int, int]

_TRIM = set(" \t\n\r,;:.!?\"'\u201c\u201d\u2018\u2019\u00ab\u00bb-\u2013\u2014()[]")


def trim(text: str, start: int, end: int, *, keep_final_period: bool = False) -> CharSpan:
    """Shrink a character span past surrounding whitespace, quote marks and punctuation."""
    while start < end and text[start] in _TRIM:
        start += 1
    while end > start and text[end - 1] in _TRIM:
        if keep_final_period and text[end - 1] in ".!?" and not text[end - 2:end - 1].isspace():
            break
        end -= 1
    return start, end


def token_span(tokens: Iterable[Token]) -> CharSpan | None:
    """The character span from the first to the last of the tokens (untrimmed)."""
    toks = list(tokens)
    if not toks:
        return None
    first = min(toks, key=lambda t: t.i)
    last = max(toks, key=lambda t: t.i)
    return first.idx, last.idx + len(last.text)


def subtree_tokens(token: Token, exclude: frozenset[int] = frozenset()) -> list[Token]:
    """The token's subtree without the subtrees rooted at the excluded token indices."""
    out: list[Token] = []
    stack = [token]
    while stack:
        tok = stack.pop()
        if tok.i in exclude and tok.i != token.i:
            continue
        out.append(tok)
        stack.extend(tok.children)
    return sorted(out, key=lambda t: t.i)


def contiguous_block(tokens: list[Token], anchor: Token) -> list[Token]:
    """The longest run of consecutive token indices in ``tokens`` that contains ``anchor``."""
    indices = {t.i for t in tokens}
    lo = hi = anchor.i
    while lo - 1 in indices:
        lo -= 1
    while hi + 1 in indices:
        hi += 1
    doc = anchor.doc
    return [doc[i] for i in range(lo, hi + 1)]


def char_span_of_subtree(token: Token, exclude: frozenset[int] = frozenset()) -> CharSpan:
    doc: Doc = token.doc
    block = contiguous_block(subtree_tokens(token, exclude), token)
    start, end = token_span(block)  # type: ignore[misc]
    return trim(text_of(doc), start, end)


def overlaps(a: CharSpan, b: CharSpan) -> bool:
    return a[0] < b[1] and b[0] < a[1]


def contains(outer: CharSpan, inner: CharSpan) -> bool:
    return outer[0] <= inner[0] and inner[1] <= outer[1]


_SENT_KEY = "_cc_sentence_index"
_TEXT_KEY = "_cc_text"


def text_of(doc: Doc) -> str:
    """``doc.text`` without its cost: spaCy joins every token on each access."""
    text = doc.user_data.get(_TEXT_KEY)
    if text is None:
        text = doc.user_data[_TEXT_KEY] = doc.text
    return text


def sentence_of(token: Token) -> Span:
    """``token.sent`` without its cost: spaCy rescans the doc on every ``.sent`` access."""
    doc = token.doc
    index = doc.user_data.get(_SENT_KEY)
    if index is None:
        bounds = [(s.start, s.end) for s in doc.sents]
        owner = [0] * len(doc)
        for number, (start, end) in enumerate(bounds):
            owner[start:end] = [number] * (end - start)
        index = doc.user_data[_SENT_KEY] = (bounds, owner)
    bounds, owner = index
    start, end = bounds[owner[token.i]]
    return doc[start:end]


def sentence_number(token: Token) -> int:
    sentence_of(token)
    return token.doc.user_data[_SENT_KEY][1][token.i]


def sentence_bounds(doc: Doc) -> list[tuple[int, int]]:
    if len(doc) == 0:
        return []
    sentence_of(doc[0])
    return doc.user_data[_SENT_KEY][0]


def forget_caches(doc: Doc) -> None:
    for key in (_SENT_KEY, _TEXT_KEY, "_cc_token_starts", _CHUNKS_KEY):
        doc.user_data.pop(key, None)


_CHUNKS_KEY = "_cc_noun_chunks"


def noun_chunk_at(doc: Doc, start: int) -> tuple[int, int] | None:
    """(end, root index) of the noun chunk starting at token ``start``, if one does; the
    doc's chunks are found once (``Span.noun_chunks`` walks the whole doc on every call)."""
    chunks = doc.user_data.get(_CHUNKS_KEY)
    if chunks is None:
        chunks = doc.user_data[_CHUNKS_KEY] = {c.start: (c.end, c.root.i) for c in doc.noun_chunks}
    return chunks.get(start)


def token_at(doc: Doc, char: int) -> Token:
    """The token covering a character offset, or the nearest token before it (whitespace)."""
    from bisect import bisect_right

    starts = doc.user_data.get("_cc_token_starts")
    if starts is None:
        starts = doc.user_data["_cc_token_starts"] = [t.idx for t in doc]
    return doc[max(0, bisect_right(starts, char) - 1)]
