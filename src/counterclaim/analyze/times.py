"""Find time expressions in news text and resolve them against the article's anchor date.

The anchor is the day the report speaks from: the dateline date (its year inferred when the
dateline omits it), else the published date (``resolve_anchor``). Expressions are found by a
compiled grammar of news date phrases ("on Monday", "last week", "Sept. 30", "the third
quarter") plus spaCy DATE entities; relative ones are resolved with calendar arithmetic,
explicit ones are parsed by dateparser (only the matched strings are passed to it). Values
follow TimeML/ISO 8601: ``2024-03-03``, ``2024-W09``, ``2024-03``, ``2024``, ``2024-Q3``,
``2024-SU``, ``PRESENT_REF``, or a range ``start/end``.

A weekday is the most recent such day on or before the anchor ("on Monday" in a Monday
dateline is that very day), because news mostly reports what already happened, unless it
says "next" or its verb is future ("will meet Thursday"). Bare months and month-days follow
the verb's tense too, and without one take the nearest such date. The parse, when there is
one, supplies the tense; ``timeresolve.py`` holds the calendar arithmetic.
"""

from __future__ import annotations

import re
from datetime import date, datetime, timedelta
from typing import NamedTuple

from spacy.language import Language
from spacy.tokens import Doc, Span

from counterclaim.analyze import timegrammar as grammar
from counterclaim.analyze import timeresolve
from counterclaim.analyze.spans import expand_bounds, expand_span, sentence_of, text_of


class TimeExpression(NamedTuple):
    """One time expression: ``start``/``end`` are code-point offsets into the text."""

    text: str
    start: int
    end: int
    value: str | None
    grain: str  # day|week|month|year|range, or TimeML's quarter|half|season|weekend|ref


class Anchor(NamedTuple):
    """The date relative expressions resolve against, and how it was found.

    precision: "dateline" (the dateline gave a full date), "inferred" (dateline day and
    month, year inferred), "published" (no usable dateline) or None (nothing to go on).
    """

    date: date | None
    precision: str | None


# --- the anchor date -------------------------------------------------------------------------


def resolve_anchor(
    dateline_date_text: str | None, published: str | None, text: str, today: date
) -> Anchor:
    """The anchor date: the dateline's date, its year inferred if missing, else published."""
    published_day = _parse_iso_day(published)
    parsed = grammar.parse_day_month(dateline_date_text or "")
    if parsed is not None:
        year, month, day = parsed
        if year is not None:
            return Anchor(_safe_date(year, month, day), "dateline")
        inferred = _infer_year(month, day, published_day, text, today)
        if inferred is not None:
            return Anchor(inferred, "inferred")
    if published_day is not None:
        return Anchor(published_day, "published")
    return Anchor(None, None)


def _infer_year(month: int, day: int, published: date | None, text: str, today: date):
    if published is not None:
        # The dateline day nearest the published date, at most a few days after it.
        latest = published + timedelta(days=3)
        candidates = [_safe_date(y, month, day) for y in range(latest.year - 1, latest.year + 1)]
        fitting = [c for c in candidates if c is not None and c <= latest]
        return max(fitting) if fitting else None
    # A lede names the dateline day first ("said on Monday ... attacked on Sunday"), so the
    # first weekday named in the body is taken to be the dateline day's.
    named = grammar.weekdays_named(text)
    for year in range(today.year, today.year - 60, -1):
        candidate = _safe_date(year, month, day)
        if candidate is None or candidate > today:
            continue
        if not named or candidate.weekday() == named[0]:
            return candidate
    return None


def _parse_iso_day(value: str | None) -> date | None:
    if not value:
        return None
    try:
        return datetime.fromisoformat(value.strip().replace("Z", "+00:00")).date()
    except ValueError:
        try:
            return date.fromisoformat(value.strip()[:10])
        except ValueError:
            return None


def _safe_date(year: int, month: int, day: int) -> date | None:
    try:
        return date(year, month, day)
    except ValueError:
        return None


# --- finding expressions ---------------------------------------------------------------------


def find_times(doc: Doc, anchor: date | None) -> list[TimeExpression]:
    """Time expressions in ``doc``, in text order, resolved against ``anchor``.

    Grammar matches come first; spaCy DATE entities add expressions the grammar missed when
    dateparser can read them. A parse, if present, tells past from future verbs.
    """
    text = text_of(doc)
    tense = _TenseReader(doc)
    found: list[TimeExpression] = []
    for match in grammar.match_all(text):
        resolved = timeresolve.resolve(match, anchor, tense(match.start, match.end), text)
        if resolved is not None:
            value, grain = resolved
            found.append(TimeExpression(match.text, match.start, match.end, value, grain))
    taken = [(t.start, t.end) for t in found]
    for ent in doc.ents:
        if ent.label_ != "DATE" or _overlaps(ent.start_char, ent.end_char, taken):
            continue
        resolved = grammar.parse_explicit(ent.text, anchor)
        if resolved is not None:
            found.append(TimeExpression(ent.text, ent.start_char, ent.end_char, *resolved))
    return sorted(found, key=lambda t: t.start)


def _overlaps(start: int, end: int, spans: list[tuple[int, int]]) -> bool:
    return any(start < e and s < end for s, e in spans)


_FUTURE_AUX = {"will", "'ll", "shall", "wo", "going"}
_PAST_AUX_TAGS = {"VBD"}
_MODALS = {"would", "could", "should", "might", "may", "must", "can"}
_PRESENT_BE = {"is", "are", "am", "'s", "'re"}


_CLIMB = {"prep", "pobj", "npadvmod", "tmod", "advmod", "nummod", "compound", "appos"}


class _TenseReader:
    """Tells whether the verb a time expression hangs on is past or future (or unknown)."""

    def __init__(self, doc: Doc):
        self.doc = doc
        self.parsed = doc.has_annotation("DEP") and doc.has_annotation("TAG")

    def __call__(self, start: int, end: int) -> str | None:
        if not self.parsed:
            return None
        span = expand_span(self.doc, start, end)
        if span is None:
            return None
        token = span.root
        # Climb only through adverbial links: "Wednesday's ruling" says nothing about tense.
        for _ in range(6):
            if token.pos_ in ("VERB", "AUX"):
                return _verb_tense(token)
            if token.dep_ not in _CLIMB or token.head is token:
                return None
            token = token.head
        return None


def _verb_tense(verb, depth: int = 0) -> str | None:
    auxes = [c for c in verb.children if c.dep_ in ("aux", "auxpass")]
    words = {a.lower_ for a in auxes}
    if words & _FUTURE_AUX:
        return "future"
    if verb.tag_ == "VBD" or any(a.tag_ in _PAST_AUX_TAGS for a in auxes):
        return "past"
    if verb.tag_ in ("VBN", "VBG") and words & _PRESENT_BE:
        return "future"  # "is scheduled for Thursday", "is meeting Friday"
    if words & _MODALS and "have" not in words:
        return "future"  # "would be traveling Thursday", "could meet Monday"
    if verb.tag_ == "VB" and "to" in words and depth == 0 and verb.head is not verb:
        # "plans to meet Thursday" leans on the tense of "plans".
        head = _verb_tense(verb.head, depth + 1) if verb.head.pos_ in ("VERB", "AUX") else None
        return head or ("future" if verb.head.tag_ in ("VBZ", "VBP") else None)
    return None


# --- claim dates -----------------------------------------------------------------------------

_SPEECH = re.compile(
    r"\b(?:said|says|told|tells|announced|claimed|stated|denied|reported|added|wrote|"
    r"tweeted|posted|warned|insisted|confirmed|accused|alleged|declared)\b",
    re.IGNORECASE,
)


def date_for_sentence(sent_span: Span, times: list[TimeExpression], anchor: date | None,
                      parsed: bool | None = None):
    """When a claim in this sentence was made: a day the sentence names for the saying
    ("On Sunday night, the group said ..."), else the anchor. ISO string or None.
    ``parsed``: ``doc.has_annotation("DEP")`` when the caller knows it (a scan of the doc)."""
    start, end = sent_span.start_char, sent_span.end_char
    text = text_of(sent_span.doc)
    for time in times:
        if not (start <= time.start and time.end <= end) or time.grain != "day":
            continue
        if parsed is None:
            parsed = sent_span.doc.has_annotation("DEP")
        if _names_saying(sent_span, time, text, parsed):
            return time.value
    return anchor.isoformat() if anchor else None


def _names_saying(sent_span: Span, time: TimeExpression, text: str, parsed: bool) -> bool:
    """Whether the time says when the sentence's speech verb happened."""
    span = expand_span(sent_span.doc, time.start, time.end)
    if span is not None and parsed:
        head = span.root.head
        if head.dep_ == "prep":
            head = head.head
        if _SPEECH.fullmatch(head.text):
            return True
    # The parser often hangs "on Monday" on the reported verb, so also accept a day that
    # opens the sentence before its speech verb, or stands right next to one.
    before = text[sent_span.start_char : time.start]
    after = text[time.end : sent_span.end_char]
    if _OPENING.fullmatch(before) and _SPEECH.search(after):
        return True
    return bool(_SPEECH_BEFORE.search(before) or _SPEECH_AFTER.match(after))


_OPENING = re.compile(r"\W*(?:on|late|early)?\s*", re.IGNORECASE)
_SPEECH_BEFORE = re.compile(_SPEECH.pattern + r"\s+(?:on\s+)?$", re.IGNORECASE)
_SPEECH_AFTER = re.compile(r"\s*" + _SPEECH.pattern, re.IGNORECASE)


# --- the spaCy component ---------------------------------------------------------------------

if not Doc.has_extension("cc_anchor"):
    Doc.set_extension("cc_anchor", default=None)


@Language.factory(
    "cc_times",
    assigns=["doc._.cc_times", "doc._.cc_anchor"],
    requires=["doc._.cc_article"],
    default_config={},
)
def make_times(nlp: Language, name: str) -> "TimeFinder":
    return TimeFinder(name)


class TimeFinder:
    """Sets ``doc._.cc_times`` (``model.Time``) resolved on the article's anchor date, fills
    the dateline's ISO date when the dateline gave no year, and dates each claim.

    The anchor is ``doc._.cc_anchor`` when the caller set one, else it is resolved from
    ``doc._.cc_article`` (dateline, published date, body text, today).
    """

    def __init__(self, name: str = "cc_times"):
        self.name = name

    def __call__(self, doc: Doc) -> Doc:
        from .. import model

        anchor = self._anchor(doc)
        doc._.cc_anchor = anchor
        times = find_times(doc, anchor)
        doc._.cc_times = [model.Time(**row) for row in to_model_times(times)]
        article = doc._.cc_article
        if article is not None and article.dateline is not None and anchor is not None:
            if article.dateline.date is None and article.dateline.date_text:
                article.dateline.date = anchor.isoformat()
        self._date_claims(doc, times, anchor)
        return doc

    @staticmethod
    def _date_claims(doc: Doc, times: list[TimeExpression], anchor: date | None) -> None:
        """Each claim's date, worked out once per sentence."""
        claims = doc._.cc_claims or []
        if not claims:
            return
        parsed = doc.has_annotation("DEP")
        hooked = "sents" in doc.user_hooks or "sent" in doc.user_span_hooks
        dates: dict[tuple[int, int], str | None] = {}
        for claim in claims:
            bounds = expand_bounds(doc, claim.span[0], claim.span[1])
            if bounds is None:
                continue
            if hooked or bounds[0] >= len(doc):
                sentence = Span(doc, *bounds).sent
            else:  # Span.sent is the first token's sentence, found by rescanning the doc
                sentence = sentence_of(doc[bounds[0]])
            key = (sentence.start, sentence.end)
            if key not in dates:
                dates[key] = date_for_sentence(sentence, times, anchor, parsed)
            claim.date = dates[key]

    @staticmethod
    def _anchor(doc: Doc) -> date | None:
        anchor = doc._.cc_anchor
        if isinstance(anchor, Anchor):
            return anchor.date
        if isinstance(anchor, str):
            return _parse_iso_day(anchor)
        if isinstance(anchor, date):
            return anchor
        article = doc._.cc_article
        if article is None:
            return None
        dateline_text = article.dateline.date_text if article.dateline else None
        return resolve_anchor(dateline_text, article.published, article.text, date.today()).date


_MODEL_GRAINS = {"day", "week", "month", "year", "range"}


def to_model_times(times: list[TimeExpression]) -> list[dict]:
    """``model.Time`` fields for each expression the schema can hold, ids ``t1``, ``t2`` ...

    TimeML's quarters, halves, seasons and weekends become date ranges; vague references
    ("now", "recently") carry no date and are left out.
    """
    rows = []
    for time in times:
        value, grain = time.value, time.grain
        if grain not in _MODEL_GRAINS:
            value, grain = timeresolve.as_range(value), "range"
            if value is None:
                continue
        rows.append(
            {"id": f"t{len(rows) + 1}", "text": time.text, "span": (time.start, time.end),
             "value": value, "grain": grain}
        )
    return rows
