"""Train the attribution models on PolNeAR's train split: the cue detector of
:mod:`cue_model`, the candidate judge of :mod:`attribution_filter` and the content-boundary
rankers of :mod:`attribution_boundary`.

Each article is read and parsed exactly as ``counterclaim.analyze`` does; a candidate word is
a positive example for the cue detector when it heads a gold cue (it lies inside the cue and
its syntactic head does not). A logistic regression (liblinear, fixed seed) learns the feature
weights; weights too small to move a score are dropped so the shipped file stays small, and
the decision threshold is the one maximising F1 on out-of-fold predictions (3 folds grouped by
article). The judge is then fitted the same way on the rules' candidates, each article's
candidates made with the cue model of the fold that did not see it; a candidate is positive
when its content matches a gold content partially and its cue overlaps that one's cue.
The judge also scores the second stage's "recall" candidates (doubtful cue words, see
:func:`attribution.recall_candidates`), with the out-of-fold cue score among its features;
their bar is the one at which, on out-of-fold scores, the kept ones are right more often
than ``RECALL_BREAK_EVEN`` (about where keeping one raises F1).

The boundary rankers (LightGBM lambdarank, fixed seed, one thread) then learn, per content
the finished models find near a gold one, which nearby word the gold content opens and
closes at; only written when the cue model goes to its shipped place, since they learn the
spans the shipped models make.

Only the train split is read: dev stays untouched for the benchmark.
"""

from __future__ import annotations

from pathlib import Path
from typing import NamedTuple

import numpy as np

from .attribution_boundary import BOUNDARY_PATH
from .attribution_filter import FILTER_FORMAT, FILTER_PATH, candidate_features, content_heads, load_filter
from .cue_model import (MODEL_FORMAT, MODEL_PATH, is_candidate, load_cue_model, quoted_tokens,
                        token_features, write_model_json)
from .quotes import find_quotes
from .spans import text_of

SEED = 3
MIN_WEIGHT = 0.01
JUDGE_BETA = 2.0
FILTER_CS = (0.05, 0.1, 0.2, 0.3, 0.5)  # the judge's regularisations to choose from
# Cue words scored from here to the cue threshold go to the judge as second-stage candidates
# (chosen by 2-fold cross-validation by article on train).
RECALL_FLOOR = 0.25
RECALL_BREAK_EVEN = 0.4


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


def _write(out: Path, model_format: int, bias: float, threshold: float, weights: dict, **extra) -> None:
    write_model_json(out, {"format": model_format, "bias": bias, "threshold": threshold, **extra,
                           "weights": dict(sorted(weights.items()))})


def train_attribution(data_dir: str | Path = "../shared/datasets/polnear",
                      out: str | Path = MODEL_PATH, *, cache: str | Path | None = None,
                      skip_first: int = 0, c: float = 0.5, filter_c: float | None = None,
                      recall_floor: float | None = None, articles: slice | None = None) -> dict:
    """Train the cue detector and the candidate judge on PolNeAR train; the cue model goes
    to ``out``, the judge beside it (``attribution_filter.json.gz``). Returns a summary.

    The judge learns from the candidates the rules make with each article's out-of-fold cue
    model, so it sees the cue model's mistakes as they will be on unseen text.
    skip_first (int): leave the split's first articles out (to measure on them).
    articles (slice): train on these articles only (cross-validation; after skip_first).
    filter_c (float): the judge's inverse regularisation; by default the one of FILTER_CS
    with the lowest out-of-fold log loss.
    recall_floor (float): the second stage's floor (see :func:`attribution.recall_candidates`);
    RECALL_FLOOR unless given.
    """
    from .cue_model import CueModel

    parsed = parse_split(data_dir, "train", cache)[skip_first:]
    if articles is not None:
        parsed = parsed[articles]
    floor = RECALL_FLOOR if recall_floor is None else recall_floor
    features, labels, groups = examples(parsed)
    scores, fold_of = _out_of_fold(features, labels, groups, c)
    threshold = _best_threshold(scores, labels)
    vectorizer, model = _fit(features, labels, c)
    weights = _weights(vectorizer, model)
    out = Path(out)
    _write(out, MODEL_FORMAT, float(model.intercept_[0]), threshold, weights, recall_floor=floor)
    fold_models = {number: CueModel(_weights(*fold), float(fold[1].intercept_[0]), threshold, floor)
                   for number, fold in fold_of.items()}
    judge = train_filter(parsed, fold_models, out.with_name(FILTER_PATH.name), filter_c)
    boundary = None
    if out.resolve() == MODEL_PATH.resolve():  # the boundary model learns the shipped models' spans
        load_cue_model.cache_clear()
        load_filter.cache_clear()
        boundary = train_boundary(parsed, out.with_name(BOUNDARY_PATH.name))
    return {"articles": len(parsed), "examples": len(labels), "positives": int(sum(labels)),
            "features": len(weights), "threshold": threshold, "recall_floor": floor,
            "filter": judge, "boundary": boundary}


def train_filter(parsed, cue_models: dict, out: Path, c: float | None = None) -> dict:
    """Fit the candidate judge of :mod:`attribution_filter` and write it to ``out`` (``c``:
    see :func:`_judge_regularisation`)."""
    features, labels, groups, second = [], [], [], []
    for number, (raw, gold, doc) in enumerate(parsed):
        for finder, candidate_features_, label in _judged_candidates(raw, gold, doc, cue_models.get(number)):
            features.append(candidate_features_)
            labels.append(label)
            groups.append(number)
            second.append(finder == "recall")
    c, scores = _judge_regularisation(features, labels, groups, c)
    # Recall-weighted: the judge mostly orders nested candidates; dropping a true one costs
    # more than keeping a doubtful one the rules already found (measured on train articles).
    threshold = _best_threshold(scores, labels, beta=JUDGE_BETA)
    second = np.array(second, dtype=bool)
    recall_threshold = _break_even_threshold(scores[second], np.array(labels)[second], threshold)
    vectorizer, model = _fit(features, labels, c)
    weights = _weights(vectorizer, model)
    _write(out, FILTER_FORMAT, float(model.intercept_[0]), threshold, weights, recall_threshold=recall_threshold)
    return {"candidates": len(labels), "positives": int(sum(labels)), "features": len(weights), "c": c,
            "threshold": threshold, "recall_candidates": int(second.sum()),
            "recall_positives": int(np.array(labels)[second].sum()), "recall_threshold": recall_threshold}


def _judge_regularisation(features, labels, groups, c: float | None):
    """``c`` and its out-of-fold scores; without ``c``, the one of FILTER_CS whose out-of-fold
    scores have the lowest log loss (on each train half 0.1: the judge's ~5,000 one-hot
    features over-fit at the old 0.3; cross-trained, half a on b and b on a, cue F1 +0.1)."""
    from sklearn.metrics import log_loss

    if c is not None:
        return c, _out_of_fold(features, labels, groups, c)[0]
    tried = [(c, _out_of_fold(features, labels, groups, c)[0]) for c in FILTER_CS]
    return min(tried, key=lambda pair: (log_loss(labels, pair[1]), pair[0]))


def _break_even_threshold(scores, labels, floor: float) -> float:
    """The judge's bar for second-stage candidates: the one that keeps the most right ones
    net of wrong ones weighted as F1 weighs them (one kept candidate raises F1 when it is
    right with a probability above about F1 / 2, ~RECALL_BREAK_EVEN here)."""
    best = (0.0, -1.0)  # keeping none: a bar above any score
    for threshold in np.round(np.arange(max(floor, 0.1), 0.95, 0.02), 2):
        kept = scores >= threshold
        gain = float((labels[kept] - RECALL_BREAK_EVEN).sum())
        best = max(best, (gain, -float(threshold)))
    return round(-best[1], 2)


def _judged_candidates(raw: str, gold, doc, cue_model):
    """(features, label) per candidate: 1 when, with its spans settled, its content matches
    a gold content partially and its cue overlaps that attribution's cue."""
    from ..eval.common import OffsetMap, SpanIndex, span_similarity
    from .attribution import candidate_attributions, finished

    quotes = find_quotes(text_of(doc))
    candidates = candidate_attributions(doc, quotes, cue_model)
    offsets, index = OffsetMap(text_of(doc), raw), SpanIndex(raw)
    similar, overlap, heads = span_similarity(index, "partial"), _overlap, content_heads(doc, candidates)

    def mapped(spans):
        return tuple(m for m in (offsets.span(*s) for s in spans) if m)

    for candidate in candidates:
        a = finished(doc, candidate.attribution, quotes)
        content, cue = mapped(a.parts or (a.content,)), mapped((a.cue,) if a.cue else ())
        label = int(bool(content) and any(
            similar(g.content, content) > 0 and (not g.cue or overlap(g.cue, cue)) for g in gold if g.content))
        yield candidate.finder, candidate_features(doc, candidate, candidates, heads=heads), label


def _overlap(a, b) -> bool:
    return any(s < e2 and s2 < e for s, e in a for s2, e2 in b)


BOUNDARY_MARGINS = (0.0, 0.25, 0.5, 1.0, 1.5, 2.0, 3.0)
BOUNDARY_MIN_JACCARD = 0.3
BOUNDARY_TREES, BOUNDARY_LEAVES, BOUNDARY_RATE = 150, 15, 0.1


def train_boundary(parsed, out: Path) -> dict:
    """Fit the content-boundary rankers of :mod:`attribution_boundary` on the rules' final
    spans (made with the shipped cue model and judge) and write them to ``out``. Each side's
    margin is the one that makes the most boundaries exact on out-of-fold scores (3 folds
    grouped by article)."""
    from .attribution_boundary import BOUNDARY_FORMAT

    groups = boundary_groups(parsed)
    summary, sides = {"attributions": len(groups) // 2}, {}
    for kind in ("start", "end"):
        side = [g for g in groups if g.kind == kind]
        features, labels, articles = zip(*[(f, label, g.article) for g in side for _, f, label in g.candidates])
        gains = _margin_gains(side, _ranker_out_of_fold(side, features, labels, articles))
        margin = max(BOUNDARY_MARGINS, key=lambda m: (gains[m], m))
        vectorizer, ranker = _fit_ranker(features, labels, [len(g.candidates) for g in side])
        used = np.flatnonzero(ranker.booster_.feature_importance() > 0)
        sides[kind] = {"margin": margin, "width": len(vectorizer.feature_names_),
                       "columns": {vectorizer.feature_names_[i]: int(i) for i in used},
                       "model": ranker.booster_.model_to_string()}
        summary[kind] = {"groups": len(side), "rule_right": sum(g.rule in _right(g) for g in side),
                         "examples": len(labels), "margin": margin, "out_of_fold_gain": gains[margin]}
    write_model_json(out, {"format": BOUNDARY_FORMAT, **sides})
    return summary


def _fit_ranker(features, labels, sizes):
    from lightgbm import LGBMRanker
    from sklearn.feature_extraction import DictVectorizer

    vectorizer = DictVectorizer(dtype=np.float32)
    matrix = vectorizer.fit_transform([dict.fromkeys(f, 1) for f in features])
    ranker = LGBMRanker(n_estimators=BOUNDARY_TREES, num_leaves=BOUNDARY_LEAVES, learning_rate=BOUNDARY_RATE,
                        min_child_samples=10, random_state=SEED, n_jobs=1, deterministic=True,
                        force_row_wise=True, verbose=-1)
    ranker.fit(matrix, np.array(labels), group=sizes)
    return vectorizer, ranker


def _ranker_out_of_fold(side, features, labels, articles):
    """Out-of-fold scores of every candidate (folds keep each article's groups together)."""
    from sklearn.model_selection import GroupKFold

    scores = np.zeros(len(labels))
    group_of = np.repeat(np.arange(len(side)), [len(g.candidates) for g in side])
    for train, test in GroupKFold(n_splits=3).split(features, labels, articles):
        sizes = np.bincount(group_of[train])
        vectorizer, ranker = _fit_ranker([features[i] for i in train], [labels[i] for i in train],
                                         sizes[sizes > 0])
        matrix = vectorizer.transform([dict.fromkeys(features[i], 1) for i in test])
        scores[test] = ranker.predict(matrix)
    return scores


def _right(group) -> set[int]:
    return {i for i, _, label in group.candidates if label}


def _margin_gains(groups, scores) -> dict[float, int]:
    """Boundaries made exact minus boundaries made wrong, per margin."""
    from .attribution_boundary import best_candidate

    gains = dict.fromkeys(BOUNDARY_MARGINS, 0)
    at = 0
    for group in groups:
        scored = {i: scores[at + n] for n, (i, _, _) in enumerate(group.candidates)}
        at += len(group.candidates)
        right = _right(group)
        for margin in BOUNDARY_MARGINS:
            gains[margin] += (best_candidate(scored, group.rule, margin) in right) - (group.rule in right)
    return gains


class BoundaryGroup(NamedTuple):
    article: int
    kind: str  # start | end
    rule: int  # the rules' word
    candidates: list  # (word index, features, label)


def boundary_groups(parsed) -> list[BoundaryGroup]:
    """Per refinable attribution matching a gold content: its start and end candidates,
    labelled 1 where the gold content (trimmed as the exact scorer trims) opens or closes."""
    from ..eval.common import OffsetMap, SpanIndex
    from .attribution import find_attributions
    from .attribution_boundary import end_candidates, refinable, rule_tokens, start_candidates, words_of

    groups = []
    for number, (raw, gold, doc) in enumerate(parsed):
        offsets, index = OffsetMap(text_of(doc), raw), SpanIndex(raw)
        golds = [(index.exact_key(g.content)[0], index.tokens(g.content)) for g in gold
                 if len(g.content) == 1 and index.exact_key(g.content)]
        words = words_of(doc)
        for a in filter(refinable, find_attributions(doc, refine=False, whole_cues=False)):
            mapped = offsets.span(*a.content)
            target = _closest_gold(index.tokens((mapped,)), golds) if mapped else None
            if target is None:
                continue
            first, last = rule_tokens(doc, a)
            for kind, found, rule, side in (("start", start_candidates, first.i, 0), ("end", end_candidates, last.i, 1)):
                candidates = [(i, features, int(_trimmed(doc, i, offsets, index, side) == target[side]))
                              for i, features in found(words, doc, a, first, last)]
                if any(i == rule for i, _, _ in candidates) and any(label for _, _, label in candidates):
                    groups.append(BoundaryGroup(number, kind, rule, candidates))
    return groups


def _closest_gold(tokens, golds):
    from ..eval.common import jaccard

    best = max(golds, key=lambda g: jaccard(tokens, g[1]), default=None)
    return best[0] if best is not None and jaccard(tokens, best[1]) >= BOUNDARY_MIN_JACCARD else None


def _trimmed(doc, i: int, offsets, index, side: int):
    mapped = offsets.span(doc[i].idx, doc[i].idx + len(doc[i].text))
    return index.trim(*mapped)[side] if mapped else None
