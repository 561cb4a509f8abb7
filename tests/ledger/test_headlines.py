"""Headline claims in the ledger: stored with their field, anchored by name, and a headline
restating a body claim of the same party adds no second party row (SQLite and PostgreSQL)."""

from __future__ import annotations

from sqlalchemy import func, select, text

from counterclaim.ledger import Ledger
from counterclaim.ledger.tables import claim_tags, claims, cluster_members, schema_migrations
from counterclaim.model import Claim, Cue, Source

from builders import ARMY, RESIDENT, build

BODY = [(ARMY, "OAF fighters captured Dalmar after three days of fighting", "said"),
        (RESIDENT, "gunfire could still be heard near the old town of Dalmar", "said")]


def with_headline(title: str, speaker: str, content: str, entity: str | None, kind="named",
                  status="attributed"):
    """A report whose title ``speaker: content`` is a headline claim of ``entity``."""
    report = build(BODY, title=title)
    at = title.index(content)
    report.headline_claims.append(Claim(
        id="h1", field="title", text=content, span=(at, at + len(content)),
        source=Source(text=speaker, span=(0, len(speaker)), entity=entity, kind=kind),
        cue=Cue(text=":", lemma=":", span=(len(speaker), len(speaker) + 1)),
        mode="direct", status=status, date="2026-03-02"))
    return report


def army_headline(status="attributed"):
    report = build(BODY)
    army = report.claims[0].source.entity
    return with_headline("Sadeq: OAF fighters captured Dalmar", "Sadeq",
                         "OAF fighters captured Dalmar", army, status=status)


def members(ledger, cluster_id: str) -> list:
    with ledger.engine.connect() as conn:
        return conn.execute(select(cluster_members.c.party, cluster_members.c.claim_id)
                            .where(cluster_members.c.cluster_id == cluster_id)).all()


def stored_claims(ledger, article_id: str) -> dict[str, tuple]:
    with ledger.engine.connect() as conn:
        rows = conn.execute(select(claims.c.local_id, claims.c.field, claims.c.cluster_id)
                            .where(claims.c.article_id == article_id)).all()
    return {local: (field, cluster) for local, field, cluster in rows}


def test_headline_claim_is_stored_and_returned_with_its_field(ledger):
    report = army_headline()
    ledger.add(report)
    stored = stored_claims(ledger, report.article.id)
    assert stored["h1"][0] == "title" and stored["c1"][0] == "text"
    listed = {row.id.split(":")[1]: row.field for row in ledger.claims(article_id=report.article.id)}
    assert listed["h1"] == "title" and listed["c1"] == "text"
    [again] = [c for c in ledger.article(report.article.id).headline_claims if c.id == "h1"]
    assert again.field == "title" and again.span == report.headline_claims[-1].span


def test_headline_restating_a_body_claim_does_not_count_twice(ledger):
    # Hedged in the headline, attributed in the body: two roles (reports, asserts) would give
    # the party two rows on the cluster if the headline counted on its own.
    report = army_headline(status="hedged")
    ledger.add(report)
    stored = stored_claims(ledger, report.article.id)
    assert stored["h1"][1] == stored["c1"][1]  # the body claim's cluster
    rows = members(ledger, stored["c1"][1])
    assert len(rows) == 1 and rows[0].claim_id.endswith(":c1")
    [headline] = [d for d in ledger.claims(cluster_id=stored["c1"][1])
                 if d.id.endswith(":h1")]
    assert headline.field == "title"


def test_headline_of_another_party_stands_on_its_own(ledger):
    report = with_headline("Vorna council: OAF fighters captured Dalmar", "Vorna council",
                           "OAF fighters captured Dalmar", None, kind="unnamed")
    ledger.add(report)
    stored = stored_claims(ledger, report.article.id)
    rows = members(ledger, stored["h1"][1])
    assert any(r.claim_id.endswith(":h1") for r in rows)


def tags_of(ledger, claim_id: str) -> list[str]:
    with ledger.engine.connect() as conn:
        return conn.execute(select(claim_tags.c.tag).where(
            claim_tags.c.claim_id == claim_id)).scalars().all()


def test_headline_claim_is_anchored_by_the_names_it_contains(ledger):
    report = with_headline("Vorna council: OAF fighters captured Dalmar", "Vorna council",
                           "OAF fighters captured Dalmar", None, kind="unnamed")
    ledger.add(report)
    assert "p:dalmar" in tags_of(ledger, f"{report.article.id}:h1")


def test_a_restating_headline_adds_no_count_at_its_places(ledger):
    report = army_headline()
    ledger.add(report)
    assert tags_of(ledger, f"{report.article.id}:h1") == []
    dalmar = next(p for p in ledger_places(ledger) if p["name"] == "Dalmar")
    assert dalmar["n_claims"] == 2  # the two body claims naming it, not the headline


def ledger_places(ledger) -> list[dict]:
    from counterclaim.serve.lookup import places_list

    return [p.model_dump() for p in places_list(ledger.engine)]


def test_readding_an_article_with_a_headline_claim_changes_nothing(ledger):
    report = army_headline()
    ledger.add(report)
    with ledger.engine.connect() as conn:
        before = (conn.execute(select(func.count()).select_from(claims)).scalar(),
                  conn.execute(select(func.count()).select_from(cluster_members)).scalar())
    assert ledger.add(report).status == "present"
    with ledger.engine.connect() as conn:
        after = (conn.execute(select(func.count()).select_from(claims)).scalar(),
                 conn.execute(select(func.count()).select_from(cluster_members)).scalar())
    assert after == before


def test_migration_adds_the_field_to_an_older_ledger(db_url):
    report = build([(ARMY, "OAF troops withdrew from Vorna overnight", "said")])
    with Ledger(db_url, stance=None) as ledger:
        ledger.add(report)
        with ledger.engine.begin() as conn:  # as a version-6 ledger was
            conn.execute(text("ALTER TABLE claims DROP COLUMN field"))
            conn.execute(schema_migrations.delete().where(schema_migrations.c.version == 7))
    with Ledger(db_url, stance=None) as reopened:
        assert {f for f, _ in stored_claims(reopened, report.article.id).values()} == {"text"}
        reopened.add(army_headline())
        assert {f for f, _ in stored_claims(reopened, army_headline().article.id).values()} \
            == {"text", "title"}


def _claim(claim_id: str, field: str, source: str):
    from counterclaim.model import Claim, Source

    return Claim(id=claim_id, text="talks a trap", span=(0, 12), field=field,
                 source=Source(text=source, kind="named"), mode="indirect", status="attributed")


def test_a_short_headline_in_its_party_body_claim_cluster_echoes_it():
    from counterclaim.ledger.headlines import echoes_by_cluster

    claims = [_claim("c1", "text", "FHF"), _claim("c2", "text", "army"),
              _claim("h1", "title", "FHF"), _claim("h2", "title", "Vorna council")]
    assigned = {"c1": ("k1", False), "c2": ("k2", False), "h1": ("k1", False),
                "h2": ("k2", False)}
    found = echoes_by_cluster(claims, assigned, {}, lambda c: c.source.text)
    assert found == {"h1": "c1"}  # the council's headline is another party: it stands
    assert echoes_by_cluster(claims, assigned, {"h1": "c1"}, lambda c: c.source.text) == {}
