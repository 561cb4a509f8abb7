"""Evaluate stance detection on the public FNC-1 and Emergent training data.

FNC-1: the baseline's hold-out procedure (body ids in file order, shuffled by
``random.Random(1489215)``, first 80% train, rest hold-out; no body in both), the official
score relative to the best possible, macro-F1 and per-class F1, with a reimplementation of the
official baseline (44 hand features + GradientBoostingClassifier(200, random_state=14128))
trained on the same split as the comparison row.

Emergent: claim vs article headline, for/against/observing, 5-fold GroupKFold by claimId. The
model scored is the headline head (:mod:`stance_headline`) that the shipped model uses for
headline-length texts; it sees only the training folds (TF-IDF vocabularies and outlet
label shares included). FNC-1
data is deliberately NOT added here: FNC-1 was built from Emergent's articles, so FNC pairs can
restate Emergent test claims and their labels.
"""

from __future__ import annotations

import random
import time
from pathlib import Path

import numpy as np
from sklearn.ensemble import GradientBoostingClassifier
from sklearn.metrics import accuracy_score, confusion_matrix, f1_score
from sklearn.model_selection import GroupKFold

from counterclaim.analyze.stance_baseline import baseline_features
from counterclaim.analyze.stance_data import (
    EMERGENT_TO_FNC,
    FNC_STANCES,
    LABELS,
    StancePair,
    emergent_as_fnc,
    emergent_file,
    read_emergent,
    read_fnc,
    read_fnc_bodies,
    resolve_data_dir,
)
from counterclaim.analyze.stance_headline import (
    HeadlineConfig,
    HeadlineStanceModel,
    unrelated_pairs,
)
from counterclaim.analyze.stance_train import StanceModel, TrainConfig
from counterclaim.errors import DataError

HOLD_OUT_SEED = 1489215  # fnc-1-baselines/utils/generate_test_splits.py
BASELINE_SEED = 14128  # fnc-1-baselines/fnc_kfold.py
RELATED = LABELS[:3]
EMERGENT_LABEL_OF = {fnc: emergent for emergent, fnc in EMERGENT_TO_FNC.items()}


def fnc_score(gold: list[str], predicted: list[str]) -> float:
    """FNC-1's official score: 0.25 for related/unrelated right, +0.75 for the exact label.

    As in ``scorer.py``: an exact match earns 0.25, plus 0.50 if the label is related; any
    related label for a related pair earns another 0.25.
    """
    score = 0.0
    for gold_label, predicted_label in zip(gold, predicted, strict=True):
        if gold_label == predicted_label:
            score += 0.25 if gold_label == "unrelated" else 0.75
        if gold_label in RELATED and predicted_label in RELATED:
            score += 0.25
    return score


def fnc_max_score(gold: list[str]) -> float:
    return sum(0.25 if label == "unrelated" else 1.0 for label in gold)


def fnc_relative_score(gold: list[str], predicted: list[str]) -> float:
    best = fnc_max_score(gold)
    return fnc_score(gold, predicted) / best if best else 0.0


def classification_report(gold: list[str], predicted: list[str], labels: tuple[str, ...]) -> dict:
    """Accuracy, macro-F1 over ``labels``, per-class F1 and the confusion matrix (rows: gold)."""
    per_class = f1_score(gold, predicted, labels=list(labels), average=None, zero_division=0)
    return {
        "accuracy": float(accuracy_score(gold, predicted)),
        "macro_f1": float(np.mean(per_class)),
        "f1": {label: float(value) for label, value in zip(labels, per_class)},
        "confusion": confusion_matrix(gold, predicted, labels=list(labels)).tolist(),
    }


def hold_out_body_ids(body_ids: list[str], training: float = 0.8) -> tuple[set[str], set[str]]:
    """The FNC-1 baseline's split of body ids (given in file order) into train and hold-out."""
    shuffled = [int(body_id) for body_id in body_ids]
    random.Random(HOLD_OUT_SEED).shuffle(shuffled)
    cut = int(training * len(shuffled))
    return {str(i) for i in shuffled[:cut]}, {str(i) for i in shuffled[cut:]}


def split_by_body(pairs: list[StancePair], body_ids: list[str], training: float = 0.8):
    """Train and hold-out pairs; a body (``pair.group``) is never on both sides."""
    train_ids, _ = hold_out_body_ids(body_ids, training)
    train = [pair for pair in pairs if pair.group in train_ids]
    hold_out = [pair for pair in pairs if pair.group not in train_ids]
    return train, hold_out


def _fnc_row(gold: list[str], predicted: list[str], seconds: float) -> dict:
    row = classification_report(gold, predicted, LABELS)
    row["fnc_score"] = fnc_score(gold, predicted)
    row["fnc_max"] = fnc_max_score(gold)
    row["fnc_relative"] = fnc_relative_score(gold, predicted)
    row["seconds"] = round(seconds, 1)
    return row


def run_fnc_baseline(train: list[StancePair], hold_out: list[StancePair]) -> list[str]:
    """The official baseline: hand features + GradientBoostingClassifier(200 trees)."""
    model = GradientBoostingClassifier(n_estimators=200, random_state=BASELINE_SEED)
    model.fit(baseline_features([p.claim for p in train], [p.text for p in train]),
              [p.label for p in train])  # fmt: skip
    return list(model.predict(baseline_features([p.claim for p in hold_out],
                                                [p.text for p in hold_out])))  # fmt: skip


def evaluate_fnc(
    data_dir: str | Path, config: TrainConfig = TrainConfig(), baseline: bool = True
) -> dict:
    """Train on the baseline's 80% of FNC-1 bodies, score ours and the baseline on the rest."""
    pairs = read_fnc(data_dir)
    train, hold_out = split_by_body(pairs, list(read_fnc_bodies(data_dir)))
    gold = [pair.label for pair in hold_out]
    result = {"dataset": "fnc1", "train_pairs": len(train), "hold_out_pairs": len(hold_out),
              "hold_out_bodies": len({p.group for p in hold_out})}  # fmt: skip
    started = time.perf_counter()
    model = StanceModel(config).fit(train)
    predicted = model.predict([p.claim for p in hold_out], [p.text for p in hold_out])
    result["ours"] = _fnc_row(gold, predicted, time.perf_counter() - started)
    if baseline:
        started = time.perf_counter()
        result["baseline"] = _fnc_row(
            gold, run_fnc_baseline(train, hold_out), time.perf_counter() - started
        )
    return result


def evaluate_emergent(
    data_dir: str | Path, config: HeadlineConfig = HeadlineConfig(), folds: int = 5,
    compare_outlets: bool = True,
) -> dict:
    """Cross-validate claim-vs-headline stance by claim (GroupKFold) on Emergent train.

    The main figures are text-only (no outlet: how the ledger calls stance); with
    ``compare_outlets`` the same folds are also scored with the outlet prior, under the key
    ``"with_outlets"``. Also scores the head's related-vs-unrelated judgement: each test
    headline against its own claim and against another test-fold claim (seeded), so no
    training claim is involved.
    """
    pairs = emergent_as_fnc(read_emergent(data_dir))
    report = _cross_validate(pairs, config._replace(use_outlets=False), folds)
    if compare_outlets:
        report["with_outlets"] = _cross_validate(pairs, config._replace(use_outlets=True), folds)
    return report


def _cross_validate(pairs: list[StancePair], config: HeadlineConfig, folds: int) -> dict:
    groups = [pair.group for pair in pairs]
    predicted = [""] * len(pairs)
    related_hits: list[bool] = []
    started = time.perf_counter()
    for fit_rows, test_rows in GroupKFold(n_splits=folds).split(pairs, groups=groups):
        model = HeadlineStanceModel(config).fit([pairs[i] for i in fit_rows])
        test = [pairs[i] for i in test_rows]
        proba = model.predict_proba([p.claim for p in test], [p.text for p in test],
                                    [p.source for p in test])  # fmt: skip
        # Emergent has no "unrelated": the head chooses among the three related labels.
        for row, i in zip(proba.argmax(axis=1), test_rows):
            predicted[i] = RELATED[row]
        related_hits += _relatedness_hits(model, test)
    gold = [EMERGENT_LABEL_OF[p.label] for p in pairs]
    predicted = [EMERGENT_LABEL_OF[label] for label in predicted]
    report = classification_report(gold, predicted, ("for", "against", "observing"))
    report.update(dataset="emergent", pairs=len(pairs), claims=len(set(groups)), folds=folds,
                  outlets=config.use_outlets, related_accuracy=float(np.mean(related_hits)),
                  seconds=round(time.perf_counter() - started, 1))  # fmt: skip
    return report


def _relatedness_hits(model: HeadlineStanceModel, test: list[StancePair]) -> list[bool]:
    """Right/wrong per pair: test headlines with their claim (related), with another (not)."""
    negatives = unrelated_pairs(test, seed=HOLD_OUT_SEED)
    claims = [p.claim for p in test] + [p.claim for p in negatives]
    texts = [p.text for p in test] + [p.text for p in negatives]
    p_related = model.related_proba(claims, texts)
    truth = np.array([True] * len(test) + [False] * len(negatives))
    return list((p_related >= 0.5) == truth)


def evaluate_stance(data: str | Path, **options) -> dict:
    """Run the FNC-1 or Emergent evaluation, whichever dataset ``data`` holds."""
    folder = resolve_data_dir(data)
    if (folder / FNC_STANCES).is_file():
        return evaluate_fnc(folder, **options)
    if emergent_file(folder) is not None:
        return evaluate_emergent(folder, **options)
    raise DataError("neither FNC-1 (train_stances.csv) nor Emergent CSV found", location=str(data))


def _fnc_markdown_row(name: str, row: dict) -> str:
    f1 = row["f1"]
    cells = [name, f"{row['fnc_relative']:.4f}", f"{row['macro_f1']:.4f}"]
    cells += [f"{f1[label]:.4f}" for label in LABELS] + [f"{row['seconds']:.0f}"]
    return "| " + " | ".join(cells) + " |"


def stance_report_markdown(result: dict) -> str:
    """A Markdown table of an :func:`evaluate_stance` result (for the CLI and the docs)."""
    if result["dataset"] == "fnc1":
        lines = [
            f"FNC-1 hold-out: {result['hold_out_pairs']} pairs, {result['hold_out_bodies']} "
            f"bodies (trained on {result['train_pairs']} pairs)",
            "",
            "| system | FNC relative | macro-F1 | F1 agree | F1 disagree | F1 discuss "
            "| F1 unrelated | seconds |",
            "|---|---|---|---|---|---|---|---|",
            _fnc_markdown_row("counterclaim", result["ours"]),
        ]
        if "baseline" in result:
            lines.append(_fnc_markdown_row("FNC-1 baseline (reimpl.)", result["baseline"]))
        return "\n".join(lines)
    rows = [result] + ([result["with_outlets"]] if "with_outlets" in result else [])
    return "\n".join([
        f"Emergent: {result['pairs']} pairs, {result['claims']} claims, "
        f"{result['folds']}-fold GroupKFold by claim; related-vs-unrelated accuracy "
        f"{result.get('related_accuracy', float('nan')):.4f} (text only)",
        "",
        "| model | accuracy | macro-F1 | F1 for | F1 against | F1 observing | seconds |",
        "|---|---|---|---|---|---|---|",
        *(_emergent_markdown_row(row) for row in rows),
    ])  # fmt: skip


def _emergent_markdown_row(row: dict) -> str:
    f1 = row["f1"]
    name = "headline head + outlet prior" if row.get("outlets") else "headline head, text only"
    cells = [name, f"{row['accuracy']:.4f}", f"{row['macro_f1']:.4f}"]
    cells += [f"{f1[label]:.4f}" for label in ("for", "against", "observing")]
    return "| " + " | ".join(cells + [f"{row['seconds']:.0f}"]) + " |"
