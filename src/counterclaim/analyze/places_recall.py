"""Toponyms the NER and the plain gazetteer pass miss, found by their setting.

- a capitals dateline opening a paragraph ("BEIRUT: ..."), which the tagger often
  calls an adverb;
- "Town, State" ("Greer, S.C."): a candidate of the name lies in the region written after
  the comma;
- lists beside accepted places ("Clarke, Madison, Oconee and Oglethorpe counties");
- structures the model calls ORG or PERSON ("Royal Street", "Holy Redeemer Church");
- acronyms the text defines for a place ("New South Wales (NSW)"), wherever they recur;
- first-level regions' ISO 3166-2 codes ("NSW", "KZN") in a text that names their country;
- two country names the model ran into one entity ("Greece Italy");
- a place's name cut short by the model or by a word that is no name alone ("DR Congo",
  "People's Republic of China", "French Guiana" read as "French", "U.S. Virgin Islands"
  as "U.S."): widened to the longest gazetteer name around it;
- a company's or group's base ("the Sligo-based charity", "Northbrook-based");
- a legislator's home town in the American style ("Sen. Tony Bakk, DFL-Cook", "(R-Ocilla)");
- a name the text already used as a place, wherever else it recurs (one sense per
  discourse: "Bicester" is the town in "Bicester desperately needed" too).
"""

from __future__ import annotations

from collections import Counter
from typing import Iterable, Optional

from spacy.tokens import Doc, Span

from counterclaim.analyze import gazetteer as gaz
from counterclaim.analyze.gazetteer import normalise
from counterclaim.analyze.geodata import CITY_ABBREVIATIONS, US_STATE_ABBREVIATIONS
from counterclaim.analyze.places_coherence import NameGrid
from counterclaim.analyze.places_tokens import TokenTable, joined

def written_in(run: Span, entries: list, gazetteer: gaz.Gazetteer) -> bool:
    """ "Greer, South Carolina", "Greer, S.C.": a candidate lies in the region written
    after the comma."""
    doc, end = run.doc, run.end
    if end + 1 >= len(doc) or doc[end].text != ",":
        return False
    last = end + 1
    while last < min(len(doc), end + 4) and doc[last].text[:1].isupper():
        last += 1
    for stop in range(last, end + 1, -1):
        raw = doc[end + 1 : stop].text
        written = normalise(raw)
        if "." in raw:  # "S.C.", "Tenn."
            written = US_STATE_ABBREVIATIONS.get(written, written)
        for region in gazetteer.lookup(written):
            if region.feature == "admin1" and any(
                    e.admin1 == region.name and e.country == region.country for e in entries):
                return True
            if region.feature == "country" and any(
                    e.country == region.country and e.feature != "country" for e in entries):
                return True
    return False


# "\u201d": a dash that lost its encoding on the way ("RICHLAND \u201d A one-vehicle ...")
DATELINE_MARKS = {"—", "–", "-", "--", ":", ",", "(", "\u201d"}
MAX_DATELINE_TOKENS = 3


def caps_datelines(doc: Doc, gazetteer: gaz.Gazetteer, table: TokenTable,
                   taken: set[int], min_population: int) -> Iterable[Span]:
    """ "BEIRUT: ...", "GAZA CITY — ...": a capitals dateline opening a paragraph, which
    the tagger often calls an adverb and the NER misses."""
    text, n = table.text, len(table.text)
    for i in range(n):
        if i in taken or not (text[i].isalpha() and text[i].isupper() and len(text[i]) > 2):
            continue
        # a paragraph's start, or a byline's date: "Reporter March 29, 2009 PATASKALA --"
        if i > 0 and not (text[i - 1] in {".", "!", "?", '"'} or text[i - 1].isspace()
                          or table.ws[i - 1] == "\n" or _year(text[i - 1])):
            continue
        end = i + 1
        while end < min(n, i + MAX_DATELINE_TOKENS) and text[end].isalpha() and text[end].isupper():
            end += 1
        if end < n and text[end] in DATELINE_MARKS:
            name = joined(table, i, end)
            if any(e.population >= min_population or e.feature in {"country", "admin1"}
                   for e in gazetteer.lookup(name)):
                yield doc[i:end]


def _year(word: str) -> bool:
    return len(word) == 4 and word.isdigit() and word[:2] in {"19", "20"}


# the model often calls a street or a building ORG; these words say it is a structure
STRUCTURE_WORDS = {"street", "avenue", "road", "boulevard", "lane", "square", "bridge",
                   "church", "cathedral", "mosque", "temple", "airport", "stadium", "arena",
                   "plaza", "estate", "highway", "parkway"}
LIST_LINKS = {",", "and", "or", "&"}
PLURAL_TYPES = {"counties", "parishes", "townships", "provinces", "districts", "states"}


def _list_type(run: Span, table: TokenTable) -> bool:
    """ "Clay, Douglas, Grant and Wilkin counties": the list ends in a plural type word."""
    k, stop = run.end, min(len(table.text), run.end + 40)
    while k < stop and (table.name[k] or table.lower[k] in LIST_LINKS):
        k += 1
    return k < len(table.text) and table.lower[k] in PLURAL_TYPES


def listed(waiting: list, mentions: list, table: TokenTable,
           gazetteer: gaz.Gazetteer, min_population: int) -> list[Span]:
    """Refused names listed beside accepted places ("Clarke, Madison, Oconee and
    Oglethorpe"): a list of places is a list of places. Repeats while the list grows."""
    starts = {m.span.start for m in mentions if m.role != "demonym"}
    ends = {m.span.end for m in mentions if m.role != "demonym"}
    found: list[Span] = []
    for _pass in range(4):
        grew = False
        for run, evidence, _inside in waiting:
            if run.start in starts:
                continue
            before = run.start >= 2 and table.lower[run.start - 1] in LIST_LINKS \
                and (run.start - 1 in ends or (table.lower[run.start - 1] in {"and", "or"}
                                                and table.text[run.start - 2] == ","
                                                and run.start - 2 in ends))
            after = run.end + 1 < len(table.text) and table.lower[run.end] in LIST_LINKS \
                and run.end + 1 in starts
            if not (before or after):
                continue
            typed = _list_type(run, table)
            if evidence.population >= min_population or evidence.strong or (typed and any(
                    e.feature == "admin2" for e in gazetteer.lookup(run.text))):
                found.append(run)
                starts.add(run.start)
                ends.add(run.end)
                grew = True
        if not grew:
            break
    return found


CLUSTER_MIN_SUPPORT = 2


def clustered(waiting: list, mentions: list, gazetteer: gaz.Gazetteer,
              min_population: int) -> list[Span]:
    """Refused names with a candidate near candidates of two of the accepted names: a
    village the model called a person, in the middle of the towns the story is about."""
    if not waiting:
        return []
    grid = NameGrid({normalise(m.text): gazetteer.lookup(m.text) for m in mentions
                     if m.role != "demonym"})
    found = []
    for run, _evidence, _inside in waiting:
        key = normalise(run.text)
        own = [e for e in gazetteer.lookup(run.text) if e.lat is not None
               and (e.population >= min_population or e.feature == "admin2")]
        if any(grid.names_near(e, key) >= CLUSTER_MIN_SUPPORT for e in own):
            found.append(run)
    return found


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


# sources whose mentions are places by the model's or the gazetteer's own evidence (not
# demonyms, typed guesses or acronyms)
REPEAT_SOURCES = {"GPE", "LOC"}


def repeated(waiting: list, mentions: list, people: set[str]) -> list[tuple[Span, str]]:
    """Refused names that the text names as a place elsewhere: (span, role), "embedded"
    inside an organisation's name ("the Bicester Town Council"). A surname of someone the
    text names in full stays refused."""
    places = {normalise(m.text) for m in mentions
              if m.source in REPEAT_SOURCES and m.role != "demonym"}
    found = []
    for run, _evidence, inside in waiting:
        if run.text not in people and normalise(run.text) in places:
            found.append((run, "embedded" if inside else "literal"))
    return found


def state_abbreviations(doc: Doc, table: TokenTable, taken: set[int]) -> Iterable[Span]:
    """ "S.C.", "D.C.", "(D-Tenn.)", "Greer, Tenn.": a newspaper's dotted state
    abbreviation. One with a single dot must follow a comma, dash or bracket, since "Mass."
    and "Miss." are also words."""
    for i, word in enumerate(table.text):
        if i in taken or "." not in word or not word[:1].isupper() or len(word) < 3:
            continue
        key = normalise(word)
        if key not in US_STATE_ABBREVIATIONS or word in CITY_ABBREVIATIONS:
            continue
        if word.count(".") > 1 or (i > 0 and table.text[i - 1] in {",", "-", "(", "–"}):
            yield doc[i : i + 1]


PARTIES = {"R", "D", "I", "DFL"}  # party letters before a US legislator's home town
DASHES = {"-", "\u2013"}
HOMETOWN_MAX_TOKENS = 3


def party_hometowns(doc: Doc, table: TokenTable, taken: set[int],
                    gazetteer: gaz.Gazetteer) -> Iterable[Span]:
    """ "Tom Bakk, DFL-Cook," and "(R-Ocilla)": after a bracket or comma, a party letter
    and a dash, the longest capitalised run naming a US place."""
    n = len(table.text)
    for dash in [k for k, word in enumerate(table.text) if word in DASHES]:
        i = dash - 1
        if i < 1 or dash + 1 >= n or table.text[i] not in PARTIES \
                or table.text[i - 1] not in {",", "("}:
            continue
        start = i + 2
        found = None
        for end in range(start + 1, min(n, start + HOMETOWN_MAX_TOKENS) + 1):
            if end - 1 in taken or not table.text[end - 1][:1].isupper():
                break
            if any(e.country == "US" for e in gazetteer.lookup(joined(table, start, end))):
                found = end
        if found:
            yield doc[start:found]


def based_in(doc: Doc, table: TokenTable, taken: set[int],
             gazetteer: gaz.Gazetteer) -> Iterable[Span]:
    """ "the Sligo-based mother", "Northbrook-based Crate & Barrel": the longest known
    capitalised run right before "-based" names where someone or something is based."""
    for based in [k for k, word in enumerate(table.lower) if word == "based"]:
        i = based - 2
        if i < 0 or table.text[i + 1] not in DASHES:
            continue
        found = None
        for start in range(i, max(-1, i - HOMETOWN_MAX_TOKENS), -1):
            if start in taken or not table.text[start][:1].isupper():
                break
            if normalise(joined(table, start, i + 1)) in gazetteer.names:
                found = start
        if found is not None:
            yield doc[found : i + 1]


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
    for i, word in enumerate(table.text):
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
    found = [(i, gazetteer.codes[word]) for i, word in enumerate(table.text)
             if i not in taken and word in gazetteer.codes]
    short = [i for i, word in enumerate(table.text)
             if len(word) == 2 and word.isalpha() and word.isupper() and i not in taken
             and not doc[i].is_stop and word not in NOT_CODES and not _in_capitals(table, i)]
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


def _is_country(span: Span, gazetteer: gaz.Gazetteer) -> bool:
    return any(e.feature == "country" for e in gazetteer.lookup(span.text))


def split_run_together(span: Optional[Span], gazetteer: gaz.Gazetteer) -> list[Span]:
    """ "Greece Italy" (a list missing its comma) read as one entity: two country names
    the gazetteer lacks as a whole. Other spans are kept as they are."""
    if span is None:
        return []
    if len(span) < 2 or normalise(span.text) in gazetteer.names:
        return [span]
    for cut in range(span.start + 1, span.end):
        left, right = span.doc[span.start : cut], span.doc[cut : span.end]
        if left[-1].is_punct or right[0].is_punct:
            continue
        if _is_country(left, gazetteer) and _is_country(right, gazetteer):
            return [left, right]
    return [span]
