"""What speaker identity costs a batch run.

    python benchmarks/identity.py [--rounds 3] [--jobs 1]

Over the same texts in one process, interleaved, best of ``--rounds``:

- ``plain``: ``extract_many`` over the texts, results consumed;
- ``identity``: the same, each result added to one :class:`quoteattr.Speakers` as it
  comes, then the persons and the corpus-wide ids worked out (``persons()``);
- ``records``: the part of ``extract`` that builds each text's speaker records
  (:func:`quoteattr.speakers.build`, run again on the results), against ``plain``.

With one process the times are its CPU seconds (a busy machine does not skew them), with
workers wall seconds. The ratios are the figures: ``identity / plain`` must stay under
1.10 (issue 18).
"""

from __future__ import annotations

import argparse
import time
from collections.abc import Callable

from common import forget, machine, megabytes, news_texts

import quoteattr
from quoteattr.speakers import build

LIMIT = 1.10


def plain(texts: list[str], jobs: int) -> int:
    forget()
    return sum(len(r) for r in quoteattr.extract_many(texts, n_jobs=jobs))


def identity(texts: list[str], jobs: int) -> int:
    forget()
    people = quoteattr.Speakers()
    n = 0
    for k, r in enumerate(quoteattr.extract_many(texts, n_jobs=jobs)):
        people.add(r, k)
        n += len(r)
    people.persons()
    return n


def best_of(rounds: int, runs: dict[str, Callable[[], object]],
            clock: Callable[[], float]) -> dict[str, float]:
    """Per run, the best seconds of ``clock`` over ``rounds``, runs interleaved."""
    best = dict.fromkeys(runs, float("inf"))
    for _ in range(rounds):
        for name, run in runs.items():
            start = clock()
            run()
            best[name] = min(best[name], clock() - start)
    return best


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--rounds", type=int, default=3)
    ap.add_argument("--jobs", type=int, default=1)
    args = ap.parse_args()
    source, texts = news_texts()
    results = list(quoteattr.extract_many(texts))  # warm: patterns compiled once
    pairs = [(r.text, tuple(r)) for r in results]
    # one process: its CPU time, which other processes on the machine do not inflate;
    # with workers: wall time
    clock = time.process_time if args.jobs == 1 else time.perf_counter
    best = best_of(args.rounds, {
        "plain": lambda: plain(texts, args.jobs),
        "identity": lambda: identity(texts, args.jobs),
        "records": lambda: [build(t, qs) for t, qs in pairs],
    }, clock)
    people = quoteattr.Speakers(results)
    print(f"{machine()}\n{source}: {len(texts)} texts, {megabytes(texts):.2f} MB, "
          f"n_jobs={args.jobs}, best of {args.rounds} "
          f"({'CPU' if args.jobs == 1 else 'wall'} seconds)")
    print(f"  {len(people)} persons over {len(texts)} documents")
    for name, took in best.items():
        print(f"  {name:9} {took:7.2f} s")
    ratio = best["identity"] / best["plain"]
    print(f"  identity / plain       {ratio:.3f} (limit {LIMIT:.2f})")
    print(f"  records / plain        {best['records'] / best['plain']:.3f} "
          "(the records' share of extract)")
    return 0 if ratio <= LIMIT else 1


if __name__ == "__main__":
    raise SystemExit(main())
