"""Sentences the outlet frames itself, which no candidate should take from it.

What pictures nobody is said to have put out show ("Images shared alongside the post showed
a column of black smoke", "Footage purportedly shows fighters raising their flag"): PolNeAR
counts such a sentence as an attribution, but pictures are no party; the outlet describes
them, and counterclaim keeps the sentence as the outlet's claim with its status (asserted,
or purported when the outlet hedges, see :mod:`status`). "Footage released by the army
shows ..." stays the army's claim (channel video).

The judge retrained on session 9's rules had begun taking "Images ... showed X" as a
sourceless claim; the status gold set (tests/data/status) keeps it the outlet's.
Candidates are dropped before the judge, in training as in use.
"""

from __future__ import annotations

from spacy.tokens import Doc, Token

from .attribution_types import Attribution

_MEDIA = frozenset("image images photo photos photograph photographs picture pictures footage video "
                   "videos clip clips imagery".split())
_DEPICTING = frozenset({"show", "depict"})


def outlet_framed(doc: Doc, a: Attribution, sentence_cues: set[int]) -> bool:
    """Whether the candidate is a depiction the outlet frames itself (see the module).
    sentence_cues: the cue words of every candidate in the article; a sentence that holds
    another claim keeps the depiction as a claim too, or the pictures' content would be
    nobody's ("Images ... showed X, but the army said they were fake")."""
    if a.cue_token is None:
        return False
    cue = doc[a.cue_token]
    if not _media_depiction(cue):  # the rare case first: the sentence scan is the dearer test
        return False
    sent = cue.sent
    return not any(sent.start <= i < sent.end and i != cue.i for i in sentence_cues)


def _media_depiction(cue: Token) -> bool:
    if cue.lemma_.lower() not in _DEPICTING:
        return False
    subject = next((c for c in cue.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    return subject is not None and subject.lower_ in _MEDIA and not _from_a_party(subject)


def _from_a_party(media: Token) -> bool:
    """"Footage released by the army", "the FHF's photos", "pictures from the ministry": a
    party put the pictures out, and what they show is its claim (channel video/photo)."""
    return any(w.dep_ in ("agent", "poss") or (w.dep_ == "prep" and w.lower_ in ("from", "by"))
               for w in media.subtree if w.i != media.i)
