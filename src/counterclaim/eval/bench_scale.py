"""``counterclaim bench scale``: analysis on a Dask LocalCluster of 1 worker, then of N, on
the same generated articles; articles/s, the speed-up and peak memory per worker.

The articles are made from the bundled sample corpus (examples/): each joins one sample
article with paragraphs of others until it reaches about 600 words, plus a numbered line, so
every article is distinct (its own id) yet reads like news. The cluster is started and every
worker has loaded its pipeline and analysed a warm-up text before the clock starts; the
timed part is the ingest itself: reading files, sending batches, analysis, results back.
"""

from __future__ import annotations

import os
import platform
import tempfile
import time
from pathlib import Path

from .bench import load_articles
from .cpu import cpu_seconds

TARGET_WORDS = 600


def make_corpus(directory: Path, count: int, *, data: Path | None = None,
                words: int = TARGET_WORDS) -> int:
    """Write ``count`` distinct articles of about ``words`` words into ``directory``
    (``art-000001.txt``...); returns the total number of words written."""
    # The distinct sample articles (load_articles cycles them to the count asked for).
    samples = list({a.id: a for a in load_articles(data, 10_000)}.values())
    paragraphs = [[p for p in a.text.split("\n\n") if p.strip()] for a in samples]
    directory.mkdir(parents=True, exist_ok=True)
    total = 0
    for i in range(count):
        lead = samples[i % len(samples)]
        body = list(paragraphs[i % len(samples)])
        length = sum(len(p.split()) for p in body)
        donor = 1
        while length < words:
            extra = paragraphs[(i + 7 * donor) % len(samples)]
            for paragraph in extra[1:] if len(extra) > 1 else extra:  # dateline left out
                # One paragraph at a time, stopping where the length is nearest the target.
                if length >= words or length + len(paragraph.split()) - words > words - length:
                    length = max(length, words)
                    break
                body.append(paragraph)
                length += len(paragraph.split())
            donor += 1
        body.append(f"This is dispatch {i + 1} of the Kessen desk's running coverage.")
        text = "\n\n".join([lead.title or f"Dispatch {i + 1}", *body]) + "\n"
        (directory / f"art-{i + 1:06d}.txt").write_text(text, encoding="utf-8")
        total += len(text.split())
    return total


def _warm(model: str | None) -> int:
    """Run on every worker before timing: first-call costs (lazy tables) out of the clock."""
    from counterclaim.analyze import analyze_articles
    from counterclaim.read import read_text

    text = ("DALMAR, March 3 - Army spokesman Piet Halvorsen said the Free Highlands Front "
            "had shelled Vorna overnight, a claim the FHF denied.")
    return len(list(analyze_articles([read_text(text)], model_name=model)))


def start_cluster(stack, workers: int, model: str | None):
    """A LocalCluster of ``workers`` single-threaded processes, warmed up, and its client."""
    from distributed import Client, LocalCluster

    cluster = stack.enter_context(LocalCluster(n_workers=workers, threads_per_worker=1,
                                               processes=True, dashboard_address=":0"))
    client = stack.enter_context(Client(cluster))
    client.wait_for_workers(workers)
    client.run(_warm, model)
    return client


def time_ingest(client, corpus: Path, *, model: str | None, batch_size: int,
                db: str | None, out: Path | None) -> dict:
    """One timed ingest of ``corpus`` on ``client``'s cluster."""
    from ..ledger import Ledger
    from ..scale.driver import ingest_dask

    ledger = Ledger(db, stance=None) if db else None
    cpu_before = client.run(cpu_seconds)
    started = time.perf_counter()
    summary = ingest_dask([str(corpus)], ledger, dask=client, model=model,
                          batch_size=batch_size, out=str(out) if out else None)
    seconds = time.perf_counter() - started
    cpu = sum(after - cpu_before.get(w, 0.0) for w, after in client.run(cpu_seconds).items())
    if ledger is not None:
        ledger.close()
    done = summary.new + summary.syndicated + summary.written
    return {"workers": len(cpu_before), "articles": done, "failed": len(summary.failed),
            "seconds": round(seconds, 2), "articles_per_s": round(done / seconds, 2),
            # CPU the workers used: on a shared, loaded machine a fairer measure of cost
            "worker_cpu_s": round(cpu, 1), "articles_per_worker_cpu_s": round(done / cpu, 2),
            "peak_rss_mb_per_worker": [w["peak_rss_mb"]
                                       for w in summary.to_dict()["workers"].values()]}


def run_scale(*, articles: int = 200, workers: int = 2, data: Path | None = None,
              model: str | None = None, batch_size: int = 8, ledger: bool = False,
              single: bool = True, repeat: int = 1) -> dict:
    """Time 1 worker (unless ``single`` is False) and ``workers`` workers on the same
    ``articles`` generated articles, ``repeat`` times interleaved, keeping each cluster's
    fastest run (the one least disturbed by other load). ``ledger``: end to end into a
    fresh SQLite ledger (stance off) instead of Parquet partitions."""
    import contextlib

    from ..analyze.nlp import default_model_name

    name = model or default_model_name()
    sizes = ([1] if single and workers != 1 else []) + [workers]
    best: dict[int, dict] = {}
    with tempfile.TemporaryDirectory(prefix="cc-bench-scale-") as tmp, \
            contextlib.ExitStack() as stack:
        root = Path(tmp)
        words = make_corpus(root / "corpus", articles, data=data)
        clients = {n: start_cluster(stack, n, name) for n in sizes}
        for run in range(max(1, repeat)):
            for n in sizes:
                sink = root / f"{n}-{run}"
                row = time_ingest(clients[n], root / "corpus", model=name, batch_size=batch_size,
                                  db=f"{sink}.db" if ledger else None,
                                  out=None if ledger else sink)
                if n not in best or row["seconds"] < best[n]["seconds"]:
                    best[n] = row
    import spacy

    rows = [best[n] for n in sizes]
    result = {"model": name, "articles": articles, "mean_words": round(words / articles, 1),
              "batch_size": batch_size, "sink": "sqlite ledger" if ledger else "parquet",
              "repeat": repeat, "python": platform.python_version(),
              "spacy": spacy.__version__,
              "load_average": [round(x, 1) for x in os.getloadavg()], "rows": rows}
    if len(rows) == 2:
        result["speedup"] = round(rows[1]["articles_per_s"] / rows[0]["articles_per_s"], 2)
    return result


def print_scale(result: dict) -> None:
    from rich.console import Console
    from rich.table import Table

    table = Table(title=f"bench scale · {result['articles']} articles · {result['mean_words']} "
                        f"words each · Dask LocalCluster → {result['sink']} · {result['model']}")
    for col in ("workers", "seconds", "articles/s", "articles/worker-CPU-s", "failed",
                "peak RSS per worker (MB)"):
        table.add_column(col, justify="right")
    for row in result["rows"]:
        table.add_row(str(row["workers"]), f"{row['seconds']:.1f}", f"{row['articles_per_s']:.2f}",
                      f"{row['articles_per_worker_cpu_s']:.2f}", str(row["failed"]),
                      ", ".join(map(str, row["peak_rss_mb_per_worker"])))
    console = Console()
    console.print(table)
    if "speedup" in result:
        console.print(f"speed-up {result['rows'][1]['workers']} workers vs 1: "
                      f"{result['speedup']:.2f}")
