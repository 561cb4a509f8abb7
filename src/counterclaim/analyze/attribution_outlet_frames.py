"""Sentences the outlet frames itself, which no candidate should take from it.

Two forms PolNeAR counts as attributions but counterclaim reads as the outlet's own claim
with a status (see :mod:`status`), so that the claim keeps its whole proposition and its
denials can find it:

- what images nobody is said to have put out show: "Images shared alongside the post showed
  a column of black smoke", "Footage purportedly shows fighters raising their flag" —
  pictures are no party; the outlet describes them (asserted, or purported when it hedges).
  "Footage released by the army shows ..." stays the army's claim;
- "There were reports of gunfire near the palace": an existential "there are reports /
  rumours / claims of X" is the outlet reporting X on unnamed sources (status reported).

The judge's retrained models began taking both as sourceless claims with the content cut to
a word ("reports of | gunfire"), which lost the denial that answers them; the status gold
set (tests/data/status) keeps them the outlet's. Candidates are dropped before the judge,
in training as in use.
"""

from __future__ import annotations

from spacy.tokens import Doc, Token

from .attribution_types import Attribution

_MEDIA = frozenset("image images photo photos photograph photographs picture pictures footage video "
                   "videos clip clips imagery".split())
_DEPICTING = frozenset({"show", "depict"})
_REPORT_NOUNS = frozenset({"report", "rumour", "rumor", "claim", "allegation", "account"})


def outlet_framed(doc: Doc, a: Attribution) -> bool:
    """Whether the candidate is one of the outlet's own frames described above."""
    if a.cue_token is None:
        return False
    cue = doc[a.cue_token]
    return _media_depiction(cue) or _existential_report(cue)


def _media_depiction(cue: Token) -> bool:
    if cue.lemma_.lower() not in _DEPICTING:
        return False
    subject = next((c for c in cue.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    return subject is not None and subject.lower_ in _MEDIA and not _from_a_party(subject)


def _from_a_party(media: Token) -> bool:
    """"Footage released by the army", "the FHF's photos", "pictures from the ministry": a
    party put the pictures out, and what they show is its claim (channel video/photo)."""
    return any(w.dep_ in ("agent", "poss") or (w.dep_ == "prep" and w.lower_ == "from")
               for w in media.subtree if w.i != media.i)


def _existential_report(cue: Token) -> bool:
    """"There were reports of ...": the report noun is the attribute of an existential be."""
    if cue.lemma_.lower() not in _REPORT_NOUNS or cue.dep_ not in ("attr", "nsubj"):
        return False
    verb = cue.head
    return verb.lemma_ == "be" and any(c.dep_ == "expl" for c in verb.children)
