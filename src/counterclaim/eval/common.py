"""Span matching and precision/recall/F1, shared by every evaluation.

A span is a tuple of ``(start, end)`` fragments (code-point offsets into one text), so
discontinuous gold spans need no special case. Two ways to match:

- **exact**: the spans are identical after normalisation (``exact_key``): each fragment is
  trimmed of surrounding whitespace, quote marks (straight or curly) and punctuation; empty
  fragments are dropped, the rest sorted, and fragments separated only by such characters
  are merged. A discontinuous gold span (a quotation broken by "said X") therefore matches
  exactly only a prediction with the same pieces; a contiguous prediction running over the
  interruption does not, since it also claims the cue and source words, which are scored as
  components of their own. Using the bounding ``[min start, max end)`` instead would reward
  exactly that over-long prediction.
- **partial**: the token Jaccard of the two spans is at least 0.5, where tokens are the
  ``\\w+`` runs of the whole text (identified by position, not by spelling) that overlap any
  fragment of the span. A span without a word token (a cue ``:``) matches partially only
  what it matches exactly, so partial is never stricter than exact.

Both are one-to-one: an assignment (``scipy.optimize.linear_sum_assignment``) first
maximises the number of matched pairs, then their total Jaccard.
"""

from __future__ import annotations

import re
import unicodedata
from bisect import bisect_left, bisect_right
from pathlib import Path
from typing import Callable, NamedTuple, Sequence

import numpy as np
from rapidfuzz.distance import Indel
from scipy.optimize import linear_sum_assignment

Fragments = tuple[tuple[int, int], ...]
PARTIAL_THRESHOLD = 0.5
COMPONENTS = ("source", "cue", "content")
MATCH_MODES = ("exact", "partial")

_TOKEN = re.compile(r"\w+")
_QUOTES = "\"'`\u2018\u2019\u201a\u201b\u201c\u201d\u201e\u201f\u00ab\u00bb\u2039\u203a"


class Attribution(NamedTuple):
    """Who (source) says (cue) what (content). ``source`` is None when nobody is named.

    Predictions may carry the system's ``status`` and ``source_kind``; gold leaves them None.
    """

    source: Fragments | None
    cue: Fragments
    content: Fragments
    status: str | None = None
    source_kind: str | None = None


class Counts(NamedTuple):
    """Micro counts: matched pairs, predicted spans, gold spans."""

    matched: int = 0
    predicted: int = 0
    gold: int = 0

    def __add__(self, other: "Counts") -> "Counts":  # type: ignore[override]
        return Counts(*(a + b for a, b in zip(self, other)))

    @property
    def precision(self) -> float:
        return self.matched / self.predicted if self.predicted else 0.0

    @property
    def recall(self) -> float:
        return self.matched / self.gold if self.gold else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def as_dict(self) -> dict:
        return {"precision": round(self.precision, 4), "recall": round(self.recall, 4),
                "f1": round(self.f1, 4), **self._asdict()}


def _is_trimmable(char: str) -> bool:
    return char.isspace() or char in _QUOTES or unicodedata.category(char).startswith("P")


class SpanIndex:
    """One text's tokens, to normalise and tokenise spans into it."""

    def __init__(self, text: str):
        self.text = text
        matches = list(_TOKEN.finditer(text))
        self._starts = [m.start() for m in matches]
        self._ends = [m.end() for m in matches]

    def trim(self, start: int, end: int) -> tuple[int, int]:
        """The fragment without surrounding whitespace, quote marks and punctuation."""
        while start < end and _is_trimmable(self.text[start]):
            start += 1
        while end > start and _is_trimmable(self.text[end - 1]):
            end -= 1
        return start, end

    def exact_key(self, span: Fragments) -> Fragments:
        """The normalised span that exact matching compares (see the module docstring).

        A span of punctuation only (PolNeAR's cue ``:`` in "Poll: ...") keeps its
        characters, trimmed of whitespace alone, so that it can still match itself.
        """
        pieces = sorted(p for p in (self.trim(s, e) for s, e in span) if p[0] < p[1])
        if not pieces:
            pieces = sorted(p for p in (self._trim_space(s, e) for s, e in span) if p[0] < p[1])
        merged: list[tuple[int, int]] = []
        for start, end in pieces:
            gap = self.text[merged[-1][1]:start] if merged else None
            if merged and (start <= merged[-1][1] or all(map(_is_trimmable, gap))):
                merged[-1] = (merged[-1][0], max(end, merged[-1][1]))
            else:
                merged.append((start, end))
        return tuple(merged)

    def _trim_space(self, start: int, end: int) -> tuple[int, int]:
        while start < end and self.text[start].isspace():
            start += 1
        while end > start and self.text[end - 1].isspace():
            end -= 1
        return start, end

    def tokens(self, span: Fragments) -> frozenset[int]:
        """Indexes of the text's word tokens that overlap any fragment of ``span``."""
        found: set[int] = set()
        for start, end in span:
            first = bisect_right(self._ends, start)
            last = bisect_left(self._starts, end)
            found.update(range(first, last))
        return frozenset(found)


def jaccard(a: frozenset, b: frozenset) -> float:
    union = len(a | b)
    return len(a & b) / union if union else 0.0


def assign(weights: np.ndarray) -> list[tuple[int, int]]:
    """One-to-one pairs (row, column) among cells > 0: most pairs first, then most weight."""
    if weights.size == 0:
        return []
    eligible = weights > 0
    # A bonus larger than any total of weights makes one more pair always win.
    bonus = min(weights.shape) + 1.0
    rows, cols = linear_sum_assignment(np.where(eligible, bonus + weights, 0.0), maximize=True)
    return [(int(r), int(c)) for r, c in zip(rows, cols) if eligible[r, c]]


def span_similarity(index: SpanIndex, mode: str) -> Callable[[Fragments, Fragments], float]:
    """A function giving two spans' match weight under ``mode``; 0 means no match."""
    if mode == "exact":
        return lambda a, b: 1.0 if index.exact_key(a) == index.exact_key(b) else 0.0
    if mode == "partial":
        def partial(a: Fragments, b: Fragments) -> float:
            tokens_a, tokens_b = index.tokens(a), index.tokens(b)
            if not tokens_a or not tokens_b:  # punctuation only: nothing to share but itself
                return 1.0 if index.exact_key(a) == index.exact_key(b) else 0.0
            score = jaccard(tokens_a, tokens_b)
            return score if score >= PARTIAL_THRESHOLD else 0.0
        return partial
    raise ValueError(f"unknown match mode {mode!r}; expected one of {MATCH_MODES}")


def match_spans(index: SpanIndex, gold: Sequence[Fragments], predicted: Sequence[Fragments],
                mode: str) -> list[tuple[int, int]]:
    """One-to-one (gold index, predicted index) pairs that match under ``mode``."""
    similar = span_similarity(index, mode)
    weights = np.array([[similar(g, p) for p in predicted] for g in gold], dtype=float)
    return assign(weights.reshape(len(gold), len(predicted)))


def component_spans(attributions: Sequence[Attribution], component: str) -> list[Fragments]:
    """The distinct non-empty spans of one component, in order of first appearance.

    Deduplicated so that two claims sharing one source (or one cue) count it once, in gold
    and predictions alike.
    """
    spans = (getattr(a, component) for a in attributions)
    return list(dict.fromkeys(s for s in spans if s))


def score_component(index: SpanIndex, gold: Sequence[Attribution],
                    predicted: Sequence[Attribution], component: str, mode: str) -> Counts:
    gold_spans = component_spans(gold, component)
    predicted_spans = component_spans(predicted, component)
    pairs = match_spans(index, gold_spans, predicted_spans, mode)
    return Counts(len(pairs), len(predicted_spans), len(gold_spans))


def _optional_partial(index: SpanIndex, gold: Fragments | None,
                      predicted: Fragments | None) -> float | None:
    """Partial weight of two optional spans: 1.0 when both are absent, None on no match."""
    if not gold and not predicted:
        return 1.0
    if not gold or not predicted:
        return None
    return span_similarity(index, "partial")(gold, predicted) or None


def triple_weight(index: SpanIndex, gold: Attribution, predicted: Attribution) -> float:
    """Mean Jaccard of content, cue and source when all three match partially, else 0.

    A missing source (or cue) matches only a missing one.
    """
    scores = [_optional_partial(index, getattr(gold, c), getattr(predicted, c))
              for c in ("content", "cue", "source")]
    if any(s is None for s in scores) or not gold.content:
        return 0.0
    return sum(scores) / len(scores)


def match_attributions(index: SpanIndex, gold: Sequence[Attribution],
                       predicted: Sequence[Attribution]) -> list[tuple[int, int]]:
    """One-to-one (gold, predicted) pairs whose whole triples match."""
    weights = np.array([[triple_weight(index, g, p) for p in predicted] for g in gold])
    return assign(weights.reshape(len(gold), len(predicted)))


def match_contents(index: SpanIndex, gold: Sequence[Attribution],
                   predicted: Sequence[Attribution]) -> list[tuple[int, int]]:
    """One-to-one (gold, predicted) attribution pairs whose contents match partially."""
    return match_spans(index, [g.content for g in gold], [p.content for p in predicted],
                       "partial")


def score_document(text: str, gold: Sequence[Attribution],
                   predicted: Sequence[Attribution]) -> dict[str, Counts]:
    """Counts for one text: ``<component>/<mode>`` for each component and mode, and
    ``triple``."""
    index = SpanIndex(text)
    counts = {f"{component}/{mode}": score_component(index, gold, predicted, component, mode)
              for component in COMPONENTS for mode in MATCH_MODES}
    triples = match_attributions(index, gold, predicted)
    counts["triple"] = Counts(len(triples), len(predicted), len(gold))
    return counts


def resolve_data_dir(path: str | Path) -> Path:
    """``path`` as given (relative to the working directory) if it exists, else the same
    relative path taken from the repository root, so ``../shared/datasets/x`` works both
    from the repository and from elsewhere."""
    given = Path(path).expanduser()
    if given.exists() or given.is_absolute():
        return given
    repository_root = Path(__file__).resolve().parents[3]
    beside = repository_root / given
    return beside if beside.exists() else given


class OffsetMap:
    """Maps spans in a cleaned text back to the raw text it was cleaned from.

    Readers may trim, drop a title line or normalise whitespace, so a system's offsets
    (into ``Article.text``) can differ from the gold offsets (into the file). When the
    cleaned text occurs verbatim in the raw text the map is a shift; otherwise the two are
    aligned character by character (``rapidfuzz.distance.Indel.opcodes``, a longest common
    subsequence), and a span maps to the raw range from its first to its last aligned
    character.
    """

    def __init__(self, clean: str, raw: str):
        self.shift: int | None = raw.find(clean) if clean else 0
        self._raw_at: list[int] = []
        if self.shift < 0:
            self.shift = None
            self._raw_at = _aligned_positions(clean, raw)

    def span(self, start: int, end: int) -> tuple[int, int] | None:
        """The raw ``(start, end)`` of the cleaned ``[start, end)``; None if none of its
        characters occur in the raw text."""
        if self.shift is not None:
            return start + self.shift, end + self.shift
        aligned = [p for p in self._raw_at[start:end] if p >= 0]
        return (aligned[0], aligned[-1] + 1) if aligned else None


def _aligned_positions(clean: str, raw: str) -> list[int]:
    """For each character of ``clean``, its index in ``raw``, or -1 if it has none."""
    positions = [-1] * len(clean)
    for op in Indel.opcodes(clean, raw):
        if op.tag == "equal":
            for offset in range(op.src_end - op.src_start):
                positions[op.src_start + offset] = op.dest_start + offset
    return positions
