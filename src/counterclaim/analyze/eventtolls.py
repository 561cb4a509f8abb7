"""Death figures in news sentences: "killing at least 17 civilians", "11 bodies", "the
death toll rose to six", "five children were among the dead"; not the wounded, distances or
dates. Each figure is a number whose noun is a death word, is modified by one, or whose
clause's verb is or has one.
"""

from __future__ import annotations

from typing import NamedTuple

from spacy.tokens import Token

from . import eventtypes as et
from .spans import text_of

DEATH_WORDS = {"kill", "die", "dead", "death", "body", "fatality", "toll", "massacre", "corpse"}
UNIT_WORDS = {"metre", "meter", "km", "kilometre", "kilometer", "mile", "percent", "year", "day",
              "hour", "minute", "month", "week", "dollar", "ton", "tonne"}
NUMBER_WORDS = {w: n for n, w in enumerate(
    "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen "
    "fifteen sixteen seventeen eighteen nineteen twenty".split())}
NUMBER_WORDS.update({"thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70,
                     "eighty": 80, "ninety": 90, "hundred": 100, "dozen": 12})


class Figure(NamedTuple):
    """A death figure: ``count`` and its words, at token ``token`` of the doc."""

    count: int
    text: str
    token: int


def death_figures(tokens: list[Token]) -> list[Figure]:
    """Numbers of dead among the tokens: "killing at least 17 civilians", "11 bodies",
    "the death toll rose to six"; not the wounded, distances or dates."""
    figures = []
    for token in tokens:
        count = _number(token)
        if count is None or token.ent_type_ in ("DATE", "TIME", "ORDINAL", "PERCENT", "MONEY", "QUANTITY"):
            continue
        noun = token.head if token.dep_ in ("nummod", "quantmod") else token
        if et.lemma(noun) in UNIT_WORDS or not _near_death_word(noun):
            continue
        start = min(t.idx for t in noun.subtree if t.i <= noun.i)
        end = noun.idx + len(noun.text)
        figures.append(Figure(count, text_of(token.doc)[start:end], token.i))
    return figures


def _number(token: Token) -> int | None:
    text = token.lower_.replace(",", "")
    if text.isdecimal():  # not isdigit(): "¹" is a digit int() cannot read (schemathesis)
        return int(text)
    return NUMBER_WORDS.get(text) if token.like_num or token.pos_ == "NUM" else None


def _near_death_word(noun: Token) -> bool:
    """The noun is a death word or modified by one ("10 civilians killed"), or its clause's
    verb is or has one ("killing 17 civilians", "five children were among the dead")."""
    if et.lemma(noun) in DEATH_WORDS or any(et.lemma(c) in DEATH_WORDS for c in noun.children):
        return True
    node = noun
    for _ in range(3):
        node = node.head
        if et.lemma(node) in DEATH_WORDS:
            return True
        if node.pos_ in ("VERB", "AUX") or node.head.i == node.i:
            near = [g for c in node.children if c.i != noun.i for g in (c, *c.children)]
            return any(et.lemma(t) in DEATH_WORDS and t.i != noun.i for t in near)
    return False
