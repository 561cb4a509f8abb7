"""The FNC-1 official baseline's hand-crafted features, reimplemented.

Follows ``feature_engineering.py`` of FakeNewsChallenge/fnc-1-baselines: word overlap,
refuting words, polarity, binary co-occurrence and n-gram / char-gram hits (44 columns).
Two deliberate differences: tokens are lower-cased but not WordNet-lemmatized (NLTK's data is
not installable here), and the cleaned body is computed once per pair instead of once per
headline token (same values, faster). The baseline's char-gram quirk is kept: it joins the
characters of each char-gram with spaces, so most char-grams of size > 1 never hit.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

import numpy as np
from sklearn.feature_extraction.text import ENGLISH_STOP_WORDS

REFUTING_WORDS = (
    "fake", "fraud", "hoax", "false", "deny", "denies", "not", "despite",
    "nope", "doubt", "doubts", "bogus", "debunk", "pranks", "retract",
)  # fmt: skip
_REFUTING_SET = frozenset(REFUTING_WORDS)
_WORD = re.compile(r"\w+", flags=re.UNICODE)


def clean(text: str) -> str:
    """Lower-case and keep only word characters, single-space separated."""
    return " ".join(_WORD.findall(text)).lower()


def _without_stopwords(tokens: Iterable[str]) -> list[str]:
    return [token for token in tokens if token not in ENGLISH_STOP_WORDS]


def _word_overlap(head_tokens: list[str], body_tokens: list[str]) -> float:
    head, body = set(head_tokens), set(body_tokens)
    union = head | body
    return len(head & body) / len(union) if union else 0.0


def _polarity(tokens: list[str]) -> int:
    return sum(token in _REFUTING_SET for token in tokens) % 2


def _binary_co_occurrence(head: str, body: str) -> list[int]:
    early = body[:255]
    tokens = head.split(" ")
    stop_free = _without_stopwords(tokens)
    hits = sum(token in body for token in tokens)
    early_hits = sum(token in early for token in tokens)
    stop_free_hits = sum(token in body for token in stop_free)
    # The baseline counts the stop-free hits twice (its "early" count is not early).
    return [hits, early_hits, stop_free_hits, stop_free_hits]


def _char_gram_hits(head: str, body: str, size: int) -> list[int]:
    text = " ".join(_without_stopwords(head.split()))
    grams = [" ".join(text[i : i + size]) for i in range(len(text) - size + 1)]
    early, first = body[:255], body[:100]
    return [
        sum(gram in body for gram in grams),
        sum(gram in early for gram in grams),
        sum(gram in first for gram in grams),
    ]


def _word_gram_hits(head: str, body: str, size: int) -> list[int]:
    words = head.split(" ")
    grams = [" ".join(words[i : i + size]) for i in range(len(words) - size + 1)]
    early = body[:255]
    return [sum(gram in body for gram in grams), sum(gram in early for gram in grams)]


def baseline_pair_features(headline: str, body: str) -> list[float]:
    """The 44 baseline features of one pair, in the baseline's column order.

    Order: 26 hand features (co-occurrence, char-grams 2/8/4/16, word-grams 2..6),
    2 polarity, 15 refuting-word flags, 1 word overlap (``np.c_[hand, polarity,
    refuting, overlap]`` in ``fnc_kfold.py``).
    """
    head, text = clean(headline), clean(body)
    head_tokens, body_tokens = head.split(), text.split()
    hand = _binary_co_occurrence(head, text)
    for size in (2, 8, 4, 16):
        hand += _char_gram_hits(head, text, size)
    for size in (2, 3, 4, 5, 6):
        hand += _word_gram_hits(head, text, size)
    polarity = [_polarity(head_tokens), _polarity(body_tokens)]
    head_set = set(head_tokens)
    refuting = [int(word in head_set) for word in REFUTING_WORDS]
    return hand + polarity + refuting + [_word_overlap(head_tokens, body_tokens)]


BASELINE_FEATURE_NAMES = tuple(
    ["cooc", "cooc_early", "cooc_stop", "cooc_stop_early"]
    + [f"char{n}_{where}" for n in (2, 8, 4, 16) for where in ("all", "early", "first")]
    + [f"word{n}_{where}" for n in (2, 3, 4, 5, 6) for where in ("all", "early")]
    + ["polarity_head", "polarity_body"]
    + [f"refute_{word}" for word in REFUTING_WORDS]
    + ["word_overlap"]
)


def baseline_features(headlines: Iterable[str], bodies: Iterable[str]) -> np.ndarray:
    """Stack :func:`baseline_pair_features` for aligned headlines and bodies."""
    rows = [baseline_pair_features(h, b) for h, b in zip(headlines, bodies, strict=True)]
    return np.asarray(rows, dtype=np.float32).reshape(len(rows), len(BASELINE_FEATURE_NAMES))
