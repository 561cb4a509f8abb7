"""CLI behaviour through CliRunner, asserted through the API and the documented exit codes."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from counterclaim.cli import cli

from samples import EXAMPLES

DALMAR = EXAMPLES / "mw-2026-03-02-dalmar-captured.txt"


@pytest.fixture()
def runner():
    return CliRunner()


def test_analyze_json_is_a_report(runner, nlp):
    result = runner.invoke(cli, ["analyze", str(DALMAR), "--format", "json"])
    assert result.exit_code == 0, result.output
    document = json.loads(result.output)
    assert document["schema"] == "counterclaim/1"
    assert document["article"]["dateline"]["agency"] == "Meridian Wire"
    assert any(c["mode"] == "direct" for c in document["claims"])


def test_analyze_jsonl_keeps_input_order(runner, nlp):
    second = EXAMPLES / "mw-2026-03-03-valdoria-denies-troops.txt"
    result = runner.invoke(cli, ["analyze", str(second), str(DALMAR), "--format", "jsonl"])
    assert result.exit_code == 0
    lines = [json.loads(line) for line in result.output.splitlines()]
    assert [d["article"]["title"] for d in lines][1] == "ARMY SAYS DALMAR CAPTURED"
    assert len(lines) == 2


def test_analyze_table_names_sources(runner, nlp):
    result = runner.invoke(cli, ["analyze", str(DALMAR)], env={"COLUMNS": "220"})
    assert result.exit_code == 0
    assert "Karim Sadeq" in result.output and "attributed" in result.output


def test_analyze_reads_stdin(runner, nlp):
    text = "The army said on Monday that Dalmar had fallen to its troops after a long siege."
    result = runner.invoke(cli, ["analyze", "-", "--format", "json"], input=text)
    assert result.exit_code == 0
    claim = json.loads(result.output)["claims"][0]
    assert claim["source"]["text"] == "The army" and claim["cue"]["lemma"] == "say"


@pytest.mark.parametrize("content,expected_word", [
    (None, "no such file"),
    (b"", "empty"),
    (b"   \n\t  \n", "empty"),
    (b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< /Type /Catalog >>\nendobj\n", "PDF"),
    ("Die Armee erklärte am Montag, sie habe die Stadt Dalmar vollständig eingenommen. Die "
     "Rebellen bestritten dies und sagten, ihre Kämpfer hielten alle Stellungen.".encode(), "English"),
])
def test_bad_input_exits_3_with_one_line(runner, tmp_path, content, expected_word):
    path = tmp_path / "input.txt"
    if content is not None:
        path.write_bytes(content)
    result = runner.invoke(cli, ["analyze", str(path)])
    assert result.exit_code == 3
    message = result.output.strip()
    assert "Traceback" not in message and len(message.splitlines()) == 1
    assert str(path) in message or "input.txt" in message
    assert expected_word.lower() in message.lower()


def test_one_bad_file_does_not_stop_the_others(runner, tmp_path, nlp):
    bad = tmp_path / "empty.txt"
    bad.write_text("")
    result = runner.invoke(cli, ["analyze", str(bad), str(DALMAR), "--format", "jsonl"])
    assert result.exit_code == 3
    documents = [line for line in result.stdout.splitlines() if line.startswith("{")]
    assert len(documents) == 1


def test_unknown_option_is_usage_error(runner):
    result = runner.invoke(cli, ["analyze", "--no-such-option", str(DALMAR)])
    assert result.exit_code == 2


def test_schema_command_prints_the_shipped_schema(runner):
    from counterclaim.model import json_schema

    result = runner.invoke(cli, ["schema"])
    assert json.loads(result.output) == json_schema()


def test_stance_pairs_writes_one_line_per_input_line_in_order(runner, tmp_path):
    pairs = tmp_path / "pairs.jsonl"
    pairs.write_text(
        json.dumps({"claim": "Valdorian troops are fighting in Kessen",
                    "text": "Valdoria's foreign ministry denied that Valdorian troops are "
                            "fighting in Kessen and called the rebel claim a fabrication and a "
                            "hoax. No Valdorian soldier is in Ostria, it said."}) + "\n"
        + "{broken\n"
        + json.dumps({"claim": "Valdorian troops are fighting in Kessen",
                      "text": "The national football team won its qualifier in Vorna on "
                              "Saturday with two late goals."}) + "\n")
    result = runner.invoke(cli, ["stance", "--pairs", str(pairs)])
    assert result.exit_code == 0, result.output
    rows = [json.loads(line) for line in result.output.splitlines()]
    assert len(rows) == 3
    assert rows[0]["stance"] == "disagree"
    assert rows[1]["line"] == 2 and "error" in rows[1]
    assert rows[2]["stance"] == "unrelated"


def test_stance_of_a_headline_with_its_outlet(runner, tmp_path):
    from counterclaim.analyze.stance import stance

    headline = tmp_path / "headline.txt"
    headline.write_text("Dalmar has fallen, rebels say\n")
    args = ["stance", "--claim", "Dalmar has fallen", "--source", "ostria-wire.example",
            str(headline)]
    result = runner.invoke(cli, args)
    assert result.exit_code == 0, result.output
    label, score = result.output.splitlines()[0].split()
    expected = stance("Dalmar has fallen", "Dalmar has fallen, rebels say\n",
                      source="ostria-wire.example")
    assert label == expected.stance and score == f"({expected.score:.2f})"


def test_stance_needs_a_claim_and_a_file(runner):
    result = runner.invoke(cli, ["stance"])
    assert result.exit_code == 2


def test_python_dash_m_runs_the_same_cli():
    import subprocess
    import sys

    result = subprocess.run([sys.executable, "-m", "counterclaim", "--help"],
                            capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr
    assert "Usage: " in result.stdout and "ingest" in result.stdout
