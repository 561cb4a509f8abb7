"""A bounded loopback load test of the server: many concurrent clients reading for a while.

    python -m counterclaim.eval.load --clients 200 --seconds 30            # synthetic ledger
    python -m counterclaim.eval.load --db counterclaim.db --json

The server runs in its own process (uvicorn on 127.0.0.1 only, a free port) over the ledger
given, or over a temporary one filled with ``ledger.synthetic`` reports. ``--clients`` httpx
async clients then request a mix of JSON and HTML read endpoints for ``--seconds`` and the
latencies are reported: p50/p95/p99/max, requests per second, and errors (a status of 500 or
more, a timeout or a broken connection). Exit code 1 when there was any error.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import random
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HOST = "127.0.0.1"
DB_ENV = "COUNTERCLAIM_LOAD_DB"
PATHS = ["/api/disputes", "/api/claims?limit=20", "/api/articles?limit=20", "/api/entities",
         "/api/search?q=army", "/api/events", "/api/places", "/api/timeline", "/disputes",
         "/claims", "/api/claims?status=alleged&limit=5", "/api/disputes?entity=FHF"]


def make_app():
    """The app over the ledger named by ``COUNTERCLAIM_LOAD_DB`` (uvicorn ``--factory``)."""
    from counterclaim.ledger import Ledger
    from counterclaim.serve import create_app

    return create_app(Ledger(os.environ[DB_ENV], stance=None))


def synthetic_ledger(folder: Path, articles: int) -> str:
    from counterclaim.ledger import Ledger
    from counterclaim.ledger.synthetic import generate

    db = str(folder / "load.db")
    with Ledger(db, stance=None) as ledger:
        ledger.add_many(generate(articles, seed=10, start="2026-01-01", per_day=20))
    return db


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind((HOST, 0))
        return sock.getsockname()[1]


def start_server(db: str, port: int) -> subprocess.Popen:
    command = [sys.executable, "-m", "uvicorn", "counterclaim.eval.load:make_app", "--factory",
               "--host", HOST, "--port", str(port), "--log-level", "warning",
               "--backlog", "2048", "--timeout-keep-alive", "60"]
    # A keep-alive shorter than a client's wait lets the server close a connection just as
    # the client reuses it (httpx ReadError): a race of the test, not a server failure.
    return subprocess.Popen(command, env={**os.environ, DB_ENV: db})


async def wait_until_up(base: str, server: subprocess.Popen, timeout: float = 120) -> None:
    import httpx

    deadline = time.monotonic() + timeout
    async with httpx.AsyncClient() as client:
        while time.monotonic() < deadline:
            if server.poll() is not None:
                raise RuntimeError(f"the server exited with code {server.returncode}")
            try:
                if (await client.get(base + "/api/claims?limit=1")).status_code == 200:
                    return
            except httpx.TransportError:
                pass
            await asyncio.sleep(0.2)
    raise RuntimeError("the server did not answer within {timeout} s")


async def client_loop(client, base: str, paths: list[str], stop: float, rng: random.Random,
                      latencies: list[float], statuses: dict, errors: list[str]) -> None:
    import httpx

    while time.monotonic() < stop:
        path = rng.choice(paths)
        started = time.perf_counter()
        try:
            response = await client.get(base + path)
            await response.aread()
        except httpx.HTTPError as error:
            errors.append(f"{path}: {type(error).__name__}")
            continue
        latencies.append(time.perf_counter() - started)
        statuses[response.status_code] = statuses.get(response.status_code, 0) + 1
        if response.status_code >= 500:
            errors.append(f"{path}: HTTP {response.status_code}")


async def run_load(base: str, clients: int, seconds: float, timeout: float) -> dict:
    import httpx

    latencies: list[float] = []
    statuses: dict[int, int] = {}
    errors: list[str] = []
    limits = httpx.Limits(max_connections=clients, max_keepalive_connections=clients)
    async with httpx.AsyncClient(limits=limits, timeout=timeout) as client:
        paths = PATHS + await article_paths(client, base)
        stop = time.monotonic() + seconds
        started = time.perf_counter()
        await asyncio.gather(*(client_loop(client, base, paths, stop, random.Random(n),
                                           latencies, statuses, errors)
                               for n in range(clients)))
        elapsed = time.perf_counter() - started
    return summarise(latencies, statuses, errors, clients, elapsed)


async def article_paths(client, base: str) -> list[str]:
    rows = (await client.get(base + "/api/articles?limit=20")).json().get("items", [])
    return [f"/api/articles/{row['id']}" for row in rows if "id" in row]


def summarise(latencies: list[float], statuses: dict, errors: list[str], clients: int,
              elapsed: float) -> dict:
    ordered = sorted(latencies)

    def percentile(p: float) -> float | None:
        if not ordered:
            return None
        return round(1000 * ordered[min(len(ordered) - 1, int(p / 100 * len(ordered)))], 1)

    return {"clients": clients, "seconds": round(elapsed, 1), "requests": len(latencies),
            "requests_per_s": round(len(latencies) / elapsed, 1) if elapsed else None,
            "p50_ms": percentile(50), "p95_ms": percentile(95), "p99_ms": percentile(99),
            "max_ms": round(1000 * ordered[-1], 1) if ordered else None,
            "mean_ms": round(1000 * statistics.fmean(ordered), 1) if ordered else None,
            "statuses": {str(k): v for k, v in sorted(statuses.items())},
            "errors": len(errors), "error_examples": sorted(set(errors))[:10]}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--clients", type=int, default=200)
    parser.add_argument("--seconds", type=float, default=30)
    parser.add_argument("--db", help="ledger to serve (default: a temporary synthetic one)")
    parser.add_argument("--articles", type=int, default=300, help="synthetic ledger size")
    parser.add_argument("--timeout", type=float, default=30, help="per request, seconds")
    parser.add_argument("--json", action="store_true", help="print the figures as JSON")
    args = parser.parse_args(argv)

    with tempfile.TemporaryDirectory(prefix="cc-load-") as folder:
        db = args.db or synthetic_ledger(Path(folder), args.articles)
        port = free_port()
        base = f"http://{HOST}:{port}"
        server = start_server(db, port)
        try:
            asyncio.run(wait_until_up(base, server))
            result = asyncio.run(run_load(base, args.clients, args.seconds, args.timeout))
        finally:
            server.terminate()
            server.wait(timeout=30)
    if args.json:
        print(json.dumps(result, indent=2))
    else:
        print(f"{result['clients']} clients, {result['seconds']} s: {result['requests']} "
              f"requests ({result['requests_per_s']}/s), p50 {result['p50_ms']} ms, "
              f"p95 {result['p95_ms']} ms, p99 {result['p99_ms']} ms, max {result['max_ms']} ms, "
              f"errors {result['errors']}; statuses {result['statuses']}")
        for example in result["error_examples"]:
            print(f"  error: {example}")
    return 1 if result["errors"] else 0


if __name__ == "__main__":
    sys.exit(main())
