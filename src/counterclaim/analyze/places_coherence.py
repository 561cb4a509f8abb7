"""Spatial coherence: the places one text names lie near each other.

Each candidate of each name is scored by how many *other* names of the text have some
candidate near it, whichever of their candidates the resolver picks. That finds the
cluster a local story is about ("Kent", "Salisbury", "Cornwall" and "Sharon" together
are the Connecticut towns, not England's) without first having to resolve any of them,
so it cannot be locked into an early wrong choice as voting with current resolutions is.
Candidates are bucketed on a grid of half-degree cells, so the cost grows with the
number of candidates, not with its square.
"""

from __future__ import annotations

import math
from collections import defaultdict
from typing import Iterable

from counterclaim.analyze.gazetteer import GazEntry

NEAR_KM = 40.0  # 25 and 70 km did no better on LGL
CELL_DEG = 0.5  # about 55 km of latitude: a 3x3 block of cells covers NEAR_KM
SPREAD = {"country", "admin1", "region"}  # areas, not points
# Two points are at least R * (latitude difference) apart: farther apart in latitude than
# this (with a margin over rounding) they cannot be NEAR_KM apart, and need no haversine.
_NEAR_LAT_DEG = math.degrees(NEAR_KM / 6371.0) * 1.0001


def _km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    lat1, lon1, lat2, lon2 = map(math.radians, (lat1, lon1, lat2, lon2))
    h = math.sin((lat2 - lat1) / 2) ** 2
    h += math.cos(lat1) * math.cos(lat2) * math.sin((lon2 - lon1) / 2) ** 2
    return 12742.0 * math.asin(min(1.0, math.sqrt(h)))


def _cell(entry: GazEntry) -> tuple[int, int]:
    return int(math.floor(entry.lat / CELL_DEG)), int(math.floor(entry.lon / CELL_DEG))


def _points(entries: Iterable[GazEntry]) -> Iterable[GazEntry]:
    return (e for e in entries if e.lat is not None and e.feature not in SPREAD)


class NameGrid:
    """Candidates of the text's names bucketed by cell, to ask which names lie near a
    point."""

    def __init__(self, candidates: dict[str, list[GazEntry]]) -> None:
        self.cells: dict[tuple[int, int], list[tuple[str, float, float]]] = defaultdict(list)
        for name, entries in candidates.items():
            for entry in _points(entries):
                self.cells[_cell(entry)].append((name, entry.lat, entry.lon))

    def names_near(self, entry: GazEntry, exclude: str) -> int:
        """How many names other than ``exclude`` have a candidate within NEAR_KM."""
        row, col = _cell(entry)
        near: set[str] = set()
        for dr in (-1, 0, 1):
            for dc in (-1, 0, 1):
                for other, lat, lon in self.cells.get((row + dr, col + dc), ()):
                    if other != exclude and other not in near \
                            and abs(lat - entry.lat) <= _NEAR_LAT_DEG \
                            and _km(entry.lat, entry.lon, lat, lon) <= NEAR_KM:
                        near.add(other)
        return len(near)


def neighbour_support(candidates: dict[str, list[GazEntry]]) -> dict[int, int]:
    """``id(entry)`` -> how many other names have a candidate within ``NEAR_KM`` of it.

    candidates (dict): each distinct name of the text -> its gazetteer candidates.
    """
    grid = NameGrid(candidates)
    return {id(entry): grid.names_near(entry, name)
            for name, entries in candidates.items() for entry in _points(entries)}
