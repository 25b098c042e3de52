"""characters= (a cast the user gives): accepted by every entry point, checked once, and
refused with a message naming the bad entry."""

from __future__ import annotations

import json
import pickle
import re
from pathlib import Path
from typing import Any

import pytest

import quoteattr
from quoteattr import batch
from quoteattr.cast import Entry, from_list, normalise
from quoteattr.cli import main

ROOT = Path(__file__).resolve().parent.parent
ARTICLE = (ROOT / "examples" / "healey_visit.txt").read_text(encoding="utf-8")

# a short story of our own: two speakers, one called by a nickname the cast knows
STORY = (
    '"Are you coming to the fair, V.?" asked Marya.\n\n'
    '"Not today," said V. "The roads are all mud."\n\n'
    '"Then I shall go alone," said Marya.\n\n'
    '"Go, then," said V.\n\n'
    '"I will," she cried, and ran off.\n'
)
CAST = [{"name": "Vasily Petrov", "aliases": ["V.", "Vasya"]}, "Marya"]


def _speakers(result: quoteattr.Extraction) -> list[str | None]:
    return [q.speaker for q in result]


# -- checking the cast ------------------------------------------------------------------

def test_names_as_plain_strings() -> None:
    got = quoteattr.extract('"We must go," said Elizabeth. "Now."',
                            characters=["Elizabeth Bennet"])
    assert _speakers(got) and set(_speakers(got)) == {"Elizabeth Bennet"}


def test_aliases_as_a_string_is_refused() -> None:
    with pytest.raises(TypeError, match=r"characters\[0\] \('Ivan Petrov'\): 'aliases'"):
        quoteattr.extract(STORY, characters=[{"name": "Ivan Petrov", "aliases": "Ivan"}])


@pytest.mark.parametrize("bad", [{"name": "Ivan"}, "Ivan", b"Ivan", 3])
def test_a_mapping_or_a_string_as_the_cast_is_refused(bad: Any) -> None:
    with pytest.raises(TypeError, match="characters must be a list"):
        quoteattr.extract(STORY, characters=bad)


@pytest.mark.parametrize(("bad", "where"), [
    ([{"aliases": ["V."]}], r"characters\[0\]"),
    (["Marya", {"name": "  "}], r"characters\[1\]"),
    (["Marya", "Olga", ""], r"characters\[2\]"),
])
def test_missing_or_empty_name_names_the_entry(bad: list[Any], where: str) -> None:
    with pytest.raises(ValueError, match=where + " needs a non-empty 'name'"):
        quoteattr.extract(STORY, characters=bad)


@pytest.mark.parametrize(("bad", "what"), [
    ([3], r"characters\[0\] must be a name"),
    (["Marya", {"name": 7}], r"characters\[1\]: 'name' must be a str"),
    ([{"name": "Marya", "aliases": ["Masha", 2]}], "each alias must be a str"),
    ([{"name": "Marya", "gender": 1}], "'gender' must be a str"),
])
def test_wrong_types_inside_an_entry(bad: list[Any], what: str) -> None:
    with pytest.raises(TypeError, match=what):
        normalise(bad)


def test_normalised_once_and_cheap_to_send() -> None:
    entries = normalise(CAST)
    assert entries == (Entry("Vasily Petrov", ("V.", "Vasya"), "-"), Entry("Marya", (), "-"))
    assert normalise(entries) is not None and normalise(entries) == entries  # idempotent
    assert pickle.loads(pickle.dumps(entries)) == entries
    assert len(pickle.dumps(batch.options(characters=CAST))) < 400


def test_the_cast_names_the_speakers() -> None:
    got = _speakers(quoteattr.extract(STORY, characters=CAST))
    assert got[:4] == ["Marya", "Vasily Petrov", "Vasily Petrov", "Marya"]
    assert from_list(CAST).lookup("Vasya") == from_list(normalise(CAST) or ()).lookup("V.")


def test_an_empty_cast_is_no_cast() -> None:
    """[] once moved a news article onto the fiction path ("Mr Healey", "Hegseth")."""
    plain = quoteattr.extract(ARTICLE)
    assert quoteattr.extract(ARTICLE, characters=[]) == plain
    assert quoteattr.extract(ARTICLE, characters=()) == plain
    assert "John Healey" in _speakers(plain)


# -- every entry point --------------------------------------------------------------------

def test_extract_many_takes_the_cast() -> None:
    want = quoteattr.extract(STORY, characters=CAST)
    got = list(quoteattr.extract_many([STORY, STORY], characters=CAST))
    assert got == [want, want]
    assert list(quoteattr.extract_many([ARTICLE], characters=[])) == [quoteattr.extract(ARTICLE)]


def test_extract_many_checks_the_cast_before_reading_texts() -> None:
    read: list[int] = []

    def texts() -> Any:
        read.append(1)
        yield STORY

    with pytest.raises(TypeError, match="'aliases'"):
        quoteattr.extract_many(texts(), characters=[{"name": "Ivan", "aliases": "Ivan"}])
    assert read == []


@pytest.mark.parametrize("one", ['"Go," said Ann.', b'"Go," said Ann.'])
def test_extract_many_refuses_one_string(one: Any) -> None:
    with pytest.raises(TypeError, match="iterable of texts"):
        quoteattr.extract_many(one)


def test_workers_get_the_cast(monkeypatch: pytest.MonkeyPatch) -> None:
    if batch._cores() < 2:
        pytest.skip("needs two CPUs")
    monkeypatch.setattr(batch, "PARALLEL_WORK", {"fork": 0, "fresh": 0})
    monkeypatch.setattr(batch, "BATCH_TEXTS", 2)
    want = quoteattr.extract(STORY, characters=CAST)
    got = list(quoteattr.extract_many([STORY] * 6, characters=CAST, n_jobs=2))
    assert got == [want] * 6


def test_extract_frame_takes_the_cast() -> None:
    pd = pytest.importorskip("pandas")
    df = pd.DataFrame({"id": [1, 2], "text": [STORY, ARTICLE]})
    out = quoteattr.extract_frame(df, characters=CAST)
    mine = out[out["id"] == 1]["speaker"].tolist()
    assert mine == _speakers(quoteattr.extract(STORY, characters=CAST))
    with pytest.raises(ValueError, match=r"characters\[0\]"):
        quoteattr.extract_frame(df, characters=[{"name": ""}])


def test_dask_extract_frame_takes_the_cast() -> None:
    pd = pytest.importorskip("pandas")
    dd = pytest.importorskip("dask.dataframe")
    import quoteattr.dask

    df = pd.DataFrame({"id": [1, 2, 3], "text": [STORY, "", STORY]})
    lazy = quoteattr.dask.extract_frame(dd.from_pandas(df, npartitions=2), characters=CAST)
    got = lazy.compute(scheduler="sync").reset_index(drop=True)
    want = quoteattr.extract_frame(df, characters=CAST)
    assert got["speaker"].tolist() == want["speaker"].tolist()
    assert "Vasily Petrov" in got["speaker"].tolist()
    with pytest.raises(TypeError, match="characters must be a list"):
        quoteattr.dask.extract_frame(dd.from_pandas(df, npartitions=1), characters="Marya")


def test_cli_cast_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    story, cast = tmp_path / "story.txt", tmp_path / "cast.json"
    story.write_text(STORY, encoding="utf-8")
    cast.write_text(json.dumps(CAST), encoding="utf-8")
    assert main([str(story), "--format", "jsonl", "--cast", str(cast)]) == 0
    got = [json.loads(line)["speaker"] for line in capsys.readouterr().out.splitlines()]
    assert got == _speakers(quoteattr.extract(STORY, characters=CAST))


@pytest.mark.parametrize(("content", "message"), [
    ('{"name": "Marya"}', "characters must be a list"),
    ('[{"name": "Ivan", "aliases": "Ivan"}]', "'aliases' must be a list"),
    ('["Marya", {"aliases": []}]', r"characters\[1\] needs a non-empty 'name'"),
    ('["Marya",', "not JSON"),
    (None, "No such file"),
])
def test_cli_bad_cast_one_line(content: str | None, message: str, tmp_path: Path,
                               capsys: pytest.CaptureFixture[str]) -> None:
    story, cast = tmp_path / "story.txt", tmp_path / "cast.json"
    story.write_text(STORY, encoding="utf-8")
    if content is not None:
        cast.write_text(content, encoding="utf-8")
    assert main([str(story), "--cast", str(cast)]) == 2
    captured = capsys.readouterr()
    assert captured.out == ""
    err = captured.err.strip()
    assert "\n" not in err and err.startswith("quoteattr: error: --cast ")
    assert re.search(message, err), err
