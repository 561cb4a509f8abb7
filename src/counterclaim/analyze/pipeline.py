"""The counterclaim pipeline: the ordered list of components. Read it to see the whole analysis.

Each component adds one thing to the Doc and is registered by name, so a user can add all of
them with ``nlp.add_pipe("counterclaim")`` or pick one, e.g. ``nlp.add_pipe("cc_claims")``.
"""

from __future__ import annotations

import gc
from contextlib import contextmanager
from typing import Iterator

from spacy.language import Language
from spacy.tokens import Doc

from . import extensions  # noqa: F401  (registers the Doc extensions)
from .claims import ClaimsComponent
from .spans import forget_caches
from .events import EventsComponent
from .loaded import LoadedComponent
from .places import PlacesComponent
from .relations import RelationsComponent
from .times import TimeFinder

# (factory name, component class). Later components may read what earlier ones set.
COMPONENTS: list[tuple[str, type]] = [
    ("cc_claims", ClaimsComponent),
    ("cc_relations", RelationsComponent),
    ("cc_loaded", LoadedComponent),
    ("cc_times", TimeFinder),
    ("cc_places", PlacesComponent),
    ("cc_events", EventsComponent),
]


class CounterclaimComponent:
    """Runs every counterclaim component in order."""

    def __init__(self, nlp: Language, name: str, refine_boundaries: bool = True):
        self.name = name
        self.parts = [_make(cls, nlp, part_name) for part_name, cls in COMPONENTS]
        self.parts[0].refine_boundaries = refine_boundaries  # cc_claims (see ClaimsComponent)

    def __call__(self, doc: Doc) -> Doc:
        # The cyclic collector paused for one doc: the parts make many short-lived containers
        # (freed by their counts) beside large per-doc lists, which every young-generation
        # collection would otherwise rescan; what cycles they leave are collected after.
        with collector_paused():
            for part in self.parts:
                doc = part(doc)
            # The components share cached lookups (doc text, sentence bounds) in user_data;
            # drop them once all have run so Docs stay lean (and before the collector
            # resumes, so that its first pass need not scan them).
            forget_caches(doc)
        return doc


@contextmanager
def collector_paused() -> Iterator[None]:
    """The cyclic garbage collector off for the block, then as the caller had it (also when
    the block fails)."""
    collecting = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if collecting:
            gc.enable()


def _make(cls, nlp: Language, name: str):
    try:
        return cls(nlp, name)
    except TypeError:  # components that need no nlp take only their name
        return cls(name)


@Language.factory(
    "counterclaim",
    assigns=[f"doc._.{n}" for n in extensions.DOC_EXTENSIONS[1:]],
    requires=["token.dep", "token.lemma", "token.pos", "doc.ents"],
    default_config={"refine_boundaries": True},
)
def make_counterclaim(nlp: Language, name: str, refine_boundaries: bool) -> CounterclaimComponent:
    return CounterclaimComponent(nlp, name, refine_boundaries)


def add_counterclaim(nlp: Language) -> Language:
    if "counterclaim" not in nlp.pipe_names:
        nlp.add_pipe("counterclaim", last=True)
    return nlp
