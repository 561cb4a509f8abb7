"""Ingest end to end: idempotent, resumable after SIGKILL, failures located and survived."""

from __future__ import annotations

import json
import os
import shutil
import signal
import subprocess
import sys
import time

import pytest

from counterclaim.ingest import ingest
from counterclaim.ledger import Ledger
from samples import EXAMPLES

# A small corpus keeps the subprocess runs short: two syndicated copies and a denial.
FILES = [
    "mw-2026-03-02-dalmar-captured.txt",
    "ostgrad-times-2026-03-02-army-announces-dalmar.txt",
    "coastal-post-2026-03-02-ostria-army-claims-dalmar.txt",
    "highland-courier-2026-03-02-fhf-holds-ridges.txt",
    "mw-2026-03-03-valdoria-denies-troops.txt",
    "valdoria-today-2026-03-03-ministry-rejects.html",
]


@pytest.fixture()
def corpus(tmp_path):
    folder = tmp_path / "corpus"
    folder.mkdir()
    for name in FILES:
        shutil.copy(EXAMPLES / name, folder / name)
    manifest = [json.loads(line) for line in (EXAMPLES / "manifest.jsonl").read_text().splitlines() if line.strip()]
    (folder / "manifest.jsonl").write_text("".join(
        json.dumps(entry) + "\n" for entry in manifest if entry["file"] in FILES))
    return folder


def snapshot(db: str) -> dict:
    ledger = Ledger(db, stance=None)
    stats = ledger.stats().model_dump()
    ids = sorted(a.id for a in ledger.articles(limit=1000))
    ledger.close()
    return {"stats": stats, "articles": ids}


def test_reingest_changes_nothing(corpus, tmp_path, nlp):
    db = str(tmp_path / "ledger.db")
    first = ingest([str(corpus)], Ledger(db, stance=None))
    assert first.new + first.syndicated == len(FILES) and not first.failed
    assert first.syndicated >= 1  # the wire copies are recognised
    before = snapshot(db)
    second = ingest([str(corpus)], Ledger(db, stance=None))
    assert second.present == len(FILES) and second.new == second.syndicated == 0
    assert snapshot(db) == before


def test_bad_inputs_are_reported_with_location_and_the_rest_goes_on(corpus, tmp_path, nlp):
    (corpus / "empty.txt").write_text("   \n")
    (corpus / "batch.jsonl").write_text('{"text": "The army said Dalmar had fallen to its troops on Monday."}\n'
                                        "{not json\n")
    summary = ingest([str(corpus)], Ledger(str(tmp_path / "l.db"), stance=None))
    locations = " ".join(loc for loc, _ in summary.failed)
    assert "empty.txt" in locations and "batch.jsonl:2" in locations
    assert summary.new + summary.syndicated == len(FILES) + 1


def test_sigkill_mid_ingest_then_rerun_equals_a_clean_ingest(corpus, tmp_path, nlp):
    clean_db = str(tmp_path / "clean.db")
    ingest([str(corpus)], Ledger(clean_db))  # the CLI's default stance setting
    expected = snapshot(clean_db)

    db = str(tmp_path / "killed.db")
    env = dict(os.environ)
    command = [sys.executable, "-m", "counterclaim.cli", "ingest", str(corpus), "--db", db, "--json"]
    proc = subprocess.Popen(command, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + 300
    while time.monotonic() < deadline and proc.poll() is None:
        if os.path.exists(db) and _stored(db) >= 2:
            break
        time.sleep(0.2)
    proc.send_signal(signal.SIGKILL)
    proc.wait()
    partial = _stored(db)
    assert partial < len(FILES), "the run ended before it could be interrupted"
    rerun = subprocess.run(command, env=env, capture_output=True, text=True, timeout=600)
    assert rerun.returncode == 0, rerun.stderr
    assert json.loads(rerun.stdout)["present"] == partial
    assert snapshot(db) == expected


def _stored(db: str) -> int:
    import sqlite3

    try:
        with sqlite3.connect(f"file:{db}?mode=ro", uri=True, timeout=5) as conn:
            return conn.execute("select count(*) from articles").fetchone()[0]
    except sqlite3.Error:
        return 0
