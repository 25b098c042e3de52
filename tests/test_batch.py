"""extract_many: same results as extract, in order, lazily, on worker processes."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

import quoteattr
from quoteattr import batch

ROOT = Path(__file__).resolve().parent.parent
TEXTS = [
    '"We will win," Jane Smith said.',
    "No quotes here at all.",
    "",
    'Paul Jones told reporters: “It is over.” He added, "We go home."',
    (ROOT / "examples" / "healey_visit.txt").read_text(encoding="utf-8"),
] * 3


def test_serial_equals_extract() -> None:
    got = list(quoteattr.extract_many(TEXTS))
    assert got == [quoteattr.extract(t) for t in TEXTS]
    assert all(isinstance(r, quoteattr.Extraction) for r in got)


def test_two_processes_equal_one() -> None:
    want = [quoteattr.extract(t, kinds="all") for t in TEXTS]
    got = list(quoteattr.extract_many(iter(TEXTS), kinds="all", n_jobs=2))
    assert got == want
    assert [r.text for r in got] == TEXTS


def test_small_batches_keep_order(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(batch, "BATCH_TEXTS", 2)
    texts = [f'"Number {k}," said Ann Lee.' for k in range(25)]
    got = list(quoteattr.extract_many(texts, n_jobs=2))
    assert [r.text for r in got] == texts
    assert [r[0].text for r in got] == [f"Number {k}," for k in range(25)]


def _counted(n: int, seen: list[int]) -> Iterator[str]:
    for k in range(n):
        seen[0] = k + 1
        yield f'"Item {k}," he said.'


def test_serial_reads_lazily() -> None:
    seen = [0]
    results = quoteattr.extract_many(_counted(1000, seen))
    next(results)
    assert seen[0] == 1


def test_parallel_reads_a_bounded_window() -> None:
    seen = [0]
    n = 20_000
    results = quoteattr.extract_many(_counted(n, seen), n_jobs=2)
    first = next(results)
    bound = (2 * batch.IN_FLIGHT + 1) * batch.BATCH_TEXTS
    assert first.text == '"Item 0," he said.'
    assert seen[0] <= bound < n
    results.close()


def test_bad_input() -> None:
    with pytest.raises(ValueError, match="kinds"):
        quoteattr.extract_many(TEXTS, kinds="quotes")
    with pytest.raises(TypeError, match="str"):
        list(quoteattr.extract_many(["fine", b"bytes"]))
    for jobs in (1, 2):  # an error comes in its place, after the results before it
        results = quoteattr.extract_many(['"A," she said.', 3, "b"], n_jobs=jobs)
        assert next(results).text == '"A," she said.'
        with pytest.raises(TypeError, match="str"):
            next(results)
    with pytest.raises(TypeError, match="n_jobs"):
        quoteattr.extract_many(TEXTS, n_jobs=2.0)  # type: ignore[arg-type]


def test_progress_bar_on_stderr(capsys: pytest.CaptureFixture[str]) -> None:
    pytest.importorskip("tqdm")
    got = list(quoteattr.extract_many(TEXTS[:3], progress=True))
    assert len(got) == 3
    assert "3/3" in capsys.readouterr().err


def test_progress_without_tqdm_warns(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "tqdm", None)
    monkeypatch.setitem(sys.modules, "tqdm.auto", None)
    with pytest.warns(UserWarning, match="progress"):
        got = list(quoteattr.extract_many(TEXTS[:2], progress=True))
    assert got == [quoteattr.extract(t) for t in TEXTS[:2]]


BLOCKED = """
import sys
class Block:
    def find_spec(self, name, path=None, target=None):
        if name.split(".")[0] in {"pandas", "dask", "distributed", "tqdm", "numpy"}:
            raise ImportError("blocked: " + name)
sys.meta_path.insert(0, Block())
import quoteattr
assert [q.speaker for q in quoteattr.extract('"Yes," Ann Lee said.')] == ["Ann Lee"]
assert len(list(quoteattr.extract_many(["a", "b"]))) == 2
try:
    quoteattr.extract_frame(quoteattr.extract("x"))
except ImportError as e:
    print("frame needs pandas:", e)
"""


def test_import_needs_no_extras() -> None:
    done = subprocess.run([sys.executable, "-c", BLOCKED], cwd=ROOT, capture_output=True,
                          text=True, env={**os.environ, "PYTHONPATH": str(ROOT)}, timeout=120)
    assert done.returncode == 0, done.stderr
    assert "frame needs pandas: blocked: pandas" in done.stdout


def test_workers_start_afresh_when_threads_run() -> None:
    import threading

    stop = threading.Event()
    helper = threading.Thread(target=stop.wait)
    helper.start()
    try:
        assert batch._context().get_start_method() != "fork"
        got = list(quoteattr.extract_many(TEXTS, n_jobs=2))
    finally:
        stop.set()
        helper.join()
    assert got == [quoteattr.extract(t) for t in TEXTS]
