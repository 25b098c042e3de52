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


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_bad_files_do_not_stop_the_run(files: list[str], tmp_path: Path, jobs: str,
                                       capsys: pytest.CaptureFixture[str]) -> None:
    missing = str(tmp_path / "missing.txt")
    latin = tmp_path / "latin.txt"
    latin.write_bytes('"Caf\xe9," she said.'.encode("latin-1"))
    bad = [missing, str(tmp_path), str(latin)]  # missing, a directory, not UTF-8
    assert main([files[0], *bad, files[1], files[2], "--format", "jsonl", "-j", jobs]) == 2
    captured = capsys.readouterr()
    assert [r["source"] for r in _jsonl(captured.out)] == [files[0], files[2], files[2]]
    err = captured.err.splitlines()
    assert len(err) == 3 and all(line.startswith("quoteattr: error: ") for line in err)
    assert [name in line for name, line in zip(bad, err, strict=True)] == [True] * 3
    assert "Traceback" not in captured.err


def test_input_over_max_bytes_is_skipped(files: list[str], tmp_path: Path,
                                         capsys: pytest.CaptureFixture[str]) -> None:
    from quoteattr.cli import MAX_BYTES, _parser

    assert _parser().parse_args([]).max_bytes == MAX_BYTES > 0  # on by default
    big = tmp_path / "big.txt"
    big.write_text(TEXTS[0] * 100, encoding="utf-8")
    zero = ["/dev/zero"] if Path("/dev/zero").exists() else []  # endless: must stop
    assert main([*zero, str(big), files[0], "--max-bytes", "2K", "--format", "jsonl"]) == 2
    captured = capsys.readouterr()
    assert [r["source"] for r in _jsonl(captured.out)] == [files[0]]
    err = captured.err.splitlines()
    assert len(err) == len(zero) + 1
    assert all("larger than 2,048 bytes" in line for line in err)
    assert "big.txt" in err[-1]
    assert main([str(big), "--max-bytes", "0", "--format", "jsonl"]) == 0  # 0: no limit
    assert len(_jsonl(capsys.readouterr().out)) == 100


def test_byte_order_mark_is_not_text(tmp_path: Path,
                                     capsys: pytest.CaptureFixture[str]) -> None:
    text = TEXTS[2]
    path = tmp_path / "bom.txt"
    path.write_bytes(b"\xef\xbb\xbf" + text.encode("utf-8"))
    assert main([str(path), "--format", "jsonl"]) == 0
    rows = _jsonl(capsys.readouterr().out)
    assert [r["start"] for r in rows] == [q.start for q in quoteattr.extract(text)]
    assert all(text[r["start"]:r["end"]] == r["text"] for r in rows) and rows


def test_stdin_mark_and_cap(monkeypatch: pytest.MonkeyPatch,
                            capsys: pytest.CaptureFixture[str]) -> None:
    import io

    text = TEXTS[2]
    data = b"\xef\xbb\xbf" + text.encode("utf-8")
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(data)))
    assert main(["--format", "jsonl"]) == 0
    rows = _jsonl(capsys.readouterr().out)
    assert [(r["source"], r["start"]) for r in rows] == [
        ("-", q.start) for q in quoteattr.extract(text)]
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(data)))
    assert main(["--format", "jsonl", "--max-bytes", "20"]) == 2
    assert capsys.readouterr().err == (
        "quoteattr: error: -: larger than 20 bytes; not read (raise --max-bytes)\n")
    monkeypatch.setattr(sys, "stdin", io.StringIO(text))  # a text stream, no bytes
    assert main(["--format", "jsonl"]) == 0
    assert len(_jsonl(capsys.readouterr().out)) == len(rows)
    monkeypatch.setattr(sys, "stdin", None)  # started with stdin closed
    assert main([]) == 2
    assert capsys.readouterr().err == "quoteattr: error: -: no standard input\n"


@pytest.mark.parametrize("argv", [["--encoding", "bogus"], ["--encoding", "rot13"],
                                  ["-j", "-1"], ["-j", "two"], ["--max-bytes", "lots"],
                                  ["--format", "xml"]])
def test_bad_option_values_one_line(argv: list[str], files: list[str],
                                    capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as stop:
        main([files[0], *argv])
    assert stop.value.code == 2
    captured = capsys.readouterr()
    assert captured.out == ""
    assert captured.err.count("\n") == 1 and captured.err.startswith("quoteattr: error:")
    assert argv[0] in captured.err


def test_csv_cells_are_not_formulas(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                    capsys: pytest.CaptureFixture[str]) -> None:
    import csv
    import io

    text = '"=HYPERLINK(1)," said Ann Lee. "-5 is not enough," she said. "@all," she said.'
    monkeypatch.chdir(tmp_path)
    for name in ("=x.txt", "plain.txt"):
        Path(name).write_text(text, encoding="utf-8")
    assert main(["=x.txt", "--format", "jsonl"]) == 0
    exact = _jsonl(capsys.readouterr().out)
    assert [r["text"][0] for r in exact] == ["=", "-", "@"]  # JSON stays exact
    assert {r["source"] for r in exact} == {"=x.txt"}
    assert main(["=x.txt", "plain.txt", "--format", "csv"]) == 0
    rows = list(csv.DictReader(io.StringIO(capsys.readouterr().out)))
    assert [r["text"] for r in rows] == ["'" + r["text"] for r in exact] * 2
    assert [r["source"] for r in rows] == ["'=x.txt"] * 3 + ["plain.txt"] * 3
    assert rows[0]["speaker"] == "Ann Lee" and rows[0]["start"] == "1"


def test_control_characters_in_file_names(tmp_path: Path,
                                          capsys: pytest.CaptureFixture[str]) -> None:
    odd = tmp_path / "a\tb\nc.txt"
    try:
        odd.write_text(TEXTS[2], encoding="utf-8")
    except OSError:
        pytest.skip("the file system takes no tab or newline in a name")
    plain = tmp_path / "plain.txt"
    plain.write_text(TEXTS[2], encoding="utf-8")
    assert main([str(odd), str(plain)]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert len(lines) == 1 + 2 * len(quoteattr.extract(TEXTS[2])) == 5  # a header first
    assert all(line.count("\t") == lines[0].count("\t") for line in lines)
    assert lines[1].startswith(str(tmp_path / "a\\tb\\nc.txt") + "\t")
    assert main([str(odd), str(tmp_path / "gone\t.txt")]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "gone\\t.txt" in err


def test_undecodable_file_name(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    import os

    if sys.platform == "win32" or sys.getfilesystemencoding() != "utf-8":
        pytest.skip("names are bytes on POSIX with a UTF-8 file system encoding")
    name = os.fsdecode(os.fsencode(str(tmp_path)) + b"/\xff.txt")  # a lone surrogate
    with open(name, "w", encoding="utf-8") as f:
        f.write(TEXTS[0])
    for fmt in ("jsonl", "json", "csv", "table"):
        assert main([name, name, "--format", fmt]) == 0
        out = capsys.readouterr().out
        out.encode("utf-8")  # writable to any UTF-8 stream
        assert "\\udcff.txt" in out
    assert main(["--format", "jsonl", name]) == 0
    assert _jsonl(capsys.readouterr().out)[0]["source"] == name  # JSON gives it back


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


@pytest.mark.parametrize(("line", "field"), [
    ('{"id": 1, "text": "abc", "quotes": [{"start": 0, "end": 99}]}', "quotes[0].end"),
    ('{"id": 1, "quotes": []}', "text"),
    ('[1, 2]', "not a JSON object"),
    ('{"id": 1, "text": "abc", "quotes": [{"start": "0", "end": 2}]}', "quotes[0].start")])
def test_evaluate_malformed_gold_one_line(line: str, field: str, tmp_path: Path,
                                          capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "gold.jsonl"
    path.write_text('{"id": 0, "text": "x", "quotes": []}\n' + line + "\n", encoding="utf-8")
    assert main(["--evaluate", str(path)]) == 2
    captured = capsys.readouterr()
    assert captured.out == ""
    assert captured.err.startswith(f"quoteattr: error: {path}:2: {field}")
    assert captured.err.count("\n") == 1
    assert main(["--evaluate", str(path), "--max-bytes", "10"]) == 2
    assert "larger than 10 bytes" in capsys.readouterr().err


def test_progress_when_stderr_is_a_terminal(files: list[str], monkeypatch: pytest.MonkeyPatch,
                                            capsys: pytest.CaptureFixture[str]) -> None:
    pytest.importorskip("tqdm")
    monkeypatch.setattr(sys.stderr, "isatty", lambda: True)
    assert main([*files, "--format", "jsonl"]) == 0
    err = capsys.readouterr().err
    assert f"{len(files)}/{len(files)}" in err
    assert main([*files, "--format", "jsonl", "--no-progress"]) == 0
    assert capsys.readouterr().err == ""


# The command alone, without the package's __init__ (which another module may make lazy or
# not): options are parsed before the pipeline, nltk or regex are imported.
_BARE_CLI = """
import importlib.util, sys, types
spec = importlib.util.find_spec("quoteattr")
package = types.ModuleType("quoteattr")
package.__path__ = list(spec.submodule_search_locations)
package.__version__ = "9.9-test"
sys.modules["quoteattr"] = package
from quoteattr.cli import main
try:
    code = main(sys.argv[1:])
except SystemExit as stop:
    code = stop.code
heavy = sorted(m for m in sys.modules if m.split(".")[0] in ("nltk", "regex")
               or m in ("quoteattr.pipeline", "quoteattr.batch", "quoteattr.evaluate"))
print("heavy:", heavy, "code:", code, file=sys.stderr)
"""


@pytest.mark.parametrize("argv", [["--help"], ["--version"], ["--format", "xml"],
                                  ["--encoding", "bogus", "x.txt"], ["-j", "-3"]])
def test_help_version_and_usage_errors_import_nothing_heavy(argv: list[str]) -> None:
    import subprocess

    done = subprocess.run([sys.executable, "-c", _BARE_CLI, *argv], capture_output=True,
                          text=True, timeout=60)
    assert done.stderr.splitlines()[-1] == f"heavy: [] code: {0 if len(argv) == 1 else 2}"
    if argv == ["--version"]:
        assert done.stdout == "quoteattr 9.9-test\n"
    if argv == ["--help"]:
        assert "--max-bytes" in done.stdout


def test_help_end_to_end_imports_no_pipeline() -> None:
    """``quoteattr --help`` as installed, once ``import quoteattr`` itself is light."""
    import subprocess

    def imported(code: str) -> str:
        done = subprocess.run([sys.executable, "-X", "importtime", "-c", code],
                              capture_output=True, text=True, timeout=120)
        return done.stderr

    if "quoteattr.pipeline" in imported("import quoteattr"):
        pytest.skip("import quoteattr loads the pipeline (quoteattr/__init__.py)")
    names = _imported_names(imported("from quoteattr.cli import main; main(['--help'])"))
    assert "quoteattr.cli" in names
    assert not [n for n in names if n == "quoteattr.pipeline" or n.split(".")[0] == "nltk"]


def _imported_names(importtime: str) -> list[str]:
    """The modules of a ``python -X importtime`` report."""
    return [line.rsplit("|", 1)[1].strip() for line in importtime.splitlines()
            if line.startswith("import time:") and "|" in line]


def test_a_text_that_raises_does_not_stop_the_run(files: list[str],
                                                  monkeypatch: pytest.MonkeyPatch,
                                                  capsys: pytest.CaptureFixture[str]) -> None:
    import quoteattr.batch

    real = quoteattr.batch.extract

    def fragile(text: str, **kw: object) -> object:
        if "Nothing quoted" in text:
            raise RuntimeError("boom")
        return real(text, **kw)  # type: ignore[arg-type]

    monkeypatch.setattr(quoteattr.batch, "extract", fragile)
    assert main([files[0], files[1], files[2], "--format", "jsonl"]) == 2
    captured = capsys.readouterr()
    assert [r["source"] for r in _jsonl(captured.out)] == [files[0], files[2], files[2]]
    assert f"{files[1]}: could not be processed: RuntimeError: boom" in captured.err
    assert "Traceback" not in captured.err
