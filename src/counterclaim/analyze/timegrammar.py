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

MONTHS = {name.lower(): i for i, name in enumerate(calendar.month_name) if name}
MONTHS.update({name.lower(): i for i, name in enumerate(calendar.month_abbr) if name})
MONTHS["sept"] = 9
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
    for kind, pattern in COMPILED:
        for m in pattern.finditer(text):
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
