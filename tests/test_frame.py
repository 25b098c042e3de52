"""extract_frame: one row per quote, stable columns and dtypes."""

from __future__ import annotations

import pytest

import quoteattr
from quoteattr.frame import COLUMNS, empty_frame

pd = pytest.importorskip("pandas")

TEXTS = ['"We will win," Jane Smith said. "Mr Jones is right," said Paul Jones.',
         "Nothing quoted.",
         'Ann Lee told Bob Hart: "Leave now." “Fine,” he said.']


def _df() -> pd.DataFrame:
    return pd.DataFrame({"id": [10, 20, 30], "text": TEXTS, "other": ["a", "b", "c"]})


def _expected_dtypes(id_dtype: object) -> dict[str, object]:
    return {name: (id_dtype if name == "id" else pd.api.types.pandas_dtype(dtype))
            for name, dtype in COLUMNS.items()}


def test_rows_and_dtypes() -> None:
    out = quoteattr.extract_frame(_df())
    assert list(out.columns) == list(COLUMNS)
    assert dict(out.dtypes) == _expected_dtypes(pd.api.types.pandas_dtype("int64"))
    want = [(doc_id, q) for doc_id, t in zip((10, 20, 30), TEXTS, strict=True)
            for q in quoteattr.extract(t)]
    assert len(out) == len(want) == 4
    assert list(out.index) == list(range(4))
    for row, (doc_id, q) in zip(out.itertuples(index=False), want, strict=True):
        assert (row.id, row.quote_id, row.start, row.end, row.text) == \
            (doc_id, q.id, q.start, q.end, q.text)
        assert row.speaker == q.speaker and row.kind == q.kind and row.rule == q.rule
        assert (row.speaker_start, row.speaker_end) == q.speaker_span
    assert list(out["speaker"])[:3] == ["Jane Smith", "Paul Jones", "Ann Lee"]
    assert out["addressee"].iloc[2] == "Bob Hart"
    assert out["cue"].isna().sum() == 0


def test_missing_values_are_na() -> None:
    out = quoteattr.extract_frame(pd.DataFrame({"id": [1], "text": ['"Hello there."']}))
    assert len(out) == 1
    assert out["speaker"].isna().all() and out["speaker_start"].isna().all()
    assert out["speaker_start"].dtype == "Int64"


def test_single_result_converts() -> None:
    result = quoteattr.extract(TEXTS[0])
    out = quoteattr.extract_frame(result)
    assert list(out["text"]) == [q.text for q in result]
    assert set(out["id"]) == {0}
    assert dict(out.dtypes) == _expected_dtypes(pd.api.types.pandas_dtype("int64"))


def test_index_as_id_and_string_ids() -> None:
    df = _df().set_index(pd.Index(["x", "y", "z"]))
    out = quoteattr.extract_frame(df, id_col=None)
    assert list(out["id"]) == ["x", "x", "z", "z"]
    df2 = pd.DataFrame({"doc": ["a", "b", "c"], "body": TEXTS})
    out2 = quoteattr.extract_frame(df2, text_col="body", id_col="doc")
    assert out2["id"].dtype == df2["doc"].dtype
    assert list(out2["id"]) == ["a", "a", "c", "c"]


def test_empty_and_missing_texts() -> None:
    empty = quoteattr.extract_frame(pd.DataFrame({"id": [], "text": []}).astype(
        {"id": "int64", "text": "object"}))
    assert len(empty) == 0
    assert dict(empty.dtypes) == dict(empty_frame().dtypes)
    holes = quoteattr.extract_frame(pd.DataFrame({"id": [1, 2], "text": [None, TEXTS[0]]}))
    assert list(holes["id"]) == [2, 2]


def test_parallel_same_frame() -> None:
    pd.testing.assert_frame_equal(quoteattr.extract_frame(_df(), n_jobs=2),
                                  quoteattr.extract_frame(_df()))


def test_bad_arguments() -> None:
    with pytest.raises(KeyError, match="body"):
        quoteattr.extract_frame(_df(), text_col="body")
    with pytest.raises(KeyError, match="doc_id"):
        quoteattr.extract_frame(_df(), id_col="doc_id")
    with pytest.raises(TypeError, match="DataFrame"):
        quoteattr.extract_frame(TEXTS)  # type: ignore[arg-type]


def test_speaker_and_addressee_ids_point_at_the_documents_records() -> None:
    out = quoteattr.extract_frame(_df())
    assert out["speaker_id"].dtype == "Int64" and out["addressee_id"].dtype == "Int64"
    for doc_id, text in zip((10, 20, 30), TEXTS, strict=True):
        result = quoteattr.extract(text)
        rows = out[out["id"] == doc_id]
        assert len(rows) == len(result)
        for row, q in zip(rows.itertuples(index=False), result, strict=True):
            for col, name in (("speaker_id", q.speaker), ("addressee_id", q.addressee)):
                local = getattr(row, col)
                if name is None:
                    assert pd.isna(local)
                else:  # the id is the document's record of that person
                    record = result.speaker(int(local))
                    assert record is not None and record.name == name
    # ids are local to the document: the first person of every text is record 0
    assert out.groupby("id")["speaker_id"].min().tolist() == [0, 0]
    assert out["addressee_id"].notna().sum() == 1
