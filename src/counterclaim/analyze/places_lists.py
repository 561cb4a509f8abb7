"""Lists of names are lists of one kind of place: "Georgia, Oklahoma, Pennsylvania and
Ohio" are American states, "Georgia, Armenia and Azerbaijan" countries. A name in such a
list is read as that kind, and not as enclosed by its neighbour ("Georgia, Oklahoma" is
no Georgia in Oklahoma)."""

from __future__ import annotations

from collections import Counter
from typing import Optional

from counterclaim.analyze import gazetteer as gaz
from counterclaim.analyze import places_scoring as sc
from counterclaim.analyze.gazetteer import GazEntry, normalise
from counterclaim.analyze.geodata import US_STATE_ABBREVIATIONS
from counterclaim.analyze.toponyms import Mention

LIST_LINKS = {",", "and", "or"}
MIN_LIST = 3  # "Georgia, Oklahoma and Utah"; two names ("Kessen, Ostria") are town and region


def _lists(mentions: list[Mention]) -> list[list[Mention]]:
    """Runs of names joined by commas, "and", "or": "Georgia, Oklahoma, Utah and Iowa"."""
    runs: list[list[Mention]] = []
    for mention in mentions:
        if runs and runs[-1] and mention.role != "demonym":
            last = runs[-1][-1]
            between = mention.span.doc[last.span.end : mention.span.start]
            if 1 <= len(between) <= 2 and all(t.lower_ in LIST_LINKS for t in between):
                if _abbreviated_state(mention.text):  # "Florida and Washington, D.C."
                    runs[-1].pop()
                    runs.append([])
                else:
                    runs[-1].append(mention)
                continue
        runs.append([mention])
    return [run for run in runs if len(run) >= MIN_LIST]


def _abbreviated_state(text: str) -> bool:
    return "." in text and normalise(text) in US_STATE_ABBREVIATIONS


def list_kinds(mentions: list[Mention], gazetteer: gaz.Gazetteer) -> dict[int, tuple]:
    """A list of names is a list of one kind of place: when all its names but one could
    be countries, or first-level regions of one country, each name that could be one is
    read as one ("Georgia" among American states is the state; among "Ukraine and
    Moldova", the country). Start of each such mention -> (feature, country)."""
    kinds: dict[int, tuple] = {}
    for run in _lists(mentions):
        options = []
        for mention in run:
            key = normalise(mention.text)  # own names: "Giza" is only the governorate's alias
            options.append({(e.feature, None if e.feature == "country" else e.country)
                            for e in sc.candidates(mention.text, gazetteer, None)
                            if e.feature in {"country", "admin1"} and sc.own_name(e, key)})
        votes = Counter(kind for found in options for kind in found)
        if not votes:
            continue
        kind, count = votes.most_common(1)[0]
        if count >= max(MIN_LIST, len(run) - 1):
            kinds.update({m.span.start: kind for m, found in zip(run, options) if kind in found})
    return kinds


def of_kind(entries: list[GazEntry], kind: Optional[tuple]) -> list[GazEntry]:
    if kind is None:
        return entries
    feature, country = kind
    return [e for e in entries
            if e.feature == feature and (country is None or e.country == country)]
