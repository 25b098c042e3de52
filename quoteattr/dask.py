"""Quotes of a Dask DataFrame, one task per partition (needs the ``dask`` extra).

Import it explicitly: ``import quoteattr.dask``.
"""

from __future__ import annotations

from concurrent.futures import ProcessPoolExecutor
from typing import TYPE_CHECKING

from .batch import Options, _jobs, _pool, options
from .cast import Characters
from .frame import empty_frame
from .frame import extract_frame as _frame

if TYPE_CHECKING:
    import dask.dataframe as dd
    import pandas as pd


def extract_frame(ddf: dd.DataFrame, text_col: str = "text", id_col: str = "id", *,
                  kinds: str = "speech", characters: Characters | None = None,
                  reported: bool = False
                  ) -> dd.DataFrame:
    """Lazily, the quotes of ``ddf[text_col]``: one row per quote, as
    :func:`quoteattr.extract_frame` gives for a pandas DataFrame.

    Each partition becomes one task, run in whichever process the scheduler picks
    (e.g. the workers of a ``distributed`` cluster); the result's ``meta`` is declared,
    so nothing is computed until asked. ``kinds``, ``characters`` and ``reported`` are as
    for :func:`quoteattr.extract_many`: checked here, once, and sent with every task.
    """
    opts = options(kinds=kinds, characters=characters, reported=reported)
    if text_col not in ddf.columns:
        raise KeyError(f"no column {text_col!r} (columns: {list(ddf.columns)})")
    if id_col not in ddf.columns:
        raise KeyError(f"no column {id_col!r} (columns: {list(ddf.columns)})")
    meta = empty_frame(ddf[id_col].dtype)
    return ddf.map_partitions(_quotes_of_partition, text_col, id_col, opts, meta=meta,
                              enforce_metadata=False, align_dataframes=False)


def _quotes_of_partition(part: pd.DataFrame, text_col: str, id_col: str,
                         opts: Options) -> pd.DataFrame:
    """One task: the quotes of one pandas partition."""
    return _frame(part, text_col, id_col, **opts)


def process_pool(n_workers: int = -1) -> ProcessPoolExecutor:
    """Worker processes for Dask's ``processes`` scheduler that stay up from one
    ``compute()`` to the next, each with quoteattr prepared once (word lists, sentence
    splitter), before its first task.

    Without it that scheduler starts fresh interpreters for every ``compute()``, and each
    imports everything again. Pass it as ``compute(scheduler="processes", pool=pool)`` or
    with ``dask.config.set(scheduler="processes", pool=pool)``; shut it down when done (it
    is a context manager). ``n_workers`` reads as ``n_jobs`` does for
    :func:`~quoteattr.extract_many` (``-1``: one per CPU). A ``distributed`` cluster
    needs none of this: its worker processes stay up and keep what they prepared.
    """
    return _pool(_jobs(n_workers))
