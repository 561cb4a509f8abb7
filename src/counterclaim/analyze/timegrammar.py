"""The grammar of news date phrases, and readers for written dates.

Used by ``analyze/times.py``; ``analyze/timeresolve.py`` turns matches into values. Each
pattern names the rule that resolves it; patterns are compiled once. Month and weekday names
must be capitalised, so "may" and "march" as verbs are not dates.
"""

from __future__ import annotations

import calendar
import re
from datetime import date, datetime
from functools import lru_cache
from typing import NamedTuple

from dateparser.date import DateDataParser

from .spans import word_starts

MONTHS = {name.lower(): i for i, name in enumerate(calendar.month_name) if name}
MONTHS.update({name.lower(): i for i, name in enumerate(calendar.month_abbr) if name})
MONTHS["sept"] = 9
_FULL_MONTHS = {name.lower() for name in calendar.month_name if name}
WEEKDAYS = {name.lower(): i for i, name in enumerate(calendar.day_name)}
NUMBERS = {w: i for i, w in enumerate(
    "zero one two three four five six seven eight nine ten eleven twelve".split())}
NUMBERS.update({"a": 1, "an": 1, "several": None, "few": None})
ORDINALS = {"first": 1, "second": 2, "third": 3, "fourth": 4, "1st": 1, "2nd": 2, "3rd": 3,
            "4th": 4, "last": 2}  # "last" only reaches here for halves: "the last half of 1989"
SEASONS = {"spring": "SP", "summer": "SU", "fall": "FA", "autumn": "FA", "winter": "WI"}
SEASON_MONTHS = {"SP": (3, 5), "SU": (6, 8), "FA": (9, 11), "WI": (12, 2)}

MON = (r"(?P<mon>Jan(?:uary|\.)?|Feb(?:ruary|\.)?|Mar(?:ch|\.)?|Apr(?:il|\.)?|May|June?|"
       r"July?|Aug(?:ust|\.)?|Sept?(?:ember|\.)?|Oct(?:ober|\.)?|Nov(?:ember|\.)?|"
       r"Dec(?:ember|\.)?)")
MON_FULL = (r"(?P<mon>January|February|March|April|May|June|July|August|September|October|"
            r"November|December)")
DAY = r"(?P<d>[0-3]?\d)(?:st|nd|rd|th)?"
YEAR = r"(?P<y>1[6-9]\d\d|20\d\d)"
WD = r"(?P<wd>Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
PART = r"(?:\s+(?:morning|afternoon|evening|night))?"
EDGE = r"(?:(?:early|late|mid|the\s+end\s+of|the\s+beginning\s+of|the\s+start\s+of)[\s-]+)?"
NUM = r"(?P<n>\d+|a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)"
NOT_NUMBER = r"(?![\d,]?\d|\s*(?:%|percent\b))"

# Order matters only among equally long matches; longer matches always win.
PATTERNS = [
    ("iso", r"\b(?P<y>\d{4})-(?P<m>[01]\d)-(?P<d>[0-3]\d)\b"),
    ("numeric", r"\b(?P<m>[01]?\d)/(?P<d>[0-3]?\d)/(?P<y>\d{4}|\d{2})\b"),
    ("explicit", rf"\b{MON}\s+{DAY},?\s+{YEAR}\b"),
    ("explicit", rf"\b{DAY}\s+(?:of\s+)?{MON},?\s+{YEAR}\b"),
    ("month_year", rf"\b{EDGE}{MON},?\s+(?:of\s+)?{YEAR}\b"),
    ("month_rel_year", rf"\b{EDGE}{MON_FULL}\s+(?:of\s+)?(?P<ry>last|this|next)\s+year\b"),
    ("month_day", rf"\b(?:(?P<rel>last|this|next)\s+)?{MON}\s+{DAY}\b{NOT_NUMBER}"),
    ("month_day", rf"\b{DAY}\s+(?:of\s+)?{MON}\b"),
    ("month", rf"(?:\b(?P<pre>in|since|until|by|from|through|of)\s+)?(?P<x>\b(?:(?P<rel>last|"
              rf"this|next|early|late|mid)[\s-]+)?{MON_FULL})\b(?!\.?\s*\d)"),
    ("year", rf"(?<![$\d.,])\b(?P<x>{EDGE}(?:fiscal\s+)?{YEAR})\b{NOT_NUMBER}(?!-\d)"),
    ("weekday", rf"(?:\b(?P<pre>until|by|till|before|as\s+soon\s+as)\s+)?(?P<x>\b(?:(?P<rel>last|"
                rf"next|this(?:\s+past|\s+coming)?|early|late)\s+)?{WD}{PART})\b"),
    ("day_word", r"\b(?:(?:early|late)\s+)?(?P<w>yesterday|today|tomorrow|tonight)"
                 r"(?:\s+(?:morning|afternoon|evening|night))?\b"),
    ("unit_rel", r"\b(?:(?:early|late|earlier|later)\s+)?(?P<rel>last|this|next|"
                 r"past|coming|previous)\s+(?P<unit>week|month|year|weekend)\b"),
    ("weekend", r"\bthe\s+weekend\b"),
    ("ago", rf"\b{NUM}\s+(?P<unit>day|week|month|year)s?\s+(?P<dir>ago|earlier)\b"),
    ("range", rf"\b(?:since|over|in|during|for)\s+(?P<x>(?:the\s+)?(?:last|past)\s+{NUM}\s+"
              rf"(?P<unit>day|week|month)s)\b"),
    ("quarter", r"\b(?:the\s+)?(?:(?P<qy>\d{4}|this\s+year's|last\s+year's|next\s+year's)\s+)?(?:fiscal\s+)?"
                r"(?P<ord>first|second|third|fourth|1st|2nd|3rd|4th)(?:[\s-]+fiscal)?[\s-]+"
                r"quarter\b(?:\s+of\s+(?P<qy2>\d{4}))?"),
    ("quarter_rel", r"\bthe\s+(?:(?P<rel>latest|last|current|past|recent|most\s+recent|"
                    r"year-earlier|year-ago|previous|same|comparable|fiscal)\s+)?quarter\b"
                    r"(?![\w-]|\s+of\b)"),
    ("period", r"\bthe\s+(?P<rel>latest|year-earlier|year-ago|comparable|same|\d{4})\s+"
               r"(?:(?:fiscal|year-ago|year-earlier)\s+)?(?:period|quarter)\b"),
    ("year_ago_adj", r"\b(?:the\s+)?year-(?:earlier|ago)(?:\s+(?P<what>quarter|period))?\b"),
    ("half", r"\b(?:the\s+)?(?P<ord>first|second|last)\s+half\b(?:\s+of\s+(?P<y>\d{4}))?"),
    ("season", r"\b(?:(?P<rel>last|this|next|early|late)\s+)(?P<s>spring|summer|fall|autumn|"
               r"winter)\b(?:\s+(?:of\s+)?(?P<y>\d{4}))?"),
    ("ref", r"(?<!as\s)\b(?P<ref>now|currently|recently|nowadays|the\s+past|the\s+future|"
            r"in\s+recent\s+years|recent\s+(?:years|months|weeks|days))\b"),
]
COMPILED = [(kind, re.compile(p, re.IGNORECASE)) for kind, p in PATTERNS]

# Where each pattern can start: every pattern begins at a word boundary, with a word (``\w+``)
# that is one of these, in lower case, or with a digit ("#"). A superset is safe (the pattern
# itself still decides); a missing word would lose matches, which tests/analyze/test_times.py
# checks against scanning the whole text with each pattern.
_MONTHS = ("january", "february", "march", "april", "may", "june", "july", "august",
           "september", "october", "november", "december", "jan", "feb", "mar", "apr", "jun",
           "jul", "aug", "sep", "sept", "oct", "nov", "dec",
           "sepember")  # MON's "Sept?(?:ember)" also reads this misspelling
_WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
_EDGE = ("early", "late", "mid", "the")
STARTS: list[tuple[str, ...]] = [
    ("#",),  # iso
    ("#",),  # numeric
    _MONTHS,  # explicit: March 3, 2024
    ("#",),  # explicit: 3 March 2024
    _EDGE + _MONTHS,  # month_year
    _EDGE + _MONTHS,  # month_rel_year
    ("last", "this", "next") + _MONTHS,  # month_day
    ("#",),  # month_day: 3 March
    ("in", "since", "until", "by", "from", "through", "of", "last", "this", "next", "early",
     "late", "mid") + _MONTHS,  # month
    _EDGE + ("fiscal", "#"),  # year
    ("until", "by", "till", "before", "as", "last", "next", "this", "early", "late")
    + _WEEKDAYS,  # weekday
    ("early", "late", "yesterday", "today", "tomorrow", "tonight"),  # day_word
    ("early", "late", "earlier", "later", "last", "this", "next", "past", "coming",
     "previous"),  # unit_rel
    ("the",),  # weekend
    ("#", "a", "an", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine",
     "ten", "eleven", "twelve"),  # ago
    ("since", "over", "in", "during", "for"),  # range
    ("the", "this", "last", "next", "fiscal", "first", "second", "third", "fourth", "#"),  # quarter
    ("the",),  # quarter_rel
    ("the",),  # period
    ("the", "year"),  # year_ago_adj
    ("the", "first", "second", "last"),  # half
    ("last", "this", "next", "early", "late"),  # season
    ("now", "currently", "recently", "nowadays", "the", "in", "recent"),  # ref
]
assert len(STARTS) == len(PATTERNS)


def _start_table() -> tuple[dict[str, list[int]], list[int]]:
    """Pattern numbers by the word a match can start with, and the patterns that may start at
    a digit."""
    table: dict[str, list[int]] = {}
    digits = []
    for number, words in enumerate(STARTS):
        for word in words:
            if word == "#":
                digits.append(number)
            else:
                table.setdefault(word, []).append(number)
    return table, digits


_STARTS_BY_WORD, _STARTS_AT_DIGIT = _start_table()
_ALL_PATTERNS = list(range(len(COMPILED)))
_HEADS = frozenset(word[:2] for word in _STARTS_BY_WORD)
_WORD = re.compile(r"\w+")
# "the" is in every text many times, and starts ten patterns: only these next words can
# continue one of them (the end of, the weekend, the first quarter, the past ...).
_THE_STARTS = re.compile(
    r"the\s+(?:\d|(?:end|beginning|start|weekend|this|last|next|fiscal|first|second|third|"
    r"fourth|latest|current|past|recent|most|year|previous|same|comparable|quarter|"
    r"future)(?!\w))", re.IGNORECASE)


def _candidate_starts(text: str) -> list[list[int]]:
    """For each pattern, the word starts (in text order) where it may match. The words are
    found by their first two characters (``word_starts``, which the loaded-term lexicon reads
    too); only the few whose heads begin a listed word are read whole, so a pattern is tried
    where its first word is, not at every word sharing two letters with it ("th")."""
    starts: list[list[int]] = [[] for _ in COMPILED]
    for first, positions in word_starts(text).items():
        if not first.isascii():  # case-insensitive matching folds some letters ("ſ" to "s")
            numbers = _ALL_PATTERNS
        elif first[0].isdigit():
            numbers = _STARTS_AT_DIGIT
        elif first in _HEADS:
            _add_word_starts(text, positions, starts)
            continue
        else:
            continue
        for number in numbers:
            starts[number] += positions
    for positions in starts:
        positions.sort()
    return starts


def _add_word_starts(text: str, positions: list[int], starts: list[list[int]]) -> None:
    for position in positions:
        word = _WORD.match(text, position).group().lower()
        numbers = _STARTS_BY_WORD.get(word)
        if numbers is None:
            if word.isascii():
                continue
            numbers = _ALL_PATTERNS  # "laſt" is "last" to a case-insensitive pattern
        elif word == "the" and not _THE_STARTS.match(text, position):
            continue
        for number in numbers:
            starts[number].append(position)


def _finditer(pattern: re.Pattern, text: str, starts: list[int]):
    """``pattern.finditer(text)``, trying only the given start positions: the same matches
    when every match starts at one of them."""
    end = 0
    for start in starts:
        if start < end:
            continue
        m = pattern.match(text, start)
        if m is not None:
            end = max(m.end(), start + 1)
            yield m
REFS = {"now": "PRESENT_REF", "currently": "PRESENT_REF", "nowadays": "PRESENT_REF",
        "the future": "FUTURE_REF"}


class Match(NamedTuple):
    kind: str
    start: int
    end: int
    text: str
    groups: dict


def match_all(text: str) -> list[Match]:
    """Every grammar match in ``text``, longest first where they overlap, in text order."""
    matches = []
    candidates = _candidate_starts(text)
    for (kind, pattern), starts in zip(COMPILED, candidates):
        for m in _finditer(pattern, text, starts):
            extent = "x" if "x" in pattern.groupindex else 0
            start, end = m.span(extent)
            groups = {k: v for k, v in m.groupdict().items() if v is not None}
            if not _capitalised(groups):
                continue
            matches.append(Match(kind, start, end, text[start:end], groups))
    matches.sort(key=lambda m: (-(m.end - m.start), m.start))
    chosen: list[Match] = []
    for m in matches:
        if all(m.end <= c.start or c.end <= m.start for c in chosen):
            chosen.append(m)
    return sorted(chosen, key=lambda m: m.start)


def month_number(name: str) -> int:
    """1-12 for a month name or abbreviation as written: "Sept.", "Dec", "March"."""
    return MONTHS[name.lower().rstrip(".")]


def _capitalised(groups: dict) -> bool:
    for key in ("mon", "wd"):
        if key in groups and not groups[key][0].isupper():
            return False
    # "May" alone is usually the verb; as a month it follows a preposition or modifier.
    if groups.get("mon") == "May" and "d" not in groups and "y" not in groups:
        return "pre" in groups or "rel" in groups
    return True


# --- explicit dates, dateline dates ---------------------------------------------------------


@lru_cache(maxsize=8)
def _parser(anchor: date | None) -> DateDataParser:
    settings = {"PREFER_DATES_FROM": "current_period", "STRICT_PARSING": False}
    if anchor is not None:
        settings["RELATIVE_BASE"] = datetime(anchor.year, anchor.month, anchor.day)
    return DateDataParser(languages=["en"], settings=settings)


_ANY_MONTH = MON.replace("?P<mon>", "?:")
_WRITTEN_DATE = re.compile(
    rf"^(?:the\s+)?(?:{_ANY_MONTH}\.?\s*(?:\d{{1,2}}(?:st|nd|rd|th)?,?\s*)?(?:\d{{4}})?"
    rf"|\d{{1,2}}\s+{_ANY_MONTH}\.?(?:\s+\d{{4}})?|\d{{4}})$",
    re.IGNORECASE,
)


def parse_explicit(text: str, anchor: date | None):
    """Read a written date with dateparser: ``(value, grain)`` at the precision written.

    Only strings shaped like a written date are passed on: dateparser also reads "44" or
    "the 1960s" as days, which would be wrong here.
    """
    if not _WRITTEN_DATE.match(text.strip()):
        return None
    # dateparser's base without an anchor is the local today.
    plain = _plain_date(text, anchor or date.today())
    if plain is not None:
        return plain
    data = _parser(anchor).get_date_data(text)
    if data is None or data.date_obj is None:
        return None
    found = data.date_obj.date()
    if data.period == "year":
        return str(found.year), "year"
    if data.period == "month":
        return f"{found.year}-{found.month:02d}", "month"
    if data.period == "day" and re.search(r"\d", text):
        return found.isoformat(), "day"
    return None


# The common written dates, read without dateparser (~0.5 ms a call): a year, a month, a
# month and day, with or without a year. Tests check these agree with dateparser; anything
# else (impossible days, a yearless Feb 29) goes to it.
_PLAIN_MONTHS = {name: number for name, number in MONTHS.items()
                 if len(name) >= 3 and (len(name) == 3 or name in _FULL_MONTHS or name == "sept")}
_PLAIN_DATE = re.compile(
    r"(?:the\s+)?(?:(?P<mon>[a-z]+)\.?(?:\s+(?P<d>[0-9]{1,2})(?:st|nd|rd|th)?)?"
    r"|(?P<d2>[0-9]{1,2})\s+(?P<mon2>[a-z]+)\.?)"
    r"(?:(?(d),|(?(d2)|(?!)))?\s+(?P<y>[1-9][0-9]{3}))?|(?P<year>[1-9][0-9]{3})",
    re.IGNORECASE | re.ASCII,
)


def _plain_date(text: str, anchor: date):
    m = _PLAIN_DATE.fullmatch(text)
    if m is None:
        return None
    if m["year"]:
        return m["year"], "year"
    month = _PLAIN_MONTHS.get((m["mon"] or m["mon2"]).lower())
    if month is None:
        return None
    year = int(m["y"]) if m["y"] else anchor.year
    if not (m["d"] or m["d2"]):
        return f"{year}-{month:02d}", "month"
    day = int(m["d"] or m["d2"])
    if (month, day) == (2, 29) and not m["y"]:
        return None  # dateparser moves a yearless Feb 29 to a leap year
    try:
        return date(year, month, day).isoformat(), "day"
    except ValueError:
        return None  # dateparser's own reading ("March 32" is March 2032)


_DATELINE_DAY = [
    re.compile(rf"{MON}\s+{DAY}(?:,?\s+{YEAR})?", re.IGNORECASE),
    re.compile(rf"{DAY}\s+(?:of\s+)?{MON}(?:,?\s+{YEAR})?", re.IGNORECASE),
    re.compile(r"(?P<y>\d{4})-(?P<m>[01]\d)-(?P<d>[0-3]\d)"),
]


def parse_day_month(text: str) -> tuple[int | None, int, int] | None:
    """``(year or None, month, day)`` of a dateline date such as "Sep 6" or "6 Sept 2024"."""
    for pattern in _DATELINE_DAY:
        m = pattern.search(text)
        if m:
            month = int(m.group("m")) if "m" in m.groupdict() else month_number(m.group("mon"))
            year = int(m.group("y")) if m.group("y") else None
            return year, month, int(m.group("d"))
    return None


_NAMED_WEEKDAY = re.compile(r"\b(Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b")


def weekdays_named(text: str) -> list[int]:
    """Weekday numbers (Monday=0) named in ``text``, in order of first mention."""
    named: list[int] = []
    for m in _NAMED_WEEKDAY.finditer(text):
        number = WEEKDAYS[m.group(1).lower()]
        if number not in named:
            named.append(number)
    return named
