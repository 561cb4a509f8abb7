"""Train the cue detector of :mod:`cue_model` on PolNeAR's train split.

Each article is read and parsed exactly as ``counterclaim.analyze`` does; a candidate word is
a positive example when it heads a gold cue (it lies inside the cue and its syntactic head
does not). A logistic regression (liblinear, fixed seed) learns the feature weights; weights
too small to move a score are dropped so the shipped file stays small, and the decision
threshold is the one maximising F1 on out-of-fold predictions of the training articles.

Only the train split is read: dev stays untouched for the benchmark.
"""

from __future__ import annotations

import gzip
import json
from pathlib import Path

import numpy as np

from .cue_model import MODEL_FORMAT, MODEL_PATH, is_candidate, quoted_tokens, token_features
from .quotes import find_quotes
from .spans import text_of

SEED = 3
MIN_WEIGHT = 0.01


def parse_split(data_dir: str | Path, split: str = "train", cache: str | Path | None = None):
    """(article text, gold attributions, parsed Doc) per PolNeAR article, parsed as the
    pipeline parses; ``cache`` is a DocBin file reused when present, written otherwise."""
    from spacy.tokens import DocBin

    from ..eval.polnear import load_split  # a dataset reader; training only
    from ..read import read_text
    from . import make_doc
    from .nlp import load_base

    nlp = load_base()
    articles = load_split(data_dir, split)
    if cache is not None and Path(cache).exists():
        docs = list(DocBin().from_disk(cache).get_docs(nlp.vocab))
    else:
        docs = [nlp(make_doc(nlp, read_text(a.text, html=False))) for a in articles]
        if cache is not None:
            DocBin(docs=docs).to_disk(cache)
    return [(a.text, a.attributions, doc) for a, doc in zip(articles, docs)]


def cue_heads(doc, raw: str, gold) -> set[int]:
    """Indices of the doc's words that head a gold cue (gold offsets are into ``raw``, the
    file, which the reader may have cleaned: tokens are mapped back to it)."""
    from ..eval.common import OffsetMap

    offsets = OffsetMap(text_of(doc), raw)
    raw_spans = [offsets.span(t.idx, t.idx + len(t.text)) for t in doc]
    heads: set[int] = set()
    for cue in (g.cue for g in gold if g.cue):
        inside = {t.i for t, mapped in zip(doc, raw_spans)
                  if mapped and any(s < mapped[1] and mapped[0] < e for s, e in cue)}
        heads.update(i for i in inside if is_candidate(doc[i])
                     and (doc[i].head.i not in inside or doc[i].head.i == i))
    return heads


def examples(parsed) -> tuple[list[list[str]], list[int], list[int]]:
    """Features, labels and article numbers (for grouped folds) of every candidate word."""
    features, labels, groups = [], [], []
    for number, (raw, gold, doc) in enumerate(parsed):
        heads = cue_heads(doc, raw, gold)
        inside = quoted_tokens(doc, find_quotes(text_of(doc)))
        for token in doc:
            if is_candidate(token):
                features.append(token_features(token, token.i in inside))
                labels.append(int(token.i in heads))
                groups.append(number)
    return features, labels, groups


def _matrix(vectorizer, features, fit: bool = False):
    rows = [dict.fromkeys(f, 1) for f in features]
    matrix = vectorizer.fit_transform(rows) if fit else vectorizer.transform(rows)
    matrix.indices = matrix.indices.astype(np.int32)  # liblinear refuses 64-bit indices
    matrix.indptr = matrix.indptr.astype(np.int32)
    return matrix


def _fit(features, labels, c: float):
    from sklearn.feature_extraction import DictVectorizer
    from sklearn.linear_model import LogisticRegression

    vectorizer = DictVectorizer()
    matrix = _matrix(vectorizer, features, fit=True)
    model = LogisticRegression(C=c, solver="liblinear", random_state=SEED, max_iter=200)
    model.fit(matrix, labels)
    return vectorizer, model


def _best_threshold(features, labels, groups, c: float) -> float:
    from sklearn.model_selection import GroupKFold

    labels_array, scores = np.array(labels), np.zeros(len(labels))
    for train, test in GroupKFold(n_splits=3).split(features, labels, groups):
        vectorizer, model = _fit([features[i] for i in train], labels_array[train], c)
        matrix = _matrix(vectorizer, [features[i] for i in test])
        scores[test] = model.predict_proba(matrix)[:, 1]
    best = (0.0, 0.5)
    for threshold in np.arange(0.1, 0.8, 0.02):
        predicted = scores >= threshold
        tp = int((predicted & (labels_array == 1)).sum())
        f1 = 2 * tp / (predicted.sum() + labels_array.sum()) if tp else 0.0
        best = max(best, (f1, float(threshold)))
    return round(best[1], 2)


def train_attribution(data_dir: str | Path = "../shared/datasets/polnear",
                      out: str | Path = MODEL_PATH, *, cache: str | Path | None = None,
                      skip_first: int = 0, c: float = 0.5) -> dict:
    """Train the cue detector on PolNeAR train and write it to ``out``; returns a summary.

    skip_first (int): leave the split's first articles out (to measure on them).
    """
    parsed = parse_split(data_dir, "train", cache)[skip_first:]
    features, labels, groups = examples(parsed)
    threshold = _best_threshold(features, labels, groups, c)
    vectorizer, model = _fit(features, labels, c)
    weights = {name: round(float(w), 3) for name, w in zip(vectorizer.feature_names_, model.coef_[0])
               if abs(w) >= MIN_WEIGHT}
    Path(out).parent.mkdir(parents=True, exist_ok=True)
    with gzip.open(out, "wt", encoding="utf-8") as handle:
        json.dump({"format": MODEL_FORMAT, "bias": float(model.intercept_[0]), "threshold": threshold,
                   "weights": dict(sorted(weights.items()))}, handle)
    return {"articles": len(parsed), "examples": len(labels), "positives": int(sum(labels)),
            "features": len(weights), "threshold": threshold}
