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
            _fail(f"internal error: {type(exc).__name__}: {exc} "
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
@click.option("--compare", type=click.Choice(["textacy"]), multiple=True,
              help="Also time textacy's direct_quotations on the same texts.")
@click.option("--repeat", default=3, show_default=True,
              help="Runs per pipeline, interleaved; the fastest of each counts.")
@click.option("--model", metavar="NAME", envvar="COUNTERCLAIM_MODEL")
@click.option("--json", "as_json", is_flag=True, help="Print the figures as JSON.")
@handle_errors
def bench_speed(data, articles, processes, compare, repeat, model, as_json):
    """Articles/s of the full analysis vs the bare spaCy pipeline on the same texts.

    Both run in one process, back to back, on the same texts and process count; on a shared
    machine read the ratio, not the seconds.
    """
    from .eval.bench import print_speed, run_speed

    result = run_speed(data, articles=articles, processes=processes, compare=compare,
                       model_name=model, repeat=repeat)
    click.echo(json.dumps(result, indent=2)) if as_json else print_speed(result)


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


def main() -> None:
    try:
        cli(prog_name="counterclaim")
    except KeyboardInterrupt:
        _fail("interrupted", 130)


if __name__ == "__main__":
    main()
