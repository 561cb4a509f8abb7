"""``counterclaim bench api``: latency of the main HTTP endpoints over a large ledger.

The ledger is filled with the seeded synthetic generator (``ledger/synthetic.py``) up to
``articles`` reports; filling resumes where an earlier run stopped, because the generator is
deterministic. The server runs in its own process (uvicorn, one worker, loopback) so the
load generator does not share its interpreter; ``concurrency`` clients then send requests
round-robin over the endpoints for ``seconds`` and each endpoint's p50/p95 is reported.
"""

from __future__ import annotations

import asyncio
import itertools
import json
import os
import random
import socket
import statistics
import subprocess
import sys
import time
from collections import defaultdict
from pathlib import Path

from ..errors import DataError
from .cpu import cpu_seconds

DB_ENV = "COUNTERCLAIM_BENCH_DB"
CACHE_ENV = "COUNTERCLAIM_BENCH_CACHE_SECONDS"
FILL_PER_DAY = 100  # synthetic articles a day: the generator's default, as bench ledger's


def fill(ledger, articles: int, seed: int = 0, batch_size: int = 200,
         progress=None) -> int:
    """Add synthetic reports until ``articles`` have been generated into the ledger.

    Returns how many were generated now. Progress is kept beside a file ledger in
    ``<db>.bench-fill.json`` so a later run resumes (the generator is deterministic); adds are
    idempotent, so a lost marker only costs time.
    """
    from ..ledger.synthetic import generate

    marker = Path(f"{ledger.db}.bench-fill.json") if "://" not in ledger.db else None
    done = 0
    if marker and marker.exists():
        state = json.loads(marker.read_text())
        done = state["generated"] if state.get("seed") == seed else 0
    if done >= articles:
        return 0
    todo = itertools.islice(generate(articles, seed=seed, per_day=FILL_PER_DAY), done, None)
    added = 0
    while chunk := list(itertools.islice(todo, batch_size)):
        ledger.add_many(chunk, batch_size=batch_size)
        added += len(chunk)
        if marker:
            marker.write_text(json.dumps({"seed": seed, "generated": done + added}))
        if progress:
            progress(done + added)
    return added


def bench_app():
    """uvicorn factory for the server process: the app over the ledger named in DB_ENV."""
    from ..ledger import Ledger
    from ..serve import create_app

    return create_app(Ledger(os.environ[DB_ENV], stance=None),
                      cache_seconds=float(os.environ.get(CACHE_ENV, "30")))


def targets(ledger, rng: random.Random) -> dict[str, list[str]]:
    """For each endpoint, a few URLs with parameters drawn from the ledger's own contents."""
    articles = ledger.articles(limit=200)
    entities = [e.id for e in _top_entities(ledger)]
    words = [w for a in articles[:50] for w in (a.title or "").split() if len(w) > 4] or ["army"]
    pick = lambda seq, n=5: rng.sample(seq, min(n, len(seq))) or [""]  # noqa: E731
    return {
        "claims": ["/api/claims"],
        "claims?entity": [f"/api/claims?entity={e}" for e in pick(entities)],
        "claims?status": ["/api/claims?status=alleged", "/api/claims?status=attributed"],
        "disputes": ["/api/disputes"],
        "disputes?entity": [f"/api/disputes?entity={e}" for e in pick(entities)],
        "entities": ["/api/entities"],
        "entities/{id}": [f"/api/entities/{e}" for e in pick(entities)],
        "events": ["/api/events"],
        "places": ["/api/places?located=true"],
        "articles": ["/api/articles"],
        "articles/{id}": [f"/api/articles/{a.id}" for a in pick(articles, 20)],
        "search": [f"/api/search?q={w}" for w in pick(words)],
        "timeline": ["/api/timeline?limit=100"],
    }


def _top_entities(ledger):
    from ..serve.lookup import entities_list

    return entities_list(ledger.engine, limit=20)


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _start_server(db: str, port: int, workers: int,
                  cache_seconds: float = 30.0) -> subprocess.Popen:
    env = dict(os.environ, **{DB_ENV: db, CACHE_ENV: str(cache_seconds)})
    process = subprocess.Popen(
        [sys.executable, "-m", "uvicorn", "--factory", "counterclaim.eval.bench_api:bench_app",
         "--host", "127.0.0.1", "--port", str(port), "--log-level", "warning",
         "--no-access-log", "--workers", str(workers)], env=env)
    deadline = time.time() + 60
    while time.time() < deadline:
        if process.poll() is not None:
            raise DataError("the bench server exited at start", location=db)
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=0.5):
                return process
        except OSError:
            time.sleep(0.2)
    process.terminate()
    raise DataError("the bench server did not start within 60 s", location=db)


async def _load(base: str, urls: dict[str, list[str]], seconds: float,
                concurrency: int) -> dict[str, list[float]]:
    import httpx

    timings: dict[str, list[float]] = defaultdict(list)
    errors: dict[str, int] = defaultdict(int)
    # Endpoint by endpoint, each cycling through its URLs: every endpoint gets the same share
    # of requests, however many sample URLs it has.
    each = {name: itertools.cycle(options) for name, options in urls.items()}
    plan = ((name, next(each[name])) for name in itertools.cycle(urls))
    stop = time.perf_counter() + seconds

    async def client(http):
        while time.perf_counter() < stop:
            name, url = next(plan)
            start = time.perf_counter()
            response = await http.get(url)
            elapsed = time.perf_counter() - start
            if response.status_code != 200:
                errors[name] += 1
            timings[name].append(elapsed * 1000)

    limits = httpx.Limits(max_connections=concurrency)
    async with httpx.AsyncClient(base_url=base, limits=limits, timeout=60) as http:
        for options in urls.values():  # warm caches once, unmeasured
            await http.get(options[0])
        await asyncio.gather(*(client(http) for _ in range(concurrency)))
    return {"timings": timings, "errors": errors}


def _percentile(values: list[float], q: float) -> float:
    if len(values) == 1:
        return values[0]
    return statistics.quantiles(values, n=100, method="inclusive")[int(q) - 1]


def bench_api(db: str, *, articles: int = 100_000, seconds: float = 20.0,
              concurrency: int = 20, workers: int = 1, seed: int = 0, progress=None,
              cache_seconds: float = 30.0) -> dict:
    """Fill ``db`` to ``articles`` synthetic reports, serve it, load it; p50/p95 per endpoint.

    concurrency: clients sending requests back to back (the load is bounded by them).
    workers: uvicorn worker processes serving the ledger.
    cache_seconds: the server's answer cache (disputes, entity pages, aggregates); 0 turns
        it off, so every request reaches the database.
    """
    from ..ledger import Ledger

    with Ledger(db, stance=None) as ledger:
        started = time.perf_counter()
        added = fill(ledger, articles, seed=seed, progress=progress)
        fill_seconds = time.perf_counter() - started
        stats = ledger.stats()
        urls = targets(ledger, random.Random(seed))
    port = _free_port()
    server = _start_server(db, port, workers, cache_seconds)
    try:
        cpu_before = cpu_seconds(server.pid)
        result = asyncio.run(_load(f"http://127.0.0.1:{port}", urls, seconds, concurrency))
        cpu_used = cpu_seconds(server.pid) - cpu_before if cpu_before is not None else None
    finally:
        server.terminate()
        server.wait(timeout=30)
    n_requests = sum(len(values) for values in result["timings"].values()) + len(urls)
    rows = {name: {"n": len(values), "p50_ms": round(_percentile(values, 50), 1),
                   "p95_ms": round(_percentile(values, 95), 1),
                   "errors": result["errors"].get(name, 0)}
            for name, values in result["timings"].items() if values}
    return {"db": db, "articles": stats.articles, "claims": stats.claims,
            "added": added, "fill_seconds": round(fill_seconds, 1), "seconds": seconds,
            "concurrency": concurrency, "workers": workers, "cache_seconds": cache_seconds,
            "requests_per_second": round(sum(r["n"] for r in rows.values()) / seconds, 1),
            "server_cpu_ms_per_request": round(1000 * cpu_used / n_requests, 1)
            if cpu_used is not None and workers == 1 else None,
            "load_average": round(os.getloadavg()[0], 2), "endpoints": rows}


def print_api(result: dict) -> None:
    print(f"ledger: {result['articles']} articles, {result['claims']} claims "
          f"({result['added']} added in {result['fill_seconds']} s)")
    print(f"load: {result['concurrency']} concurrent clients for {result['seconds']} s, "
          f"{result['workers']} uvicorn worker(s) on loopback, "
          f"{result['requests_per_second']} requests/s")
    if result.get("server_cpu_ms_per_request") is not None:
        print(f"server CPU: {result['server_cpu_ms_per_request']} ms per request; "
              f"load average {result['load_average']}")
    print(f"{'endpoint':<18}{'requests':>9}{'p50 ms':>9}{'p95 ms':>9}{'errors':>8}")
    for name, row in result["endpoints"].items():
        print(f"{name:<18}{row['n']:>9}{row['p50_ms']:>9}{row['p95_ms']:>9}{row['errors']:>8}")
