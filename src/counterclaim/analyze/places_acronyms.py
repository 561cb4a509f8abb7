"""Short forms of places: acronyms the text defines ("New South Wales (NSW)") wherever they
recur, and first-level regions' ISO 3166-2 codes ("NSW", "KZN", "BC") in a text that names
their country.
"""

from __future__ import annotations

from collections import Counter
from typing import Iterable

from spacy.tokens import Doc, Span

from counterclaim.analyze import gazetteer as gaz
from counterclaim.analyze.gazetteer import normalise
from counterclaim.analyze.places_tokens import TokenTable

MAX_ACRONYM = 6


def defined_acronyms(mentions: list, table: TokenTable) -> dict[str, str]:
    """ "Kessen Province (KP)": an all-caps word in brackets right after a place's name,
    starting with the name's first letter, stands for that name in the whole text."""
    text, n = table.text, len(table.text)
    found: dict[str, str] = {}
    for mention in mentions:
        end = mention.span.end
        if mention.role == "demonym" or len(mention.span) < 2 or end + 2 >= n:
            continue
        if text[end] != "(" or text[end + 2] != ")":
            continue
        abbrev = text[end + 1]
        if 2 <= len(abbrev) <= MAX_ACRONYM and abbrev.isalpha() and abbrev.isupper() \
                and abbrev[0] == mention.text[:1]:
            found.setdefault(abbrev, mention.text)
    return found


def acronym_uses(doc: Doc, acronyms: dict[str, str], table: TokenTable,
                 taken: set[int]) -> Iterable[tuple[Span, str]]:
    """Each use of a defined acronym not already part of a mention, with its long form."""
    if not acronyms:
        return
    for i in table.cased:  # an acronym is in capitals
        word = table.text[i]
        if i not in taken and word in acronyms:
            yield doc[i : i + 1], acronyms[word]


REGION_CODE_MIN_POPULATION = 100_000  # a town this big places the text in its country


def _countries_named(mentions: list, gazetteer: gaz.Gazetteer) -> set[str]:
    named = set()
    for mention in mentions:
        if mention.role == "demonym":
            place = gazetteer.demonym(mention.text)
            named.add(place.country if place is not None else None)
            continue
        named.update(e.country for e in gazetteer.lookup(mention.text)
                     if e.feature in {"country", "admin1"}
                     or e.population >= REGION_CODE_MIN_POPULATION)
    return named


def region_codes(doc: Doc, table: TokenTable, taken: set[int], gazetteer: gaz.Gazetteer,
                 mentions: list) -> Iterable[tuple[Span, str]]:
    """ "NSW and Queensland extended their bans": a capitalised ISO 3166-2 region code
    that only one region has, in a text whose other names lie in that region's country
    (so "ACT" in an American story is no Australian territory). Yields the span and the
    region's name."""
    text = table.text  # codes are in capitals: only the cased tokens can be one
    found = [(i, gazetteer.codes[text[i]]) for i in table.cased
             if i not in taken and text[i] in gazetteer.codes]
    short = [i for i in table.cased
             if len(text[i]) == 2 and text[i].isalpha() and text[i].isupper() and i not in taken
             and not doc[i].is_stop and text[i] not in NOT_CODES and not _in_capitals(table, i)]
    if not found and not short:
        return
    named = _countries_named(mentions, gazetteer)
    for i, entry in found:
        if entry.country in named:
            yield doc[i : i + 1], entry.name
    if short:
        yield from _short_codes(doc, table, short, gazetteer, mentions)


# two capitals that are words or initials more often than a region: "OK", "LA" (Los
# Angeles), "PR" (public relations), "MD" (a doctor), "CO" (a company)
NOT_CODES = {"OK", "TV", "ID", "AM", "PM", "CO", "MD", "PR", "OH", "HI", "ME", "OR", "IN",
             "LA", "UK", "US", "DC", "GM", "CEO", "PC", "MP", "UN", "EU", "AI", "VP", "DJ"}


def _short_codes(doc: Doc, table: TokenTable, positions: list[int], gazetteer: gaz.Gazetteer,
                 mentions: list) -> Iterable[tuple[Span, str]]:
    """ "BC" in a story that names Canada or British Columbia: a two-letter region code
    ("BC", "WA", "SA" each belong to several countries) read in the one named country."""
    names = {normalise(m.text) for m in mentions if m.role != "demonym"}
    countries = {e.country for key in names for e in gazetteer.lookup(key)
                 if e.feature == "country" and normalise(e.name) == key}
    countries |= {p.country for m in mentions if m.role == "demonym"
                  for p in [gazetteer.demonym(m.text)] if p is not None}
    entries = [gazetteer.lookup(key) for key in names]
    for i in positions:
        code = table.text[i]
        regions = {e.name for c in countries for e in [gazetteer.codes.get(f"{code}/{c}")] if e}
        # the region named in full, or the region of towns two of the text's names could be
        holding: Counter = Counter()
        for found in entries:
            owners = {gazetteer.codes.get(f"{code}/{e.country}") for e in found}
            owners = {r for r in owners if r is not None}
            holding.update({r.name for r in owners
                            for e in found if e.admin1 == r.name and e.feature != "country"})
        regions |= {name for name, count in holding.items() if count >= 2}
        regions |= {e.name for found in entries for e in found if e.feature == "admin1"
                    and gazetteer.codes.get(f"{code}/{e.country}") == e}
        if len(regions) == 1:
            yield doc[i : i + 1], regions.pop()


def _in_capitals(table: TokenTable, i: int) -> bool:
    """A word in an all-capitals headline or dateline: "ON THE RECORD"."""
    near = [table.text[k] for k in (i - 1, i + 1) if 0 <= k < len(table.text)]
    return any(len(w) > 1 and w.isalpha() and w.isupper() for w in near)
