"""The hostile corpus: every bad input fails with a one-line message, every good one loads."""

from __future__ import annotations

import json

import pytest

from counterclaim.eval.hostile import (EXPECTED_NAME, check_hostile_corpus, make_hostile_corpus,
                                       relative_location)
from counterclaim.read import Failed, Limits, Loaded, iter_inputs

# Small sizes keep the test fast; the limits are scaled down with them so that the size
# cases still cross (or, in the generous run, stay under) the limits.
SIZES = {"huge_bytes": 300_000, "line_bytes": 150_000, "nesting": 1000}
STRICT = Limits(max_file_bytes=200_000, max_article_chars=100_000)
GENEROUS = Limits(max_file_bytes=1_000_000, max_article_chars=500_000)



@pytest.mark.parametrize("limits", [STRICT, GENEROUS], ids=["strict", "generous"])
def test_every_item_has_its_expected_outcome(tmp_path, limits):
    cases = make_hostile_corpus(tmp_path, limits=limits, **SIZES)
    items = list(iter_inputs([tmp_path], limits=limits))  # nothing may raise
    got = {relative_location(i.location, tmp_path): "loaded" if isinstance(i, Loaded) else "failed"
           for i in items}
    assert len(got) == len(items)  # one item per location
    assert got == {case.location: case.expect for case in cases}
    size_outcomes = {got["huge.txt"], got["one-line.txt"]}
    assert size_outcomes == ({"failed"} if limits is STRICT else {"loaded"})


def test_failures_are_one_line_and_name_their_location(tmp_path):
    make_hostile_corpus(tmp_path, limits=STRICT, **SIZES)
    failures = [i for i in iter_inputs([tmp_path], limits=STRICT) if isinstance(i, Failed)]
    assert len(failures) >= 20
    for failure in failures:
        message = str(failure.error)
        assert message.startswith(f"{failure.location}: ")
        assert "\n" not in message and len(message) < len(failure.location) + 320
        assert message.isprintable()


def test_good_articles_keep_their_characters_and_lose_scripts(tmp_path):
    make_hostile_corpus(tmp_path, limits=STRICT, **SIZES)
    texts = {relative_location(i.location, tmp_path): i.article.text
             for i in iter_inputs([tmp_path], limits=STRICT) if isinstance(i, Loaded)}
    assert "\u201cThe road is open" in texts["cp1251.txt"]
    assert "Zoë Brénard" in texts["latin-1.txt"]
    assert "\u201cThe road is open" in texts["utf-16-bom.txt"]
    assert "Kessen" in texts["invalid-utf-8.txt"]
    script_page = texts["with-script.html"]
    assert "SCRIPT TEXT" not in script_page and "while (true)" not in script_page
    assert "DALMAR, Ostria" in script_page
    assert not any(name.startswith((".hidden", "README")) for name in texts)


def test_a_page_of_too_many_elements_is_refused_before_extraction(tmp_path):
    make_hostile_corpus(tmp_path, limits=GENEROUS, **SIZES)
    [item] = iter_inputs([tmp_path / "many-elements.html"], limits=GENEROUS)
    assert isinstance(item, Failed) and "HTML elements" in str(item.error)


def test_expected_outcomes_are_written_and_checked(tmp_path):
    cases = make_hostile_corpus(tmp_path, limits=STRICT, **SIZES)
    assert len(json.loads((tmp_path / EXPECTED_NAME).read_text())) == len(cases)
    outcomes = check_hostile_corpus(tmp_path, limits=STRICT)
    assert [o for o in outcomes if o.expect != o.got] == []
