"""Scoring gazetteer candidates for one toponym against what the rest of the text says.

A candidate's score: its population (log10) and feature type, whether it bears the name as
its own or only as an alternate, an enclosing place written beside the name ("Springfield,
Illinois"), a type word ("X province"), and the text's context: countries and first-level
regions of the other names, the dateline, the focus region most names could lie in, and
how many other names have a candidate near it (places_coherence). Small towns that share
the name only need their country named elsewhere when the text names other places.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from typing import NamedTuple, Optional

from counterclaim.analyze import gazetteer as gaz
from counterclaim.analyze.gazetteer import GazEntry, normalise
from counterclaim.analyze.geodata import CITY_ABBREVIATIONS, GENERIC_STEMS, US_STATE_ABBREVIATIONS
from counterclaim.analyze.toponym_runs import COMPASS_WORDS, TYPE_WORDS

FEATURE_PRIOR = {"country": 6.0, "admin1": 3.0, "region": 3.0, "natural": 3.0, "city": 1.0,
                 "admin2": -0.5, "locality": 0.0}
BROAD = {"country", "admin1", "region"}
LOCAL = {"city", "locality", "admin2"}
MAX_CONTEXT_BONUS = 10.0
ALTERNATE_MIN_POPULATION = 100_000
BIG_CITY = 500_000
# below this a place needs its country named elsewhere in a text that names other places
SUPPORT_MIN_POPULATION = 10_000
# context weights; scaling any of them by 0.5-2 did not help on the three public sets
COUNTRY_W = 5.0  # times the share of the text's other names in the candidate's country
ADMIN1_W = 2.0  # the candidate's first-level region is named in the text
FOCUS_W = 3.0  # the candidate lies in the text's focus region
FOCUS_MIN_VOTES = 1.5
# times the other names with a candidate within 40 km (places_coherence), up to the cap;
# added beyond MAX_CONTEXT_BONUS: a cluster of names outweighs a namesake's size
SUPPORT_W = 1.0
SUPPORT_CAP = 3
UNMAPPED_SETTING = 2  # names no gazetteer knows that make a text's setting unmapped
PLACING = "\0placing"  # the memo's slot for the names that place the text by themselves
COUNTS = "\0counts"  # the memo's slot for the counts of all the names (Context._counts)


class Context(NamedTuple):
    """What the rest of the text says, by name, so a name never votes for itself."""

    resolved: dict[str, GazEntry]  # normalised name -> its current resolution
    dateline: Optional[GazEntry]
    focus: frozenset = frozenset()  # (country, admin1) most of the names could lie in
    memo: Optional[dict] = None  # name -> without(name), and PLACING, filled on use
    unknown: frozenset = frozenset()  # names the model calls places that no gazetteer knows
    support: Optional[dict] = None  # id(entry) -> other names with a candidate near it
    embedded: frozenset = frozenset()  # names only ever seen inside organisations' names

    def _places(self, key: str, entry: GazEntry) -> bool:
        """Whether a name places the text in its country by itself: not a village that
        needs placing in turn, unless another name lies near it (two namesakes abroad
        far apart would vouch for each other; a cluster of villages is the story's), nor
        a name seen only inside an organisation's name."""
        if key in self.embedded:
            return False
        near = self.support.get(id(entry), 0) if self.support else 0
        return near > 0 or not _needs_support(entry, key)

    def _placing_names(self) -> frozenset:
        """The names that place the text by themselves, worked out once per context."""
        memo = self.memo if self.memo is not None else {}
        if PLACING not in memo:
            memo[PLACING] = frozenset(key for key, entry in self.resolved.items()
                                      if entry.country and self._places(key, entry))
        return memo[PLACING]

    def placing(self, name: str) -> set[str]:
        """Countries the other names place the text in by themselves (``_places``)."""
        names = self._placing_names()
        found = {self.resolved[key].country for key in names if key != name}
        if self.dateline is not None and self.dateline.country:
            found.add(self.dateline.country)
        return found

    def without(self, name: str) -> tuple[Counter, Counter]:
        """Countries and first-level regions of the other names (and the dateline); in a
        text naming several places no gazetteer knows, only of names that place it by
        themselves."""
        if self.memo is not None and name in self.memo:
            return self.memo[name]
        placing = self._placing_names() if len(self.unknown) >= UNMAPPED_SETTING else None
        countries, admin1s = self._counts(placing)
        # every name's counts less this name's own: one pass over the names per context,
        # not one per name asked about
        entry = self.resolved.get(name)
        counted = entry is not None and entry.country is not None \
            and (placing is None or name in placing)
        if counted:
            countries, admin1s = Counter(countries), Counter(admin1s)
            _uncount(countries, entry.country)
            _uncount(admin1s, entry.name if entry.feature == "admin1" else entry.admin1)
        if self.dateline is not None and self.dateline.country:
            countries = countries if counted else Counter(countries)
            countries[self.dateline.country] += max(2, sum(countries.values()) // 2)
        if self.memo is not None:
            self.memo[name] = (countries, admin1s)
        return countries, admin1s

    def _counts(self, placing: Optional[frozenset]) -> tuple[Counter, Counter]:
        """Countries and first-level regions of all the names (of the placing ones, when
        given); kept in the memo, and never changed: ``without`` copies before it counts."""
        if self.memo is not None and COUNTS in self.memo:
            return self.memo[COUNTS]
        countries: Counter = Counter()
        admin1s: Counter = Counter()
        for key, entry in self.resolved.items():
            if entry.country is None or (placing is not None and key not in placing):
                continue
            countries[entry.country] += 1
            admin1s[entry.name if entry.feature == "admin1" else entry.admin1] += 1
        if self.memo is not None:
            self.memo[COUNTS] = (countries, admin1s)
        return countries, admin1s


def _uncount(counts: Counter, key) -> None:
    """One count less, the key gone at none (as if it had never been counted)."""
    if counts[key] == 1:
        del counts[key]
    else:
        counts[key] -= 1


ABBREVIATIONS = {"mt": "Mount", "ft": "Fort", "pt": "Point"}
ABBREVIATED = re.compile(r"(?i)(mt|ft|pt)\.? ")


def own_name(entry: GazEntry, key: str) -> bool:
    """Whether a place bears the (normalised) name as its own, not as an alternate;
    "mt pleasant" is Mount Pleasant's own name written short."""
    name = normalise(entry.name)
    if name == key:
        return True
    if key[:2] not in ABBREVIATIONS:
        return False
    abbreviated = ABBREVIATED.match(key)
    return bool(abbreviated) and name == normalise(
        f"{ABBREVIATIONS[abbreviated.group(1).lower()]} {key[abbreviated.end():]}")


def candidates(name: str, gazetteer: gaz.Gazetteer, type_word: Optional[str]) -> list[GazEntry]:
    found = gazetteer.lookup(name)
    if not found and name in gazetteer.codes:  # "NSW" the model calls a place
        return [gazetteer.codes[name]]
    words = name.split()
    if not found and type_word and len(words) > 1 and words[-1].lower() == type_word:
        found = gazetteer.lookup(" ".join(words[:-1]))
    if not found and re.match(r"(?i)st\.? ", name):
        found = gazetteer.lookup("Saint " + name.split(" ", 1)[1])
    abbreviated = ABBREVIATED.match(name)
    if abbreviated:  # "Mt. Pleasant" is every Mount Pleasant, not only a suburb's alias
        full = gazetteer.lookup(f"{ABBREVIATIONS[abbreviated.group(1).lower()]} "
                                f"{name[abbreviated.end():]}")
        found = found + [e for e in full if e not in found]
    if name in CITY_ABBREVIATIONS:  # "L.A." is not La.
        return [e for e in gazetteer.lookup(CITY_ABBREVIATIONS[name]) if e.feature == "city"]
    if "." in name and normalise(name) in US_STATE_ABBREVIATIONS:  # "Ga." is not Georgia
        state = US_STATE_ABBREVIATIONS[normalise(name)]
        found = [e for e in gazetteer.lookup(state) if e.country == "US"]
        if normalise(name) == "wash":  # "Wash." is the state, never the capital
            found = [e for e in found if e.feature == "admin1"]
    return found


def fits(entry: GazEntry, container: GazEntry) -> bool:
    """Whether ``entry`` lies in ``container`` as far as the gazetteer tells."""
    if entry.feature == "country":
        return True  # "China, Japan" is a list, not China in Japan
    if container.feature == "region" or container.country is None:
        return True
    if entry.country != container.country:
        return False
    return container.feature != "admin1" or entry.admin1 == container.name


def _type_bonus(entry: GazEntry, type_word: Optional[str]) -> float:
    if not type_word:
        return 0.0
    wanted = TYPE_WORDS[type_word][0]
    if entry.feature == wanted:
        return 4.0
    if wanted in {"admin1", "admin2"} and entry.feature in {"admin1", "admin2"}:
        return 2.0
    return -4.0 if wanted == "natural" else 0.0  # "Jordan river" is not the country


def _context_bonus(entry: GazEntry, query: str, ctx: Context) -> float:
    """Country, region, neighbour and dateline agreement, capped: context can lift a town
    over a namesake ten times its size, not over a country or a capital."""
    countries, admin1s = ctx.without(query)
    bonus = COUNTRY_W * countries.get(entry.country, 0) / (sum(countries.values()) or 1)
    if entry.admin1 and entry.feature != "admin1":
        bonus += ADMIN1_W * min(admin1s.get(entry.admin1, 0), 1)
    if (entry.country, entry.admin1) in ctx.focus and entry.feature not in BROAD:
        bonus += FOCUS_W
    if ctx.dateline is not None and entry.country == ctx.dateline.country:
        bonus += 2.0 + (2.0 if entry.admin1 and entry.admin1 == ctx.dateline.admin1 else 0.0)
    bonus = min(bonus, MAX_CONTEXT_BONUS)
    if ctx.support:
        bonus += SUPPORT_W * min(ctx.support.get(id(entry), 0), SUPPORT_CAP)
    return bonus


def _score(entry: GazEntry, query: str, ctx: Context, container: Optional[GazEntry],
           type_word: Optional[str]) -> float:
    score = math.log10(entry.population + 1) + FEATURE_PRIOR.get(entry.feature, 0.0)
    primary = own_name(entry, query)
    score += (2.0 if primary else 0.0) + (1.5 if entry.capital else 0.0)
    score -= 6.0 if entry.lat is None else 0.0
    if container is not None and container is not entry:
        score += 8.0 if fits(entry, container) else -3.0
    # a town that merely has the name among its alternates needs twice the context
    context = _context_bonus(entry, query, ctx) * (1.0 if primary else 0.5)
    return score + _type_bonus(entry, type_word) + context


def plausible(candidates: list[GazEntry], query: str) -> list[GazEntry]:
    """Drop towns that carry the name only as an alternate when a place bears it as its
    own name: GeoNames lists "Liverpool" among a small Indiana town's alternates."""
    key = normalise(query)
    if not any(own_name(e, key) for e in candidates):
        return candidates
    return [e for e in candidates
            if own_name(e, key) or e.population >= ALTERNATE_MIN_POPULATION]


def _namesake_penalty(entry: GazEntry, candidates: list[GazEntry],
                      type_word: Optional[str]) -> float:
    """ "Washington", "New York": news means the big city, not the state, unless it says
    "state"."""
    if entry.feature != "admin1" or type_word:
        return 0.0
    big_city = any(e.feature == "city" and e.population >= BIG_CITY
                   and e.country == entry.country for e in candidates)
    return -4.0 if big_city else 0.0


def _needs_support(entry: GazEntry, key: str) -> bool:
    """A village, or a town that bears the name only as an alternate."""
    if entry.feature not in LOCAL:
        return False
    if not own_name(entry, key) and entry.population < ALTERNATE_MIN_POPULATION:
        return True
    return entry.population < SUPPORT_MIN_POPULATION


def _bare_compass(key: str) -> bool:
    """ "West", "North", "Central District": a direction, not a place, unless the text
    places the story in the country whose region bears that name."""
    words = key.split()
    return (any(w in COMPASS_WORDS for w in words)
            and all(w in COMPASS_WORDS or w in GENERIC_STEMS for w in words))


def _compass_region(entry: GazEntry) -> bool:
    """A region the gazetteer made from compass-named provinces ("Highlands" from Eastern,
    Western and Southern Highlands): a common word, so it needs its country placed."""
    return entry.feature == "region" and entry.country is not None and entry.geonames_id is None


def _supported(candidates: list[GazEntry], key: str, ctx: Context,
               container: Optional[GazEntry]) -> list[GazEntry]:
    """Drop small towns that only share the name (often as a GeoNames alternate:
    "Kessen" for Austria's Kössen) when the text names other places, none of them
    placing it in their country, or places no gazetteer knows: an invented or unknown
    place stays unresolved rather than land on a namesake village abroad. A village
    with another of the text's names nearby needs no more: the cluster places it.
    Beside places no gazetteer knows, a region made from compass-named provinces needs
    its country placed too: "Highlands province" next to unknown towns is theirs, not
    Papua New Guinea's."""
    countries = ctx.without(key)[0]
    unknown = ctx.unknown - {key}
    if not countries and not unknown:
        return candidates
    # beside several places no gazetteer knows (an unmapped or invented setting), only
    # names that stand on their own place the text; elsewhere villages and names inside
    # organisations' names are a local paper's own towns ("the Gainesville Police")
    placing = (ctx.placing(key) if len(unknown) >= UNMAPPED_SETTING
               else {c for c in countries if countries[c]})
    near = ctx.support or {}
    if _bare_compass(key):  # "the West": a region only in its country, a town in its state
        candidates = [e for e in candidates
                      if (e.feature not in LOCAL and countries.get(e.country, 0) > 0)
                      or _local_evidence(e, key, ctx)
                      or (container is not None and fits(e, container) and container.country)]
    return [e for e in candidates
            if not (_needs_support(e, key) or (unknown and _compass_region(e)))
            or e.country in placing or near.get(id(e), 0) > 0
            or (container is not None and fits(e, container) and container.country)]


def best(candidates: list[GazEntry], query: str, ctx: Context,
         container: Optional[GazEntry], type_word: Optional[str]) -> Optional[GazEntry]:
    """The best-scoring plausible candidate for ``query``, or None."""
    key = normalise(query)
    candidates = _supported(plausible(candidates, query), key, ctx, container)
    if not candidates:
        return None
    chosen = max(candidates, key=lambda e: _score(e, key, ctx, container, type_word)
                 + _namesake_penalty(e, candidates, type_word))
    return _world_city(chosen, candidates, key, ctx, container) or chosen


WORLD_CITY_RATIO = 100  # a namesake abroad this many times bigger is what the name means


def _world_city(chosen: GazEntry, candidates: list[GazEntry], key: str, ctx: Context,
                container: Optional[GazEntry]) -> Optional[GazEntry]:
    """ "London" in an American story is London, not London, Ohio, unless the text ties
    the name to the town: its state named, its neighbours named, the story's focus
    region, an enclosing place ("London, Ohio"). The story's country alone is not
    enough when a world city abroad bears the name."""
    if chosen.feature not in LOCAL or (container is not None and fits(chosen, container)):
        return None
    giants = [e for e in candidates if e.feature == "city" and e.country != chosen.country
              and e.population >= BIG_CITY
              and e.population >= WORLD_CITY_RATIO * max(chosen.population, 1)]
    if not giants or _local_evidence(chosen, key, ctx):
        return None
    return max(giants, key=lambda e: e.population)


def _local_evidence(entry: GazEntry, key: str, ctx: Context) -> bool:
    """Whether anything below the country ties the text to ``entry``."""
    if ctx.support and ctx.support.get(id(entry), 0) > 0:
        return True
    if (entry.country, entry.admin1) in ctx.focus:
        return True
    if ctx.dateline is not None and entry.admin1 and entry.admin1 == ctx.dateline.admin1:
        return True
    admin1s = ctx.without(key)[1]
    return bool(entry.admin1) and admin1s.get(entry.admin1, 0) > 0
