"""Bounded time per article: an analysis that runs past its limit stops with a clear error.

spaCy gives no way to interrupt a parse, so the limit is a real-time interval timer
(``SIGALRM``). It applies in a process's main thread on POSIX systems; elsewhere (threads,
Dask worker threads, Windows) it is off, and the size limits on input still bound the work.
"""

from __future__ import annotations

import os
import signal
import threading
from contextlib import contextmanager

from ..errors import InputError

DEFAULT_MAX_SECONDS = 120.0


class AnalysisTimeout(InputError):
    code = "analysis_timeout"


def max_seconds() -> float:
    """Seconds allowed per article: ``COUNTERCLAIM_MAX_SECONDS`` (0 turns the limit off)."""
    return float(os.environ.get("COUNTERCLAIM_MAX_SECONDS", DEFAULT_MAX_SECONDS))


@contextmanager
def time_limit(seconds: float | None, what: str = "article"):
    seconds = max_seconds() if seconds is None else seconds
    usable = (seconds and seconds > 0 and hasattr(signal, "setitimer")
              and threading.current_thread() is threading.main_thread())
    if not usable:
        yield
        return

    def expire(signum, frame):
        raise AnalysisTimeout(f"analysis took longer than {seconds:g} s "
                              "(set COUNTERCLAIM_MAX_SECONDS to change)", location=what)

    previous = signal.signal(signal.SIGALRM, expire)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)
