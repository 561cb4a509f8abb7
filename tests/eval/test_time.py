"""The TimeML reader and the TempEval-style scorer, on a tiny hand-written document."""

from datetime import date

import pytest

from counterclaim.errors import DataError
from counterclaim.eval.time import (
    GoldTimex,
    Predicted,
    Tally,
    normalise_value,
    parse_tml,
    read_corpus,
    score_system,
    summarise,
    tally_document,
)

TML = """<?xml version="1.0" ?>
<TimeML>
<DOCID>OSTRIA-1</DOCID>
<DCT><TIMEX3 tid="t0" type="DATE" value="2024-03-06" functionInDocument="CREATION_TIME">March 6, 2024</TIMEX3></DCT>
<TITLE>Rebels claim Kessen</TITLE>
<TEXT>
DALMAR (AP) _ The FHF <EVENT eid="e1" class="REPORTING">said</EVENT> <TIMEX3 tid="t1" type="DATE" value="2024-03-04" functionInDocument="NONE">Monday</TIMEX3> it held Kessen &amp; Vorna.
Fighting <EVENT eid="e2" class="OCCURRENCE">lasted</EVENT> <TIMEX3 tid="t2" type="DURATION" value="P3D" functionInDocument="NONE">three days</TIMEX3>, ending <TIMEX3 tid="t3" type="DATE" value="2024-W9" functionInDocument="NONE">last week</TIMEX3>.
</TEXT>
</TimeML>
"""


@pytest.fixture
def tml_path(tmp_path):
    path = tmp_path / "ostria.tml"
    path.write_text(TML, encoding="utf-8")
    return path


def test_parse_tml_offsets_index_the_tag_free_text(tml_path):
    doc = parse_tml(tml_path)
    assert doc.creation == date(2024, 3, 6)
    assert "<" not in doc.text and "Kessen & Vorna" in doc.text
    assert [(t.text, t.type, t.value) for t in doc.timexes] == [
        ("Monday", "DATE", "2024-03-04"),
        ("three days", "DURATION", "P3D"),
        ("last week", "DATE", "2024-W9"),
    ]
    for timex in doc.timexes:
        assert doc.text[timex.start : timex.end] == timex.text


def test_creation_time_is_not_gold(tml_path):
    assert all(t.value != "2024-03-06" for t in parse_tml(tml_path).timexes)


def test_read_corpus_errors_name_the_place(tmp_path):
    with pytest.raises(DataError, match="no .tml"):
        read_corpus(tmp_path)
    (tmp_path / "broken.tml").write_text("<TimeML><TEXT>", encoding="utf-8")
    with pytest.raises(DataError, match="broken.tml"):
        read_corpus(tmp_path)


def _gold(tml_path):
    return parse_tml(tml_path)


def test_tally_strict_relaxed_and_values(tml_path):
    doc = _gold(tml_path)
    monday, duration, week = doc.timexes
    predicted = [
        Predicted(monday.start, monday.end, "2024-03-04"),  # exact span, right value
        Predicted(week.start + 5, week.end, "2024-W08"),  # overlapping span, wrong value
        Predicted(0, 6, "2024"),  # no gold here: a false positive
        Predicted(duration.start, duration.end, "2024-03-03/2024-03-06"),  # not a DATE: ignored
    ]
    tally = tally_document(doc.timexes, predicted)
    assert tally == Tally(gold=2, predicted=3, strict=1, relaxed_predicted=2, relaxed_gold=2,
                          value_correct_gold=1, value_correct_predicted=1)
    summary = summarise(tally)
    assert summary["strict"]["recall"] == 0.5
    assert summary["relaxed"]["precision"] == round(2 / 3, 4)
    assert summary["value_accuracy"] == 0.5
    assert summary["value"]["f1"] == round(2 * (1 / 3) * 0.5 / (1 / 3 + 0.5), 4)


def test_unpadded_gold_week_matches_iso_week(tml_path):
    doc = _gold(tml_path)
    week = doc.timexes[2]
    tally = tally_document(doc.timexes, [Predicted(week.start, week.end, "2024-W09")])
    assert tally.value_correct_gold == 1
    assert normalise_value("1998-W7-WE") == "1998-W07-WE"
    assert normalise_value("1998-W48") == "1998-W48"


def test_score_system_runs_a_system_over_documents(tml_path):
    doc = _gold(tml_path)

    def finds_nothing(text, anchor):
        assert anchor == date(2024, 3, 6)
        return []

    summary, seconds = score_system(finds_nothing, [doc])
    assert summary["gold_dates"] == 2 and summary["relaxed"]["recall"] == 0.0
    assert seconds >= 0


def test_tally_with_no_predictions_has_zero_precision_not_an_error():
    gold = [GoldTimex(0, 6, "Monday", "DATE", "2024-03-04")]
    assert summarise(tally_document(gold, []))["relaxed"] == {
        "precision": 0.0, "recall": 0.0, "f1": 0.0}
