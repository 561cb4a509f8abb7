"""A learned cue detector: which words of a parsed sentence head an attribution cue.

PolNeAR counts beliefs, plans, evaluations and attitudes as attributions ("agreed",
"wants", "blasted", "likened", "pointed out", "a second view"), a vocabulary too open for a
hand-kept lexicon. A logistic regression over the word and its place in the parse (lemma,
part of speech, dependency, head, the dependencies of its children, quote context) scores
each verb, noun and adjective; the rules in :mod:`attribution` then turn a scored word into
source and content spans by the parse, exactly as for a lexicon cue.

The model ships as a small JSON file of feature weights (``data/attribution/cue_model.json``,
written by :func:`counterclaim.analyze.cue_train.train_attribution`), so scoring needs no
machine-learning library: a word's score is the logistic of the sum of its features' weights.
"""

from __future__ import annotations

import gzip
import json
import math
from functools import lru_cache
from pathlib import Path
from typing import NamedTuple

from spacy.tokens import Doc, Token

from . import cues

MODEL_PATH = Path(__file__).resolve().parents[1] / "data" / "attribution" / "cue_model.json.gz"
MODEL_FORMAT = 1
CANDIDATE_POS = frozenset({"VERB", "NOUN", "ADJ", "AUX"})
CLAUSE_DEPS = frozenset({"ccomp", "xcomp", "csubj"})


class CueModel(NamedTuple):
    weights: dict[str, float]
    bias: float
    threshold: float

    def score(self, features: list[str]) -> float:
        total = self.bias + sum(self.weights.get(f, 0.0) for f in features)
        return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, total))))


def read_linear_model(model_path: Path, model_format: int) -> CueModel | None:
    """A logistic regression saved as gzipped JSON weights, or None when the file is missing
    or of another format (the caller then falls back to rules)."""
    if not model_path.exists():
        return None
    with gzip.open(model_path, "rt", encoding="utf-8") as handle:
        data = json.load(handle)
    if data.get("format") != model_format:
        return None
    return CueModel(data["weights"], data["bias"], data["threshold"])


@lru_cache(maxsize=2)
def load_cue_model(path: str | None = None) -> CueModel | None:
    """The shipped model, or None when it has not been trained (the rules then run alone)."""
    return read_linear_model(Path(path) if path else MODEL_PATH, MODEL_FORMAT)


def is_candidate(token: Token) -> bool:
    return token.pos_ in CANDIDATE_POS and token.is_alpha


def token_features(token: Token, in_quote: bool) -> list[str]:
    """Sparse string features of one candidate word (see the module docstring)."""
    lemma, head = token.lemma_.lower(), token.head
    child_deps = sorted({c.dep_ for c in token.children})
    feats = [
        f"l={lemma}", f"p={token.pos_}", f"t={token.tag_}", f"d={token.dep_}",
        f"lp={lemma}|{token.pos_}", f"ld={lemma}|{token.dep_}",
        f"hl={head.lemma_.lower()}", f"hp={head.pos_}", f"dhp={token.dep_}|{head.pos_}",
        f"q={in_quote}", f"lq={lemma}|{in_quote}",
        f"lex={lemma in cues.SPEECH_VERBS}|{lemma in cues.CUE_NOUNS}|{token.pos_}",
    ]
    feats += [f"cd={d}" for d in child_deps]
    feats += [f"lcd={lemma}|{d}" for d in child_deps if d in CLAUSE_DEPS | {"dobj", "prep", "nsubj", "nsubjpass", "dative", "poss", "acl", "agent"}]
    feats += [f"pc={lemma}|{c.lower_}" for c in token.children if c.dep_ in ("prep", "prt")]
    feats += [f"mk={c.lower_}" for c in token.children if c.dep_ in CLAUSE_DEPS | {"acl"}
              for g in c.children if g.dep_ == "mark"]
    subject = next((c for c in token.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    if subject is not None:
        feats.append(f"sp={subject.pos_}|{subject.ent_type_}")
    doc = token.doc
    feats.append(f"prev={doc[token.i - 1].lower_ if token.i else '<s>'}")
    feats.append(f"next={doc[token.i + 1].lower_ if token.i + 1 < len(doc) else '</s>'}")
    return feats


def quoted_tokens(doc: Doc, quotes) -> set[int]:
    """Indices of the tokens inside quotation marks."""
    inside: set[int] = set()
    for quote in quotes:
        span = doc.char_span(quote.start, quote.end, alignment_mode="expand")
        if span is not None:
            inside.update(range(span.start, span.end))
    return inside


def cue_scores(doc: Doc, quotes, model: CueModel | None = None, only=None) -> dict[int, float]:
    """Token index -> probability of heading a cue, for the doc's candidate words (those of
    them ``only`` accepts, when given: scoring is most of attribution's cost)."""
    model = model or load_cue_model()
    if model is None:
        return {}
    inside = quoted_tokens(doc, quotes)
    return {t.i: model.score(token_features(t, t.i in inside)) for t in doc
            if is_candidate(t) and (only is None or only(t))}
