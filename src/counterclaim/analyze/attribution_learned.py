"""Attributions cued by words the cue model (:mod:`cue_model`) scores as cues beyond the
lexicon: beliefs, plans, evaluations (``agreed``, ``wants``, ``blasted``, ``likened``).

The parse gives such a word's content (a clause, an object or a prepositional object) and
its source. Guards keep out what the model's political-news habits mislead it on in conflict
reporting: event verbs ("rebels attacked the town") count only when they govern a clause.
:func:`argument_test_at` decides which words are worth scoring at all: only those that govern
something to their right, since scoring was most of attribution's cost.
"""

from __future__ import annotations

from spacy.strings import get_string_id
from spacy.tokens import Doc, Span, Token

from . import cues
from .attribution_bounds import circumstance, object_before
from .attribution_nominal import nominal_source
from .attribution_types import Attribution, content_mode
from .attribution_verbs import extend_right
from .cue_parse import CONTENT_DEPS, cue_span, doc_words, source_head
from .source_spans import source_span
from .quotes import Quote
from .spans import CharSpan, char_span_of_subtree, children_labelled, doc_tree, text_of, trim


def learned_attributions(sent: Span, quotes: list[Quote], scores: dict[int, float]):
    """Words the cue model scores as cues, outside the lexicon rules: the parse gives their
    content (a clause, an object or a prepositional object) and their source."""
    doc = sent.doc
    for i in sorted(i for i in scores if sent.start <= i < sent.end):  # scored above threshold
        token = doc[i]
        found = argument_content(token)
        if found is None:
            continue
        content, prep, clausal = found
        if not _learned_cue_fits(token, clausal):
            continue
        yield _learned(token, content, prep, _learned_source(token), sent, quotes)


def second_stage_attributions(sent: Span, quotes: list[Quote], scored: dict[int, float], threshold: float):
    """The second stage's candidates, for the judge alone to keep or drop (see
    :func:`attribution.recall_candidates`): words scored under the threshold, read as learned
    cues are; words scored over it that the first stage turns away for being passive without
    an agent or for taking an object after a show/see/call/ask verb; and two shapes with nothing to their right: a relative pronoun as the
    object ("which the FHF denies") and a passive's subject ("the plan is backed by the
    council")."""
    doc = sent.doc
    for i in sorted(i for i in scored if sent.start <= i < sent.end):
        token = doc[i]
        found = argument_content(token)
        if found is not None:
            content, prep, clausal = found
            if scored[i] >= threshold and _learned_cue_fits(token, clausal):
                continue  # the first stage's own candidate
            if _second_stage_fits(token, clausal):
                yield _learned(token, content, prep, _learned_source(token), sent, quotes)
            continue
        shape = _left_content(token)
        if shape is not None:
            content, head = shape
            yield _learned(token, content, None, head, sent, quotes)


def _learned(token: Token, content: CharSpan, prep: Token | None, head: Token | None, sent: Span,
             quotes: list[Quote]) -> Attribution:
    cue = cue_span(token) if token.pos_ in ("VERB", "AUX") else (token.idx, token.idx + len(token.text))
    if prep is not None and prep.i > token.i:
        cue = (cue[0], prep.idx + len(prep.text))
    return Attribution(
        content=content, parts=(), cue=cue, cue_lemma=token.lemma_.lower(), cue_token=token.i,
        source=source_span(head), source_token=head.i if head is not None else None,
        mode=content_mode(content, quotes), sentence=(sent.start_char, sent.end_char),
    )


# Verbs whose object the first stage never takes as content but the judge may: what a video
# shows, what a source calls something, what reporters asked about, what a witness saw.
_SECOND_STAGE_OBJECT_VERBS = frozenset("""
answer reply respond ask request call see show watch hear witness film record photograph
""".split()) & cues.NO_OBJECT_CONTENT_VERBS


def _second_stage_fits(token: Token, clausal: bool) -> bool:
    """The first stage's guards, loosened where PolNeAR shows cues the judge can tell apart:
    a passive without its agent ("the talks are expected to fail") and an object after a
    show/see/call/ask verb ("footage shows troops in Vorna"). Hedges, negated cues ("has not
    commented on": a silence), events ("troops seized the bridge") and the evidence a source
    cites ("citing local doctors") stay out, as the product reads them."""
    lemma = token.lemma_.lower()
    if lemma in cues.HEDGE_VERBS or _negated(token):
        return False
    if clausal or lemma in _SECOND_STAGE_OBJECT_VERBS:
        return True
    return lemma not in cues.EVENT_VERBS | cues.NO_OBJECT_CONTENT_VERBS


_RELATIVE_TAGS = frozenset({"WDT", "WP"})


def _left_content(token: Token) -> tuple[CharSpan, Token | None] | None:
    """A content to the cue verb's left: the relative pronoun it takes as object ("a plan
    which the FHF denies": content "which", source "the FHF"), or its passive subject with
    the agent as source ("the truce is backed by the council")."""
    if token.pos_ not in ("VERB", "AUX") or token.lemma_.lower() in cues.EVENT_VERBS:
        return None
    children = list(token.children)
    for child in children:
        if child.i < token.i and child.dep_ == "dobj" and child.tag_ in _RELATIVE_TAGS:
            return (child.idx, child.idx + len(child.text)), source_head(token)[0]
    subject = next((c for c in children if c.dep_ == "nsubjpass" and c.i < token.i), None)
    agent = next((c for c in children if c.dep_ == "agent" and c.i > token.i), None)
    if subject is None or subject.tag_ in _RELATIVE_TAGS or subject.lower_ in ("it", "there"):
        return None
    pobj = next((c for c in agent.children if c.dep_ == "pobj"), None) if agent is not None else None
    return char_span_of_subtree(subject), pobj


def may_take_argument(token: Token) -> bool:
    """Whether :func:`argument_content` can find anything: a cheap test that spares scoring
    the words that govern nothing to their right."""
    return argument_test_at(token.doc)(token.i)


_ARGUMENT_DEPS = frozenset(get_string_id(d) for d in (*CONTENT_DEPS, "acl", "ccomp", "dobj"))
_PREP = get_string_id("prep")


def argument_test_at(doc: Doc):
    """:func:`may_take_argument` of a token index, read from the doc's index lists: the cue
    model's filter, which runs on every candidate word (no Token per word)."""
    tree, lowers = doc_tree(doc), doc_words(doc).lowers
    rights, deps = tree.rights, tree.deps

    def takes_argument(i: int) -> bool:
        for child in rights[i]:
            dep = deps[child]
            if dep in _ARGUMENT_DEPS or (dep == _PREP and lowers[child] in cues.CONTENT_PREPOSITIONS):
                return True
        return False
    return takes_argument


_LEFT_DEPS = frozenset(get_string_id(d) for d in ("dobj", "nsubjpass"))


def second_stage_test_at(doc: Doc):
    """:func:`argument_test_at`, widened to the second stage's left-hand shapes (a relative
    pronoun object, a passive subject): the words worth scoring when that stage runs."""
    tree, takes_argument = doc_tree(doc), argument_test_at(doc)
    lefts, deps = tree.lefts, tree.deps

    def worth_scoring(i: int) -> bool:
        if takes_argument(i):
            return True
        for child in lefts[i]:  # a loop, not any() over a generator: this runs on every candidate word
            if deps[child] in _LEFT_DEPS:
                return True
        return False
    return worth_scoring


def _learned_cue_fits(token: Token, clausal: bool) -> bool:
    """Guards for the conflict beat, where the model's political-news habits mislead:
    "rebels attacked the town", "troops imposed a curfew" and "the army has not commented on
    the video" are events the outlet reports, "it appears to have been caused" a hedge,
    "protests are planned" a plan nobody is quoted on."""
    lemma = token.lemma_.lower()
    tree = doc_tree(token.doc)  # the children's labels from index lists: no Token per child
    labels = [tree.deps[c] for c in tree.children[token.i]]
    if lemma in cues.HEDGE_VERBS or _NEG in labels or (not _SUBJECTS.isdisjoint(labels) and _negated(token)):
        return False
    if _NSUBJPASS in labels and _AGENT not in labels:
        return False
    return clausal or lemma not in cues.EVENT_VERBS | cues.NO_OBJECT_CONTENT_VERBS


_NEG, _NSUBJPASS, _AGENT = (get_string_id(d) for d in ("neg", "nsubjpass", "agent"))
_SUBJECTS = frozenset({get_string_id("nsubj"), _NSUBJPASS})
# Subjects that deny the act as "not" does: "Neither the army nor the rebels have answered",
# "No official has commented", "Nobody has claimed the attack".
_NEGATIVE_SUBJECT_WORDS = frozenset({"nobody", "none", "noone", "nothing", "neither"})
_NEGATIVE_SUBJECT_DETERMINERS = frozenset({"no", "neither"})


def _negated(token: Token) -> bool:
    """Whether a cue verb is denied, by "not"/"never" or by its subject: a silence the outlet
    reports ("has not commented", "neither side has answered"), not a claim."""
    for child in token.children:
        if child.dep_ == "neg":
            return True
        if child.dep_ in ("nsubj", "nsubjpass") and _negative_subject(child):
            return True
    return False


def _negative_subject(subject: Token) -> bool:
    if subject.lower_ in _NEGATIVE_SUBJECT_WORDS:
        return True
    return any((c.dep_ == "preconj" and c.lower_ == "neither")
               or (c.dep_ == "det" and c.lower_ in _NEGATIVE_SUBJECT_DETERMINERS)
               for c in subject.children)
_CONTENT_OR_ACL_IDS = frozenset(get_string_id(d) for d in (*CONTENT_DEPS, "acl", "ccomp"))
_DOBJ_IDS = frozenset({get_string_id("dobj")})
_PREP_IDS = frozenset({_PREP})


def argument_content(token: Token) -> tuple[CharSpan, Token | None, bool] | None:
    """What a cue word governs: (span, the preposition joining it, whether it is a clause)."""
    for child in children_labelled(token, _CONTENT_OR_ACL_IDS):
        if child.dep_ in CONTENT_DEPS or (token.pos_ != "VERB" and child.dep_ in ("acl", "ccomp")):
            if child.i > token.i:
                start, end = char_span_of_subtree(child)
                return (object_before(token, child, start), end), None, True
    obj = next((c for c in children_labelled(token, _DOBJ_IDS) if c.dep_ == "dobj" and c.i > token.i), None)
    if obj is not None and obj.lower_ not in ("it", "this", "that", "so"):
        last = extend_right(token, obj.right_edge)
        return trim(text_of(token.doc), obj.left_edge.idx, last.idx + len(last.text)), None, False
    for child in children_labelled(token, _PREP_IDS):
        if child.dep_ == "prep" and child.i > token.i and child.lower_ in cues.CONTENT_PREPOSITIONS \
                and not _occasion(child):
            pobj = next((c for c in child.children if c.dep_ in ("pobj", "pcomp")), None)
            if pobj is not None:
                last = extend_right(token, pobj.right_edge)
                span = trim(text_of(token.doc), pobj.left_edge.idx, last.idx + len(last.text))
                return span, child, pobj.dep_ == "pcomp"
    return None


# Where "on" names the medium rather than the topic: "posted on Facebook", but "commented on
# the statement" and "reflected on the debate" are about the statement and the debate.
_CHANNELS_ON = frozenset("""twitter facebook telegram television radio show program tweet post video
    call""".split())


def _occasion(prep: Token) -> bool:
    """"said at a rally", "posted on Facebook", "discussed for weeks": when and where the
    source spoke, not what it said ("asked about his speeches" is content)."""
    if not circumstance(prep):
        return False
    if any(c.dep_ == "pobj" and c.ent_type_ in ("DATE", "TIME") for c in prep.children):
        return True
    if prep.lower_ == "on":
        return any(c.dep_ == "pobj" and c.lemma_.lower() in _CHANNELS_ON for c in prep.children)
    return prep.lower_ in ("at", "in", "during")


def _learned_source(token: Token) -> Token | None:
    if token.pos_ in ("VERB", "AUX"):
        return source_head(token)[0]
    if token.pos_ == "NOUN":
        return nominal_source(token)
    if token.dep_ in ("acomp", "attr") and token.head.pos_ in ("VERB", "AUX"):
        return source_head(token.head)[0]
    return None
