"""Score claim status, negation, hedges and claim relations on a hand-annotated gold set.

The gold set (``tests/data/status/``) holds short invented articles, ``NN-slug.txt``, each
with ``NN-slug.json`` beside it::

    {"claims": [{"contains": "<words of the claim>", "status": "reported",
                 "negated": false, "hedges": ["reportedly"]}],
     "relations": [{"type": "denies", "from": "<words of claim>", "to": "<words of claim>"}]}

``negated`` and ``hedges`` are optional: only the claims that give them are scored on them.
Relations name their claims by the same ``contains`` words as the claims list.

Matching, one-to-one, in three passes so that an exact hit is never stolen by a fallback:
1. a predicted claim whose span covers the gold words (the narrowest such claim);
2. a predicted claim whose span overlaps them (the largest overlap);
3. a predicted claim in the same sentence.
A gold claim left unmatched counts as a wrong status (predicted ``missing``).

Relations are scored as (type, from, to) over matched claims; ``contradicts`` is symmetric,
so its direction is ignored. An end of a relation is a speech act rather than one claim:
claims of one source cued in one sentence are one act, so "X rejected the account (claim A),
saying B (claim B)" denies through A or B alike. Every predicted relation counts towards
precision: gold relations are exhaustive for each article.

In the CLI: ``counterclaim eval status --data tests/data/status``.
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Callable, NamedTuple

from counterclaim.errors import DataError
from counterclaim.model import Report, Status

STATUSES: tuple[str, ...] = Status.__args__  # type: ignore[attr-defined]
RELATION_TYPES = ("denies", "contradicts", "supports")
SYMMETRIC = frozenset({"contradicts"})
MISSING = "missing"
DEFAULT_DATA = Path(__file__).resolve().parents[3] / "tests" / "data" / "status"
_SENTENCE_END = re.compile(r"(?<=[.!?])[\"”']?\s+|\n+")


class GoldClaim(NamedTuple):
    contains: str
    status: str
    negated: bool | None = None
    hedges: tuple[str, ...] | None = None


class GoldRelation(NamedTuple):
    type: str
    from_: str
    to: str


class GoldArticle(NamedTuple):
    name: str
    text: str
    claims: list[GoldClaim]
    relations: list[GoldRelation]


# --- loading ----------------------------------------------------------------------------


def load_gold(data_dir: str | Path) -> list[GoldArticle]:
    """Every ``*.txt`` article in ``data_dir`` with its ``.json`` annotation."""
    directory = Path(data_dir)
    if not directory.is_dir():
        raise DataError("not a directory of gold articles", location=str(directory))
    articles = [_load_one(path) for path in sorted(directory.glob("*.txt"))]
    if not articles:
        raise DataError("no .txt articles found", location=str(directory))
    return articles


def _load_one(text_path: Path) -> GoldArticle:
    gold_path = text_path.with_suffix(".json")
    if not gold_path.exists():
        raise DataError("annotation file is missing", location=str(gold_path))
    try:
        gold = json.loads(gold_path.read_text(encoding="utf-8"))
        claims = [_gold_claim(c) for c in gold["claims"]]
        relations = [GoldRelation(r["type"], r["from"], r["to"]) for r in gold.get("relations", [])]
    except (ValueError, KeyError, TypeError) as exc:
        raise DataError(f"malformed annotation ({type(exc).__name__}: {exc})",
                        location=str(gold_path)) from exc
    for claim in claims:
        if claim.status not in STATUSES:
            raise DataError(f"unknown status {claim.status!r}; expected one of "
                            f"{', '.join(STATUSES)}", location=str(gold_path))
    known = {c.contains for c in claims}
    for relation in relations:
        if relation.type not in RELATION_TYPES:
            raise DataError(f"unknown relation type {relation.type!r}", location=str(gold_path))
        for words in (relation.from_, relation.to):
            if words not in known:
                raise DataError(f"relation names {words!r}, which is not a gold claim",
                                location=str(gold_path))
    return GoldArticle(text_path.stem, text_path.read_text(encoding="utf-8"), claims, relations)


def _gold_claim(raw: dict) -> GoldClaim:
    hedges = raw.get("hedges")
    return GoldClaim(raw["contains"], raw["status"], raw.get("negated"),
                     tuple(h.lower() for h in hedges) if hedges is not None else None)


# --- matching ---------------------------------------------------------------------------


def sentence_bounds(text: str) -> list[tuple[int, int]]:
    """Rough sentence spans, enough to place a claim in its sentence."""
    bounds, start = [], 0
    for match in _SENTENCE_END.finditer(text):
        bounds.append((start, match.start()))
        start = match.end()
    bounds.append((start, len(text)))
    return [b for b in bounds if b[1] > b[0]]


def match_claims(gold: list[GoldClaim], report: Report) -> list[int | None]:
    """For each gold claim, the index of its predicted claim in ``report.all_claims()`` (or None)."""
    text = report.article.text
    located = [_locate(text, g.contains) for g in gold]
    claims = report.all_claims()
    sentences = sentence_bounds(text)

    def sentence_of(span: tuple[int, int]) -> tuple[int, int]:
        return next((s for s in sentences if s[0] <= span[0] < s[1]), span)

    passes: list[Callable[[tuple[int, int], tuple[int, int]], float | None]] = [
        lambda g, p: -(p[1] - p[0]) if p[0] <= g[0] and g[1] <= p[1] else None,
        lambda g, p: min(g[1], p[1]) - max(g[0], p[0]) if g[0] < p[1] and p[0] < g[1] else None,
        lambda g, p: 0.0 if sentence_of(g) == sentence_of(p) else None,
    ]
    result: list[int | None] = [None] * len(gold)
    used: set[int] = set()
    for score in passes:
        for gi, where in enumerate(located):
            if result[gi] is not None or where is None:
                continue
            options = [(s, pi) for pi, c in enumerate(claims) if pi not in used
                       and c.field == "text"  # a headline claim's span is in the title
                       and (s := score(where, tuple(c.span))) is not None]
            if options:
                result[gi] = max(options)[1]
                used.add(result[gi])  # type: ignore[arg-type]
    return result


def _locate(text: str, words: str) -> tuple[int, int] | None:
    at = text.find(words)
    if at < 0:
        at = text.lower().find(words.lower())
    return (at, at + len(words)) if at >= 0 else None


# --- scoring ----------------------------------------------------------------------------


class ArticleScore(NamedTuple):
    statuses: list[tuple[str, str]]  # (gold, predicted) per gold claim
    negations: list[tuple[bool, bool]]
    hedges: tuple[int, int, int]  # gold hedges found, predicted hedges on those claims, gold
    relations: tuple[int, int, int]  # matched, predicted, gold
    misses: list[dict]


def score_article(gold: GoldArticle, report: Report) -> ArticleScore:
    matched = match_claims(gold.claims, report)
    claims = report.all_claims()
    statuses, negations, misses = [], [], []
    found_hedges = predicted_hedges = gold_hedges = 0
    for g, index in zip(gold.claims, matched):
        predicted = claims[index] if index is not None else None
        status = predicted.status if predicted else MISSING
        statuses.append((g.status, status))
        if status != g.status:
            misses.append({"article": gold.name, "claim": g.contains, "gold": g.status,
                           "predicted": status})
        if g.negated is not None:
            negations.append((g.negated, bool(predicted and predicted.negated)))
            if predicted is not None and g.negated != predicted.negated:
                misses.append({"article": gold.name, "claim": g.contains,
                               "gold": f"negated={g.negated}", "predicted": f"negated={predicted.negated}"})
        if g.hedges is not None:
            mine = {h.lower() for h in predicted.hedges} if predicted else set()
            found_hedges += len(set(g.hedges) & mine)
            predicted_hedges += len(mine)
            gold_hedges += len(g.hedges)
    relation_counts, relation_misses = _score_relations(gold, report, matched)
    return ArticleScore(statuses, negations, (found_hedges, predicted_hedges, gold_hedges),
                        relation_counts, misses + relation_misses)


def _relation_key(type_: str, source: str, target: str) -> tuple:
    ends = tuple(sorted((source, target))) if type_ in SYMMETRIC else (source, target)
    return (type_,) + ends


def speech_acts(report: Report) -> dict[str, str]:
    """Claim id -> act id: the sentence of the claim's cue (or start) and its source."""
    sentences = sentence_bounds(report.article.text)
    acts = {}
    for claim in report.all_claims():
        anchor = claim.cue.span[0] if claim.cue else claim.span[0]
        number = next((n for n, (s, e) in enumerate(sentences) if s <= anchor < e), anchor)
        if claim.field == "title":  # its offsets are in the title, a sentence of its own
            number = "title"
        source = claim.source
        who = source.entity or (source.text or "").lower() or source.kind
        acts[claim.id] = f"s{number}:{who}"
    return acts


def _score_relations(gold: GoldArticle, report: Report, matched: list[int | None]):
    acts = speech_acts(report)
    ids = {g.contains: (acts[report.all_claims()[i].id] if i is not None else None)
           for g, i in zip(gold.claims, matched)}
    gold_keys = {}
    for r in gold.relations:
        source, target = ids[r.from_], ids[r.to]
        key = _relation_key(r.type, source or f"?{r.from_}", target or f"?{r.to}")
        gold_keys[key] = r
    predicted = {_relation_key(r.type, acts[r.from_], acts[r.to]) for r in report.relations
                 if acts.get(r.from_) and acts.get(r.to) and acts[r.from_] != acts[r.to]}
    hits = predicted & set(gold_keys)
    misses = [{"article": gold.name, "relation": f"{r.type}: {r.from_!r} -> {r.to!r}",
               "gold": r.type, "predicted": MISSING}
              for key, r in gold_keys.items() if key not in hits]
    texts = {}
    for claim in report.all_claims():
        texts.setdefault(acts[claim.id], claim.text)
    misses += [{"article": gold.name, "relation": f"{key[0]}: {texts.get(key[1], '')[:50]!r} -> "
                f"{texts.get(key[2], '')[:50]!r}", "gold": "none", "predicted": key[0]}
               for key in sorted(predicted - hits)]
    return (len(hits), len(predicted), len(gold_keys)), misses


def _prf(matched: int, predicted: int, gold: int) -> dict:
    p = matched / predicted if predicted else 0.0
    r = matched / gold if gold else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return {"precision": p, "recall": r, "f1": f, "matched": matched,
            "predicted": predicted, "gold": gold}


def summarise(scores: list[ArticleScore]) -> dict:
    pairs = [pair for s in scores for pair in s.statuses]
    per_status = {}
    for status in STATUSES:
        correct = sum(1 for g, p in pairs if g == p == status)
        per_status[status] = _prf(correct, sum(1 for _, p in pairs if p == status),
                                  sum(1 for g, _ in pairs if g == status))
    negations = [pair for s in scores for pair in s.negations]
    hedge = [sum(s.hedges[i] for s in scores) for i in range(3)]
    relations = [sum(s.relations[i] for s in scores) for i in range(3)]
    return {
        "articles": len(scores),
        "claims": len(pairs),
        "status_accuracy": sum(g == p for g, p in pairs) / len(pairs) if pairs else 0.0,
        "missing_claims": sum(p == MISSING for _, p in pairs),
        "per_status": per_status,
        "negated_accuracy": sum(g == p for g, p in negations) / len(negations) if negations else 0.0,
        "negated_scored": len(negations),
        "hedges": _prf(hedge[0], hedge[1], hedge[2]),
        "relations": _prf(*relations),
        "misses": [m for s in scores for m in s.misses],
    }


# --- running ----------------------------------------------------------------------------


def corpus_hash(data_dir: str | Path) -> str:
    """SHA-256 of the articles and annotations, so a gate notices when the gold changes."""
    import hashlib

    digest = hashlib.sha256()
    for path in sorted(Path(data_dir).glob("*")):
        if path.suffix in (".txt", ".json") and path.name != "baseline.json":
            digest.update(path.name.encode() + b"\0" + path.read_bytes() + b"\0")
    return digest.hexdigest()


def evaluate_status(data_dir: str | Path = DEFAULT_DATA, *, model_name: str | None = None,
                    analyze: Callable[[str, str], Report] | None = None) -> dict:
    """Analyze every gold article and score status, negation, hedges and relations.

    analyze: ``(text, name) -> Report``; defaults to counterclaim's full pipeline.
    """
    articles = load_gold(data_dir)
    analyze = analyze or _counterclaim_analyzer(model_name)
    scores = [score_article(a, analyze(a.text, a.name)) for a in articles]
    result = summarise(scores)
    result["data"] = str(data_dir)
    result["corpus_sha256"] = corpus_hash(data_dir)
    return result


def _counterclaim_analyzer(model_name: str | None) -> Callable[[str, str], Report]:
    from counterclaim.analyze import analyze_article, load_nlp
    from counterclaim.read import read_text

    nlp = load_nlp(model_name)

    def run(text: str, name: str) -> Report:
        return analyze_article(read_text(text, html=False, name=name), nlp=nlp)

    return run


def print_status_table(result: dict, *, misses: bool = False) -> None:
    """Per-status precision/recall, negation and hedge scores, relation P/R/F1."""
    from rich.console import Console
    from rich.table import Table

    console = Console(highlight=False)
    console.print(f"[bold]status[/] on {result['articles']} articles, {result['claims']} gold "
                  f"claims ({result['missing_claims']} not found): accuracy "
                  f"{result['status_accuracy']:.3f}")
    table = Table("status", "precision", "recall", "F1", "gold", "predicted")
    for status, row in result["per_status"].items():
        table.add_row(status, *(f"{row[k]:.3f}" for k in ("precision", "recall", "f1")),
                      str(row["gold"]), str(row["predicted"]))
    console.print(table)
    hedges, rel = result["hedges"], result["relations"]
    console.print(f"negated accuracy {result['negated_accuracy']:.3f} "
                  f"({result['negated_scored']} claims); hedges P {hedges['precision']:.3f} "
                  f"R {hedges['recall']:.3f}")
    console.print(f"[bold]relations[/] P {rel['precision']:.3f} R {rel['recall']:.3f} "
                  f"F1 {rel['f1']:.3f} ({rel['matched']} of {rel['gold']} gold, "
                  f"{rel['predicted']} predicted)")
    if misses:
        for miss in result["misses"]:
            what = miss.get("claim") or miss.get("relation")
            console.print(f"  {miss['article']}: {what} — gold {miss['gold']}, "
                          f"predicted {miss['predicted']}", soft_wrap=True)


def main(argv: list[str] | None = None) -> None:
    import argparse

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", default=str(DEFAULT_DATA))
    parser.add_argument("--model", default=None)
    parser.add_argument("--misses", action="store_true", help="List every miss.")
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args(argv)
    result = evaluate_status(args.data, model_name=args.model)
    if args.json:
        print(json.dumps(result, indent=2))
    else:
        print_status_table(result, misses=args.misses)


if __name__ == "__main__":
    main()
