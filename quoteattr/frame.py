"""Quotes as a pandas DataFrame, one row per quote (needs the ``pandas`` extra)."""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING, Any

from .batch import extract_many
from .cast import Characters
from .model import Extraction

if TYPE_CHECKING:
    import pandas as pd

#: Output columns and their dtypes (``string`` and ``Int64`` are pandas' nullable dtypes).
#: ``id`` is the document's id and takes the dtype of the input's id column;
#: ``speaker_id`` and ``addressee_id`` point at the document's speaker records
#: (:attr:`Extraction.speakers`): ids local to the document, not to the corpus.
COLUMNS: dict[str, str] = {
    "id": "int64",
    "quote_id": "int64",
    "start": "int64",
    "end": "int64",
    "text": "string",
    "speaker": "string",
    "speaker_start": "Int64",
    "speaker_end": "Int64",
    "speaker_id": "Int64",
    "cue": "string",
    "addressee": "string",
    "addressee_id": "Int64",
    "kind": "string",
    "paragraph": "int64",
    "confidence": "float64",
    "rule": "string",
}


def extract_frame(data: pd.DataFrame | Extraction, text_col: str = "text",
                  id_col: str | None = "id", *, kinds: str = "speech",
                  characters: Characters | None = None, reported: bool = False,
                  n_jobs: int = 1,
                  progress: bool = False) -> pd.DataFrame:
    """The quotes of every text in ``data[text_col]``, one row per quote.

    Args:
        data: a DataFrame with a text column, or one :class:`Extraction` (its rows get
            ``id`` 0).
        text_col: the column holding the texts.
        id_col: the column identifying each text, copied to the ``id`` column; ``None``
            uses the DataFrame's index.
        kinds, characters, reported, n_jobs, progress: as for :func:`~quoteattr.extract_many`
            (one cast for every text).

    Returns:
        A DataFrame with the columns and dtypes of :data:`COLUMNS`, documents in input
        order and quotes in document order, and a fresh ``RangeIndex``.
    """
    import pandas as pd

    if isinstance(data, Extraction):
        return quotes_frame([data], pd.Series([0], dtype="int64"))
    if not isinstance(data, pd.DataFrame):
        raise TypeError(f"extract_frame() needs a DataFrame or an Extraction, "
                        f"got {type(data).__name__}")
    for col in (text_col, id_col):
        if col is not None and col not in data.columns:
            raise KeyError(f"no column {col!r} (columns: {list(data.columns)}); "
                           "id_col=None uses the index")
    ids = data.index.to_series() if id_col is None else data[id_col]
    texts = (_text(t) for t in data[text_col])
    results = extract_many(texts, kinds=kinds, characters=characters, reported=reported,
                           n_jobs=n_jobs,
                           progress=progress, total=len(data))
    return quotes_frame(results, ids)


def _text(value: Any) -> Any:
    """A missing text (None, NaN, NA) counts as an empty one."""
    if isinstance(value, str):
        return value
    import pandas as pd

    return "" if pd.isna(value) is True else value


def quotes_frame(results: Iterable[Extraction], ids: pd.Series) -> pd.DataFrame:
    """One row per quote of ``results``, each tagged with the matching value of ``ids``."""
    import pandas as pd

    rows: dict[str, list[Any]] = {name: [] for name in COLUMNS}
    for doc_id, result in zip(ids, results, strict=True):
        for q in result:
            speaker_start, speaker_end = q.speaker_span or (None, None)
            values = (doc_id, q.id, q.start, q.end, q.text, q.speaker, speaker_start,
                      speaker_end, q.speaker_id, q.cue, q.addressee, q.addressee_id, q.kind,
                      q.paragraph, q.confidence, q.rule)
            for column, value in zip(rows.values(), values, strict=True):
                column.append(value)
    dtypes = dict(COLUMNS, id=ids.dtype)
    return pd.DataFrame({name: pd.Series(values, dtype=dtypes[name])
                         for name, values in rows.items()})


#: Columns of :func:`speakers_frame` (one row per speaker record of a document).
SPEAKER_COLUMNS: dict[str, str] = {
    "id": "int64",
    "speaker_id": "int64",
    "name": "string",
    "kind": "string",
    "gender": "string",
    "quotes": "int64",
    "addressed": "int64",
    "roles": "string",
    "affiliations": "string",
    "aliases": "string",
}


def speakers_frame(results: Iterable[Extraction], ids: Iterable[Any] | None = None
                   ) -> pd.DataFrame:
    """One row per speaker record (:attr:`Extraction.speakers`) of each result, tagged with
    its document's ``id`` (from ``ids``, else 0, 1, ...): columns :data:`SPEAKER_COLUMNS`;
    roles, affiliations and aliases joined by "; "."""
    import pandas as pd

    rows: dict[str, list[Any]] = {name: [] for name in SPEAKER_COLUMNS}
    doc_ids = iter(ids) if ids is not None else None
    for k, result in enumerate(results):
        doc_id = next(doc_ids) if doc_ids is not None else k
        for s in result.speakers:
            values = (doc_id, s.id, s.name, s.kind, s.gender, len(s.quotes), len(s.addressed),
                      "; ".join(s.roles), "; ".join(s.affiliations),
                      "; ".join(form for form, _ in s.aliases))
            for column, value in zip(rows.values(), values, strict=True):
                column.append(value)
    dtypes = dict(SPEAKER_COLUMNS)
    if rows["id"] and not all(isinstance(v, int) for v in rows["id"]):
        dtypes["id"] = "object"
    return pd.DataFrame({name: pd.Series(values, dtype=dtypes[name])
                         for name, values in rows.items()})


def empty_frame(id_dtype: Any = "int64") -> pd.DataFrame:
    """A frame with no rows and the output's columns and dtypes."""
    import pandas as pd

    return quotes_frame([], pd.Series([], dtype=id_dtype))
