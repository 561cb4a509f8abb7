"""A quote that opens after its clause's subject: ``The FHF's gunners "have run out of shells,"
Osei said``. The words before the quote mark are the start of the sentence the speaker is
reported as saying, and PolNeAR's annotators take them into the content ("The FHF's gunners
"have run out of shells""). On PolNeAR train, of the quotes whose tag follows them and whose
sentence opening belongs to the quoted clause, gold starts the content at the sentence's start
13 times in 16 on half a (14 in 22 on half b, where most of the rest open with a frame only);
held to openings that hold the clause's subject, the rule gains 4 exact contents on half a and
8 on half b and loses none.

A quote that opens in upper case is a sentence or a title of its own ("a thriller titled "The
Fall of Dalmar""). An opening that only frames the quote ("Sooner or later, "I think ...",
"As for the truce, "it ...") is left out: annotators split on those about evenly; so is a
participle phrase before the subject ("Emerging from the talks, the envoy "looked ashen"").
"""

from __future__ import annotations

from spacy.tokens import Doc, Span

from .attribution_types import Attribution, content_mode
from .cue_parse import is_cue_verb
from .spans import overlaps, text_of, token_index_at

MAX_OPENING_TOKENS = 20  # a longer opening holds more than the quoted clause's subject
_SUBJECTS = frozenset({"nsubj", "nsubjpass", "expl"})
_SENTENCE_ENDS = frozenset({".", "?", "!", ";", ":"})


def with_subjects_before_quotes(doc: Doc, found: list[Attribution], quotes) -> list[Attribution]:
    """The attributions, each quote among them reaching back over its sentence's opening words
    when they hold the subject of the quoted clause, the tag follows the quote, and no other
    attribution holds those words ("According to Osei, the FHF "has ...," Sadeq said": Osei's)."""
    taken = [span for a in found for span in (*(a.parts or (a.content,)), *((a.cue,) if a.cue else ()))]
    result = []
    for a in found:
        widened = with_subject_before_quote(doc, a, quotes)
        opening = (widened.content[0], a.content[0])
        if widened is not a and any(overlaps(opening, span) for span in taken):
            widened = a
        result.append(widened)
    return result


def with_subject_before_quote(doc: Doc, a: Attribution, quotes) -> Attribution:
    """The attribution with its first quoted piece reaching back over the sentence's opening
    words when they hold the subject of the quoted clause and the tag follows the quote."""
    if a.mode != "direct" or a.cue is None:
        return a
    pieces = a.parts or (a.content,)
    first = pieces[0]
    if a.cue[0] < first[1] or (a.source is not None and a.source[0] < first[1]):
        return a  # the tag comes first: its own rules (attribution_parts) settle the opening
    if not next((c for c in text_of(doc)[first[0]:first[1]] if c.isalpha()), "").islower():
        return a  # a quote opening in upper case is a sentence or a title of its own
    opening = _subject_opening(doc, first)
    if opening is None:
        return a
    start = doc[opening.start].idx
    parts = ((start, first[1]), *pieces[1:]) if a.parts else ()
    content = (start, a.content[1])
    return a._replace(content=content, parts=parts, mode=content_mode(content, quotes),
                      sentence=(min(a.sentence[0], start), a.sentence[1]))


def _subject_opening(doc: Doc, piece: tuple[int, int]) -> Span | None:
    """The words from the sentence's start to the quote mark opening ``piece``, when they
    belong to the quoted clause (every word hangs inside them or the quote) and hold its
    subject; None otherwise."""
    first = token_index_at(doc, piece[0])
    mark = first - 1
    while mark >= 0 and doc[mark].is_space:
        mark -= 1
    if mark <= 0 or not doc[mark].is_quote:
        return None
    sentence_start = doc[first].sent.start
    if not 0 < mark - sentence_start <= MAX_OPENING_TOKENS:
        return None
    opening = doc[sentence_start:mark]
    if "\n" in opening.text or any(t.is_quote or t.text in _SENTENCE_ENDS or is_cue_verb(t) for t in opening):
        return None
    last = token_index_at(doc, max(piece[0], piece[1] - 1))
    if not all(sentence_start <= t.head.i <= last for t in opening):
        return None  # a word of the opening hangs outside the quoted clause: a frame or a tag
    if not any(t.dep_ in _SUBJECTS for t in opening):
        return None
    return _without_participle_frame(opening)


def _without_participle_frame(opening: Span) -> Span:
    """"Emerging from the talks, the envoy "looked ashen"": a participle phrase set off by a
    comma frames the speaker's scene and stays out; the subject after it opens the content."""
    head = next((t for t in opening if t.dep_ == "advcl" and t.left_edge.i == opening.start), None)
    if head is None or head.tag_ not in ("VBG", "VBN"):
        return opening
    comma = head.right_edge.i + 1
    if comma >= opening.end - 1 or opening.doc[comma].text != ",":
        return opening
    return opening.doc[comma + 1:opening.end]
