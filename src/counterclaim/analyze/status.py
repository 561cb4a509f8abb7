"""How the article presents a claim (its status), its hedges and its negation.

Statuses, strongest first (a claim keeps the strongest one that applies):

- ``purported``: the authenticity of a document, image, video or account is in doubt
  ("purportedly shows", "a video claiming to show", "an account purporting to be");
- ``alleged``: "allegedly", "alleged", "accused X of", an ``accuse``/``allege`` cue;
- ``reported``: the claim rests on anonymous reports or sources ("reportedly", "according
  to reports", "there were reports of", "sources said", "it is said to", a source speaking
  on condition of anonymity);
- ``hedged``: the outlet's own voice with an epistemic hedge ("apparently", "it appears",
  "may have", "is believed to");
- ``attributed``: a named or unnamed source says it; also an outlet sentence whose main verb
  is a speech act of its subject ("The FHF rejected the account", "Fishermen welcomed the
  decision"), since what it reports is that party's stance;
- ``asserted``: the outlet's own voice, unhedged.

Whose words count: markers of doubt are the outlet's only outside quotation marks. A hedge
inside a direct quote belongs to the speaker: it is kept in ``hedges`` but does not make
the claim hedged or reported.

``negated`` says the source asserts a negative: the content is negated ("will not accept",
"no tear gas was used"), or a denial cue governs it ("X denied that its troops had entered
Lors" is X saying they had not); a negated content under a denial cue is positive again.
"""

from __future__ import annotations

import re
from typing import NamedTuple

from spacy.strings import get_string_id
from spacy.tokens import Span, Token

from . import cues
from .spans import doc_tree, subtree_order, text_of

# Strongest first.
STATUS_ORDER = ("purported", "alleged", "reported", "hedged", "attributed", "asserted")

ALLEGED = re.compile(r"\b(allegedly|alleged|accus(?:ed|es|ing)\b[^.;:]{0,80}?\bof)\b", re.I)
ALLEGING_CUES = frozenset({"allege", "accuse", "allegation", "accusation"})
PURPORTED = re.compile(
    r"\b(purportedly|purported|purporting|claiming to show|claims to show|claimed to show|"
    r"said to show|appears to show|appeared to show|circulating on social media|"
    r"circulated on social media|circulating online|shared on social media|"
    r"could not be (independently )?verified|cannot be (independently )?verified|"
    r"unverified (video|footage|images?|photos?|account|document))\b",
    re.I,
)
REPORTED = re.compile(
    r"\b(reportedly|according to (unconfirmed |local |media |press |several |news )*reports|"
    r"there (were|are|have been|had been) (unconfirmed |several |conflicting )*reports|"
    r"(is|are|was|were) (widely )?(said|rumou?red|reported) to|"
    r"it (is|was|has been|had been) reported)\b",
    re.I,
)
ANONYMOUS_SOURCE = re.compile(
    r"\b(on condition of anonymity|condition of anonymity|speaking anonymously|"
    r"(asked|declined|did not want|refused) (not )?to be (named|identified)|"
    r"requested anonymity|not authori[sz]ed to (speak|talk|comment))\b",
    re.I,
)
# "The FHF is believed to have ...": a passive belief verb without an agent is the outlet's
# own hedge, not an attribution to the sentence's subject.
# The claim's content starts after the verb ("to have positioned ..."), so the context is
# matched up to the verb; an agent ("was believed by officials") names a real source.
_PASSIVE = r"\b(is|are|was|were|has been|have been|had been) (widely |generally )?"
PASSIVE_BELIEF = re.compile(
    _PASSIVE + r"(believed|thought|understood|suspected|presumed|assumed|feared)\b(?! by\b)", re.I)
BELIEF_CUES = frozenset({"believe", "think", "understand", "suspect", "presume", "assume", "fear"})
PASSIVE_SAYING = re.compile(_PASSIVE + r"(said|reported|rumou?red)\b(?! by\b)", re.I)
SAYING_CUES = frozenset({"say", "report", "rumour", "rumor"})
HEDGES = re.compile(r"\b(" + "|".join(re.escape(h) for h in cues.HEDGE_WORDS) + r")\b", re.I)
NEGATION = re.compile(
    r"\b(not(?! only)|n't|never|no(?! doubt)|none|nobody|nothing|neither|nor|no one|no longer)\b",
    re.I)
# Cues through which the source asserts the negation of the content.
NEGATING_CUES = frozenset({"deny", "refute", "disavow", "rebut", "dispute", "contest"})
# Cues of a refusal to speak: the source claims nothing, the outlet asserts the refusal.
REFUSAL_CUES = frozenset({"decline", "refuse"})
# Speech verbs that, as the main verb of an outlet sentence, report a party's stance.
STANCE_VERBS = (cues.SPEECH_VERBS - cues.CLAUSE_ONLY_VERBS - REFUSAL_CUES) | {
    "back", "endorse", "applaud"}


# Words every match of each pattern contains (lower case). Lower-casing a text shows every
# letter re.I can match to a pattern's (ASCII) letters, except in a text holding one of the
# four characters re.I also matches to ASCII letters (found by testing every code point:
# dotted and dotless i, long s, the Kelvin sign). A text holding none of the words cannot
# match and the regex is skipped: most claims hold no marker at all, and these searches were
# most of this module's time. (Testing each word with ``in`` runs faster than the patterns,
# and faster than one regex alternating the words.)
_LITERALS = {
    ALLEGED: ("alleged", "accus"),
    PURPORTED: ("purport", "to show", "circulat", "shared on social media", "verified"),
    REPORTED: ("reported", "reports", "said to", "rumo"),  # not "report": "told reporters"
    ANONYMOUS_SOURCE: ("anonym", "to be named", "to be identified", "authori"),
    HEDGES: tuple(h.lower() for h in cues.HEDGE_WORDS),
}
_FOLDS_TO_ASCII = re.compile("[\u0130\u0131\u017f\u212a]")


def _search(pattern: re.Pattern, text: str) -> re.Match | None:
    """``pattern.search(text)``, skipped when the text cannot match (see ``_LITERALS``)."""
    lowered = text.lower()
    if lowered.isascii() or _FOLDS_TO_ASCII.search(text) is None:
        for word in _LITERALS[pattern]:
            if word in lowered:
                break
        else:
            return None
    return pattern.search(text)


class StatusResult(NamedTuple):
    status: str
    hedges: list[str]
    negated: bool


def classify(*, text: str, context: str, mode: str, source_kind: str, cue_lemma: str | None,
             quoted: list[tuple[int, int]] | None = None, sentence: Span | None = None,
             cue: Token | None = None, content: tuple[int, int] | None = None) -> StatusResult:
    """Status of a claim from its content ``text`` and the rest of its sentence ``context``.

    quoted: character spans of ``text`` that are inside quotation marks (the speaker's words).
    sentence: the parsed sentence of an outlet claim; lets its main verb be read.
    cue, content: the cue's head token and the content's character span in the doc. When
    given, only the cue's own clause counts as the outlet's framing of the claim, so that
    "X reportedly did Y, but Z said ..." does not make Z's claim reported.
    """
    outside = _outside_quotes(text, quoted or [])
    if cue is not None and content is not None:
        clause, context = _cue_clause(cue, content, quoted or [])
        outlet_words = f"{outside} {clause}"
    else:
        outlet_words = f"{outside} {context}"
    passive = _agentless_passive(cue if mode != "outlet" else _root(sentence))
    candidates = [_base_status(mode, outside, context, cue_lemma, sentence)]
    if passive is not None:
        candidates.append("hedged" if _lemma(passive) in BELIEF_CUES else "reported")
    if _is_purported(outlet_words, sentence) or source_kind == "unverified":
        candidates.append("purported")
    if _search(ALLEGED, outlet_words) or cue_lemma in ALLEGING_CUES or _root_lemma(sentence) in (
            "accuse", "allege"):
        candidates.append("alleged")
    if source_kind == "anonymous" or _search(REPORTED, outlet_words) or (mode != "outlet" and (
            _search(ANONYMOUS_SOURCE, outlet_words) or _passive_cue(SAYING_CUES, PASSIVE_SAYING,
                                                             cue_lemma, context))):
        candidates.append("reported")
    status = min(candidates, key=STATUS_ORDER.index)
    hedges = find_hedges(text, context)
    if passive is not None and _lemma(passive) in BELIEF_CUES:
        hedges.append(_passive_phrase(passive, text))
    elif passive is None and (belief := _passive_cue(BELIEF_CUES, PASSIVE_BELIEF, cue_lemma,
                                                     context)):
        hedges.append(_hedge_phrase(belief, text))
    return StatusResult(status, hedges, is_negated(text, cue_lemma))


# Outlet sentences whose agentless passive main verb still rests on unnamed others.
HEARSAY_ROOTS = frozenset({"say", "report", "rumour", "rumor", "expect", "claim", "allege",
                           "estimate", "consider", "tell"}) | BELIEF_CUES


def _agentless_passive(verb: Token | None) -> Token | None:
    """``is expected to``, ``is thought to``: a passive cue with nobody named as its agent."""
    if verb is None or verb.pos_ not in ("VERB", "AUX"):
        return None
    tree = doc_tree(verb.doc)  # the children's labels from index lists: no Token per child
    labels = [tree.deps[c] for c in tree.children[verb.i]]
    if _AUXPASS not in labels and _NSUBJPASS not in labels:
        return None
    if _AGENT in labels:
        return None
    if verb.dep_ == "ROOT" and _lemma(verb) not in HEARSAY_ROOTS:
        return None  # "The curfew was announced": the outlet asserts that it was
    return verb


_AUXPASS, _NSUBJPASS, _AGENT = (get_string_id(d) for d in ("auxpass", "nsubjpass", "agent"))


def _root(sentence: Span | None) -> Token | None:
    return sentence.root if sentence is not None else None


def _lemma(token: Token) -> str:
    return token.lemma_.lower()


def _passive_phrase(verb: Token, text: str) -> str:
    words = [c for c in verb.children if c.i < verb.i and c.dep_ in ("aux", "auxpass", "neg")]
    phrase = " ".join(t.lower_ for t in sorted(words, key=lambda t: t.i)) + " " + verb.lower_
    return phrase.strip() + (" to" if text.lower().startswith("to ") else "")


def _passive_cue(lemmas: frozenset[str], pattern: re.Pattern, cue_lemma: str | None,
                 context: str) -> re.Match | None:
    """``The FHF is believed to ...``: the cue verb in the passive with no agent."""
    return pattern.search(context) if cue_lemma in lemmas else None


def _hedge_phrase(match: re.Match, text: str) -> str:
    phrase = f"{match.group(1)} {match.group(3)}".lower()
    return phrase + " to" if text.lower().startswith("to ") else phrase


def _base_status(mode: str, outside: str, context: str, cue_lemma: str | None,
                 sentence: Span | None) -> str:
    if cue_lemma in REFUSAL_CUES:
        return "asserted"  # "Police declined to comment": the outlet reports a silence
    if mode == "outlet":
        if not any(ch.isalnum() for ch in outside):
            # Wholly inside quote marks, with no speaker found: somebody's words, not the
            # outlet's assertion ('She said ... . "They need a victory."')
            return "attributed"
        if _search(HEDGES, outside):
            return "hedged"
        return "attributed" if _reports_stance(sentence) else "asserted"
    if _passive_cue(BELIEF_CUES, PASSIVE_BELIEF, cue_lemma, context):
        return "hedged"
    return "attributed"


def _cue_clause(cue: Token, content: tuple[int, int],
                quoted: list[tuple[int, int]]) -> tuple[str, str]:
    """The cue's clause in order without quoted words, and the part of it outside the content."""
    quotes = [(content[0] + start, content[0] + end) for start, end in quoted]
    first, last = content
    doc = cue.doc
    tree, text = doc_tree(doc), text_of(doc)
    starts, ends = tree.starts, tree.ends
    order = subtree_order(doc, cue.i)  # index lists: Token.subtree is slow on long clauses
    if quotes:
        order = [i for i in order if not _inside_any(starts[i], quotes)]
    # Comprehensions rather than one loop appending to two lists: this reads every word of
    # every cue's clause.
    words = [text[starts[i]:ends[i]] for i in order]
    framing = [word for i, word in zip(order, words) if not first <= starts[i] < last]
    return " ".join(words), " ".join(framing)


def _inside_any(offset: int, spans: list[tuple[int, int]]) -> bool:
    # A loop, not any() over a generator: this runs for every word of every cue's clause.
    for start, end in spans:
        if start <= offset < end:
            return True
    return False


def find_hedges(text: str, context: str = "") -> list[str]:
    """Hedge words in the claim and the rest of its sentence, in order, lower-cased, once."""
    found: list[str] = []
    for piece in (text, context):
        if not _search(HEDGES, piece):
            continue
        for match in HEDGES.finditer(piece):
            hedge = " ".join(match.group(0).lower().split())
            if hedge not in found:
                found.append(hedge)
    return found


def is_negated(text: str, cue_lemma: str | None = None) -> bool:
    """The source asserts a negative; quoted words count, they are the source's own."""
    negated = bool(NEGATION.search(text))
    return not negated if cue_lemma in NEGATING_CUES else negated


def _is_purported(outlet_words: str, sentence: Span | None) -> bool:
    if _search(PURPORTED, outlet_words) is None:
        return False
    # "The document, shared on social media, could not be independently verified." is the
    # outlet asserting what it could not check, not a purported claim.
    return sentence is None or not _verify_is_main_verb(sentence)


def _verify_is_main_verb(sentence: Span) -> bool:
    root = sentence.root
    return any(t.lemma_.lower() == "verify" and _governs_directly(root, t) for t in sentence)


def _governs_directly(root: Token, token: Token) -> bool:
    while token.i != root.i:
        if token.dep_ not in ("xcomp", "conj", "ccomp") and token.head.i != root.i:
            return False
        if token.head.i == token.i:
            return False
        token = token.head
    return True


def _root_lemma(sentence: Span | None) -> str | None:
    return sentence.root.lemma_.lower() if sentence is not None else None


def _reports_stance(sentence: Span | None) -> bool:
    """The sentence's main verb is a speech act of a party: "X rejected the account"."""
    if sentence is None:
        return False
    root = sentence.root
    if root.lemma_.lower() not in STANCE_VERBS or any(c.dep_ == "neg" for c in root.children):
        return False
    # Active voice only: in "Pence was dubbed the winner" the subject is not the speaker.
    subject = next((c for c in root.children if c.dep_ == "nsubj"), None)
    if subject is None or subject.lower_ in ("it", "there", "we", "i"):
        return False
    # "Neither the army nor the FHF has answered": the outlet reports a silence.
    return not any(NEGATION.fullmatch(t.text) for t in subject.subtree)


def _outside_quotes(text: str, quoted: list[tuple[int, int]]) -> str:
    if not quoted:
        return text
    pieces, last = [], 0
    for start, end in sorted(quoted):
        pieces.append(text[last:start])
        last = max(last, end)
    pieces.append(text[last:])
    return " ".join(pieces)
