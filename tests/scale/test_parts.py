"""The pieces of a Dask run that need no cluster: --dask parsing and Parquet partitions."""

from __future__ import annotations

import pytest

pytest.importorskip("pyarrow")

from counterclaim.errors import DataError, InputError  # noqa: E402
from counterclaim.ingest import IngestSummary  # noqa: E402
from counterclaim.read import read_text  # noqa: E402
from counterclaim.scale.cluster import local_workers  # noqa: E402
from counterclaim.scale.parquet import (  # noqa: E402
    load_parquet, partition_name, partitions, read_rows, write_partition)


@pytest.mark.parametrize("spec, workers", [("local:3", 3), ("local:1", 1),
                                           ("tcp://scheduler:8786", None)])
def test_dask_spec_names_local_workers_or_an_address(spec, workers):
    assert local_workers(spec) == workers


def test_local_without_a_count_uses_every_cpu():
    assert local_workers("local") >= 1


@pytest.mark.parametrize("spec", ["local:0", "locale", "scheduler:8786", "local:x"])
def test_bad_dask_spec_is_an_input_error(spec):
    with pytest.raises(InputError):
        local_workers(spec)


def batch(start: int, texts: list[str]):
    return [(start + i, read_text(text), f"in/{start + i}.txt") for i, text in enumerate(texts)]


def test_partition_names_sort_in_input_order_and_depend_on_the_articles():
    early = batch(9, ["The FHF said Vorna was calm.", "The army denied it."])
    late = batch(10, ["Kessen market reopened, officials said."])
    assert partition_name(early) < partition_name(late)
    assert partition_name(early) == partition_name(batch(9, ["The FHF said Vorna was calm.",
                                                             "The army denied it."]))
    assert partition_name(early) != partition_name(batch(9, ["Dalmar fell, the army said."]))


def test_partition_rows_round_trip(tmp_path):
    rows = [{"seq": 0, "article_id": "a1", "report_json": "{}", "location": "x.txt",
             "error": None},
            {"seq": 1, "article_id": "a2", "report_json": None, "location": "y.txt",
             "error": "article too long"}]
    path = write_partition(str(tmp_path), "part-000000000-abc.parquet", rows)
    assert list(read_rows(partitions(tmp_path)[0])) == rows
    assert [p.name for p in tmp_path.iterdir()] == ["part-000000000-abc.parquet"]  # no temp
    assert path.endswith(".parquet")


def test_failed_rows_are_reported_by_load(tmp_path):
    write_partition(str(tmp_path), "part-000000000-abc.parquet", [
        {"seq": 0, "article_id": "a2", "report_json": None, "location": "y.txt",
         "error": "article too long"}])
    summary = load_parquet(tmp_path, ledger=None)
    assert isinstance(summary, IngestSummary)
    assert summary.failed == [("y.txt", "article too long")] and summary.stored == 0


def test_load_refuses_a_missing_directory_or_a_foreign_file(tmp_path):
    with pytest.raises(DataError):
        load_parquet(tmp_path / "nowhere", ledger=None)
    (tmp_path / "part-1.parquet").write_bytes(b"not parquet")
    with pytest.raises(DataError, match="part-1.parquet"):
        load_parquet(tmp_path, ledger=None)
