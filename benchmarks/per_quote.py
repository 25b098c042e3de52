"""CPU time per quotation on the dense hostile inputs (issue 16: the fixed cost per
quotation).

Run from the repository root::

    python -m benchmarks.per_quote                 # 300 KB of each input
    python -m benchmarks.per_quote --size 1 --kinds dense untagged_run

For each input: the quotations ``extract`` returns, the CPU microseconds per quotation,
and the time per MB as a ratio to a bare Punkt pass over the same text in the same run
(so figures from a loaded or another machine compare). The inputs hold a quotation
every 10-40 characters, so nearly all their time is the cost each quotation carries.
"""

from __future__ import annotations

import argparse
import time
from collections.abc import Callable

from nltk.tokenize.punkt import PunktSentenceTokenizer

import quoteattr
from benchmarks.common import forget, machine
from benchmarks.hostile import KINDS

MB = 1_000_000
DENSE = ("dense", "dense_odd", "untagged_run")


def cpu(run: Callable[[], object], repeat: int) -> float:
    """Best of ``repeat`` CPU timings of ``run``, in seconds."""
    best = float("inf")
    for _ in range(repeat):
        forget()
        t0 = time.process_time()
        run()
        best = min(best, time.process_time() - t0)
    return best


def measure(kind: str, size: int, repeat: int) -> tuple[int, float, float]:
    """(quotations found, CPU µs per quotation, ratio of time to a Punkt pass)."""
    text = KINDS[kind](size)
    punkt = PunktSentenceTokenizer()
    ref = cpu(lambda: list(punkt.span_tokenize(text)), repeat)
    n = len(quoteattr.extract(text))
    took = cpu(lambda: quoteattr.extract(text), repeat)
    return n, took / max(n, 1) * 1e6, took / ref


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--size", type=float, default=0.3, help="in MB")
    ap.add_argument("--kinds", nargs="+", default=list(DENSE), choices=sorted(KINDS))
    ap.add_argument("--repeat", type=int, default=3)
    args = ap.parse_args(argv)
    quoteattr.extract('"Warm up," she said.')
    print(f"{machine()}; {args.size:g} MB of each input")
    print(f"{'input':14s} {'quotes':>8s} {'µs/quote':>9s} {'x Punkt':>8s}")
    for kind in args.kinds:
        n, us, ratio = measure(kind, int(args.size * MB), args.repeat)
        print(f"{kind:14s} {n:8d} {us:9.1f} {ratio:8.2f}")


if __name__ == "__main__":
    main()
