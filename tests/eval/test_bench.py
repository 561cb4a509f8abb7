"""`bench speed`: the same texts go through every row, and --words builds longer articles."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from counterclaim.cli import cli

pytestmark = [pytest.mark.model]


def test_bench_speed_words_builds_articles_of_about_that_length():
    result = CliRunner().invoke(cli, ["bench", "speed", "--words", "400", "--articles", "3",
                                      "--repeat", "1", "--json"])
    assert result.exit_code == 0, result.output
    figures = json.loads(result.output)
    assert figures["articles"] == 3
    # The sample articles are ~360 words; --words pads each with other samples' paragraphs.
    assert 400 <= figures["mean_words"] < 700
    # One process: spaCy as counterclaim runs it (table stand-ins) is timed as a row too.
    assert set(figures["rows"]) == {"spacy", "counterclaim", "spacy_tables"}
    assert 0 < figures["ratio_full_vs_spacy"] < 2
    assert 0 < figures["ratio_full_vs_own_parse"] < 2


def test_bench_speed_rejects_a_tiny_word_count():
    result = CliRunner().invoke(cli, ["bench", "speed", "--words", "3", "--articles", "2"])
    assert result.exit_code == 2
    assert "Traceback" not in result.output
