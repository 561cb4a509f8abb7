"""Kept candidates that misread the sentence, found by their shape (PolNeAR train, the
session-10 precision analysis: claims matching no annotation, grouped by rule and context):

- a content that runs over its own cue in one piece: the parse took the clause a stranded
  preposition or a fronted object sits in as what is said ("what Osei is talking about
  now", "whom Sadeq referred to"), and its source and cue sit inside it. What is said is
  at most the relative or question word, which tells a reader nothing: the claim is dropped,
  as is any whose content is such a word alone ("which the FHF denies");
- an imperative opening its sentence ("Call it a victory.", "Remember: ..."): the writer
  addressing the reader, with no one to be its source, and any claim whose content takes it
  in ("Consider what Sadeq said: ..."). Its sentence stays the outlet's.
"""

from __future__ import annotations

from spacy.tokens import Doc, Token

from .attribution_types import Attribution
from .spans import token_at


def without_own_cues(doc: Doc, found: list[Attribution]) -> list[Attribution]:
    """The kept attributions less those whose content holds its own cue or is a lone
    relative or question word ("what", "whom", "which": PolNeAR gold marks it so for "what
    Osei is talking about", but a ledger entry saying Osei claims "what" tells its reader
    nothing)."""
    return [a for a in found if not _holds_own_cue(a) and not _lone_relative_word(doc, a)]


def _holds_own_cue(a: Attribution) -> bool:
    """A one-piece content around its cue (an interrupted content that a parenthetical cue
    splits gets its pieces later, in :func:`attribution_parts.settle_spans`; until then it
    leaves the cue outside)."""
    return a.cue is not None and not a.parts and a.content[0] < a.cue[0] and a.cue[1] <= a.content[1]


_RELATIVE_TAGS = frozenset({"WP", "WDT"})


def _lone_relative_word(doc: Doc, a: Attribution) -> bool:
    word = token_at(doc, a.content[0])
    return (not a.parts and word.tag_ in _RELATIVE_TAGS and word.idx == a.content[0]
            and word.idx + len(word.text) == a.content[1])


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
    return _opens_as_imperative(doc[a.cue_token])


def takes_in_imperative(doc: Doc, a: Attribution) -> bool:
    """Whether the content reaches back over its sentence's imperative root from a clause
    that is the imperative's object: "Consider what Sadeq said: ..." read as Sadeq saying
    "Consider what ... the FHF is finished". The imperative is the writer's, so the reading
    is wrong. A cue set in the imperative as an aside ("Take action, they said, and ...") or
    after a quote keeps its claim."""
    if a.cue_token is None or a.mode == "direct":
        return False
    cue = doc[a.cue_token]
    if a.content[0] >= cue.idx:  # the common case, before the sentence is looked up
        return False
    root = cue.sent.root
    if root.i == cue.i or not a.content[0] <= root.idx < a.content[1] or not _opens_as_imperative(root):
        return False
    clause = next(t for t in cue.ancestors if t.head.i == root.i) if cue.head.i != root.i else cue
    return clause.dep_ in _OBJECT_DEPS


_OBJECT_DEPS = frozenset({"ccomp", "dobj", "xcomp"})


def _opens_as_imperative(verb: Token) -> bool:
    if verb.tag_ != "VB" or verb.dep_ != "ROOT":
        return False
    if any(c.dep_ in _NOT_IMPERATIVE_DEPS for c in verb.children):
        return False
    doc = verb.doc
    return all(doc[i].dep_ in _LEADING_DEPS and doc[i].head.i == verb.i for i in range(verb.sent.start, verb.i))
