"""One report into the ledger's rows; called inside the caller's transaction.

Order: story (syndication check), article, entities, places/events/times, claims. Each claim
joins or starts a claim cluster and gives its party a role on it: ``denies`` when the claim
negates or denies its content, ``contradicts`` when the optional stance model says the article
disagrees, ``reports`` for the outlet's own voice or reported speech, else ``asserts``. A
``denies``/``contradicts``/``supports`` relation puts the relating claim's party on the
*target* claim's cluster. Roles are stored once per (cluster, story, party), so a syndicated
copy adds its outlet to the story but no second vote. A cluster is disputed when it has
parties on both sides.

Speed: the rows nothing reads back during ingest (appearances, claims, tags, members,
places, events, full-text rows) wait in a ``Batch`` and are written with one ``executemany``
per table when the transaction's articles are all added; the clusters' counts are refreshed
then, once per touched cluster, and the summaries the API reads (``summaries.py``) updated.
Rows that later articles of the same transaction must find (articles, LSH bands, stories,
entities, clusters, blocking keys) are written at once. The caller's transaction still holds
whole articles only: it commits or rolls back as one, summaries included.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from datetime import datetime, timezone
from typing import Callable

from sqlalchemy import Connection, bindparam, case, func, select, text, update

from counterclaim.model import Claim, Report

from . import headlines, matching, summaries, syndication
from .engine import insert_ignore, insert_rows
from .tables import (  # noqa: F401  (the roles are also read from here)
    AGAINST_ROLES, FOR_ROLES, appearances, article_entities, articles, claim_tags, claims,
    cluster_members, cluster_tags, clusters, events, lsh_bands, places, relations, stories, times,
)
from .text import day_of, name_key

RELATION_ROLE = {"denies": "denies", "contradicts": "contradicts", "supports": "supports"}
# (claim text, article text, source=the article's URL or outlet) -> agree|disagree|...
StanceFn = Callable[..., str]


def article_day(report: Report) -> str | None:
    a = report.article
    return day_of(a.published) or day_of(a.dateline.date if a.dateline else None)


class Batch:
    """One transaction's articles: which are stored, and rows written at ``flush``."""

    # Parents before children (foreign keys are checked per statement); True: skip duplicates.
    DEFERRED = ((appearances, False), (article_entities, False), (places, True), (events, True),
                (times, True), (claims, False), (claim_tags, True), (cluster_tags, True),
                (relations, True), (cluster_members, True))

    def __init__(self, conn: Connection, article_ids: Sequence[str]):
        self.rows: dict = defaultdict(list)
        self.touched: set[str] = set()
        self.copied: set[str] = set()  # stories a syndicated copy joined (new outlets)
        self.stored: dict[str, str] = {}  # article id -> story id, for the presence check
        ids = sorted(set(article_ids))
        if ids:
            self.stored.update(conn.execute(_STORED, {"ids": ids}).all())

    def add(self, table, rows: list[dict]) -> None:
        self.rows[table].extend(rows)

    def flush(self, conn: Connection) -> None:
        """Write the deferred rows, recount the clusters the articles touched, then bring the
        summaries up to date: counts, and the stored Dispute of every cluster touched or
        reached by a syndicated copy (its story's outlets grew)."""
        for table, ignore in self.DEFERRED:
            if self.rows[table]:
                (insert_ignore if ignore else insert_rows)(conn, table, self.rows[table])
        if conn.dialect.name == "sqlite":
            for name, statement in _SQLITE_FTS.items():
                if self.rows[name]:
                    conn.execute(statement, self.rows[name])
        disputed_before = _disputed_flags(conn, self.touched)
        flipped = refresh_clusters(conn, self.touched, disputed_before)
        self._count(conn, disputed_before, flipped)
        reached = summaries.clusters_of_stories(conn, self.copied)
        summaries.refresh_disputes(conn, self.touched | reached)
        self.rows.clear()
        self.touched.clear()
        self.copied.clear()

    def _count(self, conn: Connection, disputed_before: dict, flipped: dict) -> None:
        """Keep the summary tables (``summaries.py``) equal to a recount, in this transaction."""
        rows = self.rows
        summaries.add_places(conn, rows[places], rows[events])
        summaries.add_entity_links(conn, rows[article_entities])
        summaries.add_claims(conn, rows[claims], rows[claim_tags], disputed_before)
        summaries.move_flipped(conn, flipped)


_STORED = select(articles.c.id, articles.c.story_id).where(
    articles.c.id.in_(bindparam("ids", expanding=True)))
_SQLITE_FTS = {
    "fts_articles": text("INSERT INTO fts_articles (title, text, article_id) VALUES "
                         "(:title, :text, :article_id)"),
    "fts_claims": text("INSERT INTO fts_claims (text, claim_id, article_id) VALUES "
                       "(:text, :id, :article_id)"),
}
_ADD_TO_STORY = update(stories).where(stories.c.id == bindparam("sid")).values(
    n_articles=stories.c.n_articles + 1)


def _store_article(conn: Connection, report: Report, day: str | None, batch: Batch):
    """Story lookup, then the article, its appearance and its LSH bands. → (story id, status)"""
    a = report.article
    sig = syndication.signature(a.text)
    match = syndication.find_story(conn, sig)
    if match:
        story_id, status = match.story_id, "syndicated"
        batch.copied.add(story_id)
        conn.execute(_ADD_TO_STORY, {"sid": story_id})
    else:
        story_id, status = a.id, "new"
        insert_rows(conn, stories, [{"id": story_id, "lead_article_id": a.id, "title": a.title,
                                     "first_seen": day, "n_articles": 1}])
    insert_rows(conn, articles, [{
        "id": a.id, "title": a.title, "outlet": a.outlet, "url": a.url,
        "published": a.published, "day": day,
        "dateline_date": day_of(a.dateline.date) if a.dateline else None, "text": a.text,
        "story_id": story_id, "minhash": sig.tobytes(), "report": report.to_dict(),
        "added_at": datetime.now(timezone.utc).isoformat(timespec="seconds")}])
    batch.add(appearances, [{"story_id": story_id, "article_id": a.id, "outlet": a.outlet,
                             "day": day,
                             "similarity": round(100 * match.similarity) if match else 100}])
    insert_rows(conn, lsh_bands, syndication.band_rows(a.id, sig))
    batch.add("fts_articles", [{"title": a.title or "", "text": a.text, "article_id": a.id}])
    return story_id, status


def _store_geo(report: Report, day: str | None, batch: Batch) -> None:
    aid = report.article.id
    batch.add(places, [
        {"article_id": aid, "local_id": p.id, "key": name_key(p.name), "name": p.name,
         "lat": p.lat, "lon": p.lon, "country": p.country, "admin1": p.admin1,
         "feature": p.feature, "geonames_id": p.geonames_id, "precision": p.precision}
        for p in report.places])
    batch.add(events, [
        {"article_id": aid, "local_id": e.id, "type": e.type, "subtype": e.subtype,
         "day": day_of(e.date) or day, "place_local_id": e.place, "status": e.status,
         "data": e.model_dump(mode="json")} for e in report.events])
    batch.add(times, [
        {"article_id": aid, "local_id": t.id, "text": t.text, "value": t.value,
         "grain": t.grain} for t in report.times])


def _anchors(report: Report, claim: Claim, links: dict[str, str]) -> list[str]:
    """Tags of the entities and places mentioned inside the claim's span, in order."""
    if claim.field == "title":  # the mentions are spans in the body
        return headlines.title_anchors(report, claim, links)
    start, end = claim.span
    found: list[tuple[int, str]] = []
    for entity in report.entities:
        for m_start, m_end in entity.mentions:
            if start <= m_start and m_end <= end:
                tag = (f"p:{name_key(entity.name)}" if entity.type == "place"
                       else f"e:{links[entity.id]}")
                found.append((m_start, tag))
    for place in report.places:
        found += [(m[0], f"p:{name_key(place.name)}") for m in place.mentions
                  if start <= m[0] and m[1] <= end]
    return list(dict.fromkeys(tag for _, tag in sorted(found)))


def _party(claim: Claim, links: dict[str, str], outlet: str | None,
           names: dict[str, str] | None = None) -> dict:
    source = claim.source
    if source.entity and source.entity in links:
        # The entity's name, not the words that referred to it ("she", "the spokeswoman").
        name = (names or {}).get(source.entity) or source.text
        return {"party": links[source.entity], "party_name": name,
                "party_kind": "entity", "entity_id": links[source.entity]}
    if source.kind == "outlet":
        return {"party": f"outlet:{outlet or 'unknown'}", "party_name": outlet or "(outlet)",
                "party_kind": "outlet", "entity_id": None}
    label = name_key(source.text or "") or source.kind
    return {"party": f"source:{label}", "party_name": source.text or source.kind,
            "party_kind": source.kind, "entity_id": None}


def _within_article(facts: matching.ClaimFacts, fresh: list[tuple[matching.ClaimFacts, str]]):
    """A cluster started earlier in this same article that the claim also states, if any."""
    keys = set(matching.blocking_keys(facts))
    for other, cluster_id in fresh:
        if keys & set(matching.blocking_keys(other)) and matching.similar(
                facts, other.signature, " ".join(other.anchors)) >= matching.THRESHOLD:
            return cluster_id
    return None


class ClaimContext:
    """What storing one article's claims needs to know about the article."""

    def __init__(self, report: Report, links: dict[str, str], story_id: str, status: str,
                 day: str | None, stance_fn: StanceFn | None):
        self.report, self.links, self.story_id, self.status = report, links, story_id, status
        self.names = {entity.id: entity.name for entity in report.entities}
        self.day, self.stance_fn = day, stance_fn
        self.aid = report.article.id

    def party(self, claim: Claim) -> dict:
        return _party(claim, self.links, self.report.article.outlet, self.names)

    def gid(self, local_id: str) -> str:
        return f"{self.aid}:{local_id}"


def _assign_clusters(conn: Connection, ctx: ClaimContext, facts: dict[str, matching.ClaimFacts]):
    """(claim id → (cluster id, joined an existing cluster?), echoes: headline claim id → the
    body claim it restates), creating new clusters. A headline claim that restates a body
    claim of its party goes to that claim's cluster."""
    def party_of(claim: Claim) -> str:
        return ctx.party(claim)["party"]

    echoes = headlines.echoes(ctx.report.all_claims(), facts, party_of)
    matchable = [f for c in ctx.report.all_claims() if c.id not in echoes
                 and matching.is_matchable(c, (f := facts[c.id]).terms)]
    joined = matching.match_clusters(conn, matchable)
    assigned, fresh, new_rows, key_rows = {}, [], [], []
    matchable_ids = {f.claim_id for f in matchable}
    # Body claims first (a stable sort): a headline claim may take a body claim's cluster.
    for claim in sorted(ctx.report.all_claims(), key=lambda c: c.field == "title"):
        f = facts[claim.id]
        if claim.id in echoes:
            assigned[claim.id] = assigned[echoes[claim.id]]
        elif f.claim_id in joined:
            assigned[claim.id] = (joined[f.claim_id][0], True)
        else:
            own = _within_article(f, fresh) if f.claim_id in matchable_ids else None
            assigned[claim.id] = (own or f.claim_id, False)
            if own is None:
                new_rows.append({"id": f.claim_id, "text": claim.text, "terms": f.signature,
                                 "anchors": " ".join(f.anchors),
                                 "negated": f.against, "first_seen": f.day, "last_seen": f.day,
                                 "n_for": 0, "n_against": 0, "disputed": False})
                if f.claim_id in matchable_ids:
                    fresh.append((f, f.claim_id))
        if f.claim_id in matchable_ids and ctx.status != "syndicated":
            key_rows += matching.key_rows(f, assigned[claim.id][0])
    insert_rows(conn, clusters, new_rows)
    matching.store_keys(conn, key_rows)
    echoes.update(headlines.echoes_by_cluster(ctx.report.all_claims(), assigned, echoes, party_of))
    return assigned, echoes


def _store_claims(conn: Connection, ctx: ClaimContext, batch: Batch) -> None:
    """Claims, their tags, clusters and memberships; marks the clusters touched."""
    report, outlet = ctx.report, ctx.report.article.outlet
    facts = {c.id: matching.facts_of(ctx.gid(c.id), c, _anchors(report, c, ctx.links),
                                     day_of(c.date) or ctx.day) for c in report.all_claims()}
    assigned, echoes = _assign_clusters(conn, ctx, facts)
    claim_rows, tag_rows, member_rows, cluster_tag_pairs = [], [], [], set()
    for claim in report.all_claims():
        f, (cluster_id, joined) = facts[claim.id], assigned[claim.id]
        party = ctx.party(claim)
        claim_rows.append({
            "id": f.claim_id, "article_id": ctx.aid, "local_id": claim.id, "text": claim.text,
            "field": claim.field,
            "span_start": claim.span[0], "span_end": claim.span[1],
            "source_entity_id": party["entity_id"], "source_text": claim.source.text,
            "source_kind": claim.source.kind, "cue_lemma": claim.cue.lemma if claim.cue else None,
            "channel": claim.channel, "mode": claim.mode, "status": claim.status,
            "negated": claim.negated, "day": f.day, "cluster_id": cluster_id,
            "lead": ctx.status != "syndicated"})
        if claim.id in echoes:
            # Its party already stands on the cluster through the body claim, and its tags
            # would count the proposition twice at the places it names.
            continue
        tag_rows += [{"tag": tag, "claim_id": f.claim_id, "day": f.day} for tag in f.anchors]
        cluster_tag_pairs.update((tag, cluster_id) for tag in f.anchors)
        role = matching.role(conn, ctx, claim, f, cluster_id, joined)
        member_rows.append({**party, "cluster_id": cluster_id, "story_id": ctx.story_id,
                            "role": role, "claim_id": f.claim_id,
                            "article_id": ctx.aid, "outlet": outlet, "status": claim.status,
                            "day": f.day})
    batch.add(claims, claim_rows)
    batch.add(claim_tags, tag_rows)
    batch.add(cluster_tags, [{"tag": tag, "cluster_id": cluster_id}
                             for tag, cluster_id in sorted(cluster_tag_pairs)])
    member_rows += _relation_members(ctx, {c: a[0] for c, a in assigned.items()}, facts, batch)
    batch.add(cluster_members, member_rows)
    batch.add("fts_claims", claim_rows)
    batch.touched.update(row["cluster_id"] for row in member_rows)


def _relation_members(ctx: ClaimContext, cluster_of: dict[str, str],
                      facts: dict[str, matching.ClaimFacts], batch: Batch) -> list[dict]:
    """Store relations; a claim that denies another stands against the other's cluster."""
    by_id = {c.id: c for c in ctx.report.all_claims()}
    rows, members = [], []
    for rel in ctx.report.relations:
        if rel.from_ not in by_id or rel.to not in by_id:
            continue
        rows.append({"article_id": ctx.aid, "from_claim": ctx.gid(rel.from_),
                     "to_claim": ctx.gid(rel.to), "type": rel.type, "evidence": rel.evidence})
        source = by_id[rel.from_]
        members.append({**ctx.party(source),
                        "cluster_id": cluster_of[rel.to], "story_id": ctx.story_id,
                        "role": RELATION_ROLE[rel.type], "claim_id": ctx.gid(rel.from_),
                        "article_id": ctx.aid, "outlet": ctx.report.article.outlet,
                        "status": source.status, "day": facts[rel.from_].day})
    batch.add(relations, rows)
    return members


def _disputed_flags(conn: Connection, cluster_ids: set[str]) -> dict[str, bool]:
    if not cluster_ids:
        return {}
    return {cid: bool(flag) for cid, flag in conn.execute(_FLAGS, {"ids": sorted(cluster_ids)})}


def refresh_clusters(conn: Connection, cluster_ids: set[str],
                     disputed_before: dict[str, bool] | None = None) -> dict[str, bool]:
    """Recount sides, first/last seen and the disputed flag of the given clusters.

    → {cluster id: new flag} for the clusters whose flag changed from ``disputed_before``."""
    if not cluster_ids:
        return {}
    rows = conn.execute(_COUNT_SIDES, {"ids": sorted(cluster_ids)})
    values = [{"cid": cid, "n_for": n_for or 0, "n_against": n_against or 0,
               "disputed": bool(n_for) and bool(n_against), "first": first, "last": last}
              for cid, n_for, n_against, first, last in rows]
    if values:
        conn.execute(_REFRESH, values)
    before = disputed_before or {}
    return {v["cid"]: v["disputed"] for v in values
            if v["disputed"] != before.get(v["cid"], False)}


_m = cluster_members
_COUNT_SIDES = select(
    _m.c.cluster_id, func.sum(case((_m.c.role.in_(FOR_ROLES), 1), else_=0)),
    func.sum(case((_m.c.role.in_(AGAINST_ROLES), 1), else_=0)), func.min(_m.c.day),
    func.max(_m.c.day)).where(_m.c.cluster_id.in_(bindparam("ids", expanding=True))) \
    .group_by(_m.c.cluster_id)
_FLAGS = select(clusters.c.id, clusters.c.disputed).where(
    clusters.c.id.in_(bindparam("ids", expanding=True)))
_REFRESH = update(clusters).where(clusters.c.id == bindparam("cid")).values(
    n_for=bindparam("n_for"), n_against=bindparam("n_against"),
    disputed=bindparam("disputed"), first_seen=bindparam("first"), last_seen=bindparam("last"))


def add_reports(conn: Connection, reports: Sequence[Report],
                stance_fn: StanceFn | None = None) -> list[tuple[str, str]]:
    """Store reports in the open transaction, in order. → [(status, story id)] per report"""
    batch = Batch(conn, [r.article.id for r in reports])
    done = [add_report(conn, report, stance_fn, batch) for report in reports]
    batch.flush(conn)
    return done


def add_report(conn: Connection, report: Report, stance_fn: StanceFn | None = None,
               batch: Batch | None = None):
    """Store one report in the open transaction. → (status, story id)

    With ``batch``, some rows wait for ``batch.flush``; without, they are written now.
    """
    if batch is None:
        return add_reports(conn, [report], stance_fn)[0]
    aid = report.article.id
    if aid in batch.stored:
        return "present", batch.stored[aid]
    from .entities import link_entities

    day = article_day(report)
    story_id, status = _store_article(conn, report, day, batch)
    batch.stored[aid] = story_id
    links = link_entities(conn, report, day)
    batch.add(article_entities, [
        {"article_id": aid, "local_id": e.id, "entity_id": links[e.id], "name": e.name,
         "n_mentions": len(e.mentions)} for e in report.entities])
    _store_geo(report, day, batch)
    _store_claims(conn, ClaimContext(report, links, story_id, status, day, stance_fn), batch)
    return status, story_id
