"""Connecting to Dask: ``local[:N]`` starts a LocalCluster here, ``tcp://host:port`` joins a
running scheduler. Either way each worker gets the pipeline plugin, so it loads the spaCy
pipeline once, when it starts (and again only if it is restarted)."""

from __future__ import annotations

import contextlib
import logging
import os
import re
from typing import Iterator

from ..errors import CounterclaimError, InputError

LOCAL = re.compile(r"^local(?::(\d+))?$")
# One analysis thread per worker process: spaCy holds the GIL, threads would only contend.
THREADS_PER_WORKER = 1


class ClusterError(CounterclaimError):
    """The Dask cluster could not be reached or started."""

    exit_code = 1
    code = "cluster_error"


def require_dask() -> None:
    try:
        import distributed  # noqa: F401
    except ImportError:
        raise InputError("--dask needs the scale extra: pip install 'counterclaim[scale]'") \
            from None


def local_workers(spec: str) -> int | None:
    """Workers asked for by ``local[:N]`` (N defaults to the CPU count); None for an address."""
    match = LOCAL.match(spec.strip())
    if not match:
        if "://" not in spec:
            raise InputError(f"--dask {spec!r}: expected local, local:N or an address such as "
                             "tcp://scheduler:8786")
        return None
    workers = int(match.group(1) or os.cpu_count() or 1)
    if workers < 1:
        raise InputError(f"--dask {spec!r}: need at least one worker")
    return workers


@contextlib.contextmanager
def open_client(spec, *, model: str | None = None, memory_limit: str | None = "auto"
                ) -> Iterator["distributed.Client"]:  # noqa: F821
    """A Dask client for ``spec`` with the pipeline plugin registered on every worker.

    spec: ``local``, ``local:N``, a scheduler address, or a ``distributed.Client`` to use
        as it is (it is left open).
    memory_limit: per worker of a LocalCluster ("auto": the machine's memory / N). A worker
        above 95% of it is restarted by its nanny and its tasks run again elsewhere.
    """
    require_dask()
    from distributed import Client, LocalCluster

    from .worker import PipelinePlugin

    if not isinstance(spec, str):
        spec.register_plugin(PipelinePlugin(model))
        yield spec
        return
    workers = local_workers(spec)
    with contextlib.ExitStack() as stack:
        try:
            if workers is not None:
                cluster = stack.enter_context(LocalCluster(
                    n_workers=workers, threads_per_worker=THREADS_PER_WORKER, processes=True,
                    memory_limit=memory_limit, dashboard_address=":0",
                    silence_logs=logging.ERROR))
                client = stack.enter_context(Client(cluster))
            else:
                client = stack.enter_context(Client(spec, timeout="30s"))
        except (OSError, TimeoutError) as error:
            raise ClusterError(f"cannot reach Dask at {spec}: {error}") from None
        client.register_plugin(PipelinePlugin(model))
        yield client
