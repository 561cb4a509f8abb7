"""Merging across articles: entities, claim clusters (propositions, blocking, roles), disputes."""

from __future__ import annotations

from sqlalchemy import delete, func, select

from counterclaim.ledger import Ledger, matching_index
from counterclaim.ledger.matching_text import proposition, proposition_terms
from counterclaim.ledger.migrations import m0002_match_terms
from counterclaim.ledger.synthetic import generate
from counterclaim.ledger.tables import claims
from counterclaim.model import Entity

from builders import ARMY, REBEL, RESIDENT, build
from ledger.conftest import fresh_pg_database


def test_entities_merge_by_alias_acronym_and_surname(ledger):
    ledger.add(build([(REBEL, "FHF fighters hold every ridge above Dalmar", "said")]))
    later = build([(("Osei", "named", None, "person"), "OAF troops shelled Kessen at dawn",
                    "said")], day="2026-03-03")
    later.entities.append(Entity(id="e9", name="FHF", type="group", mentions=[]))
    ledger.add(later)
    osei = ledger.entity("Osei")
    assert osei.entity.name == "Lena Osei" and osei.entity.n_articles == 2
    assert {c.text for c in osei.claimed} == {"FHF fighters hold every ridge above Dalmar",
                                              "OAF troops shelled Kessen at dawn"}
    assert ledger.entity("FHF").entity.id == ledger.entity("Free Highlands Front").entity.id
    assert ledger.entity("Free Highlands Front").entity.n_articles == 2


def test_surname_alone_is_not_merged_when_ambiguous(ledger):
    ledger.add(build([(REBEL, "FHF fighters hold every ridge above Dalmar", "said")]))
    ledger.add(build([(("Marta Osei", "named", None, "person"), "OAF troops left Vorna",
                       "said")]))
    ledger.add(build([(("Osei", "named", None, "person"), "OAF troops shelled Kessen at dawn",
                       "said")]))
    lone = ledger.entity("Osei")
    assert lone.entity.name == "Osei"
    assert {e.name for e in lone.others} >= {"Lena Osei", "Marta Osei"} - {lone.entity.name}


def test_entity_ids_do_not_depend_on_ingest_order(tmp_path):
    a = build([(REBEL, "FHF fighters hold every ridge above Dalmar", "said")])
    b = build([(ARMY, "OAF fighters captured Dalmar", "said")], day="2026-03-03")
    ids = []
    for name, order in (("one.db", [a, b]), ("two.db", [b, a])):
        with Ledger(str(tmp_path / name), stance=None) as ledger:
            ledger.add_many(order)
            ids.append({n: ledger.entity(n).entity.id for n in ("Lena Osei", "Karim Sadeq",
                                                                 "FHF", "OAF")})
    assert ids[0] == ids[1]


def test_claim_denied_in_another_article_is_disputed(ledger):
    ledger.add(build([(ARMY, "OAF fighters captured Dalmar after three days of fighting",
                       "said")], outlet="Ostgrad Times", day="2026-03-02"))
    ledger.add(build([(REBEL, "OAF fighters had captured Dalmar", "denied"),
                      (RESIDENT, "families were leaving Kessen on foot", "said")],
                     outlet="Highland Courier", day="2026-03-03"))
    disputes = ledger.disputes()
    assert len(disputes) == 1
    dispute = disputes[0]
    assert [p.name for p in dispute.claimants] == ["Karim Sadeq"]
    assert [p.name for p in dispute.deniers] == ["Lena Osei"]
    assert dispute.outlets == ["Ostgrad Times", "Highland Courier"]
    assert (dispute.first_seen, dispute.last_seen) == ("2026-03-02", "2026-03-03")
    assert dispute.n_stories == 2
    assert [d.cluster_id for d in ledger.disputes(entity="Lena Osei")] == [dispute.cluster_id]
    assert ledger.disputes(entity="OAF") and ledger.disputes(place="Dalmar")
    assert ledger.disputes(place="Kessen") == []
    assert ledger.disputes(since="2026-03-04") == []
    profile = ledger.entity("Lena Osei")
    assert [d.cluster_id for d in profile.denied] == [dispute.cluster_id]


def test_negated_claim_stands_against_the_cluster(ledger):
    ledger.add(build([(ARMY, "OAF fighters captured Dalmar", "said")], day="2026-03-02"))
    ledger.add(build([(REBEL, "OAF fighters had not captured Dalmar", "insisted", True)],
                     day="2026-03-03"))
    [dispute] = ledger.disputes()
    assert [p.roles for p in dispute.deniers] == [["denies"]]


def test_relation_in_one_article_puts_the_denier_on_the_target(ledger):
    ledger.add(build([(ARMY, "OAF fighters captured Dalmar", "said"),
                      (REBEL, "it is a lie and our fighters hold every ridge", "said")],
                     relations=[("denies", 1, 0)]))
    [dispute] = ledger.disputes()
    assert dispute.text == "OAF fighters captured Dalmar"
    assert [p.name for p in dispute.deniers] == ["Lena Osei"]


def test_same_words_about_another_place_is_another_claim(ledger):
    ledger.add(build([(ARMY, "OAF fighters captured Dalmar", "said")]))
    ledger.add(build([(REBEL, "OAF fighters had captured Kessen", "denied")]))
    assert ledger.disputes() == []
    assert len({c.cluster_id for c in ledger.claims()}) == 2


def test_paraphrase_joins_the_cluster(ledger):
    ledger.add(build([(ARMY, "OAF fighters captured Dalmar after three days of fighting",
                       "said")]))
    ledger.add(build([(RESIDENT, "Dalmar was captured by OAF fighters on Sunday", "said")],
                     day="2026-03-03"))
    assert len({c.cluster_id for c in ledger.claims()}) == 1


def test_pluggable_stance_marks_contradiction(db_url):
    def stance(claim, text):
        return "disagree" if "exaggerated" in text else "discuss"

    with Ledger(db_url, stance=stance) as ledger:
        ledger.add(build([(ARMY, "OAF fighters captured Dalmar", "said")]))
        ledger.add(build([(RESIDENT, "OAF fighters captured Dalmar but the army exaggerated",
                           "said")], day="2026-03-03"))
        [dispute] = ledger.disputes()
        assert dispute.deniers[0].roles == ["contradicts"]



def test_stance_judge_is_told_the_joining_articles_outlet(db_url):
    seen = []

    def stance(claim, text, source=None):
        seen.append(source)
        return "disagree" if source == "Vorna Radio" else "agree"

    with Ledger(db_url, stance=stance) as ledger:
        ledger.add(build([(ARMY, "OAF fighters captured Dalmar", "said")]))
        ledger.add(build([(RESIDENT, "OAF fighters captured Dalmar", "said")],
                         outlet="Vorna Radio", day="2026-03-03",
                         prefix="Residents spoke by phone. "))
        [dispute] = ledger.disputes()
        assert seen == ["Vorna Radio"]
        assert dispute.deniers[0].roles == ["contradicts"]


# --- claim matching: propositions, blocking, roles (ledger/matching*.py) ---------------------


def _distinct(i: int) -> str:
    """A lead sentence of words no other article has, so that articles built alike are not
    taken for syndicated copies of each other."""
    return "Dispatch " + " ".join(f"w{i}q{j}" for j in range(14)) + ". "


def test_wrappers_and_polarity_do_not_change_the_proposition():
    plain = proposition_terms("OAF fighters captured Dalmar")
    for wrapped in ("Report: OAF fighters captured Dalmar",
                    "OAF fighters captured Dalmar, officials say",
                    "OAF fighters captured Dalmar - reports",
                    "The FHF denies that OAF fighters captured Dalmar",
                    "OAF fighters did not capture Dalmar",
                    "OAF fighters capture Dalmar is a hoax"):
        assert set(proposition_terms(wrapped)) == set(plain), wrapped
    # a wrapper is not cut when too little would be left of the claim
    assert proposition("Report: Dalmar") == "Report: Dalmar"


def _clusters(ledger):
    return {c.text: c.cluster_id for c in ledger.claims(limit=500)}


def test_wrapped_denial_by_the_outlet_joins_and_disputes(ledger):
    ledger.add(build([(ARMY, "OAF fighters captured the town of Dalmar on Tuesday", "said")],
                     day="2026-03-02"))
    ledger.add(build([(None, "report: OAF fighters capture Dalmar is a hoax", "")],
                     outlet="Highland Courier", day="2026-03-03"))
    [dispute] = ledger.disputes()
    assert [p.name for p in dispute.claimants] == ["Karim Sadeq"]
    assert [p.roles for p in dispute.deniers] == [["denies"]]


def test_a_match_is_found_past_many_clusters_sharing_common_words(ledger):
    """Blocking reads only the rarest terms' capped postings: 60 other clusters that share
    "OAF fighters shelled" and a place do not crowd out the one that matches."""
    ledger.add(build([(ARMY, "OAF fighters shelled the grain silos of Vorna", "said")],
                     day="2026-03-01"))
    for i in range(60):
        ledger.add(build([(ARMY, f"OAF fighters shelled {i + 2} trucks near Kessen", "said")],
                         day="2026-03-02", prefix=_distinct(i)))
    ledger.add(build([(RESIDENT, "the Vorna grain silos were shelled by OAF fighters",
                       "said")], day="2026-03-03"))
    clusters = _clusters(ledger)
    assert (clusters["the Vorna grain silos were shelled by OAF fighters"]
            == clusters["OAF fighters shelled the grain silos of Vorna"])
    assert len(set(clusters.values())) == 61


def test_postings_are_capped_per_term(ledger, monkeypatch):
    monkeypatch.setattr(matching_index, "POSTING_CAP", 5)
    for i in range(8):
        ledger.add(build([(ARMY, f"OAF fighters shelled {i + 2} trucks near Kessen", "said")],
                         day=f"2026-03-0{i + 1}", prefix=_distinct(i)))
    key = matching_index.term_key("truck")
    with ledger.engine.connect() as conn:
        found = matching_index.postings(conn, [key], None)
        frequencies = matching_index.document_frequencies(conn, {key})
    assert len(found[key]) == 5
    assert frequencies[key] == 8 and frequencies[matching_index.TOTAL_KEY] == 8


def test_stance_model_labels_give_roles(db_url):
    verdicts = {"Dalmar fell": "agree", "Dalmar remains contested": "discuss",
                "Dalmar unrelated": "unrelated"}

    def stance(claim, text):
        return next((label for cue, label in verdicts.items() if cue in text), "disagree")

    with Ledger(db_url, stance=stance) as ledger:
        ledger.add(build([(ARMY, "OAF fighters captured Dalmar", "said")], day="2026-03-01"))
        for i, cue in enumerate(verdicts):
            ledger.add(build([(RESIDENT, "OAF fighters captured Dalmar", "said"),
                              (None, f"{cue} and {i} more", "")],
                             day=f"2026-03-0{i + 2}", prefix=_distinct(i)))
        ledger.add(build([(REBEL, "OAF fighters captured Dalmar", "denied")],
                         prefix=_distinct(9) + "Dalmar fell, they say. ", day="2026-03-09"))
        [dispute] = ledger.disputes()
    parties = {p.name: p.roles for p in dispute.claimants + dispute.deniers}
    # the first claim: its status (asserts); agree → asserts, discuss → reports, unrelated →
    # status; a denial verb denies whatever the model says
    assert parties["Karim Sadeq"] == ["asserts"]
    assert parties["A resident"] == ["asserts", "reports"]
    assert [(p.name, p.roles) for p in dispute.deniers] == [("Lena Osei", ["denies"])]


def test_migration_2_indexes_claims_stored_before_it(db_url):
    with Ledger(db_url, stance=None) as ledger:
        ledger.add(build([(ARMY, "OAF fighters captured Dalmar", "said")], day="2026-03-01"))
        with ledger.engine.begin() as conn:  # as a version-1 ledger: the new index is empty
            for table in matching_index.match_metadata.sorted_tables:
                conn.execute(delete(table))
            m0002_match_terms.upgrade(conn)
        with ledger.engine.connect() as conn:
            n = conn.execute(select(func.count()).select_from(matching_index.match_claims))
            assert n.scalar() == 1
        ledger.add(build([(REBEL, "OAF fighters had captured Dalmar", "denied")],
                         day="2026-03-02"))
        assert len(ledger.disputes()) == 1


def _partition(url: str, reports) -> list[tuple[str, ...]]:
    """The ledger's clusters as sorted groups of claim ids (cluster ids are not compared)."""
    with Ledger(url, stance=None) as ledger:
        for start in range(0, len(reports), 100):
            ledger.add_many(reports[start:start + 100], batch_size=50)
        with ledger.engine.connect() as conn:
            rows = conn.execute(select(claims.c.id, claims.c.cluster_id)).all()
    groups: dict[str, list[str]] = {}
    for claim_id, cluster_id in rows:
        groups.setdefault(cluster_id, []).append(claim_id)
    return sorted(tuple(sorted(ids)) for ids in groups.values())


def test_sqlite_and_postgresql_group_the_same_claims(tmp_path, pg_server):
    # 300 articles over three days: many postings share a day, so the capped posting lists
    # must be cut in an order both backends agree on.
    reports = list(generate(300, seed=3, per_day=100))
    on_sqlite = _partition(str(tmp_path / "a.db"), reports)
    on_postgresql = _partition(fresh_pg_database(pg_server), reports)
    assert len(on_sqlite) > 50
    assert on_sqlite == on_postgresql
