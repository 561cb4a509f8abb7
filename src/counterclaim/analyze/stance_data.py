"""Read the public stance datasets (FNC-1, Emergent) into plain claim/text/label rows.

Datasets are never copied into the repository: a ``--data`` path is resolved against the
current directory first, then next to the repository root (``../shared/datasets/...``).
"""

from __future__ import annotations

import csv
import sys
from pathlib import Path
from typing import NamedTuple

from counterclaim.errors import DataError

LABELS = ("agree", "disagree", "discuss", "unrelated")
# Emergent's headline stances, in FNC-1 terms.
EMERGENT_TO_FNC = {"for": "agree", "against": "disagree", "observing": "discuss"}

FNC_STANCES = "train_stances.csv"
FNC_BODIES = "train_bodies.csv"
# edata-train.csv first: the same rows plus the outlet ("source") of each headline.
EMERGENT_FILES = ("edata-train.csv", "url-versions-2015-06-14-clean-train.csv")
DEFAULT_FNC_DIR = "../shared/datasets/fnc1"
DEFAULT_EMERGENT_DIR = "../shared/datasets/emergent"

# FNC-1 bodies exceed csv's default 128 KiB field limit.
csv.field_size_limit(sys.maxsize)


class StancePair(NamedTuple):
    """One labelled pair: does ``text`` agree with, dispute, discuss or ignore ``claim``?"""

    claim: str
    text: str
    label: str
    group: str  # what must not straddle a split: FNC body id, Emergent claim id
    source: str = ""  # the text's outlet (Emergent's edata "source" column), "" if unknown


def resolve_data_dir(path: str | Path) -> Path:
    """Find a dataset folder relative to the cwd, else relative to the repository's parent."""
    candidate = Path(path)
    if candidate.is_dir() or candidate.is_absolute():
        return candidate
    repo_root = Path(__file__).resolve().parents[3]
    beside_repo = repo_root / candidate
    return beside_repo if beside_repo.is_dir() else candidate


def _read_csv(path: Path) -> list[dict[str, str]]:
    if not path.is_file():
        raise DataError("missing dataset file", location=str(path))
    with path.open(newline="", encoding="utf-8") as handle:
        return list(csv.DictReader(handle))


def _require(row: dict[str, str], columns: tuple[str, ...], path: Path, line: int) -> None:
    missing = [name for name in columns if row.get(name) is None]
    if missing:
        raise DataError(f"missing column(s) {', '.join(missing)}", location=f"{path}:{line}")


def read_fnc_bodies(data_dir: str | Path) -> dict[str, str]:
    """Map FNC-1 body id -> article body, in file order (the baseline's split depends on it)."""
    path = resolve_data_dir(data_dir) / FNC_BODIES
    bodies: dict[str, str] = {}
    for line, row in enumerate(_read_csv(path), start=2):
        _require(row, ("Body ID", "articleBody"), path, line)
        bodies[row["Body ID"].strip()] = row["articleBody"]
    return bodies


def read_fnc(data_dir: str | Path) -> list[StancePair]:
    """Join FNC-1 headlines to their bodies; the group is the body id."""
    bodies = read_fnc_bodies(data_dir)
    path = resolve_data_dir(data_dir) / FNC_STANCES
    pairs = []
    for line, row in enumerate(_read_csv(path), start=2):
        _require(row, ("Headline", "Body ID", "Stance"), path, line)
        body_id, label = row["Body ID"].strip(), row["Stance"].strip()
        if body_id not in bodies:
            raise DataError(f"unknown Body ID {body_id!r}", location=f"{path}:{line}")
        if label not in LABELS:
            raise DataError(f"unknown stance {label!r}", location=f"{path}:{line}")
        pairs.append(StancePair(row["Headline"], bodies[body_id], label, body_id))
    return pairs


def emergent_file(data_dir: str | Path) -> Path | None:
    """The Emergent training CSV inside ``data_dir``, or None if there is none."""
    folder = resolve_data_dir(data_dir)
    for name in EMERGENT_FILES:
        if (folder / name).is_file():
            return folder / name
    return None


def read_emergent(data_dir: str | Path) -> list[StancePair]:
    """Claim vs article headline with Emergent labels (for/against/observing); group = claimId.

    The outlet (``source``) is read when the file has that column.
    """
    path = emergent_file(data_dir)
    if path is None:
        raise DataError(f"no Emergent CSV ({' or '.join(EMERGENT_FILES)})", location=str(data_dir))
    pairs = []
    columns = ("claimHeadline", "articleHeadline", "articleHeadlineStance", "claimId")
    for line, row in enumerate(_read_csv(path), start=2):
        _require(row, columns, path, line)
        label = row["articleHeadlineStance"].strip()
        if label not in EMERGENT_TO_FNC:
            raise DataError(f"unknown stance {label!r}", location=f"{path}:{line}")
        pairs.append(
            StancePair(row["claimHeadline"], row["articleHeadline"], label, row["claimId"],
                       (row.get("source") or "").strip())
        )
    return pairs


def emergent_as_fnc(pairs: list[StancePair]) -> list[StancePair]:
    """Relabel Emergent pairs for->agree, against->disagree, observing->discuss."""
    return [pair._replace(label=EMERGENT_TO_FNC[pair.label]) for pair in pairs]
