"""A stance head for short texts (headlines) toward a claim, trained on Emergent.

FNC-1's model reads article bodies; a headline is one line whose stance sits in a few words:
a hedge ("reportedly", "report:", a question mark), a denial ("hoax", "fake", "denies"), who
is speaking ("Pentagon: ...", "..., officials say") or a flat statement. This head stacks
four views into an extra-trees forest (or a bag of small LightGBM models):

- cue, attribution and claim-alignment features (:mod:`stance_headline_features`);
- the FNC-style dense features of :class:`StanceFeaturizer` (overlap, baseline features);
- out-of-fold probabilities of two logistic regressions on n-grams: the headline's words and
  characters, and the headline with the claim's own words masked (what frames the claim);
- out-of-fold label shares of the outlet that published the headline, when it is known
  (outlets differ in how they hedge; an unknown outlet gets the base rates).

Out-of-fold means GroupKFold by claim: a headline never predicts its own label. A second
booster judges related vs unrelated for headline-length texts (the body model cannot), on
vocabulary-free overlap and cue features, trained on the Emergent pairs against the same
headlines paired with another claim (seeded).
Labels are FNC-1's related ones (agree, disagree, discuss) so the head plugs into
:class:`~counterclaim.analyze.stance_train.StanceModel`. Every random choice takes a seed.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from typing import NamedTuple
from urllib.parse import urlparse

import numpy as np
import scipy.sparse as sp
from lightgbm import LGBMClassifier
from sklearn.ensemble import ExtraTreesClassifier
from sklearn.feature_extraction.text import ENGLISH_STOP_WORDS, TfidfVectorizer
from sklearn.linear_model import LogisticRegression
from sklearn.model_selection import GroupKFold

from counterclaim.analyze.stance_data import LABELS, StancePair
from counterclaim.analyze.stance_features import StanceFeaturizer
from counterclaim.analyze.stance_headline_features import (
    HEADLINE_LEXICONS,
    HEADLINE_MAX_TOKENS,
    headline_features,
    is_headline,
    pair_features,
)

__all__ = [  # the cue features are re-exported: callers know them as part of the head
    "HEADLINE_LEXICONS", "HEADLINE_MAX_TOKENS", "HeadlineConfig", "HeadlineStanceModel",
    "OutletPrior", "headline_features", "is_headline", "mask_claim_words", "outlet_key",
    "pair_features", "strip_vectorizer", "unrelated_pairs",
]  # fmt: skip
RELATED = LABELS[:3]
_TOKEN = re.compile(r"\w+(?:'\w+)?")
CLAIM_WORD = "CLAIMWORD"


class HeadlineConfig(NamedTuple):
    n_estimators: int = 150
    learning_rate: float = 0.03
    num_leaves: int = 7
    colsample_bytree: float = 0.5
    linear_c: float = 10.0
    outlet_smoothing: float = 5.0  # pseudo-counts of the base rates in an outlet's shares
    use_outlets: bool = True
    folds: int = 5
    seeds: tuple[int, ...] = (1, 2, 3, 4, 5)
    # The stance learner: "extra_trees" (one seeded forest of randomised trees) or
    # "lightgbm" (one booster per seed). On Emergent CV they differ by less than the noise
    # (text-only accuracy 0.776 vs 0.773); the forest is the default.
    learner: str = "extra_trees"
    trees: int = 200
    min_leaf: int = 5


def mask_claim_words(claim: str, headline: str) -> str:
    """The headline with the claim's content words replaced: what is left is the framing."""
    words = {w.lower() for w in _TOKEN.findall(claim) if w.lower() not in ENGLISH_STOP_WORDS}
    return _TOKEN.sub(lambda m: CLAIM_WORD if m.group(0).lower() in words else m.group(0),
                      headline)  # fmt: skip


def outlet_key(source: str | None) -> str:
    """"https://www.Example.com/a" and "example.com" name the same outlet; "" if unknown."""
    text = (source or "").strip().lower()
    if not text:
        return ""
    host = urlparse(text if "//" in text else "//" + text).hostname or ""
    return host.removeprefix("www.")


class OutletPrior(NamedTuple):
    """Smoothed label shares per outlet, learned from training rows only."""

    counts: dict[str, np.ndarray]
    base: np.ndarray
    smoothing: float

    @classmethod
    def fit(cls, sources: Sequence[str], labels: np.ndarray, smoothing: float) -> OutletPrior:
        counts: dict[str, np.ndarray] = {}
        for source, label in zip(sources, labels, strict=True):
            key = outlet_key(source)
            if key:
                counts.setdefault(key, np.zeros(len(RELATED)))[RELATED.index(label)] += 1
        base = np.array([np.mean(labels == label) for label in RELATED])
        return cls(counts, base, smoothing)

    def transform(self, sources: Sequence[str]) -> np.ndarray:
        """Columns: agree/disagree/discuss shares of the outlet, log of its training count."""
        rows = []
        for source in sources:
            counts = self.counts.get(outlet_key(source), np.zeros(len(RELATED)))
            shares = (counts + self.smoothing * self.base) / (counts.sum() + self.smoothing)
            rows.append([*shares, np.log1p(counts.sum())])
        return np.asarray(rows, dtype=np.float32).reshape(len(rows), len(RELATED) + 1)


def _ngram_vectorizers() -> list[TfidfVectorizer]:
    return [
        TfidfVectorizer(token_pattern=r"(?u)\b\w+\b|[?:]", ngram_range=(1, 2), sublinear_tf=True,
                        dtype=np.float32),
        TfidfVectorizer(analyzer="char_wb", ngram_range=(2, 5), sublinear_tf=True, min_df=2,
                        dtype=np.float32),
    ]  # fmt: skip


def _masked_vectorizers() -> list[TfidfVectorizer]:
    return [TfidfVectorizer(token_pattern=r"(?u)\b\w+\b|[?:]", ngram_range=(1, 2),
                            sublinear_tf=True, dtype=np.float32)]  # fmt: skip


class _NgramModel(NamedTuple):
    vectorizers: list[TfidfVectorizer]
    model: LogisticRegression

    @classmethod
    def fit(cls, docs: list[str], labels: np.ndarray, c: float,
            make_vectorizers: Callable[[], list[TfidfVectorizer]] = _ngram_vectorizers):
        # Vocabulary fitted on these documents only: never on the rows it will predict.
        vectorizers = make_vectorizers()
        matrix = sp.hstack([v.fit_transform(docs) for v in vectorizers], format="csr")
        return cls(vectorizers, LogisticRegression(C=c, max_iter=3000).fit(matrix, labels))

    def predict_proba(self, docs: list[str]) -> np.ndarray:
        matrix = sp.hstack([v.transform(docs) for v in self.vectorizers], format="csr")
        proba = self.model.predict_proba(matrix)
        out = np.zeros((len(docs), len(RELATED)), dtype=np.float32)
        for column, label in enumerate(self.model.classes_):
            out[:, RELATED.index(label)] = proba[:, column]
        return out


class _Views(NamedTuple):
    """The stacked views, each fitted on training rows: plain, masked, outlet."""

    plain: _NgramModel
    masked: _NgramModel
    outlets: OutletPrior | None


def unrelated_pairs(pairs: list[StancePair], seed: int) -> list[StancePair]:
    """Each headline paired with the claim of another, randomly drawn group (seeded)."""
    claim_of = {pair.group: pair.claim for pair in pairs}
    group_ids = sorted(claim_of)
    rng = np.random.default_rng(seed)
    out = []
    for pair in pairs:
        other = pair.group
        while other == pair.group and len(group_ids) > 1:
            other = group_ids[int(rng.integers(len(group_ids)))]
        if other != pair.group:
            out.append(pair._replace(claim=claim_of[other], label="unrelated"))
    return out


class HeadlineStanceModel:
    """agree / disagree / discuss of a headline toward a claim (Emergent: for/against/observing)."""

    def __init__(self, config: HeadlineConfig = HeadlineConfig()):
        self.config = config
        self.featurizer = StanceFeaturizer()
        self.views: _Views | None = None
        self.boosters: list[LGBMClassifier] = []
        self.relatedness: LGBMClassifier | None = None

    @staticmethod
    def _cue_matrix(claims: list[str], texts: list[str]) -> np.ndarray:
        rows = [pair_features(c, t) for c, t in zip(claims, texts, strict=True)]
        return np.asarray(rows, dtype=np.float32).reshape(len(rows), -1)

    def _pair_matrix(self, cues: np.ndarray, claims: list[str], texts: list[str]) -> np.ndarray:
        return np.hstack([cues, self.featurizer.transform(claims, texts)])

    def _fit_views(self, claims, texts, sources, labels: np.ndarray) -> _Views:
        c = self.config.linear_c
        masked = [mask_claim_words(claim, text) for claim, text in zip(claims, texts)]
        return _Views(
            _NgramModel.fit(list(texts), labels, c),
            _NgramModel.fit(masked, labels, c, _masked_vectorizers),
            OutletPrior.fit(sources, labels, self.config.outlet_smoothing)
            if self.config.use_outlets else None,
        )  # fmt: skip

    @staticmethod
    def _view_matrix(views: _Views, claims, texts, sources) -> np.ndarray:
        masked = [mask_claim_words(claim, text) for claim, text in zip(claims, texts)]
        parts = [views.plain.predict_proba(list(texts)), views.masked.predict_proba(masked)]
        if views.outlets is not None:
            parts.append(views.outlets.transform(sources))
        return np.hstack(parts)

    def _out_of_fold(self, claims, texts, sources, labels, groups) -> np.ndarray:
        oof = None
        folds = min(self.config.folds, len(set(groups)))
        for fit_rows, held_rows in GroupKFold(n_splits=folds).split(texts, labels, groups):
            views = self._fit_views(*([x[i] for i in fit_rows] for x in (claims, texts, sources)),
                                    labels[fit_rows])  # fmt: skip
            held = self._view_matrix(
                views, *([x[i] for i in held_rows] for x in (claims, texts, sources)))
            if oof is None:
                oof = np.zeros((len(texts), held.shape[1]), dtype=np.float32)
            oof[held_rows] = held
        return oof

    def fit(self, pairs: list[StancePair]) -> HeadlineStanceModel:
        """Fit on related pairs (labels agree/disagree/discuss); groups keep claims apart."""
        claims, texts = [p.claim for p in pairs], [p.text for p in pairs]
        sources = [p.source for p in pairs]
        labels, groups = np.asarray([p.label for p in pairs]), [p.group for p in pairs]
        self.featurizer.fit(claims, texts)
        cues = self._cue_matrix(claims, texts)
        features = np.hstack([self._pair_matrix(cues, claims, texts),
                              self._out_of_fold(claims, texts, sources, labels, groups)])
        self.views = self._fit_views(claims, texts, sources, labels)
        self.boosters = [learner.fit(features, labels) for learner in self._stance_learners()]
        self.relatedness = self._fit_relatedness(pairs, cues)
        return self

    def _fit_relatedness(self, pairs: list[StancePair], related: np.ndarray):
        # Vocabulary-free features only (shared words and stems, cues): a TF-IDF vocabulary
        # learned on Emergent would not know the names in tomorrow's claims.
        negatives = unrelated_pairs(pairs, seed=self.config.seeds[0])
        if not negatives:  # one claim only: nothing to contrast; the body model decides
            return None
        unrelated = self._cue_matrix([p.claim for p in negatives], [p.text for p in negatives])
        labels = np.array([1] * len(related) + [0] * len(unrelated))
        booster = self._booster(self.config.seeds[0])
        return booster.fit(np.vstack([related, unrelated]), labels)

    def _stance_learners(self) -> list:
        if self.config.learner == "lightgbm":
            return [self._booster(seed) for seed in self.config.seeds]
        return [ExtraTreesClassifier(
            n_estimators=self.config.trees, min_samples_leaf=self.config.min_leaf,
            max_features="sqrt", random_state=self.config.seeds[0], n_jobs=1,
        )]  # fmt: skip

    def _booster(self, seed: int) -> LGBMClassifier:
        return LGBMClassifier(
            n_estimators=self.config.n_estimators, learning_rate=self.config.learning_rate,
            num_leaves=self.config.num_leaves, min_child_samples=10, subsample=0.8,
            subsample_freq=1, colsample_bytree=self.config.colsample_bytree, random_state=seed,
            deterministic=True, force_row_wise=True, n_jobs=1, verbose=-1,
        )  # fmt: skip

    def predict_proba(self, claims: list[str], texts: list[str],
                      sources: Sequence[str] | None = None) -> np.ndarray:
        """Probabilities (rows: pairs, columns: agree, disagree, discuss).

        sources: the outlet (domain or URL) of each text, when known; None = unknown.
        """
        sources = list(sources) if sources is not None else [""] * len(claims)
        features = np.hstack([self._pair_matrix(self._cue_matrix(claims, texts), claims, texts),
                              self._view_matrix(self.views, claims, texts, sources)])
        out = np.zeros((len(claims), len(RELATED)), dtype=np.float32)
        for booster in self.boosters:
            proba = booster.predict_proba(features)
            for column, label in enumerate(booster.classes_):
                out[:, RELATED.index(label)] += proba[:, column] / len(self.boosters)
        return out

    def related_proba(self, claims: list[str], texts: list[str]) -> np.ndarray:
        """Probability that each headline addresses its claim at all (1 if never trained)."""
        if self.relatedness is None:
            return np.ones(len(claims), dtype=np.float32)
        proba = self.relatedness.predict_proba(self._cue_matrix(claims, texts))
        return proba[:, list(self.relatedness.classes_).index(1)].astype(np.float32)

    def strip_for_saving(self) -> None:
        """Drop introspection-only attributes that would bloat the saved model."""
        strip_vectorizer(self.featurizer.vectorizer)
        strip_vectorizer(self.featurizer.linear_vectorizer)
        for view in (self.views.plain, self.views.masked) if self.views else ():
            for vectorizer in view.vectorizers:
                strip_vectorizer(vectorizer)


def strip_vectorizer(vectorizer: TfidfVectorizer) -> None:
    """Drop the pruned-stop-words set (introspection only, bloats the file) and the memory
    address of the stop-word list that scikit-learn caches (it differs between processes, so
    two identical trainings would otherwise save different bytes; it is only a cache)."""
    vectorizer.stop_words_ = None
    vars(vectorizer).pop("_stop_words_id", None)
