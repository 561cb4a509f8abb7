"""The ``counterclaim`` command line: each command parses options, makes one library call and
turns ``CounterclaimError`` into a one-line message and a documented exit code.

Exit codes: 0 ok, 2 usage, 3 unreadable or unsupported input, 4 missing or malformed data.
"""

from __future__ import annotations

import functools
import json
import os
import sys
from pathlib import Path

import click
from rich.console import Console

from . import __version__
from .errors import EXIT_INPUT, CounterclaimError

err_console = Console(stderr=True, highlight=False)

CONTEXT = {"help_option_names": ["-h", "--help"], "max_content_width": 100}


def _fail(message: str, code: int) -> None:
    err_console.print(f"[bold red]error:[/] {message}", markup=True, soft_wrap=True)
    sys.exit(code)


def handle_errors(func):
    """Map library errors to exit codes; never show a traceback unless asked to."""

    @functools.wraps(func)
    def wrapper(*args, **kwargs):
        try:
            return func(*args, **kwargs)
        except CounterclaimError as exc:
            _fail(str(exc), exc.exit_code)
        except KeyboardInterrupt:
            _fail("interrupted", 130)
        except (click.ClickException, click.exceptions.Exit, SystemExit):
            raise
        except Exception as exc:  # noqa: BLE001 - the last line of defence against tracebacks
            if os.environ.get("COUNTERCLAIM_DEBUG"):
                raise
            first_line = (str(exc).splitlines() or [""])[0]
            _fail(f"internal error: {type(exc).__name__}: {first_line} "
                  "(set COUNTERCLAIM_DEBUG=1 for the traceback and please report it)", 1)

    return wrapper


@click.group(context_settings=CONTEXT)
@click.version_option(__version__, prog_name="counterclaim")
def cli() -> None:
    """Turn news reports into a sourced ledger of who claims what, and who disputes it.

    \b
    Try:  counterclaim analyze examples/mw-2026-03-02-dalmar-captured.txt
          counterclaim analyze story.html --format json
          counterclaim schema > counterclaim-1.schema.json
    """


# --- analyze --------------------------------------------------------------------------------


@cli.command(context_settings=CONTEXT)
@click.argument("paths", nargs=-1, required=True, metavar="PATH...")
@click.option("--format", "fmt", type=click.Choice(["table", "json", "jsonl"]), default="table",
              show_default=True, help="table: a readable ledger; json: one document (a list "
              "when several files); jsonl: one document per file, one line each, in input order.")
@click.option("--published", metavar="YYYY-MM-DD", help="Publication date; anchors relative dates.")
@click.option("--outlet", metavar="NAME", help="The outlet that published the article.")
@click.option("--url", metavar="URL", help="The article's address.")
@click.option("--model", metavar="NAME", envvar="COUNTERCLAIM_MODEL",
              help="spaCy pipeline to use (default: the best installed English pipeline).")
@handle_errors
def analyze(paths, fmt, published, outlet, url, model):
    """Analyze articles (text or HTML files, or - for stdin) and print their claims.

    Each claim shows its source, cue, channel, mode (direct, indirect, mixed, according_to,
    outlet) and status (asserted, attributed, reported, alleged, purported, hedged).
    A file that cannot be read is reported on stderr with exit code 3; the others still run.
    """
    from .analyze import analyze_article
    from .read import read_path
    from .render import print_report

    failed = False
    reports = []
    for path in paths:
        try:
            article = read_path(path, published=published, outlet=outlet, url=url)
            report = analyze_article(article, model_name=model)
        except CounterclaimError as exc:
            if exc.exit_code != EXIT_INPUT:
                raise
            err_console.print(f"[bold red]error:[/] {exc}", soft_wrap=True)
            failed = True
            continue
        if fmt == "jsonl":
            click.echo(report.to_json())
        elif fmt == "table":
            print_report(report)
        else:
            reports.append(report)
    if fmt == "json" and reports:
        if len(paths) == 1:
            click.echo(reports[0].to_json(indent=2))
        else:
            click.echo(json.dumps([r.to_dict() for r in reports], indent=2, ensure_ascii=False))
    if failed:
        sys.exit(EXIT_INPUT)


# --- ingest -------------------------------------------------------------------------------

DB_OPTION = click.option(
    "--db", default="counterclaim.db", show_default=True, envvar="COUNTERCLAIM_DB",
    help="Ledger: a SQLite file path or a URL such as postgresql+psycopg://user@host/db.")


@cli.command(context_settings=CONTEXT)
@click.argument("paths", nargs=-1, required=True, metavar="PATH...")
@DB_OPTION
@click.option("--outlet", metavar="NAME",
              help="Outlet for articles that name none (in their record, manifest.jsonl or page).")
@click.option("--published", metavar="YYYY-MM-DD",
              help="Publication date for articles that give none.")
@click.option("--no-manifest", is_flag=True, help="Ignore manifest.jsonl files.")
@click.option("--processes", default=1, show_default=True, help="Analysis worker processes.")
@click.option("--dask", "dask_spec", metavar="local[:N]|tcp://HOST:PORT", default=None,
              help="Run the analysis on a Dask LocalCluster of N workers or an existing "
              "cluster; reports still reach the ledger in input order. See docs/scale.md.")
@click.option("--out", type=click.Path(file_okay=False, path_type=Path), default=None,
              help="With --dask: write partitioned Parquet files here instead of the ledger "
              "(import them with `counterclaim load`).")
@click.option("--model", metavar="NAME", envvar="COUNTERCLAIM_MODEL",
              help="spaCy pipeline to use (default: the best installed English pipeline).")
@click.option("--json", "as_json", is_flag=True, help="Print the summary as JSON.")
@handle_errors
def ingest(paths, db, outlet, published, no_manifest, processes, dask_spec, out, model, as_json):
    """Analyze articles and store them in the ledger: files, directories, globs, - (stdin),
    .txt/.html, .jsonl (one article per line), RSS/Atom feeds and WARC files.

    \b
    Re-ingesting changes nothing; an interrupted run is completed by running it again.
    A bad file or line is reported with its location and the rest goes on (exit code 3).
    --outlet and --published fill gaps only; manifest.jsonl entries in a directory give each
    file its outlet and date.
    """
    from .ingest import ingest as run_ingest
    from .ledger import Ledger
    from .render import ingest_progress

    if out is not None and dask_spec is None:
        raise click.UsageError("--out needs --dask")
    with ingest_progress(enabled=not as_json) as progress:
        if dask_spec is not None:
            from .scale import ingest_dask

            summary = ingest_dask(paths, None if out else Ledger(db), dask=dask_spec,
                                  out=str(out) if out else None, model=model, outlet=outlet,
                                  published=published, manifest=not no_manifest,
                                  progress=progress)
        else:
            summary = run_ingest(paths, Ledger(db), outlet=outlet, published=published,
                                 manifest=not no_manifest, model=model, processes=processes,
                                 progress=progress)
    _finish_ingest(summary, as_json)


def _finish_ingest(summary, as_json: bool) -> None:
    """Print an ingest summary; exit 3 when any input failed (the rest was stored)."""
    from .render import print_ingest_summary

    if as_json:
        click.echo(json.dumps(summary.to_dict(), indent=2))
    else:
        print_ingest_summary(summary)
    if summary.failed:
        sys.exit(EXIT_INPUT)


@cli.command(context_settings=CONTEXT)
@click.argument("directory", type=click.Path(exists=True, file_okay=False, path_type=Path))
@DB_OPTION
@click.option("--json", "as_json", is_flag=True, help="Print the summary as JSON.")
@handle_errors
def load(directory, db, as_json):
    """Import the Parquet partitions written by `ingest --dask ... --out DIR` (idempotent)."""
    from .ledger import Ledger
    from .render import ingest_progress
    from .scale import load_parquet

    with ingest_progress(enabled=not as_json) as progress:
        summary = load_parquet(directory, Ledger(db), progress=progress)
    _finish_ingest(summary, as_json)


# --- ledger queries -------------------------------------------------------------------------

FORMAT_OPTION = click.option("--format", "fmt", type=click.Choice(["table", "json", "csv"]),
                             default="table", show_default=True, help="Output format.")
PAGE_OPTIONS = [
    click.option("--limit", default=20, show_default=True, help="Rows per page."),
    click.option("--offset", default=0, show_default=True, help="Rows to skip."),
]


def _paged(func):
    for option in reversed(PAGE_OPTIONS):
        func = option(func)
    return func


def _open_ledger(db: str):
    from .ledger import Ledger

    if "://" not in db and not Path(db).exists():
        raise click.UsageError(f"no ledger at {db}; create one with `counterclaim ingest PATH --db {db}`")
    return Ledger(db, stance=None)


@cli.command(context_settings=CONTEXT)
@DB_OPTION
@click.option("--entity", metavar="NAME", help="Only clusters where this party takes a side or is named.")
@click.option("--place", metavar="NAME", help="Only clusters about this place.")
@click.option("--since", metavar="YYYY-MM-DD", help="Only clusters seen on or after this day.")
@FORMAT_OPTION
@_paged
@handle_errors
def disputes(db, entity, place, since, fmt, limit, offset):
    """Disputed claims across the ledger, newest first: each with who asserts it, who denies
    or contradicts it, the outlets and dates. Syndicated copies count once."""
    from .render import print_rows

    rows = _open_ledger(db).disputes(entity=entity, place=place, since=since, limit=limit, offset=offset)
    print_rows(rows, fmt, kind="disputes")


@cli.command(context_settings=CONTEXT)
@DB_OPTION
@click.option("--source", metavar="NAME", help="Claims made by this party.")
@click.option("--status", type=click.Choice(
    ["asserted", "attributed", "reported", "alleged", "purported", "hedged"]),
    help="Only claims with this status.")
@click.option("--outlet", metavar="NAME", help="Only claims carried by this outlet.")
@click.option("--since", metavar="YYYY-MM-DD", help="Only claims made on or after this day.")
@FORMAT_OPTION
@_paged
@handle_errors
def claims(db, source, status, outlet, since, fmt, limit, offset):
    """Claims in the ledger, newest first, filtered by source, status, outlet and date."""
    from .render import print_rows

    rows = _open_ledger(db).claims(source=source, status=status, outlet=outlet, since=since,
                                   limit=limit, offset=offset)
    print_rows(rows, fmt, kind="claims")


@cli.command(context_settings=CONTEXT)
@click.argument("name")
@DB_OPTION
@FORMAT_OPTION
@click.option("--limit", default=50, show_default=True, help="Most claims to show per list.")
@handle_errors
def entity(name, db, fmt, limit):
    """What a party claimed, what it denied, and what others claimed about it."""
    from .render import print_entity

    profile = _open_ledger(db).entity(name)
    if profile is None:
        raise click.UsageError(f"no entity named {name!r} in {db}")
    print_entity(profile, fmt)


@cli.command(context_settings=CONTEXT)
@DB_OPTION
@click.option("--entity", metavar="NAME", help="Only what this party said or what was said of it.")
@click.option("--place", metavar="NAME", help="Only claims and events about this place.")
@click.option("--since", metavar="YYYY-MM-DD", help="Only from this day on.")
@FORMAT_OPTION
@click.option("--limit", default=200, show_default=True, help="Most items to show.")
@handle_errors
def timeline(db, entity, place, since, fmt, limit):
    """Claims and events day by day, for a party or a place."""
    from .render import print_rows

    rows = _open_ledger(db).timeline(entity=entity, place=place, since=since, limit=limit)
    print_rows(rows, fmt, kind="timeline")


@cli.command(context_settings=CONTEXT)
@DB_OPTION
@click.option("--format", "fmt", type=click.Choice(["jsonl", "csv", "geojson", "acled-csv"]),
              default="jsonl", show_default=True,
              help="jsonl: every stored report; csv: claims; geojson: places and events; "
              "acled-csv: events with ACLED's column names.")
@click.option("--output", "-o", type=click.Path(dir_okay=False, path_type=Path), default=None,
              help="File to write (default: stdout).")
@handle_errors
def export(db, fmt, output):
    """Export the ledger for other tools: ACLED-style CSV and GeoJSON load next to ACLED data
    and into GIS."""
    from .ledger.export import export as run_export

    ledger = _open_ledger(db)
    if output is None:
        count = run_export(ledger.engine, fmt, sys.stdout)
    else:
        with open(output, "w", encoding="utf-8", newline="") as out:
            count = run_export(ledger.engine, fmt, out)
    err_console.print(f"exported {count} record(s)")


# --- serve ----------------------------------------------------------------------------------


@cli.command(context_settings=CONTEXT)
@DB_OPTION
@click.option("--host", default="127.0.0.1", show_default=True,
              help="Address to bind; anything but loopback requires an API token.")
@click.option("--port", default=8000, show_default=True, help="Port to listen on.")
@click.option("--token", envvar="COUNTERCLAIM_TOKEN", default=None,
              help="API token (default: $COUNTERCLAIM_TOKEN); write endpoints then need "
              "'Authorization: Bearer TOKEN'.")
@click.option("--max-upload", default=5_000_000, show_default=True,
              help="Largest accepted request body, in bytes.")
@handle_errors
def serve(db, host, port, token, max_upload):
    """Start the dashboard and the HTTP API over a ledger (open http://127.0.0.1:8000/).

    The JSON API lives under /api, its OpenAPI spec at /openapi.json.
    """
    from .serve.app import run

    run(db, host=host, port=port, token=token, max_upload_bytes=max_upload)


# --- stance ---------------------------------------------------------------------------------


@cli.command(context_settings=CONTEXT)
@click.argument("path", required=False, metavar="[FILE]")
@click.option("--claim", metavar="TEXT", help="The claim to judge FILE's stance toward.")
@click.option("--pairs", type=click.Path(dir_okay=False, path_type=Path), default=None,
              help='A JSONL file of {"claim": ..., "text": ...} per line; writes one '
              '{"stance": ..., "score": ...} per line, in order (- for stdin); a line may '
              'add "source" (the text\'s outlet).')
@click.option("--source", metavar="OUTLET", default=None,
              help="The text's outlet (a domain or URL; default: the article's URL, if any). "
                   "The headline model has learned how often known outlets hedge.")
@handle_errors
def stance(path, claim, pairs, source):
    """Does an article agree with a claim, disagree, merely discuss it, or not address it?

    \b
    counterclaim stance --claim "Dalmar has fallen" story.txt
    counterclaim stance --pairs pairs.jsonl > stances.jsonl
    """
    from .analyze.stance import stance as judge
    from .analyze.stance import stance_pairs

    if pairs is not None:
        stream = sys.stdin if str(pairs) == "-" else open(pairs, encoding="utf-8")
        with stream:
            for row in stance_pairs(stream):
                click.echo(json.dumps(row, ensure_ascii=False))
        return
    if not claim or not path:
        raise click.UsageError("give --claim TEXT and a FILE, or --pairs PAIRS.jsonl")
    from .read import read_path

    article = read_path(path)
    result = judge(claim, article.text, source=source or article.url)
    click.echo(f"{result.stance} ({result.score:.2f})")
    for sentence in result.evidence:
        click.echo(f"  evidence: {sentence}")


@cli.group(context_settings=CONTEXT)
def train():
    """Train the project's models from public training data (reproducible, CPU only)."""


@train.command("stance", context_settings=CONTEXT)
@click.option("--data-fnc", type=click.Path(path_type=Path), default=None,
              help="FNC-1 folder (default: ../shared/datasets/fnc1).")
@click.option("--data-emergent", type=click.Path(path_type=Path), default=None,
              help="Emergent folder (default: ../shared/datasets/emergent).")
@click.option("--out", type=click.Path(path_type=Path), default=None,
              help="Model folder (default: the shipped src/counterclaim/data/stance).")
@handle_errors
def train_stance_command(data_fnc, data_emergent, out):
    """Train the stance model on FNC-1 train + Emergent train (fixed seeds)."""
    from .analyze.stance_train import train_stance

    kwargs = {k: v for k, v in (("fnc_dir", data_fnc), ("emergent_dir", data_emergent),
                                ("out_dir", out)) if v is not None}
    click.echo(json.dumps(train_stance(**kwargs), indent=2, default=str))


@train.command("attribution", context_settings=CONTEXT)
@click.option("--data", type=click.Path(path_type=Path), default=None,
              help="PolNeAR folder (default: ../shared/datasets/polnear); only its train split is used.")
@click.option("--out", type=click.Path(path_type=Path), default=None,
              help="Cue model file (default: the shipped src/counterclaim/data/attribution model); "
                   "the candidate judge is written next to it.")
@handle_errors
def train_attribution_command(data, out):
    """Train the cue detector and the candidate judge (two logistic regressions over spaCy
    token and candidate features) on PolNeAR train."""
    from .analyze.cue_train import train_attribution

    kwargs = {k: v for k, v in (("data_dir", data), ("out", out)) if v is not None}
    click.echo(json.dumps(train_attribution(**kwargs), indent=2, default=str))


# --- schema ---------------------------------------------------------------------------------


@cli.command(context_settings=CONTEXT)
def schema():
    """Print the JSON Schema of counterclaim/1, the output of every command."""
    from .model import json_schema_text

    click.echo(json_schema_text(), nl=False)


# --- bench ----------------------------------------------------------------------------------


@cli.group(context_settings=CONTEXT)
def bench():
    """Measure speed, side by side with a peer in the same run (ratios, not seconds)."""


@bench.command("speed", context_settings=CONTEXT)
@click.option("--data", type=click.Path(exists=True, file_okay=False, path_type=Path),
              default=None, help="Directory of .txt/.html articles (default: examples/, "
              "repeated to --articles).")
@click.option("--articles", default=200, show_default=True, help="How many articles to run.")
@click.option("--processes", default=1, show_default=True, help="Worker processes for both runs.")
@click.option("--words", type=click.IntRange(min=50), default=None,
              help="Build --articles distinct articles of about this many words from the sample "
              "articles (or --data) first, as bench scale does; e.g. --words 600.")
@click.option("--compare", type=click.Choice(["textacy"]), multiple=True,
              help="Also time textacy's direct_quotations on the same texts.")
@click.option("--repeat", default=3, show_default=True,
              help="Runs per pipeline, interleaved; the fastest of each counts.")
@click.option("--model", metavar="NAME", envvar="COUNTERCLAIM_MODEL",
              help="spaCy pipeline to use (default: the best installed English pipeline).")
@click.option("--json", "as_json", is_flag=True, help="Print the figures as JSON.")
@handle_errors
def bench_speed(data, articles, processes, words, compare, repeat, model, as_json):
    """Articles/s of the full analysis vs the bare spaCy pipeline on the same texts.

    Both run in one process, back to back, on the same texts and process count; on a shared
    machine read the ratio, not the seconds.
    """
    from .eval.bench import print_speed, run_speed

    result = run_speed(data, articles=articles, processes=processes, compare=compare,
                       model_name=model, repeat=repeat, words=words)
    click.echo(json.dumps(result, indent=2)) if as_json else print_speed(result)


@bench.command("api", context_settings=CONTEXT)
@DB_OPTION
@click.option("--articles", default=100_000, show_default=True,
              help="Fill the ledger with this many synthetic articles first (resumes).")
@click.option("--seconds", default=20.0, show_default=True, help="Length of the load run.")
@click.option("--concurrency", default=4, show_default=True,
              help="Concurrent loopback clients (the bound on the load).")
@click.option("--workers", default=1, show_default=True, help="Server worker processes.")
@click.option("--cache-seconds", default=30.0, show_default=True,
              help="Server response cache for dispute pages, entity profiles and lists; 0 = off.")
@click.option("--seed", default=0, show_default=True, help="Seed of the synthetic corpus.")
@click.option("--json", "as_json", is_flag=True, help="Print the figures as JSON.")
@handle_errors
def bench_api_command(db, articles, seconds, concurrency, workers, cache_seconds, seed, as_json):
    """p50/p95 latency of the main endpoints under a bounded loopback load."""
    from .eval.bench_api import bench_api, print_api

    result = bench_api(db, articles=articles, seconds=seconds, concurrency=concurrency,
                       workers=workers, seed=seed, cache_seconds=cache_seconds)
    _print_json_or(result, as_json, print_api)


@bench.command("ledger", context_settings=CONTEXT)
@click.option("--sizes", default="1000,10000,100000", show_default=True,
              help="Comma-separated ledger sizes (generated articles, no NLP).")
@click.option("--pg", metavar="URL", default=None,
              help="Also run on this PostgreSQL URL (postgresql+psycopg://...).")
@click.option("--seed", default=0, show_default=True, help="Seed of the synthetic corpus.")
@click.option("--keep", metavar="PATH", default=None,
              help="Keep the largest SQLite ledger at PATH (for `bench api --db PATH`, "
                   "`bench ledger --queries-only`).")
@click.option("--queries-only", metavar="PATH", default=None,
              help="Only re-measure query p95 on a ledger kept with --keep; --sizes gives its size.")
@click.option("--no-sqlite", is_flag=True, help="With --pg: run on PostgreSQL only.")
@click.option("--json", "as_json", is_flag=True, help="Print the figures as JSON.")
@handle_errors
def bench_ledger_command(sizes, pg, seed, keep, queries_only, no_sqlite, as_json):
    """Ledger ingest rate without NLP, cost growth with size, database size, query p95."""
    from .eval.bench_ledger import bench_ledger, bench_queries, markdown

    size_list = tuple(int(x) for x in sizes.split(","))
    if queries_only:
        click.echo(json.dumps(bench_queries(queries_only, size=max(size_list), seed=seed),
                              indent=2))
        return
    if no_sqlite and not pg:
        raise click.UsageError("--no-sqlite needs --pg URL")
    dbs = [*([] if no_sqlite else ["sqlite"]), *([pg] if pg else [])]
    result = bench_ledger(dbs=dbs, sizes=size_list, seed=seed, keep=keep)
    _print_json_or(result, as_json, lambda r: click.echo(markdown(r)))


@bench.command("scale", context_settings=CONTEXT)
@click.option("--articles", default=200, show_default=True, help="Generated ~600-word articles.")
@click.option("--workers", default=2, show_default=True, help="Workers of the larger cluster.")
@click.option("--repeat", default=1, show_default=True, help="Interleaved runs; fastest kept.")
@click.option("--batch-size", default=8, show_default=True, help="Articles per Dask task.")
@click.option("--ledger", "with_ledger", is_flag=True, help="Ingest end to end into a SQLite ledger.")
@click.option("--no-single", is_flag=True, help="Skip the 1-worker reference run.")
@click.option("--data", type=click.Path(file_okay=False, path_type=Path), default=None,
              help="Source articles to vary (default: examples/).")
@click.option("--model", metavar="NAME", envvar="COUNTERCLAIM_MODEL",
              help="spaCy pipeline to use (default: the best installed English pipeline).")
@click.option("--json", "as_json", is_flag=True, help="Print the figures as JSON.")
@handle_errors
def bench_scale_command(articles, workers, repeat, batch_size, with_ledger, no_single, data,
                        model, as_json):
    """Dask LocalCluster with N workers vs 1 worker on the same articles: speed-up, rate and
    peak memory per worker."""
    from .eval.bench_scale import print_scale, run_scale

    result = run_scale(articles=articles, workers=workers, data=data, model=model,
                       batch_size=batch_size, ledger=with_ledger, single=not no_single,
                       repeat=repeat)
    _print_json_or(result, as_json, print_scale)


@bench.command("load", context_settings=CONTEXT)
@click.option("--clients", default=200, show_default=True, help="Concurrent loopback clients.")
@click.option("--seconds", default=30.0, show_default=True, help="Length of the run (bounded).")
@click.option("--db", default=None, help="Ledger to serve (default: a temporary synthetic one).")
@click.option("--articles", default=300, show_default=True, help="Synthetic ledger size.")
@click.option("--json", "as_json", is_flag=True, help="Print the figures as JSON.")
@handle_errors
def bench_load_command(clients, seconds, db, articles, as_json):
    """A bounded load on a server started on 127.0.0.1 only: requests served, latency, errors."""
    from .eval.load import main as run_load

    argv = ["--clients", str(clients), "--seconds", str(seconds), "--articles", str(articles)]
    argv += ["--db", db] if db else []
    argv += ["--json"] if as_json else []
    sys.exit(run_load(argv) or 0)


# --- eval -----------------------------------------------------------------------------------


@cli.group("eval", context_settings=CONTEXT)
def eval_group():
    """Score counterclaim against public datasets (read from ../shared/datasets by default)."""


def _data_option(default_hint: str):
    return click.option("--data", type=click.Path(path_type=Path), default=None,
                        help=f"Dataset path (default: {default_hint}).")


def _print_json_or(result: dict, as_json: bool, printer) -> None:
    if as_json:
        click.echo(json.dumps(result, indent=2, default=str))
    else:
        printer(result)


@eval_group.command("time", context_settings=CONTEXT)
@_data_option("../shared/datasets/time, with timebank/ and aquaint/")
@click.option("--baseline/--no-baseline", default=True, show_default=True,
              help="Also score naive dateparser.search_dates in the same run.")
@click.option("--json", "as_json", is_flag=True, help="Print the figures as JSON.")
@handle_errors
def eval_time(data, baseline, as_json):
    """Recognition F1 and value accuracy of DATE expressions on TimeML corpora.

    Each document's creation time is the published date relative dates resolve against.
    """
    from .eval.time import evaluate_time, markdown_table

    _print_json_or(evaluate_time(data, baseline=baseline), as_json,
                   lambda r: click.echo(markdown_table(r)))


@eval_group.command("attribution", context_settings=CONTEXT)
@_data_option("../shared/datasets/polnear")
@click.option("--split", type=click.Choice(["train", "dev"]), default="dev", show_default=True,
              help="Public split to score (the test split is scored independently).")
@click.option("--compare", type=click.Choice(["textacy"]), multiple=True,
              help="Run a peer on the same texts in the same run.")
@click.option("--limit", type=int, default=None, help="Only the first N articles.")
@click.option("--json", "as_json", is_flag=True, help="Print the figures as JSON.")
@handle_errors
def eval_attribution(data, split, compare, limit, as_json):
    """Source, cue and content P/R/F1 (exact and partial) and triple F1 on PolNeAR.

    One annotator's file per article; claims in the outlet's own voice are not scored.
    """
    from rich.console import Console

    from .eval.attribution import DEFAULT_DATA, attribution_table, evaluate_attribution

    result = evaluate_attribution(data_dir=data or DEFAULT_DATA, split=split,
                                  systems=("counterclaim", *compare), limit=limit)

    def show(r):
        console = Console()
        console.print(attribution_table(r))
        for name, reason in r.get("skipped", {}).items():
            console.print(f"skipped {name}: {reason}")

    _print_json_or(result, as_json, show)


@eval_group.command("status", context_settings=CONTEXT)
@click.option("--data", type=click.Path(path_type=Path), default=Path("tests/data/status"),
              show_default=True, help="Folder of hand-annotated articles (.txt + .json gold).")
@click.option("--misses", is_flag=True, help="List every wrong status and missed relation.")
@click.option("--model", metavar="NAME", envvar="COUNTERCLAIM_MODEL",
              help="spaCy pipeline to use (default: the best installed English pipeline).")
@click.option("--json", "as_json", is_flag=True, help="Print the figures as JSON.")
@handle_errors
def eval_status(data, misses, model, as_json):
    """Per-status precision/recall and relation P/R/F1 on the project's own gold set."""
    from .eval.status import evaluate_status, print_status_table

    _print_json_or(evaluate_status(data, model_name=model), as_json,
                   lambda r: print_status_table(r, misses=misses))


@eval_group.command("geo", context_settings=CONTEXT)
@click.argument("paths", nargs=-1, type=click.Path(path_type=Path), metavar="[DATASET.xml]...")
@_data_option("../shared/datasets/geo, with lgl/, geowebnews/ and geovirus/")
@click.option("--limit", type=int, default=None, help="Only the first N articles of each set.")
@click.option("--half", type=click.Choice(["even", "odd"]), default=None,
              help="Only the even- or odd-numbered articles (develop on one, check on the other).")
@click.option("--json", "as_json", is_flag=True, help="Print the figures as JSON.")
@handle_errors
def eval_geo(paths, data, limit, half, as_json):
    """Toponym resolution (accuracy within 161 km, median error) and recognition P/R/F1 on
    LGL, GeoWebNews and GeoVirus. A gold toponym not found or not placed counts as a miss."""
    from .eval.geo import DEFAULT_DATA, evaluate_all, evaluate_geo

    results = ([evaluate_geo(p, limit=limit, half=half) for p in paths] if paths
               else evaluate_all(data or DEFAULT_DATA, limit=limit, half=half))

    def show(rows):
        from rich.console import Console
        from rich.table import Table

        table = Table(title="geoparsing")
        for col in ("dataset", "articles", "gold", "acc@161km", "median km", "P", "R", "F1", "articles/s"):
            table.add_column(col)
        for r in rows:
            rec = r.get("recognition", {})
            table.add_row(r["dataset"], str(r["articles"]), str(r.get("toponyms_with_coords", "")),
                          f"{r.get('acc161', 0):.3f}", str(r.get("median_km")),
                          f"{rec.get('precision', 0):.3f}", f"{rec.get('recall', 0):.3f}",
                          f"{rec.get('f1', 0):.3f}", str(r.get("articles_per_s")))
        Console().print(table)

    _print_json_or(results, as_json, show)


@eval_group.command("events", context_settings=CONTEXT)
@_data_option("../shared/datasets/petrarch/PETR2_GSR_validation.xml")
@click.option("--json", "as_json", is_flag=True, help="Print the figures as JSON.")
@handle_errors
def eval_events(data, as_json):
    """Event typing on the PETRARCH-2 validation sentences: CAMEO roots mapped to the ACLED
    taxonomy (mapping in counterclaim.eval.events), agreement with a keyword baseline row."""
    from .eval.events import evaluate_petrarch

    result = evaluate_petrarch(data) if data else evaluate_petrarch()
    _print_json_or(result, as_json, lambda r: click.echo(json.dumps(r, indent=2, default=str)))


@eval_group.command("5w1h", context_settings=CONTEXT)
@_data_option("../shared/datasets/giveme5w1h")
@click.option("--json", "as_json", is_flag=True, help="Print the figures as JSON.")
@handle_errors
def eval_5w1h(data, as_json):
    """Where and when of each article's main event against Giveme5W1H gold answers."""
    from .eval.events import evaluate_5w1h

    result = evaluate_5w1h(data) if data else evaluate_5w1h()
    _print_json_or(result, as_json, lambda r: click.echo(json.dumps(r, indent=2, default=str)))


@eval_group.command("stance", context_settings=CONTEXT)
@click.option("--data", type=click.Path(path_type=Path), required=True,
              help="../shared/datasets/fnc1 (FNC-1 hold-out split by body, with the FNC-1 "
              "baseline row) or ../shared/datasets/emergent (cross-validated by claim).")
@click.option("--json", "as_json", is_flag=True, help="Print the figures as JSON.")
@handle_errors
def eval_stance(data, as_json):
    """FNC relative score, macro-F1 and per-class F1 (FNC-1), or accuracy and macro-F1
    (Emergent), training on the public training split only."""
    from .eval.stance import evaluate_stance, stance_report_markdown

    _print_json_or(evaluate_stance(data), as_json, lambda r: click.echo(stance_report_markdown(r)))


@eval_group.command("fuzz", context_settings=CONTEXT)
@click.option("--seconds", default=60, show_default=True, help="Total fuzzing time.")
@click.option("--target", default="all", show_default=True,
              help="Reader to fuzz: all, text, html, stdin, warc or dateline.")
@click.option("--out", type=click.Path(file_okay=False, path_type=Path),
              default=Path("fuzz-findings"), show_default=True,
              help="Folder for inputs that crash, hang or exceed the memory limit.")
@handle_errors
def eval_fuzz(seconds, target, out):
    """Coverage-guided fuzzing (atheris) of the readers for a bounded time."""
    from .eval.fuzz import main as run_fuzz

    sys.exit(run_fuzz(["--seconds", str(seconds), "--target", target, "--out", str(out)]) or 0)


@eval_group.command("matching", context_settings=CONTEXT)
@_data_option("../shared/datasets/emergent")
@click.option("--limit", type=int, default=None, help="Only the first N headlines.")
@click.option("--json", "as_json", is_flag=True, help="Print the figures as JSON.")
@handle_errors
def eval_matching(data, limit, as_json):
    """Claim matching across articles on Emergent headlines: pairwise P/R/F1 of the ledger's
    claim clusters against claimId, and stance toward the cluster vs for/against/observing,
    with a naive row (fuzzy headline grouping; "for" everywhere) in the same run."""
    from .eval.matching import evaluate_matching

    kwargs = {"data_dir": data} if data else {}
    result = evaluate_matching(limit=limit, **kwargs)
    _print_json_or(result, as_json, lambda r: click.echo(json.dumps(r, indent=2, default=str)))


def main() -> None:
    try:
        cli(prog_name="counterclaim")
    except KeyboardInterrupt:
        _fail("interrupted", 130)


if __name__ == "__main__":
    main()
