"""Candidate toponym spans: runs of capitalised names the gazetteer knows, and the shape of
a place's span ("the" and a possessive dropped; "Guinea-Bissau", "Democratic Republic of
the Congo" joined; "X province" and "the state of X" wording).
"""

from __future__ import annotations

from typing import Iterable, Optional

from spacy.tokens import Doc, Span

from counterclaim.analyze import gazetteer as gaz
from counterclaim.analyze.gazetteer import normalise
from counterclaim.analyze.places_tokens import TokenTable, joined, token_table

# "X province" wording: the word, the feature it implies, the precision it allows
TYPE_WORDS = {
    "province": ("admin1", 3), "state": ("admin1", 3), "region": ("admin1", 3),
    "governorate": ("admin1", 3), "oblast": ("admin1", 3), "prefecture": ("admin1", 3),
    "district": ("admin2", 2), "county": ("admin2", 2), "parish": ("admin2", 2),
    "municipality": ("admin2", 2), "department": ("admin1", 3), "counties": ("admin2", 2),
    "valley": ("natural", 2), "river": ("natural", 2), "mountains": ("natural", 2),
    "mountain": ("natural", 2), "lake": ("natural", 2), "desert": ("natural", 2),
    "city": ("city", 1), "town": ("city", 1), "village": ("locality", 1),
}
# "the state of X" (not "the city of X": GeoNames calls a town a city by its size only)
OF_TYPE_WORDS = {"state", "province", "region", "governorate", "oblast", "prefecture", "county",
                 "district"}
NAME_LINKS = {"of", "de", "del", "la", "le", "al", "el", "upon", "on", "the", "du", "des"}
MAX_NAME_TOKENS = 5


def strip_span(span: Span) -> Optional[Span]:
    """Drop a leading "the" and a trailing possessive or dot from an entity span."""
    start, end = span.start, span.end
    while start < end and span.doc[start].lower_ in {"the", "'s", "’s"}:
        start += 1
    while end > start and span.doc[end - 1].lower_ in {"'s", "’s", "'"}:
        end -= 1
    return span.doc[start:end] if end > start else None


COMPASS_WORDS = {"north", "south", "east", "west", "central", "northern", "southern",
                 "eastern", "western", "upper", "lower", "new", "great", "northeast",
                 "northwest", "southeast", "southwest", "mid", "greater"}


def join_hyphenated(span: Span, gazetteer: gaz.Gazetteer) -> Span:
    """ "Guinea-Bissau", "Trinidad and Tobago", "Democratic Republic of the Congo": widen
    a span over a hyphen, "and" or "of (the)" when the whole is a known name."""
    doc = span.doc
    start, end = span.start, span.end
    if end + 1 < len(doc) and doc[end].lower_ in JOINERS and doc[end + 1].text[:1].isupper():
        if normalise(doc[start : end + 2].text) in gazetteer.names:
            end += 2
    if start >= 2 and doc[start - 1].lower_ in JOINERS and doc[start - 2].text[:1].isupper():
        if normalise(doc[start - 2 : end].text) in gazetteer.names:
            start -= 2
    return doc[start:_of_tail(doc, start, end, gazetteer)]


def _of_tail(doc: Doc, start: int, end: int, gazetteer: gaz.Gazetteer) -> int:
    """ "Democratic Republic" + "of the Congo": the end of the longest known name that
    continues the span through "of (the)"."""
    if end >= len(doc) or doc[end].lower_ != "of":
        return end
    after = end + 1 + (end + 1 < len(doc) and doc[end + 1].lower_ == "the")
    for stop in range(min(len(doc), after + 3), after, -1):
        if all(t.text[:1].isupper() for t in doc[after:stop]) \
                and normalise(doc[start:stop].text) in gazetteer.names:
            return stop
    return end


JOINERS = {"-", "and", "&"}


def _country_ending_in_word(table: TokenTable, gazetteer: gaz.Gazetteer, i: int,
                            j: int) -> bool:
    """ "the Holy See": a country's name may end in a capitalised stop word."""
    return (j - 1 > i and table.text[j - 1][:1].isupper()
            and any(e.feature == "country" for e in gazetteer.lookup(joined(table, i, j))))


def gazetteer_runs(doc: Doc, gazetteer: gaz.Gazetteer,
                   table: Optional[TokenTable] = None) -> Iterable[Span]:
    """Longest runs of capitalised proper nouns the gazetteer knows, left to right."""
    table = table or token_table(doc)
    names, lower, n = table.name, table.lower, len(table.text)
    i = 0  # runs do not overlap: the first token the next run may start at
    # a run starts at a name, and names are capitalised: among the cased tokens
    for start in [k for k in table.cased if names[k]]:
        if start < i:
            continue
        i, found = start, 0
        # inside a run only names and linking words ("of", "de"): the first other word
        # bounds the runs tried from here
        limit = min(n, i + MAX_NAME_TOKENS)
        k = i + 1
        while k < limit - 1 and (names[k] or lower[k] in NAME_LINKS):
            k += 1
        for j in range(min(limit, k + 1), i, -1):
            ends_with_type = lower[j - 1] in TYPE_WORDS and j - 1 > i
            if not (names[j - 1] or ends_with_type
                    or _country_ending_in_word(table, gazetteer, i, j)):
                continue
            if j - i == 1 and lower[i] in COMPASS_WORDS:
                continue  # "North" alone is a direction, "North Dakota" a place
            if normalise(joined(table, i, j)) in gazetteer.names:
                found = j
                break
        if found:
            yield doc[i:found]
            i = found


def type_word(span: Span) -> Optional[str]:
    """ "X province", "X River", or "the state of X"."""
    doc = span.doc
    if span.end < len(doc) and doc[span.end].lower_ in TYPE_WORDS:
        return doc[span.end].lower_
    if len(span) > 1 and span[-1].lower_ in TYPE_WORDS:
        return span[-1].lower_
    if span.start >= 2 and doc[span.start - 1].lower_ == "of":
        word = doc[span.start - 2].lower_
        if word in OF_TYPE_WORDS:
            return word
    return None
