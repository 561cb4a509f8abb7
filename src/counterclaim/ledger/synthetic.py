"""Seeded generator of realistic, already analysed Reports, for ledger tests and benchmarks.

An invented war (armed groups with acronyms, their spokespeople, towns with coordinates,
outlets) produces events day by day; each article reports a few recent events through
claims: a side asserts, the other side often denies (with a ``denies`` relation), residents
and the outlet add colour. About ``syndicated`` of the articles are edited copies of a recent
article run by another outlet (new headline, byline, last paragraph cut).
Nothing here needs spaCy: spans, entities and mentions are computed while writing the text.
"""

from __future__ import annotations

import random
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date, timedelta

from counterclaim.model import (
    Article, Claim, Cue, Dateline, Entity, Place, Relation, Report, Source,
)

from .text import stable_id

SYLLABLES = "dal mar kes sen vor na ost ria bel gor tam rik ul an zev ka lo pre vin dor sa " \
            "mir tel hav ro ben ek ta su gra lin or es pa".split()
GROUP_WORDS = (["Free", "United", "Popular", "National", "Revolutionary", "Democratic", "Patriotic"],
               ["Front", "Movement", "Army", "Council", "Alliance", "Brigades", "Forces"])
ROLES = ["spokesperson", "spokeswoman", "commander", "minister", "spokesman"]
ACTIONS = [  # (assertion variants, denial content) of a proposition about actor and place
    (["{a} fighters captured {p}", "{p} has fallen to {a} fighters",
      "{a} fighters took full control of {p}"], "{a} fighters had captured {p}"),
    (["{n} civilians were killed when {a} shelled {p}", "{a} shelling killed {n} civilians in {p}",
      "{a} shelling of {p} killed {n} civilians"], "{a} had shelled civilians in {p}"),
    (["{a} drones struck the market in {p}", "the market in {p} was hit by {a} drones"],
     "{a} drones had struck the market in {p}"),
    (["{a} troops withdrew from {p}", "{a} troops pulled out of {p} overnight"],
     "{a} troops had withdrawn from {p}"),
    (["{a} abducted {n} aid workers near {p}", "{n} aid workers were abducted by {a} near {p}"],
     "{a} was behind the abduction of aid workers near {p}"),
]
CUE_LEMMAS = {"said": "say", "denied": "deny", "claimed": "claim", "told reporters": "tell",
              "insisted": "insist", "rejected claims": "reject"}
COLOUR = ["gunfire could be heard near {p} after dark", "families were leaving {p} on foot",
          "the road to {p} was closed by checkpoints", "prices in {p} had doubled in a week"]


def _name(rng: random.Random, parts: int = 2) -> str:
    return "".join(rng.choice(SYLLABLES) for _ in range(parts)).capitalize()


@dataclass
class World:
    groups: list[tuple[str, str]]  # (name, acronym)
    people: list[tuple[str, str, int]]  # (name, role, group index)
    places: list[tuple[str, float, float]]
    outlets: list[str]
    events: list[dict] = field(default_factory=list)
    _lookup: dict = field(default_factory=dict, repr=False, compare=False)

    def finder(self, names: tuple[str, ...]) -> tuple[dict[str, int], list]:
        """Where to look for ``names`` in a text: single words by a dict of token → index,
        the rest by compiled pattern. Searching 1,000 place patterns per claim (recompiled: past
        ``re``'s cache) made the generator 1 s per article at 100k; this keeps it flat."""
        if names not in self._lookup:
            words = {n: i for i, n in enumerate(names) if re.fullmatch(r"\w+", n)}
            others = [(i, n, re.compile(rf"\b{n}\b")) for i, n in enumerate(names)
                      if n not in words]
            self._lookup[names] = (words, others)
        return self._lookup[names]

    def members(self, group: int) -> list[int]:
        key = ("members", group)
        if key not in self._lookup:
            self._lookup[key] = [i for i, p in enumerate(self.people) if p[2] == group]
        return self._lookup[key]


def _first_mentions(world: World, names: tuple[str, ...], content: str) -> list[tuple[int, int]]:
    """(index in ``names``, start of its first whole-word match) for each name found, in
    the order of ``names``: what ``re.search(rf"\b{name}\b", content)`` per name gives."""
    words, others = world.finder(names)
    found: dict[int, int] = {}
    for token in re.finditer(r"\w+", content):
        index = words.get(token.group())
        if index is not None and index not in found:
            found[index] = token.start()
    for index, _, pattern in others:
        match = pattern.search(content)
        if match:
            found[index] = match.start()
    return sorted(found.items())


def make_world(rng: random.Random, n_articles: int) -> World:
    groups, acronyms = [], set()
    while len(groups) < 12:
        words = [rng.choice(GROUP_WORDS[0]), _name(rng), rng.choice(GROUP_WORDS[1])]
        acronym = "".join(w[0] for w in words).upper()
        if acronym not in acronyms:
            acronyms.add(acronym)
            groups.append((" ".join(words), acronym))
    people = [(f"{_name(rng)} {_name(rng, 3)}", rng.choice(ROLES), i % len(groups))
              for i in range(max(60, n_articles // 40))]
    places = [(_name(rng, rng.choice((2, 3))), round(rng.uniform(-4, 4), 4),
               round(rng.uniform(33, 41), 4)) for _ in range(max(40, n_articles // 100))]
    places = list({name: (name, lat, lon) for name, lat, lon in places}.values())
    outlets = [f"The {_name(rng)} {rng.choice(['Post', 'Times', 'Courier', 'Wire', 'Herald'])}"
               for _ in range(40)]
    return World(groups, people, places, list(dict.fromkeys(outlets)))


class Writer:
    """Builds one article's text while recording entity mentions, places and claims."""

    def __init__(self):
        self.text, self.entities, self.places, self.claims = "", {}, {}, []
        self.relations: list[Relation] = []

    def _entity(self, name: str, kind: str, start: int, alias: str | None = None,
                role: str | None = None) -> str:
        entity = self.entities.get(name)
        if entity is None:
            entity = self.entities[name] = Entity(
                id=f"e{len(self.entities) + 1}", name=name, type=kind,
                aliases=[alias] if alias else [], roles=[role] if role else [])
        entity.mentions.append((start, start + len(alias or name)))
        return entity.id

    def mark(self, offset: int, content: str, world: World) -> None:
        """Record mentions of known group acronyms and places inside ``content``."""
        acronyms = tuple(acronym for _, acronym in world.groups)
        for index, at in _first_mentions(world, acronyms, content):
            self._entity(world.groups[index][0], "organization", offset + at,
                         alias=acronyms[index])
        names = tuple(place for place, _, _ in world.places)
        for index, at in _first_mentions(world, names, content):
            place, lat, lon = world.places[index]
            entry = self.places.setdefault(place, Place(
                id=f"p{len(self.places) + 1}", name=place, lat=lat, lon=lon, country="XO",
                feature="city", precision=1))
            entry.mentions.append((offset + at, offset + at + len(place)))

    def claim(self, source: tuple | None, content: str, cue: str, world: World, *,
              negated: bool = False, status: str = "attributed") -> str:
        start = len(self.text)
        if source is None:
            content = content[0].upper() + content[1:]
            sentence, source_obj = content + ". ", Source(kind="outlet")
            content_at, cue_obj = start, None
        else:
            label, kind, role, entity_type = source
            head = f"{label} {cue} that "
            content_at = start + len(head)
            source_obj = Source(text=label, span=(start, start + len(label)), kind=kind)
            if entity_type:
                source_obj.entity = self._entity(label.split(", ")[0], entity_type, start, role=role)
            cue_at = start + len(label) + 1
            cue_obj = Cue(text=cue, lemma=CUE_LEMMAS[cue], span=(cue_at, cue_at + len(cue)))
            sentence = head + content + ". "
        self.text += sentence
        self.mark(content_at, content, world)
        claim_id = f"c{len(self.claims) + 1}"
        self.claims.append(Claim(
            id=claim_id, text=content, span=(content_at, content_at + len(content)),
            source=source_obj, cue=cue_obj, mode="outlet" if source is None else "indirect",
            status="asserted" if source is None else status, negated=negated))
        return claim_id


def _event(rng: random.Random, world: World, day: date) -> dict:
    claimant, other = rng.sample(range(len(world.groups)), 2)
    action = rng.randrange(len(ACTIONS))
    actor = claimant if action in (0, 3) else other  # captures are boasted, attacks alleged
    return {"action": action, "claimant": claimant, "other": other, "actor": actor,
            "place": rng.randrange(len(world.places)), "n": rng.randint(2, 40), "day": day}


def _person(rng: random.Random, world: World, group: int) -> int:
    return rng.choice(world.members(group) or range(len(world.people)))


def _plan(rng: random.Random, world: World, recent: list[dict], denial_rate: float) -> list:
    """The sentences of one article, as data, so a syndicated copy can re-render them."""
    steps = []
    for event in rng.sample(recent, min(len(recent), rng.randint(1, 3))):
        variant = rng.randrange(len(ACTIONS[event["action"]][0]))
        steps.append(("assert", event, variant, _person(rng, world, event["claimant"])))
        if rng.random() < denial_rate:
            steps.append(("deny", event, rng.random() < 0.5, _person(rng, world, event["other"])))
        if rng.random() < 0.4:
            steps.append(("witness", event, rng.randrange(len(COLOUR))))
    steps.append(("outlet", recent[-1], rng.randint(1000, 90000)))
    return steps


def _fill(template: str, world: World, event: dict) -> str:
    return template.format(a=world.groups[event["actor"]][1], n=event["n"],
                           p=world.places[event["place"]][0])


def _render_step(writer: Writer, world: World, step, asserted: dict) -> None:
    kind, event = step[0], step[1]
    if kind == "assert":
        person = world.people[step[3]]
        content = _fill(ACTIONS[event["action"]][0][step[2]], world, event)
        asserted[id(event)] = writer.claim((person[0], "named", person[1], "person"), content,
                                           "said", world)
    elif kind == "deny":
        person = world.people[step[3]]
        source = (person[0], "named", person[1], "person")
        if step[2]:  # "X denied that <proposition>"
            claim_id = writer.claim(source, _fill(ACTIONS[event["action"]][1], world, event),
                                    "denied", world)
        else:  # "X said that <proposition, negated>"
            content = _fill(ACTIONS[event["action"]][1], world, event).replace(" had ", " had not ")
            claim_id = writer.claim(source, content, "insisted", world, negated=True)
        if id(event) in asserted:
            writer.relations.append(Relation.model_validate(
                {"type": "denies", "from": claim_id, "to": asserted[id(event)]}))
    elif kind == "witness":
        writer.claim(("A resident", "unnamed", None, None),
                     _fill(COLOUR[step[2]], world, event), "said", world)
    else:
        writer.claim(None, f"the fighting has displaced {step[2]} people in "
                           f"{world.places[event['place']][0]} province since the spring", "",
                     world)


def render(world: World, plan: list, outlet: str, day: date, *, copy_of: str | None = None,
           cut_last: bool = False) -> Report:
    """One Report from a plan; ``copy_of`` (an outlet) makes it a syndicated copy."""
    writer = Writer()
    first = plan[0][1]
    place = world.places[first["place"]][0]
    agency = copy_of or outlet
    writer.text = f"{place.upper()}, {day:%B} {day.day} ({agency}) - "
    if copy_of:
        writer.text = f"By {outlet} staff. " + writer.text
    asserted: dict = {}
    for step in plan[:-1] if cut_last else plan:
        _render_step(writer, world, step, asserted)
    text = writer.text.strip()
    title = _fill(ACTIONS[first["action"]][0][0], world, first)
    title = (f"{outlet}: " if copy_of else "") + title[0].upper() + title[1:]
    article = Article(id=stable_id(text), title=title, outlet=outlet, published=day.isoformat(),
                      text=text, dateline=Dateline(place=place.upper(), date=day.isoformat(),
                                                   agency=agency, span=(0, len(text) and 10)))
    return Report(article=article, entities=list(writer.entities.values()),
                  claims=writer.claims, relations=writer.relations,
                  places=list(writer.places.values()))


def generate(n: int, seed: int = 0, start: str = "2026-01-01", per_day: int = 100,
             syndicated: float = 0.15, denial_rate: float = 0.35) -> Iterator[Report]:
    """``n`` Reports over ``n / per_day`` days (a steady news flow), deterministic in ``seed``."""
    rng = random.Random(seed)
    world = make_world(rng, n)
    first_day = date.fromisoformat(start)
    events: list[dict] = []
    published: list[tuple[list, str, date]] = []
    for i in range(n):
        day = first_day + timedelta(days=i // per_day)
        if not events or rng.random() < 0.3:
            events.append(_event(rng, world, day))
        if published and rng.random() < syndicated:
            plan, origin, when = rng.choice(published[-50:])
            outlet = rng.choice([o for o in world.outlets if o != origin])
            yield render(world, plan, outlet, max(day, when), copy_of=origin,
                         cut_last=len(plan) >= 4)
            continue
        recent = [e for e in events[-60:] if (day - e["day"]).days <= 7]
        plan = _plan(rng, world, recent, denial_rate)
        outlet = rng.choice(world.outlets)
        published.append((plan, outlet, day))
        yield render(world, plan, outlet, day)
