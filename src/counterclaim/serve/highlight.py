"""Cut an article's text into pieces for highlighting its claims (pure; no HTML here).

The template renders each piece as escaped text, wrapped in a ``<mark>`` when a claim's
content, source or cue covers it. Claims nest (a quote inside a report of it), so a piece
names every claim covering it and, as ``claim``, the innermost one, which decides its colour.
"""

from __future__ import annotations

from typing import NamedTuple

from counterclaim.model import Claim, Report

N_COLOURS = 8


class Piece(NamedTuple):
    text: str
    claim: str | None  # innermost claim whose content covers the piece
    claims: tuple[str, ...]  # every claim whose content covers it, innermost first
    role: str | None  # "source" or "cue" when a claim's source or cue covers it
    owner: str | None  # the claim whose source or cue that is


class ClaimView(NamedTuple):
    claim: Claim
    colour: int  # index into the source palette
    denies: list[str]  # local ids of claims this one denies or contradicts
    denied_by: list[str]
    supports: list[str]
    supported_by: list[str]


def content_spans(claim: Claim) -> list[tuple[int, int]]:
    return [tuple(p) for p in claim.parts] or [tuple(claim.span)]


def source_key(claim: Claim) -> str:
    source = claim.source
    return source.entity or (source.text or "").lower() or f"kind:{source.kind}"


def pieces(text: str, claims: list[Claim]) -> list[Piece]:
    """``text`` cut at every claim, source and cue boundary, each piece with what covers it."""
    n = len(text)
    clip = lambda s, e: (max(0, min(s, n)), max(0, min(e, n)))  # noqa: E731
    contents = [(clip(*span), c) for c in claims for span in content_spans(c)]
    roles = [(clip(*c.source.span), "source", c.id) for c in claims if c.source.span]
    roles += [(clip(*c.cue.span), "cue", c.id) for c in claims if c.cue]
    cuts = {0, n}
    for (s, e), *_ in contents + roles:
        cuts.update((s, e))
    bounds = sorted(cuts)
    result = []
    for start, end in zip(bounds, bounds[1:]):
        if start >= end:
            continue
        covering = sorted(((e - s, c.id) for (s, e), c in contents if s <= start and end <= e))
        role = next(((kind, owner) for (s, e), kind, owner in roles
                     if s <= start and end <= e), (None, None))
        ids = tuple(cid for _, cid in covering)
        result.append(Piece(text[start:end], ids[0] if ids else None, ids, *role))
    return result


def claim_views(report: Report) -> list[ClaimView]:
    """Each claim with its colour (by source, in order of appearance: headline claims
    first) and its relations."""
    colours: dict[str, int] = {}
    views = []
    for claim in sorted(report.all_claims(), key=lambda c: (c.field != "title", tuple(c.span))):
        colour = colours.setdefault(source_key(claim), len(colours) % N_COLOURS)
        related = {"denies": [], "denied_by": [], "supports": [], "supported_by": []}
        for rel in report.relations:
            against = rel.type in ("denies", "contradicts")
            if rel.from_ == claim.id:
                related["denies" if against else "supports"].append(rel.to)
            if rel.to == claim.id:
                related["denied_by" if against else "supported_by"].append(rel.from_)
        views.append(ClaimView(claim, colour, **related))
    return views
