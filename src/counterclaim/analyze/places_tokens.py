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


_STRINGS: dict[int, str] = {}  # orth or tag id -> its string: a dict read is cheaper than the string store's


def token_table(doc: Doc) -> TokenTable:
    # one array read and list comprehensions instead of a Token object per attribute
    columns = doc.to_array(_TABLE_ATTRS).T.tolist() if len(doc) else [[], [], [], []]
    orths, tag_ids, stops, spaces = columns
    strings = _strings_of(doc, orths, tag_ids)
    text = [strings[orth] for orth in orths]
    lower = [word.lower() for word in text]
    tag = [strings[tag_id] for tag_id in tag_ids]
    ws = [" " if space else "" for space in spaces]
    lowercase = {word for word in text if word.islower()}
    cased = [i for i, word in enumerate(text) if word not in lowercase]
    # a name is capitalised, so not all in lower case: only the cased tokens can be one
    name = [False] * len(text)
    for i in cased:
        word = text[i]
        name[i] = (word[:1].isupper() and tag[i] in NAME_TAGS and lower[i] not in NOT_PLACES
                   and (not stops[i] or word.isupper()))  # "US" is not the stop word "us"
    return TokenTable(text, ws, lower, tag, name, cased, frozenset(lowercase))


def _strings_of(doc: Doc, *id_lists: list[int]) -> dict[int, str]:
    if len(_STRINGS) > 200_000:  # a long stream of new words cannot grow it forever
        _STRINGS.clear()
    _STRINGS[0] = ""  # no tag
    store = doc.vocab.strings
    for ids in id_lists:
        for string_id in set(ids).difference(_STRINGS):
            _STRINGS[string_id] = store[string_id]
    return _STRINGS


def joined(table: TokenTable, start: int, end: int) -> str:
    """``doc[start:end].text`` without building the span."""
    parts = [table.text[k] + table.ws[k] for k in range(start, end - 1)]
    return "".join(parts) + table.text[end - 1]
