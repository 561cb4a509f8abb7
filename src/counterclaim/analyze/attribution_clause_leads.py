"""A tag set in after a whole clause: ``It is no surprise, Osei said, that the FHF fell back``,
``The pass is lost, Sadeq said: "We cannot hold Vorna."``. The clause before the tag is the
first half of what the speaker is reported as saying, and PolNeAR's annotators make it the
content's first piece once the clause is a main clause of its own (a subject and a finite verb,
no subordinator) holding no other speech verb or quote: of such openings before a tag set off
by commas, PolNeAR train's gold takes 8 of 9 on half a and 9 of 9 on half b (the rule, held to
a tag of source and cue alone, gains 3 and 3 exact contents there and loses none).

An opening that only frames the tag ("In a statement, Osei said: ...", "When asked, Osei
said, ...", "Asked about X, she replied: ...") has no subject of its own and stays out, as does
a leading "But" or "And" (PolNeAR leaves the conjunction out).
"""

from __future__ import annotations

import re

from spacy.tokens import Doc, Span

from .attribution_types import Attribution, content_mode
from .cue_parse import is_cue_verb
from .spans import CharSpan, overlaps, text_of, token_index_at

MAX_CLAUSE_TOKENS = 30  # a longer opening holds more than one clause
_SUBJECTS = frozenset({"nsubj", "nsubjpass", "expl"})
_LEFT_OUT_CONJUNCTIONS = frozenset({"but", "and"})  # not "Nor does Osei ...": the clause needs its "Nor"
# The tag's end up to the content: a comma or colon, maybe an opening quote mark.
_TAG_TO_CONTENT = re.compile(r"\s*[,:]\s*(?:[\"\u201c\u2018']{1,2}\s*)?")
_CLAUSE_TO_TAG = re.compile(r"\s*,\s*")


def with_clauses_before_tags(doc: Doc, found: list[Attribution], quotes) -> list[Attribution]:
    """The attributions, each whose tag follows a main clause of its own sentence taking that
    clause as its content's first piece (when no other attribution holds it)."""
    pieces = [piece for a in found for piece in (a.parts or (a.content,))]
    result = []
    for a in found:
        clause = _clause_before_tag(doc, a)
        if clause is not None and not any(overlaps(clause, piece) for piece in pieces):
            content = (clause[0], a.content[1])
            a = a._replace(parts=(clause, a.content), content=content, mode=content_mode(content, quotes),
                           sentence=(min(a.sentence[0], clause[0]), a.sentence[1]))
        result.append(a)
    return result


def _clause_before_tag(doc: Doc, a: Attribution) -> CharSpan | None:
    if a.parts or a.cue is None or a.cue_token is None or a.source is None:
        return None
    tag_start, tag_end = min(a.cue[0], a.source[0]), max(a.cue[1], a.source[1])
    cue = doc[a.cue_token]
    if tag_end > a.content[0] or not _TAG_TO_CONTENT.fullmatch(text_of(doc), tag_end, a.content[0]):
        return None
    if cue.tag_ == "VBG":  # "..., Osei said, adding: ...": the clause is the said-claim's
        return None
    tag_first = token_index_at(doc, tag_start)
    sentence_start = cue.sent.start
    comma = tag_first - 1
    if comma <= sentence_start or doc[comma].text != "," or not _CLAUSE_TO_TAG.fullmatch(text_of(doc), doc[comma].idx, tag_start):
        return None
    clause = doc[sentence_start:comma]
    while len(clause) and clause[0].lower_ in _LEFT_OUT_CONJUNCTIONS:  # "But the pass is lost, ..."
        clause = clause[1:]
    if not len(clause) or not _main_clause(clause):
        return None
    return clause[0].idx, clause[-1].idx + len(clause[-1].text)


def _main_clause(clause: Span) -> bool:
    """A clause of its own: one head word, a finite verb with its subject, no subordinator;
    no line break, quote or speech verb in it (that would be another claim), not ending on a
    word that wants more ("after", "and")."""
    if len(clause) > MAX_CLAUSE_TOKENS or "\n" in clause.text:
        return False
    if any(t.is_quote or is_cue_verb(t) or t.text in (".", "?", "!", ";", ":") for t in clause):
        return False
    last = clause[-1]
    while last.pos_ == "ADV" and last.i > clause.start:  # "... and also, Osei said, to ...": unfinished
        last = last.doc[last.i - 1]
    if last.dep_ in ("cc", "prep", "mark") or last.is_punct:
        return False
    roots = [t for t in clause if not clause.start <= t.head.i < clause.end or t.head.i == t.i]
    if len(roots) != 1:
        return False
    root = roots[0]
    finite = root.tag_ not in ("VBG", "VBN") or any(c.dep_ in ("aux", "auxpass") for c in root.children)
    return (root.pos_ in ("VERB", "AUX") and finite and root.dep_ != "advcl"
            and any(c.dep_ in _SUBJECTS for c in root.children)
            and not any(c.dep_ == "mark" for c in root.children))
