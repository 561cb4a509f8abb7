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
from itertools import repeat
from pathlib import Path
from typing import NamedTuple

from spacy.attrs import DEP, ENT_TYPE, IS_ALPHA, LEMMA, LOWER, POS, TAG
from spacy.parts_of_speech import IDS as POS_IDS
from spacy.strings import get_string_id
from spacy.tokens import Doc, Token

from . import cues
from .spans import doc_tree, expand_bounds

MODEL_PATH = Path(__file__).resolve().parents[1] / "data" / "attribution" / "cue_model.json.gz"
MODEL_FORMAT = 1
CANDIDATE_POS = frozenset({"VERB", "NOUN", "ADJ", "AUX"})
CLAUSE_DEPS = frozenset({"ccomp", "xcomp", "csubj"})


class CueModel(NamedTuple):
    weights: dict[str, float]
    bias: float
    threshold: float
    # Words scored from here up to ``threshold`` are proposed to the judge as second-stage
    # ("recall") candidates; None proposes none (the judge file has no use for it).
    recall_floor: float | None = None
    # The judge's own bar for those second-stage candidates (higher than ``threshold``: a
    # doubtful cue must be likelier right than wrong enough to raise F1); None keeps none.
    recall_threshold: float | None = None

    def score(self, features: list[str]) -> float:
        # map() rather than a generator: the same sum in the same order, at less cost per feature.
        total = self.bias + sum(map(self.weights.get, features, repeat(0.0)))
        return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, total))))


def read_model_json(model_path: Path, model_format: int) -> dict | None:
    """A shipped model saved as gzipped JSON, or None when the file is missing or of another
    format (the caller then falls back to rules)."""
    if not model_path.exists():
        return None
    with gzip.open(model_path, "rt", encoding="utf-8") as handle:
        data = json.load(handle)
    return data if data.get("format") == model_format else None


def write_model_json(out: Path, data: dict) -> None:
    """The writing side of :func:`read_model_json` (``data`` carries its ``format``)."""
    out.parent.mkdir(parents=True, exist_ok=True)
    # mtime=0 and no file name in the gzip header, so a retrain on the same data gives the
    # same bytes (git then sees no change).
    payload = json.dumps(data).encode("utf-8")
    out.write_bytes(gzip.compress(payload, mtime=0))


def read_linear_model(model_path: Path, model_format: int) -> CueModel | None:
    """A logistic regression saved as gzipped JSON weights, or None (see read_model_json)."""
    data = read_model_json(model_path, model_format)
    if data is None:
        return None
    return CueModel(data["weights"], data["bias"], data["threshold"], data.get("recall_floor"),
                    data.get("recall_threshold"))


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
        bounds = expand_bounds(doc, quote.start, quote.end)  # doc.char_span's, without Tokens
        if bounds is not None:
            inside.update(range(*bounds))
    return inside


def cue_scores(doc: Doc, quotes, model: CueModel | None = None, only_at=None) -> dict[int, float]:
    """Token index -> probability of heading a cue, for the doc's candidate words (those of
    them ``only_at`` accepts, when given: a test of a token index; scoring is most of
    attribution's cost).

    Equal (to rounding) to ``model.score(token_features(token, in_quote))`` per word, but read
    from the doc's attribute arrays with the weights summed per group of features and cached
    (see :class:`_GroupedScorer`): building ~20 feature strings per word was most of the cost.
    """
    model = model or load_cue_model()
    if model is None or not len(doc):
        return {}
    columns = doc.to_array(_COLUMNS).T.tolist()
    pos, alpha = columns[1], columns[6]
    candidates = [i for i, (p, a) in enumerate(zip(pos, alpha)) if a and p in _CANDIDATE_POS_IDS]
    if only_at is not None:
        candidates = [i for i in candidates if only_at(i)]
    if not candidates:
        return {}
    inside = quoted_tokens(doc, quotes)
    return _scorer_for(model, doc.vocab.strings).scores(candidates, inside, columns, doc_tree(doc))


# Attribute columns read once per doc; ``_GroupedScorer.scores`` unpacks them in this order.
_COLUMNS = [LEMMA, POS, TAG, DEP, LOWER, ENT_TYPE, IS_ALPHA]
_CANDIDATE_POS_IDS = frozenset(POS_IDS[p] for p in CANDIDATE_POS)
_LEXICAL_CHILD_DEPS = frozenset(get_string_id(d) for d in CLAUSE_DEPS | {
    "dobj", "prep", "nsubj", "nsubjpass", "dative", "poss", "acl", "agent"})
_PC_DEPS = frozenset(get_string_id(d) for d in ("prep", "prt"))
_MK_DEPS = frozenset(get_string_id(d) for d in CLAUSE_DEPS | {"acl"})
_SUBJECT_DEPS = frozenset(get_string_id(d) for d in ("nsubj", "nsubjpass"))
_MARK = get_string_id("mark")
_CACHE_LIMIT = 500_000  # cached sums; a long stream of new words cannot grow it forever


def _lex(lemma: str, pos: str) -> str:
    return f"lex={lemma in cues.SPEECH_VERBS}|{lemma in cues.CUE_NOUNS}|{pos}"


# The templates of :func:`token_features`, grouped by the attribute ids they read: a group's
# weights are summed once per distinct key and cached. ``s`` maps an id to its string.
_GROUPS = {
    "word": lambda s, lemma, pos, q: [  # the word itself, in or out of a quote
        f"l={s(lemma).lower()}", f"p={s(pos)}", f"lp={s(lemma).lower()}|{s(pos)}", f"q={q}",
        f"lq={s(lemma).lower()}|{q}", _lex(s(lemma).lower(), s(pos))],
    "ld": lambda s, lemma, dep: [f"ld={s(lemma).lower()}|{s(dep)}"],
    "role": lambda s, tag, dep, head_pos: [  # its tag and label, and its head's part of speech
        f"t={s(tag)}", f"d={s(dep)}", f"hp={s(head_pos)}", f"dhp={s(dep)}|{s(head_pos)}"],
    "hl": lambda s, head_lemma: [f"hl={s(head_lemma).lower()}"],
    "cd": lambda s, deps: [f"cd={d}" for d in sorted(s(d) for d in deps)],
    "lcd": lambda s, lemma, dep: [f"lcd={s(lemma).lower()}|{s(dep)}"],
    "pc": lambda s, lemma, lower: [f"pc={s(lemma).lower()}|{s(lower)}"],
    "mk": lambda s, lower: [f"mk={s(lower)}"],
    "sp": lambda s, pos, ent: [f"sp={s(pos)}|{s(ent)}"],
    "prev": lambda s, lower: [f"prev={s(lower) if lower is not None else '<s>'}"],
    "next": lambda s, lower: [f"next={s(lower) if lower is not None else '</s>'}"],
}


class _GroupedScorer:
    """The cue model's sum of weights, read from attribute ids instead of feature strings.

    Building ~20 strings per word (:func:`token_features`) was most of the scoring cost. The
    same strings are built here, but once per distinct key of each group in ``_GROUPS``
    (mostly the word's lemma, labels and neighbours, which recur from article to article),
    so a retrained weight file with the same features is read exactly as before; the sum
    differs from ``CueModel.score`` only by floating-point rounding (~1e-16).
    """

    def __init__(self, model: CueModel, strings):
        self.weights, self.bias, self.strings = model.weights, model.bias, strings
        self.cache: dict[tuple, float] = {}

    def _miss(self, key: tuple) -> float:
        if len(self.cache) >= _CACHE_LIMIT:
            self.cache.clear()
        get, text = self.weights.get, self.strings.__getitem__
        total = self.cache[key] = sum(get(f, 0.0) for f in _GROUPS[key[0]](text, *key[1:]))
        return total

    def scores(self, candidates: list[int], inside: set[int], columns: list[list[int]],
               tree) -> dict[int, float]:
        lemmas, pos, tags, deps, lowers, ents = columns[:6]
        heads, children, last = tree.heads, tree.children, len(lowers) - 1
        get, miss, bias, exp = self.cache.get, self._miss, self.bias, math.exp
        found = {}
        for i in candidates:
            lemma, dep, head = lemmas[i], deps[i], heads[i]
            keys = [("word", lemma, pos[i], i in inside), ("ld", lemma, dep),
                    ("role", tags[i], dep, pos[head]), ("hl", lemmas[head]),
                    ("prev", lowers[i - 1] if i else None),
                    ("next", lowers[i + 1] if i < last else None)]
            kids = children[i]
            if kids:
                keys += self._child_keys(lemma, kids, deps, lowers, pos, ents, children)
            total = 0.0
            for key in keys:
                weight = get(key)
                total += weight if weight is not None else miss(key)
            total += bias
            found[i] = 1.0 / (1.0 + exp(-max(-30.0, min(30.0, total))))
        return found

    @staticmethod
    def _child_keys(lemma, kids, deps, lowers, pos, ents, children) -> list[tuple]:
        labels = frozenset([deps[c] for c in kids])
        keys = [("cd", labels)]
        keys += [("lcd", lemma, d) for d in labels & _LEXICAL_CHILD_DEPS]
        subject = None
        for c in kids:
            dep = deps[c]
            if dep in _PC_DEPS:
                keys.append(("pc", lemma, lowers[c]))
            elif dep in _MK_DEPS:
                keys += [("mk", lowers[c]) for g in children[c] if deps[g] == _MARK]
            elif subject is None and dep in _SUBJECT_DEPS:
                subject = c
                keys.append(("sp", pos[c], ents[c]))
        return keys


_SCORERS: dict[int, tuple[dict, _GroupedScorer]] = {}


def _scorer_for(model: CueModel, strings) -> _GroupedScorer:
    """One scorer (and its cache) per weight table, bias and string store. A weight table is
    read as immutable: training builds a new one rather than changing a loaded one."""
    key = id(model.weights)
    entry = _SCORERS.get(key)
    if entry is None or entry[0] is not model.weights or entry[1].bias != model.bias \
            or entry[1].strings is not strings:
        if len(_SCORERS) >= 4:
            _SCORERS.clear()
        entry = _SCORERS[key] = (model.weights, _GroupedScorer(model, strings))
    return entry[1]
