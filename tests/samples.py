"""Paths to the bundled sample corpus, shared by tests."""

from __future__ import annotations

from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
EXAMPLES = REPO / "examples"


def example_files() -> list[Path]:
    return sorted(p for p in EXAMPLES.glob("*") if p.suffix in (".txt", ".html"))


# A small corpus for ingest tests: one wire story with two syndicated copies, a rebuttal, a
# denial in another article and an HTML page.
SMALL_CORPUS = [
    "mw-2026-03-02-dalmar-captured.txt",
    "ostgrad-times-2026-03-02-army-announces-dalmar.txt",
    "coastal-post-2026-03-02-ostria-army-claims-dalmar.txt",
    "highland-courier-2026-03-02-fhf-holds-ridges.txt",
    "mw-2026-03-03-valdoria-denies-troops.txt",
    "valdoria-today-2026-03-03-ministry-rejects.html",
]


def copy_corpus(folder: Path, files: list[str]) -> Path:
    """Copy sample files into ``folder`` with the manifest entries that describe them."""
    import json
    import shutil

    folder.mkdir(parents=True, exist_ok=True)
    for name in files:
        shutil.copy(EXAMPLES / name, folder / name)
    entries = [json.loads(line) for line in (EXAMPLES / "manifest.jsonl").read_text().splitlines()
               if line.strip()]
    (folder / "manifest.jsonl").write_text("".join(
        json.dumps(entry) + "\n" for entry in entries if entry["file"] in files))
    return folder
