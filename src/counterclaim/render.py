"""Readable terminal output of reports (rich tables)."""

from __future__ import annotations

import csv
import json
import sys
from contextlib import contextmanager

from rich.console import Console
from rich.progress import Progress, SpinnerColumn, TextColumn, TimeElapsedColumn
from rich.table import Table
from rich.text import Text

from .model import Report

STATUS_STYLE = {
    "asserted": "white", "attributed": "cyan", "reported": "yellow", "alleged": "magenta",
    "purported": "bold red", "hedged": "bright_black",
}



def _shorten(text: str, width: int = 160) -> str:
    text = " ".join(text.split())
    return text if len(text) <= width else text[: width - 1] + "…"


def _header(report: Report) -> Text:
    a = report.article
    head = Text(a.title or "(untitled)", style="bold")
    bits = []
    if a.dateline:
        d = a.dateline
        bits.append(" ".join(x for x in (d.place, d.date or d.date_text, d.agency and f"({d.agency})") if x))
    bits += [x for x in (a.outlet, a.published, a.url) if x]
    if bits:
        head.append("\n" + " · ".join(bits), style="dim")
    if a.hashtags:
        head.append("\n" + " ".join(a.hashtags), style="dim")
    head.append(f"\narticle {a.id} · {len(report.all_claims())} claims · {len(report.entities)} entities"
                f" · {len(report.relations)} relations", style="dim")
    return head


def print_report(report: Report, out: Console | None = None) -> None:
    out = out or Console(highlight=False)  # made per call so it sees the current terminal
    out.print(_header(report))
    names = {e.id: e.name for e in report.entities}
    related: dict[str, list[str]] = {}
    for rel in report.relations:
        because = f" ({rel.evidence})" if rel.evidence else ""
        related.setdefault(rel.to, []).append(f"{rel.type} by {rel.from_}{because}")
        related.setdefault(rel.from_, []).append(f"{rel.type} {rel.to}{because}")
    table = Table(show_lines=False, expand=True, pad_edge=False)
    table.add_column("id", style="dim", no_wrap=True)
    table.add_column("status", no_wrap=True)
    table.add_column("source", ratio=2)
    table.add_column("cue / channel", ratio=1)
    table.add_column("mode", no_wrap=True)
    table.add_column("claim", ratio=5)
    for claim in report.all_claims():
        source = claim.source
        who = "(outlet)" if source.kind == "outlet" else (source.text or f"({source.kind})")
        if source.entity and names.get(source.entity) and names[source.entity] not in who:
            who += f" → {names[source.entity]}"
        if source.kind not in ("named", "outlet"):
            who += f" [{source.kind}]"
        cue = " / ".join(x for x in ((claim.cue.text if claim.cue else None), claim.channel) if x)
        text = Text(_shorten(claim.text))
        extras = ["headline"] if claim.field == "title" else []
        if claim.hedges:
            extras.append("hedges: " + ", ".join(claim.hedges))
        if claim.negated:
            extras.append("negated")
        if claim.loaded_terms:
            extras.append("loaded: " + ", ".join(
                f"{t.text} ({t.category}, {t.voice})" for t in claim.loaded_terms))
        if claim.id in related:
            extras.append("; ".join(related[claim.id]))
        if extras:
            text.append("\n" + " · ".join(extras), style="italic dim")
        table.add_row(claim.id, Text(claim.status, style=STATUS_STYLE.get(claim.status, "")),
                      Text(who), Text(cue), claim.mode, text)
    out.print(table)
    out.print()


@contextmanager
def ingest_progress(enabled: bool = True):
    """A live line on stderr: articles seen, new, failed, and the rate."""
    if not enabled:
        yield None
        return
    stderr = Console(stderr=True)
    columns = (SpinnerColumn(), TextColumn("{task.description}"), TimeElapsedColumn())
    with Progress(*columns, console=stderr, transient=False) as bar:
        task = bar.add_task("starting", total=None)

        def update(summary) -> None:
            rate = summary.seen / summary.seconds if summary.seconds else 0.0
            bar.update(task, description=(
                f"{summary.seen} articles · {summary.new} new · {summary.present} present · "
                f"{summary.syndicated} syndicated · {len(summary.failed)} failed · "
                f"{rate:.1f} articles/s"))

        yield update


def print_ingest_summary(summary, out: Console | None = None) -> None:
    out = out or Console(stderr=True, highlight=False)
    out.print(Text(
        f"{summary.new} new, {summary.present} already present, {summary.syndicated} "
        f"syndicated copies, {len(summary.failed)} failed "
        f"({summary.seconds:.1f} s, {summary.seen / summary.seconds if summary.seconds else 0:.1f} articles/s)"))
    for location, message in summary.failed:
        out.print(Text(f"  failed: {message}" if location in message else f"  failed: {location}: {message}",
                       style="red"), soft_wrap=True)  # one line per failure, even in a log


# --- ledger query results --------------------------------------------------------------------

_COLUMNS = {
    "disputes": [("last seen", "last_seen"), ("claim", "text"), ("asserted by", "claimants"),
                 ("denied/contradicted by", "deniers"), ("outlets", "outlets"),
                 ("stories", "n_stories")],
    "claims": [("day", "day"), ("status", "status"), ("source", "source"), ("cue", "cue"),
               ("claim", "text"), ("outlets", "outlets")],
    "timeline": [("day", "day"), ("kind", "kind"), ("text", "text"), ("parties", "parties"),
                 ("disputed", "disputed"), ("outlet", "outlet")],
}


def _cell(value) -> str:
    if value is None:
        return ""
    if isinstance(value, list):
        return "; ".join(_cell(v) for v in value)
    if hasattr(value, "name") and hasattr(value, "id"):
        return value.name
    if isinstance(value, dict):
        return value.get("name") or json.dumps(value, ensure_ascii=False)
    return str(value)


def print_rows(rows, fmt: str, *, kind: str) -> None:
    """Query results as a table, JSON (a list) or CSV (one row per result)."""
    if fmt == "json":
        print(json.dumps([r.model_dump(mode="json") for r in rows], indent=2, ensure_ascii=False))
        return
    if fmt == "csv":
        writer = None
        for row in rows:
            flat = {k: _cell(v) for k, v in row.model_dump().items()}
            if writer is None:
                writer = csv.DictWriter(sys.stdout, fieldnames=list(flat))
                writer.writeheader()
            writer.writerow(flat)
        return
    table = Table(expand=True, title=f"{len(rows)} {kind}")
    columns = _COLUMNS[kind]
    for header, _ in columns:
        table.add_column(header, ratio=4 if header in ("claim", "text") else 1)
    for row in rows:
        table.add_row(*(Text(_shorten(_cell(getattr(row, key)), 200)) for _, key in columns))
    Console(highlight=False).print(table)


def print_entity(profile, fmt: str) -> None:
    if fmt == "json":
        print(profile.model_dump_json(indent=2))
        return
    if fmt == "csv":
        print_rows(profile.claimed + profile.about, "csv", kind="claims")
        return
    e = profile.entity
    out = Console(highlight=False)
    out.print(Text(f"{e.name} ({e.type})", style="bold"))
    if e.aliases or e.roles:
        out.print(Text(f"aliases: {', '.join(e.aliases) or '-'} · roles: {', '.join(e.roles) or '-'}",
                       style="dim"))
    for title, rows in (("claimed", profile.claimed), ("claimed about them", profile.about)):
        out.print(Text(f"\n{title}: {len(rows)}", style="bold"))
        print_rows(rows, "table", kind="claims")
    out.print(Text(f"\ndenied or contradicted: {len(profile.denied)}", style="bold"))
    print_rows(profile.denied, "table", kind="disputes")
