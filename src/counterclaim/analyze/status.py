"""How a claim is sourced (status), its hedges and its negation.

A claim keeps the strongest applicable status: the one that says most about the doubt the
article casts on it. Hedges inside a direct quote belong to the speaker: they are kept in
``hedges`` but do not turn an attributed claim into a hedged one.
"""

from __future__ import annotations

import re
from typing import NamedTuple

from . import cues

# Strongest first.
STATUS_ORDER = ("purported", "alleged", "reported", "hedged", "attributed", "asserted")

ALLEGED = re.compile(r"\b(allegedly|alleged|accused of|accusing|accuses|accusation)\b", re.I)
PURPORTED = re.compile(
    r"\b(purportedly|purported|purporting|claiming to show|claims to show|claimed to show|"
    r"said to show|appears to show|appeared to show|circulating on social media|"
    r"circulated on social media|circulating online|shared on social media|"
    r"could not be (independently )?verified|unverified (video|footage|images?|photos?))\b",
    re.I,
)
REPORTED = re.compile(r"\b(reportedly|according to reports|there (were|are|have been) reports)\b", re.I)
HEDGES = re.compile(r"\b(" + "|".join(re.escape(h) for h in cues.HEDGE_WORDS) + r")\b", re.I)
NEGATION = re.compile(r"\b(not|n't|never|no|none|nobody|nothing|neither|nor|without)\b", re.I)


class StatusResult(NamedTuple):
    status: str
    hedges: list[str]
    negated: bool


def classify(*, text: str, context: str, mode: str, source_kind: str, cue_lemma: str | None,
             quoted: list[tuple[int, int]] | None = None) -> StatusResult:
    """Status of a claim from its content ``text`` and the rest of its sentence ``context``.

    quoted: character spans of ``text`` that are inside quotation marks (the speaker's words).
    """
    outside = _outside_quotes(text, quoted or [])
    hedges = [m.group(0).lower() for m in HEDGES.finditer(text)]
    hedges += [m.group(0).lower() for m in HEDGES.finditer(context) if m.group(0).lower() not in hedges]
    candidates = []
    if PURPORTED.search(context) or PURPORTED.search(outside) or source_kind == "unverified":
        candidates.append("purported")
    if ALLEGED.search(context) or ALLEGED.search(outside) or cue_lemma in ("allege", "accuse"):
        candidates.append("alleged")
    if source_kind == "anonymous" or REPORTED.search(context) or REPORTED.search(outside):
        candidates.append("reported")
    if mode == "outlet":
        candidates.append("hedged" if HEDGES.search(outside) else "asserted")
    else:
        candidates.append("attributed")
    status = min(candidates, key=STATUS_ORDER.index)
    return StatusResult(status, hedges, bool(NEGATION.search(outside or text)))


def _outside_quotes(text: str, quoted: list[tuple[int, int]]) -> str:
    if not quoted:
        return text
    pieces, last = [], 0
    for start, end in sorted(quoted):
        pieces.append(text[last:start])
        last = max(last, end)
    pieces.append(text[last:])
    return " ".join(pieces)
