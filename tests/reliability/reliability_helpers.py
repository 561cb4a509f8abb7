"""Helpers for the reliability tests: the CLI as a bounded subprocess, the example corpus."""

from __future__ import annotations

import os
import resource
import subprocess
import sys

from samples import SMALL_CORPUS

# Seven articles: the small sample corpus plus a rebuttal of a denial.
CORPUS_FILES = [*SMALL_CORPUS, "mw-2026-03-05-fhf-rejects-army-denial.txt"]

# Address space per CLI process: spaCy, the model and a 10 MB input fit well inside.
MEMORY_LIMIT_BYTES = int(os.environ.get("CC_TEST_MEMORY_LIMIT", 3_000_000_000))


def _limit_memory() -> None:
    resource.setrlimit(resource.RLIMIT_AS, (MEMORY_LIMIT_BYTES, MEMORY_LIMIT_BYTES))


def cli_command(*args: str) -> list[str]:
    return [sys.executable, "-m", "counterclaim.cli", *args]


def run_cli(*args: str, timeout: float = 300, **kw) -> subprocess.CompletedProcess:
    """Run ``counterclaim ARGS`` in a fresh process with bounded memory and time."""
    env = {**os.environ, "COLUMNS": "80"}  # as in a log file: rich wraps at 80 columns
    env.pop("COUNTERCLAIM_DEBUG", None)
    return subprocess.run(cli_command(*args), capture_output=True, text=True, timeout=timeout,
                          env=env, preexec_fn=_limit_memory, **kw)


def start_cli(*args: str) -> subprocess.Popen:
    env = {**os.environ}
    env.pop("COUNTERCLAIM_DEBUG", None)
    return subprocess.Popen(cli_command(*args), stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                            text=True, env=env, preexec_fn=_limit_memory)


def peak_child_rss_mb() -> float:
    """Largest resident set of any finished child process so far (Linux reports KiB)."""
    return resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
