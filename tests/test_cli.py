"""The command line over many files: streaming JSONL, workers, progress, errors."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest

import quoteattr
from quoteattr.cli import main

TEXTS = ['"We will win," Jane Smith said.', "Nothing quoted here.",
         'Ann Lee told Bob Hart: "Leave now." "Fine," he said.',
         '“It is late,” said Dr. Mary Olsen. “Go home.”']


@pytest.fixture
def files(tmp_path: Path) -> list[str]:
    paths = []
    for k, text in enumerate(TEXTS * 3):
        path = tmp_path / f"doc{k:02d}.txt"
        path.write_text(text, encoding="utf-8")
        paths.append(str(path))
    return paths


def _jsonl(out: str) -> list[dict]:
    return [json.loads(line) for line in out.splitlines()]


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_many_files_jsonl(files: list[str], jobs: str,
                          capsys: pytest.CaptureFixture[str]) -> None:
    assert main([*files, "--format", "jsonl", "-j", jobs]) == 0
    captured = capsys.readouterr()
    rows = _jsonl(captured.out)
    want = [(name, q.to_dict()) for name in files
            for q in quoteattr.extract(Path(name).read_text(encoding="utf-8"))]
    assert [(r.pop("source"), r) for r in rows] == want
    assert captured.err == ""  # not a terminal: no progress bar


def test_progress_forced(files: list[str], capsys: pytest.CaptureFixture[str]) -> None:
    pytest.importorskip("tqdm")
    assert main([*files, "--format", "jsonl", "--progress"]) == 0
    assert f"{len(files)}/{len(files)}" in capsys.readouterr().err


def test_unreadable_file_stops_in_order(files: list[str], tmp_path: Path,
                                        capsys: pytest.CaptureFixture[str]) -> None:
    missing = str(tmp_path / "missing.txt")
    assert main([files[0], missing, files[1], "--format", "jsonl", "-j", "2"]) == 2
    captured = capsys.readouterr()
    assert [r["source"] for r in _jsonl(captured.out)] == [files[0]]
    assert "missing.txt" in captured.err


def test_csv_and_table(files: list[str], capsys: pytest.CaptureFixture[str]) -> None:
    assert main([*files[:2], "--format", "csv"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[0].startswith("source,id,start,end,speaker")
    assert len(lines) == 2 and "Jane Smith" in lines[1]
    assert main(files[:1]) == 0
    assert "Jane Smith" in capsys.readouterr().out


def test_evaluate_option(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    text = '"We will win," Jane Smith said. "No," said Paul Jones.'
    gold = {"id": "a", "text": text, "quotes": [
        {"start": 1, "end": 13, "speaker": "Jane Smith", "kind": "direct"},
        {"start": 33, "end": 36, "speaker": "Ann Lee", "kind": "direct"}]}
    path = tmp_path / "gold.jsonl"
    path.write_text(json.dumps(gold) + "\n", encoding="utf-8")
    assert main(["--evaluate", str(path), "--format", "json", "-j", "2"]) == 0
    scores = json.loads(capsys.readouterr().out)
    assert scores["quotes"]["tp"] == 2
    assert (scores["speakers_right"], scores["speakers_total"]) == (1, 2)
    assert main(["--evaluate", str(tmp_path / "none.jsonl")]) == 2
    assert "none.jsonl" in capsys.readouterr().err


def test_progress_when_stderr_is_a_terminal(files: list[str], monkeypatch: pytest.MonkeyPatch,
                                            capsys: pytest.CaptureFixture[str]) -> None:
    pytest.importorskip("tqdm")
    monkeypatch.setattr(sys.stderr, "isatty", lambda: True)
    assert main([*files, "--format", "jsonl"]) == 0
    err = capsys.readouterr().err
    assert f"{len(files)}/{len(files)}" in err
    assert main([*files, "--format", "jsonl", "--no-progress"]) == 0
    assert capsys.readouterr().err == ""
