"""CPU time of a process, the benches' steadier clock on a shared machine."""

from __future__ import annotations


def cpu_seconds(pid: int | None = None) -> float | None:
    """User + system CPU seconds used by process ``pid`` (this process by default); None when
    the process is gone or cannot be read. Module-level, so Dask can run it on workers."""
    import psutil

    try:
        times = psutil.Process(pid).cpu_times()
    except psutil.Error:
        return None
    return times.user + times.system
