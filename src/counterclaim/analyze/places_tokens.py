"""A per-token table of a parsed Doc, read once for toponym recognition.

spaCy builds a new Token object on every ``doc[i]`` and every attribute read crosses into
Cython, which made recognition the cost of the places component; one ``to_array`` read
and plain lists make it a few list comprehensions.
"""

from __future__ import annotations

from typing import NamedTuple

from spacy.attrs import IS_STOP, ORTH, SPACY, TAG
from spacy.tokens import Doc

# capitalised words that are never a place's name (or part of one) by themselves
NOT_PLACES = {
    "january", "february", "march", "april", "may", "june", "july", "august", "september",
    "october", "november", "december", "monday", "tuesday", "wednesday", "thursday",
    "friday", "saturday", "sunday", "god", "christ", "mr", "mrs", "ms", "dr", "president",
    "police", "university", "school", "street", "road", "church", "court", "center",
    "centre", "hospital", "city", "county",
    "act", "union", "man", "christmas", "metro", "gulf", "king", "queen", "prince", "lord",
}
NAME_TAGS = {"NNP", "NNPS", "NN", "NNS"}


def name_like(text: str, tag: str, lower: str, is_stop: bool, is_upper: bool) -> bool:
    # "US" is not the stop word "us"
    return (text[:1].isupper() and tag in NAME_TAGS
            and lower not in NOT_PLACES and (not is_stop or is_upper))


def is_name_token(token) -> bool:
    """A capitalised noun that could be (part of) a name. The small tagger often tags a
    town NN ("Gainesville residents"), so common nouns count too; words the text also
    writes in lower case are refused later."""
    return name_like(token.text, token.tag_, token.lower_, token.is_stop, token.is_upper)


class TokenTable(NamedTuple):
    """Per-token strings read once: spaCy builds a new Token object on every ``doc[i]``,
    which made recognition the cost of the places component."""

    text: list[str]
    ws: list[str]
    lower: list[str]
    tag: list[str]
    name: list[bool]  # is_name_token
    # indices of the tokens not all in lower case (capitalised words, capitals, digits,
    # punctuation): the only ones a test for a capital or a mark can pass, so the
    # recognisers' scans walk these instead of every token
    cased: list[int]
    lowercase: frozenset[str]  # the words written all in lower case


_TABLE_ATTRS = [ORTH, TAG, IS_STOP, SPACY]


def token_table(doc: Doc) -> TokenTable:
    # one array read and list comprehensions instead of a Token object per attribute
    strings = doc.vocab.strings
    columns = doc.to_array(_TABLE_ATTRS).T.tolist() if len(doc) else [[], [], [], []]
    orths, tag_ids, stops, spaces = columns
    tag_of = {tag_id: strings[tag_id] if tag_id else "" for tag_id in set(tag_ids)}
    text = [strings[orth] for orth in orths]
    lower = [word.lower() for word in text]
    tag = [tag_of[tag_id] for tag_id in tag_ids]
    ws = [" " if space else "" for space in spaces]
    name = [word[:1].isupper() and tag_ in NAME_TAGS and low not in NOT_PLACES
            and (not stop or word.isupper())  # "US" is not the stop word "us"
            for word, tag_, low, stop in zip(text, tag, lower, stops)]
    lowercase = {word for word in text if word.islower()}
    cased = [i for i, word in enumerate(text) if word not in lowercase]
    return TokenTable(text, ws, lower, tag, name, cased, frozenset(lowercase))


def joined(table: TokenTable, start: int, end: int) -> str:
    """``doc[start:end].text`` without building the span."""
    parts = [table.text[k] + table.ws[k] for k in range(start, end - 1)]
    return "".join(parts) + table.text[end - 1]
