"""Evaluate claim matching and cluster stance on Emergent's article headlines (GitHub issue 7).

Each headline of the Emergent training CSV becomes one short article (text = title = the
headline, outlet = its ``source`` column when present), analysed once and added to a fresh
SQLite ledger in file order with ``stance="auto"``. Besides the whole set, each half of the
claims (:func:`split_of`, a hash of the claimId) is ingested into a ledger of its own: the
matcher's constants were chosen on the "tune" half only, "held-out" was scored afterwards.
Then, per ledger:

- **Grouping**: pairwise precision/recall/F1 over headline pairs. Predicted same = the two
  headlines' articles share at least one claim cluster (``ledger.queries.article_clusters``);
  gold same = same ``claimId``. A headline with no claim, or one the reader refuses (not
  English), shares nothing and stays in the denominators. Pairs are counted from
  each headline's cluster partners and each claim's members, never over all pairs.
- **Stance**: for each headline, its *representative cluster* is the one of its clusters shared
  with the most other headlines of its gold claim (ties: the first in ``article_clusters``
  order). Gold stance is used only to pick the cluster, never the role. Its role there maps to
  Emergent's labels: ``asserts``/``supports`` → for, ``denies``/``contradicts`` → against,
  ``reports`` → observing; any against role wins over a for role on the same cluster. A
  headline with no claim is predicted ``none`` (always wrong).
- **Naive row** from the same run: headlines joined when rapidfuzz ``token_set_ratio`` >= 80
  (connected components), and "for" for every headline.
"""

from __future__ import annotations

import csv
import hashlib
import tempfile
import time
from collections import Counter, defaultdict
from itertools import combinations
from pathlib import Path
from typing import NamedTuple, Sequence

import numpy as np
from rapidfuzz import fuzz, process
from scipy.sparse import csr_matrix
from scipy.sparse.csgraph import connected_components

from counterclaim.errors import CounterclaimError, DataError
from counterclaim.eval.common import Counts, resolve_data_dir

EMERGENT_FILES = ("edata-train.csv", "url-versions-2015-06-14-clean-train.csv")
REQUIRED = ("claimId", "articleHeadline", "articleHeadlineStance")
GOLD_LABELS = ("for", "against", "observing")
ROLE_LABEL = {"asserts": "for", "supports": "for", "denies": "against",
              "contradicts": "against", "reports": "observing"}
NAIVE_THRESHOLD = 80


class Headline(NamedTuple):
    claim_id: str
    text: str
    stance: str
    outlet: str | None
    url: str | None


def read_headlines(data_dir: str | Path, limit: int | None = None) -> list[Headline]:
    """The Emergent training headlines in file order (the first ``limit`` if given)."""
    folder = resolve_data_dir(data_dir)
    path = next((folder / n for n in EMERGENT_FILES if (folder / n).is_file()), None)
    if path is None:
        raise DataError(f"no Emergent CSV ({' or '.join(EMERGENT_FILES)})", location=str(folder))
    found = []
    with path.open(newline="", encoding="utf-8") as handle:
        for line, row in enumerate(csv.DictReader(handle), start=2):
            if any(not (row.get(c) or "").strip() for c in REQUIRED):
                raise DataError(f"missing {'/'.join(REQUIRED)}", location=f"{path}:{line}")
            if row["articleHeadlineStance"].strip() not in GOLD_LABELS:
                raise DataError(f"unknown stance {row['articleHeadlineStance']!r}",
                                location=f"{path}:{line}")
            found.append(Headline(row["claimId"].strip(), row["articleHeadline"].strip(),
                                  row["articleHeadlineStance"].strip(),
                                  row.get("source") or None, row.get("url") or None))
            if limit is not None and len(found) >= limit:
                break
    return found


def pair_counts(predicted: Sequence[set[str]], gold: Sequence[str]) -> Counts:
    """Pairwise counts: matched = gold pairs predicted together; predicted; gold pairs.

    predicted[i] (set): the groups headline i belongs to (it may be in several, or none); two
        headlines are predicted together when their sets intersect.
    """
    members: dict[str, set[int]] = defaultdict(set)
    for i, groups in enumerate(predicted):
        for group in groups:
            members[group].add(i)
    partners = [set().union(*(members[g] for g in groups)) - {i} if groups else set()
                for i, groups in enumerate(predicted)]
    by_claim: dict[str, list[int]] = defaultdict(list)
    for i, claim in enumerate(gold):
        by_claim[claim].append(i)
    matched = sum(1 for items in by_claim.values() for i, j in combinations(items, 2)
                  if j in partners[i])
    return Counts(matched=matched, predicted=sum(map(len, partners)) // 2,
                  gold=sum(len(v) * (len(v) - 1) // 2 for v in by_claim.values()))


def fuzzy_groups(texts: Sequence[str], threshold: int = NAIVE_THRESHOLD) -> list[set[str]]:
    """Naive clustering: connected components of token_set_ratio >= threshold."""
    scores = process.cdist(texts, texts, scorer=fuzz.token_set_ratio, processor=str.lower,
                           score_cutoff=threshold, dtype=np.uint8, workers=1)
    _, labels = connected_components(csr_matrix(scores >= threshold), directed=False)
    return [{f"g{label}"} for label in labels]


def _label(roles: set[str]) -> str:
    labels = {ROLE_LABEL.get(role, "observing") for role in roles}
    return "against" if "against" in labels else "for" if "for" in labels else "observing"


def cluster_stance(memberships: Sequence[Sequence[tuple[str, str]]], gold: Sequence[str]
                   ) -> list[str]:
    """Each headline's label toward its representative cluster (see the module docstring).

    memberships[i]: (cluster id, role) pairs of headline i, in ``article_clusters`` order.
    """
    holders: dict[str, Counter] = defaultdict(Counter)
    for i, rows in enumerate(memberships):
        for cluster in {c for c, _ in rows}:
            holders[cluster][gold[i]] += 1
    labels = []
    for i, rows in enumerate(memberships):
        if not rows:
            labels.append("none")
            continue
        order = list(dict.fromkeys(c for c, _ in rows))
        best = max(order, key=lambda c: (holders[c][gold[i]], -order.index(c)))
        labels.append(_label({role for c, role in rows if c == best}))
    return labels


def stance_report(gold: Sequence[str], predicted: Sequence[str]) -> dict:
    """Accuracy, per-gold-class correct/total, and the confusion (gold → predicted → count)."""
    confusion: dict[str, Counter] = {label: Counter() for label in GOLD_LABELS}
    for g, p in zip(gold, predicted, strict=True):
        confusion[g][p] += 1
    correct = sum(g == p for g, p in zip(gold, predicted))
    return {"accuracy": round(correct / len(gold), 4) if gold else 0.0,
            "per_class": {label: {"correct": confusion[label][label],
                                  "total": sum(confusion[label].values())}
                          for label in GOLD_LABELS},
            "confusion": {label: dict(confusion[label]) for label in GOLD_LABELS}}


def split_of(claim_id: str) -> str:
    """"tune" or "held-out": a fixed half of the claims, by a hash of the claimId.

    The matcher's thresholds were chosen on the "tune" half only; "held-out" was scored after.
    """
    return "tune" if hashlib.sha1(claim_id.encode("utf-8")).digest()[0] % 2 == 0 else "held-out"


def analyse_headlines(headlines: Sequence[Headline]) -> tuple[list, Counter]:
    """Each headline analysed as a short article (None when the reader refuses it)."""
    from counterclaim.analyze import analyze_article
    from counterclaim.analyze.nlp import load_nlp
    from counterclaim.read import read_text

    nlp, reports, refused = load_nlp(), [], Counter()
    for h in headlines:
        try:
            article = read_text(h.text, title=h.text, outlet=h.outlet, url=h.url)
        except CounterclaimError as error:  # e.g. a non-English headline: scored as no claim
            refused[f"refused: {type(error).__name__}"] += 1
            reports.append(None)
            continue
        reports.append(analyze_article(article, nlp=nlp))
    return reports, refused


def ingest_reports(reports: Sequence, db: str, stance="auto"
                   ) -> tuple[list[list[tuple[str, str]]], dict]:
    """Add the reports to a new ledger in order; → per report its (cluster, role) rows."""
    from counterclaim.ledger import Ledger
    from counterclaim.ledger.queries import article_clusters

    article_ids, statuses = [], Counter()
    with Ledger(db, stance=stance) as ledger:
        stance_on = ledger.stance_fn is not None
        for report in reports:
            if report is None:
                article_ids.append(None)
                continue
            result = ledger.add(report)
            statuses[result.status] += 1
            article_ids.append(result.article_id)
        rows = {aid: [(r.cluster_id, r.role) for r in article_clusters(ledger.engine, aid)]
                for aid in set(article_ids) - {None}}
    rows[None] = []
    info = {"add_status": dict(statuses), "stance_model": stance_on}
    return [rows[aid] for aid in article_ids], info


def score(headlines: Sequence[Headline], memberships: Sequence[Sequence[tuple[str, str]]]
          ) -> dict:
    """Grouping and stance of the ledger's clusters, and the naive rows, on these headlines."""
    gold_claims = [h.claim_id for h in headlines]
    gold_stance = [h.stance for h in headlines]
    ours = [{c for c, _ in rows} for rows in memberships]
    naive = fuzzy_groups([h.text for h in headlines]) if headlines else []
    return {
        "headlines": len(headlines), "claims": len(set(gold_claims)),
        "counterclaim": {
            "pairs": pair_counts(ours, gold_claims).as_dict(),
            "clusters": len(set().union(*ours)) if ours else 0,
            "headlines_without_cluster": sum(not groups for groups in ours),
            "stance": stance_report(gold_stance, cluster_stance(memberships, gold_stance))},
        "naive": {
            "pairs": pair_counts(naive, gold_claims).as_dict(),
            "clusters": len(set().union(*naive)) if naive else 0,
            "stance": stance_report(gold_stance, ["for"] * len(headlines))},
    }


def run_split(headlines: Sequence[Headline], reports: Sequence, db: str, stance="auto"
              ) -> dict:
    memberships, info = ingest_reports(reports, db, stance)
    return {**score(headlines, memberships), **info}


def evaluate_matching(data_dir: str | Path = "../shared/datasets/emergent",
                      limit: int | None = None, db: str | None = None,
                      splits: bool = True, stance="auto") -> dict:
    """Counterclaim's grouping and stance on Emergent headlines, with the naive rows.

    The whole set is ingested into one ledger; with ``splits``, each half of the claims
    (:func:`split_of`) also into a ledger of its own, reported under ``splits``.
    db (str | None): the whole-set ledger to build (must be new or empty); None: a temporary
        SQLite file. stance: passed to ``Ledger`` ("auto": the stance model when it loads).
    """
    headlines = read_headlines(data_dir, limit)
    started = time.perf_counter()
    reports, refused = analyse_headlines(headlines)
    with tempfile.TemporaryDirectory() as tmp:
        result = run_split(headlines, reports, db or str(Path(tmp) / "emergent.db"), stance)
        result["add_status"].update(refused)
        if splits:
            result["splits"] = {}
            for part in ("tune", "held-out"):
                keep = [i for i, h in enumerate(headlines) if split_of(h.claim_id) == part]
                result["splits"][part] = run_split(
                    [headlines[i] for i in keep], [reports[i] for i in keep],
                    str(Path(tmp) / f"emergent-{part}.db"), stance)
    result["seconds"] = round(time.perf_counter() - started, 1)
    return result
