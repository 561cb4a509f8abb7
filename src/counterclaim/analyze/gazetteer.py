"""An offline gazetteer: place names from PyPI data packages, indexed once and cached.

``gazetteer_build`` reads the data packages into the index (~20 s, on first use); it is
pickled under ``~/.cache/counterclaim`` (or ``$COUNTERCLAIM_CACHE``) and later loads read
the pickle (~1 s). This module holds the index's types and lookups: names, demonyms and
first-level regions' ISO 3166-2 codes.
"""

from __future__ import annotations

import functools
import gc
import os
import pickle
import re
from pathlib import Path
from typing import NamedTuple, Optional

from unidecode import unidecode

INDEX_VERSION = 26  # 26: built in the same order whatever the hash seed


class GazEntry(NamedTuple):
    """One gazetteer place."""

    name: str
    lat: Optional[float]
    lon: Optional[float]
    country: Optional[str]  # ISO 3166-1 alpha-2
    admin1: Optional[str]  # name of the first-level subdivision it lies in
    feature: str  # country | admin1 | admin2 | city | locality | region | natural
    population: int
    geonames_id: Optional[int]
    capital: bool = False  # a national capital: "Washington" in news is rarely the state


class Gazetteer(NamedTuple):
    """Entries plus lookups by normalised name; ``demonyms`` maps a demonym to a country's
    alpha-2 code or a region's name."""

    entries: list[GazEntry]
    names: dict[str, tuple[int, ...]]
    demonyms: dict[str, str]
    country_names: dict[str, str]  # alpha-2 -> common name
    # a first-level region's ISO 3166-2 code when no other region has it ("NSW" -> New
    # South Wales); trusted only where the text names the region's country
    codes: dict[str, GazEntry] = {}

    def lookup(self, name: str) -> list[GazEntry]:
        return [self.entries[i] for i in self.names.get(normalise(name), ())]

    def demonym(self, text: str) -> Optional[GazEntry]:
        """The place a demonym points to: "Kenyan(s)" -> Kenya, "European" -> Europe."""
        # asked of every capitalised adjective and noun, the same words in text after text
        found = _DEMONYMS.get(text, _UNSEEN)
        if found is _UNSEEN:
            if len(_DEMONYMS) > 100_000:  # a long stream of new words cannot grow it forever
                _DEMONYMS.clear()
            found = _DEMONYMS[text] = self._demonym(text)
        return found

    def _demonym(self, text: str) -> Optional[GazEntry]:
        key = normalise(text)
        target = self.demonyms.get(key) or (self.demonyms.get(key[:-1]) if key.endswith("s")
                                            else None)
        if target is None:
            return self._derived_demonym(key)
        if len(target) == 2 and target.isupper():
            return self.country(target)
        regions = [e for e in self.lookup(target) if e.feature in {"region", "admin1"}]
        return max(regions, key=lambda e: e.population) if regions else None

    def _derived_demonym(self, key: str) -> Optional[GazEntry]:
        """ "Dagestani" -> Dagestan, "South Ossetian" -> South Ossetia, "Ontarians" ->
        Ontario: a suffix off a country's or big region's name, for the regions no demonym
        list covers."""
        if key in self.names:
            return None  # "Sudan", "Hawaii": a place's own name
        found = None
        for suffix, ending in DEMONYM_ENDINGS:
            if key.endswith(suffix) and len(key) - len(suffix) >= 3:
                stem = key[: len(key) - len(suffix)] + ending
                places = [e for e in self.lookup(stem) if e.feature in DEMONYM_FEATURES
                          and e.population >= DEMONYM_MIN_POPULATION]
                if places:
                    found = max(places, key=lambda e: e.population)
                    break
        return found

    def country(self, alpha2: str) -> Optional[GazEntry]:
        for entry in self.lookup(self.country_names.get(alpha2, "")):
            if entry.feature == "country" and entry.country == alpha2:
                return entry
        return None


# (suffix, what replaces it) from "Dagestani", "Ossetian(s)", "Ontarians", "Mexican"
DEMONYM_ENDINGS = (("ians", "ia"), ("ians", "io"), ("ians", ""), ("ans", "a"), ("ans", ""),
                   ("ian", "ia"), ("ian", "io"), ("ian", ""), ("an", "a"), ("an", "o"),
                   ("an", ""), ("is", ""), ("i", ""))
DEMONYM_FEATURES = {"country", "admin1", "region"}
DEMONYM_MIN_POPULATION = 100_000
_DEMONYMS: dict[str, Optional[GazEntry]] = {}  # one gazetteer per process: text -> Gazetteer.demonym(text)
_UNSEEN = object()

_PUNCT = re.compile(r"[.\u2019']")
_SPACE = re.compile(r"[\s\-\u2010-\u2015/]+")


@functools.lru_cache(maxsize=1 << 16)
def normalise(name: str) -> str:
    """Fold case, accents, dots and dashes: "St. Étienne" and "st etienne" meet."""
    text = _SPACE.sub(" ", _PUNCT.sub("", unidecode(name).lower())).strip()
    return text[4:] if text.startswith("the ") else text


def cache_path() -> Path:
    root = os.environ.get("COUNTERCLAIM_CACHE") or Path.home() / ".cache" / "counterclaim"
    return Path(root) / f"gazetteer-v{INDEX_VERSION}.pickle"


@functools.lru_cache(maxsize=1)
def load() -> Gazetteer:
    """The gazetteer, from the pickle cache when present, else built and cached."""
    path = cache_path()
    collecting = gc.isenabled()
    gc.disable()  # the cyclic collector would rescan the half-built index many times
    try:
        with open(path, "rb") as handle:
            return Gazetteer(*pickle.load(handle))
    except (OSError, pickle.UnpicklingError, EOFError, TypeError):
        pass
    finally:
        if collecting:
            gc.enable()
    # imported here: the builder imports this module's types, and runs only without a cache
    from counterclaim.analyze.gazetteer_build import build

    gazetteer = build()
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_suffix(".tmp")
        with open(tmp, "wb") as handle:
            pickle.dump(tuple(gazetteer), handle, protocol=pickle.HIGHEST_PROTOCOL)
        tmp.replace(path)
    except OSError:
        pass  # a read-only home still works, just without the cache
    return gazetteer
