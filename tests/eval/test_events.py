"""Event scorers (issue 5) on tiny hand-written gold: CAMEO mapping, the PETRARCH reader,
and the Giveme5W1H where/when matching."""

from __future__ import annotations

import json

import pytest

from counterclaim.errors import DataError
from counterclaim.eval.events import (
    BATTLES, CIVILIANS, NO_EVENT, PROTESTS, REMOTE, RIOTS, STRATEGIC, _Scores, cameo_to_acled,
    read_5w1h, read_petrarch, when_matches, where_matches,
)


@pytest.mark.parametrize("code, types", [
    ("193", {BATTLES}), ("190", {BATTLES, REMOTE}), ("195", {REMOTE}), ("141", {PROTESTS}),
    ("145", {RIOTS}), ("173", {STRATEGIC}), ("180", {CIVILIANS}), ("183", {REMOTE}),
    ("057", {STRATEGIC}), ("042", {NO_EVENT}), (None, {NO_EVENT}),
])
def test_cameo_to_acled(code, types):
    assert cameo_to_acled(code) == types


PETRARCH = """<?xml version='1.0' encoding='utf-8'?>
<Validation>
#######
#   a comment block with <angle> & ampersand
#######
<Sentences>
<Sentence category="T" date="20260512" id="A_1" evaluate="true"/>
<EventCoding eventcode="193" sourcecode="OSTREB" targetcode="OSTMIL" />
<EventCoding eventcode="173" sourcecode="OSTMIL" targetcode="OSTREB" />
<Text>
FHF rebels fought soldiers near Vorna and police arrested two.
</Text>
</Sentence>
<Sentence category="T" date="20260513" id="A_2" evaluate="true">
<EventCoding noevents="True" />
<Text>The minister met farmers.</Text>
<Parse>
1	The	the	DET	DT	_	2	det	_	_
</Parse></Sentence>
</Sentences>
</Validation>
"""


def test_read_petrarch_handles_comments_and_unbalanced_tags(tmp_path):
    path = tmp_path / "gold.xml"
    path.write_text(PETRARCH, encoding="utf-8")
    records = read_petrarch(path)
    assert [r.id for r in records] == ["A_1", "A_2"]
    assert records[0].types == {BATTLES, STRATEGIC}
    assert records[0].date == "2026-05-12"
    assert records[1].codes == (None,) and records[1].types == {NO_EVENT}
    assert records[1].text == "The minister met farmers."


def test_read_petrarch_refuses_a_file_without_records(tmp_path):
    path = tmp_path / "empty.xml"
    path.write_text("<Validation></Validation>", encoding="utf-8")
    with pytest.raises(DataError):
        read_petrarch(path)


def test_scores_count_a_label_among_gold_types_as_right():
    scores = _Scores()
    scores.add(frozenset({BATTLES, STRATEGIC}), STRATEGIC)
    scores.add(frozenset({NO_EVENT}), BATTLES)
    scores.add(frozenset({REMOTE}), NO_EVENT)
    result = scores.result()
    assert result["correct"] == 1 and result["accuracy"] == pytest.approx(1 / 3, abs=1e-4)
    assert result["confusion"][NO_EVENT] == {BATTLES: 1}
    assert result["event_coverage"] == 0.5 and result["no_event_kept"] == 0.0


def test_where_matches_by_containment_either_way():
    assert where_matches(("Kessen",), ("the market in Kessen",))
    assert where_matches(("Kessen district hospital",), ("kessen",))
    assert not where_matches(("Dalmar",), ("Kessen",))
    assert not where_matches((), ("Kessen",))


def test_when_matches_day_and_month():
    assert when_matches("2026-05-12", ("2026-05-12",)) == (True, True)
    assert when_matches("2026-05-11", ("2026-05-12",)) == (False, True)
    assert when_matches("2026-W19", ("2026-05-12",)) == (False, True)
    assert when_matches("2026-04", ("2026-05-12",)) == (False, False)
    assert when_matches(None, ("2026-05-12",)) == (False, False)


def test_read_5w1h(tmp_path):
    record = {"title": "T", "text": "Body.", "date_publish": "2026-05-12 10:00:00",
              "fiveWoneH": {"where": {"annotated": [{"text": "Kessen"}, {}]},
                            "when": {"annotated": [{"text": "Monday", "parsed": "2026-05-11"}]}}}
    (tmp_path / "a.json").write_text(json.dumps(record), encoding="utf-8")
    (article,) = read_5w1h(tmp_path)
    assert article.where == ("Kessen",) and article.when == ("2026-05-11",)
    assert article.published == "2026-05-12"
