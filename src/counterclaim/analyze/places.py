"""Toponyms: find place names in a parsed Doc, tell literal places from actors, resolve them.

Recognition takes spaCy's GPE/LOC/FAC entities, then adds runs of capitalised proper
nouns the gazetteer knows (the small model often calls a town PERSON or ORG, or misses
it). Each mention gets a role: ``literal`` (a location), ``metonym`` (a place standing
for its government or people: "Kenya denied ...", "Nairobi said ..."), ``embedded`` (part
of an organisation's name: "Dalmar City Council") or ``demonym`` ("Ostrian"). Only literal
mentions become ``model.Place`` objects; the others still carry their resolution.

Resolution scores gazetteer candidates by population, feature type and context: the
dateline's country, countries and regions named elsewhere in the text, an enclosing place
written beside the name ("Springfield, Illinois", "Dalmar in Kessen province"), and type
words ("X province", "X district"). Names the gazetteer lacks are kept unresolved
(null coordinates) with whatever their enclosing place tells.

Method after Gritta et al., "What's missing in geographical parsing?" (2018) and
Halterman, "Mordecai 3" (2023), without their learned rankers.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from typing import Iterable, NamedTuple, Optional

from spacy.language import Language
from spacy.tokens import Doc, Span

from counterclaim import model
from counterclaim.analyze import gazetteer as gaz
from counterclaim.analyze.gazetteer import GazEntry, normalise
from counterclaim.analyze.geodata import US_STATE_ABBREVIATIONS
from counterclaim.analyze.toponyms import (
    COMPASS_WORDS,
    TYPE_WORDS,
    Mention,
    is_name_token,
    recognise,
)

CONTAINER_PREPS = {"in", "of"}
PRECISION = {"country": 3, "admin1": 3, "region": 3, "admin2": 2, "natural": 2,
             "city": 1, "locality": 1}


class PlaceMatch(NamedTuple):
    """One toponym mention and its resolution; ``start``/``end`` are code-point offsets."""

    text: str
    start: int
    end: int
    role: str  # literal | metonym | embedded | demonym
    name: str
    lat: Optional[float]
    lon: Optional[float]
    country: Optional[str]
    admin1: Optional[str]
    feature: Optional[str]
    geonames_id: Optional[int]
    precision: int
    source: str  # the spaCy label that found it, or "GAZ"


# ---------------------------------------------------------------- resolution

FEATURE_PRIOR = {"country": 6.0, "admin1": 3.0, "region": 3.0, "natural": 3.0, "city": 1.0,
                 "admin2": -0.5, "locality": 0.0}
BROAD = {"country", "admin1", "region"}
MAX_CONTEXT_BONUS = 10.0
ALTERNATE_MIN_POPULATION = 100_000
BIG_CITY = 500_000
# words that name a kind of place, not a place, when alone: "Peninsula" in "Korean Peninsula"
GENERIC_WORDS = COMPASS_WORDS | {
    "peninsula", "island", "islands", "bay", "coast", "river", "lake", "valley", "mountains",
    "sea", "ocean", "square", "village", "park", "airport", "station", "bridge", "town",
    "wing", "house", "hall", "grove", "heights", "harbor", "harbour", "beach", "point",
}
# context weights; scaling any of them by 0.5-2 did not help on the three public sets
COUNTRY_W = 5.0  # times the share of the text's other names in the candidate's country
ADMIN1_W = 2.0  # the candidate's first-level region is named in the text
PROX_W = 1.0  # times 3/2/1 for another name within 50/150/400 km
FOCUS_W = 3.0  # the candidate lies in the text's focus region
FOCUS_MIN_VOTES = 1.5


class _Context(NamedTuple):
    """What the rest of the text says, by name, so a name never votes for itself."""

    resolved: dict[str, GazEntry]  # normalised name -> its current resolution
    dateline: Optional[GazEntry]
    focus: frozenset = frozenset()  # (country, admin1) most of the names could lie in
    memo: Optional[dict] = None  # name -> without(name), filled on use

    def without(self, name: str) -> tuple[Counter, Counter, list[tuple[float, float]]]:
        if self.memo is not None and name in self.memo:
            return self.memo[name]
        countries: Counter = Counter()
        admin1s: Counter = Counter()
        points = []
        for key, entry in self.resolved.items():
            if key == name or entry.country is None:
                continue
            countries[entry.country] += 1
            admin1s[entry.name if entry.feature == "admin1" else entry.admin1] += 1
            if entry.feature not in BROAD and entry.lat is not None:
                points.append((entry.lat, entry.lon))
        if self.dateline is not None and self.dateline.country:
            countries[self.dateline.country] += max(2, sum(countries.values()) // 2)
        if self.memo is not None:
            self.memo[name] = (countries, admin1s, points)
        return countries, admin1s, points


def _candidates(name: str, gazetteer: gaz.Gazetteer, type_word: Optional[str]) -> list[GazEntry]:
    found = gazetteer.lookup(name)
    words = name.split()
    if not found and type_word and len(words) > 1 and words[-1].lower() == type_word:
        found = gazetteer.lookup(" ".join(words[:-1]))
    if not found and re.match(r"(?i)st\.? ", name):
        found = gazetteer.lookup("Saint " + name.split(" ", 1)[1])
    if "." in name and normalise(name) in US_STATE_ABBREVIATIONS:  # "Ga." is not Georgia
        state = US_STATE_ABBREVIATIONS[normalise(name)]
        found = [e for e in gazetteer.lookup(state) if e.country == "US"]
    return found


def _fits(entry: GazEntry, container: GazEntry) -> bool:
    """Whether ``entry`` lies in ``container`` as far as the gazetteer tells."""
    if entry.feature == "country":
        return True  # "China, Japan" is a list, not China in Japan
    if container.feature == "region" or container.country is None:
        return True
    if entry.country != container.country:
        return False
    return container.feature != "admin1" or entry.admin1 == container.name


def _km(a: tuple[float, float], b: tuple[float, float]) -> float:
    lat1, lon1, lat2, lon2 = map(math.radians, (*a, *b))
    h = math.sin((lat2 - lat1) / 2) ** 2
    h += math.cos(lat1) * math.cos(lat2) * math.sin((lon2 - lon1) / 2) ** 2
    return 12742.0 * math.asin(min(1.0, math.sqrt(h)))


def _proximity(entry: GazEntry, points: list[tuple[float, float]]) -> float:
    """Places named together lie together: a bonus for a candidate near the others."""
    if entry.lat is None or not points or entry.feature in BROAD:
        return 0.0
    nearest = min(_km((entry.lat, entry.lon), p) for p in points)
    return PROX_W * (3.0 if nearest < 50 else 2.0 if nearest < 150 else 1.0 if nearest < 400 else 0.0)


def _type_bonus(entry: GazEntry, type_word: Optional[str]) -> float:
    if not type_word:
        return 0.0
    wanted = TYPE_WORDS[type_word][0]
    if entry.feature == wanted:
        return 4.0
    if wanted in {"admin1", "admin2"} and entry.feature in {"admin1", "admin2"}:
        return 2.0
    return -4.0 if wanted == "natural" else 0.0  # "Jordan river" is not the country


def _context_bonus(entry: GazEntry, query: str, ctx: _Context) -> float:
    """Country, region, neighbour and dateline agreement, capped: context can lift a town
    over a namesake ten times its size, not over a country or a capital."""
    countries, admin1s, points = ctx.without(query)
    bonus = COUNTRY_W * countries.get(entry.country, 0) / (sum(countries.values()) or 1)
    if entry.admin1 and entry.feature != "admin1":
        bonus += ADMIN1_W * min(admin1s.get(entry.admin1, 0), 1)
    bonus += _proximity(entry, points)
    if (entry.country, entry.admin1) in ctx.focus and entry.feature not in BROAD:
        bonus += FOCUS_W
    if ctx.dateline is not None and entry.country == ctx.dateline.country:
        bonus += 2.0 + (2.0 if entry.admin1 and entry.admin1 == ctx.dateline.admin1 else 0.0)
    return min(bonus, MAX_CONTEXT_BONUS)


def _score(entry: GazEntry, query: str, ctx: _Context, container: Optional[GazEntry],
           type_word: Optional[str]) -> float:
    score = math.log10(entry.population + 1) + FEATURE_PRIOR.get(entry.feature, 0.0)
    primary = normalise(entry.name) == query
    score += (2.0 if primary else 0.0) + (1.5 if entry.capital else 0.0)
    score -= 6.0 if entry.lat is None else 0.0
    if container is not None and container is not entry:
        score += 8.0 if _fits(entry, container) else -3.0
    # a town that merely has the name among its alternates needs twice the context
    context = _context_bonus(entry, query, ctx) * (1.0 if primary else 0.5)
    return score + _type_bonus(entry, type_word) + context


def _plausible(candidates: list[GazEntry], query: str) -> list[GazEntry]:
    """Drop towns that carry the name only as an alternate when a place bears it as its
    own name: GeoNames lists "Liverpool" among a small Indiana town's alternates."""
    key = normalise(query)
    if not any(normalise(e.name) == key for e in candidates):
        return candidates
    return [e for e in candidates
            if normalise(e.name) == key or e.population >= ALTERNATE_MIN_POPULATION]


def _namesake_penalty(entry: GazEntry, candidates: list[GazEntry],
                      type_word: Optional[str]) -> float:
    """ "Washington", "New York": news means the big city, not the state, unless it says
    "state"."""
    if entry.feature != "admin1" or type_word:
        return 0.0
    big_city = any(e.feature == "city" and e.population >= BIG_CITY
                   and e.country == entry.country for e in candidates)
    return -4.0 if big_city else 0.0


def _best(candidates: list[GazEntry], query: str, ctx: _Context,
          container: Optional[GazEntry], type_word: Optional[str]) -> Optional[GazEntry]:
    candidates = _plausible(candidates, query)
    if not candidates:
        return None
    key = normalise(query)
    return max(candidates, key=lambda e: _score(e, key, ctx, container, type_word)
               + _namesake_penalty(e, candidates, type_word))


def _in_list(mention: Mention, ending: dict[int, Mention]) -> bool:
    """ "Kessen, Dalmar, Vorna": a place after "," or "and" that follows another place."""
    start, doc = mention.span.start, mention.span.doc
    return start >= 2 and doc[start - 1].lower_ in {",", "and", "or"} and (start - 1) in ending


def _container_text(mention: Mention, following: dict[int, Mention],
                    ending: dict[int, Mention]) -> Optional[str]:
    """The enclosing place written beside a mention: "X, Y" or "X in (the) Y"."""
    doc, end = mention.span.doc, mention.span.end
    if _in_list(mention, ending):
        return None
    if mention.type_word and end < len(doc) and doc[end].lower_ == mention.type_word:
        end += 1
    if end + 1 >= len(doc):
        return None
    link = doc[end].lower_
    nxt = following.get(end + 1) or following.get(end + 2) if link in CONTAINER_PREPS else None
    if link == ",":
        nxt = following.get(end + 1)
        abbrev = normalise(doc[end + 1].text)
        if nxt is None and doc[end + 1].text[:1].isupper() and abbrev in US_STATE_ABBREVIATIONS:
            return US_STATE_ABBREVIATIONS[abbrev]
    return nxt.span.text if nxt is not None and nxt.role != "demonym" else None


def _resolve_container(text: Optional[str], gazetteer: gaz.Gazetteer, ctx: _Context):
    if text is None:
        return None
    candidates = [e for e in _candidates(text, gazetteer, None)
                  if e.feature in {"country", "admin1", "admin2", "region"}]
    return _best(candidates, text, ctx, None, None)


def _dateline_entry(dateline_place: Optional[str], gazetteer: gaz.Gazetteer):
    if not dateline_place:
        return None
    empty = _Context({}, None)
    return _best(_candidates(dateline_place.title(), gazetteer, None), dateline_place, empty,
                 None, None)


def _resolve_all(mentions: list[Mention], gazetteer: gaz.Gazetteer, ctx: _Context):
    """Resolve each mention once per (name, container), as one sense per discourse."""
    following = {m.span.start: m for m in mentions}
    ending = {m.span.end: m for m in mentions}
    chosen: dict[tuple, tuple] = {}
    out = []
    for mention in mentions:
        container = _resolve_container(_container_text(mention, following, ending), gazetteer, ctx)
        key = (normalise(mention.span.text), container, mention.type_word, mention.role)
        if key not in chosen:
            if mention.role == "demonym":
                chosen[key] = (gazetteer.demonym(mention.span.text), None, None)
            else:
                cands = _candidates(mention.span.text, gazetteer, mention.type_word)
                best = _best(cands, mention.span.text, ctx, container, mention.type_word)
                inner = None if best else _enclosing(mention.span, gazetteer, ctx, container)
                chosen[key] = (best, container, inner)
        out.append((mention, *chosen[key]))
    return out


def _enclosing(span: Span, gazetteer: gaz.Gazetteer, ctx: _Context,
               container: Optional[GazEntry]) -> Optional[GazEntry]:
    """A known place named inside an unknown one: Manila in "Manila Cathedral", Russia in
    "Russian Embassy"."""
    if len(span) < 2:
        return None
    found: list[GazEntry] = []
    for size in range(len(span) - 1, 0, -1):
        for start in range(span.start, span.end - size + 1):
            part = span.doc[start : start + size]
            if not all(is_name_token(t) for t in part) or part.text.lower() in GENERIC_WORDS:
                continue
            best = (gazetteer.demonym(part.text) if size == 1 else None) or _best(
                _candidates(part.text, gazetteer, None), part.text, ctx, container, None)
            if best is not None and best.lat is not None:
                found.append(best)
    prior = lambda e: math.log10(e.population + 1) + FEATURE_PRIOR.get(e.feature, 0.0)  # noqa: E731
    return max(found, key=prior) if found else None


def _focus(mentions: list[Mention], gazetteer: gaz.Gazetteer) -> frozenset:
    """The first-level region that most of the text's names could lie in (each name votes
    once for every region holding one of its candidates): a local paper's home state."""
    votes: Counter = Counter()
    names = {normalise(m.span.text): m for m in mentions if m.role != "demonym"}
    for mention in names.values():
        regions = set()
        for entry in _plausible(_candidates(mention.span.text, gazetteer, mention.type_word),
                                mention.span.text):
            if entry.feature == "admin1":
                regions.add((entry.country, entry.name))
            elif entry.admin1 and entry.feature != "country":
                regions.add((entry.country, entry.admin1))
        for region in regions:  # a name found in every state says little about any
            votes[region] += 1.0 / len(regions)
    if not votes:
        return frozenset()
    top = max(votes.values())
    if top < FOCUS_MIN_VOTES:
        return frozenset()
    return frozenset(region for region, count in votes.items() if count == top)


def _context_from(resolved, dateline: Optional[GazEntry], focus: frozenset) -> _Context:
    """The current resolution of every name but demonyms."""
    by_name: dict[str, GazEntry] = {}
    for mention, entry, _container, _inner in resolved:
        if entry is not None and mention.role != "demonym":
            by_name.setdefault(normalise(mention.span.text), entry)
    return _Context(by_name, dateline, focus, {})


def _to_match(mention: Mention, entry: Optional[GazEntry], container: Optional[GazEntry],
              inner: Optional[GazEntry]):
    span = mention.span
    start = span.start_char
    end = span.end_char
    if entry is not None:
        precision = PRECISION.get(entry.feature, 3)
        return PlaceMatch(span.text, start, end, mention.role, entry.name, entry.lat, entry.lon,
                          entry.country, entry.admin1, entry.feature, entry.geonames_id,
                          precision, mention.source)
    feature, precision = TYPE_WORDS.get(mention.type_word or "", (None, 3))
    if inner is not None:  # somewhere in or at a known place: ACLED's "nearby"
        precision = max(2, PRECISION.get(inner.feature, 3))
        return PlaceMatch(span.text, start, end, mention.role, span.text, inner.lat, inner.lon,
                          inner.country, inner.admin1, feature, None, precision, mention.source)
    country = container.country if container is not None else None
    admin1 = container.admin1 if container is not None else None
    if container is not None and container.feature == "admin1":
        admin1 = container.name
    return PlaceMatch(span.text, start, end, mention.role, span.text, None, None, country,
                      admin1, feature, None, precision, mention.source)


def _is_noise(mention: Mention, entry: Optional[GazEntry], people: set[str]) -> bool:
    """An unresolved NER "place" that is an acronym or someone's name ("NCIS", "Pawlenty")."""
    if entry is not None or mention.source not in {"GPE", "LOC"}:
        return False
    text = mention.span.text
    if text.isupper() and "." not in text:
        return True
    return all(t.text in people for t in mention.span)


def find_places(doc: Doc, dateline_place: Optional[str] = None) -> list[PlaceMatch]:
    """Every toponym mention in ``doc`` (literal, metonymic, embedded or demonym), resolved.

    doc (Doc): parsed by a pipeline with a tagger, parser and NER.
    dateline_place (str): the dateline's place ("GAZA CITY"), a strong country prior.
    RETURNS (list[PlaceMatch]): in text order; unresolved names have null coordinates.
    """
    gazetteer = gaz.load()
    mentions = recognise(doc, gazetteer)
    dateline = _dateline_entry(dateline_place, gazetteer)
    focus = _focus(mentions, gazetteer)
    resolved = _resolve_all(mentions, gazetteer, _Context({}, dateline, focus, {}))
    for _round in range(2):
        resolved = _resolve_all(mentions, gazetteer, _context_from(resolved, dateline, focus))
    people = {t.text for e in doc.ents if e.label_ == "PERSON" for t in e}
    return [_to_match(*item) for item in resolved
            if not _is_noise(item[0], item[1] or item[3], people)]


def _place_id(match: PlaceMatch) -> str:
    if match.geonames_id is not None:
        return f"place-{match.geonames_id}"
    slug = re.sub(r"[^a-z0-9]+", "-", normalise(match.name)).strip("-")
    return f"place-{slug}" + (f"-{match.country.lower()}" if match.country else "")


def places_to_model(matches: Iterable[PlaceMatch]) -> list[model.Place]:
    """One ``model.Place`` per distinct literal place, with all its mention spans."""
    places: dict[str, model.Place] = {}
    for match in matches:
        if match.role != "literal":
            continue
        place_id = _place_id(match)
        if place_id not in places:
            places[place_id] = model.Place(
                id=place_id, name=match.name, lat=match.lat, lon=match.lon,
                country=match.country, admin1=match.admin1, feature=match.feature,
                geonames_id=match.geonames_id, precision=match.precision)
        places[place_id].mentions.append((match.start, match.end))
    return list(places.values())


class PlacesComponent:
    """Sets ``doc._.cc_places`` (literal places, ``list[model.Place]``) and
    ``doc._.cc_toponyms`` (every mention with its role, ``list[PlaceMatch]``). The dateline
    place, when the caller set ``doc._.cc_article``, is the country prior."""

    def __init__(self, nlp: Language, name: str) -> None:
        self.name = name
        for extension in ("cc_places", "cc_toponyms"):
            if not Doc.has_extension(extension):
                Doc.set_extension(extension, default=None, force=False)

    def __call__(self, doc: Doc) -> Doc:
        article = doc._.get("cc_article") if Doc.has_extension("cc_article") else None
        dateline = getattr(getattr(article, "dateline", None), "place", None)
        matches = find_places(doc, dateline)
        doc._.cc_toponyms = matches
        doc._.cc_places = places_to_model(matches)
        return doc


@Language.factory("cc_places", assigns=["doc._.cc_places", "doc._.cc_toponyms"],
                  requires=["doc.ents"])
def make_places(nlp: Language, name: str) -> PlacesComponent:
    """spaCy factory: ``nlp.add_pipe("cc_places")`` after the NER."""
    return PlacesComponent(nlp, name)
