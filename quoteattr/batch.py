"""Many texts at once: :func:`extract_many`, streaming, in order, on worker processes when
they pay off, losing no result to a text that fails or a worker that dies."""

from __future__ import annotations

import multiprocessing
import os
import sys
import threading
import warnings
from collections import deque
from collections.abc import Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from itertools import chain, islice
from typing import Any

from .cast import Characters, normalise
from .model import Extraction, Quote
from .patterns import build_all
from .pipeline import KINDS, extract

BATCH_CHARS = 100_000  # a batch sent to a worker closes after this many characters...
BATCH_TEXTS = 64  # ...or this many texts, whichever comes first
IN_FLIGHT = 4  # batches submitted but not yet collected, per worker
TEXT_CHARS = 200  # the fixed cost of one text, in characters of work
#: Work (characters) below which worker processes cost more than they save: workers
#: forked from this process start in milliseconds; workers started afresh (forkserver,
#: spawn) each import quoteattr and build what the first extract needs.
PARALLEL_WORK = {"fork": 300_000, "fresh": 3_000_000}
ERRORS = ("raise", "skip", "record")

Found = tuple[Quote, ...] | Extraction | Exception  # an Extraction keeps its speaker records
#: The per-text options of :func:`~quoteattr.extract`, checked once (:func:`options`) and
#: sent as they are with every batch to the workers.
Options = dict[str, Any]


def options(*, kinds: str = "speech", characters: Characters | None = None,
            reported: bool = False) -> Options:
    """The per-text options of :func:`~quoteattr.extract`, checked and normalised once in
    the caller (the cast as plain entries, cheap to send), for :func:`_work` to pass to
    every ``extract`` call. A new option of ``extract`` is one more keyword here."""
    if kinds not in KINDS:
        raise ValueError(f"kinds must be one of {KINDS}, got {kinds!r}")
    return {"kinds": kinds, "characters": normalise(characters), "reported": bool(reported)}


class Failed(Extraction):
    """In place of the result of a text that raised, with ``errors="record"``: no quotes,
    the text (``""`` if it was not a ``str``), its ``position`` in the input (from 0) and the
    ``error`` as ``"TypeName: message"``."""

    __slots__ = ("error", "position")

    def __init__(self, text: str, position: int, error: str) -> None:
        super().__init__(text, ())
        self.position = position
        self.error = error

    def __eq__(self, other: object) -> bool:
        if isinstance(other, Failed):
            mine = (self.text, self.position, self.error)
            return mine == (other.text, other.position, other.error)
        return False if isinstance(other, Extraction) else NotImplemented

    def __hash__(self) -> int:
        return hash((self.text, self.position, self.error))

    def __repr__(self) -> str:
        return f"Failed(text {self.position}: {self.error})"

    def __reduce__(self) -> tuple[type[Failed], tuple[str, int, str]]:
        return Failed, (self.text, self.position, self.error)

    def to_dict(self) -> dict[str, Any]:
        """``{"text": ..., "quotes": [], "position": ..., "error": ...}``."""
        return {**super().to_dict(), "position": self.position, "error": self.error}


def extract_many(texts: Iterable[str], *, kinds: str = "speech",
                 characters: Characters | None = None, reported: bool = False,
                 n_jobs: int = 1,
                 progress: bool = False, total: int | None = None,
                 errors: str = "raise") -> Iterator[Extraction]:
    """:func:`~quoteattr.extract` over many texts, yielding one :class:`Extraction` each.

    Results come in input order. ``texts`` is read lazily and only a bounded number of
    texts is held at any time, so memory stays flat for a generator of any length.

    Args:
        texts: any iterable of ``str`` (a list, a generator reading files, ...); one
            ``str`` is refused (it is not many texts).
        kinds, characters, reported: as for :func:`~quoteattr.extract`; the cast is checked once,
            here, and used for every text.
        n_jobs: at most this many worker processes, as in joblib: ``1`` runs in this
            process, ``-1`` uses every CPU, ``-2`` all but one, ...; ``0`` is an error.
            Fewer are used when the work is small: too little text for workers to pay
            off runs in this process, and there are never more workers than CPUs or
            batches of work.
        progress: show a progress bar (``tqdm``; a widget in Jupyter). Needs the
            ``progress`` extra; without it a warning is given and no bar is shown.
        total: the number of texts, for the bar, when ``len(texts)`` is not known.
        errors: what a text that makes ``extract`` raise gives: ``"raise"`` (the
            default) raises that error in its place, after the results before it, with a
            note naming the text's index; ``"skip"`` leaves it out; ``"record"`` yields
            a :class:`Failed` in its place. An error raised by ``texts`` itself is
            raised after the results of every text read before it.

    Yields:
        One :class:`Extraction` per text, equal to ``extract(text, kinds=kinds,
        characters=characters, reported=reported)``.

    Raises:
        TypeError: ``texts`` is a ``str`` (or bytes), or a malformed cast (see
            :func:`quoteattr.cast.normalise`).
        BrokenProcessPool: with ``errors="raise"``, when a text kills its worker process
            (out of memory, ...) again when it is run alone; the message names the
            text's index. A worker killed from outside costs no result: the texts it
            held are run again.
    """
    if isinstance(texts, (str, bytes, bytearray)):
        raise TypeError(f"extract_many() needs an iterable of texts, got one "
                        f"{type(texts).__name__}: use extract(text), or extract_many([text])")
    opts = options(kinds=kinds, characters=characters, reported=reported)
    if errors not in ERRORS:
        raise ValueError(f"errors must be one of {ERRORS}, got {errors!r}")
    if total is None and hasattr(texts, "__len__"):
        total = len(texts)  # type: ignore[arg-type]
    jobs = min(_jobs(n_jobs), _cores())
    results = _run(iter(texts), opts, jobs, errors)
    return _with_progress(results, total) if progress else results


def _jobs(n_jobs: int) -> int:
    """Workers asked for, read as joblib does: -1 all CPUs, -2 all but one, ..."""
    if not isinstance(n_jobs, int) or isinstance(n_jobs, bool):
        raise TypeError(f"n_jobs must be an int, got {type(n_jobs).__name__}")
    if n_jobs == 0:
        raise ValueError("n_jobs=0 means no worker: use 1 (this process), N, or -1 "
                         "(every CPU)")
    return n_jobs if n_jobs > 0 else max(1, _cores() + 1 + n_jobs)


def _cores() -> int:
    """CPUs this process may run on."""
    if hasattr(os, "sched_getaffinity"):
        return max(1, len(os.sched_getaffinity(0)))
    return max(1, os.cpu_count() or 1)


class _Source:
    """The input texts, numbered; an error raised by the input ends them and is kept to
    be raised once every text read before it has its result."""

    def __init__(self, texts: Iterator[str]) -> None:
        self._texts = texts
        self.ended = False
        self.error: Exception | None = None

    def __iter__(self) -> Iterator[str]:
        while not self.ended:
            try:
                text = next(self._texts)
            except StopIteration:
                self.ended = True
                return
            except Exception as e:
                self.error, self.ended = e, True
                return
            yield text


def _work_of(text: object) -> int:
    return (len(text) if isinstance(text, str) else 0) + TEXT_CHARS


def _run(texts: Iterator[str], opts: Options, jobs: int, errors: str
         ) -> Iterator[Extraction]:
    source = _Source(texts)
    head: list[str] = []
    if jobs > 1:
        need, work = PARALLEL_WORK[_context()[1]], 0
        for text in source:  # peek: is there enough work for workers to pay off?
            head.append(text)
            work += _work_of(text)
            if work >= need:
                break
        if source.ended:
            jobs = 1 if work < need else min(jobs, len(list(_batches(iter(head)))))
    stream = chain(head, source)
    if jobs > 1:
        yield from _parallel(stream, opts, jobs, errors)
    else:
        for index, text in enumerate(stream):
            found: Found
            try:
                found = extract(text, **opts)
            except Exception as e:
                found = e
            yield from _results(index, [text], [found], errors)
    if source.error is not None:
        raise source.error


def _results(start: int, batch: list[str], found: list[Found],
             errors: str) -> Iterator[Extraction]:
    """The results of a batch whose first text has index ``start``; a failed text
    raises, is skipped or is recorded, as ``errors`` says."""
    for index, (text, quotes) in enumerate(zip(batch, found, strict=True), start):
        if isinstance(quotes, Extraction):
            yield quotes
        elif not isinstance(quotes, Exception):
            yield Extraction(text, quotes)
        elif errors == "record":
            yield Failed(text if isinstance(text, str) else "", index,
                         f"{type(quotes).__name__}: {quotes}")
        elif errors == "raise":
            if hasattr(quotes, "add_note"):  # Python 3.11+
                quotes.add_note(f"extract_many: raised by text {index} of the input")
            raise quotes  # in input order, as extract() would have


def _batches(texts: Iterator[str]) -> Iterator[list[str]]:
    """Consecutive texts in groups of at most BATCH_TEXTS texts or about BATCH_CHARS."""
    batch: list[str] = []
    size = 0
    for text in texts:
        batch.append(text)
        size += _work_of(text)
        if len(batch) >= BATCH_TEXTS or size >= BATCH_CHARS:
            yield batch
            batch, size = [], 0
    if batch:
        yield batch


def _work(batch: list[str], opts: Options) -> list[Found]:
    """In a worker: the quotes of each text (the texts stay with the caller), or the
    error it raised, to be dealt with by the caller when its turn comes."""
    found: list[Found] = []
    for text in batch:
        try:
            found.append(tuple(extract(text, **opts)))
        except Exception as e:
            found.append(e)
    return found


def prepare() -> None:
    """Worker start-up: build every pattern, the word lists and the sentence splitter
    once (a forked worker finds them built already)."""
    build_all()
    extract('"Ready," she said.')


def _context() -> tuple[multiprocessing.context.BaseContext, str]:
    """How to start workers, and whether that is a ``"fork"`` of this process or a
    ``"fresh"`` start. A fork of this process when that is safe (Linux, no other thread
    running: a progress bar, a notebook, a web server have threads); else a fork of a
    forkserver that has imported quoteattr once (POSIX); else spawn (Windows)."""
    if sys.platform.startswith("linux") and threading.active_count() == 1:
        return multiprocessing.get_context("fork"), "fork"
    if "forkserver" in multiprocessing.get_all_start_methods():
        context = multiprocessing.get_context("forkserver")
        _preload(context)
        return context, "fresh"
    return multiprocessing.get_context("spawn"), "fresh"


def _preload(context: Any) -> None:
    """Have the forkserver import quoteattr and build its patterns once
    (:mod:`quoteattr.preload`), before it forks any worker, keeping
    the modules it preloads already (``__main__`` by default). It takes effect when the
    forkserver starts, and the server stays up for the life of this process."""
    from multiprocessing import forkserver

    current = list(getattr(getattr(forkserver, "_forkserver", None), "_preload_modules",
                           None) or ["__main__"])
    if "quoteattr.preload" not in current:
        context.set_forkserver_preload([*current, "quoteattr.preload"])


def _pool(jobs: int) -> ProcessPoolExecutor:
    """A pool of ``jobs`` workers, started as :func:`_context` says at this moment."""
    context, start = _context()
    if start == "fork":
        prepare()  # the word lists and the splitter, built once here, shared by the copies
    return ProcessPoolExecutor(jobs, mp_context=context, initializer=prepare)


def _submit(pool: ProcessPoolExecutor, batch: list[str], opts: Options
            ) -> Future[list[Found]]:
    try:
        return pool.submit(_work, batch, opts)
    except BrokenProcessPool as e:  # a worker died since the last result: redo it later
        future: Future[list[Found]] = Future()
        future.set_exception(e)
        return future


Window = deque[tuple[int, list[str], "Future[list[Found]]"]]


def _parallel(texts: Iterator[str], opts: Options, jobs: int,
              errors: str) -> Iterator[Extraction]:
    """Batches on a pool of ``jobs`` workers, at most ``jobs * IN_FLIGHT`` at a time,
    results in order. When a worker dies, the results already computed are kept and
    the texts whose results were lost are run again, one at a time (:func:`_alone`)."""
    batches = _batches(texts)
    window: Window = deque()
    index = 0
    pool = _pool(jobs)
    try:
        while True:
            for batch in islice(batches, jobs * IN_FLIGHT - len(window)):
                window.append((index, batch, _submit(pool, batch, opts)))
                index += len(batch)
            if not window:
                return
            first, batch, future = window.popleft()
            try:
                found = future.result()
            except BrokenProcessPool:
                lost = [(first, batch, future), *window]
                window.clear()
                pool.shutdown(wait=True)
                for first, batch, future in lost:
                    if future.done() and not future.cancelled() and not future.exception():
                        yield from _results(first, batch, future.result(), errors)
                    else:
                        yield from _alone(first, batch, opts, errors)
                pool = _pool(jobs)
                continue
            except Exception:  # a result that could not be sent back: redo it here
                found = _work(batch, opts)
            yield from _results(first, batch, found, errors)
    finally:
        for _, _, future in window:
            future.cancel()
        pool.shutdown(wait=True)


def _alone(first: int, batch: list[str], opts: Options, errors: str
           ) -> Iterator[Extraction]:
    """Each text of ``batch`` run by itself on one worker: a text that kills its worker
    again is named, and fails on its own."""
    pool: ProcessPoolExecutor | None = None
    try:
        for index, text in enumerate(batch, first):
            pool = pool or _pool(1)
            found: Found
            try:
                found = pool.submit(_work, [text], opts).result()[0]
            except BrokenProcessPool as e:
                pool.shutdown(wait=True)
                pool = None
                found = BrokenProcessPool(
                    f"text {index} of the input killed its worker process, also when run "
                    f"alone (out of memory? killed?)")
                found.__cause__ = e
            yield from _results(index, [text], [found], errors)
    finally:
        if pool is not None:
            pool.shutdown(wait=True)


def _with_progress(results: Iterator[Extraction], total: int | None) -> Iterator[Extraction]:
    """A bar over ``results``. It starts no monitor thread (tqdm's default does, and
    keeps it for the life of the process): with a thread running, workers can no longer
    be forked from this process, and each would start afresh."""
    try:
        from tqdm.auto import tqdm
    except ImportError:
        warnings.warn("progress=True needs tqdm: pip install 'quoteattr[progress]'",
                      stacklevel=3)
        yield from results
        return

    class Bar(tqdm):
        monitor_interval = 0  # no monitor thread

    bar: Any = Bar(total=total, unit="text", desc="quoteattr")
    try:
        for result in results:
            bar.update(1)
            yield result
    finally:
        bar.close()
