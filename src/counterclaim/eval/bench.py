"""``counterclaim bench speed``: the full analysis vs the bare spaCy pipeline, one run.

Machines here are shared and noisy, so the figure that matters is the ratio of the two rows
measured back to back on the same texts and process count, not the absolute seconds. With one
process the CPU time of each row is reported too: on a loaded machine it is disturbed less by
other programs than the wall clock is.
"""

from __future__ import annotations

import itertools
import platform
import time
from pathlib import Path

import spacy

from ..errors import DataError
from ..model import Article

REPO_ROOT = Path(__file__).resolve().parents[3]
DEFAULT_DIR = REPO_ROOT / "examples"


def load_articles(data: Path | None, count: int) -> list[Article]:
    """``count`` articles from a directory of .txt/.html files, cycled when there are fewer."""
    from ..read import read_path

    directory = Path(data) if data else DEFAULT_DIR
    files = sorted(p for p in directory.rglob("*") if p.suffix in (".txt", ".html", ".htm"))
    articles = []
    for path in files:
        try:
            articles.append(read_path(path))
        except Exception:  # noqa: BLE001 - a bench skips unreadable files
            continue
    if not articles:
        raise DataError(f"no readable .txt or .html articles in {directory}")
    return list(itertools.islice(itertools.cycle(articles), count))


def _timed(func) -> tuple[float, float]:
    """Wall-clock and CPU seconds of one call (CPU of this process only)."""
    start, cpu = time.perf_counter(), time.process_time()
    func()
    return time.perf_counter() - start, time.process_time() - cpu


def run_speed(data: Path | None = None, *, articles: int = 200, processes: int = 1,
              compare: tuple[str, ...] = (), model_name: str | None = None,
              batch_size: int = 32, repeat: int = 3, words: int | None = None) -> dict:
    """Time each pipeline ``repeat`` times, interleaved, and keep each one's fastest run:
    on a shared machine the minimum is the run least disturbed by other load.

    With ``words``, ``articles`` distinct articles of about that many words are first built
    from ``data`` (default: examples/) the way ``bench scale`` builds its corpus."""
    from ..analyze.nlp import default_model_name

    name = model_name or default_model_name()
    items = _bench_articles(data, articles, words)
    # counterclaim reads each article's headline as well as its body (headline claims), so
    # the spaCy and textacy rows parse the same: the title, when there is one, then the body.
    texts = [text for a in items for text in ((a.title,) if a.title else ()) + (a.text,)]
    runners = _runners(name, items, texts, processes, batch_size, compare)
    wall = {row: float("inf") for row in runners}
    cpu = dict(wall)
    for _ in range(max(1, repeat)):
        for row, runner in runners.items():
            seconds, used = _timed(runner)
            wall[row], cpu[row] = min(wall[row], seconds), min(cpu[row], used)
    total_words = sum(len(t.split()) for t in texts)
    n = len(items)
    result = {
        "model": name, "articles": n, "mean_words": round(total_words / n, 1), "processes": processes,
        "repeat": repeat,
        "python": platform.python_version(), "spacy": spacy.__version__,
        "rows": {k: {"seconds": round(v, 2), "articles_per_s": round(n / v, 2),
                     "words_per_s": round(total_words / v)} for k, v in wall.items()},
    }
    result.update(_ratios(wall, "ratio_full_vs"))
    if processes == 1:  # worker processes' CPU time is not this process's
        for key, value in cpu.items():
            result["rows"][key]["cpu_seconds"] = round(value, 2)
        result.update(_ratios(cpu, "cpu_ratio_full_vs"))
    return result


def _bench_articles(data: Path | None, articles: int, words: int | None) -> list[Article]:
    if not words:
        return load_articles(data, articles)
    import tempfile

    from .bench_scale import make_corpus

    with tempfile.TemporaryDirectory(prefix="cc-bench-") as corpus:
        make_corpus(Path(corpus), articles, data=data, words=words)
        return load_articles(Path(corpus), articles)


def _runners(name: str, items: list[Article], texts: list[str], processes: int,
             batch_size: int, compare: tuple[str, ...]) -> dict:
    """Row name -> a call that runs that pipeline over the texts once, each warmed first so
    that first-call costs (lazy tables, imports) do not land in one row."""
    from ..analyze import analyze_articles
    from ..analyze.nlp import load_base, load_nlp

    bare, full = spacy.load(name), load_nlp(name)
    list(bare.pipe(texts[:4]))
    list(analyze_articles(items[:4], nlp=full))
    runners = {
        "spacy": lambda: list(bare.pipe(texts, batch_size=batch_size, n_process=processes)),
        "counterclaim": lambda: list(
            analyze_articles(items, nlp=full, batch_size=batch_size, n_process=processes)),
    }
    if processes == 1:
        # spaCy as counterclaim runs it (same annotations, stand-ins for two stock
        # components): full / this row is what the analysis itself adds over parsing. Only on
        # one process, where its CPU time is this process's like the other rows'.
        base = load_base(name)
        list(base.pipe(texts[:4]))
        runners["spacy_tables"] = lambda: list(base.pipe(texts, batch_size=batch_size))
    if "textacy" in compare:
        from textacy.extract.triples import direct_quotations

        def run_textacy():
            for doc in bare.pipe(texts, batch_size=batch_size, n_process=processes):
                try:
                    list(direct_quotations(doc))
                except ValueError:
                    pass  # textacy refuses texts with an odd number of quote marks

        runners["textacy"] = run_textacy
    return runners


# The ratio keys of each row compared with the full analysis (speed: row time / full time).
_RATIO_NAMES = {"spacy": "spacy", "spacy_tables": "own_parse", "textacy": "textacy"}


def _ratios(seconds: dict[str, float], prefix: str) -> dict[str, float]:
    return {f"{prefix}_{label}": round(seconds[row] / seconds["counterclaim"], 3)
            for row, label in _RATIO_NAMES.items() if row in seconds}


def print_speed(result: dict) -> None:
    from rich.console import Console
    from rich.table import Table

    table = Table(title=f"bench speed · {result['articles']} articles · "
                        f"{result['mean_words']} words each · {result['processes']} process(es) · "
                        f"{result['model']}")
    cpu = "cpu_ratio_full_vs_spacy" in result
    for col in ("pipeline", "seconds", "articles/s", "words/s") + (("CPU s",) if cpu else ()):
        table.add_column(col, justify="right" if col != "pipeline" else "left")
    labels = {"spacy": "bare spaCy", "counterclaim": "counterclaim (full)",
              "spacy_tables": "spaCy as counterclaim runs it (no analysis)",
              "textacy": "textacy direct_quotations"}
    for key, row in result["rows"].items():
        table.add_row(labels[key], f"{row['seconds']:.2f}", f"{row['articles_per_s']:.2f}",
                      f"{row['words_per_s']:,}", *((f"{row['cpu_seconds']:.2f}",) if cpu else ()))
    console = Console()
    console.print(table)
    console.print(f"ratio counterclaim / bare spaCy (speed): {result['ratio_full_vs_spacy']:.3f}")
    if "ratio_full_vs_own_parse" in result:
        console.print("ratio counterclaim / its own parse (what the analysis adds): "
                      f"{result['ratio_full_vs_own_parse']:.3f}")
    if "ratio_full_vs_textacy" in result:
        console.print(f"ratio counterclaim / textacy (speed): {result['ratio_full_vs_textacy']:.3f}")
    if cpu:
        line = (f"CPU-time ratio counterclaim / bare spaCy: {result['cpu_ratio_full_vs_spacy']:.3f}"
                f" · / its own parse: {result['cpu_ratio_full_vs_own_parse']:.3f}")
        if "cpu_ratio_full_vs_textacy" in result:
            line += f" · / textacy: {result['cpu_ratio_full_vs_textacy']:.3f}"
        console.print(line)
