"""A stance head for short texts (headlines) toward a claim, trained on Emergent.

FNC-1's model reads article bodies; a headline is one line whose stance sits in a few words:
a hedge ("reportedly", "report:", a question mark), a denial ("hoax", "fake", "denies") or a
flat statement. This head stacks three views into a bag of small LightGBM models:

- cue features of the headline (:func:`headline_features`): lexicon counts and where the
  first cue sits, the headline's shape (question, colon lead, quotes), and claim-headline
  alignment (shared content words, negation next to claim words);
- the FNC-style dense features of :class:`StanceFeaturizer` (overlap, baseline features);
- out-of-fold probabilities of a logistic regression on the headline's word and character
  n-grams (GroupKFold by claim, so a headline never predicts its own label).

Labels are FNC-1's related ones (agree, disagree, discuss) so the head plugs into
:class:`~counterclaim.analyze.stance_train.StanceModel`. Every random choice takes a seed.
"""

from __future__ import annotations

import re
from typing import NamedTuple

import numpy as np
import scipy.sparse as sp
from lightgbm import LGBMClassifier
from sklearn.feature_extraction.text import ENGLISH_STOP_WORDS, TfidfVectorizer
from sklearn.linear_model import LogisticRegression
from sklearn.model_selection import GroupKFold

from counterclaim.analyze.stance_data import LABELS, StancePair
from counterclaim.analyze.stance_features import StanceFeaturizer

RELATED = LABELS[:3]
HEADLINE_MAX_TOKENS = 40  # longer texts go to the body model; Emergent headlines are < 35
_TOKEN = re.compile(r"\w+(?:'\w+)?")

# Headline cue lexicons. Why these: Emergent's "observing" headlines attribute or hedge
# ("says", "reportedly", "could"), "against" ones call the claim fake or denied.
HEADLINE_LEXICONS: dict[str, tuple[str, ...]] = {
    "hedge": (
        "reportedly", "allegedly", "alleged", "claimed", "claims", "claim", "claiming", "rumor",
        "rumors", "rumour", "rumours", "rumored", "rumoured", "purportedly", "supposedly",
        "apparently", "may", "might", "could", "possibly", "speculation", "speculate",
        "suggests", "believed", "unconfirmed", "unverified", "likely", "expected", "said to",
        "would", "if", "whether", "appears", "seems", "plan", "plans", "considering", "report",
        "reports", "reported", "says", "said", "according", "sources", "source", "insider",
        "tipped", "predicts", "predicted", "forecast", "forecasts",
    ),
    "deny": (
        "deny", "denies", "denied", "denial", "refute", "refutes", "refuted", "debunk",
        "debunks", "debunked", "false", "falsely", "fake", "fakes", "hoax", "hoaxes", "hoaxer",
        "untrue", "bogus", "fabricated", "myth", "myths", "satire", "satirical", "prank",
        "pranks", "retract", "retracted", "retraction", "dismiss", "dismissed", "dismisses",
        "reject", "rejects", "rejected", "baseless", "nonsense", "not true", "no truth",
        "no evidence", "never", "made up", "isn't", "wasn't", "not real", "fiction", "scam",
        "lie", "lies", "photoshopped", "doctored", "misleading", "wrong", "nope", "actually",
        "truth", "really", "alive", "spoof", "parody",
    ),
    "negation": (
        "not", "no", "never", "n't", "nobody", "none", "nothing", "neither", "nor", "without",
        "isn't", "aren't", "wasn't", "didn't", "doesn't", "won't",
    ),
    "confirm": (
        "confirmed", "confirms", "confirm", "officially", "official", "revealed", "reveals",
        "announced", "announces", "verified", "proves", "proved", "indeed", "video", "photos",
        "footage", "watch", "shows", "finally",
    ),
    "question": ("?",),
    "lead_label": ("report:", "report :", "rumor:", "rumour:", "exclusive:"),
}  # fmt: skip
_NEGATIONS = frozenset(HEADLINE_LEXICONS["negation"])
_PATTERNS = {
    name: re.compile("|".join(
        re.escape(w) if not (w[0].isalnum() and w[-1].isalnum()) else rf"\b{re.escape(w)}\b"
        for w in words
    ))
    for name, words in HEADLINE_LEXICONS.items()
}  # fmt: skip
_SHAPES = {
    "future_claim": re.compile(r"\bwill\b|\bplans?\b|\bto be\b"),
    "copula_negated": re.compile(r"\b(?:is|was|are|were) (?:not|n't)\b|\bisn't\b|\bwasn't\b"),
    "attributed": re.compile(r"\b(?:says|said|claims|reports?|according to)\b"),
    "label_lead": re.compile(r"^\W*(?:report|rumou?r|exclusive)\b"),
    "attribution_tail": re.compile(r"\b(?:says|said|claims)\b\s*$"),
}
NEGATION_WINDOW = 4


def is_headline(text: str) -> bool:
    """Short enough to be judged as a headline rather than an article body."""
    return len(_TOKEN.findall(text)) <= HEADLINE_MAX_TOKENS


def _content(tokens: list[str]) -> set[str]:
    return {token for token in tokens if token not in ENGLISH_STOP_WORDS and len(token) > 1}


def _is_negation(token: str) -> bool:
    return token in _NEGATIONS or token.endswith("n't")


def _negation_near(tokens: list[str], claim_words: set[str]) -> float:
    """How many negations have a claim word within ``NEGATION_WINDOW`` tokens."""
    hits = 0
    for i, token in enumerate(tokens):
        window = tokens[max(0, i - NEGATION_WINDOW) : i + NEGATION_WINDOW + 1]
        hits += _is_negation(token) and any(word in claim_words for word in window)
    return float(hits)


def headline_features(claim: str, headline: str) -> list[float]:
    """Cue, shape and claim-alignment features of one (claim, headline) pair."""
    head_lower, claim_lower = headline.lower(), claim.lower()
    head_tokens, claim_tokens = _TOKEN.findall(head_lower), _TOKEN.findall(claim_lower)
    head_words, claim_words = _content(head_tokens), _content(claim_tokens)
    features: list[float] = []
    for pattern in _PATTERNS.values():
        starts = [match.start() for match in pattern.finditer(head_lower)]
        first = starts[0] / max(1, len(head_lower)) if starts else -1.0
        features += [len(starts), first, len(pattern.findall(claim_lower))]
    shared = head_words & claim_words
    features += [
        len(shared) / max(1, len(claim_words)), len(shared) / max(1, len(head_words)),
        len(head_words - claim_words), len(claim_words - head_words),
        len(head_tokens), len(claim_tokens),
        _negation_near(head_tokens, claim_words),
        float(any(map(_is_negation, claim_tokens))), float(any(map(_is_negation, head_tokens))),
        float(headline.strip().endswith("?")), headline.count(":"), float(":" in headline[:30]),
        len(re.findall(r"[\"“”‘’']", headline)),
        float(bool(_SHAPES["future_claim"].search(claim_lower))),
        float(bool(re.search(r"\bwill\b", head_lower))),
        sum(word[:1].isupper() for word in headline.split()) / max(1, len(headline.split())),
    ]  # fmt: skip
    features += [float(bool(_SHAPES[name].search(head_lower))) for name in
                 ("copula_negated", "attributed", "label_lead", "attribution_tail")]  # fmt: skip
    return features


class HeadlineConfig(NamedTuple):
    n_estimators: int = 150
    learning_rate: float = 0.03
    num_leaves: int = 7
    linear_c: float = 10.0
    folds: int = 5
    seeds: tuple[int, ...] = (1, 2, 3, 4, 5)


def _ngram_vectorizers() -> list[TfidfVectorizer]:
    return [
        TfidfVectorizer(token_pattern=r"(?u)\b\w+\b|[?:]", ngram_range=(1, 2), sublinear_tf=True,
                        dtype=np.float32),
        TfidfVectorizer(analyzer="char_wb", ngram_range=(2, 5), sublinear_tf=True, min_df=2,
                        dtype=np.float32),
    ]  # fmt: skip


class _NgramModel(NamedTuple):
    vectorizers: list[TfidfVectorizer]
    model: LogisticRegression

    @classmethod
    def fit(cls, headlines: list[str], labels: np.ndarray, c: float) -> _NgramModel:
        # Vocabulary fitted on these headlines only: never on the rows it will predict.
        vectorizers = _ngram_vectorizers()
        matrix = sp.hstack([v.fit_transform(headlines) for v in vectorizers], format="csr")
        return cls(vectorizers, LogisticRegression(C=c, max_iter=3000).fit(matrix, labels))

    def predict_proba(self, headlines: list[str]) -> np.ndarray:
        matrix = sp.hstack([v.transform(headlines) for v in self.vectorizers], format="csr")
        proba = self.model.predict_proba(matrix)
        out = np.zeros((len(headlines), len(RELATED)), dtype=np.float32)
        for column, label in enumerate(self.model.classes_):
            out[:, RELATED.index(label)] = proba[:, column]
        return out


class HeadlineStanceModel:
    """agree / disagree / discuss of a headline toward a claim (Emergent: for/against/observing)."""

    def __init__(self, config: HeadlineConfig = HeadlineConfig()):
        self.config = config
        self.featurizer = StanceFeaturizer()
        self.ngrams: _NgramModel | None = None
        self.boosters: list[LGBMClassifier] = []

    def _cues(self, claims: list[str], texts: list[str]) -> np.ndarray:
        rows = [headline_features(c, t) for c, t in zip(claims, texts, strict=True)]
        return np.hstack([np.asarray(rows, dtype=np.float32),
                          self.featurizer.transform(claims, texts)])  # fmt: skip

    def _out_of_fold(self, texts: list[str], labels: np.ndarray, groups: list[str]) -> np.ndarray:
        oof = np.zeros((len(texts), len(RELATED)), dtype=np.float32)
        folds = min(self.config.folds, len(set(groups)))
        for fit_rows, held_rows in GroupKFold(n_splits=folds).split(texts, labels, groups):
            fold = _NgramModel.fit([texts[i] for i in fit_rows], labels[fit_rows],
                                   self.config.linear_c)  # fmt: skip
            oof[held_rows] = fold.predict_proba([texts[i] for i in held_rows])
        return oof

    def fit(self, pairs: list[StancePair]) -> HeadlineStanceModel:
        """Fit on related pairs (labels agree/disagree/discuss); groups keep claims apart."""
        claims, texts = [p.claim for p in pairs], [p.text for p in pairs]
        labels, groups = np.asarray([p.label for p in pairs]), [p.group for p in pairs]
        self.featurizer.fit(claims, texts)
        features = np.hstack([self._cues(claims, texts),
                              self._out_of_fold(texts, labels, groups)])  # fmt: skip
        self.ngrams = _NgramModel.fit(texts, labels, self.config.linear_c)
        self.boosters = [self._booster(seed).fit(features, labels) for seed in self.config.seeds]
        return self

    def _booster(self, seed: int) -> LGBMClassifier:
        return LGBMClassifier(
            n_estimators=self.config.n_estimators, learning_rate=self.config.learning_rate,
            num_leaves=self.config.num_leaves, min_child_samples=10, subsample=0.8,
            subsample_freq=1, colsample_bytree=0.8, random_state=seed, deterministic=True,
            force_row_wise=True, n_jobs=1, verbose=-1,
        )  # fmt: skip

    def predict_proba(self, claims: list[str], texts: list[str]) -> np.ndarray:
        """Probabilities (rows: pairs, columns: agree, disagree, discuss)."""
        features = np.hstack([self._cues(claims, texts), self.ngrams.predict_proba(texts)])
        out = np.zeros((len(claims), len(RELATED)), dtype=np.float32)
        for booster in self.boosters:
            proba = booster.predict_proba(features)
            for column, label in enumerate(booster.classes_):
                out[:, RELATED.index(label)] += proba[:, column] / len(self.boosters)
        return out

    def strip_for_saving(self) -> None:
        """Drop introspection-only attributes that would bloat the saved model."""
        self.featurizer.vectorizer.stop_words_ = None
        self.featurizer.linear_vectorizer.stop_words_ = None
        for vectorizer in self.ngrams.vectorizers if self.ngrams else []:
            vectorizer.stop_words_ = None
