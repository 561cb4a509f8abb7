"""Scorers and splits of the stance evaluation, on tiny hand-made gold."""

import pytest

from counterclaim.analyze.stance_data import StancePair
from counterclaim.errors import DataError
from counterclaim.eval.stance import (
    classification_report,
    evaluate_stance,
    fnc_max_score,
    fnc_relative_score,
    fnc_score,
    hold_out_body_ids,
    split_by_body,
    stance_report_markdown,
)


@pytest.mark.parametrize(
    ("gold", "predicted", "expected"),
    [
        (["agree"], ["agree"], 1.0),  # exact related label: 0.25 + 0.75
        (["agree"], ["discuss"], 0.25),  # related, wrong related label
        (["agree"], ["unrelated"], 0.0),
        (["unrelated"], ["unrelated"], 0.25),
        (["unrelated"], ["disagree"], 0.0),
        (["disagree", "unrelated", "discuss"], ["disagree", "unrelated", "agree"], 1.5),
    ],
)
def test_fnc_score_follows_official_scorer(gold, predicted, expected):
    assert fnc_score(gold, predicted) == pytest.approx(expected)


def test_fnc_relative_score_is_one_only_when_all_right():
    gold = ["agree", "unrelated", "discuss", "disagree"]
    assert fnc_max_score(gold) == pytest.approx(3.25)
    assert fnc_relative_score(gold, gold) == pytest.approx(1.0)
    all_unrelated = fnc_relative_score(gold, ["unrelated"] * 4)
    assert all_unrelated == pytest.approx(0.25 / 3.25)


def test_macro_f1_averages_per_class_f1():
    gold = ["agree", "agree", "disagree", "discuss"]
    predicted = ["agree", "discuss", "disagree", "discuss"]
    report = classification_report(gold, predicted, ("agree", "disagree", "discuss"))
    # agree: P=1, R=.5 -> 2/3; disagree: 1; discuss: P=.5, R=1 -> 2/3
    assert report["f1"]["agree"] == pytest.approx(2 / 3)
    assert report["f1"]["disagree"] == pytest.approx(1.0)
    assert report["macro_f1"] == pytest.approx((2 / 3 + 1 + 2 / 3) / 3)
    assert report["accuracy"] == pytest.approx(0.75)
    assert report["confusion"][0] == [1, 0, 1]


def test_split_never_puts_a_body_on_both_sides():
    body_ids = [str(i) for i in range(50)]
    pairs = [
        StancePair(f"headline {h}", f"body {b}", "unrelated", b)
        for b in body_ids
        for h in range(3)
    ]
    train, hold_out = split_by_body(pairs, body_ids)
    train_bodies = {p.group for p in train}
    hold_out_bodies = {p.group for p in hold_out}
    assert not train_bodies & hold_out_bodies
    assert len(train) + len(hold_out) == len(pairs)
    assert len(train_bodies) == 40 and len(hold_out_bodies) == 10


def test_hold_out_split_is_reproducible_and_shuffled():
    body_ids = [str(i) for i in range(100)]
    first = hold_out_body_ids(body_ids)
    assert first == hold_out_body_ids(body_ids)
    assert first[0] != {str(i) for i in range(80)}


def test_evaluate_stance_rejects_a_folder_without_a_dataset(tmp_path):
    with pytest.raises(DataError):
        evaluate_stance(tmp_path)


def test_markdown_report_lists_every_emergent_class():
    gold = ["for", "against", "observing", "for"]
    report = classification_report(gold, ["for", "observing", "observing", "for"],
                                   ("for", "against", "observing"))
    report.update(dataset="emergent", pairs=4, claims=2, folds=2, seconds=1.0)
    table = stance_report_markdown(report)
    assert "| 0.7500 |" in table
    assert table.count("\n") == 4
    with_outlets = dict(report, outlets=True, accuracy=0.5)
    table = stance_report_markdown(dict(report, outlets=False, with_outlets=with_outlets))
    assert table.count("\n") == 5
    assert "| headline head, text only | 0.7500 |" in table
    assert "| headline head + outlet prior | 0.5000 |" in table


def _write_emergent(folder, claims: int = 6, with_outlets: bool = False):
    """An invented Emergent-style CSV: every claim has for, against and observing headlines;
    with outlets, an edata-style file whose headlines come from one outlet per claim."""
    import csv

    rows = []
    for c in range(claims):
        town = ["Dalmar", "Kessen", "Vorna", "Ostrava", "Belmar", "Tessin"][c % 6]
        claim = f"Rebels of the Free Highlands Front seized {town}"
        heads = [
            (f"FHF rebels seize {town} after battle", "for"),
            (f"Rebels take control of {town}, residents say streets are calm", "for"),
            (f"Army denies {town} fell: rebel claims a hoax", "against"),
            (f"No, the rebels did not capture {town}", "against"),
            (f"Rebels reportedly seize {town}, unconfirmed", "observing"),
            (f"Did the FHF take {town}? Reports could not be verified", "observing"),
        ]
        rows += [{"": len(rows), "claimHeadline": claim, "articleHeadline": head,
                  "articleHeadlineStance": label, "articleId": f"a{len(rows)}",
                  "claimId": f"claim{c}"} for head, label in heads]
        if with_outlets:
            for row in rows[-len(heads):]:
                row["source"] = f"www.{town.lower()}-courier.example"
    name = "edata-train.csv" if with_outlets else "url-versions-2015-06-14-clean-train.csv"
    path = folder / name
    with path.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.DictWriter(handle, fieldnames=list(rows[0]))
        writer.writeheader()
        writer.writerows(rows)
    return path


def test_emergent_cv_never_trains_on_a_test_claim(tmp_path, monkeypatch):
    import counterclaim.eval.stance as stance_eval
    from counterclaim.analyze.stance_headline import HeadlineStanceModel

    seen = []

    class Recording(HeadlineStanceModel):
        def fit(self, pairs):
            self.trained_on = {pair.claim for pair in pairs}
            return super().fit(pairs)

        def predict_proba(self, claims, texts, sources=None):
            seen.append((self.trained_on, set(claims)))
            return super().predict_proba(claims, texts, sources)

    monkeypatch.setattr(stance_eval, "HeadlineStanceModel", Recording)
    _write_emergent(tmp_path)
    report = stance_eval.evaluate_emergent(tmp_path, folds=3)
    assert len(seen) == 6  # text-only and outlet-prior runs, three folds each
    assert all(not (trained & tested) for trained, tested in seen)
    assert report["pairs"] == 36 and report["claims"] == 6
    assert set(report["f1"]) == {"for", "against", "observing"}
    assert 0.0 <= report["accuracy"] <= 1.0
    assert 0.0 <= report["related_accuracy"] <= 1.0
    assert report["outlets"] is False and report["with_outlets"]["outlets"] is True


def test_outlet_shares_come_from_training_rows_only(tmp_path, monkeypatch):
    """Each claim's headlines come from an outlet of their own: a test fold's outlets must
    look unknown (base rates, count 0) to the model trained without them."""
    import counterclaim.eval.stance as stance_eval
    from counterclaim.analyze.stance_headline import HeadlineStanceModel, outlet_key

    unseen = []

    class Recording(HeadlineStanceModel):
        def predict_proba(self, claims, texts, sources=None):
            if self.views.outlets is not None:  # the text-only run has no outlet table
                known = set(self.views.outlets.counts)
                unseen.append(all(outlet_key(s) not in known for s in sources))
            return super().predict_proba(claims, texts, sources)

    monkeypatch.setattr(stance_eval, "HeadlineStanceModel", Recording)
    _write_emergent(tmp_path, with_outlets=True)
    stance_eval.evaluate_emergent(tmp_path, folds=3)
    assert unseen == [True, True, True]
