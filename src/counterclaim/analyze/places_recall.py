"""Toponyms the NER and the plain gazetteer pass miss, found by their setting.

- a capitals dateline opening a paragraph ("BEIRUT: ..."), which the tagger often
  calls an adverb;
- "Town, State" ("Greer, S.C."): a candidate of the name lies in the region written after
  the comma;
- lists beside accepted places ("Clarke, Madison, Oconee and Oglethorpe counties");
- structures the model calls ORG or PERSON ("Royal Street", "Holy Redeemer Church");
- two country names the model ran into one entity ("Greece Italy");
- a company's or group's base ("the Sligo-based charity", "Northbrook-based");
- a legislator's home town in the American style ("Sen. Tony Bakk, DFL-Cook", "(R-Ocilla)");
- a name the text already used as a place, wherever else it recurs (one sense per
  discourse: "Bicester" is the town in "Bicester desperately needed" too).

Short forms (acronyms, region codes) are in ``places_acronyms``; names cut short are
widened in ``places_widen``.
"""

from __future__ import annotations

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
    for i in table.cased:
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
    for i in table.cased:
        word = table.text[i]
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
    for dash in [k for k in table.cased if table.text[k] in DASHES]:
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
    if "based" not in table.lower:  # one scan in C first: the word is rare
        return
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
