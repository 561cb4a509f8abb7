"""A learned judge of attribution candidates: which of the rules' candidates to keep.

The rules of :mod:`attribution` propose more than PolNeAR annotates: a cue inside another
attribution's content (PolNeAR never nests: either the outer content ends before it or the
inner cue is part of what is said), an event verb read as a cue, a content the parse ran
too far. A logistic regression over the candidate's shape (which rule found it, its cue
word and place in the parse, whether it has a source, its length, the head word of its
content, whether it nests in or holds other candidates) gives each one a probability;
candidates are then kept greedily, most probable first, while they do not nest in or hold a
kept one (an interrupted content holds its pieces, not the words between them).

Weights ship as a small JSON file (``data/attribution/attribution_filter.json.gz``) written
by :func:`counterclaim.analyze.cue_train.train_attribution`; without it the rules' own order
decides, as before.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path
from typing import NamedTuple

import numpy
from spacy.attrs import HEAD, IDX
from spacy.tokens import Doc

from .attribution_types import Attribution
from .cue_model import CueModel, read_linear_model
from .spans import CharSpan, expand_bounds, text_of

FILTER_PATH = Path(__file__).resolve().parents[1] / "data" / "attribution" / "attribution_filter.json.gz"
FILTER_FORMAT = 1


class Candidate(NamedTuple):
    attribution: Attribution
    finder: str  # the rule that proposed it
    score: float | None = None  # the cue model's score of its cue word, when scored


@lru_cache(maxsize=2)
def load_filter(path: str | None = None) -> CueModel | None:
    """The shipped candidate judge, or None when it has not been trained."""
    return read_linear_model(Path(path) if path else FILTER_PATH, FILTER_FORMAT)


def _bucket(n: int) -> str:
    for limit in (1, 2, 5, 10, 20, 40):
        if n <= limit:
            return str(limit)
    return "many"


def _cue_probe(a: Attribution):
    return a.cue or a.content


def candidate_features(doc: Doc, candidate: Candidate, others: list[Candidate],
                       nesting: tuple[list[str], int] | None = None,
                       heads: dict[CharSpan, tuple[int, int] | None] | None = None) -> list[str]:
    """``nesting``: the candidate's ``_nesting`` among the others, when already known;
    ``heads``: the contents' ``content_heads``, when already read."""
    a, finder, score = candidate
    cue = doc[a.cue_token] if a.cue_token is not None else None
    lemma = a.cue_lemma or ""
    nested_in, holds = nesting if nesting is not None else _nesting(a, others)
    # Each value read once (a Token's label is a string-store look-up on every access).
    length = _bucket(len(text_of(doc)[a.content[0]:a.content[1]].split()))
    sourced, nested, held = a.source is not None, bool(nested_in), min(holds, 2)
    feats = [f"f={finder}", f"m={a.mode}", f"fm={finder}|{a.mode}", f"l={lemma}", f"fl={finder}|{lemma}",
             f"src={sourced}", f"fsrc={finder}|{sourced}",
             f"len={length}", f"flen={finder}|{length}", f"parts={len(a.parts)}",
             f"nested={nested}", f"fnested={finder}|{nested}",
             f"holds={held}", f"fholds={finder}|{held}"]
    feats += [f"in={finder}|{o}" for o in set(nested_in)]
    if cue is not None:
        dep, side = cue.dep_, _side(a)
        feats += [f"p={cue.pos_}", f"d={dep}", f"t={cue.tag_}", f"fd={finder}|{dep}",
                  f"ld={lemma}|{dep}", f"side={side}", f"fside={finder}|{side}",
                  f"hp={cue.head.pos_}|{dep}"]
    if a.source_token is not None:
        head = doc[a.source_token]
        feats += [f"sp={head.pos_}|{head.ent_type_}", f"sl={head.lower_}" if head.pos_ == "PRON" else "sl=-"]
    feats += _content_head_features(doc, a, finder, (heads or content_heads(doc, [candidate]))[a.content])
    if score is not None:
        feats += _score_features(finder, score)
    if finder in _SECOND_STAGE:
        feats += _context_features(doc, a, cue, finder)
    return feats


_SECOND_STAGE = frozenset({"learned", "recall"})


def content_heads(doc: Doc, candidates: list[Candidate]) -> dict[CharSpan, tuple[int, int] | None]:
    """Per content, its head word (the first whose head lies outside it) and how many words
    hang outside it (at most 3), None for a content of no word; all contents at once in numpy
    (a Python loop over ~500 content words per article costs more than the judge's scoring)."""
    spans = list(dict.fromkeys(c.attribution.content for c in candidates))
    starts, offsets = doc.to_array([IDX, HEAD]).astype(numpy.int64).reshape(-1, 2).T
    firsts, ends = numpy.searchsorted(starts, numpy.array(spans, dtype=numpy.int64).reshape(-1, 2)).T
    lengths = numpy.maximum(ends - firsts, 0)
    owner = numpy.repeat(numpy.arange(len(spans)), lengths)
    word = numpy.arange(int(lengths.sum())) - numpy.repeat(numpy.cumsum(lengths) - lengths, lengths) + firsts[owner]
    head = word + offsets[word]
    outside = (head < firsts[owner]) | (head >= ends[owner]) | (head == word)
    counts = numpy.bincount(owner[outside], minlength=len(spans))
    first_outside = numpy.full(len(spans), len(doc))
    numpy.minimum.at(first_outside, owner[outside], word[outside])
    return {span: None if not length else (int(first_outside[n]) if counts[n] else int(firsts[n]), min(int(counts[n]), 3))
            for n, (span, length) in enumerate(zip(spans, lengths.tolist()))}


def _content_head_features(doc: Doc, a: Attribution, finder: str, head: tuple[int, int] | None) -> list[str]:
    """The content's head word: a clause (a verb) is what is said, a noun phrase more often an
    event's object; how many words hang outside the content (a content the parse ran too far
    holds several); whether the head hangs on the cue."""
    if head is None:
        return [f"cempty={finder}"]
    word, count = head
    token = doc[word]
    feats = [f"cr={finder}|{token.pos_}", f"crd={finder}|{token.dep_}", f"nroots={finder}|{count}"]
    if a.cue_token is not None:
        feats.append(f"crh={finder}|{token.head.i == a.cue_token}")
    return feats


def _score_features(finder: str, score: float) -> list[str]:
    """The cue model's score in tenths (training scores each article with a cue model that
    did not see it, so the judge learns how far to trust an unseen article's scores)."""
    tenth = min(int(score * 10), 9)
    return [f"cs={tenth}", f"fcs={finder}|{tenth}"]


def _context_features(doc: Doc, a: Attribution, cue, finder: str) -> list[str]:
    """What makes a doubtful cue word a cue: who its subject is, what follows it, where the
    sentence stands (a headline is the first line), the word's own lemma and form."""
    feats = [f"hs={finder}|{a.sentence[0] == 0}"]
    if cue is not None:
        feats += [f"ft={finder}|{cue.tag_}", f"fdep={finder}|{cue.dep_}|{cue.head.pos_}"]
    if a.source_token is not None:
        head = doc[a.source_token]
        feats += [f"fsp={finder}|{head.pos_}|{head.ent_type_}"]
    else:
        feats.append(f"fsp={finder}|none")
    first = _first_word(doc, a.content[0])
    if first is not None:
        feats += [f"c0={finder}|{first.lower_ if first.is_stop else first.pos_}",
                  f"c0d={finder}|{first.dep_}"]
    return feats


def _first_word(doc: Doc, start: int):
    bounds = expand_bounds(doc, start, start + 1)
    return doc[bounds[0]] if bounds is not None and bounds[1] > bounds[0] else None


def _nesting(a: Attribution, others: list[Candidate]) -> tuple[list[str], int]:
    """The finders of the others whose content holds the candidate's cue, and how many
    others' cues its own content holds (``contains`` inlined: this runs for every pair)."""
    content = a.content
    start, end = content
    probe_start, probe_end = a.cue or content
    nested_in, holds = [], 0
    for other in others:
        o = other.attribution
        o_content = o.content
        if o_content == content:
            continue
        if o_content[0] <= probe_start and probe_end <= o_content[1]:
            nested_in.append(other.finder)
        o_start, o_end = o.cue or o_content
        if start <= o_start and o_end <= end:
            holds += 1
    return nested_in, holds


def _all_nestings(candidates: list[Candidate]) -> list[tuple[list[str], int]]:
    """``_nesting`` of every candidate among all of them, every pair compared at once in
    numpy (an article has ~40 candidates: ~1,600 pairs a Python loop tested one by one)."""
    spans = numpy.array([(*a.content, *(a.cue or a.content)) for a, _, _ in candidates],
                        dtype=numpy.int64).reshape(-1, 4)
    start, end, probe_start, probe_end = spans.T
    other = (start[:, None] != start) | (end[:, None] != end)  # [i, j]: another content
    holder = (start <= probe_start[:, None]) & (probe_end[:, None] <= end) & other  # j's content holds i's cue
    nested_in: list[list[str]] = [[] for _ in candidates]
    rows, columns = holder.nonzero()  # row by row, each row's columns ascending: the others' order
    for i, j in zip(rows.tolist(), columns.tolist()):
        nested_in[i].append(candidates[j].finder)
    return list(zip(nested_in, holder.sum(axis=0).tolist()))


def _side(a: Attribution) -> str:
    if a.cue is None:
        return "none"
    if a.cue[1] <= a.content[0]:
        return "before"
    return "after" if a.cue[0] >= a.content[1] else "inside"


def select(doc: Doc, candidates: list[Candidate], model: CueModel) -> list[Attribution]:
    """The candidates the judge keeps, most probable first, none nesting in another.
    (The cue model's score is left out of the features: on the training articles it is
    scored in-sample and would be trusted too much.)"""
    return judged_selection(doc, candidates, model)[0]


def judged_selection(doc: Doc, candidates: list[Candidate],
                     model: CueModel) -> tuple[list[Attribution], list[Candidate]]:
    """:func:`select`'s attributions, and every candidate over the judge's bar, kept or not
    (a later step may take one that only looked nested)."""
    nestings, heads = _all_nestings(candidates), content_heads(doc, candidates)
    judged = sorted(((model.score(candidate_features(doc, c, candidates, nesting, heads)), n, c)
                     for n, (c, nesting) in enumerate(zip(candidates, nestings))), key=lambda x: (-x[0], x[1]))
    kept: list[Attribution] = []
    kept_spans: list[tuple[CharSpan, tuple[CharSpan, ...], CharSpan]] = []  # each kept one's content, pieces, cue probe
    cues_taken: set[int] = set()
    recall_bar = model.recall_threshold if model.recall_threshold is not None else 2.0
    passing: list[Candidate] = []
    for probability, _, candidate in judged:
        a, finder, _score = candidate
        if probability < model.threshold:
            break
        if finder == "recall" and probability < recall_bar:
            continue
        passing.append(candidate)
        if a.cue_token is not None and a.cue_token in cues_taken:
            continue
        if _conflicts(a, kept_spans):
            continue
        kept.append(a)
        kept_spans.append((a.content, a.parts, _cue_probe(a)))
        if a.cue_token is not None:
            cues_taken.add(a.cue_token)
    return kept, passing


def _conflicts(a: Attribution, kept_spans: list[tuple[CharSpan, tuple[CharSpan, ...], CharSpan]]) -> bool:
    """Whether the candidate clashes with a kept one: the same content, its cue inside a kept
    content, or a kept cue inside its content (PolNeAR does not nest attributions). An
    interrupted content holds only its pieces: a cue between them ('"...," said Osei, who has
    accused the FHF of mining it, "..."') is not nested. On the kept ones' spans, unpacked
    once: this runs for every candidate over the threshold against every one kept before it."""
    content, parts = a.content, a.parts
    start, end = content
    probe_start, probe_end = probe = _cue_probe(a)
    for kept_content, kept_parts, kept_probe in kept_spans:
        if kept_content == content:
            return True
        if kept_content[0] <= probe_start and probe_end <= kept_content[1] and _in_pieces(probe, kept_parts):
            return True
        if start <= kept_probe[0] and kept_probe[1] <= end and _in_pieces(kept_probe, parts):
            return True
    return False


def _in_pieces(probe: CharSpan, parts: tuple[CharSpan, ...]) -> bool:
    """Whether a probe inside a content's envelope lies in one of its pieces (an uninterrupted
    content is one piece)."""
    return not parts or any(s <= probe[0] and probe[1] <= e for s, e in parts)
