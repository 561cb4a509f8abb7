"""Wire datelines at the start of a body: ``DALMAR, Ostria, Nov. 4 (Reuters) -``.

A dateline is PLACE [, REGION ...] [, DATE] [(AGENCY) | /AGENCY/] DASH. It stays in the
article text; ``find_dateline`` reports its parts and its code-point span. To tell a
dateline from a sentence that happens to open with a name and a dash, we require at least
one of: an agency, a date, or a place in capitals ("NEW YORK -"). A parenthesis that is not
a known agency ("Free Highlands Front (FHF) -") needs a date or a capitalised place too.
"""

from __future__ import annotations

import re
from datetime import date, datetime, timedelta

from ..model import Dateline

MONTH = (r"(?i:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?"
         r"|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)")
# Full names only: "Sun City" and "Mon" are places too.
WEEKDAY = r"(?i:monday|tuesday|wednesday|thursday|friday|saturday|sunday)"
WEEKDAYS = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]

# One word of a place name: starts with a capital (Latin incl. accented), may hold
# apostrophes, dots and inner hyphens ("Ivano-Frankivsk", "St.", "N'Djamena"). Month and
# weekday names are excluded so that "Gaza City, Oct 12" does not read "Oct" as a place.
PLACE_WORD = (rf"(?!{MONTH}\b\.?|{WEEKDAY}\b)"
              r"[A-Z\u00c0-\u00de\u0100-\u017f][\w'\u2019.]*(?:-[\w'\u2019.]+)*")
# Lower-case joiners inside names: "Rio de Janeiro", "Dar es Salaam", "Stratford-upon-Avon".
PARTICLE = r"(?:de|del|da|do|dos|du|des|di|el|al|la|le|es|of|upon|on|am|an|sur)"
PLACE = rf"{PLACE_WORD}(?:[ ](?:{PARTICLE}[ ])?{PLACE_WORD}){{0,4}}"

DAY = r"\d{1,2}(?:st|nd|rd|th)?"
YEAR = r"\d{4}"
DATE = rf"""(?:
      {MONTH}\.?[ ]{DAY}(?:,?[ ]{YEAR})?      # Nov. 4 | March 3, 2024 | Sep 6
    | {DAY}[ ]{MONTH}\.?(?:,?[ ]{YEAR})?      # 3 March 2024
    | {YEAR}-\d{{2}}-\d{{2}}                  # 2024-03-03
    | {WEEKDAY}\b\.?                          # Monday
)"""
AGENCY_NAME = r"[A-Za-z][A-Za-z0-9 .&'\u2019-]{0,38}[A-Za-z.]"

DATELINE = re.compile(
    rf"""
    (?!(?i:by)\s)                        # "By Jane Doe, Reuters" is a byline
    (?P<place>{PLACE}(?:,[ ]{PLACE}){{0,3}})
    (?:,?[ ](?P<date>{DATE}))?
    [ ]*
    (?: \((?P<agency>{AGENCY_NAME})\)     # (Reuters), (AFP), (NAN), (Thomson Reuters Foundation)
      | /(?P<wire>{AGENCY_NAME})/         # /PRNewswire/, /CNW/
    )?
    (?P<dash>[ ]*(?:--?|[\u2013\u2014\u2015])(?=\s|$))?  # -, --, en/em dash, then a space
    """,
    re.X,
)

KNOWN_AGENCIES = {
    "reuters", "ap", "afp", "nan", "xinhua", "ians", "pti", "ani", "efe", "dpa", "ansa",
    "upi", "tass", "ria", "interfax", "anadolu", "aa", "kyodo", "yonhap", "bernama", "apa",
    "mena", "wafa", "irna", "sana", "qna", "spa", "wam", "kuna", "bna", "ips", "sapa",
    "prnewswire", "businesswire", "globenewswire", "cnw", "thomson reuters foundation",
    "bloomberg", "ukrinform", "unian", "bss", "unb",
}
# Capitalised openers that are labels, not places.
NOT_PLACES = {"BREAKING", "UPDATE", "EXCLUSIVE", "WATCH", "ANALYSIS", "OPINION", "LIVE",
              "FACTBOX", "EXPLAINER", "EDITORIAL", "COMMENT", "NOTE", "CORRECTION", "WARNING"}
BYLINE = re.compile(r"by\s[^\n]{1,80}$", re.I)
MAX_BYLINE_PARAGRAPHS = 2
MAX_CAPITALISED_PLACE_WORDS = 3
MAX_DAYS_AFTER_PUBLISHED = 7  # a dateline may trail publication a little (time zones)


def find_dateline(text: str, *, published: str | None = None) -> Dateline | None:
    """The dateline opening ``text`` (after any byline paragraphs), or None.

    published (str | None): ISO date of the article, used to give "Sep 6" a year.
    """
    start = skip_bylines(text)
    match = match_dateline(text, start)
    if match is None:
        return None
    date_text = match.group("date")
    return Dateline(
        place=match.group("place"),
        date_text=date_text,
        date=resolve_date(date_text, published) if date_text else None,
        agency=match.group("agency") or match.group("wire"),
        span=(start, match.end("dash") if match.group("dash") else match.end()),
    )


def starts_with_dateline(line: str) -> bool:
    return match_dateline(line, 0) is not None


def match_dateline(text: str, start: int) -> re.Match | None:
    match = DATELINE.match(text, start)
    if match is None or not is_plausible(match):
        return None
    return match


def is_plausible(match: re.Match) -> bool:
    """Enough evidence that the match is a dateline and not a sentence opening."""
    place, dash = match.group("place"), match.group("dash")
    agency = match.group("agency") or match.group("wire")
    first_place = place.split(",")[0]
    # "RIO DE JANEIRO -" is a dateline; "REBELS SHELL NORTHERN DALMAR -" is a shouted headline.
    capitalised = (first_place.isupper() and sum(ch.isalpha() for ch in first_place) >= 2
                   and len(first_place.split()) <= MAX_CAPITALISED_PLACE_WORDS)
    if first_place in NOT_PLACES:
        return False
    known_agency = bool(agency) and agency.lower().strip(" .") in KNOWN_AGENCIES
    if not dash:
        return known_agency  # "DALMAR (Reuters) The army said ..." has no dash
    if agency and not known_agency:
        return bool(match.group("date")) or capitalised or bool(match.group("wire"))
    return bool(agency) or bool(match.group("date")) or capitalised


def skip_bylines(text: str) -> int:
    """Offset of the first paragraph that is not a short "By ..." line."""
    offset = 0
    for _ in range(MAX_BYLINE_PARAGRAPHS):
        end = text.find("\n", offset)
        line = text[offset:] if end < 0 else text[offset:end]
        if end < 0 or not BYLINE.match(line.strip()):
            break
        offset = end
        while offset < len(text) and text[offset].isspace():
            offset += 1
    return offset


def resolve_date(date_text: str, published: str | None) -> str | None:
    """ISO date when the text has a year, or when ``published`` supplies one; else None."""
    base = parse_published(published)
    if re.fullmatch(rf"{WEEKDAY}\.?", date_text):
        weekday = latest_weekday(date_text, base) if base else None
        return weekday.isoformat() if weekday else None
    has_year = re.search(r"\d{4}", date_text) is not None
    if not has_year and base is None:
        return None
    parsed = parse_date_text(date_text, base)
    if parsed is None or not agrees_on_day(parsed, date_text):
        return None
    if has_year:
        return parsed.isoformat()
    return infer_year(parsed, base)


def parse_date_text(date_text: str, base: date | None) -> date | None:
    import dateparser  # slow to import; only datelines with a date need it

    settings = {"PREFER_DATES_FROM": "current_period"}
    if base is not None:
        settings["RELATIVE_BASE"] = datetime(base.year, base.month, base.day)
    try:
        parsed = dateparser.parse(date_text.replace(".", ""), languages=["en"],
                                  settings=settings)
    except (ValueError, OverflowError):
        return None
    return parsed.date() if parsed else None


def agrees_on_day(parsed: date, date_text: str) -> bool:
    """dateparser reads "Sep 99" as September 1999; we want the written day or nothing."""
    if re.fullmatch(r"\d{4}-\d{2}-\d{2}", date_text):
        return True
    day = re.search(r"\b(\d{1,2})(?:st|nd|rd|th)?\b", date_text)
    return day is None or int(day.group(1)) == parsed.day


def infer_year(parsed: date, base: date) -> str | None:
    """Month and day from the dateline, year from publication; "Dec 31" before "Jan 2"."""
    try:
        candidate = parsed.replace(year=base.year)
        if candidate > base + timedelta(days=MAX_DAYS_AFTER_PUBLISHED):
            candidate = candidate.replace(year=base.year - 1)
    except (ValueError, OverflowError):  # Feb 29 in a year without one; year 1 or 9999
        return None
    return candidate.isoformat()


def latest_weekday(day_name: str, base: date) -> date | None:
    """The named weekday on or before the publication date."""
    wanted = WEEKDAYS.index(day_name.rstrip(".").lower())
    try:
        return base - timedelta(days=(base.weekday() - wanted) % 7)
    except OverflowError:
        return None


def parse_published(published: str | None) -> date | None:
    if not published:
        return None
    try:
        return datetime.fromisoformat(published.strip()).date()
    except ValueError:
        pass
    try:
        return date.fromisoformat(published.strip()[:10])
    except ValueError:
        return None
