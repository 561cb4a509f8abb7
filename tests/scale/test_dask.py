"""Ingest on a Dask LocalCluster (2 worker processes) leaves the same ledger as a
single-process ingest; failures are reported, not fatal; Parquet output loads back."""

from __future__ import annotations

import os
import signal

import pytest

pytest.importorskip("distributed")
pytest.importorskip("pyarrow")

from counterclaim.ingest import ingest  # noqa: E402
from counterclaim.ledger import Ledger  # noqa: E402
from counterclaim.scale import ingest_dask, load_parquet  # noqa: E402
from samples import SMALL_CORPUS, copy_corpus  # noqa: E402

pytestmark = [pytest.mark.model, pytest.mark.slow]

FILES = SMALL_CORPUS
# Low enough that the invented long article below fails in analysis, not in reading.
MAX_CHARS = 20_000
LONG_TEXT = ("Ostrian army spokesman Piet Halvorsen said on Tuesday that troops had retaken "
             "the ridge road north of Kessen, a claim the Free Highlands Front denied. ") * 160


@pytest.fixture(scope="module")
def client():
    """Two single-threaded worker processes, started once for the module (slow to start)."""
    from distributed import Client, LocalCluster

    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("COUNTERCLAIM_MAX_CHARS", str(MAX_CHARS))  # inherited by the workers
        with LocalCluster(n_workers=2, threads_per_worker=1, processes=True,
                          dashboard_address=":0") as cluster, Client(cluster) as client:
            yield client


@pytest.fixture()
def corpus(tmp_path, monkeypatch):
    monkeypatch.setenv("COUNTERCLAIM_MAX_CHARS", str(MAX_CHARS))
    folder = copy_corpus(tmp_path / "corpus", FILES)
    return folder


def add_failures(folder) -> None:
    """One input that cannot be read, and one too long to analyze."""
    (folder / "empty.txt").write_text("  \n")
    (folder / "zz-long.txt").write_text(LONG_TEXT)


def snapshot(db: str) -> dict:
    with Ledger(db, stance=None) as ledger:
        ids = sorted(a.id for a in ledger.articles(limit=1000))
        return {"stats": ledger.stats().model_dump(), "articles": ids,
                "reports": {i: ledger.article(i).to_dict() for i in ids},
                "claims": sorted(c.text for c in ledger.claims(limit=1000))}


def single_process(corpus, tmp_path) -> tuple[dict, object]:
    db = str(tmp_path / "single.db")
    summary = ingest([str(corpus)], Ledger(db, stance=None))
    return snapshot(db), summary


def test_dask_ingest_equals_single_process_ingest(corpus, tmp_path, client):
    expected, _ = single_process(corpus, tmp_path)
    db = str(tmp_path / "dask.db")
    summary = ingest_dask([str(corpus)], Ledger(db, stance=None), dask=client, batch_size=1)
    assert not summary.failed
    assert summary.new + summary.syndicated == len(FILES)
    assert snapshot(db) == expected
    assert len(summary.workers) == 2  # both workers took batches, each reported its memory
    assert all(w["peak_rss"] > 0 for w in summary.workers.values())


def test_failing_articles_are_reported_and_the_rest_is_stored(corpus, tmp_path, client):
    add_failures(corpus)
    expected, single = single_process(corpus, tmp_path)
    db = str(tmp_path / "dask.db")
    summary = ingest_dask([str(corpus)], Ledger(db, stance=None), dask=client, batch_size=4)
    failed = dict(summary.failed)
    assert set(failed) == set(dict(single.failed))
    assert any(loc.endswith("empty.txt") for loc in failed)
    assert any(loc.endswith("zz-long.txt") and "longer than" in msg for loc, msg in failed.items())
    assert snapshot(db) == expected


def test_parquet_partitions_load_into_the_same_ledger_idempotently(corpus, tmp_path, client):
    add_failures(corpus)
    expected, _ = single_process(corpus, tmp_path)
    out = tmp_path / "parts"
    written = ingest_dask([str(corpus)], None, dask=client, out=str(out), batch_size=3)
    assert written.written == len(FILES) and written.partitions == len(list(out.iterdir()))
    db = str(tmp_path / "loaded.db")
    loaded = load_parquet(out, Ledger(db, stance=None))
    assert loaded.new + loaded.syndicated == len(FILES)
    assert [loc for loc, _ in loaded.failed] == [str(corpus / "zz-long.txt")]
    assert snapshot(db) == expected
    again = load_parquet(out, Ledger(db, stance=None))
    assert again.present == len(FILES) and snapshot(db) == expected
    rerun = ingest_dask([str(corpus)], None, dask=client, out=str(out), batch_size=3)
    assert rerun.partitions == 0 and rerun.skipped_partitions == written.partitions


def test_a_killed_worker_s_batches_run_again(corpus, tmp_path, client):
    expected, _ = single_process(corpus, tmp_path)
    pids = client.run(os.getpid)  # worker address -> process id
    killed = []

    def kill_one_worker(summary) -> None:
        if not killed and summary.stored >= 1:  # mid-run: other batches are in flight
            pid = next(iter(pids.values()))
            os.kill(pid, signal.SIGKILL)
            killed.append(pid)

    db = str(tmp_path / "dask.db")
    summary = ingest_dask([str(corpus)], Ledger(db, stance=None), dask=client, batch_size=1,
                          progress=kill_one_worker)
    assert killed and not summary.failed
    assert snapshot(db) == expected
    client.wait_for_workers(2, timeout=120)
    assert killed[0] not in client.run(os.getpid).values()  # the nanny started a new one
