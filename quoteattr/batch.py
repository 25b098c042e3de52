"""Many texts at once: :func:`extract_many`, streaming, in order, on worker processes."""

from __future__ import annotations

import multiprocessing
import os
import sys
import threading
import warnings
from collections import deque
from collections.abc import Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from itertools import islice
from typing import Any

from .model import Extraction, Quote
from .pipeline import KINDS, extract

BATCH_CHARS = 200_000  # a batch sent to a worker closes after this many characters...
BATCH_TEXTS = 64  # ...or this many texts, whichever comes first
IN_FLIGHT = 4  # batches submitted but not yet collected, per worker


def extract_many(texts: Iterable[str], *, kinds: str = "speech", n_jobs: int = 1,
                 progress: bool = False, total: int | None = None) -> Iterator[Extraction]:
    """:func:`~quoteattr.extract` over many texts, yielding one :class:`Extraction` each.

    Results come in input order. ``texts`` is read lazily and only a bounded number of
    texts is held at any time, so memory stays flat for a generator of any length.

    Args:
        texts: any iterable of ``str`` (a list, a generator reading files, ...).
        kinds: as for :func:`~quoteattr.extract`.
        n_jobs: worker processes; ``1`` runs in this process, ``0`` or a negative
            number means one per CPU.
        progress: show a progress bar (``tqdm``; a widget in Jupyter). Needs the
            ``progress`` extra; without it a warning is given and no bar is shown.
        total: the number of texts, for the bar, when ``len(texts)`` is not known.

    Yields:
        One :class:`Extraction` per text, equal to ``extract(text, kinds=kinds)``.
    """
    if kinds not in KINDS:
        raise ValueError(f"kinds must be one of {KINDS}, got {kinds!r}")
    if total is None and hasattr(texts, "__len__"):
        total = len(texts)  # type: ignore[arg-type]
    jobs = _jobs(n_jobs)
    results = _serial(texts, kinds) if jobs == 1 else _parallel(texts, kinds, jobs)
    return _with_progress(results, total) if progress else results


def _jobs(n_jobs: int) -> int:
    if not isinstance(n_jobs, int) or isinstance(n_jobs, bool):
        raise TypeError(f"n_jobs must be an int, got {type(n_jobs).__name__}")
    return n_jobs if n_jobs > 0 else max(1, os.cpu_count() or 1)


def _serial(texts: Iterable[str], kinds: str) -> Iterator[Extraction]:
    for text in texts:
        yield extract(text, kinds=kinds)


def _batches(texts: Iterable[str]) -> Iterator[list[str]]:
    """Consecutive texts in groups of at most BATCH_TEXTS texts or about BATCH_CHARS."""
    batch: list[str] = []
    size = 0
    for text in texts:
        batch.append(text)
        size += len(text) if isinstance(text, str) else 0
        if len(batch) >= BATCH_TEXTS or size >= BATCH_CHARS:
            yield batch
            batch, size = [], 0
    if batch:
        yield batch


def _work(batch: list[str], kinds: str) -> list[tuple[Quote, ...] | Exception]:
    """In a worker: the quotes of each text (the texts stay with the caller), or the
    error it raised, to be raised by the caller when its turn comes."""
    found: list[tuple[Quote, ...] | Exception] = []
    for text in batch:
        try:
            found.append(tuple(extract(text, kinds=kinds)))
        except Exception as e:
            found.append(e)
    return found


def _warm() -> None:
    """Worker start-up: build the word lists and the sentence splitter once."""
    extract('"Ready," she said.')


def _context() -> multiprocessing.context.BaseContext:
    """How to start workers: by forking a warmed-up copy of this process when that is
    safe (Linux, no other threads running), else by starting them afresh."""
    if sys.platform.startswith("linux") and threading.active_count() == 1:
        _warm()  # the word lists and the splitter, built once here, shared by the copies
        return multiprocessing.get_context("fork")
    if sys.platform.startswith(("win", "darwin")):
        return multiprocessing.get_context("spawn")
    return multiprocessing.get_context("forkserver")


def _parallel(texts: Iterable[str], kinds: str, jobs: int) -> Iterator[Extraction]:
    context = _context()
    window: deque[tuple[list[str], Future[list[tuple[Quote, ...] | Exception]]]] = deque()
    batches = _batches(texts)
    with ProcessPoolExecutor(jobs, mp_context=context, initializer=_warm) as pool:
        try:
            for batch in islice(batches, jobs * IN_FLIGHT):
                window.append((batch, pool.submit(_work, batch, kinds)))
            while window:
                batch, future = window.popleft()
                quotes = future.result()
                for batch_next in islice(batches, 1):
                    window.append((batch_next, pool.submit(_work, batch_next, kinds)))
                for text, found in zip(batch, quotes, strict=True):
                    if isinstance(found, Exception):
                        raise found  # in input order, as extract() would have
                    yield Extraction(text, found)
        finally:
            for _, future in window:
                future.cancel()


def _with_progress(results: Iterator[Extraction], total: int | None) -> Iterator[Extraction]:
    try:
        from tqdm.auto import tqdm
    except ImportError:
        warnings.warn("progress=True needs tqdm: pip install 'quoteattr[progress]'",
                      stacklevel=3)
        yield from results
        return
    bar: Any = tqdm(total=total, unit="text", desc="quoteattr")
    try:
        for result in results:
            bar.update(1)
            yield result
    finally:
        bar.close()
