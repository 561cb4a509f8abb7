"""Span bookkeeping shared by the analyzers: token subtrees to trimmed character spans."""

from __future__ import annotations

import re
from bisect import bisect_right
from typing import Iterable, NamedTuple

import numpy
from spacy.attrs import DEP, HEAD, IDX, LENGTH, POS, SPACY
from spacy.lang.en.syntax_iterators import noun_chunks as _english_noun_chunks
from spacy.strings import get_string_id
from spacy.symbols import NOUN, PRON, PROPN
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
    doc = token.doc
    return [doc[i] for i in subtree_indices(doc, token.i, exclude)]


def subtree_indices(doc: Doc, root: int, exclude: frozenset[int] | set[int] = frozenset()) -> list[int]:
    """Indices of ``doc[root]``'s subtree in ascending order, without the subtrees rooted at
    the excluded indices (the root itself is never excluded)."""
    tree = doc_tree(doc)
    if tree.flat[root]:  # the subtree is the run of tokens between its edges
        first, last = tree.left_edges[root], tree.right_edges[root]
        cut = sorted(i for i in exclude if first <= i <= last and i != root) if exclude else ()
        if not cut:
            return list(range(first, last + 1))
        removed: set[int] = set()
        for i in cut:
            removed.update(range(tree.left_edges[i], tree.right_edges[i] + 1))
        return [i for i in range(first, last + 1) if i not in removed]
    out: list[int] = []
    stack = [root]
    while stack:
        i = stack.pop()
        if i in exclude and i != root:
            continue
        out.append(i)
        stack.extend(tree.children[i])
    out.sort()
    return out


def contiguous_block(tokens: list[Token], anchor: Token) -> list[Token]:
    """The longest run of consecutive token indices in ``tokens`` that contains ``anchor``."""
    lo, hi = _block({t.i for t in tokens}, anchor.i)
    doc = anchor.doc
    return [doc[i] for i in range(lo, hi + 1)]


def _block(indices: set[int] | list[int], anchor: int) -> tuple[int, int]:
    indices = indices if isinstance(indices, set) else set(indices)
    lo = hi = anchor
    while lo - 1 in indices:
        lo -= 1
    while hi + 1 in indices:
        hi += 1
    return lo, hi


def char_span_of_subtree(token: Token, exclude: frozenset[int] = frozenset()) -> CharSpan:
    doc: Doc = token.doc
    tree = doc_tree(doc)
    root = token.i
    if tree.flat[root]:
        lo, hi = _flat_block(tree, root, exclude)
    else:
        lo, hi = _block(subtree_indices(doc, root, exclude), root)
    return trim(text_of(doc), tree.starts[lo], tree.ends[hi])


def _flat_block(tree: DocTree, root: int, exclude: frozenset[int] | set[int]) -> tuple[int, int]:
    """``_block(subtree_indices(...), root)`` for a flat subtree, from its edges alone: it is
    the run between them, and each excluded subtree in it a run too, which cuts the block
    short on its side of the root (this runs for every content, source and clause)."""
    lo, hi = tree.left_edges[root], tree.right_edges[root]
    for i in exclude:
        if lo <= i <= hi and i != root:
            if i < root:
                lo = max(lo, tree.right_edges[i] + 1)
            else:
                hi = min(hi, tree.left_edges[i] - 1)
    return lo, hi


def children_labelled(token: Token, labels: frozenset[int], *, right_only: bool = False) -> list[Token]:
    """``token.children`` (or ``token.rights``) whose dependency label (string id) is one of
    ``labels``, in the same order, read from the doc's index lists: a Token only for those
    (the rules test most words' children for a few labels)."""
    doc, tree = token.doc, doc_tree(token.doc)
    deps = tree.deps
    return [doc[c] for c in (tree.rights if right_only else tree.children)[token.i] if deps[c] in labels]


def overlaps(a: CharSpan, b: CharSpan) -> bool:
    return a[0] < b[1] and b[0] < a[1]


def contains(outer: CharSpan, inner: CharSpan) -> bool:
    return outer[0] <= inner[0] and inner[1] <= outer[1]


_WORD_HEAD = re.compile(r"(\w\w?)\w*")  # a word (``\w+``) and its first two characters
_LAST_WORDS: tuple[str, dict[str, list[int]]] = ("", {})


def word_starts(text: str) -> dict[str, list[int]]:
    """Where the words of ``text`` start, grouped by their first two characters lower-cased
    (the one character of a one-character word), each group in text order. The time grammar
    and the loaded-term lexicon both filter their patterns' starting places by it, on the same
    text: the last text's answer is kept."""
    global _LAST_WORDS
    last, groups = _LAST_WORDS
    if last is text:
        return groups
    groups = {}
    # one scan of the text (a findall for the heads beside a finditer for the starts cost more)
    for match in _WORD_HEAD.finditer(text):
        head = match[1].lower()
        found = groups.get(head)
        if found is None:
            groups[head] = [match.start()]
        else:
            found.append(match.start())
    _LAST_WORDS = (text, groups)
    return groups


_SENT_KEY = "_cc_sentence_index"
_TEXT_KEY = "_cc_text"


def text_of(doc: Doc) -> str:
    """``doc.text`` without its cost: spaCy joins every token on each access."""
    text = doc.user_data.get(_TEXT_KEY)
    if text is None:
        text = doc.user_data[_TEXT_KEY] = doc.text
    return text


def remember_text(doc: Doc, text: str) -> None:
    """Keep the text a doc was tokenized from as its ``text_of``: spaCy's tokenizer keeps
    every character, so it is ``doc.text``, which spaCy would rebuild from every Token."""
    doc.user_data[_TEXT_KEY] = text


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
    return Span(doc, start, end)  # what doc[start:end] builds, without its slice checks


def sentence_range(doc: Doc, i: int) -> tuple[int, int]:
    """(start, end) token indices of the sentence holding token ``i`` (``sentence_of``'s bounds)."""
    index = doc.user_data.get(_SENT_KEY)
    if index is None:
        sentence_of(doc[i])
        index = doc.user_data[_SENT_KEY]
    bounds, owner = index
    return bounds[owner[i]]


def sentence_number(token: Token) -> int:
    sentence_of(token)
    return token.doc.user_data[_SENT_KEY][1][token.i]


def sentence_bounds(doc: Doc) -> list[tuple[int, int]]:
    if len(doc) == 0:
        return []
    sentence_of(doc[0])
    return doc.user_data[_SENT_KEY][0]


def forget_caches(doc: Doc) -> None:
    for key in (_SENT_KEY, _TEXT_KEY, _CHUNKS_KEY, _TREE_KEY):
        doc.user_data.pop(key, None)


_CHUNKS_KEY = "_cc_noun_chunks"


def noun_chunk_at(doc: Doc, start: int) -> tuple[int, int] | None:
    """(end, root index) of the noun chunk starting at token ``start``, if one does; the
    doc's chunks are found once (``Span.noun_chunks`` walks the whole doc on every call)."""
    chunks = doc.user_data.get(_CHUNKS_KEY)
    if chunks is None:
        # Fast path on the doc's arrays, wherever its heads form trees.
        if doc.vocab.get_noun_chunks is _english_noun_chunks and doc.has_annotation("DEP") \
                and _heads_form_trees(doc_tree(doc)):
            heads = doc_tree(doc).heads
            chunks = {start: (end, _span_root(heads, start, end))
                      for start, end in _noun_chunk_bounds(doc)}
        else:  # another language's chunker: spaCy's own (slower) iterator
            chunks = {c.start: (c.end, c.root.i) for c in doc.noun_chunks}
        doc.user_data[_CHUNKS_KEY] = chunks
    return chunks.get(start)


_NOMINAL_POS = frozenset((NOUN, PROPN, PRON))
_NP_DEPS = frozenset(get_string_id(label) for label in (
    "oprd", "nsubj", "dobj", "nsubjpass", "pcomp", "pobj", "dative", "appos", "attr", "ROOT"))
_CONJ = get_string_id("conj")


def _noun_chunk_bounds(doc: Doc) -> list[tuple[int, int]]:
    """(start, end) of ``doc.noun_chunks`` for spaCy's English chunker
    (``spacy.lang.en.syntax_iterators.noun_chunks``), the same rules on the doc's arrays:
    spaCy's iterator builds several Token objects per word (checked identical on 324 docs)."""
    tree = doc_tree(doc)
    heads, deps = tree.heads, tree.deps
    pos = doc.to_array(POS).tolist()
    # On a projective parse spaCy's left edges are the subtrees' extents; where arcs cross
    # they can differ, and spaCy's own are read, for the nominal words alone.
    left_edge = tree.left_edges if all(tree.flat) else _SpacyLeftEdges(doc)
    bounds: list[tuple[int, int]] = []
    prev_end = -1
    for i, word_pos in enumerate(pos):
        if word_pos not in _NOMINAL_POS or left_edge[i] <= prev_end:
            continue
        dep = deps[i]
        if dep not in _NP_DEPS:
            if dep != _CONJ:
                continue
            head = heads[i]
            while deps[head] == _CONJ and heads[head] < head:
                head = heads[head]
            if deps[head] not in _NP_DEPS:
                continue
        prev_end = i
        bounds.append((left_edge[i], i + 1))
    return bounds


def _heads_form_trees(tree: DocTree) -> bool:
    """No cycle among the heads: a leaf's subtree is always flat, a cycle makes none flat."""
    return not tree.flat or any(tree.flat)


class _SpacyLeftEdges:
    """``Token.left_edge.i`` by index, read from spaCy when asked (each look builds Tokens)."""

    def __init__(self, doc: Doc):
        self.doc = doc

    def __getitem__(self, i: int) -> int:
        return self.doc[i].left_edge.i


def _span_root(heads: list[int], start: int, end: int) -> int:
    """``doc[start:end].root.i`` by spaCy's rule: a sentence root inside the span, else the
    token with a head outside it that is fewest steps from its sentence root (the first of
    equals)."""
    outside = []
    for k in range(start, end):
        head = heads[k]
        if head == k:
            return k
        if not start <= head < end:
            outside.append(k)
    if len(outside) < 2:
        return outside[0] if outside else start
    return min(outside, key=lambda k: _steps_to_root(heads, k))


def _steps_to_root(heads: list[int], i: int) -> int:
    steps = 0
    while heads[i] != i:
        i = heads[i]
        steps += 1
    return steps


def expand_span(doc: Doc, start: int, end: int) -> Span | None:
    """``doc.char_span(start, end, alignment_mode="expand")`` found on the doc's offset lists:
    spaCy's builds several Token objects per call to read their offsets."""
    bounds = expand_bounds(doc, start, end)
    return None if bounds is None else Span(doc, bounds[0], bounds[1])  # as char_span builds it


def expand_bounds(doc: Doc, start: int, end: int) -> tuple[int, int] | None:
    """(first, end) token indices of ``expand_span``; None where spaCy's gives None."""
    tree = doc_tree(doc)
    starts, stops = tree.starts, tree.stops
    # spaCy's token_by_char: the token whose text or trailing space holds the character.
    first = bisect_right(starts, start) - 1
    if first < 0 or start >= stops[first]:
        return None
    last = bisect_right(starts, end - 1) - 1
    if last < 0 or end - 1 >= stops[last]:
        return None
    if start == tree.ends[first]:  # starting in a token's trailing space: the next token
        first += 1
    if first > last + 1:  # spaCy raises for such offsets: let it
        span = doc.char_span(start, end, alignment_mode="expand")
        return None if span is None else (span.start, span.end)
    return first, last + 1


def token_at(doc: Doc, char: int) -> Token:
    """The token covering a character offset, or the nearest token before it (whitespace)."""
    return doc[token_index_at(doc, char)]


def token_index_at(doc: Doc, char: int) -> int:
    """``token_at(doc, char).i`` without building the Token."""
    return max(0, bisect_right(doc_tree(doc).starts, char) - 1)


_TREE_KEY = "_cc_tree"
_NONE: tuple = ()


class DocTree(NamedTuple):
    """The parse as plain index lists, read once per doc: walking ``Token.children`` or
    ``Token.subtree`` creates a Token object per step and rescans the head's edge range."""

    heads: list[int]  # absolute index of each token's head (a root is its own head)
    lefts: list[list[int]]  # children before each token, ascending (``Token.lefts``); () if none
    rights: list[list[int]]  # children after each token, ascending (``Token.rights``)
    children: list[list[int]]  # lefts then rights (``Token.children``)
    starts: list[int]  # ``Token.idx``
    ends: list[int]  # ``Token.idx + len(Token.text)``
    deps: list[int]  # ``Token.dep`` (the label's string id)
    left_edges: list[int]  # lowest index in each token's subtree (``Token.left_edge.i``)
    right_edges: list[int]  # highest index in each subtree (``Token.right_edge.i`` can fall
    # short of it where arcs cross)
    flat: list[bool]  # the token's subtree, and each one within it, is the run between its
    # edges (no arcs cross in it): then it is a range, in ``Token.subtree`` order as well
    stops: list[int]  # ``Token.idx + len(Token.text_with_ws)``: the characters a token covers


def doc_tree(doc: Doc) -> DocTree:
    tree = doc.user_data.get(_TREE_KEY)
    if tree is None:
        tree = doc.user_data[_TREE_KEY] = _read_tree(doc)
    return tree


def _read_tree(doc: Doc) -> DocTree:
    n = len(doc)
    table = doc.to_array([HEAD, IDX, LENGTH, DEP, SPACY]) if n else numpy.zeros((0, 5), numpy.uint64)
    deps = table[:, 3].tolist()
    table = table.view(numpy.int64)  # head offsets are signed
    heads = (table[:, 0] + numpy.arange(n)).tolist()
    starts = table[:, 1].tolist()
    ends = (table[:, 1] + table[:, 2]).tolist()
    stops = (table[:, 1] + table[:, 2] + table[:, 4]).tolist()
    # Most tokens are leaves: they share one empty tuple instead of holding three lists.
    lefts: list = [_NONE] * n
    rights: list = [_NONE] * n
    for i, head in enumerate(heads):
        if head != i:
            side = rights if head < i else lefts
            if side[head] is _NONE:
                side[head] = [i]
            else:
                side[head].append(i)
    children = [left + right if left and right else left or right
                for left, right in zip(lefts, rights)]
    return DocTree(heads, lefts, rights, children, starts, ends, deps,
                   *_subtree_extents(heads, children), stops)


def _subtree_extents(heads: list[int], children: list) -> tuple[list[int], list[int], list[bool]]:
    """Per token: the lowest and highest index in its subtree, and whether that subtree and
    each one within it hold every token between their edges (no crossing arcs there)."""
    n = len(heads)
    order = [i for i in range(n) if heads[i] == i]  # sentence roots, then all, parents first
    for i in order:
        order.extend(children[i])
    if len(order) != n:  # heads that hold a cycle: no fast paths
        return list(range(n)), list(range(n)), [False] * n
    lows, highs, sizes, flat = list(range(n)), list(range(n)), [1] * n, [True] * n
    for i in reversed(order):  # each token after everything below it
        low, high, size = lows[i], highs[i], sizes[i]
        if size != high - low + 1:
            flat[i] = False
        head = heads[i]
        if head != i:
            if low < lows[head]:
                lows[head] = low
            if high > highs[head]:
                highs[head] = high
            sizes[head] += size
            if not flat[i]:
                flat[head] = False
    return lows, highs, flat


def subtree_order(doc: Doc, root: int) -> list[int]:
    """Indices of ``doc[root].subtree`` in the order spaCy yields them (each left child's
    subtree, the token, each right child's subtree), without creating Token objects."""
    tree = doc_tree(doc)
    if tree.flat[root]:
        return list(range(tree.left_edges[root], tree.right_edges[root] + 1))
    lefts, rights = tree.lefts, tree.rights
    out: list[int] = []
    # Explicit stack: (index, expanded); an expanded entry is emitted, a fresh one is opened.
    stack: list[tuple[int, bool]] = [(root, False)]
    while stack:
        i, expanded = stack.pop()
        if expanded:
            out.append(i)
            continue
        for child in reversed(rights[i]):
            stack.append((child, False))
        stack.append((i, True))
        for child in reversed(lefts[i]):
            stack.append((child, False))
    return out
