"""Calendar arithmetic: a grammar match plus the anchor date become a TimeML/ISO value.

``resolve`` returns ``(value, grain)`` or None. Underspecified dates ("Monday", "March",
"Dec. 15") point back from the anchor when their verb is past, forward when it is future,
and otherwise to the nearest such date (the past winning ties).
"""

from __future__ import annotations

import calendar
import re
from datetime import date, timedelta

from counterclaim.analyze.timegrammar import (
    NUMBERS,
    ORDINALS,
    REFS,
    SEASON_MONTHS,
    SEASONS,
    WEEKDAYS,
    Match,
    month_number,
    parse_explicit,
)

def resolve(match: Match, anchor: date | None, tense: str | None, text: str):
    """``(value, grain)`` for a grammar match, or None when it cannot be resolved."""
    g = match.groups
    if match.kind == "ref":
        return REFS.get(" ".join(g["ref"].lower().split()), "PAST_REF"), "ref"
    if match.kind in ("iso", "numeric"):
        year = int(g["y"]) if len(g["y"]) == 4 else 1900 + int(g["y"])
        day = _day(year, int(g["m"]), int(g["d"]))
        return (day.isoformat(), "day") if day else None
    if match.kind == "explicit":
        return parse_explicit(match.text, anchor)
    if match.kind == "half" and g.get("y"):
        return f"{g['y']}-H{ORDINALS[g['ord'].lower()]}", "half"
    if anchor is None:
        return parse_explicit(match.text, None) if match.kind == "month_year" else None
    handler = _HANDLERS.get(match.kind)
    return handler(g, anchor, tense, text, match) if handler else None


def _month_year(g, anchor, tense, text, match):
    return f"{g['y']}-{month_number(g['mon']):02d}", "month"


def _month_day(g, anchor, tense, text, match):
    month, day = month_number(g["mon"]), int(g["d"])
    options = [_day(y, month, day) for y in (anchor.year - 1, anchor.year, anchor.year + 1)]
    return _pick_nearby([o for o in options if o], anchor, _direction(g, tense), window=300)


def _month(g, anchor, tense, text, match):
    month, rel = month_number(g["mon"]), (g.get("rel") or "").lower()
    if rel == "this":
        return f"{anchor.year}-{month:02d}", "month"
    this_month = anchor.year * 12 + anchor.month - 1
    options = [year * 12 + month - 1 for year in (anchor.year - 1, anchor.year, anchor.year + 1)]
    direction = _direction(g, tense)
    if direction == "future":
        chosen = min(o for o in options if o > this_month - (rel != "next"))
    elif direction == "past":
        chosen = max(o for o in options if o < this_month + (rel != "last"))
    else:  # unknown: the nearest month, the past winning ties
        chosen = min(options, key=lambda o: (abs(o - this_month), o > this_month))
    return f"{chosen // 12}-{month:02d}", "month"


_FUTURE_PREPOSITIONS = {"until", "by", "through", "till", "as soon as"}


def _direction(g: dict, tense: str | None) -> str | None:
    """Which way an underspecified date points: "past", "future" or None (unknown)."""
    rel = (g.get("rel") or "").lower()
    preposition = " ".join((g.get("pre") or "").lower().split())
    if rel == "next" or tense == "future" or preposition in _FUTURE_PREPOSITIONS:
        return "future"
    if rel == "last" or tense == "past" or preposition == "since":
        return "past"
    return None


def _pick_nearby(options: list[date], anchor: date, direction: str, window: int):
    """The option on the preferred side of ``anchor`` within ``window`` days, else the nearest."""
    if not options:
        return None
    if direction == "future":
        near = [o for o in options if 0 <= (o - anchor).days <= window]
    elif direction == "past":
        near = [o for o in options if 0 <= (anchor - o).days <= window]
    else:  # unknown: the nearest, the past winning ties
        near = sorted(options, key=lambda o: (abs((o - anchor).days), o > anchor))[:1]
    pool = near or options
    chosen = min(pool, key=lambda o: abs((o - anchor).days))
    return chosen.isoformat(), "day"


def _month_rel_year(g, anchor, tense, text, match):
    year = anchor.year + {"last": -1, "this": 0, "next": 1}[g["ry"].lower()]
    return f"{year}-{month_number(g['mon']):02d}", "month"


def _year(g, anchor, tense, text, match):
    return g["y"], "year"


def _weekday(g, anchor, tense, text, match):
    target, rel = WEEKDAYS[g["wd"].lower()], (g.get("rel") or "").lower()
    back = (anchor.weekday() - target) % 7
    forward = (target - anchor.weekday()) % 7
    if rel == "next" or rel == "this coming":
        day = anchor + timedelta(days=forward or 7)
    elif rel in ("last", "this past"):
        day = anchor - timedelta(days=back or 7)
    elif _direction(g, tense) == "future":
        day = anchor + timedelta(days=forward)
    else:
        day = anchor - timedelta(days=back)
    return day.isoformat(), "day"


def _day_word(g, anchor, tense, text, match):
    shift = {"yesterday": -1, "today": 0, "tonight": 0, "tomorrow": 1}[g["w"].lower()]
    return (anchor + timedelta(days=shift)).isoformat(), "day"


def _unit_rel(g, anchor, tense, text, match):
    rel, unit = g["rel"].lower(), g["unit"].lower()
    step = {"last": -1, "past": -1, "previous": -1, "this": 0, "next": 1, "coming": 1}[rel]
    if unit == "weekend":
        return _weekend(anchor, step, tense), "weekend"
    return _shift(anchor, unit, step)


def _weekend_rule(g, anchor, tense, text, match):
    return _weekend(anchor, 0, tense), "weekend"


def _weekend(anchor: date, step: int, tense: str | None) -> str:
    saturday = anchor - timedelta(days=(anchor.weekday() - 5) % 7)
    if step > 0 or (step == 0 and tense == "future" and anchor.weekday() < 5):
        saturday += timedelta(days=7)
    elif step < 0 and anchor.weekday() >= 5:
        saturday -= timedelta(days=7)
    return _week(saturday) + "-WE"


def _ago(g, anchor, tense, text, match):
    count = NUMBERS.get(g["n"].lower(), None) if not g["n"].isdigit() else int(g["n"])
    if not count:
        return None
    unit = g["unit"].lower()
    if unit == "year" and _quarter_context(text, match):
        # In earnings reports "a year earlier" is the same quarter of the previous year.
        year, quarter = _last_quarter(anchor)
        return f"{year - count}-Q{quarter}", "quarter"
    return _shift(anchor, unit, -count)


def _range(g, anchor, tense, text, match):
    count = NUMBERS.get(g["n"].lower(), None) if not g["n"].isdigit() else int(g["n"])
    if not count:
        return None
    days = {"day": 1, "week": 7, "month": 30}[g["unit"].lower()] * count
    return f"{(anchor - timedelta(days=days)).isoformat()}/{anchor.isoformat()}", "range"


def _quarter(g, anchor, tense, text, match):
    number = ORDINALS[g["ord"].lower()]
    written = g.get("qy") or g.get("qy2") or ""
    if written[:4].isdigit():
        year = int(written[:4])
    elif written[:4].lower() in ("last", "next"):
        year = anchor.year + (1 if written[:4].lower() == "next" else -1)
    else:
        started = date(anchor.year, 3 * number - 2, 1) <= anchor
        year = anchor.year if started or written else anchor.year - 1
    return f"{year}-Q{number}", "quarter"


def _quarter_rel(g, anchor, tense, text, match):
    rel = (g.get("rel") or "").lower()
    year, quarter = _last_quarter(anchor)
    if rel == "current":
        year, quarter = anchor.year, (anchor.month - 1) // 3 + 1
    if rel.startswith("year-"):
        year -= 1
    return f"{year}-Q{quarter}", "quarter"


def _period(g, anchor, tense, text, match):
    rel = g["rel"].lower()
    if not (rel[:1].isdigit() or _quarter_context(text, match)):
        return None
    year, quarter = _last_quarter(anchor)
    if rel.isdigit():
        year = int(rel)
    elif rel.startswith("year-"):
        year -= 1
    return f"{year}-Q{quarter}", "quarter"


def _year_ago_adj(g, anchor, tense, text, match):
    if g.get("what") or _quarter_context(text, match):
        year, quarter = _last_quarter(anchor)
        return f"{year - 1}-Q{quarter}", "quarter"
    return str(anchor.year - 1), "year"


def _half(g, anchor, tense, text, match):
    return f"{anchor.year}-H{ORDINALS[g['ord'].lower()]}", "half"


def _season(g, anchor, tense, text, match):
    code, rel = SEASONS[g["s"].lower()], g["rel"].lower()
    if g.get("y"):
        return f"{g['y']}-{code}", "season"
    first_month = SEASON_MONTHS[code][0]
    year = anchor.year
    if rel == "last":
        year -= 1 if first_month >= anchor.month - 2 or first_month > anchor.month else 0
    elif rel == "next":
        year += 1 if first_month <= anchor.month else 0
    return f"{year}-{code}", "season"


_HANDLERS = {
    "month_year": _month_year, "month_rel_year": _month_rel_year, "month_day": _month_day, "month": _month, "year": _year,
    "weekday": _weekday, "day_word": _day_word, "unit_rel": _unit_rel,
    "weekend": _weekend_rule, "ago": _ago, "range": _range, "quarter": _quarter,
    "quarter_rel": _quarter_rel, "period": _period, "year_ago_adj": _year_ago_adj, "half": _half,
    "season": _season,
}


# --- calendar helpers -----------------------------------------------------------------------


def _day(year: int, month: int, day: int) -> date | None:
    try:
        return date(year, month, day)
    except ValueError:
        return None


def _week(day: date) -> str:
    iso = day.isocalendar()
    return f"{iso[0]}-W{iso[1]:02d}"


def _shift(anchor: date, unit: str, step: int):
    if unit == "day":
        return (anchor + timedelta(days=step)).isoformat(), "day"
    if unit == "week":
        return _week(anchor + timedelta(weeks=step)), "week"
    if unit == "month":
        months = anchor.year * 12 + anchor.month - 1 + step
        return f"{months // 12}-{months % 12 + 1:02d}", "month"
    return str(anchor.year + step), "year"


def _last_quarter(anchor: date) -> tuple[int, int]:
    """The most recent quarter that has ended, the one a company would be reporting on."""
    current = (anchor.month - 1) // 3 + 1
    return (anchor.year, current - 1) if current > 1 else (anchor.year - 1, 4)


def _quarter_context(text: str, match: Match) -> bool:
    window = text[max(0, match.start - 250) : match.end + 250].lower()
    return "quarter" in window


def as_range(value: str | None) -> str | None:
    """A TimeML quarter, half, season or weekend value as an ISO date range, else None."""
    if not value:
        return None
    m = re.fullmatch(r"(\d{4})-(Q[1-4]|H[12]|SP|SU|FA|WI)", value)
    if m:
        year, part = int(m.group(1)), m.group(2)
        if part[0] in "QH":
            size = 3 if part[0] == "Q" else 6
            first = (int(part[1]) - 1) * size + 1
            last = first + size - 1
        else:
            first, last = SEASON_MONTHS[part]
        end_year = year + (last < first)
        end = date(end_year, last, calendar.monthrange(end_year, last)[1])
        return f"{date(year, first, 1).isoformat()}/{end.isoformat()}"
    m = re.fullmatch(r"(\d{4})-W(\d\d)-WE", value)
    if m:
        saturday = date.fromisocalendar(int(m.group(1)), int(m.group(2)), 6)
        return f"{saturday.isoformat()}/{(saturday + timedelta(days=1)).isoformat()}"
    return None
