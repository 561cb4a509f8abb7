"""The ``Attribution`` tuple the attribution rules produce (kept apart so that rule modules
can build one without importing each other)."""

from __future__ import annotations

from typing import NamedTuple

from .spans import CharSpan


class Attribution(NamedTuple):
    content: CharSpan
    parts: tuple[CharSpan, ...]
    cue: CharSpan | None
    cue_lemma: str | None
    cue_token: int | None  # token index of the cue's head word
    source: CharSpan | None
    source_token: int | None  # token index of the source phrase's head
    mode: str  # direct | indirect | mixed | according_to
    sentence: CharSpan


def content_mode(content: CharSpan, quotes) -> str:
    """direct when quotation marks cover the content, mixed when they cover part of it."""
    start, end = content
    quoted = 0
    for q in quotes:  # the overlap of each quote with the content (a loop: runs per candidate)
        if q.start < end and start < q.end:
            quoted += min(q.end, end) - max(q.start, start)
    if quoted == 0:
        return "indirect"
    return "direct" if quoted >= 0.9 * (content[1] - content[0]) else "mixed"
