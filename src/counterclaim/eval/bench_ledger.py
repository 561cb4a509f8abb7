"""Ledger benchmark: ingest synthetic, already analysed reports (no NLP) and time queries.

One database per backend is filled progressively; at each checkpoint size it records the
marginal ingest cost (ms per article over the last tenth of the articles before it), the
database size, and the p95 latency of every query. The growth figure compares the marginal
cost at the largest checkpoint with the one ten times smaller (target <= 1.3): a near-linear
ingest keeps it near 1.
"""

from __future__ import annotations

import itertools
import json
import os
import platform
import tempfile
import time
import uuid
from collections.abc import Sequence
from pathlib import Path

import sqlalchemy
from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url

from ..errors import DataError
from ..ledger import Ledger
from ..ledger.synthetic import generate
from .cpu import cpu_seconds

BATCH = 200
QUERY_RUNS = 25


def _fresh_postgres(server_url: str) -> tuple[str, callable]:
    """A new database on the server at ``server_url``, and a function that drops it."""
    name = f"cc_bench_{uuid.uuid4().hex[:10]}"
    admin = create_engine(server_url, isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(text(f'CREATE DATABASE "{name}"'))
    url = make_url(server_url).set(database=name).render_as_string(hide_password=False)

    def drop():
        with admin.connect() as conn:
            conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        admin.dispose()

    return url, drop


def _cpu_clock(ledger: Ledger, path: str | None):
    """A function returning CPU seconds used so far by the ingest: this process, plus, for a
    PostgreSQL server on this machine, the server processes serving this database (its
    backends and autovacuum workers, read from pg_stat_activity; a backend that has exited
    keeps its last reading). Other databases on the same server are not counted, nor the
    server's shared writers. CPU time, unlike wall time, does not follow the machine's load."""
    if path:
        return cpu_seconds
    seen: dict[int, float] = {}
    query = text("SELECT pid FROM pg_stat_activity WHERE datname = current_database()")

    def clock() -> float:
        with ledger.engine.connect() as conn:
            pids = conn.execute(query).scalars().all()
        for pid in pids:
            used = cpu_seconds(pid)
            if used is not None:  # else exited, or a server on another machine: last reading
                seen[pid] = used
        return cpu_seconds() + sum(seen.values())

    return clock


def _db_size(ledger: Ledger, path: str | None) -> int:
    if path:
        return sum(os.path.getsize(p) for p in (path, path + "-wal") if os.path.exists(p))
    with ledger.engine.connect() as conn:
        return conn.execute(text("SELECT pg_database_size(current_database())")).scalar()


def _query_suite(sample) -> dict:
    """Each query with a few argument sets drawn from the ingested reports."""
    people = [c.source.text for r in sample for c in r.claims if c.source.kind == "named"][:5]
    places = [p.name for r in sample for p in r.places][:5]
    outlets = [r.article.outlet for r in sample][:5]
    groups = [e.aliases[0] for r in sample for e in r.entities if e.aliases][:5]
    ids = [r.article.id for r in sample][:5]
    return {
        "disputes": [{}, {"offset": 100}],
        "disputes(entity)": [{"entity": g} for g in groups],
        "disputes(place)": [{"place": p} for p in places],
        "claims": [{}, {"offset": 200}, {"status": "attributed"}],
        "claims(source)": [{"source": p} for p in people],
        "claims(outlet)": [{"outlet": o} for o in outlets],
        "entity": [{"name": p} for p in people[:3] + groups[:2]],
        "timeline(entity)": [{"entity": g} for g in groups],
        "timeline(place)": [{"place": p} for p in places],
        "articles": [{}, {"outlet": outlets[0]}],
        "article": [{"article_id": i} for i in ids],
        "search": [{"q": w} for w in ("captured", "civilians killed", "market drones",
                                       "aid workers abducted")],
    }


def _time_queries(ledger: Ledger, suite: dict) -> dict:
    methods = {"article": ledger.article, "entity": ledger.entity, "search": ledger.search}
    latencies = {}
    for name, argsets in suite.items():
        method = methods.get(name) or getattr(ledger, name.split("(")[0])
        times = []
        for run in range(QUERY_RUNS):
            kwargs = argsets[run % len(argsets)]
            start = time.perf_counter()
            method(**kwargs)
            times.append((time.perf_counter() - start) * 1000)
        times.sort()
        latencies[name] = round(times[int(0.95 * (len(times) - 1))], 1)
    return latencies


def _run_backend(kind: str, url: str, path: str | None, sizes: Sequence[int], seed: int,
                 per_day: int, progress=None) -> dict:
    checkpoints, timings = [], []
    ledger = Ledger(url, stance=None)
    reports = generate(max(sizes), seed=seed, per_day=per_day)
    sample, done, total = [], 0, 0.0
    cpu = _cpu_clock(ledger, path)
    try:
        for size in sorted(sizes):
            while done < size:
                batch = [next(reports) for _ in range(min(BATCH, size - done))]
                sample = sample or batch[:50]
                start, start_cpu = time.perf_counter(), cpu()
                ledger.add_many(batch, batch_size=50)
                elapsed = time.perf_counter() - start
                total += elapsed
                timings.append((len(batch), elapsed, cpu() - start_cpu))
                done += len(batch)
                if progress:
                    progress(kind, done, round(elapsed * 1000 / len(batch), 2))
            tail = timings[-max(1, len(timings) // 10):]
            checkpoints.append({
                **ledger.stats().model_dump(),  # stored counts (duplicates are "present")
                "size": size, "ingest_s": round(total, 1),
                "articles_per_s": round(size / total, 1),
                "marginal_ms_per_article": round(1000 * sum(t for _, t, _ in tail)
                                                 / sum(n for n, _, _ in tail), 2),
                "marginal_cpu_ms_per_article": round(1000 * sum(c for _, _, c in tail)
                                                     / sum(n for n, _, _ in tail), 2),
                "db_mb": round(_db_size(ledger, path) / 1e6, 1),
                "p95_ms": _time_queries(ledger, _query_suite(sample))})
    finally:
        ledger.close()
    return {"backend": kind, "checkpoints": checkpoints}


def _keep_for_api(path: str, size: int, seed: int, per_day: int) -> None:
    """Mark a kept SQLite ledger as filled, so ``bench api --db PATH`` reuses it as is."""
    from .bench_api import FILL_PER_DAY

    if per_day == FILL_PER_DAY:  # the same reports as bench api's fill would generate
        Path(f"{path}.bench-fill.json").write_text(json.dumps({"seed": seed,
                                                               "generated": size}))


def bench_ledger(dbs: Sequence[str] = ("sqlite",), sizes: Sequence[int] = (1000, 10000, 100000),
                 seed: int = 0, per_day: int = 100, keep: str | None = None,
                 progress=None) -> dict:
    """Benchmark ingest and queries on each backend in ``dbs``.

    dbs: "sqlite" (a temporary file) and/or PostgreSQL server URLs
        (``postgresql+psycopg://user@host/db``), on which a temporary database is created.
    per_day: synthetic articles per day (news volume; matching looks back 30 days).
    keep: a file path where the SQLite ledger is built and kept (instead of a temporary
        file), e.g. for ``bench api --db`` or ``bench_queries``; it must not exist yet.
    progress: called as ``progress(backend, articles done, ms per article of the batch)``.
    """
    runs = []
    for db in dbs:
        if db == "sqlite" and keep:
            if Path(keep).exists():
                raise DataError("refusing to add a benchmark to an existing file", location=keep)
            runs.append(_run_backend("sqlite", keep, keep, sizes, seed, per_day, progress))
            _keep_for_api(keep, max(sizes), seed, per_day)
        elif db == "sqlite":
            with tempfile.TemporaryDirectory() as folder:
                path = str(Path(folder) / "bench.db")
                runs.append(_run_backend("sqlite", path, path, sizes, seed, per_day, progress))
        else:
            url, drop = _fresh_postgres(db)
            try:
                runs.append(_run_backend("postgresql", url, None, sizes, seed, per_day,
                                         progress))
            finally:
                drop()
    for run in runs:
        points = {c["size"]: c for c in run["checkpoints"]}
        largest = max(points)
        if largest // 10 in points:
            for key, name in (("marginal_ms_per_article", "growth_ratio"),
                              ("marginal_cpu_ms_per_article", "growth_ratio_cpu")):
                run[name] = round(points[largest][key] / points[largest // 10][key], 2)
    return {"python": platform.python_version(), "sqlalchemy": sqlalchemy.__version__,
            "machine": platform.machine(), "cpus": os.cpu_count(), "seed": seed,
            "per_day": per_day, "runs": runs}


def bench_queries(db: str, size: int, seed: int = 0, per_day: int = 100) -> dict:
    """p95 of every query on an existing benchmark ledger (built with ``keep``), with the
    arguments ``bench_ledger`` draws: re-measures queries after a change, without re-ingesting.

    size, seed, per_day: those the ledger was built with (they fix the sample reports).
    """
    sample = list(itertools.islice(generate(size, seed=seed, per_day=per_day), 50))
    with Ledger(db, stance=None) as ledger:
        return {"db": db, **ledger.stats().model_dump(),
                "p95_ms": _time_queries(ledger, _query_suite(sample))}


def markdown(result: dict) -> str:
    """The result as Markdown tables: ingest per checkpoint, then query p95 at the largest."""
    lines = ["| backend | articles | articles/s | marginal ms/article | marginal CPU ms/article "
             "| DB MB | clusters | disputed |", "|---|---:|---:|---:|---:|---:|---:|---:|"]
    for run in result["runs"]:
        for c in run["checkpoints"]:
            lines.append(f"| {run['backend']} | {c['size']} | {c['articles_per_s']} | "
                         f"{c['marginal_ms_per_article']} | "
                         f"{c.get('marginal_cpu_ms_per_article', '')} | {c['db_mb']} | {c['clusters']} | "
                         f"{c['disputed']} |")
        if "growth_ratio" in run:
            lines.append(f"| {run['backend']} | growth (largest / tenth) | | "
                         f"{run['growth_ratio']} | {run.get('growth_ratio_cpu', '')} | | | |")
    names = list(result["runs"][0]["checkpoints"][-1]["p95_ms"]) if result["runs"] else []
    lines += ["", "| query (p95 ms, largest size) | " + " | ".join(
        r["backend"] for r in result["runs"]) + " |",
        "|---|" + "---:|" * len(result["runs"])]
    for name in names:
        lines.append(f"| {name} | " + " | ".join(
            str(r["checkpoints"][-1]["p95_ms"][name]) for r in result["runs"]) + " |")
    return "\n".join(lines)
