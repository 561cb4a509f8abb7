"""A known place named inside a name no gazetteer knows: Manila in "Manila Cathedral",
Russia in "Russian Embassy", Henderson County in "the Henderson County Jail"; ACLED's
"nearby" precision for the unknown place.
"""

from __future__ import annotations

import math
from typing import Optional

from counterclaim.analyze import gazetteer as gaz
from counterclaim.analyze import places_scoring as sc
from counterclaim.analyze.gazetteer import GazEntry
from counterclaim.analyze.places_local import is_facility
from counterclaim.analyze.places_scoring import FEATURE_PRIOR, Context
from counterclaim.analyze.places_tokens import is_name_token
from counterclaim.analyze.toponym_runs import COMPASS_WORDS, TYPE_WORDS
from counterclaim.analyze.toponyms import Mention

# words that name a kind of place, not a place, when alone: "Peninsula" in "Korean Peninsula"
GENERIC_WORDS = COMPASS_WORDS | {
    "peninsula", "island", "islands", "bay", "coast", "river", "lake", "valley", "mountains",
    "sea", "ocean", "square", "village", "park", "airport", "station", "bridge", "town",
    "wing", "house", "hall", "grove", "heights", "harbor", "harbour", "beach", "point",
}


def enclosing_place(mention: Mention, gazetteer: gaz.Gazetteer, ctx: Context,
                    container: Optional[GazEntry]) -> Optional[GazEntry]:
    """A known place named inside an unknown one: Manila in "Manila Cathedral", Russia in
    "Russian Embassy"; not the town "Highlands" in "Highlands province", which would have
    been found as the province had the gazetteer known it."""
    span = mention.span
    if len(span) < 2:
        return None
    bare = (span.start, span.end - 1) if mention.type_word == span[-1].lower_ else None
    facility = is_facility(mention.source, mention.text) or span[-1].lower_ in QUARTERS
    countries = {e.country for e in ctx.resolved.values() if e.country}
    if ctx.dateline is not None and ctx.dateline.country:
        countries.add(ctx.dateline.country)
    found: list[tuple] = []
    for size in range(len(span) - 1, 0, -1):
        for start in range(span.start, span.end - size + 1):
            if (start, start + size) == bare:
                continue
            part = span.doc[start : start + size]
            if not _name_part(part) or part.text.lower() in GENERIC_WORDS \
                    or all(t.lower_ in COMPASS_WORDS for t in part):
                continue  # "North West" of "North West England" is a direction
            # "the French Quarter", "the British School": in the story's town, not abroad
            demonym = gazetteer.demonym(part.text) if size == 1 else None
            if demonym is not None and facility:
                continue
            cands = [e for e in sc.candidates(part.text, gazetteer, None)
                     if _plausible_inside(e, countries)]
            best = demonym or sc.best(cands, part.text, ctx, container, None)
            if best is not None and best.lat is not None:
                prior = math.log10(best.population + 1) + FEATURE_PRIOR.get(best.feature, 0.0)
                found.append(((size, prior), best))
    # the longest name ("Indian Ocean" in "Indian Ocean coast"), then the biggest place
    return max(found, key=lambda item: item[0])[1] if found else None


BROAD_INSIDE = {"country", "region", "natural"}
QUARTERS = {"quarter"}  # "the French Quarter" is a town's, not France's


def _plausible_inside(entry: GazEntry, countries: set) -> bool:
    """A town named inside an organisation's or a building's name lies in a country the
    text names, or is a world city: "Federal" of "Federal University of Technology" is no
    town in Argentina in a Nigerian story."""
    if entry.feature in BROAD_INSIDE or entry.population >= sc.BIG_CITY:
        return True
    return not countries or entry.country in countries


def _name_part(part) -> bool:
    """Name tokens, or names and a closing type word: "Henderson County" in "the Henderson
    County Jail" is the county, not the city of Henderson."""
    if all(is_name_token(t) for t in part):
        return True
    return (len(part) >= 2 and part[-1].lower_ in TYPE_WORDS
            and all(is_name_token(t) for t in part[:-1]))
