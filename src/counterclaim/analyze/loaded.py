"""The ``cc_loaded`` component: loaded language, hashtags and @handles in the claims.

Loaded terms are flagged, never judged: "massacre" is an atrocity term whether or not a
massacre happened. Categories (``model.LoadedTerm.category``):

- ``label``: name-calling and labels (terrorists, thugs, occupiers, puppet regime);
- ``atrocity``: atrocity words used as rhetoric (genocide, massacre, ethnic cleansing);
- ``exaggeration``: totalising and inflating words (annihilated, wiped out, unprecedented);
- ``emphasis``: ALL-CAPS words and repeated exclamation marks.

Voice: a term inside quotation marks, or inside the content of an attributed claim, is the
speaker's; a term in the outlet's own sentences or in the words it uses to name a source
("the terrorists' spokesman said") is the outlet's.
"""

from __future__ import annotations

import re
from typing import Iterable, NamedTuple

from spacy.attrs import IS_ALPHA, IS_UPPER, LENGTH
from spacy.language import Language
from spacy.tokens import Doc, Token

from .. import model
from . import extensions  # noqa: F401
from .quotes import find_quotes
from .spans import expand_span, sentence_of, text_of, word_starts


def _forms(words: str) -> list[str]:
    """Each line of ``words`` is one term, ``|`` separates forms."""
    return [form.strip() for line in words.strip().splitlines() for form in line.split("|")
            if form.strip()]


def _terms(words: str) -> re.Pattern:
    """One pattern for a category, longest forms first."""
    forms = sorted(_forms(words), key=len, reverse=True)
    return re.compile(r"(?<![\w-])(" + "|".join(re.escape(f).replace(r"\ ", r"\s+")
                                                   for f in forms) + r")(?![\w-])", re.I)


TERMS: dict[str, str] = {
    "label": """
        terrorist|terrorists|terror group|terror groups
        thug|thugs
        occupier|occupiers|occupation forces|occupying forces
        puppet regime|puppet government|puppets|puppet
        regime|regimes
        bandit|bandits|gangster|gangsters|criminal gang|criminal gangs
        mercenary|mercenaries
        invader|invaders
        traitor|traitors
        fascist|fascists|nazi|nazis
        murderers|butchers|savages|barbarians
        provocateurs|paid provocateurs|agitators
        extremists|radicals
        junta
        collaborators|warmongers|war criminals
    """,
    "atrocity": """
        genocide|genocidal
        massacre|massacres|massacred
        ethnic cleansing
        slaughter|slaughtered|slaughtering
        butchery|butchered
        carnage|bloodbath
        atrocity|atrocities
        war crime|war crimes|crimes against humanity
        extermination|exterminate|exterminated
        holocaust|pogrom|pogroms
        mass murder|mass killing|mass killings
    """,
    "exaggeration": """
        annihilate|annihilated|annihilation
        obliterate|obliterated
        wiped out|wipe out
        crushed|crushing defeat
        decimated
        utterly|totally|completely
        unprecedented|catastrophic
        humiliating|humiliation
        countless
        total victory|historic victory
    """,
}
LEXICON: dict[str, re.Pattern] = {category: _terms(words) for category, words in TERMS.items()}
# Every term starts a word, so each pattern need only be tried where a word starts with the
# first two letters of one of its forms (non-ASCII words are always tried: case-insensitive
# matching folds some letters, "ſ" to "s").
def _term_starts() -> dict[str, list[str]]:
    """The categories with a form that starts with each two lower-case letters."""
    starts: dict[str, list[str]] = {}
    for category, words in TERMS.items():
        for start in sorted({form[:2].lower() for form in _forms(words)}):
            starts.setdefault(start, []).append(category)
    return starts


_TERM_STARTS = _term_starts()

REPEATED_EXCLAMATION = re.compile(r"!{2,}|[!?]*\?![!?]*|[!?]*!\?[!?]*")
HANDLE = re.compile(r"(?<![\w@#])@[A-Za-z0-9_]{2,}")
HASHTAG = re.compile(r"(?<![\w@#&])#[A-Za-z0-9_]*[A-Za-z][A-Za-z0-9_]*")


class LoadedMatch(NamedTuple):
    start: int
    end: int
    text: str
    category: str


def find_loaded_terms(doc: Doc, known_words: Iterable[str] | None = None) -> list[LoadedMatch]:
    """Loaded terms in the doc, in text order.

    known_words: lower-cased English words; an ALL-CAPS word counts as emphasis only when it
    is one, so acronyms (FHF, OSCE) do not. Without it, any ALL-CAPS word of 5+ letters does.
    """
    text = text_of(doc)
    found = [LoadedMatch(m.start(), m.end(), m.group(0), category)
             for category, pattern, starts in _lexicon_starts(text)
             for m in _finditer(pattern, text, starts)]
    if "!" in text:  # every match holds one; a scan of the whole text costs more than this test
        found += [LoadedMatch(m.start(), m.end(), m.group(0), "emphasis")
                  for m in REPEATED_EXCLAMATION.finditer(text)]
    if known_words is None or isinstance(known_words, (set, frozenset)):
        known = known_words  # copying the ~80,000-word lexicon per doc cost ~4 ms
    else:
        known = set(known_words)
    found += [LoadedMatch(t.idx, t.idx + len(t.text), t.text, "emphasis")
              for t in _all_caps_tokens(doc) if _shouted(t, known)]
    return _without_overlaps(sorted(found))


def _all_caps_tokens(doc: Doc) -> list[Token]:
    """Tokens that are alphabetic, upper-case and 2+ characters long, read from spaCy's
    lexical flags in one array call instead of building a Token object per word."""
    if not len(doc):
        return []
    flags = doc.to_array([IS_ALPHA, IS_UPPER, LENGTH])
    hits = ((flags[:, 0] != 0) & (flags[:, 1] != 0) & (flags[:, 2] >= 2)).nonzero()[0]
    return [doc[int(i)] for i in hits]


def _lexicon_starts(text: str) -> list[tuple[str, re.Pattern, list[int]]]:
    """Each category's pattern with the word starts (in text order) where it may match."""
    starts: dict[str, list[int]] = {category: [] for category in LEXICON}
    for first, positions in word_starts(text).items():
        for category in _TERM_STARTS.get(first, ()) if first.isascii() else LEXICON:
            starts[category] += positions
    for positions in starts.values():
        positions.sort()
    return [(category, pattern, starts[category]) for category, pattern in LEXICON.items()]


def _finditer(pattern: re.Pattern, text: str, starts: list[int]):
    """``pattern.finditer(text)`` tried only at ``starts``: the same matches when every
    match begins at one of them."""
    end = 0
    for start in starts:
        if start >= end and (m := pattern.match(text, start)) is not None:
            end = max(m.end(), start + 1)
            yield m


def _shouted(tok: Token, known: set[str] | None) -> bool:
    if not (tok.is_alpha and tok.is_upper and len(tok.text) >= 2):
        return False
    if tok.pos_ == "PROPN" and len(tok.text) <= 4:
        return False  # an acronym: NATO, FHF
    if known is None:
        word = len(tok.text) >= 5
    else:
        word = tok.is_stop or tok.lower_ in known or tok.lemma_.lower() in known
    # the sentence test last: it reads every word of the sentence
    return word and not _opens_capitals_line(tok)


def _opens_capitals_line(tok: Token) -> bool:
    """A dateline or a headline in capitals, not a shout inside a sentence."""
    sentence = sentence_of(tok)
    if tok.i != sentence.start:
        return False
    alpha = [t for t in sentence if t.is_alpha]
    return sum(t.is_upper for t in alpha) == len(alpha)


def _without_overlaps(matches: list[LoadedMatch]) -> list[LoadedMatch]:
    kept: list[LoadedMatch] = []
    for match in sorted(matches, key=lambda m: (m.start, -(m.end - m.start))):
        if kept and match.start < kept[-1].end:
            continue
        kept.append(match)
    return kept


def find_handles(text: str) -> list[tuple[int, int, str]]:
    """``@handles`` and ``#hashtags`` as (start, end, text), in text order."""
    # Most texts hold no "@" or "#": testing for it is far cheaper than a scan by a pattern
    # that opens with a look-behind.
    found = [(m.start(), m.end(), m.group(0)) for m in HANDLE.finditer(text)] \
        if "@" in text else []
    if "#" in text:
        found += [(m.start(), m.end(), m.group(0)) for m in HASHTAG.finditer(text)]
    return sorted(found)


def hashtags(text: str, handles: list[tuple[int, int, str]] | None = None) -> list[str]:
    """The article's hashtags, each once, in order of first use. ``handles``:
    ``find_handles(text)`` when the caller has it."""
    seen: list[str] = []
    if handles is None:
        handles = find_handles(text)
    for _, _, tag in handles:
        if tag.startswith("#") and tag not in seen:
            seen.append(tag)
    return seen


# --- assigning to claims -----------------------------------------------------------------


def term_voice(claim: model.Claim, start: int, end: int, quotes: list[tuple[int, int]],
               text: str = "") -> str | None:
    """Whose word a term at [start, end) is in this claim, or None when it is not the claim's.

    text: the doc's text; lets a claim keep the "!!!" that closes it (spans are trimmed of
    punctuation).
    """
    in_quote = any(q0 <= start and end <= q1 for q0, q1 in quotes)
    for p0, p1 in claim.parts or [tuple(claim.span)]:
        while p1 < len(text) and text[p1] in "!?":
            p1 += 1
        if p0 <= start and end <= p1:
            return "speaker" if in_quote or claim.mode != "outlet" else "outlet"
    source = claim.source.span
    if source is not None and source[0] <= start and end <= source[1]:
        return "speaker" if in_quote else "outlet"
    return None


def _claim_sentence(doc: Doc, claim: model.Claim) -> tuple[int, int]:
    anchor = claim.cue.span if claim.cue else claim.span
    found = expand_span(doc, anchor[0], anchor[1])
    if found is None or not len(found):
        return tuple(claim.span)
    sentence = sentence_of(found.root)
    return min(sentence.start_char, claim.span[0]), max(sentence.end_char, claim.span[1])


def annotate(doc: Doc, known_words: Iterable[str] | None = None) -> None:
    """Fill ``loaded_terms`` and ``handles`` of every claim and the article's ``hashtags``."""
    text = text_of(doc)
    terms = find_loaded_terms(doc, known_words)
    quotes = [(q.start, q.end) for q in find_quotes(text)]
    handles = find_handles(text)
    for claim in doc._.cc_claims or []:
        loaded = []
        for term in terms:
            voice = term_voice(claim, term.start, term.end, quotes, text)
            if voice is not None:
                loaded.append(model.LoadedTerm(text=term.text, span=(term.start, term.end),
                                               category=term.category, voice=voice))
        claim.loaded_terms = loaded
        low, high = _claim_sentence(doc, claim)
        claim.handles = list(dict.fromkeys(h for s, e, h in handles if low <= s and e <= high))
    article = doc._.cc_article
    if article is not None:
        article.hashtags = hashtags(text, handles)


class LoadedComponent:
    """Sets loaded terms and handles on ``doc._.cc_claims`` and hashtags on the article."""

    def __init__(self, nlp: Language | None = None, name: str = "cc_loaded"):
        self.name = name
        self.known_words = _known_words(nlp)

    def __call__(self, doc: Doc) -> Doc:
        annotate(doc, self.known_words)
        return doc


def _known_words(nlp: Language | None) -> frozenset[str] | None:
    """English words the pipeline's lemmatizer knows (its WordNet-derived index), if any."""
    if nlp is None or "lemmatizer" not in nlp.pipe_names:
        return None
    lookups = getattr(nlp.get_pipe("lemmatizer"), "lookups", None)
    if lookups is None or not lookups.has_table("lemma_index"):
        return None
    index = lookups.get_table("lemma_index")
    return frozenset(word for words in index.values() for word in words)


@Language.factory("cc_loaded", assigns=["doc._.cc_claims", "doc._.cc_article"],
                  requires=["doc._.cc_claims", "token.pos", "token.lemma"])
def make_loaded(nlp: Language, name: str) -> LoadedComponent:
    return LoadedComponent(nlp, name)
