"""Toponyms: find place names in a parsed Doc, tell literal places from actors, resolve them.

Recognition takes spaCy's GPE/LOC/FAC entities, then adds runs of capitalised proper
nouns the gazetteer knows (the small model often calls a town PERSON or ORG, or misses
it). Each mention gets a role: ``literal`` (a location), ``metonym`` (a place standing
for its government or people: "Kenya denied ...", "Nairobi said ..."), ``embedded`` (part
of an organisation's name: "Dalmar City Council") or ``demonym`` ("Ostrian"). Only literal
mentions become ``model.Place`` objects; the others still carry their resolution.

Resolution (places_scoring) scores gazetteer candidates by population, feature type and
context: the dateline's country, countries and regions named elsewhere in the text, an
enclosing place written beside the name ("Springfield, Illinois", "Dalmar in Kessen
province"), type words ("X province", "X district"), and the other names with a candidate
nearby (places_coherence). Names the gazetteer lacks are kept unresolved (null
coordinates) with whatever their enclosing place tells; a street or building gets the
point of the town the text places it in (places_local), at precision 2. In a text that
names several places no gazetteer knows (an invented or unmapped setting: "Dalmar",
"Kessen"), only names that stand on their own place the story in a country, so
namesake villages abroad and names inside organisations' names ("the Highland Courier")
cannot vouch for each other; a place owned by an unknown one ("Ostria's Highlands
province") stays unresolved.

Modules: toponyms (recognition; toponym_runs: candidate runs, toponym_evidence: roles and
evidence), places_tokens (a per-token table), places_recall (datelines, lists, "Town,
State", structures), places_widen (names cut short), places_acronyms (acronyms, region
codes), places_scoring, places_coherence, places_local, places_enclosing (a known place
inside an unknown name), gazetteer (the offline index; gazetteer_build builds it), geodata
(hand-written names).

Method after Gritta et al., "What's missing in geographical parsing?" (2018) and
Halterman, "Mordecai 3" (2023), without their learned rankers.
"""

from __future__ import annotations

import re
from collections import Counter
from typing import Iterable, NamedTuple, Optional

from spacy.language import Language
from spacy.tokens import Doc

from counterclaim import model
from counterclaim.analyze import gazetteer as gaz
from counterclaim.analyze.gazetteer import GazEntry, normalise
from counterclaim.analyze.geodata import US_STATE_ABBREVIATIONS
from counterclaim.analyze.places_coherence import neighbour_support
from counterclaim.analyze.places_lists import list_kinds, of_kind
from counterclaim.analyze.places_enclosing import enclosing_place
from counterclaim.analyze.places_local import anchor_facilities, stray_facility
from counterclaim.analyze import places_scoring as sc
from counterclaim.analyze.places_scoring import FOCUS_MIN_VOTES, Context
from counterclaim.analyze.toponym_runs import TYPE_WORDS
from counterclaim.analyze.toponyms import Mention, recognise

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
    return nxt.text if nxt is not None and nxt.role != "demonym" else None


def _resolve_container(text: Optional[str], gazetteer: gaz.Gazetteer, ctx: Context):
    if text is None:
        return None
    found = [e for e in sc.candidates(text, gazetteer, None)
             if e.feature in {"country", "admin1", "admin2", "region"}]
    return sc.best(found, text, ctx, None, None)


def _dateline_entry(dateline_place: Optional[str], gazetteer: gaz.Gazetteer):
    if not dateline_place:
        return None
    empty = Context({}, None)
    return sc.best(sc.candidates(dateline_place.title(), gazetteer, None), dateline_place,
                   empty, None, None)


def _container_texts(mentions: list[Mention]) -> list[Optional[str]]:
    """Each mention's ``_container_text``: the same in every resolution pass."""
    following = {m.span.start: m for m in mentions}
    ending = {m.span.end: m for m in mentions}
    return [_container_text(mention, following, ending) for mention in mentions]


def _resolve_all(mentions: list[Mention], gazetteer: gaz.Gazetteer, ctx: Context,
                 owned: frozenset, kinds: dict, container_texts: list[Optional[str]]):
    """Resolve each mention once per (name, container), as one sense per discourse.
    ``owned``: starts of the mentions an unknown place owns (``_owned_by_unknown``);
    ``kinds``: the kind of place each listed name is (``places_lists.list_kinds``);
    ``container_texts``: ``_container_texts(mentions)``, read once for all three passes."""
    containers: dict[str, Optional[GazEntry]] = {}  # one resolution per text in this context
    chosen: dict[tuple, tuple] = {}
    kinds = kinds or {}
    out = []
    for mention, container_text in zip(mentions, container_texts):
        kind = kinds.get(mention.span.start)
        container = None
        if not kind and container_text is not None:
            if container_text not in containers:
                containers[container_text] = _resolve_container(container_text, gazetteer, ctx)
            container = containers[container_text]
        elsewhere = mention.span.start in owned
        key = (normalise(mention.text), container, mention.type_word, mention.role, elsewhere,
               kind)
        if key not in chosen:
            if mention.role == "demonym":
                chosen[key] = (gazetteer.demonym(mention.text), None, None)
            elif elsewhere:  # "Ostria's Highlands": not a namesake in a known country
                chosen[key] = (None, None, None)
            else:
                cands = of_kind(sc.candidates(mention.text, gazetteer, mention.type_word), kind)
                best = sc.best(cands, mention.text, ctx, container, mention.type_word)
                inner = None if best else enclosing_place(mention, gazetteer, ctx, container)
                chosen[key] = (best, container, inner)
        out.append((mention, *chosen[key]))
    return out


def _owned_by_unknown(mentions: list[Mention], gazetteer: gaz.Gazetteer) -> frozenset:
    """Starts of mentions owned by a place no gazetteer knows ("Ostria's Highlands
    province"): such a name is one of its owner's places, whatever namesakes the
    gazetteer has elsewhere."""
    ending = {m.span.end: m for m in mentions}
    owned = set()
    for mention in mentions:
        start = mention.span.start
        owner = ending.get(start - 1)
        if owner is None or owner.role == "demonym" or owner.source not in {"GPE", "LOC"}:
            continue
        if mention.span.doc[start - 1].lower_ in {"'s", "’s"} \
                and not gazetteer.lookup(owner.text):
            owned.add(start)
    return frozenset(owned)


def _plausible_by_name(mentions: list[Mention], gazetteer: gaz.Gazetteer) -> dict[str, list]:
    """Each distinct name but demonyms (its last mention's reading) -> its plausible
    candidates: what ``_focus`` and ``_support`` both weigh, looked up once."""
    names = {normalise(m.text): m for m in mentions if m.role != "demonym"}
    return {key: sc.plausible(sc.candidates(m.text, gazetteer, m.type_word), m.text)
            for key, m in names.items()}


def _focus(plausible: dict[str, list]) -> frozenset:
    """The first-level region that most of the text's names could lie in (each name votes
    once for every region holding one of its candidates): a local paper's home state.
    ``plausible``: ``_plausible_by_name``."""
    votes: Counter = Counter()
    for entries in plausible.values():
        regions = set()
        for entry in entries:
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


def _context_from(resolved, dateline: Optional[GazEntry], focus: frozenset,
                  support: Optional[dict] = None) -> Context:
    """The current resolution of every name but demonyms."""
    by_name: dict[str, GazEntry] = {}
    unknown = set()
    for mention, entry, _container, _inner in resolved:
        if entry is not None and mention.role != "demonym":
            by_name.setdefault(normalise(mention.text), entry)
        elif entry is None and mention.source in {"GPE", "LOC", "TYPE"}:
            unknown.add(normalise(mention.text))
    roles: dict[str, set] = {}
    for mention, *_rest in resolved:
        roles.setdefault(normalise(mention.text), set()).add(mention.role)
    embedded = frozenset(name for name, seen in roles.items() if seen == {"embedded"})
    return Context(by_name, dateline, focus, {}, frozenset(unknown), support, embedded)


def _same_context(a: Context, b: Context) -> bool:
    """Whether two contexts say the same (their memos aside): the same names, in the same
    order, resolved to the same entries (by identity: support is keyed by ``id``)."""
    return (list(a.resolved) == list(b.resolved)
            and all(entry is b.resolved[name] for name, entry in a.resolved.items())
            and a.unknown == b.unknown and a.embedded == b.embedded
            and a.dateline is b.dateline and a.focus == b.focus and a.support is b.support)


def _drop_unsupported(resolved: list[tuple], ctx: Context) -> list[tuple]:
    """The passes resolve each name against the others' previous resolutions, so two
    namesakes abroad can keep vouching for each other after one has moved home; a small
    town whose country the final resolutions no longer place is unresolved. So is a
    neighbourhood with a facility's name ("Washington Square") in a region the text does
    not name: every city has one, and it is placed like a facility (places_local)."""
    out = []
    for mention, entry, container, inner in resolved:
        if entry is not None and mention.role != "demonym" and not sc.best(
                [entry], mention.text, ctx, container, mention.type_word):
            entry = None
        if entry is not None and container is None and stray_facility(mention, entry, ctx):
            entry = None
        out.append((mention, entry, container, inner))
    return out


def _to_match(mention: Mention, entry: Optional[GazEntry], container: Optional[GazEntry],
              inner: Optional[GazEntry]):
    span, text = mention.span, mention.text
    if len(span) == 1 and text != span[0].text:
        text = span[0].text  # an acronym, resolved as its long form
    start = span.start_char
    end = span.end_char
    if entry is not None:
        precision = PRECISION.get(entry.feature, 3)
        return PlaceMatch(text, start, end, mention.role, entry.name, entry.lat, entry.lon,
                          entry.country, entry.admin1, entry.feature, entry.geonames_id,
                          precision, mention.source)
    feature, precision = TYPE_WORDS.get(mention.type_word or "", (None, 3))
    if inner is not None:  # somewhere in or at a known place: ACLED's "nearby"
        precision = max(2, PRECISION.get(inner.feature, 3))
        return PlaceMatch(text, start, end, mention.role, text, inner.lat, inner.lon,
                          inner.country, inner.admin1, feature, None, precision, mention.source)
    country = container.country if container is not None else None
    admin1 = container.admin1 if container is not None else None
    if container is not None and container.feature == "admin1":
        admin1 = container.name
    return PlaceMatch(text, start, end, mention.role, text, None, None, country,
                      admin1, feature, None, precision, mention.source)


def _is_noise(mention: Mention, entry: Optional[GazEntry], people: set[str]) -> bool:
    """An unresolved NER "place" that is an acronym or someone's name ("NCIS", "Pawlenty")."""
    if entry is not None or mention.source not in {"GPE", "LOC"}:
        return False
    text = mention.text
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
    ents = doc.ents  # built anew on every read
    mentions = recognise(doc, gazetteer, ents)
    dateline = _dateline_entry(dateline_place, gazetteer)
    plausible = _plausible_by_name(mentions, gazetteer)
    focus = _focus(plausible)
    support = neighbour_support(plausible)
    owned = _owned_by_unknown(mentions, gazetteer)
    kinds = list_kinds(mentions, gazetteer)
    container_texts = _container_texts(mentions)
    resolved = _resolve_all(mentions, gazetteer, Context({}, dateline, focus, {}, support=support),
                            owned, kinds, container_texts)
    context = _context_from(resolved, dateline, focus, support)
    for _round in range(2):
        resolved = _resolve_all(mentions, gazetteer, context, owned, kinds, container_texts)
        following = _context_from(resolved, dateline, focus, support)
        if _same_context(following, context):
            break  # another pass would resolve as this one did; the context keeps its memo
        context = following
    resolved = _drop_unsupported(resolved, context)
    people = {t.text for e in ents if e.label_ == "PERSON" for t in e}
    resolved = [item for item in resolved if not _is_noise(item[0], item[1] or item[3], people)]
    return [_to_match(*item) for item in anchor_facilities(resolved)]


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
