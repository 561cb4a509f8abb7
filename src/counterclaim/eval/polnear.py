"""Read PolNeAR (Newell, Margolin & Ruths, LREC 2018): political news with attributions.

Layout: ``data/<split>/text/<name>.txt`` and BRAT standoff files
``data/<split>/attributions/<name>_<annotator>.ann``. In a ``.ann`` file, ``T`` lines are
text-bound spans (``T3<TAB>Content 315 448;463 553<TAB>text``; ``;`` separates the pieces of
a discontinuous span) and each ``E`` line is one attribution tying them together by role::

    E1<TAB>Attribution:T4 Content:T3 Cue:T2 Source:T1
    E5<TAB>Attribution-no-source:T18 Content:T17 Cue:T16

Roles are read, not the trigger type: an ``Attribution-no-source`` event that nevertheless
lists a ``Source`` keeps it. A ``Content2`` role (a second piece of content) joins the
content's fragments. ``Discuss``/``Discard`` spans belong to no attribution and are ignored.
The quoted text after the offsets may run over several lines (it contains the span's
newlines), so only lines that start with an annotation id are parsed, and offsets are
trusted over that text.

Some articles were annotated by several people; one file is used per article, the
alphabetically first annotator's, so the choice is deterministic.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import NamedTuple

from counterclaim.errors import DataError
from counterclaim.eval.common import Attribution, Fragments, resolve_data_dir

DEFAULT_DATA = Path("../shared/datasets/polnear")
SPLITS = ("train", "dev", "annotator-training")

_ANNOTATION_LINE = re.compile(r"^(?P<id>[TE]\d+)\t(?P<body>[^\t\n]*)")
_FRAGMENT = re.compile(r"^\s*(\d+)\s+(\d+)\s*$")


class PolnearArticle(NamedTuple):
    name: str
    annotator: str
    text: str
    attributions: list[Attribution]


def split_dir(data_dir: str | Path, split: str) -> Path:
    """The folder of one split, accepting either the dataset root or its ``data/`` folder."""
    root = resolve_data_dir(data_dir)
    for candidate in (root / "data" / split, root / split):
        if (candidate / "text").is_dir() and (candidate / "attributions").is_dir():
            return candidate
    raise DataError(f"no PolNeAR split {split!r} (expected data/{split}/text and "
                    f"data/{split}/attributions); splits: {', '.join(SPLITS)}",
                    location=str(root))


def _fragments(offsets: str, location: str) -> Fragments:
    pieces = []
    for piece in offsets.split(";"):
        match = _FRAGMENT.match(piece)
        if not match:
            raise DataError(f"bad span offsets {offsets!r}", location=location)
        pieces.append((int(match[1]), int(match[2])))
    return tuple(sorted(pieces))


def parse_ann(content: str, text_length: int, name: str = "<ann>") -> list[Attribution]:
    """The attributions in one BRAT file, in the order of their ``E`` lines."""
    spans: dict[str, Fragments] = {}
    events: list[tuple[str, list[str]]] = []
    for number, line in enumerate(content.split("\n"), start=1):
        match = _ANNOTATION_LINE.match(line)
        if not match:
            continue  # a continuation of a multi-line span text
        location = f"{name}:{number}"
        if match["id"].startswith("T"):
            label, _, offsets = match["body"].partition(" ")
            spans[match["id"]] = _fragments(offsets, location)
            if any(end > text_length or start > end for start, end in spans[match["id"]]):
                raise DataError(f"span {offsets} lies outside the text", location=location)
        else:
            events.append((location, match["body"].split()))
    return [_attribution(roles, spans, location) for location, roles in events]


def _attribution(roles: list[str], spans: dict[str, Fragments], location: str) -> Attribution:
    by_role: dict[str, list[tuple[int, int]]] = {}
    for role_ref in roles:
        role, _, ref = role_ref.partition(":")
        if ref not in spans:
            raise DataError(f"event refers to unknown span {ref!r}", location=location)
        role = role.rstrip("0123456789")  # Content2 is more content
        by_role.setdefault(role, []).extend(spans[ref])
    source = by_role.get("Source")
    return Attribution(
        source=tuple(sorted(source)) if source else None,
        cue=tuple(sorted(by_role.get("Cue", ()))),
        content=tuple(sorted(by_role.get("Content", ()))),
    )


def annotation_files(folder: Path) -> dict[str, Path]:
    """Article name -> the alphabetically first annotator's ``.ann`` file."""
    chosen: dict[str, Path] = {}
    for path in sorted((folder / "attributions").glob("*.ann")):
        name, _, _annotator = path.stem.rpartition("_")
        chosen.setdefault(name, path)
    return chosen


def load_split(data_dir: str | Path = DEFAULT_DATA, split: str = "dev",
               limit: int | None = None) -> list[PolnearArticle]:
    """The articles of one split, sorted by name, each with one annotator's attributions."""
    folder = split_dir(data_dir, split)
    files = annotation_files(folder)
    if not files:
        raise DataError("no .ann files found", location=str(folder / "attributions"))
    articles = []
    for name, ann_path in sorted(files.items())[:limit]:
        text_path = folder / "text" / f"{name}.txt"
        try:
            # newline="" keeps "\r" so offsets stay code-point offsets into the file.
            with open(text_path, encoding="utf-8", newline="") as handle:
                text = handle.read()
            with open(ann_path, encoding="utf-8", newline="") as handle:
                ann = handle.read()
        except (OSError, UnicodeDecodeError) as err:
            raise DataError(f"cannot read: {err}", location=str(text_path)) from None
        annotator = ann_path.stem.rpartition("_")[2]
        articles.append(PolnearArticle(name, annotator, text,
                                       parse_ann(ann, len(text), str(ann_path))))
    return articles
