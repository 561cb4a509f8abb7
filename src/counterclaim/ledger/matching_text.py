"""A claim's proposition, and the stemmed content words claim matching compares.

Two claims about the same event are worded with different wrappers: "Report: the army took
Dalmar", "The army took Dalmar, officials say", "FHF denies the army took Dalmar". The
analyzer already cuts the source and cue off most claims; :func:`proposition` strips what is
left of a wrapper (a leading "Report:"/"Rumour:" label, a trailing ", sources say" or
"- reports", a leading "X denies that" the analyzer did not split). :func:`proposition_terms`
then keeps the content words of what remains, Snowball-stemmed ("captured", "capture" →
"captur"), without polarity words ("not", "denies", "hoax"), so a denial and the claim it
denies have the same terms and meet in one cluster, on opposite sides.
"""

from __future__ import annotations

import re
from functools import lru_cache

import snowballstemmer

from .text import NEGATIONS, NUMBER_WORDS, STOPWORDS, words

_STEMMER = snowballstemmer.stemmer("english")
LABEL = re.compile(r"^\s*(?:report|reports|rumou?r|rumou?rs|exclusive|breaking|watch|video|"
                   r"update|updated|confirmed|official|unconfirmed|hoax|fake|debunked|"
                   r"photos?|viral|claim|claims|alleged|allegedly)\s*[:|\-–—]\s*", re.I)
TRAILING = re.compile(
    r"\s*(?:[,:;|\-–—(]\s*)(?:[\w’'.\- ]{0,40}?\s)?(?:says?|said|claims?|claimed|reports?|"
    r"reported|alleges?|insists?|denies|confirms?|suggests?|according to\b.*|sources?)"
    r"\s*\)?\s*[.!?]?\s*$", re.I)
LEADING_VERB = re.compile(
    r"^[\w’'.\- ]{1,40}?\s(?:says?|claims?|reports?|denies|denied|insists?|confirms?|"
    r"admits?|rejects?|dismisses|disputes?)\s(?:that\s)?", re.I)
MIN_LEFT_WORDS = 3  # a wrapper is cut only when at least this many words remain
# Words that say how a proposition is held (reported, rumoured, denied, fake), not what it
# is: dropped from the compared terms, like stopwords and negations.
WRAPPER_WORDS = frozenset("""
report reports reported reportedly reporting rumor rumors rumour rumours rumored rumoured
allegedly alleged allege alleges claim claims claimed say says said source sources official
officials hoax hoaxes fake false true untrue debunk debunked debunks myth confirm confirms
confirmed confirmation deny denies denied denial reject rejects rejected dismiss dismissed
apparently possibly probably may might could would reports video photo photos breaking
exclusive update updated news viral internet story stories rumour-mill insist insists
insisted suggest suggests suggested just really actually
""".split())


def _cut(pattern: re.Pattern, text: str, leading: bool) -> str:
    match = pattern.search(text)
    if not match:
        return text
    rest = text[match.end():] if leading else text[:match.start()]
    return rest if len(words(rest)) >= MIN_LEFT_WORDS else text


def proposition(text: str) -> str:
    """The claim without its attribution wrapper ("Report: X", "X, officials say")."""
    text = _cut(LABEL, text, leading=True)
    text = _cut(TRAILING, text, leading=False)
    return _cut(LEADING_VERB, text, leading=True)


@lru_cache(maxsize=65536)
def stem(word: str) -> str:
    return _STEMMER.stemWord(word)


def _polar(word: str) -> bool:
    return word in NEGATIONS or word.endswith("n't") or word in WRAPPER_WORDS


def proposition_terms(text: str) -> list[str]:
    """Stemmed content words of the proposition, in order, deduplicated."""
    seen: dict[str, None] = {}
    for word in words(proposition(text)):
        word = word.removesuffix("'s")
        if word in STOPWORDS or _polar(word):
            continue
        word = NUMBER_WORDS.get(word, word)
        if len(word) < 2 and not word.isdigit():
            continue
        seen.setdefault(word if word[0].isdigit() else stem(word), None)
    return list(seen)
