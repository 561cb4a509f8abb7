"""Table-driven stand-ins for spaCy's ``attribute_ruler`` and rule ``lemmatizer``.

Profiling the English pipelines on news text (``bench speed``, ~360-word articles) puts
these two stock components at ~8 and ~4 ms per article: more than half of what all of
counterclaim's own analysis costs. Neither does much work. The attribute ruler maps each
token's fine tag to a coarse POS and morphology (plus ~100 word exceptions), but runs it as
179 Matcher patterns over every token and builds a Span for each of ~575 matches per
article. The lemmatizer already caches its answer per (word, POS, morphology), but pays a
Python method call and a string-store lookup per token to consult that cache.

The stand-ins compute the same thing from the stock components' own rules:

* ``TableAttributeRuler`` reads the stock ruler's patterns once. Rules whose patterns are
  all single tokens constrained on TAG/LOWER/DEP/IS_SPACE are looked up per distinct token
  key (a dict keyed on those four values, filled on first sight), and the few multi-token
  rules (``gon na``, ``there is``) run through a spaCy ``Matcher`` holding only them. Rules
  are applied in the stock order, matched against the tokens as they were before any rule
  ran, exactly as ``AttributeRuler.match`` + ``set_annotations`` do.
* ``CachedLemmatizer`` keeps the stock lemmatizer and puts a dict of lemma hashes in front
  of it; a miss asks the stock component, so every lemma is the stock one.

Nothing here is tuned to data: a pipeline whose rules use anything else (other token
attributes, operators, quantifiers) keeps its stock component, and ``swap_in_tables``
checks on a probe text that the stand-ins give the stock annotations before it swaps them
in (the checks run once per process load).

No library offers this; it is written here because the cost sits in how spaCy runs these
rules, not in the rules.
"""

from __future__ import annotations

import logging
import re
from typing import Callable, Iterable

from spacy.attrs import DEP, IS_SPACE, LEMMA, LOWER, MORPH, ORTH, POS, TAG
from spacy.language import Language
from spacy.matcher import Matcher
from spacy.tokens import Doc
from spacy.tokens._retokenize import set_token_attrs

# The token attributes a single-token rule may test, in the order of a token's key; a key
# also carries, last, the answers of the rules' LOWER regexes for the token's word.
KEY_ATTRS = ("TAG", "LOWER", "DEP", "IS_SPACE")
KEY_ARRAY = [TAG, LOWER, DEP, IS_SPACE]
LOWER_AT, REGEX_AT = KEY_ATTRS.index("LOWER"), len(KEY_ATTRS)
# A cache this large is cleared rather than grown (a long-running server sees new words).
MAX_CACHED_KEYS = 500_000

TokenTest = Callable[[tuple], bool]
log = logging.getLogger(__name__)


class _RuleCompiler:
    """Turns the stock ruler's token patterns into tests of a token key.

    Words matter to few rules, so a key keeps a token's word (LOWER) only when some rule
    names it, and carries the answers of the rules' word regexes instead of the word itself:
    the number of distinct keys then stays near the number of tag/dependency pairs, and a
    new word costs one pass over the regexes, not over all rules."""

    def __init__(self, strings):
        self.strings = strings
        self.named_words: set[int] = set()
        self.regexes: list[re.Pattern] = []

    def value_test(self, position: int, spec) -> TokenTest | None:
        """A test of one attribute, or None for an operator the stand-in does not implement."""
        if isinstance(spec, bool):
            return lambda key: bool(key[position]) == spec
        if isinstance(spec, str):
            wanted = self.strings.add(spec)
            if position == LOWER_AT:
                self.named_words.add(wanted)
            return lambda key: key[position] == wanted
        if not isinstance(spec, dict) or len(spec) != 1:
            return None
        (operator, argument), = spec.items()
        if operator in ("IN", "NOT_IN") and isinstance(argument, list) \
                and all(isinstance(value, str) for value in argument):
            # "" hashes to 0 in the string store: a missing DEP or TAG is 0 in the key.
            allowed = {self.strings.add(value) if value else 0 for value in argument}
            if position == LOWER_AT:
                self.named_words |= allowed
            if operator == "IN":
                return lambda key: key[position] in allowed
            return lambda key: key[position] not in allowed
        if operator == "REGEX" and isinstance(argument, str) and position == LOWER_AT:
            bit = len(self.regexes)
            self.regexes.append(re.compile(argument))
            return lambda key: key[REGEX_AT][bit]
        return None

    def token_test(self, token_spec: dict) -> TokenTest | None:
        tests = []
        for name, spec in token_spec.items():
            if name not in KEY_ATTRS:
                return None
            test = self.value_test(KEY_ATTRS.index(name), spec)
            if test is None:
                return None
            tests.append(test)
        return lambda key: all(test(key) for test in tests)


class TableAttributeRuler:
    """The stock ``attribute_ruler``'s rules, applied by token-key lookup."""

    def __init__(self, stock, *, name: str = "attribute_ruler"):
        self.name = name
        self.vocab = stock.vocab
        self.stock = stock
        # (rule number, tests of its single-token patterns, attrs); rule number orders them.
        self.single: list[tuple[int, list[TokenTest], dict]] = []
        self.multi = Matcher(stock.vocab)
        self.multi_rules: dict[int, tuple[int, dict]] = {}
        self.supported = True
        compiler = _RuleCompiler(stock.vocab.strings)
        for number, rule in enumerate(stock.patterns):
            attrs, index = stock.attrs[number], stock.indices[number]
            patterns = rule["patterns"]
            if "_" in attrs:
                self.supported = False  # extension attributes: leave them to the stock ruler
            elif all(len(p) == 1 for p in patterns) and index in (0, -1):
                tests = [compiler.token_test(p[0]) for p in patterns]
                self.supported &= all(test is not None for test in tests)
                self.single.append((number, tests, attrs))
            elif not all(-len(p) <= index < len(p) for p in patterns):
                self.supported = False  # the stock ruler raises for it (E1001): let it
            else:
                match_id = stock.vocab.strings.add(f"counterclaim-rule-{number}")
                self.multi.add(match_id, patterns)
                self.multi_rules[match_id] = (number, index)
        # Each multi-token pattern as tests of its tokens' keys (numbered across patterns),
        # compiled last so that the single-token rules' regex bits keep their places.
        self._multi_needs: list[list[int]] = []
        self._multi_tests: list[TokenTest] = []
        for number, _index in self.multi_rules.values():
            for pattern in stock.patterns[number]["patterns"]:
                self._multi_needs.append(self._needs(compiler, pattern))
        self.named_words, self.regexes = compiler.named_words, compiler.regexes
        self._word_regexes: dict[int, tuple[bool, ...]] = {}
        self._by_key: dict[tuple, dict] = {}
        self._tests_passed: dict[tuple, frozenset[int]] = {}
        self._key_by_row: dict[tuple, tuple[tuple, dict]] = {}

    def _needs(self, compiler: _RuleCompiler, pattern: list[dict]) -> list[int]:
        """The numbers of the key tests some token of the doc must pass for ``pattern`` to
        match: one per token of the pattern that must be there (no ``OP``) and whose test a
        key can answer; the other tokens are left out, which can only let more docs through."""
        needs = []
        for token_spec in pattern:
            test = None if "OP" in token_spec else compiler.token_test(token_spec)
            if test is not None:
                needs.append(len(self._multi_tests))
                self._multi_tests.append(test)
        return needs

    def _multi_may_match(self, keys: list[tuple]) -> bool:
        """Whether some multi-token pattern may match the doc with these token keys: each of
        a pattern's needed tests passed by some token. Most docs hold no "gon na", "let 's"
        or existential "there is", and the Matcher's scan costs ~0.7 ms per article."""
        passed: set[int] = set()
        for key in set(keys):
            found = self._tests_passed.get(key)
            if found is None:
                if len(self._tests_passed) >= MAX_CACHED_KEYS:
                    self._tests_passed.clear()
                found = self._tests_passed[key] = frozenset(
                    number for number, test in enumerate(self._multi_tests) if test(key))
            passed |= found
        return any(passed.issuperset(needs) for needs in self._multi_needs)

    def _key(self, tag: int, lower: int, dep: int, is_space: int) -> tuple:
        answers = self._word_regexes.get(lower)
        if answers is None:
            if len(self._word_regexes) >= MAX_CACHED_KEYS:
                self._word_regexes.clear()
            word = self.vocab.strings[lower] if lower else ""
            answers = tuple(bool(r.search(word)) for r in self.regexes)
            self._word_regexes[lower] = answers
        return (tag, lower if lower in self.named_words else None, dep, is_space, answers)

    def _rules_for(self, key: tuple) -> list[tuple[int, dict]]:
        """The single-token rules (number, attrs) that fire on a token with this key."""
        return [(number, attrs) for number, tests, attrs in self.single
                if any(test(key) for test in tests)]

    def _attrs_for(self, key: tuple) -> dict:
        found = self._by_key.get(key)
        if found is None:
            found = self._by_key[key] = _merged(self._rules_for(key))
        return found

    def _rows(self, doc: Doc) -> list[tuple[tuple, dict]]:
        """Each token's key and the attrs its single-token rules set, looked up by its raw
        (tag, lower, dep, is_space) row: an article repeats most rows, and a dict read is
        cheaper than building the key and looking up its attrs again."""
        by_row = self._key_by_row
        if len(by_row) >= MAX_CACHED_KEYS:
            by_row.clear()
        found = []
        for row in map(tuple, doc.to_array(KEY_ARRAY).tolist()):
            known = by_row.get(row)
            if known is None:
                key = self._key(*row)
                known = by_row[row] = (key, self._attrs_for(key))
            found.append(known)
        return found

    def __call__(self, doc: Doc) -> Doc:
        rows = self._rows(doc)
        extra: dict[int, list[tuple[int, dict]]] = {}
        if self.multi_rules and self._multi_may_match([key for key, _ in rows]):
            # Matched before anything is set, as the stock ruler matches all rules first.
            for match_id, start, end in self.multi(doc, allow_missing=True):
                number, index = self.multi_rules[match_id]
                position = (start if index >= 0 else end) + index
                extra.setdefault(position, []).append((number, self.stock.attrs[number]))
        for position, (key, attrs) in enumerate(rows):
            if position in extra:
                attrs = _merged(self._rules_for(key) + extra[position])
            if attrs:
                set_token_attrs(doc[position], attrs)
        return doc

    def pipe(self, docs: Iterable[Doc], batch_size: int = 128) -> Iterable[Doc]:
        for doc in docs:
            yield self(doc)


def _merged(rules: list[tuple[int, dict]]) -> dict:
    """One attrs dict: rules in stock order, a later rule's value winning per attribute,
    which is what setting them one after another leaves on the token."""
    merged: dict = {}
    for _, attrs in sorted(rules, key=lambda rule: rule[0]):
        merged.update(attrs)
    return merged


class CachedLemmatizer:
    """The stock rule lemmatizer behind a dict of answers keyed as its own cache is."""

    def __init__(self, stock, *, name: str = "lemmatizer"):
        self.name = name
        self.stock = stock
        self.vocab = stock.vocab
        self.lookups = stock.lookups  # analyze.loaded reads the lemma index from here
        self.mode = stock.mode
        self._lemmas: dict[tuple, int] = {}

    def __call__(self, doc: Doc) -> Doc:
        stock = self.stock
        lemmas, strings = self._lemmas, self.vocab.strings
        rows = doc.to_array([ORTH, POS, MORPH, LEMMA])
        for position, (orth, pos, morph, lemma) in enumerate(rows.tolist()):
            if lemma and not stock.overwrite:
                continue
            key = (orth, pos, morph)
            found = lemmas.get(key)
            if found is None:
                if len(lemmas) >= MAX_CACHED_KEYS:
                    lemmas.clear()
                    stock.cache.clear()  # the stock one fills with the same keys on each miss
                found = lemmas[key] = strings.add(stock.lemmatize(doc[position])[0])
            rows[position, 3] = found
        doc.from_array([LEMMA], rows[:, 3:4])
        return doc

    def pipe(self, docs: Iterable[Doc], batch_size: int = 128) -> Iterable[Doc]:
        for doc in docs:
            yield self(doc)


# Invented; it exercises the exception rules as well as the tag map.
PROBE_TEXT = ("I said it ain't gonna happen, y'all. There is nothin' we can't do, and "
              "there were reports that you had got the convoy moving.  Let's go, said "
              "Capt Lena Osei of the Free Highlands Front in Dalmar on Monday.\n\n"
              "\"We did,\" she wrote. They'd have denied it; it has been shelled.")
CHECKED = (TAG, POS, MORPH, LEMMA, DEP)


def _annotations(doc: Doc) -> list:
    return doc.to_array(list(CHECKED)).tolist()


def swap_in_tables(nlp: Language, probe_texts: Iterable[str] = (PROBE_TEXT,)) -> list[str]:
    """Replace ``attribute_ruler`` and ``lemmatizer`` with their stand-ins where these give
    the stock annotations on the probe texts; return the names of those swapped.

    The stand-in is added under a temporary name right after the stock component (its
    factory wraps the live stock component), the stock one is removed, and the stand-in
    takes its name, so code asking for ``nlp.get_pipe("lemmatizer")`` still finds it."""
    swapped = []
    for name, factory in STAND_INS.items():
        if name not in nlp.pipe_names:
            continue
        stock = nlp.get_pipe(name)
        if name == "lemmatizer" and getattr(stock, "mode", None) != "rule":
            continue
        temporary = f"{name}_tables"
        stand_in = nlp.add_pipe(factory, name=temporary, after=name, config={"stock_name": name})
        if getattr(stand_in, "supported", True) and _same_annotations(
                nlp, name, stand_in, probe_texts):
            nlp.remove_pipe(name)
            nlp.rename_pipe(temporary, name)
            swapped.append(name)
        else:
            nlp.remove_pipe(temporary)
            log.warning("spaCy's %s kept: its rules are not all ones the table stand-in "
                        "reproduces (analysis is ~%s ms per article slower)", name,
                        STAND_IN_SAVING_MS[name])
    return swapped


def _same_annotations(nlp: Language, name: str, stand_in, probe_texts) -> bool:
    before = nlp.pipe_names[:nlp.pipe_names.index(name)]
    with nlp.select_pipes(enable=before):
        docs = [nlp(text) for text in probe_texts]
    stock = nlp.get_pipe(name)
    return all(_annotations(stock(doc.copy())) == _annotations(stand_in(doc.copy()))
               for doc in docs)


STAND_INS = {"attribute_ruler": "counterclaim_table_attribute_ruler",
             "lemmatizer": "counterclaim_cached_lemmatizer"}
STAND_IN_SAVING_MS = {"attribute_ruler": 6, "lemmatizer": 4}  # measured, see docs/scale.md


@Language.factory("counterclaim_table_attribute_ruler",
                  assigns=["token.tag", "token.pos", "token.morph", "token.lemma"])
def make_table_attribute_ruler(nlp: Language, name: str, stock_name: str) -> TableAttributeRuler:
    return TableAttributeRuler(nlp.get_pipe(stock_name), name=name)


@Language.factory("counterclaim_cached_lemmatizer", assigns=["token.lemma"])
def make_cached_lemmatizer(nlp: Language, name: str, stock_name: str) -> CachedLemmatizer:
    return CachedLemmatizer(nlp.get_pipe(stock_name), name=name)
