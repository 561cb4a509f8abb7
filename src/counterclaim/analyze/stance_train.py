"""Train the stance model: stacked TF-IDF logistic regression + LightGBM on dense features.

Stage 0 (stacked feature): a logistic regression on [claim terms | text terms | product]
whose out-of-fold probabilities (GroupKFold by body/claim, so a text never predicts itself)
join the dense features of :mod:`stance_features`. Then either one LightGBM over the four
labels, or two (related vs unrelated, then agree/disagree/discuss on related pairs only).
Class weights (inverse frequency, square-rooted) lift the rare "disagree" class without
drowning precision. Every random choice takes a fixed seed, and LightGBM runs deterministic.
The shipped model also carries a headline head trained on Emergent (:mod:`stance_headline`)
that judges headline-length texts: related vs unrelated, then agree/disagree/discuss.
"""

from __future__ import annotations

import time
from pathlib import Path
from typing import NamedTuple

import joblib
import numpy as np
from lightgbm import LGBMClassifier
from sklearn.linear_model import LogisticRegression
from sklearn.model_selection import GroupKFold
from sklearn.multiclass import OneVsRestClassifier

from counterclaim.analyze.stance_data import (
    DEFAULT_EMERGENT_DIR,
    DEFAULT_FNC_DIR,
    LABELS,
    StancePair,
    emergent_as_fnc,
    read_emergent,
    read_fnc,
)
from counterclaim.analyze.stance_features import StanceFeaturizer
from counterclaim.analyze.stance_headline import (
    HeadlineStanceModel,
    is_headline,
    strip_vectorizer,
)

SEED = 14128
MODEL_FILE = "stance_model.joblib"
DEFAULT_MODEL_DIR = Path(__file__).resolve().parents[1] / "data" / "stance"
MODEL_FORMAT = 3  # 2: adds the Emergent-trained headline head; 3: outlets, relatedness
RELATED = LABELS[:3]


class TrainConfig(NamedTuple):
    two_stage: bool = True
    n_estimators: int = 400
    learning_rate: float = 0.05
    num_leaves: int = 31
    linear_c: float = 1.0
    weight_power: float = 0.5  # 0 = unweighted, 1 = fully balanced classes
    folds: int = 5
    seed: int = SEED


def class_weights(labels: list[str], power: float) -> dict[str, float]:
    """Inverse-frequency weights raised to ``power``, normalised so the mean sample weighs 1."""
    values, counts = np.unique(labels, return_counts=True)
    raw = (len(labels) / (len(values) * counts)) ** power
    mean = (raw * counts).sum() / len(labels)
    return {str(v): float(w / mean) for v, w in zip(values, raw)}


def _booster(config: TrainConfig, labels: list[str]) -> LGBMClassifier:
    return LGBMClassifier(
        n_estimators=config.n_estimators, learning_rate=config.learning_rate,
        num_leaves=config.num_leaves, min_child_samples=20, subsample=0.8, subsample_freq=1,
        colsample_bytree=0.8, class_weight=class_weights(labels, config.weight_power),
        random_state=config.seed, deterministic=True, force_row_wise=True, n_jobs=1,
        verbose=-1,
    )  # fmt: skip


def _linear(config: TrainConfig) -> OneVsRestClassifier:
    # liblinear one-vs-rest: on ~100k sparse columns it is many times faster than lbfgs.
    return OneVsRestClassifier(LogisticRegression(
        C=config.linear_c, solver="liblinear", max_iter=2000, random_state=config.seed
    ))  # fmt: skip


class StanceModel:
    """A fitted featurizer, stacked linear model and gradient-boosted trees."""

    def __init__(self, config: TrainConfig = TrainConfig()):
        self.config = config
        self.featurizer = StanceFeaturizer()
        self.linear: OneVsRestClassifier | None = None
        self.boosters: dict[str, LGBMClassifier] = {}
        # Judges agree/disagree/discuss of headline-length texts (see stance_headline).
        self.headline: HeadlineStanceModel | None = None

    def _out_of_fold(self, claims, texts, labels, groups) -> np.ndarray:
        sparse = self.featurizer.linear_view(claims, texts)
        labels_array = np.asarray(labels)
        oof = np.zeros((len(labels), len(LABELS)), dtype=np.float32)
        for fit_rows, held_rows in GroupKFold(n_splits=self.config.folds).split(
            sparse, labels_array, groups
        ):
            fold_model = _linear(self.config).fit(sparse[fit_rows], labels_array[fit_rows])
            oof[held_rows] = self._align(fold_model, fold_model.predict_proba(sparse[held_rows]))
        self.linear = _linear(self.config).fit(sparse, labels_array)
        return oof

    @staticmethod
    def _align(model, proba: np.ndarray) -> np.ndarray:
        """Probabilities in ``LABELS`` order, zero for labels the model never saw."""
        out = np.zeros((proba.shape[0], len(LABELS)), dtype=np.float32)
        for column, label in enumerate(model.classes_):
            out[:, LABELS.index(label)] = proba[:, column]
        return out

    def fit(self, pairs: list[StancePair]) -> StanceModel:
        claims, texts = [p.claim for p in pairs], [p.text for p in pairs]
        labels, groups = [p.label for p in pairs], [p.group for p in pairs]
        self.featurizer.fit(claims, texts)
        features = np.hstack([
            self.featurizer.transform(claims, texts),
            self._out_of_fold(claims, texts, labels, groups),
        ])  # fmt: skip
        labels_array = np.asarray(labels)
        if not self.config.two_stage:
            self.boosters = {"all": _booster(self.config, labels).fit(features, labels_array)}
            return self
        related = labels_array != "unrelated"
        self.boosters = {}
        if related.any() and not related.all():
            relatedness = np.where(related, "related", "unrelated")
            self.boosters["related"] = _booster(self.config, list(relatedness)).fit(
                features, relatedness
            )
        if related.any():
            stage_two = labels_array[related]
            self.boosters["stance"] = _booster(self.config, list(stage_two)).fit(
                features[related], stage_two
            )
        return self

    def features(self, claims: list[str], texts: list[str]) -> np.ndarray:
        dense = self.featurizer.transform(claims, texts)
        linear = self._align(self.linear, self.linear.predict_proba(
            self.featurizer.linear_view(claims, texts)))  # fmt: skip
        return np.hstack([dense, linear])

    def predict_proba(self, claims: list[str], texts: list[str],
                      sources: list[str] | None = None) -> np.ndarray:
        """Probabilities (rows: pairs, columns: ``LABELS``); sources: outlets, if known."""
        features = self.features(claims, texts)
        if "all" in self.boosters:
            return self._align(self.boosters["all"], self.boosters["all"].predict_proba(features))
        p_related = np.ones(len(claims), dtype=np.float32)
        if "related" in self.boosters:
            model = self.boosters["related"]
            p_related = model.predict_proba(features)[:, list(model.classes_).index("related")]
        out = np.zeros((len(claims), len(LABELS)), dtype=np.float32)
        out[:, LABELS.index("unrelated")] = 1.0 - p_related
        if "stance" in self.boosters:
            stance = self._align(self.boosters["stance"],
                                 self.boosters["stance"].predict_proba(features))  # fmt: skip
            out[:, :3] = stance[:, :3] * p_related[:, None]
        return self._headline_stance(claims, texts, out, p_related, sources)

    def _headline_stance(self, claims, texts, out: np.ndarray, p_related, sources) -> np.ndarray:
        """Let the headline head judge headline-length texts: it splits the related
        probability and, when it has a relatedness booster, also decides related vs unrelated
        (the body model, trained on article bodies, misjudges one-line texts)."""
        head = getattr(self, "headline", None)
        rows = [i for i, text in enumerate(texts) if is_headline(text)] if head else []
        if not rows:
            return out
        row_claims, row_texts = [claims[i] for i in rows], [texts[i] for i in rows]
        if getattr(head, "relatedness", None) is not None:
            p_related = p_related.copy()
            p_related[rows] = head.related_proba(row_claims, row_texts)
            out[rows, LABELS.index("unrelated")] = 1.0 - p_related[rows]
        row_sources = [sources[i] for i in rows] if sources is not None else None
        related = head.predict_proba(row_claims, row_texts, row_sources)
        out[rows, :3] = related * p_related[rows, None]
        return out

    def predict(self, claims: list[str], texts: list[str]) -> list[str]:
        return [LABELS[i] for i in self.predict_proba(claims, texts).argmax(axis=1)]

    def save(self, out_dir: str | Path) -> Path:
        """Write the model to ``out_dir/stance_model.joblib``; returns the file path."""
        out = Path(out_dir)
        out.mkdir(parents=True, exist_ok=True)
        # The pruned-stop-words set is only for introspection and would bloat the file.
        strip_vectorizer(self.featurizer.vectorizer)
        strip_vectorizer(self.featurizer.linear_vectorizer)
        if self.headline is not None:
            self.headline.strip_for_saving()
        path = out / MODEL_FILE
        joblib.dump({"format": MODEL_FORMAT, "model": self}, path, compress=3)
        return path


def train_stance(
    fnc_dir: str | Path = DEFAULT_FNC_DIR,
    emergent_dir: str | Path | None = DEFAULT_EMERGENT_DIR,
    out_dir: str | Path = DEFAULT_MODEL_DIR,
    config: TrainConfig = TrainConfig(),
) -> dict:
    """Train the shipped model on all public FNC-1 train pairs plus Emergent (mapped to FNC)."""
    started = time.perf_counter()
    pairs = read_fnc(fnc_dir)
    emergent = emergent_as_fnc(read_emergent(emergent_dir)) if emergent_dir is not None else []
    # Prefix keeps Emergent claim ids from colliding with FNC body ids in GroupKFold.
    pairs += [p._replace(group=f"emergent:{p.group}") for p in emergent]
    model = StanceModel(config).fit(pairs)
    if emergent:
        model.headline = HeadlineStanceModel().fit(emergent)
    path = model.save(out_dir)
    return {
        "model": str(path),
        "pairs": len(pairs),
        "bytes": path.stat().st_size,
        "seconds": round(time.perf_counter() - started, 1),
    }
