"""The sample corpus, analysed for real: one wire story run by four outlets is one story, and
the FHF's rejection of the army's capture claim shows up as a dispute."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from counterclaim.ledger import Ledger

pytestmark = [pytest.mark.model, pytest.mark.slow]

EXAMPLES = Path(__file__).resolve().parents[2] / "examples"
WIRE_STORY = ["mw-2026-03-02-dalmar-captured.txt",
              "ostgrad-times-2026-03-02-army-announces-dalmar.txt",
              "coastal-post-2026-03-02-ostria-army-claims-dalmar.txt",
              "global-desk-2026-03-02-dalmar.html"]
OTHERS = ["highland-courier-2026-03-02-fhf-holds-ridges.txt",
          "mw-2026-03-03-valdoria-denies-troops.txt"]


@pytest.fixture(scope="module")
def reports(request):
    nlp = request.getfixturevalue("nlp")
    from counterclaim.analyze import analyze_article
    from counterclaim.read import read_path

    manifest = {entry["file"]: entry for entry in map(
        json.loads, (EXAMPLES / "manifest.jsonl").read_text().splitlines()) if entry}
    return {name: analyze_article(read_path(EXAMPLES / name, outlet=manifest[name]["outlet"],
                                            published=manifest[name]["published"]), nlp=nlp)
            for name in WIRE_STORY + OTHERS}


def test_wire_story_copies_are_one_story(reports, tmp_path):
    with Ledger(str(tmp_path / "l.db"), stance=None) as ledger:
        results = [ledger.add(reports[name]) for name in WIRE_STORY]
        others = [ledger.add(reports[name]) for name in OTHERS]
        assert [r.status for r in results] == ["new"] + ["syndicated"] * 3
        assert len({r.story_id for r in results}) == 1
        assert all(r.status == "new" for r in others)
        outlets = {o for c in ledger.claims(limit=500) for o in c.outlets}
        assert {"Meridian Wire", "Ostgrad Times", "The Coastal Post",
                "Global Desk News"} <= outlets
        assert ledger.entity("FHF").entity.n_articles >= 4
