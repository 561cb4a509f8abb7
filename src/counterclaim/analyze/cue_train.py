"""Train the attribution models on PolNeAR's train split: the cue detector of
:mod:`cue_model` and the candidate judge of :mod:`attribution_filter`.

Each article is read and parsed exactly as ``counterclaim.analyze`` does; a candidate word is
a positive example for the cue detector when it heads a gold cue (it lies inside the cue and
its syntactic head does not). A logistic regression (liblinear, fixed seed) learns the feature
weights; weights too small to move a score are dropped so the shipped file stays small, and
the decision threshold is the one maximising F1 on out-of-fold predictions (3 folds grouped by
article). The judge is then fitted the same way on the rules' candidates, each article's
candidates made with the cue model of the fold that did not see it; a candidate is positive
when its content matches a gold content partially and its cue overlaps that one's cue.

Only the train split is read: dev stays untouched for the benchmark.
"""

from __future__ import annotations

import gzip
import json
from pathlib import Path

import numpy as np

from .attribution_filter import FILTER_FORMAT, FILTER_PATH, candidate_features
from .cue_model import MODEL_FORMAT, MODEL_PATH, is_candidate, quoted_tokens, token_features
from .quotes import find_quotes
from .spans import text_of

SEED = 3
MIN_WEIGHT = 0.01
JUDGE_BETA = 2.0


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


def _out_of_fold(features, labels, groups, c: float):
    """Out-of-fold scores of every example and, per article, the fold model that scored it."""
    from sklearn.model_selection import GroupKFold

    labels_array, scores = np.array(labels), np.zeros(len(labels))
    fold_of: dict[int, tuple] = {}
    for train, test in GroupKFold(n_splits=3).split(features, labels, groups):
        vectorizer, model = _fit([features[i] for i in train], labels_array[train], c)
        matrix = _matrix(vectorizer, [features[i] for i in test])
        scores[test] = model.predict_proba(matrix)[:, 1]
        for i in test:
            fold_of[groups[i]] = (vectorizer, model)
    return scores, fold_of


def _best_threshold(scores, labels, beta: float = 1.0) -> float:
    """The threshold maximising F-beta of the out-of-fold scores (beta > 1 favours recall)."""
    labels_array = np.array(labels)
    best = (0.0, 0.5)
    for threshold in np.arange(0.1, 0.8, 0.02):
        predicted = scores >= threshold
        tp = int((predicted & (labels_array == 1)).sum())
        f = (1 + beta ** 2) * tp / (predicted.sum() + beta ** 2 * labels_array.sum()) if tp else 0.0
        best = max(best, (f, float(threshold)))
    return round(best[1], 2)


def _weights(vectorizer, model) -> dict[str, float]:
    return {name: round(float(w), 3) for name, w in zip(vectorizer.feature_names_, model.coef_[0])
            if abs(w) >= MIN_WEIGHT}


def _write(out: Path, model_format: int, bias: float, threshold: float, weights: dict) -> None:
    out.parent.mkdir(parents=True, exist_ok=True)
    with gzip.open(out, "wt", encoding="utf-8") as handle:
        json.dump({"format": model_format, "bias": bias, "threshold": threshold,
                   "weights": dict(sorted(weights.items()))}, handle)


def train_attribution(data_dir: str | Path = "../shared/datasets/polnear",
                      out: str | Path = MODEL_PATH, *, cache: str | Path | None = None,
                      skip_first: int = 0, c: float = 0.5, filter_c: float = 0.3) -> dict:
    """Train the cue detector and the candidate judge on PolNeAR train; the cue model goes
    to ``out``, the judge beside it (``attribution_filter.json.gz``). Returns a summary.

    The judge learns from the candidates the rules make with each article's out-of-fold cue
    model, so it sees the cue model's mistakes as they will be on unseen text.
    skip_first (int): leave the split's first articles out (to measure on them).
    """
    from .cue_model import CueModel

    parsed = parse_split(data_dir, "train", cache)[skip_first:]
    features, labels, groups = examples(parsed)
    scores, fold_of = _out_of_fold(features, labels, groups, c)
    threshold = _best_threshold(scores, labels)
    vectorizer, model = _fit(features, labels, c)
    weights = _weights(vectorizer, model)
    out = Path(out)
    _write(out, MODEL_FORMAT, float(model.intercept_[0]), threshold, weights)
    fold_models = {number: CueModel(_weights(*fold), float(fold[1].intercept_[0]), threshold)
                   for number, fold in fold_of.items()}
    judge = train_filter(parsed, fold_models, out.with_name(FILTER_PATH.name), filter_c)
    return {"articles": len(parsed), "examples": len(labels), "positives": int(sum(labels)),
            "features": len(weights), "threshold": threshold, "filter": judge}


def train_filter(parsed, cue_models: dict, out: Path, c: float = 0.3) -> dict:
    """Fit the candidate judge of :mod:`attribution_filter` and write it to ``out``."""
    features, labels, groups = [], [], []
    for number, (raw, gold, doc) in enumerate(parsed):
        for candidate_features_, label in _judged_candidates(raw, gold, doc, cue_models.get(number)):
            features.append(candidate_features_)
            labels.append(label)
            groups.append(number)
    scores, _ = _out_of_fold(features, labels, groups, c)
    # Recall-weighted: the judge mostly orders nested candidates; dropping a true one costs
    # more than keeping a doubtful one the rules already found (measured on train articles).
    threshold = _best_threshold(scores, labels, beta=JUDGE_BETA)
    vectorizer, model = _fit(features, labels, c)
    weights = _weights(vectorizer, model)
    _write(out, FILTER_FORMAT, float(model.intercept_[0]), threshold, weights)
    return {"candidates": len(labels), "positives": int(sum(labels)), "features": len(weights),
            "threshold": threshold}


def _judged_candidates(raw: str, gold, doc, cue_model):
    """(features, label) per candidate: 1 when, with its spans settled, its content matches
    a gold content partially and its cue overlaps that attribution's cue."""
    from ..eval.common import OffsetMap, SpanIndex, span_similarity
    from .attribution import candidate_attributions, finished

    quotes = find_quotes(text_of(doc))
    candidates = candidate_attributions(doc, quotes, cue_model)
    offsets, index = OffsetMap(text_of(doc), raw), SpanIndex(raw)
    similar, overlap = span_similarity(index, "partial"), _overlap

    def mapped(spans):
        return tuple(m for m in (offsets.span(*s) for s in spans) if m)

    for candidate in candidates:
        a = finished(doc, candidate.attribution, quotes)
        content, cue = mapped(a.parts or (a.content,)), mapped((a.cue,) if a.cue else ())
        label = int(bool(content) and any(
            similar(g.content, content) > 0 and (not g.cue or overlap(g.cue, cue)) for g in gold if g.content))
        yield candidate_features(doc, candidate, candidates), label


def _overlap(a, b) -> bool:
    return any(s < e2 and s2 < e for s, e in a for s2, e2 in b)
