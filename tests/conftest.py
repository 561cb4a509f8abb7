"""Shared fixtures: one real spaCy pipeline per test session (loading it takes seconds)."""

from __future__ import annotations

import pytest


@pytest.fixture(scope="session")
def nlp():
    from counterclaim.analyze.nlp import load_nlp

    return load_nlp()


@pytest.fixture(scope="session")
def analyze_text(nlp):
    """Analyze a text with the session pipeline; returns the Report."""
    from counterclaim.analyze import analyze_article
    from counterclaim.read import read_text

    def run(text: str, **meta):
        return analyze_article(read_text(text, **meta), nlp=nlp)

    return run

