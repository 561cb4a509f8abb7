"""Build a ledger from the sample corpus in examples/ (its manifest gives outlet and date)."""

from __future__ import annotations

import json
from pathlib import Path

EXAMPLES = Path(__file__).resolve().parents[2] / "examples"


def sample_reports():
    """The Reports of every article listed in examples/manifest.jsonl, analysed once."""
    from counterclaim.analyze import analyze_article
    from counterclaim.analyze.nlp import load_nlp
    from counterclaim.read import read_path

    nlp = load_nlp()
    for line in (EXAMPLES / "manifest.jsonl").read_text().splitlines():
        if not line.strip():
            continue
        entry = json.loads(line)
        article = read_path(EXAMPLES / entry["file"], outlet=entry.get("outlet"),
                            published=entry.get("published"))
        yield analyze_article(article, nlp=nlp)


def build_sample_ledger(db: str):
    from counterclaim.ledger import Ledger

    ledger = Ledger(db)
    for report in sample_reports():
        ledger.add(report)
    return ledger
