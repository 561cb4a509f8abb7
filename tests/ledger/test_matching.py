"""Merging across articles: entities, claim clusters, disputes."""

from __future__ import annotations

from counterclaim.ledger import Ledger
from counterclaim.model import Entity

from builders import ARMY, REBEL, RESIDENT, build


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
