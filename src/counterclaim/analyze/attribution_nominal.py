"""Attributions around a phrase rather than a speech verb: ``according to X, ...`` and
nominal cues (``X's claim that ...``, ``an assurance that ...``, ``there were reports of ...``).
"""

from __future__ import annotations

from spacy.tokens import Span, Token

from . import cues
from .attribution_types import Attribution, content_mode
from .cue_parse import doc_words, source_head
from .source_spans import source_span
from .quotes import Quote
from .spans import CharSpan, char_span_of_subtree, text_of, trim


def according_to(sent: Span, quotes: list[Quote], scores: dict[int, float]):
    doc = sent.doc
    lowers = doc_words(doc).lowers
    for i in range(sent.start, sent.end):
        if lowers[i] != "according":  # cheap test before building the Token
            continue
        tok = doc[i]
        if tok.i + 1 >= len(doc) or doc[tok.i + 1].lower_ != "to":
            continue
        to = doc[tok.i + 1]
        pobj = next((c for c in to.children if c.dep_ == "pobj"), None)
        if pobj is None:
            continue
        phrase_end = pobj.right_edge.i + 1
        clause = tok.head if tok.head.i != tok.i else sent.root
        if clause.i in range(tok.i, phrase_end):
            clause = sent.root
        exclude = frozenset([tok.i])
        start, end = char_span_of_subtree(clause, exclude) if clause.i >= phrase_end or clause.i < tok.i else (sent.start_char, sent.end_char)
        if start < doc[phrase_end - 1].idx + len(doc[phrase_end - 1].text) and start >= tok.idx:
            start = doc[phrase_end - 1].idx + len(doc[phrase_end - 1].text)
        content = trim(text_of(doc), start, end)
        if content[1] - content[0] < 3:
            continue
        if content[0] < tok.idx < content[1]:
            content = trim(text_of(doc), content[0], tok.idx)
        yield Attribution(
            content=content, parts=(), cue=(tok.idx, to.idx + len(to.text)),
            cue_lemma="according to", cue_token=tok.i, source=source_span(pobj),
            source_token=pobj.i, mode="according_to", sentence=(sent.start_char, sent.end_char),
        )


def nominal_attributions(sent: Span, quotes: list[Quote], scores: dict[int, float]):
    doc, lemmas = sent.doc, doc_words(sent.doc).lemmas
    for i in range(sent.start, sent.end):
        if lemmas[i] not in cues.CUE_NOUNS:  # cheap test before building the Token
            continue
        noun = doc[i]
        if noun.pos_ != "NOUN" or noun.lemma_.lower() not in cues.CUE_NOUNS:
            continue
        clause = next((c for c in noun.children if c.dep_ in ("acl", "ccomp", "relcl")
                       and any(g.lower_ == "that" and g.dep_ == "mark" for g in c.children)), None)
        about = None
        if clause is None and _is_existential(noun):
            about = next((c for c in noun.children if c.dep_ == "prep" and c.lower_ in ("of", "about", "that")), None)
        if clause is None and about is None:
            continue
        content = char_span_of_subtree(clause) if clause is not None else _reported_matter(noun, about)
        if content is None:
            continue
        head = None if about is not None else nominal_source(noun)
        yield Attribution(
            content=content, parts=(), cue=(noun.idx, noun.idx + len(noun.text)),
            cue_lemma=noun.lemma_.lower(), cue_token=noun.i, source=source_span(head),
            source_token=head.i if head is not None else None,
            mode=content_mode(content, quotes), sentence=(sent.start_char, sent.end_char),
        )


def _is_existential(noun: Token) -> bool:
    """``there were reports of ...``"""
    return noun.dep_ == "attr" and any(c.lower_ == "there" for c in noun.head.children)


def _prep_object_span(prep: Token) -> CharSpan | None:
    pobj = next((c for c in prep.children if c.dep_ in ("pobj", "pcomp")), None)
    return char_span_of_subtree(pobj) if pobj is not None else None


def _reported_matter(noun: Token, prep: Token) -> CharSpan | None:
    """What "there were reports of ..." reports: the object of "of" and the modifiers that run
    on right after it, which the parse hangs on the noun or on "were" ("reports of gunfire |
    near the palace | late on Tuesday"); a comma or a clause of its own ends it."""
    span = _prep_object_span(prep)
    if span is None:
        return None
    doc = noun.doc
    last = prep.right_edge.i
    modifiers = sorted([c for c in noun.children if c.i > prep.i and c.dep_ in ("prep", "acl")]
                       + [c for c in noun.head.children if c.i > noun.i and c.dep_ in ("prep", "advmod", "npadvmod")],
                       key=lambda t: t.left_edge.i)
    for modifier in modifiers:
        if modifier.left_edge.i != last + 1:
            break
        last = modifier.right_edge.i
    return trim(text_of(doc), span[0], doc[last].idx + len(doc[last].text))


def nominal_source(noun: Token) -> Token | None:
    for child in noun.children:
        if child.dep_ == "poss":
            return child
        if child.dep_ == "prep" and child.lower_ in ("from", "by"):
            pobj = next((c for c in child.children if c.dep_ == "pobj"), None)
            if pobj is not None:
                return pobj
    # "He gave an assurance that ...": the subject of the governing verb.
    if noun.dep_ in ("dobj", "attr") and noun.head.pos_ in ("VERB", "AUX"):
        head, _ = source_head(noun.head)
        return head
    return None
