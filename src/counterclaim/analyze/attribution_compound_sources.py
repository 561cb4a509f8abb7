"""Sources the parse reads as a clause: "Aid workers in Vorna say ..." comes out with "Aid" a
verb (the cue's clausal subject) and "workers" its object, so the cue has no subject and the
claim no source. A bare base-form verb has no business being a clausal subject (a real one
has a subject of its own, "to", or an "-ing": "Whoever holds Kessen says", "Holding Kessen
means"), so the phrase is taken for the noun compound it is.
"""

from __future__ import annotations

from spacy.tokens import Doc, Token

from .attribution_types import Attribution
from .source_spans import source_span

_OWN_CLAUSE_DEPS = frozenset(("nsubj", "nsubjpass", "aux", "auxpass", "mark", "expl"))


def sources_of_compounds_parsed_as_verbs(doc: Doc, found: list[Attribution]) -> list[Attribution]:
    """Attributions without a source of their own (none, or one inside their content, which
    is dropped later) whose cue's clausal subject is such a misread compound, with the
    compound's head noun for source ("Aid workers running the clinic in Vorna")."""
    return [_with_compound_source(doc, a) if _sourceless(a) and a.cue_token is not None else a for a in found]


def _sourceless(a: Attribution) -> bool:
    return a.source is None or a.content[0] <= a.source[0] < a.content[1]


def _with_compound_source(doc: Doc, a: Attribution) -> Attribution:
    noun = _misread_compound_head(doc[a.cue_token])
    span = source_span(noun) if noun is not None else None
    if span is None or span[0] != noun.idx or a.content[0] <= span[0] < a.content[1]:
        return a
    return a._replace(source=(noun.head.idx, span[1]), source_token=noun.i)


def _misread_compound_head(cue: Token) -> Token | None:
    """The noun a bare "verb" right before it makes its object: "Aid workers" under "say"."""
    subject = next((c for c in cue.children if c.dep_ == "csubj" and c.i < cue.i), None)
    if subject is None or subject.tag_ not in ("VB", "VBP") or subject.left_edge.i != subject.i:
        return None
    if any(c.dep_ in _OWN_CLAUSE_DEPS for c in subject.children):
        return None
    noun = subject.nbor(1)  # the cue follows: the subject is never the last word
    if noun.head.i != subject.i or noun.dep_ != "dobj" or noun.pos_ not in ("NOUN", "PROPN"):
        return None
    return noun
