"""Claim-matching evaluation: the pairwise scorer on hand-counted gold, and the runner end to end
on a tiny invented Emergent-shaped CSV (Ostria)."""

from __future__ import annotations

import csv

import pytest

from counterclaim.errors import DataError
from counterclaim.eval.matching import (
    cluster_stance, evaluate_matching, fuzzy_groups, pair_counts, read_headlines, split_of,
)

HEADLINES = [  # (claimId, headline, stance)
    ("c1", "FHF rebels captured the town of Dalmar, army sources say", "for"),
    ("c1", "Rebels of the FHF captured Dalmar on Tuesday", "for"),
    ("c1", "Ostrian army denies that FHF rebels captured Dalmar", "against"),
    ("c2", "Ostria's president Mira Kessel resigned, state radio reports", "observing"),
    ("c2", "President Mira Kessel of Ostria has resigned", "for"),
    ("c3", "A dam burst near Vorna flooded three villages", "for"),
    ("c3", "Floods from a burst dam near Vorna hit three villages, officials claim", "observing"),
]


def test_pair_counts_on_hand_counted_partition():
    # gold: {0,1,2} {3,4} -> 3 + 1 = 4 pairs; predicted: {0,1} {2,3} {4} -> 2 pairs, 1 right
    counts = pair_counts([{"a"}, {"a"}, {"b"}, {"b"}, {"c"}], ["x", "x", "x", "y", "y"])
    assert (counts.matched, counts.predicted, counts.gold) == (1, 2, 4)
    assert counts.precision == pytest.approx(0.5)
    assert counts.recall == pytest.approx(0.25)
    assert counts.f1 == pytest.approx(1 / 3)


def test_pair_counts_overlapping_and_empty_sets():
    # 0 is in a and b: pairs (0,1) via a, (0,2) via b; 1-2 share nothing; 3 has no cluster.
    # A pair sharing two clusters counts once.
    counts = pair_counts([{"a", "b"}, {"a"}, {"b"}, set()], ["x", "x", "y", "y"])
    assert (counts.matched, counts.predicted, counts.gold) == (1, 2, 2)
    twice = pair_counts([{"a", "b"}, {"a", "b"}], ["x", "x"])
    assert (twice.matched, twice.predicted, twice.gold) == (1, 1, 1)


def test_cluster_stance_picks_cluster_shared_with_claim_mates():
    memberships = [
        [("k1", "asserts")],
        [("k0", "asserts"), ("k1", "denies")],  # k1 holds its claim-mate: against there
        [("k2", "reports")],
        [],
    ]
    assert cluster_stance(memberships, ["x", "x", "y", "y"]) == [
        "for", "against", "observing", "none"]


def test_fuzzy_groups_joins_near_duplicates_only():
    groups = fuzzy_groups(["FHF rebels captured Dalmar", "FHF rebels captured Dalmar today",
                           "Dam burst near Vorna"])
    assert groups[0] == groups[1] and groups[0] != groups[2]


def _write_csv(path, rows):
    with path.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle)
        writer.writerow(["", "claimHeadline", "articleHeadline", "articleHeadlineStance",
                         "articleId", "claimId", "source"])
        for i, (claim, headline, stance) in enumerate(rows):
            writer.writerow([i, f"claim {claim}", headline, stance, f"a{i}", claim,
                             f"outlet{i}.example"])


def test_read_headlines_rejects_unknown_stance(tmp_path):
    _write_csv(tmp_path / "edata-train.csv", [("c1", "Dalmar fell", "maybe")])
    with pytest.raises(DataError, match="edata-train.csv:2"):
        read_headlines(tmp_path)


def test_evaluate_matching_end_to_end(tmp_path):
    _write_csv(tmp_path / "edata-train.csv", HEADLINES)
    db = str(tmp_path / "ledger.db")
    result = evaluate_matching(tmp_path, db=db)
    assert result["headlines"] == 7 and result["claims"] == 3
    for row in ("counterclaim", "naive"):
        pairs = result[row]["pairs"]
        assert pairs["gold"] == 3 + 1 + 1
        assert 0 <= pairs["matched"] <= min(pairs["predicted"], pairs["gold"])
        stance = result[row]["stance"]
        assert sum(c["total"] for c in stance["per_class"].values()) == 7
        assert 0.0 <= stance["accuracy"] <= 1.0
    assert result["naive"]["stance"]["accuracy"] == pytest.approx(4 / 7, abs=1e-4)
    assert result["counterclaim"]["clusters"] >= 1
    # the ledger it built answers article_clusters consistently with the claims table
    from sqlalchemy import select

    from counterclaim.ledger import Ledger
    from counterclaim.ledger.queries import article_clusters
    from counterclaim.ledger.tables import claims

    with Ledger(db, stance=None) as ledger, ledger.engine.connect() as conn:
        aid, cid = conn.execute(select(claims.c.article_id, claims.c.cluster_id)).first()
        assert cid in {row.cluster_id for row in article_clusters(ledger.engine, aid)}
        assert article_clusters(ledger.engine, "no-such-article") == []
    halves = result["splits"]
    assert sum(halves[part]["headlines"] for part in ("tune", "held-out")) == 7
    for part, half in halves.items():
        assert half["claims"] == len({c for c, _, _ in HEADLINES if split_of(c) == part})
    assert evaluate_matching(tmp_path, limit=3, splits=False)["headlines"] == 3


def test_split_of_is_a_fixed_half_of_the_claims():
    ids = [f"claim-{i}" for i in range(400)]
    parts = [split_of(i) for i in ids]
    assert set(parts) == {"tune", "held-out"}
    assert 0.4 < parts.count("tune") / len(ids) < 0.6
    assert parts == [split_of(i) for i in ids]  # the same claim always lands in the same half
