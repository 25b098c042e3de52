"""extract_many: same results as extract, in order, lazily, on worker processes."""

from __future__ import annotations

import json
import multiprocessing
import os
import pickle
import signal
import subprocess
import sys
from collections.abc import Iterator
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from pathlib import Path
from typing import Any

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


@pytest.fixture
def workers_always(monkeypatch: pytest.MonkeyPatch) -> None:
    """Workers even for a little work (they normally run only when they pay off)."""
    monkeypatch.setattr(batch, "PARALLEL_WORK", {"fork": 0, "fresh": 0})


@pytest.mark.usefixtures("workers_always")
def test_two_processes_equal_one() -> None:
    want = [quoteattr.extract(t, kinds="all") for t in TEXTS]
    got = list(quoteattr.extract_many(iter(TEXTS), kinds="all", n_jobs=2))
    assert got == want
    assert [r.text for r in got] == TEXTS


@pytest.mark.usefixtures("workers_always")
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
    peek = max(batch.PARALLEL_WORK.values()) // batch.TEXT_CHARS + 1
    bound = peek + (2 * batch.IN_FLIGHT + 1) * batch.BATCH_TEXTS
    assert first.text == '"Item 0," he said.'
    assert seen[0] <= bound < n
    results.close()


@pytest.mark.usefixtures("workers_always")
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
    import threading

    before = threading.active_count()
    got = list(quoteattr.extract_many(TEXTS[:3], progress=True))
    assert len(got) == 3
    assert "3/3" in capsys.readouterr().err
    assert threading.active_count() == before  # no monitor thread left running


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


@pytest.mark.usefixtures("workers_always")
def test_workers_start_afresh_when_threads_run() -> None:
    import threading

    stop = threading.Event()
    helper = threading.Thread(target=stop.wait)
    helper.start()
    try:
        context, start = batch._context()
        assert context.get_start_method() != "fork" and start == "fresh"
        if context.get_start_method() == "forkserver":  # it imports quoteattr once
            from multiprocessing import forkserver

            assert "quoteattr.preload" in forkserver._forkserver._preload_modules  # type: ignore
        got = list(quoteattr.extract_many(TEXTS, n_jobs=2))
    finally:
        stop.set()
        helper.join()
    assert got == [quoteattr.extract(t) for t in TEXTS]


class Pools:
    """Records the worker pools extract_many starts: their size and start method."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch) -> None:
        self.made: list[tuple[int, str]] = []
        real = batch.ProcessPoolExecutor

        def pool(jobs: int, **kw: Any) -> ProcessPoolExecutor:
            self.made.append((jobs, kw["mp_context"].get_start_method()))
            return real(jobs, **kw)

        monkeypatch.setattr(batch, "ProcessPoolExecutor", pool)


def test_n_jobs_follows_joblib(monkeypatch: pytest.MonkeyPatch) -> None:
    cores = batch._cores()
    assert batch._jobs(1) == 1 and batch._jobs(3) == 3
    assert batch._jobs(-1) == cores
    assert batch._jobs(-2) == max(1, cores - 1)
    assert batch._jobs(-1000) == 1
    with pytest.raises(ValueError, match="n_jobs=0"):
        quoteattr.extract_many(TEXTS, n_jobs=0)
    monkeypatch.setattr(batch, "PARALLEL_WORK", {"fork": 0, "fresh": 0})
    monkeypatch.setattr(batch, "BATCH_TEXTS", 1)
    pools = Pools(monkeypatch)
    assert list(quoteattr.extract_many(TEXTS, n_jobs=-1)) == [quoteattr.extract(t)
                                                               for t in TEXTS]
    assert [jobs for jobs, _ in pools.made] == ([cores] if cores > 1 else [])


def test_workers_capped_at_the_work_and_the_cores(monkeypatch: pytest.MonkeyPatch) -> None:
    pools = Pools(monkeypatch)
    texts = [f'"Number {k}," said Ann Lee.' for k in range(20)]
    got = list(quoteattr.extract_many(texts, n_jobs=1000))  # too little work: no worker
    assert [r[0].text for r in got] == [f"Number {k}," for k in range(20)]
    assert pools.made == []
    monkeypatch.setattr(batch, "PARALLEL_WORK", {"fork": 0, "fresh": 0})
    monkeypatch.setattr(batch, "BATCH_TEXTS", 4)
    got = list(quoteattr.extract_many(texts[:10], n_jobs=1000))  # three batches
    assert [r[0].text for r in got] == [f"Number {k}," for k in range(10)]
    assert [jobs for jobs, _ in pools.made] == ([min(3, batch._cores())]
                                                if batch._cores() > 1 else [])


def test_enough_work_goes_to_workers(monkeypatch: pytest.MonkeyPatch) -> None:
    if batch._cores() < 2:
        pytest.skip("one CPU: workers never pay off")
    pools = Pools(monkeypatch)
    monkeypatch.setattr(batch, "PARALLEL_WORK", {"fork": 5_000, "fresh": 5_000})
    texts = [f'"Number {k}," said Ann Lee.' + " Filler words." * 10 for k in range(40)]
    got = list(quoteattr.extract_many(iter(texts), n_jobs=2))
    assert got == [quoteattr.extract(t) for t in texts]
    assert [jobs for jobs, _ in pools.made] == [2]


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="fork is for Linux")
@pytest.mark.usefixtures("workers_always")
def test_progress_bar_does_not_stop_the_fork(monkeypatch: pytest.MonkeyPatch) -> None:
    """The bar starts no thread, so workers are still forked from this process (with
    tqdm's monitor thread running, every worker started afresh and paid the import)."""
    pytest.importorskip("tqdm")
    import threading

    if threading.active_count() > 1:
        pytest.skip("another thread runs in this test process")
    pools = Pools(monkeypatch)
    got = list(quoteattr.extract_many(TEXTS, n_jobs=2, progress=True))
    assert got == [quoteattr.extract(t) for t in TEXTS]
    assert pools.made == [(2, "fork")]


@pytest.mark.parametrize("jobs", [1, 2])
@pytest.mark.usefixtures("workers_always")
def test_errors_skip_and_record_keep_the_texts_after(jobs: int,
                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(batch, "BATCH_TEXTS", 2)
    texts: list[Any] = ['"A," she said.', 3, '"B," he said.', None, '"C," said Ann Lee.']
    good = [quoteattr.extract(t) for t in texts if isinstance(t, str)]
    assert list(quoteattr.extract_many(texts, n_jobs=jobs, errors="skip")) == good
    got = list(quoteattr.extract_many(texts, n_jobs=jobs, errors="record"))
    assert [r for r in got if not isinstance(r, batch.Failed)] == good
    failed = [r for r in got if isinstance(r, batch.Failed)]
    assert [(r.position, r.text, len(r)) for r in failed] == [(1, "", 0), (3, "", 0)]
    assert all(r.error.startswith("TypeError:") and "str" in r.error for r in failed)
    assert got[1] is failed[0] and got[3] is failed[1]  # in their places
    assert failed[0].to_dict()["position"] == 1
    assert pickle.loads(pickle.dumps(failed[0])) == failed[0]
    assert failed[0] != quoteattr.Extraction("", ())
    assert json.loads(json.dumps(failed[1].to_dict()))["error"] == failed[1].error
    results = quoteattr.extract_many(texts, n_jobs=jobs)  # errors="raise", the default
    assert next(results) == good[0]
    with pytest.raises(TypeError) as raised:
        next(results)
    if sys.version_info >= (3, 11):
        assert "text 1 of the input" in "".join(raised.value.__notes__)
    with pytest.raises(ValueError, match="errors"):
        quoteattr.extract_many(texts, errors="ignore")


def _failing_source(n: int) -> Iterator[str]:
    for k in range(n):
        yield f'"Item {k}," he said.'
    raise OSError("disk gone")


@pytest.mark.parametrize("jobs", [1, 2])
@pytest.mark.usefixtures("workers_always")
def test_a_failing_source_keeps_the_results_before(jobs: int) -> None:
    got: list[quoteattr.Extraction] = []
    with pytest.raises(OSError, match="disk gone"):
        for result in quoteattr.extract_many(_failing_source(100), n_jobs=jobs):
            got.append(result)
    assert [r.text for r in got] == [f'"Item {k}," he said.' for k in range(100)]
    assert all(len(r) == 1 for r in got)


def _dying_extract(text: str, **options: Any) -> quoteattr.Extraction:
    """extract, except that a text "die" kills its process, and a text naming a file
    that does not exist yet creates it and kills its process (a kill from outside)."""
    if text == "die" or (text.startswith("/") and not os.path.exists(text)):
        if text != "die":
            Path(text).touch()
        os.kill(os.getpid(), signal.SIGKILL)
    return quoteattr.extract(text, **options)


@pytest.fixture
def dying_workers(monkeypatch: pytest.MonkeyPatch) -> None:
    """Workers forked from this process, running _dying_extract."""
    if not sys.platform.startswith("linux") or batch._cores() < 2:
        pytest.skip("needs fork (Linux) and two CPUs")
    monkeypatch.setattr(batch, "extract", _dying_extract)
    monkeypatch.setattr(batch, "_context",
                        lambda: (multiprocessing.get_context("fork"), "fork"))
    monkeypatch.setattr(batch, "PARALLEL_WORK", {"fork": 0, "fresh": 0})
    monkeypatch.setattr(batch, "BATCH_TEXTS", 8)


@pytest.mark.usefixtures("dying_workers")
def test_a_killed_worker_names_the_text_and_keeps_the_results() -> None:
    texts = [f'"Item {k}," he said.' for k in range(60)]
    texts[37] = "die"
    got: list[quoteattr.Extraction] = []
    with pytest.raises(BrokenProcessPool, match="text 37 of the input"):
        for result in quoteattr.extract_many(texts, n_jobs=2):
            got.append(result)
    assert [r.text for r in got] == texts[:37]
    got = list(quoteattr.extract_many(texts, n_jobs=2, errors="record"))
    assert [r.text for r in got] == texts
    assert isinstance(got[37], batch.Failed) and got[37].position == 37
    assert "BrokenProcessPool" in got[37].error
    assert all(len(r) == 1 for k, r in enumerate(got) if k != 37)


@pytest.mark.usefixtures("dying_workers")
def test_a_worker_killed_from_outside_loses_nothing(tmp_path: Path) -> None:
    texts = [f'"Item {k}," he said.' for k in range(60)]
    texts[21] = str(tmp_path / "killed-once")
    got = list(quoteattr.extract_many(texts, n_jobs=2))
    assert [r.text for r in got] == texts
    assert (tmp_path / "killed-once").exists()
    assert sum(len(r) for r in got) == 59
