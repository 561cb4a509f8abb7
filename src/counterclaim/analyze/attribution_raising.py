"""Raising frames: ``The truce seems to hold``, ``The FHF is believed to have ...``,
``Kessen looks calm``, ``Officials were seen leaving``, ``a vote expected to fail`` (the
participle raises the noun it describes), ``Osei is not expected to attend``.

PolNeAR counts these as attributions whose content is the subject and the complement
together ("The truce || to hold"), the cue the raising verb, and the source the agent if one
is named ("is expected by analysts to ..."), otherwise nobody. The subject's piece runs from
the subject to the cue, so adverbs between them stay with it ("Clinton still || seems ..."),
but a dated or comma-set phrase of the verb does not ("Osei on Tuesday || seemed ...").
"""

from __future__ import annotations

from spacy.tokens import Span, Token

from .attribution_adverbs import CUE_ADVERBS
from .attribution_types import Attribution
from .cue_parse import EXPLETIVES, cue_span, doc_words
from .source_spans import source_span
from .spans import CharSpan, char_span_of_subtree, text_of, trim

# "seems to", "appears calm", "looks set to", "sounds like"
RAISING_VERBS = frozenset("seem appear look sound".split())
# Passives that raise their subject: "is expected to", "was seen leaving".
PASSIVE_RAISING_VERBS = frozenset("""
expect believe think say report rumor rumour know consider see suppose predict project
estimate intend hear feel presume understand suspect fear assume deem poise set
""".split())
COMPLEMENT_DEPS = ("xcomp", "acomp", "oprd")
_ANY_RAISING = RAISING_VERBS | PASSIVE_RAISING_VERBS


def raising_attributions(sent: Span, quotes, scores) -> list[Attribution]:
    found = []
    doc, lemmas = sent.doc, doc_words(sent.doc).lemmas
    for i in range(sent.start, sent.end):
        if lemmas[i] not in _ANY_RAISING:  # the frame's own test, without a Token per word
            continue
        verb = doc[i]
        frame = _raising_frame(verb)
        if frame is None:
            continue
        subject, complement = frame
        agent = _agent(verb)
        found.append(_attribution(verb, subject, complement, agent, sent))
    return found


def _raising_frame(verb: Token) -> tuple[Token, Token] | None:
    """(subject, complement) when the verb raises its subject out of the complement."""
    if verb.pos_ not in ("VERB", "AUX"):
        return None
    lemma = verb.lemma_.lower()
    if lemma in RAISING_VERBS:
        subject_dep = "nsubj"
    elif lemma in PASSIVE_RAISING_VERBS and verb.tag_ == "VBN":
        subject_dep = "nsubjpass"
    else:
        return None
    subject = next((c for c in verb.children if c.dep_ == subject_dep and c.i < verb.i), None)
    if subject is None and subject_dep == "nsubjpass" and verb.dep_ == "acl" and verb.head.i < verb.i:
        subject = verb.head  # "a town known to be calm", "a vote expected to fail"
    complement = next((c for c in verb.children if c.dep_ in COMPLEMENT_DEPS and c.i > verb.i), None)
    if subject is None or complement is None or subject.lower_ in EXPLETIVES:
        return None
    if subject_dep == "nsubj" and any(c.dep_ == "neg" for c in verb.children) or lemma == "look" and complement.dep_ != "acomp":
        return None  # "does not seem" and "looks to" are too loose to call ("is not expected to" is not)
    return subject, complement


def _agent(verb: Token) -> Token | None:
    for child in verb.children:
        if child.dep_ == "agent":
            return next((c for c in child.children if c.dep_ == "pobj"), None)
    return None


def _attribution(verb: Token, subject: Token, complement: Token, agent: Token | None,
                 sent: Span) -> Attribution:
    text = text_of(verb.doc)
    cue = cue_span(verb)
    head_piece = trim(text, subject.left_edge.idx, _subject_piece_end(verb, subject, cue[0]))
    tail_piece = char_span_of_subtree(complement)
    parts: tuple[CharSpan, ...] = tuple(p for p in (head_piece, tail_piece) if p[1] > p[0])
    return Attribution(
        content=(parts[0][0], parts[-1][1]), parts=parts if len(parts) > 1 else (),
        cue=cue, cue_lemma=verb.lemma_.lower(), cue_token=verb.i,
        source=source_span(agent), source_token=agent.i if agent is not None else None,
        mode="indirect", sentence=(sent.start_char, sent.end_char),
    )


def _subject_piece_end(verb: Token, subject: Token, cue_start: int) -> int:
    """Where the subject's piece ends: at the cue, less a dated or comma-set phrase of the
    verb between them ("Osei on Tuesday || seemed", "The FHF, under pressure, || is
    expected"), which annotators leave out of the content. A lone adverb stays ("Osei still
    || seems"; on PolNeAR train "now" is kept about as often as it is left out)."""
    doc = verb.doc
    for child in verb.children:
        if not subject.right_edge.i < child.i < verb.i or child.right_edge.idx >= cue_start:
            continue
        start, end = child.left_edge.i, child.right_edge.i
        set_off = doc[start - 1].text == "," and end + 1 < len(doc) and doc[end + 1].text == ","
        timed = any(t.ent_type_ in ("DATE", "TIME") for t in child.subtree)
        if child.dep_ in ("prep", "npadvmod") and (set_off or timed):
            return child.left_edge.idx
    return cue_start


def as_raising_frame(doc, a: Attribution) -> Attribution:
    """A kept one-piece attribution whose cue is a raising verb ("Osei is expected || to
    attend") with its subject taken as the source: PolNeAR reads it as the raising frame, the
    subject the content's first piece and the source only an agent ("by analysts")."""
    if a.parts or a.cue_token is None or a.mode != "indirect" or a.cue is None or a.content[0] < a.cue[1]:
        return a
    verb = doc[a.cue_token]
    frame = _raising_frame(verb) if verb.lemma_.lower() in _ANY_RAISING else None
    if frame is None or a.source_token not in (None, frame[0].i):
        return a
    subject, complement = frame
    if not complement.left_edge.idx <= a.content[0] <= complement.idx + len(complement.text):
        return a
    head_piece = trim(text_of(doc), subject.left_edge.idx, _subject_piece_end(verb, subject, a.cue[0]))
    if head_piece[1] <= head_piece[0]:
        return a
    agent = _agent(verb)
    return a._replace(parts=(head_piece, a.content), content=(head_piece[0], a.content[1]),
                      source=source_span(agent), source_token=agent.i if agent is not None else None)


def is_outlet_hedge(a: Attribution) -> bool:
    """A raising frame or a cue adverb that names nobody ("The depot appears to have been
    hit", "The FHF reportedly seized the bridge"): PolNeAR scores it as an attribution, but
    what it tells a reader is the outlet's hedged or reported claim, hedge and all."""
    if a.source is not None:
        return False
    if (a.cue_lemma or "") in CUE_ADVERBS:
        return True
    return (len(a.parts) == 2 and a.mode == "indirect"
            and (a.cue_lemma or "") in RAISING_VERBS | PASSIVE_RAISING_VERBS)
