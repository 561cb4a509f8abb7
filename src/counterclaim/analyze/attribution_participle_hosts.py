"""The host of a participle the judge kept in its place.

"Osei said the front would hold Kessen, saying that the army had no reserves left": the parse
hangs "saying" on "hold", inside the reported clause, so the participle gets "the front" for
its source and, its cue lying inside the "said" content, the judge keeps one of the two and
may keep the participle. The host goes back in the participle's place;
:func:`attribution_bounds.participle_splits` then ends the host's content at the comma and
gives the participle the host's speaker, as when the judge keeps the host (unless it is the
reported party's own act: "said a rebel commander surrendered, acknowledging ...").
"""

from __future__ import annotations

from spacy.tokens import Doc

from .attribution_bounds import is_speech_participle
from .cue_parse import is_cue_verb
from .spans import text_of


def hosts_over_participles(doc: Doc, candidates, kept: list) -> list:
    """The kept attributions, each speech-act participle after a comma ("..., saying ...")
    replaced by the attribution whose content holds it when the judge dropped that one as
    nesting and nothing else kept clashes with it."""
    text = text_of(doc)
    taken = {a.cue_token for a in kept if a.cue_token is not None}
    cues = {a.cue_token for a, _finder, _score in candidates if a.cue_token is not None}
    kept = list(kept)
    for n, b in enumerate(kept):
        if not _comma_participle(doc, text, b):
            continue
        host = next((h for h, finder, _score in candidates
                     if finder in ("verb", "learned") and h.cue_token is not None and h.cue_token not in taken
                     and h.mode != "direct" and not h.parts and h.cue[1] <= h.content[0]
                     and h.content[0] < b.cue[0] and b.content[1] <= h.content[1]
                     and not any(ch.isalnum() for ch in text[b.content[1]:h.content[1]])
                     and "\n" not in text[h.cue[0]:b.cue[0]] and _reports_to(doc[b.cue_token], h.cue_token, cues)),
                    None)
        if host is None or any(_clash(host, other) for other in kept if other is not b):
            continue
        kept[n] = host
        taken.discard(b.cue_token)
        taken.add(host.cue_token)
    return kept


def _comma_participle(doc: Doc, text: str, a) -> bool:
    """A speech-act participle right after a comma, its content after it."""
    if a.cue_token is None or a.cue is None or a.mode == "direct" or a.parts:
        return False
    cue = doc[a.cue_token]
    return (is_speech_participle(cue) and a.cue[0] == cue.idx
            and text[:cue.idx].rstrip().endswith(",") and a.cue[0] < a.content[0])


def _reports_to(participle, host: int, cues: set[int]) -> bool:
    """Whether the host's cue is the first cue or verb of saying up the participle's heads
    ("Sadeq added, saying ..." inside what Osei "cannot say": the participle is Sadeq's)."""
    head = participle.head
    while head.i != host:
        if head.i in cues or is_cue_verb(head) or head.head.i == head.i:
            return False
        head = head.head
    return True


def _clash(a, b) -> bool:
    """One's cue inside the other's content."""
    return any(y.cue is not None and x.content[0] <= y.cue[0] and y.cue[1] <= x.content[1]
               for x, y in ((a, b), (b, a)))
