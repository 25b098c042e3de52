"""Thread safety: concurrent ``extract`` calls give the results of serial ones."""

from __future__ import annotations

import threading
from concurrent.futures import ThreadPoolExecutor

import quoteattr
from benchmarks.hostile import KINDS
from quoteattr import lexicon, patterns, sentences

TEXTS = [
    '"We will win," Jane Smith said. She added: "It is close."',
    KINDS["dialogue"](4_000),
    KINDS["unbalanced"](3_000),
    KINDS["titles"](3_000),
    'Mr. Bennet told his wife: "You want to tell me, and I have no objection."',
    KINDS["quote_runs"](2_000),
]
THREADS = 8
ROUNDS = 4


def _run_concurrently(jobs: list[str]) -> list[quoteattr.Extraction]:
    barrier = threading.Barrier(THREADS)

    def work(text: str) -> quoteattr.Extraction:
        barrier.wait(timeout=30)  # start the first batch together
        return quoteattr.extract(text, kinds="all")

    with ThreadPoolExecutor(max_workers=THREADS) as pool:
        firsts = list(pool.map(work, jobs[:THREADS]))
        rest = list(pool.map(lambda t: quoteattr.extract(t, kinds="all"), jobs[THREADS:]))
    return firsts + rest


def test_concurrent_calls_match_serial_calls() -> None:
    serial = [quoteattr.extract(t, kinds="all") for t in TEXTS]
    assert sum(len(r) for r in serial) > 50
    jobs = TEXTS * ROUNDS
    got = _run_concurrently(jobs)
    assert got == serial * ROUNDS


def test_concurrent_cold_start_builds_the_same_caches() -> None:
    """The word lists, patterns and Punkt parameters are built lazily: threads racing to
    build them must still agree with a serial run."""
    serial = [quoteattr.extract(t, kinds="all") for t in TEXTS]
    for cached in (lexicon.load, patterns._fragments, sentences.tokenizer,
                   *patterns._BUILDERS.values()):  # each pattern is built on first use
        cached.cache_clear()
    got = _run_concurrently(TEXTS + TEXTS[: THREADS - len(TEXTS)])
    assert got[: len(TEXTS)] == serial
