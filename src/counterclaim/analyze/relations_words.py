"""Per-token words of a doc, as the relation rules read them: lemmas, lowercase forms,
content weights, figures and modal scope, taken once per doc from spaCy's arrays; plus the
content-lemma and word-set helpers the fact, stance and contradiction rules share.

Kept apart from the rules so that the array work (the component's hot path) and the
vocabularies it bakes in live in one place.
"""

from __future__ import annotations

import re
from typing import NamedTuple

import numpy
from spacy.attrs import ENT_TYPE, HEAD, IS_ALPHA, IS_STOP, LEMMA, LIKE_NUM, LOWER, POS, TAG
from spacy.strings import get_string_id
from spacy.tokens import Doc

# Lemmas that say nothing about what a claim is about.
GENERIC = frozenset("""
say tell be have do make get claim account statement report allegation accusation denial
also still just only even day week month year time people thing way part
appear seem believe think apparently reportedly allegedly purportedly probably possibly likely
""".split())
POS_WEIGHT = {"PROPN": 2.0, "NOUN": 1.0, "VERB": 1.0, "NUM": 0.5, "ADJ": 0.5}
NUMBER_WORDS = {w: n for n, w in enumerate(
    "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen "
    "fifteen sixteen seventeen eighteen nineteen twenty".split())}
NUMBER_WORDS.update({"thirty": 30, "forty": 40, "fifty": 50, "hundred": 100, "dozen": 12})


class DocWords(NamedTuple):
    """Per-token attributes of a doc as plain lists, read once from spaCy's arrays: the rules
    look at every claim token several times, and Token objects are slow to build."""

    lemma: list[str]  # lemma_.lower()
    lower: list[str]
    content: list[float]  # POS_WEIGHT of a content word (as content_lemmas takes it), else 0
    number: list[int | None]  # the figure a number gives (as relations_facts._tolls takes it), else None
    modal: list[bool]  # under a modal (see modal_scope)


_LOWER_LEMMAS: dict[int, str] = {}
_LOWERS: dict[int, str] = {}
_NOT_FIGURES = ("DATE", "TIME", "ORDINAL")


def doc_words(doc: Doc) -> DocWords:
    n = len(doc)
    if n == 0:
        return DocWords([], [], [], [], [])
    strings = doc.vocab.strings
    rows = doc.to_array([LEMMA, LOWER, POS, IS_STOP, IS_ALPHA, LIKE_NUM, ENT_TYPE])
    lemma_ids, lower_ids = rows[:, 0].tolist(), rows[:, 1].tolist()
    if len(_LOWER_LEMMAS) > 200_000:
        _LOWER_LEMMAS.clear()
        _LOWERS.clear()
    for lemma_id in set(lemma_ids).difference(_LOWER_LEMMAS):
        _LOWER_LEMMAS[lemma_id] = strings[lemma_id].lower()
    lemmas = [_LOWER_LEMMAS[lemma_id] for lemma_id in lemma_ids]
    # A dict read is cheaper than the string store's (which decodes the string each time).
    for lower_id in set(lower_ids).difference(_LOWERS):
        _LOWERS[lower_id] = strings[lower_id]
    lowers = [_LOWERS[lower_id] for lower_id in lower_ids]
    pos = rows[:, 2]
    weights = _POS_WEIGHTS[numpy.minimum(pos, len(_POS_WEIGHTS) - 1)]
    content_words = (weights > 0) & (rows[:, 3] == 0) & ((rows[:, 4] != 0) | (rows[:, 5] != 0))
    content = numpy.where(content_words, weights, 0.0).tolist()
    for i in content_words.nonzero()[0].tolist():
        if lemmas[i] in GENERIC:
            content[i] = 0.0
    numbers: list[int | None] = [None] * n
    figures = rows[:, 5] != 0
    for label_id in _NOT_FIGURE_IDS:
        figures &= rows[:, 6] != label_id
    for i in figures.nonzero()[0].tolist():
        numbers[i] = _number_in(lowers[i])
    return DocWords(lemmas, lowers, content, numbers, modal_scope(doc))


def _pos_weights() -> numpy.ndarray:
    """POS_WEIGHT as an array indexed by spaCy's POS ids (the last cell, 0, for any other)."""
    ids = {get_string_id(pos): weight for pos, weight in POS_WEIGHT.items()}
    weights = numpy.zeros(max(ids) + 2)
    for pos_id, weight in ids.items():
        weights[pos_id] = weight
    return weights


_POS_WEIGHTS = _pos_weights()
_NOT_FIGURE_IDS = [numpy.uint64(get_string_id(label)) for label in _NOT_FIGURES]


def content_lemmas(tokens) -> dict[str, float]:
    lemmas: dict[str, float] = {}
    for tok in tokens:
        weight = POS_WEIGHT.get(tok.pos_)
        lemma = tok.lemma_.lower()
        if weight and not tok.is_stop and (tok.is_alpha or tok.like_num) and lemma not in GENERIC:
            lemmas[lemma] = max(weight, lemmas.get(lemma, 0.0))
    return lemmas


def overlap(a: dict[str, float], b: dict[str, float]) -> float:
    return sum(min(weight, b[lemma]) for lemma, weight in a.items() if lemma in b)


_LETTERS = re.compile(r"[a-z]+")


def text_words(text: str) -> set[str]:
    return {w for w in _LETTERS.findall(text.lower().replace("'s", "")) if len(w) > 2}


def _number_in(lower: str) -> int | None:
    text = lower.replace(",", "")
    if text.isdecimal():  # not isdigit(): "¹" is a digit int() cannot read
        return int(text)
    return NUMBER_WORDS.get(text)


def modal_scope(doc: Doc) -> list[bool]:
    """For each token, whether it or one of its ancestors has a modal child other than "can".

    Computed once per doc on spaCy's arrays: walking every claim token's ancestors and
    their children one by one was most of this component's time. Pointer jumping: after
    step k each token has seen its 2**k nearest ancestors, so a parse 16 deep takes 4 steps.
    """
    n = len(doc)
    if n == 0:
        return []
    rows = doc.to_array([HEAD, TAG, LOWER])
    heads = numpy.arange(n, dtype="int64") + rows[:, 0].astype("int64")
    modals = ((rows[:, 1] == get_string_id("MD")) & (rows[:, 2] != get_string_id("can"))).nonzero()[0]
    modals = modals[heads[modals] != modals]  # a root is nobody's child
    if not len(modals):
        return [False] * n
    scope = numpy.zeros(n, dtype=bool)  # has a modal child, then: or an ancestor has
    scope[heads[modals]] = True
    ancestor = heads  # each token's 2**k-th ancestor (a root is its own head)
    for _ in range(n):  # a tree is at most n deep; parses are far shallower
        scope |= scope[ancestor]
        above = ancestor[ancestor]
        if (above == ancestor).all():
            break
        ancestor = above
    return scope.tolist()
