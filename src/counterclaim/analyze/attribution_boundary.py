"""A learned second look at where a content starts and ends.

The rules of :mod:`attribution` give a content its subtree in the parse; PolNeAR's annotators
often draw the line a few words off: "accused *the FBI* of X" (content: X), "the notion *that*
..." (content starts at "that"), "..., despite protests" (left out), "to remove troops" (without
"to"). Two LightGBM rankers (lambdarank over one-hot features) score every word near the
rule's start (would the content open here?) and every word near its end (would it close
here?) from the word, its neighbours, its place in the parse relative to the cue, and how far
it lies from the rule's boundary; all of an article's candidates are scored at once per side
(features looked up straight to the trees' columns, the trees read as tables:
:mod:`attribution_boundary_trees`; ~3 ms CPU per sample article, ~5 before). A boundary
moves only when the best-scored word beats the rule's own by a margin, so the rules stay in
charge of everything the model is unsure of; a content is never stretched over punctuation past
the rule's end, nor over its cue, and it ends at the conjunction before another attribution's
coordinated tag ("... it still holds and the army says ..."). Split quotes are left alone (their marks
settle them); a single quote may still gain what PolNeAR counts with it (``that "..."``).

Weights ship as ``data/attribution/attribution_boundary.json.gz`` (written by
:func:`counterclaim.analyze.cue_train.train_boundary`); without the file nothing changes.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path
from typing import NamedTuple

import numpy
from spacy.attrs import DEP, IS_PUNCT, IS_SPACE, POS
from spacy.tokens import Doc, Token

from .attribution_types import Attribution, content_mode
from .cue_model import read_model_json
from .cue_parse import doc_words
from .spans import doc_tree, sentence_range, text_of, token_at, token_index_at, trim

BOUNDARY_PATH = Path(__file__).resolve().parents[1] / "data" / "attribution" / "attribution_boundary.json.gz"
BOUNDARY_FORMAT = 2
START_WINDOW = (-6, 8)  # words before / after the rule's first word the content may open at
END_WINDOW = (-12, 10)  # words before / after the rule's last word it may close at
REFINED_MODES = frozenset({"direct", "indirect", "mixed", "according_to"})


class Ranker(NamedTuple):
    """One side's ranker: a LightGBM lambdarank model over one-hot features."""
    columns: dict[str, int]  # feature name -> column (only the features the trees split on)
    width: int  # the booster's number of columns
    booster: object  # lightgbm.Booster
    margin: float  # how much the best word must beat the rule's own to move the boundary
    keys: dict | None = None  # feature key -> column (``key_columns(columns)``, built once)
    tables: object | None = None  # the trees as look-up tables (attribution_boundary_trees)
    column_tables: ColumnTables | None = None  # ``keys`` split for row building, built once

    def key_tables(self) -> ColumnTables:
        if self.column_tables is not None:
            return self.column_tables
        return column_tables(self.keys if self.keys is not None else key_columns(self.columns))

    def scores(self, rows: list[list[int]]):
        """One score per row of columns (a candidate's known features)."""
        if self.tables is not None:  # the same scores, ~3x faster than the booster's predict
            return self.tables.scores(rows)
        from .attribution_boundary_trees import one_hot_rows

        return self.booster.predict(one_hot_rows(rows, self.width), num_threads=1)


class BoundaryModel(NamedTuple):
    start: Ranker  # "the content opens at this word"
    end: Ranker  # "the content closes at this word"


@lru_cache(maxsize=2)
def load_boundary_model(path: str | None = None) -> BoundaryModel | None:
    """The shipped model, or None when it has not been trained (the rules' spans stand)."""
    data = read_model_json(Path(path) if path else BOUNDARY_PATH, BOUNDARY_FORMAT)
    return None if data is None else BoundaryModel(_ranker(data["start"]), _ranker(data["end"]))


def _ranker(side: dict) -> Ranker:
    import lightgbm

    from .attribution_boundary_trees import tables_for

    booster = lightgbm.Booster(model_str=side["model"])
    keys = key_columns(side["columns"])
    return Ranker(side["columns"], side["width"], booster, side["margin"], keys,
                  tables_for(booster, side["width"], sorted(side["columns"].values()), model_text=side["model"]),
                  column_tables(keys))


def refinable(a: Attribution) -> bool:
    return a.mode in REFINED_MODES and not a.parts


def refine_contents(doc: Doc, found: list[Attribution], quotes, model: BoundaryModel | None) -> list[Attribution]:
    """The attributions with their contents' start and end moved where the model is
    confident (all of an article's candidates are scored in one call per side)."""
    if model is None:
        return found
    start_tables, end_tables = model.start.key_tables(), model.end.key_tables()
    jobs, words = [], None
    for n, a in enumerate(found):
        if refinable(a):
            words = words or words_of(doc)
            first, last = token_index_at(doc, a.content[0]), token_index_at(doc, max(a.content[0], a.content[1] - 1))
            allowed = _allowed_range(doc, a, first, last)
            jobs.append((n, first, last, start_columns(words, a, first, last, allowed, start_tables),
                         end_columns(words, a, first, last, allowed, end_tables)))
    if not jobs:
        return found
    starts = _choices([(job[1], job[3]) for job in jobs], model.start)
    ends = _choices([(job[2], job[4]) for job in jobs], model.end)
    moved = list(found)
    for (n, first, last, _, _), start, end in zip(jobs, starts, ends):
        end = short_of_other_tags(doc, found, found[n], first, last, end)
        moved[n] = _moved(doc, found[n], start, end, quotes) if (start, end) != (first, last) else found[n]
    return moved


def short_of_other_tags(doc: Doc, found: list[Attribution], a: Attribution, first: int, last: int,
                        end: int) -> int:
    """A content (from its rule or moved by the model) ends before a coordinated clause with
    its own subject whose verb is another attribution's cue: "which the FHF says it still holds
    and the army says it has captured" holds two claims, the first ending at the coordination.
    Only such clauses after the rule's last word: a cue inside the content's own clause ("calling
    on delegates to back X") or one the rule's content holds may be what it reports."""
    opens = (clause_start(doc[b.cue_token]) or _source_after_and(doc, b) for b in found
             if b is not a and b.cue_token is not None and b.cue_token > last)
    opens = [i for i in opens if i is not None and first < i <= end + 1]
    if not opens:
        return end
    stop = min(opens) - 1
    while stop > first and (doc[stop].is_punct or doc[stop].is_space or doc[stop].dep_ == "cc"):
        stop -= 1
    return stop


def _source_after_and(doc: Doc, b: Attribution) -> int | None:
    """Where another claim's source opens right after "and" when the parse misread the
    coordination ("holds Kessen and the army says ...", "Kessen and the army" one subject): a
    split made in attribution_coordinated_claims that the model must not undo."""
    if b.source is None or b.source_token is None:
        return None
    opens, head = token_index_at(doc, b.source[0]), doc[b.source_token]
    if opens == 0 or b.cue[0] < b.source[1] or head.dep_ != "conj":
        return None
    conjunction = doc[opens - 1]
    return opens if conjunction.lower_ == "and" and conjunction.dep_ == "cc" and conjunction.head == head.head else None


def clause_start(cue: Token) -> int | None:
    """Where a cue clause with its own subject opens right after a coordinating conjunction,
    joined to another clause ("and *the army* says"). A clause that opens with a relative
    pronoun or a subordinator still describes a noun or depends on a verb ("emails ... and that
    Clinton thinks should be public"); a clause no conjunction opens is a parse's guess."""
    if cue.dep_ != "conj" or cue.head.pos_ not in ("VERB", "AUX"):
        return None
    subject = next((c for c in cue.children if c.dep_ in ("nsubj", "nsubjpass") and c.i < cue.i), None)
    if subject is None or subject.left_edge.i != cue.left_edge.i or cue.left_edge.i == 0:
        return None
    return cue.left_edge.i if cue.doc[cue.left_edge.i - 1].dep_ == "cc" else None


def _choices(groups: list[tuple[int, tuple[list[int], list[list[int]]]]], ranker: Ranker) -> list[int]:
    """Per group (the rule's word, its candidates' words and columns): the word chosen."""
    scores = ranker.scores([columns for _, (_, rows) in groups for columns in rows]).tolist()
    chosen, at = [], 0
    for rule, (candidates, _) in groups:
        chosen.append(_best_of(candidates, scores[at:at + len(candidates)], rule, ranker.margin))
        at += len(candidates)
    return chosen


def _best_of(candidates: list[int], scores: list[float], rule: int, margin: float) -> int:
    """``best_candidate`` on parallel lists (candidates in text order)."""
    if rule not in candidates:
        return rule
    own, top = scores[candidates.index(rule)], max(scores)
    if own == top:  # best_candidate's tie goes to the rule
        return rule
    return candidates[scores.index(top)] if top > own + margin else rule


def best_candidate(scored: dict[int, float], rule: int, margin: float) -> int:
    """The best-scored word when it beats the rule's own by more than the margin."""
    if rule not in scored:
        return rule
    best = max(scored, key=lambda i: (scored[i], i == rule))
    return best if scored[best] > scored[rule] + margin else rule


def _moved(doc: Doc, a: Attribution, start: int, end: int, quotes) -> Attribution:
    if end < start:
        return a
    content = trim(text_of(doc), doc[start].idx, doc[end].idx + len(doc[end].text))
    if content[1] - content[0] < 2:
        return a
    return a._replace(content=content, mode=content_mode(content, quotes))


def rule_tokens(doc: Doc, a: Attribution) -> tuple[Token, Token]:
    return token_at(doc, a.content[0]), token_at(doc, max(a.content[0], a.content[1] - 1))


def _allowed(doc: Doc, a: Attribution, first: Token, last: Token) -> tuple[int, int]:
    return _allowed_range(doc, a, first.i, last.i)


def _allowed_range(doc: Doc, a: Attribution, first: int, last: int) -> tuple[int, int]:
    """The words a content may cover: its sentences, on its side of the cue."""
    low, high = sentence_range(doc, first)[0], sentence_range(doc, last)[1] - 1
    if a.cue is not None:
        cue_first, cue_last = token_index_at(doc, a.cue[0]), token_index_at(doc, max(a.cue[0], a.cue[1] - 1))
        if cue_last < first:
            low = max(low, cue_last + 1)
        elif cue_first > last:
            high = min(high, cue_first - 1)
    return low, high


class Words(NamedTuple):
    """A doc's words as plain lists, read once: building a Token per look costs more than
    the model."""
    lower: list[str]
    pos: list[str]
    dep: list[str]
    word: list[bool]  # neither punctuation nor space
    punct_before: list[int]  # punctuation marks before each index (prefix counts)
    verbs_before: list[int]
    words_before: list[int]
    heads: list[int]
    lefts: list
    rights: list


def words_of(doc: Doc) -> Words:
    tree = doc_tree(doc)
    if not len(doc):
        return Words([], [], [], [], [0], [0], [0], [], [], [])
    table = doc.to_array([POS, DEP, IS_PUNCT, IS_SPACE])
    pos, dep = (_names(doc, table[:, k]) for k in range(2))
    verbs = (table[:, 0] == doc.vocab.strings["VERB"]) | (table[:, 0] == doc.vocab.strings["AUX"])
    word = (table[:, 2] == 0) & (table[:, 3] == 0)
    return Words(doc_words(doc).lowers, pos, dep, word.tolist(), _prefix(table[:, 2]), _prefix(verbs), _prefix(word),
                 tree.heads, tree.lefts, tree.rights)


def _names(doc: Doc, column) -> list[str]:
    """The strings of a column of label ids (parts of speech, dependency labels), each of the
    few dozen labels read from the string store once, not once per doc."""
    names = _LABEL_NAMES
    found = list(map(names.get, column.tolist()))
    if None in found:
        strings = doc.vocab.strings
        if len(names) > 10_000:  # not labels after all: start again rather than grow
            names.clear()
        found = [names.get(key) or names.setdefault(key, strings[key]) for key in column.tolist()]
    return found


_LABEL_NAMES: dict[int, str] = {}  # a label's id is its string's hash, the same in any vocab


def _prefix(flags) -> list[int]:
    return numpy.concatenate(([0], numpy.cumsum(flags, dtype=numpy.int64))).tolist()


def _left_edge(w: Words, i: int) -> int:
    while w.lefts[i]:
        i = w.lefts[i][0]
    return i


def _right_edge(w: Words, i: int) -> int:
    while w.rights[i]:
        i = w.rights[i][-1]
    return i


def start_candidates(w: Words, doc: Doc, a: Attribution, first: Token, last: Token,
                     allowed: tuple[int, int] | None = None) -> list[tuple[int, list[str]]]:
    """The start candidates with their features by name (what the ranker was trained on)."""
    rows = start_rows(w, a, first.i, last.i, allowed or _allowed(doc, a, first, last))
    return [(i, [feature_name(key) for key in keys]) for i, keys in rows]


def end_candidates(w: Words, doc: Doc, a: Attribution, first: Token, last: Token,
                   allowed: tuple[int, int] | None = None) -> list[tuple[int, list[str]]]:
    rows = end_rows(w, a, first.i, last.i, allowed or _allowed(doc, a, first, last))
    return [(i, [feature_name(key) for key in keys]) for i, keys in rows]


def start_rows(w: Words, a: Attribution, first: int, last: int, allowed: tuple[int, int]) -> list[tuple[int, tuple]]:
    low, high = allowed
    lo, hi = max(low, first + START_WINDOW[0]), min(high, last, first + START_WINDOW[1])
    return [(i, start_features(w, i, first, a.cue_token, a.cue_lemma, a.mode)) for i in range(lo, hi + 1)
            if w.word[i] or i == first]


def end_rows(w: Words, a: Attribution, first: int, last: int, allowed: tuple[int, int]) -> list[tuple[int, tuple]]:
    low, high = allowed
    lo, hi = max(low, first, last + END_WINDOW[0]), min(high, last + END_WINDOW[1])
    # Past the rule's end only up to the next punctuation: an aside the outlet adds after a
    # comma or dash stays out (attribution_bounds), and so does the next clause.
    return [(i, end_features(w, i, last, a.cue_token, a.mode, high)) for i in range(lo, hi + 1)
            if (w.word[i] and (i < last or w.punct_before[i] == w.punct_before[last + 1])) or i == last]


def start_columns(w: Words, a: Attribution, first: int, last: int, allowed: tuple[int, int],
                  tables: ColumnTables) -> tuple[list[int], list[list[int]]]:
    """The candidates of ``start_rows`` and, per candidate, the columns of its features that
    ``keys`` knows (no other can change a score), without building the keys: each feature is
    looked up in its template's table for the candidate's side (``column_tables``), by its parts
    alone, and the rule's own features once per side. A row's columns come in another order,
    which no score depends on (a row is a set of columns)."""
    low, high = allowed
    lo, hi = max(low, first + START_WINDOW[0]), min(high, last, first + START_WINDOW[1])
    unsided, get, rule_word, cue = tables.unsided, tables.keys.get, w.lower[first], a.cue_token
    shared = {side: _present(get, (("side", side), ("m", a.mode, side), ("cl", a.cue_lemma or "-", side),
                                   ("rw", rule_word, side)))
              for side in _SIDES}
    by_side = tables.start
    shifts, after_rule = unsided.get("s", _EMPTY), unsided.get("rw-w", _EMPTY).get(rule_word, _EMPTY)
    same = get(("rw-w", "same"))
    lower, pos_of, dep, heads, lefts, word_flags = w.lower, w.pos, w.dep, w.heads, w.lefts, w.word
    relation = _cue_relations(w, cue)
    between = _betweens(w, first)
    candidates, rows = [], []
    for i in range(lo, hi + 1):  # within the window: the shift needs no clamping
        if not (word_flags[i] or i == first):
            continue
        shift = i - first
        side = "rule" if shift == 0 else ("left" if shift < 0 else "right")
        word, pos, own_dep, head = lower[i], pos_of[i], dep[i], heads[i]
        prev_word, prev_pos = (lower[i - 1], pos_of[i - 1]) if i > 0 else ("<s>", "<s>")
        w_t, p_t, d_t, pw_t, pp_t, hd_t, hp_t, open_t, hopen_t, cue_t, btw_t = by_side[side]
        found = (shifts.get(shift), w_t.get(word), p_t.get(pos), d_t.get(own_dep), pw_t.get(prev_word),
                 pp_t.get((prev_pos, pos)), hd_t.get((dep[head], own_dep)), hp_t.get(pos_of[head]),
                 open_t.get(not lefts[i]), hopen_t.get(_left_edge(w, head) == i),
                 cue_t.get(relation(i)), btw_t.get(between(i)),
                 after_rule.get(word) if shift else same)
        candidates.append(i)
        rows.append([c for c in found if c is not None] + shared[side])
    return candidates, rows


def end_columns(w: Words, a: Attribution, first: int, last: int, allowed: tuple[int, int],
                tables: ColumnTables) -> tuple[list[int], list[list[int]]]:
    """The candidates of ``end_rows`` and their known columns, as ``start_columns`` builds them."""
    low, high = allowed
    lo, hi = max(low, first, last + END_WINDOW[0]), min(high, last + END_WINDOW[1])
    unsided, get = tables.unsided, tables.keys.get
    shared = {side: _present(get, (("side", side), ("m", a.mode, side), ("rw", w.lower[last], side)))
              for side in _SIDES}
    by_side = tables.end
    shifts, next_heads, cue = unsided.get("s", _EMPTY), unsided.get("nh", _EMPTY), a.cue_token
    lower, pos_of, dep, heads, rights, word_flags = w.lower, w.pos, w.dep, w.heads, w.rights, w.word
    punct_before, words_before, n = w.punct_before, w.words_before, len(w.lower)
    punct_after_rule, words_to_end = punct_before[last + 1], words_before[high + 1]
    relation = _cue_relations(w, cue)
    between = _betweens(w, last)
    candidates, rows = [], []
    for i in range(lo, hi + 1):  # within the window: the shift needs no clamping
        # as end_rows: past the rule's end only up to the next punctuation
        if not ((word_flags[i] and (i < last or punct_before[i] == punct_after_rule)) or i == last):
            continue
        shift = i - last
        side = "rule" if shift == 0 else ("left" if shift < 0 else "right")
        if i + 1 < n:
            next_word, next_pos, next_dep, next_head = lower[i + 1], pos_of[i + 1], dep[i + 1], pos_of[heads[i + 1]]
        else:
            next_word = next_pos = next_dep = "</s>"
            next_head = "-"
        pos = pos_of[i]
        w_t, p_t, d_t, nw_t, np_t, nd_t, close_t, hclose_t, end_t, cue_t, btw_t = by_side[side]
        found = (shifts.get(shift), w_t.get(lower[i]), p_t.get(pos), d_t.get(dep[i]), nw_t.get(next_word),
                 next_heads.get((next_head, next_dep)), np_t.get((pos, next_pos)), nd_t.get(next_dep),
                 close_t.get(not rights[i]), hclose_t.get(_right_edge(w, heads[i]) == i),
                 end_t.get(words_to_end == words_before[i + 1]), cue_t.get(relation(i)),
                 btw_t.get(between(i)))
        candidates.append(i)
        rows.append([c for c in found if c is not None] + shared[side])
    return candidates, rows


_SIDES = ("left", "rule", "right")
_EMPTY: dict = {}
# The templates whose last part is the candidate's side ("s", "nh" and "rw-w" have none; a
# word "left" as rw-w's last part is a word).
_SIDED = frozenset({"side", "m", "w", "p", "d", "pw", "pp", "hd", "hp", "open", "hopen", "cue", "cl", "btw",
                    "rw", "nw", "np", "nd", "close", "hclose", "end"})
_START_TEMPLATES = ("w", "p", "d", "pw", "pp", "hd", "hp", "open", "hopen", "cue", "btw")
_END_TEMPLATES = ("w", "p", "d", "nw", "np", "nd", "close", "hclose", "end", "cue", "btw")


class ColumnTables(NamedTuple):
    """A ranker's feature keys split for building rows: dicts of strings look up ~2x faster
    than tuples of four. Built once per ranker, when its model loads."""
    keys: dict  # feature key -> column
    unsided: dict  # template -> {parts -> column} ("rw-w": rule word -> word -> column)
    start: dict[str, tuple[dict, ...]]  # side -> the start templates' tables, in their order
    end: dict[str, tuple[dict, ...]]  # side -> the end templates' tables, in their order


def column_tables(keys: dict) -> ColumnTables:
    """``keys`` split by template (and side, for a sided one): (template, side) -> {the parts
    between (one part, or a tuple of them) -> column}, the rest by template."""
    sided: dict = {}
    unsided: dict = {}
    for key, column in keys.items():
        template = key[0]
        if template in _SIDED and key[-1] in _SIDES:
            parts = key[1:-1]
            sided.setdefault((template, key[-1]), {})[parts[0] if len(parts) == 1 else parts] = column
        elif template == "rw-w":  # ("rw-w", "same") is looked up as a key
            if len(key) == 3:
                unsided.setdefault(template, {}).setdefault(key[1], {})[key[2]] = column
        elif len(key) == 2:
            unsided.setdefault(template, {})[key[1]] = column
        else:
            unsided.setdefault(template, {})[key[1:]] = column

    def by_side(templates: tuple[str, ...]) -> dict[str, tuple[dict, ...]]:
        return {side: tuple(sided.get((template, side), _EMPTY) for template in templates) for side in _SIDES}

    return ColumnTables(keys, unsided, by_side(_START_TEMPLATES), by_side(_END_TEMPLATES))


def _present(get, feature_keys: tuple) -> list[int]:
    return [c for c in map(get, feature_keys) if c is not None]


# A feature is a key: its template, then its parts ("w", "said", "left"); its name joins them
# ("w=said|left"). The scorer looks keys up directly: formatting ~17 names per candidate cost
# more than the trees.
def feature_name(key: tuple) -> str:
    return f"{key[0]}={'|'.join(map(str, key[1:]))}"


_ARITY = {"s": 1, "side": 1, "pp": 3, "hd": 3, "np": 3}  # parts after the template (else 2)
_BOOLEAN = frozenset({"open", "hopen", "close", "hclose", "end"})  # their first part is True/False


def key_columns(columns: dict[str, int]) -> dict[tuple, int]:
    """feature key -> column, for every key whose name is a column's. A word may hold ``|``, so
    a name is entered under each way of cutting it into its template's parts."""
    from itertools import combinations

    keys: dict[tuple, int] = {}
    for name, column in columns.items():
        template, _, rest = name.partition("=")
        pieces = rest.split("|")
        arity = 1 if name == "rw-w=same" else _ARITY.get(template, 2)
        for cuts in combinations(range(1, len(pieces)), arity - 1):
            bounds = (0, *cuts, len(pieces))
            parts = ["|".join(pieces[a:b]) for a, b in zip(bounds, bounds[1:])]
            if template == "s" and parts[0].lstrip("-").isdigit() and str(int(parts[0])) == parts[0]:
                parts[0] = int(parts[0])
            elif template in _BOOLEAN and parts[0] in ("True", "False"):
                parts[0] = parts[0] == "True"
            keys[(template, *parts)] = column
    return keys


def _betweens(w: Words, rule: int):
    """What lies between word ``i`` and the rule's word (punctuation, a verb, or neither), as
    a function of ``i`` alone, the rule's counts read once (the rows' hot path)."""
    punct_before, verbs_before = w.punct_before, w.verbs_before
    rule_puncts, rule_verbs = punct_before[rule], verbs_before[rule]

    def between(i: int) -> str:
        if i < rule:
            return "punct" if rule_puncts > punct_before[i] else "verb" if rule_verbs > verbs_before[i] else "plain"
        return "punct" if punct_before[i] > rule_puncts else "verb" if verbs_before[i] > rule_verbs else "plain"
    return between


def _cue_relations(w: Words, cue: int | None):
    """How word ``i`` hangs from the cue word (its child, grandchild, or neither), as a
    function of ``i`` alone."""
    if cue is None:
        return _no_cue
    heads, dep = w.heads, w.dep

    def relation(i: int) -> str:
        head = heads[i]
        if head == cue:
            return "child:" + dep[i]
        if heads[head] == cue:
            return "grandchild:" + dep[head]
        return "other"
    return relation


def _no_cue(i: int) -> str:
    return "nocue"


def _cue_relation(w: Words, i: int, cue: int | None) -> str:
    return _cue_relations(w, cue)(i)


def _between(w: Words, i: int, rule: int) -> str:
    """What lies between a word and the rule's word: punctuation, a verb, or neither."""
    return _betweens(w, rule)(i)


def start_features(w: Words, i: int, rule: int, cue: int | None, cue_lemma: str | None, mode: str) -> tuple:
    # The window's clamp written out (min/max): this runs for every candidate word.
    shift = i - rule
    shift = START_WINDOW[0] if shift < START_WINDOW[0] else START_WINDOW[1] if shift > START_WINDOW[1] else shift
    side = "rule" if shift == 0 else ("left" if shift < 0 else "right")
    lower, pos_of, dep = w.lower, w.pos, w.dep
    prev_word, prev_pos = (lower[i - 1], pos_of[i - 1]) if i > 0 else ("<s>", "<s>")
    head, word, pos, rule_word, own_dep = w.heads[i], lower[i], pos_of[i], lower[rule], dep[i]
    return (
        ("s", shift), ("side", side), ("m", mode, side),
        ("w", word, side), ("p", pos, side), ("d", own_dep, side),
        ("pw", prev_word, side), ("pp", prev_pos, pos, side),
        ("hd", dep[head], own_dep, side), ("hp", pos_of[head], side),
        ("open", _left_edge(w, i) == i, side), ("hopen", _left_edge(w, head) == i, side),
        ("cue", _cue_relation(w, i, cue), side), ("cl", cue_lemma or "-", side),
        ("btw", _between(w, i, rule), side),
        ("rw", rule_word, side), ("rw-w", rule_word, word) if shift else ("rw-w", "same"),
    )


def end_features(w: Words, i: int, rule: int, cue: int | None, mode: str, last_allowed: int) -> tuple:
    shift = i - rule
    shift = END_WINDOW[0] if shift < END_WINDOW[0] else END_WINDOW[1] if shift > END_WINDOW[1] else shift
    side = "rule" if shift == 0 else ("left" if shift < 0 else "right")
    lower, pos_of, dep = w.lower, w.pos, w.dep
    if i + 1 < len(lower):
        next_word, next_pos, next_dep, next_head = lower[i + 1], pos_of[i + 1], dep[i + 1], pos_of[w.heads[i + 1]]
    else:
        next_word = next_pos = next_dep = "</s>"
        next_head = "-"
    at_end = w.words_before[last_allowed + 1] == w.words_before[i + 1]
    head, pos = w.heads[i], pos_of[i]
    return (
        ("s", shift), ("side", side), ("m", mode, side),
        ("w", lower[i], side), ("p", pos, side), ("d", dep[i], side),
        ("nw", next_word, side), ("nh", next_head, next_dep), ("np", pos, next_pos, side), ("nd", next_dep, side),
        ("close", _right_edge(w, i) == i, side), ("hclose", _right_edge(w, head) == i, side),
        ("end", at_end, side), ("cue", _cue_relation(w, i, cue), side),
        ("btw", _between(w, i, rule), side), ("rw", lower[rule], side),
    )
