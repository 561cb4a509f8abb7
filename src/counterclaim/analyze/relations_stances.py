"""Stances: whether a claim denies or backs something, and what it names as its object.

A claim is a denial or a backing when its cue is a denial or backing verb, when such a verb
governs its cue or is the main verb of its sentence, or when its content calls something a lie,
propaganda or a fabrication. The ``Stance`` says what the claim points at (content lemmas, the
owner and kind of claim it names); ``relations_targets`` finds the claims that fit.
"""

from __future__ import annotations

from typing import NamedTuple

from spacy.tokens import Token

from .relations_facts import ClaimFacts
from .relations_words import DocWords, content_lemmas, doc_words, text_words
from .spans import expand_bounds

# Verbs that deny or back their object or clause: "rejected the allegation", "confirmed that".
DENYING_VERBS = frozenset("deny refute rebut dispute contest disavow reject dismiss contradict "
                          "ridicule".split())
BACKING_VERBS = frozenset("confirm corroborate verify back endorse support uphold echo".split())
LIE_WORDS = frozenset("""
lie propaganda fabrication fabricate false falsehood untrue baseless groundless nonsense fake
forgery forge cover-up fiction hoax smear disinformation misinformation
""".split())
# Head nouns of references, and the kind of claim each points at.
REFERENCE_KINDS = {
    "denial": "denial", "rejection": "denial", "refutation": "denial",
    "report": "report", "rumour": "report", "rumor": "report",
    "allegation": "allegation", "accusation": "allegation", "charge": "allegation",
}
# the nouns a content names another claim by ("the Ostrian claim about ...")
_CLAIM_NOUNS = frozenset(("claim", "account", "statement", *REFERENCE_KINDS))


class Stance(NamedTuple):
    """A denial or a backing, and what it points at."""

    type: str  # denies | supports
    evidence: str
    reference: dict[str, float]
    owner_words: frozenset[str]
    kind: str | None  # denial | report | allegation
    plural: bool


def find_stance(facts: ClaimFacts, cue_tokens: set[int], words: DocWords | None = None) -> Stance | None:
    """Whether the claim is a denial or a backing, and what it names as its object."""
    claim, cue = facts.claim, facts.cue
    if cue is not None and claim.mode != "outlet" and _is_stance_verb(cue):
        if any(c.dep_ == "dobj" for c in cue.children):
            return _verb_stance(cue)  # "rejected the allegations": the object names the target
        type_ = "denies" if cue.lemma_.lower() in DENYING_VERBS else "supports"
        return Stance(type_, claim.cue.text, facts.lemmas, frozenset(), None, False)
    verb = _governing_stance_verb(facts, cue_tokens)
    if verb is not None:
        return _verb_stance(verb)
    words = words or doc_words(facts.sentence.doc)
    lie = _lie_word(facts, words)
    if lie is not None and claim.mode != "outlet":
        reference = {k: v for k, v in facts.lemmas.items() if k != lie.lemma_.lower()}
        owner, kind, plural = _owner_in(facts, words)
        return Stance("denies", lie.text, reference, owner, kind, plural)
    return None


def _lie_word(facts: ClaimFacts, words: DocWords) -> Token | None:
    """"a lie", "propaganda", "fabricated": but not "people lying on the ground"."""
    doc = facts.sentence.doc
    bounds = expand_bounds(doc, *facts.claim.span)  # the indices alone: no Span built
    for i in range(*bounds) if bounds is not None else ():
        lemma = words.lemma[i]
        if lemma in LIE_WORDS and not (lemma == "lie" and doc[i].pos_ == "VERB"):
            return doc[i]
    return None


def _governing_stance_verb(facts: ClaimFacts, cue_tokens: set[int]) -> Token | None:
    """A denial or backing verb that is not a cue itself and governs the claim."""
    if facts.claim.mode == "outlet":
        root = facts.sentence.root
        return root if facts.claim.status != "asserted" and _is_stance_verb(root) else None
    token = facts.cue
    for _ in range(3):
        if token is None or token.head.i == token.i or token.dep_ not in ("advcl", "conj", "xcomp"):
            return None
        token = token.head
        if _is_stance_verb(token) and token.i not in cue_tokens:
            return token
    return None


def _is_stance_verb(token: Token) -> bool:
    lemma = token.lemma_.lower()
    if lemma not in DENYING_VERBS and lemma not in BACKING_VERBS:
        return False
    # "denied the men food" withholds, it does not deny a claim.
    return not any(c.dep_ in ("dative", "neg") for c in token.children) and not any(
        c.lower_ == "allegedly" for c in token.children)


def _verb_stance(verb: Token) -> Stance:
    type_ = "denies" if verb.lemma_.lower() in DENYING_VERBS else "supports"
    obj = next((c for c in verb.children if c.dep_ in ("dobj", "nsubjpass")), None)
    if obj is None:
        return Stance(type_, verb.text, {}, frozenset(), None, False)
    tokens = list(obj.subtree)
    owner = frozenset(w for t in tokens if t.dep_ in ("poss", "compound", "amod")
                      and t.head.i == obj.i for w in text_words(t.text))
    last = max([t.i for t in tokens] + [c.right_edge.i for c in verb.children
                                         if c.dep_ == "prep" and c.lower_ == "as"])
    evidence = verb.doc[verb.i:last + 1].text
    return Stance(type_, evidence, content_lemmas(tokens), owner,
                  REFERENCE_KINDS.get(obj.lemma_.lower()), obj.tag_ in ("NNS", "NNPS"))


def _owner_in(facts: ClaimFacts, words: DocWords) -> tuple[frozenset[str], str | None, bool]:
    """``called the Ostrian claim about ... a fabrication``: the claim noun in the content."""
    doc = facts.sentence.doc
    bounds = expand_bounds(doc, *facts.claim.span)
    for i in range(*bounds) if bounds is not None else ():
        if words.lemma[i] in _CLAIM_NOUNS:  # the lemma_.lower() of each word, read once per doc
            tok = doc[i]
            owner = frozenset(w for c in tok.children if c.dep_ in ("poss", "amod", "compound")
                              for w in text_words(c.text))
            return owner, REFERENCE_KINDS.get(tok.lemma_.lower()), tok.tag_ == "NNS"
    return frozenset(), None, False
