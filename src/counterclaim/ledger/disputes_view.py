"""A claim cluster as a ``Dispute``: its parties on each side, outlets, statuses.

Building one reads every member row of the cluster and the outlets of its stories: a page of
50 recent (large) disputes at 100k articles gathers ~2,000 rows into ~1,500 parties, ~35 ms
of CPU per request. So ingest keeps each cluster's Dispute as JSON in ``dispute_summary``
(``summaries.py``), rebuilt for the clusters a batch touched and for those whose stories a
syndicated copy joined (a new outlet); queries read the stored JSON and build live only a
cluster that has none.
"""

from __future__ import annotations

from collections import defaultdict

from pydantic import TypeAdapter
from sqlalchemy import Select, select

from .results import Dispute
from .tables import AGAINST_ROLES, appearances, cluster_members

DISPUTES = TypeAdapter(list[Dispute])


def outlets_of(conn, story_ids) -> dict[str, list[str]]:
    """Story id → every outlet that ran it, in order of appearance.

    story_ids: a list, or a select of story ids (no parameter per id: a page of disputes
    reaches a thousand stories)."""
    if not isinstance(story_ids, Select):
        story_ids = sorted(set(story_ids))
        if not story_ids:
            return defaultdict(list)
    rows = conn.execute(select(appearances.c.story_id, appearances.c.outlet)
                        .where(appearances.c.story_id.in_(story_ids))
                        .order_by(appearances.c.day, appearances.c.outlet))
    found: dict[str, dict[str, None]] = defaultdict(dict)
    for story_id, outlet in rows:
        if outlet:
            found[story_id][outlet] = None
    return defaultdict(list, {story: list(names) for story, names in found.items()})


def _party(member, roles: dict, claims: dict, stories: dict, outlets) -> dict:
    """A party as a plain dict: its roles, claims, and the outlets of its stories, in order."""
    _, _, party, _, name, kind, _, _, day = member
    return {"id": party, "name": name or party, "kind": kind or "", "roles": list(roles),
            "first_seen": day, "claims": list(claims),
            "outlets": list(dict.fromkeys(o for story in stories for o in outlets[story]))}


def _dispute(row, members, outlets) -> dict:
    sides: dict[tuple[bool, str], tuple] = {}  # (against?, party) -> first row, roles...
    stories, statuses = {}, {}
    for m in members:
        _, story_id, party, role, _, _, claim_id, status, _ = m
        side = sides.get((role in AGAINST_ROLES, party))
        if side is None:
            side = sides[(role in AGAINST_ROLES, party)] = (m, {}, {}, {})
        side[1][role] = side[2][claim_id] = side[3][story_id] = stories[story_id] = None
        if status:
            statuses[status] = None
    parties = {key: _party(*side, outlets) for key, side in sides.items()}
    return {"cluster_id": row.id, "text": row.text, "first_seen": row.first_seen,
            "last_seen": row.last_seen,
            "claimants": [p for (against, _), p in parties.items() if not against],
            "deniers": [p for (against, _), p in parties.items() if against],
            "outlets": list(dict.fromkeys(o for story in stories for o in outlets[story])),
            "statuses": list(statuses), "n_stories": len(stories),
            "disputed": bool(row.disputed)}


def build_disputes(conn, rows) -> list[dict]:
    """Disputes (as JSON-ready dicts, in the order of ``rows``) built from the member rows.

    Members are read in a total order (day, claim, party, role), so the same cluster gives
    the same parties in the same order whatever else is read with it, on both databases."""
    ids = [row.id for row in rows]
    if not ids:
        return []
    c = cluster_members.c
    in_page = c.cluster_id.in_(ids)
    members = conn.execute(select(c.cluster_id, c.story_id, c.party, c.role, c.party_name,
                                  c.party_kind, c.claim_id, c.status, c.day)
                           .where(in_page).order_by(c.day, c.claim_id, c.party, c.role)).all()
    outlets = outlets_of(conn, select(c.story_id).where(in_page))
    by_cluster = defaultdict(list)
    for m in members:
        by_cluster[m[0]].append(m)
    return [_dispute(row, by_cluster[row.id], outlets) for row in rows]


def disputes_for(conn, rows) -> list[Dispute]:
    """Dispute objects for cluster rows: the JSON ingest stored, else built now."""
    from .summaries import stored_disputes

    stored = stored_disputes(conn, [row.id for row in rows])
    missing = [row for row in rows if row.id not in stored]
    built = dict(zip((row.id for row in missing), build_disputes(conn, missing)))
    return DISPUTES.validate_python([stored.get(row.id) or built[row.id] for row in rows])
