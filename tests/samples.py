"""Paths to the bundled sample corpus, shared by tests."""

from __future__ import annotations

from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
EXAMPLES = REPO / "examples"


def example_files() -> list[Path]:
    return sorted(p for p in EXAMPLES.glob("*") if p.suffix in (".txt", ".html"))
