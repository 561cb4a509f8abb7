"""Widening a place's name cut short by the model or by a word that is no name alone ("DR
Congo", "People's Republic of China", "French Guiana" read as "French", "U.S. Virgin Islands"
as "U.S."): the longest gazetteer name around it.
"""

from __future__ import annotations

from spacy.tokens import Span

from counterclaim.analyze import gazetteer as gaz
from counterclaim.analyze.gazetteer import normalise
from counterclaim.analyze.places_tokens import TokenTable, joined

WIDEN_LINKS = {"'s", "\u2019s", "of", "the", "de", "and", "-"}  # "-": "KwaZulu-Natal"
HYPHENATED_FEATURES = {"country", "admin1", "admin2"}
WIDEN_MAX = 3  # tokens added on either side: "Democratic People's" Republic of Korea
# words that add no name: "City of Richmond" and "Dublin City (Council)" are Richmond and
# Dublin, whatever alias the gazetteer files under the longer form; "The L.A." is "L.A."
NOT_WIDENING = WIDEN_LINKS | {"city", "town", "county", "state", "province", "district",
                              "village", "municipality", "region", "parish"}


def _widens(table: TokenTable, start: int, end: int, taken: set[int]) -> bool:
    """Whether tokens [start, end) may join a name: free, capitalised at both ends, and
    capitalised or a linking word between."""
    if any(k in taken for k in range(start, end)):
        return False
    if all(table.lower[k] in NOT_WIDENING for k in range(start, end)):
        return False
    inner = all(table.text[k][:1].isupper() or table.lower[k] in WIDEN_LINKS
                for k in range(start, end))
    return inner and table.text[start][:1].isupper()


def widen_to_known(span: Span, gazetteer: gaz.Gazetteer, table: TokenTable,
                   taken: set[int]) -> Span:
    """The longest gazetteer name that contains ``span`` and at most ``WIDEN_MAX`` more
    tokens on either side; ``span`` itself when there is none."""
    n = len(table.text)
    before, after = span.start - 1, span.end
    if not ((before >= 0 and (table.text[before][:1].isupper()
                              or table.lower[before] in WIDEN_LINKS))
            or (after < n and table.text[after][:1].isupper())):
        return span  # the common case, lower-case words around: nothing to try
    if all(table.lower[k] in NOT_WIDENING for k in range(span.start, span.end)):
        return span  # "City of" cut from "the City of Richmond's" names nothing to widen
    # "'s" cannot open a name, "Democratic People's" can: each side checked once
    starts = [span.start] + [span.start - left for left in range(1, WIDEN_MAX + 1)
                             if span.start - left >= 0
                             and _widens(table, span.start - left, span.start, taken)]
    ends = [span.end] + [span.end + right for right in range(1, WIDEN_MAX + 1)
                         if span.end + right <= n
                         and table.text[span.end + right - 1][:1].isupper()
                         and _widens(table, span.end, span.end + right, taken)]
    best = None
    for start in starts:
        for end in ends:
            if (start, end) != (span.start, span.end) \
                    and _known_whole(gazetteer, table, start, end) \
                    and (best is None or end - start > best[1] - best[0]):
                best = (start, end)
    return span.doc[best[0] : best[1]] if best else span


def _known_whole(gazetteer: gaz.Gazetteer, table: TokenTable, start: int, end: int) -> bool:
    """A gazetteer name; one that opens or closes with a word that adds no name ("City of
    Richmond", "Dublin City") only as some place's own name ("Gun Barrel City"), not as
    an alias: those are Richmond and Dublin, whichever namesake the alias belongs to."""
    key = normalise(joined(table, start, end))
    if key not in gazetteer.names:
        return False
    if "-" in table.lower[start:end]:  # "KwaZulu-Natal", not "Sub-Saharan Africa"
        return any(e.feature in HYPHENATED_FEATURES for e in gazetteer.lookup(key))
    if table.lower[start] not in NOT_WIDENING and table.lower[end - 1] not in NOT_WIDENING:
        return True
    return any(normalise(e.name) == key for e in gazetteer.lookup(key))
