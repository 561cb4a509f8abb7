"""Judge a text's stance toward a claim it did not make: agree, disagree, discuss, unrelated.

The model (FNC-1 task; see :mod:`stance_train`) ships in ``counterclaim/data/stance`` and is
loaded on first use, once per process. Headline-length texts (<= 40 tokens) are judged by a
head trained on Emergent (:mod:`stance_headline`): related vs unrelated, and the
agree/disagree/discuss split, helped by the outlet when the caller knows it; longer texts by
the body model. ``evidence`` lists the sentences that decided the label: those most similar
to the claim, preferring ones that carry the label's cue words (denials for disagree, hedges
for discuss, confirmations for agree).
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from functools import lru_cache
from pathlib import Path
from typing import NamedTuple

import joblib
import numpy as np

from counterclaim.analyze.stance_data import LABELS
from counterclaim.analyze.stance_features import CUE_NAMES, cue_counts
from counterclaim.analyze.stance_train import DEFAULT_MODEL_DIR, MODEL_FILE, MODEL_FORMAT
from counterclaim.errors import EmptyInput, InputError, ModelNotFound

EVIDENCE_SENTENCES = 2
PAIRS_BATCH = 256
# Which cue lexicons make a sentence better evidence for each label.
EVIDENCE_CUES = {
    "agree": ("confirm",),
    "disagree": ("deny", "doubt", "negation"),
    "discuss": ("hedge",),
}
CUE_BONUS = 0.15  # added to a sentence's similarity when it carries the label's cues


class StanceResult(NamedTuple):
    """stance (str): one of agree, disagree, discuss, unrelated.
    score (float): the model's probability of that stance.
    evidence (list[str]): sentences of the text that decided it (empty for unrelated).
    probabilities (dict[str, float]): every label's probability.
    """

    stance: str
    score: float
    evidence: list[str]
    probabilities: dict[str, float]


@lru_cache(maxsize=4)
def load_stance_model(path: str | None = None):
    """Load (once per path) the trained :class:`StanceModel`; default: the shipped one."""
    file = Path(path) if path else DEFAULT_MODEL_DIR / MODEL_FILE
    if file.is_dir():
        file = file / MODEL_FILE
    if not file.is_file():
        raise ModelNotFound("stance model missing; run `counterclaim train stance`",
                            location=str(file))  # fmt: skip
    bundle = joblib.load(file)
    # Format 1 predates the headline head: it judges headlines with the body model.
    if not isinstance(bundle, dict) or bundle.get("format") not in (1, MODEL_FORMAT):
        raise ModelNotFound("stance model has an unknown format; retrain it", location=str(file))
    return bundle["model"]


def _check(claim: object, text: object, where: str | None = None) -> None:
    for name, value in (("claim", claim), ("text", text)):
        if not isinstance(value, str):
            raise InputError(f"{name} must be a string", location=where)
        if not value.strip():
            raise EmptyInput(f"{name} is empty", location=where)


def select_evidence(model, claim: str, text: str, label: str, k: int = EVIDENCE_SENTENCES):
    """The ``k`` sentences most similar to the claim, favouring the label's cue words."""
    if label not in EVIDENCE_CUES:
        return []
    sentences, similarities = model.featurizer.sentence_similarities(claim, text)
    wanted = [CUE_NAMES.index(name) for name in EVIDENCE_CUES[label]]
    ranked = []
    for sentence, similarity in zip(sentences, similarities):
        has_cue = bool(cue_counts(sentence)[wanted].sum())
        ranked.append((similarity + CUE_BONUS * has_cue * (similarity > 0), sentence))
    ranked.sort(key=lambda item: -item[0])
    return [sentence for value, sentence in ranked[:k] if value > 0]


def stance_many(
    claims: list[str], texts: list[str], model_path: str | None = None, evidence: bool = True,
    sources: list[str | None] | None = None,
) -> list[StanceResult]:
    """Stance of each text toward its claim, predicted in one batch.

    sources: each text's outlet (a domain or URL), when known; the headline head has learned
    how outlets hedge. None or "" means unknown.
    """
    for claim, text in zip(claims, texts, strict=True):
        _check(claim, text)
    if not claims:
        return []
    model = load_stance_model(model_path)
    outlets = [source or "" for source in sources] if sources is not None else None
    probabilities = model.predict_proba(list(claims), list(texts), outlets)
    results = []
    for claim, text, row in zip(claims, texts, probabilities):
        label = LABELS[int(np.argmax(row))]
        sentences = select_evidence(model, claim, text, label) if evidence else []
        results.append(StanceResult(label, float(row.max()), sentences,
                                    {name: float(p) for name, p in zip(LABELS, row)}))  # fmt: skip
    return results


def stance(
    claim: str, text: str, model_path: str | None = None, source: str | None = None
) -> StanceResult:
    """Does ``text`` agree with, dispute, discuss, or not address ``claim``?

    source: the text's outlet (domain or URL), if known.
    """
    return stance_many([claim], [text], model_path, sources=[source])[0]


def _parse_pair(line: str, number: int) -> tuple[str, str, str]:
    where = f"line {number}"
    try:
        record = json.loads(line)
    except json.JSONDecodeError as error:
        raise InputError(f"not JSON ({error.msg})", location=where) from None
    if not isinstance(record, dict):
        raise InputError("expected an object with claim and text", location=where)
    claim, text, source = record.get("claim"), record.get("text"), record.get("source") or ""
    _check(claim, text, where)
    if not isinstance(source, str):
        raise InputError("source must be a string", location=where)
    return claim, text, source


def stance_pairs(lines: Iterable[str], model_path: str | None = None) -> Iterator[dict]:
    """For each JSONL line {"claim", "text"[, "source"]} yield {"stance", "score"}, in order.

    A malformed line yields {"line": n, "error": message} and the rest go on.
    """
    batch: list[tuple[int, str, str, str]] = []
    errors: dict[int, str] = {}
    for number, line in enumerate(lines, start=1):
        try:
            batch.append((number, *_parse_pair(line, number)))
        except InputError as error:
            errors[number] = error.message
            batch.append((number, "", "", ""))
        if len(batch) >= PAIRS_BATCH:
            yield from _score_batch(batch, errors, model_path)
            batch = []
    yield from _score_batch(batch, errors, model_path)


def _score_batch(batch, errors: dict[int, str], model_path: str | None) -> Iterator[dict]:
    valid = [row[1:] for row in batch if row[0] not in errors]
    results = iter(stance_many([v[0] for v in valid], [v[1] for v in valid], model_path,
                               evidence=False, sources=[v[2] for v in valid]))  # fmt: skip
    for number, *_ in batch:
        if number in errors:
            yield {"line": number, "error": errors.pop(number)}
        else:
            result = next(results)
            yield {"stance": result.stance, "score": round(result.score, 4)}
