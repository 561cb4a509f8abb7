"""Scale: runs read -> analyze -> ledger on a Dask cluster; no NLP logic of its own.

- ``ingest_dask(paths, ledger, dask="local:2", out=None, ...)``: ``counterclaim ingest
  --dask``; reports go to the ledger in input order, or to Parquet partitions under ``out``.
- ``load_parquet(directory, ledger)``: ``counterclaim load DIR``; idempotent.

Needs the ``scale`` extra (dask, distributed, pyarrow). See docs/scale.md.
"""

from __future__ import annotations


def ingest_dask(*args, **kwargs):
    from .cluster import require_dask

    require_dask()
    from .driver import ingest_dask as run

    return run(*args, **kwargs)


def load_parquet(*args, **kwargs):
    from .parquet import load_parquet as run

    return run(*args, **kwargs)


__all__ = ["ingest_dask", "load_parquet"]
