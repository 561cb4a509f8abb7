"""A claim's role on its cluster: asserts, reports, denies or contradicts.

In order: a claim made with a denial verb ("X denied that ...") ``denies`` its proposition. A
claim that joined a cluster stored before it is judged by the optional stance model (the
article's text against the cluster's representative, its first claim): agree → ``asserts``,
disagree → ``contradicts``, discuss → ``reports`` (the article relays the claim without
taking it up). The model goes before the claim's own negation flag because that flag fires
on any negation in the span ("had no idea she was pregnant"): on half of Emergent's claims
the model-first order scored 0.72 against 0.68 (see ``eval/matching.py``). Otherwise (no
model, a new cluster, a syndicated copy, an "unrelated" verdict) a negated claim ``denies``,
and else its status decides: reported, alleged, purported or hedged → ``reports``, anything
else ``asserts`` (an outlet stating a thing in its own voice asserts it).

The representative's text is a claim's content without its wrapper ("Lebanon captured
Baghdadi's wife" from "Iraq denies Lebanon captured ..."), so it is seldom itself a denial; a
representative that is one gets inverted labels from the model (a known gap).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Callable

from sqlalchemy import Connection, bindparam, select

from counterclaim.analyze.cues import DENIAL_LEMMAS
from counterclaim.model import Claim

from .tables import clusters

if TYPE_CHECKING:
    from .matching import ClaimFacts

DENIAL_CUES = DENIAL_LEMMAS  # the analyzer's denial lexicon: one list of what counts as denying
HELD_AT_A_DISTANCE = frozenset({"reported", "alleged", "purported", "hedged"})
STANCE_ROLE = {"agree": "asserts", "disagree": "contradicts", "discuss": "reports"}

_REPRESENTATIVE = select(clusters.c.text).where(
    clusters.c.id == bindparam("cid"))


def status_role(claim: Claim) -> str:
    return "reports" if claim.status in HELD_AT_A_DISTANCE else "asserts"


def stance_role(conn: Connection, stance_fn: Callable[..., str], text: str,
                cluster_id: str, source: str | None = None) -> str | None:
    """The role the stance model gives an article toward a cluster, or None (unrelated).

    source: the article's URL or outlet, passed on to the model."""
    row = conn.execute(_REPRESENTATIVE, {"cid": cluster_id}).first()
    if row is None:
        return None
    return STANCE_ROLE.get(stance_fn(row.text, text, source=source))


def role(conn: Connection, ctx, claim: Claim, facts: ClaimFacts, cluster_id: str,
         joined: bool) -> str:
    """The claim's role on ``cluster_id`` (see the module docstring).

    ctx: ingest's ClaimContext (its stance_fn, report and syndication status are read).
    joined: the cluster was stored before this article (else the claim is its representative).
    """
    if facts.against and claim.cue is not None and claim.cue.lemma.lower() in DENIAL_CUES:
        return "denies"
    if joined and ctx.stance_fn is not None and ctx.status != "syndicated":
        article = ctx.report.article
        found = stance_role(conn, ctx.stance_fn, article.text, cluster_id,
                            source=article.url or article.outlet)
        if found:
            return found
    if facts.against:
        return "denies"
    return status_role(claim)
