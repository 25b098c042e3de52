"""quoteattr.dask.extract_frame on a real two-process distributed cluster."""

from __future__ import annotations

import os

import pytest

import quoteattr
from quoteattr.frame import empty_frame

pd = pytest.importorskip("pandas")
dd = pytest.importorskip("dask.dataframe")
distributed = pytest.importorskip("distributed")
qdask = pytest.importorskip("quoteattr.dask")

TEXTS = ['"We will win," Jane Smith said.', "Nothing quoted.",
         'Ann Lee told Bob Hart: "Leave now." “Fine,” he said.',
         '“It is late,” said Dr. Mary Olsen. “Go home.”'] * 5


def _ddf() -> dd.DataFrame:
    df = pd.DataFrame({"id": range(len(TEXTS)), "text": TEXTS})
    return dd.from_pandas(df, npartitions=4)


def test_meta_is_declared_and_lazy() -> None:
    ddf = _ddf()
    out = qdask.extract_frame(ddf)
    assert out.npartitions == ddf.npartitions
    ours = [k for k in out.__dask_graph__() if str(k[0]).startswith("_quotes_of_partition")]
    assert sorted(k[1] for k in ours) == list(range(ddf.npartitions))  # one task each
    want = empty_frame(ddf["id"].dtype)
    assert list(out.columns) == list(want.columns)
    assert dict(out.dtypes) == dict(want.dtypes)


@pytest.mark.slow
def test_local_cluster_matches_local_run() -> None:
    ddf = _ddf()
    local = quoteattr.extract_frame(ddf.compute())
    with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True,
                                  dashboard_address=None) as cluster, \
            distributed.Client(cluster) as client:
        out = qdask.extract_frame(ddf).compute()
        workers = client.run(lambda: "quoteattr" in __import__("sys").modules)
    assert len(workers) == 2 and all(workers.values())
    pd.testing.assert_frame_equal(out.reset_index(drop=True), local)
    assert len(local) == sum(len(quoteattr.extract(t)) for t in TEXTS) > 0


def test_missing_columns() -> None:
    with pytest.raises(KeyError, match="body"):
        qdask.extract_frame(_ddf(), text_col="body")
    with pytest.raises(KeyError, match="doc"):
        qdask.extract_frame(_ddf(), id_col="doc")


def _probe() -> tuple[int, bool]:
    """In a worker: its pid, and whether quoteattr was already prepared there."""
    from quoteattr import lexicon

    return os.getpid(), lexicon.load.cache_info().currsize == 1


@pytest.mark.slow
def test_process_pool_prepares_each_worker_once() -> None:
    ddf = _ddf()
    local = quoteattr.extract_frame(ddf.compute())
    with qdask.process_pool(2) as pool:
        before = {pool.submit(_probe).result() for _ in range(6)}
        for _ in range(2):  # the same processes serve both computes
            out = qdask.extract_frame(ddf).compute(scheduler="processes", pool=pool)
            pd.testing.assert_frame_equal(out.reset_index(drop=True), local)
        after = {pool.submit(_probe).result() for _ in range(6)}
    assert all(prepared for _, prepared in before | after)
    pids = {pid for pid, _ in before | after}
    assert os.getpid() not in pids and 1 <= len(pids) <= 2
