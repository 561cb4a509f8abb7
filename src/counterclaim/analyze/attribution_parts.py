"""Discontinuous contents: PolNeAR's content is the reported proposition, and when the
source and cue interrupt it the content is its pieces on both sides (``Claim.parts``):

- a quote continued after its speech tag: ``"We will stay," Osei said. "Vorna is ours."``
  -> both quotes, when the second is nobody else's content;
- a clause the cue interrupts: ``The convoy, according to Sadeq, was carrying aid``,
  ``the depot, which rebels say was hit`` -> the words of the content's clause before the
  source and cue ("The convoy", "which") become its first piece; a relative cue clause
  without a pronoun lends its noun (``a decision they say allowed ...`` -> "a decision").

- a tag the parser made the clause's parataxis (``Voters, Osei suggested, need not ...``,
  ``... and the permit, his aides said, had been hard to get``) -> the clause's subject
  (parsed onto the tag, or into the earlier clause) is the first piece;
- a kept raising verb whose subject was taken as its source (``Osei is expected to ...``)
  -> the raising frame (:func:`attribution_raising.as_raising_frame`).
- a passive that judges its subject (``Osei was accused of shelling Dalmar``) -> the subject
  is the first piece, as in a raising frame (:mod:`attribution_judged`);
- a quote that goes on, in lower case, with the sentence its tag interrupts (``Whether the
  talks fail or not, Osei added, "the pass stays closed"``) -> the sentence's opening words
  are the first piece.

A one-piece content the parse ran over a paragraph break into another attribution's content
keeps its cue's paragraph. Runs once on the attributions that are kept, after the boundary
rankers have placed the single-span contents; a content already in pieces (a split quote, a
raising frame) is left as it is. Tried on PolNeAR train and left out: an adverbial clause of
the cue as the first piece ("If X, Y warned, Z": far more often the outlet's own framing),
and cutting a source's relative clause (annotators keep it about as often as not).
"""

from __future__ import annotations

import re

from spacy.tokens import Doc, Token

from .attribution_judged import with_judged_subject
from .attribution_raising import as_raising_frame
from .attribution_sources import (received_reaction, source_outside_content, sources_with_restrictive_participles,
                                  stimulus_subject)
from .attribution_clause_leads import with_clauses_before_tags
from .attribution_quote_subjects import with_subjects_before_quotes
from .attribution_types import Attribution
from .cue_parse import is_cue_verb
from .source_spans import source_span
from .quotes import Quote
from .spans import CharSpan, doc_tree, expand_span, overlaps, subtree_order, text_of, token_at, trim

MAX_TAG_CHARS = 250  # the speech tag between a quote and its continuation
MAX_LEAD_IN_TOKENS = 20  # a sentence's opening before a tag; a longer one holds more clauses
# What may lie between the left piece and the source or cue: commas, dashes, space.
_JOINER = re.compile(r"[\s,\u2014\u2013-]*")
_TAG_END = re.compile(r"[.:,]\s*$")
_NOMINAL = frozenset(("NOUN", "PROPN", "PRON", "NUM", "DET"))
_NOMINAL_OR_ADP = _NOMINAL | {"ADP"}


def settle_spans(doc: Doc, found: list[Attribution], quotes: list[Quote]) -> list[Attribution]:
    """The kept attributions with interrupted contents in pieces, no source inside its own
    content, and a participle that picks out the source kept in it (:mod:`attribution_sources`)."""
    found = whole_quotes(doc, continued_quotes(doc, found, quotes), quotes)
    found = unshared_paragraphs(doc, found)
    found = [received_reaction(doc, stimulus_subject(doc, a)) for a in found]
    found = [with_judged_subject(doc, as_raising_frame(doc, a)) for a in found]
    found = [with_left_piece(doc, with_relative_pronoun(doc, a)) for a in found]
    found = with_subjects_before_quotes(doc, [with_quote_lead_in(doc, a) for a in found], quotes)
    found = with_clauses_before_tags(doc, found, quotes)
    found = [source_outside_content(doc, without_connective_piece(doc, a)) for a in found]
    return sources_with_restrictive_participles(doc, found)


# --- a quote continued after its tag -------------------------------------------------------


def continued_quotes(doc: Doc, found: list[Attribution], quotes: list[Quote]) -> list[Attribution]:
    """Direct attributions whose speech tag follows their last quote take the next quote
    when only the tag stands between and no other attribution claims it."""
    text = text_of(doc)
    taken = [piece for a in found for piece in (a.parts or (a.content,))]
    result = []
    for a in found:
        after = _continuation(text, a, quotes, taken)
        if after is not None:
            parts = a.parts or (a.content,)
            a = a._replace(parts=(*parts, after), content=(a.content[0], after[1]),
                           sentence=(a.sentence[0], max(a.sentence[1], after[1])))
            taken.append(after)
        result.append(a)
    return result


def _continuation(text: str, a: Attribution, quotes: list[Quote], taken: list[CharSpan]) -> CharSpan | None:
    if a.mode != "direct" or a.cue is None or a.cue[0] < a.content[1]:
        return None
    following = next((q for q in quotes if q.start > a.cue[1]), None)
    if following is None or following.start - a.content[1] > MAX_TAG_CHARS:
        return None
    tag = text[a.content[1]:following.start - 1]
    # The tag closes a sentence ('..." Osei said. "') and opens no other quote.
    if not _TAG_END.search(tag) or any(q.start < following.start and q.end > a.cue[1] for q in quotes if q is not following):
        return None
    if text.count("\n", a.content[1], following.start) > 2:
        return None
    piece = trim(text, following.start, following.end)
    if any(overlaps(piece, other) for other in taken):
        return None
    return piece if piece[1] > piece[0] else None


_LEAD_IN = re.compile(r"[\s:,]*")


def whole_quotes(doc: Doc, found: list[Attribution], quotes: list[Quote]) -> list[Attribution]:
    """A content that opens a quote right after its cue (``predicted: "X. Y."``, ``was asked
    "If A, would B?"``) is the whole quote, not the first clause or sentence the parse gave."""
    text = text_of(doc)
    result = []
    for n, a in enumerate(found):
        quote = _opened_quote(text, a, quotes)
        if quote is not None:
            whole = trim(text, quote.start, quote.end)
            if not any(m != n and overlaps(whole, piece) for m, b in enumerate(found) for piece in (b.parts or (b.content,))):
                a = a._replace(content=whole, mode="direct")
        result.append(a)
    return result


def _opened_quote(text: str, a: Attribution, quotes: list[Quote]) -> Quote | None:
    if a.parts or a.cue is None or a.content[0] < a.cue[1]:
        return None
    quote = next((q for q in quotes if q.start <= a.content[0] < q.end), None)
    if quote is None or a.content[1] >= quote.end or trim(text, quote.start, quote.end)[0] != a.content[0]:
        return None
    return quote if _LEAD_IN.fullmatch(text, a.cue[1], quote.start - 1) else None


def unshared_paragraphs(doc: Doc, found: list[Attribution]) -> list[Attribution]:
    """A one-piece content that runs over a paragraph break into another attribution's
    content keeps only the paragraph of its cue (the parse joined two paragraphs' quotes)."""
    text = text_of(doc)
    pieces = [(n, piece) for n, a in enumerate(found) for piece in (a.parts or (a.content,))]
    result = []
    for n, a in enumerate(found):
        start, end = a.content
        shared = a.cue is not None and not a.parts and any(
            m != n and overlaps(a.content, other) for m, other in pieces)
        if shared and "\n" in text[start:end]:
            if a.cue[0] >= end:
                start = text.rfind("\n", start, end) + 1
            elif a.cue[1] <= start:
                end = text.find("\n", start, end)
            cut = trim(text, start, end)
            if cut[1] > cut[0] and not any(m != n and overlaps(cut, other) for m, other in pieces):
                a = a._replace(content=cut)
        result.append(a)
    return result


# --- a sentence that a quote goes on with after its tag -----------------------------------------

# The tag's end up to the opening quote mark: ', Osei added, "it ...' (a tag set off by commas;
# not 'the FHF lists "the pass" as ...', where the quote is the verb's object).
_TAG_TO_QUOTE = re.compile(r"\s*,\s*[\"\u201c\u2018']{1,2}\s*")
# The sentence's words before the tag: no quote mark, no line break, a comma closing them.
_LEAD_BEFORE_TAG = re.compile(r"\s*([^\n\"\u201c\u201d\u2018\u2019']+?),\s*")


def with_quote_lead_in(doc: Doc, a: Attribution) -> Attribution:
    """"Whether the talks fail or not, Osei added, "the pass stays closed"": a quote that
    opens in lower case after its speech tag goes on with the sentence the tag interrupts,
    and the sentence's words before the tag are the content's first piece (PolNeAR train:
    gold keeps such a lead-in on 7 of the rule's 8 new pieces on half a, 2 of 3 on half b). A
    quote opening in upper case is a new sentence, and its lead-in mostly the outlet's
    framing ("On Monday, Osei said, "The ..."": gold leaves it out 42 times in 49 on half a)."""
    if a.parts or a.mode != "direct" or a.cue is None or a.cue_token is None:
        return a
    text = text_of(doc)
    tag_start, tag_end = (min(a.cue[0], a.source[0]), max(a.cue[1], a.source[1])) if a.source else a.cue
    if tag_end > a.content[0] or not _TAG_TO_QUOTE.fullmatch(text, tag_end, a.content[0]):
        return a
    first = next((c for c in text[a.content[0]:a.content[1]] if c.isalpha()), "")
    if not first.islower():
        return a
    lead = _LEAD_BEFORE_TAG.fullmatch(text, doc[a.cue_token].sent.start_char, tag_start)
    if lead is None:
        return a
    piece = (lead.start(1), lead.end(1))
    span = expand_span(doc, *piece)
    if _not_an_opening(span) or any(is_cue_verb(w) or w.is_quote for w in span):
        return a  # an opening that is itself someone's claim or quote is not this speaker's
    return a._replace(parts=(piece, a.content), content=(piece[0], a.content[1]))


def _not_an_opening(span) -> bool:
    """"Still,", "At the same time,", "On Monday,", "But,": a lead-in with no verb that opens
    with an adverb or preposition, or a conjunction alone, frames the quote or joins it to the
    sentence before rather than begins its sentence (PolNeAR: left out); a long one holds
    more than the quote's own clause."""
    if span is None or all(t.dep_ in ("cc", "mark") or t.is_punct for t in span):
        return True
    if len(span) > MAX_LEAD_IN_TOKENS:
        return True  # "In a statement ..., the FHF conceded X, a loss which, Sadeq said, "...": a later clause
    return span[0].pos_ in ("ADV", "ADP") and not any(t.pos_ in ("VERB", "AUX") for t in span)


# --- a clause the source and cue interrupt ---------------------------------------------------


_RELATIVE_TAGS = frozenset({"WDT", "WP"})


def with_relative_pronoun(doc: Doc, a: Attribution) -> Attribution:
    """"the drawdown, which they say left a vacuum", "what I thought was a basket": a cue
    clause opened by a relative pronoun that stands for its content's subject or object gives
    that pronoun to the content as its first piece (PolNeAR: "which || left a vacuum"). A
    parse that made the pronoun the cue's subject gave it as the source; the cue's other
    subject ("they") speaks instead, or nobody."""
    if a.parts or a.mode == "direct" or a.cue_token is None or a.cue is None or a.content[0] < a.cue[1]:
        return a
    cue = doc[a.cue_token]
    pronoun = doc[cue.left_edge.i]
    if pronoun.tag_ not in _RELATIVE_TAGS or pronoun.head.i != cue.i or pronoun.idx >= a.content[0]:
        return a
    piece = (pronoun.idx, pronoun.idx + len(pronoun.text))
    if pronoun.dep_ in ("nsubj", "nsubjpass"):
        speaker = next((c for c in cue.children if c.dep_ == "nsubj" and c.i > pronoun.i), None)
        if speaker is None:  # "voters who said ...": the pronoun is who speaks
            return a
        a = a._replace(source=source_span(speaker), source_token=speaker.i)
    elif pronoun.lower_ == "that" or not _lacks_subject(doc, a):
        return a  # "what they say about X", "the deal that X signed": the pronoun is the cue's own
    return a._replace(parts=(piece, a.content), content=(piece[0], a.content[1]))


def _lacks_subject(doc: Doc, a: Attribution) -> bool:
    """A content clause with no subject of its own ("what I thought || was a basket")."""
    root = doc[_content_root(doc, a)]
    return root.pos_ in ("VERB", "AUX") and root.dep_ in ("ccomp", "xcomp") and not any(
        c.dep_ in ("nsubj", "nsubjpass", "expl", "csubj") for c in root.children)



def with_left_piece(doc: Doc, a: Attribution) -> Attribution:
    """An indirect content after its cue gains the words of its own clause that stand
    before the source and cue."""
    if a.parts or a.mode == "direct" or a.cue is None or a.cue_token is None:
        return a
    a = _nearer_subject(doc, a)
    interruption = min(a.cue[0], a.source[0]) if a.source else a.cue[0]
    if a.content[0] < a.cue[1]:
        return a
    left = _left_of_clause(doc, a, interruption)
    if left is None:
        return a
    text = text_of(doc)
    if not _JOINER.fullmatch(text, left[1], interruption):
        return a
    return a._replace(parts=(left, a.content), content=(left[0], a.content[1]))


def without_connective_piece(doc: Doc, a: Attribution) -> Attribution:
    """"But, Osei said, the convoy ...", "because, according to X, ...": a conjunction or
    subordinator alone before the tag joins the sentence to the one before, and PolNeAR
    leaves it out of the content (train, half a: 8 of 10 such pieces)."""
    if len(a.parts) < 2 or a.mode == "direct":
        return a
    span = expand_span(doc, *a.parts[0])
    if span is None or not all(t.dep_ in ("cc", "mark") or t.is_punct for t in span):
        return a
    rest = a.parts[1:]
    return a._replace(parts=rest if len(rest) > 1 else (), content=(rest[0][0], a.content[1]))


def _nearer_subject(doc: Doc, a: Attribution) -> Attribution:
    """"Voters, Osei suggested, need not ...": a tag parsed as the clause's parataxis may
    take the clause's subject as its own, as a second subject or with the speaker as its
    apposition; the phrase next to the cue is the source, the first word(s) before the comma
    open the content."""
    cue = doc[a.cue_token]
    if cue.dep_ != "parataxis" or a.source_token is None:
        return a
    subjects = [c for c in cue.lefts if c.dep_ == "nsubj"]
    if len(subjects) == 2 and subjects[0].i == a.source_token:
        first, nearer = subjects
    elif len(subjects) == 1 and subjects[0].i == a.source_token:
        first = subjects[0]  # not "Osei, an FHF commander said,": a name with its apposition
        nearer = next((c for c in first.rights if c.dep_ == "appos" and c.right_edge.i == cue.i - 1), None)
        if nearer is None or first.pos_ == "PROPN":
            return a
    else:
        return a
    between = doc[first.i + 1:nearer.left_edge.i]
    if [t.text for t in between] != [","]:
        return a
    return a._replace(source=source_span(nearer), source_token=nearer.i)


def _left_of_clause(doc: Doc, a: Attribution, interruption: int) -> CharSpan | None:
    """The stretch of the content's clause before the interruption, when it is one block:
    the clause's own words, else the relative pronoun or noun a relative cue clause stands
    for ("a decision they say allowed ...")."""
    tree = doc_tree(doc)
    cue, clause = doc[a.cue_token], doc[_content_root(doc, a)]
    before = [i for i in subtree_order(doc, clause.i) if tree.starts[i] < interruption]
    if clause.is_ancestor(cue):
        # "The convoy, according to X, was ...": the cue hangs inside the content's clause.
        # A cue parsed as the clause's parataxis ("Voters, Osei said, need ...") may have
        # taken the clause's first words as its own dependents; they stay in the content.
        inside_cue = {i for i in subtree_order(doc, cue.i) if tree.starts[i] >= interruption or cue.dep_ != "parataxis"}
        words = [i for i in before if i not in inside_cue]
        if all(doc[i].is_punct for i in words):  # only the tag's opening comma
            words = _noun_before_tag(doc, cue, clause, interruption)
    elif tree.heads[clause.i] != cue.i:
        return None
    else:
        words = before or _antecedent(cue, clause)
    if not words or words != list(range(words[0], words[-1] + 1)):
        return None
    span = trim(text_of(doc), tree.starts[words[0]], tree.ends[words[-1]])
    return span if span[1] > span[0] else None


def _noun_before_tag(doc: Doc, cue: Token, clause: Token, interruption: int) -> list[int]:
    """"... and the permit, his aides said, had been hard to get": the content's clause
    (here a conjunct) lacks a subject, and the noun phrase just before its parataxis tag,
    parsed into the sentence's earlier clause, is what it is about."""
    if cue.dep_ != "parataxis" or cue.head != clause:
        return []
    if any(c.dep_ in ("nsubj", "nsubjpass", "expl") and c.i < clause.i for c in clause.children):
        return []
    last = doc[token_at(doc, interruption).i - 1]
    while last.i > 0 and last.is_punct:
        last = doc[last.i - 1]
    noun = last
    while noun.head.i != noun.i and noun.head.right_edge.i == last.i and noun.head.pos_ in _NOMINAL_OR_ADP:
        noun = noun.head
    if noun.pos_ not in _NOMINAL or noun.left_edge.i <= cue.head.i <= noun.right_edge.i:
        return []
    return list(range(noun.left_edge.i, last.i + 1))


def _content_root(doc: Doc, a: Attribution) -> int:
    """The content's word whose head lies outside the content."""
    heads = doc_tree(doc).heads
    first = token_at(doc, a.content[0]).i
    last = token_at(doc, max(a.content[0], a.content[1] - 1)).i
    for i in range(first, last + 1):
        if not first <= heads[i] <= last or heads[i] == i:
            return i
    return first


def _antecedent(cue: Token, clause: Token) -> list[int]:
    """"a decision they say allowed ...", "the depot, which rebels say was hit": the
    relative pronoun, or the noun the cue's relative clause describes, stands for the
    subject the content lacks."""
    if cue.dep_ != "relcl" or clause.pos_ not in ("VERB", "AUX") or clause.dep_ not in ("ccomp", "xcomp"):
        return []  # an object noun phrase is content enough: "the deal they praised"
    if any(c.dep_ in ("nsubj", "nsubjpass") for c in clause.children):
        return []
    pronoun = next((c for c in cue.lefts if c.tag_ in ("WDT", "WP") or c.lower_ == "that"), None)
    if pronoun is not None:
        return [pronoun.i]
    noun = cue.head
    return list(range(noun.left_edge.i, cue.left_edge.i)) if noun.i < cue.i else []
