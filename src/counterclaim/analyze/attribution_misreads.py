"""Kept candidates that misread the sentence, found by their shape (PolNeAR train, the
session-10 precision analysis: claims matching no annotation, grouped by rule and context):

- a content that runs over its own cue in one piece: the parse took the clause a stranded
  preposition or a fronted object sits in as what is said ("what Osei is talking about
  now", "whom Sadeq referred to"), and its source and cue sit inside it. What is said is
  the relative or question word, as in "which the FHF denies" (gold marks "what" so, with
  the speaker as source); without such a word the claim is dropped;
- an imperative opening its sentence ("Call it a victory.", "Remember: ..."): the writer
  addressing the reader, with no one to be its source. Its sentence stays the outlet's.
"""

from __future__ import annotations

from spacy.tokens import Doc

from .attribution_types import Attribution
from .spans import token_at


def without_own_cues(doc: Doc, found: list[Attribution]) -> list[Attribution]:
    """The kept attributions, each content that holds its own cue cut to its relative or
    question word (:func:`_stranded_object`), or dropped when it has none."""
    settled = []
    for a in found:
        if _holds_own_cue(a):
            a = _stranded_object(doc, a)
        if a is not None:
            settled.append(a)
    return settled


def _holds_own_cue(a: Attribution) -> bool:
    """A one-piece content around its cue (an interrupted content that a parenthetical cue
    splits gets its pieces later, in :func:`attribution_parts.settle_spans`; until then it
    leaves the cue outside)."""
    return a.cue is not None and not a.parts and a.content[0] < a.cue[0] and a.cue[1] <= a.content[1]


_RELATIVE_TAGS = frozenset({"WP", "WDT"})


def _stranded_object(doc: Doc, a: Attribution) -> Attribution | None:
    """The content cut to the relative or question word before the source and cue, or None
    when there is none ("that most leaders can agree on" gives "that")."""
    first = token_at(doc, a.content[0])
    before = (a.source or a.cue)[0]
    for token in doc[first.i:a.cue_token]:
        if token.tag_ in _RELATIVE_TAGS and token.idx < before:
            return a._replace(content=(token.idx, token.idx + len(token.text)), mode="indirect")
    return None


# What may stand before an imperative at the head of its sentence: "But consider ...",
# "Or support ...", "Please know ...", "So remember ...".
_LEADING_DEPS = frozenset({"cc", "intj", "advmod", "punct", "discourse"})
_NOT_IMPERATIVE_DEPS = frozenset({"nsubj", "nsubjpass", "expl", "aux", "auxpass", "csubj"})


def is_imperative(doc: Doc, a: Attribution) -> bool:
    """Whether the cue is a bare verb that opens its sentence as its root, with no subject
    or auxiliary: an order or invitation to the reader. PolNeAR train: 4 of 15 such kept
    claims are annotated (two "Think ..." asides, a headline "Expect ...")."""
    if a.cue_token is None or a.mode == "direct":
        return False
    verb = doc[a.cue_token]
    if verb.tag_ != "VB" or verb.dep_ != "ROOT":
        return False
    if any(c.dep_ in _NOT_IMPERATIVE_DEPS for c in verb.children):
        return False
    return all(doc[i].dep_ in _LEADING_DEPS and doc[i].head.i == verb.i for i in range(verb.sent.start, verb.i))
