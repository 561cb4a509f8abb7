"""Ingest: read -> analyze -> ledger for many inputs on one machine, never losing a batch.

Articles already in the ledger are not analyzed again (their id is the hash of their text),
so a re-run after a crash or Ctrl-C only does the rest. Each article is stored in its own
transaction. A bad input, or an article the analysis fails on, is reported with its location
and the run goes on.
"""

from __future__ import annotations

import functools
import itertools
import time
from dataclasses import dataclass, field
from typing import Callable, Iterable, Iterator

from .errors import CounterclaimError
from .model import Article, Report


@dataclass
class IngestSummary:
    new: int = 0
    present: int = 0
    syndicated: int = 0
    failed: list[tuple[str, str]] = field(default_factory=list)  # (location, message)
    seconds: float = 0.0

    @property
    def stored(self) -> int:
        return self.new + self.syndicated

    @property
    def seen(self) -> int:
        return self.new + self.present + self.syndicated + len(self.failed)

    def to_dict(self) -> dict:
        return {"new": self.new, "present": self.present, "syndicated": self.syndicated,
                "failed": [{"location": loc, "error": msg} for loc, msg in self.failed],
                "seconds": round(self.seconds, 2),
                "articles_per_s": round(self.seen / self.seconds, 2) if self.seconds else None}


Progress = Callable[[IngestSummary], None]
# An analysis backend: (article, location) pairs in, (location, Report or error message) out,
# in the same order. The default runs here; counterclaim.scale supplies one for Dask.
Analyzer = Callable[[Iterable[tuple[Article, str]]], Iterator[tuple[str, "Report | str"]]]


def ingest(paths: Iterable[str], ledger, *, outlet: str | None = None,
           published: str | None = None, manifest: bool = True, model: str | None = None,
           processes: int = 1, batch_size: int = 16,
           progress: Progress | None = None,
           analyzer: Analyzer | None = None) -> IngestSummary:
    """Read every input under ``paths``, analyze new articles and add them to ``ledger``.

    Reports are added in input order whatever the ``analyzer``, so the ledger's content
    (syndication, cluster assignment) does not depend on how the analysis was spread.
    """
    from .read import iter_inputs

    summary = IngestSummary()
    started = time.perf_counter()

    def tick() -> None:
        summary.seconds = time.perf_counter() - started
        if progress:
            progress(summary)

    analyzer = analyzer or functools.partial(analyze_in_batches, model=model,
                                             processes=processes, batch_size=batch_size)
    items = iter_inputs(list(paths), outlet=outlet, published=published, manifest=manifest)
    for location, outcome in analyzer(new_articles(items, ledger, summary, tick)):
        if isinstance(outcome, Report):
            _store(ledger, outcome, location, summary)
        else:
            summary.failed.append((location, outcome))
        tick()
    summary.seconds = time.perf_counter() - started
    return summary


def new_articles(items, ledger, summary: IngestSummary,
                 tick: Callable[[], None] = lambda: None) -> Iterator[tuple[Article, str]]:
    """The (article, location) pairs of ``items`` not yet in ``ledger`` (None: all of them);
    inputs that failed to read and articles already present are counted in ``summary``."""
    from .read import Failed

    for item in items:
        if isinstance(item, Failed):
            summary.failed.append((item.location, str(item.error)))
        elif ledger is not None and ledger.article(item.article.id) is not None:
            summary.present += 1
        else:
            yield item.article, item.location
        tick()


def analyze_in_batches(pairs: Iterable[tuple[Article, str]], *, model: str | None = None,
                       processes: int = 1, batch_size: int = 16
                       ) -> Iterator[tuple[str, Report | str]]:
    """The default analyzer: batches of ``batch_size * processes`` through ``analyze_batch``."""
    iterator = iter(pairs)
    size = batch_size * max(1, processes)
    while batch := list(itertools.islice(iterator, size)):
        yield from analyze_batch(batch, model=model, processes=processes)


def _store(ledger, report: Report, location: str, summary: IngestSummary) -> None:
    try:
        result = ledger.add(report)
    except CounterclaimError as exc:
        summary.failed.append((location, str(exc)))
        return
    if result.status == "new":
        summary.new += 1
    elif result.status == "syndicated":
        summary.syndicated += 1
    else:
        summary.present += 1


def analyze_batch(batch: list[tuple[Article, str]], *, model: str | None = None,
                  processes: int = 1) -> Iterator[tuple[str, Report | str]]:
    """Reports for a batch through ``nlp.pipe``; when the batch fails, one article at a time,
    so that only the article at fault is reported failed."""
    from .analyze import analyze_article, analyze_articles
    from .analyze.nlp import load_nlp

    from .analyze.limits import max_seconds, time_limit

    nlp = load_nlp(model)
    try:
        # A batch that overruns its articles' summed time limit is retried one by one, each
        # article under its own limit, so only the slow one is reported.
        with time_limit(max_seconds() * len(batch), what="batch"):
            reports = list(analyze_articles([a for a, _ in batch], nlp=nlp, n_process=processes))
    except Exception:  # noqa: BLE001 - isolate the failing article below
        reports = None
    if reports is not None:
        yield from ((loc, report) for (_, loc), report in zip(batch, reports))
        return
    for article, location in batch:
        try:
            yield location, analyze_article(article, nlp=nlp)
        except CounterclaimError as exc:
            yield location, str(exc)
        except Exception as exc:  # noqa: BLE001 - one article must not end the run
            yield location, f"analysis failed: {type(exc).__name__}: {exc}"
