"""Streets, buildings and neighbourhoods: no gazetteer lists them, but the story places
them in a town.

A facility the gazetteer lacks ("Frenchmen Street", "the Barclays Center", "City Hall")
gets the point of the town the text last named before it (or, before any, the town it
names most), with ACLED precision 2: "a nearby location", unless the text places it in a
region or country that town is not in ("Pingilikani, Kenya"); so does one whose name shares
a word with a small town the text does not otherwise name. When the text also names
several places no gazetteer knows (an invented country's towns), the facility may lie in
one of those, so it stays unresolved; one unknown name (a neighbourhood, a misspelling)
does not make the setting unknown, and such a name the model calls a GPE ("Kibera",
"Piccadilly") is placed like a facility. Unknown LOC names (rivers, peninsulas, regions)
are not: they need not lie near the story's towns.
"""

from __future__ import annotations

from collections import Counter
from typing import Optional

from counterclaim.analyze.gazetteer import GazEntry

FACILITY_WORDS = {
    "street", "st", "avenue", "ave", "road", "rd", "boulevard", "blvd", "lane", "drive",
    "square", "park", "bridge", "airport", "station", "hospital", "school", "college",
    "university", "stadium", "arena", "center", "centre", "hall", "church", "cathedral",
    "mosque", "temple", "market", "mall", "estate", "court", "house", "building", "tower",
    "plaza", "museum", "library", "prison", "jail", "harbour", "harbor", "port", "pier",
    "highway", "freeway", "campus", "theatre", "theater", "hotel", "terminal", "wharf",
}
TOWNS = {"city", "locality", "admin2"}
UNMAPPED_SETTING = 2  # as places_scoring: this many unknown towns make the setting unknown


def is_facility(source: str, text: str) -> bool:
    """The model's FAC label, or a name ending in a facility word."""
    words = text.lower().replace(".", "").split()
    return source == "FAC" or (len(words) > 1 and words[-1] in FACILITY_WORDS)


def anchor_facilities(resolved: list[tuple]) -> list[tuple]:
    """``resolved``: (mention, entry, container, inner) in text order, as places.py keeps
    them; returns the same with ``inner`` set to the town of unresolved facilities."""
    unknown = {m.text for m, e, _c, i in resolved
               if m.source == "GPE" and e is None and i is None and m.role != "demonym"}
    if len(unknown) >= UNMAPPED_SETTING:
        return resolved  # towns no gazetteer knows: an unmapped or invented setting
    towns = [(m.span.start, e) for m, e, _c, _i in resolved
             if e is not None and e.feature in TOWNS and m.role != "demonym"]
    if not towns:
        return resolved
    counts = Counter(e.geonames_id for _start, e in towns)
    commonest = max((e for _s, e in towns), key=lambda e: counts[e.geonames_id])
    named = set(counts)
    towns = _home_towns(towns)
    out = []
    for mention, entry, container, inner in resolved:
        if entry is None and _weak(inner, named) and mention.role != "demonym" \
                and (mention.source == "GPE" or is_facility(mention.source, mention.text)):
            inner = _last_before(towns, mention.span.start) or commonest
            if container is not None and not _lies_in(inner, container):
                inner = None  # "Pingilikani, Kenya" is not near the Laotian town before it
        out.append((mention, entry, container, inner))
    return out


def _lies_in(town: GazEntry, container: GazEntry) -> bool:
    if container.country is None or town.country != container.country:
        return container.country is None
    return container.feature != "admin1" or town.admin1 == container.name


# a town this big named inside a facility's name is where it is ("Seattle Children's
# Hospital"), even when the text names no other place near it
NAMED_TOWN_MIN_POPULATION = 100_000


def _weak(inner: Optional[GazEntry], named: set) -> bool:
    """No enclosing place, or only a small town that shares a word of the facility's
    name and that the text does not name otherwise: "Royal Street" in a New Orleans story
    is not in Royal City, Washington, nor the "Rogers Centre" in Rogers, Arkansas."""
    if inner is None:
        return True
    return (inner.feature in TOWNS and inner.geonames_id not in named
            and inner.population < NAMED_TOWN_MIN_POPULATION)


def _home_towns(towns: list[tuple[int, GazEntry]]) -> list[tuple[int, GazEntry]]:
    """The towns in the region most of them lie in, when most do: a facility in a local
    story is the story's, not in the stray namesake town named just before it."""
    regions = Counter((e.country, e.admin1) for _start, e in towns)
    region, count = regions.most_common(1)[0]
    if len(regions) > 1 and count * 2 > len(towns):
        return [(start, e) for start, e in towns if (e.country, e.admin1) == region]
    return towns


def _last_before(towns: list[tuple[int, GazEntry]], start: int) -> Optional[GazEntry]:
    before = [entry for position, entry in towns if position < start]
    return before[-1] if before else None


def stray_facility(mention, entry: GazEntry, ctx) -> bool:
    """A neighbourhood with a facility's name ("Washington Square") in a region the text
    does not name (``ctx``: places_scoring.Context): every city has one, so it is placed
    like a facility instead."""
    words = mention.text.lower().split()
    if len(words) < 2 or words[-1] not in FACILITY_WORDS or entry.feature not in TOWNS:
        return False
    regions = {e.name for e in ctx.resolved.values() if e.feature == "admin1"}
    if ctx.dateline is not None:
        regions.add(ctx.dateline.admin1)
    return entry.admin1 not in regions and (entry.country, entry.admin1) not in ctx.focus
