"""Quotes of a Dask DataFrame, one task per partition (needs the ``dask`` extra).

Import it explicitly: ``import quoteattr.dask``.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from .frame import empty_frame
from .frame import extract_frame as _frame

if TYPE_CHECKING:
    import dask.dataframe as dd
    import pandas as pd


def extract_frame(ddf: dd.DataFrame, text_col: str = "text", id_col: str = "id", *,
                  kinds: str = "speech") -> dd.DataFrame:
    """Lazily, the quotes of ``ddf[text_col]``: one row per quote, as
    :func:`quoteattr.extract_frame` gives for a pandas DataFrame.

    Each partition becomes one task, run in whichever process the scheduler picks
    (e.g. the workers of a ``distributed`` cluster); the result's ``meta`` is declared,
    so nothing is computed until asked.
    """
    if text_col not in ddf.columns:
        raise KeyError(f"no column {text_col!r} (columns: {list(ddf.columns)})")
    if id_col not in ddf.columns:
        raise KeyError(f"no column {id_col!r} (columns: {list(ddf.columns)})")
    meta = empty_frame(ddf[id_col].dtype)
    return ddf.map_partitions(_quotes_of_partition, text_col, id_col, kinds, meta=meta,
                              enforce_metadata=False, align_dataframes=False)


def _quotes_of_partition(part: pd.DataFrame, text_col: str, id_col: str,
                         kinds: str) -> pd.DataFrame:
    """One task: the quotes of one pandas partition."""
    return _frame(part, text_col, id_col, kinds=kinds)
